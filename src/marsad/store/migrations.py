"""Schema migrations, recorded in the ``schema_migrations`` table of the database itself.

Rules:

* Migrations are numbered; :func:`migrate` applies those not yet recorded, in order, each
  in its own transaction together with the row that records it.  A failure rolls back that
  migration only; the next open retries it.
* Every migration is idempotent (it checks before it creates), so a re-run, or two processes
  opening a new database at once, change nothing twice.  On PostgreSQL an advisory lock, on
  SQLite the write lock (``BEGIN IMMEDIATE``), makes the check-and-apply atomic.
* Never edit a migration that has shipped; add a new one.  Migration 1 builds the tables of
  :mod:`marsad.store.schema` as they are now, so a later migration that alters a table must
  first check whether the change is already there (a fresh database has it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, inspect, select, text, update
from sqlalchemy.schema import CreateIndex

from marsad.store import schema

#: Arbitrary constant key of the PostgreSQL advisory lock held while migrating.
_PG_LOCK_KEY = 0x4D415253  # "MARS"


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: a number, a name, and the function that applies it."""

    version: int
    name: str
    apply: Callable[[Connection], None]


def _create_base_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.BASE_TABLES), checkfirst=True)


def _create_query_indexes(conn: Connection) -> None:
    with _expression_indexes_unreflected():
        for index in schema.query_indexes():
            index.create(conn, checkfirst=True)


@contextmanager
def _expression_indexes_unreflected() -> Iterator[None]:
    """``checkfirst`` reflects a table's indexes; SQLAlchemy cannot reflect the expression indexes of
    migration 4 (which a fresh store has from migration 1) and warns: they are not the ones checked."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
        yield


def _add_unlocated(conn: Connection) -> None:
    """``unlocated`` on mentions and events (true where admin1 is empty), and its index.

    Stores made before it hold no unlocated records (ingest left them out), but the column is
    filled from admin1 all the same, so the flag and the place always agree.
    """
    columns, where, quote = inspect(conn), _schema_of(conn), conn.dialect.identifier_preparer
    for table in (schema.mentions, schema.events):
        if "unlocated" in {c["name"] for c in columns.get_columns(table.name, schema=where)}:
            continue  # a store created by migration 1 from today's schema has it
        name = (quote.quote_schema(where) + "." if where else "") + quote.quote(table.name)
        conn.execute(text(f"ALTER TABLE {name} ADD COLUMN unlocated BOOLEAN NOT NULL DEFAULT false"))
        conn.execute(update(table).values(unlocated=table.c.admin1 == ""))
    with _expression_indexes_unreflected():
        for index in schema.unlocated_indexes():
            index.create(conn, checkfirst=True)


def _add_archive(conn: Connection) -> None:
    """Day aggregates, per-country totals and the removal journal; indexes for the API's filters.
    The aggregates are filled from the stored events (:func:`marsad.store.aggregates.rebuild`)."""
    from marsad.store import aggregates

    schema.metadata.create_all(conn, tables=list(schema.ARCHIVE_TABLES), checkfirst=True)
    for index in schema.archive_indexes():  # expression indexes cannot be reflected: IF NOT EXISTS
        conn.execute(CreateIndex(index, if_not_exists=True))
        if index.table is not None:  # always: an index made from columns is bound to their table
            index.table.indexes.discard(index)  # see schema.archive_indexes
    aggregates.rebuild(conn)


def _add_unmerged_removals(conn: Connection) -> None:
    """Where an ingest that did not merge removed records, until the next merge regroups there."""
    schema.metadata.create_all(conn, tables=[schema.unmerged_removals], checkfirst=True)


def _schema_of(conn: Connection) -> str | None:
    """The PostgreSQL schema the tables are in (a translated schema, see :func:`marsad.store.open_store`)."""
    translate = conn.get_execution_options().get("schema_translate_map") or {}
    return translate.get(None)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, mentions, events, event_members", _create_base_tables),
    Migration(2, "indexes for merge windows and event queries", _create_query_indexes),
    Migration(3, "unlocated flag on mentions and events", _add_unlocated),
    Migration(4, "day aggregates, totals, removal journal, API indexes", _add_archive),
    Migration(5, "removals waiting for a merge", _add_unmerged_removals),
)

#: The schema version a fully migrated store has.
LATEST = MIGRATIONS[-1].version


def migrate(engine: Engine, upto: int | None = None) -> list[int]:
    """Apply the migrations not yet recorded (up to ``upto``); return the versions applied."""
    _ensure_migrations_table(engine)
    applied: list[int] = []
    for migration in MIGRATIONS:
        if upto is not None and migration.version > upto:
            break
        if _apply_one(engine, migration):
            applied.append(migration.version)
    return applied


def applied_versions(conn: Connection) -> list[int]:
    """The versions recorded in the database, ascending."""
    table = schema.schema_migrations
    return list(conn.scalars(select(table.c.version).order_by(table.c.version)))


def _ensure_migrations_table(engine: Engine) -> None:
    with _migration_transaction(engine) as conn:
        schema.schema_migrations.create(conn, checkfirst=True)


def _apply_one(engine: Engine, migration: Migration) -> bool:
    table = schema.schema_migrations
    with _migration_transaction(engine) as conn:
        done = conn.scalar(select(table.c.version).where(table.c.version == migration.version))
        if done is not None:
            return False
        migration.apply(conn)
        conn.execute(insert(table).values(version=migration.version, name=migration.name,
                                          applied_at=datetime.now(UTC)))
        return True


@contextmanager
def _migration_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction that serialises concurrent migrators."""
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            yield conn


def has_table(conn: Connection, name: str) -> bool:
    """True when the connected database holds table ``name`` (in the active schema)."""
    return inspect(conn).has_table(name)
