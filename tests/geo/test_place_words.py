"""Ordinary words that some gazetteer entry also bears, and the limits of a list of places.

Every sentence here is invented.  Each rule is checked both ways: the ordinary word is no
place, and the same name is still a place where the text calls it one.
"""

from __future__ import annotations

import pytest

from marsad.geo.resolve import geocode_text
from marsad.text.normalise import fold


def _names(text: str) -> list[str]:
    return [r.toponym.name for r in geocode_text(text)]


def _admin1(text: str, name: str) -> str:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]
    assert found and found[0].location is not None, f"{name!r} not placed in {text!r}"
    return found[0].location.admin1


# --- a dual cue names two places --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "قصفت الطائرات بلدتي نبل والزهراء والمحاصرتين منذ سنوات في ريف حلب",  # a dual adjective after the pair
    "سقطت قذائف على بلدتي نبل والزهراء والمحاصرتين",
    "اشتبك المسلحون مع الجيش قرب بلدتي نبل والزهراء، عقبه قصف عنيف على مواقعهم",  # "followed by it"
])
def test_a_dual_cue_lists_two_places(text: str) -> None:
    names = [fold(n) for n in _names(text)]
    assert fold("نبل") in names and fold("الزهراء") in names
    assert fold("المحاصرتين") not in names and fold("عقبه") not in names


def test_a_plural_cue_lists_more_than_two() -> None:
    assert fold("المحاصرتين") in [fold(n) for n in _names("قصفت الطائرات قرى نبل والزهراء والمحاصرتين في ريف حلب")]


# --- ordinary words that villages or towns also bear ---------------------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("قالت المعارضة إن قوات بشار الأسد قصفت مواقع في درعا", "الأسد"),
    ("يظهر المسؤولون على الإعلام كل يوم في بغداد", "الإعلام"),
    ("وصلتني رسالة تقول إن الدور قادم عليك في تكريت", "الدور"),
    ("انتشرت وحدات من الجيش في الموصل", "وحدات"),
])
def test_an_ordinary_word_is_no_place(text: str, word: str) -> None:
    assert fold(word) not in [fold(n) for n in _names(text)]


def test_the_town_is_a_place_with_its_cue() -> None:
    assert _admin1("قصف على قضاء الدور في صلاح الدين", "الدور") == "Salah al-Din"


# --- a cue noun with the article points back ----------------------------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("انفجرت عبوة في سوق الناحية المزدحم في ديالى", "الناحية"),
    ("تجمع الأهالي في ساحة المخيم في دهوك", "المخيم"),
    ("قصفت المدفعية أطراف الضاحية في ريف دمشق", "الضاحية"),
])
def test_a_definite_cue_noun_is_no_name(text: str, word: str) -> None:
    names = [fold(n) for n in _names(text)]
    assert not any(fold(word) in n for n in names)


# --- a noun with its adjective ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "تداعيات خطيرة في المشهد الأمني في ديالى",
    "تحولات كبيرة في المشهد السياسي العراقي في بغداد",
    "قال إن المشهد الإعلامي في كركوك تغير",
])
def test_a_village_word_with_an_adjective_is_a_noun(text: str) -> None:
    assert fold("المشهد") not in [fold(n) for n in _names(text)]


@pytest.mark.parametrize("text", [
    "هاجم مسلحون قرية المشهد في صلاح الدين",
    "سيطر الجيش على المشهد في قضاء الشرقاط",
])
def test_the_village_with_a_cue_or_a_parent_is_a_place(text: str) -> None:
    assert _admin1(text, "المشهد") == "Salah al-Din"
