"""The record names the most specific place the text gives for the incident (codebook §4), even a
quarter or village the gazetteer does not list and places at its settlement's point.

Invented reports through the whole extractor; the quarter and village names are not in the gazetteer.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)


def _records(title: str, body: str) -> list[dict[str, Any]]:
    return [e.to_record() for e in extract_events(Article.from_parts("t", title, body, published=PUBLISHED))]


@pytest.mark.parametrize(("title", "body", "quarter"), [
    # the body names the city, then the quarter with it (passive, masc. plural victims)
    ("قتلى بقصف في حلب", "قتل خمسة مدنيين أمس بقصف مدفعي على مدينة حلب. وسقطت القذائف على حي العنادل في حلب.",
     "العنادل"),
    # the quarter with its city in one clause, no settlement in the headline (active, fem. subject)
    ("تفجير يستهدف دورية", "استهدفت عبوة ناسفة أمس دورية للشرطة في منطقة البيادر بمدينة الموصل، ما أدى إلى "
     "إصابة شرطيين بجروح.", "البيادر"),
    # the quarter told without its parent, in the sentence after the city (fem. plural victims)
    ("جرحى بقذائف على دوما", "سقطت قذائف هاون أمس على مدينة دوما. وقال ناشطون إن القذائف أصابت حي السنديان "
     "وجرحت ثلاث نساء.", "السنديان"),
    # the headline names the quarter and its city, the body only the city (an unlisted village of a town)
    ("مقتل راع بلغم في قرية الحمامات قرب تلعفر", "قتل راع أمس بانفجار لغم أرضي في تلعفر.", "الحمامات"),
])
def test_an_unlisted_quarter_is_the_events_place(title: str, body: str, quarter: str) -> None:
    records = _records(title, body)
    assert [r["location_ar"] for r in records] == [quarter]
    assert records[0]["geo_precision"] == 2  # it stands at its settlement's point


@pytest.mark.parametrize(("title", "body", "city"), [
    # a word after the cue that is no name ("حي سكني"، "منطقة صناعية"): the city stays the place
    ("قتلى بقصف على حلب", "قتل أربعة مدنيين أمس بقصف صاروخي استهدف حيا سكنيا في مدينة حلب.", "حلب"),
    ("انفجار في الموصل", "انفجرت عبوة ناسفة أمس في منطقة صناعية بمدينة الموصل، ما أسفر عن مقتل عامل.", "الموصل"),
    # a no-name word that is also some quarter's name elsewhere ("النفط"): still no quarter of this town
    ("احتجاجات في الزبير", "تجمع مئات المحتجين أمس أمام مبنى القائمقامية في مدينة الزبير. وقال شرطي إن "
     "القوات فرقت المتظاهرين ومنعتهم من الوصول إلى حقول النفط.", "الزبير"),
    # a facility or a landform at or beside the city is no part of it: the city stays the place
    ("صواريخ على دمشق", "سقطت صواريخ أمس على مدينة دمشق. وقال مصدر إن الصواريخ استهدفت مطارا عسكريا.", "دمشق"),
    ("اشتباكات قرب حرستا", "قتل ثلاثة مقاتلين أمس في اشتباكات عنيفة في مدينة حرستا. وامتدت المعارك إلى "
     "هضبة العقارب.", "حرستا"),
])
def test_what_names_no_part_of_the_city_leaves_it(title: str, body: str, city: str) -> None:
    assert [r["location_ar"] for r in _records(title, body)] == [city]
