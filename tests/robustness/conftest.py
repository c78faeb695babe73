"""Fixtures of the robustness tests: the real CLI in a subprocess, the bad-input corpus, PostgreSQL.

PostgreSQL runs unless ``MARSAD_TEST_PG=0``, at ``MARSAD_TEST_PG_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``).  The CLI has no schema option, so each test
that needs a database gets a login role of its own whose ``search_path`` is a schema of its
own (trust authentication): ``postgresql://<role>@host/test`` then reads and writes only
there, and both are dropped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from make_bad_inputs import Case, make_bad_inputs

PG_URL = os.environ.get("MARSAD_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
PG_OFF = os.environ.get("MARSAD_TEST_PG") == "0"
PG_SKIP = pytest.mark.skipif(PG_OFF, reason="MARSAD_TEST_PG=0: PostgreSQL tests switched off")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=PG_SKIP)]


def marsad_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "marsad.cli", *args]


def run_marsad(*args: str, timeout: float = 120, cwd: Path | None = None,
               stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``marsad ARGS`` in a fresh interpreter; fails the test if a traceback shows without ``--debug``."""
    done = subprocess.run(marsad_command(*args), capture_output=True, text=True, timeout=timeout, cwd=cwd,
                          input=stdin, check=False)
    if "--debug" not in args:
        assert_no_traceback(done)
    return done


def assert_no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    for stream, text in (("stderr", done.stderr), ("stdout", done.stdout)):
        assert "Traceback" not in text, f"a traceback on {stream} of {done.args}:\n{text[-3000:]}"


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Case], Path]:
    """(directory, cases by file name, the secret file the XXE feed tries to read)."""
    root = tmp_path_factory.mktemp("bad-inputs")
    secret = root / "secret.txt"
    secret.write_text(f"TOP-SECRET-{uuid.uuid4().hex}", encoding="utf-8")
    directory = root / "corpus"
    cases = make_bad_inputs(directory, secret=secret)
    return directory, {case.name: case for case in cases}, secret


# --------------------------------------------------------------------------- PostgreSQL


class PgDatabase:
    """A role and a schema of its own in the test database; ``url`` is what ``--db`` takes."""

    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine

        from marsad.store.db import resolve_url

        self.name = f"marsad_rb_{uuid.uuid4().hex[:12]}"
        self.admin = create_engine(resolve_url(admin_url), isolation_level="AUTOCOMMIT")
        host = admin_url.split("@", 1)[1] if "@" in admin_url else admin_url.split("://", 1)[1]
        self.url = f"postgresql://{self.name}@{host}"
        self._sql(f'CREATE ROLE "{self.name}" LOGIN', f'CREATE SCHEMA "{self.name}" AUTHORIZATION "{self.name}"',
                  f'ALTER ROLE "{self.name}" SET search_path = "{self.name}"')

    def _sql(self, *statements: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))

    def scalar(self, query: str) -> object:
        """One value of ``query`` run in this schema."""
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'SET search_path = "{self.name}"'))
            return conn.execute(text(query)).scalar()

    def drop(self) -> None:
        self._sql(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE', f'DROP ROLE IF EXISTS "{self.name}"')
        self.admin.dispose()


@pytest.fixture
def pg_database() -> Iterator[Callable[[], PgDatabase]]:
    """Makes fresh PostgreSQL databases (role + schema), dropped after the test."""
    if PG_OFF:
        pytest.skip("MARSAD_TEST_PG=0: PostgreSQL tests switched off")
    made: list[PgDatabase] = []

    def factory() -> PgDatabase:
        made.append(PgDatabase(PG_URL))
        return made[-1]

    yield factory
    for database in made:
        database.drop()
