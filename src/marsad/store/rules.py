"""When two per-article records report the same incident, and how reports are grouped.

Pure functions over :class:`Mention` (no database): :mod:`marsad.store.merge` loads the
mentions and groups them with :func:`cluster` or :func:`cluster_day`;
:mod:`marsad.store.events` writes the groups back.

Two mentions are **compatible** when they come from different articles and

* their dates are at most one day apart;
* they are at the same place: same country and either the same place id, the same
  location name (in the same admin1), at most 10 km apart, the same admin2 when either is
  geo-precision ≥ 2, or the same admin1 when either is geo-precision 3 (a record without a
  known place, ``unlocated``, is at the same place as no other, so it stays an event of its own);
* their types fit: the same event type, or both political violence (Battles,
  Explosions/Remote violence, Violence against civilians), or both demonstrations
  (Protests, Riots);
* their actors fit: actor1 equal, or one is "Unidentified armed group", or one says
  Protesters and the other Rioters (one crowd, coded by how the outlet saw it); and actor2
  equal or empty in either.

A merged event is a group of pairwise compatible mentions (complete linkage: no chains of
"A like B like C" where A and C differ), at most one per article, so it spans two days at
most.  :func:`cluster` builds the groups greedily, country by country and day by day, in a
fixed order (event date, then report order), each mention joining the most similar group it
fits, else founding a new one.  What a day's mentions do depends only on them and on the
groups still *open* from the day before (those with members of that day only), which is
what lets :mod:`marsad.store.merge` redo a few days and get what a full rebuild gets.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

UNIDENTIFIED = "Unidentified armed group"
DEMONSTRATORS = frozenset({"Protesters", "Rioters"})
POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DEMONSTRATIONS = frozenset({"Protests", "Riots"})
MAX_DAYS_APART = 1  # the day-by-day grouping (open groups of the day before) relies on 1
MAX_KM_APART = 10.0
_EARTH_RADIUS_KM = 6371.0
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Mention:
    """One stored per-article record with what the merge needs of its article."""

    pk: int
    article_pk: int
    article_key: str
    article_id: str
    outlet: str
    published: date | None
    ordinal: int
    place_id: str
    record: dict[str, Any] = field(hash=False, compare=False)
    day: date = field(init=False, hash=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", date.fromisoformat(self.record["event_date"]))

    @property
    def key(self) -> str:
        """The mention's identity across re-extraction: ``<article key>#<ordinal>``."""
        return f"{self.article_key}#{self.ordinal}"

    @property
    def report_order(self) -> tuple[date, str, int]:
        """Earlier reports first: publication date (unknown last), article key, ordinal."""
        return (self.published or date.max, self.article_key, self.ordinal)

    @property
    def order(self) -> tuple[date, tuple[date, str, int]]:
        """The order :func:`cluster` visits mentions in."""
        return (self.day, self.report_order)


def event_id_for(country: str, founder_key: str) -> str:
    """The stable event id derived from the founding mention: country + 10 hex digits."""
    digest = hashlib.sha256(founder_key.encode("utf-8", "surrogatepass")).hexdigest()[:10].upper()
    return f"{country or 'XXX'}{digest}"


# --------------------------------------------------------------------------- compatibility


def compatible(a: Mention, b: Mention) -> bool:
    """Whether ``a`` and ``b`` can report one incident (see the module docstring).

    The tests are pure and joined by "and", so their order changes only the cost: the string
    comparisons of types and actors come before the place test (a great-circle distance),
    which a dense day's redo would otherwise compute for most pairs."""
    return (
        a.article_pk != b.article_pk
        and abs((a.day - b.day).days) <= MAX_DAYS_APART
        and compatible_types(a.record["event_type"], b.record["event_type"])
        and compatible_actors(a.record, b.record)
        and same_place(a, b)
    )


def same_place(a: Mention, b: Mention) -> bool:
    """Same place by id, by name, by distance, or by shared district/governorate at low precision."""
    ra, rb = a.record, b.record
    if ra["country"] != rb["country"] or not ra["admin1"] or not rb["admin1"]:
        return False  # an unlocated report's place is unknown: it is the same as no other
    if a.place_id and a.place_id == b.place_id:
        return True
    same_admin1 = bool(ra["admin1"]) and ra["admin1"] == rb["admin1"]
    if same_admin1 and ra["location"] and ra["location"] == rb["location"]:
        return True
    km = distance_km(ra, rb)
    if km is not None and km <= MAX_KM_APART:
        return True
    if not same_admin1:
        return False
    precision = max(ra["geo_precision"], rb["geo_precision"])
    if precision >= 2 and ra["admin2"] and ra["admin2"] == rb["admin2"]:
        return True
    return precision >= 3


def compatible_types(a: str, b: str) -> bool:
    """Same event type, or both political violence, or both demonstrations."""
    return a == b or any(a in family and b in family for family in (POLITICAL_VIOLENCE, DEMONSTRATIONS))


def compatible_actors(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a1, b1 = a["actor1"], b["actor1"]
    actor1 = a1 == b1 or UNIDENTIFIED in (a1, b1) or {a1, b1} == DEMONSTRATORS
    return actor1 and (a["actor2"] == b["actor2"] or not a["actor2"] or not b["actor2"])


def distance_km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """Great-circle distance of two records' coordinates (None when either has none)."""
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------- grouping


def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Group mentions into incidents: country by country, day by day (see :func:`cluster_day`)."""
    by_country: dict[str, dict[date, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        by_country[mention.record["country"]][mention.day].append(mention)
    groups: list[list[Mention]] = []
    for country in sorted(by_country):
        days = by_country[country]
        open_groups: list[list[Mention]] = []
        for day in sorted(days):
            if open_groups and day - open_groups[0][0].day > _ONE_DAY:
                groups.extend(open_groups)
                open_groups = []
            closed, open_groups = split_open(cluster_day(days[day], open_groups), day)
            groups.extend(closed)
        groups.extend(open_groups)
    return groups


def cluster_day(mentions: Iterable[Mention], open_groups: list[list[Mention]]) -> list[list[Mention]]:
    """Place one day's mentions, in :attr:`Mention.order`, into the previous day's open groups or new ones.

    ``open_groups`` are the groups whose members are all of the day before, oldest first
    (only they can take a mention of this day: a group never spans more than two days).
    They may already hold some of the day's mentions (the groups after the day's first
    mentions, which :mod:`marsad.store.merge` takes from the stored events); then
    ``mentions`` are the day's remaining ones, and the result is the same as placing all.
    Each mention joins the compatible group it fits best (:func:`_affinity`; ties: the
    oldest), else founds one.  Returns the open groups (extended or not), then the new ones.
    """
    groups = [list(g) for g in open_groups]
    for mention in sorted(mentions, key=lambda m: m.order):
        if not mention.record["admin1"]:  # unlocated: compatible with none, so alone (no scan of the groups)
            groups.append([mention])
            continue
        best: list[Mention] | None = None
        best_score: tuple[int, int] | None = None
        for group in groups:
            if group[0].record["admin1"] and all(compatible(mention, member) for member in group):
                score = _affinity(mention, group)
                if best_score is None or score > best_score:
                    best, best_score = group, score
        if best is None:
            groups.append([mention])
        else:
            best.append(mention)
    return groups


def split_open(groups: list[list[Mention]], day: date) -> tuple[list[list[Mention]], list[list[Mention]]]:
    """(closed, open) after ``day``: open groups have members of ``day`` only and may grow the next day."""
    closed = [g for g in groups if any(m.day != day for m in g)]
    return closed, [g for g in groups if all(m.day == day for m in g)]


def _affinity(mention: Mention, group: list[Mention]) -> tuple[int, int]:
    """How well ``mention`` fits ``group``: members at the very same place, then closeness in days."""
    same = sum(1 for m in group if _named_alike(mention, m))
    days = sum(abs((mention.day - m.day).days) for m in group)
    return (same, -days)


def _named_alike(a: Mention, b: Mention) -> bool:
    if a.place_id and a.place_id == b.place_id:
        return True
    return bool(a.record["location"]) and a.record["location"] == b.record["location"]
