"""Actors of a clause: which named group did it (actor1) and to whom (actor2).

Names come from ``actors.toml``.  Descriptions such as "قوات الأمن" or "مسلحون" become an
actor through the place (Iraq, the Kurdistan Region, Syria).  Roles are read from the words
around each name: "هجوم لداعش"، "على يد"، "برصاص"، "شنه" mark the initiator;
"استهدف"، "ضد"، "مقتل 5 من عناصر" the target.  Without such words the event type decides
(protesters start a protest, an air force strikes, civilians are targets).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from marsad.doc import Doc
from marsad.lexicon import ActorInfo, Entry, load_lexicons
from marsad.model import Actor
from marsad.text.matcher import Match
from marsad.text.tokens import Sentence, strip_article

KURDISTAN_REGION = {"Erbil", "Dahuk", "Sulaymaniyah", "Halabja"}
UNIDENTIFIED = Actor("Unidentified armed group", 3)
CIVILIANS = Actor("Civilians", 7)
PROTESTERS = Actor("Protesters", 6)
RIOTERS = Actor("Rioters", 5)

_INITIATOR_BEFORE = {"يد", "قبل", "برصاص", "بنيران", "رصاص", "نيران", "شنه", "شنته", "شنها", "نفذه", "نفذته", "نفذها",
                     "تبنى", "تبنت", "تبناه", "مسؤوليته", "مسوليته", "جانب", "اتهام", "اتهم", "بقصف", "يشنها", "قادها"}
_TARGET_BEFORE = {"استهدف", "استهدفت", "يستهدف", "تستهدف", "مستهدفه", "مستهدفا", "ضد", "على", "بحق", "صفوف",
                  "استهداف", "لاستهداف", "طالت", "قتل", "مقتل", "اصابه", "اصيب", "هاجم", "هاجمت", "هاجموا", "اعتقال",
                  "اعتقلت", "القبض", "مواقع", "موقع", "مقر", "مقرات", "قاعده", "تجمع", "اجتماع", "قيادات", "مخازن",
                  "منازل", "منزل", "جنازه"}
_VIOLENT_VERBS = {"قصفت", "قصف", "هاجم", "هاجمت", "هاجموا", "استهدف", "استهدفت", "شن", "شنت", "شنوا", "نفذ", "نفذت",
                  "اطلق", "اطلقت", "اطلقوا", "فتح", "فتحت", "فتحوا", "اقتحم", "اقتحمت", "اقتحموا", "قتل", "اغتال",
                  "خطف", "اختطف", "دمرت", "دمر", "اغارت", "دكت", "وجهت", "ضربت", "اعتقلت", "اعتقل", "نصب", "نصبوا",
                  "تمكنت", "تمكن", "سيطر", "سيطرت", "استعادت", "اعلن", "اعلنت", "ارتكب", "يرتكب"}


@dataclass(frozen=True, slots=True)
class ActorHit:
    """An actor named (or described) at tokens ``[first, last)`` of a clause."""

    actor: Actor
    first: int
    last: int
    start: int
    end: int
    generic: bool
    initiator: float
    target: float


def region_of(country: str, admin1: str) -> str:
    """The region key of ``actors.toml`` generics: IRQ, IRQ-KR or SYR."""
    if country == "IRQ" and admin1 in KURDISTAN_REGION:
        return "IRQ-KR"
    return country or "IRQ"


def dominant_rebel(doc: Doc) -> Actor | None:
    """The rebel group the article names most (for "the militants", "the terrorists")."""
    counts: Counter[str] = Counter()
    lex = load_lexicons()
    for m in doc.entries:
        if m.payload.category == "actor" and m.payload.value.inter == 2:
            counts[m.payload.label] += 1
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return Actor(name, lex.actors[name].inter)


def resolve(entry: Entry, region: str, doc: Doc) -> Actor | None:
    """The actor an actor/generic lexicon entry names in ``region``."""
    lex = load_lexicons()
    if entry.category == "actor":
        info: ActorInfo = entry.value
        if info.countries and region.split("-")[0] not in info.countries:
            return None
        return Actor(info.name, info.inter)
    by_region: dict[str, str] = entry.value
    name = by_region.get(region) or by_region.get(region.split("-")[0]) or by_region.get("*")
    if name is None:
        return None
    if name == "@dominant-rebel":
        return dominant_rebel(doc) or UNIDENTIFIED
    return Actor(name, lex.actors[name].inter)


def find_actor_hits(doc: Doc, sentence: Sentence, region: str, first: int | None = None,
                    last: int | None = None) -> list[ActorHit]:
    """Actors named in a sentence (or a token range of it), with role scores."""
    lo = sentence.first_token if first is None else first
    hi = sentence.last_token if last is None else last
    cues = [m for m in doc.sentence_entries(sentence, "cue")]
    casualties = doc.sentence_entries(sentence, "casualty")
    hits: list[ActorHit] = []
    for m in doc.sentence_entries(sentence, "actor", "generic"):
        if not lo <= m.first < hi:
            continue
        actor = resolve(m.payload, region, doc)
        if actor is None:
            continue
        init, target = _role_scores(doc, m, cues, casualties)
        hits.append(ActorHit(actor, m.first, m.last, m.start, m.end, m.payload.category == "generic", init, target))
    return hits


def _role_scores(doc: Doc, m: Match[Entry], cues: list[Match[Entry]], casualties: list[Match[Entry]]) -> tuple[float, float]:
    """How much the words around ``m`` say it acted (initiator) or was acted upon (target)."""
    toks = doc.tokens
    init = target = 0.0
    first_word = toks[m.first].text
    before = [strip_article(toks[j].text) for j in range(max(0, m.first - 3), m.first)]
    if any(w in _INITIATOR_BEFORE for w in before):
        init += 3
    if any(w in _TARGET_BEFORE for w in before[-2:]):
        target += 2
    # "هجوم لداعش"، "كمين لتنظيم داعش": the attack *of* the group
    if first_word.startswith("ل") and not first_word.startswith("لل") and any(c.last == m.first for c in cues):
        init += 3
    # "قصفت المدفعية التركية"، "هاجم مسلحو داعش": the subject right after a violent verb
    prev = strip_article(toks[m.first - 1].text) if m.first > 0 else ""
    if prev in _VIOLENT_VERBS or (prev[:1] == "و" and prev[1:] in _VIOLENT_VERBS):
        init += 2
    # "مقتل 5 من عناصر الشرطة": the victims of a casualty word just before
    for c in casualties:
        if c.payload.label in ("killed", "wounded", "combined") and 0 <= m.first - c.last <= 4:
            target += 2.5
    return init, target


def choose_actors(hits: list[ActorHit], sub_event: str, prior: dict[int, float]) -> tuple[ActorHit | None, ActorHit | None]:
    """actor1 and actor2 among the hits: best initiator, then best target of another actor."""
    if not hits:
        return None, None
    scored = sorted(hits, key=lambda h: -(h.initiator - h.target + prior.get(h.actor.inter, 0.0) + _specific(h)))
    first = scored[0]
    if first.target > first.initiator + prior.get(first.actor.inter, 0.0) + 1.5:
        first = None  # the only candidates are victims
    others = [h for h in hits if first is None or h.actor.name != first.actor.name]
    second = max(others, key=lambda h: h.target - h.initiator - prior.get(h.actor.inter, 0.0), default=None)
    return first, second


def _specific(hit: ActorHit) -> float:
    return 0.0 if hit.generic else 0.5
