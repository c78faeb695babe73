"""Reads the API needs beyond :mod:`marsad.store.query`: more filters, paging, an event's articles.

All of it is SQLAlchemy Core over :mod:`marsad.store.schema`, so every value is a bound
parameter; nothing here builds SQL text.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Connection, Integer, Text, and_, cast, func, or_, select, tuple_

from marsad.errors import InputError
from marsad.store import schema
from marsad.store.db import QueryTimeout, Store
from marsad.store.query import EventFilter, events_query, unix_seconds

#: Seconds a request's reads may run (then 503): one heavy call cannot hold the server.
REQUEST_BUDGET_S = 10.0
#: A page's total is counted up to this many events; beyond, the answer says "at least" (``total_exact``).
TOTAL_CAP = 10_000
#: Heavy requests (``/api/gaps``) running at once; more wait their turn, up to their budget.
HEAVY_AT_ONCE = 2
_heavy = threading.BoundedSemaphore(HEAVY_AT_ONCE)


@contextmanager
def heavy_request(budget: float = REQUEST_BUDGET_S) -> Iterator[None]:
    """Hold one of the :data:`HEAVY_AT_ONCE` slots of heavy requests (wait at most ``budget`` s for it)."""
    if not _heavy.acquire(timeout=budget):
        raise QueryTimeout("the server is busy with heavy requests; try again later")
    try:
        yield
    finally:
        _heavy.release()


@dataclass(frozen=True, slots=True)
class ApiFilter(EventFilter):
    """:class:`EventFilter` plus district, actor (substring of actor1 or actor2) and a bounding box."""

    admin2: str | None = None
    actor: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # minlon, minlat, maxlon, maxlat

    def conditions(self) -> list[ColumnElement[bool]]:
        ev = schema.events
        found = EventFilter.conditions(self)
        if self.admin2:
            found.append(func.lower(ev.c.admin2) == self.admin2.strip().lower())
        if self.actor:
            wanted = self.actor.strip()
            found.append(or_(ev.c.actor1.icontains(wanted, autoescape=True),
                             ev.c.actor2.icontains(wanted, autoescape=True)))
        if self.bbox:
            minlon, minlat, maxlon, maxlat = self.bbox
            found.append(and_(ev.c.longitude.between(minlon, maxlon), ev.c.latitude.between(minlat, maxlat)))
        return found


@dataclass(slots=True)
class Page:
    """One page of merged event records, the number of all that match (exact up to
    :data:`TOTAL_CAP`, else ``total_exact`` is false and ``total`` is the cap), and the cursor of
    the next page (None on the last)."""

    total: int
    records: list[dict[str, Any]]
    total_exact: bool = True
    next_cursor: str | None = None
    raw: list[str] | None = None  # the records as JSON text, when asked (``event_page(raw=True)``)

    def json(self, limit: int, offset: int) -> bytes:
        """The page as the JSON body of ``GET /api/events`` (records spliced in as stored, not re-encoded)."""
        head = json.dumps({"total": self.total, "total_exact": self.total_exact, "limit": limit, "offset": offset,
                           "next_cursor": self.next_cursor}, ensure_ascii=False)
        records = self.raw if self.raw is not None else [json.dumps(r, ensure_ascii=False) for r in self.records]
        return (head[:-1] + ', "events": [' + ", ".join(records) + "]}").encode("utf-8")


def event_page(store: Store, filters: EventFilter, limit: int, offset: int = 0, newest_first: bool = False,
               cursor: str | None = None, budget: float | None = REQUEST_BUDGET_S, raw: bool = False) -> Page:
    """Events matching ``filters`` (oldest first, or newest), ``limit`` of them from ``offset``, or
    after ``cursor`` (keyset: the (date, id) of the last event of the previous page; each page is
    an index walk, however deep).  With ``raw``, ``Page.raw`` holds the records as stored JSON text
    (with ``timestamp`` added) and ``Page.records`` only their date and id: no decoding, no encoding."""
    ev = schema.events
    query = events_query(filters)
    if raw:  # the record's text, and the date as text: nothing for the driver or SQLAlchemy to convert
        query = query.with_only_columns(cast(ev.c.record, Text).label("text"), _epoch(store, ev.c.updated_at),
                                        cast(ev.c.event_date, Text).label("day"), ev.c.event_id,
                                        maintain_column_froms=True)
    if newest_first:
        query = query.order_by(None).order_by(ev.c.event_date.desc(), ev.c.event_id.desc())
    if cursor:
        day, event_id = decode_cursor(cursor, newest_first)
        key = tuple_(ev.c.event_date, ev.c.event_id)
        query = query.where(key < tuple_(day, event_id) if newest_first else key > tuple_(day, event_id))
    query = query.limit(limit + 1).offset(offset)
    with store.read(budget=budget) as conn:
        rows = conn.execute(query).all()
        total, exact = capped_count(conn, filters)
    texts: list[str] | None = None
    if raw:
        records = [{"event_date": row.day, "event_id": row.event_id} for row in rows[:limit]]
        texts = [_with_timestamp(row.text, int(row.epoch)) for row in rows[:limit]]
    else:
        records = [{**row.record, "timestamp": unix_seconds(row.updated_at)} for row in rows[:limit]]
    last = records[-1] if len(rows) > limit else None
    return Page(total=total, records=records, total_exact=exact, raw=texts,
                next_cursor=encode_cursor(last["event_date"], last["event_id"], newest_first) if last else None)


def _epoch(store: Store, column: Any) -> Any:
    """Unix seconds of a stored timestamp, computed by the database (SQLite keeps UTC text)."""
    if store.dialect == "sqlite":
        return cast(func.strftime("%s", column), Integer).label("epoch")
    return cast(func.floor(func.extract("epoch", column)), BigInteger).label("epoch")  # cast alone rounds


def _with_timestamp(text: str, timestamp: int) -> str:
    """A stored record's JSON text with ``"timestamp"`` added as its last key."""
    body = text.rstrip()
    if not body.endswith("}"):
        raise ValueError("a stored record is not a JSON object")
    inner = body[:-1].rstrip()
    return f'{inner}{", " if not inner.endswith("{") else ""}"timestamp": {timestamp}}}'



def capped_count(conn: Connection, filters: EventFilter, cap: int = TOTAL_CAP) -> tuple[int, bool]:
    """(events matching ``filters``, exact?): counted up to ``cap``, or read from the totals table
    when the filter is only a country."""
    if _totals_answer(filters):
        from marsad.store.aggregates import total

        country = filters.country and filters.country.strip().upper()
        from marsad.store.query import country_code

        return total(conn, country_code(country) if country else None, filters.include_unlocated), True
    inner = select(schema.events.c.event_id).where(and_(*filters.conditions())).limit(cap + 1).subquery()
    n = int(conn.scalar(select(func.count()).select_from(inner)) or 0)
    return min(n, cap), n <= cap


def _totals_answer(filters: EventFilter) -> bool:
    """Whether ``event_totals`` answers the count: no condition but country and located-or-not."""
    from dataclasses import fields

    return all(getattr(filters, f.name) in (None, False) for f in fields(filters)
               if f.name not in ("country", "include_unlocated"))


def encode_cursor(day: str, event_id: str, newest_first: bool) -> str:
    """An opaque cursor for the page after the event (``day``, ``event_id``) in that order."""
    raw = f"{'d' if newest_first else 'a'}|{day}|{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, newest_first: bool) -> tuple[date, str]:
    """(day, event id) of a cursor of :func:`encode_cursor`; InputError if it is not one of this order."""
    try:
        order, day, event_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("|")
        parsed = date.fromisoformat(day)
    except (ValueError, UnicodeDecodeError):
        raise InputError("cursor", "cursor: not a cursor this API gave") from None
    if order != ("d" if newest_first else "a"):
        raise InputError("cursor", "cursor: this cursor is of the other order (asc/desc)")
    return parsed, event_id


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """The merged record of ``event_id`` and each member article with its text and evidence; None if unknown."""
    ev, em, m, a = schema.events, schema.event_members, schema.mentions, schema.articles
    with store.read() as conn:
        row = conn.execute(select(ev.c.record, ev.c.updated_at).where(ev.c.event_id == event_id)).first()
        if row is None:
            return None
        members = conn.execute(
            select(a.c.id, a.c.outlet, a.c.url, a.c.title, a.c.published, a.c.text, m.c.record)
            .select_from(em.join(m, m.c.pk == em.c.mention_pk).join(a, a.c.pk == m.c.article_pk))
            .where(em.c.event_id == event_id)
            .order_by(a.c.published, a.c.key, m.c.ordinal)
        ).all()
    articles = [_member_article(member) for member in members]
    return {"event": {**row.record, "timestamp": unix_seconds(row.updated_at)}, "articles": articles}


def _member_article(member: Any) -> dict[str, Any]:
    mention = member.record
    return {
        "id": member.id, "outlet": member.outlet, "url": member.url, "title": member.title,
        "published": member.published.isoformat() if member.published else None,
        "text": member.text,
        "evidence": mention.get("evidence", {}),
        "report": {name: mention.get(name) for name in ("event_date", "sub_event_type", "actor1", "actor2",
                                                          "location", "fatalities", "injured")},
    }


def events_of_article(store: Store, key: str) -> list[str]:
    """Ids of the merged events the stored article ``key`` reports, in its order of mention."""
    em, m, a = schema.event_members, schema.mentions, schema.articles
    query = (select(em.c.event_id)
             .select_from(a.join(m, m.c.article_pk == a.c.pk).join(em, em.c.mention_pk == m.c.pk))
             .where(a.c.key == key).order_by(m.c.ordinal))
    with store.read() as conn:
        return list(dict.fromkeys(conn.scalars(query)))
