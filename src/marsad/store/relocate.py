"""Placing stored unlocated events once the gazetteer knows their place (``marsad relocate``).

An event is stored ``unlocated`` when the extractor found no place the gazetteer knows (its
record then has no place name: an unknown name is not kept).  What the store does keep is
the article's text, so relocation reads each such article again with the current gazetteer
(after ``marsad gazetteer import``, say) and matches every unlocated record to the event
re-extracted with the same date and the same trigger evidence (the same sub-event type first,
then any: the type may follow the place, below).  When that event now has a place, the stored
record takes what the place decides:

* its place fields, its location evidence and its notes;
* the coding that rests on the place's region (``actors.region_of``): who the sides are
  (``actors.toml`` generics resolve by region, "قوات الأمن" being the police of Iraq in Iraq and
  of Syria in Syria, and the default firer and "the militants" differ by region; a record with no
  place was coded with the article's country, Iraq by default), so actor1, inter1, actor2,
  inter2, interaction, civilian_targeting, the actors' evidence and their ``basis`` notes; and
  the types, which follow the initiator (``classify.by_initiator``: a force that fights only from
  the air strikes from the air; a territorial change is typed by who took the ground): the
  sub-event, event and disorder types.

Nothing else changes (the date, the tolls and their evidence stay as stored).  The record then
leaves its one-member event, and the incremental merge (:func:`marsad.store.merge.merge_changes`)
groups it like any new report: it may join an event other outlets reported, whose id survives,
or found one of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, true, update

from marsad.model import Article, Event
from marsad.store import schema
from marsad.store.db import Store
from marsad.store.events import MergeStats, chunks, drop_empty
from marsad.store.merge import Changes, merge_changes

Extractor = Callable[[Article], list[Event]]
#: Articles read again per write transaction.
BATCH_ARTICLES = 200
#: The record fields a new place replaces (the codebook §7 place fields).
PLACE_FIELDS = ("country", "admin1", "admin2", "admin3", "location", "location_ar", "latitude", "longitude",
                "geo_precision", "disputed")
#: The record fields the place's region decides (the sides resolve by region, the types follow the initiator).
REGION_FIELDS = ("disorder_type", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
                 "interaction", "civilian_targeting")
#: The evidence and basis keys that go with the fields a new place replaces.
_NEW_EVIDENCE = ("location", "actor1", "actor2")
_NEW_BASIS = ("actor1", "actor2")


@dataclass(slots=True)
class RelocateStats:
    """What a relocation did: unlocated records checked, placed, left; the merge around them."""

    checked: int = 0
    placed: int = 0
    articles: int = 0
    failed: int = 0  # articles whose extraction raised (their records stay unlocated)
    merge: MergeStats = field(default_factory=MergeStats)

    @property
    def left(self) -> int:
        return self.checked - self.placed

    def summary(self) -> str:
        return (f"{self.checked} unlocated event records in {self.articles} articles: {self.placed} placed, "
                f"{self.left} still without a known place"
                f"{f', {self.failed} articles failed' if self.failed else ''}; "
                f"{self.merge.created} events created, {self.merge.updated} updated, {self.merge.deleted} removed")


@dataclass(frozen=True, slots=True)
class _Placed:
    record: dict[str, Any]  # the stored record with its new place
    place_id: str


@dataclass(frozen=True, slots=True)
class _Unlocated:
    pk: int
    event_date: Any
    record: dict[str, Any]


def relocate(store: Store, extract: Extractor | None = None,
             on_error: Callable[[str, str], None] | None = None) -> RelocateStats:
    """Re-resolve every stored unlocated record's place (see the module docstring)."""
    if extract is None:
        from marsad.pipeline import extract_events

        def extract(article: Article) -> list[Event]:
            return extract_events(article, include_unlocated=True)

    stats = RelocateStats()
    with store.read() as conn:
        by_article = _unlocated_by_article(conn)
    stats.articles = len(by_article)
    stats.checked = sum(len(items) for items in by_article.values())
    article_pks = sorted(by_article)
    for start in range(0, len(article_pks), BATCH_ARTICLES):
        _relocate_batch(store, article_pks[start:start + BATCH_ARTICLES], by_article, extract, stats, on_error)
    return stats


def _relocate_batch(store: Store, article_pks: list[int], by_article: dict[int, list[_Unlocated]],
                    extract: Extractor, stats: RelocateStats, on_error: Callable[[str, str], None] | None) -> None:
    with store.read() as conn:
        articles = _articles(conn, article_pks)
    placed: dict[int, _Placed] = {}  # mention pk → its new record and place id
    for pk, article in articles.items():
        try:
            events = extract(article)
        except Exception as exc:  # an extractor bug must not stop the run: the records stay unlocated
            stats.failed += 1
            if on_error is not None:
                on_error(article.id, f"{type(exc).__name__}: {exc}")
            continue
        placed.update(_placed(by_article[pk], events))
    if placed:
        with store.write() as conn:
            stats.merge.add(_write(conn, placed, stats))


def _unlocated_by_article(conn: Connection) -> dict[int, list[_Unlocated]]:
    m = schema.mentions
    query = (select(m.c.pk, m.c.article_pk, m.c.event_date, m.c.record)
             .where(m.c.unlocated.is_(true())).order_by(m.c.article_pk, m.c.ordinal))
    found: dict[int, list[_Unlocated]] = defaultdict(list)
    for row in conn.execute(query):
        found[row.article_pk].append(_Unlocated(row.pk, row.event_date, row.record))
    return dict(found)


def _articles(conn: Connection, pks: list[int]) -> dict[int, Article]:
    a = schema.articles
    query = select(a.c.pk, a.c.id, a.c.text, a.c.title, a.c.published, a.c.outlet, a.c.url).where(a.c.pk.in_(pks))
    return {row.pk: Article(id=row.id, text=row.text, title=row.title, published=row.published, outlet=row.outlet,
                            url=row.url) for row in conn.execute(query)}


def _match_key(record: dict[str, Any], typed: bool = True) -> tuple[Any, ...]:
    """What identifies one incident of an article across extractions: its date, trigger words and (``typed``)
    its sub-event type (which a new place may change: the module docstring)."""
    trigger = tuple(tuple(span) for span in record.get("evidence", {}).get("trigger", []))
    return (record["event_date"], record["sub_event_type"], trigger) if typed else (record["event_date"], trigger)


def _placed(stored: list[_Unlocated], events: list[Event]) -> dict[int, _Placed]:
    """The stored records that the new extraction places: mention pk → the record with its new place.

    A stored record takes the located event of the same date, trigger and type; failing that, one of the same
    date and trigger whose type the new place changed."""
    located = [event for event in events if event.location.located]
    records = [event.to_record() for event in located]
    taken: set[int] = set()
    placed: dict[int, _Placed] = {}
    for typed in (True, False):
        for item in stored:
            if item.pk in placed:
                continue
            key = _match_key(item.record, typed)
            i = next((i for i, record in enumerate(records) if i not in taken and _match_key(record, typed) == key),
                     None)
            if i is not None:
                taken.add(i)
                placed[item.pk] = _Placed(_with_place(item.record, records[i]), located[i].location.place_id or "")
    return placed


def _with_place(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The stored record with what the new place decides (the module docstring): its place, the sides and
    types its region gives, their evidence and basis, and the notes."""
    record = {k: v for k, v in old.items() if k != "unlocated"}
    record.update((name, new[name]) for name in PLACE_FIELDS + REGION_FIELDS)
    for key, field_ in (("evidence", _NEW_EVIDENCE), ("basis", _NEW_BASIS)):
        values = {k: v for k, v in record.get(key, {}).items() if k not in field_}
        values.update((k, v) for k, v in new.get(key, {}).items() if k in field_)
        if values or key == "evidence":
            record[key] = values
        else:
            record.pop(key, None)
    record["notes"] = new["notes"]
    return {name: record[name] for name in new if name in record} | record  # the codebook's key order


def _write(conn: Connection, placed: dict[int, _Placed], stats: RelocateStats) -> MergeStats:
    """Store the new places of still-unlocated mentions (counted in ``stats.placed``) and merge them
    (in the caller's transaction)."""
    m, em = schema.mentions, schema.event_members
    pks = sorted(placed)
    current: dict[int, Any] = {}
    for chunk in chunks(pks):  # again inside the write lock: an ingest may have replaced the article meanwhile
        found = conn.execute(select(m.c.pk, m.c.event_date).where(m.c.pk.in_(chunk) & m.c.unlocated.is_(true())))
        current.update((row.pk, row.event_date) for row in found)
    stats.placed += len(current)
    if not current:
        return MergeStats()
    old_events: set[str] = set()
    for chunk in chunks(sorted(current)):
        old_events.update(conn.scalars(select(em.c.event_id).where(em.c.mention_pk.in_(chunk))))
        conn.execute(delete(em).where(em.c.mention_pk.in_(chunk)))  # each was alone in its unlocated event
    rows = [{"b_pk": pk, "record": placed[pk].record, "unlocated": False, "notes": placed[pk].record["notes"],
             "place_id": placed[pk].place_id,
             **{name: placed[pk].record[name] for name in PLACE_FIELDS + REGION_FIELDS}}
            for pk in sorted(current)]
    conn.execute(update(m).where(m.c.pk == bindparam("b_pk")), rows)
    changes = Changes()
    for pk, day in current.items():
        changes.note(placed[pk].record["country"], day)
    merged = merge_changes(conn, changes, datetime.now(UTC))
    merged.deleted += drop_empty(conn, old_events)
    return merged
