"""``marsad gazetteer import``: add a GeoNames country dump to the user's gazetteer.

The input is GeoNames' standard per-country file (``YE.txt``, ``LY.txt``: 19 tab-separated
columns, see the GeoNames readme).  Populated places (feature class P) and first/second-level
admin units (ADM1, ADM2) that have an Arabic-script name among ``alternatenames`` become places;
``admin1`` is the name of the file's ADM1 feature for that admin1 code (for Iraq and Syria, the
codebook spelling from ``data/gazetteer/geonames_admin1.tsv``).  The file is validated first and
the table is written to a temporary file and renamed, so a bad input never damages what an
earlier import stored.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from marsad.errors import InputError
from marsad.geo.gazetteer import COLUMNS, user_gazetteer_dir
from marsad.text.normalise import fold

N_COLUMNS = 19
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
_CUES = ("محافظه ", "مدينه ", "قضاء ", "ناحيه ", "مديريه ", "بلديه ", "قريه ")


@dataclass(frozen=True, slots=True)
class GeoNamesRow:
    """The columns of a GeoNames row that the import uses."""

    geonameid: str
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    population: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    country: str
    places: int
    rows: int


def _iso3() -> dict[str, str]:
    text = resources.files("marsad").joinpath("data/gazetteer/countries.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines()[1:] if line)
    return {p[0]: p[1] for p in pairs}


def read_geonames(path: Path) -> Iterator[GeoNamesRow]:
    """Rows of a GeoNames dump; an :class:`InputError` names the line of the first bad one."""
    where = str(path)
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(where, f"cannot read: {exc.strerror or exc}") from None
    with fh:
        try:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                yield _parse(line.rstrip("\n").rstrip("\r"), where, n)
        except UnicodeDecodeError:
            raise InputError(where, "not UTF-8 text (a GeoNames dump such as YE.txt is expected)") from None


def _parse(line: str, where: str, n: int) -> GeoNamesRow:
    f = line.split("\t")
    if len(f) != N_COLUMNS:
        raise InputError(where, f"{len(f)} tab-separated columns, GeoNames dumps have {N_COLUMNS}", n)
    try:
        lat, lon = float(f[4]), float(f[5])
    except ValueError:
        raise InputError(where, f"latitude/longitude {f[4]!r}, {f[5]!r} are not numbers", n) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(where, f"coordinates {lat}, {lon} out of range", n)
    if not f[0].isdigit():
        raise InputError(where, f"geonameid {f[0]!r} is not a number", n)
    if not re.fullmatch(r"[A-Z]{2}", f[8]):
        raise InputError(where, f"country code {f[8]!r} is not two capital letters", n)
    population = f[14] or "0"
    if not population.lstrip("-").isdigit():
        raise InputError(where, f"population {f[14]!r} is not a number", n)
    names = tuple(a for a in f[3].split(",") if a)
    return GeoNamesRow(f[0], f[1], f[2], names, lat, lon, f[6], f[7], f[8], f[10], max(0, int(population)))


def _arabic_names(row: GeoNamesRow) -> list[str]:
    """Arabic-script alternate names (GeoNames does not tag languages here), cue nouns stripped."""
    out: list[str] = []
    for name in row.alternatenames:
        if not _ARABIC.search(name) or _LATIN.search(name):
            continue
        key = fold(name)
        for cue in _CUES:
            if key.startswith(cue) and len(key) > len(cue) + 2:
                key = key[len(cue):]
        if len(key.replace(" ", "")) >= 3 and key not in out:
            out.append(key)
    return out


def _kind(row: GeoNamesRow) -> str | None:
    if row.feature_class == "A":
        return {"ADM1": "governorate", "ADM2": "district"}.get(row.feature_code)
    if row.feature_class == "P" and row.feature_code not in ("PPLX", "PPLH", "PPLW", "PPLQ"):
        return "city" if row.population >= 100_000 or row.feature_code in ("PPLA", "PPLC") else "town"
    return None


def _codebook_admin1() -> dict[tuple[str, str], str]:
    text = resources.files("marsad").joinpath("data/gazetteer/geonames_admin1.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines()[1:] if line)
    return {(p[0], p[1]): p[2] for p in pairs}


def import_geonames(path: Path, dest: Path | None = None) -> ImportResult:
    """Import a GeoNames country dump into the user gazetteer (``dest``: the folder)."""
    rows = list(read_geonames(path))
    if not rows:
        raise InputError(str(path), "no rows (an empty file?)")
    countries = {r.country_code for r in rows}
    if len(countries) != 1:
        listed = ", ".join(sorted(countries))
        raise InputError(str(path), f"holds several countries ({listed}); import one dump at a time")
    cc = countries.pop()
    iso3 = _iso3().get(cc)
    if iso3 is None:
        raise InputError(str(path), f"unknown country code {cc!r}")
    adm1 = {r.admin1_code: r.asciiname for r in rows if r.feature_class == "A" and r.feature_code == "ADM1"}
    adm1.update({code: name for (c, code), name in _codebook_admin1().items() if c == cc})
    lines = ["\t".join(COLUMNS)]
    for r in sorted(rows, key=lambda r: int(r.geonameid)):
        kind, names = _kind(r), _arabic_names(r)
        if kind is None or not names:
            continue
        admin1 = adm1.get(r.admin1_code, "")
        if kind == "governorate" and not admin1:
            continue
        lines.append("\t".join([f"gn:{r.geonameid}", kind, iso3, admin1, "", "", f"{r.lat:.5f}", f"{r.lon:.5f}",
                                str(r.population), "0", r.asciiname or r.name, names[0], "|".join(sorted(names))]))
    if len(lines) == 1:
        raise InputError(str(path), "no populated place or admin unit with an Arabic name")
    folder = dest or user_gazetteer_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{cc}.tsv"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{cc}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return ImportResult(target, iso3, len(lines) - 1, len(rows))
