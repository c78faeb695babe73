"""Storing articles and their extracted events, batch by batch, idempotently.

Each article is stored once under its **key**: its URL, else ``sha256:`` + the hash of its
whitespace-normalised text.  Its **content hash** covers what extraction reads (id, title,
text, publication date, outlet).  For every batch (default 200 articles):

1. keys already stored with the same content hash are skipped without extraction;
2. the rest (new articles, and changed ones: same key, new hash) are extracted, outside any
   transaction;
3. one write transaction stores them (while the pool, if any, already extracts the next
   batch): a changed article's old mentions are deleted (their memberships go with them),
   the article row is written, its new mentions inserted in bulk, and the merge is updated
   around what changed (:func:`merge.merge_changes`).

A changed article never replaces its stored version with a worse one (:func:`worse_version`:
a much shorter text, undecodable characters the stored text has none of, or far fewer event
records): the stored version is kept and ``on_note`` says why, unless ``force``.  Every
stored event record removed (a changed article's old records) and every merged event removed
is written to the journal table ``removals`` (``marsad journal``) and counted.

A crash loses at most the batch in flight (with a pool, the one being written and the
:data:`AHEAD` being extracted) and never leaves half an article; a re-run skips what is stored.
Non-Arabic articles are skipped (``on_skip``); an article whose extraction raises is
reported (``on_error``) and the batch goes on.  Events without a date (the text gives no
day and the article no publication date) are not stored: the store places every event on a
day, and none is made up; ``on_note`` says so for each article.
Events with no place the gazetteer knows are stored, flagged ``unlocated``: each is an event
of its own (never merged), left out of the map, the gaps and the default lists, and
:func:`marsad.store.relocate.relocate` places them once the gazetteer knows their place.
"""

from __future__ import annotations

import hashlib
import json
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from marsad.errors import InputError
from marsad.model import Article, Event
from marsad.store import schema
from marsad.store.db import Store
from marsad.store.merge import Changes, MergeStats, defer_removals, merge_changes

Extractor = Callable[[Article], list[Event]]
BatchExtractor = Callable[[list[Article]], list[list[Event] | str]]
BATCH_SIZE = 200
#: Batches a pool extracts ahead of the one being written, so that it never waits for this process.
AHEAD = 2
#: A changed text shorter than this share of the stored one is a truncated copy, not an update.
SHORTER = 2 / 3
#: U+FFFD, what a decoder puts for bytes it could not read.
REPLACEMENT = "\ufffd"


@dataclass(frozen=True, slots=True)
class BatchTiming:
    """Where one batch's time went in this process, in seconds (``IngestStats.batches``).

    ``extract``: extraction in this process (one worker) or waiting for the pool's results;
    ``store``: the look-up of the stored versions and the write transaction (article and mention
    rows, merge; lock wait included); ``merge``: the part of ``store`` spent in :func:`merge_changes`."""

    articles: int
    extract: float
    store: float
    merge: float


@dataclass(slots=True)
class IngestStats:
    """Counts of one ingest run."""

    read: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    mentions: int = 0
    undated: int = 0  # event records not stored: no day in the text, publication date unknown
    unlocated: int = 0  # event records stored without a place (see marsad relocate)
    kept: int = 0  # changed articles not stored: worse than the stored version (see worse_version)
    removed: int = 0  # stored event records removed (their article changed); in the journal
    seconds: float = 0.0
    merge: MergeStats = field(default_factory=MergeStats)
    batches: list[BatchTiming] = field(default_factory=list)  # one per batch, in order (a few floats each)

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{self.read} articles read: {self.added} new, {self.replaced} changed, {self.unchanged} unchanged, "
                f"{self.skipped} skipped, {self.failed} failed; {self.mentions} event records stored"
                f"{f' ({self.unlocated} without a known place)' if self.unlocated else ''}"
                f"{f' ({self.undated} without a date left out)' if self.undated else ''}"
                f"{self._kept_and_removed()}; "
                f"{self.merge.created} events created, {self.merge.updated} updated, {self.merge.deleted} removed "
                f"({self.rate:.0f} articles/s)")


    def _kept_and_removed(self) -> str:
        kept = f"; {self.kept} stored versions kept (the new one looked worse; --force replaces)" if self.kept else ""
        removed = f"; {self.removed} stored event records removed (marsad journal lists them)" if self.removed else ""
        return kept + removed


def article_key(article: Article) -> str:
    """The article's identity: its URL, else a hash of its whitespace-normalised text."""
    if article.url.strip():
        return article.url.strip()
    normalised = " ".join(unicodedata.normalize("NFC", article.text).split())
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def content_hash(article: Article) -> str:
    """Hash of everything extraction reads; a new value means the article changed."""
    published = article.published.isoformat() if article.published else None
    payload = json.dumps([article.id, article.title, article.text, published, article.outlet], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def worse_version(stored_text: str, stored_records: int, new_text: str, new_records: int) -> str | None:
    """Why a new version of a stored article looks worse than the stored one, else None.

    * it holds U+FFFD replacement characters (bytes its reader could not decode) where the
      stored text has none;
    * its text is shorter than :data:`SHORTER` of the stored one (a truncated copy; an update
      rarely removes a third of a report);
    * it yields far fewer event records: fewer than half as many, and at least two fewer.
    """
    if REPLACEMENT in new_text and REPLACEMENT not in stored_text:
        return (f"the new text has {new_text.count(REPLACEMENT)} undecodable character(s) (U+FFFD) "
                "and the stored one none")
    if len(new_text) < SHORTER * len(stored_text):
        return f"the new text is {len(new_text):,} characters, the stored one {len(stored_text):,}"
    if new_records < stored_records / 2 and stored_records - new_records >= 2:
        return f"the new version yields {new_records} event record(s), the stored one {stored_records}"
    return None


def ingest_articles(
    store: Store,
    articles: Iterable[Article],
    *,
    extract: Extractor | None = None,
    extract_many: BatchExtractor | None = None,
    batch_size: int = BATCH_SIZE,
    merge: bool = True,
    arabic_only: bool = True,
    on_skip: Callable[[str, str], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_note: Callable[[str, str], None] | None = None,
    force: bool = False,
) -> IngestStats:
    """Store ``articles`` and their events (see the module docstring); returns the counts.

    ``extract`` defaults to :func:`marsad.pipeline.extract_events` with unlocated events
    kept (``include_unlocated=True``; an extractor that leaves them out stores none).  ``extract_many``, if
    given, replaces it: it gets the articles of a batch that need extraction and returns, for
    each, its events or an error description (``"ValueError: …"``); a process pool uses it
    (:func:`marsad.parallel.batch_extractor`).  One with ``in_background`` true and a ``submit``
    method (:class:`marsad.parallel.BatchExtraction` over a pool) extracts batches k+1 and k+2
    while this process writes batch k.  With ``merge=False`` the mentions wait for
    :func:`marsad.store.merge.merge` (e.g. ``marsad merge``).  With ``force``, a changed article
    replaces its stored version even when it looks worse (:func:`worse_version`).
    """
    if extract_many is None:
        extract_many = _one_by_one(extract or _extract_with_unlocated)
    stats = IngestStats()
    started = time.perf_counter()
    batch_run = _BatchRun(store, extract_many, merge, arabic_only, on_skip or _ignore_skip, on_error or _raise,
                          stats, on_note or _ignore_skip, force)
    if not getattr(extract_many, "in_background", False):
        for batch in _batches(articles, batch_size):
            batch_run.run(batch)
    else:  # a stop leaves the extraction in flight to the engine's shutdown (pending chunks cancelled)
        jobs: deque[_Job] = deque()
        for batch in _batches(articles, batch_size):
            jobs.append(batch_run.start(batch))  # the pool extracts the batches ahead ...
            if len(jobs) > AHEAD:
                batch_run.finish(jobs.popleft())  # ... while this process writes the oldest
        while jobs:
            batch_run.finish(jobs.popleft())
    stats.seconds = time.perf_counter() - started
    return stats


def _extract_with_unlocated(article: Article) -> list[Event]:
    from marsad.pipeline import extract_events

    return extract_events(article, include_unlocated=True)


def _one_by_one(extract: Extractor) -> BatchExtractor:
    """A batch extractor calling ``extract`` on each article; an exception becomes its description."""

    def extract_many(articles: list[Article]) -> list[list[Event] | str]:
        results: list[list[Event] | str] = []
        for article in articles:
            try:
                results.append(extract(article))
            except Exception as exc:  # an extractor bug must not stop a long ingest; it is reported
                results.append(f"{type(exc).__name__}: {exc}")
        return results

    return extract_many


def _ignore_skip(where: str, why: str) -> None:
    return None


def _raise(error: InputError) -> None:
    raise error


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, max(1, size))):
        yield batch


@dataclass(slots=True)
class _Pending:
    """An article to write, with its key, hash and extracted events."""

    article: Article
    key: str
    digest: str
    events: list[Event]


@dataclass(slots=True)
class _Job:
    """A batch whose extraction has started: what needs writing, and how to wait for its events."""

    todo: list[tuple[Article, str, str]]
    collect: Callable[[], list[list[Event] | str]]
    read: int = 0  # articles of the batch
    extract_s: float = 0.0  # extracting (one worker) or handing the batch to the pool
    lookup_s: float = 0.0  # reading the stored versions' hashes


@dataclass(slots=True)
class _BatchRun:
    store: Store
    extract_many: BatchExtractor
    merge: bool
    arabic_only: bool
    on_skip: Callable[[str, str], None]
    on_error: Callable[[InputError], None]
    stats: IngestStats
    on_note: Callable[[str, str], None]
    force: bool = False
    _merge_s: float = 0.0  # time in merge_changes so far

    def run(self, batch: list[Article]) -> None:
        """Extract what is new or changed, then write it in one transaction."""
        self.finish(self.start(batch))

    def start(self, batch: list[Article]) -> _Job:
        """Skip what is stored unchanged and start extracting the rest (on the pool, if there is one)."""
        self.stats.read += len(batch)
        latest = _latest_by_key(batch)
        self.stats.unchanged += len(batch) - len(latest)
        started = time.perf_counter()
        with self.store.read() as conn:
            stored = _stored_hashes(conn, list(latest))
        lookup_s = time.perf_counter() - started
        todo = [(article, key, digest) for key, (article, digest) in latest.items()
                if self._needs_extraction(article, digest, stored.get(key))]
        articles = [article for article, _, _ in todo]
        if not todo:
            return _Job(todo, list, len(batch), lookup_s=lookup_s)
        submit = getattr(self.extract_many, "submit", None)
        started = time.perf_counter()
        if submit is None:
            results = self.extract_many(articles)
            return _Job(todo, lambda: results, len(batch), time.perf_counter() - started, lookup_s)
        collect = submit(articles)  # an engine that runs in this process extracts here
        return _Job(todo, collect, len(batch), time.perf_counter() - started, lookup_s)

    def finish(self, job: _Job) -> None:
        """Wait for a batch's extraction and write it in one transaction (a batch written meanwhile
        is seen: the write re-reads the stored versions inside the write lock)."""
        started = time.perf_counter()
        todo, results = job.todo, job.collect()
        extract_s, merge_before = job.extract_s + time.perf_counter() - started, self._merge_s
        pending: list[_Pending] = []
        for (article, key, digest), events in zip(todo, results, strict=True):
            if isinstance(events, str):
                self.stats.failed += 1
                self.on_error(InputError(article.id, f"extraction failed ({events})"))
            else:
                pending.append(_Pending(article, key, digest, self._dated(article, events)))
        started = time.perf_counter()
        if pending:
            with self.store.write() as conn:
                self._write(conn, pending)
        self.stats.batches.append(BatchTiming(job.read, extract_s, job.lookup_s + time.perf_counter() - started,
                                              self._merge_s - merge_before))

    def _dated(self, article: Article, events: list[Event]) -> list[Event]:
        """The events that have a date; the others are counted and noted, never given a made-up day."""
        dated = [e for e in events if e.event_date is not None]
        if len(dated) < len(events):
            left = len(events) - len(dated)
            self.stats.undated += left
            self.on_note(article.id, f"publication date unknown: {left} event(s) without a date not stored "
                                     "(give --published, or a 'published' field)")
        return dated

    def _needs_extraction(self, article: Article, digest: str, stored: str | None) -> bool:
        if stored == digest:
            self.stats.unchanged += 1
            return False
        if self.arabic_only and not _is_arabic(article.text):
            self.stats.skipped += 1
            self.on_skip(article.id, "not Arabic text")
            return False
        return True

    def _write(self, conn: Connection, pending: list[_Pending]) -> None:
        now = datetime.now(UTC)
        stored = _stored_rows(conn, [p.key for p in pending])  # again, inside the write lock
        changes = Changes()
        new: list[_Pending] = []
        for p in pending:
            row = stored.get(p.key)
            if row is None:
                new.append(p)
            elif row[1] == p.digest:  # stored meanwhile by another run
                self.stats.unchanged += 1
            elif not self.force and (why := _worse(conn, row[0], p)):
                self.stats.kept += 1
                self.on_note(p.article.id, f"stored version kept: {why} (--force replaces it)")
            else:
                self.stats.removed += _replace_article(conn, row[0], p, now, changes)
                self._insert_mentions(conn, [(row[0], p)], changes)
                self.stats.replaced += 1
        if new:
            pks = conn.execute(insert(schema.articles).returning(schema.articles.c.pk, sort_by_parameter_order=True),
                               [_article_row(p, now) for p in new]).scalars().all()
            self._insert_mentions(conn, list(zip(pks, new, strict=True)), changes)
            self.stats.added += len(new)
        if self.merge:
            started = time.perf_counter()
            self.stats.merge.add(merge_changes(conn, changes, now))
            self._merge_s += time.perf_counter() - started
        else:
            defer_removals(conn, changes)

    def _insert_mentions(self, conn: Connection, items: list[tuple[int, _Pending]], changes: Changes) -> None:
        rows = [_mention_row(pk, ordinal, event) for pk, p in items for ordinal, event in enumerate(p.events)]
        m = schema.mentions
        pks = conn.execute(insert(m).returning(m.c.pk, sort_by_parameter_order=True), rows).scalars().all() \
            if rows else []
        for pk, row in zip(pks, rows, strict=True):
            changes.note(row["country"], row["event_date"], pk, row["unlocated"])
        self.stats.mentions += len(rows)
        self.stats.unlocated += sum(row["unlocated"] for row in rows)


def _is_arabic(text: str) -> bool:
    from marsad.io.readers import is_arabic

    return is_arabic(text)


def _latest_by_key(batch: list[Article]) -> dict[str, tuple[Article, str]]:
    """Key → (article, content hash); a key repeated in the batch keeps its last version."""
    latest: dict[str, tuple[Article, str]] = {}
    for article in batch:
        key = article_key(article)
        latest.pop(key, None)
        latest[key] = (article, content_hash(article))
    return latest


def _stored_hashes(conn: Connection, keys: list[str]) -> dict[str, str]:
    return {key: row[1] for key, row in _stored_rows(conn, keys).items()}


def _stored_rows(conn: Connection, keys: list[str]) -> dict[str, tuple[int, str]]:
    a = schema.articles
    if not keys:
        return {}
    query = select(a.c.key, a.c.pk, a.c.content_hash).where(a.c.key.in_(keys))
    return {row.key: (row.pk, row.content_hash) for row in conn.execute(query)}


def _worse(conn: Connection, pk: int, p: _Pending) -> str | None:
    """:func:`worse_version` of the pending article against the stored one."""
    a, m = schema.articles, schema.mentions
    stored_text = conn.scalar(select(a.c.text).where(a.c.pk == pk)) or ""
    stored_records = int(conn.scalar(select(func.count()).select_from(m).where(m.c.article_pk == pk)) or 0)
    return worse_version(stored_text, stored_records, p.article.text, len(p.events))


def _replace_article(conn: Connection, pk: int, p: _Pending, now: datetime, changes: Changes) -> int:
    """Drop a changed article's mentions (noting where they were and their events, journaling each)
    and update it; how many were removed."""
    m, em, a = schema.mentions, schema.event_members, schema.articles
    query = (select(m.c.country, m.c.event_date, m.c.unlocated, m.c.record, em.c.event_id, a.c.key, a.c.id)
             .select_from(m.outerjoin(em, em.c.mention_pk == m.c.pk).join(a, a.c.pk == m.c.article_pk))
             .where(m.c.article_pk == pk).order_by(m.c.ordinal))
    journal = []
    for row in conn.execute(query):
        changes.note_removed(row.country, row.event_date, row.event_id, row.unlocated)
        journal.append({"removed_at": now, "kind": "record", "event_id": row.event_id or "", "article_key": row.key,
                        "article_id": row.id, "event_date": row.event_date, "record": row.record,
                        "reason": "its article was ingested again in a changed version"})
    if journal:
        conn.execute(insert(schema.removals), journal)
    conn.execute(delete(m).where(m.c.article_pk == pk))
    conn.execute(update(a).where(a.c.pk == pk).values(**_article_row(p, now)))
    return len(journal)


def _article_row(p: _Pending, now: datetime) -> dict[str, Any]:
    a = p.article
    return {"key": p.key, "content_hash": p.digest, "id": a.id, "outlet": a.outlet, "url": a.url,
            "title": a.title, "published": a.published, "text": a.text, "ingested_at": now}


def _mention_row(article_pk: int, ordinal: int, event: Event) -> dict[str, Any]:
    record = event.to_record()
    row = {name: record[name] for name in schema.RECORD_COLUMNS}
    row["event_date"] = date.fromisoformat(record["event_date"])
    row.update(article_pk=article_pk, ordinal=ordinal, place_id=event.location.place_id or "", record=record,
               unlocated=not event.location.located)
    return row
