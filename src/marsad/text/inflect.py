"""Verb inflection from one row per lemma (unvowelled, folded spelling).

Arabic news tells a death with a verb in any person, gender, number and voice ("قتل"، "قتلت"،
"قتلوا"، "يقتلون"، "قتلهم"، "اغتيل"، "يغتال"، "لقيا"، "قضوا").  A lexicon row gives the *stems*
of a lemma — the perfect (قتل; a hollow verb also its short stem اغتل, a defective one its stem
without the last letter قض), the imperfect after the person prefix (قتل of يقتل; غتال of يغتال),
the passive where unvowelled writing shows it (اغتيل، يغتال) — and :func:`conjugate` attaches
the person prefixes and the subject and object suffixes.  Unvowelled, active and passive of a
sound verb are one spelling (قتل = qatala and qutila), so the voice needs no form of its own.
Over-generation (a suffix no real form takes on that stem) is harmless: such words do not occur.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Subject suffixes of the perfect: he, she/I/you, they two (m/f), they (m/f), we, you (pl).
PERFECT_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما")
#: Person prefixes of the imperfect: he/they, she/you, we, I.
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
#: Subject suffixes of the imperfect: singular, plural (indicative, subjunctive), dual, 2fs, fem. plural.
IMPERFECT_SUFFIXES = ("", "ون", "وا", "ان", "ا", "ين", "ن")
#: Object pronouns on a transitive verb: him, her, them, them two, them (f), me, us, you.
OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم")
#: Shortest form kept: a stem with no suffix may be one or two letters (قض), which is no word.
MIN_LENGTH = 3


def perfect_forms(stems: Iterable[str], transitive: bool) -> set[str]:
    """Every person of the perfect (active or passive) on each stem, with object pronouns if transitive."""
    return {f for stem in stems for suffix in PERFECT_SUFFIXES for f in _with_objects(stem + suffix, transitive)}


def imperfect_forms(stems: Iterable[str], transitive: bool) -> set[str]:
    """Every person of the imperfect (active or passive) on each stem."""
    return {f for stem in stems for prefix in IMPERFECT_PREFIXES for suffix in IMPERFECT_SUFFIXES
            for f in _with_objects(prefix + stem + suffix, transitive)}


def _with_objects(form: str, transitive: bool) -> list[str]:
    """The form alone and, for a transitive verb, with each object pronoun (قتلوا + ه → قتلوه)."""
    if not transitive:
        return [form]
    base = form[:-1] if form.endswith("وا") else form  # the silent alif of -وا drops before a pronoun
    return [form, *(base + obj for obj in OBJECT_SUFFIXES)]


def conjugate(perfect: Iterable[str], imperfect: Iterable[str], transitive: bool) -> frozenset[str]:
    """All forms of one lemma from its perfect and imperfect stems (passive stems go in the same lists)."""
    forms = perfect_forms(perfect, transitive) | imperfect_forms(imperfect, transitive)
    return frozenset(f for f in forms if len(f) >= MIN_LENGTH)


def noun_forms(noun: str) -> set[str]:
    """A verbal noun alone and with a possessive pronoun, ة written ت before it (إصابة → إصابته)."""
    stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
    return {noun, *(stem + p for p in ("ه", "ها", "هم", "هما", "هن"))}


def dual_forms(singular: str) -> set[str]:
    """The dual of a noun: nominative -ان, oblique -ين, oblique construct -ي; ة is written ت before
    them (جثة → جثتان، جثتين، جثتي).  The nominative construct -ا is left out: it is the spelling
    of the accusative singular (قتيلا)."""
    stem = singular[:-1] + "ت" if singular.endswith("ه") else singular
    return {stem + "ان", stem + "ين", stem + "ي"} - {singular}
