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
