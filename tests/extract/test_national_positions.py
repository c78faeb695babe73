"""Actors: a force's positions or depots told with a nationality adjective are that country's forces, struck where
they stand ("مواقع إيرانية"، "المستودعات الإيرانية"، "الموقع التركي": actors.toml [forces] nouns, target_only) —
the target of the strike, never who fired."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _sides(text: str) -> tuple[str, str]:
    article = Article.from_parts("t", "", text, date(2018, 5, 9))
    event = extract_events(article)[0]
    return event.actor1.name, event.actor2.name if event.actor2 else ""


@pytest.mark.parametrize(("text", "expected"), [
    # indefinite feminine plural (positions), the striker named by its nationality
    ("استهدفت غارات إسرائيلية مواقع إيرانية قرب مطار دمشق الدولي.",
     ("Military Forces of Israel", "Military Forces of Iran")),
    # depots (feminine plural) destroyed by one strike
    ("دمرت غارة إسرائيلية مستودعات إيرانية للأسلحة في ريف حماة.",
     ("Military Forces of Israel", "Military Forces of Iran")),
    # definite masculine singular, a Kurdish force firing
    ("قصفت وحدات حماية الشعب الكردية الموقع التركي في قرية كفرجنة بريف عفرين.",
     ("Syrian Democratic Forces", "Military Forces of Turkey")),
    # definite plural struck by drones of no known owner: the positions are no firer
    ("استهدفت طائرات مسيرة مجهولة المواقع الإيرانية في مدينة البوكمال.",
     ("Unidentified armed group", "Military Forces of Iran")),
])
def test_positions_of_a_nation_are_its_forces_as_target(text: str, expected: tuple[str, str]) -> None:
    assert _sides(text) == expected
