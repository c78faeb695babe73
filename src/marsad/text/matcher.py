"""A clitic-aware phrase matcher over tokens (the one lexicon lookup every stage uses).

Phrases are folded Arabic word sequences.  The first word of a phrase matches a token with
any proclitics (و ف ب ل ك); a phrase word written without ال matches with or without it,
one written with ال needs it (التنظيم is not تنظيم).  A word ending in
``*`` matches any word that starts with it (قتل* → قتلوا، قتلت), which keeps inflection
lists short.  Words of one phrase must be separated by whitespace only, so a phrase
never runs across a comma or a sentence end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, NamedTuple, TypeVar

from marsad.text.normalise import fold
from marsad.text.tokens import Token, inner_keys, lookup_keys

P = TypeVar("P")
# Characters allowed between the words of one phrase: spaces and quotation marks.
_GAP_CHARS = " \t\u00a0\"'«»“”‘’"
_CACHE_LIMIT = 200_000  # words kept in the first-word cache


class _Node(Generic[P]):
    __slots__ = ("children", "prefixes", "payloads")

    def __init__(self) -> None:
        self.children: dict[str, _Node[P]] = {}
        self.prefixes: dict[str, _Node[P]] = {}
        self.payloads: list[P] = []


class Match(NamedTuple, Generic[P]):
    """Tokens ``[first, last)`` matched a phrase carrying ``payload`` (a named tuple: built by the hundred)."""

    first: int
    last: int
    start: int  # normalised character offsets
    end: int
    payload: P


class PhraseMatcher(Generic[P]):
    """Find lexicon phrases in a token sequence."""

    def __init__(self) -> None:
        self._root: _Node[P] = _Node()
        self._prefix_lengths: set[int] = set()
        self.size = 0
        # word → the root's nodes it reaches (all clitic forms, exact and prefix entries); words repeat
        # a lot, so this cache makes the first step of every phrase one dictionary lookup
        self._first: dict[str, tuple[_Node[P], ...]] = {}

    def add(self, phrase: str, payload: P) -> None:
        """Add one phrase (any spelling; it is folded here)."""
        words = fold(phrase).split()
        if not words:
            raise ValueError(f"empty phrase for {payload!r}")
        node = self._root
        for word in words:
            if word.endswith("*"):
                stem = word[:-1]
                self._prefix_lengths.add(len(stem))
                node = node.prefixes.setdefault(stem, _Node())
            else:
                node = node.children.setdefault(word, _Node())
        node.payloads.append(payload)
        self.size += 1
        self._first.clear()

    def add_all(self, phrases: Iterable[str], payload: P) -> None:
        for phrase in phrases:
            self.add(phrase, payload)

    def _step(self, node: _Node[P], key: str) -> Iterator[_Node[P]]:
        nxt = node.children.get(key)
        if nxt is not None:
            yield nxt
        if node.prefixes:
            for n in self._prefix_lengths:
                if n <= len(key):
                    nxt = node.prefixes.get(key[:n])
                    if nxt is not None:
                        yield nxt

    def find(self, text: str, tokens: list[Token], first: int = 0, last: int | None = None) -> list[Match[P]]:
        """Every match starting at tokens ``first..last`` (all lengths, all payloads)."""
        last = len(tokens) if last is None else last
        out: list[Match[P]] = []
        cached = self._first  # most words are in the cache: one lookup, no call
        extend = self._extend
        for i in range(first, last):
            word = tokens[i].text
            nodes = cached.get(word)
            if nodes is None:
                nodes = self._first_nodes(word)
            for node in nodes:
                extend(text, tokens, i, i + 1, node, last, out)
        return out

    def _first_nodes(self, word: str) -> tuple[_Node[P], ...]:
        """The distinct root nodes ``word`` reaches through any of its clitic forms (cached)."""
        found = self._first.get(word)
        if found is None:
            nodes: list[_Node[P]] = []
            for key in lookup_keys(word):
                for node in self._step(self._root, key):
                    if all(node is not n for n in nodes):
                        nodes.append(node)
            if len(self._first) >= _CACHE_LIMIT:  # bounded: a multi-million-article run meets endless new words
                self._first.clear()
            found = self._first[word] = tuple(nodes)
        return found

    def _extend(
        self, text: str, tokens: list[Token], first: int, j: int, node: _Node[P], last: int, out: list[Match[P]]
    ) -> None:
        for payload in node.payloads:
            out.append(Match(first, j, tokens[first].start, tokens[j - 1].end, payload))
        if j >= last or not (node.children or node.prefixes):
            return
        prev, tok = tokens[j - 1], tokens[j]
        if text[prev.end : tok.start].strip(_GAP_CHARS):
            return
        seen: set[int] = set()
        for key in inner_keys(tok.text):
            for nxt in self._step(node, key):
                if id(nxt) not in seen:
                    seen.add(id(nxt))
                    self._extend(text, tokens, first, j + 1, nxt, last, out)


def longest_first(matches: list[Match[P]]) -> list[Match[P]]:
    """Keep the longest of overlapping matches, scanning left to right."""
    ordered = sorted(matches, key=lambda m: (m.first, -(m.last - m.first)))
    kept: list[Match[P]] = []
    end = -1
    for m in ordered:
        if m.first >= end:
            kept.append(m)
            end = m.last
    return kept
