"""Stage: one English ``notes`` sentence per event, written from its coded fields.

The sentence is built only from the fields (date, sub-event type, actors, place, tolls), so
it can never contradict them; the store writes the notes of a merged event again from the
merged fields (:func:`describe_record`).  Every sub-event type has a phrase with a target
and one without; the phrases are past-tense verb phrases that agree with a singular or a
plural actor ("Islamic State attacked …", "Protesters held a peaceful protest …").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.doc import Doc
from marsad.model import Event

#: Sub-event type → verb phrase before the named target (actor2).
_WITH_TARGET = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "set off an explosive device against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Chemical weapon": "used a chemical weapon against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Arrests": "arrested",
    "Disrupted weapons use": "seized or defused weapons of",
    "Looting/property destruction": "looted or destroyed property of",
    "Agreement": "reached an agreement with",
    "Change to group/activity": "announced a change of group or activity concerning",
    "Headquarters or base established": "established a base against",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "took part in a strategic development with",
    "Violent demonstration": "rioted against",
    "Mob violence": "attacked",
    "Excessive force against protesters": "faced excessive force from",
    "Protest with intervention": "held a protest that was dispersed by",
    "Peaceful protest": "held a peaceful protest against",
}
#: Sub-event type → verb phrase when no target is named.
_ONE_SIDED = {
    "Armed clash": "fought an armed clash",
    "Government regains territory": "regained territory",
    "Non-state actor overtakes territory": "took over territory",
    "Air/drone strike": "carried out an air/drone strike",
    "Shelling/artillery/missile attack": "shelled the area",
    "Remote explosive/landmine/IED": "set off an explosive device",
    "Suicide bomb": "carried out a suicide bombing",
    "Grenade": "threw a grenade",
    "Chemical weapon": "used a chemical weapon",
    "Attack": "carried out an attack",
    "Abduction/forced disappearance": "abducted people",
    "Sexual violence": "committed sexual violence",
    "Arrests": "made arrests",
    "Disrupted weapons use": "seized or defused explosives",
    "Looting/property destruction": "looted or destroyed property",
    "Agreement": "reached an agreement",
    "Change to group/activity": "announced a change of group or activity",
    "Headquarters or base established": "established a headquarters or base",
    "Non-violent transfer of territory": "took over territory without fighting",
    "Other": "took part in a strategic development",
    "Violent demonstration": "rioted",
    "Mob violence": "took part in mob violence",
    "Excessive force against protesters": "faced excessive force",
    "Protest with intervention": "held a protest that was dispersed",
    "Peaceful protest": "held a peaceful protest",
}
#: Protest sub-types told from the side of the force when the force is actor1 and the protesters actor2.
_FORCE_FIRST = {
    "Excessive force against protesters": "used excessive force against",
    "Protest with intervention": "dispersed a protest by",
    "Peaceful protest": "faced a peaceful protest by",
}
PROTESTERS = 6


@dataclass(frozen=True, slots=True)
class NoteFields:
    """What a note says: the coded fields of one event."""

    event_date: date | None
    time_precision: int
    sub_event_type: str
    actor1: str
    actor2: str
    inter1: int
    inter2: int
    location: str
    admin1: str
    geo_precision: int
    fatalities: int
    injured: int


def write_notes(doc: Doc) -> None:
    """Set ``notes`` on every event of the document."""
    for event in doc.events:
        event.notes = describe(event)


def describe(event: Event) -> str:
    """One sentence, e.g. "On 2 August 2021, Islamic State clashed with Police Forces of Iraq in
    Al-Rashad (Kirkuk); 2 killed, 2 wounded."
    """
    loc = event.location
    return sentence(NoteFields(
        event_date=event.event_date, time_precision=event.time_precision, sub_event_type=event.sub_event_type,
        actor1=event.actor1.name, actor2=event.actor2.name if event.actor2 is not None else "",
        inter1=event.actor1.inter, inter2=event.actor2.inter if event.actor2 is not None else 0,
        location=loc.name or "", admin1=loc.admin1 or "", geo_precision=loc.geo_precision,
        fatalities=event.fatalities, injured=event.injured))


def describe_record(record: dict[str, Any]) -> str:
    """The sentence of a codebook §7 record (a merged event)."""
    day = record.get("event_date")
    return sentence(NoteFields(
        event_date=date.fromisoformat(day) if day else None, time_precision=int(record.get("time_precision") or 1),
        sub_event_type=record["sub_event_type"], actor1=record.get("actor1") or "",
        actor2=record.get("actor2") or "", inter1=int(record.get("inter1") or 0),
        inter2=int(record.get("inter2") or 0), location=record.get("location") or "",
        admin1=record.get("admin1") or "", geo_precision=int(record.get("geo_precision") or 1),
        fatalities=int(record.get("fatalities") or 0), injured=int(record.get("injured") or 0)))


def sentence(f: NoteFields) -> str:
    """The note of ``f``: when, who did what (to whom), where, and the toll."""
    who = f.actor1 or "An unidentified actor"
    return f"{_when(f)}{who} {_action(f)}{_where(f)}{_toll(f)}."


def _action(f: NoteFields) -> str:
    sub = f.sub_event_type
    if f.actor2:
        if sub in _FORCE_FIRST and f.inter2 == PROTESTERS and f.inter1 != PROTESTERS:
            return f"{_FORCE_FIRST[sub]} {f.actor2}"
        return f"{_WITH_TARGET.get(sub, 'acted against')} {f.actor2}"
    return _ONE_SIDED.get(sub, f"took part in an event of the type {sub.lower()}" if sub else "acted")


def _when(f: NoteFields) -> str:
    if f.event_date is None:
        return "On an unknown date, "
    d = f.event_date
    if f.time_precision == 3:
        return f"In {d.strftime('%B %Y')}, "
    if f.time_precision == 2:
        return f"In the week of {d.day} {d.strftime('%B %Y')}, "
    return f"On {d.day} {d.strftime('%B %Y')}, "


def _where(f: NoteFields) -> str:
    if not f.admin1:
        return " (place unknown)"
    near = "near " if f.geo_precision == 2 else ""
    if f.location and f.location != f.admin1:
        return f" {near or 'in '}{f.location} ({f.admin1})"
    return f" in {f.admin1}"


def _toll(f: NoteFields) -> str:
    parts = []
    if f.fatalities:
        parts.append(f"{f.fatalities} killed")
    if f.injured:
        parts.append(f"{f.injured} wounded")
    return "; " + ", ".join(parts) if parts else ""
