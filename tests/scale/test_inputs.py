"""A large JSONL file streamed in blocks reads exactly as ``iter_articles`` reads it whole."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import marsad.inputs
from marsad.errors import InputError
from marsad.inputs import iter_inputs
from marsad.io.readers import iter_articles


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(marsad.inputs, "STREAM_ABOVE", 1_000)
    monkeypatch.setattr(marsad.inputs, "BLOCK", 5_000)


def _archive(tmp_path: Path, dev_lines: list[str]) -> Path:
    lines = list(dev_lines[:40])
    lines[7] = "{broken\n"
    lines[25] = "\n"
    record = json.loads(dev_lines[30])
    del record["published"]
    lines[30] = json.dumps(record, ensure_ascii=False) + "\n"
    path = tmp_path / "archive.jsonl"
    path.write_text("\ufeff" + "".join(lines) + '{"id": "last", "text": "no newline at the end"}', encoding="utf-8")
    return path


def test_streamed_blocks_give_the_same_articles_and_errors(small_blocks: None, tmp_path: Path,
                                                          dev_lines: list[str]) -> None:
    path = _archive(tmp_path, dev_lines)
    whole_errors: list[str] = []
    streamed_errors: list[str] = []
    whole = list(iter_articles([str(path)], published=date(2020, 1, 1), on_error=lambda e: whole_errors.append(str(e))))
    streamed = list(iter_inputs([str(path)], published=date(2020, 1, 1),
                                on_error=lambda e: streamed_errors.append(str(e))))
    assert marsad.inputs._streamable(str(path), path)
    assert streamed == whole and len(whole) == 39
    assert streamed_errors == whole_errors
    assert len(whole_errors) == 1 and whole_errors[0].startswith(f"{path}:8: ")


def test_a_raising_handler_stops_the_stream_once(small_blocks: None, tmp_path: Path, dev_lines: list[str]) -> None:
    path = _archive(tmp_path, dev_lines)
    seen: list[InputError] = []

    def stop(error: InputError) -> None:
        seen.append(error)
        raise error

    with pytest.raises(InputError) as raised:
        list(iter_inputs([str(path)], on_error=stop))
    assert len(seen) == 1 and raised.value is seen[0] and raised.value.line == 8


def test_small_files_arrays_and_directories_go_to_the_readers(tmp_path: Path, dev_lines: list[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    small = tmp_path / "small.jsonl"
    small.write_text("".join(dev_lines[:3]), encoding="utf-8")
    assert not marsad.inputs._streamable(str(small), small)
    array = tmp_path / "array.jsonl"
    array.write_text("[" + ",".join(line.strip() for line in dev_lines[:3]) + "]", encoding="utf-8")
    monkeypatch.setattr(marsad.inputs, "STREAM_ABOVE", 10)
    assert marsad.inputs._streamable(str(small), small)
    assert not marsad.inputs._streamable(str(array), array)
    assert not marsad.inputs._streamable(str(tmp_path), tmp_path)
    assert list(iter_inputs([str(tmp_path)])) == list(iter_articles([str(tmp_path)]))


def test_jsonl_on_stdin_is_streamed_in_blocks_with_file_line_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import json
    import sys
    from types import SimpleNamespace

    import marsad.inputs as inputs_module
    from marsad.inputs import iter_inputs

    lines = [json.dumps({"id": f"s{i}", "text": f"قتل {i} في بغداد"}, ensure_ascii=False) for i in range(40)]
    lines[25] = "{not json"
    data = ("\n".join(lines) + "\n").encode()
    reads: list[int] = []

    class Counting(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
            reads.append(size if size is not None else -1)
            return super().read(size)

    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=Counting(io.BytesIO(data))))
    monkeypatch.setattr(inputs_module, "BLOCK", 200)
    errors: list[InputError] = []
    articles = list(iter_inputs(["-"], on_error=errors.append))
    assert [a.id for a in articles] == [f"s{i}" for i in range(40) if i != 25]
    assert [(e.where, e.line) for e in errors] == [("<stdin>", 26)]
    assert len(reads) > 3 and -1 not in reads  # read block by block, never whole
