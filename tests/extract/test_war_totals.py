"""A war's running total is no incident (codebook §1: general claims, sums over many incidents): a clause that
counts its dead only in the tens of thousands ("بشار الأسد قتل 400 ألف من أبناء شعبه"), or that names the war,
the conflict or the crisis as what killed ("وأدى النزاع إلى مقتل ...", "منذ اندلاع الحرب"), makes no event of its
own and lends its count to none.

Invented sentences; the incident told beside the total keeps its own toll.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)


def _events(text: str) -> list[tuple[str, int | None]]:
    return [(e.sub_event_type, e.fatalities) for e in extract_events(Article("t", text, published=PUBLISHED))]


@pytest.mark.parametrize("text", [
    "قال المعارض إن قوات النظام قتلت نحو 20 ألف مدني في محافظة حمص",  # an active verb, a feminine subject
    "قتل أكثر من 340 ألف شخص في سوريا، بينهم عشرات الآلاف في مدينة حلب",  # a passive verb
    "أودى الصراع بحياة مئات الآلاف من العراقيين في محافظة نينوى",  # the conflict as the subject, no digits
    "ارتفعت حصيلة ضحايا الحرب في ريف دمشق إلى 50 ألف قتيل",  # a noun of the dead after the count
])
def test_a_war_total_makes_no_event(text: str) -> None:
    assert _events(text) == [], text


def test_the_incident_told_beside_a_war_total_keeps_its_own_toll() -> None:
    assert _events("قتل ثلاثة مدنيين بقصف على مدينة دوما أمس، في حرب قتلت 400 ألف شخص.") \
        == [("Shelling/artillery/missile attack", 3)]


def test_a_war_total_after_an_incident_adds_nothing_to_it() -> None:
    found = _events("اشتبك الجيش مع الفصائل في ريف إدلب أمس وقتل خمسة جنود. وأدى النزاع إلى مقتل أكثر من 340 ألف شخص.")
    assert found == [("Armed clash", 5)], found


@pytest.mark.parametrize("text", [
    # a count over weeks or months is a running total, also when an approximator stands before the count
    "قتل 40 مدنيا خلال أكثر من ثلاثة أسابيع من القصف على الغوطة الشرقية",
    "سقط نحو 200 قتيل على مدى نحو شهرين من المعارك في ريف حماة",
    "أصيب 30 متظاهرا خلال ما يزيد عن أسبوعين من الاحتجاجات في البصرة",
])
def test_a_count_over_about_so_many_weeks_is_a_running_total(text: str) -> None:
    assert _events(text) == [], text
