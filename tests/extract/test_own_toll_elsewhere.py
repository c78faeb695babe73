"""Consolidation: a round-up tells each incident of the day in a clause of its own, with its own place and
its own toll.  A clause with a place and a toll of its own is another incident than one told with another
place and another toll, however close the two places (codebook §1: two places, two events); the same toll
told again at a closer place, and a clause that names the act told before, still join it."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _events(text: str) -> list[tuple[str, int]]:
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    return sorted((e.location.name, e.fatalities) for e in extract_events(article))


@pytest.mark.parametrize(("text", "events"), [
    # passive voice, then an intransitive verb with "كما": two quarters of Baghdad a few km apart
    ("واستهدف أكثر الهجمات دموية منطقة بغداد الجديدة في شرق العاصمة، حيث قتل 19 شخصا وأصيب 43. كما انفجرت "
     "سيارة مفخخة في الزعفرانية بجنوب بغداد، ما أدى إلى مقتل أربعة أشخاص وإصابة عشرة.",
     [("Al Zaafaranyah", 4), ("Baghdad Al-Jedeeda", 19)]),
    # a dual toll, the second place told first, then active voice with a named agent
    ("قتل شخصان بانفجار عبوة ناسفة في الزعفرانية جنوب بغداد. وقتل مسلحون مجهولون خمسة مدنيين في منطقة بغداد "
     "الجديدة.", [("Al Zaafaranyah", 2), ("Baghdad Al-Jedeeda", 5)]),
    # wounded only, a feminine subject
    ("أصيب ثلاثة أشخاص بانفجار عبوة ناسفة في منطقة بغداد الجديدة. وأصيبت امرأتان بانفجار عبوة أخرى في "
     "الزعفرانية جنوب بغداد.", [("Al Zaafaranyah", 0), ("Baghdad Al-Jedeeda", 0)]),
])
def test_own_place_and_own_toll_is_another_incident(text: str, events: list[tuple[str, int]]) -> None:
    assert _events(text) == events


@pytest.mark.parametrize(("text", "count"), [
    # the same toll told again: a closer look at the one incident
    ("قتل أربعة أشخاص بانفجار سيارة مفخخة في منطقة بغداد الجديدة. وانفجرت سيارة مفخخة في الزعفرانية ما أدى "
     "إلى مقتل أربعة أشخاص.", 1),
    # the clause names the act told before
    ("قتل أربعة أشخاص بانفجار سيارة مفخخة في منطقة بغداد الجديدة. وأوضح المصدر أن الانفجار وقع في الزعفرانية "
     "وأسفر عن مقتل ثلاثة أشخاص.", 1),
])
def test_a_retelling_still_joins_the_incident(text: str, count: int) -> None:
    assert len(_events(text)) == count


@pytest.mark.parametrize(("text", "places"), [
    # "a second bomb" at an unlisted quarter of the capital, passive wounded, the verb after its subject
    ("قال مصدر إن عبوة ناسفة انفجرت صباح اليوم في منطقة الدورة جنوبي بغداد، ما أسفر عن مقتل شخصين. وأضاف أن "
     "عبوة ثانية انفجرت في منطقة الحسينية شمالي العاصمة، ما أدى إلى إصابة ثلاثة مدنيين.",
     ["Al-Dura", "Al-Hasinia"]),
    # "another attack", the verb first, no toll in either
    ("هاجم مسلحون نقطة تفتيش للجيش في منطقة الدورة. وشن مسلحون هجوما آخر على دورية للشرطة في منطقة الحسينية شمالي "
     "بغداد.", ["Al-Dura", "Al-Hasinia"]),
    # a feminine "another" after a demonstration, plural crowds
    ("تظاهر المئات في منطقة الدورة جنوبي بغداد. وخرجت تظاهرة أخرى في منطقة الحسينية شمالي بغداد.",
     ["Al-Dura", "Al-Hasinia"]),
])
def test_another_act_elsewhere_is_another_incident(text: str, places: list[str]) -> None:
    """"عبوة ثانية"، "هجوم آخر"، "تظاهرة أخرى" at another place: one more incident, however close the places."""
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    assert sorted(e.location.name for e in extract_events(article)) == places


def test_another_act_at_the_same_place_is_the_same_event() -> None:
    """Codebook §1: same place, same day, one event — a second bomb there is still that event."""
    text = ("انفجرت عبوة ناسفة في منطقة الدورة جنوبي بغداد، ما أسفر عن مقتل شخصين. وانفجرت عبوة ثانية في منطقة "
            "الدورة بعد دقائق.")
    assert len(_events(text)) == 1
