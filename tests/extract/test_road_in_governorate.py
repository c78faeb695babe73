"""A clause whose only scene is a governorate and that names one road leading to a place in it took place on
that road, near that place (codebook §4: the most specific place the text gives)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _places(text: str) -> list[str]:
    article = Article.from_parts("t", "", text, date(2021, 8, 8))
    return sorted(e.location.name for e in extract_events(article))


@pytest.mark.parametrize(("text", "places"), [
    # a "where" clause after the governorate, a plural crowd blocking the road to a port
    ("وتجددت التظاهرات في بعض مناطق محافظة البصرة، حيث قطع عدد من المحتجين الطريق المؤدي إلى ميناء أم قصر.",
     ["Um Qasr"]),
    # the verb first, a masculine plural subject, the governorate after the road
    ("قطع محتجون غاضبون الطريق المؤدي إلى ميناء أم قصر في محافظة البصرة.", ["Um Qasr"]),
    # a feminine subject, a verbal noun
    ("شهدت محافظة البصرة إغلاق متظاهرات الطريق المؤدي إلى ميناء أم قصر احتجاجا على البطالة.", ["Um Qasr"]),
])
def test_the_road_is_the_scene(text: str, places: list[str]) -> None:
    assert _places(text) == places
