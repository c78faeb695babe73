"""Sub-event types, event dates and non-events: invented reports through the whole extractor.

Each rule is tried on several sentences that vary person, gender, number, voice and word order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)  # a Tuesday


def _records(text: str, published: date | None = PUBLISHED) -> list[dict[str, Any]]:
    return [e.to_record() for e in extract_events(Article("t", text, published=published))]


# --- dates: a weekday named beside "أمس"/"اليوم" -----------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    # listed a day before the writing day: "أمس الثلاثاء" on a Tuesday's date is that Tuesday
    ("قتل جنديان عراقيان أمس الثلاثاء بهجوم شنه مسلحو داعش على نقطة تفتيش في قضاء الحويجة.", "2021-08-03"),
    # listed a day after it: "مساء أمس الأحد" on a Tuesday is Sunday, not Monday
    ("أصيبت امرأتان بجروح مساء أمس الأحد بسقوط قذيفة هاون على حي الجديدة في مدينة بعقوبة.", "2021-08-01"),
    ("اغتال مسلحون مجهولون اليوم الإثنين ناشطا مدنيا في مدينة العمارة.", "2021-08-02"),
    # a weekday far from the relative word is no neighbour of the writing day: "أمس" is read as it is
    ("فجر انتحاريون أنفسهم أمس الخميس وسط سوق شعبي في مدينة الفلوجة.", "2021-08-02"),
])
def test_weekday_beside_relative_day(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]
