"""Stage: event mentions, one per sentence that reports an incident (or per place it names).

A sentence reports an incident when it holds a trigger cue that is not negated ("لم"،
"دون"), not a plan, threat, call or court ruling, and that the classifier can type.  Its
place is the event place the sentence names (not a reporter's or a ministry's seat);
coordinated places ("في مدينتي الناصرية والسماوة") give one mention each, with the toll
split evenly (codebook §6).  A sentence that names no place takes the place of the
incident told just before it in the paragraph, else the headline's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from marsad.doc import Doc
from marsad.extract import actors as act
from marsad.extract.classify import ActorFacts, by_initiator, classify
from marsad.extract.frames import Frame, compares, described_as_habit, frames_of, modal_flags
from marsad.extract.numbers import read_number
from marsad.extract.time import TimeMention, days_back
from marsad.extract.toll import (
    Figure,
    TollMention,
    cause_tolls,
    combine,
    share_evenly,
    told_as_motive,
    total_markers,
)
from marsad.geo.countries import clause_country, country_marks
from marsad.geo.cues import load_place_cues
from marsad.geo.index import bare_forms
from marsad.geo.resolve import ResolvedPlace
from marsad.lexicon import Entry, load_lexicons
from marsad.model import Actor, EventMention, Evidence
from marsad.taxonomy import EVENT_TYPES
from marsad.text.matcher import Match
from marsad.text.tokens import Sentence, lookup_keys, may_have_key, one_of, strip_article, without_conjunction

_COORDINATION_RE = re.compile(r"^[\s،,]*و?\s*$")

#: Events older than this before publication are background (codebook §1).
BACKGROUND_DAYS = 30
#: Modality labels that make a whole clause no report of an incident (triggers.toml, modality.toml).
_UNREAL = {"judicial", "unreal"}
#: The modality label of the policing of ordinary crime (modality.toml [frame.crime]): such a clause
#: makes no event unless it tells of someone killed or hurt.
_POLICING = "policing"


@dataclass(slots=True)
class _Context:
    """What the mention builder knows about the whole document."""

    places: dict[int, list[ResolvedPlace]] = field(default_factory=dict)  # by sentence
    country: str = "IRQ"
    last_place: tuple[list[ResolvedPlace], Sentence] | None = None  # the latest sentence that named a scene
    title_places: list[ResolvedPlace] = field(default_factory=list)
    routes: dict[int, list[ResolvedPlace]] = field(default_factory=dict)  # by sentence: roads and journeys
    abroad: dict[int, list[ResolvedPlace]] = field(default_factory=dict)  # by sentence: scenes outside Iraq and Syria
    # the latest sentence that told an event: its index, its mentions and their places
    told_before: tuple[int, list[EventMention], list[ResolvedPlace]] = (-1, [], [])
    demonstrations: bool = False  # the article tells demonstrations (a protest word anywhere)


def build_mentions(doc: Doc) -> None:
    """Fill ``doc.mentions``."""
    ctx = _context(doc)
    for sentence in doc.sentences:
        for span in _clauses(doc, sentence, ctx):
            doc.mentions.extend(_sentence_mentions(doc, sentence, ctx, span))
        places = ctx.places.get(sentence.index)
        if places and not _background(doc, sentence) and (ctx.last_place is None or ctx.last_place[1] is not sentence):
            ctx.last_place = (_pick_sites(doc, places, [], anchor=doc.tokens[sentence.first_token].index), sentence)


def _context(doc: Doc) -> _Context:
    ctx = _Context()
    counts: dict[str, int] = {}
    named = {j for m in doc.entries if m.payload.category in ("actor", "generic") for j in range(m.first, m.last)}
    for rp in doc.places:
        if _abroad_scene(rp):
            ctx.abroad.setdefault(_sentence_at(doc, rp.toponym.first_token), []).append(rp)
            continue
        if rp.location is None or not rp.location.admin1 or rp.toponym.role not in ("event", "route"):
            continue
        if rp.toponym.first_token in named and not rp.toponym.cue:
            continue  # "شرطة كركوك"، "ولاية ديالى": part of an actor's name (but "حي العامل" is a place)
        sentence = _sentence_at(doc, rp.toponym.first_token)
        if rp.toponym.role == "route":
            ctx.routes.setdefault(sentence, []).append(rp)
            continue
        ctx.places.setdefault(sentence, []).append(rp)
        counts[rp.location.country] = counts.get(rp.location.country, 0) + 1
    if counts:
        ctx.country = max(counts, key=lambda c: counts[c])
    if doc.sentences and doc.in_title(doc.sentences[0]):
        ctx.title_places = ctx.places.get(0, [])
    ctx.demonstrations = any(m.payload.category == "cue" and m.payload.label in ("protest", "protesters")
                             for m in doc.entries)
    return ctx


def _crowd_act(doc: Doc, clause_cues: list[Match[Entry]], covering: dict[int, Frame], cues: set[str],
               facts: ActorFacts, ctx: _Context) -> bool:
    """A riot act (storming, burning, stoning: triggers.toml [cue.riot]) told as done — a verb ("ثم اقتحموا
    مبنى المحافظة") or the passive with تم ("تم إحراق مكتب الحزب"), not a bare noun as in a subheading
    ("اقتحام مبنى المحافظة") — with no doer in its clause, in an article that tells demonstrations, is the
    demonstrators' doing; a clause that names armed men or forces keeps them as its doers."""
    if not (ctx.demonstrations and "riot" in cues and not cues & {"protest", "protesters"}
            and not (facts.state or facts.armed_nonstate or facts.external)):
        return False
    auxiliaries = load_lexicons().word_set("passive_auxiliaries")
    return any(m.payload.label == "riot" and (
        (m.first in covering and covering[m.first].predicate.kind == "verb")
        or (m.first > 0 and any(k in auxiliaries for k in lookup_keys(doc.tokens[m.first - 1].text))))
        for m in clause_cues)


def _sentence_at(doc: Doc, token: int) -> int:
    lo, hi = 0, len(doc.sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if doc.sentences[mid].first_token <= token:
            lo = mid
        else:
            hi = mid - 1
    return lo


Span = tuple[int, int]  # a clause: tokens [first, last) of a sentence


def _clauses(doc: Doc, sentence: Sentence, ctx: _Context) -> list[Span]:
    """The sentence's clauses.  It is cut before "، و" + an event word or a verb of happening with its act
    after it ("، ودارت اشتباكات عنيفة في بلدة الشيخ مسكين"), or before a comma + a linking
    adverb (كما، كذلك، ثم، تزامنا: triggers.toml `clause_adverbs`) with a word of what happened (not a
    toll word alone) within two words after another such word ("سقطت قذائف على نبل، كذلك دارت
    اشتباكات في حندرات"), or within six after a verb of happening (`happening_verbs`: "، كذلك تدور منذ
    صباح أمس اشتباكات"); run-on round-ups drop the comma before the adverb when the verb follows it
    ("ولم ترد أنباء عن إصابات كما دارت اشتباكات في ريف الرقة")), or before a conjunction of contrast,
    with or without a comma (بينما، فيما: `clause_contrasts`), with an act on each side ("قصفت الطائرات
    كفرنبل بينما دارت اشتباكات في ريف حماة"), when the clauses on both sides name their own scene ("قتل
    جندي في الموصل الإثنين، وقتل آخر في تكريت الثلاثاء": two incidents).  "، وإصابة اثنين آخرين" names none and goes
    on with the clause before it; "سقط ثلاثة قتلى في البصرة، كما قتل متظاهر في الديوانية" (tolls
    alone) is one account.  A round-up's next scene fronted after a comma ("تظاهر العشرات في الناصرية، وفي
    الديوانية قطع محتجون الطريق": `place_openers` and a place) opens a clause of its own, with an act on
    each side."""
    whole = [(sentence.first_token, sentence.last_token)]
    places = ctx.places.get(sentence.index)
    if not places or len(places) < 2:
        return whole
    triggers = [m for m in doc.sentence_entries(sentence, "cue") if m.payload.value.trigger]
    starts = {m.first for m in triggers}
    acts = {m.first for m in triggers if m.payload.value.family != "casualty"}  # not a toll word alone
    lex = load_lexicons()
    links, happening = lex.word_set("clause_adverbs"), lex.word_set("happening_verbs")
    contrasts = lex.word_set("clause_contrasts")

    def linked(j: int) -> bool:  # "كما دارت اشتباكات"، "كذلك تدور منذ صباح أمس اشتباكات"
        reach = _HAPPENING_REACH if j + 1 < sentence.last_token and doc.tokens[j + 1].text in happening else 2
        return (doc.tokens[j].text in links and bool(acts & set(range(j + 1, j + 1 + reach)))
                and any(sentence.first_token <= k < j for k in acts))

    def comma(j: int) -> bool:
        return any(c in doc.text[doc.tokens[j - 1].end:doc.tokens[j].start] for c in "،,")

    def contrast(j: int) -> bool:  # "قصفت الطائرات كفرنبل بينما دارت اشتباكات في ريف حماة"
        return (doc.tokens[j].text in contrasts and any(sentence.first_token <= k < j for k in acts)
                and any(j < k < sentence.last_token for k in acts))

    def happens(j: int) -> bool:  # "، ودارت اشتباكات عنيفة"، "، واندلعت مواجهات": a verb of happening, its act
        word = doc.tokens[j].text
        return (word.startswith("و") and word[1:] in happening and any(sentence.first_token <= k < j for k in acts)
                and bool(acts & set(range(j + 1, j + 1 + _HAPPENING_REACH))))

    openers, place_starts = lex.word_set("place_openers"), {rp.toponym.first_token for rp in places}

    def fronted_place(j: int) -> bool:  # "، وفي الديوانية قطع محتجون الطريق"
        return (comma(j) and doc.tokens[j].text in openers and bool(place_starts & set(range(j + 1, j + 3)))
                and any(sentence.first_token <= k < j for k in acts) and any(j < k < sentence.last_token for k in acts))

    cuts = [j for j in range(sentence.first_token + 1, sentence.last_token)
            if (comma(j) and ((j in starts and doc.tokens[j].text.startswith("و")) or linked(j) or happens(j)))
            or (linked(j) and (j + 1 in acts or doc.tokens[j + 1].text in happening)) or contrast(j)
            or fronted_place(j)]
    if not cuts:
        return whole
    bounds = [sentence.first_token, *cuts, sentence.last_token]
    # a leading part with no act of its own ("وكبدوا قوات النظام خسائر فادحة، وقصفت المعارضة بلدات ...": the
    # previous sentence's aftermath) opens the first clause, it is no clause of its own
    while len(bounds) > 2 and not any(bounds[0] <= k < bounds[1] for k in starts):
        del bounds[1]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False)]
    if len(spans) < 2:
        return whole
    # each clause names its scene before the first comma after its act (not in an aside: "، وأصيب اثنان آخران
    # بجروح، برصاص ...، خلال تظاهرات ... وفي العاصمة بغداد"); what comes before its act (an attribution with
    # its asides, "وأشار المرصد السوري، ومقره بريطانيا، إلى وقوع غارتين على الشيفونية") does not close it
    def act_at(a: int, b: int) -> int:
        return min((k for k in starts if a <= k < b), default=a)

    if not all(any(a <= rp.toponym.first_token < _first_comma(doc, act_at(a, b), b) for rp in places)
               for a, b in spans):
        return whole
    return spans


_HAPPENING_REACH = 6  # "كذلك تدور منذ صباح أمس اشتباكات": a verb of happening, time words, the event noun


def _first_comma(doc: Doc, first: int, last: int) -> int:
    """The first token after a comma in tokens [first, last), else ``last``.  Not the comma that closes one
    side of a clash ("تدور اشتباكات بين تنظيم داعش من جهة، والفصائل من جهة أخرى، في القلمون": triggers.toml
    `side_closers`): the sides go on, and the scene is told after them."""
    lex, tokens = load_lexicons(), doc.tokens
    closers, others = lex.word_set("side_closers"), lex.word_set("side_others")

    def closes_a_side(j: int) -> bool:  # "من جهة،"، "ومن جهة أخرى،"
        k = j - 2 if j - 1 > first and tokens[j - 1].text in others else j - 1
        return k - 1 >= first and without_conjunction(tokens[k].text) in closers \
            and without_conjunction(tokens[k - 1].text) == "من"

    return next((j for j in range(first + 1, last)
                 if any(c in doc.text[tokens[j - 1].end:tokens[j].start] for c in "،,") and not closes_a_side(j)),
                last)


def _economic(doc: Doc, span: Span) -> bool:
    """An agreement about oil, salaries or budgets ("اتفاق مع الأكراد على استئناف صادرات النفط") is
    politics, not an agreement between parties to the conflict (codebook §2)."""
    words = load_lexicons().word_set("economic_matters")
    return any(strip_article(doc.tokens[j].text) in words for j in range(*span))


def _in_span(span: Span, token: int) -> bool:
    return span[0] <= token < span[1]


def _sentence_mentions(doc: Doc, sentence: Sentence, ctx: _Context,
                       span: Span | None = None) -> list[EventMention]:
    span = span or (sentence.first_token, sentence.last_token)
    modality = [m for m in doc.sentence_entries(sentence, "modality") if _in_span(span, m.first)]
    if any(m.payload.label in _UNREAL and not _demanded(doc, m) for m in modality):
        return []  # a verdict, a vote, a story's plot: the clause tells no incident
    names = {j for m in doc.sentence_entries(sentence, "actor", "generic") for j in range(m.first, m.last)}
    clause_cues = [m for m in doc.sentence_entries(sentence, "cue") if _in_span(span, m.first)
                   and not _comes_back(doc, m, span)]
    if any(m.payload.label == "agreement" for m in clause_cues) and _economic(doc, span):
        clause_cues = [m for m in clause_cues if m.payload.label != "agreement"]
    covering = _covering(doc, sentence)
    self_detonations = _self_detonations(doc, span)
    if self_detonations:  # "فجر نفسه قبل وصوله إلى الحاجز": he blew himself up all the same
        clause_cues = [m for m in clause_cues if m.payload.label != "forestalled"] + self_detonations
    triggers = _live_triggers(doc, clause_cues, covering, modality, names)
    if not triggers:
        return []
    cause = _dated_cause(doc, span, triggers)  # "على خلفية مقتل شخص في تظاهرة، الأحد الماضي": the cause's day
    demonstration = any(m.payload.label in _DEMONSTRATING for m in clause_cues)
    cues = {m.payload.label for m in clause_cues if _live(m, covering, modality, names, doc)
            and (m.payload.label != "territory" or _captured(doc, m, clause_cues, names))
            and (m.payload.label != "riot" or not _attempted(m, clause_cues, names))
            and not (m.payload.label in ("shelling", "artillery") and _stored(doc, m, span))
            # "اعتصم المئات احتجاجا على قتل العقيد"، "احتجاجات على اعتقال الشيرازي": a killing, a wound, an
            # arrest or a kidnapping told as a demonstration's motive is an earlier incident's, no violence of
            # this one (a protest against a killing is a peaceful protest), unless the clause tells that
            # incident itself, on a day of its own (a dated cause: ``_dated_cause``)
            and not (cause is None and m.payload.label in _MOTIVE_CUES and demonstration
                     and told_as_motive(doc, sentence, m.first, load_lexicons()))}
    places = [rp for rp in ctx.places.get(sentence.index, []) if _in_span(span, rp.toponym.first_token)]
    sites, explicit = _sites(doc, sentence, ctx, triggers, places, span)
    location = sites[0].location if sites else None
    region = act.region_of(location.country if location else ctx.country, location.admin1 if location else "")
    # a word of a place name a cue introduces is the name's, whatever the place's role: "حي العامل", and "جبل
    # الأكراد" naming where the villages listed before it lie (a parent, not one of the clause's scenes)
    named_places = {j for rp in doc.places if rp.toponym.cue and _in_span(span, rp.toponym.first_token)
                    for j in range(rp.toponym.first_token, rp.toponym.last_token)}
    hits = [h for h in act.find_actor_hits(doc, sentence, region)
            if (h.first not in named_places or h.key == act.SITE) and _in_span(span, h.first)]  # "حي العامل"
    reply = _reply_at(doc, span, triggers)
    hits = [h for h in hits if reply is None or h.first < reply]  # the answered act's sides are not this one's
    facts = _facts(hits)
    if _crowd_act(doc, clause_cues, covering, cues, facts, ctx):
        cues.add("protesters")
    # an execution or a choking bombardment refines the type; the incident's cues stay those of the words
    refined = set(cues)
    if "kill" in cues and _executes(doc, clause_cues, covering, modality, names):
        refined.add("execution")
    if cues & _BOMBARDMENT and _chokes(doc, span):
        refined.add("chemical")
    sub_event = classify(refined, facts)
    start, end = doc.tokens[span[0]].start, doc.tokens[span[1] - 1].end
    tolls = [t for t in doc.tolls if t.sentence == sentence.index and start <= t.start < end
             and t.kind != "attackers"]  # bombers: consolidate
    if not tolls and any(m.payload.label == _POLICING for m in modality):
        return []  # a drug bust or a thief's arrest: policing of crime, not of the conflict
    if sub_event is None and tolls and _continues(ctx, sentence, cues, explicit) and not _background(doc, sentence):
        sub_event, sites = ctx.told_before[1][0].sub_event_type, ctx.told_before[2]
    if sub_event in _GENERIC_ATTACKS and _one_of_those(doc, ctx, sentence, triggers, cues):
        sub_event = ctx.told_before[1][0].sub_event_type
    if sub_event is None:
        return []
    told = (doc.tokens[cause].start, end) if cause is not None else (start, end)
    if cause is not None and not any(t.start >= told[0] for t in tolls):
        tolls = tolls + cause_tolls(doc, sentence, told[0])  # the dated cause's own dead (toll.cause_tolls)
    if cause is not None and all(j < cause for j in total_markers(doc, sentence, load_lexicons())):
        tolls = [replace(t, cumulative=False) if t.start >= told[0] else t for t in tolls]  # the cause's own toll
    when = None if _died_of_wounds(doc, sentence) else _event_date(doc, sentence, triggers, told)
    since = _since_a_day(doc, sentence, (start, end), _SINCE_SPAN if _states_toll(tolls) else _SINCE_ACT) \
        if when is None and explicit else None
    if since is not None:  # "قتل 9 متظاهرين منذ الأحد": one event a day; "تدور منذ صباح أمس اشتباكات": yesterday's
        when, tolls = since[0], _over_the_days(doc, sentence, tolls, since[1])
    own_day = when is not None and not when[2].statement  # a statement's day only stands in for the event's
    background = _background(doc, sentence, span=span if cause is None else (cause, span[1]), triggers=triggers)
    governing = [m for m in modality if _governs(doc, span, m, triggers) and (cause is None or m.first >= cause)]
    aggregate = (any(m.payload.label in ("aggregate", "recalled") for m in governing)
                 or _over_a_span(doc, governing, sentence)
                 or (not own_day and any(m.payload.label == "reaction" for m in modality))
                 or (not own_day and _names_an_earlier_year(doc, sentence))  # "2003: مقتل 17 شخصا في تفجير ..."
                 or _war_total(tolls))
    if when is not None and not _recent(doc, when[0]):
        return []
    if when is None and doc.published is None and _told_long_ago(doc, sentence, told):
        return []
    if when is None and _continues_an_old_clause(doc, sentence):
        return []
    actor1, actor2, a1_explicit = _actors(doc, hits, sub_event, cues | ({"toll"} if tolls else set()), region,
                                          sentence)
    if not a1_explicit and (firer := _firer_told_before(ctx, sentence, sub_event)) is not None and (
            actor2 is None or actor2[0] != firer):
        actor1 = (firer, None)
    if sub_event in _TERRITORY and (taker := _taker(doc, sentence, region, triggers, covering, act.by_activity(
            hits, EVENT_TYPES[sub_event], sub_event, region, doc))) is not None and (
            actor1 is None or taker.actor.name != actor1[0].name):
        actor2 = actor1 if actor1 is not None and actor1[0].name != taker.actor.name else actor2
        actor1, a1_explicit = (taker.actor, taker), True
    if sub_event in _TERRITORY and a1_explicit and actor1 is not None:
        sub_event = _taken_by(actor1[0])
    if a1_explicit and actor1 is not None:
        sub_event = by_initiator(sub_event, cues, act.air_power(actor1[0]))
    evidence = {"trigger": [doc.evidence(m.start, m.end) for m in triggers[:3]]}
    if when is not None:
        evidence["date"] = [doc.evidence(when[2].start, when[2].end)]
    for chosen, key in ((actor1, "actor1"), (actor2, "actor2")):
        if chosen is not None:
            spans = [doc.evidence(h.start, h.end) for h in hits if h.actor.name == chosen[0].name]
            if not spans and key == "actor2" and EVENT_TYPES[sub_event] == "Battles":  # a side told nearby
                spans = _named_nearby(doc, chosen[0], region, sentence)
            if not spans and key == "actor2" and _implied_police(sub_event, actor2):
                spans = evidence["trigger"][:1]  # the police a riot's casualties imply: its trigger
            if not spans and key == "actor2" and chosen[0] == act.implied_target(actor1[0]):
                spans = evidence.get("actor1") or evidence["trigger"][:1]  # the coalition strikes IS
            if spans:
                evidence[key] = spans
    base = dict(
        sentence=sentence.index, token=triggers[0].first, sub_event_type=sub_event,
        actor1=actor1[0] if actor1 else None, actor2=actor2[0] if actor2 else None,
        event_date=when[0] if when else None, time_precision=when[1] if when else 1,
        date_explicit=own_day, place_explicit=explicit, in_title=doc.in_title(sentence),
        actor1_explicit=a1_explicit, actor1_framed=bool(actor1 and actor1[1] and actor1[1].initiator > 0),
        allied_side=bool(actor1) and any(act.allied(actor1[0], h.actor) for h in hits),
        actor2_explicit=not _implied_police(sub_event, actor2) and not (  # the coalition strikes IS: a default
            actor2 is not None and actor2[1] is None and actor1 is not None
            and actor2[0] == act.implied_target(actor1[0])),
        cues=frozenset(cues), background=background,
        supporting=aggregate or (background and (when is None or when[2].rule.whole_month)
                                 and not (explicit and _states_toll(tolls)))
        or _anaphoric(doc, triggers, explicit, when, tolls) or _this_is(doc, span, triggers),
        names_told_act=_names_told_act(doc, triggers),
        another_act=_another_act(doc, clause_cues),
        redates=own_day and not explicit and not _states_toll(tolls) and not aggregate and not background
        and _points_back(doc, triggers),
    )
    days = [when] + _more_days(doc, sentence, when, end) if when is not None else [None]
    if since is not None and when is not None and doc.published is not None and _states_toll(tolls):
        days = [(when[0] + timedelta(days=k), 1, when[2]) for k in range((doc.published - when[0]).days + 1)]
    out: list[EventMention] = []
    for d, day in enumerate(days):  # "يومي الثلاثاء والأربعاء": one event a day, the toll split (codebook §1)
        if day is not None:
            base.update(event_date=day[0], time_precision=day[1])
            evidence = {**evidence, "date": [doc.evidence(day[2].start, day[2].end)]}
        out.extend(_per_site(doc, base, evidence, sites, tolls, part=(d, len(days))))
    if out:
        ctx.told_before = (sentence.index, out, sites)
    return out


Dated = tuple[date, int, TimeMention]  # a day, its time_precision and the words that give it


def _demanded(doc: Doc, m: Match[Entry]) -> bool:
    """A trial or a sentence that a word of demanding governs ("تظاهر المئات مطالبين بمحاكمة المالكي"، "للمطالبة
    بإعدام القتلة"; triggers.toml ``demand_words``, up to two words before) is what a crowd calls for: no verdict
    that makes the clause tell no incident."""
    if m.payload.label != "judicial":
        return False
    demands = load_lexicons().word_set("demand_words")
    return any(demands.intersection(lookup_keys(doc.tokens[j].text)) for j in range(max(0, m.first - 2), m.first))


def _dated_cause(doc: Doc, span: Span, triggers: list[Match[Entry]]) -> int | None:
    """A clause whose every act is told after a word of cause ("على خلفية"، "إثر"، "بعد": triggers.toml
    `cause_openers`) that names a day of its own ("وصل العبادي، الجمعة، إلى البصرة، سعيا إلى تهدئة
    الاحتجاجات القائمة منذ بداية الأسبوع على خلفية مقتل شخص في تظاهرة، الأحد الماضي") tells the cause, an
    incident that happened on that day: the day, the running total and the background told before the cause
    are the report's, not the incident's.  The token of the word of cause."""
    if not triggers:
        return None
    causes = load_lexicons().word_set("cause_openers")
    first = min(t.first for t in triggers)
    if first <= span[0] or not may_have_key(doc.span_text(span[0], first), causes):
        return None  # no word of cause before the act (its peeled forms are inside the words)
    opener = next((j for j in range(first - 1, span[0] - 1, -1)
                   if any(k in causes for k in lookup_keys(doc.tokens[j].text))), None)
    if opener is None or opener == span[0] or not _names_a_day(doc, (opener, span[1])):
        return None
    return opener


def _continues(ctx: _Context, sentence: Sentence, cues: set[str], place_explicit: bool) -> bool:
    """"وأسفر القصف عن مقتل 14 شخصا. وإصابة أكثر من 40 آخرين": a sentence of casualty words alone, naming
    no place, goes on with the event the sentence just before it told (its type and places)."""
    index, mentions, _ = ctx.told_before
    return bool(not place_explicit and cues and cues <= {"wound", "kill"} and index == sentence.index - 1
                and mentions)


#: The types a clause gets from a bare word of attack ("هجوم"، "الهجمات") with no weapon named.
_GENERIC_ATTACKS = frozenset({"Attack"})


def _one_of_those(doc: Doc, ctx: _Context, sentence: Sentence, triggers: list[Match[Entry]], cues: set[str]) -> bool:
    """"وقتل 30 شخصا في سلسلة تفجيرات ... واستهدف أكثر الهجمات دموية منطقة بغداد الجديدة": an elative before a
    definite plural act noun (triggers.toml ``elatives``: "أكثر الهجمات"، "أعنف الهجمات") picks one of the acts the
    sentence just before told; it names no weapon of its own, so it is of their kind, not a bare attack."""
    index, told, _ = ctx.told_before
    if index != sentence.index - 1 or not told or any(
            (info := load_lexicons().cues.get(c)) is not None and info.family == "weapon" for c in cues):
        return False
    if EVENT_TYPES.get(told[0].sub_event_type) != "Explosions/Remote violence":
        return False
    elatives = load_lexicons().word_set("elatives")
    for m in triggers:
        word = doc.tokens[m.first].text
        if m.first > sentence.first_token and word.startswith("ال") and word.endswith("ات") and one_of(
                doc.tokens[m.first - 1].text, elatives):
            return True
    return False


def _continues_an_old_clause(doc: Doc, sentence: Sentence) -> bool:
    """A clause cut off at "، بينما" / "، فيما" (text.tokens: a sentence of its own) with no day of its own
    goes on in the time of the clause before it: "استعادت القوات الموصل في تموز 2017، بينما استعاد تحالف
    من الأكراد والعرب الرقة بعد ثلاثة أشهر من ذلك" tells no news when that clause's day is long past."""
    if sentence.index == 0 or sentence.start == 0:
        return False
    previous = doc.sentences[sentence.index - 1]
    if doc.text[previous.end - 1:sentence.start].strip()[:1] not in ("،", ","):
        return False
    when = _event_date(doc, previous, [], (previous.start, previous.end))
    return when is not None and not _recent(doc, when[0])


def _died_of_wounds(doc: Doc, sentence: Sentence) -> bool:
    """"توفي ... الجمعة، متأثرا بإصابته جراء انفجار وقع الخميس": the day told is the death's, the event
    is the attack that wounded him (its own day, told with it or elsewhere)."""
    if "متاثر" not in doc.text[sentence.start:sentence.end]:
        return False  # the stem of every word listed (a quick test first)
    words = load_lexicons().word_set("died_of_wounds")
    return any(k in words for j in range(sentence.first_token, sentence.last_token)
               for k in lookup_keys(doc.tokens[j].text))


_SINCE_ACT = 1  # "تدور منذ صباح أمس اشتباكات": an act with no toll going on since yesterday began then
_SINCE_SPAN = 4  # "منذ الاثنين" told on Thursday: a few days, one event each; a longer span is a campaign's total


def _since_a_day(doc: Doc, sentence: Sentence, within: tuple[int, int], reach: int) -> tuple[Dated, int] | None:
    """A clause that tells its toll "since" a day of the last ``reach`` ("قتل 17 مدنيا على الأقل منذ
    يوم الثلاثاء"، "10 متظاهرين لقوا مصرعهم منذ الاثنين الماضي"، "سقط 37 قتيلا منذ الأربعاء") tells what
    happened on each day from that one to publication: a multi-day total, one event a day with the toll
    split evenly (codebook §1), not a running total folded into another incident.  A month's date or a
    longer span ("منذ 18 شباط"، "منذ أسبوعين") stays a total.  An act with no toll told going on since
    yesterday ("كذلك تدور منذ صباح أمس اشتباكات في القلمون"، "ما زالت المواجهات مستمرة منذ ليل أمس") began
    then: the incident of that day (``reach`` 1); since a day further back it is a campaign told as a
    whole.  The day, and the token of "since"."""
    if doc.published is None:
        return None
    day_words = load_lexicons().word_set("day_words")
    for t in doc.times:
        if (t.sentence != sentence.index or not t.since or t.future
                or not within[0] <= t.start < within[1] or t.rule.kind not in ("weekday", "days_back")):
            continue
        resolved = t.resolve(doc.published)
        if resolved is None or resolved[1] != 1 or not 1 <= (doc.published - resolved[0]).days <= reach:
            continue
        j = t.first_token - 1
        while j > sentence.first_token and strip_article(doc.tokens[j].text) in day_words:
            j -= 1
        return (resolved[0], 1, t), j
    return None


def _over_the_days(doc: Doc, sentence: Sentence, tolls: list[TollMention], since: int) -> list[TollMention]:
    """The clause's tolls counted "since" a day of the past week: the days' own (no running total), when
    "since" is the sentence's only word of a total."""
    if set(total_markers(doc, sentence, load_lexicons())) - {since}:
        return tolls
    return [replace(t, cumulative=False) for t in tolls]


def _more_days(doc: Doc, sentence: Sentence, when: Dated, end: int) -> list[Dated]:
    """Days coordinated with the chosen one: "يومي الثلاثاء والأربعاء"، "الخميس والجمعة"."""
    out: list[Dated] = []
    last = when[2]
    for t in doc.times:
        if (t.sentence != sentence.index or t.start <= last.start or t.statement or t.future or t.tense
                or t.start >= end):
            continue
        between = doc.text[last.end : t.start].strip(" ،,")
        if between or not doc.text[t.start : t.end].startswith("و"):
            break
        resolved = t.resolve(doc.published)
        if resolved is None:
            break
        out.append((resolved[0], resolved[1], t))
        last = t
    return out


def _anaphoric(doc: Doc, triggers: list[Match[Entry]], place_explicit: bool, when: object,
               tolls: list[TollMention]) -> bool:
    """"وأعلن تنظيم داعش مسؤوليته عن الهجوم": only "the attack" (told before), nothing new of its own."""
    if place_explicit or when is not None or tolls:
        return False
    return all(any(k.startswith("ال") for k in lookup_keys(doc.tokens[m.first].text)[:3]) for m in triggers)


_THIS_IS_REACH = 3  # "وهذا [هو] أول هجوم"


def _this_is(doc: Doc, span: Span, triggers: list[Match[Entry]]) -> bool:
    """A clause that opens with "this" (triggers.toml `demonstratives`) and names the act within three words
    ("وهذا أول هجوم من نوعه منذ سنوات على المنطقة الخضراء"، "وهذه ثالث غارة على البلدة") says what the act
    told before was: it adds to it, it tells no new one."""
    words, tokens = load_lexicons().word_set("demonstratives"), doc.tokens
    if not any(k in words for k in lookup_keys(tokens[span[0]].text)) or span[0] + 1 >= span[1]:
        return False
    if tokens[span[0] + 1].text.startswith("و"):
        return False  # "هذا، وقد ..."، "هذا واندلعت مواجهات": a connective that opens news, not "this is"
    return any(0 < m.first - span[0] <= _THIS_IS_REACH for m in triggers)


#: Cues that name the people of an event, not its act ("المتظاهرين"): no reference to an act told before.
_PEOPLE_CUES = frozenset({"protesters"})


#: Cues naming those who carry an act out, not the act: "وشنت طائرات أخرى غارات" (other planes of one raid).
_CARRIER_CUES = frozenset({"aircraft"})


def _another_act(doc: Doc, clause_cues: list[Match[Entry]]) -> bool:
    """The act or its weapon is named with a word of "another" or "second" right after it (triggers.toml
    ``another_one``: "وانفجرت عبوة ثانية في منطقة الحسينية"، "وفي هجوم آخر، ..."): one more incident than
    the one told before.  Not those who carried it out ("وشنت طائرات أخرى غارات": more planes of one raid)."""
    acts = [m for m in clause_cues if m.payload.value.family not in ("casualty", "context")
            and m.payload.value.name not in _PEOPLE_CUES | _CARRIER_CUES]
    others = load_lexicons().word_set("another_one")
    return any(m.last < len(doc.tokens) and doc.tokens[m.last].text in others for m in acts)


def _names_told_act(doc: Doc, triggers: list[Match[Entry]]) -> bool:
    """The first word that names the clause's act is definite ("وأوضح مصدر أن الهجوم وقع في ..."، "إن الغارة
    استهدفت ..."): the act told before, looked at again, not a new one ("قتلت طائرات حربية مدنيين")."""
    acts = [m for m in triggers if m.payload.value.family != "casualty" and m.payload.value.name not in _PEOPLE_CUES]
    return bool(acts) and any(k.startswith("ال") for k in lookup_keys(doc.tokens[acts[0].first].text)[:3])


def _points_back(doc: Doc, triggers: list[Match[Entry]]) -> bool:
    """Every event word is definite ("الهجوم") or a casualty noun naming definite victims ("مقتل المسلحين"):
    what was told before."""
    lex = load_lexicons()
    people = lex.word_set("person_words")

    def definite(j: int) -> bool:
        return j < len(doc.tokens) and any(k.startswith("ال") for k in lookup_keys(doc.tokens[j].text)[:3])

    def one_told(j: int) -> bool:  # "الهجوم"، "الانفجار"; not "الهجمات"، "الانفجارات" (several), nor the people
        # of an act in a sound masculine plural ("المختطفين"، "المعتقلون": those taken, not the taking)
        return definite(j) and not doc.tokens[j].text.endswith(("ات", "ين", "ون"))

    def victims_told(m: Match[Entry]) -> bool:
        nouns = lex.word_set("casualty_nouns")
        return (any(k in nouns for k in lookup_keys(doc.tokens[m.first].text)) and definite(m.last)
                and strip_article(doc.tokens[m.last].text) in people)

    return bool(triggers) and all(one_told(m.first) or victims_told(m) for m in triggers)


def _over_a_span(doc: Doc, modality: list[Match[Entry]], sentence: Sentence) -> bool:
    """"خلال 30 يوما من المعارك"، "على مدى ثلاثة أسابيع"، "خلال أكثر من ثلاثة أسابيع": a count over weeks or
    months is a running total (an approximator before the count, time.toml `ago_approximators`, is skipped)."""
    lex = load_lexicons()
    units, tokens, approx = lex.word_set("span_units"), doc.tokens, lex.word_set("ago_approximators")
    for m in modality:
        if m.payload.label != "span" or m.last >= sentence.last_token:
            continue
        i = m.last
        for n in (1, 2, 3):  # "نحو"، "أكثر من"، "ما يزيد عن"
            if " ".join(t.text for t in tokens[i:i + n]) in approx:
                i += n
                break
        if i >= sentence.last_token:
            continue
        number = read_number(tokens, i, lex)
        j = number.last if number is not None else i
        if j < sentence.last_token and strip_article(tokens[j].text) in units:
            return True
    return False


#: A toll of this many is a war's running total: no one incident of the conflicts the codebook covers kills or
#: wounds tens of thousands ("بشار الأسد قتل 400 ألف من أبناء شعبه"، "مقتل أكثر من 340 ألف شخص").
_WAR_TOTAL = 10_000


def _war_total(tolls: list[TollMention]) -> bool:
    """The clause counts its dead or wounded only in the tens of thousands and more: the total of a war, not an
    incident's toll (it may add to an incident, it makes none).  A clause that also counts an incident's
    dead ("قتل 3 مدنيين في قصف، في حرب قتلت 400 ألف") tells that incident."""
    return bool(tolls) and all(t.value >= _WAR_TOTAL for t in tolls)


def _states_toll(tolls: list[TollMention]) -> bool:
    """A stated count ("أدى هذا إلى قتل 96 شخصا") makes even a told-before incident worth coding."""
    return any(t.exact and not t.implicit for t in tolls)


def _background(doc: Doc, sentence: Sentence, span: Span | None = None,
                triggers: list[Match[Entry]] | None = None) -> bool:
    """A sentence that tells what had happened before: its words ("منذ"، "في وقت سابق"، "ذكرى"), its
    opening, or a year before publication's ("عام 2014").  Not an act told before a comma and the cause
    it answers ("قصفت المعارضة قريتين، وأفاد مصدر بأن القصف يأتي ردا على قصف الزبداني": the cause is
    the background, ``_told_before``)."""
    modality = doc.sentence_entries(sentence, "modality")
    if span is not None and span != (sentence.first_token, sentence.last_token):
        modality = [m for m in modality if _in_span(span, m.first)]  # a clause of its own: its own markers
    return (any(m.payload.label == "background" and not compares(doc, m.first)
                and not (span and triggers and _told_before(doc, span, m, triggers)) for m in modality)
            or _opens_with_background(doc, sentence) or _names_an_earlier_year(doc, sentence))


def _segments(doc: Doc, span: Span) -> list[int]:
    """The first tokens of a clause's comma-delimited parts after its first (sorted): the token after each
    comma that stands between two tokens (a comma inside a token, "3,5", cuts nothing)."""
    if span[1] - span[0] < 2:
        return []
    text, tokens = doc.text, doc.tokens
    lo, hi = tokens[span[0]].end, tokens[span[1] - 1].start
    cuts: set[int] = set()
    for comma in "،,":
        at = text.find(comma, lo, hi)
        while at >= 0:
            j = doc.token_index(at)  # the first token after the comma
            if tokens[j - 1].end <= at:
                cuts.add(j)
            at = text.find(comma, at + 1, hi)
    return sorted(cuts)


def _told_before(doc: Doc, span: Span, marker: Match[Entry], triggers: list[Match[Entry]]) -> bool:
    """A cause marker ("ردا على"، "انتقاما ل": triggers.toml `cause_markers`) makes background of what it
    introduces, the act answered; an act told in an earlier comma part of the clause is the news."""
    lex = load_lexicons()
    cuts = _segments(doc, span)
    part = bisect_right(cuts, marker.first)
    if not any(k in lex.word_set("cause_markers") for k in lookup_keys(doc.tokens[marker.first].text)):
        # a comma part opened by "where" or a relative pronoun describes the scene or a noun told before it:
        # its background ("كما دارت اشتباكات في محيط بلدة تل السمن، حيث يشهد الريف منذ أسابيع معارك"،
        # "قصفت الطائرات بلدة كفرنبل، التي تتعرض منذ أشهر لقصف متكرر") is not the act's
        describes = lex.word_set("where_adverbs") | lex.word_set("relative_pronouns")
        if part == 0 or not any(k in describes for k in lookup_keys(doc.tokens[cuts[part - 1]].text)):
            return False
    return any(bisect_right(cuts, t.first) < part for t in triggers)


def _governs(doc: Doc, span: Span, marker: Match[Entry], triggers: list[Match[Entry]]) -> bool:
    """Whether a modality marker reaches the clause's incident.  A running total or a recollection
    covers its own comma part and what follows, but (1) not a later part that tells an act on a day of
    its own ("تواصلت المظاهرات في عدد من المدن، التي شهدت الجمعة خروج المئات في ساحة التحرير": Friday's
    protests are news), and (2) not from inside a relative clause after the act, which describes the
    act's place or object ("السيطرة على مخيم اليرموك، والذي دارت به معارك خلال الأسابيع الماضية")."""
    if marker.payload.label not in ("aggregate", "recalled", "span"):
        return True
    if _when_clause(doc, span, marker, triggers):
        return False
    cuts = _segments(doc, span)
    if not cuts:
        return True
    part = bisect_right(cuts, marker.first)
    parts = [bisect_right(cuts, t.first) for t in triggers]
    relatives = load_lexicons().word_set("relative_pronouns")
    if part > 0 and any(k in relatives for k in lookup_keys(doc.tokens[cuts[part - 1]].text)) \
            and any(p < part for p in parts):
        return False
    dated = {bisect_right(cuts, t.first_token) for t in doc.times
             if span[0] <= t.first_token < span[1] and not (t.statement or t.since or t.future)}
    acts = {p for p, t in zip(parts, triggers, strict=True) if t.payload.value.family != "casualty"}
    return not any(p > part and p in dated for p in acts)


def _when_clause(doc: Doc, span: Span, marker: Match[Entry], triggers: list[Match[Entry]]) -> bool:
    """A total's or a recollection's marker does not reach into a "when" clause after it (triggers.toml
    `when_words`) that tells an act: the one incident that started the wave or was its latest ("بدأت
    الاحتجاجات في 8 تموز عندما فتحت قوات الأمن النار على المتظاهرين"، "كان آخرها في 25 شباط حين أصيب
    14 مدنيا")."""
    words = load_lexicons().word_set("when_words")
    whens = [j for j in range(marker.last, span[1]) if any(k in words for k in lookup_keys(doc.tokens[j].text))]
    return bool(whens) and any(t.first > whens[0] for t in triggers) and _names_a_day(doc, span)


def _names_a_day(doc: Doc, span: Span) -> bool:
    """The clause names a day of its own ("في 8 تموز"، "الأحد الماضي"), not a week or a month."""
    for t in doc.times:
        if span[0] <= t.first_token < span[1] and not (t.statement or t.since or t.future):
            resolved = t.resolve(doc.published)
            if resolved is not None and resolved[1] == 1:
                return True
    return False


def _names_an_earlier_year(doc: Doc, sentence: Sentence) -> bool:
    """"مجزرة دير الزور عام 2014"، "في العام 2008"، "صيف 2014": a year before publication's, introduced
    by a year word, a preposition or a season (``time.toml`` year_introducers), or opening a
    chronology's entry ("2003: ...")."""
    if doc.published is None or not _YEAR_RE.search(doc.text, sentence.start, sentence.end):
        return False
    years = load_lexicons().word_set("year_introducers")
    toks = doc.tokens
    for j in range(sentence.first_token, sentence.last_token):
        text = toks[j].text
        if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) < doc.published.year):
            continue
        if j > sentence.first_token and strip_article(toks[j - 1].text) in years and not compares(doc, j - 1):
            return True  # not "أول هجوم منذ 2017" (a comparison)
        if j == sentence.first_token and doc.text[toks[j].end:toks[j].end + 2].strip()[:1] in _ENTRY_MARKS:
            return True  # a chronology's entry: "2003: مقتل 17 شخصا في تفجير ..."
    return False


_ENTRY_MARKS = {":", "-", "–", "—"}
#: A year 1900-2099 in digits, no digit before or after it.  The look-behind comes after "19"/"20" (no digit
#: before them: the three characters before the third digit are no three digits) so that the regex engine
#: jumps to a 1 or a 2 instead of trying every letter.
_YEAR_RE = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")


def _opens_with_background(doc: Doc, sentence: Sentence) -> bool:
    """"وكان الجيش قد أعلن ...": a sentence that tells what had happened before."""
    first = doc.tokens[sentence.first_token].text
    return first in load_lexicons().word_set("background_openers")


_CAPTURE_REACH = 8


def _captures_a_place(doc: Doc, m: Match[Entry], names: set[int]) -> bool:
    """"سيطر التنظيم على أجزاء من مدينة البوكمال": a capture names the place taken, just after, or
    points back to the one named before ("وسيطر التنظيم على المدينة بعد قتال عنيف").  The name of the
    taker between the verb and the place does not count towards the reach ("سيطر مقاتلو المعارضة السورية
    على نقاط عدة في الجبل الشرقي في الزبداني")."""
    words: list[int] = []
    for j in range(m.last, len(doc.tokens)):
        if len(words) > _CAPTURE_REACH:
            break
        if j not in names:
            words.append(j)
    window = set(words)
    if any(rp.toponym.first_token in window for rp in doc.places):
        return True
    nouns = load_lexicons().word_set("place_nouns")
    return any(doc.tokens[j].text in nouns for j in words[:_CAPTURE_REACH])


_ATTEMPT_REACH = 3  # words between an attempt and what was attempted ("حاول متظاهرون غاضبون اقتحام"), names not counted


def _attempted(m: Match[Entry], cues: list[Match[Entry]], names: set[int]) -> bool:
    """"حاول متظاهرون اقتحام مبنى المحافظة لكن الشرطة فرقتهم"، "محاولات لاقتحام": what demonstrators tried
    to do (triggers.toml [cue.attempt]) was not done — no riot; what the police did to them still was."""
    return any(a.payload.label == "attempt" and a.last <= m.first
               and sum(j not in names for j in range(a.last, m.first)) <= _ATTEMPT_REACH for a in cues)


def _live_triggers(doc: Doc, cues: list[Match[Entry]], covering: dict[int, Frame],
                   modality: list[Match[Entry]], names: set[int]) -> list[Match[Entry]]:
    """Trigger cues told as having happened (``_live``), a capture only when it names the place taken and
    was done (``_captured``)."""
    return [m for m in cues if m.payload.value.trigger and _live(m, covering, modality, names, doc)
            and (m.payload.label != "territory" or _captured(doc, m, cues, names))]


def _captured(doc: Doc, m: Match[Entry], cues: list[Match[Entry]], names: set[int]) -> bool:
    """A capture done: it names the place taken (``_captures_a_place``), and it is neither an attempt ("حاول
    التنظيم السيطرة على القرية"، "في محاولة للسيطرة") nor an aim — the verbal noun after the purpose lām
    ("تقدمت القوات للسيطرة على البلدة"، "هجوم لاستعادة المدينة": triggers.toml [words] purpose_proclitics)."""
    if _attempted(m, cues, names) or not _captures_a_place(doc, m, names):
        return False
    word = without_conjunction(doc.tokens[m.first].text)
    lex = load_lexicons()
    if word.startswith("ب") and word[1:] in lex.word_set("capture_masdars") and not _after_did(doc, m, names):
        return False  # "تتقدم القوات بتحرير المدينة": the process it advances, not a capture done
    return not any(word.startswith(p) for p in lex.word_set("purpose_proclitics"))


_DID_REACH = 3  # words from the periphrastic verb to its verbal noun, names not counted ("قامت القوات أمس بتحرير")


def _after_did(doc: Doc, m: Match[Entry], names: set[int]) -> bool:
    """The verbal noun is the object of the periphrastic "did" ("قام الجيش العراقي أمس باستعادة القرية":
    triggers.toml [words] did_verbs): the act is told as done."""
    did, seen, j = load_lexicons().word_set("did_verbs"), 0, m.first - 1
    while j >= 0 and seen < _DID_REACH:
        if doc.tokens[j].text in did:
            return True
        seen += j not in names
        j -= 1
    return False


#: Cues of a bombardment or a strike, whose victims may choke on its gas.
_BOMBARDMENT = frozenset({"air", "strike", "bombard", "shelling", "artillery"})


def _chokes(doc: Doc, span: Span) -> bool:
    """Victims of a bombardment choking ("توثيق 18 حالة اختناق بعد صاروخ أطلقته طائرة حربية"، "القصف التركي
    تسبب في إصابة 6 أشخاص باختناق"): the mark of a gas, a chemical weapon whatever delivered it (codebook
    §2; triggers.toml [words] choking_words).  Tear gas fired at a crowd is the police's, told as such."""
    words, tear_gas = load_lexicons().word_set("choking_words"), load_lexicons().word_set("tear_gas_words")
    if not may_have_key(doc.span_text(*span), words):
        return False  # no word of choking in the clause (most clauses)
    keys = [set(lookup_keys(doc.tokens[j].text)) for j in range(*span)]
    return any(k & words for k in keys) and not any(k & tear_gas for k in keys)


def _comes_back(doc: Doc, m: Match[Entry], span: Span) -> bool:
    """The event word right after the clause's opening "came" ("وجاء الهجوم بعد ..."، "وتأتي هذه الغارات
    ردا على ..."): the incident told before, named again to give its context (triggers.toml [words]
    come_verbs; a demonstrative may stand between: time.toml back_reference)."""
    lex = load_lexicons()
    j = span[0]
    if j >= m.first or without_conjunction(doc.tokens[j].text) not in lex.word_set("come_verbs"):
        return False
    j += 1
    if j < m.first and doc.tokens[j].text in lex.word_set("back_reference"):
        j += 1
    return j == m.first


_STORE_REACH = 3  # words between a depot and its contents ("مستودعا للصواريخ"، "قذائف صاروخية كانت مخزنة")


def _stored(doc: Doc, m: Match[Entry], span: Span) -> bool:
    """Rockets or shells named as a depot's contents ("قصف موقعا يحتوي مستودعا للصواريخ"، "انفجار أسلحة ثقيلة،
    من بينها قذائف صاروخية، كانت مخزنة في أحد المنازل"): the store struck or blown up, not the weapon fired
    (triggers.toml [words] storage_words)."""
    words = load_lexicons().word_set("storage_words")
    near = range(max(span[0], m.first - _STORE_REACH), min(span[1], m.last + _STORE_REACH))
    return any(set(lookup_keys(doc.tokens[j].text)) & words for j in near if not m.first <= j < m.last)


def _executes(doc: Doc, cues: list[Match[Entry]], covering: dict[int, Frame], modality: list[Match[Entry]],
              names: set[int]) -> bool:
    """A killing told as an execution ("أعدم التنظيم أحد الرهائن"، "عملية الإعدام"): the killing of a captive
    (triggers.toml [words] execution_words)."""
    words = load_lexicons().word_set("execution_words")
    return any(m.payload.label == "kill" and _live(m, covering, modality, names, doc)
               and set(lookup_keys(doc.tokens[m.first].text)) & words for m in cues)


_SELF_REACH = 6  # words from the verb of blowing up to its reflexive, past a subject ("فجر عنصر من تنظيم داعش نفسه")


def _self_detonations(doc: Doc, span: Span) -> list[Match[Entry]]:
    """"فجر عنصر من التنظيم نفسه بعربة مفخخة"، "فجرت انتحاريتان نفسيهما"، "فجروا أنفسهم": the object of blowing
    up is the agent's own self, right after the verb or after its subject, so the bomb was a suicide attack
    (codebook §2) whatever carried it.  Each such verb is a suicide cue; its reflexive also tells the verb
    from "فجر" (dawn).  Verbs (every person): numbers.toml ``self_detonation``; selves: the ``reflexives_*``."""
    lex = load_lexicons()
    selves = lex.word_set("reflexives")
    if not may_have_key(doc.span_text(span[0], span[1]), selves):
        return []  # no reflexive in the clause: most clauses
    verbs, tokens, found = lex.word_set("self_detonation"), doc.tokens, []
    for j in range(span[0], span[1]):
        if verbs.isdisjoint(lookup_keys(tokens[j].text)):
            continue
        for k in range(j + 1, min(span[1], j + 1 + _SELF_REACH)):
            if "،" in doc.text[tokens[k - 1].end:tokens[k].start]:
                break  # a comma ends the verb's phrase
            if strip_article(tokens[k].text) in selves:
                found.append(Match(j, j + 1, tokens[j].start, tokens[j].end,
                                   Entry("cue", "suicide", lex.cues["suicide"])))
                break
    return found


def _live(m: Match[Entry], covering: dict[int, Frame], modality: list[Match[Entry]], names: set[int],
          doc: Doc) -> bool:
    """A cue that reports something that happened.  The frame that covers it says so (``frames.py``: not
    negated, planned, hypothetical, future, figurative or background); a cue no frame covers is read
    with the same scope rules (``frames.modal_flags``)."""
    frame = next((covering[j] for j in range(m.first, m.last) if j in covering), None)
    if frame is not None:
        return frame.real
    if described_as_habit(doc, covering.values(), m.first):
        return False  # "تتبنى عمليات اغتيال وتفجيرات": an act word of a habit's description
    return not any(modal_flags(doc, modality, names, m.first, m.start))


def _covering(doc: Doc, sentence: Sentence) -> dict[int, Frame]:
    """The frames of a sentence by the token of their predicate."""
    return {f.predicate.first: f for f in frames_of(doc, sentence) if f.predicate.kind != "none"}


def _facts(hits: list[act.ActorHit]) -> ActorFacts:
    inters = {h.actor.inter for h in hits}
    return ActorFacts(
        state=1 in inters, armed_nonstate=bool(inters & {2, 3, 4}), civilians=7 in inters,
        protesters=bool(inters & {5, 6}), external=8 in inters,
        state_hit=any(h.actor.inter == 1 and h.target > h.initiator for h in hits),
    )


# --- places -------------------------------------------------------------------------------

def _abroad_scene(rp: ResolvedPlace) -> bool:
    """A place abroad named as where something happened ("في مدينة إسطنبول"، "في منطقة عسير"): one the gazetteer
    knows in a country it codes no governorates of (curated.toml [[abroad]]; a country whose GeoNames dump was
    imported has them, and its places are scenes like any).  A clause whose scene lies abroad tells an event
    there, so it takes no Iraqi or Syrian scene told before it (nor the headline's, nor the dateline's)."""
    loc = rp.location
    return (loc is not None and bool(loc.country) and not loc.admin1 and rp.toponym.role == "event"
            and rp.toponym.relation == "in")


def _told_in(doc: Doc, rp: ResolvedPlace) -> bool:
    """The place follows "in" ("في إسطنبول"، "في مدينة إسطنبول"، "بمدينة إسطنبول"، "بعسير"; triggers.toml scene_in):
    it is where something happened, not a name that qualifies a noun ("قمة طهران"، "اتفاق أنقرة")."""
    lex = load_lexicons()
    words, proclitics = lex.word_set("scene_in"), tuple(lex.word_set("scene_in_proclitics"))
    tokens, j = doc.tokens, rp.toponym.first_token
    word = without_conjunction(tokens[j].text)
    if word.startswith(proclitics) and not word.startswith(rp.toponym.name):
        return True  # "بعسير": the preposition joined to the name
    if rp.toponym.cue:
        j -= len(rp.toponym.cue.split())  # "مدينة"، "منطقة": the cue noun before the name
        if j >= 0 and without_conjunction(tokens[j].text).startswith(proclitics) and len(tokens[j].text) > 3:
            return True  # "بمدينة إسطنبول"
    return j > 0 and tokens[j - 1].text in words


def _country_part(doc: Doc, span: Span) -> bool:
    """The clause names a part of a whole country as its scene ("في جنوب البلاد"، "شمالي سوريا")."""
    lex = load_lexicons()
    directions, countries = lex.word_set("country_part_directions"), lex.word_set("country_words")
    tokens = doc.tokens
    if not may_have_key(doc.span_text(*span), countries):
        return False  # most clauses name no country
    return any(tokens[j + 1].text in countries and any(k in directions for k in lookup_keys(tokens[j].text))
               for j in range(span[0], span[1] - 1))


def _sites(doc: Doc, sentence: Sentence, ctx: _Context, triggers: list[Match[Entry]],
           places: list[ResolvedPlace], span: Span) -> tuple[list[ResolvedPlace], bool]:
    """The event place(s) of a clause (``places``: those it names), and whether it names them.  A clause
    that names no place but a part of a whole country ("في جنوب البلاد") takes no scene told before it."""
    if places:
        sites = _pick_sites(doc, places, triggers)
        sites = _road_in_governorate(ctx, sentence, span, sites)
        if not _background(doc, sentence):  # an old story's places are not the scene of what follows
            ctx.last_place = (sites, sentence)
        if sentence.index == 0 and doc.in_title(sentence):
            ctx.title_places = sites
        return sites, True
    if _country_part(doc, span):
        return [], True  # "سقط ثمانية قتلى خلال احتجاجات الأسبوع الماضي في جنوب البلاد": nowhere the gazetteer places
    abroad = [rp for rp in ctx.abroad.get(sentence.index, [])
              if _in_span(span, rp.toponym.first_token) and _told_in(doc, rp)]
    if abroad:  # "وقتل شرطيان في مدينة إسطنبول": an event abroad, not one at the scene told before
        ctx.last_place = (abroad[:1], sentence)  # what goes on told with no place of its own is abroad too
        return abroad[:1], True  # placed abroad: coded nowhere, and the sentences that go on about it join it
    routes = ctx.routes.get(sentence.index, [])
    if len(routes) == 1:  # "قطعوا الطريق المؤدي إلى ميناء أم قصر": on the road to X, near X
        return [_near(routes[0])], True
    if routes:  # "على طريق بغداد كركوك": a road between governorates places nothing
        return [], True
    last = ctx.last_place
    if last is not None and (last[1].paragraph == sentence.paragraph or sentence.index - last[1].index <= _PLACE_REACH):
        return last[0], False  # "في المدينة": the scene (or list of scenes) named just before
    if ctx.title_places:
        return ctx.title_places[:1], False
    return [], False


def _road_in_governorate(ctx: _Context, sentence: Sentence, span: Span,
                         sites: list[ResolvedPlace]) -> list[ResolvedPlace]:
    """"وتجددت التظاهرات في بعض مناطق محافظة البصرة، حيث قطع عدد من المحتجين الطريق المؤدي إلى ميناء أم قصر":
    a clause whose only scene is a governorate and that names one road leading to a place in it took place
    on that road, near that place (codebook §4: the most specific place the text gives)."""
    if not sites or any(rp.location is None or rp.location.geo_precision < 3 for rp in sites):
        return sites
    routes = [rp for rp in ctx.routes.get(sentence.index, []) if _in_span(span, rp.toponym.first_token)]
    if len(routes) != 1 or routes[0].location is None:
        return sites
    road = routes[0].location
    if any(rp.location is not None and rp.location.admin1 != road.admin1 for rp in sites):
        return sites
    return [_near(routes[0])]


def _near(rp: ResolvedPlace) -> ResolvedPlace:
    """The same place read as "near" it (geo_precision at least 2)."""
    loc = rp.location
    if loc is None or loc.geo_precision >= 2:
        return rp
    return replace(rp, location=replace(loc, geo_precision=2))


#: How many sentences back a sentence that names no place may take the scene told before it.
_PLACE_REACH = 2


def _pick_sites(doc: Doc, places: list[ResolvedPlace], triggers: list[Match[Entry]],
                anchor: int | None = None) -> list[ResolvedPlace]:
    """The places a sentence says it happened in.

    "In X" wins over "near X"; a governorate or district holding another named place, or a city
    holding a named square, is context.  Of the rest, the list nearest the trigger is the
    scene, and every other explicit list of places too: "مسلحون استهدفوا مدينة السويداء ...
    وقرى طربا والكسيب" names three scenes, one event each (codebook §1), the toll split.
    """
    places = sorted(places, key=lambda p: p.toponym.first_token)
    ends = _ends_of_between(doc, places)
    heads = _list_heads(doc)
    near = {id(p) for p in places if heads[id(p)].toponym.relation == "near"}  # "قرب حلب والرقة"
    # the parent of a place named "near" locates it and is no scene "in" of its own: "في محيط منطقة تل X
    # بجبل التركمان" happened near the hill, which the mountain only places (codebook §4: the most specific)
    parents = {p.toponym.parent_token for p in places if p.toponym.relation == "near"}
    inside = [p for p in places if p.toponym.relation == "in" and id(p) not in ends and id(p) not in near
              and p.toponym.first_token not in parents]
    # nor is a governorate or district that holds a place named "near": "اشتباكات في محيط بلدة X ... يشهد
    # الريف الشمالي للرقة معارك" happened by the town, which lies in the governorate (codebook §4: the
    # most specific place the text supports, even when it is only "near")
    close = [q for q in places if id(q) in near and id(q) not in ends]
    held = [q for q in close if any(_locates(p, q) for p in inside)]
    if held:
        inside = [p for p in inside if not any(_locates(p, q) for q in held)] + held
    # a list of places after a word of nearness names one scene per item, beside places "in":
    # "استهدفت الغارات مواقع في الحسكة والرقة، وقرب كركوك وسنجار والموصل"
    sizes = Counter(id(h) for h in heads.values())
    listed_near = [p for p in places if id(p) in near and id(p) not in ends and _close_to(heads[id(p)])
                   and sizes[id(heads[id(p)])] > 1]
    if inside:
        inside += [p for p in listed_near if p not in inside]
        # "غارات على مواقع في الرقة في سوريا وعلى مواقع قرب الموصل في العراق": near a place of another
        # country, told with its own country's word, is a scene of its own
        inside += [p for p in places if p not in inside and id(p) in near and id(p) not in ends
                   and _each_in_its_country(doc, inside[-1:], [p])]
    places = _drop_containers(inside or places, heads)
    runs: list[list[ResolvedPlace]] = []
    for p in places:
        if runs and heads[id(runs[-1][-1])] is heads[id(p)]:
            runs[-1].append(p)
        elif not any(_same_site(p, q) for run in runs for q in run):
            runs.append([p])
    anchor = triggers[0].first if triggers else (anchor or 0)
    best = max(runs, key=lambda run: _run_score(doc, run, anchor) + 4 * _where_of(doc, run, places, triggers))
    return [p for run in runs if run is best or _listed(doc, run) or (not inside and _close_to(run[0]))
            or any(q in listed_near for q in run) or _each_in_its_country(doc, best, run) for p in run]


def _each_in_its_country(doc: Doc, best: list[ResolvedPlace], run: list[ResolvedPlace]) -> bool:
    """A round-up names its places country by country, each list followed (or preceded) in its clause
    by its country's word: "استهدفت الغارات مواقع في الحسكة والرقة في سوريا، وقرب كركوك وسنجار والموصل
    في العراق" tells strikes in both countries, so a list in another country than the scene's is a
    scene too, when its country words and the scene's each name their own (marsad.geo.countries)."""
    here, there = best[-1].location, run[-1].location
    if here is None or there is None or here.country == there.country:
        return False
    marks = country_marks(doc.text)
    return (clause_country(run[-1].toponym.start, run[-1].toponym.end, doc.text, marks) == there.country
            and clause_country(best[-1].toponym.start, best[-1].toponym.end, doc.text, marks) == here.country)


def _close_to(p: ResolvedPlace) -> bool:
    """Named after a word of nearness ("قرب"، "بالقرب من"، "أطراف"), not after a direction: when a clause
    names only such places, each with its own word, none is more the scene than another ("خمس غارات قرب
    الرمادي ... وأربع غارات قرب طوز خورماتو": one strike event near each)."""
    return p.toponym.relation == "near" and not p.toponym.directions


def _list_heads(doc: Doc) -> dict[int, ResolvedPlace]:
    """The first place of the list each place of the document belongs to (itself when it stands alone).
    One preposition governs a list whole: "غارات قرب حلب والرقة ودير الزور" strikes near all three,
    the later names are no more "in" than the first. The items of one plural cue's list share its head even
    where a phrase locating an item parts them ("قرى المتونة شمال مدينة السويداء ودوما وتيما")."""
    heads: dict[int, ResolvedPlace] = {}
    lists: dict[int, ResolvedPlace] = {}  # a plural cue's token → the first place of its list
    previous: ResolvedPlace | None = None
    for p in sorted(doc.places, key=lambda p: p.toponym.start):
        cue = p.toponym.list_token
        if cue >= 0 and cue in lists:
            heads[id(p)] = lists[cue]
        elif cue >= 0 and previous is not None and _joins_the_cue(doc, previous, cue):
            heads[id(p)] = heads[id(previous)]  # "في بغداد ومدن أخرى، منها البصرة والنجف": one list
        else:
            heads[id(p)] = heads[id(previous)] if previous is not None and _coordinated(doc, previous, p) else p
        if cue >= 0:
            lists.setdefault(cue, heads[id(p)])
        previous = p
    return heads


def _joins_the_cue(doc: Doc, previous: ResolvedPlace, cue: int) -> bool:
    """A place right before "و" + a plural cue + "other" whose list follows ("بغداد ومدن أخرى، منها البصرة
    والنجف"): "other" sets the place named before among the cue's kind, so the list goes on with it, under
    the same preposition (place_cues.toml ``list_others``)."""
    return (previous.toponym.last_token == cue and cue + 1 < len(doc.tokens)
            and doc.tokens[cue].text.startswith("و")
            and any(f in load_place_cues().list_others for f in bare_forms(doc.tokens[cue + 1].text))
            and not any(c in doc.text[previous.toponym.end:doc.tokens[cue].start] for c in "،,"))


def _ends_of_between(doc: Doc, places: list[ResolvedPlace]) -> set[int]:
    """The places named after "between" and those coordinated with them: "بين بغداد وأربيل" names two
    ends of a dispute or a road, neither of them a scene."""
    ends: set[int] = set()
    previous: ResolvedPlace | None = None
    for p in places:
        if _between(doc, p) or (previous is not None and id(previous) in ends and _coordinated(doc, previous, p)):
            ends.add(id(p))
        previous = p
    return ends


def _run_score(doc: Doc, run: list[ResolvedPlace], anchor: int) -> float:
    """How surely a list of places is the scene: introduced by a place word (في بلدة الرشاد) or the
    subject of "witnessed" (وشهدت محافظة كركوك ... هجوما), not by "between" (المتنازع عليها بين بغداد
    وأربيل), and near the trigger."""
    first = run[0].toponym
    score = -abs(first.first_token - anchor) / 20
    if any(p.toponym.cue and p.toponym.cue not in _GOVERNORATE_CUES for p in run) or _witnessed(doc, run[0]):
        score += 2
    if _between(doc, run[0]):
        score -= 3
    return score


def _where_of(doc: Doc, run: list[ResolvedPlace], places: list[ResolvedPlace],
              triggers: list[Match[Entry]]) -> bool:
    """"X، حيث ..." (where): the adverb of place sets the act told after it at the place just before it
    ("امتدت الاحتجاجات إلى بغداد، حيث واجهت قوات الأمن المتظاهرين بالقوة"), unless that clause names a
    place of its own ("من البصرة، حيث أغلق السكان ميناء أم قصر": the port)."""
    j = run[-1].toponym.last_token
    if j >= len(doc.tokens) or doc.tokens[j].text not in load_lexicons().word_set("where_adverbs"):
        return False
    end = _first_comma(doc, j, len(doc.tokens))
    return any(m.first > j for m in triggers) and not any(j < p.toponym.first_token < end for p in places)


def _witnessed(doc: Doc, p: ResolvedPlace) -> bool:
    """The place is the subject of "شهد" (witnessed), right after it or after its place word: the scene."""
    j = p.toponym.first_token - 1
    if j >= 0 and p.toponym.cue and strip_article(doc.tokens[j].text) == strip_article(p.toponym.cue):
        j -= 1
    return j >= 0 and any(k in load_lexicons().word_set("scene_verbs") for k in lookup_keys(doc.tokens[j].text))


def _listed(doc: Doc, run: list[ResolvedPlace]) -> bool:
    """A list of scenes that a place word introduces ("قرى طربا والكسيب"), not "between X and Y"."""
    if _between(doc, run[0]):
        return False
    return len(run) > 1 and (any(p.toponym.cue and p.toponym.cue not in _GOVERNORATE_CUES for p in run)
                             or _examples(doc, run[0]))


def _examples(doc: Doc, p: ResolvedPlace) -> bool:
    """The list names where it happened with ك, "such as": "خروج الآلاف في عدد من المدن كالبصرة والناصرية".
    (Lists after "مثل"/"منها" are left as context: in the dev set they sum up where a wave of protests
    had spread, "امتدت إلى محافظات أخرى مثل ذي قار وميسان", not the day's scenes.)"""
    token = doc.tokens[p.toponym.first_token]
    return token.text.startswith("ك") and p.toponym.start == token.start + 1


_GOVERNORATE_CUES = {"محافظه", "محافظات", "محافظتي", "ريف"}
_BETWEEN = {"بين"}


def _between(doc: Doc, p: ResolvedPlace) -> bool:
    """Named after "between" ("بين بغداد وأربيل"، "الطريق بينها وبين مدينة دير الزور"): an end of a road
    or a dispute, not a scene."""
    j = p.toponym.first_token - 1
    if j >= 0 and p.toponym.cue and strip_article(doc.tokens[j].text) == strip_article(p.toponym.cue):
        j -= 1  # the place word before the name: "وبين مدينة دير الزور"
    return j >= 0 and any(k in _BETWEEN for k in lookup_keys(doc.tokens[j].text))


def _coordinated(doc: Doc, a: ResolvedPlace, b: ResolvedPlace) -> bool:
    """Places in one list: "البصرة والناصرية"، "طربا، والكسيب"."""
    return bool(_COORDINATION_RE.match(doc.text[a.toponym.end : b.toponym.start]))


def _same_site(a: ResolvedPlace, b: ResolvedPlace) -> bool:
    assert a.location is not None and b.location is not None
    return a.location.same_place(b.location)


def _drop_containers(places: list[ResolvedPlace],
                     heads: dict[int, ResolvedPlace] | None = None) -> list[ResolvedPlace]:
    """A place that holds another named place of the sentence is context, not a second scene.  Items of
    one list after a place word for towns or villages are peers ("غارات قرب مدن الحبانية وحديثة والرمادي": the
    sub-district of Habbaniya lies in Ramadi's district, yet the list names it as one more town
    struck), so none holds another."""
    def peers(p: ResolvedPlace, q: ResolvedPlace) -> bool:
        return (heads is not None and id(p) in heads and heads[id(p)] is heads.get(id(q))
                and p.toponym.list_token >= 0 and p.toponym.list_token == q.toponym.list_token
                and _settlement_cue(p.toponym.cue))

    kept = [p for p in places if not any(q is not p and not peers(p, q) and _contains(p, q) for q in places)]
    return kept or places


def _locates(outer: ResolvedPlace, inner: ResolvedPlace) -> bool:
    """``outer``, named after ``inner`` in the sentence, is a governorate or area holding it: it tells where
    ``inner`` lies ("في محيط بلدة X ... الريف الشمالي للرقة"), not another scene."""
    return outer.toponym.first_token > inner.toponym.first_token and _contains(outer, inner)


def _settlement_cue(cue: str) -> bool:
    """A place word for towns or villages ("مدن"، "بلدات"، "قرى"), not for areas ("مناطق")."""
    spec = load_place_cues().cues.get(cue)
    return spec is not None and spec.primary in _SETTLEMENT_KINDS | {"village"}


_AREA_KINDS = {"district", "subdistrict", "region"}
_SETTLEMENT_KINDS = {"city", "town"}
_INNER_KINDS = {"neighbourhood", "landmark", "camp"}


def _contains(outer: ResolvedPlace, inner: ResolvedPlace) -> bool:
    """Whether ``inner`` lies within ``outer``: a governorate, a district, or a city and its squares."""
    lo, li = outer.location, inner.location
    assert lo is not None and li is not None
    if (lo.place_id and lo.place_id == li.place_id) or lo.admin1 != li.admin1:
        return False
    if inner.toponym.parent_token == outer.toponym.first_token:
        return True
    if lo.geo_precision == 3 and li.geo_precision < 3:
        return True
    kind_o = outer.place.kind if outer.place else ""
    kind_i = inner.place.kind if inner.place else ""
    same_district = bool(lo.admin2) and lo.admin2 == li.admin2
    if kind_o in _AREA_KINDS and same_district and kind_i not in _AREA_KINDS:
        return True
    return kind_o in _SETTLEMENT_KINDS and kind_i in _INNER_KINDS and same_district


# --- time ---------------------------------------------------------------------------------

#: Spans of days or weeks counted back from publication ("قبل أيام"، "الأيام الماضية"، "الأسبوع الماضي"); a month or
#: year ("الشهر الماضي"، "العام الماضي") tells another time, as a named one does.
_SPANS_BACK = frozenset({"period", "week_back"})


def _event_date(doc: Doc, sentence: Sentence, triggers: list[Match[Entry]],
                within: tuple[int, int]) -> tuple[date, int, TimeMention] | None:
    """The date of the sentence's incident: its own time words, else the statement's day (which only
    stands in for it: "قالت خلية الإعلام الأمني في بيان اليوم إن ..." tells when it was said, and the
    incident keeps the day told elsewhere; ``TimeMention.statement`` marks it)."""
    times = [t for t in doc.times if t.sentence == sentence.index and not t.future
             and (within[0] <= t.start < within[1] or t.statement)]
    if not times:
        return None
    # a time word before the tense; an exact day before a span counted back from publication ("امتدت قبل أيام إلى
    # بغداد ... مما أدى إلى مقتل 4 أشخاص الجمعة": the span frames the story, the day tells the incident), unless
    # the clause names a month or year ("في نوفمبر 2013 ... اليوم"، "الأسبوع الماضي ... في أبريل الماضي": it
    # tells another time, and the words keep their order)
    own = [t for t in times if not t.statement]
    named = any(t.rule.kind == "date" and t.rule.precision > 1 for t in own)
    own.sort(key=lambda t: (t.tense, not named and t.rule.kind in _SPANS_BACK, _describes(doc, t, triggers),
                            not _names_its_day(doc, t, triggers), _distance_to_event(doc, t, triggers)))
    statement = next((t for t in times if t.statement), None)
    anchor = doc.published
    if statement is not None and not statement.described:  # the report's statement anchors its days
        resolved = statement.resolve(doc.published)
        if resolved is not None and own and own[0].rule.kind in ("days_back", "weekday"):
            anchor = resolved[0]
    chosen = own[0] if own else statement
    if (own and statement is not None and not statement.described and _describes(doc, own[0], triggers)
            and not _describes_the_act(doc, own[0], triggers)):
        chosen = statement  # "أعدم أحد الرهائن الذين خطفهم الشهر الماضي، أفاد المرصد الأحد": the month is the taking's
    if (own and statement is not None and not statement.described and own[0].rule.kind in _SPANS_BACK
            and statement.rule.kind in ("days_back", "weekday")):
        chosen = statement  # "قال المرصد الليلة الماضية إن الجيش هاجم البلدة في تكثيف للقصف هذا الأسبوع"
    if chosen is None or chosen.since:
        return None
    resolved = chosen.resolve(anchor)
    if resolved is None:
        return None
    return resolved[0], resolved[1], chosen


def _describes(doc: Doc, t: TimeMention, triggers: list[Match[Entry]]) -> bool:
    """The time word stands in a relative clause after the event word ("أعدم التنظيم أحد الرهائن الذين خطفهم
    الشهر الماضي"، "قتل عنصرا من الفصيل الذي سيطر الأحد على البلدة"): it dates what the clause says of a noun,
    and yields to another time word of the sentence."""
    if not triggers:
        return False
    relative = load_lexicons().word_set("relative_pronouns")
    first = min(m.first for m in triggers)
    for j in range(t.first_token - 1, first, -1):
        token = doc.tokens[j]
        if token.text in relative:
            return True
        if not any(c.isalnum() for c in token.text) or doc.text[token.end:doc.tokens[j + 1].start].strip():
            return False  # a comma or a stop closes the clause
    return False


def _describes_the_act(doc: Doc, t: TimeMention, triggers: list[Match[Entry]]) -> bool:
    """The relative clause that holds the time word describes an act, not people: its noun is an event word
    ("في الغارة التي استهدفت الأحد البلدة") or the clause tells no act of its own ("أصيبوا في الاشتباكات التي
    وقعت الأحد"), and its pronoun is not one of people ("أعدم أحد الرهائن الذين خطفهم الشهر الماضي": the
    month is the taking of the people, ``time.toml`` human_relative)."""
    lex = load_lexicons()
    relative = lex.word_set("relative_pronouns")
    j = next((k for k in range(t.first_token - 1, -1, -1) if doc.tokens[k].text in relative), None)
    if j is None or doc.tokens[j].text in lex.word_set("human_relative"):
        return False
    return (any(m.first <= j - 1 < m.last for m in triggers)
            or not any(j < m.first < t.first_token for m in triggers))


def _distance_to_event(doc: Doc, t: TimeMention, triggers: list[Match[Entry]]) -> tuple[bool, int]:
    """How far the time word stands from the clause's first event word: across a comma or not (a comma closes
    the phrase a time word belongs to: "بعد اجتماع عقده المحافظ الخميس، تظاهر مئات الشبان أمس"), then the words
    between them.  Of two time words of a clause, the nearer dates the event."""
    if not triggers:
        return False, 0
    event = min(triggers, key=lambda m: m.first)
    if t.first_token >= event.last:
        left, right, gap = event.end, t.start, t.first_token - event.last
    else:
        last = doc.token_index(t.end)
        left, right, gap = t.end, event.start, max(0, event.first - last)
    between = doc.text[left:right]
    return "،" in between or "," in between, gap


def _names_its_day(doc: Doc, t: TimeMention, triggers: list[Match[Entry]]) -> bool:
    """The time word follows an event word straight away ("مظاهرات الجمعة الماضي"، "هجوم أمس"، "قصف يوم
    الأحد"): the day belongs to that noun or verb, whatever other day its clause names ("تعقد الحكومة اليوم
    اجتماعا على خلفية مظاهرات الجمعة الماضي")."""
    day_words = load_lexicons().word_set("day_words")
    j = t.first_token
    while j > 0 and strip_article(doc.tokens[j - 1].text) in day_words:
        j -= 1
    return bool(triggers) and min(triggers, key=lambda m: m.first).last == j


def _told_long_ago(doc: Doc, sentence: Sentence, within: tuple[int, int]) -> bool:
    """With no publication date, the clause's own time words still tell how long ago it was when they count back
    from the report ("الذي سيطر قبل شهرين على جل محافظة إدلب"، "في يونيو من العام الماضي"): further back than 30
    days is background (codebook §1), as it would be with the date known (``time.days_back``)."""
    own = [t for t in doc.times if t.sentence == sentence.index and within[0] <= t.start < within[1]
           and not (t.statement or t.since or t.future or t.tense)]
    back = [b for t in own if (b := days_back(t)) is not None]
    return bool(back) and all(days > BACKGROUND_DAYS for days, _ in back)


def _recent(doc: Doc, day: date) -> bool:
    """Within the 30 days up to publication (codebook §1); unknown publication: keep."""
    if doc.published is None:
        return True
    return doc.published - timedelta(days=BACKGROUND_DAYS) <= day <= doc.published + timedelta(days=1)


# --- actors -------------------------------------------------------------------------------

#: How likely each actor category is to be the initiator, by event type, before reading the words.
_PRIORS: dict[str, dict[int, float]] = {
    "Battles": {2: 1.0, 3: 0.8, 4: 0.5, 8: 0.5, 1: 0.0, 7: -3.0},
    "Explosions/Remote violence": {8: 1.5, 1: 1.0, 2: 0.5, 3: 0.3, 7: -3.0},
    "Violence against civilians": {2: 1.0, 3: 1.0, 4: 0.5, 1: 0.2, 7: -3.0},
    "Strategic developments": {1: 1.5, 8: 1.0, 2: 0.0, 7: -2.0},
}
#: Planted or carried bombs are the weapons of armed groups, not of states or foreign forces (their targets).
_BOMB_PRIORS = {2: 1.0, 3: 0.8, 4: 0.5, 8: -1.0, 1: -1.0, 7: -3.0}
_BOMBS = {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"}


#: An actor of a mention and the words that name it (None: a codebook default the text does not name).
_Side = tuple[Actor, act.ActorHit | None]


def _actors(doc: Doc, hits: list[act.ActorHit], sub_event: str, cues: set[str], region: str,
            sentence: Sentence) -> tuple[_Side, _Side | None, bool]:
    """(actor, hit) for actor1 and actor2, with codebook defaults when the text names none."""
    event_type = EVENT_TYPES[sub_event]
    armed = act.by_activity([h for h in hits if h.actor.inter not in (5, 6)], event_type, sub_event, region, doc)
    if event_type in ("Protests", "Riots"):
        return _demonstration_actors(doc, armed, sub_event, region, bool(cues & _CASUALTY_CUES))
    if event_type == "Battles" and any(h.target > 0 and h.actor.inter != act.CIVILIANS.inter for h in armed):
        # a battle's sides are armed: the civilians it kills are neither side when the clause names the armed
        # side fought (a "battle" whose only target is civilians is more likely an attack on them)
        armed = [h for h in armed if h.actor.inter != act.CIVILIANS.inter]
    priors = _BOMB_PRIORS if sub_event in _BOMBS else _PRIORS.get(event_type, {})
    first, second = act.choose_actors(armed, sub_event, priors)
    actor1: _Side | None = (first.actor, first) if first else None
    explicit = actor1 is not None
    if actor1 is None:
        victim = second.actor if second else None
        actor1 = (_default_initiator(doc, sub_event, region, sentence, victim), None)
    actor2: _Side | None = (second.actor, second) if second and second.actor.name != actor1[0].name else None
    if actor2 is not None and (own := act.own_state(doc, actor1, actor2[0])) is not None:
        actor1 = (own, actor1[1])
    if (actor2 is None and (target := act.implied_target(actor1[0])) is not None
            and event_type == "Explosions/Remote violence"):
        actor2 = (target, None)
    if actor2 is None and sub_event in ("Attack", "Abduction/forced disappearance", "Sexual violence", "Arrests"):
        actor2 = (act.CIVILIANS, None)  # unarmed people attacked, and people arrested of no armed group named
    if actor2 is None and event_type == "Battles" and (other := _both_sides(doc, actor1[0], region, sentence)):
        actor2 = (other, None)
    if actor2 is None and event_type == "Battles" and any(act.allied(actor1[0], h.actor) for h in armed) and (
            other := _loser(doc, actor1[0], region, sentence)) is not None:
        actor2 = (other, None)  # a camp of allies fights the other side the story names
    if actor2 is None and sub_event in _TERRITORY:  # from whom it was taken: the other side told nearby
        loser = _loser(doc, actor1[0], region, sentence)
        actor2 = (loser, None) if loser is not None else None
    return actor1, actor2, explicit


_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


_FIRE = ("Shelling/artillery/missile attack", "Air/drone strike")


def _firer_told_before(ctx: _Context, sentence: Sentence, sub_event: str) -> Actor | None:
    """"أمطرت الفصائل البلدات بالقذائف الصاروخية. وأفاد المرصد عن مقتل سبعة في 300 قذيفة سقطت على الفوعة"،
    "قصفت طائرات روسية مدينة X. وقتل في القصف ثلاثة في بلدة Y": a bombardment of the same kind, its firer unsaid, in
    the sentence right after one that states who fired goes on with that report: the firer stated there, rather than
    the codebook's guess from the side the article names most (a default still: a clause that names its firer
    outranks it in the incident)."""
    index, mentions, _ = ctx.told_before
    if sub_event not in _FIRE or index != sentence.index - 1:
        return None
    return next((m.actor1 for m in mentions if m.actor1 is not None and m.actor1_explicit
                 and m.sub_event_type == sub_event and not m.supporting), None)


def _reply_at(doc: Doc, span: Span, triggers: list[Match[Entry]]) -> int | None:
    """"أمطرت الفصائل البلدتين بالقذائف، ردا على تعرض الزبداني لهجوم من قوات النظام"، "قصفت القوات التركية مواقع
    الحزب انتقاما لمقتل جنودها": what follows a word of reply (actors.toml ``reply_before``) is the act the clause
    answers, told as its cause; the sides named there are the earlier act's, not parties to the act told before
    the reply.  The token of the reply word, when an act of the clause is told before it."""
    replies = load_lexicons().word_set("reply_before")
    if not may_have_key(doc.span_text(*span), replies):
        return None  # no word of reply in the clause (most clauses)
    at = next((j for j in range(*span) if without_conjunction(doc.tokens[j].text) in replies), None)
    return at if at is not None and any(m.first < at for m in triggers) else None


def _taker(doc: Doc, sentence: Sentence, region: str, triggers: list[Match[Entry]], covering: dict[int, Frame],
           hits: list[act.ActorHit]) -> act.ActorHit | None:
    """The side that took the place: the agent of the capture ("اندلعت اشتباكات بين المعارضة وقوات النظام،
    أسفرت عن سيطرة قوات الأسد على القريتين": the army took them), whoever else the clause names first.
    The agent must hold a name (not a pointer: "تمكنت هذه القوات من السيطرة على البلدة"); a side named twice
    is one hit, at its first name."""
    for m in triggers:
        frame = covering.get(m.first) if m.payload.label == "territory" else None
        if m.payload.label == "territory" and (frame is None or frame.agent is None):
            frame = covering.get(m.last - 1)  # "أسفرت عن سيطرة قوات الأسد": the noun that ends the cue
        if frame is None or frame.agent is None or frame.agent.actor_first < 0:
            continue
        first = frame.agent.actor_first
        taker = next((h for h in hits if h.first == first), None)
        if taker is None:
            entry = next((e for e in doc.sentence_entries(sentence, "actor") if e.first == first), None)
            named = act.resolve(entry.payload, region, doc) if entry is not None else None
            taker = next((h for h in hits if named is not None and h.actor == named), None)
        if taker is not None and taker.actor.inter != act.CIVILIANS.inter:
            return taker
    return None


def _taken_by(taker: Actor) -> str:
    """Who took the place decides the type: the country's own state forces regain territory; any other
    side, a foreign army included ("سيطرت القوات التركية ... على مدينة عفرين"), overtakes it."""
    return "Government regains territory" if taker.inter == 1 else "Non-state actor overtakes territory"


#: Cues (and the pseudo-cue "toll": the clause counts dead or wounded) that tell casualties.
_CASUALTY_CUES = {"kill", "wound", "toll"}
#: Acts a protest can be about ("احتجاجا على مقتل"، "تنديدا باعتقال"، "احتجاجات على اختطاف"): told as its motive,
#: they happened before it (toll.told_as_motive).
_MOTIVE_CUES = frozenset({"kill", "wound", "arrest", "abduction"})
#: Cues that tell people demonstrating (whose motive a killing or an arrest may be).
_DEMONSTRATING = frozenset({"protest", "protesters", "blockade"})

#: Demonstrations whose casualties imply a force that met them (not Mob violence: a mob's victims are
#: its own targets; not a Peaceful protest: one-sided by definition).
_MET_BY_FORCE = {"Violent demonstration", "Excessive force against protesters", "Protest with intervention"}


def _implied_police(sub_event: str, actor2: _Side | None) -> bool:
    """Whether actor2 is the police a demonstration's casualties imply (no words name it)."""
    return actor2 is not None and actor2[1] is None and EVENT_TYPES[sub_event] in ("Protests", "Riots")


def _demonstration_actors(doc: Doc, armed: list[act.ActorHit], sub_event: str,
                          region: str, casualties: bool = False) -> tuple[_Side, _Side | None, bool]:
    """Rioters or protesters, against the force the clause names; a riot or a dispersed protest whose
    clause tells dead or wounded but names no force met the country's police (actors.toml [defaults]
    ``policing``)."""
    actor1: _Side = (act.RIOTERS if sub_event in ("Violent demonstration", "Mob violence") else act.PROTESTERS, None)
    counterpart = next((h for h in armed if h.actor.inter in (1, 2, 3, 8) and not h.initiator_only), None)
    if counterpart is not None:
        return actor1, (counterpart.actor, counterpart), True
    if casualties and sub_event in _MET_BY_FORCE:
        police = _regional_default("policing", region, doc)
        return actor1, ((police, None) if police != act.UNIDENTIFIED else None), True
    return actor1, None, True


def _default_initiator(doc: Doc, sub_event: str, region: str, sentence: Sentence,
                       victim: Actor | None = None) -> Actor:
    """Who did it when the clause does not say (codebook: unclaimed bombings are unidentified).
    Not the clause's own victim: "مقتل 13 من عناصر داعش" in a battle is the article's other side."""
    if sub_event in ("Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"):
        # a gas comes in a bombardment: its firer is the bombardment's (the shelling default when unsaid)
        if victim is not None and victim.inter in (1, 8):
            # "صواريخ على قاعدة تستضيف قوات أمريكية": fire at a state's or a foreign force, by whom the
            # text does not say: a foreign force it names, else an unidentified group
            return _doc_actor(doc, {8}, region, sentence, exclude=victim) or act.UNIDENTIFIED
        # a foreign force the story names fired it; the country's own forces only where the region's
        # unnamed fire of this kind is the state's (Syria's regime shells its towns): in Iraq unclaimed rockets
        # and mortars are an armed group's, whichever security forces the story names (codebook §3, actors.toml
        # [defaults])
        default = _regional_default("air strikes" if sub_event == "Air/drone strike" else "shelling", region, doc)
        # the state's own forces compete by every way the story names them: by name and by the descriptions that
        # stand for them ("القوات الحكومية"، "الطيران الحربي"، "النظام"), not by name alone against a foreign air
        # force named once
        external = _doc_actor(doc, {8, 1} if default.inter == 1 else {8}, region, sentence, exclude=victim,
                              described=default if default.inter == 1 else None)
        return external if external is not None else default
    if sub_event in ("Arrests", "Disrupted weapons use"):
        return _regional_default("arrests", region, doc)
    if sub_event in ("Attack", "Armed clash", "Abduction/forced disappearance", "Non-state actor overtakes territory"):
        rebel = act.dominant_rebel(doc)
        if rebel is not None and rebel == victim:
            other = _doc_actor(doc, {1, 2, 3, 4, 8}, region, sentence, exclude=victim)
            return other if other is not None and sub_event == "Armed clash" else act.UNIDENTIFIED
        return rebel or act.UNIDENTIFIED
    return act.UNIDENTIFIED


def _regional_default(key: str, region: str, doc: Doc) -> Actor:
    """The actor ``actors.toml`` [defaults] names for ``key`` in this region."""
    by_region = load_lexicons().defaults[key]
    return act.resolve(Entry("generic", key, by_region), region, doc) or act.UNIDENTIFIED


_NEARBY = 3


def _doc_actor(doc: Doc, inters: set[int], region: str, sentence: Sentence,
               exclude: Actor | None = None, described: Actor | None = None) -> Actor | None:
    """The most named actor of the given categories near the sentence (the same story: news briefs
    put several stories in one page), else in the whole document.  ``described``: an actor that the
    descriptions of ``actors.toml`` [[generic]] name too, counted with its names."""
    kinds = ("actor", "generic") if described is not None else ("actor",)
    near = [m for s in doc.sentences if abs(s.index - sentence.index) <= _NEARBY
            for m in doc.sentence_entries(s, *kinds)]
    return _most_named(doc, near, inters, region, exclude, described) or _most_named(
        doc, [m for m in doc.entries if m.payload.category in kinds], inters, region, exclude, described)


def _loser(doc: Doc, taker: Actor, region: str, sentence: Sentence) -> Actor | None:
    """From whom a place was taken when the clause names no one: the armed side the story names most near
    the sentence (else in the whole article), not of the taker's own category — by its name or by a
    description the region gives a side ("المعارضة"، "الفصائل"، "الأكراد" in Syria).  Ground is fought
    over: described security forces there are the army (codebook §3), and unidentified gunmen, civilians
    or protesters hold none."""
    inters = {1, 2, 3, 4, 8} - {taker.inter}

    def most(entries: list[Match[Entry]]) -> Actor | None:
        counts: Counter[Actor] = Counter()
        for m in entries:
            actor = _fighting_side(m, region, doc)
            if actor is not None and actor.inter in inters and actor not in (taker, act.UNIDENTIFIED) \
                    and not act.allied(taker, actor):
                counts[actor] += 1
        return counts.most_common(1)[0][0] if counts else None

    near = [m for s in doc.sentences if abs(s.index - sentence.index) <= _NEARBY
            for m in doc.sentence_entries(s, "actor", "generic")]
    return most(near) or most([m for m in doc.entries if m.payload.category in ("actor", "generic")])


def _both_sides(doc: Doc, actor1: Actor, region: str, sentence: Sentence) -> Actor | None:
    """"حيث اندلعت معارك بين الطرفين"، "خسائر في صفوف الجانبين": the dual of a side names the two sides told
    before it; the one that is not actor1 is the other side — the armed side named last before the dual, in
    its sentence or the one before, even as who holds a place ("قصفت قوات النظام أحياء تحت سيطرة داعش")."""
    duals = load_lexicons().word_set("both_sides")
    at = next((j for j in range(sentence.first_token, sentence.last_token) if doc.tokens[j].text in duals), None)
    if at is None:
        return None
    told = [m for s in doc.sentences if sentence.index - 1 <= s.index <= sentence.index
            for m in doc.sentence_entries(s, "actor", "generic") if m.last <= at]
    for m in reversed(told):
        actor = _fighting_side(m, region, doc)
        if actor is not None and actor != actor1 and actor != act.UNIDENTIFIED and actor.inter not in (5, 6, 7):
            return actor
    return None


def _fighting_side(m: Match[Entry], region: str, doc: Doc) -> Actor | None:
    """The actor a name or a description names where there is fighting: described security forces are the
    region's army (codebook §3)."""
    if m.payload.category == "generic" and m.payload.label == "security forces":
        key = "army"
        return act.resolve(Entry("generic", key, load_lexicons().generics[key]), region, doc)
    return act.resolve(m.payload, region, doc)


def _named_nearby(doc: Doc, actor: Actor, region: str, sentence: Sentence) -> list[Evidence]:
    """Where the text names ``actor`` nearest to the sentence (for a side taken from the context)."""
    found = [m for s in doc.sentences if abs(s.index - sentence.index) <= _NEARBY
             for m in doc.sentence_entries(s, "actor", "generic") if _fighting_side(m, region, doc) == actor]
    nearest = min(found, key=lambda m: abs(m.first - doc.tokens[sentence.first_token].index), default=None)
    return [doc.evidence(nearest.start, nearest.end)] if nearest is not None else []


def _most_named(doc: Doc, entries: list[Match[Entry]], inters: set[int], region: str,
                exclude: Actor | None = None, described: Actor | None = None) -> Actor | None:
    counts: dict[str, tuple[int, Actor]] = {}
    for m in entries:
        actor = act.resolve(m.payload, region, doc)
        if m.payload.category == "generic" and actor != described:
            continue
        if actor is not None and actor.inter in inters and actor != exclude:
            n, _ = counts.get(actor.name, (0, actor))
            counts[actor.name] = (n + 1, actor)
    if not counts:
        return None
    return max(counts.values(), key=lambda v: v[0])[1]


# --- one mention per site ---------------------------------------------------------------

def _per_site(doc: Doc, base: dict[str, Any], evidence: dict[str, list[Evidence]], sites: list[ResolvedPlace],
              tolls: list[TollMention], part: tuple[int, int] = (0, 1)) -> list[EventMention]:
    killed, injured, toll_evidence, (exact, injured_exact), victims = _sum_tolls(doc, tolls)
    raised = tuple(any(t.update and not t.cumulative and t.kind in (kind, "combined") for t in tolls)
                   for kind in ("killed", "wounded"))
    killed, injured = share_evenly(killed, part[1], part[0]), share_evenly(injured, part[1], part[0])
    n = max(1, len(sites))
    out = []
    for i, site in enumerate(sites or [None]):
        ev = {k: list(v) for k, v in evidence.items()}
        ev.update({k: list(v) for k, v in toll_evidence.items()})
        location = site.location if site is not None else None
        if site is not None:  # the words naming the place, in this sentence or the one it follows
            ev["location"] = [doc.evidence(*site.span)]
        vague = site is None or site.toponym.relation != "in" or (location is not None and location.geo_precision == 3)
        out.append(EventMention(
            location=location, place_vague=vague,
            fatalities=share_evenly(killed, n, i), injured=share_evenly(injured, n, i), evidence=ev,
            toll_exact=exact, injured_exact=injured_exact, victims=victims, raised=(raised[0], raised[1]),
            toll_shared=n > 1 and vague and (killed is not None or injured is not None), **base,
        ))
    return out




def _sum_tolls(doc: Doc, tolls: list[TollMention]) -> tuple[
        int | None, int | None, dict[str, list[Evidence]], tuple[bool, bool], tuple[str, str]]:
    """The clause's killed and wounded: for the figures of one group of people, the lowest (sources
    differ: "5 قتلوا ... بمقتل 20" → 5; a stated figure before "several"); the figures of different
    groups add up ("17 من قوات النظام مقابل 19 من الفصائل", toll.combine); plus counts that add to it
    ("و25 في صفوف الشرطة"، "آخرين").  Also whose dead and wounded the clause counts."""
    counts: dict[str, list[Figure]] = {"killed": [], "wounded": []}
    extra = {"killed": 0, "wounded": 0}
    extra_exact = {"killed": True, "wounded": True}
    extra_groups: dict[str, set[str]] = {"killed": set(), "wounded": set()}
    stated = {"killed": False, "wounded": False}
    raised: dict[str, list[Figure]] = {"killed": [], "wounded": []}  # raised figures: they replace the earlier
    evidence: dict[str, list[Evidence]] = {}
    for t in tolls:
        if t.cumulative:  # a running total ("منذ 18 شباط"، "خلال 30 يوما"): no incident's own count (toll.py)
            continue
        if t.part:
            continue  # "بعض الجرحى": people counted already (toll.py)
        ev = doc.evidence(t.start, t.end)
        kinds = ("killed", "wounded") if t.kind == "combined" else (t.kind,)
        for kind in kinds:
            stated[kind] = True
            evidence.setdefault("fatalities" if kind == "killed" else "injured", []).append(ev)
            # one count for both killed and wounded: no split, 0 and 0 (codebook §6); none: several each
            value = t.value if t.kind != "combined" or t.implicit else 0
            exact = t.exact and not (t.kind == "combined" and t.implicit)
            if t.additive:
                extra[kind] += value
                extra_exact[kind] = extra_exact[kind] and exact
                extra_groups[kind].add(t.victims)
            else:
                counts[kind].append((t.victims, value, exact))
                if t.update:
                    raised[kind].append((t.victims, value, exact))
    for kind, figures in raised.items():  # "مقتل 15 مدنيا، وارتفعت الحصيلة لاحقا إلى 22 قتيلا": the latest, 22
        if figures:
            counts[kind] = figures
    totals = {kind: _total(counts[kind], extra[kind], stated[kind]) for kind in counts}
    exactness = (totals["killed"][1] and extra_exact["killed"], totals["wounded"][1] and extra_exact["wounded"])
    victims = (_victims_of(counts["killed"], extra["killed"], extra_groups["killed"]),
               _victims_of(counts["wounded"], extra["wounded"], extra_groups["wounded"]))
    return totals["killed"][0], totals["wounded"][0], evidence, exactness, victims


def _victims_of(figures: list[Figure], extra: int, extra_groups: set[str]) -> str:
    """The one group a clause counts, "*" for several (others added to a count: "قتل 3 جنود وخمسة آخرون"),
    "" for none.  "وأصابوا عشرة آخرين" alone counts others than the dead: their own group if told (not the
    agent's, "!X"), else none."""
    named = {g for g, _, _ in figures}
    if not figures and extra:
        return next(iter(extra_groups)) if len(extra_groups) == 1 else ""
    if extra or len(named - {""}) > 1:
        return "*"
    return next(iter(named), "") if len(named) == 1 else ""


def _total(figures: list[Figure], extra: int, stated: bool) -> tuple[int | None, bool]:
    if not stated:
        return None, True
    combined = combine(figures)
    if combined is None:
        return extra, True
    return combined[0] + extra, combined[1]


