"""Toponym resolution: rank each toponym's candidates with the whole document as context.

A candidate's score is the prior of its kind (a city before a village, see
``place_cues.toml [weights]``) plus the evidence for it:

* the cue noun fits its kind (محافظة → governorate, قرية → village) or does not;
* an explicit parent (X في محافظة Y, X التابعة لقضاء Y, Y - X) contains it or does not;
* the document names its governorate or district elsewhere, and is about its country;
* its name is also an ordinary word, or it is a village with neither cue nor context (penalties).

The best candidate is chosen when it reaches ``accept``; otherwise the toponym is "none".
A governorate that shares its name with its capital (البصرة، كركوك، إدلب) is the city unless
a cue says "محافظة"/"ريف" or the document speaks of "محافظة X"/"ريف X" and never "مدينة X".

geo_precision (codebook §4): 1 for a settlement, neighbourhood or landmark itself; 2 for a
district, sub-district or region, for a place "near"/"south of" X, and for a facility at X
(مطار، حقل); 3 for a governorate (its capital's coordinates).  A name the gazetteer lacks
(قرية الزركة بأطراف طوز خورماتو) is placed at its parent, or failing that at the nearest place of
the same sentence or the document's main governorate: admin1/admin2 and coordinates of that
place, name transliterated, precision 2 (near that place, even when it is a governorate and its
point the capital's: the village itself is a small place, only its position is approximate).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from marsad.geo.countries import clause_country, country_marks, country_matches
from marsad.geo.cues import CueSpec, in_word_list, is_ambiguous, load_place_cues
from marsad.geo.gazetteer import Gazetteer, Place
from marsad.geo.toponyms import (
    MAJOR_KINDS,
    MINOR_KINDS,
    Toponym,
    find_toponyms,
    unique_village,
    unit_in_clause_country,
)
from marsad.geo.translit import transliterate
from marsad.model import Location
from marsad.text.normalise import NormalisedText, fold, normalise
from marsad.text.tokens import strip_article, tokenise

AREA_KINDS = frozenset({"district", "subdistrict", "region"})
_SENTENCE_END = re.compile(r"[.!?؟\n؛]")


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A toponym and the place it was resolved to."""

    toponym: Toponym
    place: Place | None  # chosen entry; None when unknown or none
    location: Location | None  # ready for an event; None = cannot be placed even at governorate level
    score: float
    ranked: tuple[tuple[Place, float], ...]  # candidates with scores, best first
    span: tuple[int, int] = (0, 0)  # what names the place in the normalised text (the evidence span)


@dataclass(slots=True)
class _Context:
    """What the document as a whole says about where it is."""

    admin1: dict[str, Counter[str]]  # per name: the governorates its strong candidates vote for
    admin2: dict[str, Counter[str]]
    total1: Counter[str]
    total2: Counter[str]
    country: str  # "" when unclear
    gov_cued: set[str]  # names seen after محافظة/ريف
    city_cued: set[str]  # names seen after مدينة
    reference: dict[int, bool]  # first token of a toponym → it is a "near"/direction reference point
    countries_named: set[str]  # countries whose governorates the strong toponyms vote for
    country_worded: set[str]  # countries whose country words ([country] of place_cues.toml) the text uses
    local: dict[int, str] = field(default_factory=dict)  # toponym index → the country its own clause names
    text: str = ""  # the normalised text

    def country_of(self, i: int) -> str:
        """The country toponym ``i`` is read in: its clause's own country words, else the document's."""
        return self.local.get(i, self.country)

    def support(self, name: str, admin1: str, admin2: str) -> tuple[float, float]:
        """How much the toponyms with other names vote for ``admin1`` and ``admin2`` (a name repeated
        three times must not vouch for itself)."""
        a1 = self.total1[admin1] - self.admin1[name][admin1]
        a2 = self.total2[admin2] - self.admin2[name][admin2] if admin2 else 0.0
        return a1, a2


def _name_key(t: Toponym) -> str:
    return strip_article(t.name)


def _votes(t: Toponym, ambiguous: frozenset[str]) -> tuple[Counter[str], Counter[str]]:
    strong = [p for p in t.candidates if p.kind in MAJOR_KINDS]
    if not strong or is_ambiguous(t.name, t.candidates, ambiguous):
        return Counter(), Counter()
    a1 = {p.admin1 for p in strong}
    a2 = {p.admin2 for p in strong if p.admin2}
    return Counter({a: 1 / len(a1) for a in a1}), Counter({a: 1 / len(a2) for a in a2})


def _context(toponyms: list[Toponym], text: str) -> _Context:
    ambiguous = load_place_cues().ambiguous
    by1: dict[str, Counter[str]] = {}
    by2: dict[str, Counter[str]] = {}
    total1: Counter[str] = Counter()
    total2: Counter[str] = Counter()
    countries: Counter[str] = Counter()  # a place that is major in a country votes half
    for t in toponyms:
        a1, a2 = _votes(t, ambiguous)
        by1.setdefault(_name_key(t), Counter()).update(a1)
        by2.setdefault(_name_key(t), Counter()).update(a2)
        total1.update(a1)
        total2.update(a2)
        for c in {p.country for p in t.candidates if p.kind in MAJOR_KINDS}:
            countries[c] += 0.5  # type: ignore[assignment]  # Counter takes any number
    worded: set[str] = set()
    for code, spans in country_matches(text).items():
        found = len(spans)
        countries[code] += found
        if found:
            worded.add(code)
    ranked = countries.most_common(2)
    clear = ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
    country = ranked[0][0] if clear else ""
    gov = {_name_key(t) for t in toponyms if t.cue in ("محافظه", "ريف", "محافظات", "محافظتي")}
    city = {_name_key(t) for t in toponyms if t.cue in ("مدينه", "مدن", "مدينتي")}
    reference = {t.first_token: t.relation == "near" for t in toponyms}
    named = {p.country for t in toponyms for p in t.candidates if p.kind in MAJOR_KINDS and total1[p.admin1] > 0}
    local = _local_countries(toponyms, text, country)
    return _Context(by1, by2, total1, total2, country, gov, city, reference, named, worded, local, text)


def _local_countries(toponyms: list[Toponym], text: str, country: str) -> dict[int, str]:
    """The country each toponym's own clause names, where it differs from the document's.

    Local evidence outweighs the document's dominant country: a place followed by a country or
    region word ("كويسنجق في إقليم كردستان"، "قرب الموصل والرمادي في العراق") or told in one clause with
    a force that fights in one country only ("صدت البيشمركة هجوما على قرية ..."، "قصفت قوات النظام بلدة
    ...") lies in that country, even in an article about another (a round-up of Syria and Iraq does not
    pull one country's towns into the other).  The clause runs between commas and sentence ends; a
    country word after the place in its clause comes first ("X وY في العراق"), then the nearest before
    it; a clause with none takes the sentence's country words when they all name one country.  Only a
    toponym with a namesake in that country is read in it (a "البوكمال قرب الحدود العراقية" stays in Syria).
    """
    marks = country_marks(text)
    if not marks:
        return {}
    local: dict[int, str] = {}
    for i, t in enumerate(toponyms):
        found = clause_country(t.start, t.end, text, marks)
        if found and found != country and (not t.candidates or any(p.country == found for p in t.candidates)):
            local[i] = found
    return local


def _called_small(t: Toponym) -> bool:
    """The text calls the place a village, quarter or camp ("قرية العزيزية جنوب كركوك"): it lies near the
    place it is located by, even when its only namesake in the gazetteer is a town far away."""
    spec = load_place_cues().cues.get(t.cue)
    return spec is not None and spec.primary in MINOR_KINDS


def _within(c: Place, parent: Place) -> bool:
    """Could ``c`` lie inside (or beside) the parent place?"""
    if c.admin1 != parent.admin1 or c.country != parent.country:
        return False
    if parent.kind in ("governorate", "region"):
        return True
    if parent.kind == "district" or c.kind in ("district", "governorate"):
        return not parent.admin2 or c.admin2 == parent.admin2
    if parent.kind == "subdistrict":
        return c.admin2 == parent.admin2
    return c.admin2 == parent.admin2 or _km(c, parent) <= 30


def _km(a: Place, b: Place) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


#: How far a reference point may lie from a place said to be in a given direction of it ("شمال شرقي بغداد").
_DIRECTED_KM = 150
#: How far from a reference point a place lies in any direction, however the text names its side (its outskirts).
_BESIDE_KM = 25


def _parent_score(t: Toponym, c: Place, parent: Place, ctx: _Context, w: dict[str, Any], part: str = "") -> float:
    """An explicit parent contains the candidate (X في محافظة Y) or is a reference point for it
    (X شمال Y, X بأطراف Y): inside or within 80 km fits, and so does a place up to 150 km away in the
    direction the text names ("قرية الصدور شمال شرقي بغداد" is Diyala's, not in Baghdad); a container
    elsewhere is a misfit, and so is a far reference point for a village (a town "200 كم شمال بغداد"
    may well be that far). ``part``: the direction words before the parent ("north east")."""
    if ctx.reference.get(t.parent_token, False):
        km = _km(c, parent)
        named = set(part.split()) or {t.part} - {""}  # "X شمال شرقي Y"، "X شمال Y" (a direction after X)
        if named and not _within(c, parent) and km > _BESIDE_KM and not _lies_towards(c, parent, named):
            return w["parent_misfit"]  # "الحسينية شرقي بغداد": Karbala's, 70 km to the south-west, is not meant
        if _within(c, parent) or (km <= 80 and not _lies_against(c, parent, named)) or (
                km <= _DIRECTED_KM and _lies_towards(c, parent, named)):
            return w["parent_fit"]
        if c.kind in MINOR_KINDS:
            return w["parent_misfit"]
        # a town far away is no village the text places by its direction from here: out of the running
        return 2 * w["parent_misfit"] if _called_small(t) else 0.0
    return w["parent_fit"] if _within(c, parent) else w["parent_misfit"]


def _score(i: int, t: Toponym, c: Place, ctx: _Context, parent: Place | None, part: str = "",
           directions: str = "") -> float:
    cues = load_place_cues()
    w = cues.weights
    s = w["kind_prior"][c.kind]
    curated = c.id.startswith("marsad:") and c.kind != "governorate"
    if curated:
        s += w["curated"]  # a curated region or landmark: named because the news names it
    if c.population > 10_000:
        s += w["population_bonus"] * min(3.0, math.log10(c.population / 10_000))
    spec = cues.cues.get(t.cue)
    # a facility that is a site of its own ("مطار المزة" after the Mezzeh quarter) may bear any kind of place's name
    cue_fits = spec is not None and (c.kind in spec.kinds or _facility_site(t, spec))
    if spec is not None:
        s += (w["cue_fit"] if c.kind == spec.primary else w["cue_fit"] / 2) if cue_fits else w["cue_misfit"]
        if not cue_fits and t.cue in spec.streets:
            s += w["site_misfit"]  # "شارع بغداد في دمشق": a street or square named after a city is not that city
    elif c.kind == "governorate" and _name_key(t) in ctx.gov_cued and _name_key(t) not in ctx.city_cued:
        s += 0.3  # the document speaks of "محافظة X" and never of "مدينة X"
    elif c.kind == "governorate" and any(p.kind in ("city", "town") and p.admin1 == c.admin1 for p in t.candidates):
        s += w["bare_governorate"]  # a bare "حلبجة", "البصرة" is the city
    if c.kind == "district" and not any(p.kind in ("city", "town") for p in t.candidates):
        s += w["district_seat"]
    elif c.kind == "subdistrict" and not any(p.kind in ("city", "town", "district") for p in t.candidates):
        s += w["subdistrict_seat"]  # "في بني سعد": a sub-district no town stands for is named after its seat
    if parent is not None and parent.id != c.id:
        s += _parent_score(t, c, parent, ctx, w, directions or part)
        if part:  # "ريف حلب الشرقي", "شرقي حلب": the part around the parent's point (a governorate's is its capital's)
            s += w["part_fit"] * _side(c, parent, part)
    a1, a2 = ctx.support(_name_key(t), c.admin1, c.admin2)
    local = ctx.local.get(i, "")
    if local and c.country != local:
        a1 = a2 = 0.0  # the clause names another country: the document's governorates there vouch for nothing here
    if a1 > 0:
        s += w["context_admin1"] * min(1.0, a1)
    if a2 > 0 and c.kind != "governorate":
        s += w["context_admin2"] * min(1.0, a2)
    country = ctx.country_of(i)
    if _named_site(t, spec):
        if country in ("", c.country):
            s += w["unique_village"]  # "مطار الشعيرات": the airbase named after the only Shayrat
    elif a1 <= 0 and parent is None and _misplaced(t, c, ctx, local):
        s += w["context_misfit"]
    if country:
        s += w["context_country"] if c.country == country else w["foreign"]
    named_as_kind = spec is not None and c.kind == spec.primary
    if is_ambiguous(t.name, t.candidates, cues.ambiguous) and not (t.listed and c.kind in MAJOR_KINDS) \
            and not (c.kind in ("district", "subdistrict") and spec is None
                     and unit_in_clause_country(ctx.text, t.start, t.end, t.name, t.candidates)) and (
            not cue_fits or c.kind in MINOR_KINDS and not named_as_kind):
        s += w["ambiguous"]  # an ordinary word is a village only when called one ("قرية حرية", not "قاعدة حرية")
    elif spec is not None and (spec.primary in MINOR_KINDS or spec.name == "area") \
            and c.kind not in ("governorate", "city") and c.country not in ctx.countries_named | ctx.country_worded \
            and in_word_list(t.name, cues.ambiguous):
        # "قرية السلام"، "منطقة الهلال" in a report from Korea or Libya: an ordinary word called a village
        # or an area is Iraq's or Syria's only in a document that points to that country (its country
        # words or its governorates)
        s += w["context_misfit"]
    if c.kind in MINOR_KINDS and not curated and parent is None and (spec is None or spec.primary not in MINOR_KINDS):
        if a2 <= 0 and spec is None:
            s += w["minor_unsupported"]
            if country == c.country and unique_village(t.name, t.candidates):
                s += w["unique_village"]  # "سيطرت قسد على الباغوز": the only place of that name, in the right country
        if any(p.kind in MAJOR_KINDS and (a1 <= 0 or ctx.support(_name_key(t), p.admin1, p.admin2)[0] > 0)
               for p in t.candidates):
            s += w["minor_shadowed"]  # a bare "ميسان" is the governorate, not Najaf's حي ميسان
    return round(s, 3)


def _facility_site(t: Toponym, spec: CueSpec | None) -> bool:
    """A facility that is a site of its own (``sites`` of ``[cue.facility]``: an airport)."""
    return spec is not None and spec.name == "facility" and t.cue in spec.sites


def _named_site(t: Toponym, spec: CueSpec | None) -> bool:
    """A facility named after the only place of that name ("مطار الشعيرات"، "قاعدة حميميم"، "مطار خلخلة"):
    the cue vouches for the place, whatever governorates the rest of the document names (an airbase or
    a prison is named after the village it stands by, and a cue makes even a bare word a name)."""
    return spec is not None and spec.name == "facility" and unique_village(t.name, t.candidates, named=True)


def _misplaced(t: Toponym, c: Place, ctx: _Context, local: str = "") -> bool:
    """The document points elsewhere: it names the governorate of another candidate of this name and
    not this one's, or ``c`` is a village and the document names governorates of its country, never
    its own (a Syrian article about Deir ez-Zor: its "قرية شقرا" is not the Shaqra of Daraa).  When the
    place's clause names a country (``local``), only candidates in that country point elsewhere: "سنجار
    في العراق" in an article about Idlib is not misplaced by Idlib's Sinjar."""
    name = _name_key(t)
    if any(p.admin1 != c.admin1 and (not local or p.country == local) and ctx.support(name, p.admin1, p.admin2)[0] > 0
           for p in t.candidates):
        return True
    return c.kind in MINOR_KINDS and c.country in ctx.countries_named


def _lies_towards(c: Place, centre: Place, parts: set[str]) -> bool:
    """``c`` lies in the direction the words name from ``centre``: "شمال شرقي" (north and east) takes
    a place on the north side that is not on the west side, or on the east side not on the south."""
    sides = [_side(c, centre, p) for p in parts]
    return bool(sides) and max(sides) > 0 and min(sides) >= 0


def _lies_against(c: Place, centre: Place, parts: set[str]) -> bool:
    """``c`` lies in the quarter opposite a direction the words name from ``centre`` ("الحسينية شمالي بغداد"
    is not the Husseiniya 70 km south-west of it, in Karbala): the text places it on the other side."""
    return any(_side(c, centre, p) < 0 for p in parts)


def _side(c: Place, centre: Place, part: str, slack: float = 0.03) -> int:
    """1 when ``c`` lies in the ``part`` (north/south/east/west quarter, ±45°) around ``centre``'s
    point, -1 in the opposite quarter, 0 otherwise or when it is about level with it (``slack``°)."""
    dy = c.lat - centre.lat
    dx = (c.lon - centre.lon) * math.cos(math.radians(centre.lat))
    if math.hypot(dx, dy) < slack:
        return 0
    along = {"north": dy, "south": -dy, "east": dx, "west": -dx}.get(part, 0.0)
    across = abs(dx) if part in ("north", "south") else abs(dy)
    if abs(along) <= across:
        return 0
    return 1 if along > 0 else -1


def _rank(i: int, t: Toponym, ctx: _Context, parent: Place | None,
          part: str = "", directions: str = "") -> tuple[tuple[Place, float], ...]:
    scored = [(c, _score(i, t, c, ctx, parent, part, directions)) for c in t.candidates]
    scored.sort(key=lambda x: (-x[1], -x[0].population, x[0].id))
    return tuple(scored)


def _precision(t: Toponym, place: Place) -> int:
    precision = 3 if place.kind == "governorate" else 2 if place.kind in AREA_KINDS else 1
    spec = load_place_cues().cues.get(t.cue)
    if spec is not None and place.kind != "governorate":
        precision = max(precision, spec.precision)
    if t.relation == "near":
        precision = max(precision, 2)
    return precision


def _english(t: Toponym, place_name: str, name_ar: str) -> str:
    """The English name of what the text names: "Al-Maza Airport" for "مطار المزة العسكري", a landform
    transliterated whole ("سهل الغاب" → "Sahl Al-Ghab"), else the place's own name."""
    spec = load_place_cues().cues.get(t.cue)
    if spec is None or fold(name_ar) == fold(t.name) or t.cue not in spec.sites:
        return place_name
    if not spec.english:
        return transliterate(name_ar)
    noun = spec.english.get(t.cue)
    return f"{place_name} {noun}" if noun else place_name


def _location(t: Toponym, place: Place, name_ar: str) -> Location:
    around = _around(t, place)
    if around:  # "قرب دمشق": the land around a one-city governorate lies in the governorate around it
        return Location(country=place.country, admin1=around, admin2="", admin3="",
                        name=_english(t, place.name_en, name_ar), name_ar=name_ar, latitude=place.lat,
                        longitude=place.lon, geo_precision=2, disputed=place.disputed, place_id=place.id)
    return Location(country=place.country, admin1=place.admin1,
                    admin2="" if place.kind == "governorate" else place.admin2, admin3=place.admin3,
                    name=_english(t, place.name_en, name_ar), name_ar=name_ar, latitude=place.lat, longitude=place.lon,
                    geo_precision=_precision(t, place), disputed=place.disputed, place_id=place.id)


def _around(t: Toponym, place: Place) -> str:
    """The governorate around ``place`` when the text puts the event near it (not in it, nor in a
    direction of it) and ``place`` is a one-city governorate or its city (``[surroundings]``)."""
    if t.relation != "near" or t.directions or place.kind not in ("city", "governorate", "district", "subdistrict"):
        return ""
    return load_place_cues().surroundings.get(place.admin1, "")


def _stand_in(t: Toponym, anchor: Place, name_ar: str) -> Location:
    """A name the gazetteer lacks, placed at ``anchor`` (its parent or the nearest context place):
    precision 2, "near" that place, even when the anchor is a governorate's capital."""
    precision = 2
    return Location(country=anchor.country, admin1=anchor.admin1,
                    admin2="" if anchor.kind == "governorate" else anchor.admin2,
                    admin3=anchor.admin3 if anchor.kind in ("subdistrict", "town", "village") else "",
                    name=_english(t, transliterate(t.name), name_ar), name_ar=name_ar, latitude=anchor.lat,
                    longitude=anchor.lon,
                    geo_precision=precision, disputed=anchor.disputed, place_id="")


def _stands_in(t: Toponym) -> bool:
    """An unplaced toponym is still a place when a cue introduced it (قرية الزركة: the
    gazetteer's only الزركة is elsewhere, so this village is unknown to it)."""
    spec = load_place_cues().cues.get(t.cue)
    return not t.candidates or (spec is not None and spec.unknown)


#: An aside between dashes joined to its words ("سهل الغاب -الذي تقع أجزاء منه في ريف إدلب- استعاد"): the
#: places in it describe the place before it and are no scene (a "City - Area" dash has spaces both sides).
_ASIDE = re.compile(r"(?:^|\s)-(\S[^-\n]*?\S)-(?=\s)")


def _anchor(i: int, toponyms: list[Toponym], chosen: list[Place | None], text: str, ctx: _Context) -> Place | None:
    """The place that stands in for unknown toponym ``i``: the nearest placed toponym of its sentence
    (before it, then after it), else the first place of the governorate most of the document's
    scenes are in."""
    t = toponyms[i]
    # a place whose own clause names another country than the document's stands in there ("قرية X في
    # إقليم كردستان" is not placed beside Idlib however Syrian the article), or nowhere
    home = ctx.local.get(i, "")
    usable = [j for j, p in enumerate(chosen) if p is not None and toponyms[j].role in ("event", "parent")
              and (not home or p.country == home)]
    same = [j for j in usable
            if not _SENTENCE_END.search(text[min(t.end, toponyms[j].end):max(t.start, toponyms[j].start)])]
    window = max(0, t.start - 400)
    asides = [m.span(1) for m in _ASIDE.finditer(text, window, t.start)] \
        if "-" in text[window:t.start] else []  # an aside is told between dashes: most windows have none
    before = [j for j in same if j < i and not any(a <= toponyms[j].start < e <= t.start for a, e in asides)]
    if before:
        return chosen[before[-1]]
    after = [j for j in same if j > i]
    if after:
        return chosen[after[0]]
    # "تحرير جامعة الأنبار وحي التأميم": a body named after its governorate (a university, the police
    # of X) stands in that governorate, so with no scene in the sentence it tells where the place lies
    bodies = [j for j, p in enumerate(chosen) if p is not None and toponyms[j].role == "organisation"
              and p.kind == "governorate"
              and not _SENTENCE_END.search(text[min(t.end, toponyms[j].end):max(t.start, toponyms[j].start)])]
    if bodies:
        return chosen[min(bodies, key=lambda j: abs(j - i))]
    # the governorate the document's scenes are in most (not its reporters' seats or reference points)
    main = Counter(p.admin1 for j, p in enumerate(chosen) if p is not None and j in usable).most_common(2)
    if not main or (len(main) == 2 and main[0][1] == main[1][1]):
        return None
    for j in usable:
        place = chosen[j]
        if place is not None and place.admin1 == main[0][0]:
            return place
    return None


_NISBA = re.compile(r"[ \"'«»]+(ال\w{3,}(?:ي|يه))\b")


def _named_span(t: Toponym, text: str) -> tuple[int, int]:
    """The span that names the place: the name, or after a landform cue or a facility that is a site
    of its own (``sites`` in place_cues.toml) the cue, the name and a nisba adjective ("مطار المزة
    العسكري"، "سهل الغاب"، "حوض اليرموك"): the airport or the plain is the place named, not the town it
    is named after."""
    spec = load_place_cues().cues.get(t.cue)
    if spec is None or t.cue not in spec.sites:
        return t.start, t.end
    start = text.rfind(t.cue, max(0, t.start - len(t.cue) - 4), t.start)
    if start < 0 or text[start + len(t.cue):t.start].strip(" \"'«»"):
        return t.start, t.end
    end = t.end
    adjective = _NISBA.match(text, end) if spec.name == "facility" else None
    if adjective is not None:
        end = adjective.end(1)
    return start, end


def _visible(name: str) -> str:
    """``name`` without invisible format characters (bidi marks, zero-width joiners) found inside it."""
    return "".join(ch for ch in name if unicodedata.category(ch) != "Cf")


def resolve_toponyms(toponyms: list[Toponym], text: str | NormalisedText,
                     gazetteer: Gazetteer | None = None) -> list[ResolvedPlace]:
    """Resolve every toponym of a document (the others are its context).

    ``text`` is the normalised text the toponyms were found in; given as the
    :class:`NormalisedText`, ``Location.name_ar`` is spelled as in the original text.
    """
    gz = gazetteer or Gazetteer.default()
    norm = text if isinstance(text, NormalisedText) else None
    plain: str = norm.text if norm is not None else str(text)
    accept = load_place_cues().weights["accept"]
    margin = load_place_cues().weights["tie_margin"]
    ctx = _context(toponyms, plain)
    by_token = {t.first_token: i for i, t in enumerate(toponyms)}
    parent_of = [by_token.get(t.parent_token) for t in toponyms]
    ranked: list[tuple[tuple[Place, float], ...]] = [() for _ in toponyms]
    chosen: list[Place | None] = [None] * len(toponyms)
    stands_for: list[Place | None] = [None] * len(toponyms)  # the place an unknown parent stands in at
    for i in _parents_first(parent_of):
        j = parent_of[i]
        parent = (chosen[j] or stands_for[j]) if j is not None else None
        ranked[i] = _rank(i, toponyms[i], ctx, parent, toponyms[j].part if j is not None else "",
                          toponyms[j].directions if j is not None else "")
        if parent is not None:  # a place is not in another country than the place it is named in
            ranked[i] = tuple(r for r in ranked[i] if r[0].country == parent.country)
        chosen[i] = ranked[i][0][0] if ranked[i] and ranked[i][0][1] >= accept else None
        if chosen[i] is not None and _undecided(ranked[i], margin):
            chosen[i] = None  # nothing in the text decides between same-named places: no guess
            stands_for[i] = parent or _common_unit(ranked[i], margin, gz)
        if chosen[i] is None and parent is not None and _stands_in(toponyms[i]):
            stands_for[i] = parent
    _side_by_side(toponyms, ranked, chosen, stands_for, plain, margin)
    _agree_within_lists(toponyms, ranked, chosen, stands_for, ctx.country, accept)
    out: list[ResolvedPlace] = []
    for i, t in enumerate(toponyms):
        start, end = _named_span(t, plain)
        name_ar = _visible(norm.original_text(start, end)) if norm is not None else plain[start:end]
        place = chosen[i]
        if place is not None:
            location: Location | None = _location(t, place, name_ar)
        elif (shared := stands_for[i]) is not None and ranked[i] and _undecided(ranked[i], margin):
            location = _stand_in(t, shared, name_ar)  # the unit the tied places share
        elif _stands_in(t) or ranked[i] and _undecided(ranked[i], margin):
            anchor = stands_for[i] or _anchor(i, toponyms, chosen, plain, ctx)
            location = _stand_in(t, anchor, name_ar) if anchor is not None else None
        else:
            location = None
        score = ranked[i][0][1] if ranked[i] else 0.0
        out.append(ResolvedPlace(t, place, location, score, ranked[i], (start, end)))
    return out


def _undecided(ranked: tuple[tuple[Place, float], ...], margin: float) -> bool:
    """The two best candidates are settlements of one kind class in different districts, with scores
    closer than ``margin`` ("قرية دوما" with no governorate named: Hama's or Suwayda's?)."""
    if len(ranked) < 2:
        return False
    (a, sa), (b, sb) = ranked[0], ranked[1]
    settlements = {"city", "town", "village", "neighbourhood", "camp"}
    return (sa - sb < margin and a.kind in settlements and b.kind in settlements
            and (a.admin1, a.admin2) != (b.admin1, b.admin2))


def _common_unit(ranked: tuple[tuple[Place, float], ...], margin: float, gz: Gazetteer) -> Place | None:
    """The governorate the tied best candidates share (None when they lie in different ones)."""
    top = ranked[0][1]
    tied = [p for p, s in ranked if top - s < margin]
    admin1 = {p.admin1 for p in tied}
    return gz.governorate(tied[0].admin1) if len(admin1) == 1 else None


_COORDINATION = re.compile(r"[\s،,]*و?\s*")


def _side_by_side(toponyms: list[Toponym], ranked: list[tuple[tuple[Place, float], ...]],
                  chosen: list[Place | None], stands_for: list[Place | None], text: str, margin: float) -> None:
    """"قرى المتونة شمال مدينة السويداء ودوما وتيما والشبكي": names coordinated side by side (و or a comma
    between them, no cue needed) are neighbouring places, so of same-named places that nothing else tells
    apart (``_undecided``) the one lying in the district, else in the governorate, of a place listed right
    next to it is meant."""
    for i, t in enumerate(toponyms):
        if chosen[i] is not None or not ranked[i] or not _undecided(ranked[i], margin):
            continue
        beside = [place for j in (i - 1, i + 1) if 0 <= j < len(toponyms) and (place := chosen[j]) is not None
                  and _coordinated(text, *((toponyms[j], t) if j < i else (t, toponyms[j])))]
        top = ranked[i][0][1]
        tied = [p for p, score in ranked[i] if top - score < margin]
        for unit in (lambda p: (p.admin1, p.admin2), lambda p: (p.admin1, "")):
            fits = [p for p in tied if unit(p) in {unit(q) for q in beside}]
            if fits:
                if len(fits) == 1:
                    chosen[i], stands_for[i] = fits[0], None
                break


def _coordinated(text: str, a: Toponym, b: Toponym) -> bool:
    """``b`` follows ``a`` after و or a comma and nothing else ("السويداء ودوما"، "تيما، والشبكي")."""
    gap = text[a.end:b.start]
    return bool(_COORDINATION.fullmatch(gap)) and (gap.strip() != "" or text[b.start - 1:b.start] == "و")


def _agree_within_lists(toponyms: list[Toponym], ranked: list[tuple[tuple[Place, float], ...]],
                        chosen: list[Place | None], stands_for: list[Place | None], country: str,
                        accept: float) -> None:
    """The places of one list ("مناطق باب توما، والعمارة، وضاحية حرستا") lie in one country: an item
    placed abroad takes its best candidate in the list's country, or becomes an unknown place there."""
    lists: dict[int, list[int]] = {}
    for i, t in enumerate(toponyms):
        if t.list_token >= 0:
            lists.setdefault(t.list_token, []).append(i)
    for items in lists.values():
        votes = Counter(p.country for p in (chosen[i] for i in items) if p is not None)
        if len(votes) < 2:
            continue
        top = votes.most_common()
        home = country if top[0][1] == top[1][1] and country in votes else top[0][0]
        anchor = next(p for p in (chosen[i] for i in items) if p is not None and p.country == home)
        for i in items:
            if (place := chosen[i]) is not None and place.country != home:
                ranked[i] = tuple(r for r in ranked[i] if r[0].country == home)
                chosen[i] = ranked[i][0][0] if ranked[i] and ranked[i][0][1] >= accept else None
                if chosen[i] is None and _stands_in(toponyms[i]):
                    stands_for[i] = anchor
        for i in items:  # unknown items stand in beside their list, not beside a place named abroad
            if chosen[i] is None and stands_for[i] is None and _stands_in(toponyms[i]):
                stands_for[i] = anchor


def _parents_first(parent_of: list[int | None]) -> list[int]:
    """Toponym indexes ordered so that each comes after its parent ("سوق الطيور بمنطقة الباب الشرقي
    وسط بغداد": Baghdad, then the area, then the market); a cycle is broken where it is met."""
    order: list[int] = []
    state = [0] * len(parent_of)  # 0 new, 1 in progress, 2 done
    for start in range(len(parent_of)):
        chain: list[int] = []
        i: int | None = start
        while i is not None and state[i] == 0:
            state[i] = 1
            chain.append(i)
            i = parent_of[i]
        for k in reversed(chain):
            state[k] = 2
            order.append(k)
    return order


def geocode_text(text: str, gazetteer: Gazetteer | None = None) -> list[ResolvedPlace]:
    """Normalise, tokenise, find and resolve the places of ``text`` (names as written in it)."""
    norm = normalise(text)
    tokens = tokenise(norm.text)
    gz = gazetteer or Gazetteer.default()
    return resolve_toponyms(find_toponyms(norm.text, tokens, gz, norm), norm, gz)
