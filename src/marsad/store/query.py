"""Reading merged events back: filters shared by ``marsad events``, ``marsad export`` and the API."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select

from marsad.store import schema
from marsad.store.db import Store
from marsad.taxonomy import COUNTRY_NAMES

_ISO3_BY_NAME = {name.lower(): code for code, name in COUNTRY_NAMES.items()}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to read; every given condition must hold (strings match case-insensitively).

    ``country`` is an ISO alpha-3 code or a country name; ``type`` an event type or a
    sub-event type.  Events without a known place (``unlocated``) are left out unless
    ``include_unlocated``.
    """

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    include_unlocated: bool = False

    def conditions(self) -> list[ColumnElement[bool]]:
        ev = schema.events
        found: list[ColumnElement[bool]] = []
        if not self.include_unlocated:
            found.append(ev.c.unlocated.is_(false()))
        if self.since:
            found.append(ev.c.event_date >= self.since)
        if self.until:
            found.append(ev.c.event_date <= self.until)
        if self.country:
            found.append(ev.c.country == country_code(self.country))
        if self.admin1:
            found.append(func.lower(ev.c.admin1) == self.admin1.strip().lower())
        if self.type:
            wanted = self.type.strip().lower()
            found.append(or_(func.lower(ev.c.event_type) == wanted, func.lower(ev.c.sub_event_type) == wanted))
        return found


def country_code(value: str) -> str:
    """ISO alpha-3 code for a code or a known country name ("Iraq" → "IRQ")."""
    value = value.strip()
    return _ISO3_BY_NAME.get(value.lower(), value.upper())


def events_query(filters: EventFilter = EventFilter(), limit: int | None = None,
                 newest_first: bool = False) -> Select[Any]:
    ev = schema.events
    order = (ev.c.event_date.desc(), ev.c.event_id.desc()) if newest_first else (ev.c.event_date, ev.c.event_id)
    query = select(ev.c.record, ev.c.updated_at, ev.c.created_at).order_by(*order)
    conditions = filters.conditions()
    if conditions:
        query = query.where(and_(*conditions))
    if limit is not None:
        query = query.limit(limit)
    return query


def iter_events(store: Store, filters: EventFilter = EventFilter(), limit: int | None = None,
                newest_first: bool = False) -> Iterator[dict[str, Any]]:
    """Merged event records (oldest first, or newest first), each with ``timestamp`` (unix seconds of
    its last change)."""
    with store.read() as conn:
        for row in conn.execute(events_query(filters, limit, newest_first)):
            yield {**row.record, "timestamp": unix_seconds(row.updated_at)}


def query_events(store: Store, filters: EventFilter = EventFilter(), limit: int | None = None,
                 newest_first: bool = False) -> list[dict[str, Any]]:
    """:func:`iter_events` as a list."""
    return list(iter_events(store, filters, limit, newest_first))


def count_events(store: Store, filters: EventFilter = EventFilter()) -> int:
    """How many stored events match ``filters`` (from the totals table when only a country is asked)."""
    if not any((filters.since, filters.until, filters.admin1, filters.type)) and type(filters) is EventFilter:
        from marsad.store.aggregates import total

        with store.read() as conn:
            return total(conn, country_code(filters.country) if filters.country else None, filters.include_unlocated)
    query = select(func.count()).select_from(schema.events)
    conditions = filters.conditions()
    if conditions:
        query = query.where(and_(*conditions))
    with store.read() as conn:
        return int(conn.scalar(query) or 0)


def unix_seconds(moment: datetime) -> int:
    """Unix seconds of a stored timestamp (SQLite gives it back without a zone: it is UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())
