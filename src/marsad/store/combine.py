"""The merged record of one incident from its per-article mentions.

* ``event_date``: the earliest date among the well-supported reports (those whose date the
  text states, at the best time precision among them); when no report states a date, the
  most common date (ties: the earliest).
* place: the most specific report (lowest geo_precision, then a named neighbourhood, then
  a district, then coordinates, then the earliest report).
* type: the highest-priority sub-event type (codebook §2 order); actors from that report,
  except that a named actor1 replaces "Unidentified armed group" and an empty actor2 takes
  the first one another report names.
* fatalities/injured: ACLED's conservative rule, the lowest credible figure: the smallest
  stated (evidenced, non-zero) figure across reports, 0 when none states one.  Each
  report's own figures stay in ``tolls``.
* consistency: the sub-event type is checked against the merged actors and tolls (a peaceful
  protest has no casualties and no armed actor: with deaths it is "Excessive force against
  protesters", otherwise with injuries or an armed actor "Protest with intervention"; a
  protest with intervention with deaths is excessive force), and event type, disorder type,
  interaction and civilian targeting follow the final sub-event type and actors.
* ``notes``: written again from the final fields (:func:`marsad.extract.notes.describe_record`),
  so the toll, place, type and actors they name are the record's own.
* ``source``: the outlets, ACLED style ``"Outlet1; Outlet2"`` (also as the list ``sources``),
  ``article_ids`` and ``evidence`` per article, all in report order.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from marsad.extract.notes import describe_record
from marsad.model import disorder_type, interaction
from marsad.store.rules import UNIDENTIFIED, Mention
from marsad.taxonomy import EVENT_TYPES, PRIORITY

_PLACE_FIELDS = ("country", "admin1", "admin2", "admin3", "location", "location_ar", "latitude", "longitude",
                 "geo_precision", "disputed")
#: inter codes of actors that are not armed groups (rioters, protesters, civilians).
_NOT_ARMED = (5, 6, 7)
#: inter codes of armed actors (state forces, rebels, militias, external forces): a force that intervenes.
ARMED = (1, 2, 3, 4, 8)
_PRIORITY_RANK = {name: rank for rank, name in enumerate(PRIORITY)}


def merged_record(event_id: str, members: list[Mention]) -> dict[str, Any]:
    """The codebook §7 record of the incident the ``members`` report (see the module docstring)."""
    members = sorted(members, key=lambda m: m.report_order)
    records = [m.record for m in members]
    event_date, precision = _date(records)
    typed = _highest_priority(records)
    place = _most_specific(records)
    actor1, inter1 = _actor1(typed, records)
    actor2, inter2 = _actor2(typed, records)
    fatalities = _lowest_credible(records, "fatalities")
    injured = _lowest_credible(records, "injured")
    sub_event_type = consistent_sub_type(typed["sub_event_type"], inter1, inter2, fatalities, injured)
    event_type = EVENT_TYPES.get(sub_event_type, typed["event_type"])
    sources = _unique(m.outlet or m.article_id for m in members)
    record: dict[str, Any] = {
        "event_id": event_id,
        "article_ids": [m.article_id for m in members],
        "event_date": event_date.isoformat(),
        "time_precision": precision,
        "disorder_type": disorder_type(event_type, sub_event_type),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "inter1": inter1,
        "actor2": actor2,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2 or None),
        "civilian_targeting": inter2 == 7 and event_type != "Strategic developments",
        **{name: place[name] for name in _PLACE_FIELDS},
        "fatalities": fatalities,
        "injured": injured,
        "evidence": {m.article_id: m.record.get("evidence", {}) for m in members},
        "notes": "",
        "source": "; ".join(sources),
        "sources": sources,
        "tolls": [{"article_id": m.article_id, "outlet": m.outlet, "fatalities": m.record["fatalities"],
                   "injured": m.record["injured"]} for m in members],
    }
    if not place["admin1"]:  # an unlocated report, alone in its event (it is compatible with none)
        record["unlocated"] = True
    record["notes"] = describe_record(record)
    return record


def consistent_sub_type(sub_event_type: str, inter1: int, inter2: int, fatalities: int, injured: int) -> str:
    """``sub_event_type`` made to agree with the actors and tolls of the merged event.

    A peaceful protest is one no force meets and no one is hurt in: with deaths it is
    "Excessive force against protesters"; with injuries or an armed actor on either side it
    is "Protest with intervention".  A protest with intervention in which people die is
    excessive force.  Other types are returned as they are.
    """
    armed = inter1 in ARMED or inter2 in ARMED
    if sub_event_type == "Peaceful protest" and (fatalities or injured or armed):
        return "Excessive force against protesters" if fatalities else "Protest with intervention"
    if sub_event_type == "Protest with intervention" and fatalities:
        return "Excessive force against protesters"
    return sub_event_type


def _date(records: list[dict[str, Any]]) -> tuple[date, int]:
    stated = [r for r in records if r.get("evidence", {}).get("date")]
    if stated:
        best = min(r["time_precision"] for r in stated)
        return min(date.fromisoformat(r["event_date"]) for r in stated if r["time_precision"] == best), best
    counts = Counter(r["event_date"] for r in records)
    top = max(counts.values())
    chosen = min(d for d, n in counts.items() if n == top)
    return date.fromisoformat(chosen), min(r["time_precision"] for r in records if r["event_date"] == chosen)


def _highest_priority(records: list[dict[str, Any]]) -> dict[str, Any]:
    return min(records, key=lambda r: _PRIORITY_RANK.get(r["sub_event_type"], len(PRIORITY)))


def _most_specific(records: list[dict[str, Any]]) -> dict[str, Any]:
    def specificity(indexed: tuple[int, dict[str, Any]]) -> tuple[int, bool, bool, bool, int]:
        i, r = indexed
        return (r["geo_precision"], " - " not in r["location"], not r["admin2"], r["latitude"] is None, i)

    return min(enumerate(records), key=specificity)[1]


def _actor1(typed: dict[str, Any], records: list[dict[str, Any]]) -> tuple[str, int]:
    """The typed report's actor1, unless it is unidentified and another report names an armed actor."""
    if typed["actor1"] == UNIDENTIFIED:
        for r in records:
            if r["actor1"] != UNIDENTIFIED and r["inter1"] not in _NOT_ARMED:
                return r["actor1"], r["inter1"]
    return typed["actor1"], typed["inter1"]


def _actor2(typed: dict[str, Any], records: list[dict[str, Any]]) -> tuple[str, int]:
    if typed["actor2"]:
        return typed["actor2"], typed["inter2"]
    for r in records:
        if r["actor2"]:
            return r["actor2"], r["inter2"]
    return "", 0


def _lowest_credible(records: list[dict[str, Any]], name: str) -> int:
    figures = [r[name] for r in records if r[name] > 0 and r.get("evidence", {}).get(name)]
    return min(figures) if figures else 0


def _unique(values: Any) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)
