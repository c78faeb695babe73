"""Stage: one English ``notes`` sentence per event, written from its coded fields."""

from __future__ import annotations

from marsad.doc import Doc
from marsad.model import Event

_VERBS = {
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
    "Looting/property destruction": "destroyed property of",
    "Agreement": "reached an agreement with",
    "Violent demonstration": "rioted against",
    "Mob violence": "attacked",
    "Excessive force against protesters": "were met with excessive force by",
    "Protest with intervention": "protested and were dispersed by",
    "Peaceful protest": "demonstrated",
}
_ONE_SIDED = {
    "Air/drone strike": "carried out an air/drone strike",
    "Shelling/artillery/missile attack": "shelled the area",
    "Remote explosive/landmine/IED": "set off an explosive device",
    "Suicide bomb": "carried out a suicide bombing",
    "Grenade": "threw a grenade",
    "Violent demonstration": "rioted",
    "Peaceful protest": "demonstrated peacefully",
    "Disrupted weapons use": "seized or defused explosives",
    "Looting/property destruction": "destroyed property",
    "Arrests": "made arrests",
}


def write_notes(doc: Doc) -> None:
    """Set ``notes`` on every event of the document."""
    for event in doc.events:
        event.notes = describe(event)


def describe(event: Event) -> str:
    """One sentence, e.g. "On 2 August 2021, Islamic State clashed with Police Forces of Iraq in
    Al-Rashad (Kirkuk); 2 killed, 2 wounded."
    """
    when = _when(event)
    who = event.actor1.name
    if event.actor2 is not None:
        action = f"{_VERBS.get(event.sub_event_type, 'acted against')} {event.actor2.name}"
    else:
        action = _ONE_SIDED.get(event.sub_event_type, event.sub_event_type.lower())
    where = _where(event)
    toll = _toll(event)
    return f"{when}{who} {action}{where}{toll}."


def _when(event: Event) -> str:
    if event.event_date is None:
        return "On an unknown date, "
    d = event.event_date
    if event.time_precision == 3:
        return f"In {d.strftime('%B %Y')}, "
    if event.time_precision == 2:
        return f"In the week of {d.day} {d.strftime('%B %Y')}, "
    return f"On {d.day} {d.strftime('%B %Y')}, "


def _where(event: Event) -> str:
    loc = event.location
    if not loc.admin1:
        return " (place unknown)"
    near = "near " if loc.geo_precision == 2 else ""
    if loc.name and loc.name != loc.admin1:
        return f" {near or 'in '}{loc.name} ({loc.admin1})"
    return f" in {loc.admin1}"


def _toll(event: Event) -> str:
    parts = []
    if event.fatalities:
        parts.append(f"{event.fatalities} killed")
    if event.injured:
        parts.append(f"{event.injured} wounded")
    return "; " + ", ".join(parts) if parts else ""
