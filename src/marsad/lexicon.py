"""The one loader of Marsad's Arabic knowledge (``marsad/data/lexicons/*.toml``).

It validates each file and builds a single :class:`~marsad.text.matcher.PhraseMatcher`
whose payloads are :class:`Entry` records, so one pass over a document's tokens finds
every cue, actor, casualty word and time word.  Number words are plain dictionaries
(the number reader looks tokens up directly).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from marsad.errors import DataFileError
from marsad.text import inflect
from marsad.text.inflect import conjugate, dual_forms, noun_forms, perfect_forms, person_forms
from marsad.text.matcher import PhraseMatcher
from marsad.text.normalise import fold
from marsad.text.tokens import tokenise

LEXICON_FILES = ("triggers", "modality", "actors", "numbers", "time", "verbs")
INTER_CODES = range(1, 9)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched phrase means: its ``category`` (cue, modality, actor, generic,
    casualty, qualifier, vague, weekday, month, hijri_month, relative_day, period,
    day_part, month_part, ordinal), a ``label`` within it and an optional ``value``."""

    category: str
    label: str
    value: Any = None

    def __reduce__(self) -> tuple[type[Entry], tuple[str, str, Any]]:
        """Pickled as a call with its fields: the lexicon cache holds thousands of entries, and a frozen slotted
        dataclass's generic state is restored field by field through :func:`dataclasses.fields` (2-3× slower)."""
        return (Entry, (self.category, self.label, self.value))


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """A canonical actor of ``actors.toml``."""

    name: str
    inter: int
    against: str = ""  # the group a force was formed to fight: its target when a clause names none
    nisba: tuple[str, ...] = ()  # its nationality adjectives, masculine singular (روسي): "الطيران الروسي"
    nation: str = ""  # the state whose forces its nisba names when they strike another than ``against``
    air_power: bool = False  # it fights here only from the air: what it does is an air strike (classify.by_initiator)
    allies: tuple[str, ...] = ()  # the actors it fights beside (both ways): never its target (actors.allied)
    organisation: bool = False  # an alias calls it a تنظيم ("تنظيم داعش"): what "التنظيم" can point back to
    countries: tuple[str, ...] = ()  # the names of its state ("تركيا"): whose "قواتها" it is ("قالت تركيا إن قواتها")


@dataclass(frozen=True, slots=True)
class CueInfo:
    """An event cue of ``triggers.toml``."""

    name: str
    family: str
    trigger: bool


@dataclass(slots=True)
class Lexicons:
    """Everything loaded from the lexicon files."""

    matcher: PhraseMatcher[Entry]
    actors: dict[str, ActorInfo]
    generics: dict[str, dict[str, str]]
    cues: dict[str, CueInfo]
    cardinals: dict[str, int]
    singles: dict[str, int]
    ordinals: dict[str, int]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    others_alone: dict[str, int] = field(default_factory=dict)  # "وأصيب آخر" = 1
    defaults: dict[str, dict[str, str]] = field(default_factory=dict)  # actors.toml [defaults]: by region
    calendar: dict[str, int] = field(default_factory=dict)  # time.toml [calendar]: where a week starts
    verbs: VerbLexicon | None = None  # verbs.toml: predicates and their generated forms

    def word_set(self, name: str) -> frozenset[str]:
        """A named word set (folded), e.g. ``"fillers"``; unknown names are a programming error."""
        return self.words[name]


def _read(name: str) -> tuple[str, dict[str, Any]]:
    path = f"marsad/data/lexicons/{name}.toml"
    try:
        raw = resources.files("marsad").joinpath(f"data/lexicons/{name}.toml").read_bytes()
        return path, tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(path, "file is missing") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(path, f"not valid TOML: {exc}") from exc


def _require(path: str, table: dict[str, Any], key: str, kind: type) -> Any:
    value = table.get(key)
    if not isinstance(value, kind):
        raise DataFileError(path, f"{key!r} must be a {kind.__name__} (in {table.get('name', table)!r:.60})")
    return value


def _phrases(path: str, table: dict[str, Any], key: str = "phrases") -> list[str]:
    items = _require(path, table, key, list)
    if not all(isinstance(p, str) and p.strip() for p in items):
        raise DataFileError(path, f"{key!r} must hold non-empty strings")
    return items


def _int_table(path: str, data: dict[str, Any], key: str) -> dict[str, int]:
    table = _require(path, data, key, dict)
    out: dict[str, int] = {}
    for word, value in table.items():
        if not isinstance(value, int):
            raise DataFileError(path, f"[{key}] {word!r} must map to an integer")
        out[fold(word)] = value
    return out


def _load_words(path: str, data: dict[str, Any], words: dict[str, frozenset[str]], table: str = "words") -> None:
    """Named word sets of a ``[words]`` table (or another table of lists)."""
    for name, items in _require(path, data, table, dict).items():
        if name in words:
            raise DataFileError(path, f"word set {name!r} is defined twice")
        words[name] = frozenset(fold(w) for w in _phrases(path, {name: items}, name))


def _load_triggers(matcher: PhraseMatcher[Entry], words: dict[str, frozenset[str]]) -> dict[str, CueInfo]:
    path, data = _read("triggers")
    _load_words(path, data, words)
    if "kin_nouns" in words and "demand_words" in words:  # one quick test for both (analyse._without_kin_victims)
        words["kin_or_demand"] = words["kin_nouns"] | words["demand_words"]
    cues: dict[str, CueInfo] = {}
    for name, table in _require(path, data, "cue", dict).items():
        info = CueInfo(name, _require(path, table, "family", str), bool(table.get("trigger", False)))
        cues[name] = info
        matcher.add_all(_with_ta_marbuta(_phrases(path, table)), Entry("cue", name, info))
    for name, table in _require(path, data, "modality", dict).items():
        matcher.add_all(_phrases(path, table), Entry("modality", name))
    return cues


def _with_ta_marbuta(phrases: list[str]) -> list[str]:
    """A cue's phrases and the suffixed forms of its words in ة, which is written ت before a suffix
    (``inflect.ta_marbuta_phrases``: "غاره*" → غارتين، غارتهم; "ضربه جويه" → ضربتان جويتان), each once:
    none the cue lists already, by itself or under a prefix pattern ("جثتي*")."""
    listed = {fold(p) for p in phrases}
    stems = tuple(p[:-1] for p in listed if p.endswith("*") and " " not in p)
    made = {f for p in listed for f in inflect.ta_marbuta_phrases(p)} - listed
    return phrases + sorted(f for f in made if not f.startswith(stems))


#: What a modality.toml frame may mean (the mention stage reads these labels).
FRAME_LABELS = ("irrealis", "background", "aggregate", "reaction", "recalled", "unreal", "policing")


def _load_modality(matcher: PhraseMatcher[Entry]) -> None:
    """``modality.toml``: frames that make a clause no report of an incident, and attack words used
    figuratively ("هجوم إعلامي"، "الحرب على الفساد"), built from nouns, qualifiers and targets, and the
    fighting a halt names ("وقف القصف"), built from halt words and fighting nouns."""
    path, data = _read("modality")
    for name, table in _require(path, data, "frame", dict).items():
        label = _require(path, table, "label", str)
        if label not in FRAME_LABELS:
            raise DataFileError(path, f"frame {name!r}: label must be one of {', '.join(FRAME_LABELS)}")
        matcher.add_all(_phrases(path, table), Entry("modality", label, name))
    metaphor = _require(path, data, "metaphor", dict)
    nouns = _phrases(path, metaphor, "nouns")
    phrases = [f"{n} {q}" for n in nouns for q in _phrases(path, metaphor, "qualifiers")]
    phrases += [f"{n} على {t}" for n in nouns for t in _phrases(path, metaphor, "targets")]
    matcher.add_all(phrases, Entry("modality", "metaphor"))
    halt = _require(path, data, "halt", dict)
    matcher.add_all([f"{w} {n}" for w in _phrases(path, halt, "words") for n in _phrases(path, halt, "nouns")],
                    Entry("modality", "irrealis", "halt"))


def _load_actors(matcher: PhraseMatcher[Entry], words: dict[str, frozenset[str]], defaults: dict[str, dict[str, str]],
                 ) -> tuple[dict[str, ActorInfo], dict[str, dict[str, str]]]:
    path, data = _read("actors")
    _load_words(path, data, words)
    words["reporting_forms"] = frozenset(perfect_forms(words["reporting"], transitive=False))
    words["attribution_forms"] = words["attribution"] | perfect_forms(words["attribution_verbs"], transitive=False)
    words["own_member_forms"] = frozenset(f for noun in words["own_members"] for f in noun_forms(noun) if f != noun)
    words["hedged"] = frozenset(fold(w) for w in _require(path, data, "forces", dict).get("hedged", []))
    words["claim"] = frozenset(f for noun in words["claim"] for f in noun_forms(noun))  # the verbs: verbs.toml
    words["fire_source"] = frozenset(f for noun in words["fire_source"] for f in noun_forms(noun) if f != noun)
    words["both_sides"] = frozenset(article + f for noun in words["both_sides"] for f in dual_forms(noun)
                                    for article in ("", "ال"))  # الطرفين، الجانبان، طرفي
    actors: dict[str, ActorInfo] = {}
    rows = _require(path, data, "actor", list)
    listed = {fold(a) for row in rows for a in _phrases(path, row, "aliases")}
    allies: dict[str, set[str]] = {}
    for row in rows:  # an alliance holds both ways: told on one side, known on both
        for ally in row.get("allies", []):
            if not isinstance(ally, str):
                raise DataFileError(path, f"actor {row.get('name')!r}: allies must be actor names")
            allies.setdefault(row.get("name", ""), set()).add(ally)
            allies.setdefault(ally, set()).add(row.get("name", ""))
    for row in rows:
        name = _require(path, row, "name", str)
        inter = _require(path, row, "inter", int)
        if inter not in INTER_CODES:
            raise DataFileError(path, f"actor {name!r}: inter must be 1-8")
        against = row.get("against", "")
        if not isinstance(against, str):
            raise DataFileError(path, f"actor {name!r}: against must be an actor name")
        nation = row.get("nation", "")
        if not isinstance(nation, str):
            raise DataFileError(path, f"actor {name!r}: nation must be an actor name")
        air_power = row.get("air_power", False)
        if not isinstance(air_power, bool):
            raise DataFileError(path, f"actor {name!r}: air_power must be true or false")
        aliases = _phrases(path, row, "aliases") + _nouns(path, row)
        organisation = any(fold(a).startswith("تنظيم ") for a in aliases)
        info = ActorInfo(name, inter, against, tuple(fold(n) for n in row.get("nisba", [])), nation, air_power,
                         tuple(sorted(allies.get(name, ()))), organisation,
                         tuple(fold(c) for c in row.get("countries", [])))
        actors[name] = info
        if "nisba" in row:
            aliases = aliases + _force_phrases(path, data, _phrases(path, row, "nisba"), listed)
        matcher.add_all(_with_duals(aliases), Entry("actor", name, info))
    for info in actors.values():
        if info.against and info.against not in actors:
            raise DataFileError(path, f"actor {info.name!r}: against {info.against!r} is no actor")
        if info.nation and info.nation not in actors:
            raise DataFileError(path, f"actor {info.name!r}: nation {info.nation!r} is no actor")
        for ally in info.allies:
            if ally not in actors:
                raise DataFileError(path, f"actor {info.name!r}: ally {ally!r} is no actor")
    generics: dict[str, dict[str, str]] = {}
    for row in _require(path, data, "generic", list):
        key = _require(path, row, "key", str)
        by_region = _require(path, row, "by_region", dict)
        for region, actor in by_region.items():
            if not actor.startswith("@") and actor not in actors:
                raise DataFileError(path, f"generic {key!r}: unknown actor {actor!r} for {region}")
        generics[key] = by_region
        phrases = _phrases(path, row) + _nouns(path, row)
        if "nisba" in row:
            phrases += _force_phrases(path, data, _phrases(path, row, "nisba"), listed)
        matcher.add_all(_with_duals(phrases), Entry("generic", key, by_region))
    for key, by_region in _require(path, data, "defaults", dict).items():
        for region, actor in by_region.items():
            if actor not in actors:
                raise DataFileError(path, f"defaults {key!r}: unknown actor {actor!r} for {region}")
        defaults[key] = by_region
    return actors, generics


def _nouns(path: str, row: dict[str, Any]) -> list[str]:
    """The forms of a row's nouns of people, one lexicon row per lemma (``inflect.person_forms``)."""
    if "nouns" not in row:
        return []
    return [form for lemma in _phrases(path, row, "nouns") for form in person_forms(fold(lemma))]


@cache
def _person_nouns() -> frozenset[str]:
    """The singular person nouns of numbers.toml (جندي، شرطي، مدني ...)."""
    path, data = _read("numbers")
    table = _require(path, data, "person_nouns", dict)
    return frozenset(fold(w) for name in ("broken_plural", "sound_plural") for w in _phrases(path, table, name))


def _with_duals(phrases: list[str]) -> list[str]:
    """A one-word actor phrase that is a person noun also names two of them in the nominative dual: "جندي"
    → "جنديان" (the dual's class is the noun's: two soldiers are the military, two policemen the police).
    The oblique -ين is also a sound plural and an adjective's (العاملين، مختارين): aliases list it by hand."""
    people = _person_nouns()
    return phrases + [d for p in phrases if fold(p) in people for d in dual_forms(fold(p)) if d.endswith("ان")]


def _force_phrases(path: str, data: dict[str, Any], nisbas: list[str], listed: set[str]) -> list[str]:
    """Each [forces] noun with an actor's nationality adjective ("الطيران" + "تركي" → "الطيران التركي",
    "مسيره" → "مسيره تركيه"; the dual of a ``countable`` one, "صاروخين إسرائيليين"; the nisba after a
    ``hedged`` attribution, "يرجح أنها روسية"), except phrases some actor
    lists as an alias (they keep that actor)."""
    forces = _require(path, data, "forces", dict)
    made: list[str] = []

    def keep(phrase: str) -> None:
        if fold(phrase) not in listed:
            listed.add(fold(phrase))
            made.append(phrase)

    for nisba in nisbas:
        for gender, ending in (("masculine", ""), ("feminine", "ه")):
            for noun in _phrases(path, forces, gender):
                keep(f"{noun} {'ال' if noun.startswith('ال') else ''}{nisba}{ending}")
        for hedge in forces.get("hedged", []):  # "غارة جوية يرجح أنها روسية": believed to be that country's
            for pronoun, ending in (("انها", "ه"), ("انه", "")):
                keep(f"{hedge} {pronoun} {nisba}{ending}")
        for noun in forces.get("countable", []):  # "صاروخين إسرائيليين"، "طائرتان روسيتان"
            for phrase in inflect.dual_phrases(f"{noun} {nisba}{'ه' if fold(noun).endswith('ه') else ''}"):
                keep(phrase)
    return made


def _load_numbers(matcher: PhraseMatcher[Entry], lex: dict[str, Any], words: dict[str, frozenset[str]]) -> None:
    path, data = _read("numbers")
    lex["cardinals"] = _int_table(path, data, "cardinals")
    lex["singles"] = _int_table(path, data, "singles")
    lex["ordinals"] = _int_table(path, data, "ordinals")
    for word, value in _int_table(path, data, "vague").items():
        matcher.add(word, Entry("vague", word, value))
    matcher.add_all(_phrases(path, _require(path, data, "qualifiers", dict)), Entry("qualifier", "qualifier"))
    _load_words(path, data, words, "person_nouns")
    words["person_words"] = words["broken_plural"] | words["sound_plural"] | words["plurals"]  # any person noun
    casualty = _require(path, data, "casualty", dict)
    for kind in ("killed", "wounded", "combined", "subset"):
        matcher.add_all(_phrases(path, casualty, kind), Entry("casualty", kind))
    _load_toll_verbs(matcher, path, data, words)
    lex["others_alone"] = _int_table(path, casualty, "others_alone")
    for name in ("singular_nouns", "plural_nouns", "fillers", "others", "not_people_after", "fate_nouns",
                 "cause_before", "died_of_wounds", "prepositions", "victims", "partitives", "clause_links",
                 "raise_verbs", "total_words", "rates", "attacker_nouns", "bombing_nouns", "since_starts",
                 "reflexives_one", "reflexives_two", "reflexives_many", "victim_links", "unnamed_people", "motives",
                 "kunya", "cases",
                 "not_people_before", "year_before", "possessed_deaths", "bombing_singulars", "hit_after", "versus",
                 "counter_openers",
                 "not_names", "named_killings", "dual_spans", "doer_links", "period_nouns", "construct_complements"):
        words[name] = frozenset(fold(w) for w in _phrases(path, casualty, name))
    stems = [fold(w) for w in _phrases(path, casualty, "self_detonation")]
    words["self_detonation"] = conjugate(stems, stems, False)
    # every reflexive, whatever number it stands for (mentions._self_detonations)
    words["reflexives"] = words["reflexives_one"] | words["reflexives_two"] | words["reflexives_many"]
    words["motive_links"] = frozenset(fold(w) for w in _phrases(path, casualty, "motive_links"))
    heads: set[str] = set()
    for noun in _phrases(path, casualty, "protest_motive_nouns"):
        heads |= noun_forms(fold(noun))
    for perfect, imperfect in _require(path, casualty, "protest_motive_verbs", list):
        heads |= conjugate([fold(perfect)], [fold(imperfect)], False)
    words["protest_motives"] = frozenset(heads)


def _load_toll_verbs(matcher: PhraseMatcher[Entry], path: str, data: dict[str, Any],
                     words: dict[str, frozenset[str]]) -> None:
    """``[[toll_verb]]`` rows: every inflected form of each lemma (``marsad.text.inflect``).  Killing and
    wounding are ``casualty`` words (``loose_casualty`` for verbs with other senses, which other stages
    do not read as casualty words); other things done to people (arrest, flight, rescue) are
    ``predicate`` words.  Word sets: ``casualty_verbs`` (verb forms), ``toll_verb_nouns`` (verbal
    nouns), ``strict_casualty`` (forms of verbs with other senses, which count only named people)."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    strict: set[str] = set()
    plain: set[str] = set()
    for row in _require(path, data, "toll_verb", list):
        kind = _require(path, row, "kind", str)
        dropped = {fold(w) for w in row.get("not", [])}
        forms = conjugate([fold(w) for w in _phrases(path, row, "perfect")],
                          [fold(w) for w in _phrases(path, row, "imperfect")], bool(row.get("transitive")))
        made = {f for w in row.get("nouns", []) for f in noun_forms(fold(w))}
        casualty = kind in ("killed", "wounded")
        category = ("loose_casualty" if row.get("strict") else "casualty") if casualty else "predicate"
        for form in sorted((forms | made) - dropped):
            matcher.add(form, Entry(category, kind))
        if casualty:
            verbs |= forms - dropped
            nouns |= made - dropped
            (strict if row.get("strict") else plain).update((forms | made) - dropped)
    duals: set[str] = set()
    for kind, singulars in _require(path, data["casualty"], "dual_nouns", dict).items():
        for form in {d for w in singulars for d in dual_forms(fold(w))}:
            matcher.add(form, Entry("casualty", kind))
            duals.add(form)
    words["casualty_duals"] = frozenset(duals)
    words["casualty_verbs"], words["toll_verb_nouns"] = frozenset(verbs), frozenset(nouns)
    words["strict_casualty"] = frozenset(strict - plain)  # "أصيب" (he was hit) is also "I hit": not strict


def _load_time(matcher: PhraseMatcher[Entry], words: dict[str, frozenset[str]], calendar: dict[str, int]) -> None:
    path, data = _read("time")
    _load_words(path, data, words)
    calendar.update(_int_table(path, data, "calendar"))
    for category, key in (("weekday", "weekdays"), ("month", "months"), ("hijri_month", "hijri_months"),
                          ("relative_day", "relative_days")):
        for word, value in _int_table(path, data, key).items():
            matcher.add(word, Entry(category, word, value))
    periods = _require(path, data, "relative_periods", dict)
    for word, spec in periods.items():
        if not isinstance(spec, dict) or spec.get("precision") not in (2, 3):
            raise DataFileError(path, f"[relative_periods] {word!r} needs precision 2 or 3")
        matcher.add(word, Entry("period", fold(word), dict(spec)))
    matcher.add_all(_phrases(path, _require(path, data, "day_parts", dict)), Entry("day_part", "day_part"))
    for word, part in _require(path, data, "month_parts", dict).items():
        matcher.add(word, Entry("month_part", part))


# --- predicates (verbs.toml) ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Predicate:
    """One row of ``verbs.toml``: a verb (or event noun) lemma and how its clause maps to sides."""

    lemma: str
    family: str
    roles: tuple[tuple[str, str], ...]  # (slot, role): ("subject", "agent"), ("object", "patient")
    object_marker: str = ""  # the preposition of the patient (أغار على، تصدى ل)
    genitive: str = ""  # the role of a verbal noun's genitive: agent / patient
    modality: str = ""  # modal verbs: planned / threat
    cue: str = ""  # the triggers.toml cue every form of the lemma reports (verbs.toml `cue`), "" = none
    doer_cue: str = ""  # the cue its perfect reports when a doer follows it (verbs.toml `doer_cue`)

    def role_of(self, slot: str) -> str:
        return next((role for s, role in self.roles if s == slot), "")


class Form(NamedTuple):
    """What one written form of a predicate is: its row, part of speech, voice, tense and person."""

    predicate: Predicate
    kind: str  # verb / noun / participle
    voice: str  # active / passive / either (unvoweled: the clause decides) / noun
    tense: str  # perfect / imperfect / "" (nouns)
    person: str  # 3ms, 3fs, 3mp ... ("" for nouns)
    future: bool = False  # سيقتل
    clitic: str = ""  # an object or possessive pronoun on the form (قتلهم، مقتله)


@dataclass(slots=True)
class VerbLexicon:
    """Every generated form of every predicate, the obliques' markers and the scope words."""

    forms: dict[str, tuple[Form, ...]]
    markers: dict[str, str]  # marker phrase → agent / patient / partitive / comitative / between / place / source
    heads: frozenset[str]
    words: dict[str, frozenset[str]]  # metaphor, hypothetical, future, negation, boundaries, ...
    #: perfect active forms of the lemmas with a `doer_cue` → that cue ("فجر" → explosion, "دمرته" → attack)
    doer_cues: dict[str, str] = field(default_factory=dict)


#: Persons whose perfect takes an object pronoun as a predicate (قتله، قتلتها، قتلوهم): a verb with a pronoun
#: is active (frames.py); other persons are rare enough in news to leave bare.
_OBJECT_PERSONS = frozenset({"3ms", "3fs", "3mp"})
#: The imperfect of a predicate leaves out "I" (أ-: it spells the perfect of derived verbs, أقتحم = اقتحم)
#: and "you (f.)" (-ين: the -ين of nouns and participles); news tells neither of an incident.
_PREDICATE_PREFIXES = tuple(p for p in inflect.IMPERFECT_PREFIXES if p[1] != "1s")
_PREDICATE_SUFFIXES = tuple(s for s in inflect.IMPERFECT_SUFFIXES if s[0] != "ين")


def _roles(path: str, lemma: str, text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for part in text.split(","):
        role, _, slot = part.strip().partition("=")
        if role not in ("agent", "patient") or slot not in ("subject", "object"):
            raise DataFileError(path, f"verb {lemma!r}: roles must read like 'agent=subject, patient=object'")
        pairs.append((slot, role))
    return tuple(pairs)


def _load_verbs() -> VerbLexicon:
    path, data = _read("verbs")
    forms: dict[str, list[Form]] = {}

    def add(word: str, form: Form) -> None:
        found = forms.setdefault(fold(word), [])
        if form not in found:
            found.append(form)

    for row in _require(path, data, "verb", list):
        raw_lemma = _require(path, row, "lemma", str)
        lemma = fold(raw_lemma)
        roles = _roles(path, lemma, _require(path, row, "roles", str))
        pred = Predicate(lemma, _require(path, row, "family", str), roles, fold(row.get("object", "")),
                         row.get("genitive", ""), row.get("modality", ""), row.get("cue", ""),
                         row.get("doer_cue", ""))
        passive = fold(row.get("passive", ""))
        active_voice = "active" if passive else "either"
        defective = raw_lemma.endswith("ى")
        for word, person in inflect.perfect(lemma, defective, bool(row.get("hollow"))):
            pronouns = inflect.OBJECTS if person in _OBJECT_PERSONS else ()
            for full, clitic in inflect.with_pronouns(word, pronouns, defective=defective):
                add(full, Form(pred, "verb", active_voice, "perfect", person, clitic=clitic))
        if passive:
            for word, person in inflect.perfect(passive):
                add(word, Form(pred, "verb", "passive", "perfect", person))
        stem = fold(row.get("imperfect", ""))
        if stem:
            for word, person in inflect.imperfect(stem, _PREDICATE_PREFIXES, _PREDICATE_SUFFIXES):
                pronouns = inflect.OBJECTS if person.endswith("s") else ()
                for full, clitic in inflect.with_pronouns(word, pronouns):
                    add(full, Form(pred, "verb", "either", "imperfect", person, clitic=clitic))
                add("س" + word, Form(pred, "verb", "either", "imperfect", person, future=True))
        masdars, plurals = [fold(m) for m in row.get("masdar", [])], [fold(p) for p in row.get("plural", [])]
        for word, clitic in inflect.noun_paradigm(masdars, plurals):
            add(word, Form(pred, "noun", "noun", "", "", clitic=clitic))
        for i, participle in enumerate(row.get("participle", [])):
            for word in inflect.participles(fold(participle)):
                add(word, Form(pred, "participle", "active" if i == 0 else "passive", "", ""))
    for row in _require(path, data, "noun", list):
        nouns = [fold(n) for n in _phrases(path, row, "forms")]
        pred = Predicate(nouns[0], _require(path, row, "family", str), (), "", row.get("genitive", ""),
                         cue=row.get("cue", ""))
        for word, clitic in inflect.noun_paradigm(nouns, [fold(p) for p in row.get("plural", [])]):
            add(word, Form(pred, "noun", "noun", "", "", clitic=clitic))
    markers: dict[str, str] = {}
    table = _require(path, data, "markers", dict)
    for kind in ("agent", "patient", "partitive", "comitative", "between", "place", "source", "partner"):
        for phrase in _phrases(path, table, kind):
            markers[fold(phrase)] = kind
    words: dict[str, frozenset[str]] = {}
    modality_path, modality = _read("modality")  # the words around a predicate that flag its frame
    for name, items in _require(modality_path, modality, "predicate_scope", dict).items():
        words[name] = frozenset(fold(w) for w in _phrases(modality_path, {name: items}, name))
    for name, items in _require(path, data, "scope", dict).items():
        words[name] = frozenset(fold(w) for w in items)
    past = fold(_require(path, _require(path, data, "auxiliary", dict), "past", str))
    words["past_auxiliary"] = frozenset(w for w, _ in inflect.perfect(past, hollow=True))
    doer_cues = {word: f.predicate.doer_cue for word, found in forms.items() for f in found
                 if f.predicate.doer_cue and f.kind == "verb" and f.tense == "perfect" and f.voice != "passive"}
    words["doer_forms"] = frozenset(doer_cues)  # their quick test, made once (analyse._may_have_doer_verb)
    return VerbLexicon({k: tuple(v) for k, v in forms.items()}, markers,
                       frozenset(fold(w) for w in _phrases(path, table, "heads")), words, doer_cues)


def _campaign(word: str, form: Form) -> bool:
    """A plural event noun with a possessive pronoun ("هجماته"، "غاراتها"، "اعتداءاتهم") names a group's
    campaign, many attacks over time, not one incident."""
    return form.kind == "noun" and bool(form.clitic) and word[: -len(form.clitic)].endswith(("ات", "اءات"))


def _add_verb_cues(matcher: PhraseMatcher[Entry], cues: dict[str, CueInfo], verbs: VerbLexicon) -> None:
    """Every generated verb and noun form of a lemma that `verbs.toml` marks with a `cue` reports that cue
    (اغتيل، يغتالون، استهداف، قصفوها), unless triggers.toml already gives the word a cue of its own (a
    listed word or phrase keeps its meaning).  The future (سيقتل) and participles are left out: the one
    is a plan, the others name people (قاتل، مقتول); so is a plural with a possessive (``_campaign``)."""
    for word, forms in verbs.forms.items():
        named = {f.predicate.cue for f in forms if f.predicate.cue and f.kind in ("verb", "noun") and not f.future
                 and not _campaign(word, f)}
        if len(named) != 1:
            continue
        cue = named.pop()
        if cue not in cues:
            raise DataFileError("verbs.toml", f"cue {cue!r} is no cue of triggers.toml")
        if not any(m.payload.category == "cue" for m in matcher.find(word, tokenise(word))):
            matcher.add(word, Entry("cue", cue, cues[cue]))


@cache
def load_lexicons() -> Lexicons:
    """Load, validate and index every lexicon file (cached for the process, and on disk across processes:
    :mod:`marsad.cache`, keyed on the lexicon files and the code)."""
    from marsad.cache import cached

    folder = Path(__file__).resolve().parent / "data" / "lexicons"
    return cached("lexicons", folder.glob("*.toml"), _build_lexicons)


def _build_lexicons() -> Lexicons:
    """Load, validate and index every lexicon file."""
    matcher: PhraseMatcher[Entry] = PhraseMatcher()
    words: dict[str, frozenset[str]] = {}
    cues = _load_triggers(matcher, words)
    _load_modality(matcher)
    defaults: dict[str, dict[str, str]] = {}
    actors, generics = _load_actors(matcher, words, defaults)
    extra: dict[str, Any] = {}
    _load_numbers(matcher, extra, words)
    calendar: dict[str, int] = {}
    _load_time(matcher, words, calendar)
    for word, value in extra["ordinals"].items():
        matcher.add(word, Entry("ordinal", word, value))
    verbs = _load_verbs()
    _add_verb_cues(matcher, cues, verbs)
    for cue in set(verbs.doer_cues.values()) - cues.keys():
        raise DataFileError("verbs.toml", f"doer_cue {cue!r} is no cue of triggers.toml")
    return Lexicons(
        matcher=matcher, actors=actors, generics=generics, cues=cues,
        cardinals=extra["cardinals"], singles=extra["singles"], ordinals=extra["ordinals"], words=words,
        others_alone=extra["others_alone"], defaults=defaults, calendar=calendar, verbs=verbs,
    )
