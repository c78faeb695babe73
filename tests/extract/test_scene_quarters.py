"""Consolidation: a quarter or site inside the settlement told with it is a closer look at the same
scene, whichever is told first (codebook §4: the most specific named place)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


@pytest.mark.parametrize(("text", "place"), [
    ("قتل شخصان بانفجار عبوة ناسفة في كركوك أمس. ووقع الانفجار في حي عرفة شمالي المدينة.", "Kirkuk - Hay Arafah"),
    ("أصيبت امرأتان بجروح في هجوم مسلح في مدينة كركوك. وقالت الشرطة إن مسلحين هاجموا منزلهما في حي الماس.",
     "Kirkuk - Hay Al Mas"),
    ("قتلت قوات الأمن مسلحين اثنين في اشتباك في حي عرفة. واندلع الاشتباك في كركوك ظهر اليوم.",
     "Kirkuk - Hay Arafah"),
])
def test_the_quarter_inside_the_city_is_the_scene(text: str, place: str) -> None:
    events = extract_events(Article(id="t", text=text, published=date(2021, 8, 3)))
    assert [(e.location.name, e.location.admin1) for e in events] == [(place, "Kirkuk")]


@pytest.mark.parametrize(("text", "places"), [
    # "near X" (X a town or village) is X's surroundings, not the whole governorate: two scenes
    ("قصفت طائرات النظام الحربية مدينة اعزاز اليوم. كما تعرضت مناطق قرب بلدة منبج لقصف مدفعي.", ["Azaz", "Manbij"]),
    ("قصفت قوات النظام بالمدفعية قرية الغنطو اليوم. وتعرض محيط بلدة القصير لقصف بالبراميل المتفجرة.",
     ["Ghanto", "Al-Qusayr"]),
    # ... and so is the surroundings of the next village ("near X" is coded at X: two villages, two events),
    # but "near" a city reaches its wider surroundings
    ("سقطت قذائف هاون على قرية كفرنبل صباح اليوم. وتعرضت مناطق في محيط قرية كفرومة لقصف مماثل.",
     ["Kafranbel", "Karfuma"]),
    ("قصف الطيران الإيراني مقرا لحزب كردي معارض في مدينة كوي سنجق اليوم. وأصيب عشرة أشخاص في القصف الذي "
     "استهدف منطقة قرب مدينة أربيل.", ["Koysinjaq"]),
])
def test_a_place_told_vaguely_is_near_that_place(text: str, places: list[str]) -> None:
    events = extract_events(Article(id="t", text=text, published=date(2021, 8, 3)))
    assert [e.location.name for e in events] == places
