"""Security gaps: where attacks rise above each area's own baseline (see ``docs/gaps.md``).

    rows = compute_gaps(records, by="admin2", window=28, baseline=180)   # codebook §7 dicts
    rows = gaps_from_store(store, country="IRQ", at=date(2024, 5, 31))

Per area (a governorate, or a district within one) the events of the **window** (the
``window`` days ending on ``at``) are compared with the area's **baseline** (the
``baseline`` days before the window) by the exact conditional test of two Poisson rates:
given ``n`` events in both periods, the window's count is Binomial(n, w / (w + b)) when the
rate did not change.  The one-sided p-value of a rise is adjusted across areas by
Benjamini–Hochberg; an area is **rising** when its adjusted value (``q_value``) is at most
``fdr`` and it has at least ``min_events`` events in the window.  Rows are ranked by
``score`` = −log10 of the one-sided p-value in the direction of the change (negative for a
fall), which grows with both the size of the change and the number of events behind it.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from marsad.errors import InputError, UsageError

if TYPE_CHECKING:
    from marsad.store import EventFilter, Store

#: Event types counted by default: the political violence types of codebook §2.
ATTACK_TYPES: tuple[str, ...] = ("Battles", "Explosions/Remote violence", "Violence against civilians")
#: The admin2 label of events known only to governorate level (when grouping by admin2).
GOVERNORATE_LEVEL = "(governorate level)"
#: How many actors and types a row lists.
TOP_N = 3
GROUPINGS = ("admin2", "admin1")


@dataclass(frozen=True, slots=True)
class GapRow:
    """One area's window against its baseline.

    ``p_value`` is the exact one-sided p-value of "the rate rose" (None without a baseline);
    ``q_value`` the Benjamini–Hochberg adjusted value across the areas tested (None for an
    area not tested: fewer than ``min_events`` events in window and baseline together, or
    no baseline).  ``rate_ratio`` is the window rate over the baseline rate with ½ added to
    each count (finite when the baseline is empty; NaN without a baseline).
    """

    area: str
    country: str
    admin1: str
    admin2: str
    events: int
    fatalities: int
    baseline_events: int
    expected: float
    rate_ratio: float
    p_value: float | None
    rising: bool
    score: float
    top_actors: list[tuple[str, int]]
    top_types: list[tuple[str, int]]
    disputed: bool
    explanation: str
    q_value: float | None = None
    baseline_fatalities: int = 0
    window_start: date | None = None
    window_end: date | None = None
    baseline_start: date | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as YYYY-MM-DD, NaN as None, pairs as lists."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, float) and not math.isfinite(value):
                value = None
            elif isinstance(value, list):
                value = [list(pair) for pair in value]
            out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class RateTest:
    """The conditional test of two Poisson rates for one area (natural-log tail probabilities)."""

    log_p_rise: float  # ln P(X >= x_window | n), X ~ Binomial(n, w / (w + b))
    log_p_fall: float  # ln P(X <= x_window | n)
    expected: float  # x_baseline * w / b

    @property
    def p_rise(self) -> float:
        return math.exp(self.log_p_rise)

    def score(self, observed: int) -> float:
        """−log10 of the one-sided p-value in the direction of the change; negative for a fall."""
        if observed > self.expected:
            return -self.log_p_rise / math.log(10) + 0.0
        if observed < self.expected:
            return self.log_p_fall / math.log(10) + 0.0
        return 0.0


def rate_test(window_events: int, baseline_events: int, window_days: float, baseline_days: float) -> RateTest:
    """Exact conditional (binomial) test of equal Poisson rates in the window and the baseline.

    Under equal rates, given ``n = window_events + baseline_events``, the window's count is
    Binomial(n, w / (w + b)).  Tails are summed in log space, so tiny p-values keep their size.
    """
    if window_days <= 0 or baseline_days <= 0:
        raise ValueError("both periods need a positive length")
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import binom

    n = window_events + baseline_events
    share = window_days / (window_days + baseline_days)
    log_pmf = binom.logpmf(np.arange(n + 1), n, share)
    log_rise = float(logsumexp(log_pmf[window_events:]))
    log_fall = float(logsumexp(log_pmf[: window_events + 1]))
    expected = baseline_events * window_days / baseline_days
    return RateTest(min(log_rise, 0.0), min(log_fall, 0.0), expected)


def benjamini_hochberg(p_values: list[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (q-values), in the order given."""
    if not p_values:
        return []
    from scipy.stats import false_discovery_control

    return [float(q) for q in false_discovery_control(p_values, method="bh")]


@dataclass(frozen=True, slots=True)
class Period:
    """The window ``[window_start, at]`` and the baseline ``[baseline_start, window_start)``.

    The baseline starts no earlier than the data does (``data_start``), so a store whose
    news starts late is not read as a quiet baseline; ``baseline_days`` may then be 0.
    """

    at: date
    window_days: int
    window_start: date
    baseline_start: date

    @classmethod
    def make(cls, at: date, window: int, baseline: int, data_start: date) -> Period:
        window_start = at - timedelta(days=window - 1)
        baseline_start = max(window_start - timedelta(days=baseline), data_start)
        return cls(at, window, window_start, min(baseline_start, window_start))

    @property
    def baseline_days(self) -> int:
        return (self.window_start - self.baseline_start).days

    def part(self, day: date) -> str | None:
        """Which period ``day`` falls in: "window", "baseline", or None (neither)."""
        if self.window_start <= day <= self.at:
            return "window"
        if self.baseline_start <= day < self.window_start:
            return "baseline"
        return None


@dataclass(slots=True)
class _Tally:
    """Counts of one area."""

    events: int = 0
    fatalities: int = 0
    baseline_events: int = 0
    baseline_fatalities: int = 0
    disputed: int = 0
    actors: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.events + self.baseline_events

    def add(self, record: Mapping[str, Any], part: str) -> None:
        killed = int(record.get("fatalities") or 0)
        if part == "window":
            self.events += 1
            self.fatalities += killed
            self.actors[str(record.get("actor1") or "unknown actor")] += 1
            self.types[str(record.get("sub_event_type") or record.get("event_type") or "unknown type")] += 1
        else:
            self.baseline_events += 1
            self.baseline_fatalities += killed
        self.disputed += bool(record.get("disputed"))


AreaKey = tuple[str, str, str]  # country, admin1, admin2 ("" for the admin1 grouping)


def compute_gaps(events: Iterable[Mapping[str, Any]], *, by: str = "admin2", window: int = 28, baseline: int = 180,
                 at: date | None = None, min_events: int = 3, fdr: float = 0.05,
                 event_types: Collection[str] | None = ATTACK_TYPES, data_start: date | None = None,
                 ) -> list[GapRow]:
    """Areas' window against their baseline, highest score first (see the module docstring).

    ``events`` are codebook §7 records.  ``at`` defaults to the latest event date given,
    ``data_start`` (the first day the data covers) to the earliest; both are taken over all
    records, before ``event_types`` (None: every type) selects what is counted.
    """
    _check_options(by, window, baseline, min_events, fdr)
    dated = [(_event_day(r), r) for r in events]
    if not dated:
        return []
    days = [day for day, _ in dated]
    period = Period.make(at or max(days), window, baseline, data_start or min(days))
    wanted = set(event_types) if event_types is not None else None
    return _gap_rows(_tally(dated, period, by, wanted), period, by, min_events, fdr, wanted)


def _gap_rows(tallies: dict[AreaKey, _Tally], period: Period, by: str, min_events: int, fdr: float,
              wanted: set[str] | None) -> list[GapRow]:
    """The rows of :func:`compute_gaps` from each area's tally, highest score first."""
    window = period.window_days
    tests = {key: rate_test(t.events, t.baseline_events, window, period.baseline_days)
             for key, t in tallies.items() if period.baseline_days > 0}
    tested = [key for key in tests if tallies[key].total >= min_events]
    q_values = dict(zip(tested, benjamini_hochberg([tests[k].p_rise for k in tested]), strict=True))
    noun = "attack" if wanted is not None and wanted <= set(ATTACK_TYPES) else "event"
    run = _Settings(period, by, min_events, fdr, noun)
    rows = [_row(key, tally, tests.get(key), q_values.get(key), run) for key, tally in tallies.items()]
    rows.sort(key=lambda r: (-r.score, -r.events, r.area))
    return rows


def gaps_from_store(store: Store, *, country: str | None = None, **kwargs: Any) -> list[GapRow]:
    """:func:`compute_gaps` over the store's merged events (of ``country``, if given).

    ``at`` defaults to the end of the latest complete window (:func:`default_at`) and
    ``data_start`` to the store's earliest event date (over all event types), so the baseline
    is not stretched before the data begins.
    """
    from marsad.store import EventFilter

    first, last = _date_range(store, EventFilter(country=country))
    if first is None or last is None:
        return []
    window = int(kwargs.get("window", 28))
    baseline = int(kwargs.get("baseline", 180))
    at: date = kwargs.pop("at", None) or default_at(
        store, country=country, window=window, baseline=baseline, min_events=int(kwargs.get("min_events", 3)),
        event_types=kwargs.get("event_types", ATTACK_TYPES)) or last
    budget = kwargs.pop("budget", None)
    by, min_events, fdr = kwargs.get("by", "admin2"), int(kwargs.get("min_events", 3)), float(kwargs.get("fdr", 0.05))
    _check_options(by, window, baseline, min_events, fdr)
    event_types = kwargs.get("event_types", ATTACK_TYPES)
    wanted = set(event_types) if event_types is not None else None
    period = Period.make(at, window, baseline, kwargs.get("data_start") or first)
    with store.read(budget=budget) as conn:
        tallies = _stored_tallies(conn, period, by, country, wanted)
    return _gap_rows(tallies, period, by, min_events, fdr, wanted)


def _stored_tallies(conn: Any, period: Period, by: str, country: str | None,
                    wanted: set[str] | None) -> dict[AreaKey, _Tally]:
    """Each area's tally read from the day aggregates (counts, deaths, types) and, for the window
    only, the events' actors: what :func:`_tally` counts from records, without reading the records."""
    from sqlalchemy import and_, case, func, literal_column, select

    from marsad.store import schema
    from marsad.store.query import country_code

    ed, ev = schema.event_days, schema.events
    tallies: dict[AreaKey, _Tally] = {}

    def where(table: Any, since: date) -> Any:
        found = [table.c.unlocated.is_(False), table.c.event_date.between(since, period.at)]
        if country:
            found.append(table.c.country == country_code(country))
        if wanted is not None:
            found.append(table.c.event_type.in_(sorted(wanted)))
        return and_(*found)

    def area(table: Any) -> tuple[Any, ...]:
        return (table.c.country, table.c.admin1, table.c.admin2 if by == "admin2" else literal_column("''"))

    def grouped(table: Any) -> tuple[Any, ...]:
        return area(table) if by == "admin2" else area(table)[:2]

    # grouped by the label "w": PostgreSQL does not see two CASEs with bound parameters as one
    in_window = case((ed.c.event_date >= period.window_start, 1), else_=0).label("w")
    counts = (select(*area(ed), in_window, ed.c.sub_event_type, func.sum(ed.c.events),
                     func.sum(ed.c.fatalities), func.sum(ed.c.disputed))
              .where(where(ed, period.baseline_start)).group_by(*grouped(ed), "w", ed.c.sub_event_type))
    for country_, admin1, admin2, w, sub_type, n, killed, disputed in conn.execute(counts):
        tally = tallies.setdefault(_area_key({"country": country_, "admin1": admin1, "admin2": admin2}, by), _Tally())
        n, killed = int(n or 0), int(killed or 0)
        if w:
            tally.events += n
            tally.fatalities += killed
            tally.types[str(sub_type or "unknown type")] += n
        else:
            tally.baseline_events += n
            tally.baseline_fatalities += killed
        tally.disputed += int(disputed or 0)
    actors = (select(*area(ev), ev.c.actor1, func.count()).where(where(ev, period.window_start))
              .group_by(*grouped(ev), ev.c.actor1))
    for country_, admin1, admin2, actor, n in conn.execute(actors):
        key = _area_key({"country": country_, "admin1": admin1, "admin2": admin2}, by)
        tallies[key].actors[str(actor or "unknown actor")] += int(n)
    return tallies


def latest_complete_window(days: Iterable[date] | Mapping[date, int], window: int, baseline: int,
                           min_events: int) -> date | None:
    """The last day of the latest window that has data on both sides, or None.

    ``days`` are event days (one per event) or a count of events per day.  Candidates are the
    event days, newest first; a window ending on one qualifies when it holds at least
    ``min_events`` events and its baseline (the ``baseline`` days before it) holds at least
    ``min_events`` too, so the comparison rests on data, not on an empty past.  A stray late
    report (one 2024 article in an archive of 2018) therefore does not set the window: its window
    has no baseline.
    """
    counts = Counter(days)  # a mapping's counts, or one per listed day
    ordered = sorted(d for d, n in counts.items() if n > 0)
    before = [0]  # events before each day of ``ordered``, and in all
    for day in ordered:
        before.append(before[-1] + counts[day])

    def up_to(day: date, inclusive: bool) -> int:  # events on days before (or up to) ``day``
        return before[(bisect_right if inclusive else bisect_left)(ordered, day)]

    for end in reversed(ordered):
        window_start = end - timedelta(days=window - 1)
        baseline_start = window_start - timedelta(days=baseline)
        in_window = up_to(end, True) - up_to(window_start, False)
        in_baseline = up_to(window_start, False) - up_to(baseline_start, False)
        if in_window >= min_events and in_baseline >= min_events:
            return end
    return None


def default_at(store: Store, *, country: str | None = None, window: int = 28, baseline: int = 180,
               min_events: int = 3, event_types: Collection[str] | None = ATTACK_TYPES) -> date | None:
    """The default last day of the gap window: :func:`latest_complete_window` over the located
    events counted per day in the store's day aggregates (``event_days``), so it costs the same
    on an archive of millions of events.  None when no window qualifies (the caller then takes
    the latest event day)."""
    from sqlalchemy import ColumnElement, and_, func, select

    from marsad.store import schema
    from marsad.store.query import country_code

    ed = schema.event_days
    conditions: list[ColumnElement[bool]] = [ed.c.unlocated.is_(False)]
    if country:
        conditions.append(ed.c.country == country_code(country))
    if event_types is not None:
        conditions.append(ed.c.event_type.in_(sorted(event_types)))
    query = select(ed.c.event_date, func.sum(ed.c.events)).where(and_(*conditions)).group_by(ed.c.event_date)
    with store.read() as conn:
        counts = {_as_date(day): int(n or 0) for day, n in conn.execute(query)}
    return latest_complete_window({d: n for d, n in counts.items() if d is not None}, window, baseline, min_events)


# --------------------------------------------------------------------------- helpers


def _check_options(by: str, window: int, baseline: int, min_events: int, fdr: float) -> None:
    if by not in GROUPINGS:
        raise UsageError(f"by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    for name, value in (("window", window), ("baseline", baseline), ("min_events", min_events)):
        if value < 1:
            raise UsageError(f"{name} must be at least 1, not {value}")
    if not 0 < fdr < 1:
        raise UsageError(f"fdr must be between 0 and 1, not {fdr}")


def _event_day(record: Mapping[str, Any]) -> date:
    value = record.get("event_date")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        where = str(record.get("event_id") or record.get("article_id") or "event")
        raise InputError(where, f"event_date {value!r} is not a date in the form YYYY-MM-DD") from None


def _tally(dated: list[tuple[date, Mapping[str, Any]]], period: Period, by: str,
           wanted: set[str] | None) -> dict[AreaKey, _Tally]:
    tallies: dict[AreaKey, _Tally] = {}
    for day, record in dated:
        part = period.part(day)
        if part is None or (wanted is not None and record.get("event_type") not in wanted):
            continue
        tallies.setdefault(_area_key(record, by), _Tally()).add(record, part)
    return tallies


def _area_key(record: Mapping[str, Any], by: str) -> AreaKey:
    country = str(record.get("country") or "").strip()
    admin1 = str(record.get("admin1") or "").strip() or "(unknown governorate)"
    admin2 = str(record.get("admin2") or "").strip() if by == "admin2" else ""
    return country, admin1, admin2


def _area_name(key: AreaKey, by: str) -> str:
    _, admin1, admin2 = key
    if by == "admin1":
        return admin1
    return f"{admin1} / {admin2 or GOVERNORATE_LEVEL}"


def _top(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:TOP_N]


@dataclass(frozen=True, slots=True)
class _Settings:
    """What every row of one run shares."""

    period: Period
    by: str
    min_events: int
    fdr: float
    noun: str


def _row(key: AreaKey, tally: _Tally, test: RateTest | None, q_value: float | None, run: _Settings) -> GapRow:
    period = run.period
    expected = test.expected if test else math.nan
    b = period.baseline_days
    ratio = ((tally.events + 0.5) / period.window_days) / ((tally.baseline_events + 0.5) / b) if b else math.nan
    rising = bool(test and q_value is not None and q_value <= run.fdr and tally.events >= run.min_events
                  and tally.events > expected)
    row = GapRow(
        area=_area_name(key, run.by), country=key[0], admin1=key[1], admin2=key[2], events=tally.events,
        fatalities=tally.fatalities, baseline_events=tally.baseline_events, expected=expected, rate_ratio=ratio,
        p_value=test.p_rise if test else None, rising=rising, score=test.score(tally.events) if test else 0.0,
        top_actors=_top(tally.actors), top_types=_top(tally.types), disputed=2 * tally.disputed > tally.total,
        explanation="", q_value=q_value, baseline_fatalities=tally.baseline_fatalities,
        window_start=period.window_start, window_end=period.at, baseline_start=period.baseline_start,
    )
    text = explain(row, noun=run.noun, disputed_events=tally.disputed, total_events=tally.total,
                   min_events=run.min_events)
    return replace(row, explanation=text)


def explain(row: GapRow, *, noun: str = "attack", disputed_events: int | None = None,
            total_events: int | None = None, min_events: int = 3) -> str:
    """One English line: counts against expectation, main perpetrator, deaths, disputed, verdict."""
    place = f"{row.admin2}, {row.admin1}" if row.admin2 else row.area.replace(" / ", " ")
    days = (row.window_end - row.window_start).days + 1 if row.window_end and row.window_start else None
    span = f" in {days} days" if days else ""
    parts = [f"{place}: {row.events} {noun}{'' if row.events == 1 else 's'}{span}"
             + (f" vs {row.expected:.1f} expected" if math.isfinite(row.expected) else " (no baseline)")]
    if row.top_actors:
        actor, n = row.top_actors[0]
        parts.append(f"{n} by {actor}")
    parts.append(f"{row.fatalities} killed")
    if row.disputed:
        parts.append("disputed")
    elif disputed_events and total_events:
        parts.append(f"partly disputed ({disputed_events} of {total_events} events)")
    parts.append(_verdict(row, min_events))
    return "; ".join(parts)


def _verdict(row: GapRow, min_events: int) -> str:
    if row.rising:
        return f"rising (q={row.q_value:.2g})"
    if row.p_value is None:
        return "no baseline to compare"
    if row.events <= row.expected:
        return "no rise"
    if row.events < min_events:
        return f"fewer than {min_events} events in the window: not flagged"
    q = f"q={row.q_value:.2g}" if row.q_value is not None else f"p={row.p_value:.2g}"
    return f"rise not significant ({q})"


def _date_range(store: Store, filters: EventFilter) -> tuple[date | None, date | None]:
    """The earliest and the latest event date in the store matching ``filters``."""
    from sqlalchemy import and_, func, select

    from marsad.store import schema

    ev = schema.events
    conditions = filters.conditions()
    # two queries: each walks an index from one end (one query asking both would scan)
    first = select(func.min(ev.c.event_date)).where(and_(*conditions))
    last = select(func.max(ev.c.event_date)).where(and_(*conditions))
    with store.read() as conn:
        return _as_date(conn.scalar(first)), _as_date(conn.scalar(last))


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
