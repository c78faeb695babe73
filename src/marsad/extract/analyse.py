"""Stage 1: normalise, tokenise, cut sentences and find every lexicon phrase and every date written in
digits once (and finish the document early when no word of it can report an event)."""

from __future__ import annotations

from collections import defaultdict

from marsad.doc import Doc
from marsad.extract.numbers import numeric_dates
from marsad.lexicon import Entry, load_lexicons
from marsad.text.matcher import Match, Screen, longest_first
from marsad.text.tokens import lookup_keys, may_have_key, split_sentences, tokenise

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
    if not _trigger_screen().any(doc.text, doc.tokens) and not _may_have_doer_verb(doc):
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
    lex = load_lexicons()
    doc.entries = _without_kin_victims(doc, _with_doer_cues(doc, resolve_overlaps(lex.matcher.find(text, doc.tokens))))
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


#: What may follow a verb of many senses as its doer (verbs.toml `doer_cue`): a named or generic armed
#: group, or aircraft ("دمرت طائرات التحالف").
_DOER_CATEGORIES = ("actor", "generic")
_DOER_CUES = ("aircraft",)
#: What may follow a verb of a demonstration's act as its doer: demonstrators (triggers.toml [cue.protesters]).
_DEMO_DOERS = ("protesters",)


#: Cues of people something was done to, which after a kin noun only say whose family the people are.
_VICTIM_CUES = ("kill", "wound", "abduction")


def _without_kin_victims(doc: Doc, entries: list[Match[Entry]]) -> list[Match[Entry]]:
    """The dead, wounded or abducted right after a kin noun (triggers.toml ``kin_nouns``: "ذوي الشهداء"، "أهالي
    الضحايا"، "عوائل المختطفين") name the people by their family's loss — "تظاهر العشرات من ذوي الشهداء" is a
    protest with no toll and no killing of its own — so neither their cue nor their casualty word is kept; nor
    is a killing right after a word of demanding (triggers.toml ``demand_words``: "مطالبين بإعدام القتلة")."""
    lex = load_lexicons()
    kin, demands = lex.word_set("kin_nouns"), lex.word_set("demand_words")
    if not may_have_key(doc.text, lex.word_set("kin_or_demand")):
        return entries
    after_kin = {i + 1 for i, t in enumerate(doc.tokens) if kin.intersection(lookup_keys(t.text))}
    # a killing demanded is a punishment called for ("مطالبين بإعدام القتلة"): no killing told
    after_demand = {i + 1 for i, t in enumerate(doc.tokens) if demands.intersection(lookup_keys(t.text))}
    if not after_kin and not after_demand:
        return entries
    return [m for m in entries if not (
        (m.first in after_kin and (m.payload.category == "casualty"
                                   or (m.payload.category == "cue" and m.payload.label in _VICTIM_CUES)))
        or (m.first in after_demand and m.payload.category == "cue" and m.payload.label == "kill"))]


def _may_have_doer_verb(doc: Doc) -> bool:
    """Whether some token is the perfect of a verb with a `doer_cue` (:func:`_with_doer_cues`)."""
    verbs = load_lexicons().verbs
    if verbs is None or not verbs.doer_cues or not may_have_key(doc.text, verbs.words["doer_forms"]):
        return False
    return any(_doer_cue(word, verbs.doer_cues) for word in {t.text for t in doc.tokens})


def _doer_cue(word: str, doer_cues: dict[str, str]) -> str | None:
    """The cue of a perfect with a `doer_cue`, the word itself or after the conjunction و or ف (a verb takes no
    other proclitic: "لقطع" is the verbal noun after ل)."""
    return doer_cues.get(word) or (doer_cues.get(word[1:]) if word[:1] in ("و", "ف") else None)


def _with_doer_cues(doc: Doc, entries: list[Match[Entry]]) -> list[Match[Entry]]:
    """A verb that is an event word only in some senses or a homograph of a noun (verbs.toml `doer_cue`:
    فجر "blew up" / "dawn", دمر "destroyed", قطع / أغلق "cut, closed") reports its cue when its perfect is
    followed right away by a doer — its subject in the verb-first order of news: "فجر عناصر داعش جسرين"،
    "وفجر مسلحون عبوة"، "دمرت طائرات التحالف مضافة"، "دمرته الطائرات الروسية".  The doer of a demonstration's
    act (a cue of family demo: a road blocked) is demonstrators ("قطع عدد من المحتجين الطريق"، "أغلق عشرات
    المتظاهرين الطريق"); of the others an armed group or aircraft.  Before a time word ("فجر الأحد") or with no
    doer ("دمر الحريق المخازن"، "قطع مسلحون الطريق" is no demonstration) it reports nothing."""
    verbs = load_lexicons().verbs
    if verbs is None or not verbs.doer_cues or not may_have_key(doc.text, verbs.words["doer_forms"]):
        return entries
    doers = {m.first for m in entries if m.payload.category in _DOER_CATEGORIES
             or (m.payload.category == "cue" and m.payload.label in _DOER_CUES)}
    demonstrators = {m.first for m in entries if m.payload.category == "cue" and m.payload.label in _DEMO_DOERS}
    cued = {m.first for m in entries if m.payload.category == "cue" and m.payload.value.trigger}
    cues = load_lexicons().cues
    heads, prepositions = verbs.words["doer_heads"], verbs.words["prepositions"]

    def doer_after(i: int, doers: set[int]) -> int:  # the doer right after, or after its head ("وحدات من الجيش")
        for j in range(i + 1, min(i + 4, len(doc.tokens))):
            if j in doers:
                return j
            if not heads.intersection(lookup_keys(doc.tokens[j].text)):
                return 0
        return 0

    added: list[Match[Entry]] = []
    for i, token in enumerate(doc.tokens[:-1]):
        cue = _doer_cue(token.text, verbs.doer_cues)
        if cue is None or i in cued or (i > 0 and prepositions.intersection(lookup_keys(doc.tokens[i - 1].text))):
            continue
        if j := doer_after(i, demonstrators if cues[cue].family == "demo" else doers):
            # the span reaches the doer's first word: the words that make the verb the act
            added.append(Match(i, j + 1, token.start, doc.tokens[j].end, Entry("cue", cue, cues[cue])))
    if not added:
        return entries
    verbs_at = {m.first for m in added}  # the verb, not the day part "فجر" (dawn) it is written like
    entries = [m for m in entries if not (m.first in verbs_at and m.payload.category == "day_part")]
    return sorted(entries + added, key=lambda m: (m.first, -(m.last - m.first)))


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
