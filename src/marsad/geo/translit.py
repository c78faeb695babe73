"""A small, readable Arabic → Latin transliteration for names the gazetteer does not know.

It is not a scholarly romanisation: it aims at the press style of place names ("Al-Zarka",
"Tarba", "Hajin").  Short vowels are not written in Arabic, so an "a" is put after the first
consonant of a word-initial cluster and between the consonants of longer clusters; ي and و
between consonants read as "i" and "u"; ة at the end reads "a"; ال becomes "Al-".
"""

from __future__ import annotations

from marsad.text.normalise import fold

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "ئ": "'", "ؤ": "'", "گ": "g", "چ": "ch", "پ": "p",
    "ڤ": "v",
}
_VOWELS = {"ا": "a", "ي": "i", "و": "u"}


def transliterate(name: str) -> str:
    """"الزركة" → "Al-Zarka"; each word capitalised, words joined by spaces."""
    return " ".join(_word(w) for w in fold(name).split() if w)


def _word(word: str) -> str:
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "Al-", word[2:]
    if word.endswith("ه") and len(word) > 2:
        word = word[:-1] + "\u0629"  # final ة (folded to ه): read as "a"
    units = _units(word)
    latin = "".join(units).replace("''", "'").strip("'")
    return prefix + latin[:1].upper() + latin[1:]


def _units(word: str) -> list[str]:
    """Latin pieces of one word, with vowels put into consonant clusters."""
    out: list[str] = []
    run = 0  # consonants in a row so far
    for i, ch in enumerate(word):
        if ch == "\u0629":
            out.append("a")
            run = 0
            continue
        between = 0 < i < len(word) - 1 and word[i - 1] not in _VOWELS and word[i + 1] not in _VOWELS
        if ch in _VOWELS and (i == 0 or i == len(word) - 1 or ch == "ا" or between):
            if i == 0 and ch != "ا":
                out.append({"ي": "y", "و": "w"}[ch])
                run = 1
                continue
            out.append("a" if ch == "ا" and i else _VOWELS[ch] if i else "a")
            run = 0
            continue
        latin = _CONSONANTS.get(ch, {"ي": "y", "و": "w"}.get(ch, ""))
        if not latin:
            continue
        if run == 1 and (i == 1 or out[-1] == "'" or len(out) == 1) or run >= 2:
            out.append("a")
            run = 0
        out.append(latin)
        run += 1
    return out
