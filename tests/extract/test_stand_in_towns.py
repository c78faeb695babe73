"""Consolidation: where an incident is.  "In X" told right after "north of Y" pins the incident down at X
when X lies within the reach of that "near", even in another district (codebook §4: the most specific
place the text gives)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _events(text: str) -> list[tuple[str, int]]:
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    return sorted((e.location.name, e.fatalities) for e in extract_events(article))


@pytest.mark.parametrize(("text", "events"), [
    # "north of the capital", then the district's quarter, then the district itself (plural gunmen)
    ("هاجم عناصر داعش نقاط تفتيش للجيش شمال العاصمة بغداد ليل الاثنين. وأوضح المصدر أن المسلحين هاجموا نقاط "
     "التفتيش بمنطقة البحيرات في قضاء الطارمية. واندلعت اشتباكات بين القوات الأمنية وعناصر داعش في قضاء "
     "الطارمية.", [("Al-Bahirat", 0)]),
    # passive killing of two soldiers, the attack named again ("ووقع الهجوم")
    ("قتل جنديان في هجوم لداعش شمال بغداد الاثنين. ووقع الهجوم في منطقة البحيرات بقضاء الطارمية. وأغلقت "
     "القوات مداخل الطارمية بعد اشتباكات مع المسلحين في الطارمية.", [("Al-Bahirat", 2)]),
    # "south of Kirkuk" pinned down at Daquq, the toll told at the town
    ("اندلعت اشتباكات بين الجيش ومسلحي داعش جنوب مدينة كركوك مساء الأحد. ودارت الاشتباكات في منطقة داقوق. "
     "وقتل ثلاثة عناصر من التنظيم في داقوق.", [("Daquq", 3)]),
])
def test_in_x_pins_down_north_of_y(text: str, events: list[tuple[str, int]]) -> None:
    assert _events(text) == events
