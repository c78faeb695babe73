"""Decoding per record, never per file: one damaged line costs its own record only.

A file of records (JSONL, CSV, feed) that is UTF-8 but for a stray byte on one line is still
UTF-8: that line's record is reported (file and line) and every other record is read intact.
A feed cut off inside an item loses that item, not the stored full version of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_marsad

from marsad.errors import InputError
from marsad.io.encoding import decode_lines, read_text_document
from marsad.io.readers import read_path

TEXT = "قتل ثلاثة مدنيين بانفجار عبوة ناسفة في بلدة الرشاد جنوبي كركوك ليل أمس"


def _records(n: int) -> list[dict[str, str]]:
    return [{"id": f"a{i}", "url": f"https://example.com/{i}", "published": "2021-08-03",
             "title": f"خبر رقم {i} عن كركوك", "text": f"{TEXT} ({i})"} for i in range(n)]


def _jsonl(records: list[dict[str, str]], damaged: int | None = None) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in records]
    if damaged is not None:  # one stray Windows-1256 byte inside the title of one record
        lines[damaged] = lines[damaged].replace("خبر".encode(), "خبر".encode() + b"\xe1", 1)
    return b"\n".join(lines) + b"\n"


def test_a_stray_byte_costs_only_its_line(tmp_path: Path) -> None:
    records = _records(20)
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl(records, damaged=6))
    errors: list[InputError] = []
    articles = list(read_path(path, on_error=errors.append))
    assert [a.id for a in articles] == [r["id"] for r in records if r["id"] != "a6"]
    assert all(a.text.endswith(r["text"]) for a, r in zip(articles, [r for r in records if r["id"] != "a6"],
                                                          strict=True))
    assert [(e.where, e.line) for e in errors] == [(str(path), 7)]
    assert "UTF-8" in errors[0].problem


def test_a_damaged_csv_row_spanning_lines_is_skipped_and_the_next_row_kept(tmp_path: Path) -> None:
    body = ("id,title,text\n"
            f'a1,"أول","{TEXT}\nسطر ثان"\n'
            f'a2,"ثان","{TEXT}"\n'
            f'a3,"ثالث","{TEXT}\nسطر"\n').encode()
    damaged = body.replace("سطر ثان".encode(), "سطر".encode() + b"\xff" + " ثان".encode())
    path = tmp_path / "rows.csv"
    path.write_bytes(damaged)
    errors: list[InputError] = []
    articles = list(read_path(path, on_error=errors.append))
    assert [a.id for a in articles] == ["a2", "a3"]
    assert [e.line for e in errors] == [3]


def test_a_single_document_with_a_stray_byte_names_the_line() -> None:
    data = f"{TEXT}\nسطر ثان\n".encode() + b"\xe1\xe1 " + "بقية".encode() + b"\n"
    with pytest.raises(InputError) as raised:
        read_text_document(data, "one.txt")
    assert (raised.value.where, raised.value.line) == ("one.txt", 3)


def test_detection_runs_only_when_no_line_is_utf8() -> None:
    legacy = f"{TEXT}\nسطر ثان\n".encode("cp1256")
    assert decode_lines(legacy, "old.txt").text == f"{TEXT}\nسطر ثان\n"
    mixed = f"{TEXT}\n".encode() + "سطر ثان\n".encode("cp1256")
    decoded = decode_lines(mixed, "mixed.txt")
    assert decoded.text.startswith(TEXT) and decoded.bad_lines == (2,)


def test_cli_extract_reports_the_line_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_jsonl(_records(5), damaged=2))
    done = run_marsad("extract", str(path), "--format", "jsonl", "--include-unlocated")
    assert done.returncode == 1
    assert f"{path}:3" in done.stderr and "UTF-8" in done.stderr
    ids = {json.loads(line)["article_id"] for line in done.stdout.splitlines() if line.strip()}
    assert ids == {"a0", "a1", "a3", "a4"}


def _feed(items: list[tuple[str, str]]) -> str:
    body = "".join(f"<item><title>{t}</title><link>https://example.com/{i}</link><description>{d}</description>"
                   f"<pubDate>Tue, 03 Aug 2021 08:00:00 GMT</pubDate></item>\n" for i, (t, d) in enumerate(items))
    head = '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>T</title>\n'
    return f"{head}{body}</channel></rss>\n"


def test_a_truncated_feed_loses_its_cut_item_only(tmp_path: Path) -> None:
    full = _feed([("خبر أول", TEXT), ("خبر ثان", TEXT + " وأصيب آخرون")])
    path = tmp_path / "cut.rss"
    path.write_text(full[: full.index("وأصيب")], encoding="utf-8")
    errors: list[InputError] = []
    articles = list(read_path(path, on_error=errors.append))
    assert [a.title for a in articles] == ["خبر أول"]
    assert len(errors) == 1 and "item 2" in errors[0].problem and "cut off" in errors[0].problem
    path.write_text(full, encoding="utf-8")
    assert [a.title for a in read_path(path)] == ["خبر أول", "خبر ثان"]


def test_reingesting_a_damaged_file_over_a_good_store_removes_nothing(tmp_path: Path) -> None:
    records = _records(20)
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_bytes(_jsonl(records))
    bad.write_bytes(_jsonl(records, damaged=6))
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert run_marsad("ingest", str(good), "--db", db).returncode == 0
    before = run_marsad("export", "--format", "jsonl", "--db", db)
    again = run_marsad("ingest", str(bad), "--db", db)
    assert again.returncode == 1 and f"{bad}:7" in again.stderr
    assert "removed" not in again.stdout + again.stderr or " 0 removed" in again.stdout + again.stderr
    after = run_marsad("export", "--format", "jsonl", "--db", db)
    assert after.stdout == before.stdout and before.stdout.strip()


def test_a_fifo_in_an_input_directory_is_skipped_with_a_message(tmp_path: Path) -> None:
    import os

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    done = run_marsad("extract", str(tmp_path), "--format", "jsonl", timeout=60)
    assert done.returncode == 0
    assert "pipe.txt: skipped (not a regular file)" in done.stderr
    assert done.stdout.strip()


def test_a_download_has_an_overall_deadline() -> None:
    from marsad.io import feeds

    class Drip:
        def iter_bytes(self):  # type: ignore[no-untyped-def]
            for _ in range(50):
                yield b"x"

    with pytest.raises(InputError, match="still downloading"):
        feeds._limited_body(Drip(), "https://slow.example/", 1000, deadline=-1.0)  # type: ignore[arg-type]
    assert feeds._limited_body(Drip(), "https://slow.example/", 1000) == b"x" * 50


def test_an_unterminated_quote_costs_its_row_and_names_the_fault(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('id,title,text\na1,عنوان,"نص أول\na2,ثان,"نص ثان"\na3,ثالث,نص "ثالث" هنا\n'
                    'a4,رابع,"نص\nعلى سطرين"\na5,خامس,"بلا إغلاق\n', encoding="utf-8")
    errors: list[InputError] = []
    articles = list(read_path(path, on_error=errors.append))
    assert [(a.id, a.text.split("\n\n", 1)[1]) for a in articles] == [("a2", "نص ثان"), ("a3", 'نص "ثالث" هنا'),
                                                  ("a4", "نص\nعلى سطرين")]
    assert [e.line for e in errors] == [2, 7]
    assert all("unterminated quote" in e.problem for e in errors)
