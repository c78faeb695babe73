"""The records that flow through Marsad: Article → EventMention → Event → MergedEvent.

* :class:`Article` is one news document as read from a source.
* :class:`EventMention` is one incident as reported in one sentence or clause, with the
  evidence for each field (the extractor's intermediate product).
* :class:`Event` is the codebook §7 record for one article: the mentions of one incident
  in that article consolidated.  ``marsad extract`` prints these.
* :class:`MergedEvent` is an incident across articles (the store's unit, issue 4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.taxonomy import EVENT_TYPES

#: Evidence field names, in the order of codebook §7.
EVIDENCE_FIELDS = ("trigger", "actor1", "actor2", "location", "date", "fatalities", "injured")


@dataclass(frozen=True, slots=True)
class Article:
    """One news document.  ``text`` is what the extractor reads (title + blank line + body)."""

    id: str
    text: str
    title: str = ""
    published: date | None = None
    outlet: str = ""
    url: str = ""

    @classmethod
    def from_parts(
        cls, id: str, title: str, body: str, published: date | None = None, outlet: str = "", url: str = ""
    ) -> Article:
        """Build the document as codebook §8 defines it: ``title + "\\n\\n" + text``."""
        text = f"{title}\n\n{body}" if title else body
        return cls(id=id, text=text, title=title, published=published, outlet=outlet, url=url)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span ``[start, end)`` of the article text as given, and the words it covers."""

    start: int
    end: int
    text: str

    def as_pair(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, resolved against the gazetteer."""

    country: str
    admin1: str
    admin2: str = ""
    admin3: str = ""
    name: str = ""  # English, the most specific named place
    name_ar: str = ""  # as written in the article
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    disputed: bool = False
    place_id: str = ""

    @property
    def located(self) -> bool:
        return bool(self.admin1)

    def same_place(self, other: Location) -> bool:
        """The very same named place: one gazetteer id, or one name in one governorate."""
        return bool(self.place_id and self.place_id == other.place_id) or (
            self.admin1 == other.admin1 and self.name == other.name)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor and its ACLED inter code."""

    name: str
    inter: int


@dataclass(slots=True)
class EventMention:
    """One incident as one sentence or clause reports it."""

    sentence: int
    token: int  # position of its first trigger word, to find the nearest place or event
    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    location: Location | None
    event_date: date | None
    time_precision: int
    fatalities: int | None  # None: the clause states no toll
    injured: int | None
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    place_explicit: bool = False  # the clause names the place (not inherited from context)
    place_vague: bool = False  # only "near X" or a governorate: compatible with any place nearby
    date_explicit: bool = False  # the clause dates the event (not the publication day by default)
    toll_exact: bool = False  # the killed are a stated count (not "several" or a plural)
    injured_exact: bool = False  # the wounded are a stated count
    #: whether its killed / wounded count is a raised figure ("ارتفعت حصيلة القتلى إلى 20"): the latest of the toll
    raised: tuple[bool, bool] = (False, False)
    #: its counts are a share of a count told for several governorates or areas at once ("قتل 30 مدنيا في
    #: محافظتي إدلب وحلب": 15 each), no count of this incident's own (consolidate._merged_toll)
    toll_shared: bool = False
    in_title: bool = False
    actor1_explicit: bool = False
    actor1_framed: bool = False  # a frame of the clause states actor1 as the agent (not a prior's guess)
    actor2_explicit: bool = True  # False: actor2 is a codebook default the clause does not name
    allied_side: bool = False  # the clause names actor1 with an ally beside it: one armed camp at war
    supporting: bool = False  # background or running total: may add to an incident, not found one
    background: bool = False  # told as what had happened before ("وكان ..."، "منذ")
    redates: bool = False  # only dates what was told ("مقتل المسلحين كان في 12 يونيو")
    names_told_act: bool = False  # its act is named definitely, as one told before ("الهجوم"، "الغارة")
    another_act: bool = False  # its act is named as one more ("عبوة ثانية"، "هجوم آخر"): not the one told before
    cues: frozenset[str] = frozenset()  # the cue names that typed it (triggers.toml)
    #: whose dead and whose wounded it counts (toll.py ``Figure`` groups: "" unnamed, "*" several groups)
    victims: tuple[str, str] = ("", "")

    @property
    def event_type(self) -> str:
        return EVENT_TYPES[self.sub_event_type]


@dataclass(slots=True)
class Event:
    """The codebook §7 record for one incident reported in one article."""

    article_id: str
    event_date: date | None  # None: the text gives no day and the publication date is unknown
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: Actor
    actor2: Actor | None
    location: Location
    fatalities: int
    injured: int
    evidence: dict[str, list[Evidence]]
    notes: str = ""
    source: str = ""
    basis: dict[str, str] = field(default_factory=dict)  # fields that rest on a codebook rule, not on words

    @property
    def disorder_type(self) -> str:
        return disorder_type(self.event_type, self.sub_event_type)

    @property
    def interaction(self) -> int:
        return interaction(self.actor1.inter, self.actor2.inter if self.actor2 else None)

    @property
    def civilian_targeting(self) -> bool:
        return bool(self.actor2 and self.actor2.inter == 7 and self.event_type != "Strategic developments")

    def to_record(self) -> dict[str, Any]:
        """The JSON object of codebook §7 (key order as there)."""
        loc = self.location
        record: dict[str, Any] = {
            "article_id": self.article_id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "time_precision": self.time_precision,
            "disorder_type": self.disorder_type,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1.name,
            "inter1": self.actor1.inter,
            "actor2": self.actor2.name if self.actor2 else "",
            "inter2": self.actor2.inter if self.actor2 else 0,
            "interaction": self.interaction,
            "civilian_targeting": self.civilian_targeting,
            "country": loc.country,
            "admin1": loc.admin1,
            "admin2": loc.admin2,
            "admin3": loc.admin3,
            "location": loc.name,
            "location_ar": loc.name_ar,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
            "geo_precision": loc.geo_precision,
            "disputed": loc.disputed,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "evidence": {k: [e.as_pair() for e in v] for k, v in self.evidence.items() if v},
            "notes": self.notes,
        }
        if self.basis:
            record["basis"] = dict(self.basis)
        if not loc.located:
            record["unlocated"] = True
        if self.source:
            record["source"] = self.source
        return record


@dataclass(slots=True)
class MergedEvent:
    """One incident across articles: the consolidated event and the per-article records."""

    event_id: str
    event: Event
    members: list[Event]
    sources: list[str]

    @property
    def article_ids(self) -> list[str]:
        return [m.article_id for m in self.members]


_DEMONSTRATION_VIOLENCE = {"Protest with intervention", "Excessive force against protesters", "Mob violence"}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """Codebook §2: the disorder type that follows from the event and sub-event type."""
    if sub_event_type in _DEMONSTRATION_VIOLENCE:
        return "Political violence; Demonstrations"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def interaction(inter1: int, inter2: int | None) -> int:
    """Codebook §7: the two inter codes, lower first; 10·inter1 without a second actor."""
    if not inter2:
        return inter1 * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
