"""countries._literal_spans finds what a regex alternation of the same literal words finds: leftmost first, the
first word in order at a place, no overlap.  Invented words and sentences."""

from __future__ import annotations

import re

import pytest

from marsad.geo.countries import _literal_spans, country_matches, country_words


@pytest.mark.parametrize(("words", "text"), [
    (("سوري", "سوريا"), "قصفت الطائرات السورية مواقع في سوريا وسوريه"),
    (("عراق", "العراقي", "راق"), "اعلن الجيش العراقي ان القوات العراقيه دخلت العراق"),
    (("ab", "abc", "bc"), "abcabc bcab"),
])
def test_as_the_regex(words: tuple[str, ...], text: str) -> None:
    pattern = re.compile("|".join(map(re.escape, words)))
    assert _literal_spans(text, words) == [m.span() for m in pattern.finditer(text)]


def test_country_matches_as_the_patterns() -> None:
    text = "قتل جنديان عراقيان قرب الحدود السوريه العراقيه، وقالت قوات النظام السوري ان قسد انسحبت"
    patterns = {code: re.compile("|".join(map(re.escape, words))) for code, words in country_words().items()}
    found = {code: [m.span() for m in p.finditer(text)] for code, p in patterns.items()}
    assert country_matches(text) == found
