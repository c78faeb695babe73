"""Country words in a text: which country a clause, a sentence or a document speaks of.

The words are ``[country]`` of place_cues.toml: a country's name and nisba, and the forces and bodies
that act in one country only (قوات النظام، قسد vs الحشد الشعبي، البيشمركة).  A word that names no place's
country is left out (``[country_pairs]``): one of a pair of countries side by side, or one after a
border word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache

from marsad.geo.cues import place_cues_data
from marsad.text.normalise import fold

_SENTENCE_END = re.compile(r"[.!?؟\n؛]")


@cache
def country_words() -> dict[str, tuple[str, ...]]:
    """Country words of ``place_cues.toml`` per country, folded, in the file's order (on normalised text)."""
    words = {code: tuple(fold(w.rstrip("*")) for w in listed) for code, listed in place_cues_data()["country"].items()}
    assert all(all(words_) for words_ in words.values()), "an empty country word"
    return words


@lru_cache(maxsize=4)
def country_matches(text: str) -> dict[str, list[tuple[int, int]]]:
    """The spans of each country's words in ``text`` (what a regex alternation of them would match, not yet
    widened to whole words), found once per text for the document's country count and its country marks."""
    return {code: _literal_spans(text, words) for code, words in country_words().items()}


def _literal_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans ``re.finditer`` finds for the alternation of the literal ``words``, by string search (a regex
    tries its alternation at every letter of the text): leftmost first, at each place the first word in order
    that is there, the next search from the end of the last span."""
    found: dict[int, str] = {}
    for word in words:  # in order: the first word found at a place keeps it
        at = text.find(word)
        while at >= 0:
            found.setdefault(at, word)
            at = text.find(word, at + 1)
    spans: list[tuple[int, int]] = []
    end = 0
    for at in sorted(found):
        if at >= end:
            end = at + len(found[at])
            spans.append((at, end))
    return spans


#: What ends a clause for country words: a comma, a semicolon or a sentence's end.
_CLAUSE_END = re.compile(r"[.!?؟\n؛،,]")
#: The word (or two) right before a country word, with "مع" or a clitic ل between: "الحدود مع"، "المتاخمة ل".
_BORDER_TAIL = re.compile(r"(\w+(?:\s+\w+)?)(?:\s+مع)?\s+(?:ل)?$")
#: What may stand between the two words of a pair of countries: "العراق وسوريا"، "العراقية - الإيرانية".
_PAIR_GAP = re.compile(r"[\s\-–/و]*")


@lru_cache(maxsize=4)
def country_marks(text: str) -> list[tuple[int, int, str]]:
    """Every country word of the text ([country] of place_cues.toml: the country's name, its nisba, the
    forces that fight only there) as (start, end, country), whole words, less those that name no
    place's country: a word right next to the word of another country ("الحدود العراقية السورية"، "في
    سوريا والعراق"، "الحرب العراقية الإيرانية": ``paired_with`` of [country_pairs]) names both; a word after
    a border word (``borders``: "على الحدود العراقية"، "المعبر الحدودي مع سوريا") names the neighbour."""
    regions, paired_with, borders = pair_words("regions"), pair_words("paired_with"), pair_words("borders")
    marks = [(_word_start(text, s), _word_end(text, e), code)
             for code, spans in country_matches(text).items() for s, e in spans]
    if not marks:
        return []  # no country word: nothing to pair or to read across a border
    fixed = {(s, e) for s, e, _ in marks if regions.pattern and regions.search(text[s:e])}
    others = [(_word_start(text, m.start()), _word_end(text, m.end()), "") for m in paired_with.finditer(text)] \
        if paired_with.pattern else []
    every = sorted(marks + others)

    def paired(k: int) -> bool:
        s, e, c = every[k]
        if (s, e) in fixed:
            return False  # "الحزب الديمقراطي الكردستاني الإيراني": a region's word makes no pair
        for j in (k - 1, k + 1):
            if 0 <= j < len(every) and every[j][2] != c:
                a, b = (every[j], every[k]) if j < k else (every[k], every[j])
                if _PAIR_GAP.fullmatch(text, a[1], b[0]):
                    return True
        return False

    def across(k: int) -> bool:
        lo, hi = max(0, every[k][0] - 30), every[k][0]
        if not borders.pattern or borders.search(text, lo, hi) is None:
            return False  # no border word in the 30 letters before (most): none in the words right before
        tail = _BORDER_TAIL.search(text, lo, hi)
        return bool(borders.pattern) and tail is not None and borders.search(tail.group(1)) is not None

    return [every[k] for k in range(len(every)) if every[k][2] and not paired(k) and not across(k)]


def _word_start(text: str, start: int) -> int:
    """The start of the word a match starts in ("عراق" of "العراقية" → before "ال")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return start


def _word_end(text: str, end: int) -> int:
    """The end of the word a match ends in ("عراق" of "العراقية" → after "العراقية")."""
    while end < len(text) and text[end].isalnum():
        end += 1
    return end


@cache
def pair_words(key: str) -> re.Pattern[str]:
    """A word list of [country_pairs] as one regex: ``paired_with``, other countries' names and nisbas,
    which make a pair with a country word; ``regions``, country words that name a region (never paired)."""
    words = place_cues_data().get("country_pairs", {}).get(key, [])
    return re.compile("|".join(re.escape(fold(w.rstrip("*"))) for w in words))



def clause_country(start_: int, end_: int, text: str, marks: list[tuple[int, int, str]]) -> str:
    """The country word of the clause of the name at ``text[start_:end_]`` (after the name first, then
    the nearest before it), else the one country its sentence names, else ""."""
    if not marks:
        return ""
    start, end = _around(_ends(text, clause=True), start_, end_, len(text))
    after = [c for s, e, c in marks if end_ <= s and e <= end]
    if after:
        return after[0]
    before = [c for s, e, c in marks if start <= s and e <= start_]
    if before:
        return before[-1]
    s_start, s_end = _around(_ends(text, clause=False), start_, end_, len(text))
    named = {c for s, e, c in marks if s_start <= s and e <= s_end and not (start_ <= s < end_)}
    return named.pop() if len(named) == 1 else ""


@lru_cache(maxsize=8)
def _ends(text: str, clause: bool) -> list[int]:
    """The offsets of the clause (or sentence) ends of ``text``, in order."""
    return [m.start() for m in (_CLAUSE_END if clause else _SENTENCE_END).finditer(text)]


def _around(ends: list[int], start: int, end: int, size: int) -> tuple[int, int]:
    """The span between the last end before ``start`` and the first end at or after ``end``."""
    i = bisect_left(ends, start)
    j = bisect_left(ends, end)
    return (ends[i - 1] + 1 if i > 0 else 0), (ends[j] if j < len(ends) else size)
