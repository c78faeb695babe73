"""Stage: clause frames — who did what to whom, read once for every clause that reports something.

For each predicate of ``verbs.toml`` (a verb in any of its generated forms, or an event noun) in a
sentence that holds a trigger word, a :class:`Frame` names the predicate (lemma, voice, tense,
modality flags), its agent, its patient, its obliques by their marker and the counts in its clause,
each with its span.  The words that can fill a slot are the actors and descriptions the ``analyse``
stage found (``actors.toml``), extended over a head noun in construct with them ("مسلحي داعش"،
"قوة من الجيش"), and possessive force nouns that point back to the statement's subject ("قواتها").

The principles (docs/extraction.md, "Clause frames"):

* Active verb: the subject is the name right after the verb (VSO) or the name that opens the clause
  before it (SVO); the object is the next name, or the name after the verb's preposition (أغار على).
* Passive verb (اغتيل، أصيب، or an unvoweled form whose clause reads passive: a count or people
  right after it, "قتل 5 جنود"): the subject is the patient, the agent is an oblique (على يد، من قبل،
  بنيران، برصاص، a strike noun with ب).
* Verbal noun: its genitive is the patient of a casualty noun ("مقتل 5 من عناصر الشرطة") and the
  agent of an attack noun ("قصف الطيران"); a name with ل is the agent ("هجوم لداعش").
* A light verb (شن، نفذ) gives its subject to the attack noun it carries ("هجوم شنه التنظيم").
* A repelled attack (صد، تصدى، أحبط) inverts the sides: the attack's owner acts, the repeller is
  its target.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from marsad.doc import Doc
from marsad.extract.numbers import read_number
from marsad.lexicon import Entry, Form, Lexicons, VerbLexicon, load_lexicons
from marsad.text.matcher import Match
from marsad.text.tokens import (
    PREPOSITION_CLITICS,
    Sentence,
    Token,
    lookup_keys,
    strip_article,
    token_text,
    without_conjunction,
)

_SUBJECT_REACH = 3  # words between a verb and its subject (VSO): time words, "مجددا"
_GENITIVE_REACH = 2  # an adjective may stand between a noun and its genitive ("هجوم انتحاري لداعش")
_NOUN_REACH = 8  # the reach of an event noun's obliques
_LINK_REACH = 4  # a light or repel verb and the attack noun it carries
_MODAL_REACH = 5
_CONDITION_OPENS = 1  # the word of condition opens the sentence: its first word, or its second ("وفي حال")
_CARRY_REACH = 12
_VICTIM_REACH = 10  # "قامت مجموعة من عصابات داعش، من خلال حاجز وهمي على طريق رئيسي، بقتل 15 شخصا"
_PROCLITICS = ("و", "ف")
_SIDE_GAP = frozenset({"من", "جهه", "طرف", "ناحيه"})  # "بين قوات النظام من جهة، والفصائل من جهة أخرى"
_PLURAL_HEADS = frozenset({"قيادات", "قاده", "عناصر", "مقاتلي", "مسلحي", "افراد", "اعضاء"})
_BELONGING = frozenset({"تابعه", "تابع", "تابعين", "تابعون", "موالين", "مواليه", "موالون", "ينتمون", "المنتمين"})
#: families whose unvoweled perfect news uses in the passive (the victims: "قتل 5 جنود"، "خطف 3 مدنيين")
_TOLD_PASSIVE = frozenset({"kill", "wound", "abduction", "arrest"})
_FORCE_HEADS = frozenset({"قوه", "قوات", "مفرزه", "وحدات", "وحده", "طائرات", "طائره", "مقاتلات",
                          "مروحيات", "مدفعيه", "فصائل", "فصيل", "كتيبه", "لواء", "فوج", "سريه"})


@dataclass(frozen=True, slots=True)
class Argument:
    """A slot filler: tokens ``[first, last)`` (normalised offsets ``[start, end)``).

    ``actor_first`` is the first token of the lexicon name it holds (-1 for a pointer such as
    "قواتها", whose actor is the statement's subject or the region's army)."""

    role: str  # agent / patient / oblique
    marker: str  # "" for a core argument, the marker phrase, "ل"/"ب" for a clitic on the name
    first: int
    last: int
    start: int
    end: int
    actor_first: int
    text: str
    side: int = 0  # the side of a clash it is told on after بين (allies share a side)


@dataclass(frozen=True, slots=True)
class PredicateUse:
    """A predicate as used in one clause."""

    lemma: str
    family: str
    kind: str  # verb / noun / participle
    voice: str  # active / passive / noun
    tense: str  # perfect / imperfect / ""
    person: str
    first: int
    start: int
    end: int
    text: str
    negated: bool = False
    planned: bool = False
    hypothetical: bool = False
    future: bool = False
    metaphor: bool = False
    background: bool = False  # the pluperfect or "سابقا": what had happened before the news
    clitic: str = ""  # the object or possessive pronoun on the form ("هجومهم"، "قتلوهم")
    habitual: bool = False  # what an actor does as a habit, a description of it, not an incident (``_habitual_spans``)


@dataclass(slots=True)
class Frame:
    """One clause: its predicate, agent, patient, obliques and counts (value, start, end)."""

    sentence: int
    predicate: PredicateUse
    agent: Argument | None = None
    patient: Argument | None = None
    obliques: list[Argument] = field(default_factory=list)
    counts: list[tuple[int, int, int]] = field(default_factory=list)
    event_subject: int = -1  # the event noun that is the verb's subject ("غارة تستهدف قياديا"), by token
    own_attack: bool = False  # its victims fell in their own attack ("قتل 5 من عناصر الشرطة أثناء هجومهم")

    @property
    def real(self) -> bool:
        """Told as having happened: not negated, planned, hypothetical, future or a figure of speech."""
        p = self.predicate
        return not (p.negated or p.planned or p.hypothetical or p.future or p.metaphor or p.background
                    or p.habitual)

    def to_record(self, doc: Doc | None = None) -> dict[str, object]:
        """A plain record; with ``doc``, spans and words are those of the article as given."""
        def span(start: int, end: int) -> list[int]:
            return list(doc.norm.span(start, end)) if doc is not None else [start, end]

        def words(start: int, end: int, text: str) -> str:
            return doc.norm.original_text(start, end) if doc is not None else text

        def arg(a: Argument | None) -> dict[str, object] | None:
            return None if a is None else {"text": words(a.start, a.end, a.text), "marker": a.marker,
                                           "span": span(a.start, a.end)}

        p = self.predicate
        return {
            "sentence": self.sentence, "predicate": words(p.start, p.end, p.text), "lemma": p.lemma,
            "family": p.family, "kind": p.kind, "voice": p.voice, "tense": p.tense, "person": p.person,
            "span": span(p.start, p.end),
            "flags": [f for f in _FLAGS if getattr(p, f)],
            "agent": arg(self.agent), "patient": arg(self.patient),
            "obliques": [arg(a) for a in self.obliques], "counts": [list(c) for c in self.counts],
        }


@dataclass(frozen=True, slots=True)
class _Unit:
    """A name (or a pointer) that can fill a slot, with the head nouns before it ("مسلحي داعش").

    ``oblique_case``: a person noun in -ين or -ًا ("المسلحين"، "عنصرا"): the accusative or genitive, never
    the subject of a verb (the nominative is -ون: "المسلحون")."""

    first: int  # the phrase's first token, head nouns included
    name_first: int  # the lexicon name's first token (-1 for a pointer)
    last: int
    marker: str
    kind: str  # "" core, or the marker's class: agent / patient / partitive / comitative / between / place / ل / ب
    counted: bool  # a count stands right before it
    person: bool  # people ("5 جنود"، "مدنيين") rather than a force ("قوات البيشمركة")
    oblique_case: bool = False
    generic: bool = False  # a description ("عسكرية"، "مسلحين"), not a name
    clause_subject: bool = False  # the noun phrase right after إنّ/أنّ: the embedded clause's subject
    # a sound plural in construct in the oblique ("مقاتلي داعش"): after a clause-opening subject it is the object
    # ("وحدات من الجيش هاجمت مقاتلي داعش"); alone after the verb news also writes it as the subject
    oblique_construct: bool = False
    joined: bool = False  # shares the marker of the name before it ("بين مسلحين من داعش وقوات الشرطة")
    side: int = 0  # its side of a clash after بين (``_number_sides``)
    unknown_gunmen: bool = False  # "مسلحون مجهولون": people the text knows only as armed attackers
    # an indefinite vehicle, post or person with its owner after ل ("دبابة لقوات النظام"): a noun phrase of its
    # own, after a complete subject the verb's object (``_owned_head``)
    owned: bool = False


@dataclass(slots=True)
class _Context:
    """The clause of one predicate: ``[left, right)``, the names and counts of the sentence."""

    left: int
    right: int
    units: list[_Unit]
    counts: dict[int, tuple[int, int]]
    used: set[int]
    event_subject: int = -1
    resumed: _Unit | None = None
    doc: Doc | None = None

    @property
    def text(self) -> str:
        assert self.doc is not None
        return self.doc.text

    def token_end(self, j: int) -> int:
        assert self.doc is not None
        return self.doc.tokens[j].end

    def token_start(self, j: int) -> int:
        assert self.doc is not None
        return self.doc.tokens[j].start

    def before_verb(self, u: _Unit) -> bool:
        """No other name stands before ``u`` in the clause (it is the only candidate subject)."""
        return not any(self.left <= v.first < u.first and v.kind == "" for v in self.units)


def find_frames(doc: Doc) -> None:
    """Fill ``doc.frames``: the frames of every sentence that holds a trigger word."""
    lex = load_lexicons()
    verbs = lex.verbs
    assert verbs is not None
    doc.frames = []
    for sentence in doc.sentences:
        if any(m.payload.value.trigger for m in doc.sentence_entries(sentence, "cue")):
            doc.frames.extend(sentence_frames(doc, sentence, lex, verbs))


def sentence_frames(doc: Doc, sentence: Sentence, lex: Lexicons, verbs: VerbLexicon) -> list[Frame]:
    """The frames of one sentence (one pass over its tokens)."""
    tokens = doc.tokens
    lo, hi = sentence.first_token, sentence.last_token
    predicates: list[tuple[int, Form]] = []
    counts: dict[int, tuple[int, int]] = {}  # first token → (value, last)
    boundaries: list[int] = []
    edges: list[int] = []  # predicates and boundaries: where clauses end
    after_preposition = False
    marks: dict[str, list[int]] = {}  # scope words by kind: their tokens
    infos = list(map(_token_info, map(token_text, tokens[lo:hi])))
    name_heads = verbs.words["name_heads"]
    light = -_LINK_REACH - 1  # the last light verb (شن، واصل، كثف …): its object is a noun
    for j, info in enumerate(infos, lo):
        if info is None:  # most words: nothing a frame needs
            after_preposition = False
            continue
        number_word, preposition, boundary, plain, nominal, kinds = info
        for kind in kinds:
            marks.setdefault(kind, []).append(j)
        if number_word:
            number = read_number(tokens, j, lex)
            if number is not None and number.last > j:
                counts[j] = (number.value, number.last)
        form = nominal if after_preposition else plain
        if form is not None and form.kind == "verb" and form.clitic and nominal is not None and nominal.clitic \
                and 0 < j - light <= _LINK_REACH:
            form = nominal  # "كثفت قوات النظام قصفها"، "واصلت غاراتها": a light verb's object, the noun with "its"
        if form is not None and form.kind == "verb" and form.predicate.family == "support":
            light = j
        if (form is not None and form.kind != "verb" and j > lo
                and without_conjunction(tokens[j - 1].text) in name_heads):
            form = None  # "جيش التحرير الفلسطيني": the noun is part of an organisation's name
        if form is not None:
            predicates.append((j, form))
            edges.append(j)
        elif boundary:
            boundaries.append(j)
            edges.append(j)
        after_preposition = preposition
    units = _units(doc, sentence, lex, verbs, counts, marks.get("pointing_forces", []))
    backgrounds = _background_spans(doc, sentence, marks, dict(predicates))
    modality = doc.sentence_entries(sentence, "modality")
    names = {j for m in doc.sentence_entries(sentence, "actor", "generic") for j in range(m.first, m.last)}
    habits = _habitual_spans(doc, sentence, marks, predicates, counts, names)
    ordered_counts = sorted(counts.items())
    if not any(f.predicate.family != "modal" for _, f in predicates):
        return _bare_frame(doc, sentence, units)
    frames: list[Frame] = []
    # a sentence that opens with a condition ("وفي حال تمكنت الفصائل من السيطرة على البلدة، يصبح بإمكانها
    # استهداف القرى"، "وإذا هاجم التنظيم المدينة فإن الجيش سيقصف مواقعه") tells neither the condition nor
    # what would follow from it as having happened, however far its consequence reaches
    conditional = any(j - lo <= _CONDITION_OPENS for j in marks.get("hypothetical", ()))
    used: set[int] = set()  # names already taken as a verb's subject after it (VSO)
    cues = doc.sentence_entries(sentence, "cue")
    cue_tokens = {m.first for m in cues if m.payload.value.trigger}
    event_words = {m.first: m.last for m in cues}  # weapons too ("عبوة ناسفة": a cue that only refines)
    unknown = {m.first for m in doc.sentence_entries(sentence, "actor") if m.payload.label == _UNKNOWN}
    for k, form in predicates:
        at = bisect_left(edges, k)  # k itself is an edge
        left = edges[at - 1] + 1 if at > 0 else lo
        right = edges[at + 1] if at + 1 < len(edges) else hi
        context = _Context(left, right, units, counts, used, doc=doc)
        voice = "noun" if form.kind != "verb" else form.voice
        if form.kind == "verb":
            context.left = _clause_start(doc, k, left)
            # "هجوم شنه": with a pronoun the noun before is the verb's object, not its subject
            if not form.clitic and form.predicate.family not in ("support", "repel"):
                context.event_subject = _event_subject(k, context.left, predicates, units)
                if context.event_subject < 0:
                    context.event_subject = _event_subject_after(doc, k, form, event_words, units, right, unknown)
            context.resumed = _resumed(doc, k, boundaries, units, lo)
            voice = _voice(doc, form, k, context)
        use = _use(doc, k, form, predicates, marks, voice, (modality, names, backgrounds))
        if any(a <= k < b for a, b in habits):
            use = replace(use, habitual=True)
        if conditional and not use.hypothetical:
            use = replace(use, hypothetical=True)
        frame = Frame(sentence.index, use, event_subject=context.event_subject)
        _fill(doc, frame, form, k, context)
        frame.counts = [(v, tokens[c].start, tokens[last - 1].end) for c, (v, last) in ordered_counts
                        if left <= c < right]
        frames.append(frame)
    _link(frames, cue_tokens)
    _attach_orphans(doc, frames, units)
    return frames


def _bare_frame(doc: Doc, sentence: Sentence, units: list[_Unit]) -> list[Frame]:
    """A sentence with an event word but no predicate of ``verbs.toml`` ("حريق مبناها على يد المتظاهرين"):
    one frame without a predicate holds the names marked as sides."""
    marked = [u for u in units if u.kind in _SIDE_KINDS]
    if not marked:
        return []
    token = doc.tokens[sentence.first_token]
    frame = Frame(sentence.index, PredicateUse("", "", "none", "", "", "", sentence.first_token, token.start,
                                               token.start, ""))
    frame.obliques = [_argument(doc, u, "oblique") for u in marked]
    return [frame]


def _attach_orphans(doc: Doc, frames: list[Frame], units: list[_Unit]) -> None:
    """A name marked as a side ("ضد داعش"، "على يد قوات الأمن"، "في صفوف التنظيم") outside every clause
    window belongs to the nearest predicate of the sentence, as an oblique — but the sides listed after one
    بين belong to the predicate the list's first side went to, however long the list ("الاشتباكات بين الفرقة
    الرابعة وحزب الله وقوات الدفاع الوطني وجيش التحرير الفلسطيني من جهة، والفصائل المقاتلة من جهة أخرى ما
    أدى لمقتل عنصر": the factions are the clash's other side, not the killing's)."""
    if not frames:
        return
    holder = {a.first: f for f in frames for a in (f.agent, f.patient, *f.obliques) if a is not None}
    listed: Frame | None = None  # the frame that holds the list of sides after بين being read
    for u in units:
        if u.kind != "between":
            listed = None
        elif not (u.joined or u.side > 0):
            listed = holder.get(u.first)
        if u.first in holder or u.kind not in _SIDE_KINDS:
            continue
        nearest = listed if listed is not None and u.kind == "between" else min(
            frames, key=lambda f: abs(f.predicate.first - u.first))
        nearest.obliques.append(_argument(doc, u, "oblique"))
        holder[u.first] = nearest
        if u.kind == "between" and listed is None:
            listed = nearest


# --- predicates ------------------------------------------------------------------------------

@cache
def _scope_index() -> dict[str, tuple[str, ...]]:
    """Each scope word of ``verbs.toml`` and the kinds it belongs to (one lookup a word)."""
    verbs = load_lexicons().verbs
    assert verbs is not None
    index: dict[str, tuple[str, ...]] = {}
    for kind in _SCOPE_KINDS:
        for word in verbs.words[kind]:
            index[word] = index.get(word, ()) + (kind,)
    return index


_SCOPE_KINDS = ("future", "hypothetical", "figurative_after", "other_sense", "pointing_forces",
                "past_auxiliary", "perfect_particle", "earlier", "habitual")
_FLAGS = ("negated", "planned", "hypothetical", "future", "metaphor", "background", "habitual")


@lru_cache(maxsize=100_000)
def _token_info(word: str) -> tuple[bool, bool, bool, Form | None, Form | None, tuple[str, ...]] | None:
    """What a token can be, looked up once per word: a number word, a preposition, a clause boundary,
    its predicate reading, its reading after a preposition (a noun), and the scope words it is (None:
    none of these, most words)."""
    lex = load_lexicons()
    verbs = lex.verbs
    assert verbs is not None
    bare = without_conjunction(word)
    index = _scope_index()
    kinds = index.get(bare, ()) or index.get(strip_article(bare), ())
    info = (word[0].isdigit() or bare in lex.cardinals, bare in verbs.words["prepositions"],
            bare in verbs.words["boundaries"], _reading(word), _reading(word, True), kinds)
    return info if any(info) else None


@lru_cache(maxsize=100_000)
def _readings(word: str) -> tuple[tuple[Form, ...], bool]:
    """The forms a token can be, and whether a nominal clitic (ال، ب، ل، ك) stands before it."""
    verbs = load_lexicons().verbs
    assert verbs is not None
    for key in lookup_keys(word):
        found = verbs.forms.get(key)
        if found:
            prefix = word[: len(word) - len(key)] if word.endswith(key) else word[:2]
            if prefix[:1] in _PROCLITICS:
                prefix = prefix[1:]
            return found, bool(prefix)
    return (), False


def _reading(word: str, after_preposition: bool = False) -> Form | None:
    """The one reading of ``word``: a noun after a nominal clitic or a preposition ("في قصف تركي"),
    otherwise a verb when it can be one."""
    forms, nominal = _readings(word)
    nominal = nominal or after_preposition
    if not forms:
        return None
    if nominal:
        nouns = [f for f in forms if f.kind != "verb" or (word.startswith(("ل", "ول")) and f.tense == "imperfect")]
        return nouns[0] if nouns else None
    verbs_ = [f for f in forms if f.kind == "verb"]
    bare_nouns = [f for f in forms if f.kind != "verb" and not f.clitic]
    if bare_nouns and verbs_ and all(f.clitic for f in verbs_):
        return bare_nouns[0]  # "ضربة" (a strike) before "ضربه" (he hit him)
    return (verbs_ or list(forms))[0]


_AUXILIARY_REACH = 5  # "وكان تنظيم داعش قد سيطر": كان, the subject, then قد


def _background_spans(doc: Doc, sentence: Sentence, marks: dict[str, list[int]],
                      predicates: dict[int, Form]) -> list[tuple[int, int]]:
    """Token spans that tell what had happened before the news: the pluperfect (كان/كانت/كانوا … قد +
    the perfect) told after the news ("انفجرت سيارة ...، وكان التنظيم قد سيطر على المدينة") up to the next
    comma, and a clause with "سابقا" told after another.  Their event words are background for that clause only."""
    spans: list[tuple[int, int]] = []
    lo, hi = sentence.first_token, sentence.last_token
    for q in marks.get("perfect_particle", ()):
        form = predicates.get(q + 1)
        if form is not None and form.tense != "perfect":
            continue  # "قد يقتل": may kill (a possibility, not the past)
        aux = [j for j in marks.get("past_auxiliary", ()) if 0 < q - j <= _AUXILIARY_REACH]
        if aux and aux[-1] > lo:  # a sentence that opens with "وكان ... قد" is background as a whole (mentions.py)
            spans.append((aux[-1], _next_comma(doc, q, hi)))
    for e in marks.get("earlier", ()):
        comma = _previous_comma(doc, e, lo)
        if comma > lo:  # "انفجرت عبوة زرعت سابقا" is the news itself, not a clause told after it
            spans.append((comma, e + 1))
    return spans


_HABIT_REACH = 4  # "وعادة ما تنفذ تركيا"، "ويتبنى التنظيم في بعض الأحيان": the adverb and its verb
_OBJECT_REACH = 4  # "وتشن تركيا غارات جوية": the verb, its subject, its object
_LIGHT_OR_CLAIM = frozenset({"support", "claim"})  # verbs whose object is the act: شن، نفذ، قام، ارتكب، تبنى


def _habitual_spans(doc: Doc, sentence: Sentence, marks: dict[str, list[int]], predicates: list[tuple[int, Form]],
                    counts: dict[int, tuple[int, int]], names: set[int]) -> list[tuple[int, int]]:
    """Token spans that describe what an actor does as a habit, not an incident: the imperfect (not the
    future, not a purpose, not a past progressive after كان) read as a habit, from its verb up to the next
    comma.  Two marks of the habitual aspect make it so:

    * an adverb of frequency next to the verb (modality.toml [predicate_scope] `habitual`: "وعادة ما تنفذ
      تركيا ضربات جوية"، "ونادرا ما يشتبك الجيش مع الوحدات"، "ويتبنى التنظيم في بعض الأحيان عمليات اغتيال");
    * a generic object: a bare plural act noun, neither definite nor counted, right after the verb and its
      subject ("خلايا نائمة تتبنى عمليات اغتيال وتفجيرات"، "وتشن تركيا غارات على مواقع الحزب"، "الولايات
      المتحدة التي تشن ضربات جوية ضد أهداف التنظيم"): acts of a kind, many and undetermined, the way a
      group is described, where a report of the day's act names it ("يشن الجيش هجوما"، "شنت الطائرات غارات").

    A headline tells the day's news in the imperfect ("الجيش العراقي يشن غارات على مواقع التنظيم"): it is
    left out, as is the imperfect after كان ("وكان الطيران يحلق وينفذ غارات": a past act in progress), and a
    clause that names a day ("وتشن الطائرات منذ صباح اليوم غارات على المدينة"): what is dated is the day's news.
    A verb in the perfect after the habit ends it: it tells a past act of its own."""
    if doc.in_title(sentence):
        return []
    lo, hi = sentence.first_token, sentence.last_token
    tokens = doc.tokens
    verbs = [(k, f) for k, f in predicates if f.kind == "verb" and f.tense == "imperfect" and not f.future
             and not tokens[k].text.startswith(("ل", "ول"))]
    if not verbs:
        return []
    nouns = {k: f for k, f in predicates if f.kind == "noun"}
    auxiliaries = marks.get("past_auxiliary", [])
    days = [m.first for m in doc.sentence_entries(sentence, "weekday", "relative_day", "month")]
    # not a verbal noun read as a verb after the act noun it is the genitive of ("بعمليات خطف واغتيال")
    perfects = [j for j, f in predicates if f.kind == "verb" and f.tense == "perfect" and j - 1 not in
                {i for i, g in predicates if g.kind == "noun"}]
    spans: list[tuple[int, int]] = []
    for k, form in verbs:
        start = _previous_comma(doc, k, lo)
        if any(start <= j < k for j in auxiliaries):
            continue  # "كان ... يقصف": the past progressive
        end = _next_comma(doc, k, hi)
        # a verb in the perfect after it tells a past act of its own ("وتشن تركيا غارات على مواقعه وقتلت خمسة")
        end = next((j for j in perfects if k < j < end), end)
        if any(start <= d < end for d in days):
            continue  # "وتشن الطائرات منذ صباح اليوم غارات على المدينة": a dated act is the day's news

        def words(a: int, b: int) -> int:  # words from a to b, an actor's name not counted ("تنظيم الدولة الإسلامية")
            return sum(1 for j in range(min(a, b) + 1, max(a, b) + 1) if j not in names)

        adverb = any(words(k, a) <= _HABIT_REACH and start <= a < end for a in marks.get("habitual", ()))
        generic = form.predicate.family in _LIGHT_OR_CLAIM and any(
            _generic_object(tokens[j].text, counts, j) for j in range(k + 1, end)
            if j in nouns and words(k, j) <= _OBJECT_REACH)
        if adverb or generic:
            spans.append((min([k] + [a for a in marks.get("habitual", ()) if start <= a < k]), end))
    return spans


def described_as_habit(doc: Doc, frames: Iterable[Frame], token: int) -> bool:
    """The word at ``token``, which no frame covers, lies in the span of a habitual verb (``_habitual_spans``):
    after the verb, before the next comma."""
    return any(f.predicate.habitual and f.predicate.kind == "verb" and f.predicate.first < token
               and not any(_comma_before(doc, i) for i in range(f.predicate.first + 1, token + 1)) for f in frames)


def _generic_object(word: str, counts: dict[int, tuple[int, int]], j: int) -> bool:
    """A bare plural act noun: indefinite, in -ات ("عمليات"، "غارات"، "تفجيرات"), no count before it, no
    preposition on it (the verb's object; no act noun begins with ب، ل or ك)."""
    bare = without_conjunction(word)
    if bare.startswith("ب") and not bare.startswith("بال"):
        bare = bare[1:]  # "يقوم التنظيم بعمليات اغتيال": the object of قام is marked by ب
    if bare.startswith(("ال", "ب", "ل", "ك")) or any(last == j for _, last in counts.values()):
        return False
    return bare.endswith("ات")


def _comma_before(doc: Doc, j: int) -> bool:
    return any(c in doc.text[doc.tokens[j - 1].end:doc.tokens[j].start] for c in "،,")


def _next_comma(doc: Doc, j: int, hi: int) -> int:
    return next((i for i in range(j + 1, hi) if _comma_before(doc, i)), hi)


def _previous_comma(doc: Doc, j: int, lo: int) -> int:
    return next((i for i in range(j, lo, -1) if _comma_before(doc, i)), lo)


Scope = tuple[list[Match[Entry]], set[int], list[tuple[int, int]]]  # modality words, names, background spans


def _use(doc: Doc, k: int, form: Form, predicates: list[tuple[int, Form]], marks: dict[str, list[int]],
         voice: str, scope: Scope) -> PredicateUse:
    """The predicate at token ``k`` with its voice and modality flags: the one place that decides whether
    a predicate is told as having happened (``Frame.real``; the mention stage reads it)."""
    token = doc.tokens[k]
    modality, names, backgrounds = scope
    negated, irrealis, figurative = modal_flags(doc, modality, names, k, token.start)

    def near(kind: str, first: int, last: int) -> bool:  # a scope word of ``kind`` at k+first .. k+last
        return any(first <= j - k <= last for j in marks.get(kind, ()))

    future = form.future or near("future", -2, -1)
    hypothetical = near("hypothetical", -8, -1)
    planned = irrealis or any(f.predicate.family == "modal" and 0 < k - j <= _MODAL_REACH
                              and not _cause_between(doc, j + 1, k) for j, f in predicates)
    if form.kind == "verb" and form.tense == "imperfect" and token.text.startswith(("ل", "ول")) and not form.future:
        planned = True  # "ليقتل"، "لتستهدف": a purpose, not a report
    metaphor = figurative or (form.kind == "noun" and near("figurative_after", 1, 1))
    # "أطلقت السلطات سراح ..."، "فتحت الشرطة تحقيقا": the verb in a sense that is no violence
    metaphor = metaphor or (form.kind == "verb" and near("other_sense", 1, 3))
    return PredicateUse(form.predicate.lemma, form.predicate.family, form.kind, voice, form.tense, form.person, k,
                        token.start, token.end, token.text, negated, planned, hypothetical, future, metaphor,
                        any(a <= k < b for a, b in backgrounds), form.clitic)


# --- modality: the scope of modality.toml frames and triggers.toml [modality] words -------------------

_NEGATION_SCOPE = 2
_IRREALIS_SCOPE = 5
_COMPLEMENT_REACH = 7  # words: a VSO subject may stand between the modal verb and its complementiser


def modal_flags(doc: Doc, modality: list[Match[Entry]], names: set[int], first: int,
                start: int) -> tuple[bool, bool, bool]:
    """Whether the word at token ``first`` (offset ``start``) is negated, irrealis or figurative.

    Negated: a negation within two words before it, or a denial, doubt or failure within five (or in the
    complement clause it opens: "شكك المصدر في أن الضربات الجوية أدت لمقتل مدنيين").  Irrealis: a plan,
    threat, call, expectation or purpose within five words — an actor's name does not count towards the
    reach ("لا يمكن لنظام الرئيس السوري، بشار الأسد، الاستمرار بمهاجمة السوريين") — or in the complement
    clause it opens, up to its comma ("يتخوف مختصون أن يقوم التنظيم ... بتنفيذ هجمات").  Figurative: a
    ``modality.toml`` [metaphor] phrase covers it ("شن هجوما إعلاميا على الحكومة"، "الحرب على الفساد")."""
    negated = irrealis = figurative = False
    for x in modality:
        if x.first > first:
            continue
        label = x.payload.label
        if label == "metaphor":
            figurative = figurative or first < x.last
        elif label == "negation":
            negated = negated or first - x.last < _NEGATION_SCOPE
        elif label in ("failure", "denial"):
            negated = negated or first - x.last <= _IRREALIS_SCOPE or _in_complement(doc, x, start)
        elif label == "irrealis" and not _cause_between(doc, x.last, first) and not _of_belonging(doc, x, names):
            irrealis = irrealis or sum(1 for j in range(x.last, first) if j not in names) <= _IRREALIS_SCOPE \
                or _in_complement(doc, x, start)
    return negated, irrealis or _qualified_as_ahead(doc, first) or _any_of_a_kind(doc, first), figurative


def _any_of_a_kind(doc: Doc, first: int) -> bool:
    """"Any" right before the event word ("أي ضربات جديدة"، "أية تظاهرة"; modality.toml [predicate_scope]
    generic_before): a kind of act, no incident."""
    verbs = load_lexicons().verbs
    assert verbs is not None
    return first > 0 and doc.tokens[first - 1].text in verbs.words["generic_before"]


_QUALIFIER_REACH = 2  # "الهجوم المحتمل"، "العملية العسكرية المرتقبة": the qualifier, one word between at most


def _qualified_as_ahead(doc: Doc, first: int) -> bool:
    """An event noun qualified as expected or possible right after it ("الهجوم المحتمل على إدلب"، "معركة
    وشيكة"، "العملية العسكرية المرتقبة"; modality.toml [predicate_scope] irrealis_after): not done yet.  No
    comma or clause break between the noun and its qualifier."""
    verbs = load_lexicons().verbs
    assert verbs is not None
    ahead = verbs.words["irrealis_after"]
    tokens = doc.tokens
    reach = range(first + 1, min(first + 1 + _QUALIFIER_REACH, len(tokens)))
    # "وشيكة" is no "و" + "شيكة": the word as written, or without its conjunction
    at = next((j for j in reach if tokens[j].text in ahead or without_conjunction(tokens[j].text) in ahead), None)
    return at is not None and not any(c in doc.text[tokens[j - 1].end:tokens[j].start]
                                      for j in range(first + 1, at + 1) for c in "،,.:؛!?")


_COMPARISON_REACH = 4  # "لأعنف قصف لها منذ سنوات"


def compares(doc: Doc, since: int) -> bool:
    """"Since" (the word at token ``since``) after a superlative or "the first" (triggers.toml `comparatives`)
    within four words of its comma part compares the act with the past, it does not tell a past act:
    "أعنف قصف منذ سنوات"، "وهي المرة الأولى منذ 30 عاما"، "أول هجوم على المدينة منذ 2014"."""
    tokens = doc.tokens
    if not tokens[since].text.endswith("منذ"):
        return False
    words = load_lexicons().word_set("comparatives")
    for j in range(since - 1, max(since - 1 - _COMPARISON_REACH, -1), -1):
        if any(c in doc.text[tokens[j].end:tokens[j + 1].start] for c in "،,.:؛!?"):
            return False
        if any(k in words for k in lookup_keys(tokens[j].text)):
            return True
    return False


def _in_complement(doc: Doc, modal: Match[Entry], start: int) -> bool:
    """The word at offset ``start`` lies in the complement clause of a modal word: "أن"/"إلى" follows the
    modal within seven words (the verb's subject may stand between, a long noun phrase: "دعت تنسيقيات
    الحراك الشعبي في المحافظات الجنوبية إلى الخروج بمظاهرة"), and no comma or clause break stands
    between the complementiser and the word.  An aside between the modal and its complementiser, closed by
    a comma right before the complementiser ("دعت التنسيقيات في بيان، إلى ما وصفتها مظاهرات حاشدة"، "تخشى
    الأمم المتحدة، بحسب مسؤول فيها، أن تشن القوات هجوما"), does not end the complement: the complement
    is what the complementiser opens, up to its own comma."""
    starters = load_lexicons().word_set("complementisers")
    tokens = doc.tokens
    opens = next((j for j in range(modal.last, min(modal.last + _COMPLEMENT_REACH, len(tokens)))
                  if tokens[j].text in starters and tokens[j].start < start), None)
    if opens is None:
        return False
    # an aside between the modal and its complementiser ("دعت التنسيقيات في بيان، إلى ما وصفتها مظاهرات حاشدة")
    # is closed by its comma: the complement runs from the complementiser to its own comma
    aside = doc.text[tokens[modal.last - 1].end:tokens[opens].start]
    if any(c in aside for c in ":؛") or (any(c in aside for c in "،,") and not _comma_right_before(doc, opens)):
        return False
    return not any(c in doc.text[tokens[opens].end:start] for c in "،,:؛")


def _comma_right_before(doc: Doc, j: int) -> bool:
    """A comma stands right before token ``j`` (it closes an aside)."""
    return any(c in doc.text[doc.tokens[j - 1].end:doc.tokens[j].start] for c in "،,")


def _of_belonging(doc: Doc, modal: Match[Entry], names: set[int]) -> bool:
    """A belief whose complement says whose a weapon, aircraft or attacker is, or of what kind: "أنها/أنه"
    then a word of belonging or a name (triggers.toml `pronoun_complementisers`, `belonging_words`:
    "نفذت طائرات يعتقد أنها تابعة للتحالف الدولي عدة ضربات"، "سقط صاروخ يرجح أنه من نوع أرض أرض"، "قتل مفجر
    انتحاري يشتبه بأنه من التنظيم 32 شخصا").  It hedges who acted or with what, not whether the act
    happened; "يعتقد أنه كان ينفذ"، "يبدو أنه هجوم" stay beliefs."""
    lex, tokens, j = load_lexicons(), doc.tokens, modal.last
    if j + 1 >= len(tokens) or tokens[j].text not in lex.word_set("pronoun_complementisers"):
        return False
    return j + 1 in names or strip_article(tokens[j + 1].text) in lex.word_set("belonging_words")


def _cause_between(doc: Doc, first: int, last: int) -> bool:
    """A word that gives a cause stands in tokens [first, last): a plan's, call's or hope's reach ends there,
    for what caused it has happened ("سعيا إلى تهدئة الغضب على خلفية مقتل متظاهر"، "يخطط لشن هجوم إثر
    تفجير استهدف حاجزا"; triggers.toml `cause_openers`)."""
    causes = load_lexicons().word_set("cause_openers")
    return any(not causes.isdisjoint(lookup_keys(doc.tokens[j].text)) for j in range(first, last))


# --- slot fillers ----------------------------------------------------------------------------

#: The actor the lexicon gives unknown gunmen ("مسلحون مجهولون"، "جماعة مسلحة").
_UNKNOWN_GUNMEN = "Unidentified armed group"


def _units(doc: Doc, sentence: Sentence, lex: Lexicons, verbs: VerbLexicon,
           counts: dict[int, tuple[int, int]], pointers: list[int]) -> list[_Unit]:
    """The names of a sentence as slot fillers, in text order."""
    tokens = doc.tokens
    count_ends = {last: first for first, (_, last) in counts.items()}
    found = doc.sentence_entries(sentence, "actor", "generic")
    names: list[tuple[int, int, int]] = [(m.first, m.first, m.last) for m in found]
    civilians = {m.first for m in found if m.payload.category == "actor" and m.payload.value.inter == 7}
    generics = {m.first for m in found if m.payload.category == "generic"}
    unknown = {m.first for m in found if m.payload.category == "actor" and m.payload.label == _UNKNOWN_GUNMEN}
    taken = {j for _, f, last in names for j in range(f, last)}
    names += [(j, -1, j + 1) for j in pointers if j not in taken]
    names.sort()
    vague = {m.first for m in doc.sentence_entries(sentence, "vague")}
    units: list[_Unit] = []
    for _, first, last in names:
        start = first if first >= 0 else last - 1
        start = _head_start(tokens, start, sentence.first_token, verbs)
        marker, kind = _marker(tokens, start, sentence.first_token, verbs)
        counted = start in count_ends or (start - 1 in count_ends and tokens[start - 1].text == "من")
        # only after a complete subject (right after it, or after the verb it opens): elsewhere the phrase keeps its
        # usual reading (tried everywhere it lowered validation actor1/actor2)
        owned = _owned_head(tokens, start, first, sentence.first_token) and (
            (bool(units) and units[-1].last == first - 1) or (  # VSO: right after the subject
                start == first - 1 and start - 1 >= sentence.first_token and bool(units)  # SVO: right after a verb
                and any(f.kind == "verb" for f in _readings(tokens[start - 1].text)[0])))
        if owned and start == first:
            start = first - 1  # "عربة لقوات النظام": the vehicle heads the phrase, its owner after ل
            marker, kind = _marker(tokens, start, sentence.first_token, verbs)
        while units and start <= units[-1].first:
            units.pop()  # "جندي في الجيش العراقي": the description is the named group's member
        if units and start == units[-1].last and kind == "ل" and units[-1].generic:
            prev = units[-1]  # "دورية للجيش العراقي": a described unit of a named force is that force's
            units[-1] = replace(prev, last=last, generic=False)
            continue
        if units and start == units[-1].last and not kind and not counted and not owned and (
                units[-1].generic or first in generics) and _agree(tokens[start - 1].text, tokens[start].text, lex,
                                                               group=not units[-1].person):
            # "مسلحين متشددين"، "مسلحو داعش"، "داعش الإرهابي": one phrase (two names side by side are two
            # phrases: "هاجم مسلحو داعش قوات البيشمركة"; a definite name joined by و is another one:
            # "بين قوات النظام والفصائل" are two sides, not one)
            prev = units[-1]
            if (start == last - 1 and not tokens[start].text.startswith("وال")) or tokens[start].text[:1] != "و":
                units[-1] = replace(prev, last=last, generic=prev.generic and first in generics)
                continue
        if not kind and units and tokens[start].text.startswith("و") and units[-1].kind and _side_gap(
                tokens, units[-1].last, start):
            marker, kind = units[-1].marker, units[-1].kind  # "بين مسلحين من داعش وقوات الشرطة": one marker
            joined = True
        else:
            joined = False
        person = _person(tokens[start].text, lex)
        opener = _complement_opener(tokens, start, sentence.first_token)
        oblique = person and tokens[start].text.endswith(("ين", "ا")) and opener < 0  # not after إنّ
        construct = person and opener < 0 and _oblique_construct(tokens[start].text)
        if opener >= 0 and kind in ("", "partitive") and not (units and units[-1].last > opener):
            start, marker, kind = opener, "", ""  # "إن مجموعة من عناصر داعش استهدفت": the whole phrase
            counted = counted or opener in vague  # "إن الكثير من الإرهابيين قتلوا": a number of people
        units.append(_Unit(start, first, last, marker, kind, counted, counted or person or first in civilians,
                           oblique, first in generics,
                           clause_subject=opener >= 0, joined=joined, oblique_construct=construct,
                           unknown_gunmen=first in unknown, owned=owned))
    return _number_sides(units, tokens)


def _owned_head(tokens: list[Token], start: int, first: int, floor: int) -> bool:
    """An indefinite noun of a thing or person a force owns (verbs.toml [scope] owned_targets: a vehicle, a post,
    a member — "دبابة"، "عربة"، "آلية"، "نقطة"، "حاجزا"، "عنصرا") right before a name with ل: "X of the force", one
    noun phrase whose head is the noun, not the name (a definite noun or a noun with a preposition is not).
    After a complete subject it is the verb's object and the ل-phrase its owner, the target ("استهدفت الفصائل
    دبابة لقوات النظام"), never an adjective of that subject."""
    if first - 1 < floor or start not in (first, first - 1):
        return False
    name = without_conjunction(tokens[first].text)
    if name[:1] != "ل" or len(name) < 3:
        return False
    return _owned_word(without_conjunction(tokens[first - 1].text))


@lru_cache(maxsize=50_000)
def _owned_word(word: str) -> bool:
    """``word`` is an indefinite form of an owned_targets lemma: the singular, the masculine accusative (-ا),
    the dual (-ان/-ين، ة → -تان/-تين) or the feminine plural (ة → -ات)."""
    verbs = load_lexicons().verbs
    if verbs is None:
        return False
    lemmas = verbs.words["owned_targets"]

    def form(w: str) -> bool:
        return w in lemmas or any(w.endswith(e) and w[:-len(e)] in lemmas for e in ("ا", "ان", "ين")) or any(
            w.endswith(e) and w[:-len(e)] + "ه" in lemmas for e in ("تان", "تين", "ات"))

    return form(word) and not (word.startswith("ال") and form(word[2:]))  # "آلية" folds to اليه: no article


#: Words that close one side of a clash: "بين قوات النظام وحزب الله من جهة، والفصائل من جهة أخرى".
_SIDE_CLOSERS = frozenset({"جهه", "طرف", "ناحيه", "جانب"})


def _number_sides(units: list[_Unit], tokens: list[Token]) -> list[_Unit]:
    """Number the sides of the names listed after بين.  "من جهة … ومن جهة أخرى" (طرف، ناحية) closes a side:
    the names joined by و before it are allies on one side ("بين الجيش وحزب الله من جهة، والفصائل من جهة
    أخرى": two sides).  Without such a closer every name is a side of its own ("بين سرايا السلام والمرافقين")."""
    out: list[_Unit] = []
    run: list[_Unit] = []

    def flush() -> None:
        closed = [i > 0 and any(without_conjunction(tokens[j].text) in _SIDE_CLOSERS
                                for j in range(run[i - 1].last, run[i].first))
                  for i in range(len(run))]
        side = 0
        for i, u in enumerate(run):
            side = side + closed[i] if any(closed) else i
            out.append(replace(u, side=side))
        run.clear()

    for u in units:
        if u.kind == "between" and run and (u.joined or _closed_side(run[-1], u, tokens)):
            run.append(u)  # "بين الجيش وحزب الله من جهة وبين الفصائل من جهة أخرى": بين said again for the other side
            continue
        flush()
        if u.kind == "between":
            run.append(u)
        else:
            out.append(u)
    flush()
    return out


_UNNAMED_ALLY = 4  # words of a coordinated group no lexicon names ("وجيش التحرير الفلسطيني من جهة")
_POINTING_BACK = frozenset({"لها", "له", "لهم", "معها", "معه", "معهم"})  # "والمسلحين الموالين لها من جهة"


def _side_gap(tokens: list[Token], first: int, last: int) -> bool:
    """The words between two names listed after بين keep the list going: none, or the side words (من جهة،
    طرف), after at most a phrase ending in a pronoun pointing back to the side ("الموالية لها من جهة") or a
    coordinated group no
    lexicon names ("وجيش التحرير الفلسطيني من جهة، والفصائل"), which then must end at a side closer."""
    gap = [without_conjunction(tokens[j].text) for j in range(first, last)]
    while gap and gap[-1] in _SIDE_GAP:
        gap.pop()
    if not gap:
        return True
    closed = any(without_conjunction(tokens[j].text) in _SIDE_CLOSERS for j in range(first, last))
    # an unnamed ally may also stand inside the list, the next name joined by و ("بين حزب الله وجيش التحرير
    # الفلسطيني وقوات النظام من طرف، وداعش من طرف آخر")
    listed = tokens[last].text.startswith("و") and tokens[first].text.startswith("و")
    if not (closed or listed) or len(gap) > _UNNAMED_ALLY:
        return False
    if closed and all(w.startswith("ال") for w in gap):
        return True  # "بين جبهة النصرة والفصائل الإسلامية من جهة، وقوات النظام": the name's own adjectives
    unnamed = range(first, first + len(gap))
    return gap[-1] in _POINTING_BACK or (
        tokens[first].text.startswith("و") and not any(tokens[j].text.startswith("و") for j in unnamed[1:]))


def _closed_side(before: _Unit, u: _Unit, tokens: list[Token]) -> bool:
    """A side closer ("من جهة") stands between the last name of a side and a name whose own بين opens the
    other side ("… من جهة، وبين …")."""
    return any(without_conjunction(tokens[j].text) in _SIDE_CLOSERS for j in range(before.last, u.first))


#: Complementisers after which a noun phrase is the subject of the clause they open (إنّ and her sisters).
_COMPLEMENTISERS = frozenset({"ان", "بان", "لان", "فان", "وان"})  # فإنّ، وأنّ: the clitic on a two-letter word stays


def _complement_opener(tokens: list[Token], start: int, floor: int) -> int:
    """The first token of the noun phrase that إنّ/أنّ/لأنّ/بأنّ opens when the name at ``start`` heads it
    or is its partitive ("إن مجموعة من عناصر داعش"، "أن قوة من الشرطة"), else -1."""
    if start - 1 >= floor and without_conjunction(tokens[start - 1].text) in _COMPLEMENTISERS:
        return start
    if start - 3 >= floor and without_conjunction(tokens[start - 1].text) == "من" \
            and without_conjunction(tokens[start - 3].text) in _COMPLEMENTISERS:
        return start - 2
    return -1


def _head_start(tokens: list[Token], start: int, floor: int, verbs: VerbLexicon) -> int:
    """Extend a name over the head noun in construct with it: "مسلحي داعش"، "قوة من الجيش"، "مفرزة خاصة من الحشد"."""
    heads = verbs.heads
    j = start - 1
    word = strip_article(without_conjunction(tokens[start].text))
    partitives = ("من", "في") if word not in verbs.words["cause_nouns"] else ("من",)
    if j >= floor and without_conjunction(tokens[j].text) in partitives:
        for h in (j - 1, j - 2):
            between = without_conjunction(tokens[j - 1].text)
            if h == j - 2 and between[:1] in ("ل", "ب") and _readings(between[1:])[0]:
                break  # an adjective may stand between the head and من ("قوة خاصة من الجيش"), an event noun with
                # its preposition not: "مواقع الفصائل لقصف من قوات النظام" (the shelling is by the regime's forces)
            if h >= floor and (_head(tokens[h].text, heads) or _person(tokens[h].text, load_lexicons())):
                return h
        return start
    if j >= floor and strip_article(without_conjunction(tokens[j].text)) in _BELONGING and j - 1 >= floor:
        j -= 1  # "عناصر تابعة لميليشيا بدر"، "مسلحين موالين لتركيا"
    if j >= floor and _head(tokens[j].text, heads):
        return j
    return start


@lru_cache(maxsize=50_000)
def _head(word: str, heads: frozenset[str]) -> bool:
    """A head noun of ``verbs.toml`` [markers] heads, as written or with a proclitic peeled off (a first و may be
    the root's own letter: "وحدات من الجيش" is units, not "and" + حدات)."""
    if word in heads or strip_article(word) in heads:
        return True
    w = without_conjunction(word)
    return w in heads or (w[:1] in ("ل", "ب") and w[1:] in heads) or strip_article(w) in heads


def _marker(tokens: list[Token], start: int, floor: int, verbs: VerbLexicon) -> tuple[str, str]:
    """The marker before a phrase (two words, then one) or the clitic on its first word."""
    markers = verbs.markers
    word = without_conjunction(tokens[start].text)
    if strip_article(word) in verbs.words["cause_nouns"] or (
            word[:1] in ("ب", "ل") and strip_article(word[1:]) in verbs.words["cause_nouns"]):
        return word[:1] if word[:1] in ("ب", "ل") else "", "ب"  # "في غارة عراقية"، "بقصف تركي": the strike's owner
    t1 = without_conjunction(tokens[start - 1].text) if start - 1 >= floor else ""
    t2 = without_conjunction(tokens[start - 2].text) if start - 2 >= floor else ""
    if t1 and t2 and f"{t2} {t1}" in markers:
        return f"{t2} {t1}", markers[f"{t2} {t1}"]
    if t1 in markers:
        return t1, markers[t1]
    for t in (t1, t2):  # "لموقع قيادات داعش"، "بحق عناصر": a marker with its clitic, or one word before
        stem = t[1:] if t[:1] in ("ل", "ب") and len(t) > 3 else t
        stem = stem[:-1] if stem.endswith("ا") and stem[:-1] in markers else stem  # the accusative: "اجتماعا"
        if t is t2 and t1 and _readings(t1)[0]:
            break  # a predicate between: its own object
        if markers.get(stem) == "patient":
            return stem, "patient"
    if word.startswith("لل") or (word[:1] == "ل" and len(word) > 3 and not word.startswith("لوا")):
        return "ل", "ل"
    if word[:1] == "ب" and (word[1:3] == "ال" or strip_article(word[1:]) in verbs.words["cause_nouns"]):
        return "ب", "ب"
    return "", ""


def _agree(before: str, word: str, lex: Lexicons, group: bool = False) -> bool:
    """Whether ``word`` can qualify the person noun before it (one phrase: "مسلحين متشددين"، "عناصر مسلحة"):
    an adjective agrees with its noun in number and case.  Another noun phrase starts — the verb's object
    after its subject ("اغتال مسلحون مجهولون قاضيا"، "قتل جنديان مسلحا"، "قتلت القوات العراقية المسلحين") —
    at an indefinite accusative singular ("قاضيا") after a word that is not one, at a nominative (-ون، -ان)
    after an oblique (-ين) or the other way round, at a singular person noun ("قاض"، "مرشحة") after a sound
    plural or a dual, at a sound plural person noun after a feminine singular (ة), and at a woman named by
    a person noun after a group ("اغتالت جماعة مسلحة مرشحة": a group is qualified by adjectives, not by
    people)."""
    a, w = strip_article(without_conjunction(before)), strip_article(without_conjunction(word))
    if not without_conjunction(word).startswith("ال") and w.endswith("ا") and len(w) > 3 and not a.endswith("ا"):
        return False
    nominative, oblique = a.endswith(("ون", "ان")), a.endswith("ين")
    if (nominative and w.endswith("ين")) or (oblique and w.endswith(("ون", "ان"))):
        return False
    broken, sound = lex.word_set("broken_plural"), lex.word_set("sound_plural")

    def singular(x: str) -> bool:
        return x in broken or x in sound

    if (nominative or oblique) and (singular(w) or singular(w.removesuffix("ه"))):
        return False
    if group and w.endswith("ه") and singular(w[:-1]) and not w[:-1].endswith("ي"):
        return False  # (a nisba in ة is the group's adjective: "قوة عسكرية")
    return not (a.endswith("ه") and w.endswith(("ين", "ون")) and w[:-2] in lex.word_set("sound_plural"))


def _person(word: str, lex: Lexicons) -> bool:
    """People rather than a force: "جنود"، "عنصرا"، "مدنيين"، "مسلحي" (a person noun in any ending)."""
    return _person_word(word)


@lru_cache(maxsize=50_000)
def _person_word(word: str) -> bool:
    people = load_lexicons().word_set("person_words")
    w = strip_article(without_conjunction(word))
    if w in _FORCE_HEADS:
        return False
    return any(c in people for c in (w, w[:-1], w[:-2], w[:-3]) if len(c) > 2)


@lru_cache(maxsize=50_000)
def _oblique_construct(word: str) -> bool:
    """A sound masculine plural in construct in the oblique case: "مقاتلي داعش"، "مسلحي التنظيم" (the nominative
    is مقاتلو، مسلحو): the verb's object, not its subject (a nisba singular such as جندي or مدني is not one)."""
    w = without_conjunction(word)
    return not w.startswith("ال") and w.endswith("ي") and w[:-1] in load_lexicons().word_set("sound_plural")


# --- filling the slots -----------------------------------------------------------------------

def _fill(doc: Doc, frame: Frame, form: Form, k: int, c: _Context) -> None:
    """Agent, patient and obliques of the predicate at ``k`` within its clause."""
    pred = form.predicate
    units, left, right = c.units, c.left, c.right
    if form.kind == "verb":
        voice = frame.predicate.voice
        if voice == "passive":
            patient = _subject(k, c, intransitive=True) or _opened(k, c) or next(
                (u for u in units if k < u.first < min(right, k + _NOUN_REACH) and u.kind in ("", "partitive")), None)
            agent = next((u for u in units if left <= u.first < right and u.kind in ("agent", "ب")), None)
            _assign(doc, frame, agent, patient, units, left, right)
            return
        transitive = bool(pred.role_of("object"))
        opened = _opened(k, c)
        if c.event_subject >= 0 or c.resumed is not None:
            subject = c.resumed  # "غارة تستهدف قياديا"، "أعلن الجيش أنه استهدف المتشدد": not a name after it
        elif opened is not None:
            # "قالت الخلية إن مجموعة من عناصر داعش استهدفت قوة من الشرطة": after إنّ/أنّ the noun phrase is the
            # subject of the embedded clause (SVO), and the name after the verb its object
            subject = opened
        elif form.person.endswith(("p", "d")) and transitive:
            # "هاجموا"، "قتلوا": a verb that agrees in number has its subject before it (or as a pronoun);
            # the name after it is the object (VSO verbs stay singular: "هاجم المسلحون")
            subject = _left_subject(k, c)
        else:
            subject = _subject(k, c, intransitive=not transitive)
        if subject is not None and subject.first > k:
            c.used.add(subject.first)
        obj = _object(pred.object_marker, k, subject, right, units) if transitive else None
        slots = {"subject": subject, "object": obj}
        agent = next((slots[s] for s, r in pred.roles if r == "agent"), None)
        patient = next((slots[s] for s, r in pred.roles if r == "patient"), None)
        _assign(doc, frame, agent, patient, units, left, right)
        return
    # a verbal or event noun: a strike named with its actor ("غارة أمريكية")، its genitive, a name with
    # ل, and the marked obliques
    end = min(right, k + _NOUN_REACH)
    own = next((u for u in units if 0 <= u.name_first <= k < u.last and u.kind in ("", "ب")), None)
    genitive = next((u for u in units if k < u.first <= k + _GENITIVE_REACH + (4 if u.counted else 0)
                     and u.first < end and u.kind in ("", "partitive")), None)
    if genitive is not None and genitive.counted:
        role = "patient"
    elif genitive is not None and genitive.kind == "partitive" and genitive.marker == "من" \
            and pred.family in _ATTACK_FAMILIES:
        role = "agent"  # "تعرضت لاستهداف من قوات النظام"، "قصف مدفعي من الفصائل": من after an attack names its source
    elif genitive is not None and genitive.first == k + 1 and not genitive.generic and (
            doc.tokens[genitive.first].text.endswith("يه") or (
            not genitive.person and doc.tokens[genitive.first].text.endswith("ي"))):
        role = "agent"  # a nisba names the doer: "مجزرة داعشية"، "غارة تركية"
    elif genitive is not None and not genitive.person and any(
            genitive.last <= u.first < end and u.kind in ("", "partitive") and (u.counted or u.person) for u in units):
        role = "agent"  # "إعدام تنظيم داعش أكثر من 2000 شخص": the subject's genitive, then the object
    else:
        role = pred.genitive or "patient"
    owner = next((u for u in units if k < u.first <= k + _GENITIVE_REACH + 1 and u.first < end and u.kind == "ل"), None)
    if genitive is not None and not genitive.counted and genitive.first <= k + 1 and not genitive.person:
        # "إعدام النظام للناشط"، "اغتيال داعش لقيادي": with a ل-phrase after it the genitive is the subject
        # and the ل-phrase the object
        late = next((u for u in units if genitive.last <= u.first < end and u.kind == "ل"), None)
        if late is not None:
            _assign(doc, frame, genitive, late, units, k + 1, end)
            return
        if role == "patient" and pred.family in _ATTACK_FAMILIES and genitive.last < end \
                and _lam_object(doc.tokens[genitive.last].text):
            # "استهداف قوات النظام لبلدة عين ترما"، "مهاجمة الجيش لمقرات التنظيم": a ل-phrase right after the genitive
            # is the object (a place as much as a group), so the genitive is the subject
            role = "agent"
    agent = own or owner or (genitive if role == "agent" else None)
    agent = agent or next((u for u in units if k < u.first < end and u.kind in ("agent", "ب")), None)
    patient = genitive if role == "patient" else None
    patient = patient or next((u for u in units if k < u.first < end and (u.kind == "patient" or (
        genitive is not None and u.first >= genitive.last and u.kind in ("", "partitive")
        and (u.counted or u.person)))), None)
    _assign(doc, frame, agent, patient, units, k + 1, end)


_ATTACK_FAMILIES = frozenset({"attack", "strike", "shelling", "raid"})


def _lam_object(word: str) -> bool:
    """A noun with the preposition ل that can be an attack's object ("لبلدة"، "لمواقع"، "للمدينة"), not a word
    of time, measure or reference ("لمدة"، "لليوم"، "لدى"; verbs.toml [scope] not_objects)."""
    bare = without_conjunction(word)
    if bare[:1] != "ل" or len(bare) < 4:
        return False
    verbs = load_lexicons().verbs
    return verbs is not None and bare not in verbs.words["not_objects"]


def _event_subject(k: int, left: int, predicates: list[tuple[int, Form]], units: list[_Unit]) -> int:
    """The event noun that opens the verb's clause ("تفجير يستهدف مقر الحزب"، "غارة أمريكية تستهدف"):
    the verb's subject is that event, so the name after the verb is its object."""
    before = [(j, f) for j, f in predicates if j < k and j >= left - 1]
    if not before or before[-1][1].kind != "noun":
        return -1
    j = before[-1][0]
    if any(j < u.first < k and u.kind == "" and not u.first <= j < u.last for u in units):
        return -1
    return j if k - j <= 4 else -1


def _event_subject_after(doc: Doc, k: int, form: Form, event_words: dict[int, int], units: list[_Unit], right: int,
                         unknown: set[int]) -> int:
    """VSO with an event or a weapon for subject: "استهدفت عبوة ناسفة قوات الأمن"، "ضربت غارة جوية مقرا لداعش" —
    an event word right after a singular verb, before any name, is what did it, so the name after it is the
    object, not the subject — unless that name only says the weapon's source is unknown ("صاروخ مجهول المصدر"),
    or the weapon follows a preposition ("قواتها قصفت بالصواريخ مواقع"): then it is the instrument."""
    if form.person not in ("3ms", "3fs") or k + 1 >= right or k + 1 not in event_words:
        return -1
    if _after_preposition(doc.tokens[k + 1].text):
        return -1
    if event_words[k + 1] in unknown or any(u.first == k + 1 for u in units):
        return -1
    return k + 1


def _after_preposition(word: str) -> bool:
    """"بالصواريخ"، "بقذائف": a word whose first letter is the preposition ب، ل or ك — what is left still begins a
    lexicon phrase — is governed by it ("براميل" is not: "راميل" begins none)."""
    bare = without_conjunction(word)
    if bare[:1] not in PREPOSITION_CLITICS or len(bare) < 4:
        return False
    return bool(load_lexicons().matcher.first_nodes([bare[1:]])[0])


_RESUMPTIVE = frozenset({"انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم"})
_UNKNOWN = "Unidentified armed group"  # "مجهول المصدر" after a weapon describes it: its doer unknown


def _resumed(doc: Doc, k: int, boundaries: list[int], units: list[_Unit], lo: int) -> _Unit | None:
    """"أعلن الجيش أنه استهدف ...": after أنه/أنها the verb's subject is the statement's subject."""
    if k - 1 not in boundaries or without_conjunction(doc.tokens[k - 1].text) not in _RESUMPTIVE:
        return None
    found = [u for u in units if lo <= u.first and u.last <= k - 1 and u.kind == "" and not u.person]
    return found[-1] if found else None


def _voice(doc: Doc, form: Form, k: int, c: _Context) -> str:
    """Active or passive, for the forms that unvoweled Arabic writes alike (قتل = قَتَل or قُتِل)."""
    right, units, counts = c.right, c.units, c.counts
    if form.voice != "either":
        return form.voice
    if form.clitic:
        return "active"  # "اختطفوهم": a verb with an object pronoun is active
    if form.person.endswith(("p", "d")) and (k + 1 in c.counts or any(
            k < u.first <= k + _SUBJECT_REACH and u.kind in ("", "partitive") for u in c.units)):
        return "active"  # "وقتلوا 3 أشخاص": a verb that agrees with a plural subject and has an object
    if not form.predicate.role_of("object"):
        return "active"  # intransitive (استشهد، لقي حتفه): its subject is the patient anyway
    marks = _first_vowel(doc, k)
    if marks == "\u064f":
        return "passive"
    if marks == "\u064e":
        return "active"
    if form.tense == "imperfect" or form.predicate.family not in _TOLD_PASSIVE:
        # news tells attacks, shelling and raids in the active; the imperfect is the active's — but a
        # patrol, a convoy or a base right after the verb is what was hit ("استُهدفت دورية للجيش")
        agented = any(k < u.first < right and u.kind == "agent" for u in units)
        after = next((u for u in units if k < u.first <= k + _SUBJECT_REACH and u.kind == ""), None)
        target = after is not None and c.doc is not None and c.before_verb(after) and \
            _marker_kind(strip_article(without_conjunction(c.doc.tokens[after.first].text))) == "patient"
        return "passive" if (agented or target) and form.tense == "perfect" else "active"
    before = _left_subject(k, c) or _opened(k, c)
    if before is not None and not before.person:
        return "active"  # a force opens the clause: "القوات العراقية قتلت 22 مسلحا"
    if before is not None and before.unknown_gunmen and not before.counted:
        # "مسلحين مجهولين يرتدون زيا عسكريا، قتلوا بعد التاسعة 7 أشخاص": unknown gunmen, uncounted, are known only
        # by what they did — the attackers; their victims are counted ("قتل 3 مسلحين مجهولين" stays passive)
        return "active"
    after = next((u for u in units if k < u.first <= k + _SUBJECT_REACH and u.kind == ""), None)
    if after is not None and after.counted and _accusative_object(after, c) is not None:
        return "active"  # "قتل ثلاثة مسلحين مجهولين مدنيا": the counted subject, then its object in the accusative
    if after is not None and not after.counted:
        # (a name joined to the subject by و is another subject, not its object: "قتل ضابط و3 جنود")
        more = any(after.last <= u.first < right and u.kind in ("", "partitive", "patient")
                   and not _joined(doc, after.last, u.first + 1) for u in units if u is not after)
        more = more or any(after.last <= c < min(right, after.last + 3) and not _joined(doc, after.last, c + 1)
                           for c in counts)
        more = more or any(_accusative_person(doc.tokens[j].text)
                           for j in range(after.last, min(right, after.last + 2)))
        # "قتلت القوات خمسة مسلحين" (a subject, then its object); "قتل جندي" (people alone: the victim);
        # "خطف مسلحون مجهولون مهندسا": a person in the indefinite accusative, named or not, is the object
        return "active" if more or not after.person else "passive"
    if any(k < u.first < right and u.kind in ("agent", "ب") for u in units):
        return "passive"  # "خطفوا على يد داعش"، "قتل 5 بنيران الجيش"
    if before is not None or k + 1 in counts or after is not None:
        return "passive"  # "14 مدنيا قتلوا"، "قتل 5 أشخاص"
    return "active"


def _accusative_person(word: str) -> bool:
    """A person noun in the indefinite accusative singular ("مهندسا"، "قاضيا"، "مدنيا"): an object."""
    return not word.startswith(("ال", "و")) and word.endswith("ا") and len(word) > 3 and _person_word(word)


def _joined(doc: Doc, first: int, last: int) -> bool:
    """A word of ``[first, last)`` opens with the conjunction و (or is it): what follows is a conjunct."""
    return any(doc.tokens[j].text[:1] == "و" and doc.tokens[j].text not in _WAW_WORDS for j in range(first, last))


#: Words whose first و is the root's own letter, not "and" (the conjunction before a name is tested above).
_WAW_WORDS = frozenset({"واحد", "واحدا", "وحده", "وحدات", "وزاره", "وزير", "والي", "وسط", "وقت"})


def _first_vowel(doc: Doc, k: int) -> str:
    """The short vowel written on the verb's first letter, if the text is voweled (قُتل، قَتل)."""
    token = doc.tokens[k]
    original = doc.norm.original_text(token.start, token.end)
    letters = original.lstrip("وف") if len(original) > 3 and original[:1] in _PROCLITICS else original
    return letters[1] if len(letters) > 1 and letters[1] in ("\u064f", "\u064e") else ""


def _left_subject(k: int, c: _Context) -> _Unit | None:
    """The name that opens the clause before the verb (SVO): the first unmarked name of the clause."""
    found = [u for u in c.units if c.left <= u.first and u.last <= k and u.kind == "" and u.first not in c.used]
    if not found or any(ch in c.text[c.token_end(found[0].last - 1):c.token_start(k)] for ch in ':"«»“”'):
        return None  # a speaker before a quotation is not the quoted clause's subject
    return found[0]  # the clause's first name: "ستة أشخاص من حلفاء النظام قتلوا" (not the genitive)


def _opened(k: int, c: _Context) -> _Unit | None:
    """The noun phrase that إنّ/أنّ opens before the verb at ``k`` (the embedded clause's subject)."""
    return next((u for u in c.units if u.clause_subject and c.left <= u.first and u.last <= k
                 and u.first not in c.used), None)


def _clause_start(doc: Doc, k: int, left: int) -> int:
    """The first token of the clause of the verb at ``k``: the verb itself when it carries و or ف
    ("وقتل 6 من قادته" opens a clause of its own)."""
    tokens = doc.tokens
    if tokens[k].text[:1] in _PROCLITICS and len(tokens[k].text) > 3:
        return k
    return left


def _subject(k: int, c: _Context, intransitive: bool) -> _Unit | None:
    """VSO: the unmarked name right after the verb (not a counted object unless the verb has none, and
    not a noun in the oblique case); otherwise SVO: the unmarked name that opens the clause."""
    after = next((u for u in c.units if k < u.first <= k + _SUBJECT_REACH and u.first < c.right
                  and u.kind in ("", "partitive")), None)
    before = _left_subject(k, c)
    if after is not None and not intransitive and after.counted and after.kind == "" \
            and _accusative_object(after, c) is not None:
        return after  # "قتل ثلاثة مسلحين مدنيا": a count's noun is genitive, yet the phrase is the subject
    if after is not None and not intransitive and (after.kind == "partitive" or after.oblique_case):
        after = None
    if before is not None and not intransitive and before.oblique_case:
        before = None  # "11 قتيلا مدنيا في قصف": an accusative is no subject
    if after is not None and before is not None and not intransitive and (after.oblique_construct or after.owned):
        return before  # SVO: "وحدات من الجيش السوري هاجمت مقاتلي داعش"، "الفصائل دمرت دبابة لقوات النظام"
    if after is not None and (intransitive or not after.counted):
        return after
    return before


def _accusative_object(subject: _Unit, c: _Context) -> _Unit | None:
    """A person named in the indefinite accusative singular ("مدنيا"، "قاضيا"، "شرطيا") right after the noun
    phrase ``subject`` (an adjective of it may stand between), not joined to it by و: the object of the
    verb whose subject that phrase is — an accusative names no victim of a passive verb."""
    if c.doc is None:
        return None
    tokens = c.doc.tokens
    for u in c.units:
        if subject.last <= u.first <= subject.last + 1 and u.first < c.right and u.kind == "" and u.person:
            word = tokens[u.first].text
            if not word.startswith(("و", "ال")) and word.endswith("ا") and len(word) > 3:
                return u
    return None


def _object(marker: str, k: int, subject: _Unit | None, right: int, units: list[_Unit]) -> _Unit | None:
    """The patient: after the verb's preposition when it takes one, else the next unmarked name."""
    start = subject.last if subject is not None and subject.first > k else k + 1
    for u in units:
        if u.first < start or u.first >= right or u is subject:
            continue
        if marker:
            if u.marker == marker or u.kind == marker or (marker == "على" and u.kind == "patient"):
                return u
            if marker == "مع" and u.kind == "comitative":
                return u
            continue
        if u.kind in ("", "partitive", "patient"):
            return u
    return None


def _assign(doc: Doc, frame: Frame, agent: _Unit | None, patient: _Unit | None, units: list[_Unit],
            left: int, right: int) -> None:
    if patient is None and frame.predicate.family not in ("support", "claim", "modal", "repel"):
        # "استهدف مقر الحزب"، "ضد مواقع داعش": a name marked as the target
        patient = next((u for u in units if frame.predicate.first < u.first < right and u.kind == "patient"
                        and u is not agent), None)
    frame.agent = _argument(doc, agent, "agent") if agent is not None else None
    if patient is not None and patient is not agent:
        patient = _coordinated(doc, patient, units)
    frame.patient = _argument(doc, patient, "patient") if patient is not None and patient is not agent else None
    frame.obliques = [_argument(doc, u, "oblique") for u in units
                      if left <= u.first < right and u is not agent and u is not patient and u.kind]
    if frame.predicate.family in ("kill", "wound") and frame.predicate.voice != "active":
        # "مقتل 14 شخصا، من بينهم قياديان في الحزب"، "إصابة تسعة شرطيين وستة عناصر من قوات مكافحة الإرهاب":
        # the names a casualty word lists after it are its victims
        k = frame.predicate.first
        taken = {a.first for a in (frame.agent, frame.patient) if a is not None}
        frame.obliques += [_argument(doc, u, "victim") for u in units
                           if k < u.first < min(right, k + _VICTIM_REACH)
                           and u.kind in ("", "partitive", "place", "comitative", "between")
                           and u.first not in taken
                           and (patient is None or u.first >= patient.last)]


def _coordinated(doc: Doc, u: _Unit, units: list[_Unit]) -> _Unit:
    """A patient with the names joined to it by و: "إصابة تسعة شرطيين وستة عناصر من قوات مكافحة الإرهاب
    وأربعة مدنيين" — all of them are the victims."""
    tokens = doc.tokens
    last = u.last
    for v in units:
        if v.first < last or v.kind not in ("", "partitive"):
            continue
        gap = range(last, v.first)
        if v.first - last > 2 or not (tokens[last].text.startswith("و") if last < v.first
                                       else tokens[v.first].text.startswith("و")):
            break
        if any(f.kind == "verb" for j in gap for f in _readings(tokens[j].text)[0]):
            break  # "وقتلوا أحد الموظفين وأصابوا شرطيا": a verb joined by و opens a clause with its own object
        if any(tokens[j].is_number is False and j != last and without_conjunction(tokens[j].text) not in ("من",)
               for j in gap[1:]):
            break
        last = v.last
    return u if last == u.last else replace(u, last=last, clause_subject=False, joined=False, side=0)


def _argument(doc: Doc, u: _Unit, role: str) -> Argument:
    tokens = doc.tokens
    start, end = tokens[u.first].start, tokens[u.last - 1].end
    return Argument(role, u.marker, u.first, u.last, start, end, u.name_first, doc.text[start:end], u.side)


# --- links between frames ---------------------------------------------------------------------

def _link(frames: list[Frame], cue_tokens: set[int]) -> None:
    """A light verb gives its subject to the attack noun it carries ("شن داعش هجوما"، "هجوم شنه داعش");
    a repel verb takes the attack's owner as its agent ("صدت البيشمركة هجوما لداعش")."""
    nouns = [f for f in frames if f.predicate.kind == "noun"]
    by_token = {n.predicate.first: n for n in nouns}
    previous: Frame | None = None
    for f in frames:  # "قام مسلحون بمهاجمة سيارة وقتلوا 3 أشخاص": coordinated verbs share their subject
        p = f.predicate
        if (p.kind == "verb" and p.voice == "active" and f.agent is None and p.text[:1] in _PROCLITICS
                and previous is not None and previous.agent is not None
                and ("subject", "agent") in _roles_by_lemma().get(p.lemma, ())):
            f.agent = previous.agent
        if p.kind == "verb" and f.agent is not None:
            previous = f
    for f in frames:
        opener = by_token.get(f.event_subject)
        if opener is not None and f.agent is None and opener.agent is not None and f.predicate.family != "repel":
            f.agent = opener.agent  # "غارة أمريكية تستهدف قياديا": the strike's owner acts
    for family in ("support", "repel"):  # the attack's owner first, then who turned it back
        for f in frames:
            if f.predicate.family == family and f.predicate.kind == "verb":
                _carry(f, nouns, cue_tokens)
    _own_attacks(frames)


#: Possessive pronouns of people (they, the two of them) on an attack noun: "هجومهم"، "هجومهما".
_THEIR = frozenset({"هم", "هما"})
_THEY = frozenset({"3mp", "3md"})  # a light verb whose subject is "they" ("قاموا بها")
_OWN_ATTACK_FAMILIES = frozenset({"attack", "raid"})
_CASUALTY_FAMILIES = frozenset({"kill", "wound"})


def _own_attacks(frames: list[Frame]) -> None:
    """"قتل خمسة من عناصر الشرطة أثناء هجومهم على مواقع داعش"، "قتل 25 مسلحا خلال هجوم فاشل قاموا به": an attack
    noun with "their" as its agent's genitive (or carried by a light verb whose subject is "they") and no owner of
    its own, told after a killing or wounding, is the attack of those who fell — they are its agents and the
    object of the attack its target, not the other way round ("جراء استهدافهم": they were the targets)."""
    nouns = [f for f in frames if f.predicate.kind == "noun"]
    theirs = {id(_carried(f, nouns)) for f in frames if f.predicate.family == "support" and f.agent is None
              and f.predicate.kind == "verb" and f.predicate.person in _THEY}  # "هجوم فاشل قاموا به"
    for f in frames:
        p = f.predicate
        if p.kind != "noun" or p.family not in _OWN_ATTACK_FAMILIES or f.agent is not None \
                or not ((p.clitic in _THEIR and _genitive_by_lemma().get(p.lemma) == "agent") or id(f) in theirs):
            continue  # "استهدافهم": a pronoun in the patient's genitive is who was targeted
        casualty = next((c for c in reversed(frames) if c.predicate.first < p.first and c.patient is not None
                         and c.predicate.family in _CASUALTY_FAMILIES and c.patient.actor_first >= 0), None)
        if casualty is None or casualty.patient is None:
            continue
        f.agent = replace(casualty.patient, role="agent")
        casualty.own_attack = True


def _carry(f: Frame, nouns: list[Frame], cue_tokens: set[int]) -> None:
    """Link a light or repel verb with the attack noun it carries."""
    p = f.predicate
    carried = _carried(f, nouns)
    if carried is None:
        if p.family == "repel":  # "تصدت لهم قوات الأمن": no attack to turn back, the repeller acts
            f.agent, f.patient = f.patient, None
        elif p.family == "support" and any(0 < j - p.first <= _LINK_REACH + 2 for j in cue_tokens):
            f.predicate = replace(p, family="support-event")  # "قامت الشرطة بتفريقهم": an event word it carries
        return
    if p.family == "support" and f.agent is not None and carried.agent is None:
        carried.agent = f.agent
    elif p.family == "repel" and carried.agent is not None:
        f.agent = carried.agent


@cache
def _genitive_by_lemma() -> dict[str, str]:
    """The role a verbal noun's genitive takes, by lemma ("هجومهم" their attack: agent; "استهدافهم": patient)."""
    verbs = load_lexicons().verbs
    assert verbs is not None
    return {f.predicate.lemma: f.predicate.genitive for forms in verbs.forms.values() for f in forms}


@cache
def _roles_by_lemma() -> dict[str, tuple[tuple[str, str], ...]]:
    verbs = load_lexicons().verbs
    assert verbs is not None
    return {f.predicate.lemma: f.predicate.roles for forms in verbs.forms.values() for f in forms}


def _carried(f: Frame, nouns: list[Frame]) -> Frame | None:
    """The attack noun a light or repel verb carries: right before it when the verb holds a pronoun
    ("مداهمة شنتها")، else right after it ("شن هجوما"، "تصدت لهجوم")."""
    k = f.predicate.first
    anchor = f.agent.last - 1 if f.agent is not None and f.agent.first > k else k
    before = [n for n in nouns if 0 < k - n.predicate.first <= _LINK_REACH]
    reach = _LINK_REACH + 1 if f.predicate.family == "repel" else _CARRY_REACH
    after = [n for n in nouns if 0 < n.predicate.first - anchor <= reach]
    if f.predicate.text.endswith(("ه", "ها", "هم")) and before:
        return before[-1]
    if after:
        return after[0]
    return before[-1] if before else None


def frames_of(doc: Doc, sentence: Sentence) -> list[Frame]:
    """The frames of one sentence (``doc.frames`` is in sentence order)."""
    return [f for f in doc.frames if f.sentence == sentence.index]


_SIDE_KINDS = ("agent", "patient", "comitative", "between")
_SIDES_TOO = {"comitative": ("clash", "attack", "raid", "kill", "wound"),
              "partitive": ("kill", "wound", "abduction", "arrest", "capture"),
              "source": ("capture",)}  # "السيطرة على البلدة من يد داعش": taken from IS


def role_spans(frames: list[Frame]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The token spans the frames make initiators (agents) and targets (patients).  Also targets: the other
    side of a clash or attack ("اشتباكات مع قوات الأمن") and the victims listed with a toll ("مقتل 14
    شخصا، من بينهم قياديان في الحزب")."""
    agents: list[tuple[int, int]] = []
    patients: list[tuple[int, int]] = []
    opponents = _opponents(frames)
    for f in frames:
        if not f.real or f.predicate.family == "modal":
            continue  # what was planned, threatened, denied or said in a figure of speech has no sides
        if f.agent is not None and f.predicate.family != "support":  # a light verb's agent is the noun's it carries
            agents.append((f.agent.first, f.agent.last))
        if f.patient is not None and not f.own_attack:
            patients.append((f.patient.first, f.patient.last))
        for o in f.obliques:
            kind = _marker_kinds().get(o.marker, "")
            if o.role == "victim":
                patients.append((o.first, o.last))
            elif kind == "agent" or (o.first, o.last) in opponents:
                agents.append((o.first, o.last))  # "على يد"، "من قبل"، "برصاص": who did it, wherever named
            elif kind == "patient" or f.predicate.family in _SIDES_TOO.get(kind, ()):
                # مع names the other side of a fight ("اشتباكات مع قوات الأمن"), a partner of anything else
                # ("ليشاركوا مع القوات الأمنية في تحرير مناطقهم")
                patients.append((o.first, o.last))
        sides = [o for o in f.obliques if _marker_kinds().get(o.marker) == "between" and o.role == "oblique"]
        if sides:  # "اشتباكات بين سرايا السلام والمرافقين": the first side told acts, the others are its targets;
            # the allies told with the first ("بين الجيش وحزب الله من جهة، و…") are neither
            agents.append((sides[0].first, sides[0].last))
            patients.extend((o.first, o.last) for o in sides if o.side != sides[0].side)
    return agents, patients


def _opponents(frames: list[Frame]) -> set[tuple[int, int]]:
    """The other side of a clash told with its dead ("قتل خمسة عناصر من قوات النظام خلال اشتباكات مع الفصائل"،
    "4 مقاتلين قتلوا خلال اشتباكات مع قوات النظام"): the side named after مع fought those who fell, so it is
    the clash's initiator and the fallen its target (a clash with no one's dead keeps مع as the other side)."""
    victims = [(f.patient.first, f.patient.last) for f in frames if f.real and f.patient is not None
               and f.predicate.family in _CASUALTY_FAMILIES and f.predicate.voice != "active"]
    victims += [(o.first, o.last) for f in frames if f.real for o in f.obliques if o.role == "victim"]
    if not victims:
        return set()
    return {(o.first, o.last) for f in frames if f.real and f.predicate.family == "clash" and f.agent is None
            for o in f.obliques if _marker_kinds().get(o.marker) == "comitative"
            and not any(a < o.last and o.first < b for a, b in victims)}


def ally_spans(frames: list[Frame]) -> list[tuple[int, int]]:
    """The token spans of the allies told with the first side of a clash ("بين قوات النظام وحزب الله من جهة،
    والفصائل من جهة أخرى": Hezbollah): they fight with the side that acts, so they are not its target, even
    when the clash killed some of them ("... ما أدى لمقتل عنصر من حزب الله")."""
    spans: list[tuple[int, int]] = []
    for f in frames:
        if not f.real:
            continue
        sides = [o for o in f.obliques if _marker_kinds().get(o.marker) == "between" and o.role == "oblique"]
        spans.extend((o.first, o.last) for o in sides[1:] if o.side == sides[0].side)
    return spans


@cache
def _marker_kinds() -> dict[str, str]:
    verbs = load_lexicons().verbs
    assert verbs is not None
    return verbs.markers


def _marker_kind(word: str) -> str:
    """The class of a marker word (agent, patient, partitive …), "" for any other word."""
    return _marker_kinds().get(word, "")


def within(spans: list[tuple[int, int]], token: int) -> bool:
    return any(first <= token < last for first, last in spans)
