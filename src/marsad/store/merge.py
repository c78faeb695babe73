"""Cross-report merge: which stored mentions to regroup, and regrouping them.

Grouping rules are in :mod:`marsad.store.rules`, the merged record in
:mod:`marsad.store.combine`, ids and writing in :mod:`marsad.store.events`.

**Incremental** (:func:`merge_changes`, run by ingest for each batch): grouping goes day by
day, and a day's outcome depends only on its mentions and on the groups left *open* by the
day before (:func:`marsad.store.rules.cluster_day`).  So for each run of changed days the
merge rebuilds the open groups of the day before from the stored events, redoes the days
from the first change on, and stops at the first day at or after the last change whose open
groups come out as stored: from there on nothing can differ.  Within a redone day, the stored
groups are kept up to the day's first new mention (:meth:`_Redo._cluster`).  The result is what a full
**rebuild** (:func:`rebuild_events`) gives, whatever order the articles came in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, delete, insert, select, true

from marsad.store import aggregates, schema
from marsad.store.db import Store
from marsad.store.events import MergeStats, drop_empty, write_groups
from marsad.store.rules import Mention, cluster, cluster_day, split_open

#: Days loaded at a time while redoing (a run of one changed day ``d`` needs ``d - 2`` to ``d + 1``).
_LOAD_DAYS = 8
#: Changed days closer than this are redone in one run.
_RUN_GAP = timedelta(days=3)
_ONE_DAY = timedelta(days=1)
#: The mention columns the grouping rules read (the full record is read only to write an event).
_RULE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "event_type",
                "actor1", "actor2")

__all__ = ["Changes", "MergeStats", "defer_removals", "merge", "merge_changes", "merge_pending", "rebuild_events"]


@dataclass(slots=True)
class Changes:
    """Where mentions were added or removed: event days by country, and events that lost members.

    An unlocated mention (no known place) is compatible with no other, so it is an event of its
    own whatever else the day holds, and adding or removing it changes no other group: it is
    kept out of the day-by-day redo (``singles``; the days hold located mentions only), so the
    merge's cost follows the located reports, not every report of the day."""

    days: dict[str, set[date]] = field(default_factory=lambda: defaultdict(set))
    touched: set[str] = field(default_factory=set)
    singles: set[int] = field(default_factory=set)  # unlocated mentions added: each an event of its own
    #: Days whose stored grouping saw a mention that is gone (its day and the next): redone whole.
    removed: dict[str, set[date]] = field(default_factory=lambda: defaultdict(set))
    #: Whether the stored events are the grouping of the merged mentions, so that a redone day may
    #: keep its stored groups up to its first new mention (false for :func:`merge_pending`).
    reuse: bool = True
    #: Each removed mention as (country, day, event id, unlocated): what :func:`defer_removals` keeps.
    removals: list[tuple[str, date, str | None, bool]] = field(default_factory=list)

    def note(self, country: str, day: date, pk: int | None = None, unlocated: bool = False) -> None:
        """A mention of ``day`` was added (an unlocated one, ``pk``, needs only its own event)."""
        if unlocated and pk is not None:
            self.singles.add(pk)
        else:
            self.days[country].add(day)

    def note_removed(self, country: str, day: date, event_id: str | None, unlocated: bool = False) -> None:
        """A mention of ``day`` (in ``event_id``) was removed.  The two next days are redone too:
        the stored grouping of the next day saw it among the open groups, and which stored
        groups were open after the next day depends on the events it was in.  An unlocated one
        leaves only its own event."""
        self.removals.append((country, day, event_id, unlocated))
        if not unlocated:
            self.days[country].update((day, day + _ONE_DAY, day + 2 * _ONE_DAY))
            self.removed[country].update((day, day + _ONE_DAY))
        if event_id is not None:
            self.touched.add(event_id)


def merge(store: Store, rebuild: bool = False) -> MergeStats:
    """Merge the mentions not yet in an event; with ``rebuild``, regroup all (ids are kept)."""
    with store.write() as conn:
        return rebuild_events(conn) if rebuild else merge_pending(conn)


def merge_pending(conn: Connection, now: datetime | None = None) -> MergeStats:
    """Regroup around the mentions that belong to no event (e.g. stored with ``merge=False``)."""
    m, em = schema.mentions, schema.event_members
    pending = m.outerjoin(em, em.c.mention_pk == m.c.pk)
    changes = Changes(reuse=False)  # mentions stored with merge=False may have left stale groups
    located = (select(m.c.country, m.c.event_date).distinct().select_from(pending)
               .where(em.c.mention_pk.is_(None) & m.c.unlocated.is_(False)))
    for country, day in conn.execute(located):
        changes.note(country, day)
    changes.singles.update(conn.scalars(select(m.c.pk).select_from(pending)
                                        .where(em.c.mention_pk.is_(None) & m.c.unlocated.is_(True))))
    return merge_changes(conn, changes, now)


def defer_removals(conn: Connection, changes: Changes) -> None:
    """Keep where ``changes`` removed mentions, for the next merge: an ingest that does not merge
    removes a changed article's records but leaves their groups as they were."""
    if changes.removals:
        conn.execute(insert(schema.unmerged_removals),
                     [{"country": country, "event_date": day, "event_id": event_id, "unlocated": unlocated}
                      for country, day, event_id, unlocated in changes.removals])


def _take_deferred_removals(conn: Connection, changes: Changes) -> None:
    """Add the removals :func:`defer_removals` kept to ``changes``, and forget them."""
    table = schema.unmerged_removals
    rows = conn.execute(select(table.c.country, table.c.event_date, table.c.event_id, table.c.unlocated)).all()
    if rows:
        for row in rows:
            changes.note_removed(row.country, row.event_date, row.event_id, row.unlocated)
        conn.execute(delete(table))


def merge_changes(conn: Connection, changes: Changes, now: datetime | None = None) -> MergeStats:
    """Regroup the days around ``changes`` and around removals an earlier ingest left unmerged
    (within the caller's transaction)."""
    now = now or datetime.now(UTC)
    _take_deferred_removals(conn, changes)
    groups: list[list[Mention]] = []
    for country, days in sorted(changes.days.items()):
        fixed = changes.removed.get(country, set()) if changes.reuse else None
        groups.extend(_Redo(conn, country, fixed).groups(list(_runs(days))))
    singles = sorted(changes.singles)
    for i in range(0, len(singles), 500):
        groups.extend([mention] for mention in load_mentions(conn, schema.mentions.c.pk.in_(singles[i:i + 500])))
    stats = write_groups(conn, groups, now, lost=changes.touched) if groups else MergeStats()
    stats.deleted += drop_empty(conn, changes.touched, now)
    return stats


def rebuild_events(conn: Connection, now: datetime | None = None) -> MergeStats:
    """Regroup every mention from scratch, keeping the ids of events whose founders remain,
    and recompute every merged record (rewriting those that differ)."""
    now = now or datetime.now(UTC)
    conn.execute(delete(schema.unmerged_removals))  # every day is regrouped
    stats = write_groups(conn, cluster(load_mentions(conn, true())), now, refresh=True)
    stats.deleted += drop_empty(conn, set(conn.scalars(select(schema.events.c.event_id))), now)
    aggregates.rebuild(conn)
    return stats


def load_mentions(conn: Connection, where: ColumnElement[bool]) -> list[Mention]:
    """Stored mentions with what the grouping rules read (``record`` holds only those fields)."""
    return [_mention(row) for row in conn.execute(_mention_query().where(where))]


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


class _Redo:
    """Redoing one country's grouping over runs of changed days, reading stored days as needed."""

    def __init__(self, conn: Connection, country: str, fixed: set[date] | None = None) -> None:
        """``fixed``: the days whose stored groups may keep their prefix (:meth:`_cluster`) are all
        but these; None: every redone day is regrouped whole."""
        self._conn = conn
        self._country = country
        self._fixed = fixed
        self._days: dict[date, list[tuple[Mention, str | None]]] = {}

    def groups(self, runs: list[tuple[date, date]]) -> list[list[Mention]]:
        """The new groups of the redone days, each with every member of the events it replaces."""
        result: list[list[Mention]] = []
        day, (lo, hi) = runs[0][0], runs[0]
        open_groups, _ = self._stored_open(lo - _ONE_DAY)
        pending = runs[1:]
        while True:
            closed, open_groups = split_open(self._cluster(day, open_groups), day)
            result.extend(closed)
            if pending and pending[0][0] <= day + _RUN_GAP:  # the next run is close: go straight on
                hi = max(hi, pending.pop(0)[1])
            if day >= hi and self._unchanged(open_groups, day):
                result.extend(g + self._stored_next_day(g, day) for g in open_groups)
                if not pending:
                    return result
                (lo, hi), pending = pending[0], pending[1:]
                day = lo
                open_groups, _ = self._stored_open(lo - _ONE_DAY)
                continue
            day += _ONE_DAY

    def _cluster(self, day: date, open_groups: list[list[Mention]]) -> list[list[Mention]]:
        """:func:`cluster_day` of ``day`` after ``open_groups``, starting from the stored groups when
        that gives the same result.

        :func:`cluster_day` takes the day's mentions one by one in :attr:`Mention.order` and only
        ever adds to the groups, so after the first ``k`` mentions its groups are the final ones
        cut down to those mentions.  When the open groups it starts from are the stored ones (as
        stored groups of the day before, every mention of that day merged) and no mention the
        stored grouping saw has gone, the stored events cut down to the mentions before the
        day's first new (unmerged) one are therefore exactly the groups the whole redo would have
        at that point (the open groups extended, then the groups founded that day in the order
        of their first member): only the mentions from the first new one on are placed again.
        """
        items = self._day(day)
        if self._fixed is None or day in self._fixed or not self._unchanged(open_groups, day - _ONE_DAY):
            return cluster_day([m for m, _ in items], open_groups)
        ordered = sorted(items, key=lambda item: item[0].order)
        first_new = next((i for i, (_, event_id) in enumerate(ordered) if event_id is None), len(ordered))
        before = {m.pk: event_id for m, event_id in self._day(day - _ONE_DAY)}
        groups = [list(g) for g in open_groups]
        by_event: dict[str | None, list[Mention]] = {before[g[0].pk]: g for g in groups}
        closed_before = set(before.values()) - set(by_event)
        for mention, event_id in ordered[:first_new]:
            if event_id in closed_before:  # not what cluster_day stores: regroup the day whole
                return cluster_day([m for m, _ in items], open_groups)
            group = by_event.get(event_id)
            if group is None:
                group = by_event[event_id] = []
                groups.append(group)
            group.append(mention)
        return cluster_day([m for m, _ in ordered[first_new:]], groups)

    def _unchanged(self, open_groups: list[list[Mention]], day: date) -> bool:
        """Whether the open groups after ``day`` are as stored (so later days need no redoing)."""
        stored, merged = self._stored_open(day)
        return merged and _partition(open_groups) == _partition(stored)

    def _stored_open(self, day: date) -> tuple[list[list[Mention]], bool]:
        """The groups open after ``day`` as stored (members of ``day`` in events with none the day
        before, oldest first), and whether every mention of the day was merged (a mention not
        yet in an event counts as a group of its own)."""
        earlier = {event_id for _, event_id in self._day(day - _ONE_DAY) if event_id is not None}
        groups: dict[str, list[Mention]] = defaultdict(list)
        merged = True
        for mention, event_id in self._day(day):
            merged = merged and event_id is not None
            if event_id not in earlier:
                groups[event_id or f"pending:{mention.pk}"].append(mention)
        return sorted(groups.values(), key=lambda g: min(m.order for m in g)), merged

    def _stored_next_day(self, group: list[Mention], day: date) -> list[Mention]:
        """Stored members of the next day in the event ``group`` (an unchanged open group) is in."""
        pks = {m.pk for m in group}
        events = {event_id for m, event_id in self._day(day) if m.pk in pks}
        return [m for m, event_id in self._day(day + _ONE_DAY) if event_id is not None and event_id in events]

    def _day(self, day: date) -> list[tuple[Mention, str | None]]:
        if day not in self._days:  # up to _LOAD_DAYS days from here, stopping before a day already read
            last = day
            while (last - day).days < _LOAD_DAYS - 1 and last + _ONE_DAY not in self._days:
                last += _ONE_DAY
            self._load(day, last)
        return self._days[day]

    def _load(self, first: date, last: date) -> None:
        m, em = schema.mentions, schema.event_members
        query = (_mention_query().add_columns(em.c.event_id).outerjoin(em, em.c.mention_pk == m.c.pk)
                 .where((m.c.country == self._country) & m.c.event_date.between(first, last)
                        & m.c.unlocated.is_(False)))
        loaded: dict[date, list[tuple[Mention, str | None]]] = {
            first + timedelta(days=i): [] for i in range((last - first).days + 1)}
        for row in self._conn.execute(query):
            loaded[row.event_date].append((_mention(row), row.event_id))
        for day, items in loaded.items():
            self._days.setdefault(day, items)


def _partition(groups: list[list[Mention]]) -> set[frozenset[int]]:
    return {frozenset(m.pk for m in g) for g in groups}


def _mention_query() -> Select[Any]:
    m, a = schema.mentions, schema.articles
    return (select(m.c.pk, m.c.article_pk, m.c.ordinal, m.c.place_id, m.c.event_date,
                   *(m.c[name] for name in _RULE_FIELDS), a.c.key, a.c.id, a.c.outlet, a.c.published)
            .join(a, a.c.pk == m.c.article_pk))


def _mention(row: Any) -> Mention:
    record = {name: getattr(row, name) for name in _RULE_FIELDS}
    record["event_date"] = row.event_date.isoformat()
    return Mention(pk=row.pk, article_pk=row.article_pk, article_key=row.key, article_id=row.id,
                   outlet=row.outlet, published=row.published, ordinal=row.ordinal, place_id=row.place_id,
                   record=record)
