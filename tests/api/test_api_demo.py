"""`marsad demo` then `marsad serve` on a fresh store: the demo fills the store the server reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.commands.demo import build_demo_store, demo
from marsad.commands.serve import serve
from marsad.store import resolve_url


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine where Marsad never ran: an empty MARSAD_HOME, no MARSAD_DB."""
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MARSAD_DB", raising=False)
    return tmp_path / "home"


def test_demo_store_is_what_serve_shows_by_default(fresh_home: Path) -> None:
    url, total = build_demo_store()
    assert (fresh_home / "marsad.db").is_file()
    assert total > 5
    with TestClient(create_app()) as client:
        assert client.app.state.store.url == url == resolve_url(None)
        events = client.get("/api/events", params={"limit": 1000}).json()
        assert events["total"] == total
        detail = client.get(f"/api/events/{events['events'][0]['event_id']}").json()
        assert detail["articles"] and detail["articles"][0]["text"]
        assert client.get("/").status_code == 200
        assert client.get("/healthz").json() == {"status": "ok", "events": total}


def test_demo_command_prints_the_table_then_stores(fresh_home: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(demo, ["--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Marsad demo" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("Stored in ")
    assert f"marsad serve --db {db}" in result.output
    again = CliRunner().invoke(demo, ["--db", str(db)])  # idempotent: same events, no duplicates
    assert again.exit_code == 0
    first_total = result.output.rsplit("(", 1)[1].split(" events")[0]
    assert f"({first_total} events)" in again.output
    assert not (fresh_home / "marsad.db").exists()


def test_demo_no_store_leaves_the_store_alone(fresh_home: Path) -> None:
    result = CliRunner().invoke(demo, ["--no-store"])
    assert result.exit_code == 0
    assert "Stored in" not in result.output
    assert not (fresh_home / "marsad.db").exists()


def test_serve_runs_uvicorn_with_the_app(fresh_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    result = CliRunner().invoke(serve, ["--port", "8123", "--tiles", "https://t.example/{z}/{x}/{y}.png"])
    assert result.exit_code == 0, result.output
    (call,) = calls
    assert (call["host"], call["port"]) == ("127.0.0.1", 8123)
    assert call["app"].state.tiles == "https://t.example/{z}/{x}/{y}.png"
    assert call["app"].state.store.url == resolve_url(None)


@pytest.mark.parametrize("tiles", ["ftp://t.example/{z}/{x}/{y}", "https://t.example/tiles.png", "javascript:alert(1)"])
def test_serve_rejects_bad_tile_urls(fresh_home: Path, tiles: str) -> None:
    result = CliRunner().invoke(serve, ["--tiles", tiles])
    assert result.exit_code == 2
