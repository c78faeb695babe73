"""When two per-article records report the same incident, and how reports are grouped.

Pure functions over :class:`Mention` (no database): :mod:`marsad.store.merge` loads the
mentions, calls :func:`cluster` and writes the groups back.

Two mentions are **compatible** when they come from different articles and

* their dates are at most one day apart;
* they are at the same place: same country and either the same place id, the same
  location name (in the same admin1), at most 10 km apart, the same admin2 when either is
  geo-precision ≥ 2, or the same admin1 when either is geo-precision 3;
* their types fit: the same event type, or both political violence (Battles,
  Explosions/Remote violence, Violence against civilians), or both demonstrations
  (Protests, Riots);
* their actors fit: actor1 equal, or one is "Unidentified armed group", or one says
  Protesters and the other Rioters (one crowd, coded by how the outlet saw it); and actor2
  equal or empty in either.

A merged event is a group of pairwise compatible mentions (complete linkage: no chains of
"A like B like C" where A and C differ), at most one per article.  :func:`cluster` builds
the groups greedily in a fixed order (event date, then report order), each mention joining
the most similar group it fits, else founding a new one.  Groups never span two connected
components of the compatibility graph, so a component's grouping depends on its members
only: incremental merging and a rebuild give the same groups whatever the ingest order.
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
MAX_DAYS_APART = 1
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

    @property
    def day(self) -> date:
        return date.fromisoformat(self.record["event_date"])

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
    """Whether ``a`` and ``b`` can report one incident (see the module docstring)."""
    return (
        a.article_pk != b.article_pk
        and abs((a.day - b.day).days) <= MAX_DAYS_APART
        and same_place(a, b)
        and compatible_types(a.record["event_type"], b.record["event_type"])
        and compatible_actors(a.record, b.record)
    )


def same_place(a: Mention, b: Mention) -> bool:
    """Same place by id, by name, by distance, or by shared district/governorate at low precision."""
    ra, rb = a.record, b.record
    if ra["country"] != rb["country"]:
        return False
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
    """Group mentions into incidents (complete linkage, greedy in :attr:`Mention.order`)."""
    groups: list[list[Mention]] = []
    by_day: dict[date, list[int]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.order):
        best = _best_group(mention, groups, by_day)
        if best is None:
            best = len(groups)
            groups.append([])
        if not any(m.day == mention.day for m in groups[best]):
            by_day[mention.day].append(best)
        groups[best].append(mention)
    return groups


def _best_group(mention: Mention, groups: list[list[Mention]], by_day: dict[date, list[int]]) -> int | None:
    candidates = sorted({i for d in (mention.day - _ONE_DAY, mention.day, mention.day + _ONE_DAY) for i in by_day[d]})
    best: int | None = None
    best_score: tuple[int, int] | None = None
    for index in candidates:
        group = groups[index]
        if not all(compatible(mention, member) for member in group):
            continue
        score = _affinity(mention, group)
        if best_score is None or score > best_score:
            best, best_score = index, score
    return best


def _affinity(mention: Mention, group: list[Mention]) -> tuple[int, int]:
    """How well ``mention`` fits ``group``: members at the very same place, then closeness in days."""
    same = sum(1 for m in group if _named_alike(mention, m))
    days = sum(abs((mention.day - m.day).days) for m in group)
    return (same, -days)


def _named_alike(a: Mention, b: Mention) -> bool:
    if a.place_id and a.place_id == b.place_id:
        return True
    return bool(a.record["location"]) and a.record["location"] == b.record["location"]


def components(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Connected components of the compatibility graph (what one grouping decision can affect)."""
    items = sorted(mentions, key=lambda m: m.order)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(items):
        if compatible(items[i], items[j]):
            parent[find(i)] = find(j)
    result: dict[int, list[Mention]] = defaultdict(list)
    for i, item in enumerate(items):
        result[find(i)].append(item)
    return list(result.values())


def _candidate_pairs(items: list[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs in the same country at most a day apart (the only ones that can be compatible)."""
    by_bucket: dict[tuple[str, date], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_bucket[(item.record["country"], item.day)].append(i)
    for (country, day), members in by_bucket.items():
        for x, i in enumerate(members):
            yield from ((i, j) for j in members[x + 1:])
            yield from ((i, j) for j in by_bucket.get((country, day + _ONE_DAY), ()))
