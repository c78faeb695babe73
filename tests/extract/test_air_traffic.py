"""Actors: "الطيران" after a word of civil aviation ("حركة الطيران"، "رحلات الطيران"، "شركات الطيران") is air traffic,
the genitive of that word, not an air force: no party to what the clause tells (actors.toml ``aviation_before``)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


@pytest.mark.parametrize("text", [
    # air traffic halted (a verbal noun before حركة)
    "اقتحم محتجون مطار النجف ما تسبب في تعطيل حركة الطيران لساعات.",
    # flights stopped by the crowd (plural subject, the verb's object)
    "اقتحم مئات المتظاهرين مطار النجف الدولي وأوقفوا رحلات الطيران.",
    # airlines suspending flights (a feminine plural subject of its own clause)
    "اقتحم محتجون غاضبون مطار النجف، وعلقت شركات الطيران رحلاتها إلى المدينة.",
])
def test_air_traffic_is_no_air_force(text: str) -> None:
    article = Article.from_parts("t", "", text, date(2018, 7, 14))
    events = extract_events(article)
    assert events and events[0].actor2 is None


def test_the_air_force_still_strikes() -> None:
    article = Article.from_parts("t", "", "قصف الطيران الحربي بلدة كفرنبل بريف إدلب.", date(2018, 7, 14))
    assert extract_events(article)[0].actor1.name == "Military Forces of Syria"
