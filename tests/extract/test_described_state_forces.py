"""Actors: the default firer of unattributed fire counts the state's forces by their descriptions too.

Where the region's unnamed air strikes or shelling are the state's (Syria), a foreign air force the story names
takes the fire over only if it is named more than the state's own forces — and those are named by their
descriptions as much as by their names ("القوات الحكومية"، "الطيران الحربي"، "النظام": actors.toml [[generic]]),
not by name alone against a foreign force named once.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

_SYRIA = "Military Forces of Syria"


def _actor1(text: str, place: str) -> str:
    article = Article.from_parts("t", "", text, date(2018, 6, 23))
    return next(e.actor1.name for e in extract_events(article) if e.location.name == place)


@pytest.mark.parametrize(("text", "place"), [
    # the government's forces and the army described, Israel's army named once, watching the border
    ("تحشد القوات الحكومية تعزيزاتها في ريف درعا منذ أسابيع، وتقول المعارضة إن الجيش يستعد لهجوم واسع. وقال الجيش "
     "الإسرائيلي إنه يراقب الحدود عن كثب. وقتل خمسة مدنيين في غارات على بلدة بصرى الشام.", "Bosra al-Sham"),
    # the army and its air force described (a feminine singular strike, two women killed), Russia's army named once
    ("يحشد الجيش تعزيزاته حول ريف إدلب، وتتهم المعارضة الطيران الحربي بخرق الهدنة مرارا. وأرسل الجيش الروسي قوات "
     "إلى المنطقة. وقتلت امرأتان في غارة على مدينة خان شيخون.", "Khan Shaykhun"),
    # "the regime" and the army in activists' words, Turkey's army named once calling for a truce (shelling, wounded)
    ("يقول ناشطون إن النظام يحشد قواته حول الغوطة الشرقية وإن الجيش يستعد لاقتحامها. ودعا الجيش التركي إلى وقف "
     "القتال. وأصيب ثلاثة أطفال في قصف على مدينة دوما.", "Douma"),
])
def test_described_state_forces_outnumber_a_foreign_force_named_once(text: str, place: str) -> None:
    assert _actor1(text, place) == _SYRIA


def test_a_foreign_air_force_named_more_keeps_the_fire() -> None:
    text = ("شنت الطائرات الروسية غارات على ريف إدلب. وقالت وزارة الدفاع الروسية إن الطيران الروسي استهدف مواقع "
            "للمسلحين. وقتل أربعة مدنيين في غارة على مدينة خان شيخون.")
    assert _actor1(text, "Khan Shaykhun") == "Military Forces of Russia"
