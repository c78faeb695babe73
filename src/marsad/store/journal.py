"""Reading the removal journal (table ``removals``): every stored event record or merged event removed.

Rows are written by :mod:`marsad.store.ingest` (the records of an article replaced by a
changed version) and :mod:`marsad.store.events` (events regrouped into others or left with
no report), in the transaction that removes them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from marsad.store import schema
from marsad.store.db import Store


def read_removals(store: Store, limit: int = 50) -> list[dict[str, Any]]:
    """The latest ``limit`` removals, newest first, as JSON-ready dicts."""
    r = schema.removals
    query = select(r).order_by(r.c.pk.desc()).limit(limit)
    with store.read() as conn:
        return [_plain(dict(row._mapping)) for row in conn.execute(query)]


def count_removals(store: Store) -> int:
    with store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(schema.removals)) or 0)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    row.pop("pk", None)
    row["removed_at"] = row["removed_at"].isoformat()
    row["event_date"] = row["event_date"].isoformat() if row["event_date"] else None
    return row
