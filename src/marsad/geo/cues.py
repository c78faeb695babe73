"""The geocoder's Arabic place words, loaded and validated from ``data/lexicons/place_cues.toml``.

One :class:`WordIndex` holds every cue noun, relation, role and country word with a
:class:`Word` payload, so a single scan of a document's tokens finds them all.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from marsad.errors import DataFileError
from marsad.geo.index import WordIndex
from marsad.text.normalise import fold

PATH = "marsad/data/lexicons/place_cues.toml"
KINDS = ("governorate", "district", "subdistrict", "city", "town", "village", "neighbourhood", "camp",
         "landmark", "region")
WEIGHT_KEYS = ("accept", "population_bonus", "cue_fit", "cue_misfit", "parent_fit", "parent_misfit",
               "context_admin1", "context_admin2", "context_country", "ambiguous", "minor_unsupported",
               "minor_shadowed", "curated", "foreign", "bare_governorate", "district_seat", "context_misfit",
               "tie_margin", "unique_village", "part_fit", "subdistrict_seat", "site_misfit")


@dataclass(frozen=True, slots=True)
class CueSpec:
    """A cue noun family of ``[cue.NAME]``."""

    name: str
    primary: str  # the kind the cue names first (قضاء → district): full cue_fit; the other kinds half
    kinds: frozenset[str]
    precision: int  # the least precise geo_precision under this cue (1: no constraint)
    unknown: bool  # a name the gazetteer lacks still counts after this cue
    english: dict[str, str]  # folded cue word → English noun of the place it names (facilities)
    sites: frozenset[str]  # folded cue words naming a site of its own ("مطار"): the cue is part of the name
    streets: frozenset[str] = frozenset()  # folded cue words of streets, often named after cities ("شارع بغداد")
    areas: frozenset[str] = frozenset()  # folded cue words of a land area holding villages ("جبل الأكراد"): a parent


@dataclass(frozen=True, slots=True)
class Word:
    """What a matched place word is: ``category`` cue | near | direction | unit | link | organisation |
    source | route | route_filler | route_from | route_to | parent_link; ``cue`` for cue nouns;
    ``plural`` for plural/dual cue forms, ``dual`` for dual ones (a list of exactly two names);
    ``label`` the folded phrase."""

    category: str
    label: str
    cue: CueSpec | None = None
    plural: bool = False
    dual: bool = False


@dataclass(slots=True)
class PlaceCues:
    """Everything in ``place_cues.toml``."""

    index: WordIndex[Word]  # cue nouns, near/direction, organisation, source and road words
    function_words: dict[str, tuple[Word, ...]]  # one-word links (في، من، إلى ...), looked up on demand
    country_words: frozenset[str]  # folded forms of the [country] words
    cues: dict[str, CueSpec]  # folded cue word → its family
    ambiguous: frozenset[str]
    verb_shaped: frozenset[str]  # town names that are also verb forms: places only after a preposition or cue
    construct_heads: frozenset[str]  # town names that are also a plural noun heading a construct (حماة الوطن)
    not_names: frozenset[str]
    anaphors: frozenset[str]  # "الناحية"، "الإقليم": a kind of place with the article points back, no name
    two_word_prefixes: frozenset[str]
    list_openers: frozenset[str]
    list_others: frozenset[str]  # "أخرى" between a plural cue and its list opener ("مدن أخرى، منها")
    demonstratives: frozenset[str]  # "هذه الطبقة": a word after a demonstrative is a common noun
    name_links: frozenset[str]
    weights: dict[str, Any]
    source_window: int
    source_stops: frozenset[str]  # words that end the search for a source noun ("أن": a reported clause)
    source_buildings: frozenset[str]  # before a source noun it is a building: "أمام وزارة النفط في بغداد"
    cue_words: frozenset[str]  # every folded cue form (to strip from names given to search)
    parts: dict[str, str]  # folded direction word or adjective → north | south | east | west
    metonym_verbs: frozenset[str]  # folded feminine verb forms whose subject city stands for its government
    surroundings: dict[str, str]  # admin1 of a one-city governorate → admin1 of the land around it
    allegiance: frozenset[str]  # folded forms of "loyal/allied to": a city after them with ل is its government
    locating_words: frozenset[str] = frozenset()  # "الواقعة"، "تقع": a relative saying where a place lies
    located_anaphors: frozenset[str] = frozenset()  # "المدينة": a place noun pointing back, located by a relative
    dual_cues: frozenset[str] = frozenset()  # folded dual cue forms ("بلدتي"، "قريتي"): exactly two places
    witness_sources: frozenset[str] = frozenset()  # "ناشطون": a source only after a verb of saying
    witness_attribution: frozenset[str] = frozenset()  # "أفاد"، "بحسب": what makes a witness a source


@cache
def place_cues_data() -> dict[str, Any]:
    """The parsed ``place_cues.toml`` (read once for the process; not to be changed)."""
    try:
        raw = resources.files("marsad").joinpath("data/lexicons/place_cues.toml").read_bytes()
        return tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(PATH, "file is missing") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(PATH, f"not valid TOML: {exc}") from exc


def _words(table: dict[str, Any], key: str) -> list[str]:
    items = table.get(key)
    if not isinstance(items, list) or not all(isinstance(w, str) and w.strip() for w in items):
        raise DataFileError(PATH, f"{key!r} must be a list of non-empty strings")
    return items


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    table = data.get(key)
    if not isinstance(table, dict):
        raise DataFileError(PATH, f"[{key}] is missing")
    return table


def _add(index: WordIndex[Word], phrase: str, word: Word) -> None:
    words = tuple(fold(phrase).split())
    if words[-1].endswith("*"):  # country words: a stem; every form is listed by the loader
        raise DataFileError(PATH, f"{phrase!r}: a '*' stem is only allowed in [country]")
    index.add(words, word, strict=True)


def _load_cues(data: dict[str, Any], index: WordIndex[Word]) -> dict[str, CueSpec]:
    cues: dict[str, CueSpec] = {}
    for name, table in _table(data, "cue").items():
        kinds = frozenset(_words(table, "kinds"))
        if kinds - set(KINDS):
            raise DataFileError(PATH, f"[cue.{name}] unknown kinds {sorted(kinds - set(KINDS))}")
        spec = CueSpec(name, table["kinds"][0], kinds, int(table.get("precision", 1)),
                       bool(table.get("unknown", False)),
                       {fold(k): str(v) for k, v in table.get("english", {}).items()},
                       frozenset(fold(w) for w in table.get("sites", [])),
                       frozenset(fold(w) for w in table.get("streets", [])),
                       frozenset(fold(w) for w in table.get("areas", [])))
        for plural, dual, key in ((False, False, "words"), (True, False, "plural"), (True, True, "dual")):
            for w in _words(table, key) if key in table or key != "dual" else []:
                cues[fold(w)] = spec
                _add(index, w, Word("cue", fold(w), spec, plural, dual))
                if len(fold(w)) == 2:  # "وحي"، "بحي": too short for the text's clitic peeling
                    for p in _words(data, "short_cue_proclitics"):
                        _add(index, p + w, Word("cue", fold(w), spec, plural, dual))
    return cues


#: Categories of one-word function words: too frequent to scan for, looked up next to a name.
FUNCTION = frozenset({"unit", "link", "route_filler", "route_from", "route_to", "parent_link", "transfer",
                      "launch", "flight", "appositive", "locating_relative"})


def _load_lists(data: dict[str, Any], index: WordIndex[Word], function: dict[str, list[Word]]) -> None:
    relation = _table(data, "relation")
    role = _table(data, "role")
    for table, category, key in (
            (relation, "near", "near"), (relation, "direction", "directions"), (relation, "unit", "distance_units"),
            (relation, "link", "links"), (relation, "appositive", "appositives"),
            (role, "organisation", "organisation"), (role, "source", "source"), (role, "source", "witness_sources"),
            (role, "route", "route"), (role, "route_filler", "route_fillers"), (role, "route_from", "route_from"),
            (role, "route_to", "route_to"), (role, "parent_link", "parent_links"), (role, "transfer", "transfer"),
            (role, "locating_relative", "locating_relatives"),
            (role, "launch", "launch"), (role, "flight", "flight")):
        for w in _words(table, key):
            word = Word(category, fold(w))
            if category in FUNCTION and " " not in word.label:
                function.setdefault(word.label, []).append(word)
            else:
                _add(index, w, word)


def _metonym_forms(role: dict[str, Any]) -> frozenset[str]:
    """The feminine third person forms of each ``metonym_verbs`` row (past + ت, imperfect ي → ت)."""
    rows = role.get("metonym_verbs", [])
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == 2 for r in rows):
        raise DataFileError(PATH, "'metonym_verbs' must be a list of [past, imperfect] pairs")
    forms: set[str] = set()
    for past, imperfect in rows:
        past, imperfect = fold(past), fold(imperfect)
        forms.add(past[:-1] + "ت" if past.endswith(("ي", "ا")) else past + "ت")  # نفى → نفت، دعا → دعت
        forms.add("ت" + imperfect[1:])
    return frozenset(forms)


def _country_forms(data: dict[str, Any]) -> frozenset[str]:
    """Country words; ``stem*`` adds the stem with the common endings (ي، يه، يين، يون، يا)."""
    forms: set[str] = set()
    for code, words in _table(data, "country").items():
        for w in _words({code: words}, code):
            stem = fold(w.rstrip("*"))
            forms.add(stem)
            if w.endswith("*"):
                forms.update(stem + e for e in ("ي", "يه", "يين", "يون", "يا", "ا"))
    return frozenset(forms)


def in_word_list(key: str, words: frozenset[str]) -> bool:
    """The name is in ``words`` as written or with the article before it (a word list may write a name
    that the gazetteer keys without ال with it: الطبقة، السلام)."""
    return key in words or "ال" + key in words


def is_ambiguous(key: str, places: Iterable[Any], ambiguous: frozenset[str]) -> bool:
    """Is the place name ``key`` also an ordinary word?  Listed in ``[ambiguous]``, or a one-word
    definite nisba (العامرية، الفرنسية، الغربي) none of whose ``places`` is a governorate, a city or a
    town with a known population (الناصرية، المقدادية are places first)."""
    if in_word_list(key, ambiguous):
        return True
    nisba = " " not in key and key.startswith("ال") and key.endswith(("ي", "يه")) and len(key) > 5
    return nisba and not any(p.kind in ("city", "governorate") or p.kind == "town" and p.population > 0
                             for p in places)


@cache
def short_word_proclitics() -> tuple[str, ...]:
    """The proclitics listed with two-letter cue nouns and first words of names (``short_cue_proclitics``)."""
    return tuple(fold(p) for p in _words(place_cues_data(), "short_cue_proclitics"))


@cache
def load_place_cues() -> PlaceCues:
    """Load and validate ``place_cues.toml`` (cached for the process)."""
    data = place_cues_data()
    index: WordIndex[Word] = WordIndex()
    cues = _load_cues(data, index)
    function: dict[str, list[Word]] = {}
    _load_lists(data, index, function)
    weights = _table(data, "weights")
    missing = [k for k in (*WEIGHT_KEYS, "kind_prior") if k not in weights]
    if missing:
        raise DataFileError(PATH, f"[weights] lacks {missing}")
    if set(weights["kind_prior"]) != set(KINDS):
        raise DataFileError(PATH, "[weights] kind_prior must give every kind")
    unknown = _table(data, "unknown")
    role = _table(data, "role")
    return PlaceCues(
        index=index,
        function_words={k: tuple(v) for k, v in function.items()},
        country_words=_country_forms(data),
        cues=cues,
        ambiguous=frozenset(fold(w) for w in _words(_table(data, "ambiguous"), "words")),
        verb_shaped=frozenset(fold(w) for w in _words(_table(data, "ambiguous"), "verb_shaped")),
        construct_heads=frozenset(fold(w) for w in _words(_table(data, "ambiguous"), "construct_heads")),
        not_names=frozenset(fold(w) for w in _words(unknown, "not_names")),
        anaphors=frozenset(fold(w) for w in _words(unknown, "anaphors")),
        two_word_prefixes=frozenset(fold(w) for w in _words(unknown, "two_word_prefixes")),
        list_openers=frozenset(fold(w) for w in _words(unknown, "list_openers")),
        list_others=frozenset(fold(w) for w in _words(unknown, "list_others")),
        demonstratives=frozenset(fold(w) for w in _words(unknown, "demonstratives")),
        name_links=frozenset(fold(w) for w in _words(unknown, "name_links")),
        weights=weights,
        source_window=int(role.get("source_window", 4)),
        source_stops=frozenset(fold(w) for w in _words(role, "source_stops")),
        source_buildings=frozenset(fold(w) for w in _words(role, "source_buildings")),
        witness_sources=frozenset(fold(w) for w in _words(role, "witness_sources")),
        witness_attribution=frozenset(fold(w) for w in _words(role, "witness_attribution")),
        cue_words=frozenset(cues),
        parts={fold(w): side for side, ws in _table(data, "parts").items() for w in ws},
        metonym_verbs=_metonym_forms(role),
        surroundings={str(k): str(v) for k, v in data.get("surroundings", {}).items()},
        allegiance=frozenset(article + fold(stem) + ending for stem in role.get("allegiance_stems", [])
                             for ending in ("", "ه", "ي", "يه", "ين", "ون", "ه") for article in ("", "ال")),
        locating_words=frozenset(fold(w) for w in _words(role, "locating_words")),
        located_anaphors=frozenset(fold(w) for w in _words(role, "located_anaphors")),
        dual_cues=frozenset(fold(w) for table in _table(data, "cue").values() for w in table.get("dual", [])),
    )
