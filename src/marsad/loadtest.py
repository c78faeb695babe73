"""``python -m marsad.loadtest``: bounded load tests of the API on this machine (loopback only).

    python -m marsad.loadtest                          # a 1,000,000-event archive, SQLite and PostgreSQL
    python -m marsad.loadtest --events 100000 --pg ''  # smaller, SQLite only
    python -m marsad.loadtest --db marsad.db --requests 50 --out /tmp/lt.json   # an existing store
    python -m marsad.loadtest --workers 2              # served by marsad serve --workers 2

**The archive** (default): it builds a store of ``--events`` events on SQLite, and on the
PostgreSQL server ``--pg`` (default ``postgresql://postgres@127.0.0.1:5432/test``; a database
``marsad_loadtest`` of its own is created there and dropped after), through the store's own
schema, migrations and aggregate tables; the rows are the located events that the dev and
train articles give (ingested as ever), copied with fresh ids and days spread evenly over ten
years, bulk-inserted (a load fixture).  Each store is served by ``marsad serve --workers N``
(``--workers``, default 1: the command users run) on a free port of 127.0.0.1 and measured:
``--requests`` requests of ``GET /api/events`` with ``--concurrency`` (20) in flight, half
the default page and half a governorate over a year; ``GET /api/gaps`` at its default
parameters, 5 times; ``GET /healthz`` every 25 ms while four clients send the heaviest
``/api/gaps`` the API allows.  The figures and the targets of issue
14 (:data:`ARCHIVE_TARGETS`) go to ``benchmarks/results/loadtest-archive.json``.

**An existing store** (``--db``): the dashboard's fixed mix of queries (pages, offsets,
country, governorate, dates, event type, actor, bounding box, GeoJSON, newest first), their
values taken from the store's own events, ``--concurrency`` (8) at a time; results in
``benchmarks/results/loadtest.json``.

A request is an error unless it answers 200 with a page.  Every loop is bounded (requests,
rounds, ``--max-seconds``).  Exit code 0 when no request of /api/events failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.bench import REPO, _git_commit, machine

if TYPE_CHECKING:
    from marsad.store import Store

DEFAULT_OUT = REPO / "benchmarks" / "results" / "loadtest.json"
ARCHIVE_OUT = REPO / "benchmarks" / "results" / "loadtest-archive.json"
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
DEV_ARTICLES = REPO / "tests" / "corpus" / "dev" / "articles.jsonl"
HOST = "127.0.0.1"  # the only address this load test ever sends to
PATH = "/api/events"

Params = dict[str, str | int]


@dataclass(slots=True)
class Load:
    """What one run measured."""

    latencies_ms: list[float] = field(default_factory=list)
    by_label: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    seconds: float = 0.0
    abandoned: int = 0  # not sent before --max-seconds

    def summary(self) -> dict[str, Any]:
        done = sorted(self.latencies_ms)
        n = len(done)
        return {
            "requests": n + self.abandoned,
            "completed": n,
            "errors": sum(self.errors.values()) + self.abandoned,
            "errors_by_kind": dict(self.errors) | ({"abandoned": self.abandoned} if self.abandoned else {}),
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "seconds": round(self.seconds, 3),
            "requests_per_s": round(n / self.seconds, 1) if self.seconds else 0.0,
            "latency_ms": latency(done),
            **({"by_query": {label: latency(sorted(values)) for label, values in self.by_label.items()}}
               if len(self.by_label) > 1 else {}),
        }


def latency(done: Sequence[float]) -> dict[str, float | int | None]:
    """p50/p90/p99/max/mean of sorted latencies, and how many."""
    n = len(done)
    return {"p50": percentile(done, 50), "p90": percentile(done, 90), "p99": percentile(done, 99),
            "max": round(done[-1], 2) if done else None, "mean": round(sum(done) / n, 2) if n else None, "n": n}


def percentile(ordered: Sequence[float], p: float) -> float | None:
    """The nearest-rank ``p``-th percentile of sorted values (None for none)."""
    if not ordered:
        return None
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 2)


# --------------------------------------------------------------------------- the store and the server

#: Corpora whose extracted events seed the synthetic archive (validation is left alone: it is read
#: only as aggregate scores).
SEED_CORPORA = ("dev", "train")
#: First day of the synthetic archive; its events are spread evenly over :data:`ARCHIVE_YEARS`.
ARCHIVE_START = date(2015, 1, 1)
ARCHIVE_YEARS = 10
_ID_MARK, _DATE_MARK = "@@MARSAD_EVENT_ID@@", "@@MARSAD_EVENT_DATE@@"  # JSON keeps them as they are


def seed_events(scratch: Path) -> list[dict[str, Any]]:
    """The located merged events of the seed corpora, ingested into a scratch SQLite store: each a
    dict of the ``events`` columns (the synthetic archive's rows are copies of these)."""
    from marsad.io.readers import iter_articles
    from marsad.store import ingest_articles, open_store, schema

    paths = [REPO / "tests" / "corpus" / name / "articles.jsonl" for name in SEED_CORPORA]
    paths = [p for p in paths if p.is_file()]
    if paths:
        articles: Any = iter_articles([str(p) for p in paths])
    else:
        from marsad.commands.demo import sample_articles

        articles = sample_articles()
    with open_store(scratch / "seeds.db") as store:
        ingest_articles(store, articles, on_skip=_quiet, on_note=_quiet, on_error=_quiet)
        with store.read() as conn:
            rows = conn.execute(schema.events.select().where(schema.events.c.unlocated.is_(False))
                                .order_by(schema.events.c.event_id)).mappings().all()
    return [dict(row) for row in rows]


def _quiet(*_: Any) -> None:
    return None


@dataclass(slots=True)
class _Template:
    """A seed event's row, its record serialised once with marks where the id and the date go."""

    row: dict[str, Any]
    record: str
    sources: str


def _templates(seeds: list[dict[str, Any]]) -> list[_Template]:
    found = []
    for seed in seeds:
        record = {**seed["record"], "event_id": _ID_MARK, "event_date": _DATE_MARK}
        found.append(_Template(seed, json.dumps(record, ensure_ascii=False), json.dumps(seed["sources"],
                                                                                          ensure_ascii=False)))
    return found


def synthetic_rows(seeds: list[dict[str, Any]], n: int, start: date = ARCHIVE_START,
                   years: int = ARCHIVE_YEARS) -> Iterator[dict[str, Any]]:
    """``n`` event rows: seed events in turn (a stride mixes areas and types), each with a fresh id
    and a day spread evenly over ``years`` from ``start`` (so rows come in date order); the record
    JSON is already serialised (``record``, ``sources`` as text)."""
    templates = _templates(seeds)
    span = (date(start.year + years, start.month, start.day) - start).days
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    stride = 7919 if len(templates) % 7919 else 7907
    for i in range(n):
        t = templates[(i * stride) % len(templates)]
        day = start + timedelta(days=i * span // n)
        event_id = f"{t.row['country']}F{i:09X}"  # unique (a hash of 10 digits would collide in a million)
        yield {**t.row, "event_id": event_id, "founder": f"synthetic#{i}", "event_date": day,
               "record": t.record.replace(_ID_MARK, event_id).replace(_DATE_MARK, day.isoformat()),
               "sources": t.sources, "created_at": stamp, "updated_at": stamp}


def build_archive(url: str, n: int, seeds: list[dict[str, Any]], log: Any = print) -> float:
    """A store at ``url`` (created and migrated as ever) holding ``n`` synthetic events (:func:`fill_archive`);
    the seconds it took."""
    from marsad.store import open_store

    started = time.perf_counter()
    with open_store(url) as store:
        fill_archive(store, n, seeds, log)
    return time.perf_counter() - started


def fill_archive(store: Store, n: int, seeds: list[dict[str, Any]], log: Any = print,
                 start: date = ARCHIVE_START, years: int = ARCHIVE_YEARS) -> None:
    """Add ``n`` synthetic events (:func:`synthetic_rows`) to ``store``, then recount its day aggregates
    and totals.  Rows go in by bulk insert (SQLite executemany, PostgreSQL COPY) with the events'
    indexes dropped and made again after, a load fixture's way."""
    from marsad.store import aggregates
    from marsad.store.db import driver_connection

    started = time.perf_counter()
    rows = synthetic_rows(seeds, n, start, years)
    raw = store.engine.raw_connection()
    try:
        driver = driver_connection(raw)
        if store.dialect == "sqlite":
            _sqlite_bulk(driver, rows, log)
        else:
            if store.schema:
                driver.cursor().execute(f'SET search_path TO "{store.schema}"')
            _pg_bulk(driver, rows, log)
    finally:
        raw.close()
    log(f"  {n:,} events in, {time.perf_counter() - started:.0f} s; counting the day aggregates ...")
    with store.write() as conn:
        aggregates.rebuild(conn)
    # statistics for the planner; on PostgreSQL also the visibility map (VACUUM, as autovacuum would do
    # in time), without which no scan is index-only and a count reads the table
    raw = store.engine.raw_connection()
    try:
        driver = driver_connection(raw)
        if store.dialect == "sqlite":
            driver.execute("ANALYZE")
        else:
            driver.rollback()
            driver.autocommit = True
            if store.schema:
                driver.cursor().execute(f'SET search_path TO "{store.schema}"')
            driver.cursor().execute("VACUUM ANALYZE")
            driver.autocommit = False
    finally:
        raw.close()


def _columns() -> list[str]:
    from marsad.store import schema

    return [c.name for c in schema.events.columns]


def _sqlite_bulk(driver: Any, rows: Iterator[dict[str, Any]], log: Any) -> None:
    columns = _columns()
    indexes = [sql for (sql,) in driver.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL")]
    names = [name for (name,) in driver.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL")]
    driver.execute("PRAGMA journal_mode=DELETE")
    driver.execute("PRAGMA synchronous=OFF")
    driver.execute("BEGIN")
    for name in names:
        driver.execute(f'DROP INDEX "{name}"')
    insert = f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"

    def value(v: Any) -> Any:
        if isinstance(v, datetime):
            return v.strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(v, date):
            return v.isoformat()
        return v

    while chunk := [tuple(value(r[c]) for c in columns) for r in _take(rows, 50_000)]:
        driver.executemany(insert, chunk)
    log(f"  rows written; making {len(indexes)} indexes again ...")
    for sql in indexes:
        driver.execute(sql)
    driver.execute("COMMIT")
    driver.execute("PRAGMA journal_mode=WAL")


def _pg_bulk(driver: Any, rows: Iterator[dict[str, Any]], log: Any) -> None:
    import csv
    import io

    columns = _columns()
    cursor = driver.cursor()
    cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events' "
                   "AND schemaname = current_schema() AND indexname <> 'events_pkey'")
    indexes = cursor.fetchall()
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    copy = f"COPY events ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"

    def value(v: Any) -> Any:
        if v is None:
            return "\\N"
        if isinstance(v, bool):
            return "t" if v else "f"
        if isinstance(v, date | datetime):
            return v.isoformat()
        return v

    while chunk := list(_take(rows, 50_000)):
        out = io.StringIO()
        writer = csv.writer(out)
        for r in chunk:
            writer.writerow([value(r[c]) for c in columns])
        out.seek(0)
        cursor.execute(copy, stream=out)
    log(f"  rows written; making {len(indexes)} indexes again ...")
    for _, sql in indexes:
        cursor.execute(sql)
    driver.commit()


def _take(rows: Iterator[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    return [row for _, row in zip(range(k), rows, strict=False)]



def build_store(db: Path) -> int:
    """Ingest the dev articles (else the bundled sample) into a fresh SQLite store; the events stored."""
    from marsad.store import count_events, ingest_articles, open_store

    if DEV_ARTICLES.is_file():
        from marsad.io.readers import iter_articles

        articles = iter_articles([str(DEV_ARTICLES)])
    else:
        from marsad.commands.demo import sample_articles

        articles = sample_articles()
    with open_store(db) as store:
        ingest_articles(store, articles)
        return count_events(store)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: str, startup_s: float = 60.0, workers: int = 1) -> Iterator[str]:
    """``marsad serve --db DB --workers N`` on a free port of 127.0.0.1 until the block ends (the
    server users run, started the way they start it); yields its base URL."""
    import httpx

    port = free_port()
    base = f"http://{HOST}:{port}"
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", db, "--host", HOST,
                               "--port", str(port), "--workers", str(workers)], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + startup_s
        while True:
            if server.poll() is not None:
                log.seek(0)
                raise SystemExit(f"loadtest: the server stopped: {log.read().decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"loadtest: the server did not answer within {startup_s:.0f} s")
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


# --------------------------------------------------------------------------- the queries


def query_mix(base: str) -> list[Params]:
    """The queries sent in turn, their values taken from the store's own events."""
    import httpx

    page = httpx.get(f"{base}{PATH}", params={"limit": 1000}, timeout=30).json()["events"]
    admin1 = Counter(e["admin1"] for e in page if e.get("admin1")).most_common(3)
    days = sorted(e["event_date"] for e in page if e.get("event_date"))
    actors = Counter(e["actor1"].split()[0] for e in page if e.get("actor1")).most_common(2)
    types = Counter(e["event_type"] for e in page).most_common(2)
    mix: list[Params] = [{}, {"limit": 20}, {"limit": 20, "offset": 20}, {"order": "desc", "limit": 50},
                         {"country": "IRQ"}, {"country": "Syria", "limit": 50}, {"format": "geojson", "limit": 500},
                         {"bbox": "42,32,46,37"}, {"limit": 1000}]
    mix += [{"admin1": name} for name, _ in admin1]
    mix += [{"actor": word} for word, _ in actors]
    mix += [{"event_type": name} for name, _ in types]
    if days:
        middle = days[len(days) // 2]
        mix += [{"since": days[0], "until": middle}, {"since": middle, "order": "desc", "limit": 10}]
    return mix


Query = tuple[str, str, Params]  # label, path, parameters


def _problem(response: Any) -> str:
    """"" for a good page, else what is wrong with the answer."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    if response.request.url.path != PATH:
        return ""
    head = response.content[:300]
    if head.startswith(b'{"total"') and b'"events": [' in response.content[:400]:
        return ""  # a page of events (not decoded: the client must not be the bottleneck)
    try:
        body = response.json()
    except ValueError:
        return "not JSON"
    return "" if isinstance(body, dict) and ("events" in body or "features" in body) else "not a page of events"


async def _hammer(base: str, mix: Sequence[Params] | Sequence[Query], requests: int, concurrency: int,
                  max_seconds: float, timeout: float) -> Load:
    import httpx

    load = Load()
    turns = iter(range(requests))
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    queries = [q if isinstance(q, tuple) else ("events", PATH, q) for q in mix]

    async def worker(client: httpx.AsyncClient) -> None:
        for turn in turns:
            if time.monotonic() > deadline:
                load.abandoned += 1
                continue
            label, path, params = queries[turn % len(queries)]
            started = time.perf_counter()
            try:
                response = await client.get(path, params=params)
            except httpx.HTTPError as exc:
                load.errors[type(exc).__name__] += 1
                continue
            took = (time.perf_counter() - started) * 1000
            load.latencies_ms.append(took)
            load.by_label.setdefault(label, []).append(took)
            load.statuses[response.status_code] += 1
            problem = _problem(response)
            if problem:
                load.errors[problem] += 1

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        load.seconds = time.perf_counter() - started
    return load


def measure(base: str, requests: int, concurrency: int, mix: Sequence[Params] | Sequence[Query] | None = None,
            max_seconds: float = 600.0, timeout: float = 30.0) -> Load:
    """Send ``requests`` GETs of ``PATH`` to ``base`` (a loopback URL), ``concurrency`` at a time."""
    if not base.startswith((f"http://{HOST}:", "http://localhost:", "http://[::1]:")):
        raise ValueError(f"loadtest: {base} is not on this machine's loopback interface")
    return asyncio.run(_hammer(base, mix or query_mix(base), requests, concurrency, max_seconds, timeout))


# --------------------------------------------------------------------------- the archive scenarios

#: What issue 14 asks of a store of a million events (latencies in ms).
ARCHIVE_TARGETS = {"events_p50": 50.0, "events_p99": 300.0, "gaps_max": 1000.0, "healthz_p99": 100.0}
#: /api/gaps with the largest window and baseline the API allows, every type, per district: the heavy call.
HEAVY_GAPS: Params = {"window": 3660, "baseline": 36600, "all_types": "true", "min_events": 1}


def archive_queries(seeds: list[dict[str, Any]]) -> list[Query]:
    """The two queries of the events measurement: the default page, and a governorate over a year."""
    admin1 = Counter(seed["admin1"] for seed in seeds).most_common(1)[0][0]
    year = ARCHIVE_START.year + ARCHIVE_YEARS // 2
    return [("default page", PATH, {}),
            ("admin1 + dates", PATH, {"admin1": admin1, "since": f"{year}-01-01", "until": f"{year}-12-31"})]


async def _raw_get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, target: str
                   ) -> tuple[int, bytes]:
    """One GET on a kept-alive HTTP/1.1 connection: (status, body).  A bare client, so that the load
    generator spends little of the CPU the server it measures needs (httpx costs about as much as
    the server's own work per request)."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:")),
                  None)
    if length is None:
        raise ValueError("no Content-Length in the answer")
    return status, await reader.readexactly(length)


async def _raw_hammer(base: str, queries: Sequence[Query], requests: int, concurrency: int,
                      max_seconds: float) -> Load:
    """:func:`_hammer` with :func:`_raw_get` (one connection per client)."""
    from urllib.parse import urlencode, urlsplit

    where = urlsplit(base)
    host, port = where.hostname or HOST, where.port or 80
    targets = [(label, path + (f"?{urlencode(params)}" if params else "")) for label, path, params in queries]
    load = Load()
    turns = iter(range(requests))
    deadline = time.monotonic() + max_seconds

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            for turn in turns:
                if time.monotonic() > deadline:
                    load.abandoned += 1
                    continue
                label, target = targets[turn % len(targets)]
                started = time.perf_counter()
                try:
                    status, body = await _raw_get(reader, writer, f"{host}:{port}", target)
                except (OSError, ValueError, asyncio.IncompleteReadError) as exc:
                    load.errors[type(exc).__name__] += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
                    continue
                took = (time.perf_counter() - started) * 1000
                load.latencies_ms.append(took)
                load.by_label.setdefault(label, []).append(took)
                load.statuses[status] += 1
                if status != 200:
                    load.errors[f"HTTP {status}"] += 1
                elif not (body.startswith(b'{"total"') and b'"events": [' in body[:400]):
                    load.errors["not a page of events"] += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    load.seconds = time.perf_counter() - started
    return load


async def _heavy_and_health(base: str, heavy: int, rounds: int, samples: int, gap_s: float,
                            timeout: float) -> dict[str, Any]:
    """``heavy`` clients each sending ``rounds`` heavy /api/gaps calls in turn, while one client asks
    /healthz every ``gap_s`` seconds (``samples`` times at most, and only while heavy calls run)."""
    import httpx

    health: list[float] = []
    heavy_ms: list[float] = []
    statuses: Counter[str] = Counter()
    running = heavy

    async def heavy_client(client: httpx.AsyncClient) -> None:
        nonlocal running
        try:
            for _ in range(rounds):
                started = time.perf_counter()
                try:
                    response = await client.get("/api/gaps", params=HEAVY_GAPS)
                    statuses[f"gaps {response.status_code}"] += 1
                except httpx.HTTPError as exc:
                    statuses[f"gaps {type(exc).__name__}"] += 1
                heavy_ms.append((time.perf_counter() - started) * 1000)
        finally:
            running -= 1

    async def health_client(client: httpx.AsyncClient) -> None:
        await asyncio.sleep(0.3)  # let the heavy calls start
        for _ in range(samples):
            if not running:
                break
            started = time.perf_counter()
            try:
                response = await client.get("/healthz")
                statuses[f"healthz {response.status_code}"] += 1
            except httpx.HTTPError as exc:
                statuses[f"healthz {type(exc).__name__}"] += 1
            health.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(gap_s)

    limits = httpx.Limits(max_connections=heavy + 1)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        await asyncio.gather(*(heavy_client(client) for _ in range(heavy)), health_client(client))
    return {"healthz_ms": latency(sorted(health)), "heavy_gaps_ms": latency(sorted(heavy_ms)),
            "heavy_params": HEAVY_GAPS, "statuses": dict(sorted(statuses.items()))}


def archive_scenarios(base: str, seeds: list[dict[str, Any]], requests: int, concurrency: int,
                      log: Any) -> dict[str, Any]:
    """The measurements of one served archive (see :data:`ARCHIVE_TARGETS`)."""
    import httpx

    for _ in range(3):  # warm the caches and the connection pool
        httpx.get(f"{base}{PATH}", timeout=60)
    log(f"  {requests} requests of /api/events, {concurrency} at a time ...")
    if not base.startswith(f"http://{HOST}:"):
        raise ValueError(f"loadtest: {base} is not on this machine's loopback interface")
    events = asyncio.run(_raw_hammer(base, archive_queries(seeds), requests, concurrency, 300.0)).summary()
    log("  /api/gaps at the default parameters, 5 times (after one call that loads SciPy) ...")
    started = time.perf_counter()
    httpx.get(f"{base}/api/gaps", timeout=60)
    first_gaps = (time.perf_counter() - started) * 1000
    gaps = []
    for _ in range(5):
        started = time.perf_counter()
        response = httpx.get(f"{base}/api/gaps", timeout=60)
        gaps.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"loadtest: /api/gaps answered {response.status_code}: {response.text[:300]}")
    log("  /healthz while four heavy /api/gaps run ...")
    heavy = asyncio.run(_heavy_and_health(base, heavy=4, rounds=2, samples=400, gap_s=0.025, timeout=60))
    by_query = events.get("by_query", {})
    worst = {key: max(q[key] for q in by_query.values()) for key in ("p50", "p99")}
    checks = {
        "events_p50": worst["p50"], "events_p99": worst["p99"], "gaps_max": round(max(gaps), 2),
        "healthz_p99": heavy["healthz_ms"]["p99"],
    }
    return {"events": events, "gaps_default_ms": latency(sorted(gaps)), "gaps_first_call_ms": round(first_gaps, 1),
            "healthz_under_heavy": heavy,
            "targets": {key: {"value": value, "limit": ARCHIVE_TARGETS[key],
                              "pass": value is not None and value <= ARCHIVE_TARGETS[key]}
                        for key, value in checks.items()}}


@contextmanager
def pg_database(url: str, name: str) -> Iterator[str]:
    """A fresh PostgreSQL database ``name`` beside ``url``'s (dropped after); yields its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(url.replace("postgresql://", "postgresql+pg8000://", 1)),
                          isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield str(make_url(url).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_archive(args: argparse.Namespace) -> dict[str, Any]:
    """Build the archive on SQLite (and PostgreSQL), serve each, measure each; the result document."""
    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    load_before = list(os.getloadavg())
    backends: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="marsad-loadtest-") as scratch:
        log(f"seed events: the located events of {', '.join(SEED_CORPORA)} ...")
        seeds = seed_events(Path(scratch))
        log(f"  {len(seeds)} seed events")
        targets: list[tuple[str, Any]] = [("sqlite", nullcontext(str(Path(scratch) / "archive.db")))]
        if args.pg:
            targets.append(("postgresql", pg_database(args.pg, "marsad_loadtest")))
        for name, where in targets:
            with where as url:
                log(f"{name}: building {args.events:,} events ...")
                build_s = build_archive(url, args.events, seeds, log)
                log(f"{name}: built in {build_s:.0f} s; serving ...")
                with serving(url, workers=args.workers) as base:
                    backends[name] = {"build_s": round(build_s, 1),
                                      **archive_scenarios(base, seeds, args.requests, args.concurrency, log)}
                if name == "sqlite":
                    backends[name]["file_mb"] = round(Path(url).stat().st_size / 1e6)
    return {
        **_report_header(args, load_before),
        "server": _server(args.workers),
        "store": f"{args.events:,} synthetic events (the located events of {', '.join(SEED_CORPORA)} with fresh ids, "
                 f"spread over {ARCHIVE_YEARS} years from {ARCHIVE_START})",
        "events_stored": args.events,
        "seed_events": len(seeds),
        "concurrency": args.concurrency,
        "targets": ARCHIVE_TARGETS,
        "backends": backends,
    }


def _server(workers: int) -> str:
    """How the measured server ran (uvicorn's HTTP parser and event loop as it chose them)."""
    import importlib.util

    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    processes = "one process" if workers == 1 else f"{workers} worker processes"
    return f"marsad serve (uvicorn, {http}, {loop}, {processes}) on 127.0.0.1"


def _report_header(args: argparse.Namespace, load_before: list[float]) -> dict[str, Any]:
    """When, how, on what and at which commit a load test ran (the first keys of every report)."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m marsad.loadtest " + " ".join(args.argv),
        "machine": machine() | {"load_before": [round(x, 2) for x in load_before],
                                "load_after": [round(x, 2) for x in os.getloadavg()]},
        "commit": _git_commit(),
    }


def render_archive(doc: dict[str, Any]) -> str:
    lines = [f"{doc['events_stored']:,} events; {doc['concurrency']} clients; load average "
             f"{doc['machine']['load_before'][0]} before, {doc['machine']['load_after'][0]} after"]
    for name, b in doc["backends"].items():
        lines.append(f"{name}: built in {b['build_s']} s")
        for label, lat in b["events"].get("by_query", {}).items():
            lines.append(f"  /api/events {label}: p50 {lat['p50']} ms, p99 {lat['p99']} ms ({lat['n']} requests)")
        lines.append(f"  {b['events']['requests_per_s']} requests/s, {b['events']['errors']} errors")
        gaps, h = b["gaps_default_ms"], b["healthz_under_heavy"]
        lines.append(f"  /api/gaps default: median {gaps['p50']} ms, max {gaps['max']} ms")
        lines.append(f"  /healthz under 4 heavy /api/gaps: p50 {h['healthz_ms']['p50']} ms, "
                     f"p99 {h['healthz_ms']['p99']} ms ({h['healthz_ms']['n']} requests); heavy calls {h['statuses']}")
        lines.append("  " + ", ".join(f"{k} {v['value']} (≤ {v['limit']}) {'PASS' if v['pass'] else 'FAIL'}"
                                      for k, v in b["targets"].items()))
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def run(args: argparse.Namespace) -> dict[str, Any]:
    load_before = list(os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="marsad-loadtest-") as scratch:
        db, stored = args.db, None
        if db is None:
            db = str(Path(scratch) / "loadtest.db")
            stored = build_store(Path(db))
        with serving(db, workers=args.workers) as base:
            mix = query_mix(base)
            load = measure(base, args.requests, args.concurrency, mix, args.max_seconds)
    return {
        **_report_header(args, load_before),
        "endpoint": f"GET {PATH}",
        "server": _server(args.workers),
        "store": "SQLite built from the dev articles" if args.db is None else "given (--db)",
        "events_stored": stored,
        "concurrency": args.concurrency,
        "queries": len(mix),
        **load.summary(),
    }


def render(doc: dict[str, Any]) -> str:
    lat = doc["latency_ms"]
    return (f"{doc['completed']} of {doc['requests']} requests to {doc['endpoint']} ({doc['concurrency']} at a time, "
            f"{doc['queries']} kinds of query) in {doc['seconds']} s: {doc['requests_per_s']} requests/s; "
            f"latency p50 {lat['p50']} ms, p90 {lat['p90']} ms, p99 {lat['p99']} ms, max {lat['max']} ms; "
            f"{doc['errors']} errors{' ' + json.dumps(doc['errors_by_kind']) if doc['errors'] else ''}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m marsad.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests of /api/events to send (default 2000)")
    parser.add_argument("--concurrency", type=int, default=None,
                        help="requests in flight at once (default 20 on the archive, 8 with --db)")
    parser.add_argument("--db", help="serve this existing store with the dashboard's mix of queries instead of "
                                     "building the archive")
    parser.add_argument("--events", type=int, default=1_000_000,
                        help="events of the synthetic archive (default 1,000,000)")
    parser.add_argument("--pg", default=os.environ.get("MARSAD_LOADTEST_PG", PG_DEFAULT),
                        help=f"PostgreSQL server to build the archive on too, in a database of its own "
                             f"(default {PG_DEFAULT}; '' for none)")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"JSON result (default {DEFAULT_OUT}; {ARCHIVE_OUT} for the archive)")
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes (marsad serve --workers; default 1, as marsad serve)")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop sending after this long (600)")
    args = parser.parse_args(argv)
    args.concurrency = args.concurrency or (8 if args.db else 20)
    if min(args.requests, args.concurrency, args.events, args.workers) < 1:
        parser.error("--requests, --concurrency, --events and --workers must be at least 1")
    args.argv = argv
    if args.db:
        doc = run(args)
        out, text, ok = args.out or DEFAULT_OUT, render(doc), doc["errors"] == 0
    else:
        doc = run_archive(args)
        out, text = args.out or ARCHIVE_OUT, render_archive(doc)
        ok = all(b["events"]["errors"] == 0 for b in doc["backends"].values())
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(text)
    print(f"written to {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
