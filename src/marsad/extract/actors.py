"""Actors of a clause: which named group did it (actor1) and to whom (actor2).

Names come from ``actors.toml``.  Descriptions such as "قوات الأمن" or "مسلحون" become an
actor through the place (Iraq, the Kurdistan Region, Syria) and, for unspecified security
forces, through what they do (codebook §3).  Roles are the clause frames' (``frames.py``): the
agent of a clause is its initiator, the patient its target ("هجوم لداعش"، "على يد"، "قتلت القوات
خمسة مسلحين"، "مقتل 5 من عناصر الشرطة").  Without a frame the event type decides (protesters start
a protest, an air force strikes, civilians are targets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from marsad.doc import Doc
from marsad.extract.frames import ally_spans, frames_of, role_spans, within
from marsad.lexicon import ActorInfo, Entry, load_lexicons
from marsad.model import Actor, Evidence
from marsad.text.matcher import Match
from marsad.text.tokens import Sentence, lookup_keys, may_have_key, strip_article, without_conjunction

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
    key: str = ""  # a description's key in actors.toml ("security forces"), "" for a name
    target_only: bool = False  # a force's base or post ("قاعدة عسكرية"): never the initiator
    ally: bool = False  # told as an ally of the first side of a clash ("بين الجيش وحزب الله من جهة، و…")


def region_of(country: str, admin1: str) -> str:
    """The region key of ``actors.toml`` generics: IRQ, IRQ-KR or SYR."""
    if country == "IRQ" and admin1 in KURDISTAN_REGION:
        return "IRQ-KR"
    return country or "IRQ"


def dominant_rebel(doc: Doc) -> Actor | None:
    """The rebel group the article names most (for "the militants", "the terrorists")."""
    return _most_named(doc, lambda info: info.inter == 2)


def dominant_organisation(doc: Doc) -> Actor | None:
    """The armed group the article names most among those called an organisation (a تنظيم: "تنظيم داعش"،
    "تنظيم الدولة الإسلامية"، "تنظيم القاعدة"; ``ActorInfo.organisation``), by any of their names: the one
    "التنظيم" (the Organisation) points back to — not the factions or the opposition, never called so."""
    return _most_named(doc, lambda info: info.inter in (2, 3) and info.organisation)


def _most_named(doc: Doc, keep: Callable[[ActorInfo], bool]) -> Actor | None:
    """The actor of those ``keep`` accepts that the article names most (the first named, on a tie)."""
    counts = Counter(m.payload.label for m in doc.entries if m.payload.category == "actor" and keep(m.payload.value))
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return Actor(name, load_lexicons().actors[name].inter)


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
        return dominant_rebel(doc) or _unnamed_militants(region)
    if name == "@dominant-organisation":
        return dominant_organisation(doc) or dominant_rebel(doc) or _unnamed_militants(region)
    return Actor(name, lex.actors[name].inter)


def _unnamed_militants(region: str) -> Actor:
    """Whom "the terrorists", "the militants" of a story that names no insurgent group stand for in the region
    (actors.toml [defaults] ``militants``): in Syria the armed opposition, elsewhere an unidentified group."""
    lex = load_lexicons()
    name = lex.defaults["militants"].get(region.split("-")[0])
    return Actor(name, lex.actors[name].inter) if name else UNIDENTIFIED


def find_actor_hits(doc: Doc, sentence: Sentence, region: str, first: int | None = None,
                    last: int | None = None) -> list[ActorHit]:
    """Actors named in a sentence (or a token range of it), with their roles from the clause frames."""
    lo = sentence.first_token if first is None else first
    hi = sentence.last_token if last is None else last
    hits: list[ActorHit] = []
    lex = load_lexicons()
    controllers, speakers = lex.word_set("controller_before"), lex.word_set("speaker_before")
    dress, fire_source = lex.word_set("dress_before"), lex.word_set("fire_source")
    aviation = lex.word_set("aviation_before")
    affiliated, posts = lex.word_set("affiliation_before"), lex.word_set("target_only")
    previous: list[Match[Entry]] = []  # the names told before in the sentence
    agents, patients = role_spans(frames_of(doc, sentence))
    allies = ally_spans(frames_of(doc, sentence))
    sources: list[ActorHit] = []  # speakers: the owners of "قواتها" all the same
    named_next = {m.first for m in doc.sentence_entries(sentence, "actor", "generic")}
    for m in doc.sentence_entries(sentence, "actor", "generic"):
        if not lo <= m.first < hi:
            continue
        previous.append(m)
        speaker = resolve(m.payload, region, doc) if _reporter(doc, sentence, m) else None
        if speaker is not None and speaker.inter not in _PEOPLE and not within(agents, m.first) \
                and not within(patients, m.first):
            # "قالت خلية الإعلام الأمني إن ...": an office that reports is the report's source, not a party
            # (a witness or a resident who tells it is of the people it struck)
            sources.append(ActorHit(speaker, m.first, m.last, m.start, m.end, False, 0.0, 0.0,
                                    key=m.payload.label if m.payload.category == "generic" else ""))
            continue
        if (_held_by(doc, m, controllers) or _stronghold_of(doc, m, lo)) and not within(patients, m.first):
            continue  # "مناطق تسيطر عليها المعارضة": who holds the area, not who acted (but "تحرير القرية من سيطرة
            # داعش": whom a capture took the place from is its target)
        if _affiliation(doc, m, lo, affiliated, previous):
            continue  # "جبهة النصرة، ذراع تنظيم القاعدة": the parent of the group before, not a party
        if m.first > lo and any(k in dress for k in lookup_keys(doc.tokens[m.first - 1].text)):
            continue  # "يرتدون زيا عسكريا": the adjective of a dress, not a soldier
        if m.first > lo and m.payload.label == "air force" and any(
                k in aviation for k in lookup_keys(doc.tokens[m.first - 1].text)):
            continue  # "تعطيل حركة الطيران": air traffic, not an air force
        if m.first > 0 and doc.tokens[m.first - 1].text in speakers or _a_source(doc, m.first, lo, hi):
            # "المتحدث باسم الحزب"، "وفقا لضابط الشرطة": who tells it, not who did it — but the owner of the
            # forces the speaker calls its own ("قال المتحدث باسم وزارة الداخلية إن قواتنا اعتقلت": the police)
            if (owner := resolve(m.payload, region, doc)) is not None and owner.inter in _ARMED:
                sources.append(ActorHit(owner, m.first, m.last, m.start, m.end, False, 0.0, 0.0,
                                        key=m.payload.label if m.payload.category == "generic" else ""))
            continue
        if m.payload.category == "generic" and m.payload.label == _OFFICES and (
                not within(patients, m.first) or m.last in named_next
                or (m.last < hi and doc.tokens[m.last].text in lex.word_set("likely_to"))):
            continue  # "قال مسؤول محلي"، "مسؤول عسكري": an office holder is a party only as the victim, and
            # of the side a name right after the office says ("مرشح للارتفاع" is a number likely to rise)
        actor = resolve(m.payload, region, doc)
        generic = m.payload.category == "generic"
        if actor is not None and generic and m.last - m.first == 1 \
                and without_conjunction(doc.tokens[m.first].text) in lex.word_set("pointing_back") \
                and (told := _told_force(doc, sentence, m.first, region)) is not None:
            actor, generic = told, False  # the force named before, by its name
        if actor is None:
            continue
        bare = m.last - m.first == 1 and any(
            k in lex.word_set("initiator_only") for k in lookup_keys(doc.tokens[m.first].text))
        initiator, target = _ROLE * within(agents, m.first), _ROLE * within(patients, m.first)
        if m.payload.category == "actor" and _names_the_fight(doc, m):
            bare, initiator, target = True, max(initiator, target), 0.0  # "قتل شخصان في نزاع عشائري": the
            # fight's own name names its sides, who fought it — never its victims
        if any(doc.tokens[j].text in fire_source for j in range(max(lo, m.first - _SOURCE_OF_FIRE), m.first)):
            initiator, target = _ROLE, 0.0  # "قصف مصدره مواقع الفصائل": whose positions it came from fired it
        phrase = " ".join(doc.tokens[j].text for j in range(m.first, m.last)).removeprefix("و")
        post = _starts_with_one_of(phrase, posts)  # "رتل عسكري تركي"
        hits.append(ActorHit(actor, m.first, m.last, m.start, m.end, generic, initiator, target, bare,
                             m.payload.label if generic else "", post, within(allies, m.first)))
    hits.extend(_pointed_forces(doc, sentence, region, sorted(hits + sources, key=lambda h: h.first),
                                agents, patients, lo, hi, tuple(sources)))
    sites = _military_sites(doc, region, hits, lo, hi)  # "العسكري" of a site is its adjective, not a soldier
    hits = [h for h in hits if not any(s.first <= h.first < s.last for s in sites)] + sites
    hits = _nationals(doc, hits, hi)
    return _drop_supporters(doc, _drop_associates(
        doc, _drop_members(doc, _drop_vague_gunmen(_joint_forces(doc, _drop_hedged(doc, hits), region, hi))), hi), lo)


def _names_the_fight(doc: Doc, m: Match[Entry]) -> bool:
    """The name is a fight's own ("نزاع عشائري"، "اشتباكات عشائرية": actors.toml ``fight_names``)."""
    phrase = " ".join(without_conjunction(doc.tokens[j].text) if j == m.first else doc.tokens[j].text
                      for j in range(m.first, m.last))
    return phrase in load_lexicons().word_set("fight_names")


_BACK_SENTENCES = 2  # how far back a bare "القوات" looks for the force it points to


def _told_force(doc: Doc, sentence: Sentence, first: int, region: str) -> Actor | None:
    """The force a bare definite "القوات" points back to: the last force named by its name (state or foreign
    forces, not a description) before it in the sentence, else in the sentences just before (the same report:
    "نفذت قوات التحالف 41 ضربة ... وأضاف البيان أن القوات نفذت 17 ضربة في العراق": the coalition's).  None
    when none is named: the description keeps its own reading (codebook §3: by what it does)."""
    for s in range(sentence.index, max(-1, sentence.index - _BACK_SENTENCES - 1), -1):
        entries = [e for e in doc.sentence_entries(doc.sentences[s], "actor")
                   if s < sentence.index or e.last <= first]
        for e in reversed(entries):
            actor = resolve(e.payload, region, doc)
            if actor is not None and actor.inter in (1, 8):
                return actor
    return None


def _starts_with_one_of(phrase: str, phrases: frozenset[str]) -> bool:
    """``phrase`` is one of ``phrases`` or begins with one of them, whole words."""
    words = phrase.split(" ")
    return any(" ".join(words[:n]) in phrases for n in range(1, len(words) + 1))


def _drop_hedged(doc: Doc, hits: list[ActorHit]) -> list[ActorHit]:
    """"طائرات حربية يرجح أنها روسية"، "غارة يعتقد أنها إسرائيلية": a described force followed by a word of belief that
    gives its nationality is that country's force — one force, not the state of the place and a second one."""
    hedged = load_lexicons().word_set("hedged")
    starts = {h.first for h in hits if not h.generic and doc.tokens[h.first].text in hedged}
    return [h for h in hits if not (h.generic and (h.last in starts or (  # "الطيران الحربي الذي يرجح أنه روسي"
        h.last + 1 in starts and doc.tokens[h.last].text in _RELATIVES)))]


_RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين"})


#: The key of a military site's hit: its words are also the name of a place ("مطار الضبعة").
SITE = "military site"
#: How many words a military site's name may run between its noun and "العسكري" ("مطار الشعيرات العسكري").
_SITE_NAME = 2
#: The weight of a military site as the target of what strikes it (below any role a frame gives).
_SITE = 1.0


def _military_sites(doc: Doc, region: str, hits: list[ActorHit], lo: int, hi: int) -> list[ActorHit]:
    """"تعرض مطار الضبعة العسكري لقصف صاروخي"، "سقطت قذائف على قاعدة كركوش العسكرية": a site noun, its name and
    the adjective "military" name a base of the country's army (actors.toml military_site_nouns): a target, never
    the one who strikes; a nationality after the adjective names its owner ("قاعدة حميميم العسكرية الروسية"); not
    where the clause names a force inside the site's words."""
    lex = load_lexicons()
    nouns, adjectives = lex.word_set("military_site_nouns"), lex.word_set("military_site_adjectives")
    if not any(doc.tokens[k].text in adjectives for k in range(lo + 2, hi)):
        return []  # no "العسكري" after a site's name: most clauses
    army = resolve(Entry("generic", "army", lex.generics["army"]), region, doc)
    if army is None:
        return []
    named = {j for h in hits for j in range(h.first, h.last)}
    out: list[ActorHit] = []
    for j in range(lo, hi):
        if not any(k in nouns for k in lookup_keys(doc.tokens[j].text)):
            continue
        end = next((k for k in range(j + 2, min(hi, j + 2 + _SITE_NAME)) if doc.tokens[k].text in adjectives), None)
        if end is None or any(k in named for k in range(j, end)):
            continue
        owner, generic = army, True
        if end + 1 < hi and (name := _nisba_actors().get(doc.tokens[end + 1].text)) is not None:
            owner, generic, end = Actor(name, lex.actors[name].inter), False, end + 1  # "العسكرية الروسية"
        out.append(ActorHit(owner, j, end + 1, doc.tokens[j].start, doc.tokens[end].end, generic, 0.0, _SITE,
                            key=SITE, target_only=True))
    return out


_SUPPORT_REACH = 2  # words from "بدعم" to the force ("بدعم من الطيران الروسي")


def _drop_supporters(doc: Doc, hits: list[ActorHit], lo: int) -> list[ActorHit]:
    """"تخوض قوات النظام، مدعومة بغارات روسية، معارك ضد داعش"، "تقدم الجيش بإسناد من طيران التحالف": a force
    named right after a word of support backs the armed side named before it — that side's associate, on its
    side: neither a second initiator nor its target.  The force may be told by its men ("مدعمة بمقاتلين من حزب
    الله"), and the forces joined by و to a supporter back the side too ("بين قوات النظام مدعمة بقوات الدفاع
    الوطني وعناصر من حزب الله من جهة، والكتائب المقاتلة من جهة أخرى")."""
    support = load_lexicons().word_set("support_before")
    if not hits or not may_have_key(doc.span_text(lo, max(h.first for h in hits)), support):
        return list(hits)  # no word of support before the last name: none backs a side (most clauses)
    out = []
    supporters: set[int] = set()  # where the supporters dropped so far end
    for h in hits:
        start = _phrase_start(doc, h.first, lo)
        backs = any(doc.tokens[j].text in support for j in range(max(lo, start - _SUPPORT_REACH), start)) or (
            doc.tokens[start].text.startswith("و") and start in supporters)
        if backs:
            supporters.add(h.last)  # "بقوات الدفاع الوطني وعناصر من حزب الله": a backer joined to another
        if backs and h.target == 0 and any(
                o.last <= h.first and o.actor.inter in (1, 2, 3, 8) and o.actor != h.actor for o in hits):
            continue
        out.append(h)
    return out


_MEMBERS_REACH = 2  # head nouns before a name ("بمقاتلين من حزب الله"، "وعناصر من")


def _phrase_start(doc: Doc, first: int, lo: int) -> int:
    """The first word of a name's phrase: the name, or the head noun in construct with it or of its
    partitive ("عناصر من حزب الله"، "بمقاتلين من حزب الله")."""
    verbs = load_lexicons().verbs
    heads = verbs.heads if verbs is not None else frozenset()
    j = first
    while j - 1 >= lo and first - (j - 1) <= _MEMBERS_REACH + 1:
        word = doc.tokens[j - 1].text
        bare = word[1:] if word[:1] in ("و", "ب") and len(word) > 3 else word
        if word != "من" and bare not in heads and not _person_noun(bare):
            break
        j -= 1
    return j if j < first and doc.tokens[j].text != "من" else first


def _person_noun(word: str) -> bool:
    """A noun of people ("مقاتلين"، "عناصر"، "جنود") in any of its endings."""
    people = load_lexicons().word_set("person_words")
    w = strip_article(word)
    return any(c in people for c in (w, w[:-1], w[:-2], w[:-3]) if len(c) > 2)


_AFFILIATION_REACH = 2  # words from "ذراع"، "الفرع" to the parent group ("الفرع السوري لتنظيم القاعدة")


def _affiliation(doc: Doc, m: Match[Entry], lo: int, affiliated: frozenset[str],
                 previous: list[Match[Entry]]) -> bool:
    """The name describes the group named before it: after a word of affiliation (ذراع، جناح، الفرع، الموالية،
    المرتبطة، المبايع), after a participle of opposition and "ل" ("الفصائل المعارضة للنظام"، "مقاتلين مناهضين
    لتنظيم الدولة": whom that group opposes) or in brackets right after it ("جبهة النصرة (تنظيم القاعدة في بلاد
    الشام)")."""
    if m.first > lo and doc.tokens[m.first].text.startswith("ل") \
            and doc.tokens[m.first - 1].text in load_lexicons().word_set("opposed_before"):
        return True  # "الفصائل المعارضة للنظام"، "مقاتلون معارضون للحكومة": whom the group before opposes
    before = [p for p in previous if p.last <= m.first]
    if not before:
        return False
    if doc.text[before[-1].end:m.start].strip() in ("(", "-", "–"):
        return True
    if doc.tokens[m.first].text.startswith("و"):
        return False  # "والفصائل الموالية لها وتنظيم داعش": a new name joined to the list, not the patron
    return any(doc.tokens[j].text in affiliated and not any(doc.tokens[k].text in _BACK_PRONOUNS
                                                            for k in range(j + 1, m.first))
               for j in range(max(lo, m.first - _AFFILIATION_REACH), m.first))


_SOURCE_OF_FIRE = 3  # words from "مصدره" to the name ("مصدره مواقع الفصائل المقاتلة")
_ASSOCIATE_REACH = 3  # words from a coordinated group to "الموالية لها"
_BACK_PRONOUNS = frozenset({"لها", "له", "لهم", "منها", "منه", "معها", "معه"})


def _drop_associates(doc: Doc, hits: list[ActorHit], hi: int) -> list[ActorHit]:
    """"القوات التركية والفصائل الموالية لها"، "قوات النظام والميليشيات الحليفة له": a group coordinated
    with a force and said to be loyal to, backed by or allied with it (a pronoun pointing back) fights on
    the force's side — its associate, neither a second initiator nor the target."""
    loyal = load_lexicons().word_set("associate_after")
    ends = {h.last for h in hits}
    out = []
    for h in hits:
        joined = doc.tokens[h.first].text.startswith("و") and (h.first in ends or h.first - 1 in ends)
        after = [doc.tokens[j].text for j in range(h.last, min(hi, h.last + _ASSOCIATE_REACH + 1))]
        if joined and any(w in loyal and nxt in _BACK_PRONOUNS for w, nxt in zip(after, after[1:], strict=False)):
            continue
        out.append(h)
    return out


#: The key of the soldiers' description in actors.toml ("جندي"، "عسكريين"، "ضباط").
_SOLDIERS = "soldiers"
#: The key of people named by their office in actors.toml ("قاضيا"، "مرشح"، "عضو"): civilians, only as victims.
_OFFICES = "office holders"


@cache
def _national_forms() -> dict[str, str]:
    """Each actor's nationality adjective agreeing with a person noun in number (singular, dual, sound plural,
    with or without the article: تركي، تركيان، تركيين، الأمريكيون) → the actor; soldiers are a state's, not a
    coalition's its nisba names when it strikes (``nation``: "جنود أمريكيون" are the United States')."""
    endings = ("", "ان", "ين", "ون")
    return {article + nisba + ending: info.nation or info.name for info in load_lexicons().actors.values()
            for nisba in info.nisba for article in ("", "ال") for ending in endings}


def _nationals(doc: Doc, hits: list[ActorHit], hi: int) -> list[ActorHit]:
    """"قتل جنديان أمريكيان"، "خمسة عسكريين إيرانيين"، "الضابط الروسي": soldiers described with a nationality
    adjective right after them are that country's forces, not the army of the place."""
    out = []
    for h in hits:
        name = _national_forms().get(doc.tokens[h.last].text) if h.key == _SOLDIERS and h.last < hi else None
        if name is not None:
            end = doc.tokens[h.last].end
            h = replace(h, actor=Actor(name, load_lexicons().actors[name].inter), last=h.last + 1, end=end,
                        generic=False, key="")
        out.append(h)
    return out


@cache
def _nisba_actors() -> dict[str, str]:
    """Each actor's nationality adjective in its four agreeing forms (روسي، روسيه، الروسي، الروسيه) → the actor."""
    return {article + nisba + ending: info.name for info in load_lexicons().actors.values() for nisba in info.nisba
            for article in ("", "ال") for ending in ("", "ه")}


def _joint_forces(doc: Doc, hits: list[ActorHit], region: str, hi: int) -> list[ActorHit]:
    """"الطيران الروسي والسوري"، "الضربات الجوية الروسية والسورية": a nationality adjective coordinated after
    a force named by its nationality shares the force's head noun — a second force on the same side, not a
    target.  ACLED codes joint forces as one actor and its associate: the state's own forces on their own
    ground lead (Russian and Syrian strikes in Syria are the Syrian military's), else a state's forces
    before a foreign ally, else the first named; the associate is dropped (the output has no place for it)."""
    lex = load_lexicons()
    army = resolve(Entry("generic", "army", lex.generics["army"]), region, doc)
    out = []
    for h in hits:
        word = doc.tokens[h.last].text if h.last < hi else ""
        at = h.last + (word == "او")  # "طائرات روسية أو سورية": the one or the other, told the same way
        word = doc.tokens[at].text[0 if at > h.last else 1:] if at < hi else ""
        joined = at > h.last or doc.tokens[h.last].text.startswith("و") if h.last < hi else False
        name = _nisba_actors().get(word) if joined and not h.generic else None
        if name is None or name == h.actor.name:
            out.append(h)
            continue
        partner = Actor(name, lex.actors[name].inter)
        if partner == army or (partner.inter == 1 and h.actor.inter != 1 and h.actor != army):
            tok = doc.tokens[at]
            h = replace(h, actor=partner, first=at, last=at + 1, start=tok.start, end=tok.end)
        out.append(h)
    return _either_force(doc, out, army)


def _either_force(doc: Doc, hits: list[ActorHit], army: Actor | None) -> list[ActorHit]:
    """"طائرات تابعة للحكومة السورية أو طائرات روسية": two forces told as the one or the other (أو) that struck
    are one side, not each other's target; as with joint forces the state's own forces on their own ground
    stand for them (the other is dropped)."""
    by_first = {h.first: h for h in hits}
    dropped: set[int] = set()
    for h in hits:
        other = by_first.get(h.last + 1)
        if other is None or h.last >= len(doc.tokens) or doc.tokens[h.last].text != "او" \
                or h.actor.inter not in (1, 8) or other.actor.inter not in (1, 8) or h.actor == other.actor:
            continue
        dropped.add(h.first if other.actor == army else other.first)
    return [h for h in hits if h.first not in dropped]


_MEMBER_OF = frozenset({"من", "في"})


def _drop_members(doc: Doc, hits: list[ActorHit]) -> list[ActorHit]:
    """"مقاتلا من تنظيم الدولة"، "منتسب في الشرطة": a description followed by a group is one of its
    members, not a side of its own."""
    named_at = {h.first for h in hits}
    return [h for h in hits if not (h.generic and ((h.last + 1 in named_at and doc.tokens[h.last].text in _MEMBER_OF)
                                                   or (h.last in named_at and doc.tokens[h.last].text[:1] == "ل")))]


#: Armed sides: state, rebel, political and identity militias, external forces.
_ARMED = frozenset({1, 2, 3, 4, 8})
#: The weight of a role the clause frame gives (against the priors by event type, at most 1.5).
_ROLE = 3.0


def _pointed_forces(doc: Doc, sentence: Sentence, region: str, hits: list[ActorHit], agents: list[tuple[int, int]],
                    patients: list[tuple[int, int]], lo: int, hi: int,
                    sources: tuple[ActorHit, ...] = ()) -> list[ActorHit]:
    """"أعلنت وزارة الدفاع أن قواتها قتلت ...": a force noun with a possessive pronoun is the force of the
    statement's subject — the state or foreign force named before it, or any armed side that tells the report
    ("قال مسؤول في قوات سوريا الديمقراطية إن مقاتلينا سيطروا"), else the region's army (a described force)."""
    out: list[ActorHit] = []
    for f in frames_of(doc, sentence):
        for arg in (f.agent,):  # a state's forces are told of as the ones who act
            if arg is None or arg.actor_first >= 0 or not lo <= arg.first < hi:
                continue
            if any(h.first == arg.first for h in out):
                continue
            told = next((h for h in reversed(hits) if h.last <= arg.first and h.actor.inter in (1, 8)
                         or (h.actor.inter in _ARMED and h in sources)), None)
            owner = told.actor if told is not None else _country_before(doc, lo, arg.first)
            actor = owner or resolve(Entry("generic", "army", load_lexicons().generics["army"]), region, doc)
            if actor is None:
                continue
            # "أن القوات الأمنية ... وأن قواتنا": the forces of described security forces are named as they are,
            # by what they do (by_activity)
            key = "security forces" if told is not None and told.key == "security forces" else "army"
            out.append(ActorHit(actor, arg.first, arg.last, arg.start, arg.end, owner is None,
                                _ROLE * within(agents, arg.first), _ROLE * within(patients, arg.first), False, key))
    return out


@cache
def _country_forces() -> dict[str, Actor]:
    """Each state's name (actors.toml ``countries``) → its forces."""
    return {c: Actor(info.name, info.inter) for info in load_lexicons().actors.values() for c in info.countries}


def _country_before(doc: Doc, lo: int, first: int) -> Actor | None:
    """The forces of the last state named before token ``first`` ("قالت تركيا إن قواتها": Turkey's)."""
    forces = _country_forces()
    for j in range(first - 1, lo - 1, -1):
        found = next((forces[k] for k in lookup_keys(doc.tokens[j].text) if k in forces), None)
        if found is not None:
            return found
    return None


_SOURCE_REACH = 4
_REPORT_REACH = 12  # from the speaker to the complementiser of what it reports


def _reporter(doc: Doc, sentence: Sentence, m: Match[Entry]) -> bool:
    """The name is the subject of a verb of reporting that goes on to a reported clause: right after the
    verb ("قالت خلية الإعلام الأمني في بغداد، في بيان، إن ..."، "أعلنت وزارة الدفاع أن ...") with
    إنّ/أنّ/بأنّ or a colon after it."""
    if m.first - 1 < sentence.first_token:
        return False
    verb = doc.tokens[m.first - 1].text
    reporting = load_lexicons().word_set("reporting_forms")
    if verb not in reporting and not (verb[:1] in ("و", "ف") and verb[1:] in reporting):
        return False
    end = min(sentence.last_token, m.last + _REPORT_REACH)
    if ":" in doc.text[doc.tokens[m.last - 1].end:doc.tokens[end - 1].end]:
        return True
    return any(doc.tokens[j].text in _COMPLEMENTISERS and doc.tokens[j - 1].text not in _TIME_CONJUNCTIONS
               for j in range(m.last, end))


_COMPLEMENTISERS = frozenset({"ان", "بان", "وان"})
#: "بعد أن"، "قبل أن"، "منذ أن": أنْ that opens a clause of time, not what a reporting verb reports ("أعلن الجيش
#: استعادة البلدة بعد أن قضت وحداته على المسلحين": the army announces its own act)
_TIME_CONJUNCTIONS = frozenset({"بعد", "قبل", "منذ", "وبعد", "وقبل"})
_PEOPLE = frozenset({5, 6, 7})  # rioters, protesters, civilians


def _a_source(doc: Doc, first: int, floor: int, ceiling: int) -> bool:
    """The name belongs to the speaker of a report: a speaker noun right after a word of attribution,
    then at most a few words ("قال ضابط برتبة عقيد في الشرطة"، "وفقا لضابط الشرطة").  Not past the
    complementiser that opens what the speaker reports ("قال مصدر أمني إن مسلحين مجهولين قتلوا ...": the
    gunmen are in the report, not its source)."""
    lex = load_lexicons()
    nouns, said = lex.word_set("speaker_nouns"), lex.word_set("attribution_forms")
    near = lex.word_set("speaker_near")
    for j in range(first, max(floor, first - _SOURCE_REACH) - 1, -1):
        if j < first and doc.tokens[j].text in _COMPLEMENTISERS:
            return False
        keys = lookup_keys(doc.tokens[j].text)
        if j < first and not near.isdisjoint(keys):
            return False  # "مصادر مقربة من الحزب": near the force, not the force
        if j <= floor or nouns.isdisjoint(keys):
            continue
        if any(k in said for k in lookup_keys(doc.tokens[j - 1].text)):
            return not _own_members_told(doc, first, ceiling)
    return False


def _own_members_told(doc: Doc, first: int, ceiling: int) -> bool:
    """After the source's force, the report points back to its own members ("قالت مصادر في الشرطة إن خمسة من
    أفرادها قتلوا"، "وذكرت مصادر في الجيش أن عناصره صدوا الهجوم"): the force tells what it did or suffered, and
    is a party of it."""
    members = load_lexicons().word_set("own_member_forms")
    return any(k in members for j in range(first, ceiling) for k in lookup_keys(doc.tokens[j].text))


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


def _stronghold_of(doc: Doc, m: Match[Entry], lo: int) -> bool:
    """"المعقل الأبرز للفصائل المعارضة"، "المعقل الأخير لداعش": the name after the possessive lām, one adjective
    after a stronghold noun, is the place's holder."""
    first = doc.tokens[m.first].text
    j = m.first - 1
    if j > lo and doc.tokens[j].text in ("ل", "لـ"):
        j -= 1
    elif not first.startswith("ل"):
        return False
    if j - 1 < lo:
        return False
    strongholds = load_lexicons().word_set("stronghold")
    return strip_article(doc.tokens[j - 1].text) in strongholds


def _drop_vague_gunmen(hits: list[ActorHit]) -> list[ActorHit]:
    """"مسلحين من تنظيم داعش"، "مسلحين متشددين": unnamed gunmen are the group the clause names."""
    named = any(h.actor.inter in (2, 3, 4) and h.actor != UNIDENTIFIED for h in hits)
    if not named:
        return hits
    return [h for h in hits if not (h.generic and h.actor == UNIDENTIFIED)]


#: Kinds of event in which unspecified security forces fight (codebook §3): they are the military.
_COMBAT_SUB_EVENTS = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                                "Disrupted weapons use"})


def by_activity(hits: list[ActorHit], event_type: str, sub_event: str, region: str, doc: Doc) -> list[ActorHit]:
    """Unspecified security forces ("القوات الأمنية"، "قوات الأمن") are named by what they do (codebook §3):
    in combat with an armed group they are the country's military, in policing its police.  A force named
    by its unit keeps its side (it is a name, not this description)."""
    if region not in ("IRQ", "SYR") or not any(h.key == "security forces" for h in hits):
        return hits
    army = resolve(Entry("generic", "army", load_lexicons().generics["army"]), region, doc)
    if army is None:
        return hits
    return [replace(h, actor=army) if h.key == "security forces" and _in_combat(h, hits, event_type, sub_event)
            else h for h in hits]


def _in_combat(hit: ActorHit, hits: list[ActorHit], event_type: str, sub_event: str) -> bool:
    """Security forces that fight: in a battle, taking or losing ground, seizing an armed group's weapons,
    striking or shelling (unless the clause makes them more the target than the striker: a bomb on a patrol),
    or attacking an armed group."""
    if event_type == "Battles" or sub_event in _COMBAT_SUB_EVENTS:
        return True
    if event_type == "Explosions/Remote violence":
        return hit.initiator >= hit.target and not hit.target_only  # a post is struck ("قرب نقطة تفتيش")
    return sub_event == "Attack" and hit.initiator > hit.target and any(h.actor.inter in (2, 3, 4) for h in hits)


def choose_actors(hits: list[ActorHit], sub_event: str,
                  prior: dict[int, float]) -> tuple[ActorHit | None, ActorHit | None]:
    """actor1 and actor2 among the hits: best initiator, then best target of another actor."""
    if not hits:
        return None, None
    scored = sorted((h for h in hits if not h.target_only),  # a base or a post is struck, it does not strike
                    key=lambda h: -(h.initiator - h.target + prior.get(h.actor.inter, 0.0) + _specific(h)))
    first: ActorHit | None = scored[0] if scored else None
    if first is not None and first.target > first.initiator + prior.get(first.actor.inter, 0.0):
        first = None  # the best candidate reads as a victim: the text does not say who did it
    # the allies of an initiator the clause states are on its side, not its target; so are allies named with no
    # role at all ("حاولت قوات النظام ومقاتلون من حزب الله التقدم": one camp), whose state's forces lead it; and so
    # are the first side's allies listed in a clash ("بين الجيش وحزب الله من جهة، والفصائل من جهة أخرى"), even
    # where the clause counts their dead
    camp = [h for h in hits if first is not None and h.actor.name != first.actor.name
            and allied(first.actor, h.actor) and (first.initiator > 0 or (h.target == 0 and first.target == 0))]
    listed_allies = {h.actor.name for h in hits if h.ally} if first is not None and not first.ally else set()
    others = [h for h in hits if (first is None or (h.actor.name != first.actor.name and h not in camp))
              and not h.initiator_only and h.actor.name not in listed_allies]
    if first is not None and first.initiator == 0 and first.actor.inter != 1:
        first = next((h for h in camp if h.actor.inter == 1 and h.initiator == 0), first)
    second = max(others, key=lambda h: h.target - h.initiator - prior.get(h.actor.inter, 0.0) + 2 * _specific(h),
                 default=None)
    return first, second


def allied(a: Actor, b: Actor) -> bool:
    """Whether two actors fight on one side (``allies`` in actors.toml: the Syrian army, Hezbollah, Iran and
    Russia in Syria's war): "قوات النظام ومقاتلون من حزب الله حاولوا التقدم" tells one side, so neither is the
    other's target."""
    info = load_lexicons().actors.get(a.name)
    return info is not None and b.name in info.allies


def own_state(doc: Doc, initiator: tuple[Actor, ActorHit | None], target: Actor) -> Actor | None:
    """The state whose forces struck, when a coalition named by a member's nationality ("غارة أمريكية")
    strikes another than the group it was formed against ("قتل قيادي في تنظيم القاعدة بغارة أمريكية"):
    those strikes are the state's own (``nation`` in actors.toml), else None.  Civilians are no other
    target: a strike on IS kills civilians too."""
    actor, hit = initiator
    lex = load_lexicons()
    info = lex.actors.get(actor.name)
    if hit is None or info is None or not info.nation or target.name == info.against or target.inter == 7:
        return None
    nisba = _nisba_actors()
    if not any(nisba.get(doc.tokens[j].text) == actor.name for j in range(hit.first, hit.last)):
        return None  # named as the coalition ("طائرات التحالف"), not by a member's nationality
    return Actor(info.nation, lex.actors[info.nation].inter)


def air_power(actor: Actor) -> bool:
    """Whether the force fights here only from the air (``air_power`` in actors.toml)."""
    info = load_lexicons().actors.get(actor.name)
    return info is not None and info.air_power


def implied_target(initiator: Actor) -> Actor | None:
    """The target a force's name implies when the clause names none: a force formed to fight one group
    (``against`` in actors.toml: "غارات للتحالف الدولي على الرقة" strikes IS)."""
    lex = load_lexicons()
    info = lex.actors.get(initiator.name)
    if info is None or not info.against:
        return None
    return Actor(info.against, lex.actors[info.against].inter)


def _specific(hit: ActorHit) -> float:
    return 0.0 if hit.generic else 0.5


def claimant(doc: Doc) -> tuple[Actor, Evidence] | None:
    """The group that claimed the article's attack ("أعلن تنظيم داعش مسؤوليته عن الهجوم"), or the rebel
    group a violent headline makes the subject ("داعش يرتكب مذبحة في الطارمية"): it stands for
    "gunmen" and "unidentified" attackers in the body."""
    claim = _claim_words()
    for sentence in doc.sentences:
        words = {k for j in range(sentence.first_token, sentence.last_token) for k in lookup_keys(doc.tokens[j].text)}
        if words & claim:
            if _partial_claim(doc, sentence, claim) is not None or _habitual_claim(doc, sentence, claim):
                continue
            found = _rebel(doc, sentence, lambda h: True)
        elif doc.in_title(sentence) and any(c.payload.value.trigger for c in doc.sentence_entries(sentence, "cue")):
            found = _rebel(doc, sentence, lambda h: h.initiator > h.target)
        else:
            continue
        if found is not None:
            return found
    return None


@cache
def _claim_words() -> frozenset[str]:
    """Words of a claim: the nouns of actors.toml ``claim`` and every form of verbs.toml's claim verbs."""
    lex = load_lexicons()
    verbs = lex.verbs.forms if lex.verbs is not None else {}
    return lex.word_set("claim") | {w for w, forms in verbs.items()
                                    if any(f.predicate.family == "claim" for f in forms)}


def _partial_claim(doc: Doc, sentence: Sentence, claim: frozenset[str]) -> range | None:
    """"في هجمات تبنى بعضها داعش"، "تبنى التنظيم أحدها": a claim of some of a series names the author of no
    one attack of it (codebook §3: an unclaimed bombing is an unidentified group's).  The claim's words."""
    part = load_lexicons().word_set("partial_claim")
    tokens = doc.tokens
    for j in range(sentence.first_token, sentence.last_token):
        if any(k in claim for k in lookup_keys(tokens[j].text)):
            near = range(max(sentence.first_token, j - 1), min(sentence.last_token, j + _CLAIM_REACH))
            if any(tokens[i].text in part for i in near):
                return near
    return None


def _habitual_claim(doc: Doc, sentence: Sentence, claim: frozenset[str]) -> bool:
    """Every claim of the sentence is a habit ("خلايا نائمة تتبنى عمليات اغتيال وتفجيرات": frames._habitual_spans):
    a description of what a group does, no claim of the article's attack."""
    frames = {f.predicate.first: f for f in frames_of(doc, sentence)}
    at = [j for j in range(sentence.first_token, sentence.last_token)
          if any(k in claim for k in lookup_keys(doc.tokens[j].text))]
    return all(j in frames and frames[j].predicate.habitual for j in at)


_CLAIM_REACH = 6  # words from a claim to its object and its author ("يتبنى تنظيم الدولة الإسلامية في بعض الأحيان")


def _rebel(doc: Doc, sentence: Sentence, keep: Callable[[ActorHit], bool]) -> tuple[Actor, Evidence] | None:
    for hit in find_actor_hits(doc, sentence, "IRQ"):
        if not hit.generic and hit.actor.inter in (2, 3) and hit.actor != UNIDENTIFIED and keep(hit):
            return hit.actor, doc.evidence(hit.start, hit.end)
    return None
