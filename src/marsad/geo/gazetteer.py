"""The gazetteer: every known place, its Arabic names, admin units and coordinates.

The packaged table ``data/gazetteer/places.tsv`` is built by ``scripts/build_gazetteer.py``
from open data (OCHA COD-AB, IOM DTM, GeoNames; see ``data/gazetteer/SOURCES.md``).  Places
imported with ``marsad gazetteer import`` live in the user data directory
(``$MARSAD_HOME`` or ``~/.local/share/marsad``, folder ``gazetteer/``) in the same format and are
loaded in addition.  Each row carries its folded Arabic match keys, so loading is a file read
and a dictionary build (no shapely, no normalisation at run time).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.cache import no_gc
from marsad.errors import DataFileError
from marsad.geo.cues import short_word_proclitics
from marsad.geo.index import WordIndex
from marsad.text.matcher import Match
from marsad.text.normalise import fold
from marsad.text.tokens import Token

COLUMNS = ("id", "kind", "country", "admin1", "admin2", "admin3", "lat", "lon", "population", "disputed",
           "name_en", "name_ar", "keys")
PACKAGED = "data/gazetteer/places.tsv"
#: Order in which :meth:`Gazetteer.search` prefers kinds (the most specific settlement first).
SEARCH_ORDER = ("city", "town", "landmark", "neighbourhood", "village", "camp", "subdistrict", "district",
                "region", "governorate")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    id: str  # stable, e.g. "cod:IQG13Q04", "dtm:1101011", "gn:98182"
    name_en: str  # English display name (goes to the event's `location`)
    name_ar: str
    kind: str  # governorate | district | subdistrict | city | town | village | neighbourhood | camp | landmark | region
    country: str  # ISO3
    admin1: str
    admin2: str
    admin3: str
    lat: float
    lon: float
    population: int  # 0 if unknown
    disputed: bool


@dataclass(frozen=True, slots=True)
class NameHit:
    """A gazetteer name found in a text: the place and the folded key that matched."""

    place: Place
    key: str


def user_home() -> Path:
    """Marsad's user data directory: ``$MARSAD_HOME`` or ``~/.local/share/marsad``."""
    home = os.environ.get("MARSAD_HOME")
    return Path(home) if home else Path.home() / ".local" / "share" / "marsad"


def user_gazetteer_dir() -> Path:
    return user_home() / "gazetteer"


def parse_rows(lines: Iterable[str], where: str) -> Iterator[tuple[Place, tuple[str, ...]]]:
    """Places and their keys from the lines of a places table (header first)."""
    it = iter(lines)
    header = next(it, "").rstrip("\n").split("\t")
    if tuple(header) != COLUMNS:
        raise DataFileError(where, f"not a Marsad places table (header {header[:3]}...)")
    for n, line in enumerate(it, start=2):
        f = line.rstrip("\n").split("\t")
        if len(f) != len(COLUMNS):
            raise DataFileError(where, f"line {n}: {len(f)} fields, expected {len(COLUMNS)}")
        try:
            place = Place(f[0], f[10], f[11], f[1], f[2], f[3], f[4], f[5], float(f[6]), float(f[7]), int(f[8]),
                          f[9] == "1")
        except ValueError as exc:
            raise DataFileError(where, f"line {n}: {exc}") from None
        yield place, tuple(f[12].split("|")) if f[12] else ()


class Gazetteer:
    """Places, their names, and the lookups the geocoder needs."""

    _default: Gazetteer | None = None

    def __init__(self, rows: Iterable[tuple[Place, tuple[str, ...]]]) -> None:
        self.places: list[Place] = []
        self._by_id: dict[str, Place] = {}
        self._keys: dict[str, frozenset[str]] = {}
        self._by_key: dict[str, list[Place]] = {}
        self._governorates: dict[str, Place] = {}
        self.index: WordIndex[NameHit] = WordIndex()
        for place, keys in rows:
            self._add(place, keys)

    def _add(self, place: Place, keys: tuple[str, ...]) -> None:
        if place.id in self._by_id:  # an import never replaces a packaged entry
            return
        self.places.append(place)
        self._by_id[place.id] = place
        keyset = frozenset(keys)
        self._keys[place.id] = keyset
        for key in keys:
            self._by_key.setdefault(key, []).append(place)
            # A key without ال must not match a token that has it, unless the place also has the ال form.
            words = tuple(key.split())
            self.index.add(words, NameHit(place, key), strict=("ال" + key) not in keyset)
            if len(words) > 1 and len(words[0]) == 2:  # "وتل عفر": too short for the text's clitic peeling
                for p in short_word_proclitics():
                    self.index.add((p + words[0], *words[1:]), NameHit(place, key), strict=True)
        if place.kind == "governorate":
            self._governorates.setdefault(place.admin1, place)

    # --- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> Gazetteer:
        """The packaged places plus every ``*.tsv`` table in ``extra_dir`` (sorted by name)."""
        try:
            text = resources.files("marsad").joinpath(PACKAGED).read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise DataFileError(f"marsad/{PACKAGED}", "file is missing (run scripts/build_gazetteer.py)") from exc
        rows: list[Iterable[tuple[Place, tuple[str, ...]]]] = [parse_rows(text.splitlines(), f"marsad/{PACKAGED}")]
        if extra_dir is not None and extra_dir.is_dir():
            for path in sorted(extra_dir.glob("*.tsv")):
                rows.append(parse_rows(path.read_text(encoding="utf-8").splitlines(), str(path)))
        with no_gc():
            return cls(row for part in rows for row in part)

    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer plus the user's imports (loaded once per process)."""
        if cls._default is None:
            cls._default = cls.load(user_gazetteer_dir())
        return cls._default

    @classmethod
    def clear_default(cls) -> None:
        """Forget the cached default (after an import, or in tests that change ``MARSAD_HOME``)."""
        cls._default = None

    # --- lookups ---------------------------------------------------------------------------

    def find(self, text: str, tokens: list[Token]) -> list[Match[Place]]:
        """Raw name matches of the gazetteer in a normalised text (all spans, all places)."""
        return [Match(m.first, m.last, m.start, m.end, m.payload.place) for m in self.find_names(text, tokens)]

    def find_names(self, text: str, tokens: list[Token]) -> list[Match[NameHit]]:
        """Like :meth:`find`, with the key that matched each place."""
        return self.index.find(text, tokens)

    def governorate(self, admin1: str) -> Place | None:
        """The governorate ``admin1`` (its point is the capital's, codebook §4)."""
        return self._governorates.get(admin1)

    def governorates(self) -> list[Place]:
        return list(self._governorates.values())

    def by_id(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def keys(self, place: Place) -> frozenset[str]:
        """The folded Arabic names of ``place``."""
        return self._keys.get(place.id, frozenset())

    def by_key(self, key: str) -> list[Place]:
        """Places with the folded name ``key``."""
        return self._by_key.get(key, [])

    def search(self, name_ar: str, admin1: str | None = None) -> list[Place]:
        """Places named ``name_ar`` (any spelling; a leading cue noun such as مدينة is ignored),
        optionally only in ``admin1``; the most specific settlement first, then the most populous."""
        from marsad.geo.cues import load_place_cues

        name = fold(name_ar)
        words = name.split()
        cue_words = load_place_cues().cue_words
        while len(words) > 1 and words[0] in cue_words and " ".join(words) not in self._by_key:
            words = words[1:]
        name = " ".join(words)
        found: dict[str, Place] = {}
        for key in (name, name[2:] if name.startswith("ال") else "ال" + name):
            for place in self._by_key.get(key, []):
                if admin1 is None or place.admin1 == admin1:
                    found.setdefault(place.id, place)
        return sorted(found.values(), key=lambda p: (SEARCH_ORDER.index(p.kind) if p.kind in SEARCH_ORDER else 99,
                                                     -p.population, p.id))

    def __len__(self) -> int:
        return len(self.places)
