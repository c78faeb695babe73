"""Toponym recognition: the place names of an Arabic text, with cue, relation and role.

Steps (all on the normalised text and its tokens):

1. gazetteer names are matched clitic-aware (بكركوك، وكركوك، لمدينة الموصل), the longest
   span winning (سليمان بيك، دير الزور);
2. a cue noun right before a name is recorded (قرية، ناحية، محافظة ...); after a cue that
   allows it, a name the gazetteer lacks becomes a toponym without candidates, and after a
   plural or dual cue a list of names does (قرى طربا والكسيب والغيضة);
3. "near" and direction words before the name (قرب، أطراف، 20 كم جنوب) make the relation "near";
4. each toponym gets a role: part of an organisation's name (قيادة عمليات البصرة), a reporter's
   or official's seat (مراسل ... في أربيل), a road or journey (طريق X - Y، من X إلى Y), the
   parent of another toponym (X في محافظة Y، X التابعة لقضاء Y، Y - X), or the event's place;
5. names that are also ordinary words (بلد، الحي، العمارة) and villages or neighbourhoods with
   no cue are kept only with support from the text (a fitting cue, a parent, a "near" word, or
   the same governorate named elsewhere with a locative preposition before them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import cache

from marsad.geo.countries import clause_country, country_marks, country_matches
from marsad.geo.cues import Word, in_word_list, is_ambiguous, load_place_cues, place_cues_data, short_word_proclitics
from marsad.geo.gazetteer import Gazetteer, NameHit, Place
from marsad.geo.index import bare_forms, gap_ok
from marsad.lexicon import load_lexicons
from marsad.text.matcher import Match
from marsad.text.normalise import NormalisedText, fold
from marsad.text.tokens import Token, may_have_key, strip_article, tokenise

MAJOR_KINDS = frozenset({"governorate", "district", "subdistrict", "city", "town", "region", "landmark"})
MINOR_KINDS = frozenset({"village", "neighbourhood", "camp"})
_AREA_SIZED = frozenset({"governorate", "district", "region"})  # as large as a land area: none lies in one
PARENT_KINDS = frozenset({"governorate", "district", "subdistrict", "city", "town", "region"})
PARENT_CUES = frozenset({"محافظه", "قضاء", "ناحيه", "مدينه", "ريف"})
LOCATIVE = frozenset({"في", "من", "الي", "قرب", "داخل", "عند", "علي"})  # إلى, على (folded): an attack's target
_STOP_PUNCT = re.compile(r"[.!?؟\n؛]")
_CLAUSE_PUNCT = re.compile(r"[.!?؟\n؛،,:]")
_DASH = re.compile(r"\s*[-–—]\s*")
_DATELINE_TAIL = re.compile(r"\s*(?:،[^\n()\-–—]{0,40})?\s*(?:\(|[-–—:])")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name in a text (offsets in the normalised text)."""

    start: int  # the name itself: no clitics, no cue word
    end: int
    first_token: int  # token range [first, last) of the name
    last_token: int
    name: str  # normalised name
    candidates: tuple[Place, ...]  # empty for an unknown name after a cue (قرية X)
    cue: str  # "" or the cue noun (normalised, without clitics), e.g. "قريه", "محافظه"
    relation: str  # "in" | "near"
    role: str  # "event" | "source" | "organisation" | "route" | "destination" | "origin" | "reference" | "parent"
    parent_token: int = -1  # first_token of this toponym's parent (X في محافظة Y → Y), -1 if none
    list_token: int = -1  # first token of the plural cue whose list holds it ("مناطق X، وY"), -1 if none
    part: str = ""  # north | south | east | west: "ريف إدلب الجنوبي", "جنوبي إدلب" (the part of X meant)
    listed: bool = False  # coordinated after a town or governorate ("الكوت والعمارة"): one of them
    directions: str = ""  # every direction word before it, "north east" for "شمال شرقي X"


@dataclass(slots=True)
class _Draft:
    """A toponym while its context is read."""

    first: int
    last: int
    start: int
    end: int
    name: str
    candidates: list[Place]
    key: str = ""
    cue: Match[Word] | None = None
    head: int = 0  # first token of the cue or the name
    chain: int = 0  # first token of the relation words before the head
    near: bool = False
    far: bool = False  # only a distant reference point: "على بعد 250 كلم شمال بغداد"
    part: str = ""  # the cardinal direction of a direction word before it or an adjective after it
    direction_only: bool = False
    role: str = "event"
    parent: _Draft | None = None
    child: bool = False  # it is some other toponym's parent
    list_item: bool = False
    listed: bool = False  # kept as an item of a list of towns or governorates
    directions: list[str] = field(default_factory=list)  # every direction word before it
    flags: set[str] = field(default_factory=set)

    def freeze(self) -> Toponym:
        cue = self.cue.payload.label if self.cue is not None else ""
        relation = "near" if self.near and not self._part_of_governorate() else "in"
        parent = self.parent.first if self.parent is not None else -1
        listed = self.cue.first if self.cue is not None and self.cue.payload.plural else -1
        return Toponym(self.start, self.end, self.first, self.last, self.name, tuple(self.candidates), cue,
                       relation, self.role, parent, listed, self.part, self.listed, " ".join(self.directions))

    def _part_of_governorate(self) -> bool:
        """"جنوبي محافظة كركوك", "غربي الأنبار": a direction inside a governorate is "in" it."""
        if not self.direction_only or not self.candidates:
            return False
        if self.cue is not None and self.cue.payload.label in ("محافظه", "ريف"):
            return True
        return all(p.kind == "governorate" for p in self.candidates)


class _Words:
    """The place words of a document: scanned ones by the token where they end, and one-word
    function words (في، من، إلى ...) looked up when a name's neighbourhood is read."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        cues = load_place_cues()
        self.function = cues.function_words
        self.ending: dict[int, list[Match[Word]]] = {}
        for m in cues.index.find(text, tokens):
            self.ending.setdefault(m.last, []).append(m)
        self._at: dict[int, list[Match[Word]]] = {}

    def ending_at(self, k: int) -> list[Match[Word]]:
        """Every place word that ends right before token ``k`` (only spaces or quotes between)."""
        found = self._at.get(k)
        if found is None:
            found = self._at[k] = self._ending_at(k)
        return found

    def _ending_at(self, k: int) -> list[Match[Word]]:
        if k <= 0 or k > len(self.tokens):
            return []
        nxt = self.tokens[k].start if k < len(self.tokens) else len(self.text)
        found = [m for m in self.ending.get(k, ()) if gap_ok(self.text, m.end, nxt)]
        tok = self.tokens[k - 1]
        if gap_ok(self.text, tok.end, nxt):
            for form in bare_forms(tok.text):
                found.extend(Match(k - 1, k, tok.start, tok.end, w) for w in self.function.get(form, ()))
        return found

    def before(self, k: int, *categories: str) -> Match[Word] | None:
        """The longest place word of one of ``categories`` that ends right before token ``k``."""
        found = self._at.get(k)  # asked tens of times a name: the cached list without a call
        if found is None:
            found = self.ending_at(k)
        best = None
        for m in found:
            if m.payload.category in categories and (best is None or m.first < best.first):
                best = m
        return best

    def categories(self, k: int, first: int) -> set[str]:
        """Categories of the place words spanning tokens ``first..k``."""
        return {m.payload.category for m in self.ending_at(k) if m.first == first}

    def is_word(self, i: int, *categories: str) -> bool:
        """Token ``i`` alone is a place word of one of ``categories``."""
        if i + 1 > len(self.tokens):
            return False
        if any(m.first == i and m.payload.category in categories for m in self.ending.get(i + 1, ())):
            return True
        return any(w.category in categories for f in bare_forms(self.tokens[i].text) for w in self.function.get(f, ()))


def find_toponyms(text: str, tokens: list[Token], gazetteer: Gazetteer | None = None,
                  norm: NormalisedText | None = None) -> list[Toponym]:
    """Every toponym of a normalised text, in text order (``norm``, when given, holds the original text,
    whose vowel marks tell an indefinite word: see ``_with_tanween``)."""
    gz = gazetteer or Gazetteer.default()
    words = _Words(text, tokens)
    drafts = [d for d in _known(text, tokens, gz.find_names(text, tokens))
              if not _hides_a_word(tokens, d) and not (norm is not None and _with_tanween(norm, d))]
    for d in drafts:
        d.cue = None if _after_preposition_clitic(text, tokens, d) else _cue_before(words, d.first)
    names = {i for d in drafts if _family_name(words, d, drafts) for i in (d.first, d.first - 1)}
    drafts = [d for d in drafts if d.first not in names and not _given_name(words, d, drafts)]
    drafts = _with_unknown(words, drafts)
    drafts = _bare_capitals(words, drafts, gz)
    drafts = _located_unknown(words, drafts)
    drafts = _compounds(words, drafts)
    for d in drafts:
        _relation(words, d)
        _facility_direction(words, d)
        d.part = d.part or _part_after(words, d)
    _roles(words, drafts)
    drafts = _supported(words, drafts)
    drafts = _at_home(words, drafts)
    return [d.freeze() for d in drafts]


# --- 1. names ----------------------------------------------------------------------------------


_TANWEEN = frozenset("\u064b\u064c\u064d")


def _with_tanween(norm: NormalisedText, d: _Draft) -> bool:
    """"يذكرنا دومًا بوالده" (always), "أبدًا": a word written with nunation (tanween: ً ٌ ٍ) is an indefinite
    noun or an adverb; the press writes no place name with it, so it names no place."""
    s, e = norm.span(d.start, d.end)
    return any(ch in _TANWEEN for ch in norm.original[s:e + 1])


def _hides_a_word(tokens: list[Token], d: _Draft) -> bool:
    """"قرب الحدود مع لبنان"، "بين سوريا ولبنان": a word that read whole, or after its own conjunction or
    preposition (و، ف، ب), is an ordinary word or a country (``[ambiguous]``, ``not_names``) is not a clitic
    (ل، ك) before a place name (بنان; "مناطق كبيرة" is not ك + بيرة)."""
    whole = tokens[d.first].text
    if d.last - d.first != 1 or whole == d.key:
        return False
    cues = load_place_cues()
    return any((f in cues.ambiguous or f in cues.not_names) and f != d.key and f.endswith(d.key)
               for f in (whole, *bare_forms(whole)))


def _known(text: str, tokens: list[Token], hits: list[Match[NameHit]]) -> list[_Draft]:
    """One draft per longest non-overlapping name span, with every place of that span."""
    spans: dict[tuple[int, int], list[NameHit]] = {}
    for m in hits:
        spans.setdefault((m.first, m.last), []).append(m.payload)
    drafts: list[_Draft] = []
    end = -1
    for first, last in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if first < end:
            continue
        end = last
        found = spans[(first, last)]
        places = list({h.place.id: h.place for h in found}.values())
        key = found[0].key
        start = tokens[first].start + _clitic_length(tokens[first].text, key.split()[0])
        e = tokens[last - 1].end
        drafts.append(_Draft(first, last, start, e, text[start:e], places, key))
    return drafts


def _bare_capitals(words: _Words, drafts: list[_Draft], gz: Gazetteer) -> list[_Draft]:
    """"وفي العاصمة، انفجرت عبوة ناسفة"، "في منطقة الحسينية شمالي العاصمة": "the capital" with no name after it
    (place_cues.toml ``[capitals]``) is the capital of the country the report is about, Baghdad or Damascus —
    the report's other places choose between them, a nisba adjective after it names the country ("العاصمة
    العراقية"), another country's adjective ("العاصمة الأردنية") names none of them.  Followed by a name ("العاصمة
    بغداد") it is only that name's title."""
    table = place_cues_data().get("capitals", {})
    capital_words = {fold(w) for w in table.get("words", [])}
    tokens = words.tokens
    if not capital_words or not any(w in words.text for w in capital_words):
        return drafts
    capitals = {code: (gz.by_id(spec["place"]), {fold(a) for a in spec.get("adjectives", [])})
                for code, spec in table.items() if isinstance(spec, dict)}
    named = {d.first for d in drafts}
    ours = _names_its_country(words.text, drafts)
    added: list[_Draft] = []
    for i, token in enumerate(tokens):
        word = next((w for w in capital_words if token.text == w or (token.text.endswith(w) and len(token.text)
                                                                      - len(w) <= 2)), None)
        if word is None or i + 1 in named or i in named or _after_a_name(words, drafts, i):
            continue
        last = i + 1
        places = [p for p, _ in capitals.values() if p is not None]
        if last < len(tokens) and gap_ok(words.text, token.end, tokens[last].start):
            nxt = tokens[last].text
            by_adjective = [p for p, adjectives in capitals.values() if p is not None and nxt in adjectives]
            if by_adjective:
                if last + 1 in named:
                    continue  # "العاصمة العراقية بغداد": the name's title
                places, last = by_adjective, last + 1
            elif nxt.startswith("ال") and nxt.endswith(("ه", "ي")) and len(nxt) > 5 and nxt not in _WEEKDAYS:
                continue  # another country's capital, or some other one: "العاصمة الأردنية"، "العاصمة السابقة"
            elif not ours:
                continue  # a report that never names Iraq or Syria speaks of its own country's capital
        elif not ours:
            continue
        start = token.end - len(word)
        added.append(_Draft(i, last, start, tokens[last - 1].end, words.text[start:tokens[last - 1].end], places,
                            word))
    return sorted(drafts + added, key=lambda d: d.first) if added else drafts


def _names_its_country(text: str, drafts: list[_Draft], bare: frozenset[str] = frozenset({"governorate", "city"}),
                       after_cue: frozenset[str] = frozenset()) -> bool:
    """"قرر أساتذة المعهد الثانوي بالعاصمة تعليق الدروس" in a Tunisian report: "the capital" is the capital of
    the country the report is about, so it stands for Baghdad or Damascus only in a report that names Iraq or
    Syria — by a country word (``[country]``: العراق، قوات النظام ...), by naming one of their governorates
    or cities with no cue before it that makes it another kind of place (a name that is also an ordinary word
    tells nothing). A quarter or village does not tell it: Baghdad's and Damascus's thousands of small places
    share their names with quarters and villages abroad (الصوابر in Kuwait, السلط in Jordan, حدة in Sanaa)."""
    found = country_matches(text)
    if any(found.get(code) for code in ("IRQ", "SYR")):
        return True
    ambiguous = load_place_cues().ambiguous
    return any(not is_ambiguous(d.key, d.candidates, ambiguous) and any(
        p.country in ("IRQ", "SYR") and (p.kind in bare and d.cue is None or p.kind in after_cue
                                          and d.cue is not None and d.cue.payload.cue is not None
                                          and p.kind in d.cue.payload.cue.kinds)
        for p in d.candidates) for d in drafts)


def _at_home(words: _Words, drafts: list[_Draft]) -> list[_Draft]:
    """"بمنطقة الصوابر بالكويت"، "بحي حدة جنوبي صنعاء"، "في مدينة السلط" in a Jordanian report: a report about
    another country (one of its country words, ``[abroad] words``) that names neither Iraq nor Syria — no
    country word of theirs and none of their governorates or cities (``_names_its_country``) — names the
    quarters, villages and towns of its own country: an Iraqi or Syrian namesake of one is no place of it,
    nor is a name unknown to the gazetteer (it would be placed beside them)."""
    if not drafts or not may_have_key(words.text, _abroad_words()):  # most reports name no country of [abroad]
        return drafts
    if _names_its_country(words.text, drafts, _HOME_EVIDENCE, _HOME_EVIDENCE) or not _names_abroad(words.tokens):
        return drafts
    return [d for d in drafts if d.candidates and any(p.country not in ("IRQ", "SYR") for p in d.candidates)]


def _names_abroad(tokens: list[Token]) -> bool:
    """A word of ``[abroad]``, with a clitic before it or a nisba's ending after it (التونسية، الليبيين)."""
    abroad = _abroad_words()
    return any(f in abroad or f.endswith("يه") and f[:-1] in abroad or f.endswith(("يين", "يون")) and f[:-2] in abroad
               for t in tokens for f in bare_forms(t.text))


@cache
def _abroad_words() -> frozenset[str]:
    return frozenset(fold(w) for w in place_cues_data().get("abroad", {}).get("words", []))


#: The kinds of place that tell a report is about their country, bare or after a cue fitting them ("قضاء خانقين
#: في محافظة ديالى"، "بلدة معرة النعمان"، "في الزبداني"، "منطقة جبل قنديل"): all but villages, quarters and camps,
#: for a report's small places; for "the capital" only a governorate or a city named bare does.
_HOME_EVIDENCE = MAJOR_KINDS


#: Weekdays ending like an adjective ("العاصمة الجمعة"): a day, not a kind of capital.
_WEEKDAYS = frozenset({"الجمعه", "الثلاثاء"})


def _after_a_name(words: _Words, drafts: list[_Draft], i: int) -> bool:
    """"الرقة، العاصمة السابقة للتنظيم": a title in apposition after a name describes that place."""
    return any(d.last == i and words.text[d.end:words.tokens[i].start].strip() in ("،", ",") for d in drafts)


@cache
def _person_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names, kinship words of a name chain and the "عبد" of compound names (``[person]``), folded."""
    table = place_cues_data().get("person", {})
    return tuple(frozenset(fold(w) for w in table.get(k, [])) for k in ("given_names", "kin", "servant"))  # type: ignore[return-value]


def _family_name(words: _Words, d: _Draft, drafts: list[_Draft]) -> bool:
    """"خالد الحصان"، "عبدالله المنصور"، "وليد صلاح الدين"، "لبيد بن ربيعة"، "عبد الله الزبير": an Arabic personal
    name is a chain of given names and a family name, and a family name is often a place's name or nisba. A
    name with no cue and no clitic written right after a given name or a kinship word of a name chain (no
    punctuation, preposition or conjunction between them) is a person's family name, not a place
    (``[person]`` in place_cues.toml); so is a name two words after "عبد" (عبد الله الزبير). A given name
    that is also a village's name (خالد) is then no place either; after a cue (بلدة جاسم) it is one."""
    if d.cue is not None or d.first == 0:
        return False
    tokens = words.tokens
    if d.start != tokens[d.first].start:  # "محمد بالموصل": a preposition joined to the name
        return False
    prev = tokens[d.first - 1]
    if not gap_ok(words.text, prev.end, d.start) or any(
            o.first <= d.first - 1 < o.last and (o.cue is not None or o.last - o.first > 1) for o in drafts):
        return False
    given, kin, servant = _person_words()
    if prev.text in given or prev.text in kin:
        return True
    if d.first >= 2 and tokens[d.first - 2].text in servant and gap_ok(words.text, tokens[d.first - 2].end,
                                                                         prev.start):
        return True
    return False


def _given_name(words: _Words, d: _Draft, drafts: list[_Draft]) -> bool:
    """"صلاح الدين دميرتاش"، "قوات صلاح الدين الأيوبي"، "العداء صلاح الدين بوناصر": a place whose name is also a
    compound given name (``[person] compound_names``) is a person's given name when a family name follows it
    directly — a word that could be a name (not a place, a cue, a country or direction word, a function word
    or a phrase of the extraction lexicons, and not a given name, as in "محافظ صلاح الدين أحمد الجبوري"), with
    no punctuation or conjunction between; after a cue it is the place ("محافظة صلاح الدين"), and after an
    office's word it is the office's place ("أكد ضابط في شرطة صلاح الدين العثور على الجثث")."""
    if d.cue is not None or d.last >= len(words.tokens) or words.before(d.first, "organisation") is not None:
        return False  # "ضابط في شرطة صلاح الدين العثور على الجثث": an office's place
    table = place_cues_data().get("person", {})
    if d.key not in _compound_names(tuple(table.get("compound_names", []))):
        return False
    k = d.last
    word = words.tokens[k].text
    if not gap_ok(words.text, d.end, words.tokens[k].start) or any(o.first == k for o in drafts):
        return False
    if word in _person_words()[0] or word.startswith("و"):
        return False
    return _name_like(words, k, word, load_place_cues().not_names) and not _lexicon_phrase_at(words, k)


@cache
def _compound_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(n) for n in names)


def _clitic_length(token: str, word: str) -> int:
    """How many leading characters of ``token`` are proclitics before the name word ``word``."""
    for form in bare_forms(token):
        if form in (word, "ال" + word) or (word.startswith("ال") and form == word):
            if token.endswith(form):
                return len(token) - len(form)
            return len(token) - len(form) + 2  # للموصل: the name is read without its article
    if len(word) == 2 and token.endswith(word) and token[:-2] in short_word_proclitics():
        return len(token) - 2  # "وتل عفر": a two-letter first word keeps its proclitic in the text's peeling
    return 0


_PREPOSITION_CLITICS = frozenset({"ب", "ل", "وب", "ول", "فب", "فل"})


def _after_preposition_clitic(text: str, tokens: list[Token], d: _Draft) -> bool:
    """"مستشفى بجروح خطيرة"، "قاعدة بحرية"، "مستشفى ولادة": a cue noun is followed by its name, never by a
    preposition (ب، ل) before the name, so a name read after a preposition clitic inside its word is no name
    of the cue noun before it (the word is either a prepositional phrase or an ordinary word)."""
    return text[tokens[d.first].start:d.start] in _PREPOSITION_CLITICS


def _cue_before(words: _Words, first: int) -> Match[Word] | None:
    return words.before(first, "cue")


# --- 2. unknown names after cues -------------------------------------------------------------------


def _with_unknown(words: _Words, drafts: list[_Draft]) -> list[_Draft]:
    """Add unknown names after cues (and list items after plural cues) to the known ones."""
    by_first = {d.first: d for d in drafts}
    covered = {i for d in drafts for i in range(d.first, d.last)}
    cues = load_place_cues()
    out = list(drafts)
    for ms in words.ending.values():
        for c in ms:
            if c.payload.category != "cue" or c.payload.cue is None or (c.last in covered and not c.payload.plural):
                continue
            if c.last in by_first and by_first[c.last].cue is not None and not c.payload.plural:
                continue
            if c.first in covered:
                continue
            items = _list_after(words, c, by_first, cues.not_names)
            for item in items:
                if item.first not in by_first:
                    out.append(item)
                    by_first[item.first] = item
                    covered.update(range(item.first, item.last))
    # a known name inside an unknown two-word name is part of it: "قرية كفر داعل" is not Daraa's داعل
    inner = {k for d in out if not d.candidates for k in range(d.first + 1, d.last)}
    return sorted((d for d in out if not (d.candidates and d.first in inner)), key=lambda d: d.first)


_PREPOSITIONS = frozenset({"في", "علي", "من"})  # في، على، من (folded)
_PLURAL_ENDINGS = ("ين", "ون", "ات")


def _located_unknown(words: _Words, drafts: list[_Draft]) -> list[_Draft]:
    """"في الصواغية شرقي الفوعة"، "في تل اشهيب شرقي مطار خلخلة": after a preposition, a definite word or a
    name opened by a name prefix (تل، عين، كفر ...) that a direction word and a place the gazetteer knows follow
    is a place located by that place, even without a cue noun: the gazetteer lacks it, the text places it.
    Not a word of the lexicons (an event, actor or time: "في هجوم شرقي حلب"، "في الاشتباكات شمال حماة"),
    a definite plural (المسلحين، الجبهات), a cue, a word that is no name, or a country word (``_name_like``)."""
    cues = load_place_cues()
    tokens = words.tokens
    by_first = {d.first: d for d in drafts}
    covered = {k for d in drafts for k in range(d.first, d.last)}
    added: list[_Draft] = []
    directions = {m.first for found in words.ending.values() for m in found
                  if m.payload.category == "direction" and m.last == m.first + 1}
    starts = sorted(i for i in {d - n for d in directions for n in (1, 2)} if 1 <= i < len(tokens) - 2)
    for i in starts:  # the words one or two before a direction word: the only ones a direction can locate
        if i in covered:
            continue
        word = tokens[i].text
        if word in cues.two_word_prefixes:
            last = i + 2
        elif word.startswith("ال") and len(word) >= 5 and not word.endswith(_PLURAL_ENDINGS):
            last = i + 1  # not a plural noun: "من المسلحين شمال حماة"، "على الجبهات غرب تعز"
        else:
            continue
        if last >= len(tokens) or not any(f in _PREPOSITIONS for f in bare_forms(tokens[i - 1].text)):
            continue
        if any(k in covered for k in range(i, last)) or not words.is_word(last, "direction"):
            continue
        if not gap_ok(words.text, tokens[i - 1].end, tokens[i].start):
            continue
        if not all(_name_like(words, k, tokens[k].text, cues.not_names) for k in range(i, last)):
            continue
        if any(words.is_word(k, "cue") for k in range(i, last)) or _lexicon_phrase_at(words, i):
            continue
        k = last + 1
        while k < len(tokens) and words.is_word(k, "direction"):
            k += 1  # "شمال شرقي"
        if k < len(tokens) and words.is_word(k, "cue"):
            k += 1
        place = by_first.get(k)
        if place is None or not place.candidates:
            continue
        start, end = tokens[i].start, tokens[last - 1].end
        added.append(_Draft(i, last, start, end, words.text[start:end], []))
        covered.update(range(i, last))
    return sorted(drafts + added, key=lambda d: d.first) if added else drafts


#: Endings of an adjective agreeing with a name (nisba, feminine, dual, plural): "المحاصرة"، "المواليتين".
_ADJECTIVE_ENDINGS = ("ه", "ي", "ة", "ين", "ون", "ات", "ان")
#: A second word of a compound that stands for a place the compound lies by ("خور الزبير" by الزبير): a
#: settlement or a unit named after its seat, not a sub-district known only by another name's alias.
_SEAT_KINDS = frozenset({"governorate", "district", "city", "town"})


def _agrees(word: str) -> bool:
    """``word`` has an adjective's ending: a nisba or feminine one, or a dual or plural one after a stem
    of four letters at least ("المحاصرتين"، "الموالون"; not "الحصان"، "البستان", whose ان is the stem's)."""
    stem = word[2:] if word.startswith("ال") else word
    for ending in _ADJECTIVE_ENDINGS:
        if stem.endswith(ending):
            return len(ending) == 1 or len(stem) - len(ending) >= 4
    return False


def _compounds(words: _Words, drafts: list[_Draft]) -> list[_Draft]:
    """"منطقة خور الزبير"، "قرى ... وشمرة الحصان": after a cue, a name the gazetteer knows only as a
    village or quarter or not at all, followed directly (no preposition, no و) by another place name, is
    one two-word name in construct (idafa) that the gazetteer lacks, not two places; it lies by the
    place its second word names when that is a town or unit. A second word with an adjective's ending
    (التركية، الأثرية، المواليتين) or that is also an ordinary word agrees with the name and is not taken."""
    cues = load_place_cues()
    by_first = {d.first: d for d in drafts}
    dropped: set[int] = set()
    tokens, text = words.tokens, words.text
    for d in drafts:
        if d.cue is None or id(d) in dropped or d.last - d.first > 2 or d.last >= len(tokens):
            continue
        if any(p.kind not in MINOR_KINDS for p in d.candidates):
            continue
        k = d.last
        tok = tokens[k]
        nxt = by_first.get(k)
        if nxt is None or nxt.cue is not None or nxt.last - nxt.first > 1 or not tok.text.startswith("ال"):
            continue
        if not gap_ok(text, tokens[k - 1].end, tok.start) or _agrees(tok.text):
            continue
        if _ambiguous(nxt, cues.ambiguous):
            continue
        if any(p.kind in _SEAT_KINDS for p in nxt.candidates):
            d.parent, nxt.child, nxt.role = nxt, True, "parent"  # "خور الزبير" lies by الزبير: placed there
        else:
            dropped.add(id(nxt))
        d.last, d.end = k + 1, tok.end
        d.name, d.candidates, d.key = text[d.start:d.end], [], ""
    return [d for d in drafts if id(d) not in dropped]


def _list_after(words: _Words, cue: Match[Word], by_first: dict[int, _Draft],
                not_names: frozenset[str]) -> list[_Draft]:
    """The name after ``cue`` and, after a plural cue, the names listed with و or commas."""
    spec = cue.payload.cue
    assert spec is not None
    items: list[_Draft] = []
    i = cue.last
    tokens, text = words.tokens, words.text
    if (cue.payload.plural and i + 1 < len(tokens) and any(f in load_place_cues().list_others
                                                           for f in bare_forms(tokens[i].text))
            and any(f in cues_list_openers() for f in bare_forms(tokens[i + 1].text))):
        i += 1  # "ومدن أخرى، منها البصرة والنجف": "other" agrees with the cue; the opener follows
    if cue.payload.plural and i < len(tokens) and any(f in cues_list_openers() for f in bare_forms(tokens[i].text)):
        i += 1  # "4 قرى هي شقرا والحصان"
    located = False  # the list went on past a phrase that locates an item: only known names follow
    joined_with_wa = False  # the last item was joined with و
    while i < len(tokens) and len(items) < 12:
        prev_end = (cue.end if i == cue.last else tokens[i - 1].end) if not items else items[-1].end
        if located and items[-1].last < i:
            prev_end = tokens[i - 1].end  # right after the locating phrase
        gap = text[prev_end:tokens[i].start]
        conj = bool(items) and (tokens[i].text.startswith("و") or gap.strip(" ") in ("،", ","))
        if items and not conj and cue.payload.plural and not cue.payload.dual and not located:
            j = _past_locator(words, i, by_first)
            if j is not None and j < len(tokens) and tokens[j].text.startswith("و") and j in by_first:
                i, located = j, True  # "قرى المتونة شمال مدينة السويداء ودوما وتيما"
                continue
        if items and not conj:
            break
        if joined_with_wa and not tokens[i].text.startswith("و"):
            break  # "منها البصرة والنجف، مطالبين بـ...": و joins a list's last item; a comma after it ends the list
        joined_with_wa = bool(items) and tokens[i].text.startswith("و")
        if located and i not in by_first:
            break
        if not items and not gap_ok(text, prev_end, tokens[i].start):
            break
        if items and gap.strip(" \"'«»") not in ("", "،", ","):
            break
        known = by_first.get(i)
        if known is not None:
            if items:
                known.cue, known.list_item = known.cue or cue, True
            else:
                known.cue = known.cue or cue
            items.append(known)
        else:
            # only the name of one place is read in construct: after a plural noun the first word is often
            # no name at all ("قواعد حسن الجوار وحقوق الإنسان"، "مناطق كثيفة البنيان"), and a definite word
            # after a list item as often goes on with the sentence as with the name
            # (a plural of villages or towns lists settlements, whose names often are: "قرى الزويك وساقية الكرت";
            # not a dual, whose second name is often followed by the pair's own adjective or apposition)
            construct = by_first if not cue.payload.plural or (
                not cue.payload.dual and spec.primary in _LISTED_SETTLEMENTS) else None
            item = _unknown(words, i, bool(items), not_names, construct) if spec.unknown else None
            if item is None:
                break
            item.cue = cue
            item.list_item = bool(items)
            items.append(item)
        if not cue.payload.plural:
            break
        i = items[-1].last
        if cue.payload.dual and len(items) == 2 and i < len(tokens) and _after_a_pair(text, items[-1].end, tokens[i]):
            break
    unknown = [d for d in items if not d.candidates]
    if len(items) == 1 and unknown and not unknown[0].name.startswith("ال"):
        if cue.payload.plural or unknown[0].name.endswith(("يه", "يين", "يون")):
            return []  # "قواعد حزب", "قرى كردية", "منطقة حدودية": a lone indefinite word, no name
    return unknown


#: Kinds whose plural cue (قرى، بلدات) lists names of settlements, each read in construct like a single one.
_LISTED_SETTLEMENTS = frozenset({"village", "town"})


def _past_locator(words: _Words, i: int, by_first: dict[int, _Draft]) -> int | None:
    """Where a phrase that locates the list item before it ends: direction or "near" words, a cue noun
    maybe, and a town or unit the gazetteer knows ("شمال مدينة السويداء"، "قرب حماة"); None if none starts
    at token ``i``. A list of places goes on after it: "قرى المتونة شمال مدينة السويداء ودوما وتيما"."""
    k = i
    while k < len(words.tokens) and k - i < 3 and words.is_word(k, "near", "direction"):
        k += 1
    if k == i or k >= len(words.tokens):
        return None
    if words.is_word(k, "cue"):
        k += 1
    place = by_first.get(k)
    if place is None or not any(p.kind in MAJOR_KINDS for p in place.candidates):
        return None
    return place.last


def _after_a_pair(text: str, end: int, nxt: Token) -> bool:
    """After the two names of a dual cue, what follows is no third name when a comma parts it off
    ("بلدتي نبل والزهراء، عقبه قصف") or it agrees with the pair as an adjective ("والمحاصرتين")."""
    word = nxt.text[1:] if nxt.text.startswith("و") else nxt.text
    if text[end:nxt.start].strip() in ("،", ","):
        return True
    return word.startswith("ال") and _agrees(word) and not word.endswith(("ه", "ي", "ة"))


def cues_list_openers() -> frozenset[str]:
    return load_place_cues().list_openers


def _unknown(words: _Words, i: int, in_list: bool, not_names: frozenset[str],
             known: Container[int] | None = None) -> _Draft | None:
    """An unknown name at token ``i`` (one word, or two after a name prefix such as تل، أبو، خان, and one
    more when its last word is in construct with a definite noun: see ``_in_construct``; not read when
    ``known``, the first tokens of the names the gazetteer knows, is None)."""
    tokens, text = words.tokens, words.text
    tok = tokens[i]
    word = tok.text
    start = tok.start
    if in_list and word.startswith("و") and len(word) > 3:
        word, start = word[1:], start + 1
    if not _name_like(words, i, word, not_names):
        return None
    if len(word) >= 5 and word.endswith("ها") and not word.startswith("ال"):
        # a relative clause on an indefinite noun holds a pronoun returning to it: "منطقة ضربها التحالف"،
        # "مناطق يحتلها التنظيم"، "منطقة يريدونها": a verb (or a noun) with that pronoun names no place
        return None
    last = i + 1
    cues = load_place_cues()
    if (word in cues.two_word_prefixes and last < len(tokens) and gap_ok(text, tok.end, tokens[last].start)
            and _name_like(words, last, tokens[last].text, not_names)):
        last += 1
        if (tokens[last - 1].text in cues.name_links and last < len(tokens)
                and gap_ok(text, tokens[last - 1].end, tokens[last].start)):
            last += 1  # "نهر بن عمر"
    if known is not None and _in_construct(words, last, word if last == i + 1 else tokens[last - 1].text,
                                           not_names, known) and not _lexicon_phrase_at(words, i):
        last += 1
    return _Draft(i, last, start, tokens[last - 1].end, text[start:tokens[last - 1].end], [])


def _in_construct(words: _Words, k: int, word: str, not_names: frozenset[str], known: Container[int]) -> bool:
    """"قرية ساقية الكرت"، "حي كرم الطراب"، "بلدة قرص النفل": an indefinite noun followed directly by a definite
    noun is in construct with it (idafa), so a name that opens with one goes on with the next word. An
    adjective must agree in definiteness, so a definite word after an indefinite name is no adjective of
    it unless it has an adjective's ending (الحدودية، الشرقي) or a participle's prefix (المحاصر); nor is a
    day or another word that is no name (``not_names``: "الأربعاء"، "الماضي"), a word the lexicons read as
    an actor, an event or a time ("قرية X القوات التركية"، "بلدة X الأسبوع الماضي"، "X الفجر"), nor a name
    the gazetteer knows (``known``: "خور الزبير" lies by الزبير; see ``_compounds``)."""
    tokens = words.tokens
    if word.startswith("ال") or k >= len(tokens) or k in known:
        return False
    nxt = tokens[k].text
    if not nxt.startswith("ال") or len(nxt) < 4 or not gap_ok(words.text, tokens[k - 1].end, tokens[k].start):
        return False
    if _agrees(nxt) or (nxt.startswith("الم") and len(nxt) >= 6):
        return False
    return _name_like(words, k, nxt, not_names) and not _lexicon_phrase_at(words, k)


def _lexicon_phrase_at(words: _Words, k: int) -> bool:
    """A phrase of the extraction lexicons (actor, trigger, time) opens at token ``k``."""
    tokens = words.tokens
    piece = words.text[tokens[k].start:tokens[min(k + 3, len(tokens)) - 1].end]
    return any(m.first == 0 for m in load_lexicons().matcher.find(piece, tokenise(piece)))


def _name_like(words: _Words, i: int, word: str, not_names: frozenset[str]) -> bool:
    """Could ``word`` (token ``i``) be a place name? Not a number, a function word or a place word."""
    cues = load_place_cues()
    if word in cues.two_word_prefixes:  # "تل", "أم": only with the word that follows
        nxt = i + 1
        return nxt < len(words.tokens) and _name_like(words, nxt, words.tokens[nxt].text, not_names)
    if word[0].isdigit() or len(word) < 3 or word in not_names or word[2:] in not_names and word.startswith("ال"):
        return False
    if word.startswith(("لل", "بال", "كال", "فال")):
        return False  # a preposition with the article: "مصنع للثلج"
    if word.startswith(("يت", "تت", "يست", "تست")):
        return False  # a verb: "قاعدة يتواجد فيها"
    if any(f in load_lexicons().cardinals for f in (word, *bare_forms(word))):
        return False  # a number counts the places, names none: "مناطق ثلاث"، "مدينة وأربع بلدات"
    if any(f in not_names or f in cues.anaphors for f in bare_forms(word)):
        return False
    if any(f in cues.country_words or strip_article(f) in cues.country_words for f in bare_forms(word)):
        return False
    return not words.is_word(i, "cue", "near", "direction", "unit", "link", "organisation", "source", "route",
                             "route_filler", "route_to", "parent_link")


# --- 3. relation ------------------------------------------------------------------------------------


def _amount(token: Token) -> int | None:
    """A number of a distance, in digits or words ("20 كم"، "مئة كيلومتر")."""
    if token.is_number:
        return int(token.text) if token.text.isdecimal() else 0
    return next((load_lexicons().cardinals[k] for k in bare_forms(token.text) if k in load_lexicons().cardinals), None)


#: A place named as "N km from X" with N at least this far is a reference point, not the scene.
FAR_KM = 30
_KM_UNITS = frozenset({"كم", "كلم", "كيلومتر", "كيلومترا", "كيلومترات", "كيلو", "ميل", "اميال"})


def _relation(words: _Words, d: _Draft) -> None:
    """Walk back over "near", direction, distance and link words before the cue or name."""
    d.head = d.cue.first if d.cue is not None else d.first
    k = _before_apposition(words, d.head)
    seen_direction = seen_near = False
    distance, km = 0, False
    for _ in range(8):
        tokens = words.tokens
        amount = _amount(tokens[k - 1]) if k > 0 else None
        if amount is not None and gap_ok(words.text, tokens[k - 1].end, tokens[k].start):
            distance, k = max(distance, amount), k - 1
            continue
        m = words.before(k, "near", "direction", "unit", "link")
        linked = k != d.head or words.tokens[k].text.startswith("ل")  # من X, or a clitic ل: لمدينة الرقة
        if m is None and linked and not (seen_near or seen_direction) and _adjective_after_near(words, k):
            k -= 1  # "الضواحي المحاصرة من دمشق"، "الضواحي الجنوبية لمدينة حلب": the adjective of the near word
            continue
        if m is None:
            break
        cats = words.categories(k, m.first)
        km = km or ("unit" in cats and m.payload.label in _KM_UNITS)
        if "near" in cats:
            seen_near = True
        elif "direction" in cats:
            seen_direction = True
            d.part = d.part or load_place_cues().parts.get(m.payload.label, "")
            if (side := load_place_cues().parts.get(m.payload.label, "")) and side not in d.directions:
                d.directions.append(side)  # "شمال شرقي": north and east
        elif not (seen_near or seen_direction or "unit" in cats) and k != d.head:
            break  # a bare "من" is no relation; "إلى الجنوب من X" may have one before its link
        k = m.first
    d.chain = k if (seen_near or seen_direction) else d.head
    d.near = seen_near or seen_direction
    d.direction_only = seen_direction and not seen_near
    d.far = km and distance >= FAR_KM


def _before_apposition(words: _Words, k: int) -> int:
    """The token before a title in apposition ("العاصمة دمشق"، "العاصمة السورية دمشق") that ends at ``k``,
    else ``k``: the title is transparent to the relation words before it."""
    j = k - 1 if k > 0 and _adjective(words.tokens[k - 1].text) else k
    tokens = words.tokens
    if j > 0 and words.is_word(j - 1, "appositive") and gap_ok(words.text, tokens[j - 1].end, tokens[j].start):
        return j - 1
    return k


def _adjective_after_near(words: _Words, k: int) -> bool:
    """Token ``k - 1`` is a definite adjective (المحاصرة، الجنوبية، الشرقي) right after a definite "near"
    word (الضواحي): "the besieged suburbs of X" are still X's suburbs."""
    if k < 2:
        return False
    tokens = words.tokens
    word = tokens[k - 1].text
    if not word.startswith("ال") or not word.endswith(("ه", "ة", "ي")) or len(word) < 5:
        return False
    return (gap_ok(words.text, tokens[k - 2].end, tokens[k - 1].start)
            and words.before(k - 1, "near") is not None)


def _facility_direction(words: _Words, d: _Draft) -> None:
    """"حقل غرب القرنة"، "حقل شرق بغداد": between a facility noun and a place name, one direction word
    is part of the facility's name (the West Qurna field), not a relation: the name runs from it."""
    if d.cue is not None or not d.direction_only or d.chain != d.first - 1:
        return
    cue = words.before(d.chain, "cue")
    if cue is None or cue.payload.cue is None or cue.payload.cue.name != "facility" or cue.payload.plural:
        return
    tok = words.tokens[d.chain]
    d.cue, d.first, d.start = cue, d.chain, tok.start
    d.name = words.text[d.start:d.end]
    d.head = d.chain = cue.first
    d.near = d.direction_only = False
    d.part, d.directions = "", []


def _part_after(words: _Words, d: _Draft) -> str:
    """"ريف إدلب الجنوبي", "بادية حمص الشرقية": a direction adjective right after the name says which
    part of the place is meant."""
    if d.last >= len(words.tokens) or not gap_ok(words.text, words.tokens[d.last - 1].end, words.tokens[d.last].start):
        return ""
    parts = load_place_cues().parts
    return next((parts[f] for f in bare_forms(words.tokens[d.last].text) if f in parts), "")


# --- 4. roles -----------------------------------------------------------------------------------------


def _roles(words: _Words, drafts: list[_Draft]) -> None:
    for d in drafts:
        if _organisation(words, d) or _metonym(words, d):
            d.role = "organisation"
        elif _route_start(words, d):
            d.role = "route"
        elif _destination(words, d):
            d.role = "destination"
        elif _origin(words, d):
            d.role = "origin"
        elif _source(words, d):
            d.role = "source"
    for a, b in zip(drafts, drafts[1:], strict=False):
        _pair(words, a, b)
    _share_list_parents(drafts)
    for d in drafts:
        if d.far and d.role == "event" or _locates_an_anaphor(words, d):
            d.role = "reference"  # "في القرية الواقعة على بعد 250 كلم شمال بغداد": not in Baghdad


def _locates_an_anaphor(words: _Words, d: _Draft) -> bool:
    """"في المدينة، الواقعة جنوب العاصمة دمشق"، "البلدة التي تقع شمال حماة": after a place noun that points
    back to a place named before (``located_anaphors``) a locating relative says where that place lies, so the
    place it names after a direction or "near" word is a reference point, not a second scene."""
    if d.role != "event" or not d.near or d.chain < 2:
        return False
    cues, tokens = load_place_cues(), words.tokens
    k = d.chain - 1
    if not any(f in cues.locating_words for f in bare_forms(tokens[k].text)):
        return False
    if k > 0 and words.is_word(k - 1, "locating_relative") and not tokens[k].text.startswith("ال"):
        k -= 1  # "التي تقع"، "الذي يقع"
    if k == 0 or _CLAUSE_PUNCT.search(words.text[tokens[k - 1].end:tokens[k].start].replace("،", "").replace(",", "")):
        return False
    return any(f in cues.located_anaphors for f in bare_forms(tokens[k - 1].text))


def _share_list_parents(drafts: list[_Draft]) -> None:
    """The items of one list (قرى طربا والكسيب والغيضة في ريف السويداء) share their parent."""
    by_cue: dict[int, list[_Draft]] = {}
    for d in drafts:
        if d.cue is not None and d.cue.payload.plural:
            by_cue.setdefault(id(d.cue), []).append(d)
    for items in by_cue.values():
        parent = next((d.parent for d in reversed(items) if d.parent is not None), None)
        for d in items:
            if d.parent is None and parent is not None:
                d.parent = parent


def _organisation(words: _Words, d: _Draft) -> bool:
    """"شرطة محافظة كركوك"، "قيادة عمليات نينوى" (a cue's own words, "قاطع عمليات سامراء", are no organisation).
    The building of an organisation stands where it sits ("أحرق محتجون مبنى مجلس محافظة البصرة"، "اقتحموا مقر
    قيادة شرطة كركوك"): after a building word (``source_buildings``) the place is the scene."""
    starts = {d.head, d.chain} if d.cue is not None else {d.head, d.chain, d.first}
    found = [m for k in starts if (m := words.before(k, "organisation")) is not None]
    if not found:
        return False
    first = min(m.first for m in found)
    while (outer := words.before(first, "organisation")) is not None:
        first = outer.first  # "مقر قيادة شرطة كركوك": the whole office's name
    buildings = load_place_cues().source_buildings
    return first == 0 or not any(f in buildings for f in bare_forms(words.tokens[first - 1].text))


def _metonym(words: _Words, d: _Draft) -> bool:
    """"أكدت بغداد"، "واتهمت دمشق"، "الموالين لدمشق": a city or governorate as the subject right after a
    verb of saying or stance, or after "loyal/allied to", stands for its government (an actor), not
    for a place."""
    if d.cue is not None or d.near or d.first == 0:
        return False
    if not any(p.kind in ("city", "governorate") for p in d.candidates):
        return False
    prev = words.tokens[d.first - 1]
    if not gap_ok(words.text, prev.end, words.tokens[d.first].start):
        return False
    cues = load_place_cues()
    if words.tokens[d.first].text.startswith("ل") and any(f in cues.allegiance for f in bare_forms(prev.text)):
        return True  # "الموالين لدمشق"، "القوات الموالية لبغداد"
    return any(f in cues.metonym_verbs for f in bare_forms(prev.text))


_TRANSFER_REACH = 4


def _destination(words: _Words, d: _Draft) -> bool:
    """Where people were taken or fled to: "تم نقلهم إلى محافظة بغداد"، "نزحوا إلى أربيل"."""
    to = words.before(d.chain, "route_to")
    if to is None:
        return False
    return any(words.is_word(k, "transfer") for k in range(max(0, to.first - _TRANSFER_REACH), to.first))


def _origin(words: _Words, d: _Draft) -> bool:
    """Where aircraft or missiles set off from: "انطلقت من مطار الشعيرات"، "صواريخ أطلقت من الأراضي التركية"
    (a ``launch`` verb right before من); where people fled from: "عائلات نزحت من محافظة حمص" (a ``flight``
    word)."""
    source = words.before(d.chain, "route_from")
    return source is not None and source.first > 0 and words.is_word(source.first - 1, "launch", "flight")


def _route_start(words: _Words, d: _Draft) -> bool:
    """"طريق X", "الطريق الرابط بين X ..." (not "الطريق قرب X": that is near X)."""
    if d.chain != d.head:
        return False
    k = d.chain
    for _ in range(4):
        if words.before(k, "route") is not None:
            return True
        m = words.before(k, "route_filler")
        if m is None:
            return False
        k = m.first
    return False


def _source(words: _Words, d: _Draft) -> bool:
    """A reporter's, official's or statement's seat ("مراسل ... في أربيل"), or a dateline."""
    if _dateline(words, d):
        return True
    link = words.before(d.chain, "link", "parent_link")
    if link is None or link.payload.label not in ("في", "من"):
        return False
    cues = load_place_cues()
    lo = max(0, link.first - cues.source_window)
    tokens = words.tokens
    for k in range(link.first, lo, -1):
        noun = words.before(k, "source")
        if noun is not None:
            if _tells_an_act(words, noun.last, link.first):
                return False  # "أكدت مصادر تقدم المعارضة في بلدة داريا": the advance was in Daraya
            if noun.payload.label in cues.witness_sources:
                return _attributed(words, noun.first)
            return noun.first == 0 or not any(
                f in cues.source_buildings for f in bare_forms(tokens[noun.first - 1].text))
        if _CLAUSE_PUNCT.search(words.text[tokens[k - 1].end:tokens[k].start]):
            return False
        if any(f in cues.source_stops for f in bare_forms(tokens[k - 1].text)):
            return False
    return False


def _tells_an_act(words: _Words, lo: int, hi: int) -> bool:
    """An event word of the lexicons (``cue``: تقدم، قصف، هجوم) stands between a source noun and the place
    (tokens ``lo..hi``): what the source told happened there, the place is the act's, not the source's."""
    if hi <= lo:
        return False
    tokens = words.tokens
    piece = words.text[tokens[lo].start:tokens[hi - 1].end]
    return any(m.payload.category == "cue" for m in load_lexicons().matcher.find(piece, tokenise(piece)))


def _attributed(words: _Words, k: int) -> bool:
    """A verb of saying or an attribution (``witness_attribution``) right before token ``k``: "أفاد ناشطون
    في X"، "بحسب ناشطين في X" name where the witnesses are; "اعتقال ناشطين في X" names the scene."""
    if k == 0:
        return False
    found = load_place_cues().witness_attribution
    return any(f in found for f in bare_forms(words.tokens[k - 1].text))


_HEADING_KINDS = frozenset({"governorate", "district", "subdistrict", "region"})


def _dateline(words: _Words, d: _Draft) -> bool:
    """"بغداد - ", "دبي، الإمارات (CNN)--": a place opening a line, then a dash, a colon or an agency.  A place
    called by its kind ("محافظة حلب: قصف الطيران ..."، "ريف إدلب:") heads a section of a round-up instead: the
    events told under it happened there; so does a governorate no town bears the name of ("ريف دمشق:").  A
    dateline names a town."""
    if d.cue is not None or (d.candidates and all(p.kind in _HEADING_KINDS for p in d.candidates)):
        return False
    start = words.tokens[d.chain].start
    line_start = words.text.rfind("\n", 0, start) + 1
    if words.text[line_start:start].strip(" \t\"'«»"):
        return False
    return bool(_DATELINE_TAIL.match(words.text, d.end))


def _pair(words: _Words, a: _Draft, b: _Draft) -> None:
    """Relations between neighbouring toponyms: route pairs, "X في محافظة Y", "City - Area"."""
    text, tokens = words.text, words.tokens
    gap = text[a.end:tokens[b.chain].start]
    if _STOP_PUNCT.search(gap):
        return
    joined = gap.strip() == "" and b.chain == b.first  # "طريق بغداد كركوك", "طريق X وY"
    if a.role == "route" and (_DASH.fullmatch(gap) or joined
                              or _only(words, a.last, b.chain, "route_to", "route_filler")):
        if b.role == "event":
            b.role = "route"
        return
    if _from_to(words, a, b):
        a.role = b.role = "route"
        return
    if a.role in ("organisation", "destination", "source") and b.role == "event" and b.near and (
            b.chain - a.last <= 1):
        b.role = "reference"  # "نقلت إلى مستشفى طوزخورماتو شمالي بغداد": where that place lies, no scene
        return
    if b.role != "event" or a.role in ("organisation", "route", "destination"):
        return
    if _DASH.fullmatch(gap) and _could_be_parent(a, None) and a.role in ("event", "source"):  # "بغداد - مدينة الصدر"
        if b.candidates and all(p.kind in ("governorate",) for p in b.candidates):
            return
        b.parent, a.child = a, True
        a.role = "parent"  # also a dateline's "بغداد - " when an area follows the dash
        return
    if _is_parent_link(words, a, b) and _could_be_parent(b, a):
        a.parent, b.child = b, True
        b.role = "parent"
    elif _located_by(words, a, b):
        b.role = "reference"  # "ذي قار جنوب بغداد"، "الغوطة الشرقية المحاصرة بالقرب من دمشق": Y only locates X


def _located_by(words: _Words, a: _Draft, b: _Draft) -> bool:
    """A place followed directly (after at most one definite adjective) by "near"/"south of" another
    place is located by it: the second is a reference point, not a second scene."""
    if not b.near or (a.near and not a.direction_only) or a.role != "event" or b.far or _coordinated(words, b):
        return False
    sure = not _ambiguous(a, load_place_cues().ambiguous) and any(p.kind in MAJOR_KINDS for p in a.candidates)
    if a.cue is None and not sure:
        return False  # only a name sure to be a place locates another (not a village word that may be dropped)
    n = b.chain - a.last
    if n < 0 or n > 1 or (n == 1 and not words.tokens[a.last].text.startswith("ال")):
        return False
    return not _CLAUSE_PUNCT.search(words.text[a.end:words.tokens[b.chain].start])


def _only(words: _Words, lo: int, hi: int, *categories: str) -> bool:
    """Tokens ``lo..hi`` are all place words of ``categories`` (and there is at least one)."""
    return hi > lo and all(words.is_word(i, *categories) for i in range(lo, hi))


def _from_to(words: _Words, a: _Draft, b: _Draft) -> bool:
    """"من X إلى Y"."""
    if words.before(a.chain, "route_from") is None:
        return False
    return b.chain - a.last == 1 and words.is_word(a.last, "route_to")


def _coordinated(words: _Words, b: _Draft) -> bool:
    """Y's relation words open with the conjunction و ("في الموصل وقرب كركوك"): Y is a second place, not
    X's parent or reference point."""
    tok = words.tokens[b.chain]
    if not tok.text.startswith("و") or b.chain == b.first:
        return False
    return not any(m.first == b.chain and m.payload.label.split()[0] == tok.text for m in words.ending_at(b.chain + 1))


def _is_parent_link(words: _Words, a: _Draft, b: _Draft) -> bool:
    """Between X (``a``) and Y (``b``): في/ب/ضمن/التابعة ل..., a clitic ب/ل on Y's first word, or a direction."""
    if _coordinated(words, b):
        return False
    lo = a.last
    if lo < b.chain and _adjective(words.tokens[lo].text):  # قاعدة كركوش العسكرية بمحافظة ديالى
        lo += 1
    n = b.chain - lo
    if n > 3 or n < 0:  # "X في محافظة Y"، "X التابعة لقضاء Y"، "X التي تقع في Y"
        return False
    gap = words.text[a.end:words.tokens[b.chain].start]
    if ("،" in gap or "," in gap) and not (b.near and n == 0) and not _relative_after_comma(words, a, lo, b):
        return False
    if n and not _only(words, lo, b.chain, "parent_link", "link"):
        return False
    if n:
        return True
    if b.near:
        return True
    head = words.tokens[b.chain].text  # بمحافظة، لقضاء، بكركوك
    rest = head[1:]
    if head[:1] in ("ب", "ل") and rest in {b.key, "ال" + b.key, b.cue.payload.label if b.cue else ""}:
        return True
    # a name of several words with its clitic on the first: "بالغوطة الغربية"، "بدير الزور"
    return b.chain == b.first and " " in b.key and words.text[words.tokens[b.first].start:b.start] in ("ب", "ل")


def _adjective(word: str) -> bool:
    """A definite nisba adjective (العسكرية، الجنوبية، النفطي) that may follow a place name."""
    return word.startswith("ال") and (word.endswith("يه") or word.endswith("ي")) and len(word) > 5


def _relative_after_comma(words: _Words, a: _Draft, lo: int, b: _Draft) -> bool:
    """"X، الواقعة جنوب Y"، "X، التي تقع في Y": the only comma sets off a relative that locates X."""
    if lo >= b.chain or not words.is_word(lo, "locating_relative"):
        return False
    rest = words.text[words.tokens[lo].end:words.tokens[b.chain].start]
    return not _CLAUSE_PUNCT.search(words.text[a.end:words.tokens[lo].start].replace("،", "").replace(",", "")) \
        and not _CLAUSE_PUNCT.search(rest)


def _could_be_parent(p: _Draft, child: _Draft | None) -> bool:
    """Y can contain X: Y names an admin unit, a city or a town (or has a cue such as محافظة)."""
    if p.cue is not None and p.cue.payload.label in PARENT_CUES:
        return True
    if p.cue is not None and p.cue.payload.cue is not None and p.cue.payload.label in p.cue.payload.cue.areas:
        return child is None or not any(c.kind in _AREA_SIZED for c in child.candidates)  # it holds villages, towns
    if not any(c.kind in PARENT_KINDS for c in p.candidates):
        return False
    if child is not None and child.candidates and all(c.kind == "governorate" for c in child.candidates):
        return False
    return True


# --- 5. support for ambiguous and minor names ------------------------------------------------------


def _supported(words: _Words, drafts: list[_Draft]) -> list[_Draft]:
    """Drop matches that are ordinary words or unsupported village/neighbourhood names."""
    cues = load_place_cues()
    strong = [d for d in drafts if d.candidates and not _ambiguous(d, cues.ambiguous)
              and any(p.kind in MAJOR_KINDS for p in d.candidates)]
    admin1 = {p.admin1 for d in strong for p in d.candidates if p.kind in MAJOR_KINDS}
    admin2 = {p.admin2 for d in strong for p in d.candidates if p.kind in MAJOR_KINDS and p.admin2}
    per_cue = Counter(id(d.cue) for d in drafts if d.cue is not None)
    kept: list[_Draft] = []
    for d in drafts:
        if not d.candidates or (_keep(words, d, cues.ambiguous, admin1, admin2)
                                and not _adjective_after_plural(d, per_cue)):
            kept.append(d)
        elif kept and _listed_with(words.text, kept[-1], d):
            d.listed = True
            kept.append(d)  # "في الكوت والعمارة والسماوة": a list of towns makes each item a town
    kept = _keep_list_heads(words.text, drafts, kept)
    alive = {id(d) for d in kept}
    for d in kept:
        if d.parent is not None and id(d.parent) not in alive:
            d.parent = None  # a dropped name is nobody's parent
    parents = {id(d.parent) for d in kept if d.parent is not None}
    for d in kept:
        if d.role == "parent" and id(d) not in parents:
            d.role, d.child = "event", False  # its only child was a dropped word ("الشرطة الاتحادية في ...")
    return kept


_COORDINATED = re.compile(r"^[\s،,]*و?$")


def _keep_list_heads(text: str, drafts: list[_Draft], kept: list[_Draft]) -> list[_Draft]:
    """"مستشفيات صيدا والجيزة والمسيفرة": the first item of a list is a place like the item coordinated
    right after it when one of its namesakes lies in the same district as that item's (the list names
    neighbouring places), even though alone it would be too weak a name."""
    alive = {id(d) for d in kept}
    cues = load_place_cues()
    ordinary = (cues.ambiguous, cues.not_names, cues.anaphors)
    heads: set[int] = set()
    for d, nxt in zip(drafts, drafts[1:], strict=False):
        if (id(d) in alive or id(nxt) not in alive or not d.candidates or not nxt.candidates
                or text[d.end:nxt.start].strip() != "و"
                or any(in_word_list(d.key, words) for words in ordinary)):
            continue  # only "X وY"; an ordinary word ("الشرطة والجيش") heads no list of places
        districts = {(p.admin1, p.admin2) for p in nxt.candidates if p.admin2}
        if any((p.admin1, p.admin2) in districts for p in d.candidates):
            d.listed = True
            heads.add(id(d))
    return [d for d in drafts if id(d) in alive or id(d) in heads] if heads else kept


def _listed_with(text: str, before: _Draft, d: _Draft) -> bool:
    """``d`` is coordinated right after a place of the same major kind ("الكوت والعمارة"، "النجف، العمارة"):
    an item of a list of towns or governorates is read as one of them, even if it is also an ordinary word."""
    if not _COORDINATED.match(text[before.end:d.start]) or not before.candidates:
        return False
    kinds = {p.kind for p in before.candidates if p.kind in MAJOR_KINDS}
    return any(p.kind in kinds for p in d.candidates)


def _adjective_after_plural(d: _Draft, per_cue: Counter[int]) -> bool:
    """"قرى كردية", "مناطق سورية": a lone indefinite nisba after a plural cue describes the places,
    even when some village bears that name (كردية, Tartus)."""
    if d.cue is None or not d.cue.payload.plural or per_cue[id(d.cue)] > 1 or " " in d.name:
        return False
    return not d.name.startswith("ال") and d.name.endswith(("يه", "يين", "يون"))


def _ambiguous(d: _Draft, ambiguous: frozenset[str]) -> bool:
    return is_ambiguous(d.key, d.candidates, ambiguous)


def _keep(words: _Words, d: _Draft, ambiguous: frozenset[str], admin1: set[str], admin2: set[str]) -> bool:
    """Is this gazetteer name a place here? Plain names of towns and admin units always are; a name
    that is also an ordinary word, or only a village or neighbourhood, needs support."""
    spec = d.cue.payload.cue if d.cue is not None else None
    cues = load_place_cues()
    if d.key in cues.anaphors:
        return False  # "سوق الناحية"، "مناطق الإقليم": the place named before, not a village of that name
    if spec is not None and d.key in cues.not_names and not d.key.startswith("ال"):
        return False  # "قرية صغيرة"، "قرية جديدة": an indefinite adjective describes the place, names none
    if spec is None and _after_demonstrative(words, d):
        return False  # "هذه الطبقة"، "هذا الحصان": a common noun
    if spec is None and _points_to_a_pair(words, d):
        return False  # "قريتي تل أعور والفريكة ... وقصفت القوات القريتين": the two villages, not القريتين
    if spec is None and _quoted(words, d) and not _locative(words, d) and d.parent is None and not d.near:
        return False  # "أحرقوا مقر حركة "البشائر"": a quoted name is a party's, a campaign's or an operation's
    if spec is not None and (spec.unknown or any(p.kind in spec.kinds for p in d.candidates)):
        return True  # a cue introduced it (if no candidate fits, it is resolved as an unknown name)
    if d.key in cues.verb_shaped:  # "الطائرات تدمر منازل": a verb; "في تدمر": no verb follows a preposition
        return _locative(words, d) or d.parent is not None or d.child or d.near
    if d.key in cues.construct_heads and _heads_construct(words, d) \
            and not (d.parent is not None or d.child or d.near):
        return False  # "رجال الأمن حماة الوطن": the protectors of the homeland, not Hama
    amb = _ambiguous(d, ambiguous)
    minor = all(p.kind in MINOR_KINDS and not p.id.startswith("marsad:") for p in d.candidates)
    if minor and _qualified_noun(words, d):
        return False
    if not amb and not minor:
        return True
    pool = [p for p in d.candidates if p.kind in MAJOR_KINDS] if amb else d.candidates
    if (amb and not in_word_list(d.key, ambiguous) and d.parent is not None
            and _locative(words, d)):
        pool = d.candidates  # a nisba-shaped name placed in its town: "في الزعفرانية بجنوب بغداد"
    in_admin1 = any(p.admin1 in admin1 for p in pool)
    in_admin2 = any(p.admin2 in admin2 for p in pool if p.admin2)
    related = _locative(words, d) or d.parent is not None or d.child or d.near
    if amb:
        return (in_admin1 or unit_in_clause_country(words.text, d.start, d.end, d.key, d.candidates)) and related
    if related and unique_village(d.key, d.candidates) and _locative(words, d):
        return True  # "على الباغوز": a name no other place bears; the resolver weighs the document's country
    if " " not in d.key and not d.key.startswith("ال"):
        # a one-word indefinite village name collides with ordinary nouns and adjectives (سلسلة،
        # بشرية، شيوخ، لكنه، قريبا): it needs its district named and a preposition before it, or
        # an explicit relation
        return (in_admin2 and related) or (in_admin1 and (d.parent is not None or d.child or d.near))
    if " " not in d.key:  # "السبع" (seven), "الشقق" (the flats): as above, the district alone is not enough
        return (in_admin2 or in_admin1) and related
    return in_admin2 or (in_admin1 and related)


def _heads_construct(words: _Words, d: _Draft) -> bool:
    """The name is directly followed (no punctuation) by a definite noun that is no adjective of it (no
    nisba or feminine ending, no participle), no place word (cue, direction, "near") and no phrase of the
    extraction lexicons (a day, an actor, an event): the two words are a construct (idafa), and a name
    of ``construct_heads`` is then the plural noun heading it ("حماة الوطن": the protectors of the
    homeland), as an indefinite noun is what heads a construct, not a town's proper name."""
    tokens = words.tokens
    k = d.last
    if k >= len(tokens) or not gap_ok(words.text, tokens[k - 1].end, tokens[k].start):
        return False
    nxt = tokens[k].text
    if not nxt.startswith("ال") or len(nxt) < 4 or _agrees(nxt) or (nxt.startswith("الم") and len(nxt) >= 6):
        return False
    return not words.is_word(k, "cue", "near", "direction", "link") and not _lexicon_phrase_at(words, k)


def _points_to_a_pair(words: _Words, d: _Draft) -> bool:
    """The name is the dual of a cue noun with the article ("القريتين"، "البلدتين") and the text named a pair
    with that dual cue before it ("قريتي تل أعور والفريكة"): the noun points back to the pair, it names no
    place of its own, even when a town bears it (القريتين in Homs, named after its cue: "مدينة القريتين")."""
    if not d.key.startswith("ال"):
        return False
    bare = d.key[2:]
    return any(m.payload.category == "cue" and m.payload.dual and bare in (m.payload.label, m.payload.label + "ن")
               for k, ms in words.ending.items() if k <= d.first for m in ms)


_QUOTES_OPEN = "\"«“'"
_QUOTES_CLOSE = "\"»”'"


def _quoted(words: _Words, d: _Draft) -> bool:
    """The name stands alone between quotation marks ("البشائر"، «الفجر»): the press quotes the names of
    parties, movements, campaigns and operations, not of the places it reports from, so a quoted name with
    no cue noun, locative preposition, parent or direction before it names no place."""
    text = words.text
    before = text[:words.tokens[d.first].start].rstrip(" ")
    after = text[d.end:].lstrip(" ")
    return bool(before) and before[-1] in _QUOTES_OPEN and bool(after) and after[0] in _QUOTES_CLOSE


def unit_in_clause_country(text: str, start: int, end: int, key: str, candidates: Iterable[Place]) -> bool:
    """A nisba-shaped name (not on the ``[ambiguous]`` list) of a district or sub-district of one country,
    named in a clause whose country words name that country: "صدت قوات الحشد الشعبي هجوما في الطارمية"،
    "قتل جنديان عراقيان في الضلوعية", a town seat and not an adjective.  (The district or sub-district is
    named after its seat; the clause's country words are those of marsad.geo.countries.)"""
    if in_word_list(key, load_place_cues().ambiguous):
        return False
    units = {p.country for p in candidates if p.kind in ("district", "subdistrict")}
    if len(units) != 1:
        return False
    return clause_country(start, end, text, country_marks(text)) == units.pop()


def _after_demonstrative(words: _Words, d: _Draft) -> bool:
    """The name follows a demonstrative directly ("هذه الطبقة"): a place after one comes with its cue
    noun between them ("هذه المدينة"), so this is a common noun."""
    if d.first == 0 or not gap_ok(words.text, words.tokens[d.first - 1].end, words.tokens[d.first].start):
        return False
    prev = words.tokens[d.first - 1].text
    return any(f in load_place_cues().demonstratives for f in bare_forms(prev))


def _qualified_noun(words: _Words, d: _Draft) -> bool:
    """"في المشهد الأمني"، "مناطق الشقق السكنية": a word that only villages or quarters bear, followed
    directly by a definite nisba adjective (not a direction: "الحي الشرقي" names a part), is an
    ordinary noun with its adjective, not a village's name. A cue noun before it (قرية X) or a
    direction after it keeps it a place."""
    if d.cue is not None or d.last >= len(words.tokens) or " " in d.key or not d.key.startswith("ال"):
        return False
    nxt = words.tokens[d.last]
    if not gap_ok(words.text, words.tokens[d.last - 1].end, nxt.start) or not _adjective(nxt.text):
        return False
    return not any(f in load_place_cues().parts for f in bare_forms(nxt.text))


def unique_village(key: str, places: Iterable[Place], named: bool = False) -> bool:
    """A village name written with its article or in two words that only one place of each country
    bears (الباغوز، عرى القبلي): unlike a bare indefinite word, it is rarely an ordinary word.
    ``named``: a cue has already made it a name ("قاعدة حميميم"), so a bare word counts too."""
    found = list(places)
    countries = [p.country for p in found]
    return (bool(found) and all(p.kind in MINOR_KINDS for p in found) and len(set(countries)) == len(countries)
            and (named or key.startswith("ال") or " " in key))


def _locative(words: _Words, d: _Draft) -> bool:
    """The name follows a locative preposition: في X، بX، من X، قرب X."""
    tok = words.tokens[d.first].text
    if tok[:1] == "ب" and len(bare_forms(tok)) > 1:
        return True
    if d.first == 0 or not gap_ok(words.text, words.tokens[d.first - 1].end, words.tokens[d.first].start):
        return False
    return any(f in LOCATIVE for f in bare_forms(words.tokens[d.first - 1].text))


def toponym_names(toponyms: Iterable[Toponym]) -> list[str]:
    """The names of ``toponyms`` (a helper for tests and the CLI)."""
    return [t.name for t in toponyms]


