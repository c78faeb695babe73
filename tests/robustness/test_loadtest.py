"""The API load test (``python -m marsad.loadtest``) in small: it runs, reports, and counts errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import assert_no_traceback

from marsad import loadtest

pytestmark = pytest.mark.slow  # a live server under concurrent load


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("loadtest") / "events.db"
    assert loadtest.build_store(db) > 50  # the dev articles give well over a hundred events
    return db


def test_a_small_run_of_the_command_writes_its_figures(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "loadtest.json"
    done = subprocess.run([sys.executable, "-m", "marsad.loadtest", "--requests", "50", "--concurrency", "8",
                           "--db", str(store), "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert_no_traceback(done)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["requests"], doc["completed"], doc["errors"], doc["statuses"]) == (50, 50, 0, {"200": 50})
    lat = doc["latency_ms"]
    assert 0 < lat["p50"] <= lat["p90"] <= lat["p99"] <= lat["max"]
    assert doc["requests_per_s"] > 0 and doc["concurrency"] == 8 and doc["queries"] >= 10
    assert f"p99 {lat['p99']} ms" in done.stdout


def test_bad_answers_are_counted_as_errors(store: Path) -> None:
    mix = [{"limit": 20}, {"limit": 0}, {"bbox": "not-a-box"}]  # the last two are refused (422)
    with loadtest.serving(str(store)) as base:
        load = loadtest.measure(base, requests=24, concurrency=4, mix=mix)
    summary = load.summary()
    assert summary["statuses"] == {"200": 8, "422": 16}
    assert summary["errors"] == 16 and summary["errors_by_kind"] == {"HTTP 422": 16}


def test_only_loopback_addresses_are_targets() -> None:
    with pytest.raises(ValueError, match="loopback"):
        loadtest.measure("http://10.1.2.3:8000", requests=1, concurrency=1, mix=[{}])


def test_the_archive_run_builds_serves_and_reports_each_target(tmp_path: Path) -> None:
    """The archive mode in small (SQLite only): a synthetic archive, the three measurements, the targets."""
    out = tmp_path / "archive.json"
    done = subprocess.run([sys.executable, "-m", "marsad.loadtest", "--events", "20000", "--requests", "200",
                           "--pg", "", "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert_no_traceback(done)
    doc = json.loads(out.read_text(encoding="utf-8"))
    (name,) = doc["backends"]
    sqlite = doc["backends"]["sqlite"]
    assert name == "sqlite" and doc["events_stored"] == 20000 and doc["concurrency"] == 20
    events = sqlite["events"]
    assert (events["completed"], events["errors"], events["statuses"]) == (200, 0, {"200": 200})
    assert set(events["by_query"]) == {"default page", "admin1 + dates"}
    heavy = sqlite["healthz_under_heavy"]
    assert heavy["statuses"].get("gaps 200", 0) + heavy["statuses"].get("gaps 503", 0) == 8
    assert heavy["healthz_ms"]["n"] > 0 and set(heavy["statuses"]) <= {"gaps 200", "gaps 503", "healthz 200"}
    assert heavy["healthz_ms"]["p99"] < 1000  # not stalled behind the heavy calls (the target is 100 ms)
    assert set(sqlite["targets"]) == {"events_p50", "events_p99", "gaps_max", "healthz_p99"}
    assert all(f"{key} " in done.stdout for key in sqlite["targets"])
    assert done.stdout.count("PASS") + done.stdout.count("FAIL") == 4


def test_a_live_heavy_gaps_call_does_not_stall_healthz(tmp_path: Path) -> None:
    """Four of the heaviest /api/gaps the API allows, on 200,000 events; /healthz answers all the while."""
    import asyncio

    from marsad.store import open_store

    seeds_store = tmp_path / "seeds"
    seeds_store.mkdir()
    seeds = loadtest.seed_events(seeds_store)
    db = tmp_path / "archive.db"
    with open_store(db) as store:
        loadtest.fill_archive(store, 200_000, seeds, log=lambda _: None)
    with loadtest.serving(str(db)) as base:
        found = asyncio.run(loadtest._heavy_and_health(base, heavy=4, rounds=1, samples=200, gap_s=0.02, timeout=60))
    health = found["healthz_ms"]
    assert found["statuses"].get("healthz 200") == health["n"] >= 5
    assert health["max"] < 2000 and health["p50"] < 200  # each answered while the heavy calls ran


def test_marsad_serve_with_two_workers_answers_the_mix(store: Path) -> None:
    """``marsad serve --workers 2`` (the app factory in each process) answers as one process does."""
    with loadtest.serving(str(store), workers=2) as base:
        mix = loadtest.query_mix(base)
        load = loadtest.measure(base, requests=40, concurrency=4, mix=mix)
    summary = load.summary()
    assert (summary["completed"], summary["errors"], summary["statuses"]) == (40, 0, {"200": 40})
