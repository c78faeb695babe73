"""Fixtures of the store tests: a store per backend (SQLite file, PostgreSQL schema), the dev set.

PostgreSQL runs unless ``MARSAD_TEST_PG=0``: at ``MARSAD_TEST_PG_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``), each test in a schema of its own, dropped after.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _store_cases import DEV_DIR

from marsad.model import Article
from marsad.store import Store, open_store

PG_URL = os.environ.get("MARSAD_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")

BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        os.environ.get("MARSAD_TEST_PG") == "0", reason="MARSAD_TEST_PG=0: PostgreSQL tests switched off")),
]

StoreFactory = Callable[[], Store]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def make_store(backend: str, tmp_path: Path) -> Iterator[StoreFactory]:
    """Opens fresh, empty stores of the test's backend (several per test if asked)."""
    opened: list[tuple[Store, str | None]] = []

    def factory() -> Store:
        n = len(opened)
        if backend == "sqlite":
            store = open_store(tmp_path / f"marsad-{n}.db")
            opened.append((store, None))
        else:
            schema = f"marsad_test_{uuid.uuid4().hex[:12]}"
            store = open_store(PG_URL, schema=schema)
            opened.append((store, schema))
        return store

    yield factory
    for store, schema in opened:
        if schema is not None:
            _drop_schema(store, schema)
        store.close()


@pytest.fixture
def store(make_store: StoreFactory) -> Store:
    return make_store()


def _drop_schema(store: Store, schema: str) -> None:
    from sqlalchemy.schema import DropSchema

    with store.engine.connect() as conn, conn.begin():
        conn.execute(DropSchema(schema, cascade=True))


@pytest.fixture(scope="session")
def dev_articles() -> list[Article]:
    """The dev set, read as ``marsad ingest`` reads it."""
    from marsad.io.readers import iter_articles

    articles = list(iter_articles([str(DEV_DIR / "articles.jsonl")]))
    assert len(articles) >= 100, "the dev set went missing"
    return articles


@pytest.fixture(scope="session")
def dev_by_id(dev_articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in dev_articles}
