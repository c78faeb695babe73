"""mentions._segments: the comma parts of a clause start after each comma between two tokens; a comma inside a
token (a decimal "3,5") cuts nothing.  Invented sentences."""

from __future__ import annotations

import pytest

from marsad.extract.analyse import analyse
from marsad.extract.mentions import _segments
from marsad.model import Article
from marsad.pipeline import Doc
from marsad.text.normalise import normalise


def _cuts(text: str) -> list[str]:
    doc = Doc(Article("t", text), normalise(text))
    analyse(doc)
    return [doc.tokens[j].text for j in _segments(doc, (0, len(doc.tokens)))]


@pytest.mark.parametrize(("text", "firsts"), [
    ("قصفت الطائرات البلدة، وقتل مدنيان", ["وقتل"]),
    ("هاجم المسلحون حاجزا ,وفر الجنود، ثم انسحبوا", ["وفر", "ثم"]),
    ("سقطت 3,5 طن من القنابل على الحي", []),
])
def test_comma_parts(text: str, firsts: list[str]) -> None:
    assert _cuts(text) == firsts
