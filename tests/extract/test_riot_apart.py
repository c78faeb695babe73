"""A riot told only at governorate level is not the protest told at a place of its own in that governorate:
another crowd's act somewhere else in it (codebook §1); the governorate's mere protests still join it."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _events(text: str) -> list[tuple[str, str]]:
    article = Article.from_parts("t", "", text, date(2021, 7, 13))
    return sorted((e.sub_event_type, e.location.name) for e in extract_events(article))


@pytest.mark.parametrize("text", [
    # the protest told with its day, then a riot in the active voice with a masculine plural crowd
    "تظاهر المئات، الجمعة، في قضاء الزبير. وأحرق محتجون مكتب حزب الدعوة في محافظة البصرة.",
    # a turn to another story, an adjective on the crowd, the riot's acts in the plural
    "وتظاهر العشرات، الجمعة، في قضاء الزبير. من جهة أخرى، أحرق متظاهرون غاضبون مقرات أحزاب في محافظة البصرة.",
    # a sit-in, then a storming joined by "كما", the riot told second
    "اعتصم العشرات الجمعة أمام مقر شركة النفط في قضاء القرنة. كما اقتحم متظاهرون مبنى حكوميا وأضرموا فيه النار "
    "في محافظة البصرة.",
])
def test_a_governorate_riot_is_another_event(text: str) -> None:
    kinds = [kind for kind, _ in _events(text)]
    assert "Violent demonstration" in kinds and len(kinds) == 2


def test_the_governorates_mere_protests_still_join() -> None:
    text = "تظاهر المئات، الجمعة، في قضاء الزبير. وتشهد محافظة البصرة منذ أيام مظاهرات غاضبة."
    assert len(_events(text)) == 1
