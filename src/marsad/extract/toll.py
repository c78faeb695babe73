"""Stage: killed and wounded counts (codebook §6), each with the words that state it.

A casualty word (قتل، مقتل، قتلى، أصيب، جرحى ...) claims a count next to it: just before
a counted noun ("30 جريحا"، "خمسة قتلى"), else a few words after ("مقتل 6 قياديين"،
"قتل تنظيم داعش 9 رجال"، "لقي 12 شخصا مصرعهم"), else a few words before ("3 أشخاص
قتلوا").  Without a count, a singular person is one (قتل محتج), a dual two (عنصري أمن),
an unquantified plural three (سقوط قتلى، مقتل مدنيين).  Counts after "بينهم" (among them)
are parts of a toll already counted.  One count for killed *and* wounded ("66 قتيلا
وجريحا") gives no split: it counts 0 for both, as ACLED does.

The casualty verbs are generated from one row per lemma (``numbers.toml`` ``[[toll_verb]]``,
:mod:`marsad.text.inflect`); their subject may follow a prepositional phrase ("وسقط في الاشتباك 9
مسلحين").  Counts of other predicates (arrests, flight, rescue) are no toll.  Each
:class:`TollMention` says whether it is a part of people told already (``part``), a running total
(``cumulative``) or a raised figure (``update``); ``attackers`` mentions count suicide attackers
named as people, which consolidation adds to a suicide bombing's dead.  docs/extraction.md lists
every rule with its principle.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property
from typing import overload

from marsad.doc import Doc
from marsad.extract.actors import UNIDENTIFIED, dominant_rebel, resolve
from marsad.extract.frames import compares
from marsad.extract.numbers import Number, dual_of, read_number
from marsad.lexicon import Entry, Lexicons, load_lexicons
from marsad.text.matcher import Match
from marsad.text.normalise import fold
from marsad.text.tokens import Sentence, Token, lookup_keys, may_have_key, strip_article, without_conjunction

#: Unquantified plural (سقوط قتلى، جرحى): codebook "several" = 3.
PLURAL_COUNT = 3
_AFTER_WINDOW = 6
_BEFORE_WINDOW = 6
#: The words a count's noun phrase may run over to the group its people belong to ("19 قتيلا في صفوف الفصائل").
_VICTIM_REACH = 8

Count = tuple[int, bool, int, int]  # value, exact, first token, last token


@dataclass(frozen=True, slots=True)
class TollMention:
    """A count of ``kind`` (killed | wounded | combined | attackers) stated in one sentence."""

    kind: str
    value: int
    exact: bool  # a stated count, not a dual of an ambiguous plural or an unquantified plural
    start: int
    end: int
    sentence: int
    token: int
    implicit: bool = False  # no count stated: read from the noun (قتيل = 1, قتلى = several)
    additive: bool = False  # "... و25 في صفوف الشرطة"، "وقتل خمسة آخرون": adds to the count before
    part: bool = False  # "بعض الجرحى"، "عشرة من القتلى": a part of people told already, no count of its own
    cumulative: bool = False  # a running total over many incidents or days ("منذ الثلاثاء"، "إجمالي"، "خلال 30 يوما")
    update: bool = False  # a raised figure of one toll ("ارتفعت حصيلة القتلى إلى 20"): the latest count
    victims: str = ""  # the group its people belong to, as its noun phrase names it ("" unnamed: شخصا)


def find_tolls(doc: Doc) -> None:
    """Fill ``doc.tolls`` sentence by sentence."""
    lex = load_lexicons()
    sides = _Sides(doc)
    totalled = -2  # the last sentence whose every count was a running total
    for sentence in doc.sentences:
        if not (doc.sentence_entries(sentence, "casualty") or doc.sentence_entries(sentence, "loose_casualty")
                or any(m.payload.label == "suicide" for m in doc.sentence_entries(sentence, "cue"))):
            continue  # no casualty word and no suicide attacker: nothing to count
        tolls = _SentenceTolls(doc, sentence, lex, sides).read()
        if tolls and _goes_on_with_a_total(doc, sentence, lex, totalled):
            tolls = [replace(t, cumulative=True) for t in tolls]
        markers = total_markers(doc, sentence, lex) if tolls else []
        if markers:  # each marker belongs to the toll nearest to it, unless a casualty word of no toll is nearer
            spans = [(doc.token_index(t.start), doc.token_index(t.end)) for t in tolls]
            # "بينهم أطفال خلال ثلاثة أسابيع": who they were; "أصيب 10 أشخاص بجروح منذ السبت": how, right after
            # the toll — neither is a casualty word that read no count
            words = [(m.first, m.last) for m in doc.sentence_entries(sentence, "casualty", "loose_casualty")
                     if m.payload.label != "subset" and not any(a <= m.first <= b + 2 for a, b in spans)]
            near = {i for m in markers if (i := _marked(m, spans, words)) is not None}
            tolls = [replace(t, cumulative=True) if i in near else t for i, t in enumerate(tolls)]
        if tolls and all(t.cumulative for t in tolls):
            totalled = sentence.index
        doc.tolls.extend(tolls)


def cause_tolls(doc: Doc, sentence: Sentence, start: int) -> list[TollMention]:
    """The counts of a cause told with a day of its own (mentions._dated_cause: "سعيا إلى تهدئة الاحتجاجات
    القائمة منذ بداية الأسبوع على خلفية مقتل شخص في تظاهرة ضد البطالة، الأحد الماضي"), read from the
    character ``start`` on.  A killing told as a motive is no toll of the act it motivates (``told_as_motive``),
    but when the clause dates it, it tells that earlier incident itself, and its dead are that incident's."""
    tolls = _SentenceTolls(doc, sentence, load_lexicons(), keep_motives=True).read()
    return [t for t in tolls if t.start >= start and t.kind != "attackers"]


def _goes_on_with_a_total(doc: Doc, sentence: Sentence, lex: Lexicons, totalled: int) -> bool:
    """"ومنذ بدء هجومها، سيطرت القوات التركية على ثمانين قرية. وقتل 252 من الفصائل مقابل 281 من المقاتلين
    الأكراد. كما قتل 149 مدنيا": a sentence that only goes on adding counts ("كما"، or a casualty verb with و
    as its first word), with no day, date or place of its own, right after a sentence that told a running
    total ("منذ بدء الهجوم") or whose counts all were one, adds to that tally: its counts are totals too."""
    if sentence.index - 1 < 0 or sentence.first_token >= sentence.last_token:
        return False
    tokens = doc.tokens
    first = tokens[sentence.first_token].text
    opens = first == "كما" or any(m.first == sentence.first_token and first.startswith("و")
                                  for m in doc.sentence_entries(sentence, "casualty")) or _counters(doc, sentence, lex)
    if not opens or doc.sentence_entries(sentence, "weekday", "relative_day", "month", "period") or (
            doc.sentence_digit_dates(sentence)) or any(
            sentence.first_token <= rp.toponym.first_token < sentence.last_token and rp.toponym.role != "organisation"
            for rp in doc.places):  # "الفصائل الموالية لأنقرة" names a side, not a place
        return False
    return totalled == sentence.index - 1 or bool(total_markers(doc, doc.sentences[sentence.index - 1], lex))


def _counters(doc: Doc, sentence: Sentence, lex: Lexicons) -> bool:
    """"ووثق المرصد في المقابل مقتل أكثر من 400 عنصر": the sentence opens by setting its counts against those
    told just before it ("في المقابل"، "بالمقابل" before its first casualty word: ``counter_openers``)."""
    words = doc.sentence_entries(sentence, "casualty")
    if not words:
        return False
    openers = lex.word_set("counter_openers")
    return any(without_conjunction(doc.tokens[j].text) in openers or doc.tokens[j].text in openers
               for j in range(sentence.first_token, min(words[0].first, sentence.first_token + 6)))


class _Sides:
    """What a description names in this article: its country (the most places) and the rebel group it
    names most (for "المسلحين"، "الإرهابيين"), each read once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def country(self) -> str:
        countries = Counter(rp.location.country for rp in self.doc.places if rp.location is not None)
        return countries.most_common(1)[0][0] if countries else ""

    @cached_property
    def rebel(self) -> str | None:
        actor = dominant_rebel(self.doc)
        return actor.name if actor is not None else None


class _SentenceTolls:
    """The casualty words of one sentence and the counts they claim."""

    def __init__(self, doc: Doc, sentence: Sentence, lex: Lexicons, sides: _Sides | None = None,
                 keep_motives: bool = False) -> None:
        self.doc, self.sentence, self.lex = doc, sentence, lex
        self.keep_motives = keep_motives  # read the counts of a killing told as a motive too (``cause_tolls``)
        self.sides = sides or _Sides(doc)
        words = _with_loose(doc.sentence_entries(sentence, "casualty"),
                            doc.sentence_entries(sentence, "loose_casualty"))
        self.subsets = [m.first for m in words if m.payload.label == "subset"]
        self.words = _merge_combined(doc, [m for m in words if m.payload.label != "subset"])
        self.vague = {m.first: m for m in doc.sentence_entries(sentence, "vague")}
        actors = doc.sentence_entries(sentence, "actor", "generic")
        self.actor_tokens = {j for m in actors for j in range(m.first, m.last)}
        self.actor_end = {m.first: m.last for m in actors}
        self.actor_at = {m.first: m for m in actors}
        self.time_tokens = {j for m in doc.sentence_entries(sentence, "weekday", "relative_day", "period", "day_part")
                            for j in range(m.first, m.last)} | _numeric_date_tokens(doc, sentence) \
            | _day_of_month_tokens(doc, sentence, lex)
        # "العشرين" is the twentieth (of the month) unless a counted noun follows: "العشرين جريحا" is twenty
        self.time_tokens |= {j for m in doc.sentence_entries(sentence, "ordinal") if not self._counted_after(m.last)
                             for j in range(m.first, m.last)}
        self.claimed: set[int] = set()
        # "اعتقلت الشرطة 5 مسلحين"، "نزوح 300 عائلة": what is done to these people is not a death or a wound
        self.predicates = {j for m in doc.sentence_entries(sentence, "predicate") for j in range(m.first, m.last)}

    def read(self) -> list[TollMention]:
        out: list[TollMention] = []
        for k, word in enumerate(self.words):
            limit = self.words[k + 1].first if k + 1 < len(self.words) else self.sentence.last_token
            floor = self.words[k - 1].last if k > 0 else self.sentence.first_token
            # "بينها جثة طفل" is a part of the toll told; "قتل 10 بينهم طفلان وأصيب 20" opens the other kind's
            joined = (self.doc.tokens[word.first].text.startswith("و") and bool(out)
                      and out[-1].kind != word.payload.label)
            if self._negated(word) or (not joined and any(
                    0 < word.first - m <= 3 and not self._comma_between(m, word.first)
                    for m in self.subsets if m not in self.claimed)):
                continue  # "لا معلومات عن قتلى"؛ "بينها جثة طفل" is part of a toll told already
            if self._motive(word):
                continue  # "تظاهروا احتجاجا على مقتل شاب": the reason of what is told, not its toll
            if self._a_hit(word):
                continue  # "محققين إصابات مباشرة": direct hits on a target, no one wounded
            if self._cause_of_death(word):
                continue  # "توفي إثر إصابته برصاص الشرطة": the wound of the one who died, no one more
            if word.first in self.claimed:
                continue  # "إلى 11 شهيدا": the counted noun of a count read already
            if (part := self._partitive(word)) == "among":
                continue  # "وكان بين القتلى امرأتان": who the dead were, no count
            if part:  # "بعض الجرحى": a part of those told, no count of its own
                out.append(TollMention(word.payload.label, 0, False, word.start, word.end, self.sentence.index,
                                       word.first, implicit=True, part=True))
                continue
            count = self._adjacent_before(word) or self._with(word, limit) or self._after(word, limit) or (
                self._raised_to_before(word, floor))
            earlier: list[Count] = []
            if count is None and not (self._strict(word) or self._conjoined_verb(word)):
                count = self._before(word, floor)
                earlier = self._prior_conjuncts(count, floor, limit) if count is not None else []
            implicit = count is None
            if count is None:
                count = self._implicit(word, limit)
            if (doer := self._doer_after(word)) is not None and (
                    (count is None and doer[2] in (doer[1], word.last)) or (
                    count is not None and count[2] < doer[1] and count[3] >= doer[0])):
                # "اغتال مسلحان مجهولان ناشطا"، "قتل مسلحون مجهولون صاحب محل": the subject of an active verb
                # is who killed, never the dead — the count is its object's, right after the subject (VSO) or
                # the verb (SVO); a person named without a number is one, not stated (like "سقط قتيل")
                told = self._object_count(word, doer, limit)
                if told is not None or doer[0] > word.first:  # SVO with no object: the verb may be passive
                    count = told  # ("سبع نساء أصبن": أُصِبن and أَصَبن are written alike)
                    implicit = told is not None and self._count_at(told[2]) is None
            if count is None:
                continue
            value, exact, first, last = count
            self.claimed.update(range(first, last))
            self._claim_noun_phrase(last, limit)
            start = min(self.doc.tokens[first].start, word.start)
            end = max(self.doc.tokens[last - 1].end, word.end)
            # "وقتل آخر"، "وتوفي خامس متأثرا بجراحه": people named as others than those counted add to them
            additive = bool(out) and (self._says_others(last, limit) or (implicit and self._others_alone(first, last)))
            victims = self._victims(first, last, limit) or self._not_the_agent(word)
            if not victims and out and self._says_others(last, limit) and out[-1].victims[:1] not in ("", "!", "*"):
                victims = out[-1].victims  # "ستة محتجين قتلوا، وجرح أكثر من 20 آخرين": other protesters
            toll = TollMention(word.payload.label, value, exact, start, end, self.sentence.index, first, implicit,
                               additive, update=not implicit and self._raised(min(first, word.first), first),
                               victims=victims)
            out.append(toll)
            for e_value, e_exact, e_first, e_last in earlier:  # "25 من الفصائل وثمانية من داعش قتلوا": both
                self.claimed.update(range(e_first, e_last))
                out.append(TollMention(toll.kind, e_value, e_exact, self.doc.tokens[e_first].start,
                                       self.doc.tokens[e_last - 1].end, toll.sentence, e_first, additive=True,
                                       victims=self._victims(e_first, e_last, first)))
            out.extend(self._conjoined(toll, last, limit))
        return out + self._attackers() + self._self_detonated(out)

    def _dual_at(self, j: int) -> bool:
        return dual_of(strip_article(self.doc.tokens[j].text), self.lex) is not None

    def _prior_conjuncts(self, found: Count, floor: int, limit: int) -> list[Count]:
        """"أن 25 مقاتلا من الفصائل وثمانية من مقاتلي داعش قتلوا"، "39 من المعارضة و39 من الجيش قتلوا": the
        subject before a verb of dying may be a list of counts joined by و, one per group; the count nearest
        the verb is its last conjunct, and each count before it, joined by و, with only its noun phrase
        between (no predicate, casualty word, clause link or comma), is another of the dead (codebook §6,
        all sides).  The earlier conjuncts, nearest first."""
        out: list[Count] = []
        tokens, links = self.doc.tokens, self.lex.word_set("clause_links")
        first = found[2]
        while len(out) < 4:
            joined = tokens[first].text.startswith("و") or (first > floor and tokens[first - 1].text == "و")
            if not joined or tokens[first].text in self.lex.cardinals:
                return out  # "واحد": the و is the word's own letter
            prior = None
            start = first - 2 if tokens[first - 1].text == "و" else first - 1
            for k in range(start, max(floor, first - 10) - 1, -1):
                if k in self.predicates or strip_article(tokens[k].text) in links or any(
                        w.first == k for w in self.words) or self._comma_between(k, k + 1):
                    return out
                c = self._count_at(k)
                if c is None:
                    continue
                while k - 1 >= floor and (whole := self._count_at(k - 1)) is not None and whole[3] >= c[3]:
                    c, k = whole, k - 1  # "خمسة وعشرون" from its first word
                if k - 1 >= floor and c[3] == k + 1 and self._dual_at(k) and not self._dual_at(k - 1) and (
                        (number := self._count_at(k - 1)) is not None and number[3] == k):
                    c, k = (number[0], number[1], number[2], c[3]), k - 1  # "تسعة شرطيين": nine, not the dual's two
                if c[3] > first or not c[1] or not self._free(k, self.words[0]) or self._governed(c[2]) or not (
                        self._names_people(c[3], limit) or self._is_person(tokens[c[3] - 1].text)):
                    return out
                prior = c
                break
            if prior is None:
                return out
            out.append(prior)
            first = prior[2]
        return out

    def _attackers(self) -> list[TollMention]:
        """Suicide attackers told as people (codebook §6: they count among the dead): "انتحاري" one,
        "انتحاريان" two, "ثلاثة انتحاريين" three — as a noun, not as the adjective of a bombing ("تفجيرين
        انتحاريين"، "الهجوم الانتحاري").  Value 0 when the attackers are the counted dead already ("قتل
        انتحاريان"، "مقتل 12 شخصا بينهم الانتحاري").  Read only in sentences with a suicide cue."""
        if not any(m.payload.label == "suicide" for m in self.doc.sentence_entries(self.sentence, "cue")):
            return []
        tokens, nouns = self.doc.tokens, self.lex.word_set("attacker_nouns")
        bombings = self.lex.word_set("bombing_nouns")
        out: list[TollMention] = []
        for j in range(self.sentence.first_token, self.sentence.last_token):
            keys = lookup_keys(tokens[j].text)
            if not any(k in nouns for k in keys):
                continue
            prev = lookup_keys(tokens[j - 1].text) if j > self.sentence.first_token else ()
            if any(k in bombings or k.startswith(("تفجير", "هجوم", "هجمات", "عملي")) for k in prev):
                # the adjective of a bombing, not its bomber; bombings counted ("تفجيرين انتحاريين"، "ثلاث
                # عمليات انتحارية") had a bomber each
                if bombings_told := self._bombings_counted(j - 1):
                    out.append(TollMention("attackers", bombings_told, True, tokens[j - 1].start, tokens[j].end,
                                           self.sentence.index, j - 1))
                continue
            among = any(j - 2 <= m < j for m in self.subsets)  # "مقتل 12 شخصا بينهم الانتحاري": counted already
            value = 0 if j in self.claimed or among else self._attacker_count(j)
            out.append(TollMention("attackers", value, True, tokens[j].start, tokens[j].end, self.sentence.index, j))
        return out

    def _bombings_counted(self, j: int) -> int:
        """How many suicide bombings the bombing noun at ``j`` counts, 0 if it counts none: a dual ("تفجيرين"،
        "هجومان"، "عمليتين") two, a number before it ("ثلاثة تفجيرات") that many.  Each had its own bomber
        (codebook §6: one bomber unless stated), so as many attackers died as bombings were told."""
        tokens = self.doc.tokens
        for i in range(max(self.sentence.first_token, j - 3), j):
            number = read_number(tokens, i, self.lex)
            if number is not None and number.last == j and number.exact and not self._year(number):
                return number.value
        singulars = self.lex.word_set("bombing_singulars")
        for word in lookup_keys(tokens[j].text):  # with its clitics off: "وتفجيرين"، "بهجومين"
            stem = next((word[: -len(s)] for s in ("ين", "ان") if word.endswith(s)), "")
            if stem.endswith("ت"):  # the ة of عملية is written ت before the dual's ending
                stem = stem[:-1] + "ه"
            if stem in singulars:
                return 2
        return 0

    def _self_detonated(self, counted: list[TollMention]) -> list[TollMention]:
        """"لقي طالب مصرعه بعد أن فجر نفسه"، "قتلت امرأتان حين فجرتا نفسيهما": a self-detonation whose
        reflexive follows the verb with no bomber named between them has the subject the clause told
        before it; when the sentence counted that many dead before the verb, they are the bombers, counted
        already (an "attackers" toll of 0, codebook §6).  A named bomber ("فجر انتحاري نفسه") is not this."""
        tokens = self.doc.tokens
        verbs = self.lex.word_set("self_detonation")
        told = self.doc.sentence_text(self.sentence)
        if not (may_have_key(told, self.lex.word_set("reflexives_one"))
                or may_have_key(told, self.lex.word_set("reflexives_two"))):
            return []  # no reflexive in the sentence: most sentences
        for j in range(self.sentence.first_token, self.sentence.last_token - 1):
            if verbs.isdisjoint(lookup_keys(tokens[j].text)):
                continue
            reflexive = strip_article(tokens[j + 1].text)
            number = 1 if reflexive in self.lex.word_set("reflexives_one") else (
                2 if reflexive in self.lex.word_set("reflexives_two") else 0)
            killed = [t for t in counted if t.kind == "killed" and t.token < j and not t.additive]
            if number and killed and sum(t.value for t in killed) == number:
                return [TollMention("attackers", 0, True, tokens[j].start, tokens[j + 1].end, self.sentence.index, j)]
        return []

    def _attacker_count(self, j: int) -> int:
        """How many attackers the noun at ``j`` names: a count before it, its dual, else one."""
        for i in range(max(self.sentence.first_token, j - 3), j):
            number = read_number(self.doc.tokens, i, self.lex)
            if number is not None and number.last == j:
                return number.value
        word = strip_article(self.doc.tokens[j].text)
        return 2 if word.endswith(("ان", "ين")) and dual_of(word, self.lex) is not None else 1

    def _raised(self, start: int, count: int) -> bool:
        """"ارتفعت حصيلة القتلى إلى 20"، "وصل عدد الجرحى إلى 46"، "عدد القتلى ارتفع إلى 25": a verb of rising or
        reaching a few words before the toll or its count (and إلى right before the count) tells the latest
        figure of a toll told before."""
        tokens, verbs = self.doc.tokens, self.lex.word_set("raise_verbs")
        # also between the toll's noun and its count: "عدد القتلى ارتفع إلى 25"
        window = range(max(self.sentence.first_token, start - 4), count)
        to = count > self.sentence.first_token and tokens[count - 1].text in ("الي", "الى")
        return to and any(any(k in verbs for k in lookup_keys(tokens[j].text)) for j in window)

    def _a_hit(self, word: Match[Entry]) -> bool:
        """"حققت القذائف إصابات مباشرة"، "أصابت الصواريخ أهدافها بدقة": إصابة is also a hit on a target; with a
        word of hitting right after it (``hit_after``: مباشرة، دقيقة، أهدافها) it tells where the fire
        fell, not that anyone was wounded."""
        if word.payload.label != "wounded" or word.last >= self.sentence.last_token:
            return False
        after = lookup_keys(self.doc.tokens[word.last].text)
        return any(k in self.lex.word_set("hit_after") for k in after)

    def _motive(self, word: Match[Entry]) -> bool:
        return not self.keep_motives and told_as_motive(self.doc, self.sentence, word.first, self.lex)

    def _negated(self, word: Match[Entry]) -> bool:
        return any(m.payload.label == "negation" and 0 <= word.first - m.last <= 3
                   for m in self.doc.sentence_entries(self.sentence, "modality"))

    # -- whose dead ----------------------------------------------------------------------

    def _victims(self, first: int, last: int, limit: int) -> str:
        """The group the counted people belong to, as the count's own noun phrase names it: "17 عنصرا من
        قوات النظام"، "19 قتيلا في صفوف الفصائل"، "مقتل 3 مدنيين"، "عنصري أمن".  The phrase runs from the
        count over person nouns, definite adjectives and the links of ``victim_links`` (من، في صفوف، مواليا
        ل) and ends at anything else ("بغارة للتحالف" is the cause, not the victims), at و (another
        conjunct) and at the next casualty word.  A name told after a description ("19 مسلحا من تنظيم
        داعش") says whose they are; two joined by و ("28 عنصرا من الفصائل وداعش") give both, "A+B";
        people named only as people ("خمسة أشخاص") are no group: ""."""
        tokens, links = self.doc.tokens, self.lex.word_set("victim_links")
        unnamed = self.lex.word_set("unnamed_people")
        end = min(limit, last + _VICTIM_REACH, self.sentence.last_token)
        described, named = "", ""
        j = first
        while j < end:
            m = self.actor_at.get(j)
            if m is not None and not (m.last - m.first == 1 and strip_article(tokens[j].text) in unnamed):
                group = self._group(m)
                if (named or described) and tokens[j].text.startswith("و"):  # "من الفصائل وداعش": both sides
                    return "+".join(sorted({named or described, group}))
                if m.payload.category == "actor":
                    named = named or group
                elif not named:
                    described = group  # "مسلحين موالين للنظام": the later words qualify
                j = max(m.last, j + 1)
                continue
            text = tokens[j].text
            bare = strip_article(text)
            if j >= last and (named or (text.startswith("و") and j > last) or not (
                    bare in links or text in links or self._is_person(text) or self._is_person(bare.rstrip("ا"))
                    or self._counted_noun_at(j) or _adjective(text) or j in self.time_tokens)):
                break
            j += 1
        return named or described

    def _doer_after(self, word: Match[Entry]) -> tuple[int, int, int] | None:
        """The agent of an active verb of killing or wounding that stands after it (VSO: "اغتال مسلحون
        مجهولون قاضيا"، "قتل ثلاثة مسلحين مدنيا"), as the clause frame reads it: its first token (with a
        count before its noun), the token after it and the adjectives that agree with it, and the first
        token of its object (or where it would stand when the frame names none).  A subject before the
        verb (SVO: "مسلحون مجهولون اغتالوا قاضيا") is told the same way, its object after the verb.  None
        for a passive or intransitive verb, whose subject is the victim."""
        for frame in self.doc.frames:
            if frame.sentence != self.sentence.index or frame.predicate.first != word.first:
                continue
            agent, pred = frame.agent, frame.predicate
            if pred.kind != "verb" or pred.voice != "active" or agent is None or agent.first - word.last > 3:
                return None
            patient = frame.patient
            if agent.last <= word.first:  # SVO: "مسلحون مجهولون اغتالوا قاضيا"، the object after the verb
                obj = self._counted_from(patient.first, word.last) if patient is not None and \
                    patient.first >= word.last else word.last
                return self._counted_from(agent.first, self.sentence.first_token), agent.last, obj
            first = self._counted_from(agent.first, word.last)
            end = agent.last
            obj = self._counted_from(patient.first, end) if patient is not None and patient.first >= end else -1
            while end < self.sentence.last_token and end != obj and end - agent.last < 2 and \
                    self._agrees(end):
                end += 1  # "مسلحان مجهولان"، "مسلحون ملثمون": the subject's adjectives
            return first, end, obj if obj >= 0 else end
        return None

    def _counted_from(self, first: int, floor: int) -> int:
        """Where a noun phrase starting at ``first`` starts with its count: "ثلاثة مسلحين"، "ثلاثة من المسلحين"."""
        for j in range(max(floor, first - 3), first):
            found = self._count_at(j)
            if found is not None and found[3] in (first, first - 1):
                return j
        return first

    def _agrees(self, j: int) -> bool:
        """An indefinite adjective of a plural or dual subject in the nominative ("مجهولون"، "مجهولان"،
        "ملثمون"), not a person noun, a count or a preposition."""
        text = self.doc.tokens[j].text
        return text.endswith(("ون", "ان")) and not _definite(text) and self._count_at(j) is None \
            and not self._is_person(text) and not _preposition(text, self.lex.word_set("prepositions"))

    def _object_count(self, word: Match[Entry], doer: tuple[int, int, int], limit: int) -> Count | None:
        """The count of the victims of an active verb: its object after the subject — a number ("قتل
        مسلحون ثلاثة مدنيين"), a dual (two), a person noun or a name of one person (one: "قاضيا"،
        "صاحب محل"، "مسؤولا"؛ each one joined by و adds one), a plural noun, also in the accusative or in
        construct (several: "جنودا"، "مواطني نينوى").  An object pronoun on the verb names one ("قتله"،
        "اغتالتها") or two ("قتلهما"): not stated, so a count of the people it points back to wins."""
        verb = self.doc.tokens[word.first].text
        for pronoun, value in (("هما", 2), ("ها", 1), ("ه", 1)):  # "قتله مسلحان": him, one — not stated
            if verb.endswith(pronoun) and any(k in self.lex.word_set("casualty_verbs")
                                              for k in lookup_keys(verb[:-len(pronoun)])):
                return value, False, word.first, word.last
        j = doer[2]
        named = any(f.patient is not None and f.patient.first <= j + 3 and f.patient.last > j for f in self.doc.frames
                    if f.sentence == self.sentence.index and f.predicate.first == word.first)
        if j >= limit or not self._free(j, word):
            return None
        found = self._count_at(j)
        if found is not None:
            return found
        text = self.doc.tokens[j].text
        bare = strip_article(text)
        if bare.removesuffix("ا") in self.lex.word_set("plurals") or self._construct_plural(bare) or (
                bare[:-1] in self.lex.word_set("sound_plural") and bare.endswith("ي")) or (
                self._is_person(text) and bare.endswith(("ين", "ون")) and dual_of(bare, self.lex) is None):
            # "قتلوا مدنيين": several; "قتلت القوات المسلحين": those told of already, no new count
            return None if _definite(text) else (PLURAL_COUNT, False, j, j + 1)
        if named or self._is_person(text) or self._is_person(bare.removesuffix("ا")) or \
                self._person_with_pronoun(text):
            return self._and_another(1, j + 1, limit), False, j, j + 1
        return None

    def _not_the_agent(self, word: Match[Entry]) -> str:
        """"وأعدم التنظيم ثلاثة": the people an active verb's named agent killed are not of the agent's
        group ("!Islamic State"): another group than the agent's own dead told beside them."""
        for frame in self.doc.frames:
            if frame.sentence == self.sentence.index and frame.predicate.first == word.first:
                agent = frame.agent
                if frame.predicate.voice == "active" and agent is not None and agent.actor_first in self.actor_at:
                    return "!" + self._group(self.actor_at[agent.actor_first])
        return ""

    def _group(self, m: Match[Entry]) -> str:
        """The actor an actor or description names (a description by the article's country: "الجنود" in
        Syria are the Syrian army's; "المسلحين"، "الإرهابيين" are of the rebel group the article names most,
        as whose dead they are counted)."""
        if m.payload.category == "actor":
            return str(m.payload.label)
        actor = resolve(m.payload, self.sides.country, self.doc)
        if actor is None:
            return str(m.payload.label)
        if actor.name == UNIDENTIFIED.name:  # unnamed gunmen: of the armed group told of, else unidentified
            return self.sides.rebel or UNIDENTIFIED.name
        return actor.name

    # -- where a count can be ----------------------------------------------------------

    def _with(self, word: Match[Entry], limit: int) -> Count | None:
        """"قتل مع أربعة من معاونيه": killed along with four others — the four and the one."""
        j = word.last
        if j + 1 < limit and strip_article(self.doc.tokens[j].text) == "مع":
            if found := self._count_at(j + 1):
                return found[0] + 1, found[1], found[2], found[3]
            if self._person_with_pronoun(self.doc.tokens[j + 1].text):  # "أدى إلى مصرعه مع سائقه"
                return 2, True, word.first, j + 2
        return None

    def _person_with_pronoun(self, word: str) -> bool:
        """"سائقه"، "زوجته"، "ابنتها": one person, possessed."""
        bare = next((word[: -len(p)] for p in ("هما", "ها", "هم", "ه") if word.endswith(p)), "")
        if bare.endswith("ت"):  # the ة before a pronoun is written ت
            bare = bare[:-1] + "ه"
        return bool(bare) and any(self._singular_person(w) for w in (bare, bare[:-1] if bare.endswith("ه") else bare))

    def _pair_with_pronoun(self, word: str) -> bool:
        """"طفلاها"، "ابنيه"، "شقيقتيه": the dual of a person noun, possessed (its ن dropped before the pronoun:
        -ا nominative, -ي oblique; ة written ت): two people."""
        bare = next((word[: -len(p)] for p in ("هما", "ها", "هم", "ه") if word.endswith(p)), "")
        if len(bare) < 4 or bare[-1] not in "اي":
            return False
        base = bare[:-1]
        return self._singular_person(base) or (base.endswith("ت") and self._singular_person(base[:-1] + "ه"))

    def _count_at(self, j: int) -> Count | None:
        if j in self.time_tokens:
            return None  # "الأحد" is Sunday, not "one"
        if j in self.vague:
            m = self.vague[j]
            return m.payload.value, False, m.first, m.last
        number = read_number(self.doc.tokens, j, self.lex)
        if number is None or self._counts_something_else(number.last):
            return None
        if self._year(number):
            return None  # "وقتله في 2011": a year, not 2011 people
        if self._age(number.first):
            return None  # "خمسة أطفال دون سن الـ 18": an age
        if not number.exact and _definite(self.doc.tokens[j].text):
            return None  # "مقتل المسلحين": the gunmen told of already, not "two gunmen"
        return number.value, number.exact, number.first, number.last

    def _age(self, first: int) -> bool:
        """A number after a word of age ("دون سن الـ 18"، "بعمر 14"، "في العمر 30") is an age, not a count."""
        tokens, ages = self.doc.tokens, self.lex.word_set("not_people_before")
        j = first - 1
        if j > self.sentence.first_token and tokens[j].text == "ال":
            j -= 1  # "سن الـ 18"
        return j >= self.sentence.first_token and any(k in ages for k in lookup_keys(tokens[j].text))

    def _year(self, number: Number) -> bool:
        """Four digits of a year of these times (1900-2099) after a word that takes a year ("قتل في 2011"،
        "منذ 2014"، "عام 2015"; numbers.toml `year_before`) or joined to another year ("عامي 2010 و2011"),
        with no counted people after them: a year.  "قتل 2000 شخص" and "أعدم 2000 في نينوى" are counts."""
        tokens, first = self.doc.tokens, number.first
        token = tokens[first]
        if not (number.last - first == 1 and token.is_number and len(token.text) == 4 and 1900 <= number.value < 2100
                and not self._counted_after(number.last)):
            return False
        j = first - 1 if first > 0 and tokens[first - 1].text == "و" else first
        before = tokens[j - 1] if j > 0 else None
        if before is None:
            return False
        if before.is_number and len(before.text) == 4:
            return True  # "2010 و2011"
        return any(k in self.lex.word_set("year_before") for k in lookup_keys(before.text))

    def _counts_something_else(self, j: int) -> bool:
        """"في العشرين من العمر"، "3 مليارات دولار": a number of years, money or distance, not of people;
        "100 يوميا": a rate."""
        tokens = self.doc.tokens
        units = self.lex.word_set("not_people_after")
        if any(k < len(tokens) and tokens[k].text in self.lex.word_set("rates") for k in (j, j + 1)):
            return True  # "يتجاوز 100 إرهابي يوميا": a rate, no incident's toll
        for k in (j, j + 1):
            if k < len(tokens) and (strip_article(tokens[k].text) in units or tokens[k].text in units):
                return True
            if k < len(tokens) and tokens[k].text != "من":
                break
        return False

    def _free(self, j: int, word: Match[Entry]) -> bool:
        """Not claimed yet and not a part of a toll: "بينهم 10 أطفال" (a marker just before it), "بينهم رئيس
        المجلس المحلي وخمسة أطفال" (a later item of the list the marker opens, which runs to a comma or the
        next casualty word)."""
        return j not in self.claimed and not any(
            j - 2 <= s < j or (s < j and self._listed_after(s, j)) for s in self.subsets if s not in self.claimed)

    def _listed_after(self, s: int, j: int) -> bool:
        """Token ``j`` joined by و (the count's own و) to the list the subset marker at ``s`` opens, with no
        comma and no casualty word between them."""
        text = self.doc.tokens[j].text
        if not (text.startswith("و") or (j > 0 and self.doc.tokens[j - 1].text == "و")):
            return False
        return not self._comma_between(s, j) and not any(s < w.first <= j for w in self.words)

    def _adjacent_before(self, word: Match[Entry]) -> Count | None:
        """"30 جريحا", "خمسة قتلى": a counted casualty noun right after its number."""
        if not self._is_counted_noun(word) or word.first == self.sentence.first_token:
            return None
        end = word.first
        if self.doc.tokens[end].text == "بين" and end - 1 > self.sentence.first_token and self._is_person(
                self.doc.tokens[end - 1].text.rstrip("ا")):
            end -= 1  # "أكثر من 250 شخصا بين قتيل وجريح": the people counted, then how they fared
        for j in range(max(self.sentence.first_token, end - 3), end):
            found = self._count_at(j)
            if found and found[3] == end and self._free(j, word):
                return found
        return None

    def _after(self, word: Match[Entry], limit: int) -> Count | None:
        """A count a few words after: "مقتل 6"، "قتل ما لا يقل عن 14"، "قتل تنظيم داعش 9 رجال"
        (an actor right after the verb is its subject and is stepped over), "وسقط في الاشتباك 9
        مسلحين" (a verb's subject may follow a prepositional phrase)."""
        found = self._after_count(word, limit) or self._toll_figure(word, limit)
        if found is None and self._is_verb(word):
            found = self._after_phrase(word, limit)
        if found is None or self._owned_by_next(found, limit):
            return None  # "سقوط 15 جريحا": the count of the counted noun right after it
        if self._strict(word) and not (self._names_people(found[3], limit)
                                       or self._is_person(self.doc.tokens[found[2]].text)):
            return None  # "سقطت 3 قذائف"، "يقضي الاتفاق بإخراج 500": no people, no toll
        return found

    def _after_count(self, word: Match[Entry], limit: int) -> Count | None:
        fillers = self.lex.word_set("fillers")
        j = word.last
        if j < limit and self._free(j, word) and (found := self._count_at(j)) is not None:
            return found  # "بمقتل عنصري أمن": the named victims are the count
        people = 0  # single people named before the count: "استشهاد ضابط وجنديين" is three
        if not _is_noun(self.doc, word) and j in self.actor_end:  # a verb's subject, not a noun's victims
            named = j
            while j in self.actor_end and j < limit:  # "قتل مسلحو داعش خمسة": a head noun in construct, then the name
                j = self.actor_end[j]
                if j in self.actor_end and self._count_at(j) is not None:
                    break  # "أعدم تنظيم داعش رجلين": the object, a dual that names its class, is the count
            if j < limit and _definite(self.doc.tokens[j].text) and self._free(j, word) and (
                    found := self._count_at(j)) is not None and found[1]:
                return found[0], True, named, found[3]  # "قتل الجنود الأربعة": the number is the noun's adjective
            if j < limit and _adjective(self.doc.tokens[j].text):
                j += 1  # "قتل تنظيم داعش المتشدد 9 رجال"
            elif j == named + 1 and self._singular_person(self.doc.tokens[named].text):
                people = 1  # "قتل جندي وثلاثة مدنيين": a person noun of a group, one of the dead joined to others
        end = min(limit, j + _AFTER_WINDOW)
        while j < end:
            if not self._free(j, word):
                return None
            found = self._count_at(j)
            if found is not None:
                joined = people and self._joined_count(j, limit) is not None  # "و3"، "وجنديين"; not "واحد"
                return (found[0] + people, found[1], found[2], found[3]) if joined else found
            if j in self.actor_end and not _is_noun(self.doc, word):
                j = self.actor_end[j]  # "قتلت عناصر تنظيم داعش مدنيين اثنين": the subject's name, then the count
                continue
            text = strip_article(self.doc.tokens[j].text)
            people = people + 1 if self._singular_person(text) else 0
            if text not in fillers and j not in self.time_tokens and not self._is_person(self.doc.tokens[j].text) \
                    and not self._construct_plural(text):
                return None
            j += 1
        return None

    def _toll_figure(self, word: Match[Entry], limit: int) -> Count | None:
        """"ارتفعت حصيلة قتلى التفجير إلى 20"، "بلغ عدد جرحى الهجوم 46": the number of a toll (حصيلة، عدد)
        of the dead of some event is the count a few words on, after the event's name."""
        if word.first == self.sentence.first_token or strip_article(self.doc.tokens[word.first - 1].text) not in (
                "حصيله", "عدد"):
            return None
        for j in range(word.last, min(limit, word.last + 5)):
            found = self._count_at(j)
            if found is not None:
                return found if self._free(j, word) else None
            if j in self.predicates or j in self.time_tokens:
                return None
        # "ارتفعت حصيلة قتلى التفجير في سوق الحلة إلى 20"، "حصيلة قتلى الهجوم، الذي وقع في سوق، إلى 12": a
        # longer name (a relative clause too), the figure after إلى
        for j in range(word.last, min(limit, word.last + 10)):
            if j in self.predicates or (j > word.last and strip_article(self.doc.tokens[j].text).startswith(
                    ("عدد", "حصيل"))):
                return None  # "عدد القتلى بين المدنيين – الذي يصل عددهم إلى عشرات الآلاف": another figure's own
            if j < word.last + 5:
                continue
            if self.doc.tokens[j - 1].text in ("الى", "الي") and (found := self._count_at(j)) is not None:
                return found if self._free(j, word) else None
        return None

    def _raised_to_before(self, word: Match[Entry], floor: int) -> Count | None:
        """"ارتفع إلى 12 عدد الشهداء"، "ارتفع إلى 9 بينهم خمسة أطفال عدد القتلى"، "ارتفع إلى 7 عدد المواطنين
        الذين استشهدوا": a verb of rising with its figure (إلى N) put before its subject, the toll's noun
        (عدد/حصيلة + a counted casualty noun, or + people and a relative clause of dying); a list of who they
        were ("بينهم ...") may stand between the figure and the noun."""
        tokens = self.doc.tokens
        k = word.first - 1
        if k > floor + 1 and tokens[k].text in ("الذين", "اللذين", "اللواتي", "اللاتي") and self._is_person(
                tokens[k - 1].text) and self._is_verb(word):
            k -= 2  # "ارتفع إلى 7 عدد المواطنين الذين استشهدوا": the noun of the toll, then who died
        elif not self._counted_noun_at(word.first):
            return None
        if k <= floor or strip_article(tokens[k].text) not in ("عدد", "حصيله"):
            return None
        verbs = self.lex.word_set("raise_verbs")
        for j in range(k - 1, max(floor, k - 16), -1):
            if tokens[j - 1].text not in ("الى", "الي") or not any(
                    any(key in verbs for key in lookup_keys(tokens[i].text)) for i in range(max(floor, j - 3), j - 1)):
                continue
            found = self._count_at(j)
            if found is None or found[2] != j or not (found[3] == k or found[3] in self.subsets):
                return None
            return found
        return None

    def _after_phrase(self, word: Match[Entry], limit: int) -> Count | None:
        """"وسقط في الاشتباك 9 مسلحين"، "قتل خلال المواجهات خمسة عناصر": Arabic puts a prepositional
        phrase before the subject of a verb freely; a count of people right after such a phrase is
        the subject.  The phrase is a preposition and at most three words, none a count or a casualty
        word, and the count must name people (a person noun after it)."""
        j = self._skip_prepositional(word.last, limit)
        if j is None or j >= limit or not self._free(j, word) or self._doer_before(j):
            return None
        found = self._count_at(j)
        if found is None or not (self._names_people(found[3], limit) or self._is_person(self.doc.tokens[j].text)):
            return None  # a count of people: a person noun after it, or a person noun in the dual ("شخصين")
        return found

    def _doer_before(self, j: int) -> bool:
        """"ذبح على يد مسلحين"، "قتلوا على أيدي عناصر التنظيم"، "اغتيل من قبل مجهولين": a phrase of agency
        (at the hands of, by: numbers.toml ``doer_links``) names who did it; the people after it are the
        killers, not the dead."""
        if j - 2 < self.sentence.first_token:
            return False
        tokens = self.doc.tokens
        return fold(f"{tokens[j - 2].text} {tokens[j - 1].text}") in self.lex.word_set("doer_links")

    def _skip_prepositional(self, j: int, limit: int) -> int | None:
        """The token after the prepositional phrases and time adverbs that start at ``j`` ("في محافظة
        ديالى"، "بالهجوم"، "أمس"، "يوم الجمعة"), None if none starts there: like a prepositional phrase, an
        adverb of time stands freely between a verb and its subject ("قتل في بغداد أمس ثلاثة حراس"،
        "قتلت يوم الجمعة في الموصل امرأتان").  A phrase ends at a count, an indefinite person noun (the
        subject), a time word, another preposition or after three words."""
        tokens, preps = self.doc.tokens, self.lex.word_set("prepositions")
        seen = False
        while j < limit:
            if j in self.time_tokens or (j + 1 in self.time_tokens and strip_article(tokens[j].text) == "يوم"):
                seen, j = True, j + 1  # "أمس"، "يوم الجمعة"
                continue
            if not _preposition(tokens[j].text, preps):
                break
            seen, k = True, j + 1
            stop = min(limit, k + 3)
            while k < stop and self._count_at(k) is None and not _preposition(tokens[k].text, preps) and not (
                    self._is_person(tokens[k].text) and not _definite(tokens[k].text)) and k not in self.time_tokens:
                k += 1
            j = k
        return j if seen else None

    def _owned_by_next(self, found: Count, limit: int) -> bool:
        """The count stands right before the next casualty word, a counted noun: it is that noun's."""
        nxt = next((w for w in self.words if w.first == limit), None)
        if nxt is None or not self._is_counted_noun(nxt):
            return False
        between = limit - found[3]  # "250 شخصا بين قتيل وجريح": a person noun may stand before "بين"
        return between == 0 or (between == 1 and self.doc.tokens[limit].text == "بين")

    def _names_people(self, j: int, limit: int) -> bool:
        """A person noun (or "من" + a group, or a casualty noun, or a fate noun) right after a count."""
        if j >= limit:
            return False
        text = self.doc.tokens[j].text
        bare = strip_article(text)
        if bare in self.lex.word_set("victims"):
            return False  # "سقوط عشرات الضحايا": victims, dead and wounded together, no count of either
        return (text in ("من", "منهم", "منهن") or self._is_person(text) or bare in self.lex.word_set("others")
                or (bare.endswith("ا") and self._is_person(bare[:-1]))
                or bare in self.lex.word_set("singular_nouns") or bare in self.lex.word_set("plural_nouns")
                or j in self.actor_tokens or any(bare.startswith(f) for f in self.lex.word_set("fate_nouns"))
                or _gentilic(text))

    def _conjoined_verb(self, word: Match[Entry]) -> bool:
        """"... 12 شخصا من تحت الأنقاض وقتل آخرون": a verb joined by و/ف opens its own clause; its subject
        follows it, and no count before it is its subject."""
        text, verbs = self.doc.tokens[word.first].text, self.lex.word_set("casualty_verbs")
        return text[:1] in "وف" and text not in verbs and text[1:] in verbs

    def _is_verb(self, word: Match[Entry]) -> bool:
        return any(k in self.lex.word_set("casualty_verbs") for k in lookup_keys(self.doc.tokens[word.first].text))

    def _strict(self, word: Match[Entry]) -> bool:
        """A verb with other senses ("سقط"، "قضى"): it counts only people named as such."""
        return word.last - word.first == 1 and any(
            k in self.lex.word_set("strict_casualty") for k in lookup_keys(self.doc.tokens[word.first].text))

    def _before(self, word: Match[Entry], floor: int) -> Count | None:
        """"3 أشخاص قتلوا"، "45 عنصرا من تنظيم داعش قتلوا": a count of people shortly before a casualty
        verb (an actor's name does not count towards the distance; "أطلقوا النار على العشرات" is no toll)."""
        j, budget = word.first - 1, _BEFORE_WINDOW
        ambiguous: Count | None = None
        boundaries = self.lex.word_set("clause_links")
        aside = self._aside(word.first, floor)
        while j >= floor and budget > 0:
            if j in aside:  # "14 مدنيا، بينهم أربعة أطفال، قتلوا": who they were, not the subject
                j -= 1
                continue
            if j in self.predicates or strip_article(self.doc.tokens[j].text) in boundaries:
                return ambiguous  # "اعتقلت الشرطة 5 مسلحين بعد اشتباك قتل فيه جندي": another clause's count
            found = self._count_at(j)
            while found is not None and j - 1 >= floor and (whole := self._count_at(j - 1)) is not None and (
                    whole[3] >= found[3]):
                found, j = whole, j - 1  # "خمسة وعشرون": read from its first word, not from "وعشرون"
            if found is not None and self._governed(found[2]):
                return ambiguous
            if (found is not None and self._free(j, word)
                    and all(x not in self.claimed for x in range(found[2], found[3]))
                    and self._counts_people(found, word)):
                if found[1] or j in self.vague:
                    return found
                # "لقي 18 من قوات النظام والمسلحين الموالين له مصرعهم": a -ين noun reads as a dual
                # or a plural; a stated count before it is the toll.  "مسلحين مجهولين اغتالوا": in
                # the name of the actor it is no count at all
                if j not in self.actor_tokens:
                    ambiguous = ambiguous or found
            if j not in self.actor_tokens:
                budget -= 1
            j -= 1
        return ambiguous

    def _aside(self, end: int, floor: int) -> range:
        """"14 مدنيا، بينهم أربعة أطفال وامرأتان، قتلوا"، "11 شخصا، معظمهم من المسنين، لقوا مصرعهم": a
        parenthesis between commas opened by "among them" (a subset marker) right before the verb tells
        who the people counted before it were; it stands between the subject and its verb and adds no
        distance and no count.  The tokens of that parenthesis (empty if none)."""
        for k in range(end - 1, floor, -1):
            if k in self.subsets and self._comma_between(k - 1, k):
                close = next((c for c in range(k, end) if self._comma_between(c, c + 1)), None)
                return range(k, close + 1) if close is not None else range(0)
        return range(0)

    def _comma_between(self, a: int, b: int) -> bool:
        """A comma stands between tokens ``a`` and ``b`` (a < b)."""
        tokens = self.doc.tokens
        gap = self.doc.text[tokens[a].end:tokens[b].start] if a < b else ""
        return "،" in gap or "," in gap

    def _governed(self, first: int) -> bool:
        """The count is the object or subject of another predicate right before it ("اعتقلت الشرطة 5"، "نزح
        300"): an actor's name may stand between."""
        j, steps = first - 1, 0
        while j >= self.sentence.first_token and steps < 2:
            if j in self.predicates:
                return True
            if j not in self.actor_tokens:
                steps += 1
            j -= 1
        return False

    def _counts_people(self, found: Count, word: Match[Entry]) -> bool:
        """A count before the verb: of people ("3 أشخاص"، "45 عنصرا من"), or right before it, not an object."""
        first, last = found[2], found[3]
        if last == word.first:
            return True
        before = strip_article(self.doc.tokens[first - 1].text) if first > self.sentence.first_token else ""
        if before in ("على", "الى", "عن"):
            return False
        nxt = self.doc.tokens[last].text if last < len(self.doc.tokens) else ""
        if self._is_person(before) or (before.endswith("ا") and self._is_person(before[:-1])):
            return True  # "إن رجلا واحدا على الأقل قتل": the number after its noun
        return (nxt == "من" or self._is_person(nxt) or (nxt.endswith("ا") and self._is_person(nxt[:-1]))  # "20 عنصرا"
                or last in self.actor_tokens or _gentilic(nxt)  # "20 فلسطينيا قتلوا"
                or strip_article(nxt) in self.lex.word_set("others"))  # "عشرات آخرين أصيبوا"

    def _implicit(self, word: Match[Entry], limit: int) -> Count | None:
        """No count: a casualty noun itself, its pronoun ("لقي حتفه" = 1), or the person after the word."""
        fate = self._fate_pronoun(word)
        if fate is not None:
            return fate
        if self._counts_something_else(word.last):
            return None  # "3 قتلى شهريا": a rate
        for j in range(word.first, word.last):
            key = strip_article(self.doc.tokens[j].text)
            singular, plural = key in self.lex.word_set("singular_nouns"), key in self.lex.word_set("plural_nouns")
            if (singular or plural) and _definite(self.doc.tokens[j].text):
                return None  # "مساعدة المصابين"، "جنسية القتيل": people told of already, no new count
            if singular:  # "سقط قتيل"، "جثة": someone died, no number told — a stated count wins over it
                return 1, False, word.first, word.last
            if key in self.lex.word_set("casualty_duals"):  # "جثتي"، "قتيلين": two
                return 2, True, word.first, word.last
            if plural:
                return PLURAL_COUNT, False, word.first, word.last
        if self._is_verb(word) and (subject := self._subject_before(word) or self._named_before(word)) is not None:
            return subject
        j = word.last
        if j >= limit:
            return None
        after_subject = self.actor_end.get(j, j)  # "اغتال مسلحون مجهولون الناشط": the one after the subject
        if after_subject != j and after_subject < limit:
            obj = strip_article(self.doc.tokens[after_subject].text)
            if self._singular_person(obj) or (obj.endswith("ا") and self._singular_person(obj[:-1])):
                # the object, also in the accusative (عنصرا), and each person joined to it ("مدنيا وطفله")
                return self._and_another(1, after_subject + 1, limit), True, after_subject, after_subject + 1
        if self._is_verb(word) and (k := self._skip_prepositional(j, limit)) is not None and k < limit:
            after = self.doc.tokens[k].text  # "قتل في محافظة ديالى شرطي": the subject after the phrase
            if self._singular_person(after) and self._free(k, word):
                return self._and_another(1, k + 1, limit), True, k, k + 1
        if self._assassinated_name(word, j):
            return 1, False, j, j + 1  # "اغتيلت سعاد العلي": one person, named
        nxt = strip_article(self.doc.tokens[j].text)
        if nxt in self.lex.others_alone:  # "وأصيب آخر"، "وجرح آخرون"
            value = self.lex.others_alone[nxt]
            return value, value < PLURAL_COUNT, j, j + 1
        one = self.doc.tokens[j].text in ("احد", "احدى")  # "مقتل أحد جنوده" (not الأحد, Sunday)
        one = one or (nxt in self.lex.word_set("kunya") and j + 1 < limit)  # "مقتل أبو محمد": one named person
        if self._singular_person(nxt) or one or self._person_with_pronoun(self.doc.tokens[j].text):
            return self._and_another(1, j + 1, limit), True, j, j + 1
        if nxt in self.lex.word_set("plurals") and dual_of(nxt, self.lex) is None:
            return PLURAL_COUNT, False, j, j + 1
        return None

    def _subject_before(self, word: Match[Entry]) -> Count | None:
        """"إن شخصا قتل"، "وأبلغ أن امرأة أصيبت": a person noun, indefinite and singular (also in the
        accusative after إن), right before the verb is its subject: one."""
        j = word.first - 1
        if j < self.sentence.first_token or not self._free(j, word):
            return None
        verb, tokens = self.doc.tokens[word.first], self.doc.tokens
        if verb.text.endswith(("وا", "ون")) or self.doc.text[tokens[j].end:verb.start].strip():
            return None  # a plural verb has no singular subject; a comma ends the noun's phrase
        k = word.last  # "مسلح قتل شرطيا": with an object after it, the noun before is the killer
        if k < self.sentence.last_token and (self._count_at(k) or self._is_person(self.doc.tokens[k].text.rstrip("ا"))):
            return None
        text = self.doc.tokens[j].text
        bare = text[:-1] if text.endswith("ا") else text
        if _definite(text) or not (self._singular_person(text) or self._singular_person(bare)):
            return None
        return 1, True, j, word.last

    def _named_before(self, word: Match[Entry]) -> Count | None:
        """"أن القيادي محسن الفضلي قتل في ضربة جوية"، "أن المقاتلة آنا كامبل قتلت في قصف": a verb of dying in
        the singular followed by how, where or when it happened (no object), right after a word no lexicon
        knows (a person's name: the subject before its verb), tells one death — not a stated count, so any
        count of the incident wins over it.  Particles (``not_names``), places, actors, time words and
        casualty words before the verb are no name.  Only deaths: a named person's wound is mostly told of
        someone counted already (the target, or one who later died)."""
        j, tokens = word.first - 1, self.doc.tokens
        verb = tokens[word.first].text
        if word.payload.label != "killed" or self._strict(word):
            return None  # "يقضي الاتفاق ...": a verb with other senses names no death by itself
        if j < self.sentence.first_token or word.last - word.first != 1 or verb.endswith(("وا", "ون", "ا", "ن")):
            return None  # a plural or dual verb has no single named subject
        if verb[:1] in "وف" and without_conjunction(verb) != verb:
            return None  # "وقتل": a new clause, its subject follows
        k = word.last
        if k >= self.sentence.last_token or not (
                _preposition(tokens[k].text, self.lex.word_set("prepositions")) or k in self.time_tokens
                or (tokens[k].text[:1] == "ب" and len(tokens[k].text) > 3)
                or strip_article(tokens[k].text) in self.lex.word_set("died_of_wounds")):
            return None  # "قتل في ضربة جوية"، "قتلت برصاص قناص"، "قتل أمس": how, where or when, no object
        name = tokens[j].text
        if (len(name) < 3 or tokens[j].is_number or self.doc.text[tokens[j].end:tokens[word.first].start].strip()
                or name in self.lex.word_set("not_names") or without_conjunction(name) in self.lex.word_set("not_names")
                or j in self._known_tokens or self._is_person(name) or self._is_person(name[:-1])):
            return None  # a person noun ("المقاتلة قتلت"): one told of already, not a name
        return 1, False, j, word.last

    def _assassinated_name(self, word: Match[Entry], j: int) -> bool:
        """"اغتيلت سعاد العلي"، "اغتيال حسن الشيخ": an assassination is of one named person; a word no lexicon
        knows right after the word (``named_killings``) is the name."""
        tokens = self.doc.tokens
        if _definite(tokens[word.first].text) or not any(
                k in self.lex.word_set("named_killings") for k in lookup_keys(tokens[word.first].text)):
            return False  # "الاغتيال يحمل بصمات ...": the assassination told of already
        name = tokens[j].text
        return not (len(name) < 3 or tokens[j].is_number or j in self._known_tokens or j in self.time_tokens
                    or name in self.lex.word_set("not_names") or self._is_person(name)
                    or self.doc.text[tokens[word.last - 1].end:tokens[j].start].strip())

    @cached_property
    def _known_tokens(self) -> set[int]:
        """The tokens of the sentence a lexicon or the gazetteer knows (no person's name)."""
        known = {i for m in self.doc.sentence_entries(self.sentence) for i in range(m.first, m.last)}
        known |= {i for rp in self.doc.places for i in range(rp.toponym.first_token, rp.toponym.last_token)}
        return known

    def _construct_plural(self, word: str) -> bool:
        """"مقاتلو التنظيم"، "مسلحو داعش": a sound plural in construct (its ن dropped) heads a name."""
        return word.endswith("و") and word[:-1] in self.lex.word_set("sound_plural")

    def _singular_person(self, word: str) -> bool:
        return word in self.lex.word_set("broken_plural") or word in self.lex.word_set("sound_plural")

    def _and_another(self, count: int, j: int, limit: int) -> int:
        """"قتلت امرأة وطفلها"، "مقتل رجل وزوجته": each person joined by و adds one, a dual two ("ضابط
        وجنديين")."""
        tokens = self.doc.tokens
        while j < limit and tokens[j].text.startswith("و") and len(tokens[j].text) > 2:
            word = tokens[j].text[1:]
            if dual_of(strip_article(word), self.lex) or self._pair_with_pronoun(word):  # "ضابط وجنديين"، "وطفلاها"
                count, j = count + 2, j + 1
                continue
            if not (self._singular_person(strip_article(word)) or self._person_with_pronoun(word)):
                break
            count, j = count + 1, j + 1
        return count

    def _cause_of_death(self, word: Match[Entry]) -> bool:
        """A wound with a pronoun told as the cause of something ("إثر إصابته"، "متأثرا بإصابته")."""
        if word.payload.label != "wounded" or word.first == 0:
            return False
        text = self.doc.tokens[word.last - 1].text
        if not text.endswith(("ه", "ها", "هم", "هما")) or self._fate_pronoun(word) is None:
            return False
        before = lookup_keys(self.doc.tokens[word.first - 1].text)
        return any(k in self.lex.word_set("cause_before") for k in before)

    def _fate_pronoun(self, word: Match[Entry]) -> Count | None:
        """"لقي شخص حتفه" one, "لقيا مصرعهما" two, "لقوا حتفهم" several: the pronoun on the noun.

        A verbal noun with the pronoun of one ("أدى إلى مقتله"، "تأكيد استشهادها") tells the death of
        someone the report names, not how many died: like "سقط قتيل" it is one, not stated (exact False),
        so a stated count of the incident wins over it ("مقتله" ... "مقتل 11 من الموجودين": 11)."""
        text = self.doc.tokens[word.last - 1].text
        for stem in self.lex.word_set("fate_nouns"):
            at = text.find(stem)
            if at < 0:
                continue
            suffix = text[at + len(stem):]
            if suffix in ("ه", "ها"):
                return 1, stem not in self.lex.word_set("possessed_deaths"), word.first, word.last
            if suffix == "هما":
                return 2, True, word.first, word.last
            if suffix in ("هم", "هن"):
                return PLURAL_COUNT, False, word.first, word.last
        return None

    # -- helpers -------------------------------------------------------------------------

    def _is_counted_noun(self, word: Match[Entry]) -> bool:
        key = strip_article(self.doc.tokens[word.first].text)
        return key in self.lex.word_set("singular_nouns") or key in self.lex.word_set("plural_nouns") or (
            word.last - word.first >= 2 and (word.payload.label == "combined" or key in self.lex.word_set("cases")))

    def _counted_after(self, j: int) -> bool:
        """A counted casualty noun or a person noun (also in the accusative) at token ``j``."""
        if j >= len(self.doc.tokens):
            return False
        text = strip_article(self.doc.tokens[j].text)
        return self._counted_noun_at(j) or self._is_person(text) or (text.endswith("ا") and self._is_person(text[:-1]))

    def _counted_noun_at(self, j: int) -> bool:
        """A casualty noun that is counted (قتيلا، شهيدا، جرحى) stands at token ``j``."""
        key = strip_article(self.doc.tokens[j].text)
        return key in self.lex.word_set("singular_nouns") or key in self.lex.word_set("plural_nouns")

    def _partitive(self, word: Match[Entry]) -> str:
        """"بعض الجرحى"، "أحد القتلى"، "عشرة أشخاص من القتلى"، "بين القتلى امرأتان": a part of the dead or
        wounded told already — a definite casualty noun after a partitive word, after "N من", or after
        "بين" (among).  Its count is no new toll; the count with it is claimed so no other word takes it.
        "part" for a part, "among" for "بين", "" otherwise."""
        tokens = self.doc.tokens
        if not (self._counted_noun_at(word.first) and _definite(tokens[word.first].text)) or word.last - word.first > 1:
            return ""
        before = word.first - 1
        if before < self.sentence.first_token:
            return ""
        prev = tokens[before].text
        partitives = self.lex.word_set("partitives")
        if prev in partitives or any(k in partitives for k in lookup_keys(prev)):
            self.claimed.add(before)
            return "part"
        if strip_article(prev) == "بين" or prev == "وبين":  # "وكان بين القتلى امرأتان": the count after is a part
            found = self._count_at(word.last) if word.last < self.sentence.last_token else None
            if found is not None:
                self.claimed.update(range(found[2], found[3]))
            return "among"
        if prev == "من" and before - 1 >= self.sentence.first_token:
            for j in range(max(self.sentence.first_token, before - 3), before):
                found = self._count_at(j)
                if found is not None and found[1] and found[3] in (before, before - 1):
                    self.claimed.update(range(found[2], before))
                    return "part"
        return ""

    def _is_person(self, word: str) -> bool:
        bare = strip_article(word)
        return bare in self.lex.word_set("person_words") or dual_of(bare, self.lex) is not None

    def _joined_count(self, j: int, limit: int) -> Number | None:
        """A count right after و: "و25"، "وستة" (but not واحدة, "one", whose و is its own letter)."""
        tokens = self.doc.tokens
        if tokens[j].text == "و":
            return read_number(tokens, j + 1, self.lex) if j + 1 < limit else None
        text = tokens[j].text
        if not text.startswith("و") or len(text) < 3 or text in self.lex.cardinals:
            return None  # "واحد"، "واحدة": the و is the word's own letter
        window = [Token(text[1:], tokens[j].start + 1, tokens[j].end, j), *tokens[j + 1 : j + 4]]
        number = read_number(window, 0, self.lex)
        return Number(number.value, j, j + number.last, number.exact) if number else None

    def _one_more_person(self, j: int) -> bool:
        """"وجندي"، "وطفل": an indefinite singular person noun joined by و, one more person."""
        text = self.doc.tokens[j].text
        bare = without_conjunction(text)
        return text.startswith("و") and bare != text and not _definite(bare) and self._singular_person(bare)

    def _others_alone(self, first: int, last: int) -> bool:
        """The count is read from a word of "others" alone ("آخر"، "آخرون"، "ثالث": ``others_alone``)."""
        return last - first == 1 and strip_article(self.doc.tokens[first].text) in self.lex.others_alone

    def _says_others(self, j: int, limit: int) -> bool:
        """"وقتل خمسة مدنيين آخرين": the count is of others, on top of those already counted."""
        others = self.lex.word_set("others")
        return any(strip_article(self.doc.tokens[k].text) in others for k in range(j, min(limit, j + 3)))

    def _claim_noun_phrase(self, j: int, limit: int) -> None:
        """"عدد من الصحافيين": the counted people belong to the count already read."""
        stop, first = min(limit + 1, j + 3), j  # the next casualty word too, when it is the counted noun ("11 شهيدا")
        while j < stop and j < self.sentence.last_token and (
                self.doc.tokens[j].text == "من" or self._is_person(self.doc.tokens[j].text)
                or (j == first and self.doc.tokens[j].text in ("منهم", "منهن"))  # "اثنين منهم": of them
                or (j == limit and self._counted_noun_at(j))):
            self.claimed.add(j)
            j += 1

    def _conjunct_of_people(self, number: Number, limit: int) -> bool:
        """A count joined by و counts people like the one before it, unless it is the year of a date ("بين
        عامي 2010 و2011") or names things ("و4 سيارات إسعاف": ``not_people_after``, read by the caller)."""
        return not self._year(number)

    def _conjoined(self, toll: TollMention, last: int, limit: int) -> list[TollMention]:
        """"15 جريحا من المتظاهرين و25 في صفوف الشرطة"، "تسعة شرطيين وستة عناصر وأربعة مدنيين": a count
        joined by و adds to the same kind; so does the count of the other side after "مقابل" (versus: "11
        عنصرا من قوات النظام مقابل 8 من مقاتلي المعارضة" = 19, codebook §6 all sides)."""
        out: list[TollMention] = []
        tokens = self.doc.tokens
        j = last
        phrase_end = next(k for k in range(last, limit + 1) if k not in self.claimed or k == limit)
        while j < min(limit, last + 8):
            if j in self.claimed or any(toll.token < s < j for s in self.subsets):
                j += 1
                continue
            if j in self.time_tokens:
                break  # "24 ... الخميس وأربعة آخرون الجمعة": another day's count
            number = self._joined_count(j, limit)
            at = j + 1 if tokens[j].text == "و" else j
            if number is None and j + 1 < limit and without_conjunction(tokens[j].text) in self.lex.word_set("versus"):
                number, at = read_number(tokens, j + 1, self.lex), j + 1  # "11 من قوات النظام مقابل 8 من المعارضة"
            person = number is None and j == phrase_end and not toll.implicit and self._one_more_person(j)
            if person:
                number, at = Number(1, j, j + 1), j  # "قتل ضابطان وجندي": one more of the people counted
            if number is not None and any(w.first == number.last and (not person or self._is_counted_noun(w))
                                          for w in self.words):
                break  # "قتيل و6 جرحى": the count of the next casualty word ("خمسة عناصر وضابط مصرعهم": not)
            if number is not None and number.exact and not self._counts_something_else(number.last) and (
                    self._conjunct_of_people(number, limit)):
                self.claimed.update(range(number.first, number.last))
                out.append(TollMention(toll.kind, number.value, True, tokens[at].start, tokens[number.last - 1].end,
                                       toll.sentence, number.first, additive=True,
                                       victims=self._victims(number.first, number.last, limit)))
                self._claim_noun_phrase(number.last, limit)
                last = j = number.last
                continue
            j += 1
        return out


def _marked(marker: int, spans: list[tuple[int, int]], words: list[tuple[int, int]]) -> int | None:
    """The toll a total's marker belongs to: the nearest, unless a casualty word that read no count is
    nearer ("قتل عدد من الأشخاص ... ليرتفع عدد القتلى منذ الثلاثاء": the marker is the total's)."""
    nearest = min(range(len(spans)), key=lambda i: _distance(marker, spans[i]))
    word = min((_distance(marker, w) for w in words), default=_distance(marker, spans[nearest]))
    return nearest if _distance(marker, spans[nearest]) <= word else None


def _distance(j: int, span: tuple[int, int]) -> int:
    """Tokens between ``j`` and the span ``[first, last)`` (0 inside it); ties go to the later toll's words."""
    first, last = span
    return first - j if j < first else (j - last + 1 if j >= last else 0)


def total_markers(doc: Doc, sentence: Sentence, lex: Lexicons) -> list[int]:
    """Where the sentence says a count sums up many incidents or days: words of a total ("إجمالي"،
    "منذ بدء", [modality.aggregate]), "since" with a day or date after it ("منذ الثلاثاء"، "منذ مساء
    الخميس"، "منذ 25 شباط") or a counted span ("منذ ثلاثة أسابيع"، "منذ أسبوعين"), a span of days,
    weeks or months ("خلال 30 يوما"), of a month or a period ("خلال يوليو الماضي"، "خلال هذه الفترة":
    ``period_nouns``) or a rate ("يوميا")."""
    modality = doc.sentence_entries(sentence, "modality")
    out = [m.first for m in modality if m.payload.label == "aggregate"]
    times = {m.first for m in doc.sentence_entries(sentence, "weekday", "relative_day", "period", "month", "ordinal",
                                                   "day_part")}
    months = {m.first for m in doc.sentence_entries(sentence, "month")}
    tokens, units, totals = doc.tokens, lex.word_set("span_units"), lex.word_set("total_words")
    if may_have_key(doc.sentence_text(sentence), totals):  # most sentences have no word of a total
        out += [j for j in range(sentence.first_token, sentence.last_token) if strip_article(tokens[j].text) in totals]
    for m in modality:
        j = m.last
        if j >= sentence.last_token:
            continue
        if m.payload.label == "background" and tokens[m.first].text.endswith("منذ") and not compares(doc, m.first):
            if strip_article(tokens[j].text) == "يوم" and j + 1 < sentence.last_token:
                j += 1  # "منذ يوم الثلاثاء"
            # "منذ ثلاثة أسابيع"، "منذ أسبوعين": since a counted span ("منذ أيام" may be how long a state lasts)
            span = read_number(tokens, j, lex)
            counted_span = span is not None and span.last < sentence.last_token and (
                strip_article(tokens[span.last].text) in units)
            start = strip_article(tokens[j].text)  # "منذ بدء الهجوم"
            if j in times or tokens[j].is_number or start in lex.word_set("since_starts") or (
                    counted_span) or start in lex.word_set("dual_spans"):
                out.append(m.first)
        if m.payload.label == "span":
            number = read_number(tokens, j, lex)
            k = number.last if number is not None else j
            if k < sentence.last_token and strip_article(tokens[k].text) in units:
                out.append(m.first)
            # "خلال يوليو الماضي"، "خلال شهر آذار"، "خلال هذه الفترة": over a month or a period, many incidents
            if tokens[j].text in ("هذه", "تلك") and j + 1 < sentence.last_token:
                j += 1
            if j in months or strip_article(tokens[j].text) in lex.word_set("period_nouns"):
                out.append(m.first)
    # "بعد نحو عشرة أيام من القصف العنيف الذي أودى بحياة 560": a count of days, weeks or months of an activity
    # (the unit, then من and a definite noun with no pronoun: not "بعد يومين من اختطافه") sums them up
    if not any(_span_of_activity(tokens, k, units) for k in range(sentence.first_token, sentence.last_token - 2)):
        return out  # no such unit in the sentence: no number needs reading (most sentences)
    for j in range(sentence.first_token, sentence.last_token - 2):
        number = read_number(tokens, j, lex)
        if number is None or number.value < 3 or number.last + 2 >= sentence.last_token:
            continue
        if _span_of_activity(tokens, number.last, units):
            out.append(j)
    return out


def _span_of_activity(tokens: list[Token], k: int, units: frozenset[str]) -> bool:
    """A unit of time at ``k`` followed by من and a definite noun with no pronoun ("أيام من القصف")."""
    of, act = tokens[k + 1], tokens[k + 2]
    return of.text == "من" and act.text.startswith("ال") and not act.text.endswith(("ه", "ها", "هم")) and (
        strip_article(tokens[k].text) in units)


def _numeric_date_tokens(doc: Doc, sentence: Sentence) -> set[int]:
    """The digit tokens of a date written in digits ("28/7/2021"): no count of people."""
    return {j for start, end, *_ in doc.sentence_digit_dates(sentence)
            for j in range(doc.token_index(start), doc.token_index(end))}


def _day_of_month_tokens(doc: Doc, sentence: Sentence, lex: Lexicons) -> set[int]:
    """"قتلت في 15 آذار"، "في الثامن من تموز"، "يوم 3 يوليو": a number right before a month's name is the
    day of that month, no count of people (the time stage reads it as the date).  The month's name is a
    time word too, which may stand between a verb and its subject ("قتل في الثامن من تموز ثلاثة"), and so
    are the four digits of its year right after it."""
    out: set[int] = set()
    tokens = doc.tokens
    for m in doc.sentence_entries(sentence, "month"):
        out.update(range(m.first, m.last))
        if m.last < sentence.last_token and tokens[m.last].is_number and len(tokens[m.last].text) == 4:
            out.add(m.last)  # "24 أوت 2016 إرهابي": the year of the date, whatever follows it
        j = m.first - 1
        if j >= sentence.first_token and tokens[j].text == "من":
            j -= 1  # "العاشر من آذار"
        for i in range(max(sentence.first_token, j - 2), j + 1):
            number = read_number(tokens, i, lex)
            if number is not None and number.last == j + 1:
                out.update(range(number.first, number.last))
                break
    return out


def _preposition(word: str, preps: frozenset[str]) -> bool:
    """A preposition, alone (في، على، خلال) or joined to its noun (بالهجوم، للقصف)."""
    return word in preps or (len(word) > 3 and word[0] in "بل" and word[1:3] == "ال") or (
        word[:1] == "و" and word[1:] in preps)


def _gentilic(word: str) -> bool:
    """A nisba noun of people by origin or side right after a count, indefinite: "20 فلسطينيا"، "سبعة
    حوثيين"، "ثلاثة عراقيون" (counted nouns the person lexicon cannot list one by one).  The accusative
    singular -يا of a short word is an adverb ("رسميا"، "حاليا") and the definite one an adjective."""
    return not word.startswith("ال") and (word.endswith(("يين", "يون")) and len(word) >= 6 or (
        word.endswith("يا") and len(word) >= 6))


def _adjective(word: str) -> bool:
    """A definite adjective that may follow a name (المتشدد، الإرهابي، المتطرف): ال and no more than a word."""
    return word.startswith("ال") and len(word) >= 5 and word.endswith(("ي", "د", "ف", "ه"))


def _is_noun(doc: Doc, word: Match[Entry]) -> bool:
    """"مقتل وإصابة"، "قتلى وجرحى" share a count; verbs ("16 قتلوا وأصيب ثلاثة") have their own."""
    lex = load_lexicons()
    key = strip_article(doc.tokens[word.first].text)
    return key in lex.word_set("casualty_nouns") or key in lex.word_set("plural_nouns") or (
        key in lex.word_set("singular_nouns"))


def _with_loose(words: list[Match[Entry]], loose: list[Match[Entry]]) -> list[Match[Entry]]:
    """Casualty words and the verbs with other senses ("سقط"، "قضى"، "أصاب") that no casualty word covers."""
    if not loose:
        return words
    taken = {j for m in words for j in range(m.first, m.last)}
    return sorted(words + [m for m in loose if m.first not in taken], key=lambda m: (m.first, -m.last))


_BETWEEN = frozenset({"بين", "ما"})  # "بين قتيل وجريح"، "ما بين قتلى وجرحى"


def _merge_combined(doc: Doc, words: list[Match[Entry]]) -> list[Match[Entry]]:
    """Join "مقتل وإصابة" / "قتلى وجرحى" / "قتل وأصيب" (one count for both) into one combined word.

    Two coordinated verbs share their subject when nothing stands between them ("قتل وأصيب عدد من
    مساعديه": one group, killed and wounded, no split); a verb with its own count before it ("16
    قتلوا وأصيب ثلاثة") has its own subject."""
    out: list[Match[Entry]] = []
    for m in words:
        prev = out[-1] if out else None
        if (prev and {prev.payload.label, m.payload.label} == {"killed", "wounded"} and m.first == prev.last
                and doc.tokens[m.first].text.startswith("و")
                and (_is_noun(doc, prev) or _bare_verb(doc, prev))):
            out[-1] = Match(prev.first, m.last, prev.start, m.end, Entry("casualty", "combined"))
        elif (prev and m.payload.label == "combined" and m.first == prev.last and prev.payload.label != "combined"
              and doc.tokens[m.first].text in _BETWEEN):
            # "20 إصابة بين قتيل وجريح"، "عشرات الضحايا بين قتلى وجرحى": the victims counted, killed and wounded
            out[-1] = Match(prev.first, m.last, prev.start, m.end, Entry("casualty", "combined"))
        else:
            out.append(m)
    return out


def _bare_verb(doc: Doc, word: Match[Entry]) -> bool:
    """A casualty verb with no count or person noun right before it: its subject follows ("قتل وأصيب ...")."""
    lex = load_lexicons()
    if not any(k in lex.word_set("casualty_verbs") for k in lookup_keys(doc.tokens[word.first].text)):
        return False
    if word.first == 0:
        return True
    before = strip_article(doc.tokens[word.first - 1].text)
    people = lex.word_set("person_words")
    return not (read_number(doc.tokens, word.first - 1, lex) or before in people or before[:-1] in people
                or doc.tokens[word.first - 1].text.startswith("ال"))


Figure = tuple[str, int, bool]  # the victims' group ("" unnamed, "!X" not X's, "*" several), value, exact


def combine(figures: list[Figure], parties: frozenset[str] | None = None) -> tuple[int, bool] | None:
    """One incident's toll from the counts told of it (codebook §6, all sides; lowest credible).

    Counts of the same people are estimates of one fact: the lowest (an exact count before a vague
    one).  Counts of different groups ("17 من قوات النظام" ... "9 من مسلحي التنظيم") are different
    facts: they add up.  A count of people not named as any group ("خمسة أشخاص") is an estimate of the
    whole: beside groups that add up, the whole is the larger of it and their sum (the named groups may
    be only some of the dead).  "!X" (killed by X) is a group of its own only beside X's own dead.
    ``*`` is a clause's own sum over several groups, "A+B" a count of the people of both ("28 من الفصائل
    وداعش").  With ``parties`` (the incident's actors), only
    their own dead count as groups apart: counts told in other clauses of other people (a background
    total, a neighbouring incident merged in) are estimates like unnamed ones.  Returns (value, exact),
    or None for no count."""
    if not figures:
        return None
    stated = any(e for _, _, e in figures)
    if parties is not None:
        figures = [(g if g in parties or g == "*" or "+" in g or g[1:] in parties else "", v, e) for g, v, e in figures]
    named = {g for g, _, _ in figures if g and g != "*" and not g.startswith("!")}
    groups: dict[str, list[tuple[int, bool]]] = {}
    for group, value, exact in figures:
        if group.startswith("!") and group[1:] not in named:
            group = ""
        groups.setdefault(group, []).append((value, exact))
    unnamed = groups.pop("", [])
    if stated:  # a stated count before "several", "dozens" (codebook §6) — of the same people, or of all
        unnamed = [f for f in unnamed if f[1]]
        groups = {g: fs for g, fs in groups.items() if g != "*" and "+" not in g or any(e for _, e in fs)}
    if len(groups) < 2 and "*" not in groups and not any("+" in g for g in groups):
        return _lowest(unnamed + [f for fs in groups.values() for f in fs])
    wholes = [g for g in groups if g == "*" or "+" in g]
    totals = [f for g in wholes for f in groups.pop(g)]
    parts = [_lowest(fs) for fs in groups.values()]
    value = sum(v for v, _ in parts)
    exact = all(e for _, e in parts)
    for whole in (_lowest(totals) if totals else None, _lowest(unnamed) if unnamed else None):
        if whole is not None and whole[0] > value:
            value, exact = whole
    return value, exact


def _lowest(figures: list[tuple[int, bool]]) -> tuple[int, bool]:
    exact = [v for v, e in figures if e]
    return (min(exact), True) if exact else (min(v for v, _ in figures), False)


@overload
def share_evenly(total: int, n: int, i: int) -> int: ...


@overload
def share_evenly(total: None, n: int, i: int) -> None: ...


def share_evenly(total: int | None, n: int, i: int) -> int | None:
    """The ``i``-th of ``n`` even shares of a toll, the remainder on the last (codebook §6)."""
    if total is None:
        return None
    share = total // n
    return share + (total - share * n if i == n - 1 else 0)


def _definite(word: str) -> bool:
    """The word carries the article once its proclitics are off (الجرحى، بالجرحى، للقتلى)."""
    return any(strip_article(k) != k for k in lookup_keys(word))


def told_as_motive(doc: Doc, sentence: Sentence, first: int, lex: Lexicons) -> bool:
    """"احتجاجا على مقتل شاب"، "تنديدا بمقتل ثلاثة"، "على خلفية جريمة قتل العقيد": a killing or a wound
    told as the motive of the act (a protest, a strike, an arrest) happened before it, in an incident of
    its own; it is no toll of this one, nor violence of the act told.  The motive word (numbers.toml
    ``motives``) stands at most three words before the word at token ``first``; or a protest word and a
    motive link right before it name what a protest was about ("احتجاجات على اعتقال الشيرازي"، "احتجوا على
    مقتل شاب": ``protest_motives``, ``motive_links``)."""
    motives, tokens = lex.word_set("motives"), doc.tokens
    if first - 2 >= sentence.first_token and any(k in lex.word_set("motive_links")
                                                 for k in lookup_keys(tokens[first - 1].text)) and any(
            k in lex.word_set("protest_motives") for k in lookup_keys(tokens[first - 2].text)):
        return True
    return any(any(k in motives for k in lookup_keys(tokens[j].text))
               for j in range(max(sentence.first_token, first - 3), first))
