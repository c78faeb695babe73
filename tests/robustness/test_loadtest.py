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
