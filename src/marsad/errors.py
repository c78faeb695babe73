"""Marsad's exceptions.  Everything the user can cause is a :class:`MarsadError`.

    MarsadError
    ├── InputError      a file, line or value given to Marsad cannot be read (names it)
    ├── UsageError      a command-line option is wrong (exit code 2)
    ├── DataFileError   a lexicon or gazetteer file shipped with Marsad is invalid
    └── StoreError      the event store cannot be opened or written

The CLI turns these into one-line messages (``Error: <where>: <problem>``); the API
into one JSON error shape.  Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad reports to the user."""


class InputError(MarsadError):
    """An input (file, line, URL or value) cannot be used; ``where`` names it."""

    def __init__(self, where: str, problem: str, line: int | None = None) -> None:
        self.where = where
        self.problem = problem
        self.line = line
        loc = f"{where}:{line}" if line is not None else where
        super().__init__(f"{loc}: {problem}")


class UsageError(MarsadError):
    """A command-line option or argument is wrong."""


class DataFileError(MarsadError):
    """A shipped data file (lexicon, gazetteer) is missing or malformed."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class StoreError(MarsadError):
    """The event store cannot be opened, migrated or written."""
