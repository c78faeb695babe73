"""Issue 14: no silent loss (worse versions kept, removals journaled), aggregates, keyset pages, integrity."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from _store_cases import CASES, extractor
from sqlalchemy import func, select

from marsad.model import Article
from marsad.store import Store, ingest_articles, merge, query_events
from marsad.store import schema as tables
from marsad.store.ingest import worse_version
from marsad.store.journal import read_removals

HAJIN_FR, HAJIN_BB = "ant2-FR-middleEast-685-20180623", "ant2-BB-middleEast-659-20180623"


def _stored_text(store: Store, article_id: str) -> str:
    with store.read() as conn:
        return str(conn.scalar(select(tables.articles.c.text).where(tables.articles.c.id == article_id)))


def _ingest_again(store: Store, article: Article, cases: dict | None = None, force: bool = False
                  ) -> tuple[object, list[tuple[str, str]]]:
    notes: list[tuple[str, str]] = []
    stats = ingest_articles(store, [article], extract=extractor(cases), force=force,
                            on_note=lambda where, what: notes.append((where, what)))
    return stats, notes


@pytest.mark.parametrize("why, change", [
    ("characters", lambda text: text[: len(text) // 2]),  # truncated copy
    ("U+FFFD", lambda text: text.replace("ال", "\ufffd", 3)),  # bytes a reader could not decode
])
def test_a_worse_text_keeps_the_stored_version_and_says_why(store: Store, dev_by_id: dict[str, Article],
                                                           why: str, change) -> None:
    good = dev_by_id[HAJIN_BB]
    ingest_articles(store, [good, dev_by_id[HAJIN_FR]], extract=extractor())
    before = query_events(store)
    worse = replace(good, text=change(good.text))
    stats, notes = _ingest_again(store, worse)
    assert (stats.kept, stats.replaced, stats.removed) == (1, 0, 0)
    assert len(notes) == 1 and notes[0][0] == HAJIN_BB and why in notes[0][1] and "--force" in notes[0][1]
    assert "1 stored versions kept" in stats.summary()
    assert _stored_text(store, HAJIN_BB) == good.text
    assert query_events(store) == before
    assert read_removals(store) == []

    stats, notes = _ingest_again(store, worse, force=True)  # --force: the user says it is the right one
    assert (stats.kept, stats.replaced, stats.removed) == (0, 1, 2) and notes == []
    assert _stored_text(store, HAJIN_BB) == worse.text


def test_far_fewer_events_keeps_the_stored_version(store: Store, dev_by_id: dict[str, Article]) -> None:
    ingest_articles(store, [dev_by_id[HAJIN_BB]], extract=extractor())
    same_length = replace(dev_by_id[HAJIN_BB], text=dev_by_id[HAJIN_BB].text + " ")
    stats, notes = _ingest_again(store, same_length, cases={})  # 2 records → 0
    assert stats.kept == 1 and "0 event record(s), the stored one 2" in notes[0][1]
    assert len(query_events(store)) == 2
    # one record fewer of two is an ordinary correction: it replaces
    stats, notes = _ingest_again(store, same_length, cases={HAJIN_BB: CASES[HAJIN_BB][:1]})
    assert (stats.kept, stats.replaced, stats.removed) == (0, 1, 2) and notes == []
    assert len(query_events(store)) == 1


def test_worse_version_rules() -> None:
    text = "قتل شخصان في هجوم على بغداد أمس " * 10
    assert worse_version(text, 3, text + " تحديث", 3) is None
    assert worse_version(text, 3, text[: len(text) // 2], 3)
    assert worse_version(text, 3, text[: int(len(text) * 0.8)], 3) is None  # a trimmed update, not a truncation
    assert worse_version(text, 4, text, 1) and worse_version(text, 2, text, 0)
    assert worse_version(text, 1, text, 0) is None and worse_version(text, 4, text, 2) is None
    assert worse_version(text + "\ufffd", 1, text + "\ufffd\ufffd", 1) is None  # the stored text had them too


def test_every_removal_is_counted_and_journaled(store: Store, dev_by_id: dict[str, Article]) -> None:
    ingest_articles(store, [dev_by_id[HAJIN_FR], dev_by_id[HAJIN_BB]], extract=extractor())
    may = [e["event_id"] for e in query_events(store) if e["event_date"] == "2018-05-24"]
    updated = replace(dev_by_id[HAJIN_BB], text=dev_by_id[HAJIN_BB].text + " تحديث")
    stats, _ = _ingest_again(store, updated, cases={HAJIN_BB: CASES[HAJIN_BB][:1]})  # the May strike is gone
    assert (stats.replaced, stats.removed, stats.merge.deleted) == (1, 2, 1)
    assert "2 stored event records removed" in stats.summary()
    journal = read_removals(store)
    records = [r for r in journal if r["kind"] == "record"]
    assert len(records) == 2 and {r["article_id"] for r in records} == {HAJIN_BB}
    assert sorted(r["event_date"] for r in records) == ["2018-05-24", "2018-06-23"]
    assert all(r["record"]["article_id"] == HAJIN_BB and r["reason"] for r in records)
    (gone,) = [r for r in journal if r["kind"] == "event"]
    assert gone["event_id"] == may[0] and gone["record"]["event_id"] == may[0]


def test_aggregates_follow_every_change(store: Store, dev_by_id: dict[str, Article]) -> None:
    articles = [dev_by_id[i] for i in sorted(CASES)]
    ingest_articles(store, articles, extract=extractor())
    updated = replace(dev_by_id[HAJIN_BB], text=dev_by_id[HAJIN_BB].text + " تحديث")
    ingest_articles(store, [updated], extract=extractor({HAJIN_BB: CASES[HAJIN_BB][:1]}))
    _assert_aggregates_match(store)
    merge(store, rebuild=True)
    _assert_aggregates_match(store)


def _assert_aggregates_match(store: Store) -> None:
    ev, ed, et = tables.events, tables.event_days, tables.event_totals
    keys = (ev.c.country, ev.c.event_date, ev.c.admin1, ev.c.admin2, ev.c.event_type, ev.c.sub_event_type)
    with store.read() as conn:
        expected = {tuple(r[:-2]): tuple(r[-2:]) for r in conn.execute(
            select(*keys, func.count(), func.sum(ev.c.fatalities)).group_by(*keys))}
        kept = {tuple(r[:6]): (r.events, r.fatalities) for r in conn.execute(select(ed))}
        totals = sum(conn.scalars(select(et.c.events)))
        n = conn.scalar(select(func.count()).select_from(ev))
    assert kept == expected and totals == n > 0


# --------------------------------------------------------------------------- the CLI


def _marsad(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


def test_cli_notes_a_kept_version_and_journal_lists_removals(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    text = ("قتل خمسة أشخاص وأصيب عشرة آخرون في انفجار سيارة مفخخة في سوق مدينة الصدر في بغداد "
            "صباح الأحد، وقالت الشرطة إن الانفجار وقع قرب مطعم شعبي مزدحم. ") * 3
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a1", "url": "https://example.com/a1", "published": "2021-03-07",
                                "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    short = tmp_path / "short.jsonl"
    short.write_text(json.dumps({"id": "a1", "url": "https://example.com/a1", "published": "2021-03-07",
                                 "text": text[:60]}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert _marsad("ingest", str(good), "--db", str(db), "--workers", "1").returncode == 0
    kept = _marsad("ingest", str(short), "--db", str(db), "--workers", "1")
    assert kept.returncode == 0
    assert "Note: a1: stored version kept: the new text is 60 characters" in kept.stderr
    assert "1 stored versions kept" in kept.stderr
    forced = _marsad("ingest", str(short), "--db", str(db), "--workers", "1", "--force")
    assert forced.returncode == 0 and "stored event records removed" in forced.stderr, forced.stderr
    listed = _marsad("journal", "--db", str(db))
    assert listed.returncode == 0 and "record" in listed.stdout and "a1" in listed.stdout
    lines = _marsad("journal", "--db", str(db), "--json").stdout.splitlines()
    assert lines and all(json.loads(line)["reason"] for line in lines)


# --------------------------------------------------------------------------- integrity


def test_a_damaged_sqlite_file_is_refused_in_one_line(tmp_path: Path, dev_by_id: dict[str, Article]) -> None:
    from marsad.store import open_store

    db = tmp_path / "s.db"
    with open_store(db) as store:
        ingest_articles(store, [dev_by_id[i] for i in sorted(CASES)], extract=extractor())
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert pages > 6
    raw = bytearray(db.read_bytes())
    middle = page_size * (pages // 2)
    raw[middle: middle + page_size] = b"\x5a" * page_size  # one page in the middle of the file overwritten
    db.write_bytes(bytes(raw))
    before = db.read_bytes()
    for args in (["events"], ["export", "--format", "jsonl"], ["ingest", "-", "--published", "2021-01-01"]):
        done = subprocess.run([sys.executable, "-m", "marsad.cli", *args, "--db", str(db)], input="قتل شخص في بغداد.",
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and "damaged" in lines[0], done.stderr
        assert "Traceback" not in done.stderr
    assert db.read_bytes() == before  # nothing written


def test_first_day_of_data_is_not_confused_by_the_day_table(store: Store, dev_by_id: dict[str, Article]) -> None:
    ingest_articles(store, [dev_by_id[HAJIN_BB]], extract=extractor())
    with store.read() as conn:
        days = sorted(conn.scalars(select(tables.event_days.c.event_date)))
    assert days == [date(2018, 5, 24), date(2018, 6, 23)]


# --------------------------------------------------------------------------- serving an archive


def _archive(store: Store, dev_by_id: dict[str, Article], n: int, years: int = 1) -> list[dict]:
    """``store`` with the hand-built incidents and ``n`` synthetic events made from them (many a day)."""
    from marsad.loadtest import fill_archive

    ingest_articles(store, [dev_by_id[i] for i in sorted(CASES)], extract=extractor())
    with store.read() as conn:
        seeds = [dict(r) for r in conn.execute(tables.events.select().where(tables.events.c.unlocated.is_(False)))
                 .mappings()]
    fill_archive(store, n, seeds, log=lambda _: None, start=date(2020, 1, 1), years=years)
    return seeds


@pytest.mark.parametrize("filters", [{}, {"admin1": "baghdad", "since": date(2020, 3, 1)}], ids=["all", "admin1"])
@pytest.mark.parametrize("newest_first", [False, True], ids=["asc", "desc"])
def test_keyset_pages_give_every_event_exactly_once(store: Store, dev_by_id: dict[str, Article], filters: dict,
                                                   newest_first: bool) -> None:
    from marsad.api.queries import ApiFilter, event_page
    from marsad.store import EventFilter

    _archive(store, dev_by_id, 2_500)  # about 7 events a day: pages end inside days
    wanted = EventFilter(**filters)
    expected = [e["event_id"] for e in query_events(store, wanted)]
    if newest_first:
        expected.reverse()
    assert len(expected) > 300
    seen: list[str] = []
    cursor = None
    for _ in range(200):  # bounded
        page = event_page(store, ApiFilter(**filters), limit=97, newest_first=newest_first, cursor=cursor)
        seen += [r["event_id"] for r in page.records]
        assert page.total == len(expected) and page.total_exact
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected  # each once, in order, none missed
    raw = event_page(store, ApiFilter(**filters), limit=5, newest_first=newest_first, raw=True)
    decoded = event_page(store, ApiFilter(**filters), limit=5, newest_first=newest_first)
    assert [json.loads(text) for text in raw.raw] == decoded.records  # the stored text, the same timestamps
    assert [r["event_id"] for r in decoded.records] == expected[:5]


def test_a_total_beyond_the_cap_says_so(store: Store, dev_by_id: dict[str, Article]) -> None:
    from marsad.api.queries import ApiFilter, event_page

    _archive(store, dev_by_id, 300)
    page = event_page(store, ApiFilter(since=date(2020, 1, 1)), limit=10)
    assert page.total == 300 and page.total_exact
    with store.read() as conn:
        from marsad.api.queries import capped_count

        assert capped_count(conn, ApiFilter(since=date(2020, 1, 1)), cap=100) == (100, False)


def test_a_cursor_from_elsewhere_is_refused(store: Store) -> None:
    from marsad.api.queries import ApiFilter, encode_cursor, event_page
    from marsad.errors import InputError

    with pytest.raises(InputError, match="cursor"):
        event_page(store, ApiFilter(), limit=10, cursor="not-a-cursor")
    with pytest.raises(InputError, match="other order"):
        event_page(store, ApiFilter(), limit=10, cursor=encode_cursor("2020-01-01", "IRQ1", True))


def test_a_heavy_read_stops_at_its_time_budget(store: Store, dev_by_id: dict[str, Article]) -> None:
    import time

    from marsad.analysis.gaps import gaps_from_store
    from marsad.store.db import QueryTimeout

    _archive(store, dev_by_id, 30_000, years=10)
    heavy = {"window": 3660, "baseline": 36600, "event_types": None, "min_events": 1}
    assert gaps_from_store(store, **heavy)  # with no budget it finishes
    started = time.perf_counter()
    with pytest.raises(QueryTimeout, match="time budget"):
        gaps_from_store(store, **heavy, budget=0.001)
    assert time.perf_counter() - started < 2.0
    assert len(query_events(store, limit=3)) == 3  # the store serves on


def test_the_api_answers_503_when_the_budget_runs_out_and_healthz_stays_quick(
        tmp_path: Path, dev_by_id: dict[str, Article], monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from fastapi.testclient import TestClient

    from marsad.api import app as app_module
    from marsad.store import open_store

    with open_store(tmp_path / "s.db") as store:
        _archive(store, dev_by_id, 30_000, years=10)
    monkeypatch.setattr(app_module, "REQUEST_BUDGET_S", 0.001)
    with TestClient(app_module.create_app(str(tmp_path / "s.db"))) as client:
        answer = client.get("/api/gaps", params={"window": 3660, "baseline": 36600, "all_types": "true"})
        assert answer.status_code == 503 and answer.json()["error"]["code"] == "unavailable"
        started = time.perf_counter()
        health = client.get("/healthz")
        assert health.status_code == 200 and health.json()["events"] == 30_000 + 13  # and the 13 hand-built incidents
        assert time.perf_counter() - started < 0.5
