"""A phrase index keyed by first word, for the geocoder's large name lists.

It follows :class:`marsad.text.matcher.PhraseMatcher`'s rules (proclitics on the first word,
ال optional on a word written without it, whitespace and quotes only between words) but
looks a token up with plain dictionary hits, which keeps ~15,000 place names cheap both to
load and to scan with.  One rule is added: a phrase marked *strict* does not match a token
whose ال had to be stripped to fit it (بلد, the town, is not البلد, "the country").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Generic, TypeVar

from marsad.text.matcher import Match, per_word
from marsad.text.tokens import Token, inner_keys, lookup_keys, strip_article, token_text

P = TypeVar("P")
_GAP_CHARS = " \t\u00a0\"'«»“”‘’"
_NONE: frozenset[str] = frozenset()


@lru_cache(maxsize=200_000)
def bare_forms(word: str) -> tuple[str, ...]:
    """Forms of ``word`` with its proclitics (و ف ب ل ك) peeled off, the article kept (لل → ال):
    :func:`lookup_keys` without the forms it made by dropping ال."""
    keys = lookup_keys(word)
    dropped = {strip_article(k) for k in keys if strip_article(k) != k}
    return tuple(k for k in keys if k not in dropped)


def gap_ok(text: str, end: int, start: int) -> bool:
    """True when only spaces and quotation marks stand between ``end`` and ``start``."""
    return not text[end:start].strip(_GAP_CHARS)


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field through object.__setattr__, and
class _Entry(Generic[P]):  # ~13,500 of these are made at every start-up (never changed after)
    rest: tuple[str, ...]  # words after the first
    payload: P
    strict: bool


class WordIndex(Generic[P]):
    """Folded phrases by first word; :meth:`find` returns :class:`Match` objects."""

    def __init__(self) -> None:
        self._first: dict[str, list[_Entry[P]]] = {}
        self._hits: dict[str, tuple[tuple[str, bool], ...]] = {}  # token → (key, ال stripped) with entries
        self._second_words: dict[str, frozenset[str]] = {}  # first word → the second words of its phrases
        self._one_word: dict[str, list[_Entry[P]]] = {}  # first word → its phrases of that word alone
        self.size = 0

    def add(self, words: tuple[str, ...], payload: P, strict: bool = False) -> None:
        """Add a phrase given as folded words."""
        self._first.setdefault(words[0], []).append(_Entry(words[1:], payload, strict))
        self._hits.clear()
        self._second_words.pop(words[0], None)
        self._one_word.pop(words[0], None)
        self.size += 1

    def _keys_of(self, word: str) -> tuple[tuple[str, bool], ...]:
        """The lookup keys of ``word`` that start a phrase."""
        first = self._first
        keys = [k for k in lookup_keys(word) if k in first]
        if not keys:  # most words
            return ()
        bare = bare_forms(word)
        return tuple([(k, k not in bare) for k in keys])

    def _hits_of(self, words: list[str]) -> list[tuple[tuple[str, bool], ...]]:
        """:meth:`_keys_of` of each word, through a cache of every word met so far (news reuse their words;
        bounded, for an archive's endless new ones)."""
        return per_word(self._hits, words, self._keys_of)

    def find(self, text: str, tokens: list[Token]) -> list[Match[P]]:
        """Every match in ``tokens`` (all lengths, all payloads)."""
        first = self._first
        out: list[Match[P]] = []
        found = self._hits_of(list(map(token_text, tokens)))
        for i in compress(range(len(tokens)), found):  # only the tokens that start some phrase
            tok = tokens[i]
            following: tuple[str, ...] | None = None  # the next token's forms, read once some phrase may go on
            for key, stripped in found[i]:
                seconds = self._seconds(key)
                if seconds and following is None:
                    following = _next_keys(text, tokens, i)
                # the second words of the key's phrases that the next token is: with none (علي and ام start
                # scores of names), only the key's one-word phrases can match
                going_on = seconds.intersection(following) if seconds and following else _NONE
                for entry in first[key] if going_on else self._alone(key):
                    if stripped and entry.strict:
                        continue
                    if not entry.rest:
                        last = i + 1
                    elif entry.rest[0] not in going_on:
                        continue  # the phrase's second word is not the next token: no need to read on
                    else:
                        last = _rest_end(text, tokens, i, entry.rest)
                    if last:
                        out.append(Match(i, last, tok.start, tokens[last - 1].end, entry.payload))
        return out

    def _alone(self, key: str) -> list[_Entry[P]]:
        """The phrases of the one word ``key``, in the order they were added (cached)."""
        found = self._one_word.get(key)
        if found is None:
            found = self._one_word[key] = [e for e in self._first[key] if not e.rest]
        return found

    def _seconds(self, key: str) -> frozenset[str]:
        """The second words of the phrases that start with ``key`` (cached)."""
        found = self._second_words.get(key)
        if found is None:
            found = self._second_words[key] = frozenset(e.rest[0] for e in self._first[key] if e.rest)
        return found


def _next_keys(text: str, tokens: list[Token], i: int) -> tuple[str, ...]:
    """The forms the token after ``i`` may take as a later word of a phrase (none across punctuation)."""
    j = i + 1
    if j >= len(tokens) or not gap_ok(text, tokens[i].end, tokens[j].start):
        return ()
    return inner_keys(tokens[j].text)


def _rest_end(text: str, tokens: list[Token], i: int, rest: tuple[str, ...]) -> int:
    """Token index after the phrase whose first word is token ``i`` (0 when the rest does not follow)."""
    j = i + 1
    for word in rest:
        if j >= len(tokens) or not gap_ok(text, tokens[j - 1].end, tokens[j].start):
            return 0
        if word not in inner_keys(tokens[j].text):
            return 0
        j += 1
    return j
