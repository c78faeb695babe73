"""Opening the event store: where it is, how to connect, and one-line errors when that fails.

Location, first that is given: ``--db`` (a SQLAlchemy URL or a plain file path), the
environment variable ``MARSAD_DB``, else ``sqlite:///$MARSAD_HOME/marsad.db`` (``MARSAD_HOME``
defaults to ``~/.local/share/marsad``).  ``postgresql://`` URLs use the pg8000 driver.

SQLite runs in WAL mode with foreign keys on; transactions are real (DDL included), and
write transactions take the write lock up front (``BEGIN IMMEDIATE``) so two writers wait
for each other instead of failing half-way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import PoolProxiedConnection, StaticPool
from sqlalchemy.schema import CreateSchema

from marsad.errors import StoreError
from marsad.store import migrations

_PG_PREFIXES = ("postgresql://", "postgres://")
#: Key of the PostgreSQL advisory lock that serialises write transactions (as SQLite's write lock does).
_PG_WRITE_LOCK = 0x4D415257  # "MARW"
_SQLITE_BUSY_TIMEOUT_S = 30.0


def marsad_home() -> Path:
    """``$MARSAD_HOME``, default ``~/.local/share/marsad``."""
    return Path(os.environ.get("MARSAD_HOME") or Path.home() / ".local" / "share" / "marsad").expanduser()


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL of the store: ``db``, else ``$MARSAD_DB``, else the default file."""
    value = os.fspath(db) if db else os.environ.get("MARSAD_DB", "")
    if not value:
        home = marsad_home()
        home.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{home / 'marsad.db'}"
    if value.startswith(_PG_PREFIXES):
        return "postgresql+pg8000://" + value.split("://", 1)[1]
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def require_existing(db: str | os.PathLike[str] | None = None) -> None:
    """Raise :class:`StoreError` when ``db`` (or ``$MARSAD_DB``) names an SQLite file that does not
    exist: a command that only reads must not create an empty store at a mistyped path and report
    0 events.  The default store in Marsad's home is created when missing, as before."""
    if not db and not os.environ.get("MARSAD_DB"):
        return
    url = resolve_url(db)
    if not url.startswith("sqlite"):
        return
    database = make_url(url).database
    if database not in (None, "", ":memory:") and not Path(database).exists():
        raise StoreError(f"{database}: no such store (check the path, or create it with `marsad ingest` "
                         "or `marsad demo`)")


class QueryTimeout(StoreError):
    """A read stopped because it ran longer than its time budget (:meth:`Store.read`)."""


def _timed_out(orig: BaseException | None) -> bool:
    import sqlite3

    if isinstance(orig, sqlite3.OperationalError):
        return str(orig) == "interrupted"
    return _pg_field(orig, "C") == "57014"  # query_canceled: statement_timeout


@dataclass(slots=True)
class Store:
    """An open event store: a SQLAlchemy engine whose schema is migrated."""

    engine: Engine
    url: str  # for messages: the URL with any password hidden
    schema: str | None = None  # the PostgreSQL schema holding the tables (None: the default)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (committed on success, rolled back on error).

        Writers take turns (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), so
        two ingests never merge the same days at once.
        """
        with self.errors(), self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})
                yield conn

    @contextmanager
    def read(self, budget: float | None = None) -> Iterator[Connection]:
        """A read-only transaction (a consistent snapshot).

        With ``budget`` (seconds), a statement still running that long after the start is
        stopped (SQLite: a progress handler; PostgreSQL: ``statement_timeout``) and
        :class:`QueryTimeout` raised: one heavy request cannot hold a connection and the CPU
        for minutes."""
        with self.errors(), self.engine.connect() as conn, conn.begin():
            if budget is None:
                yield conn
                return
            if self.dialect == "postgresql":
                conn.execute(text(f"SET LOCAL statement_timeout = {max(1, int(budget * 1000))}"))
                yield conn
                return
            import time

            deadline = time.monotonic() + budget
            driver = driver_connection(conn.connection)
            driver.set_progress_handler(lambda: int(time.monotonic() > deadline), 20_000)
            try:
                yield conn
            finally:
                driver.set_progress_handler(None, 0)

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn database failures (locked, unreachable, disk full, ...) into :class:`StoreError`."""
        try:
            yield
        except DBAPIError as exc:
            if _timed_out(exc.orig):
                raise QueryTimeout(f"{self.url}: the query ran out of its time budget (narrow the filters)") from exc
            if exc.connection_invalidated or _unusable(exc.orig):
                raise StoreError(f"{self.url}: {_first_line(exc.orig)}") from exc
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str | os.PathLike[str] | None = None, *, schema: str | None = None,
               migrate: bool = True) -> Store:
    """Open (and create or upgrade) the store at ``db`` (see :func:`resolve_url`).

    ``schema`` puts the tables in that PostgreSQL schema (created if missing).
    """
    url = resolve_url(db)
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        raise StoreError(f"{url}: not a database URL or path") from None
    try:
        engine = _engine(url, schema)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"{shown}: {_first_line(exc)}") from None
    store = Store(engine=engine, url=shown, schema=schema)
    try:
        if url.startswith("sqlite"):
            check_integrity(engine, shown)
        if schema:
            _create_schema(engine, schema)
        if migrate:
            migrations.migrate(engine)
    except StoreError:
        engine.dispose()
        raise
    except (DBAPIError, SQLAlchemyError) as exc:
        engine.dispose()
        raise StoreError(f"{shown}: cannot open the store: {_first_line(getattr(exc, 'orig', exc))}") from exc
    return store


#: Files up to this size are checked on every open: ``PRAGMA quick_check`` reads every page at about
#: 1 s per GB here (2.7 s for the 2.7 GB file of a million events; docs/store.md), too slow for a
#: read command on a larger archive.
QUICK_CHECK_MAX_BYTES = 1_000_000_000
#: A check still running after this long (a slow disk) is given up, not failed.
QUICK_CHECK_S = 3.0


def check_integrity(engine: Engine, shown: str) -> None:
    """Refuse a damaged SQLite file before anything is written to it (:class:`StoreError`, one line).

    ``PRAGMA quick_check`` reads every page and checks its structure (not index contents).  It
    runs on files up to :data:`QUICK_CHECK_MAX_BYTES`, under a time budget of :data:`QUICK_CHECK_S`
    seconds; on a larger file SQLite still reports a damaged page when a command reads it (one
    line, exit 1, through :meth:`Store.errors`)."""
    database = make_url(str(engine.url)).database
    if database in (None, "", ":memory:") or not Path(database).is_file():
        return
    if not 0 < Path(database).stat().st_size <= QUICK_CHECK_MAX_BYTES:
        return
    import sqlite3
    import time

    raw = engine.raw_connection()
    try:
        driver = driver_connection(raw)
        deadline = time.monotonic() + QUICK_CHECK_S
        driver.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            rows = driver.execute("PRAGMA quick_check").fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):
                return
            raise
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{shown}: the database file is damaged ({_first_line(exc)}); "
                             "restore it from a backup") from None
        finally:
            driver.set_progress_handler(None, 0)
        if [tuple(r) for r in rows] != [("ok",)]:
            problem = " ".join(" ".join(str(r[0]) for r in rows[:3]).split()).replace("*** in database main *** ", "")
            raise StoreError(f"{shown}: the database file is damaged (quick_check: {problem[:200]}); "
                             "restore it from a backup")
    finally:
        raw.close()


def driver_connection(conn: PoolProxiedConnection) -> Any:
    """The driver's own connection (sqlite3 or pg8000) under a pooled one, for what SQLAlchemy does not
    wrap (progress handlers, bulk loads, VACUUM); an invalidated connection has none."""
    driver = conn.driver_connection
    if driver is None:
        raise StoreError("the database connection was invalidated")
    return driver


def _engine(url: str, schema: str | None) -> Engine:
    kwargs: dict[str, Any] = {"json_serializer": _json_dumps}
    if url.startswith("sqlite"):
        memory = make_url(url).database in (None, "", ":memory:")
        if memory:
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
        else:
            kwargs["connect_args"] = {"timeout": _SQLITE_BUSY_TIMEOUT_S}
        engine = create_engine(url, **kwargs)
        _sqlite_setup(engine, wal=not memory)
        return engine
    engine = create_engine(url, pool_pre_ping=True, **kwargs)
    if schema:
        engine = engine.execution_options(schema_translate_map={None: schema})
    return engine


def _sqlite_setup(engine: Engine, wal: bool) -> None:
    """WAL, foreign keys, and transactions SQLAlchemy controls (pysqlite's own are off)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # no implicit BEGIN/COMMIT by the driver
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _create_schema(engine: Engine, schema: str) -> None:
    with engine.connect() as conn, conn.begin():
        conn.execute(CreateSchema(schema, if_not_exists=True))


def _json_dumps(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _operational_errors() -> tuple[type[BaseException], ...]:
    """DB-API error classes that mean "the database is not usable now", not "Marsad has a bug"."""
    import sqlite3

    classes: list[type[BaseException]] = [sqlite3.OperationalError]
    try:
        import pg8000.dbapi

        classes += [pg8000.dbapi.OperationalError, pg8000.dbapi.InterfaceError]
    except ImportError:  # pragma: no cover - pg8000 is a dependency
        pass
    return tuple(classes)


#: PostgreSQL SQLSTATE classes of a server that cannot serve now: connection, out of resources
#: (disk full), shut down by an operator, system error, no such database, bad login.
_PG_UNUSABLE = ("08", "53", "57", "58", "3D", "28")


def _unusable(orig: BaseException | None) -> bool:
    """Whether a driver error means the database is not usable (see :func:`_operational_errors`)."""
    import sqlite3

    if isinstance(orig, _operational_errors()):
        return True
    if type(orig) is sqlite3.DatabaseError:  # a damaged file: "database disk image is malformed"
        return True
    return _pg_field(orig, "C")[:2] in _PG_UNUSABLE


def _pg_field(exc: BaseException | None, key: str) -> str:
    """A field of a PostgreSQL error as pg8000 reports it (a dict of the server's fields), else ""."""
    args = getattr(exc, "args", ())
    return str(args[0].get(key, "")) if args and isinstance(args[0], dict) else ""


def _first_line(exc: BaseException | None) -> str:
    message = _pg_field(exc, "M")
    if message:
        return message
    text = str(exc) if exc is not None else "unknown error"
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
