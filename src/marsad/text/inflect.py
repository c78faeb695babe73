"""Arabic inflection from one row per lemma (unvowelled, folded spelling): the one generator of forms.

Arabic news tells an act with a verb in any person, gender, number and voice ("قتل"، "قتلت"، "قتلوا"،
"يقتلون"، "قتلهم"، "اغتيل"، "يغتال"، "لقيا"، "قضوا") and with verbal nouns that take possessive pronouns
and dual or plural endings ("مقتله"، "إصابتهم"، "غارتين").  A lexicon row gives a lemma's *stems* — the
perfect (قتل; a hollow verb shortens before a consonant suffix, اغتال → اغتلنا; a defective one drops its
last letter before ت and وا, اعتدى → اعتدت، اعتدوا), the imperfect after the person prefix (قتل of يقتل;
غتال of يغتال), the passive where unvowelled writing shows it (اغتيل) — and the functions below attach
the person prefixes and the subject, object and possessive suffixes.  Each form comes with its tag
(person and number: 3ms, 3fp, 1p …; the pronoun it carries) where the clause-frame stage needs them.

Both loaders use this module: ``verbs.toml`` predicates (tagged forms, ``marsad.lexicon._load_verbs``)
and the verbs of a toll, ``numbers.toml`` [[toll_verb]] (plain sets: :func:`conjugate`).
Unvowelled, active and passive of a sound verb are one spelling (قتل = qatala and qutila), so the voice
needs no form of its own.  Over-generation (a suffix no real form takes on that stem) is harmless: such
words do not occur.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Subject suffixes of the perfect and the person they mark.
PERFECT = (("", "3ms"), ("ت", "3fs"), ("وا", "3mp"), ("ا", "3md"), ("تا", "3fd"), ("ن", "3fp"), ("نا", "1p"),
           ("تم", "2mp"), ("تما", "2d"))
#: Person prefixes of the imperfect: he/they, she/you, we, I.
IMPERFECT_PREFIXES = (("ي", "3m"), ("ت", "3f"), ("ن", "1p"), ("ا", "1s"))
#: Subject suffixes of the imperfect and the number they mark (indicative and subjunctive plural, dual,
#: 2fs, feminine plural).
IMPERFECT_SUFFIXES = (("", "s"), ("ون", "p"), ("وا", "p"), ("ان", "d"), ("ا", "d"), ("ين", "s"), ("ن", "fp"))
#: Object pronouns on a transitive verb: him, her, them, them two, them (f), me, us, you.
OBJECTS = ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم")
#: Possessive pronouns on a noun: his, her, their, their two, their (f).
POSSESSIVES = ("ه", "ها", "هم", "هما", "هن")
#: Shortest form kept: a stem with no suffix may be one or two letters (قض), which is no word.
MIN_LENGTH = 3

Tagged = tuple[str, str]  # a form and its tag (a person, or the pronoun it carries)


def perfect(lemma: str, defective: bool = False, hollow: bool = False,
            persons: frozenset[str] | None = None) -> list[Tagged]:
    """The perfect with its subject suffixes and their persons: قتل، قتلت، قتلوا، قتلا …; a defective
    lemma drops its last letter before ت and وا (اعتدى → اعتدت، اعتدوا); a hollow one shortens before a
    consonant suffix (اغتال → اغتلنا); a final ي drops before وا (لقي → لقوا).  ``persons``: only these."""
    out = []
    for suffix, person in PERFECT:
        if persons is not None and person not in persons:
            continue
        if defective:
            stem = lemma[:-1] if suffix in ("ت", "وا", "تا") else lemma
        elif hollow and suffix[:1] in ("ت", "ن") and person not in ("3fs", "3fd"):
            stem = lemma[:-2] + lemma[-1]
        elif lemma.endswith("ي") and suffix == "وا":
            stem = lemma[:-1]
        else:
            stem = lemma
        out.append((stem + suffix, person))
    return out


def imperfect(stem: str, prefixes: tuple[tuple[str, str], ...] = IMPERFECT_PREFIXES,
              suffixes: tuple[tuple[str, str], ...] = IMPERFECT_SUFFIXES) -> list[Tagged]:
    """The imperfect with its prefixes and suffixes and their person and number: يقتل (3ms)، تقتل (3fs)،
    يقتلون (3mp)، يقتلان (3md)، نقتل (1ps); a stem in ي drops it before و (يعتدون)."""
    out = []
    for prefix, who in prefixes:
        for suffix, number in suffixes:
            base = stem[:-1] if stem.endswith("ي") and suffix.startswith("و") else stem
            out.append((prefix + base + suffix, who + number))
    return out


def before_suffix(word: str) -> str:
    """A folded word as it is written before a suffix: its final ة (folded ه) becomes ت (غارة → غارت-ين، إصابة →
    إصابت-ه); any other word is unchanged."""
    return word[:-1] + "ت" if word.endswith("ه") else word


def with_pronouns(form: str, pronouns: tuple[str, ...], noun: bool = False, defective: bool = False) -> list[Tagged]:
    """A form alone and with each pronoun, tagged with it: قتلوا → قتلوه (the silent alif of -وا drops);
    on a noun ة is written ت before it (إصابة → إصابته); a defective verb's final ى (folded ي) is written
    ا before it (تبنّى → تبنّاه، ألقى → ألقاها)."""
    if form.endswith("وا"):
        base = form[:-1]
    elif defective and form.endswith("ي"):
        base = form[:-1] + "ا"
    elif noun and form.endswith("ه") and len(form) > 3:
        base = before_suffix(form)
    else:
        base = form
    return [(form, ""), *((base + p, p) for p in pronouns)]


def noun_paradigm(nouns: Iterable[str], plurals: Iterable[str]) -> list[Tagged]:
    """Nouns with possessive pronouns, the dual (تفجيرين، غارتين), the -ات plural of a noun in ة, the
    accusative -ا (هجوما، قصفا) and listed plurals with their pronouns; tagged with the pronoun."""
    out: list[Tagged] = []
    for noun in nouns:
        out.extend(with_pronouns(noun, POSSESSIVES, noun=True))
        out.extend((before_suffix(noun) + dual, "") for dual in ("ين", "ان"))
        if noun.endswith("ه"):
            out.append((noun[:-1] + "ات", ""))
        elif not noun.endswith(("ء", "ي", "ا")):
            out.append((noun + "ا", ""))
    for plural in plurals:
        out.extend(with_pronouns(plural, POSSESSIVES, noun=True))
    return out


def participles(participle: str) -> list[str]:
    """A participle with its endings: قاتل، قاتله، قاتلون، قاتلين، قاتلان، قاتلات، قاتلا."""
    return [participle + end for end in ("", "ه", "ون", "ين", "ان", "ات", "ا")]


# --- plain sets (the verbs of a toll) ----------------------------------------------------------

def perfect_forms(stems: Iterable[str], transitive: bool) -> set[str]:
    """Every person of the perfect (active or passive) on each stem, with object pronouns if transitive."""
    return {f for stem in stems for form, _ in perfect(stem)
            for f, _ in with_pronouns(form, OBJECTS if transitive else ())}


def imperfect_forms(stems: Iterable[str], transitive: bool) -> set[str]:
    """Every person of the imperfect (active or passive) on each stem, with object pronouns if transitive."""
    return {f for stem in stems for form, _ in imperfect(stem)
            for f, _ in with_pronouns(form, OBJECTS if transitive else ())}


def conjugate(perfect_stems: Iterable[str], imperfect_stems: Iterable[str], transitive: bool) -> frozenset[str]:
    """All forms of one lemma from its perfect and imperfect stems (passive stems go in the same lists)."""
    forms = perfect_forms(perfect_stems, transitive) | imperfect_forms(imperfect_stems, transitive)
    return frozenset(f for f in forms if len(f) >= MIN_LENGTH)


def noun_forms(noun: str) -> set[str]:
    """A verbal noun alone and with a possessive pronoun, ة written ت before it (إصابة → إصابته)."""
    return {f for f, _ in with_pronouns(noun, POSSESSIVES, noun=True)}


def dual_forms(singular: str) -> set[str]:
    """The dual of a noun: nominative -ان, oblique -ين, oblique construct -ي; ة is written ت before
    them (جثة → جثتان، جثتين، جثتي).  The nominative construct -ا is left out: it is the spelling
    of the accusative singular (قتيلا)."""
    stem = before_suffix(singular)
    return {stem + "ان", stem + "ين", stem + "ي"} - {singular}


def dual_phrases(phrase: str) -> list[str]:
    """A noun and its adjectives in the dual, every word agreeing, nominative then oblique, indefinite and
    with ال (folded spelling): "صاروخ اسرائيلي" → صاروخان اسرائيليان، صاروخين اسرائيليين، الصاروخان
    الاسرائيليان …; ة is written ت before the ending ("طائره روسيه" → طائرتان روسيتان)."""
    words = [w.removeprefix("ال") for w in phrase.split()]
    stems = [before_suffix(w) for w in words]
    return [" ".join(article + s + ending for s in stems) for article in ("", "ال") for ending in ("ان", "ين")]


# --- cue words in ة (triggers.toml) ------------------------------------------------------------

def ta_marbuta_phrases(phrase: str) -> list[str]:
    """The suffixed forms of a folded cue phrase whose nouns end in ة (folded ه), which a prefix pattern
    cannot reach: ة is written ت before any suffix, so "غاره*" never matches "غارتين".

    One word: the dual (غارتان، غارتين، غارتي), the possessive pronouns (غارته، عمليتهم) and the sound
    plural -ات, which takes ة's place (غارات); a word with ال takes no pronoun (المدفعيتين).  The plural
    with a pronoun is left out: "شن التنظيم هجماته على المدينة" tells of a party's attacks in general, a
    habit, not one event reported.  A noun with its adjectives, every word in ة, agrees in the dual ("ضربه جويه" →
    ضربتان جويتان، الضربتين الجويتين).  A word ending in ته already carries a pronoun (اصابته) and a
    word of under three letters is no noun in ة: nothing is made.  Where the final ه is a pronoun
    (قصفه) the forms made are mostly no words, which is harmless; a trailing * is dropped.
    """
    words = [w.removesuffix("*") for w in phrase.split()]
    if not words or not all(_in_ta_marbuta(w) for w in words):
        return []
    if len(words) > 1:
        return dual_phrases(" ".join(words))
    article = "ال" if words[0].startswith("ال") else ""
    noun = words[0][len(article):]
    pronouns = () if article else POSSESSIVES
    forms = [*sorted(dual_forms(noun)), noun[:-1] + "ات", *(before_suffix(noun) + p for p in pronouns)]
    return [article + f for f in forms]


def _in_ta_marbuta(word: str) -> bool:
    """Whether a folded word may end in ة: it ends in ه, not in a pronoun on ة (ته), and is a noun's length."""
    return word.endswith("ه") and not word.endswith("ته") and len(word.removeprefix("ال")) >= MIN_LENGTH


# --- nouns of people (actors.toml) ---------------------------------------------------------------

#: Plural marks of a person-noun row: "+" the sound masculine plural (-ون/-ين, construct -و/-ي), "+ات" the
#: feminine (ة in the singular, -ات in the plural: ناشطة، ناشطات).
SOUND_MASCULINE, FEMININE = "+", "+ات"


def person_forms(row: str) -> list[str]:
    """Every number and case of a noun of people from its lexicon row (folded spelling): the singular, then
    its plurals — listed broken plurals and the marks ``+`` (sound masculine) and ``+ات`` (feminine).

    "جندي جنود" → جندي، جنديا (accusative)، جنديان، جنديين (dual)، جنود، جنودا; "مسلح +" → مسلح، مسلحا،
    مسلحان، مسلحين، مسلحون، مسلحو، مسلحي (construct: "مسلحو التنظيم"، "مسلحي داعش"); "ناشط + +ات" adds
    ناشطه، ناشطتان، ناشطات.  A row written with ال (المهاجم +) makes only definite forms; the matcher
    takes clitics and the article on the others.  The feminine singular is made only where the row asks for
    it: a nisba in ة is most often an adjective of a thing (قاعدة عسكرية), not a person.
    """
    words = row.split()
    if not words:
        raise ValueError("empty person-noun row")
    article = "ال" if words[0].startswith("ال") else ""
    singular = words[0][len(article):]
    forms = _singular_and_dual(singular, definite=bool(article))
    for plural in words[1:]:
        if plural == SOUND_MASCULINE:
            forms += [singular + end for end in ("ون", "ين", "و", "ي")]
        elif plural == FEMININE:
            feminine = singular + "ه"
            forms += [feminine, singular + "ات", *sorted(dual_forms(feminine) - {singular + "تي"})]
        else:
            forms += [plural] if article or plural.endswith(("ه", "ا", "ي", "ء")) else [plural, plural + "ا"]
    seen: dict[str, None] = dict.fromkeys(article + f for f in forms)
    return list(seen)


def _singular_and_dual(singular: str, definite: bool) -> list[str]:
    """A singular, its indefinite accusative (جنديا، مدنيا; none after ة, ا or ء, and none with ال) and its
    dual without the construct -ي (شخصي is "personal", not "two persons of")."""
    accusative = [] if definite or singular.endswith(("ه", "ا", "ء")) else [singular + "ا"]
    return [singular, *accusative, *sorted(d for d in dual_forms(singular) if d.endswith(("ان", "ين")))]
