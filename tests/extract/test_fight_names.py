"""Actors: a side named by the fight itself ("نزاع عشائري"، "اشتباكات عشائرية": codebook §3, Tribal militia) names
those who fought it — the initiator, never the victims the clause counts beside it (actors.toml ``fight_names``)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


@pytest.mark.parametrize("text", [
    # passive count of the dead, then "in a tribal dispute" (singular)
    "قتل شخصان في نزاع عشائري بالأسلحة النارية في قضاء الشطرة بمحافظة ذي قار.",
    # the wounded, then tribal clashes (feminine plural adjective)
    "أصيب خمسة أشخاص بجروح في اشتباكات عشائرية بالأسلحة المتوسطة في ناحية الفضلية.",
    # the dispute as the subject that broke out (VSO), its toll after أسفر عن
    "اندلع نزاع عشائري في قضاء المدينة شمال البصرة أسفر عن مقتل ثلاثة أشخاص.",
])
def test_a_tribal_fight_is_fought_by_tribal_militia(text: str) -> None:
    article = Article.from_parts("t", "", text, date(2018, 7, 20))
    events = extract_events(article)
    assert events and events[0].actor1.name == "Tribal militia"
