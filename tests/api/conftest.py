"""Fixtures of the API tests: a store built once from the bundled sample, and clients over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.commands.demo import sample_articles
from marsad.store import ingest_articles, open_store, query_events


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding the bundled sample (read-only for the tests that use it)."""
    path = tmp_path_factory.mktemp("api") / "sample.db"
    with open_store(path) as store:
        ingest_articles(store, sample_articles())
    return str(path)


@pytest.fixture(scope="session")
def all_events(sample_db: str) -> list[dict[str, Any]]:
    """Every stored event, read through the library (what the API answers must agree with)."""
    with open_store(sample_db) as store:
        return query_events(store)


@pytest.fixture(scope="session")
def client(sample_db: str) -> Iterator[TestClient]:
    """A client of the app over the sample store, with ingest disabled."""
    with TestClient(create_app(sample_db, token="")) as test_client:
        yield test_client


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    return str(tmp_path / "empty.db")
