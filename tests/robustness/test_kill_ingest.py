"""Nothing lost, nothing doubled: ``marsad ingest`` of 5,000 articles SIGKILLed midway, then run again.

The articles are the dev set replicated with fresh ids and urls (so none is deduplicated),
copy k published 10·k days after the original: each copy then reports incidents of its own
days, as 5,000 distinct articles would, instead of every event becoming a 40-report merge.
A clean single run on SQLite (all cores) is the reference.  On each backend the test

1. starts ``marsad ingest --workers 1`` in a subprocess and, once three batches are committed
   (the article count, polled), SIGKILLs it while the next batch is being written: as soon as
   its write transaction is seen open (SQLite: the write lock is taken, so our own
   ``BEGIN IMMEDIATE`` fails; PostgreSQL: its session holds the store's advisory write lock);
2. checks the database: SQLite's ``PRAGMA integrity_check`` and foreign keys; on both, that
   whole batches only were stored, each stored article with all its mentions, each mention
   in an event, each event with a member (no half article);
3. runs the same ingest to completion and finds the reference exactly: 5,000 articles, the
   same mentions, events, event ids and memberships, none doubled.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import BACKENDS, PgDatabase, marsad_command, run_marsad
from sqlalchemy import create_engine, text

from marsad.store.db import _PG_WRITE_LOCK, resolve_url

pytestmark = pytest.mark.slow  # 5,000-article ingests killed mid-run: about 2 minutes

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "articles.jsonl"
N_ARTICLES = 5000
BATCH = 200
KILL_AFTER_BATCHES = 3
COPY_SHIFT_DAYS = 10
ARGS = ("--batch-size", str(BATCH), "--no-progress")
KILLED = ("--workers", "1", *ARGS)  # one process: the SIGKILL leaves no worker behind


def replicate(path: Path, n: int = N_ARTICLES) -> Path:
    """``n`` articles: the dev set copied with fresh ids and urls, copy k published 10·k days later."""
    dev = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    with open(path, "w", encoding="utf-8") as f:
        for number in range(n):
            copy, record = divmod(number, len(dev))
            article = dict(dev[record])
            article["id"] = f"{article['id']}~{copy}"
            article["url"] = f"https://kill.example/{copy}/{record}"
            if article.get("published"):
                day = date.fromisoformat(article["published"]) + timedelta(days=COPY_SHIFT_DAYS * copy)
                article["published"] = day.isoformat()
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def _json(value: Any) -> str:
    return json.dumps(json.loads(value) if isinstance(value, str) else value, sort_keys=True, ensure_ascii=False)


def snapshot(url: str) -> dict[str, dict[Any, Any]]:
    """What the store holds, by natural keys (row pks differ after a rolled-back batch)."""
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            def rows(query: str) -> list[Any]:
                return list(conn.execute(text(query)))

            return {
                "articles": {r[0]: r[1] for r in rows("SELECT key, content_hash FROM articles")},
                "mentions": {(r[0], r[1]): _json(r[2]) for r in rows(
                    "SELECT a.key, m.ordinal, m.record FROM mentions m JOIN articles a ON a.pk = m.article_pk")},
                "events": {r[0]: (r[1], r[2], _json(r[3])) for r in rows(
                    "SELECT event_id, founder, n_articles, record FROM events")},
                "members": {(r[0], r[1]): r[2] for r in rows(
                    "SELECT a.key, m.ordinal, em.event_id FROM event_members em "
                    "JOIN mentions m ON m.pk = em.mention_pk JOIN articles a ON a.pk = m.article_pk")},
            }
    finally:
        engine.dispose()


def half_articles(url: str, reference: dict[str, dict[Any, Any]]) -> list[str]:
    """Problems of a store left by a killed run: partial batches, articles without all their
    mentions, mentions without an event, events without a member."""
    state = snapshot(url)
    problems = []
    if len(state["articles"]) % BATCH:
        problems.append(f"{len(state['articles'])} articles: not whole batches of {BATCH}")
    expected: dict[str, int] = {}
    for key, _ in reference["mentions"]:
        expected[key] = expected.get(key, 0) + 1
    have: dict[str, int] = {}
    for key, _ in state["mentions"]:
        have[key] = have.get(key, 0) + 1
    problems += [f"{key}: {have.get(key, 0)} of {expected.get(key, 0)} mentions"
                 for key in state["articles"] if have.get(key, 0) != expected.get(key, 0)]
    problems += [f"mention {m} in no event" for m in state["mentions"] if m not in state["members"]]
    problems += [f"mention {m} of no stored article" for m in state["mentions"] if m[0] not in state["articles"]]
    empty = set(state["events"]) - set(state["members"].values())
    problems += [f"event {e} without members" for e in sorted(empty)]
    return problems


@pytest.fixture(scope="module")
def articles_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return replicate(tmp_path_factory.mktemp("kill") / "articles.jsonl")


@pytest.fixture(scope="module")
def clean_db(articles_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean single run (SQLite, on all cores: the stored result does not depend on the worker count)."""
    db = tmp_path_factory.mktemp("reference") / "clean.db"
    done = run_marsad("ingest", str(articles_file), "--db", str(db), *ARGS, timeout=300)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def reference(clean_db: Path) -> dict[str, dict[Any, Any]]:
    state = snapshot(str(clean_db))
    assert len(state["articles"]) == N_ARTICLES and len(state["mentions"]) > N_ARTICLES
    return state


def test_the_checks_see_half_articles(clean_db: Path, reference: dict[str, dict[Any, Any]], tmp_path: Path) -> None:
    """What the kill test looks for is found when it is there (a store damaged by hand)."""
    import shutil

    assert half_articles(str(clean_db), reference) == []
    damaged = tmp_path / "damaged.db"
    shutil.copy(clean_db, damaged)
    with sqlite3.connect(damaged) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        pk, key = conn.execute("SELECT a.pk, a.key FROM articles a JOIN mentions m ON m.article_pk = a.pk "
                               "GROUP BY a.pk HAVING count(*) > 1 LIMIT 1").fetchone()
        conn.execute("DELETE FROM mentions WHERE pk = (SELECT max(pk) FROM mentions WHERE article_pk = ?)", (pk,))
        conn.execute("DELETE FROM articles WHERE pk = (SELECT max(pk) FROM articles)")
    problems = half_articles(str(damaged), reference)
    assert any(p.startswith(f"{key}: ") for p in problems), problems
    assert any("not whole batches" in p for p in problems), problems


def _sqlite_count(path: Path) -> Callable[[], int]:
    def count() -> int:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
                return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.Error:  # not created or migrated yet
            return 0

    return count


def _sqlite_writing(path: Path) -> Callable[[], bool]:
    """Whether a write transaction is open: the write lock cannot be had (taken back at once if it can)."""
    def writing() -> bool:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc) or "busy" in str(exc)
        finally:
            conn.close()

    return writing


def _pg_count(database: PgDatabase) -> Callable[[], int]:
    def count() -> int:
        try:
            return int(database.scalar("SELECT count(*) FROM articles"))  # type: ignore[arg-type]
        except Exception:  # the tables do not exist yet
            return 0

    return count


def _pg_writing(database: PgDatabase) -> Callable[[], bool]:
    """Whether the ingest's session holds the store's advisory write lock (a write transaction is open)."""
    query = ("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
             f"WHERE l.locktype = 'advisory' AND l.granted AND l.objid = {_PG_WRITE_LOCK} "
             f"AND a.usename = '{database.name}'")

    def writing() -> bool:
        return bool(database.scalar(query))

    return writing


def kill_midway(args: list[str], count: Callable[[], int], writing: Callable[[], bool], log: Path) -> int:
    """Start the ingest; once ``KILL_AFTER_BATCHES`` batches are in, SIGKILL it inside its next write
    transaction.  Returns the articles stored then."""
    with open(log, "w") as err:
        proc = subprocess.Popen(marsad_command(*args), stdout=subprocess.DEVNULL, stderr=err)
        try:
            deadline = time.monotonic() + 120
            while count() < KILL_AFTER_BATCHES * BATCH and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            while not writing() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            assert proc.poll() is None, f"the ingest ended before it could be killed: {log.read_text()[-2000:]}"
            assert time.monotonic() < deadline, "no write transaction seen within the time allowed"
            proc.kill()
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)
    assert proc.returncode == -9, f"not killed by SIGKILL: {proc.returncode}"
    return count()


@pytest.mark.parametrize("backend", BACKENDS)
def test_sigkill_mid_ingest_loses_nothing_and_a_rerun_doubles_nothing(
        backend: str, articles_file: Path, reference: dict[str, dict[Any, Any]], tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    if backend == "sqlite":
        db_path = tmp_path / "killed.db"
        url, count, writing = str(db_path), _sqlite_count(db_path), _sqlite_writing(db_path)
    else:
        database = request.getfixturevalue("pg_database")()
        url, count, writing = database.url, _pg_count(database), _pg_writing(database)
    args = ["ingest", str(articles_file), "--db", url, *KILLED]

    stored = kill_midway(args, count, writing, tmp_path / "killed.log")
    assert KILL_AFTER_BATCHES * BATCH <= stored < N_ARTICLES
    if backend == "sqlite":
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert half_articles(url, reference) == []

    started = time.monotonic()
    done = run_marsad(*args, timeout=300)
    print(f"{backend}: killed with {stored} articles stored; the re-run took {time.monotonic() - started:.1f} s")
    assert done.returncode == 0, done.stderr
    assert f"{N_ARTICLES} articles read: {N_ARTICLES - stored} new, 0 changed, {stored} unchanged" in done.stderr
    state = snapshot(url)
    assert len(state["articles"]) == N_ARTICLES
    for table in ("articles", "mentions", "members", "events"):
        assert state[table] == reference[table], table
