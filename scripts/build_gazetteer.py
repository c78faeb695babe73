#!/usr/bin/env python
"""Build Marsad's packaged gazetteer from the open place data in ``shared/data/gazetteer``.

Inputs (origin and licence of each: ``src/marsad/data/gazetteer/SOURCES.md``):

* OCHA COD-AB Iraq, ADM1-3 (``iraq_admin_gazetteer_cod.csv`` and the polygons in ``iraq_cod_ab/``);
* OCHA COD-AB Syria 2019-03-21, ADM1-3 polygons and names, and the OCHA/UNCS Syria populated
  places (communities) with their aliases (``syria/``);
* IOM DTM Iraq master lists, Aug 2019 (``iraq_dtm_locations_2019-08.csv``);
* GeoNames cities5000, Iraq and Syria (``geonames_cities5000_IQ_SY.tsv``; a Syrian town that OCHA
  also lists is merged into the OCHA community, which keeps its P-code as id);
* UNAMI's disputed districts (``iraq_dibs_districts.csv``), to check the codebook's list;
* the curated file ``src/marsad/data/gazetteer/curated.toml`` and the cue lexicon
  ``src/marsad/data/lexicons/place_cues.toml`` (cue words stripped from source names).

Outputs (deterministic: the same inputs give the same bytes):

* ``src/marsad/data/gazetteer/places.tsv``: one row per place with its admin1/2/3 (computed
  here by point-in-polygon with shapely, so the runtime needs no shapely), disputed flag and
  folded Arabic match keys;
* ``src/marsad/data/gazetteer/geonames_admin1.tsv``: GeoNames admin1 codes of IQ/SY → codebook
  admin1 (used by ``marsad gazetteer import IQ.txt``);
* ``src/marsad/data/geo/districts.geojson``: simplified Iraq ADM2 + Syria ADM2 polygons.

Usage: ``python scripts/build_gazetteer.py [--source DIR] [--out DIR] [--geojson FILE]``
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from marsad.text.normalise import fold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("/work/shared/data/gazetteer")
SYRIA_ADM = "syria/syr_admbnda_adm{}_ocha_20190321.geojson"
PACKAGE = ROOT / "src" / "marsad" / "data"
MINOR_KINDS = frozenset({"village", "neighbourhood", "camp"})
ADMIN_KINDS = frozenset({"governorate", "district", "subdistrict"})
SEARCH_RANK = {"city": 0, "town": 1, "village": 2}
COLUMNS = ("id", "kind", "country", "admin1", "admin2", "admin3", "lat", "lon", "population", "disputed",
           "name_en", "name_ar", "keys")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PLAIN_ARABIC = re.compile(r"[\u0621-\u064a ]+")
_LATIN = re.compile(r"[A-Za-z]")
_DIGITS = re.compile(r"[0-9٠-٩]+")
# Arabic words in DTM names that say what the place is, and the kind they imply.
_DTM_PREFIXES = (
    ("مركز ناحية", "town"), ("مركز ناحيه", "town"), ("مركز قضاء", "town"), ("ناحية", "town"), ("ناحيه", "town"),
    ("مركز", "town"), ("قرية", "village"), ("قريه", "village"), ("حي", "neighbourhood"), ("محلة", "neighbourhood"),
    ("محله", "neighbourhood"), ("قطاع", "neighbourhood"), ("مقاطعة", "neighbourhood"), ("منطقة", "neighbourhood"),
    ("مجمع", "village"), ("مخيم", "camp"), ("معسكر", "camp"),
)
_NOISE_WORDS = {"محلة", "محله", "مقاطعة", "مقاطعه", "قطاع", "رقم", "قديمة", "قديمه"}


@dataclass
class Place:
    """A gazetteer row while it is being built."""

    id: str
    kind: str
    country: str
    lat: float
    lon: float
    name_en: str
    name_ar: str
    names: list[str]
    population: int = 0
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    adm2_pcode: str = ""
    disputed: bool = False
    fixed: list[str] = field(default_factory=list)  # curated names, kept whole (مدينة الصدر)
    keys: set[str] = field(default_factory=set)
    folded: set[str] = field(default_factory=set)  # folded source names (to find twins across sources)
    unit_bases: list[str] = field(default_factory=list)  # names left when a unit qualifier is dropped

    def row(self) -> list[str]:
        return [self.id, self.kind, self.country, self.admin1, self.admin2, self.admin3, f"{self.lat:.5f}",
                f"{self.lon:.5f}", str(self.population), "1" if self.disputed else "0", self.name_en,
                self.name_ar, "|".join(sorted(self.keys))]


# --- reading --------------------------------------------------------------------------------------


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def read_toml(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


class Admin:
    """Point-in-polygon lookup of COD admin units (Iraq ADM3, Syria ADM3)."""

    def __init__(self, source: Path, adm1_names: dict[str, str]) -> None:
        self.adm1_names = adm1_names
        iraq = json.loads((source / "iraq_cod_ab" / "irq_admbnda_adm3_cso_20190603.geojson").read_text("utf-8"))
        syria = json.loads((source / SYRIA_ADM.format(3)).read_text("utf-8"))
        self.units: list[tuple[str, dict]] = []
        for f in iraq["features"]:
            self.units.append(("IRQ", f["properties"]))
        for f in syria["features"]:
            self.units.append(("SYR", f["properties"]))
        self.geoms = [shape(f["geometry"]) for f in iraq["features"] + syria["features"]]
        self.tree = STRtree(self.geoms)

    def near_district(self, adm2_pcode: str, place: Place, km: float) -> bool:
        """Is ``place`` within ``km`` of the COD district ``adm2_pcode``?"""
        pt = Point(place.lon, place.lat)
        geoms = [g for (c, p), g in zip(self.units, self.geoms, strict=True)
                 if c == "IRQ" and p["ADM2_PCODE"] == adm2_pcode]
        return any(g.distance(pt) * 111.0 <= km for g in geoms)

    def locate(self, country: str, lat: float, lon: float) -> tuple[str, str, str, str] | None:
        """(admin1, admin2, admin3, adm2 pcode) of a point, the nearest unit within ~10 km if outside."""
        pt = Point(lon, lat)
        hits = [i for i in self.tree.query(pt, predicate="intersects") if self.units[i][0] == country]
        if not hits:
            near = [i for i in self.tree.query(pt.buffer(0.1)) if self.units[i][0] == country]
            if not near:
                return None
            hits = [min(near, key=lambda i: (self.geoms[i].distance(pt), i))]
        country_, p = self.units[min(hits)]
        if country_ == "SYR":
            return self.adm1_names[p["ADM1_PCODE"]], p["ADM2_EN"].strip(), p["NAME_EN"].strip(), p["ADM2_PCODE"]
        adm1 = self.adm1_names.get(p["ADM2_PCODE"]) or self.adm1_names[p["ADM1_PCODE"]]
        return adm1, p["ADM2_EN"], p["ADM3_EN"], p["ADM2_PCODE"]


# --- names -----------------------------------------------------------------------------------------


class Namer:
    """Cleans source names and derives the folded match keys (with spelling variants)."""

    def __init__(self, curated: dict, cues: dict) -> None:
        self.split_prefixes = sorted((fold(p) for p in curated["variants"]["split_prefixes"]), key=len, reverse=True)
        # Administrative cue nouns are stripped from source names (محافظة أربيل → أربيل); others such as
        # سوق or قلعة are part of the name (سوق الشيوخ، قلعة صالح).
        self.cue_words = sorted({fold(w) for name in ("governorate", "district", "subdistrict", "city", "town",
                                                       "village") for w in cues["cue"][name]["words"]} | {"مركز"},
                                key=len, reverse=True)
        self.all_cues = {fold(w) for c in cues["cue"].values() for w in c["words"] + c["plural"] + c.get("dual", [])}
        self.ambiguous = {fold(w) for w in cues["ambiguous"]["words"]}

    def strip_cue(self, name: str) -> str:
        """Drop a leading cue noun (محافظة أربيل → أربيل, مدينة حمص → حمص)."""
        for cue in self.cue_words:
            if name.startswith(cue + " ") and len(name) > len(cue) + 2:
                return name[len(cue) + 1:]
        return name

    def keys(self, names: Iterable[str], bare: bool, strip: bool = True) -> set[str]:
        """Folded keys of ``names`` and their variants; ``bare``: also without ال (major places)."""
        out: set[str] = set()
        for raw in names:
            name = self.strip_cue(fold(raw)) if strip else fold(raw)
            if len(name.replace(" ", "")) < 3 or _LATIN.search(name) or not _ARABIC.search(name):
                continue
            out.update(v for v in self._variants(name, bare) if v not in self.all_cues and v[2:] not in self.all_cues)
        return out

    def _variants(self, name: str, bare: bool) -> list[str]:
        forms = [name]
        words = name.split()
        if len(words) == 2:
            forms.append(words[0] + words[1])  # طوز خورماتو → طوزخورماتو
        if len(words) == 1:
            for p in self.split_prefixes:
                if name.startswith(p) and len(name) - len(p) >= 3:
                    forms.append(f"{p} {name[len(p):]}")  # تلعفر → تل عفر
                    break
        for form in list(forms):
            if form.endswith("اء"):
                forms.append(form[:-1])  # سامراء → سامرا
        if bare:
            for form in list(forms):
                rest = form[2:]
                if form.startswith("ال") and len(rest.split()[0]) >= 4 and form not in self.ambiguous:
                    forms.append(rest)  # الموصل → موصل
        return forms


def _clean_words(text: str) -> str:
    """Drop digits, one-letter words and counting words (محلة 104) from a DTM name part."""
    return " ".join(w for w in _DIGITS.sub(" ", text).split() if len(w) > 1 and w not in _NOISE_WORDS)


def clean_dtm(name_ar: str, name_en: str) -> tuple[str, str, str, list[str]]:
    """(kind or "", Arabic name, English name, extra Arabic names) of a DTM location name."""
    extra: list[str] = []  # parenthesised parts name the surrounding place more often than an alias
    ar = re.sub(r"\([^)]*\)", " ", name_ar)
    en = re.sub(r"\([^)]*\)", " ", name_en)
    segments = [s.strip() for s in re.split(r"[-/]", ar) if _ARABIC.search(s)]
    en_segments = [s.strip() for s in re.split(r"[-/]", en) if s.strip()]
    kind = ""
    if len(segments) > 1:
        last = segments[-1]
        if "مركز الناحية" in last or "مركز الناحيه" in last:
            last, kind = segments[0], "town"
        ar = last
        if len(en_segments) == len(segments):
            en = en_segments[-1 if kind != "town" else 0]
    elif segments:
        ar = segments[0]
    ar = _clean_words(ar)
    for prefix, prefix_kind in _DTM_PREFIXES:
        if ar.startswith(prefix + " ") and len(ar) > len(prefix) + 2:
            ar = ar[len(prefix) + 1:]
            kind = kind or prefix_kind
            break
    en = re.sub(r"\b(village|qtr|complex|center|centre|district|sub)\b", " ", en, flags=re.IGNORECASE)
    en = re.sub(r"[*#]|\d+", " ", en)
    en = " ".join(w[:1].upper() + w[1:] for w in en.split())
    return kind, ar.strip(), en or ar, extra


def dtm_kind(kind: str, name_en: str, adm3_en: str) -> str:
    """Kind of a DTM location: from its Arabic prefix, else its English name, else its sub-district."""
    if kind:
        return kind
    low = name_en.lower()
    if "camp" in low:
        return "camp"
    if "village" in low:
        return "village"
    if re.search(r"\b(hay|qtr|quarter|area|sector|mahall?a|district)\b", low):
        return "neighbourhood"
    return "neighbourhood" if adm3_en.startswith("Markaz") else "village"



_QUALIFIERS = ("فوقاني", "تحتاني", "الفوقاني", "التحتاني", "فوقانية", "تحتانية", "الفوقانية", "التحتانية")
_SMALL_WORDS = {"al", "el", "ad", "ar", "as", "az", "ash", "at", "an", "ath", "adh", "aj", "of", "and"}


def clean_english(name: str) -> str:
    """One press-style English spelling from a source name: "Al_" is the article ("Al_Farhateya" →
    "Al-Farhateya"), another "_" inside a word (DTM's ʿayn) becomes an apostrophe, stray "_"/"`" and
    repeated spaces go, every word starts with a capital ("Al-a_wijah" → "Al-A'wijah",
    "Ma`arrat an Nu`man" → "Ma'arrat an Nu'man")."""
    name = name.replace("`", "'").replace("’", "'")
    name = re.sub(r"\b[Aa][Ll]_\s*", "Al-", name)  # "Al_Farhateya", "AL_ Trorkmania": the article
    name = re.sub(r"(?<=[A-Za-z])_(?=[A-Za-z])", "'", name)
    name = re.sub(r"\s+", " ", name.replace("_", " ")).strip(" -'")
    return " - ".join("-".join(_capitalise(part) for part in side.split("-")) for side in name.split(" - "))


def _capitalise(part: str) -> str:
    words = part.split(" ")
    out = []
    for i, w in enumerate(words):
        if not w:
            continue
        low = w.lower()
        if i and low in _SMALL_WORDS and w.islower():
            out.append(w)  # "Ma'arrat an Nu'man"
        elif w.isupper() and len(w) > 1 or w[:1].islower():
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(w)
    return " ".join(out)


def split_composite(name: str) -> list[str]:
    """Parts of an OCHA community name that joins merged communities ("عرى القبلي_عدوان")."""
    return [part.strip() for part in re.split(r"[_/]", name) if part.strip()]


def base_of_qualified(name: str) -> str:
    """"الباغوز فوقاني" → "الباغوز": an upper/lower community is part of the place the press names
    without the qualifier ("" when ``name`` has none, or its base is not a definite name of
    four letters or more)."""
    words = name.split()
    if len(words) != 2 or words[-1] not in _QUALIFIERS or not words[0].startswith("ال") or len(words[0]) < 6:
        return ""  # "شيوخ فوقاني": a bare indefinite "شيوخ" is the common word "sheikhs"
    return words[0]


def _unit_form(name: str) -> str:
    """A unit name as a community name's last word writes it: folded, no "مركز", no spaces, no ال, no
    final ة/ه ("مركز القامشلي" → "قامشلي", "معرة تمصرين" → "معرتمصرين")."""
    name = fold(name).removeprefix("مركز").replace(" ", "").removeprefix("ال")
    return name.replace("ه", "").replace("ة", "")


def base_of_unit_qualified(name: str, units: Iterable[str]) -> str:
    """"كفريا معرتمصرين" → "كفريا", "خاتونية سلوك" → "خاتونية": OCHA tells same-named communities apart by
    adding the name of their sub-district or district, which the press leaves out ("" when the last
    word names no unit of the community, or the rest is shorter than four letters)."""
    words = re.sub(r"[/-]", " ", name).split()
    if len(words) < 2:
        return ""
    forms = {_unit_form(u) for u in units if u.strip()}
    forms |= {_unit_form(u.split()[0]) for u in units if len(u.split()) > 1 and not u.startswith("مركز")}
    base = " ".join(words[:-1])
    if _unit_form(words[-1]) not in forms or len(fold(base).removeprefix("ال").replace(" ", "")) < 4:
        return ""
    return base


# --- building --------------------------------------------------------------------------------------


def distance_km(a: Place, b: Place) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


class Builder:
    """Collects places from every source, then assigns admin units and keys."""

    def __init__(self, source: Path, curated: dict, cues: dict) -> None:
        self.source = source
        self.curated = curated
        self.namer = Namer(curated, cues)
        self.governorates = {g["pcode"]: g for g in curated["governorate"]}
        names = {p: g["admin1"] for p, g in self.governorates.items()}
        self.admin = Admin(source, names)
        self.places: dict[str, Place] = {}
        self.display = curated.get("display", {})
        self.display_ids: dict[str, str] = {}  # filled once merges are known (see build)
        disputed = curated["disputed"]
        self.disputed_admin1 = set(disputed["admin1"])
        self.disputed_districts = set(disputed["districts"])
        self.cod = read_csv(source / "iraq_admin_gazetteer_cod.csv")
        self.syria_rows = read_csv(source / "syria" / "syria_places.csv")
        self.merged: dict[str, str] = {}  # id of a source row merged into another place → that place's id

    def ref(self, place_id: str) -> str:
        """The id a curated reference (``gn:…``) now has (a Syrian GeoNames town merged into OCHA's)."""
        return self.merged.get(place_id, place_id)

    def add(self, place: Place) -> None:
        if place.id in self.places:
            raise SystemExit(f"duplicate place id {place.id}")
        self.places[place.id] = place

    def locate(self, place: Place) -> bool:
        found = self.admin.locate(place.country, place.lat, place.lon)
        if found is None:
            return False
        place.admin1, place.admin2, place.admin3, place.adm2_pcode = found
        return True

    # sources

    def geonames(self) -> None:
        for r in read_csv(self.source / "geonames_cities5000_IQ_SY.tsv", "\t"):
            if r["feature_class"] != "P" or r["feature_code"] in ("PPLX", "PPLW", "PPLH"):
                continue
            country = {"IQ": "IRQ", "SY": "SYR"}[r["country_code"]]
            pop = int(r["population"] or 0)
            kind = "city" if pop >= 100_000 or r["feature_code"] in ("PPLA", "PPLC") else "town"
            names = [n for n in r["arabic_script_names"].split("|") if n]
            gid = f"gn:{r['geonameid']}"
            place = Place(gid, kind, country, float(r["latitude"]), float(r["longitude"]),
                          clean_english(r["asciiname"]), "", names, pop)
            if not self.locate(place) or not names:
                continue
            twin = self._ocha_twin(place) if country == "SYR" else None
            if twin is not None:
                twin.names.extend(names)
                twin.population = max(twin.population, pop)
                if SEARCH_RANK[kind] < SEARCH_RANK[twin.kind]:
                    twin.kind = kind  # a village of OCHA's list that GeoNames counts 5,000+ people in
                self.merged[gid] = twin.id
                continue
            place.name_ar = self._display_ar(place)
            self.add(place)

    def _ocha_twin(self, place: Place, km: float = 15) -> Place | None:
        """The OCHA community of the same name within ``km`` of a GeoNames town (the nearest)."""
        keys = {self.namer.strip_cue(fold(n)) for n in place.names}
        twins = [q for q in self.communities if keys & q.folded and distance_km(place, q) <= km]
        return min(twins, key=lambda q: (distance_km(place, q), q.id)) if twins else None

    def _display_ar(self, place: Place) -> str:
        """The Arabic display name of a GeoNames town: the COD name of its seat unit when it is one
        of the town's names, else its first name in plain Arabic letters."""
        plain = [n for n in place.names if _PLAIN_ARABIC.fullmatch(n)]
        cod = {fold(self.namer.strip_cue(r["name_ar"].replace("مركز", "", 1).strip())): r["name_ar"]
               for r in self.cod if r["name_en"].strip() in (place.admin3, place.admin2)}
        for n in plain:
            if fold(n) in cod:
                return n
        return plain[0] if plain else place.names[0]

    def syria(self) -> None:
        """OCHA Syria: districts, sub-districts (COD-AB 2019) and communities (populated places) with
        their admin units by P-code; Arabic aliases (parts of merged names, OpenSyria's formal names)."""
        adm3: dict[tuple[str, str, str], dict[str, str]] = {}
        self.communities: list[Place] = []
        for r in self.syria_rows:
            if r["kind"] == "subdistrict":
                adm3[(r["admin1_en"], r["admin2_en"], r["name_en"])] = r
        for r in self.syria_rows:
            kind, pcode = r["kind"], r["pcode"]
            if kind in ("governorate", "neighbourhood") or not r["name_ar"].strip():
                continue  # governorates come with the codebook names; Damascus neighbourhoods lack Arabic
            lat, lon = float(r["latitude"]), float(r["longitude"])
            if kind in ("district", "subdistrict"):
                name_ar = r["name_ar"].strip()
                markaz = name_ar.startswith("مركز ")
                place = Place(f"cod:{pcode}", kind, "SYR", lat, lon, clean_english(r["name_en"]), name_ar,
                              [] if markaz else [name_ar], fixed=[name_ar] if markaz else [])
                place.admin1 = self.admin.adm1_names[pcode[:4]]
                place.adm2_pcode = pcode[:6]
                place.admin2 = r["admin2_en"].strip()
                place.admin3 = r["name_en"].strip() if kind == "subdistrict" else ""
                self.add(place)
                continue
            unit = adm3[(r["admin1_en"], r["admin2_en"], r["admin3_en"])]
            parts = split_composite(r["name_ar"])
            names = list(parts)
            names.extend(b for b in map(base_of_qualified, parts) if b)
            units = (r["admin3_ar"], r["admin2_ar"])
            place_bases = [b for b in (base_of_unit_qualified(part, units) for part in parts) if b]
            names.extend(place_bases)
            name_en = clean_english(re.split(r" - | / ", r["name_en"])[0])
            place = Place(f"ocha:{pcode}", kind, "SYR", lat, lon, name_en, parts[0], names)
            place.admin1 = self.admin.adm1_names[unit["pcode"][:4]]
            place.admin2, place.admin3 = unit["admin2_en"].strip(), unit["name_en"].strip()
            place.adm2_pcode = unit["pcode"][:6]
            place.folded = {fold(n) for n in parts}
            place.unit_bases = place_bases
            self.add(place)
            self.communities.append(place)
        self.syria_aliases()

    def syria_aliases(self) -> None:
        """Arabic aliases of Syrian places by P-code ("منطقة عين العرب" → the district عين العرب), except
        names the curated file gives to a region of its own (الغوطة الشرقية)."""
        curated = {fold(n) for row in self.curated.get("place", []) for n in row["names"]}
        for r in read_csv(self.source / "syria" / "syria_place_aliases.csv"):
            if r["language"] != "ar":
                continue
            place = self.places.get(f"cod:{r['pcode']}") or self.places.get(f"ocha:{r['pcode']}")
            alias = r["alias"].strip()
            if alias.startswith("منطقة ") and place is not None and place.kind == "district":
                alias = alias[len("منطقة "):]
            if place is None or fold(alias) in curated or alias.startswith(("ناحية مركز", "مركز ")):
                continue
            place.names.append(alias)
            place.folded.add(fold(alias))

    def cod_units(self) -> None:
        """COD ADM2 districts and ADM3 sub-districts (the seat sub-districts "Markaz X" are not places)."""
        for r in self.cod:
            level = r["admin_level"]
            if level == "1" or r["name_en"].startswith("Markaz"):
                continue
            kind = "district" if level == "2" else "subdistrict"
            adm2 = r["pcode"] if level == "2" else r["adm2_pcode"]
            place = Place(f"cod:{r['pcode']}", kind, "IRQ", float(r["lat"]), float(r["lon"]), r["name_en"].strip(),
                          r["name_ar"].strip(), [r["name_ar"]])
            place.admin1 = self.admin.adm1_names.get(adm2) or self.admin.adm1_names[r["adm1_pcode"]]
            place.admin2 = r["name_en"].strip() if level == "2" else r["adm2_en"].strip()
            place.admin3 = r["name_en"].strip() if level == "3" else ""
            place.adm2_pcode = adm2
            self.add(place)

    def dtm(self) -> None:
        for r in read_csv(self.source / "iraq_dtm_locations_2019-08.csv"):
            if not r["lat"] or not r["name_ar"].strip():
                continue
            kind, ar, en, extra = clean_dtm(r["name_ar"], r["name_en"])
            if len(ar.replace(" ", "")) < 3 or len(ar.split()) > 4:
                continue
            kind = dtm_kind(kind, r["name_en"], r["cod_adm3_en"])
            names = [ar, *extra]
            if kind == "camp":
                names.append("مخيم " + ar)
            place = Place(f"dtm:{r['location_id']}", kind, "IRQ", float(r["lat"]), float(r["lon"]), en, ar, names)
            if self.locate(place):
                self.add(place)

    def governorate_places(self) -> None:
        cod_ar = {r["pcode"]: r["name_ar"] for r in self.cod}
        cod_ar.update({r["pcode"]: r["name_ar"] for r in self.syria_rows if r["kind"] == "governorate"})
        for pcode, g in sorted(self.governorates.items()):
            capital = self.places[self.ref(g["capital"])]
            pid = f"cod:{pcode}" if len(pcode) <= 5 else f"marsad:gov-{g['admin1'].lower()}"
            names = [cod_ar[pcode], *g["names"]] if len(pcode) <= 5 else list(g["names"])
            place = Place(pid, "governorate", g["country"], capital.lat, capital.lon, g["admin1"], g["names"][0], names)
            place.admin1 = g["admin1"]
            self.add(place)

    def curated_places(self) -> None:
        for alias in self.curated.get("alias", []):
            place = self.places[self.ref(alias["id"])]
            bare = {fold(n) for n in place.names}
            for name in alias["names"]:
                # the press form with ال of a name the data write bare ("المزيريب" of OCHA's مزيريب) is kept
                # whole, so the bare form stays a key too (finish() keeps only the ال form of a pair)
                article = fold(name).startswith("ال") and fold(name)[2:] in bare
                (place.fixed if article else place.names).append(name)
        for row in self.curated.get("place", []):
            donor = self.places[self.ref(row["at"])]
            place = Place(f"marsad:{row['slug']}", row["kind"], donor.country, donor.lat, donor.lon, row["name_en"],
                          row["names"][0], [], fixed=list(row["names"]))
            self.locate(place)
            if place.admin1 != row["admin1"]:
                raise SystemExit(f"curated {row['slug']}: point of {row['at']} is in {place.admin1}, "
                                 f"not {row['admin1']}")
            if "admin2" in row:
                place.admin2, place.admin3 = row["admin2"], ""
            self.add(place)
        for row in self.curated.get("abroad", []):
            # a place abroad: its country, no admin units (never an event's scene in Iraq or Syria)
            lat, lon = row["point"]
            self.add(Place(f"marsad:{row['slug']}", row["kind"], row["country"], lat, lon, row["name_en"],
                           row["names"][0], [], fixed=list(row["names"])))

    # derived fields

    def merge_duplicates(self) -> None:
        """A DTM seat town that GeoNames also has (same name, ≤ 15 km) is one place."""
        by_name: dict[str, list[Place]] = defaultdict(list)
        for p in self.places.values():
            if p.id.startswith("gn:"):
                for n in p.names:
                    by_name[fold(n)].append(p)
        for pid in sorted(self.places):
            p = self.places[pid]
            if not pid.startswith("dtm:") or p.kind not in ("town", "village", "neighbourhood"):
                continue
            twins = [q for q in by_name.get(fold(p.name_ar), []) if distance_km(p, q) <= 15]
            if twins:
                twins[0].names.extend(p.names)
                del self.places[pid]

    def seat_districts(self) -> None:
        """A town named like a district of its governorate, lying within 15 km of it, is that
        district's seat: it gets that district as admin2 (the point may fall just outside)."""
        districts: dict[tuple[str, str], Place] = {}
        for p in self.places.values():
            if p.kind == "district":
                districts[(fold(p.name_ar), p.admin1)] = p
        for p in self.places.values():
            if p.kind not in ("city", "town") or p.country != "IRQ":
                continue
            for n in p.names:
                d = districts.get((fold(self.namer.strip_cue(n)), p.admin1))
                if d is not None and d.adm2_pcode != p.adm2_pcode and self.admin.near_district(d.adm2_pcode, p, 15):
                    p.admin2, p.adm2_pcode, p.admin3 = d.admin2, d.adm2_pcode, ""
                    break

    def seat_points(self) -> None:
        """Districts and sub-districts take the point of their seat town when one is known."""
        towns: dict[tuple[str, str], Place] = {}
        for p in sorted(self.places.values(), key=lambda p: (-p.population, p.id)):
            if p.kind in ("city", "town"):
                for n in p.names:
                    towns.setdefault((fold(self.namer.strip_cue(n)), p.adm2_pcode), p)
        for p in self.places.values():
            if p.kind in ("district", "subdistrict"):
                seat = towns.get((fold(p.name_ar.removeprefix("مركز ")), p.adm2_pcode))
                if seat is not None:
                    p.lat, p.lon = seat.lat, seat.lon

    def english_names(self) -> None:
        """One English name per place, shared by a seat town and the units named after it (الزبير is
        "Al-Zubair" as a town and as a district): the curated display name of any of them, else in
        Iraq the COD unit's name (district before sub-district), else the town's own name."""
        units: dict[tuple[str, str], list[Place]] = defaultdict(list)
        for p in self.places.values():
            if p.kind in ("district", "subdistrict"):
                units[(fold(p.name_ar.removeprefix("مركز ")), p.adm2_pcode)].append(p)
        for pid in sorted(self.places):
            p = self.places[pid]
            if not pid.startswith("marsad:"):
                p.name_en = clean_english(p.name_en)
            if pid in self.display_ids:
                p.name_en = self.display_ids[pid]
        for pid in sorted(self.places):
            town = self.places[pid]
            if town.kind not in ("city", "town"):
                continue
            group = [town] + sorted(units.get((fold(town.name_ar), town.adm2_pcode), []),
                                    key=lambda u: (u.kind != "district", u.id))
            if len(group) == 1:
                continue
            shown = [g for g in group if g.id in self.display_ids]
            if shown:
                name = self.display_ids[shown[0].id]
            elif town.country == "IRQ":
                name = group[1].name_en
            else:
                name = town.name_en
            for g in group:
                g.name_en = name

    def neighbourhood_names(self) -> None:
        """English names of neighbourhoods as "City - Area" (codebook §4), the city within 20 km."""
        cities = sorted((p for p in self.places.values() if p.kind == "city"), key=lambda p: p.id)
        for p in self.places.values():
            if p.kind != "neighbourhood" or " - " in p.name_en or not cities:
                continue
            city = min(cities, key=lambda c: distance_km(p, c))
            if distance_km(p, city) <= 20 and city.name_en != p.name_en:
                p.name_en = f"{city.name_en} - {p.name_en}"

    def drop_unit_bases_of_units(self) -> None:
        """Keep a name left by dropping a unit qualifier only where the qualifier told same-named
        communities apart: the name is left by two qualified names or is another community's whole name
        ("كفريا معرتمصرين"، "كفريا المعرة"); a single "معرة صيدنايا" or "حيفا المالكية" is one name, not
        "معرة" or "حيفا".  Nor is it kept where it names an admin unit or a city anywhere ("سنجار مالكية"
        → "سنجار" is Iraq's district), or is an ordinary word (``[ambiguous]``)."""
        seen = Counter(fold(b) for p in self.places.values() for b in set(p.unit_bases))
        seen.update(n for p in self.communities for n in p.folded)
        major = {fold(n) for p in self.places.values() if p.kind in ADMIN_KINDS or p.kind == "city"
                 for n in p.names + p.fixed}
        for p in self.places.values():
            drop = [b for b in p.unit_bases
                    if fold(b) in major or fold(b) in self.namer.ambiguous or seen[fold(b)] < 2]
            p.names = [n for n in p.names if n not in drop]

    def finish(self) -> None:
        self.drop_unit_bases_of_units()
        for p in self.places.values():
            p.disputed = p.country == "IRQ" and (p.admin1 in self.disputed_admin1
                                                 or p.adm2_pcode in self.disputed_districts)
            p.keys = self.namer.keys(p.names, bare=self.bare(p))
            if not self.bare(p):  # "سفيرة" (GeoNames) beside "السفيرة": matched only in the form with ال
                p.keys = {k for k in p.keys if "ال" + k not in p.keys}
            p.keys |= self.namer.keys(p.fixed, False, strip=False)
            if p.kind == "governorate" and p.admin1 in self.disputed_admin1:
                p.disputed = True
        self.drop_generic_names()

    @staticmethod
    def bare(p: Place) -> bool:
        """Is ``p`` also matched without its ال (موصل، بصرة)?  Governorates and the big cities the press
        writes that way; not a district seat of OCHA's list (السفيرة, not "سفيرة" "ambassador")."""
        return p.kind == "governorate" or p.kind == "city" and (p.country == "IRQ" or p.population >= 100_000)

    def drop_generic_names(self, districts: int = 3) -> None:
        """A one-word village or neighbourhood name found in ``districts`` or more districts of one
        country (الصدر، الشرطة، السلام، الشهداء) is a generic name, not an address: it is not matched on its own (after
        a cue it is still read, as an unknown name placed by its context)."""
        spread: dict[tuple[str, str], set[str]] = defaultdict(set)  # (country, name) → districts
        minor = [p for p in self.places.values() if p.kind in MINOR_KINDS and not p.fixed]
        for p in minor:
            for k in p.keys:
                if " " not in k:
                    spread[(p.country, k)].add(p.adm2_pcode)
        generic = {key for key, where in spread.items() if len(where) >= districts}
        for p in minor:
            p.keys = {k for k in p.keys if (p.country, k) not in generic}

    def check_disputed(self) -> None:
        unami = {r["cod_adm2_pcode"] for r in read_csv(self.source / "iraq_dibs_districts.csv")}
        extra = self.disputed_districts - unami
        if extra:
            raise SystemExit(f"curated disputed districts not among UNAMI's DIBs: {sorted(extra)}")

    def build(self) -> list[Place]:
        self.check_disputed()
        self.syria()
        self.geonames()
        self.cod_units()
        self.dtm()
        self.governorate_places()
        self.merge_duplicates()
        self.curated_places()
        self.seat_districts()
        self.seat_points()
        self.display_ids = {self.ref(k): v for k, v in self.display.items()}
        self.english_names()
        self.neighbourhood_names()
        self.finish()
        # admin units stay even when their name is no match key (المزرعة is the cue word "farm"): they are
        # the units events are counted in
        return sorted((p for p in self.places.values() if p.keys or p.kind in ADMIN_KINDS), key=lambda p: p.id)


# --- writing ---------------------------------------------------------------------------------------


def write_places(places: list[Place], path: Path) -> None:
    lines = ["\t".join(COLUMNS)]
    for p in places:
        row = p.row()
        if any("\t" in v or "\n" in v for v in row):
            raise SystemExit(f"{p.id}: tab or newline in a field")
        lines.append("\t".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_geonames_admin1(builder: Builder, source: Path, path: Path) -> None:
    """GeoNames admin1 code → codebook admin1, by majority over the cities5000 points."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in read_csv(source / "geonames_cities5000_IQ_SY.tsv", "\t"):
        country = {"IQ": "IRQ", "SY": "SYR"}[r["country_code"]]
        found = builder.admin.locate(country, float(r["latitude"]), float(r["longitude"]))
        if found:
            votes[(r["country_code"], r["admin1_code"])][found[0]] += 1
    lines = ["country_code\tadmin1_code\tadmin1"]
    for (cc, code), counter in sorted(votes.items()):
        lines.append(f"{cc}\t{code}\t{counter.most_common(1)[0][0]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _round(coords: object, digits: int) -> object:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(float(c), digits) for c in coords]
    return [_round(c, digits) for c in coords]  # type: ignore[union-attr]


def write_districts(builder: Builder, source: Path, path: Path, tolerance: float = 0.004) -> None:
    """Simplified Iraq ADM2 and Syria ADM2 polygons for a web map."""
    from shapely.geometry import mapping

    features = []
    iraq = json.loads((source / "iraq_cod_ab" / "irq_admbnda_adm2_cso_20190603.geojson").read_text("utf-8"))
    for f in sorted(iraq["features"], key=lambda f: f["properties"]["ADM2_PCODE"]):
        p = f["properties"]
        admin1 = builder.admin.adm1_names.get(p["ADM2_PCODE"]) or builder.admin.adm1_names[p["ADM1_PCODE"]]
        disputed = admin1 in builder.disputed_admin1 or p["ADM2_PCODE"] in builder.disputed_districts
        features.append(_feature(f, tolerance, {"country": "IRQ", "admin1": admin1, "admin2": p["ADM2_EN"].strip(),
                                                 "disputed": disputed}, mapping))
    syria = json.loads((source / SYRIA_ADM.format(2)).read_text("utf-8"))
    for f in sorted(syria["features"], key=lambda f: f["properties"]["PCODE"]):
        p = f["properties"]
        admin1 = builder.admin.adm1_names[p["ADM1_PCODE"]]
        features.append(_feature(f, tolerance, {"country": "SYR", "admin1": admin1, "admin2": p["NAME_EN"].strip(),
                                                 "disputed": False}, mapping))
    doc = {"type": "FeatureCollection",
           "attribution": ("OCHA / Iraq CSO COD-AB Iraq 2019; UNCS / OCHA COD-AB Syria 2019 (CC BY-IGO); "
                           "simplified by Marsad"),
           "features": features}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def _feature(f: dict, tolerance: float, props: dict, mapping) -> dict:  # type: ignore[no-untyped-def]
    geom = shape(f["geometry"]).simplify(tolerance, preserve_topology=True)
    g = mapping(geom)
    geometry = {"type": g["type"], "coordinates": _round(g["coordinates"], 4)}
    return {"type": "Feature", "properties": props, "geometry": geometry}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the open place data")
    parser.add_argument("--out", type=Path, default=PACKAGE / "gazetteer", help="output folder (places.tsv ...)")
    parser.add_argument("--geojson", type=Path, default=PACKAGE / "geo" / "districts.geojson")
    args = parser.parse_args(argv)
    curated = read_toml(PACKAGE / "gazetteer" / "curated.toml")
    cues = read_toml(PACKAGE / "lexicons" / "place_cues.toml")
    builder = Builder(args.source, curated, cues)
    places = builder.build()
    args.out.mkdir(parents=True, exist_ok=True)
    write_places(places, args.out / "places.tsv")
    write_geonames_admin1(builder, args.source, args.out / "geonames_admin1.tsv")
    write_districts(builder, args.source, args.geojson)
    kinds = Counter(p.kind for p in places)
    print(f"{len(places)} places ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
