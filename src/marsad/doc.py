"""The document that flows through the extraction pipeline.

A :class:`Doc` starts as an :class:`~marsad.model.Article`; each stage of
:mod:`marsad.pipeline` reads what earlier stages set and adds its own layer
(``tokens``, ``sentences``, ``entries``, ``frames``, ``places``, ``tolls``, ``times``,
``mentions``, ``events``).  All offsets inside a Doc are in the *normalised* text;
:meth:`Doc.evidence` maps a span back to the article text as given.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from marsad.lexicon import Entry
from marsad.model import Article, Event, EventMention, Evidence
from marsad.text.matcher import Match
from marsad.text.normalise import NormalisedText
from marsad.text.tokens import Sentence, Token

if TYPE_CHECKING:
    from marsad.extract.frames import Frame
    from marsad.extract.time import TimeMention
    from marsad.extract.toll import TollMention
    from marsad.geo.resolve import ResolvedPlace


@dataclass(slots=True)
class Doc:
    """An article and the layers the pipeline stages add to it."""

    article: Article
    norm: NormalisedText
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entries: list[Match[Entry]] = field(default_factory=list)  # lexicon matches, longest first
    frames: list[Frame] = field(default_factory=list)  # who did what to whom, clause by clause
    places: list[ResolvedPlace] = field(default_factory=list)
    tolls: list[TollMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    threads: list[int] = field(default_factory=list)  # per sentence, the one that opened its story (time stage)
    mentions: list[EventMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entries_by_sentence: list[list[Match[Entry]]] = field(default_factory=list)
    token_starts: list[int] = field(default_factory=list)
    _by_category: list[dict[str, list[Match[Entry]]]] = field(default_factory=list)
    _selections: dict[tuple[int, tuple[str, ...]], list[Match[Entry]]] = field(default_factory=dict)
    title_end: int = 0  # normalised offset where the title ends (0: no title)
    digit_dates: list[tuple[int, int, int, int, int]] = field(default_factory=list)  # "28/7/2021": start, end, y, m, d
    finished: bool = False  # a stage found nothing left to do: the pipeline skips the rest

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def published(self) -> date | None:
        return self.article.published

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for normalised span ``[start, end)``, in the article's own offsets."""
        s, e = self.norm.span(start, end)
        return Evidence(s, e, self.norm.original[s:e])

    def sentence_entries(self, sentence: Sentence, *categories: str) -> list[Match[Entry]]:
        """Lexicon matches inside ``sentence`` (optionally only of the given categories), in text order: a list
        shared with later callers (not to be changed)."""
        found = self.entries_by_sentence[sentence.index]
        if not categories:
            return found
        if len(categories) == 1:
            return self._by_category[sentence.index].get(categories[0], [])
        key = (sentence.index, categories)  # the stages ask the same few sets again and again
        kept = self._selections.get(key)
        if kept is None:
            kept = self._selections[key] = [m for m in found if m.payload.category in categories]
        return kept

    def span_text(self, first: int, last: int) -> str:
        """The normalised text of tokens ``[first, last)`` ("" for no token)."""
        return self.text[self.tokens[first].start:self.tokens[last - 1].end] if last > first else ""

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    def sentence_digit_dates(self, sentence: Sentence) -> list[tuple[int, int, int, int, int]]:
        """The dates written in digits inside ``sentence`` (found once for the document by ``analyse``)."""
        return [d for d in self.digit_dates if sentence.start <= d[0] < sentence.end]

    def index_by_category(self) -> None:
        """Group each sentence's matches by category (called once the matches are known)."""
        self._by_category = []
        self._selections = {}
        for found in self.entries_by_sentence:
            groups: dict[str, list[Match[Entry]]] = {}
            for m in found:
                groups.setdefault(m.payload.category, []).append(m)
            self._by_category.append(groups)

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after normalised ``offset``."""
        return bisect_left(self.token_starts, offset)

    def in_title(self, sentence: Sentence) -> bool:
        return sentence.start < self.title_end
