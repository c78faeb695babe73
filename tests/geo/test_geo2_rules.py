"""Rules of issue 12 (name → gazetteer resolution), each with invented sentences."""

from __future__ import annotations

import pytest

from marsad.geo.resolve import geocode_text
from marsad.text.normalise import fold


def _admin1(text: str, name: str) -> str | None:
    for p in geocode_text(text):
        if fold(p.toponym.name) == fold(name):
            return p.location.admin1 if p.location is not None else ""
    return None


# A two-letter cue noun with a proclitic (وحي، بحي) still introduces the name after it.
@pytest.mark.parametrize("text,name,admin1", [
    ("سيطرت القوات على المستشفى وحي الضباط في مدينة الرمادي", "الضباط", "Anbar"),
    ("انفجرت عبوة ناسفة بحي الضباط في الرمادي صباح اليوم", "الضباط", "Anbar"),
    ("تقدم المقاتلون نحو السوق فحي الضباط بالرمادي ثم انسحبوا", "الضباط", "Anbar"),
    ("اعتقلت الشرطة شابين ولحي الضباط في الرمادي نصيب من الحملة", "الضباط", "Anbar"),
])
def test_short_cue_with_proclitic(text: str, name: str, admin1: str) -> None:
    assert _admin1(text, name) == admin1


@pytest.mark.parametrize("text", ["نزل الوحي على النبي في الغار", "قال إنه وحي من السماء"])
def test_revelation_is_no_cue(text: str) -> None:
    assert all(p.toponym.name not in ("السماء", "من") for p in geocode_text(text))
