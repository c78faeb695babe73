"""The merge rules on their own: when two records report one incident, how groups form, ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from marsad.store.events import assign_ids
from marsad.store.rules import Mention, cluster, compatible, event_id_for

BASE: dict[str, Any] = {
    "event_date": "2018-07-20", "event_type": "Explosions/Remote violence",
    "sub_event_type": "Remote explosive/landmine/IED", "actor1": "Unidentified armed group", "actor2": "Civilians",
    "inter1": 3, "inter2": 7, "country": "IRQ", "admin1": "Baghdad", "admin2": "Al-Rusafa",
    "location": "Baghdad - Sadr City", "latitude": 33.39, "longitude": 44.46, "geo_precision": 1,
}


def mention(pk: int, article: int | None = None, **changes: Any) -> Mention:
    article = pk if article is None else article
    return Mention(pk=pk, article_pk=article, article_key=f"https://news.example/{article}", article_id=f"a{article}",
                   outlet=f"Outlet {article}", published=date(2018, 7, 21), ordinal=0, place_id="",
                   record={**BASE, **changes})


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, True),
    ({"event_date": "2018-07-21"}, True),
    ({"event_date": "2018-07-22"}, False),  # two days apart
    ({"country": "SYR"}, False),
    ({"location": "Kadhimiya", "latitude": 33.38, "longitude": 44.34}, False),  # 11.2 km, both precise
    ({"location": "Baghdad - Rusafa", "latitude": 33.34, "longitude": 44.40}, True),  # 7.9 km
    ({"location": "Taji", "latitude": 33.52, "longitude": 44.27}, False),  # 23 km, both precise
    ({"location": "Taji", "latitude": None, "longitude": None, "geo_precision": 2, "admin2": "Al-Rusafa"}, True),
    ({"location": "Taji", "latitude": None, "longitude": None, "geo_precision": 2, "admin2": "Taji"}, False),
    ({"location": "Baghdad", "latitude": None, "longitude": None, "geo_precision": 3, "admin2": ""}, True),
    ({"admin1": "Diyala", "location": "Baqubah", "latitude": 33.75, "longitude": 44.64, "geo_precision": 3}, False),
    ({"event_type": "Battles", "sub_event_type": "Armed clash"}, True),  # both political violence
    ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, False),
    ({"actor1": "Islamic State", "inter1": 2}, True),  # the other is unidentified
    ({"actor2": ""}, True),
    ({"actor2": "Police Forces of Iraq", "inter2": 1}, False),
])
def test_compatible(changes: dict[str, Any], expected: bool) -> None:
    a = mention(1)
    b = mention(2, **changes)
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_named_actors_must_agree() -> None:
    islamic_state = mention(1, actor1="Islamic State", inter1=2)
    pkk = mention(2, actor1="PKK: Kurdistan Workers' Party", inter1=2)
    assert not compatible(islamic_state, pkk)
    protest = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "actor2": "", "inter2": 0}
    riot = {"event_type": "Riots", "sub_event_type": "Violent demonstration", "actor2": "", "inter2": 0}
    assert compatible(mention(3, **protest, actor1="Protesters", inter1=6), mention(4, **riot, actor1="Rioters",
                                                                                       inter1=5))


def test_one_article_never_reports_one_incident_twice() -> None:
    assert not compatible(mention(1, article=7), mention(2, article=7))
    assert len(cluster([mention(1, article=7), mention(2, article=7)])) == 2


def test_groups_do_not_chain_across_days() -> None:
    days = [mention(1, event_date="2018-07-19"), mention(2, event_date="2018-07-20"),
            mention(3, event_date="2018-07-21")]
    assert compatible(days[0], days[1]) and compatible(days[1], days[2])
    groups = cluster(days)
    assert sorted(sorted(m.pk for m in g) for g in groups) == [[1, 2], [3]]  # but 19 and 21 are not one event
    assert cluster(list(reversed(days))) == groups  # order of input does not matter


def test_a_mention_joins_the_closest_group() -> None:
    # Two incidents in Baghdad the same day; the third report names the same place as the second.
    sadr = mention(1)
    rusafa = mention(2, location="Baghdad - Rusafa", latitude=33.34, longitude=44.40)
    third = mention(3, location="Baghdad - Rusafa", latitude=33.34, longitude=44.40)
    one_article = [replace(sadr, pk=4, article_pk=1), replace(rusafa, pk=5, article_pk=1)]
    groups = cluster([sadr, rusafa, third])
    assert [sorted(m.pk for m in g) for g in groups] == [[1, 2, 3]]  # all within 10 km: one incident
    groups = cluster([*one_article, third])  # article 1 reports both places: two incidents
    assert sorted(sorted(m.pk for m in g) for g in groups) == [[3, 5], [4]]


def test_event_ids_derive_from_the_founder_and_survive_regrouping() -> None:
    a, b = mention(1), mention(2)
    assert event_id_for("IRQ", a.key) == event_id_for("IRQ", "https://news.example/1#0")
    assert len(event_id_for("IRQ", a.key)) == 13 and event_id_for("IRQ", a.key)[3:].isalnum()
    fresh = assign_ids([[a, b]], founders={})
    (event_id,) = fresh
    assert fresh[event_id][0] == a.key  # the earliest report founds the event
    kept = assign_ids([[a, b]], founders={b.key: "IRQKEPT"})
    assert list(kept) == ["IRQKEPT"]  # a former founder keeps its id, even if not the earliest member
    merged = assign_ids([[a, b]], founders={a.key: "IRQFIRST", b.key: "IRQSECOND"})
    assert list(merged) == ["IRQFIRST"]
    collision = assign_ids([[a]], founders={}, taken={event_id_for("IRQ", a.key)})
    assert list(collision) != [event_id_for("IRQ", a.key)]
