"""``marsad serve --workers``: the option and the app factory each worker process calls."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.api.app import SERVE_DB_ENV, SERVE_TILES_ENV, app_from_env
from marsad.commands.serve import serve


def test_the_factory_serves_the_store_and_tiles_named_in_the_environment(
        sample_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SERVE_DB_ENV, sample_db)
    monkeypatch.setenv(SERVE_TILES_ENV, "https://tiles.example.org/{z}/{x}/{y}.png")
    with TestClient(app_from_env()) as client:
        assert client.get("/healthz").json()["events"] > 0
        assert client.get("/api/config").json()["tiles"].startswith("https://tiles.example.org/")


def test_an_empty_tiles_value_means_no_tiles(sample_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SERVE_DB_ENV, sample_db)
    monkeypatch.setenv(SERVE_TILES_ENV, "")
    with TestClient(app_from_env()) as client:
        assert client.get("/api/config").json()["tiles"] is None


@pytest.mark.parametrize("workers", ["0", "-1", "many"])
def test_workers_must_be_a_positive_count(sample_db: str, workers: str) -> None:
    done = CliRunner().invoke(serve, ["--db", sample_db, "--workers", workers])
    assert done.exit_code == 2 and "--workers" in done.output


def test_workers_is_in_the_help() -> None:
    done = CliRunner().invoke(serve, ["--help"])
    assert done.exit_code == 0 and "--workers" in done.output and "[default: 1;" in done.output
