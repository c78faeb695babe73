"""Actors: soldiers described with a nationality adjective right after them are that country's forces.

"قتل جنديان أمريكيان"، "خمسة عسكريين إيرانيين"، "الضابط الروسي": the adjective agrees with the person noun in
number (singular, dual, sound plural; with the article after a definite noun) and names whose soldiers they are —
not the army of the place the description would name alone.  Soldiers are a state's: American soldiers are the
United States' forces, not the coalition American strikes stand for (``nation`` in actors.toml).
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _target(text: str) -> str:
    article = Article.from_parts("t", "", text, date(2018, 4, 2))
    event = extract_events(article)[0]
    assert event.actor2 is not None
    return event.actor2.name


@pytest.mark.parametrize(("text", "expected"), [
    # a dual noun and a dual adjective (nominative), killed by a bomb in Syria
    ("قتل جنديان أمريكيان بانفجار عبوة ناسفة في مدينة منبج.", "Military Forces of the United States"),
    # a sound plural (oblique) after a number
    ("قتل خمسة عسكريين إيرانيين في غارة على مطار التيفور بريف حمص.", "Military Forces of Iran"),
    # a definite singular officer, the definite adjective
    ("أصيب الضابط الروسي بجروح خطيرة في قصف على مدينة دير الزور.", "Military Forces of Russia"),
])
def test_soldiers_of_a_named_nation(text: str, expected: str) -> None:
    assert _target(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل ثلاثة جنود سوريين في هجوم لتنظيم داعش على حاجز في بادية حمص.", "Military Forces of Syria"),
    ("أصيب جندي عراقي بقذيفة هاون سقطت على ثكنة في قضاء بيجي.", "Military Forces of Iraq"),
])
def test_soldiers_of_the_country_stay_its_army(text: str, expected: str) -> None:
    assert _target(text) == expected
