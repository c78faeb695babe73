"""Lists of scenes that "X and other cities, among them Y and Z" names (toponyms._list_after with
place_cues.toml ``list_others``; mentions._joins_the_cue), and the end of a list of places at a comma after
the item joined with و (toponyms._list_after).

Every sentence is invented for these tests; each rule is tried on at least three sentences that vary
person, gender, number, voice and word order.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUB = date(2021, 8, 18)


def _admin1(text: str) -> list[str]:
    return sorted(e.location.admin1 for e in extract_events(Article("t", text, published=PUB)))


@pytest.mark.parametrize(("text", "expected"), [
    ("تظاهر أمس الآلاف في بغداد ومدن أخرى، منها البصرة والنجف، احتجاجا على انقطاع الكهرباء.",
     ["Baghdad", "Basra", "Najaf"]),
    ("خرجت تظاهرات غاضبة اليوم في الناصرية ومدن أخرى منها العمارة والكوت احتجاجا على انقطاع الكهرباء.",
     ["Dhi Qar", "Maysan", "Wasit"]),
    ("واعتصم المحتجون في كربلاء ومدن أخرى، منها الحلة والديوانية، للمطالبة بفرص عمل.",
     ["Babil", "Karbala", "Qadisiyah"]),
])
def test_other_cities_among_them_are_scenes(text: str, expected: list[str]) -> None:
    """"في X ومدن أخرى، منها Y وZ": "other" sets X among the cities; the list after the opener names the
    other scenes under the same preposition, one event each (codebook §1)."""
    assert _admin1(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("تظاهر أمس الآلاف في بغداد ومدن أخرى، منها البصرة والنجف، مطالبين بتحسين الخدمات.",
     ["Baghdad", "Basra", "Najaf"]),
    ("احتج المئات في مدن الرمادي والفلوجة، مرددين شعارات ضد الفساد.", ["Anbar", "Anbar"]),
    ("أغلقت متظاهرات طرقا في مدن الكوت والعمارة، مطالبات بالإفراج عن أبنائهن.", ["Maysan", "Wasit"]),
])
def test_a_comma_after_the_item_joined_with_wa_ends_the_list(text: str, expected: list[str]) -> None:
    """و joins a list's last item: a word after a comma that follows it goes on with the sentence ("والنجف،
    مطالبين"), it is no further place the gazetteer lacks."""
    assert _admin1(text) == expected
