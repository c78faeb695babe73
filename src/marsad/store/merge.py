"""Cross-report merge: group stored mentions into events and keep event ids stable.

Grouping rules are in :mod:`marsad.store.rules`, the merged record in
:mod:`marsad.store.combine`.  This module finds what to regroup and writes the result.

**Incremental** (:func:`merge_changes`, run by ingest for each batch): the mentions whose
date is within a day of an added or removed mention are the seeds; the connected components
of the compatibility graph that hold a seed are regrouped (the date window grows until the
components are closed).  A component's grouping depends on its members only, so this gives
the groups a full **rebuild** (:func:`rebuild_events`) gives.

**Event ids** (:func:`assign_ids`): an event's id derives from its *founding* mention —
country + the first 10 hex digits of sha256(``"<article key>#<ordinal>"``), e.g.
``IRQ3F2A9C01B7``.  A regrouped event keeps the id of the earliest (in report order) of its
members that founded an existing event, so adding a source, re-running the merge or
rebuilding keep ids; when two events merge, the earlier founder's id survives.  Only a
group without any former founder gets a new id, from its earliest member.  An id therefore
changes only when its founding mention leaves the event (its article was re-extracted and
no longer reports the incident).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, delete, insert, select, true, update

from marsad.store import schema
from marsad.store.combine import merged_record
from marsad.store.db import Store
from marsad.store.rules import Mention, cluster, components, event_id_for

#: How far the date window grows at a time while a component is not closed.
_WINDOW_STEP = timedelta(days=7)
#: Seed days closer than this are searched in one window.
_RUN_GAP = timedelta(days=3)
_ONE_DAY = timedelta(days=1)
_CHUNK = 500


@dataclass(slots=True)
class MergeStats:
    """What a merge did: mentions regrouped, and events created, updated, deleted."""

    mentions: int = 0
    events: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0

    def add(self, other: MergeStats) -> None:
        for name in ("mentions", "events", "created", "updated", "deleted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class Changes:
    """Where mentions were added or removed: event days by country, and events that lost members."""

    days: dict[str, set[date]] = field(default_factory=lambda: defaultdict(set))
    touched: set[str] = field(default_factory=set)

    def note(self, country: str, day: date) -> None:
        self.days[country].add(day)

    def __bool__(self) -> bool:
        return bool(self.touched) or any(self.days.values())


def merge(store: Store, rebuild: bool = False) -> MergeStats:
    """Merge the mentions not yet in an event (all of them, regrouped, with ``rebuild``)."""
    with store.write() as conn:
        return rebuild_events(conn) if rebuild else merge_pending(conn)


def merge_pending(conn: Connection, now: datetime | None = None) -> MergeStats:
    """Regroup around the mentions that belong to no event (e.g. ingested without merging)."""
    m, em = schema.mentions, schema.event_members
    query = (select(m.c.country, m.c.event_date).distinct()
             .select_from(m.outerjoin(em, em.c.mention_pk == m.c.pk)).where(em.c.mention_pk.is_(None)))
    changes = Changes()
    for country, day in conn.execute(query):
        changes.note(country, day)
    return merge_changes(conn, changes, now)


def merge_changes(conn: Connection, changes: Changes, now: datetime | None = None) -> MergeStats:
    """Regroup the components around ``changes`` (within the caller's transaction)."""
    if not changes:
        return MergeStats()
    affected: dict[int, Mention] = {}
    for country, days in sorted(changes.days.items()):
        for mention in _affected(conn, country, days):
            affected[mention.pk] = mention
    return _regroup(conn, list(affected.values()), changes.touched, now or datetime.now(UTC))


def rebuild_events(conn: Connection, now: datetime | None = None) -> MergeStats:
    """Regroup every mention from scratch, keeping the ids of events whose founders remain."""
    mentions = _load(conn, true())
    all_ids = set(conn.scalars(select(schema.events.c.event_id)))
    return _regroup(conn, mentions, all_ids, now or datetime.now(UTC))


# --------------------------------------------------------------------------- finding what to regroup


def _affected(conn: Connection, country: str, days: set[date]) -> list[Mention]:
    """The mentions of every component with a member within a day of ``days``."""
    found: dict[int, Mention] = {}
    for lo, hi in _runs(days):
        for mention in _closed_components(conn, country, lo - _ONE_DAY, hi + _ONE_DAY):
            found[mention.pk] = mention
    return list(found.values())


def _runs(days: Iterable[date]) -> Iterator[tuple[date, date]]:
    """Sorted days as ranges, joining days less than :data:`_RUN_GAP` apart."""
    ordered = sorted(days)
    if not ordered:
        return
    lo = hi = ordered[0]
    for day in ordered[1:]:
        if day - hi > _RUN_GAP:
            yield lo, hi
            lo = day
        hi = day
    yield lo, hi


def _closed_components(conn: Connection, country: str, lo: date, hi: date) -> list[Mention]:
    """Members of the components touching [lo, hi], loading more days until none can grow."""
    m = schema.mentions
    start, end = lo - _ONE_DAY, hi + _ONE_DAY
    while True:
        loaded = _load(conn, (m.c.country == country) & m.c.event_date.between(start, end))
        touching = [c for c in components(loaded) if any(lo <= x.day <= hi for x in c)]
        days = [x.day for c in touching for x in c]
        grow_down = bool(days) and min(days) <= start
        grow_up = bool(days) and max(days) >= end
        if not (grow_down or grow_up):
            return [x for c in touching for x in c]
        start -= _WINDOW_STEP if grow_down else timedelta(0)
        end += _WINDOW_STEP if grow_up else timedelta(0)


def _mention_query() -> Select[Any]:
    m, a = schema.mentions, schema.articles
    return (select(m.c.pk, m.c.article_pk, m.c.ordinal, m.c.place_id, m.c.record,
                   a.c.key, a.c.id, a.c.outlet, a.c.published)
            .join(a, a.c.pk == m.c.article_pk))


def _load(conn: Connection, where: ColumnElement[bool]) -> list[Mention]:
    return [
        Mention(pk=row.pk, article_pk=row.article_pk, article_key=row.key, article_id=row.id,
                outlet=row.outlet, published=row.published, ordinal=row.ordinal, place_id=row.place_id,
                record=row.record)
        for row in conn.execute(_mention_query().where(where))
    ]


# --------------------------------------------------------------------------- regrouping and writing


@dataclass(slots=True)
class _Old:
    """The stored state the regrouped mentions come from."""

    membership: dict[int, str]  # mention pk → event id
    events: dict[str, tuple[str, dict[str, Any]]]  # event id → (founder key, record)


def _regroup(conn: Connection, mentions: list[Mention], touched: set[str], now: datetime) -> MergeStats:
    old = _old_state(conn, [m.pk for m in mentions], touched)
    groups = cluster(mentions)
    assigned = assign_ids(groups, {founder: eid for eid, (founder, _) in old.events.items()},
                          _taken_ids(conn, groups, old))
    stats = MergeStats(mentions=len(mentions), events=len(assigned))
    rows = {eid: _event_row(eid, founder, group) for eid, (founder, group) in assigned.items()}
    _write_events(conn, rows, old, now, stats)
    _write_membership(conn, old.membership, {m.pk: eid for eid, (_, g) in assigned.items() for m in g})
    gone = sorted(set(old.events) - set(assigned))
    for chunk in _chunks(gone):
        conn.execute(delete(schema.events).where(schema.events.c.event_id.in_(chunk)))
    stats.deleted = len(gone)
    return stats


def assign_ids(groups: Sequence[list[Mention]], founders: dict[str, str],
               taken: set[str] | None = None) -> dict[str, tuple[str, list[Mention]]]:
    """Event id → (founder key, members) for each group (the id rule of the module docstring).

    ``founders`` maps the founder key of each existing event to its id; ``taken`` holds ids
    in use by events outside these groups (a new id never collides with them).
    """
    taken = set(taken or ())
    result: dict[str, tuple[str, list[Mention]]] = {}
    fresh: list[list[Mention]] = []
    for group in groups:
        ordered = sorted(group, key=lambda m: m.report_order)
        kept = next((m for m in ordered if m.key in founders), None)
        if kept is None:
            fresh.append(ordered)
            continue
        result[founders[kept.key]] = (kept.key, ordered)
    used = taken | set(result)
    for ordered in fresh:
        founder = ordered[0]
        event_id, salt = event_id_for(founder.record["country"], founder.key), 1
        while event_id in used:  # a hash collision: practically never
            salt += 1
            event_id = event_id_for(founder.record["country"], f"{founder.key}#{salt}")
        used.add(event_id)
        result[event_id] = (founder.key, ordered)
    return result


def _old_state(conn: Connection, pks: list[int], touched: set[str]) -> _Old:
    em, ev = schema.event_members, schema.events
    membership: dict[int, str] = {}
    for chunk in _chunks(pks):
        rows = conn.execute(select(em.c.mention_pk, em.c.event_id).where(em.c.mention_pk.in_(chunk)))
        membership.update((row.mention_pk, row.event_id) for row in rows)
    events: dict[str, tuple[str, dict[str, Any]]] = {}
    for chunk in _chunks(sorted(set(membership.values()) | touched)):
        for row in conn.execute(select(ev.c.event_id, ev.c.founder, ev.c.record).where(ev.c.event_id.in_(chunk))):
            events[row.event_id] = (row.founder, row.record)
    return _Old(membership=membership, events=events)


def _taken_ids(conn: Connection, groups: list[list[Mention]], old: _Old) -> set[str]:
    """Ids of events outside the regrouped set that a fresh id could collide with."""
    candidates = sorted({event_id_for(m.record["country"], m.key) for g in groups for m in g} - set(old.events))
    taken: set[str] = set()
    for chunk in _chunks(candidates):
        taken.update(conn.scalars(select(schema.events.c.event_id).where(schema.events.c.event_id.in_(chunk))))
    return taken


def _event_row(event_id: str, founder: str, members: list[Mention]) -> dict[str, Any]:
    record = merged_record(event_id, members)
    row = {name: record[name] for name in schema.RECORD_COLUMNS}
    row["event_date"] = date.fromisoformat(record["event_date"])
    row.update(event_id=event_id, founder=founder, source=record["source"], sources=record["sources"],
               n_articles=len(members), record=record)
    return row


def _write_events(conn: Connection, rows: dict[str, dict[str, Any]], old: _Old, now: datetime,
                  stats: MergeStats) -> None:
    ev = schema.events
    new_rows = [dict(row, created_at=now, updated_at=now) for eid, row in rows.items() if eid not in old.events]
    if new_rows:
        conn.execute(insert(ev), new_rows)
    stats.created = len(new_rows)
    for eid, row in rows.items():
        if eid in old.events and old.events[eid] != (row["founder"], row["record"]):
            conn.execute(update(ev).where(ev.c.event_id == eid).values(**row, updated_at=now))
            stats.updated += 1


def _write_membership(conn: Connection, old: dict[int, str], new: dict[int, str]) -> None:
    em = schema.event_members
    changed = sorted(pk for pk, eid in new.items() if old.get(pk) != eid)
    stale = sorted(set(changed) | (set(old) - set(new)))
    for chunk in _chunks(stale):
        conn.execute(delete(em).where(em.c.mention_pk.in_(chunk)))
    if changed:
        conn.execute(insert(em), [{"mention_pk": pk, "event_id": new[pk]} for pk in changed])


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]
