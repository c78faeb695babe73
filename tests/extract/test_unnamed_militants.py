"""Actors: "terrorists" and "militants" of a story that names no insurgent group (actors.toml [defaults] militants).

In Syria's war "الإرهابيون"، "المتطرفون" are the government's and its media's words for the armed opposition it
fights: with no insurgent group named in the story they are the Syrian opposition.  A group the story names is
still whom they point to ("@dominant-rebel"), and elsewhere (Iraq) unnamed militants stay an unidentified group.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _actors(text: str) -> list[tuple[str, str]]:
    article = Article.from_parts("t", "", text, date(2018, 3, 31))
    return [(e.actor1.name, e.actor2.name if e.actor2 else "") for e in extract_events(article)]


@pytest.mark.parametrize(("text", "expected"), [
    # the militants as the target of a capture (masculine plural, after مع)
    ("استعادت القوات الحكومية السيطرة على قرية الشيفونية في الغوطة الشرقية بعد معارك مع المتطرفين.",
     ("Military Forces of Syria", "Syrian opposition")),
    # as the possessor of the positions shelled (genitive plural)
    ("قصفت وحدات الجيش تحصينات الإرهابيين في بلدة كفرزيتا بريف حماة الشمالي.",
     ("Military Forces of Syria", "Syrian opposition")),
    # as the agent of a light verb carrying the attack (indefinite nominative)
    ("قتل ثلاثة جنود سوريين في هجوم شنه إرهابيون على حاجز في بلدة مورك بريف حماة.",
     ("Syrian opposition", "Military Forces of Syria")),
    # as the subject of a verb of firing (definite, VSO)
    ("أطلق الإرهابيون قذائف هاون على حي باب توما في دمشق ما أدى إلى إصابة خمسة مدنيين.",
     ("Syrian opposition", "Civilians")),
])
def test_syrian_unnamed_militants_are_the_opposition(text: str, expected: tuple[str, str]) -> None:
    assert _actors(text) == [expected]


def test_a_named_group_is_whom_they_point_to() -> None:
    text = ("قصفت وحدات الجيش السوري تحصينات الإرهابيين في مدينة الميادين، وقال مصدر إن تنظيم داعش فقد عشرات من "
            "عناصره.")
    assert _actors(text)[0] == ("Military Forces of Syria", "Islamic State")


def test_iraqi_unnamed_militants_stay_unidentified() -> None:
    assert _actors("قتلت القوات العراقية 20 إرهابيا في جزيرة سامراء.") == [
        ("Military Forces of Iraq", "Unidentified armed group")]
