"""``marsad extract --out FILE`` resumes: each article's events end up in FILE exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import records, run_marsad

from marsad.sinks import JsonlOut


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _extract_in_process(*args: str) -> None:
    from marsad.cli import main

    main(["extract", *args, "--workers", "1"])


def _count_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import marsad.pipeline

    seen: list[str] = []
    real = marsad.pipeline.extract_events

    def counting(article, include_unlocated=False):  # noqa: ANN001, ANN202
        seen.append(article.id)
        return real(article, include_unlocated=include_unlocated)

    monkeypatch.setattr(marsad.pipeline, "extract_events", counting)
    return seen


def test_second_run_extracts_only_the_new_articles(tmp_path: Path, dev_lines: list[str], serial_jsonl: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "events.jsonl"
    first = _write(tmp_path / "first.jsonl", dev_lines[:60])
    everything = _write(tmp_path / "all.jsonl", dev_lines)
    _extract_in_process(str(first), "--out", str(out))
    calls = _count_calls(monkeypatch)
    _extract_in_process(str(everything), "--out", str(out))
    assert len(calls) == len(dev_lines) - 60  # articles with no events are not extracted again either
    assert out.read_text(encoding="utf-8") == serial_jsonl


def test_a_trailing_partial_line_is_repaired(tmp_path: Path, dev_lines: list[str], serial_jsonl: str) -> None:
    out = tmp_path / "events.jsonl"
    _extract_in_process(_write(tmp_path / "first.jsonl", dev_lines[:60]).as_posix(), "--out", str(out))
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"article_id": "half-written, killed her')
    _extract_in_process(_write(tmp_path / "all.jsonl", dev_lines).as_posix(), "--out", str(out))
    assert out.read_text(encoding="utf-8") == serial_jsonl


def test_an_uncommitted_article_is_redone_not_duplicated(tmp_path: Path, dev_lines: list[str],
                                                          serial_jsonl: str) -> None:
    """Killed after an article's lines were written but before the done log said so."""
    out = tmp_path / "events.jsonl"
    _extract_in_process(_write(tmp_path / "first.jsonl", dev_lines[:60]).as_posix(), "--out", str(out))
    done_log = out.with_name(out.name + ".done")
    entries = done_log.read_text(encoding="utf-8").splitlines(keepends=True)
    last_with_events = max(i for i, line in enumerate(entries)
                           if json.loads(line)["end"] > (json.loads(entries[i - 1])["end"] if i else 0))
    done_log.write_text("".join(entries[:last_with_events]) + entries[last_with_events][:9], encoding="utf-8")
    _extract_in_process(_write(tmp_path / "all.jsonl", dev_lines).as_posix(), "--out", str(out))
    assert out.read_text(encoding="utf-8") == serial_jsonl


def test_a_file_without_done_log_is_resumed_from_its_ids(tmp_path: Path, dev_lines: list[str],
                                                         serial_jsonl: str) -> None:
    out = tmp_path / "events.jsonl"
    first = run_marsad("extract", str(_write(tmp_path / "first.jsonl", dev_lines[:60])), "--workers", "1").stdout
    cut = len(first) - 25  # `marsad extract > FILE` killed mid-line
    out.write_text(first[:cut], encoding="utf-8")
    _extract_in_process(_write(tmp_path / "all.jsonl", dev_lines).as_posix(), "--out", str(out))
    assert out.read_text(encoding="utf-8") == serial_jsonl


def test_overwrite_starts_afresh(tmp_path: Path, dev_lines: list[str], serial_jsonl: str) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("not even JSON\n", encoding="utf-8")
    _extract_in_process(_write(tmp_path / "all.jsonl", dev_lines).as_posix(), "--out", str(out), "--overwrite")
    assert out.read_text(encoding="utf-8") == serial_jsonl


def test_a_killed_pool_run_resumes_to_the_same_file(tmp_path: Path, dev_path: Path, serial_jsonl: str) -> None:
    out = tmp_path / "events.jsonl"
    args = [sys.executable, "-m", "marsad.cli", "extract", str(dev_path), "--workers", "2", "--chunk-size", "4",
            "--out", str(out)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and (not out.exists() or out.stat().st_size < 20_000):
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its workers, mid-run
    assert proc.wait() == -signal.SIGKILL
    assert 0 < out.stat().st_size < len(serial_jsonl.encode())
    run_marsad("extract", str(dev_path), "--workers", "2", "--out", str(out))
    got = out.read_text(encoding="utf-8")
    assert got == serial_jsonl
    ids = [r["article_id"] for r in records(got)]
    assert len(ids) == len(records(serial_jsonl))


def test_done_log_api(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    with JsonlOut(path) as sink:
        sink.write("a", '{"article_id": "a"}\n')
        sink.write("b", "")
    with JsonlOut(path) as sink:
        assert sink.done == {"a", "b"}
        sink.write("c", '{"article_id": "c"}\n')
    assert path.read_text(encoding="utf-8") == '{"article_id": "a"}\n{"article_id": "c"}\n'
    with JsonlOut(path, resume=False) as sink:
        assert sink.done == set()
    assert path.read_text(encoding="utf-8") == ""
