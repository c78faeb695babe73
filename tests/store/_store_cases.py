"""Hand-built per-article records modelled on dev-set reports of the same incidents.

Each record follows the dev gold coding of that article (tests/corpus/dev/gold.jsonl), with
the coordinates of the place added (the gold has none).  The merge tests feed them through
``ingest_articles`` with :func:`extractor`, so the store sees exactly what a correct extractor
would give, independent of the extractor's current quality.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from marsad.model import Actor, Article, Event, Evidence, Location
from marsad.taxonomy import EVENT_TYPES

DEV_DIR = Path(__file__).resolve().parents[1] / "corpus" / "dev"

INTER = {
    "Islamic State": 2, "Military Forces of Iraq": 1, "Police Forces of Iraq": 1, "Military Forces of Iran": 8,
    "Military Forces of Russia": 8, "Police Forces of the Kurdistan Region": 1, "Unidentified armed group": 3,
    "Kurdistan Democratic Party of Iran": 2, "Protesters": 6, "Rioters": 5, "Civilians": 7, "Badr Organization": 3,
    "PKK: Kurdistan Workers' Party": 2, "Military Forces of Turkey": 8,
}

#: (latitude, longitude) of the places used.
COORDS = {
    "Hajin": (34.6947, 40.8339), "Koya": (36.0833, 44.6333), "Erbil": (36.1911, 44.0092),
    "Baghdad": (33.3152, 44.3661), "Baghdad - Tahrir Square": (33.3287, 44.4172), "Basra": (30.5085, 47.7804),
    "Nasiriyah": (31.0439, 46.2576), "Nasiriyah - Al-Habboubi Square": (31.0426, 46.2598),
    "Samawa": (31.3099, 45.2803), "Diwaniyah": (31.9929, 44.9251), "Idlib": (35.9306, 36.6339),
}


@dataclass(frozen=True, slots=True)
class Spec:
    """One per-article record, in the gold's terms."""

    day: str
    sub_event_type: str
    actor1: str
    actor2: str
    admin1: str
    admin2: str
    location: str
    precision: int = 1
    fatalities: int = 0
    injured: int = 0
    country: str = "IRQ"
    date_stated: bool = True


def _strike(day: str, sub: str, precision: int, killed: int, wounded: int = 0) -> Spec:
    return Spec(day, sub, "Military Forces of Iran", "Kurdistan Democratic Party of Iran", "Erbil", "Koisnjaq",
                "Koya", precision, killed, wounded)


def _hajin(day: str, precision: int, killed: int) -> Spec:
    return Spec(day, "Air/drone strike", "Military Forces of Iraq", "Islamic State", "Deir ez-Zor", "Abu Kamal",
                "Hajin", precision, killed, country="SYR")


def _erbil(actor1: str, killed: int, wounded: int = 0) -> Spec:
    return Spec("2018-07-23", "Armed clash", actor1, "Police Forces of the Kurdistan Region", "Erbil", "Erbil",
                "Erbil", 1, killed, wounded)


def _protest(day: str, sub: str, admin1: str, admin2: str, location: str, actor2: str = "", killed: int = 0,
             wounded: int = 0, actor1: str = "Protesters", precision: int = 1) -> Spec:
    return Spec(day, sub, actor1, actor2, admin1, admin2, location, precision, killed, wounded)


PEACEFUL, INTERVENTION = "Peaceful protest", "Protest with intervention"
EXCESSIVE, VIOLENT = "Excessive force against protesters", "Violent demonstration"
POLICE = "Police Forces of Iraq"
TAHRIR = "Baghdad - Tahrir Square"

#: article id → its records, as the gold codes them.
CASES: dict[str, list[Spec]] = {
    # Iraqi air strikes on Hajin, 2018-06-23 (France 24, BBC, Sky); BBC also recalls a strike of 24 May.
    "ant2-FR-middleEast-685-20180623": [_hajin("2018-06-23", 2, 45)],
    "ant2-BB-middleEast-659-20180623": [_hajin("2018-06-23", 1, 45), _hajin("2018-05-24", 1, 0)],
    "ant2-SK-middleEast-2555-20180623": [_hajin("2018-06-23", 2, 45)],
    # Iranian strike on the KDPI in Koya, 2018-09-08 (CNN twice, Sky); CNN's second piece adds Idlib.
    "ant2-CN-middleEast-1320-20180908": [_strike("2018-09-08", "Shelling/artillery/missile attack", 1, 12, 50)],
    "ant2-CN-middleEast-1323-20180908": [
        _strike("2018-09-08", "Shelling/artillery/missile attack", 1, 12, 50),
        Spec("2018-09-08", "Air/drone strike", "Military Forces of Russia", "Civilians", "Idlib", "", "Idlib", 3, 4,
             5, country="SYR"),
    ],
    "ant2-SK-middleEast-3568-20180908": [_strike("2018-09-08", "Air/drone strike", 1, 14, 40)],
    # Attack on the Erbil governorate building, 2018-07-23 (BBC: unidentified gunmen; Sky, France 24: IS).
    "ant2-BB-middleEast-771-20180723": [_erbil("Unidentified armed group", 0)],
    "ant2-SK-middleEast-3084-20180723": [_erbil("Islamic State", 4, 1)],
    "ant2-FR-internationalNews-2458-20180723": [_erbil("Islamic State", 1)],
    # The protests of Friday 2018-07-20 and the days after (Sky twice, BBC, France 24, Sky again).
    "ant2-SK-middleEast-3014-20180720": [
        _protest("2018-07-20", PEACEFUL, "Basra", "Basrah", "Basra"),
        _protest("2018-07-20", PEACEFUL, "Dhi Qar", "Al-Nasiriya", "Nasiriyah - Al-Habboubi Square"),
        _protest("2018-07-20", PEACEFUL, "Baghdad", "Al-Rusafa", TAHRIR),
    ],
    "ant2-BB-middleEast-763-20180720": [
        _protest("2018-07-20", PEACEFUL, "Basra", "Basrah", "Basra"),
        _protest("2018-07-20", PEACEFUL, "Dhi Qar", "Al-Nasiriya", "Nasiriyah"),
        _protest("2018-07-20", INTERVENTION, "Baghdad", "Al-Rusafa", TAHRIR, POLICE, wounded=33),
        _protest("2018-07-20", VIOLENT, "Qadisiyah", "Al-Diwaniyah", "Diwaniyah", "Badr Organization", 1, 2,
                 actor1="Rioters"),
        _protest("2018-07-08", EXCESSIVE, "Basra", "", "Basra", POLICE, precision=3),
    ],
    "ant2-SK-middleEast-3016-20180720": [
        _protest("2018-07-20", EXCESSIVE, "Qadisiyah", "Al-Diwaniyah", "Diwaniyah", "Badr Organization", 1, 2),
        _protest("2018-07-20", PEACEFUL, "Basra", "Basrah", "Basra"),
        _protest("2018-07-20", INTERVENTION, "Dhi Qar", "Al-Nasiriya", "Nasiriyah", POLICE),
        _protest("2018-07-20", INTERVENTION, "Baghdad", "Al-Rusafa", TAHRIR, POLICE, wounded=30),
    ],
    "ant2-FR-internationalNews-2449-20180722": [
        _protest("2018-07-20", INTERVENTION, "Baghdad", "", "Baghdad", POLICE),
        _protest("2018-07-21", INTERVENTION, "Baghdad", "", "Baghdad", POLICE),
        _protest("2018-07-22", PEACEFUL, "Dhi Qar", "Al-Nasiriya", "Nasiriyah"),
        _protest("2018-07-22", PEACEFUL, "Muthanna", "Al-Samawa", "Samawa"),
    ],
    "ant2-SK-middleEast-3054-20180722": [
        _protest("2018-07-20", INTERVENTION, "Baghdad", "", "Baghdad", POLICE),
        _protest("2018-07-21", INTERVENTION, "Baghdad", "", "Baghdad", POLICE),
        _protest("2018-07-22", PEACEFUL, "Dhi Qar", "Al-Nasiriya", "Nasiriyah"),
        _protest("2018-07-22", PEACEFUL, "Muthanna", "Al-Samawa", "Samawa"),
    ],
}

_FR_2449, _SK_3054 = "ant2-FR-internationalNews-2449-20180722", "ant2-SK-middleEast-3054-20180722"
_SK_3014, _BB_763, _SK_3016 = ("ant2-SK-middleEast-3014-20180720", "ant2-BB-middleEast-763-20180720",
                               "ant2-SK-middleEast-3016-20180720")

#: The incidents several articles report: name → (event date, location, the articles).
MULTI_SOURCE = {
    "Hajin air strikes": ("2018-06-23", "Hajin", {"ant2-FR-middleEast-685-20180623",
                                                  "ant2-BB-middleEast-659-20180623",
                                                  "ant2-SK-middleEast-2555-20180623"}),
    "Koya strike": ("2018-09-08", "Koya", {"ant2-CN-middleEast-1320-20180908", "ant2-CN-middleEast-1323-20180908",
                                           "ant2-SK-middleEast-3568-20180908"}),
    "Erbil governorate attack": ("2018-07-23", "Erbil", {"ant2-BB-middleEast-771-20180723",
                                                         "ant2-SK-middleEast-3084-20180723",
                                                         "ant2-FR-internationalNews-2458-20180723"}),
    "Baghdad protest 20 July": ("2018-07-20", TAHRIR, {_SK_3014, _BB_763, _SK_3016, _FR_2449, _SK_3054}),
    "Baghdad protest 21 July": ("2018-07-21", "Baghdad", {_FR_2449, _SK_3054}),
    "Basra protest 20 July": ("2018-07-20", "Basra", {_SK_3014, _BB_763, _SK_3016}),
    "Nasiriyah protest 20 July": ("2018-07-20", "Nasiriyah - Al-Habboubi Square", {_SK_3014, _BB_763, _SK_3016}),
    "Diwaniyah protest 20 July": ("2018-07-20", "Diwaniyah", {_BB_763, _SK_3016}),
    "Nasiriyah protest 22 July": ("2018-07-22", "Nasiriyah", {_FR_2449, _SK_3054}),
    "Samawa protest 22 July": ("2018-07-22", "Samawa", {_FR_2449, _SK_3054}),
}


def build_event(article: Article, spec: Spec) -> Event:
    """The :class:`Event` a correct extractor would give for ``spec`` in ``article``."""
    lat, lon = COORDS[spec.location]
    mark = [Evidence(0, 1, article.text[:1])]
    evidence = {"trigger": mark, "actor1": mark, "location": mark}
    if spec.actor2:
        evidence["actor2"] = mark
    if spec.date_stated:
        evidence["date"] = mark
    if spec.fatalities:
        evidence["fatalities"] = mark
    if spec.injured:
        evidence["injured"] = mark
    location = Location(country=spec.country, admin1=spec.admin1, admin2=spec.admin2, name=spec.location,
                        name_ar=spec.location, latitude=lat, longitude=lon, geo_precision=spec.precision)
    return Event(
        article_id=article.id, event_date=date.fromisoformat(spec.day), time_precision=1,
        event_type=EVENT_TYPES[spec.sub_event_type], sub_event_type=spec.sub_event_type,
        actor1=Actor(spec.actor1, INTER[spec.actor1]),
        actor2=Actor(spec.actor2, INTER[spec.actor2]) if spec.actor2 else None,
        location=location, fatalities=spec.fatalities, injured=spec.injured, evidence=evidence,
        notes=f"{spec.sub_event_type} in {spec.location}.",
    )


def extractor(cases: dict[str, list[Spec]] | None = None) -> Callable[[Article], list[Event]]:
    """An extractor returning the hand-built records of ``cases`` (none for other articles)."""
    table = CASES if cases is None else cases

    def extract(article: Article) -> list[Event]:
        return [build_event(article, spec) for spec in table.get(article.id, [])]

    return extract


def with_toll(spec: Spec, fatalities: int) -> Spec:
    return replace(spec, fatalities=fatalities)


def run_cli(args: list[str]) -> int:
    """Run ``marsad ARGS`` in-process; its exit code."""
    from marsad.cli import main

    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
