"""``python -m marsad.loadtest``: a bounded load test of ``GET /api/events`` on this machine.

    python -m marsad.loadtest                       # 2,000 requests, 8 at a time
    python -m marsad.loadtest --requests 50 --out /tmp/lt.json

It builds a SQLite store from the dev articles (``tests/corpus/dev/articles.jsonl``; outside
a checkout, the sample bundled with Marsad) unless ``--db`` names one, starts ``marsad serve``
on a free port of 127.0.0.1 (never another address), and sends ``--requests`` requests with
``--concurrency`` in flight (httpx, async).  The queries are a fixed mix of what the dashboard
and API users ask (pages, offsets, country, governorate, dates, event type, actor, bounding
box, GeoJSON, newest first), their values taken from the store's own events.  A request is an
error unless it answers 200 with the JSON of a page.  The run stops by itself: after the
requests, or at ``--max-seconds``.

Results (p50/p90/p99/max latency in ms, requests/s, errors by kind) are printed and written
as JSON to ``benchmarks/results/loadtest.json`` (``--out``), beside the benchmark's own
results.  Exit code 0 when no request failed, 1 otherwise.
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
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.bench import REPO, _git_commit, machine

DEFAULT_OUT = REPO / "benchmarks" / "results" / "loadtest.json"
DEV_ARTICLES = REPO / "tests" / "corpus" / "dev" / "articles.jsonl"
HOST = "127.0.0.1"  # the only address this load test ever sends to
PATH = "/api/events"

Params = dict[str, str | int]


@dataclass(slots=True)
class Load:
    """What one run measured."""

    latencies_ms: list[float] = field(default_factory=list)
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
            "latency_ms": {
                "p50": percentile(done, 50), "p90": percentile(done, 90), "p99": percentile(done, 99),
                "max": round(done[-1], 2) if done else None, "mean": round(sum(done) / n, 2) if n else None,
            },
        }


def percentile(ordered: Sequence[float], p: float) -> float | None:
    """The nearest-rank ``p``-th percentile of sorted values (None for none)."""
    if not ordered:
        return None
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 2)


# --------------------------------------------------------------------------- the store and the server


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
def serving(db: str, startup_s: float = 60.0) -> Iterator[str]:
    """``marsad serve --db DB`` on a free port of 127.0.0.1 until the block ends; yields its base URL."""
    import httpx

    port = free_port()
    base = f"http://{HOST}:{port}"
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", db, "--host", HOST,
                               "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
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


def _problem(response: Any) -> str:
    """"" for a good page, else what is wrong with the answer."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    try:
        body = response.json()
    except ValueError:
        return "not JSON"
    return "" if isinstance(body, dict) and ("events" in body or "features" in body) else "not a page of events"


async def _hammer(base: str, mix: Sequence[Params], requests: int, concurrency: int, max_seconds: float,
                  timeout: float) -> Load:
    import httpx

    load = Load()
    turns = iter(range(requests))
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async def worker(client: httpx.AsyncClient) -> None:
        for turn in turns:
            if time.monotonic() > deadline:
                load.abandoned += 1
                continue
            started = time.perf_counter()
            try:
                response = await client.get(PATH, params=mix[turn % len(mix)])
            except httpx.HTTPError as exc:
                load.errors[type(exc).__name__] += 1
                continue
            load.latencies_ms.append((time.perf_counter() - started) * 1000)
            load.statuses[response.status_code] += 1
            problem = _problem(response)
            if problem:
                load.errors[problem] += 1

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        load.seconds = time.perf_counter() - started
    return load


def measure(base: str, requests: int, concurrency: int, mix: Sequence[Params] | None = None,
            max_seconds: float = 600.0, timeout: float = 30.0) -> Load:
    """Send ``requests`` GETs of ``PATH`` to ``base`` (a loopback URL), ``concurrency`` at a time."""
    if not base.startswith((f"http://{HOST}:", "http://localhost:", "http://[::1]:")):
        raise ValueError(f"loadtest: {base} is not on this machine's loopback interface")
    return asyncio.run(_hammer(base, mix or query_mix(base), requests, concurrency, max_seconds, timeout))


# --------------------------------------------------------------------------- command line


def run(args: argparse.Namespace) -> dict[str, Any]:
    load_before = list(os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="marsad-loadtest-") as scratch:
        db, stored = args.db, None
        if db is None:
            db = str(Path(scratch) / "loadtest.db")
            stored = build_store(Path(db))
        with serving(db) as base:
            mix = query_mix(base)
            load = measure(base, args.requests, args.concurrency, mix, args.max_seconds)
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m marsad.loadtest " + " ".join(args.argv),
        "machine": machine() | {"load_before": [round(x, 2) for x in load_before],
                                "load_after": [round(x, 2) for x in os.getloadavg()]},
        "commit": _git_commit(),
        "endpoint": f"GET {PATH}",
        "server": "marsad serve (uvicorn, one process) on 127.0.0.1",
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
    parser.add_argument("--requests", type=int, default=2000, help="requests to send (default 2000)")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight at once (default 8)")
    parser.add_argument("--db", help="an existing store to serve (default: a fresh one from the dev articles)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON result (default {DEFAULT_OUT})")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop sending after this long (600)")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.concurrency < 1:
        parser.error("--requests and --concurrency must be at least 1")
    args.argv = argv
    doc = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render(doc))
    print(f"written to {args.out}")
    return 0 if doc["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
