"""Where ``marsad extract --out`` puts events: a resumable JSONL file, or Parquet partitions.

**JSONL** (:class:`JsonlOut`): each article's lines are written with one ``write`` and
flushed; then the article id and the file's new length go to a *done log* beside it
(``FILE.done``, one JSON line per article, events or not).  A killed run leaves at most
one article uncommitted; re-opening the file truncates it back to the last committed
length (dropping a half-written line or an article's incomplete block) and skips the ids
in the log, so every article's events end up in the file exactly once.  A FILE without a
done log (written by ``marsad extract > FILE``) is resumed from the ids in it: its last
article is redone, and articles that had no events are read again.

**Parquet** (:func:`write_part`): one file per partition, ``part-00000.parquet``, …; the
columns are the codebook §7 record (:func:`record_schema`), evidence as a JSON string.
A part is written to a temporary name and renamed, so a killed run leaves no torn file;
its metadata holds a hash of its article ids, and a re-run skips a partition whose part
already holds the same articles (:func:`part_rows`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from marsad.errors import InputError
from marsad.model import Article

DONE_SUFFIX = ".done"
PART_NAME = "part-{:05d}.parquet"
IDS_KEY = b"marsad.article_ids_sha256"

# --------------------------------------------------------------------------- JSONL


class JsonlOut:
    """Appends each article's event lines to ``path``, resuming a previous run (see the module doc)."""

    def __init__(self, path: Path, resume: bool = True) -> None:
        self.path = path
        self.done_path = path.with_name(path.name + DONE_SUFFIX)
        self.done: set[str] = set()
        if resume and path.exists():
            self.done, size = _recover(path, self.done_path)
            _truncate(path, size)
            if not self.done_path.exists():  # recovered from the ids in the file: log them for the next run
                self.done_path.write_bytes(b"".join(_done_line(article_id, size) for article_id in sorted(self.done)))
        else:
            path.write_bytes(b"")
            self.done_path.write_bytes(b"")
        self._out: IO[bytes] = open(path, "ab")  # noqa: SIM115 (closed by close())
        self._log: IO[bytes] = open(self.done_path, "ab")  # noqa: SIM115
        self._size = self._out.seek(0, os.SEEK_END)

    def write(self, article_id: str, lines: str) -> None:
        """Store one article's lines (maybe none) and commit it to the done log."""
        if lines:
            data = lines.encode("utf-8")
            self._out.write(data)
            self._out.flush()
            self._size += len(data)
        self._log.write(_done_line(article_id, self._size))
        self._log.flush()
        self.done.add(article_id)

    def close(self) -> None:
        self._out.close()
        self._log.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def _done_line(article_id: str, size: int) -> bytes:
    return (json.dumps({"id": article_id, "end": size}, ensure_ascii=False) + "\n").encode("utf-8")


def _recover(path: Path, done_path: Path) -> tuple[set[str], int]:
    """The committed article ids and the length of ``path`` they account for."""
    if done_path.exists():
        done, size, log_end = _read_done_log(done_path)
        _truncate(done_path, log_end)
        return done, min(size, path.stat().st_size)
    return _ids_in_events(path)


def _read_done_log(done_path: Path) -> tuple[set[str], int, int]:
    """Ids, events-file length and log length of the complete lines of a done log."""
    done: set[str] = set()
    size = log_end = 0
    for line, end in _complete_lines(done_path):
        try:
            entry = json.loads(line)
            done.add(entry["id"])
            size = int(entry["end"])
        except (ValueError, KeyError, TypeError):
            raise InputError(str(done_path), "not a Marsad done log (delete it, or use --overwrite)") from None
        log_end = end
    return done, size, log_end


def _ids_in_events(path: Path) -> tuple[set[str], int]:
    """Without a done log: the ids in ``path`` but its last article's, and where that one starts."""
    blocks: list[tuple[str, int]] = []  # (article id, offset of its first line)
    start = 0
    for line, end in _complete_lines(path):
        try:
            article_id = str(json.loads(line)["article_id"])
        except (ValueError, KeyError, TypeError):
            raise InputError(str(path), f"byte {start}: not an event record line (use --overwrite)") from None
        if not blocks or blocks[-1][0] != article_id:
            blocks.append((article_id, start))
        start = end
    if not blocks:
        return set(), 0
    return {article_id for article_id, _ in blocks[:-1]}, blocks[-1][1]


def _complete_lines(path: Path) -> Iterator[tuple[bytes, int]]:
    """Each newline-terminated line of ``path`` and the offset after it (a partial last line is left out)."""
    end = 0
    with open(path, "rb") as f:
        for line in f:
            if not line.endswith(b"\n"):
                return
            end += len(line)
            yield line, end


def _truncate(path: Path, size: int) -> None:
    if path.stat().st_size > size:
        with open(path, "r+b") as f:
            f.truncate(size)


# --------------------------------------------------------------------------- Parquet


def record_schema() -> Any:
    """The Arrow schema of a Parquet part: the codebook §7 record, evidence as JSON text."""
    import pyarrow as pa

    string, i32, i64, f64, boolean = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
    columns: list[tuple[str, pa.DataType]] = [
        ("article_id", string), ("event_date", pa.date32()), ("time_precision", i32),
        ("disorder_type", string), ("event_type", string), ("sub_event_type", string),
        ("actor1", string), ("inter1", i32), ("actor2", string), ("inter2", i32), ("interaction", i32),
        ("civilian_targeting", boolean), ("country", string), ("admin1", string), ("admin2", string),
        ("admin3", string), ("location", string), ("location_ar", string), ("latitude", f64), ("longitude", f64),
        ("geo_precision", i32), ("disputed", boolean), ("fatalities", i64), ("injured", i64),
        ("evidence", string), ("notes", string), ("basis", string), ("unlocated", boolean), ("source", string),
        (EXTRA, string),
    ]
    return pa.schema(columns)


#: The column holding, as a JSON object, any record key the schema does not know (a newer
#: extractor's field): nothing is lost, and ``tests/scale`` asks for a column of its own.
EXTRA = "extra"
#: Columns holding JSON text.
_JSON = ("evidence", "basis", EXTRA)
#: Record keys left out of a record when they have these values (see Event.to_record).
_OPTIONAL: dict[str, Any] = {"basis": {}, "unlocated": False, "source": ""}


def records_table(records: Sequence[dict[str, Any]]) -> Any:
    """A pyarrow Table of event records."""
    import pyarrow as pa

    schema = record_schema()
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for record in records:
        extra = {k: v for k, v in record.items() if k not in columns}
        for name, values in columns.items():
            values.append(_cell(name, extra if name == EXTRA else record.get(name, _OPTIONAL.get(name))))
    return pa.Table.from_pydict(columns, schema=schema)


def _cell(name: str, value: Any) -> Any:
    if name in _JSON:
        return json.dumps(value, ensure_ascii=False)
    if name == "event_date":
        return date.fromisoformat(value) if value else None  # None: the date is unknown
    return value


def table_records(table: Any) -> list[dict[str, Any]]:
    """The event records of a table read back (inverse of :func:`records_table`)."""
    records = table.to_pylist()
    for record in records:
        record["event_date"] = record["event_date"].isoformat() if record["event_date"] else None
        for name in _JSON:
            record[name] = json.loads(record[name])
        record.update(record.pop(EXTRA))
        for name, absent in _OPTIONAL.items():
            if record.get(name) == absent:
                del record[name]
    return records


def ids_digest(article_ids: Iterable[str]) -> str:
    """A hash naming the articles of a partition."""
    h = hashlib.sha256()
    for article_id in article_ids:
        h.update(article_id.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def part_path(out_dir: Path, index: int) -> Path:
    return out_dir / PART_NAME.format(index)


def part_rows(path: Path, digest: str) -> int | None:
    """The number of events in ``path`` if it is a finished part of the articles of ``digest``, else None."""
    import pyarrow.parquet as pq

    if not path.exists():
        return None
    try:
        metadata = pq.read_metadata(path)
    except Exception:  # a foreign or damaged file: it is rewritten
        return None
    return metadata.num_rows if (metadata.metadata or {}).get(IDS_KEY) == digest.encode() else None


def write_part(path: Path, records: Sequence[dict[str, Any]], digest: str) -> None:
    """Write one partition atomically (temporary file, then rename)."""
    import pyarrow.parquet as pq

    table = records_table(records)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), IDS_KEY: digest.encode()})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def read_parts(out_dir: Path) -> list[dict[str, Any]]:
    """Every record of a partitioned output, parts in order."""
    import pyarrow.parquet as pq

    records: list[dict[str, Any]] = []
    for path in sorted(out_dir.glob("part-*.parquet")):
        records.extend(table_records(pq.read_table(path)))
    return records


@dataclass(slots=True)
class PartSummary:
    """What one Parquet partition task did."""

    articles: int = 0
    events: int = 0
    unlocated: int = 0  # events without a known place (written only with include_unlocated)
    reused: bool = False  # the part was already written by an earlier run
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article id, error) of failed articles
    notes: list[tuple[str, str]] = field(default_factory=list)  # (article id, why) of skipped articles


def extract_part(articles: list[Article], include_unlocated: bool, out_dir: str, index: int) -> PartSummary:
    """Extract a partition and write it as part ``index`` of ``out_dir`` (the function engines run).

    A part whose articles failed in part is labelled with the ids that succeeded only, so a
    re-run, seeing another label, extracts the partition again.
    """
    from marsad.parallel import Task, extract_one

    path = part_path(Path(out_dir), index)
    digest = ids_digest(a.id for a in articles)
    done = part_rows(path, digest)
    if done is not None:
        return PartSummary(len(articles), done, reused=True)
    task = Task(include_unlocated=include_unlocated)
    summary = PartSummary(len(articles))
    records: list[dict[str, Any]] = []
    stored: list[str] = []
    for article in articles:
        result = extract_one(article, task)
        if result.error:
            summary.errors.append((article.id, result.error))
            continue
        if result.skipped:
            summary.notes.append((article.id, result.skipped))
        records.extend(e.to_record() for e in result.events)
        summary.unlocated += result.n_unlocated
        stored.append(article.id)
    write_part(path, records, digest if not summary.errors else ids_digest(stored))
    summary.events = len(records)
    return summary
