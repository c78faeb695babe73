"""Reading counts of people: digits, Arabic number words, duals and vague quantities.

``read_number(tokens, i, lex)`` reads a count starting at token ``i`` and says where it
ends.  Forms (codebook §6): digits in any script (normalisation already made them ASCII),
words (خمسة، سبعة عشر، خمسة وعشرون، ثلاثمئة), the dual of a person noun (عنصرين،
جنديين، "عنصري أمن" = 2), and vague words handled by the lexicon (عشرات = 12).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.lexicon import Lexicons
from marsad.text.tokens import Token, lookup_keys, strip_article

#: A date in digits, three numbers joined by one separator.  The first number is written \d\d{0,3}, not \d{1,4}
#: (the same matches): a pattern that opens with a digit lets the regex engine jump to the digits.
_DIGIT_TRIPLE = re.compile(r"(\d\d{0,3})([/.-])(\d{1,2})\2(\d{1,4})")


def numeric_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int, int, int]]:
    """Dates in digits in ``text[start:end]``, day/month/year ("28/7/2021"، "28-07-2021"، "28.7.2021") or
    ISO ("2021-07-28"), as (start, end, year, month, day).  The time stage reads them; the toll stage
    leaves their digits alone."""
    out = []
    stop = len(text) if end is None else end
    for m in _DIGIT_TRIPLE.finditer(text, start, stop):
        before = text[m.start() - 1] if m.start() > 0 else " "
        after = text[m.end(): m.end() + 2] + "  "
        if before.isdigit() or before in "/-" or after[0].isdigit() or after[0] in "/-" or (
                after[0] == "." and after[1].isdigit()):
            continue  # part of a longer run of digits: no date
        a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
        if len(a) <= 2 and len(c) == 4:
            out.append((m.start(), m.end(), int(c), int(b), int(a)))
        elif len(a) == 4 and sep == "-" and len(c) <= 2:
            out.append((m.start(), m.end(), int(a), int(b), int(c)))
    return out
_HUNDREDS_RE = re.compile(r"^(ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)(مئه|مائه)$")
_UNITS_FOR_HUNDREDS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "تسع": 9}
_TEEN_WORDS = {"عشر", "عشره"}
_THOUSANDS = {"الف": 1000, "الاف": 1000, "الفا": 1000}


@dataclass(frozen=True, slots=True)
class Number:
    """A count read from tokens ``[first, last)``; ``exact`` is False for duals of ambiguous plurals."""

    value: int
    first: int
    last: int
    exact: bool = True


def _word_value(word: str, lex: Lexicons) -> int | None:
    """The value of one number word, with clitics and ال peeled off (خمسة، والخمسة، لخمسة)."""
    for key in lookup_keys(word):
        if key in lex.cardinals:
            return lex.cardinals[key]
        m = _HUNDREDS_RE.match(key)
        if m:
            return _UNITS_FOR_HUNDREDS[m.group(1)] * 100
    return None


def _digits(text: str) -> int | None:
    """An integer count from a digit token; decimals (3,5 or 1.165) are not counts."""
    if text.isdecimal():
        return int(text)
    return None


def read_number(tokens: list[Token], i: int, lex: Lexicons, text: str = "") -> Number | None:
    """Read a count beginning at token ``i``, or None."""
    tok = tokens[i]
    if tok.is_number:
        value = _digits(tok.text)
        if value is None:
            return None
        return _scale(tokens, i, i + 1, value, lex)
    value = _word_value(tok.text, lex)
    if value is None:
        return _read_dual(tokens, i, lex)
    j = i + 1
    # teens: ثلاثة عشر، أحد عشر، اثنا عشر
    if value < 10 and j < len(tokens) and tokens[j].text in _TEEN_WORDS:
        value, j = value + 10, j + 1
    # units and tens: خمسة وعشرون; hundreds and the rest: مئة وخمسون
    while j < len(tokens) and tokens[j].text.startswith("و") and len(tokens[j].text) > 2:
        nxt = _word_value(tokens[j].text[1:], lex)
        if nxt is None or nxt >= value and value >= 100:
            break
        value, j = value + nxt, j + 1
    return _scale(tokens, i, j, value, lex)


def _scale(tokens: list[Token], first: int, j: int, value: int, lex: Lexicons) -> Number:
    """Apply a following thousand (ثلاثة آلاف، 40 ألف)."""
    word = tokens[j].text if j < len(tokens) else ""
    if value < 1000 and (word in _THOUSANDS or strip_article(word) in _THOUSANDS):
        return Number(value * 1000, first, j + 1)
    return Number(value, first, j)


def _read_dual(tokens: list[Token], i: int, lex: Lexicons) -> Number | None:
    """A dual person noun means two: عنصرين، جنديان، شرطيين، "عنصري أمن"، and the nominative dual in
    construct, its ن dropped before the noun it is of ("قتل عنصرا أمن"، "رجلا شرطة": ``construct_complements``;
    without such a noun after it, -ا is the accusative singular: "قتل رجلا")."""
    for key in lookup_keys(tokens[i].text):
        dual = dual_of(key, lex)
        if dual is not None:
            return Number(2, i, i + 1, exact=dual)
    if i + 1 < len(tokens) and tokens[i].text.endswith("ا") and (
            strip_article(tokens[i + 1].text) in lex.word_set("construct_complements")):
        base = tokens[i].text[:-1]
        if base.endswith("ت"):  # امرأتا → امراه
            base = base[:-1] + "ه"
        if base in lex.word_set("broken_plural") or base in lex.word_set("sound_plural"):
            return Number(2, i, i + 1)
    return None


_DUAL_ENDINGS = ("ين", "ان", "ي")  # in the order they are tried


def dual_of(word: str, lex: Lexicons) -> bool | None:
    """None if ``word`` is no dual of a listed person noun; else whether it surely is one.

    -ين/-ان/-ي (before a genitive: عنصري أمن) mark the dual; for nouns whose plural also
    ends in -ين (متظاهرين، مقاتلي الحشد) those endings are ambiguous.  The accusative singular -ا
    (شخصا) is no dual, nor is a listed singular in -ي (قاضي، راعي: the singular of قاض، راع).
    """
    if not word.endswith(_DUAL_ENDINGS):
        return None  # most words: no dual ending at all
    broken, sound = lex.word_set("broken_plural"), lex.word_set("sound_plural")
    if word in broken or word in sound:
        return None  # "القاضي"، "راعي": a defective noun's own singular (قاض، راع), not its construct dual
    for suffix in _DUAL_ENDINGS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            if base.endswith("ت"):  # امرأتين → امراه
                base = base[:-1] + "ه" if base[:-1] + "ه" in broken | sound else base
            if base in broken:
                return True
            if base in sound:
                return suffix == "ان"  # -ين and the construct -ي (مقاتلي الحشد) are plurals too
    return None
