"""Counts kept beside the merged events, in the same transaction as every change to them.

``event_days`` holds, per country, day, governorate, district, event type, sub-event type
and located-or-not, the number of events, their fatalities and how many are disputed: the
gaps analysis and the timelines read it instead of the events (a year of an archive is a
few thousand rows, not hundreds of thousands of records).  ``event_totals`` holds the
number of events per country, located or not (``/healthz``, the unfiltered total).

Only :mod:`marsad.store.events` writes event rows; it calls :func:`refresh` with the
(country, day) of every event it inserted, rewrote or deleted (old and new values), and the
days are recounted from the events: exact by construction, whatever the change was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    select,
    update,
)

from marsad.store import schema

_CHUNK = 500
DayKey = tuple[str, date]


def refresh(conn: Connection, days: Iterable[DayKey]) -> None:
    """Recount ``event_days`` for these (country, day) pairs and move ``event_totals`` by the difference."""
    by_country: dict[str, set[date]] = defaultdict(set)
    for country, day in days:
        by_country[country].add(day)
    delta: dict[tuple[str, bool], int] = defaultdict(int)
    ed = schema.event_days
    for country, wanted in sorted(by_country.items()):
        ordered = sorted(wanted)
        for i in range(0, len(ordered), _CHUNK):
            chunk = ordered[i:i + _CHUNK]
            where = and_(ed.c.country == country, ed.c.event_date.in_(chunk))
            for unlocated, n in conn.execute(_sums(where)):
                delta[country, bool(unlocated)] -= int(n or 0)
            conn.execute(delete(ed).where(where))
            ev = schema.events
            conn.execute(insert(ed).from_select(_COLUMNS, _counts(and_(ev.c.country == country,
                                                                       ev.c.event_date.in_(chunk)))))
            for unlocated, n in conn.execute(_sums(where)):
                delta[country, bool(unlocated)] += int(n or 0)
    _move_totals(conn, {key: n for key, n in delta.items() if n})


def rebuild(conn: Connection) -> None:
    """Recount every aggregate from the events (migration 4, ``marsad merge --rebuild``)."""
    conn.execute(delete(schema.event_days))
    conn.execute(delete(schema.event_totals))
    conn.execute(insert(schema.event_days).from_select(_COLUMNS, _counts(None)))
    ed = schema.event_days
    rows = conn.execute(select(ed.c.country, ed.c.unlocated, func.sum(ed.c.events))
                        .group_by(ed.c.country, ed.c.unlocated)).all()
    if rows:
        conn.execute(insert(schema.event_totals),
                     [{"country": c, "unlocated": bool(u), "events": int(n)} for c, u, n in rows])


def total(conn: Connection, country: str | None = None, include_unlocated: bool = False) -> int:
    """Events stored (of ``country``; located only unless ``include_unlocated``), from ``event_totals``."""
    et = schema.event_totals
    query = select(func.coalesce(func.sum(et.c.events), 0))
    if country is not None:
        query = query.where(et.c.country == country)
    if not include_unlocated:
        query = query.where(et.c.unlocated.is_(False))
    return int(conn.scalar(query) or 0)


_COLUMNS = ["country", "event_date", "admin1", "admin2", "event_type", "sub_event_type", "unlocated", "events",
            "fatalities", "disputed"]


def _counts(where: ColumnElement[bool] | None) -> Select[Any]:
    ev = schema.events
    keys = (ev.c.country, ev.c.event_date, ev.c.admin1, ev.c.admin2, ev.c.event_type, ev.c.sub_event_type,
            ev.c.unlocated)
    query = select(*keys, func.count(), func.sum(ev.c.fatalities), func.sum(cast(ev.c.disputed, Integer)))
    if where is not None:
        query = query.where(where)
    return query.group_by(*keys)


def _sums(where: ColumnElement[bool]) -> Select[Any]:
    ed = schema.event_days
    return select(ed.c.unlocated, func.sum(ed.c.events)).where(where).group_by(ed.c.unlocated)


def _move_totals(conn: Connection, delta: dict[tuple[str, bool], int]) -> None:
    if not delta:
        return
    et = schema.event_totals
    present = {(c, bool(u)) for c, u in conn.execute(select(et.c.country, et.c.unlocated))}
    new = [{"country": c, "unlocated": u, "events": n} for (c, u), n in delta.items() if (c, u) not in present]
    moved = [{"b_country": c, "b_unlocated": u, "b_n": n} for (c, u), n in delta.items() if (c, u) in present]
    if new:
        conn.execute(insert(et), new)
    if moved:
        conn.execute(update(et).where((et.c.country == bindparam("b_country"))
                                      & (et.c.unlocated == bindparam("b_unlocated")))
                     .values(events=et.c.events + bindparam("b_n")), moved)
