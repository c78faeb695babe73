"""Stage 1: normalise, tokenise, cut sentences and find every lexicon phrase and every date written in
digits once (and finish the document early when no word of it can report an event)."""

from __future__ import annotations

from collections import defaultdict

from marsad.doc import Doc
from marsad.extract.numbers import numeric_dates
from marsad.lexicon import Entry, load_lexicons
from marsad.text.matcher import Match, Screen, longest_first
from marsad.text.tokens import split_sentences, tokenise

#: Categories whose matches compete for the same words (the longest wins within a group).
_GROUPS = {
    "cue": "cue",
    "actor": "actor", "generic": "actor",
    "casualty": "casualty",
    "weekday": "time", "month": "time", "hijri_month": "time", "relative_day": "time", "period": "time",
    "day_part": "time", "month_part": "time", "ordinal": "time",
    "modality": "modality",
    "vague": "quantity", "qualifier": "quantity",
}


def screen_and_analyse(doc: Doc) -> None:
    """The pipeline's first stage: :func:`analyse`, unless no trigger phrase occurs in the document (most
    news): then it is finished with its tokens only.  :func:`analyse` finishes a document whose lexicon
    matches hold no trigger cue; with no trigger phrase at all there is none."""
    doc.tokens = tokenise(doc.text)
    if not _trigger_screen().any(doc.text, doc.tokens):
        doc.finished = True
        return
    _analyse_tokens(doc)


def _is_trigger(entry: Entry) -> bool:
    return entry.category == "cue" and bool(entry.value.trigger)


def _trigger_screen() -> Screen[Entry]:
    """The trigger screen of the lexicons in use (made again when they are reloaded)."""
    lex = load_lexicons()
    if _SCREENS.get(id(lex.matcher)) is None:
        _SCREENS.clear()
        _SCREENS[id(lex.matcher)] = Screen(lex.matcher, _is_trigger)
    return _SCREENS[id(lex.matcher)]


_SCREENS: dict[int, Screen[Entry]] = {}


def analyse(doc: Doc) -> None:
    """Fill ``tokens``, ``sentences``, ``entries``, ``title_end`` and (when the rest will run) ``digit_dates``."""
    doc.tokens = tokenise(doc.text)
    _analyse_tokens(doc)


def _analyse_tokens(doc: Doc) -> None:
    """:func:`analyse` once ``doc.tokens`` is set."""
    text = doc.text
    doc.token_starts = [t.start for t in doc.tokens]
    doc.sentences = split_sentences(text, doc.tokens, doc.token_starts)
    if doc.article.title:
        cut = text.find("\n\n")
        doc.title_end = cut if cut >= 0 else 0
    doc.entries = resolve_overlaps(load_lexicons().matcher.find(text, doc.tokens))
    per_sentence: list[list[Match[Entry]]] = [[] for _ in doc.sentences]
    starts = [s.first_token for s in doc.sentences]
    k = 0
    for m in doc.entries:  # entries are sorted by first token
        while k + 1 < len(starts) and starts[k + 1] <= m.first:
            k += 1
        if per_sentence:
            per_sentence[k].append(m)
    doc.entries_by_sentence = per_sentence
    doc.index_by_category()
    # no trigger word anywhere (most news): no sentence can report an event, the rest is skipped
    doc.finished = not any(m.payload.category == "cue" and m.payload.value.trigger for m in doc.entries)
    if not doc.finished:
        doc.digit_dates = numeric_dates(text)  # read by the time stage, left alone by the toll stage


def resolve_overlaps(matches: list[Match[Entry]]) -> list[Match[Entry]]:
    """Keep the longest match within each category group; groups may overlap each other."""
    groups: dict[str, list[Match[Entry]]] = defaultdict(list)
    for m in matches:
        groups[_GROUPS.get(m.payload.category, m.payload.category)].append(m)
    kept: list[Match[Entry]] = []
    for group in groups.values():
        kept.extend(longest_first(group))
    kept.sort(key=lambda m: (m.first, -(m.last - m.first)))
    return kept
