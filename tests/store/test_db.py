"""Opening the store: where it is, WAL and foreign keys, migrations, one-line errors."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text

from marsad.errors import StoreError
from marsad.store import open_store, resolve_url
from marsad.store import schema as tables
from marsad.store.db import Store
from marsad.store.migrations import LATEST, MIGRATIONS, applied_versions, migrate


def test_url_from_option_env_or_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MARSAD_DB", raising=False)
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "home"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'home' / 'marsad.db'}"
    assert (tmp_path / "home").is_dir()
    monkeypatch.setenv("MARSAD_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_url(str(tmp_path / "given.db")) == f"sqlite:///{tmp_path / 'given.db'}"
    assert resolve_url("postgresql://u@h:5432/d") == "postgresql+pg8000://u@h:5432/d"
    assert resolve_url("postgres://u@h/d") == "postgresql+pg8000://u@h/d"
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"


def test_sqlite_store_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    with open_store(tmp_path / "m.db") as store, store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_fresh_store_has_every_migration_recorded(store: Store) -> None:
    with store.read() as conn:
        assert applied_versions(conn) == [m.version for m in MIGRATIONS] and LATEST == MIGRATIONS[-1].version
        names = set(inspect(conn).get_table_names(schema=store.schema))
        rows = conn.execute(select(tables.schema_migrations)).all()
    assert {"articles", "mentions", "events", "event_members", "schema_migrations"} <= names
    assert all(row.applied_at is not None and row.name for row in rows)


def test_migrating_again_applies_nothing(store: Store) -> None:
    assert migrate(store.engine) == []
    with store.read() as conn:
        assert applied_versions(conn) == [m.version for m in MIGRATIONS]


def test_old_store_is_upgraded_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    assert migrate(engine, upto=1) == [1]
    with engine.begin() as conn:
        conn.execute(tables.articles.insert().values(key="k", content_hash="h", id="a", text="نص", ingested_at=_now()))
        conn.execute(text("DROP INDEX IF EXISTS ix_events_date"))  # as version 1 left it
    engine.dispose()
    with open_store(path) as store, store.read() as conn:
        assert applied_versions(conn) == [m.version for m in MIGRATIONS]
        with warnings.catch_warnings():  # the expression indexes of migration 4 cannot be reflected
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
            names = {ix["name"] for ix in inspect(conn).get_indexes("events")}
        assert {"ix_events_date", "ix_events_list"} <= names
        expression = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'ix_events_admin1_list'"))
        assert "lower(admin1)" in expression
        assert conn.scalar(select(tables.articles.c.id)) == "a"  # data kept


def test_unopenable_store_is_a_one_line_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(tmp_path / "no-such-dir" / "m.db")
    message = str(caught.value)
    assert "no-such-dir" in message and "\n" not in message
    with pytest.raises(StoreError, match="127.0.0.1:1"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(caught.value)


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)
