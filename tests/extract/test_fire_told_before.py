"""Actors of bombardments across clauses and replies.

* A bombardment of the same kind whose firer is unsaid, in the sentence right after one that states who fired,
  goes on with that report ("قصفت الفصائل أحياء حلب بالقذائف. وأفاد المرصد عن مقتل خمسة في قذائف سقطت على
  السلمية"): its firer is the one stated there, not the codebook's guess from the side the article names most.
* What follows a word of reply ("ردا على"، "انتقاما ل"، "ثأرا ل") is the act the clause answers: the sides named
  there did that earlier act and are no party to the act told before the reply.
* A name joined by "ل" right after a participle of opposition ("الفصائل المعارضة للنظام"، "مسلحون مناهضون
  لتنظيم داعش") tells whom the group opposes: that name is no party to the clause.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _sides(text: str) -> dict[str, tuple[str, str | None]]:
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    return {e.location.name: (e.actor1.name, e.actor2.name if e.actor2 else None) for e in extract_events(article)}


@pytest.mark.parametrize(("text", "place", "actor1"), [
    # shells from the factions, then the monitor's report of shells on another town (feminine plural subject)
    ("قصفت الفصائل المعارضة أحياء في مدينة حلب بالقذائف الصاروخية صباح اليوم. وأفاد المرصد عن مقتل خمسة مدنيين في "
     "قذائف سقطت على مدينة السلمية. وتحاصر قوات النظام مدينة حلب ويقاتل الجيش السوري في ريفها.",
     "Salamiyah", "Syrian opposition"),
    # the coalition's aircraft, then raids told in the passive at another town
    ("أغارت طائرات التحالف الدولي على مواقع في مدينة الرقة أمس. وقتل سبعة مدنيين في غارات على مدينة الميادين. "
     "وقالت قوات النظام إن الجيش السوري تقدم في ريف حمص.", "Mayadin", "International Coalition against IS"),
    # IS's rockets in Iraq, then rockets that fell wounding three (a masculine plural of the wounded)
    ("أطلق تنظيم داعش صواريخ على ناحية بعشيقة صباح اليوم. وأصيب ثلاثة مدنيين بصواريخ سقطت على قضاء مخمور. "
     "وقالت قوات البيشمركة إن الجيش العراقي والشرطة الاتحادية يقاتلون التنظيم.", "Makhmour", "Islamic State"),
])
def test_firer_told_just_before(text: str, place: str, actor1: str) -> None:
    assert _sides(text)[place][0] == actor1


@pytest.mark.parametrize(("text", "place", "actor1", "not_a_party"), [
    # "ردا على" and the answered attack's agent after it
    ("قصفت الفصائل المعارضة بلدة نبل بالقذائف أمس، ردا على هجوم شنته قوات النظام على بلدة الزبداني.",
     "Nubl", "Syrian opposition", "Military Forces of Syria"),
    # "ثأرا ل" and the answered raids' aircraft
    ("قصفت الفصائل المعارضة بلدة نبل بالقذائف الصاروخية أمس، ثأرا لغارات شنتها الطائرات الروسية على مدينة إدلب.",
     "Nubl", "Syrian opposition", "Military Forces of Russia"),
    # "انتقاما ل" a killing by another group: that group is not the shelling's target
    ("قصفت القوات التركية قرى في قضاء سنجار أمس، انتقاما لمقتل جنود أتراك في هجوم لحزب العمال الكردستاني.",
     "Sinjar", "Military Forces of Turkey", "PKK: Kurdistan Workers' Party"),
])
def test_the_answered_act_is_not_this_one(text: str, place: str, actor1: str, not_a_party: str) -> None:
    sides = _sides(text)[place]
    assert sides[0] == actor1
    assert not_a_party not in sides


@pytest.mark.parametrize(("text", "place", "not_a_party"), [
    # definite, feminine: the regime the factions oppose
    ("قصفت الفصائل المقاتلة المعارضة للنظام السوري بلدة نبل بالصواريخ أمس.", "Nubl", "Military Forces of Syria"),
    # indefinite, feminine plural
    ("قصفت فصائل معارضة لقوات النظام بلدة محردة بقذائف الهاون أمس.", "Mhardeh", "Military Forces of Syria"),
    # masculine plural "مناهضون": the gunmen opposed to IS are not IS
    ("أطلق مسلحون مناهضون لتنظيم داعش قذائف هاون على بلدة تلعفر أمس.", "Telafar", "Islamic State"),
])
def test_the_opposed_group_is_no_party(text: str, place: str, not_a_party: str) -> None:
    assert not_a_party not in _sides(text)[place]
