"""What a user types for a governorate or an event type, resolved to the codebook's spelling.

``--admin1 البصرة``, ``--admin1 Basrah`` and ``--admin1 basra`` all mean ``Basra``;
``--type IED`` means ``Remote explosive/landmine/IED``.  A value is matched, in order, by its
codebook spelling, a listed alias (``data/vocabulary/filters.toml``), its Arabic name in the
gazetteer, or a close spelling; a value that matches nothing is a :class:`UsageError` that
suggests the nearest valid values, instead of a query that silently returns no events.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from functools import cache
from importlib import resources

from marsad.errors import DataFileError, UsageError
from marsad.taxonomy import ADMIN1, EVENT_TYPES
from marsad.text.normalise import fold

_VOCABULARY = "data/vocabulary/filters.toml"
_PREFIX = re.compile(r"^(?:al|an|ar|as|ad|ash|az|el)[\s-]+")
_SEPARATORS = re.compile(r"[\s'’`_-]+")
#: Below this similarity a typed name is not taken for a valid one.
CLOSE_ENOUGH = 0.82


def resolve_admin1(value: str) -> str:
    """The codebook name of the governorate ``value`` names (English or Arabic)."""
    names = _admin1_names()
    return _resolve(value, names, "governorate", sorted(set(names.values())))


def resolve_type(value: str) -> str:
    """The event type or sub-event type ``value`` names (full or short name)."""
    names = _type_names()
    return _resolve(value, names, "event type", [*sorted(set(EVENT_TYPES.values())), *EVENT_TYPES])


def _resolve(value: str, names: dict[str, str], what: str, valid: list[str]) -> str:
    key = _key(value)
    if key in names:
        return names[key]
    close = difflib.get_close_matches(key, list(names), n=1, cutoff=CLOSE_ENOUGH)
    if close:
        return names[close[0]]
    nearest = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)
    hint = ", ".join(dict.fromkeys(names[k] for k in nearest)) if nearest else ", ".join(valid)
    label = "did you mean" if nearest else "valid values"
    raise UsageError(f"no {what} {value!r} ({label}: {hint})")


def _key(value: str) -> str:
    """``value`` folded for matching: Arabic folded as the gazetteer folds it, Latin lower-cased
    without an article prefix (al-, ar-, as- …), separators, apostrophes or a final h."""
    text = fold(value.strip())
    if not text.isascii():
        return text
    text = _SEPARATORS.sub(" ", _PREFIX.sub("", text.lower())).strip()
    return text[:-1] if text.endswith("h") and len(text) > 4 else text


@cache
def _vocabulary() -> dict[str, dict[str, list[str]]]:
    try:
        data = tomllib.loads(resources.files("marsad").joinpath(_VOCABULARY).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(_VOCABULARY, f"cannot be read: {exc}") from None
    return {table: {name: list(aliases) for name, aliases in data.get(table, {}).items()}
            for table in ("admin1", "type")}


@cache
def _admin1_names() -> dict[str, str]:
    from marsad.geo.gazetteer import Gazetteer

    names: dict[str, str] = {}
    gazetteer = Gazetteer.default()
    for place in gazetteer.governorates():
        for arabic in (place.name_ar, *gazetteer.keys(place)):
            names[_key(arabic)] = place.admin1
    for name, aliases in _vocabulary()["admin1"].items():
        for alias in aliases:
            names[_key(alias)] = name
    for name in (n for country in ADMIN1.values() for n in country):
        names[_key(name)] = name
    return names


@cache
def _type_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name, aliases in _vocabulary()["type"].items():
        for alias in aliases:
            names[_key(alias)] = name
    for name in (*EVENT_TYPES, *EVENT_TYPES.values()):
        names[_key(name)] = name
    return names
