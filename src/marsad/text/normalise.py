"""Arabic normalisation with an offset map back to the original text.

Every later stage works on the normalised string, but evidence spans must index the
text exactly as the user gave it.  :func:`normalise` therefore returns a
:class:`NormalisedText` holding both strings and, for every normalised character, the
index of the original character it came from.

What is folded (see codebook and ``docs/normalisation.md``):

* removed: harakat and Quranic marks (U+0610-061A, U+064B-065F, U+0670, U+06D6-06ED),
  tatweel (U+0640), bidi controls and zero-width characters;
* folded one-to-one: alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي), taa marbuta (ة → ه),
  Arabic-Indic and Persian digits (٠-٩, ۰-۹ → 0-9), Persian/Urdu letters (ک → ك, ی → ي,
  ۀ/ە → ه), Arabic punctuation look-alikes (٫ → ., ٬ → ,);
* presentation forms (U+FB50-FDFF, U+FE70-FEFF) are decomposed with NFKC, which may turn
  one original character into several (ﻻ → لا); all of them map back to that character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_REMOVED = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"  # marks, tatweel
    "\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad"  # bidi, zero-width, BOM, soft hyphen
)
_REMOVED_RE = re.compile(f"[{_REMOVED}]")
_MARK_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, tatweel
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    "ک": "ك", "ی": "ي", "ۀ": "ه", "ە": "ه", "ې": "ي", "ێ": "ي",
    "٫": ".", "٬": ",",
}
_FOLD.update({chr(0x0660 + i): str(i) for i in range(10)})
_FOLD.update({chr(0x06F0 + i): str(i) for i in range(10)})
_FOLD_ITEMS = tuple(_FOLD.items())


def _fold_chars(text: str) -> str:
    """Apply the one-to-one folds.  ``str.replace`` per character present is ~20× faster than
    ``str.translate`` with a dict table, which looks up every character of a non-ASCII string."""
    for old, new in _FOLD_ITEMS:
        if old in text:
            text = text.replace(old, new)
    return text


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised copy of ``original`` and the way back to it."""

    original: str
    text: str
    # Sorted normalised positions where the shift to the original changes, and the
    # shift from that position on; empty when the two strings align one-to-one.
    _breaks: tuple[int, ...] = ()
    _shifts: tuple[int, ...] = ()

    def original_index(self, i: int) -> int:
        """Index in ``original`` of normalised character ``i`` (``len(text)`` maps to the end)."""
        if i >= len(self.text):
            return len(self.original)
        if not self._breaks:
            return i
        k = bisect_right(self._breaks, i) - 1
        return i + (self._shifts[k] if k >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised ``[start, end)`` span to the original text (marks on its last letter included)."""
        if end <= start:
            o = self.original_index(start)
            return o, o
        last = self.original_index(end - 1) + 1
        while last < len(self.original) and _MARK_RE.match(self.original, last):
            last += 1
        return self.original_index(start), last

    def original_text(self, start: int, end: int) -> str:
        """The original characters behind normalised ``[start, end)``."""
        s, e = self.span(start, end)
        return self.original[s:e]


def normalise(original: str) -> NormalisedText:
    """Normalise ``original`` and keep the offset map."""
    if _PRESENTATION_RE.search(original):
        return _normalise_slow(original)
    removed = [m.start() for m in _REMOVED_RE.finditer(original)]
    text = _fold_chars(_REMOVED_RE.sub("", original) if removed else original)
    if not removed:
        return NormalisedText(original, text)
    breaks: list[int] = []
    shifts: list[int] = []
    for n, pos in enumerate(removed, start=1):
        at = pos - (n - 1)  # normalised index of the character after the removed one
        if breaks and breaks[-1] == at:
            shifts[-1] = n
        else:
            breaks.append(at)
            shifts.append(n)
    return NormalisedText(original, text, tuple(breaks), tuple(shifts))


def _normalise_slow(original: str) -> NormalisedText:
    """Character-by-character path for text with presentation forms (rare)."""
    out: list[str] = []
    breaks: list[int] = []
    shifts: list[int] = []
    shift = 0
    for i, ch in enumerate(original):
        if _REMOVED_RE.match(ch):
            continue
        piece = unicodedata.normalize("NFKC", ch) if _PRESENTATION_RE.match(ch) else ch
        piece = _fold_chars(_REMOVED_RE.sub("", piece))
        for _ in piece:
            pos = len(out)
            if i - pos != shift or not breaks:
                shift = i - pos
                breaks.append(pos)
                shifts.append(shift)
            out.append(_)
    text = "".join(out)
    return NormalisedText(original, text, tuple(breaks), tuple(shifts))


_SPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Normalise a lexicon or gazetteer string the same way (no offsets), collapsing spaces."""
    return _SPACE_RE.sub(" ", normalise(text).text).strip()
