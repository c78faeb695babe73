"""A report with no publication date still tells how long ago its time words count back.

"قبل شهرين"، "العام الماضي"، "أمس" count back from the report: their distance is known even when the report's
day is not.  Further back than 30 days is background (codebook §1); a day of the last few is the incident's own.
Every sentence is invented for these tests.
"""

from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _events(text: str, title: str = "") -> list[str]:
    article = Article.from_parts("t", title, text, published=None)
    return [e.sub_event_type for e in extract_events(article, include_unlocated=True)]


@pytest.mark.parametrize("text", [
    "وكان التنظيم قد سيطر قبل شهرين على مدينة الرمادي في الأنبار.",
    "وسيطرت الفصائل قبل ثلاثة أشهر على بلدة جسر الشغور في إدلب.",
    "وأعدم مسلحو التنظيم في يونيو من العام الماضي عشرات الجنود في قاعدة سبايكر.",
    "واغتيل الضابط قبل عامين في حي الكرادة ببغداد.",
])
def test_a_time_word_counting_back_more_than_thirty_days_is_background(text: str) -> None:
    assert _events(text) == [], text


@pytest.mark.parametrize("text", [
    "قتل ثلاثة جنود أمس في هجوم على نقطة تفتيش في الرمادي.",
    "سيطرت القوات العراقية قبل يومين على مبنى الجامعة في الرمادي.",
    "قصفت الطائرات الحربية الليلة الماضية بلدة سراقب في إدلب.",
])
def test_a_recent_day_counted_back_is_still_news(text: str) -> None:
    assert _events(text), text


def test_an_undated_report_whose_act_is_told_yesterday_further_down_reports_it() -> None:
    body = ("طالب المتظاهرون بمحاكمة المسؤولين عن سقوط المدن. وأكد المتظاهرون في هتافاتهم مطالبهم. "
            "وشدد المتظاهرون على ضرورة المحاسبة. "
            "ميدانيا، تمكنت القوات الأمنية من فرض سيطرتها أمس على مبنى الجامعة الواقع جنوبي مدينة الرمادي.")
    assert "Government regains territory" in _events(body, title="مطالبات بالمحاسبة")
