"""mentions._YEAR_RE: a year 1900-2099 in digits with no digit next to it, wherever the search starts."""

from __future__ import annotations

import pytest

from marsad.extract.mentions import _YEAR_RE


@pytest.mark.parametrize(("text", "pos", "found"), [
    ("قتل في عام 2014 مدنيون", 0, "2014"),
    ("سقط 12014 صاروخا و1999 قذيفة", 0, "1999"),
    ("رقم 320145 ثم 2008", 0, "2008"),
    ("x2015", 1, "2015"),
    ("92015", 1, None),  # a digit right before the year, even before where the search starts
])
def test_years(text: str, pos: int, found: str | None) -> None:
    m = _YEAR_RE.search(text, pos)
    assert (m.group() if m else None) == found
