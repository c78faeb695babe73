"""Worker pools give the serial run's output, byte for byte, in input order."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import records, run_marsad

from marsad.io.readers import iter_articles
from marsad.parallel import PoolEngine, SerialEngine, Task, batch_extractor, chunked, extract_stream, ordered
from marsad.progress import estimate_total
from marsad.store import ingest_articles, open_store


def test_two_workers_print_the_same_bytes_as_one(dev_path: Path, serial_jsonl: str) -> None:
    pooled = run_marsad("extract", str(dev_path), "--workers", "2", "--chunk-size", "7")
    assert pooled.stdout == serial_jsonl
    assert "ETA" not in pooled.stderr and "\x1b[" not in pooled.stderr  # no progress bar: stderr is a pipe


def test_out_file_holds_what_stdout_shows(dev_path: Path, serial_jsonl: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    run_marsad("extract", str(dev_path), "--workers", "2", "--out", str(out))
    assert out.read_text(encoding="utf-8") == serial_jsonl


def test_serial_output_is_in_input_order(dev_path: Path, serial_jsonl: str) -> None:
    ids = [a.id for a in iter_articles([str(dev_path)])]
    seen = [r["article_id"] for r in records(serial_jsonl)]
    positions = [ids.index(i) for i in seen]
    assert positions == sorted(positions)


def test_ordered_keeps_submission_order_and_bounds_the_window() -> None:
    in_flight, most = 0, 0
    lock = threading.Lock()

    def work(i: int) -> int:
        nonlocal in_flight, most
        time.sleep(0.02 * (i % 3 == 0))  # every third item finishes last
        with lock:
            in_flight -= 1
        return i * i

    with ThreadPoolExecutor(4) as pool:
        def submit(i: int):  # noqa: ANN202
            nonlocal in_flight, most
            with lock:
                in_flight += 1
                most = max(most, in_flight)
            return pool.submit(work, i)

        out = list(ordered(submit, range(20), window=3))
    assert out == [(i, i * i) for i in range(20)]
    assert most <= 3


def test_chunked_covers_every_item_once() -> None:
    assert list(chunked(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked([], 3)) == []


def test_an_extractor_error_is_one_result_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch,
                                                             dev_path: Path) -> None:
    import marsad.pipeline

    articles = list(iter_articles([str(dev_path)]))[:6]
    real = marsad.pipeline.extract_events

    def flaky(article, include_unlocated=False):  # noqa: ANN001, ANN202
        if article.id == articles[2].id:
            raise ValueError("boom")
        return real(article, include_unlocated=include_unlocated)

    monkeypatch.setattr(marsad.pipeline, "extract_events", flaky)
    results = [r for _, r in extract_stream(articles, SerialEngine(), Task(output="jsonl"), chunk_size=4)]
    assert [bool(r.error) for r in results] == [False, False, True, False, False, False]
    assert results[2].error == "ValueError: boom"


def test_cli_reports_a_failed_article_on_one_line_and_exits_1(monkeypatch: pytest.MonkeyPatch, dev_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    import marsad.pipeline
    from marsad.cli import main

    victim = next(iter_articles([str(dev_path)])).id
    real = marsad.pipeline.extract_events

    def flaky(article, include_unlocated=False):  # noqa: ANN001, ANN202
        if article.id == victim:
            raise ValueError("boom")
        return real(article, include_unlocated=include_unlocated)

    monkeypatch.setattr(marsad.pipeline, "extract_events", flaky)
    with pytest.raises(SystemExit) as stopped:
        main(["extract", str(dev_path), "--workers", "1"])
    assert stopped.value.code == 1
    captured = capsys.readouterr()
    assert f"Error: {victim}: extraction failed (ValueError: boom)\n" in captured.err
    assert victim not in captured.out and captured.out.count("\n") > 50


def test_ingest_with_two_workers_stores_what_one_worker_stores(dev_path: Path, tmp_path: Path) -> None:
    articles = list(iter_articles([str(dev_path)]))
    tables = []
    for name, engine in (("one", SerialEngine()), ("two", PoolEngine(2))):
        with engine, open_store(tmp_path / f"{name}.db") as store:
            stats = ingest_articles(store, articles, extract_many=batch_extractor(engine, Task(arabic_only=False)),
                                    batch_size=50)
            assert stats.added == len(articles) and stats.failed == 0
            again = ingest_articles(store, articles, extract_many=batch_extractor(engine, Task(arabic_only=False)))
            assert again.unchanged == len(articles) and again.added == 0  # a re-run extracts nothing
            tables.append(_stored(store))
    assert tables[0] == tables[1]
    assert len(tables[0][0]) > 50


def _stored(store) -> tuple[list, list]:  # noqa: ANN001
    from sqlalchemy import select

    from marsad.store import schema

    a, m, e = schema.articles, schema.mentions, schema.events
    with store.read() as conn:
        mentions = conn.execute(select(a.c.id, m.c.ordinal, m.c.record).select_from(m.join(a, a.c.pk == m.c.article_pk))
                                .order_by(a.c.id, m.c.ordinal)).all()
        events = conn.execute(select(e.c.event_id, e.c.record).order_by(e.c.event_id)).all()
    return [tuple(r) for r in mentions], [(r[0], _without_times(r[1])) for r in events]


def _without_times(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in ("timestamp", "created_at", "updated_at")}


def test_estimate_total_counts_cheaply(tmp_path: Path, dev_path: Path, dev_lines: list[str]) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text("".join(dev_lines[:5]), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    assert estimate_total([str(tmp_path)]) == 6
    assert estimate_total([str(dev_path)]) == len(dev_lines)
    assert estimate_total(["-"]) is None
    (tmp_path / "c.csv").write_text("text\nx\n", encoding="utf-8")
    assert estimate_total([str(tmp_path)]) is None
