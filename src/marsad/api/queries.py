"""Reads the API needs beyond :mod:`marsad.store.query`: more filters, paging, an event's articles.

All of it is SQLAlchemy Core over :mod:`marsad.store.schema`, so every value is a bound
parameter; nothing here builds SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from marsad.store import schema
from marsad.store.db import Store
from marsad.store.query import EventFilter, count_events, events_query, unix_seconds


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
    """One page of merged event records and the number of all that match."""

    total: int
    records: list[dict[str, Any]]


def event_page(store: Store, filters: EventFilter, limit: int, offset: int, newest_first: bool = False) -> Page:
    """Events matching ``filters`` (oldest first, or newest), ``limit`` of them from ``offset``."""
    query = events_query(filters)
    if newest_first:
        ev = schema.events
        query = query.order_by(None).order_by(ev.c.event_date.desc(), ev.c.event_id.desc())
    query = query.limit(limit).offset(offset)
    with store.read() as conn:
        records = [{**row.record, "timestamp": unix_seconds(row.updated_at)} for row in conn.execute(query)]
    return Page(total=count_events(store, filters), records=records)


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
