"""A disk cache for tables built from the packaged data files (the lexicons), so that a new process
loads them in a fraction of the time it takes to build them.

The cached table is a pickle in the user cache directory (``$MARSAD_CACHE_DIR``, else
``$XDG_CACHE_HOME/marsad`` or ``~/.cache/marsad``; ``MARSAD_CACHE_DIR=`` empty turns the cache
off).  Its file name holds a hash of everything the table is built from: the bytes of the data
files, of every Python source file of the ``marsad`` package (a change to any code that builds
it) and the Python version.  A stale file is therefore never read: any change makes a new
name, and the oldest files are removed.  A cache that cannot be read, written or trusted (an
unwritable directory, a truncated or foreign file) only means building the table as without it.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")

#: Bump to make every existing cache file stale (a change of the file layout).
FORMAT = 1
#: Cache files kept per table name (several checkouts or versions of Marsad may share the directory).
KEEP = 8
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where cached tables live, or None when the cache is turned off (``MARSAD_CACHE_DIR=``)."""
    configured = os.environ.get("MARSAD_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "marsad"


def fingerprint(data_files: Iterable[Path]) -> str:
    """A hash of ``data_files``, of the package's Python sources and of the Python version."""
    h = hashlib.sha256(f"{FORMAT}|{sys.version}".encode())
    for path in sorted({*data_files, *_PACKAGE.rglob("*.py")}):
        h.update(str(path.relative_to(_PACKAGE) if path.is_relative_to(_PACKAGE) else path).encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def cached(name: str, data_files: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or the table it built before from the same files and code (see the module docstring)."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{fingerprint(data_files)}.pickle"
    except OSError:  # a data file cannot be read: let the builder say so
        return build()
    table = _read(path)
    if table is not None:
        return cast(T, table)  # what the builder of this fingerprint returned
    with no_gc():
        table = build()
    _write(path, table)
    return table


@contextmanager
def no_gc() -> Iterator[None]:
    """No garbage collection passes while a large table is built or read: it makes many objects that all
    live on, so the passes would find nothing to free.  After it, the objects are moved out of the
    collector's generations (:func:`gc.freeze`): later passes need not scan them again and again (they
    are still freed when no longer referenced)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _read(path: Path) -> object | None:
    """The table in ``path``; None when absent, unreadable, not ours or not a pickle we wrote."""
    try:
        with open(path, "rb") as f:
            if not _trusted(os.fstat(f.fileno())):
                return None
            data = f.read()
    except OSError:
        return None
    try:
        with no_gc():
            return pickle.loads(data)
    except Exception:  # noqa: BLE001  # a truncated or damaged file is rebuilt
        return None


def _trusted(st: os.stat_result) -> bool:
    """A pickle runs code when read: only a file of this user that no one else may write."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _write(path: Path, table: object) -> None:
    """Store ``table`` atomically (a reader sees the whole file or none), then drop old files; errors ignored."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(table, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(path)
    except (OSError, pickle.PicklingError):
        return


def _prune(path: Path) -> None:
    """Keep the :data:`KEEP` most recent files of ``path``'s table."""
    name = path.name.rsplit("-", 1)[0]
    files = sorted(path.parent.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
