"""Stage: in-article consolidation — the mentions of one incident become one event.

Codebook §1: same actors, same place, same day is one event; two towns or two days are
two.  Mentions are grouped by kind of incident (demonstration, political violence,
strategic development), place and day.  A mention that names no day joins the incident at
its place (the headline "مقتل 3 بتفجير في كركوك" joins the body's "الخميس"); one that names
no place joins the incident of that day.  Within a group the most violent type wins (the
codebook's priority order; for demonstrations a riot over a protest), the toll is the
lowest stated count (§6) and every field keeps the evidence of every mention.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from marsad.doc import Doc
from marsad.extract.actors import UNIDENTIFIED, air_power, claimant
from marsad.extract.classify import by_initiator
from marsad.extract.mentions import BACKGROUND_DAYS
from marsad.extract.numbers import read_number
from marsad.extract.time import days_back
from marsad.extract.toll import combine, share_evenly
from marsad.geo.cues import load_place_cues
from marsad.geo.distance import haversine_km
from marsad.geo.gazetteer import Gazetteer
from marsad.geo.toponyms import Toponym
from marsad.lexicon import load_lexicons
from marsad.model import Actor, Event, EventMention, Evidence, Location
from marsad.taxonomy import EVENT_TYPES, PRIORITY
from marsad.text.normalise import fold
from marsad.text.tokens import lookup_keys, may_have_key, one_of

_FAMILY = {
    "Battles": "violence", "Explosions/Remote violence": "violence", "Violence against civilians": "violence",
    "Protests": "demo", "Riots": "demo", "Strategic developments": "strategic",
}
_DEMO_RANK = ["Violent demonstration", "Mob violence", "Excessive force against protesters",
              "Protest with intervention", "Peaceful protest"]
#: Strategic developments that kill no one by themselves.
_NO_TOLL = {"Arrests", "Agreement", "Change to group/activity", "Headquarters or base established",
            "Non-violent transfer of territory"}
#: Suicide attackers count among the dead (codebook §6): one bomber unless stated.
SUICIDE_BOMBERS = 1


@dataclass(slots=True)
class _Group:
    family: str
    day: date | None
    precision: int
    location: Location | None
    members: list[EventMention] = field(default_factory=list)
    explicit_day: bool = False
    vague: bool = True  # its place is only "near X" or a governorate so far
    date_from: _Group | None = None  # the incident whose day it took (it names none of its own)

    @property
    def first_sentence(self) -> int:
        return min(m.sentence for m in self.members)

    def take_day(self, day: date | None, precision: int) -> None:
        """The incident's day, told in so many words."""
        self.day, self.precision, self.explicit_day = day, precision, True


def consolidate(doc: Doc) -> None:
    """Fill ``doc.events`` from ``doc.mentions``."""
    groups: list[_Group] = []
    # a sentence that only dates what was told comes after what it dates
    ordered = sorted(doc.mentions, key=lambda m: (m.supporting or m.in_title, m.redates,
                                                  not (m.date_explicit or _stated_day(m)),
                                                  not m.place_explicit, m.sentence))
    series = _series_sentences(doc)
    pairs = _told_as_a_pair(doc)
    towns = _unlisted_settlements(doc)
    for mention in ordered:
        if mention.redates and _redate(groups, mention):
            continue
        group = _find_group(groups, mention, doc.published, series, pairs, doc.threads[mention.sentence], towns)
        if group is not None:
            _add(group, mention)
        elif _founds(mention, groups):
            groups.append(_new_group(doc, mention, groups, series))
    groups = _date_told_later(groups)
    groups = _toll_told_again(groups)
    groups = [g for g in groups if not _sums_up(g, groups, series)]
    if not _reports_an_incident(doc, groups):
        groups = []
    groups.sort(key=lambda g: g.first_sentence)
    body_counts = {name for name in ("fatalities", "injured") if _body_tells(doc, name)}
    doc.events = [_event(doc, g, body_counts) for g in groups]
    _share_series_tolls(doc, groups, doc.events)


def _share_series_tolls(doc: Doc, groups: list[_Group], events: list[Event]) -> None:
    """"أسفرت هجمات تفجيرية عن مقتل 215 شخصا" then the places attacked: a series' toll told without a
    site of its own is split evenly over the incidents of that day that state none (codebook §6) — the
    incidents told from the series on: a report names the attacks of a series after its toll, and the
    incidents it told before (an advance, a strike elsewhere) are no part of it."""
    for holder, event in zip(groups, events, strict=True):
        if not (event.fatalities or event.injured) or not _series_toll(doc, holder, event):
            continue
        told_at = _series_told_at(holder, event)
        shares = [(g, e) for g, e in zip(groups, events, strict=True) if e is event or (
            g.family == holder.family and _told_from(g, told_at) and e.event_date == event.event_date
            and not (e.fatalities or e.injured)
            and e.location.country == event.location.country
            and not _states_a_toll(g))]
        if len(shares) < 2:
            continue
        killed, wounded = event.fatalities, event.injured
        for i, (_, e) in enumerate(shares):
            e.fatalities, e.injured = share_evenly(killed, len(shares), i), share_evenly(wounded, len(shares), i)
            for name in ("fatalities", "injured"):
                if name in event.evidence:
                    e.evidence[name] = list(event.evidence[name])
            e.basis["fatalities"] = (f"a toll told for a series of attacks, split evenly over the {len(shares)} "
                                     "incidents of that day (codebook §6)")


def _told_from(g: _Group, sentence: int) -> bool:
    """The incident is told in the body at or after ``sentence``."""
    return any(m.sentence >= sentence and not m.in_title for m in g.members)


def _series_told_at(g: _Group, event: Event) -> int:
    """The first body sentence that tells the series' toll."""
    told = [m.sentence for m in g.members if not m.supporting and not m.in_title and (
        (event.fatalities and m.fatalities is not None) or (event.injured and m.injured is not None))]
    return min(told, default=g.first_sentence)


def _series_toll(doc: Doc, g: _Group, event: Event) -> bool:
    """The event's toll is told only of several attacks ("هجمات"، "سلسلة غارات") in sentences that name
    no site of their own (a governorate or "near X" is none); the headline sums up and does not count."""
    body = [m for m in g.members if not m.in_title] or g.members
    counted = [m for m in body if not m.supporting and (
        (event.fatalities and m.fatalities == event.fatalities) or (event.injured and m.injured == event.injured))]
    if not counted or any(m.place_explicit and not m.place_vague for m in counted):
        return False
    series = load_lexicons().word_set("series")
    return any(key in series for m in counted
               for i in range(doc.sentences[m.sentence].first_token, doc.sentences[m.sentence].last_token)
               for key in lookup_keys(doc.tokens[i].text))


def _states_a_toll(g: _Group) -> bool:
    return any(m.fatalities is not None or m.injured is not None for m in g.members)


def _founds(m: EventMention, groups: list[_Group]) -> bool:
    """Whether a mention that joins no incident makes a new one.  Not: background, running totals;
    a headline when the body tells an incident (it sums the body up); a sentence that names neither
    its own place nor its own day when one was told before it (it goes on about that one)."""
    if m.supporting or (m.in_title and groups):
        return False
    return m.place_explicit or m.date_explicit or _stated_day(m) or not groups


def _stated_day(m: EventMention) -> bool:
    """The mention's day is only that of the statement reporting it ("قالت الخلية في بيان اليوم إن ...")."""
    return not m.date_explicit and m.event_date is not None


def _reports_on(g: _Group, m: EventMention) -> bool:
    """A statement dated on or a day after an incident of the same type at that place, told after it,
    reports that incident (the attack of last night, then today's statement on it), not a second one."""
    if g.day is None or m.event_date is None or not g.explicit_day or g.first_sentence > m.sentence:
        return False
    return 0 <= (m.event_date - g.day).days <= 1 and any(x.sub_event_type == m.sub_event_type for x in g.members)


def _reported_incident(groups: list[_Group], m: EventMention, thread: int = 0) -> _Group | None:
    """A statement that names no place of its own ("وقالت خلية الإعلام الأمني في بيان اليوم إن عناصر
    من داعش هاجموا قوة للشرطة") reports on the latest incident of its type told before it, wherever
    its paragraph stands; the headline's or a neighbour's place does not make it another one.  Not across
    a turn to another story ("من جهة أخرى، قصفت القوات مخيم درعا ... وأوضحت مجموعة العمل في بيان أمس أن
    القصف ...": the statement is on the shelling of the camp, not on a strike told before the turn)."""
    told = [g for g in groups if g.family == _family(m) and g.explicit_day and _reports_on(g, m)
            and any(x.sentence >= thread for x in g.members)]
    return max(told, key=lambda g: g.first_sentence, default=None)


def _family(m: EventMention) -> str:
    return _FAMILY[m.event_type]


def _new_group(doc: Doc, m: EventMention, groups: list[_Group], series: Sentences = frozenset()) -> _Group:
    day: date | None
    if m.event_date:
        day, precision = m.event_date, m.time_precision
    else:  # no day of its own: the day of the incident told just before it, else publication
        start = doc.threads[m.sentence]  # not across "من جهة أخرى"، "إلى ذلك"
        before = [g for g in groups if g.explicit_day and g.first_sentence < m.sentence
                  and any(start <= x.sentence < m.sentence for x in g.members)
                  and (any(_same_kind(x, m) for x in g.members) or _a_series(g, series) or _points_back(doc, m))
                  and _lends_its_day(doc, g, m)]
        told = max(before, key=lambda g: g.first_sentence, default=None)
        day, precision = (told.day, told.precision) if told else _day_pointed_at(doc, m) or (doc.published, 1)
        return _Group(_family(m), day, precision, m.location, [m], vague=m.place_vague or not m.place_explicit,
                      date_from=told)
    return _Group(_family(m), day, precision, m.location, [m], explicit_day=m.date_explicit or _stated_day(m),
                  vague=m.place_vague or not m.place_explicit)


def _day_pointed_at(doc: Doc, m: EventMention) -> tuple[date, int] | None:
    """A sentence that points back at the one before it ("طالب المئات أمس بتحرير مناطقهم. جاءت هذه المطالبة
    في وقفة احتجاجية"), which told no incident but named its own day, goes on at that day."""
    if m.sentence == 0 or not _points_back(doc, m) or doc.threads[m.sentence] == m.sentence:
        return None
    told = [t for t in doc.times if t.sentence == m.sentence - 1
            and not (t.statement or t.future or t.since or t.tense or t.described)]
    if len(told) != 1:
        return None
    return told[0].resolve(doc.published)


def _lends_its_day(doc: Doc, g: _Group, m: EventMention) -> bool:
    """Whether a sentence with no day of its own may take the day of the incident ``g`` told before it.
    Not a day only a statement gave ("قالت الشرطة الأحد إن ...": it stands in for that incident's day
    alone, it tells no day of the story); not a recollection's day ("وكانت المعارضة أعلنت السبت أنها
    قتلت ..."، "منذ"، "في وقت سابق": the report goes on at its own time after it), unless what follows
    looks back too or goes on with it at the same time ("... كربلاء، بينما اندلعت مظاهرات في النجف").
    Codebook §5: no day of its own, the publication date."""
    told = [x for x in g.members if x.date_explicit]
    if not told:
        return False
    if m.background or not all(x.background for x in told):
        return True
    return any(x.sentence == m.sentence - 1 for x in g.members) and _at_the_same_time(doc, m.sentence)


def _points_back(doc: Doc, m: EventMention) -> bool:
    """The sentence points back at what was told with a demonstrative before a definite noun ("وقامت هذه
    الجماعات بتحطيم ..."، "جاءت هذه المطالبة في وقفة احتجاجية": ``time.toml`` back_reference): it goes on
    with the story told before it, whatever its kind of event; not "هذه المرة"، "هذا العام" (another time:
    back_reference_not), nor "مثل هذا الهجوم" (a kind of incident: back_reference_kind).  So does a sentence that
    opens with a verb of explaining ("وأوضح مصدر أمني أن ...": ``time.toml`` elaborating): it details what was told
    just before it ("وقال ناشطون إن ..." need not)."""
    lexicons = load_lexicons()
    pointers, not_heads = lexicons.word_set("back_reference"), lexicons.word_set("back_reference_not")
    kinds = lexicons.word_set("back_reference_kind")
    s = doc.sentences[m.sentence]
    first = doc.tokens[s.first_token].text if s.first_token < s.last_token else ""
    if first and one_of(first, lexicons.word_set("elaborating"), _PROCLITICS):
        return True
    for j in range(s.first_token, s.last_token - 1):
        if not one_of(doc.tokens[j].text, pointers, _PROCLITICS):
            continue
        head = doc.tokens[j + 1].text
        if head.startswith("ال") and head not in not_heads and not (
                j > s.first_token and one_of(doc.tokens[j - 1].text, kinds, _PROCLITICS)):
            return True
    return False


#: The one-letter proclitics a back-reference or a verb of explaining may carry ("وهذا الهجوم"، "فيما"، "بهذه العملية").
_PROCLITICS = "وفبل"


def _at_the_same_time(doc: Doc, sentence: int) -> bool:
    """The sentence opens with a word that ties its time to the one before it ("بينما"، "فيما"، "في حين":
    ``time.toml`` simultaneous)."""
    s = doc.sentences[sentence]
    words = [doc.tokens[j].text for j in range(s.first_token, min(s.first_token + 3, s.last_token))]
    if words and words[0].startswith("و") and len(words[0]) > 3:
        words[0] = words[0][1:]
    simultaneous = load_lexicons().word_set("simultaneous")
    return any(" ".join(words[:n]) in simultaneous for n in (1, 2, 3))


def _same_kind(a: EventMention, b: EventMention) -> bool:
    """Of one kind of incident: both demonstrations, both strategic, or violence of one event type (a
    battle told after an air strike is not the air strike continued)."""
    return _family(a) == _family(b) and (_family(a) != "violence" or a.event_type == b.event_type)


def _add(group: _Group, m: EventMention) -> None:
    group.members.append(m)
    if m.supporting:
        return  # background or a running total adds words, not the incident's place or day
    if m.location and (m.place_explicit or group.location is None) and (
            _more_specific(m.location, group.location) or _pins_down(group, m) or _told_act_placed(group, m)):
        group.location = m.location
    if m.place_explicit and not m.place_vague:
        group.vague = False
    if m.date_explicit and not group.explicit_day and m.event_date:
        group.take_day(m.event_date, m.time_precision)


def _pins_down(group: _Group, m: EventMention) -> bool:
    """"In X" told later wins over the "near X", "north of X" or "countryside of X" the incident had, when
    X lies in the same district or within the reach of that "near" ("شمال العاصمة بغداد" then "بمنطقة
    البحيرات في قضاء الطارمية": the district north of the city, in another district of the governorate);
    a place far away is no closer look at the same scene."""
    a, b = group.location, m.location
    if not (group.vague and not m.place_vague and a is not None and b is not None):
        return False
    if a.admin2 and a.admin2 == b.admin2:
        return True
    return (a.admin1 == b.admin1 and a.country == b.country and a.geo_precision < 3
            and any(0 < m.sentence - x.sentence <= _UNPLACED_REACH for x in group.members if not x.in_title)
            and _km(a, b) <= _near_reach(a))


def _told_act_placed(group: _Group, m: EventMention) -> bool:
    """"قتل 36 شخصا في غارات استهدفت قوات في منطقة عفرين" then "وأوضح المرصد أن القصف استهدف القوات في منطقة
    كفر جنة في ريف عفرين": a clause that names the act told before (definite: "القصف"، "الهجوم") and places it
    at a settlement of the district the incident's place named (a district's seat named like its district
    stands for the district) tells where it happened more closely (codebook §4: the most specific place)."""
    a, b = group.location, m.location
    return (m.names_told_act and m.place_explicit and not m.place_vague and not m.in_title and not m.supporting
            and a is not None and b is not None and bool(b.place_id) and b.place_id != a.place_id
            and _names_its_district(a) and a.admin1 == b.admin1 and a.admin2 == b.admin2
            and b.geo_precision <= a.geo_precision and _kind(b.place_id) in _SETTLEMENT_KINDS)


#: Kinds of place that are a quarter or a site inside a settlement, and the settlements they lie in.
_QUARTER_KINDS = frozenset({"neighbourhood", "landmark", "camp"})
_SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
#: The farthest a quarter or site is taken to lie inside the settlement told with it.
INSIDE_KM = 15.0


def _more_specific(new: Location, old: Location | None) -> bool:
    """Whether ``new`` tells the incident's place more closely than ``old``: a finer precision, or,
    at the same precision, a quarter or site inside the settlement told before ("في بغداد" then
    "في حي الشعلة": the quarter is a closer look at the same scene, whichever is told first)."""
    if old is None:
        return True
    if new.geo_precision < old.geo_precision:
        # a site named after the town ("مطار حماة العسكري", at the town's point with precision 2) is no
        # vaguer than the town told after it ("قرب مدينة حماة"): the site is the closer look
        return not (old.place_id and old.place_id == new.place_id and old.name != new.name
                    and old.name_ar != new.name_ar)
    return new.geo_precision == old.geo_precision and _inside(new, old)


def _inside(new: Location, old: Location) -> bool:
    if _kind(new.place_id) not in _QUARTER_KINDS or _kind(old.place_id) not in _SETTLEMENT_KINDS:
        return False
    return new.admin1 == old.admin1 and _km(new, old) <= INSIDE_KM


def _near_reach(place: Location) -> float:
    """How far "near X" reaches: a village's surroundings, or a city's or an area's wider ones
    ("كوي سنجق قرب أربيل")."""
    return NEAR_SCENE_KM if _kind(place.place_id) in ("village", "town", "neighbourhood", "camp", "landmark") \
        else WIDE_NEAR_SCENE_KM


def _kind(place_id: str) -> str:
    place = Gazetteer.default().by_id(place_id) if place_id else None
    return place.kind if place else ""


Sentences = frozenset[int]


#: The lead of an article: its first body sentences, where a news report tells its incident.
LEAD_SENTENCES = 2


def _reports_an_incident(doc: Doc, groups: list[_Group]) -> bool:
    """Whether the article reports an incident rather than discussing some: a report tells one in its
    lead, or gives one its own day or toll.  An article that mentions incidents only further down,
    with neither day nor toll (an analysis, a reaction, a profile), reports none.  An incident abroad (placed
    in another country: not coded) makes no report of Iraq or Syria: a story of a bombing in Turkey that
    recalls the fighting across the border discusses that fighting."""
    told = [x for g in groups if not _abroad(g) for x in g.members if not x.supporting and not x.in_title]
    if any(x.date_explicit or _stated_day(x) or x.fatalities is not None or x.injured is not None
           or _a_recent_day_word(doc, x) for x in told):
        return True
    lead = next((s.index for s in doc.sentences if not doc.in_title(s)), 0)
    return any(not x.in_title and x.sentence < lead + LEAD_SENTENCES for x in told)


def _a_recent_day_word(doc: Doc, m: EventMention) -> bool:
    """With no publication date, the mention's sentence still names a day of its own when it counts back from the
    report ("تمكنت القوات من فرض سيطرتها أمس على مبنى الجامعة"): its own day, though it cannot be resolved."""
    if doc.published is not None:
        return False
    back = [b for t in doc.times if t.sentence == m.sentence and not (t.statement or t.since or t.future or t.tense)
            and (b := days_back(t)) is not None]
    return any(precision == 1 and days <= BACKGROUND_DAYS for days, precision in back)


def _abroad(g: _Group) -> bool:
    """The incident is placed abroad, in a country known with no governorates (``mentions._abroad_scene``)."""
    return g.location is not None and bool(g.location.country) and not g.location.admin1


def _series_sentences(doc: Doc) -> Sentences:
    """Sentences that sum up a series of attacks ("حصيلة"، "سلسلة تفجيرات"، "هجمات متفرقة")."""
    words = load_lexicons().word_set("summaries")
    told = {m.sentence for m in doc.mentions}
    return frozenset(i for i in told if may_have_key(doc.sentence_text(doc.sentences[i]), words)
                     and any(not words.isdisjoint(lookup_keys(doc.tokens[j].text))
                             for j in range(doc.sentences[i].first_token, doc.sentences[i].last_token)))


def _own_incident(m: EventMention, series: Sentences) -> bool:
    """A clause that tells one incident of its own: its own scene and toll, no series words."""
    told = m.fatalities is not None or m.injured is not None
    return m.place_explicit and not m.place_vague and told and m.sentence not in series and not m.in_title


def _a_series(g: _Group, series: Sentences) -> bool:
    """Every clause of the incident that is not a headline tells a series of attacks."""
    body = [x for x in g.members if not x.in_title]
    return bool(body) and all(x.sentence in series for x in body)


def _sums_a_series(g: _Group, series: Sentences) -> bool:
    """The incident is told by a series' total and by clauses that only go on about it, naming no place
    of their own (they take the series' list of places: "قتل 25 شخصا في هجمات متفرقة في محافظتي كركوك
    ونينوى" then "وقامت مجموعة ... بقتل 15 شخصا")."""
    body = [x for x in g.members if not x.in_title]
    return any(x.sentence in series for x in body) and all(x.sentence in series or not x.place_explicit for x in body)


def _sums_up(g: _Group, groups: list[_Group], series: Sentences) -> bool:
    """A series' total ("قتل 20 شخصا في سلسلة تفجيرات ضربت بغداد") sums up the incidents told of it
    at their own places that day: it is no incident of its own, and its toll goes on none of them."""
    if not _sums_a_series(g, series) or g.location is None:
        return False
    return any(h is not g and h.family == g.family and h.day == g.day and h.location is not None
               and h.location.admin1 == g.location.admin1 and any(_own_incident(x, series) for x in h.members)
               for h in groups)


def _find_group(groups: list[_Group], m: EventMention, published: date | None = None,
                series: Sentences = frozenset(), pairs: Pairs = frozenset(), thread: int = 0,
                towns: frozenset[str] = frozenset()) -> _Group | None:
    """The group this mention belongs to, or None for a new incident (``thread``: the sentence that opened
    the mention's story, ``time.thread_starts``)."""
    if _stated_day(m) and not m.place_explicit:
        told = _reported_incident(groups, m, thread)
        if told is not None:
            return told
    candidates = [g for g in groups if (g.family == _family(m) or m.in_title or _crowd_violence(m, g))
                  and _same_place(g, m, pairs, towns)]
    if _own_incident(m, series):  # an incident at its own place is not the series that sums it up
        candidates = [g for g in candidates if _at(g, m.location) or not _a_series(g, series)]
    if m.place_explicit and _worded(m):  # a battle and a bombardment told apart are two events
        candidates = [g for g in candidates if not _other_kind(g, m)]
    candidates = [g for g in candidates if not _other_act_elsewhere(g, m)]
    candidates = [g for g in candidates if not _own_toll_elsewhere(g, m)]
    candidates = [g for g in candidates if not _riot_and_protest_apart(g, m)]
    if m.another_act and m.place_explicit and not m.in_title:  # "وانفجرت عبوة ثانية في منطقة الحسينية"
        candidates = [g for g in candidates if _at(g, m.location)]
    if _stated_day(m):
        candidates = ([g for g in candidates if g.day == m.event_date]
                      or [g for g in candidates if _reports_on(g, m) and _same_scene(g.location, m.location)])
    elif m.date_explicit:
        candidates = [g for g in candidates if g.day == m.event_date]
    elif candidates:
        # no day of its own: not an old story told for background on another day, unless it is one too
        candidates = [g for g in candidates if m.background or not g.members[0].background or g.day == published]
        # nor a demonstration dated to another day that the article only tells well after it ("أحرقوا مقار
        # الأحزاب في النجف" is not the airport stormed on Friday, told eight sentences later)
        candidates = [g for g in candidates if not (g.family == "demo" and g.explicit_day and g.day != published
                                                    and m.place_explicit
                                                    and all(x.sentence > m.sentence + _UNPLACED_REACH
                                                            for x in g.members))]
        # no day of its own: the incident at this place told nearest to it; of a list of places told
        # together, the one at this very place (the list it took over, one mention per place)
        # and at equal distance the incident of the same kind ("انفجرت عبوتان" joins the bombing, not the
        # clash of the day before told next to it)
        candidates.sort(key=lambda g: (_distance(g, m), m.place_explicit or not _at(g, m.location),
                                       all(x.sub_event_type != m.sub_event_type for x in g.members)))
    return candidates[0] if candidates else None


_SEPARATE_TYPES = {"Battles", "Explosions/Remote violence"}


def _other_kind(g: _Group, m: EventMention) -> bool:
    """The incident is of the other kind of armed violence, by its own words ("اشتباكات" against "قصف"):
    fighting and shelling at one place on one day are two events (codebook §2)."""
    if m.event_type not in _SEPARATE_TYPES:
        return False
    kinds = {x.event_type for x in g.members if not x.in_title and not x.supporting and x.place_explicit and _worded(x)}
    return bool(kinds) and m.event_type not in kinds and kinds <= _SEPARATE_TYPES


#: Acts of a front told clause by clause, each by its own arm, and the cues that name that arm: aircraft,
#: guns and rounds fired from the ground, fighting (a bare "قصف" names no arm: triggers.toml bombard).
_FRONT_ACTS = {"Air/drone strike": frozenset({"air", "aircraft"}),
               "Shelling/artillery/missile attack": frozenset({"shelling", "artillery"}),
               "Armed clash": frozenset({"clash", "confront"})}


def _other_act_elsewhere(g: _Group, m: EventMention) -> bool:
    """Codebook §1-2: a front report tells its incidents clause by clause, each by the arm that carried it
    out (aircraft, artillery, fighters) at its own place ("قصف الطيران المروحي مدينة X ... كذلك استهدفت
    الفصائل تمركزات النظام بقذائف الهاون في محيط قرية Y").  A clause that names its own place and its own
    kind of front act is another incident than one whose every clause tells another kind of front act at
    another place the gazetteer knows, even when one of them is told only as "near" or "around" it (which
    otherwise reaches its surroundings).  Each clause names its arm: "وقصفت بلدة X" after "أغارت الطائرات"
    goes on with the air strike.  Bombs and attacks on people are not front acts: a grenade and an
    IED told of one blast, a massacre and the clash it is told with, may be one incident."""
    b = m.location
    if (m.in_title or m.supporting or m.background or not m.place_explicit or not _arm_named(m)
            or b is None or not b.place_id):
        return False
    own = [x for x in g.members if not x.in_title and not x.supporting and x.place_explicit]
    return bool(own) and all(
        _arm_named(x) and x.sub_event_type != m.sub_event_type
        and x.location is not None and bool(x.location.place_id) and not x.location.same_place(b)
        for x in own)


def _own_toll_elsewhere(g: _Group, m: EventMention) -> bool:
    """Codebook §1: two places, two events.  A round-up tells each incident of the day in a clause of its
    own, with its own place and its own toll ("واستهدف أكثر الهجمات دموية منطقة بغداد الجديدة، حيث قتل 19
    شخصا" then "كما انفجرت سيارة مفخخة في الزعفرانية، ما أدى إلى مقتل أربعة أشخاص").  A clause that names a
    place of its own and a toll of its own is another incident than one whose every clause with a place and
    a toll of its own tells another place and another toll, however close the two places (two quarters of
    a city a few km apart).  Still one incident: the same toll told again at a closer place, a quarter or site
    inside the settlement told with it, and a clause that names the act told before ("وأوضح المصدر أن
    الانفجار وقع في حي الشعلة وأسفر عن مقتل 4")."""
    b = m.location
    if (not _own_toll(m) or m.names_told_act or b is None or not b.place_id):
        return False
    own = [x for x in g.members if _own_toll(x)]
    return bool(own) and all(
        x.location is not None and bool(x.location.place_id) and not x.location.same_place(b)
        and not _inside(b, x.location) and not _inside(x.location, b)
        and (x.fatalities, x.injured) != (m.fatalities, m.injured)
        for x in own)


_RIOTS = frozenset({"Violent demonstration", "Mob violence"})


def _riot_and_protest_apart(g: _Group, m: EventMention) -> bool:
    """A riot told only at governorate level ("تم إحراق مكتب حزب الدعوة في محافظة البصرة") is not the
    protest told at a place of its own in that governorate ("قطع المحتجون الطريق المؤدي إلى ميناء أم
    قصر"): another crowd's act, burning or storming, somewhere else in it (codebook §1: two places, two
    events).  The governorate's mere protests ("وتشهد محافظة البصرة منذ أيام مظاهرات") still join the
    protest told at its place: they add nothing of their own."""
    if _family(m) != "demo" or not m.place_explicit or not m.place_vague or g.vague or m.in_title:
        return False
    own = [x for x in g.members if not x.in_title and not x.supporting and x.place_explicit]
    if not own:
        return False
    return m.sub_event_type in _RIOTS and all(x.sub_event_type not in _RIOTS for x in own)


def _own_toll(m: EventMention) -> bool:
    """A body clause that tells a place of its own, closer than a governorate, and a toll of its own."""
    return (m.place_explicit and not m.place_vague and not m.in_title and not m.supporting
            and (m.fatalities is not None or m.injured is not None))


def _arm_named(m: EventMention) -> bool:
    """The clause tells a front act and names the arm that carried it out."""
    return bool(_FRONT_ACTS.get(m.sub_event_type, frozenset()) & m.cues)


def _worded(m: EventMention) -> bool:
    """The mention's own words name its kind: fighting words for a battle, a weapon for a bombardment."""
    return bool(_DEFINING_CUES.get(m.event_type, frozenset()) & m.cues)


def _redate(groups: list[_Group], m: EventMention) -> bool:
    """"ونقلت وسائل إعلام أن مقتل المسلحين كان في 12 يونيو": a sentence that names nothing new and only
    dates what was told moves the incident told just before it to that day.  Not to a vaguer time than the
    day the incident was told with ("قصفت الطائرات المستشفى مساء الثلاثاء. وأدت المعارك الأسبوع الماضي إلى
    نزوح ..."): a week or a month frames the story; it neither dates that incident anew nor tells its kind."""
    told = [g for g in groups if g.family == _family(m) and g.first_sentence < m.sentence
            and any(not x.in_title for x in g.members)]
    if not told or m.event_date is None:
        return False
    group = max(told, key=lambda g: max(x.sentence for x in g.members))
    if group.explicit_day and m.time_precision > group.precision:
        group.members.append(replace(m, supporting=True))  # it adds words to the story told, not its day or type
        return True
    group.members.append(m)
    group.take_day(m.event_date, m.time_precision)
    return True


def _date_told_later(groups: list[_Group]) -> list[_Group]:
    """A sentence that names no place and only dates what was told ("وقال المرصد إن الانفجار وقع مساء
    السبت") dates the article's one incident of its kind that had no day of its own: the two are one."""
    out = list(groups)
    for dated in groups:
        if dated.location is not None or not dated.explicit_day:
            continue
        kinds = {m.sub_event_type for m in dated.members}
        undated = [g for g in out if g is not dated and not g.explicit_day and g.date_from is None
                   and g.family == dated.family and g.location is not None
                   and kinds & {m.sub_event_type for m in g.members}]
        if len(undated) == 1:
            target = undated[0]
            target.members.extend(dated.members)
            target.take_day(dated.day, dated.precision)
            out.remove(dated)
    return out


def _toll_told_again(groups: list[_Group]) -> list[_Group]:
    """Codebook §1: one incident is one event however often it is told.  A lead that names no day of its own
    ("دعا المبعوث إلى الهدوء في البصرة، بعد مقتل ستة أشخاص في الاحتجاجات") tells the incident the body dates
    when the body tells the same count of dead again at that place ("وقال رئيس مجلس حقوق الإنسان في البصرة إن
    ستة محتجين قتلوا" in the incident of "ليل الثلاثاء"): the undated one is that incident, not a second one
    on the publication day."""
    out = list(groups)
    for undated in groups:
        if undated.explicit_day or undated.date_from is not None or undated.location is None:
            continue
        killed = {x.fatalities for x in undated.members if not x.supporting and not x.background and x.fatalities}
        if not killed:
            continue
        dated = [g for g in out if g is not undated and g.explicit_day and g.family == undated.family
                 and g.location is not None and _retells_at(undated.location, g.location)
                 and any(x.fatalities in killed for x in g.members if not x.supporting)]
        if len(dated) == 1:
            dated[0].members.extend(undated.members)
            out.remove(undated)
    return out


def _retells_at(told: Location, dated: Location) -> bool:
    """The place a retelling names may be the very place, or the city, district or governorate around it."""
    return told.same_place(dated) or (told.admin1 == dated.admin1 and told.geo_precision > dated.geo_precision
                                      and _km(told, dated) <= WIDE_NEAR_SCENE_KM)


#: How many sentences away an unplaced mention may still join an incident.
_UNPLACED_REACH = 2
#: Two named places this close are one scene (a city and its square, Baghdad and Sadr City).
SAME_SCENE_KM = 12.0
#: A place told vaguely ("قرب X"، "ريف X") is the same scene as a named place at most this far from X.
NEAR_SCENE_KM = 25.0
#: ... and at most this far from a city, a district or a region told vaguely.
WIDE_NEAR_SCENE_KM = 75.0


#: Cues of violence that a demonstration's own clashes can account for (no weapon, no named force).
_CROWD_VIOLENCE = {"shooting", "kill", "wound", "attack", "confront", "clash"}


def _crowd_violence(m: EventMention, g: _Group) -> bool:
    """"جرى إطلاق النار علينا" told of a protest: shooting at one with no armed group named is part of it."""
    return (g.family == "demo" and _family(m) == "violence" and not m.actor1_explicit
            and m.cues <= _CROWD_VIOLENCE | {"riot", "intervention", "protesters"} | _context_cues())


@cache
def _context_cues() -> frozenset[str]:
    """Cues that only refine another (triggers.toml family "context": "found", "riot_police" ...)."""
    return frozenset(name for name, info in load_lexicons().cues.items() if info.family == "context")


def _same_place(g: _Group, m: EventMention, pairs: Pairs = frozenset(), towns: frozenset[str] = frozenset()) -> bool:
    """One scene: same place, a governorate and a place in it, or two known places a few km apart."""
    a, b = g.location, m.location
    if a is None or b is None:  # an unplaced mention joins an incident of its day and kind told next to it
        return any(abs(x.sentence - m.sentence) <= _UNPLACED_REACH for x in g.members)
    if a.country != b.country or a.admin1 != b.admin1:
        return False
    if not m.place_explicit or (a.place_id and a.place_id == b.place_id) or (a.name and a.name == b.name):
        return True
    if (_told_whole_apart(g, m) or _listed_apart(g, m, pairs) or _two_quarters(a, b) or _two_unknown(a, b)
            or _stands_elsewhere(a, b, towns) or _stands_elsewhere(b, a, towns)):
        return False
    if g.vague or m.place_vague:  # "near X" / "the countryside of X": still near X, not anywhere in the governorate
        if (m.place_vague and not g.vague and not m.in_title and not m.supporting and _worded(m)
                and m.sub_event_type in _FRONT_ACTS and _two_towns(a, b) and _km(a, b) > ONE_POINT_KM
                and _distance(g, m) <= _UNPLACED_REACH):
            return False  # "near X" reaches X's surroundings, not the next town told beside it (_two_towns)
        reach = max(_near_reach(a) if g.vague else 0.0, _near_reach(b) if m.place_vague else 0.0)
        return max(a.geo_precision, b.geo_precision) >= 3 or _km(a, b) <= reach
    if any(x.sentence == m.sentence for x in g.members):
        return False  # places named side by side in one sentence are distinct scenes
    return _km(a, b) <= SAME_SCENE_KM and not _two_settlements(a, b)


def _listed_apart(g: _Group, m: EventMention, pairs: Pairs = frozenset()) -> bool:
    """Places a clause names side by side are distinct scenes, one event each (codebook §1), also when
    the list is told vaguely ("نفذ التحالف غارات قرب مدن حديثة والموصل وتلعفر"): "near" reaches a place's
    surroundings, not the list's other places, and the incident holding one of them holds none of the
    others.  Only places the gazetteer knows (a word misread as a place is no scene of its own) and
    farther apart than one scene reaches (adjacent places told vaguely may be one front) — unless a dual
    noun counts them as two ("في محيط بلدتي الفوعة وكفريا"، "قرب قريتي X وY": the text itself says two
    towns, however close; ``_told_as_a_pair``)."""
    b = m.location
    return b is not None and bool(b.place_id) and any(
        x.sentence == m.sentence and x.place_explicit and x.location is not None and bool(x.location.place_id)
        and not x.location.same_place(b)
        and (_km(x.location, b) > SAME_SCENE_KM or frozenset({x.location.place_id, b.place_id}) in pairs)
        for x in g.members)


Pairs = frozenset[frozenset[str]]


def _told_as_a_pair(doc: Doc) -> Pairs:
    """The two places a dual cue names ("بلدتي الفوعة وكفريا"، "قريتي نبل والزهراء": ``place_cues.toml`` dual
    forms), as pairs of gazetteer ids."""
    duals = load_place_cues().dual_cues
    lists: dict[int, set[str]] = {}
    for rp in doc.places:
        t = rp.toponym
        if t.list_token >= 0 and t.cue in duals and rp.location is not None and rp.location.place_id:
            lists.setdefault(t.list_token, set()).add(rp.location.place_id)
    return frozenset(frozenset(ids) for ids in lists.values() if len(ids) == 2)


def _two_settlements(a: Location, b: Location) -> bool:
    """Two towns are two events (codebook §1): two settlements the gazetteer tells apart, each named as
    such, are two scenes however close their points ("قصف على بلدة تلبيسة" and "في بلدة الغنطو"); only
    a quarter or site and the settlement around it, or a district and a place in it, are one.  A district's
    seat, named like its district ("منطقة عفرين"، "قضاء الموصل"), may stand for the district: a village in
    it may be a closer look at the same scene."""
    return (a.geo_precision == 1 and b.geo_precision == 1 and bool(a.place_id) and bool(b.place_id)
            and a.place_id != b.place_id and not _names_its_district(a) and not _names_its_district(b)
            and _kind(a.place_id) in _SETTLEMENT_KINDS and _kind(b.place_id) in _SETTLEMENT_KINDS) \
        or _two_quarters(a, b)


def _two_towns(a: Location, b: Location) -> bool:
    """Two towns are two events (codebook §1), also when one is told vaguely: "near X" is coded at X with
    precision 2 (§4), so "تعرضت مناطق في محيط مدينة دوما لقصف" told next to "قصفت قوات النظام مناطق في
    مدينة حرستا" is Douma's shelling, not Harasta's.  Two settlements the gazetteer knows, each by name,
    neither standing for its district (a district seat may be a closer look at it).  ``_same_place`` applies
    it to a clause that tells its own front act (air strike, shelling, fighting: a bomb told again "near"
    the next village is the same blast) in its own words, within a sentence or two of the incident."""
    return (bool(a.place_id) and bool(b.place_id) and a.place_id != b.place_id
            and not _names_its_district(a) and not _names_its_district(b)
            and _kind(a.place_id) in _SETTLEMENT_KINDS and _kind(b.place_id) in _SETTLEMENT_KINDS)


#: Two gazetteer entries closer than this are one town listed twice ("Albu Kamal" and "Al-Bukamal").
ONE_POINT_KM = 2.0


#: Quarters of a city: a camp or a neighbourhood, each a scene of its own (not a landmark, which may lie
#: inside one).
_CITY_QUARTERS = frozenset({"neighbourhood", "camp"})


def _two_quarters(a: Location, b: Location) -> bool:
    """Two quarters of a city the gazetteer tells apart are two scenes, however close and however vaguely
    told ("على أطراف حي جوبر" and "قرب مخيم اليرموك"): "near" a quarter is not in the next one."""
    return (bool(a.place_id) and bool(b.place_id) and a.place_id != b.place_id
            and _kind(a.place_id) in _CITY_QUARTERS and _kind(b.place_id) in _CITY_QUARTERS)


def _two_unknown(a: Location, b: Location) -> bool:
    """Two places the gazetteer lacks, each standing in at the town the text places it in, are two scenes
    when the text names them apart ("قصف الطيران حي الشعار بحلب" and "استهدفت الفصائل حي الميدان بحلب": two
    quarters, whatever point they share)."""
    return (not a.place_id and not b.place_id and bool(a.name_ar) and bool(b.name_ar)
            and fold(a.name_ar) != fold(b.name_ar))


def _stands_elsewhere(unknown: Location, known: Location, towns: frozenset[str]) -> bool:
    """Two towns are two events (codebook §1): a town or village the gazetteer lacks, named as one ("بلدة
    خراب الشحم"، "قرية X": ``towns``), stands at the point of the town the text places it by ("... قرب مدينة
    درعا": at Daraa's point); a settlement the gazetteer knows at another point ("بلدة اليادودة", a few km
    off) is not where it stands, so the two are two scenes (the stand-in is a closer look only at the town
    it stands at)."""
    return (not unknown.place_id and unknown.geo_precision == 2 and fold(unknown.name_ar) in towns
            and bool(known.place_id) and known.geo_precision == 1 and _kind(known.place_id) in _SETTLEMENT_KINDS
            and _km(unknown, known) > STAND_IN_KM)


#: Place cues that name a settlement ("بلدة"، "قرية"، "مدينة"), by the first kind of place they name.
_SETTLEMENT_CUES = frozenset({"city", "town", "village"})


def _unlisted_settlements(doc: Doc) -> frozenset[str]:
    """Names of places the gazetteer lacks that the text calls a town, village or city (place_cues.toml
    cue kinds), folded."""
    cues = load_place_cues().cues
    out = set()
    for rp in doc.places:
        t = rp.toponym
        spec = cues.get(t.cue) if t.cue else None
        if (spec is not None and spec.primary in _SETTLEMENT_CUES and rp.location is not None
                and not rp.location.place_id and rp.location.name_ar):
            out.add(fold(rp.location.name_ar))
    return frozenset(out)


def _names_its_district(place: Location) -> bool:
    return bool(place.admin2) and place.name == place.admin2


def _told_whole_apart(g: _Group, m: EventMention) -> bool:
    """Two towns are two events (codebook §1): a body clause that tells a place of its own and a day of its
    own is another incident than those the incident's own clauses told, each also with a place and a day
    of its own, at another place ("تظاهر المئات الجمعة في البصرة" and "وتظاهر العشرات صباح الجمعة في
    قضاء القرنة"; "قطع متظاهرون الأحد الطريق إلى منفذ الشلامجة" and "تجمع محتجون عند حقل نهر بن عمر
    الأحد"), however close their points (a place the gazetteer lacks stands at its town's point).  Still
    one incident: a quarter or site inside the settlement told with it (a closer look at one scene), and a
    clause that names the act told before ("وأوضح مصدر أن الهجوم وقع الأحد في قضاء المقدادية"); a
    headline tells no incident of its own."""
    place = m.location
    whole = ((m.date_explicit or _stated_day(m)) and m.place_explicit and not m.place_vague and not m.in_title
             and not m.names_told_act and place is not None)
    own = [x for x in g.members if x.date_explicit and x.place_explicit and not x.in_title and not x.supporting]
    return whole and bool(own) and all(
        x.location is not None and place is not None and not x.names_told_act
        and not _inside(place, x.location) and not _inside(x.location, place) for x in own)


def _distance(g: _Group, m: EventMention) -> int:
    """Sentences between ``m`` and the incident's nearest mention; the copies of ``m`` for the other
    places of its own sentence's list do not count (each goes to its own place)."""
    others = [abs(x.sentence - m.sentence) for x in g.members if x.sentence != m.sentence]
    return min(others, default=0)


def _same_scene(a: Location | None, b: Location | None) -> bool:
    """The very place, or a district and a place in it ("قضاء بيجي" and "بيجي"); two towns a few km
    apart are two scenes."""
    if a is None or b is None:
        return False
    if a.same_place(b):
        return True
    same_district = bool(a.admin2) and a.admin2 == b.admin2 and a.admin1 == b.admin1
    return same_district and max(a.geo_precision, b.geo_precision) >= 2


def _at(g: _Group, place: Location | None) -> bool:
    """The incident is at this very place."""
    return g.location is not None and place is not None and g.location.same_place(place)


def _closer_quarter(doc: Doc, g: _Group) -> Location | None:
    """The record names the most specific place the text gives for the incident (codebook §4), even
    when the gazetteer knows only the settlement or district around it.  A quarter or village it does
    not list ("حي المغاير في حلب"، "منطقة الزهور بالموصل"، "قرية الحمامات قرب تلعفر") stands at that
    parent's point with precision 2 (resolve._stand_in), so it never reads as finer than the parent and
    the group keeps the parent for joining clauses; but told of this incident at that point, wherever
    the parent is named (headline or body), it is the closer look the record names: its own name, with
    the parent's point, admin levels and precision 2 (codebook §4: the point stands in for its own)."""
    old = g.location
    if old is None or _kind(old.place_id) not in _PARENT_KINDS:
        return None
    return next((m.location for m in sorted(g.members, key=lambda m: m.sentence)
                 if m.location is not None and m.place_explicit and not m.supporting and not m.location.place_id
                 and m.location.name != old.name and m.location.admin1 == old.admin1
                 and _km(m.location, old) < STAND_IN_KM and _a_part_of(doc, m.location)), None)


def _a_part_of(doc: Doc, place: Location) -> bool:
    """A stand-in names a quarter or settlement there when a cue introduces it as a place of its own
    (حي، منطقة، قرية، بلدة: a cue of precision 1, not a facility or landform "at" a place: "مطار
    عسكري"، "هضبة الجولان").  Names of quarters and villages recur from place to place (الزهور، البساتين،
    الحضر), so after a cue that names only those (حي، ساحة، قرية، مخيم) places so called elsewhere say
    nothing; after another cue a name the gazetteer knows only in other governorates is one of those
    places, not a part of this one ("منطقة كوي سنجق" in Erbil، "بلدة سروج" in Turkey، "حقول النفط").  A name the
    gazetteer lacks that the text places by a direction from a place it knows ("في الصواغية شرقي الفوعة",
    toponyms._located_unknown) is a place of its own too.  Any of the toponyms so placed may tell it: the
    same name told twice ("في الصواغية شرقي الفوعة ... في منطقة الصواغية") is one place."""
    return any(_names_a_part(rp.toponym, place) for rp in doc.places if rp.location == place)


def _names_a_part(named: Toponym, place: Location) -> bool:
    if not named.cue:
        return not named.candidates and bool(named.part) and named.role == "event"
    spec = load_place_cues().cues.get(named.cue)
    if spec is None or spec.precision != 1:
        return False
    return spec.kinds <= _RECURRING_KINDS or not named.candidates or any(
        c.admin1 == place.admin1 and c.country == place.country for c in named.candidates)


#: A place this close to its settlement's point stands at that point (no coordinates of its own).
STAND_IN_KM = 0.5
#: The places an unlisted quarter or village is placed under: a settlement, a district or
#: sub-district (whose point is its seat's: "قرية الحمامات قرب تلعفر"), or a larger quarter that
#: holds quarters of its own ("حي المغاير الشعبي في حلب القديمة").
_PARENT_KINDS = _SETTLEMENT_KINDS | {"district", "subdistrict", "neighbourhood"}
#: Kinds of place whose names recur from one settlement or district to the next.
_RECURRING_KINDS = _QUARTER_KINDS | {"village", "town"}


def _km(a: Location, b: Location) -> float:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return float("inf")
    return haversine_km((a.latitude, a.longitude), (b.latitude, b.longitude))


def _event(doc: Doc, g: _Group, body_counts: set[str]) -> Event:
    """The event of one incident; ``body_counts`` names the tolls the article's body states for any."""
    sub_event = _merged_type(g)
    own = [m for m in sorted(g.members, key=lambda m: m.sentence) if m.sub_event_type == sub_event]
    if sub_event == _SHELLING and _struck_from_the_air(doc, g):
        sub_event = "Air/drone strike"
    # a headline that sums up or recalls (a running total: supporting) does not lead the incident the body tells
    lead = next((m for m in own if not (m.supporting and m.in_title)), own[0])
    actor1, actor2 = _merged_actors(g, lead)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name:
        actor2 = None
    if sub_event == "Peaceful protest":
        actor2 = None  # one-sided (codebook §3): the police present at a peaceful protest are no party to it
    if sub_event in ("Violent demonstration", "Mob violence") and actor1 and actor1.inter == 6:
        actor1 = Actor("Rioters", 5)
    claimed: tuple[Actor, Evidence] | None = None
    if g.family == "violence" and (actor1 is None or actor1.name == UNIDENTIFIED.name):
        claimed = claimant(doc)
        actor1 = claimed[0] if claimed else actor1
    actor1 = actor1 or UNIDENTIFIED
    # the incident's striker fights here only from the air: what its clauses tell is an air strike unless one
    # tells fighting on the ground (classify.by_initiator), whichever clause named the striker
    sub_event = by_initiator(sub_event, frozenset().union(*(m.cues for m in g.members if _family(m) == g.family)),
                             air_power(actor1))
    parties = frozenset(a.name for a in (actor1, actor2) if a is not None)
    parts = _subsets_told(doc, g)
    fatalities = _merged_toll(g, "fatalities", "fatalities" in body_counts, parties, parts)
    injured = _merged_toll(g, "injured", "injured" in body_counts, parties, parts)
    if sub_event in _NO_TOLL:
        fatalities = injured = 0  # deaths told with an arrest belong to the attack it answers
    if _suicide_told(g, sub_event) and not _attackers_counted(g, actor1):
        fatalities += _bombers(doc, g)
    location = _closer_quarter(doc, g) or g.location or Location(country="", admin1="")
    evidence, basis = _evidence(doc, g, actor1, actor2, location, fatalities, injured, claimed)
    if actor2 is not None and "actor2" not in evidence:
        actor2 = None  # a default from a headline of another kind: nothing in the text names it
    return Event(
        article_id=doc.article.id, event_date=g.day, time_precision=g.precision,
        event_type=EVENT_TYPES[sub_event], sub_event_type=sub_event,
        actor1=actor1, actor2=actor2, location=location,
        fatalities=fatalities, injured=injured, evidence=evidence, basis=basis,
        source=doc.article.outlet,
    )


def _evidence(doc: Doc, g: _Group, actor1: Actor, actor2: Actor | None, location: Location, fatalities: int,
              injured: int, claimed: tuple[Actor, Evidence] | None) -> tuple[dict[str, list[Evidence]], dict[str, str]]:
    """Each field's spans, taken from the mentions that support its final value; where a value rests on
    a rule of the codebook rather than on words, ``basis`` says which."""
    members = sorted(g.members, key=lambda m: m.sentence)
    own = [m for m in members if _family(m) == g.family]
    ev: dict[str, list[Evidence]] = {"trigger": _spans(own, "trigger")}
    basis: dict[str, str] = {}
    ev["actor1"] = _spans([m for m in members if m.actor1 == actor1 and m.actor1_explicit], "actor1")
    if claimed and not ev["actor1"]:
        ev["actor1"] = [claimed[1]]
    if actor2 is not None:
        ev["actor2"] = _spans([m for m in members if m.actor2 == actor2], "actor2")
        if not ev["actor2"] and actor2.inter == 7:
            ev["actor2"] = ev["trigger"][:1]
            basis["actor2"] = ("not named in the text: people arrested as no armed group's members are civilians"
                               if _merged_type(g) == "Arrests" else
                               "not named in the text: an attack on unarmed people targets civilians (codebook §2)")
        elif not any(m.actor2_explicit for m in members if m.actor2 == actor2):
            basis["actor2"] = "not named in the text: a demonstration's dead or wounded imply the police (codebook §3)"
    ev["location"] = _spans([m for m in members if m.location and m.location.name == location.name], "location")
    ev["date"] = _spans([m for m in members if m.date_explicit and m.event_date == g.day], "date")
    counted = [m for m in members if not m.supporting]
    if fatalities:
        ev["fatalities"] = _spans(counted, "fatalities")
    if injured:
        ev["injured"] = _spans(counted, "injured")
    if not ev["actor1"]:
        ev["actor1"] = ev["trigger"][:1]
        basis["actor1"] = "not named in the text: the codebook's default for this kind of event"
    stated = [m for m in members if not m.date_explicit and m.event_date == g.day and "date" in m.evidence]
    if not ev["date"] and g.date_from is None and stated:
        ev["date"] = _spans(stated, "date")
        basis["event_date"] = "the day of the statement that reports it: the text gives no day of its own"
    elif not ev["date"] and g.date_from is not None:
        ev["date"] = _spans([m for m in g.date_from.members if m.event_date == g.day], "date")
        basis["event_date"] = "no day in its own words: the day of the incident told just before it"
    elif not ev["date"] and g.day is None:
        basis["event_date"] = "unknown: the text gives no day for this event and the publication date is unknown"
    elif not ev["date"]:
        basis["event_date"] = "publication date: the text gives no day for this event"
    if fatalities and not ev.get("fatalities"):
        ev["fatalities"] = ev["trigger"][:1]
        basis["fatalities"] = "the suicide attacker, counted among the dead (codebook §6)"
    return {k: v for k, v in ev.items() if v}, basis


def _spans(members: list[EventMention], field_name: str) -> list[Evidence]:
    out: list[Evidence] = []
    for m in members:
        for span in m.evidence.get(field_name, ()):
            if span not in out:
                out.append(span)
    return out


#: Cues that make a mention's type specific: a battle needs fighting words, a bombing its weapon.
_DEFINING_CUES = {
    "Battles": {"clash", "territory", "confront"},
    "Explosions/Remote violence": {"air", "strike", "bombard", "shelling", "artillery", "suicide", "ied", "explosion",
                                   "grenade", "chemical"},
}


def _defines(m: EventMention) -> bool:
    """Whether the mention's own words fix its type: a battle's fighting words or a fight between armed
    forces and the state's, a bombing's weapon, any other type's cues."""
    if _DEFINING_CUES.get(m.event_type, m.cues) & m.cues:
        return True
    inters = {a.inter for a in (m.actor1, m.actor2) if a is not None}
    # the state's forces named with an armed ally beside them ("قوات النظام ومقاتلون من حزب الله"): a camp at war
    return m.event_type == "Battles" and ((1 in inters and bool(inters & {2, 3, 4})) or m.allied_side)


def _merged_type(g: _Group) -> str:
    """The group's type: the highest priority among the mentions whose own words define it."""
    members = [m for m in g.members if _family(m) == g.family]  # a headline of another kind adds no type
    if g.family == "demo":  # a background's or a running total's violence is not this protest's
        told = [m for m in members if not m.supporting] or members
        return min({m.sub_event_type for m in told}, key=_DEMO_RANK.index)
    placed = [m for m in members if m.location is not None] or members
    defined = {m.sub_event_type for m in placed if not m.supporting and _defines(m)}
    types = defined or {m.sub_event_type for m in placed}
    chosen = min(types, key=PRIORITY.index)
    if chosen == _SHELLING and _aircraft_named(members, placed):
        return "Air/drone strike"
    return chosen


_SHELLING = "Shelling/artillery/missile attack"


#: Places precise enough that two clauses naming one tell of the same target.
_SPOTS = frozenset({"village", "town", "neighbourhood", "camp", "landmark"})


def _struck_from_the_air(doc: Doc, g: _Group) -> bool:
    """A bombardment with no weapon named ("مستشفيات صيدا والجيزة والمسيفرة تعرضت للقصف مساء الثلاثاء") of a
    village, a quarter or a site that another clause of the article says aircraft struck ("أغارت طائرات روسية
    على مستشفى المسيفرة") is that air strike, told without its weapon, even where the two clauses were not
    joined into one incident; a ground weapon named in the incident ("قذائف"، "المدفعية") keeps it shelling."""
    if any(m.cues & {"shelling", "artillery", "warship"} for m in g.members):
        return False
    spots = {m.location.place_id for m in g.members if m.location is not None and m.location.place_id
             and _kind(m.location.place_id) in _SPOTS}
    return bool(spots) and any(
        m.sub_event_type == "Air/drone strike" and m.cues & {"air", "aircraft"} and not m.supporting
        and m.location is not None and m.location.place_id in spots for m in doc.mentions)


def _aircraft_named(members: list[EventMention], placed: list[EventMention]) -> bool:
    """A bombardment whose weapon is not said ("واستهدف القصف مقار التنظيم في هجين") is the air strike the
    incident's other sentences tell ("نفذت مقاتلات عراقية غارات"): the named weapon specifies the
    generic word, wherever it is told; a ground weapon named in a placed mention keeps it shelling."""
    ground = any(m.cues & {"shelling", "artillery"} for m in placed if m.sub_event_type == _SHELLING)
    return not ground and any(m.sub_event_type == "Air/drone strike" and not m.supporting for m in members)


def _merged_actors(g: _Group, lead: EventMention) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 of the incident, from the clause that tells the act most explicitly.

    The incident's target is the one its own clauses state: the lead's (the first clause of the
    incident's own type), else the first another clause of that type tells of this incident.
    actor1 is the lead's agent when it names one, unless a frame of the lead does not state it (a side
    named near the act, the agent only by the codebook's priors) and another clause of the same type
    states its agent in a frame (subject of an active verb, after على يد، من قبل، بنيران): a stated
    agent beats a guessed one (not civilians, who never carry out political violence; not the side the
    lead names as the target: a reversal is a fight back,
    told of the same fight; not in a demonstration or an agreement, whose sides are not agent and
    patient).  Else, of the clauses that name an agent: one that
    tells the incident's pair outranks one that tells another (its agent is that target, or it strikes
    someone else: a counter-attack, a reprisal); one that tells this incident outranks a running total's
    or an aside's (background clauses tell earlier incidents: who did those did not do this one); one of
    the body outranks a headline's (a headline names a side loosely); one that states whom the agent
    struck or fought outranks one that names the agent alone; among equals the first.  A side the text
    names outranks a codebook default.
    actor2: the incident's target when the chosen clause tells another pair; else the target that clause
    states (a pair told in one frame); else the first stated by another clause of the incident, never
    actor1 itself nor a running total's target (it sums up more than this incident); else the first
    codebook default."""
    members = sorted(g.members, key=lambda m: m.sentence)
    named = [m for m in members if m.actor1 is not None and m.actor1_explicit and not (m.supporting and m.background)
             and not (m.supporting and not m.actor1_framed and not lead.actor1_explicit
                      and m.actor1.inter == _STATE_INTER)]
    target = lead.actor2 if _states_target(lead) else next(
        (m.actor2 for m in members if _states_target(m) and m.sub_event_type == lead.sub_event_type
         and not m.supporting), None)
    teller = lead
    if lead.actor1_explicit:
        teller = _told_by_most(named, lead)
    if teller is lead and lead.actor1_explicit and not lead.actor1_framed and g.family == "violence":
        teller = next((m for m in named if m.actor1_framed and not m.supporting
                       and m.sub_event_type == lead.sub_event_type and m.actor1 not in (lead.actor1, lead.actor2)
                       and m.actor1 is not None and m.actor1.inter != _CIVILIAN_INTER),
                      lead)
    if named and not lead.actor1_explicit:
        teller = min(named, key=lambda m: (_other_pair(m, target), m.supporting, m.in_title, not _states_target(m),
                                           m.sentence))
    actor1 = teller.actor1
    if target is not None and target != actor1 and _other_pair(teller, target):
        return actor1, target
    if _states_target(teller) and teller.actor2 != actor1:
        return actor1, teller.actor2
    actor2 = next((m.actor2 for m in members if _states_target(m) and not m.supporting and m.actor2 != actor1),
                  teller.actor2)
    if actor2 is None:  # no clause names one: the first default
        actor2 = next((m.actor2 for m in members if m.actor2 is not None and not m.supporting), None)
    return actor1, actor2


#: The interaction code of state forces: named without a role in an aside to an incident whose own clauses name
#: no agent ("وقالت الشرطة إن قوات الجيش تبحث عن مطلقي الصواريخ"، "وطالب نائب القوات الأمنية بالضرب بيد من حديد"),
#: they are who answers the incident (hunting, guarding, asked to act), not who did it: the codebook's default stands.
_STATE_INTER = 1
#: The interaction code of civilians (codebook §2): never the agent of political violence.
_CIVILIAN_INTER = 7
#: How many of an incident's clauses must name one agent to outvote the one its lead names.
AGENT_MAJORITY = 3


def _told_by_most(named: list[EventMention], lead: EventMention) -> EventMention:
    """The clause of the agent the incident's clauses tell most, when at least ``AGENT_MAJORITY`` of
    them (not running totals) name it and fewer name the lead's: a lead (often the headline or a first
    sentence) names a side loosely, the body repeats who did it; else the lead."""
    votes = Counter(m.actor1.name for m in named if not m.supporting and m.actor1 is not None)
    top = votes.most_common(1)
    if lead.actor1 is None or not top or top[0][1] < AGENT_MAJORITY or votes[lead.actor1.name] >= top[0][1]:
        return lead
    return next(m for m in named if not m.supporting and m.actor1 is not None and m.actor1.name == top[0][0])


def _other_pair(m: EventMention, target: Actor | None) -> bool:
    """The clause tells another pair than the incident's, whose target is ``target``: the clause's agent
    is that target, or it strikes someone else."""
    if target is None:
        return False
    return m.actor1 == target or (_states_target(m) and m.actor2 != target)


def _states_target(m: EventMention) -> bool:
    """The clause names whom its act struck or fought (not a codebook default such as the police a
    riot's casualties imply)."""
    return m.actor2 is not None and m.actor2_explicit


def _body_tells(doc: Doc, field_name: str) -> bool:
    """Whether the article's body states a count of this kind for any incident."""
    return any(getattr(m, field_name) is not None and not m.in_title and not m.supporting for m in doc.mentions)


def _suicide_told(g: _Group, sub_event: str) -> bool:
    """A suicide attack is part of the incident: its type, or a clause of it of a violent kind that tells one
    ("اقتحم مسلحان مبنى المحافظة ... ونفذ أحدهما تفجيرا انتحاريا": an armed clash in which a bomber died)."""
    return sub_event == "Suicide bomb" or (EVENT_TYPES[sub_event] in ("Battles", "Explosions/Remote violence") and any(
        "suicide" in m.cues and not m.supporting and m.sub_event_type in (sub_event, "Suicide bomb")
        for m in g.members))


def _attackers_counted(g: _Group, attacker: Actor) -> bool:
    """The dead counted include the attacker's own ("قتل 28 عنصرا من الفصائل وداعش"، "مقتل 9 من عناصر
    التنظيم"): the bombers are among them already (codebook §6)."""
    return any(m.fatalities and attacker.name in m.victims[0].split("+")
               for m in g.members if not m.supporting and not m.in_title)


def _bombers(doc: Doc, g: _Group) -> int:
    """The suicide attackers the incident's sentences count (toll.py "attackers"; 0: among its dead
    already), else one (codebook §6)."""
    sentences = {m.sentence for m in g.members}
    told = [t.value for t in doc.tolls if t.kind == "attackers" and t.sentence in sentences]
    return SUICIDE_BOMBERS if not told else (0 if 0 in told else max(told))


def _subsets_told(doc: Doc, g: _Group) -> dict[int, set[int]]:
    """For each sentence of the incident that counts its dead or wounded, the counts it tells as a part of
    them ("مقتل 43 مدنيا في عفرين، بينهم 16 مدنيا جراء غارة استهدفت المشفى": 16)."""
    lex = load_lexicons()
    out: dict[int, set[int]] = {}
    for sentence in {m.sentence for m in g.members if m.fatalities or m.injured}:
        s = doc.sentences[sentence]
        for word in doc.sentence_entries(s, "casualty", "loose_casualty"):
            if word.payload.label == "subset" and word.last < s.last_token:
                number = read_number(doc.tokens, word.last, lex)
                if number is not None and number.exact:
                    out.setdefault(sentence, set()).add(number.value)
    return out


def _merged_toll(g: _Group, field_name: str, body_tells: bool = True, parties: frozenset[str] | None = None,
                 parts: dict[int, set[int]] | None = None) -> int:
    """The counts told of the incident combined (toll.combine): per group of people the lowest stated
    count, without one the vague count; the dead of the incident's parties told apart add up (codebook
    §6, all sides); else 0.  Running totals and background count nothing: they sum up more than this
    incident.  A headline's toll may sum up several incidents or belong to another: it counts only when
    the body states none at all."""
    def told(members: list[EventMention]) -> list[EventMention]:
        return [m for m in members if getattr(m, field_name) is not None and not m.supporting]

    counted = told([m for m in g.members if not m.in_title])
    if not counted and not body_tells:
        counted = told([m for m in g.members if m.in_title])
    # a share of a count told for several governorates or areas at once is only an estimate of this
    # incident's part; a count told of it at a place of its own is its toll, higher or lower ("قتل 30 مدنيا
    # في محافظتي إدلب وحلب" shares 15 to each; "أسفرت ضربات جوية على بلدة أورم الكبرى عن مقتل 18 مدنيا" is
    # the Aleppo incident's own count, 18)
    if any(not m.toll_shared and m.place_explicit and not m.place_vague for m in counted):
        counted = [m for m in counted if not m.toll_shared]
    # a count told elsewhere as a part of a larger count of the incident ("مقتل 43 بينهم 16 جراء غارة على المشفى"
    # then "وقتل 16 مدنيا في غارة استهدفت المشفى") is that part told again, not another estimate of the whole
    counted = [m for m in counted if not any(
        getattr(m, field_name) in values and any(x.sentence == sentence and (getattr(x, field_name) or 0) >
                                                 (getattr(m, field_name) or 0) for x in counted)
        for sentence, values in (parts or {}).items() if sentence != m.sentence)] or counted
    which = 0 if field_name == "fatalities" else 1
    # a raised figure ("ارتفعت حصيلة القتلى إلى 22") is the toll's latest: it replaces the counts told before
    counted = [m for m in counted if m.raised[which]] or counted
    figures = [(m.victims[which], getattr(m, field_name), m.toll_exact if which == 0 else m.injured_exact)
               for m in counted]
    combined = combine(figures, parties)
    return combined[0] if combined is not None else 0
