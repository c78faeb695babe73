"""Weekly event counts by type and by area (the dashboard's timeline, ``GET /api/stats``).

Weeks start on Monday and are named by that day; every week between the first and the last
event is listed, empty ones with zeros, so the series can be drawn as they are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, select

from marsad.store import schema
from marsad.store.db import Store
from marsad.store.query import EventFilter

OTHER = "Other"


@dataclass(slots=True)
class WeeklyStats:
    """Counts per week (``weeks`` are the Mondays); each series is aligned with ``weeks``."""

    weeks: list[str] = field(default_factory=list)
    total: list[int] = field(default_factory=list)
    fatalities: list[int] = field(default_factory=list)
    by_type: dict[str, list[int]] = field(default_factory=dict)
    by_area: dict[str, list[int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"weeks": self.weeks, "total": self.total, "fatalities": self.fatalities,
                "by_type": self.by_type, "by_area": self.by_area}


def week_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def weekly_stats(store: Store, filters: EventFilter | None = None, top_areas: int = 10) -> WeeklyStats:
    """Weekly counts of the stored events matching ``filters``; areas (admin1) beyond ``top_areas`` are "Other"."""
    ev = schema.events
    filters = filters or EventFilter()
    query = select(ev.c.event_date, ev.c.event_type, ev.c.admin1, ev.c.fatalities)
    conditions = filters.conditions()
    if conditions:
        query = query.where(and_(*conditions))
    with store.read() as conn:
        rows = [(row.event_date, row.event_type, row.admin1 or "", row.fatalities) for row in conn.execute(query)]
    return count_by_week(rows, top_areas)


def count_by_week(rows: list[tuple[date, str, str, int]], top_areas: int = 10) -> WeeklyStats:
    """:class:`WeeklyStats` of ``(event_date, event_type, area, fatalities)`` rows."""
    if not rows:
        return WeeklyStats()
    first, last = week_of(min(r[0] for r in rows)), week_of(max(r[0] for r in rows))
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    index = {week: i for i, week in enumerate(weeks)}
    leading = {area for area, _ in Counter(r[2] for r in rows).most_common(top_areas)}
    total, deaths = [0] * len(weeks), [0] * len(weeks)
    by_type: dict[str, list[int]] = defaultdict(lambda: [0] * len(weeks))
    by_area: dict[str, list[int]] = defaultdict(lambda: [0] * len(weeks))
    for day, event_type, area, fatalities in rows:
        i = index[week_of(day)]
        total[i] += 1
        deaths[i] += fatalities
        by_type[event_type][i] += 1
        by_area[area if area in leading else OTHER][i] += 1
    return WeeklyStats(weeks=[w.isoformat() for w in weeks], total=total, fatalities=deaths,
                       by_type=dict(sorted(by_type.items())), by_area=_by_size(by_area))


def _by_size(series: dict[str, list[int]]) -> dict[str, list[int]]:
    """Largest series first, "Other" last."""
    ordered = sorted((k for k in series if k != OTHER), key=lambda k: (-sum(series[k]), k))
    if OTHER in series:
        ordered.append(OTHER)
    return {k: series[k] for k in ordered}
