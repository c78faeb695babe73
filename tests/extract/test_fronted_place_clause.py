"""A round-up's next scene fronted after a comma ("، وفي الديوانية قطع محتجون الطريق") opens a clause of its
own: the act told after it is an incident there, beside the one told before the comma."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _admin1(text: str) -> list[str]:
    article = Article.from_parts("t", "", text, date(2021, 8, 8))
    return sorted(e.location.admin1 for e in extract_events(article))


@pytest.mark.parametrize(("text", "admin1"), [
    # two demonstrations, the second a road blocked by a plural crowd
    ("تظاهر العشرات في مدينة الناصرية، وفي الديوانية قطع محتجون الطريق الرئيسي.", ["Dhi Qar", "Qadisiyah"]),
    # a bombing, then a shooting in the passive, the second place after a cue
    ("أصيب ثلاثة من عناصر الشرطة بانفجار عبوة ناسفة في كركوك، وفي قضاء تلعفر قتل مدني بنيران مسلحين مجهولين.",
     ["Kirkuk", "Ninewa"]),
    # an air strike by a named air force, then a clash with a dual toll
    ("قصفت طائرات التحالف مواقع لداعش في قضاء القائم، وفي محافظة ديالى قتل جنديان باشتباك مع مسلحين.",
     ["Anbar", "Diyala"]),
])
def test_a_fronted_place_opens_its_own_clause(text: str, admin1: list[str]) -> None:
    assert _admin1(text) == admin1
