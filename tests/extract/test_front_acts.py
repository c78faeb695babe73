"""Consolidation: a front report tells its incidents clause by clause, each by the arm that carried it out
(aircraft, artillery, fighters) at its own place.  A clause with its own place and its own kind of front act is
another incident than one told by another kind of front act at another place, even when one place is told only
as "near" or "around" it (codebook §1-2); so is the same kind of front act near the next village ("near X" is
coded at X, §4); a blast told twice with two names for its bomb still joins.  Two places a dual counts
("بلدتي X وY") are two scenes however close."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _incidents(text: str) -> list[tuple[str, str]]:
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    return sorted((e.location.name, e.sub_event_type) for e in extract_events(article))


_AIR, _SHELLING = "Air/drone strike", "Shelling/artillery/missile attack"


@pytest.mark.parametrize(("text", "incidents"), [
    # helicopters' barrels on a town, then "كذلك" the opposition's mortars around a village: the vague place
    # reached the town
    ("ألقت مروحيات النظام براميل متفجرة على مدينة تلبيسة. كذلك استهدفت فصائل المعارضة بقذائف الهاون مواقع "
     "لقوات النظام في محيط قرية الغاصبية.", [("Ghasbiyeh", _SHELLING), ("Talbiseh", _AIR)]),
    # one sentence: shelling near the town told first, the air strikes on the village after "بينما"
    ("قصفت قوات النظام بالمدفعية قرى قرب مدينة تلبيسة، بينما نفذت الطائرات الروسية غارتين على قرية الغاصبية.",
     [("Ghasbiyeh", _AIR), ("Talbiseh", _SHELLING)]),
    # the outskirts of a village shelled, then a warplane (singular, feminine) strikes a house in the town
    ("استهدفت المدفعية التركية أطراف قرية الغاصبية. وقصفت طائرة حربية منزلا في مدينة تلبيسة.",
     [("Ghasbiyeh", _SHELLING), ("Talbiseh", _AIR)]),
    # the passive voice, the vague place first
    ("تعرضت مواقع قرب قرية الغاصبية لقصف مدفعي من قوات النظام. وشن الطيران الحربي الروسي غارتين على مدينة "
     "تلبيسة.", [("Ghasbiyeh", _SHELLING), ("Talbiseh", _AIR)]),
])
def test_another_kind_of_front_act_at_another_place_is_another_incident(
        text: str, incidents: list[tuple[str, str]]) -> None:
    assert _incidents(text) == incidents


@pytest.mark.parametrize(("text", "incidents"), [
    # the same kind of front act near the next village: "near" reaches the village's surroundings, not the town
    # told before it (codebook §1 and §4: "near X" is coded at X, and two towns are two events)
    ("قصفت الطائرات الحربية مدينة تلبيسة. وشنت طائرات أخرى غارات قرب قرية الغاصبية.",
     [("Ghasbiyeh", _AIR), ("Talbiseh", _AIR)]),
    ("قصفت قوات النظام بالمدفعية مدينة تلبيسة. كما سقطت قذائف قرب قرية الغاصبية.",
     [("Ghasbiyeh", _SHELLING), ("Talbiseh", _SHELLING)]),
])
def test_the_same_kind_of_front_act_near_the_next_village_is_another_incident(
        text: str, incidents: list[tuple[str, str]]) -> None:
    assert _incidents(text) == incidents


@pytest.mark.parametrize(("text", "incidents"), [
    # a bomb and a grenade are no front acts: one blast told with two names for its bomb
    ("انفجرت عبوة ناسفة في مدينة تلبيسة. وقال مصدر إن قنبلة يدوية ألقيت قرب قرية الغاصبية.",
     [("Talbiseh", "Remote explosive/landmine/IED")]),
])
def test_a_blast_told_again_near_the_next_village_still_joins(text: str, incidents: list[tuple[str, str]]) -> None:
    assert _incidents(text) == incidents


@pytest.mark.parametrize(("text", "incidents"), [
    # "near" two villages a dual counts: two incidents, though their points lie a few km apart
    ("شن الطيران الحربي غارات قرب قريتي تلبيسة والغنطو بريف حمص.", [("Ghanto", _AIR), ("Talbiseh", _AIR)]),
    # the passive "fell", the pair in the other order, no toll
    ("سقطت قذائف صاروخية قرب بلدتي الغنطو وتلبيسة في ريف حمص الشمالي، دون أنباء عن إصابات.",
     [("Ghanto", _SHELLING), ("Talbiseh", _SHELLING)]),
    # fighting on the outskirts of two towns, the masculine plural subject after the verb
    ("دارت اشتباكات عنيفة بين قوات النظام والفصائل على أطراف مدينتي الرستن وتلبيسة.",
     [("Al-Rastan", "Armed clash"), ("Talbiseh", "Armed clash")]),
    ("استهدف مسلحون بقذائف الهاون محيط مدينتي تلبيسة والرستن.",
     [("Al-Rastan", _SHELLING), ("Talbiseh", _SHELLING)]),
])
def test_a_dual_counts_two_places_however_close(text: str, incidents: list[tuple[str, str]]) -> None:
    """Codebook §1, two towns are two events: a dual noun ("بلدتي"، "قريتي"، "مدينتي") says the text counts
    two settlements, so "near" them reaches neither's neighbour (adjacent places listed vaguely with no
    such count may be one front)."""
    assert _incidents(text) == incidents


def test_adjacent_places_listed_vaguely_with_no_count_may_be_one_front() -> None:
    assert len(_incidents("قصفت قوات النظام بالمدفعية محيط الغنطو وتلبيسة.")) == 1
