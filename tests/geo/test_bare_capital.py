""""The capital" with no name after it is the capital of the country the report is about (Baghdad or
Damascus, chosen by the report's other places), a place of its own and a reference point ("شمالي
العاصمة"); followed by a name, another country's adjective or another kind of capital ("العاصمة
السابقة"), or after a name in apposition, it is none.  And a place said to lie in a direction of a
reference point is not a namesake on the opposite side of it.  Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.geo.resolve import geocode_text
from marsad.model import Article
from marsad.pipeline import extract_events
from marsad.text.normalise import fold


def _admin1(text: str) -> list[str]:
    article = Article.from_parts("t", "", text, date(2021, 8, 8))
    return sorted(e.location.admin1 for e in extract_events(article))


@pytest.mark.parametrize(("text", "admin1"), [
    # the capital as the scene, a clause opening with it, passive toll (an Iraqi report: a country word)
    ("قالت الشرطة العراقية إنه في العاصمة، انفجرت عبوة ناسفة قرب محل تجاري في منطقة البياع، ما أدى إلى إصابة"
     " شخصين.", ["Baghdad"]),
    # the capital as a reference point after a direction word, a dual toll, active voice
    ("قتل مسلحون مجهولون شخصين في منطقة الحسينية شمالي العاصمة، بحسب مصدر في الشرطة العراقية.", ["Baghdad"]),
    # with the article's Syrian places, the capital is Damascus; a preposition joined to it
    ("قصفت قوات النظام بلدة دوما في الغوطة الشرقية. كما سقطت قذائف هاون بالعاصمة وأصيب ثلاثة مدنيين.",
     ["Damascus", "Rural Damascus"]),
    # a nisba adjective names the country
    ("سقطت قذائف هاون على حي في العاصمة السورية، ما أسفر عن مقتل طفل.", ["Damascus"]),
])
def test_the_capital_is_the_reports_capital(text: str, admin1: list[str]) -> None:
    assert _admin1(text) == admin1


@pytest.mark.parametrize("text", [
    "اجتمع الوزير بنظيره في العاصمة الأردنية.",  # another country's capital
    "يحتجز المعتقلون قرب الرقة، العاصمة السابقة لتنظيم الدولة.",  # apposition after a name; another kind
    "انفجرت عبوة ناسفة في العاصمة بغداد.",  # the title of the name after it
    # a report that names neither Iraq nor Syria speaks of its own country's capital
    "قرر أساتذة المعهد الثانوي بالعاصمة تعليق الدروس إثر اعتداء على زميلهم.",
    "أعلنت الحكومة انتهاء العملية الأمنية في مدينة السلط شمال غرب العاصمة، بعد يومين من المداهمات.",
    "وسمع دوي انفجارات تهز العاصمة، فيما نفذت الطائرات غارات على معسكرات الحوثيين.",
])
def test_no_capital_of_its_own(text: str) -> None:
    names = [fold(r.toponym.name) for r in geocode_text(text)]
    assert fold("العاصمة") not in names


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة في منطقة الحسينية شمالي بغداد.",
    "قتل شخص بانفجار في منطقة الحسينية شمال العاصمة بغداد.",
    "أصيب جنديان بهجوم مسلح في منطقة الحسينية الواقعة شمالي بغداد.",
])
def test_a_namesake_on_the_other_side_is_not_the_place(text: str) -> None:
    """Karbala's Husseiniya lies some 70 km south-west of Baghdad: not "north of Baghdad"."""
    assert _admin1(text) == ["Baghdad"]
