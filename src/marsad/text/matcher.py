"""A clitic-aware phrase matcher over tokens (the one lexicon lookup every stage uses).

Phrases are folded Arabic word sequences.  The first word of a phrase matches a token with
any proclitics (و ف ب ل ك); a phrase word written without ال matches with or without it,
one written with ال needs it (التنظيم is not تنظيم).  A word ending in
``*`` matches any word that starts with it (قتل* → قتلوا، قتلت), which keeps inflection
lists short.  Words of one phrase must be separated by whitespace only, so a phrase
never runs across a comma or a sentence end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress
from typing import Generic, NamedTuple, TypeVar

from marsad.text.normalise import fold
from marsad.text.tokens import Token, inner_keys, lookup_keys, token_text

P = TypeVar("P")
# Characters allowed between the words of one phrase: spaces and quotation marks.
_GAP_CHARS = " \t\u00a0\"'«»“”‘’"
_CACHE_LIMIT = 200_000  # words kept in the first-word cache

V = TypeVar("V")


def per_word(cache: dict[str, V], words: list[str], compute: Callable[[str], V]) -> list[V]:
    """``compute(word)`` for each word, through ``cache``, a memo of every word met so far: news reuse
    their words, so an article costs one dictionary lookup a word, made for all its words at once.
    Bounded (:data:`_CACHE_LIMIT` words; emptied when full): an archive meets endless new words."""
    new = set(words).difference(cache)
    if new:
        if len(cache) + len(new) > _CACHE_LIMIT:
            cache.clear()  # the words met before are gone too: all of this text's words are new again
            new = set(words)
            if len(new) > _CACHE_LIMIT:
                return [compute(word) for word in words]
        for word in new:
            cache[word] = compute(word)
    return list(map(cache.__getitem__, words))




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
        # word → the root's nodes it reaches (all clitic forms, exact and prefix entries)
        self._first: dict[str, tuple[_Node[P], ...]] = {}
        self._heads: tuple[dict[str, tuple[int, ...]], int] | None = None  # see _stem_heads

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
        self._heads = None

    def add_all(self, phrases: Iterable[str], payload: P) -> None:
        for phrase in phrases:
            self.add(phrase, payload)

    def _next_nodes(self, node: _Node[P], word: str) -> list[_Node[P]]:
        """The nodes below ``node`` that a later word of a phrase reaches when it is ``word`` (as written or
        without ال, whole or through a stem), each once, in the order its forms and stems reach them."""
        children, prefixes = node.children, node.prefixes
        found: list[_Node[P]] = []
        for key in inner_keys(word):
            nxt = children.get(key)
            if nxt is not None and nxt not in found:  # nodes compare by identity
                found.append(nxt)
            if prefixes:
                for n in self._prefix_lengths:
                    if n <= len(key):
                        nxt = prefixes.get(key[:n])
                        if nxt is not None and nxt not in found:
                            found.append(nxt)
        return found

    def find(self, text: str, tokens: list[Token], first: int = 0, last: int | None = None) -> list[Match[P]]:
        """Every match starting at tokens ``first..last`` (all lengths, all payloads)."""
        last = len(tokens) if last is None else last
        out: list[Match[P]] = []
        extend = self._extend
        found = self.first_nodes(list(map(token_text, tokens[first:last])))
        for k in compress(range(len(found)), found):  # only the tokens that start some phrase
            i = first + k
            for node in found[k]:
                extend(text, tokens, i, i + 1, node, last, out)
        return out

    def first_nodes(self, words: list[str]) -> list[tuple[_Node[P], ...]]:
        """For each word, the distinct trie nodes a phrase starting with a token of that word reaches through
        any of its clitic forms.  Through a cache of every word met so far: words repeat a lot, so the
        first step of a phrase is one dictionary lookup, made for all tokens at once.  Bounded: a
        multi-million-article run meets endless new words."""
        return per_word(self._first, words, self._root_nodes)

    def _root_nodes(self, word: str) -> tuple[_Node[P], ...]:
        """:meth:`_next_nodes` from the root for each lookup key of ``word``, each node once (inlined: every new
        word of a text comes here)."""
        nodes: list[_Node[P]] = []
        children, prefixes = self._root.children, self._root.prefixes
        heads, shortest = self._stem_heads()
        for key in lookup_keys(word):
            nxt = children.get(key)
            if nxt is not None and nxt not in nodes:  # nodes compare by identity
                nodes.append(nxt)
            lengths = heads.get(key[:shortest])
            if lengths:  # some stem may start the key: try the lengths of the stems that begin so
                size = len(key)
                for n in lengths:
                    if n <= size:
                        nxt = prefixes.get(key[:n])
                        if nxt is not None and nxt not in nodes:
                            nodes.append(nxt)
        return tuple(nodes)

    def _stem_heads(self) -> tuple[dict[str, tuple[int, ...]], int]:
        """The first letters (as many as the shortest stem has) of the root's stem entries, each with the
        lengths of the stems that begin with them (in the order of ``_prefix_lengths``), and that number
        of letters: a key that starts with none of them starts with no stem."""
        if self._heads is None:
            stems = self._root.prefixes
            shortest = min(map(len, stems), default=0)
            lengths: dict[str, set[int]] = {}
            for stem in stems:
                lengths.setdefault(stem[:shortest], set()).add(len(stem))
            self._heads = ({head: tuple(n for n in self._prefix_lengths if n in found)
                            for head, found in lengths.items()}, shortest)
        return self._heads

    def _extend(
        self, text: str, tokens: list[Token], first: int, j: int, node: _Node[P], last: int, out: list[Match[P]]
    ) -> None:
        """Add the matches of ``node`` (reached by tokens ``[first, j)``) and of the nodes below it to ``out``."""
        for payload in node.payloads:
            out.append(Match(first, j, tokens[first].start, tokens[j - 1].end, payload))
        if j >= last or not (node.children or node.prefixes):
            return
        prev, tok = tokens[j - 1], tokens[j]
        if text[prev.end : tok.start].strip(_GAP_CHARS):
            return
        for nxt in self._next_nodes(node, tok.text):
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


class Screen(Generic[P]):
    """Whether a text holds a match of ``matcher`` whose payload ``keep`` accepts, for a fraction of the
    cost of :meth:`PhraseMatcher.find` when most texts hold none.

    Each word met is sorted once, from the matcher's own first-word cache, into those that are such a
    phrase by themselves (in some clitic form), those that only begin longer ones, and the rest; a
    text's words are then checked against these sets all at once.  Only where a word begins longer
    phrases is the rest of a phrase looked for, as :meth:`PhraseMatcher.find` does from that token.
    The answer is therefore exactly whether ``find`` would return such a match.
    """

    def __init__(self, matcher: PhraseMatcher[P], keep: Callable[[P], bool]) -> None:
        self._matcher = matcher
        self._keep = keep
        self._reset()

    def _reset(self) -> None:
        self._size = self._matcher.size
        self._flags: dict[int, tuple[bool, bool]] = {}  # root-level node (by id) → (whole, longer)
        self._seen: set[str] = set()
        self._whole: set[str] = set()  # words that are a kept phrase by themselves
        self._opening: set[str] = set()  # words that only begin longer kept phrases

    def any(self, text: str, tokens: list[Token]) -> bool:
        """Whether some kept phrase matches in ``tokens``."""
        if self._matcher.size != self._size:  # phrases added since: sort the words again
            self._reset()
        words = set(map(token_text, tokens))
        new = words.difference(self._seen)
        if new:
            self._sort(new)
        if not self._whole.isdisjoint(words):
            return True
        opening = self._opening.intersection(words)
        return bool(opening) and any(self._starts_at(text, tokens, t.index) for t in tokens if t.text in opening)

    def _starts_at(self, text: str, tokens: list[Token], i: int) -> bool:
        """Whether a kept phrase starts at token ``i``."""
        matcher, keep = self._matcher, self._keep
        for node in matcher.first_nodes([tokens[i].text])[0]:
            found: list[Match[P]] = []
            matcher._extend(text, tokens, i, i + 1, node, len(tokens), found)
            if any(keep(m.payload) for m in found):
                return True
        return False

    def _sort(self, new: set[str]) -> None:
        if len(self._seen) + len(new) > _CACHE_LIMIT:  # bounded, as the matcher's cache
            self._seen.clear()
            self._whole.clear()
            self._opening.clear()
        self._seen |= new
        words = list(new)
        node_flags = self._node_flags
        reached = self._matcher.first_nodes(words)
        for word, nodes in compress(zip(words, reached, strict=True), reached):  # words that start some phrase
            found = [node_flags(node) for node in nodes]
            if any(whole for whole, _ in found):
                self._whole.add(word)
            elif any(longer for _, longer in found):
                self._opening.add(word)

    def _node_flags(self, node: _Node[P]) -> tuple[bool, bool]:
        """Whether ``node`` has a kept payload, and whether a node below it has (made once per node)."""
        found = self._flags.get(id(node))
        if found is None:
            found = self._flags[id(node)] = (any(self._keep(p) for p in node.payloads),
                                             any(self._holds(c) for c in (*node.children.values(),
                                                                          *node.prefixes.values())))
        return found

    def _holds(self, node: _Node[P]) -> bool:
        return any(self._keep(p) for p in node.payloads) or any(
            self._holds(c) for c in (*node.children.values(), *node.prefixes.values()))
