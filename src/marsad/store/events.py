"""Writing groups of mentions as events: ids, merged records, memberships.

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
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from marsad.store import aggregates, schema
from marsad.store.combine import merged_record
from marsad.store.rules import Mention, event_id_for

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
class _Stored:
    """The stored events the regrouped mentions were in."""

    membership: dict[int, str]  # mention pk → event id
    founders: dict[str, str]  # event id → founder key
    members: dict[str, set[int]] = field(default_factory=dict)  # event id → mention pks


def write_groups(conn: Connection, groups: list[list[Mention]], now: datetime, *, lost: Collection[str] = (),
                 refresh: bool = False) -> MergeStats:
    """Store ``groups`` as events, replacing the events their members were in.

    Every member of those events must be in ``groups`` (the merge guarantees it).  Events
    whose members and founder stay as they were are not rewritten, unless they are in
    ``lost`` (they lost members that are gone from the store) or ``refresh`` asks to
    recompute every merged record (and rewrite those that differ).
    """
    stored = _stored(conn, [m.pk for g in groups for m in g])
    assigned = assign_ids(groups, {founder: eid for eid, founder in stored.founders.items()},
                          _taken_ids(conn, groups, stored))
    changed = {eid: (founder, group) for eid, (founder, group) in assigned.items()
               if refresh or eid in lost or stored.founders.get(eid) != founder
               or stored.members.get(eid) != {m.pk for m in group}}
    stats = MergeStats(mentions=sum(len(g) for g in groups), events=len(assigned))
    gone = sorted(set(stored.founders) - set(assigned))
    days = _days_of(conn, [eid for eid in changed if eid in stored.founders])
    days |= _write_events(conn, changed, stored, now, stats, compare=refresh)
    _write_membership(conn, stored.membership, {m.pk: eid for eid, (_, g) in changed.items() for m in g})
    days |= _delete_events(conn, gone, now, "its reports now belong to other events (regrouped)")
    aggregates.refresh(conn, days)
    stats.deleted = len(gone)
    return stats


def assign_ids(groups: Sequence[list[Mention]], founders: dict[str, str],
               taken: set[str] | None = None) -> dict[str, tuple[str, list[Mention]]]:
    """Event id → (founder key, members in report order) for each group (see the module docstring).

    ``founders`` maps the founder key of each existing event to its id; ``taken`` holds ids
    in use by events outside these groups (a new id never collides with them).
    """
    result: dict[str, tuple[str, list[Mention]]] = {}
    fresh: list[list[Mention]] = []
    for group in groups:
        ordered = sorted(group, key=lambda m: m.report_order)
        kept = next((m for m in ordered if m.key in founders), None)
        if kept is None:
            fresh.append(ordered)
        else:
            result[founders[kept.key]] = (kept.key, ordered)
    used = set(taken or ()) | set(result)
    for ordered in fresh:
        founder = ordered[0]
        event_id, salt = event_id_for(founder.record["country"], founder.key), 1
        while event_id in used:  # a hash collision: practically never
            salt += 1
            event_id = event_id_for(founder.record["country"], f"{founder.key}#{salt}")
        used.add(event_id)
        result[event_id] = (founder.key, ordered)
    return result


def drop_empty(conn: Connection, event_ids: set[str], now: datetime | None = None) -> int:
    """Delete those of ``event_ids`` that have no member left (journaled); how many."""
    ev, em = schema.events, schema.event_members
    empty: list[str] = []
    for chunk in chunks(sorted(event_ids)):
        no_member = ~select(em.c.mention_pk).where(em.c.event_id == ev.c.event_id).exists()
        empty += conn.scalars(select(ev.c.event_id).where(ev.c.event_id.in_(chunk) & no_member))
    aggregates.refresh(conn, _delete_events(conn, empty, now or datetime.now(UTC), "no report of it is left"))
    return len(empty)


def _delete_events(conn: Connection, event_ids: Sequence[str], now: datetime, reason: str) -> set[aggregates.DayKey]:
    """Delete events, writing each to the removal journal first; the (country, day) pairs they were on."""
    ev = schema.events
    days: set[aggregates.DayKey] = set()
    for chunk in chunks(list(event_ids)):
        rows = conn.execute(select(ev.c.event_id, ev.c.country, ev.c.event_date, ev.c.record)
                            .where(ev.c.event_id.in_(chunk))).all()
        if not rows:
            continue
        conn.execute(insert(schema.removals), [
            {"removed_at": now, "kind": "event", "event_id": row.event_id, "article_key": "", "article_id": "",
             "event_date": row.event_date, "reason": reason, "record": row.record} for row in rows])
        conn.execute(delete(ev).where(ev.c.event_id.in_(chunk)))
        days.update((row.country, row.event_date) for row in rows)
    return days


def _days_of(conn: Connection, event_ids: list[str]) -> set[aggregates.DayKey]:
    """The (country, day) of stored events."""
    ev = schema.events
    days: set[aggregates.DayKey] = set()
    for chunk in chunks(sorted(event_ids)):
        days.update((row.country, row.event_date) for row in
                    conn.execute(select(ev.c.country, ev.c.event_date).where(ev.c.event_id.in_(chunk))))
    return days


def chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``items`` in slices small enough for an ``IN (...)`` list."""
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _stored(conn: Connection, pks: list[int]) -> _Stored:
    em, ev = schema.event_members, schema.events
    membership: dict[int, str] = {}
    for chunk in chunks(pks):
        rows = conn.execute(select(em.c.mention_pk, em.c.event_id).where(em.c.mention_pk.in_(chunk)))
        membership.update((row.mention_pk, row.event_id) for row in rows)
    members: dict[str, set[int]] = defaultdict(set)
    for pk, event_id in membership.items():
        members[event_id].add(pk)
    founders: dict[str, str] = {}
    for chunk in chunks(sorted(members)):
        rows = conn.execute(select(ev.c.event_id, ev.c.founder).where(ev.c.event_id.in_(chunk)))
        founders.update((row.event_id, row.founder) for row in rows)
    return _Stored(membership=membership, founders=founders, members=dict(members))


def _taken_ids(conn: Connection, groups: list[list[Mention]], stored: _Stored) -> set[str]:
    """Ids of events outside the regrouped ones that a fresh id could collide with: only a group
    without a former founder gets a fresh id (:func:`assign_ids`), from its earliest member, so
    only those ids are looked up (not one per regrouped mention)."""
    kept = set(stored.founders.values())
    fresh = (min(g, key=lambda m: m.report_order) for g in groups if not any(m.key in kept for m in g))
    candidates = sorted({event_id_for(m.record["country"], m.key) for m in fresh} - set(stored.founders))
    taken: set[str] = set()
    for chunk in chunks(candidates):
        taken.update(conn.scalars(select(schema.events.c.event_id).where(schema.events.c.event_id.in_(chunk))))
    return taken


def _full_records(conn: Connection, pks: list[int]) -> dict[int, dict[str, Any]]:
    m = schema.mentions
    records: dict[int, dict[str, Any]] = {}
    for chunk in chunks(sorted(pks)):
        rows = conn.execute(select(m.c.pk, m.c.record).where(m.c.pk.in_(chunk)))
        records.update((row.pk, row.record) for row in rows)
    return records


def _stored_rows(conn: Connection, event_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    ev = schema.events
    rows: dict[str, tuple[str, dict[str, Any]]] = {}
    for chunk in chunks(sorted(event_ids)):
        query = select(ev.c.event_id, ev.c.founder, ev.c.record).where(ev.c.event_id.in_(chunk))
        rows.update((row.event_id, (row.founder, row.record)) for row in conn.execute(query))
    return rows


def _event_row(event_id: str, founder: str, members: list[Mention]) -> dict[str, Any]:
    record = merged_record(event_id, members)
    row = {name: record[name] for name in schema.RECORD_COLUMNS}
    row["event_date"] = date.fromisoformat(record["event_date"])
    row.update(event_id=event_id, founder=founder, source=record["source"], sources=record["sources"],
               n_articles=len(members), record=record, unlocated=not record["admin1"])
    return row


def _write_events(conn: Connection, changed: dict[str, tuple[str, list[Mention]]], stored: _Stored,
                  now: datetime, stats: MergeStats, compare: bool) -> set[aggregates.DayKey]:
    """Insert the new events and rewrite the changed ones (one executemany each); the (country, day)
    pairs of what was written.

    With ``compare``, an existing event is rewritten only if its row would differ.
    """
    ev = schema.events
    records = _full_records(conn, [m.pk for _, group in changed.values() for m in group])
    rows = {eid: _event_row(eid, founder, [replace(m, record=records[m.pk]) for m in group])
            for eid, (founder, group) in changed.items()}
    if compare:
        old = _stored_rows(conn, [eid for eid in rows if eid in stored.founders])
        rows = {eid: row for eid, row in rows.items() if old.get(eid) != (row["founder"], row["record"])}
    new_rows = [dict(row, created_at=now, updated_at=now) for eid, row in rows.items() if eid not in stored.founders]
    rewritten = [{**{k: v for k, v in row.items() if k != "event_id"}, "updated_at": now, "b_event_id": eid}
                 for eid, row in rows.items() if eid in stored.founders]
    if new_rows:
        conn.execute(insert(ev), new_rows)
    if rewritten:
        conn.execute(update(ev).where(ev.c.event_id == bindparam("b_event_id")), rewritten)
    stats.created, stats.updated = len(new_rows), len(rewritten)
    return {(row["country"], row["event_date"]) for row in rows.values()}


def _write_membership(conn: Connection, old: dict[int, str], new: dict[int, str]) -> None:
    em = schema.event_members
    moved = sorted(pk for pk, eid in new.items() if old.get(pk) != eid)
    for chunk in chunks([pk for pk in moved if pk in old]):
        conn.execute(delete(em).where(em.c.mention_pk.in_(chunk)))
    if moved:
        conn.execute(insert(em), [{"mention_pk": pk, "event_id": new[pk]} for pk in moved])
