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
from marsad.model import Actor, Evidence
from marsad.text.matcher import Match
from marsad.text.tokens import Sentence, lookup_keys, strip_article

KURDISTAN_REGION = {"Erbil", "Dahuk", "Sulaymaniyah", "Halabja"}
UNIDENTIFIED = Actor("Unidentified armed group", 3)
CIVILIANS = Actor("Civilians", 7)
PROTESTERS = Actor("Protesters", 6)
RIOTERS = Actor("Rioters", 5)

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
    initiator_only: bool = False  # a country's bare name: never the target


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
    lex = load_lexicons()
    controllers, speakers = lex.word_set("controller_before"), lex.word_set("speaker_before")
    for m in doc.sentence_entries(sentence, "actor", "generic"):
        if not lo <= m.first < hi:
            continue
        if _held_by(doc, m, controllers):
            continue  # "مناطق تسيطر عليها المعارضة": who holds the area, not who acted
        if m.first > 0 and doc.tokens[m.first - 1].text in speakers or _a_source(doc, m.first, lo):
            continue  # "المتحدث باسم الحزب"، "وفقا لضابط الشرطة": who tells it, not who did it
        actor = resolve(m.payload, region, doc)
        if actor is None:
            continue
        init, target = _role_scores(doc, m, cues, casualties)
        bare = m.last - m.first == 1 and any(
            k in lex.word_set("initiator_only") for k in lookup_keys(doc.tokens[m.first].text))
        hits.append(ActorHit(actor, m.first, m.last, m.start, m.end, m.payload.category == "generic", init, target,
                             bare))
    return _drop_vague_gunmen(hits)


_SOURCE_REACH = 4


def _a_source(doc: Doc, first: int, floor: int) -> bool:
    """The name belongs to the speaker of a report: a speaker noun right after a word of attribution,
    then at most a few words ("قال ضابط برتبة عقيد في الشرطة"، "وفقا لضابط الشرطة")."""
    lex = load_lexicons()
    nouns, said = lex.word_set("speaker_nouns"), lex.word_set("attribution")
    for j in range(first, max(floor, first - _SOURCE_REACH) - 1, -1):
        if j <= floor or not any(k in nouns for k in lookup_keys(doc.tokens[j].text)):
            continue
        if any(k in said for k in lookup_keys(doc.tokens[j - 1].text)):
            return True
    return False


def _held_by(doc: Doc, m: Match[Entry], controllers: frozenset[str]) -> bool:
    """After "تسيطر عليها" or "سيطرة" — also the second name of a list there ("سيطرة فيلق الرحمن وجبهة النصرة")."""
    j = m.first - 1
    for _ in range(4):
        if j < 0:
            return False
        word = strip_article(doc.tokens[j].text)
        if word in controllers:
            return True
        if not doc.tokens[m.first].text.startswith("و"):
            return False
        j -= 1
    return False


def _drop_vague_gunmen(hits: list[ActorHit]) -> list[ActorHit]:
    """"مسلحين من تنظيم داعش"، "مسلحين متشددين": unnamed gunmen are the group the clause names."""
    named = any(h.actor.inter in (2, 3, 4) and h.actor != UNIDENTIFIED for h in hits)
    if not named:
        return hits
    return [h for h in hits if not (h.generic and h.actor == UNIDENTIFIED)]


def _role_scores(doc: Doc, m: Match[Entry], cues: list[Match[Entry]],
                 casualties: list[Match[Entry]]) -> tuple[float, float]:
    """How much the words around ``m`` say it acted (initiator) or was acted upon (target)."""
    lex = load_lexicons()
    toks = doc.tokens
    init = target = 0.0
    before = [strip_article(toks[j].text) for j in range(max(0, m.first - 3), m.first)]
    if any(w in lex.word_set("initiator_before") for w in before):
        init += 3
    # a named force right after the verb is its subject ("استهدفت فصائل المعارضة دبابة"); a description
    # there may be the passive's victim ("استُهدفت دورية للجيش")
    subject = m.payload.category == "actor" and bool(before) and before[-1] in lex.word_set("violent_verbs")
    if any(w in lex.word_set("target_before") for w in (before[-2:-1] if subject else before[-2:])):
        target += 2
    # "هجوم لداعش"، "كمين لتنظيم داعش": the attack *of* the group
    first_word = toks[m.first].text
    if first_word.startswith("ل") and not first_word.startswith("لل") and any(c.last == m.first for c in cues):
        init += 3
    # "4 قتلى بقصف روسي"، "بغارة تركية"، "تصدت الدفاعات لعدوان إسرائيلي": the strike named with its
    # actor is the cause of what is told, its actor the initiator
    cause = first_word[:1] in ("ب", "ل") and first_word[1:] in lex.word_set("cause_nouns")
    if cause:
        init += 3
    # "قصفت المدفعية التركية"، "هاجم مسلحو داعش": the subject right after a violent verb
    prev = strip_article(toks[m.first - 1].text) if m.first > 0 else ""
    verbs = lex.word_set("violent_verbs")
    if prev in verbs or (prev[:1] == "و" and prev[1:] in verbs):
        init += 2
    # "داعش يرتكب مذبحة": the name then a violent verb (headline word order)
    if m.last < len(toks) and strip_article(toks[m.last].text) in lex.word_set("violent_verbs_after"):
        init += 2
    # "لقي العميد ... مصرعه": the name before a casualty word that points back to it
    for c in casualties:
        if c.payload.label == "killed" and 0 < c.first - m.last <= 4 and toks[c.last - 1].text.endswith(("ه", "هم")):
            target += 2.5
    for c in casualties:
        if c.payload.label in ("killed", "wounded", "combined") and not cause and _victims_reach(doc, c, m, cues):
            init, target = _casualty_role(doc, c, m, init, target)
    return init, target


_VICTIM_REACH = 10


def _victims_reach(doc: Doc, word: Match[Entry], m: Match[Entry], cues: list[Match[Entry]]) -> bool:
    """The name is among the victims the casualty word lists: "مقتل 14 شخصا، من بينهم قياديان في الحزب
    الديمقراطي"، "إصابة تسعة شرطيين وستة عناصر من قوات مكافحة الإرهاب" — no other event word between."""
    if not 0 <= m.first - word.last <= _VICTIM_REACH:
        return False
    return not any(word.last <= c.first < m.first and c.payload.value.trigger for c in cues)


def _casualty_role(doc: Doc, word: Match[Entry], m: Match[Entry], init: float, target: float) -> tuple[float, float]:
    """After a casualty word the actor is the victim ("مقتل 5 من عناصر الشرطة")—unless the
    word is a verb and a count follows the actor: "قتل تنظيم داعش 9 رجال" (IS killed nine)."""
    lex = load_lexicons()
    is_noun = any(k in lex.word_set("casualty_nouns") for k in lookup_keys(doc.tokens[word.first].text))
    if not is_noun and m.first == word.last and _count_follows(doc, m.last):
        return init + 2.5, target
    return init, target + 2.5


def _count_follows(doc: Doc, j: int) -> bool:
    """A count right after the actor (one adjective may stand between: "تنظيم داعش المتشدد 9")."""
    from marsad.extract.numbers import read_number

    lex = load_lexicons()
    for k in range(j, min(j + 2, len(doc.tokens))):
        if doc.tokens[k].text.startswith("و") and k > j:
            break
        if read_number(doc.tokens, k, lex) is not None:
            return True
    return False


def choose_actors(hits: list[ActorHit], sub_event: str,
                  prior: dict[int, float]) -> tuple[ActorHit | None, ActorHit | None]:
    """actor1 and actor2 among the hits: best initiator, then best target of another actor."""
    if not hits:
        return None, None
    scored = sorted(hits, key=lambda h: -(h.initiator - h.target + prior.get(h.actor.inter, 0.0) + _specific(h)))
    first: ActorHit | None = scored[0]
    if first is not None and first.target > first.initiator + prior.get(first.actor.inter, 0.0):
        first = None  # the best candidate reads as a victim: the text does not say who did it
    others = [h for h in hits if (first is None or h.actor.name != first.actor.name) and not h.initiator_only]
    second = max(others, key=lambda h: h.target - h.initiator - prior.get(h.actor.inter, 0.0) + 2 * _specific(h),
                 default=None)
    return first, second


def _specific(hit: ActorHit) -> float:
    return 0.0 if hit.generic else 0.5


def claimant(doc: Doc) -> tuple[Actor, Evidence] | None:
    """The group that claimed the article's attack ("أعلن تنظيم داعش مسؤوليته عن الهجوم"), or the rebel
    group a violent headline makes the subject ("داعش يرتكب مذبحة في الطارمية"): it stands for
    "gunmen" and "unidentified" attackers in the body."""
    lex = load_lexicons()
    claim = lex.word_set("claim")
    for sentence in doc.sentences:
        words = {k for j in range(sentence.first_token, sentence.last_token) for k in lookup_keys(doc.tokens[j].text)}
        if words & claim:
            found = _rebel(doc, sentence, lambda h: True)
        elif doc.in_title(sentence) and any(c.payload.value.trigger for c in doc.sentence_entries(sentence, "cue")):
            found = _rebel(doc, sentence, lambda h: h.initiator > h.target)
        else:
            continue
        if found is not None:
            return found
    return None


def _rebel(doc: Doc, sentence: Sentence, keep) -> tuple[Actor, Evidence] | None:  # type: ignore[no-untyped-def]
    for hit in find_actor_hits(doc, sentence, "IRQ"):
        if not hit.generic and hit.actor.inter in (2, 3) and hit.actor != UNIDENTIFIED and keep(hit):
            return hit.actor, doc.evidence(hit.start, hit.end)
    return None
