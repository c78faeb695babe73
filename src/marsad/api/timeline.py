"""Event counts in bins whose size follows the span (``GET /api/timeline``, the dashboard's timeline).

A span of up to :data:`DAY_SPAN` days is counted by day, up to :data:`WEEK_SPAN` days by
week (weeks start on Monday), longer spans by calendar month, so a brushable chart has
neither hair-thin bars over years nor a handful of bars over a fortnight.  Every bin
between the first and the last event is listed (empty ones with zeros); each has its first
and its last day, so a selection of bins is a date range.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, select

from marsad.store import schema
from marsad.store.db import Store
from marsad.store.query import EventFilter

#: The longest span (days) counted by day, and by week; longer spans go by month.
DAY_SPAN = 92
WEEK_SPAN = 731


@dataclass(slots=True)
class Timeline:
    """Counts per bin; ``starts``/``ends`` are each bin's first and last day, every series aligned with them."""

    bin: str = "week"
    starts: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    total: list[int] = field(default_factory=list)
    fatalities: list[int] = field(default_factory=list)
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"bin": self.bin, "starts": self.starts, "ends": self.ends, "total": self.total,
                "fatalities": self.fatalities, "by_type": self.by_type}


def bin_size(first: date, last: date) -> str:
    """"day", "week" or "month" for events from ``first`` to ``last``."""
    span = (last - first).days + 1
    if span <= DAY_SPAN:
        return "day"
    return "week" if span <= WEEK_SPAN else "month"


def bin_start(day: date, size: str) -> date:
    """The first day of the bin of ``day``."""
    if size == "day":
        return day
    if size == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def next_start(start: date, size: str) -> date:
    """The first day of the bin after the one starting on ``start``."""
    if size == "day":
        return start + timedelta(days=1)
    if size == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def count_in_bins(rows: list[tuple[date, str, int]], size: str | None = None) -> Timeline:
    """:class:`Timeline` of ``(event_date, event_type, fatalities)`` rows (``size`` None: from the span)."""
    if not rows:
        return Timeline()
    first, last = min(r[0] for r in rows), max(r[0] for r in rows)
    size = size or bin_size(first, last)
    starts = [bin_start(first, size)]
    while next_start(starts[-1], size) <= last:
        starts.append(next_start(starts[-1], size))
    index = {start: i for i, start in enumerate(starts)}
    n = len(starts)
    total, deaths = [0] * n, [0] * n
    by_type: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    for day, event_type, fatalities in rows:
        i = index[bin_start(day, size)]
        total[i] += 1
        deaths[i] += fatalities
        by_type[event_type][i] += 1
    ends = [next_start(s, size) - timedelta(days=1) for s in starts]
    return Timeline(bin=size, starts=[s.isoformat() for s in starts], ends=[e.isoformat() for e in ends],
                    total=total, fatalities=deaths, by_type=dict(sorted(by_type.items())))


def timeline(store: Store, filters: EventFilter | None = None) -> Timeline:
    """Binned counts of the stored events matching ``filters``."""
    ev = schema.events
    query = select(ev.c.event_date, ev.c.event_type, ev.c.fatalities)
    conditions = (filters or EventFilter()).conditions()
    if conditions:
        query = query.where(and_(*conditions))
    with store.read() as conn:
        rows = [(_day(r.event_date), r.event_type, int(r.fatalities or 0)) for r in conn.execute(query)]
    return count_in_bins(rows)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
