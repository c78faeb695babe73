"""Tokens with offsets, sentence segmentation and clitic-aware lookup keys.

Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the article (ال) to the
word: وبالموصل is "and in Mosul".  :func:`lookup_keys` lists the forms a token can take
once those are peeled off, least stripped first, so a lexicon entry written as الموصل
matches بالموصل and والموصل, and one written without ال (هجوم) also matches الهجوم.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

# Words are runs of letters (Arabic or Latin); numbers keep their separators (3,5 / 1.165).
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# Sentence ends: . ! ? ؟ ؛ and line breaks.  Not an end: a dot between digits (3.5), and an
# ellipsis ("..", "..."), which Arabic news uses as a pause inside a sentence.
#: Sentence ends, and a comma before a clause that tells something else ("، فيما قتل مدني بانفجار
#: عبوة في كركوك"، "، بينما"، "، في حين"): each clause may report its own event.
#: (The lookbehind comes after the dot, ``\.(?<![\d.]\.)``: the same matches, but the regex engine only tries
#: it where a dot is, instead of at every character.)
_SENTENCE_END_RE = re.compile(r"\.(?<![\d.]\.)(?![\d.])|[!?؟؛]|\n+|[،,](?=\s*(?:فيما|بينما|في حين)\s)")


class Token(NamedTuple):
    """One word or number of the normalised text, ``[start, end)`` in normalised offsets.

    A named tuple, not a dataclass: an article has hundreds of tokens and they are built on every run.
    """

    text: str
    start: int
    end: int
    index: int  # type: ignore[assignment]  # the token's position (shadows tuple.index, never called on a Token)

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: normalised span and the range of its tokens."""

    start: int
    end: int
    first_token: int
    last_token: int  # exclusive
    index: int
    paragraph: int


#: A token's text, as a fast key function (``map(token_text, tokens)``: no attribute lookup per token).
token_text = itemgetter(0)


def tokenise(text: str) -> list[Token]:
    """Split normalised text into word and number tokens."""
    return [Token(m.group(), m.start(), m.end(), i) for i, m in enumerate(_TOKEN_RE.finditer(text))]


def split_sentences(text: str, tokens: list[Token], starts: list[int] | None = None) -> list[Sentence]:
    """Cut the text into sentences at end punctuation and line breaks.

    ``starts`` are the tokens' start offsets, when the caller already has them.
    """
    starts = [t.start for t in tokens] if starts is None else starts
    sentences: list[Sentence] = []
    start = 0
    first = 0
    paragraph = 0
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        first = _append_sentence(sentences, starts, start, end, first, paragraph)
        if "\n" in m.group():
            paragraph += 1
        start = end
    _append_sentence(sentences, starts, start, len(text), first, paragraph)
    return sentences


def _append_sentence(sentences: list[Sentence], starts: list[int], start: int, end: int, first: int,
                     paragraph: int) -> int:
    """Add the sentence ``[start, end)`` if it holds tokens (from token ``first`` on); return the next token."""
    last = bisect_left(starts, end, first)
    if last > first:
        sentences.append(Sentence(starts[first], end, first, last, len(sentences), paragraph))
    return last


_CONJUNCTIONS = ("و", "ف")
PREPOSITION_CLITICS = ("ب", "ل", "ك")  # the one-letter prepositions written joined to their noun
#: Two-letter particles that take و/ف too ("ولم ترد أنباء"، "فلا"): the only short words peeled.
_SHORT_PARTICLES = frozenset({"لم", "لن", "لا", "قد", "ما"})
#: The letters a peelable proclitic begins with (a word starting with none has no proclitic form).
_PROCLITIC_LETTERS = frozenset(_CONJUNCTIONS + PREPOSITION_CLITICS)


def strip_article(word: str) -> str:
    """Drop a leading ال when at least two letters remain."""
    if word.startswith("ال") and len(word) >= 4:
        return word[2:]
    return word


@lru_cache(maxsize=200_000)
def lookup_keys(word: str) -> tuple[str, ...]:
    """Forms of a phrase's first word once proclitics are peeled off, least stripped first.

    Each form is listed with its article and then without it, so a lexicon word written
    without ال matches both الهجوم and هجوم, while one written with ال (التنظيم) needs it.
    """
    if word[:1] not in _PROCLITIC_LETTERS:  # most words: nothing to peel but the article
        return _article_forms(word)
    forms = [word]
    if word[:1] in _CONJUNCTIONS and (len(word) > 3 or word[1:] in _SHORT_PARTICLES):
        forms.append(word[1:])
    for form in list(forms):
        if form.startswith("لل") and len(form) > 3:
            forms.append("ال" + form[2:])
        elif form[:1] in PREPOSITION_CLITICS and len(form) > 3:
            forms.append(form[1:])
    keys: list[str] = []
    for form in forms:
        for key in (form, strip_article(form)):
            if key not in keys:
                keys.append(key)
    return tuple(keys)


def may_have_key(text: str, words: frozenset[str]) -> bool:
    """Whether some token of ``text`` may have one of ``words`` among its :func:`lookup_keys` (a quick test
    before a scan of the tokens): a key less its article lies inside its token, even one that turns "لل"
    into "ال" ("للاختناق" → "الاختناق" → "اختناق"), so False means no token has."""
    inner = _INNER.get(words)
    if inner is None:
        if len(_INNER) >= _INNER_LIMIT:  # the word sets are the lexicons' few: a bound only against misuse
            _INNER.clear()
        inner = _INNER[words] = tuple({strip_article(w): None for w in words})
    return any(map(text.__contains__, inner))


#: Each word set :func:`may_have_key` was asked about → its words less their article (made once a set).
_INNER: dict[frozenset[str], tuple[str, ...]] = {}
_INNER_LIMIT = 1024


def one_of(word: str, words: frozenset[str], proclitics: str = "وف") -> bool:
    """The word, or the word after one of the one-letter ``proclitics`` joined to it, is one of ``words`` (the
    conjunctions و، ف by default; "و" alone, or with the prepositions "وفبل", where the caller's words take them)."""
    return word in words or (word[:1] in proclitics and word[1:] in words)


@lru_cache(maxsize=100_000)
def without_conjunction(word: str) -> str:
    """The word without the conjunction و or ف joined to its front, when three letters or more remain
    ("وقتل" → "قتل", "فالقوات" → "القوات"; "وفد" stays whole)."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


@lru_cache(maxsize=200_000)
def inner_keys(word: str) -> tuple[str, ...]:
    """Forms of a later word of a phrase: as written, and without ال."""
    return _article_forms(word)


def _article_forms(word: str) -> tuple[str, ...]:
    """``word``, and ``word`` without ال when it has one to drop."""
    bare = strip_article(word)
    return (word,) if bare == word else (word, bare)
