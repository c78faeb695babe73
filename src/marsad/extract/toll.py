"""Stage: killed and wounded counts (codebook §6), each with the words that state it.

A casualty word (قتل، مقتل، قتلى، أصيب، جرحى ...) claims the nearest count after it
("مقتل 6 قياديين"، "قتل خمسة من عناصر"، "لقي 12 شخصا مصرعهم") or just before it
("30 جريحا"، "3 أشخاص قتلوا"); a person noun alone counts one (قتل محتج), its dual two
(عنصري أمن), an unquantified plural three (سقوط قتلى).  Counts after "بينهم" (among
them) are parts of a toll already counted.  A single count for killed *and* wounded
("66 قتيلا وجريحا") gives no split and counts 0 for both, as ACLED does.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.doc import Doc
from marsad.extract.numbers import Number, dual_base, read_number
from marsad.lexicon import Entry, Lexicons, load_lexicons
from marsad.text.matcher import Match
from marsad.text.tokens import Sentence, strip_article

#: Unquantified plural (سقوط قتلى، جرحى): codebook "several" = 3.
PLURAL_COUNT = 3
_AFTER_WINDOW = 5
_BEFORE_WINDOW = 6
_PLURAL_NOUNS = {"قتلى", "جرحى", "ضحايا", "جثث", "شهداء", "اصابات", "قتلي"}
_SINGULAR_NOUNS = {"قتيل", "جريح", "شهيد", "جثه", "قتيلا", "جريحا", "شهيدا"}
# Words that may sit between a casualty word and its count: "قتل ما لا يقل عن 14".
_FILLERS = {"ما", "لا", "يقل", "عن", "على", "الاقل", "اكثر", "من", "نحو", "حوالي", "قرابه", "زهاء", "الى",
            "ارتفع", "ارتفعت", "عدد", "يزيد", "جراء", "اثر", "في", "بحياه"}


@dataclass(frozen=True, slots=True)
class TollMention:
    """A count of ``kind`` (killed | wounded | combined) stated in one sentence."""

    kind: str
    value: int
    exact: bool  # a stated count, not a dual of an ambiguous plural or an unquantified plural
    start: int
    end: int
    sentence: int
    token: int  # position, for attaching the toll to the nearest event place


def find_tolls(doc: Doc) -> None:
    """Fill ``doc.tolls`` sentence by sentence."""
    lex = load_lexicons()
    for sentence in doc.sentences:
        doc.tolls.extend(_sentence_tolls(doc, sentence, lex))


def _sentence_tolls(doc: Doc, sentence: Sentence, lex: Lexicons) -> list[TollMention]:
    words = doc.sentence_entries(sentence, "casualty")
    subsets = [m.first for m in words if m.payload.label == "subset"]
    cas = _merge_combined(doc, [m for m in words if m.payload.label != "subset"])
    vague = {m.first: m for m in doc.sentence_entries(sentence, "vague")}
    claimed: set[int] = set()
    out: list[TollMention] = []
    for k, word in enumerate(cas):
        limit = cas[k + 1].first if k + 1 < len(cas) else sentence.last_token
        previous_end = cas[k - 1].last if k > 0 else sentence.first_token
        count = _count_after(doc, word, limit, lex, vague, claimed, subsets)
        if count is None:
            count = _count_before(doc, word, previous_end, lex, vague, claimed, subsets)
        if count is None:
            count = _implicit_count(doc, word, limit)
        if count is None:
            continue
        value, exact, first, last = count
        claimed.update(range(first, last))
        kind = word.payload.label
        start, end = min(doc.tokens[first].start, word.start), max(doc.tokens[last - 1].end, word.end)
        out.append(TollMention(kind, value, exact, start, end, sentence.index, first))
        out.extend(_conjoined_counts(doc, out[-1], last, limit, lex, claimed, subsets))
    return _drop_combined_duplicates(out)


def _merge_combined(doc: Doc, cas: list[Match[Entry]]) -> list[Match[Entry]]:
    """Join "مقتل وإصابة" (killed and-wounded, one count for both) into one combined word."""
    out: list[Match[Entry]] = []
    for m in cas:
        prev = out[-1] if out else None
        if (prev and prev.payload.label in ("killed", "wounded") and m.payload.label in ("killed", "wounded")
                and m.payload.label != prev.payload.label and m.first == prev.last
                and doc.tokens[m.first].text.startswith("و")):
            out[-1] = Match(prev.first, m.last, prev.start, m.end, Entry("casualty", "combined"))
        else:
            out.append(m)
    return out


def _is_subset(position: int, word: Match[Entry], subsets: list[int]) -> bool:
    return any(word.last <= s < position for s in subsets)


def _count_after(doc, word, limit, lex, vague, claimed, subsets):  # type: ignore[no-untyped-def]
    """A count within a few words after the casualty word."""
    j = word.last
    end = min(limit, word.last + _AFTER_WINDOW)
    while j < end:
        if j in claimed or _is_subset(j, word, subsets):
            return None
        found = _count_at(doc, j, lex, vague)
        if found is not None:
            return found
        if strip_article(doc.tokens[j].text) not in _FILLERS and not _is_person(doc.tokens[j].text, lex):
            return None
        j += 1
    return None


def _count_before(doc, word, previous_end, lex, vague, claimed, subsets):  # type: ignore[no-untyped-def]
    """A count a few words before the casualty word: "30 جريحا", "3 أشخاص قتلوا"."""
    j = word.first - 1
    stop = max(previous_end, word.first - _BEFORE_WINDOW)
    while j >= stop:
        if j in claimed:
            return None
        found = _count_at(doc, j, lex, vague)
        if found is not None and not _is_subset(j, word, subsets) and not any(j < s < word.first for s in subsets):
            return found
        j -= 1
    return None


def _count_at(doc, j, lex, vague):  # type: ignore[no-untyped-def]
    """A count starting at token ``j`` (number, number word, dual, or vague quantity)."""
    if j in vague:
        m = vague[j]
        return m.payload.value, False, m.first, m.last
    number: Number | None = read_number(doc.tokens, j, lex)
    if number is None:
        return None
    return number.value, number.exact, number.first, number.last


def _implicit_count(doc: Doc, word: Match[Entry], limit: int):  # type: ignore[no-untyped-def]
    """No count: a singular noun is one, a plural three, a singular person after the verb one."""
    key = strip_article(doc.tokens[word.first].text)
    for k in (key, key[1:] if key[:1] in "وبل" else key):
        if k in _SINGULAR_NOUNS:
            return 1, True, word.first, word.last
        if k in _PLURAL_NOUNS:
            return PLURAL_COUNT, False, word.first, word.last
    j = word.last
    if j < limit and j < len(doc.tokens):
        nxt = strip_article(doc.tokens[j].text)
        lex = load_lexicons()
        if nxt in lex.person_singulars or nxt in ("احد", "احدى"):
            return 1, True, j, j + 1
        if dual_base(nxt, lex) is None and nxt in _PLURAL_PERSONS:
            return PLURAL_COUNT, False, j, j + 1
    return None


_PLURAL_PERSONS = {"مدنيين", "اشخاص", "عناصر", "جنود", "افراد", "مسلحين", "متظاهرين", "محتجين", "مواطنين", "اطفال"}


def _is_person(word: str, lex: Lexicons) -> bool:
    bare = strip_article(word)
    return bare in lex.person_singulars or bare in _PLURAL_PERSONS


def _conjoined_counts(doc, toll, last, limit, lex, claimed, subsets):  # type: ignore[no-untyped-def]
    """"15 جريحا من المتظاهرين و25 في صفوف الشرطة": a bare count after و adds to the same kind."""
    out = []
    j = last
    while j < min(limit, last + 8):
        tok = doc.tokens[j]
        if tok.text == "و" and j + 1 < limit and doc.tokens[j + 1].is_number and j + 1 not in claimed:
            number = read_number(doc.tokens, j + 1, lex)
            if number and not any(toll.token < s < j for s in subsets):
                claimed.update(range(number.first, number.last))
                out.append(TollMention(toll.kind, number.value, True, doc.tokens[j + 1].start,
                                       doc.tokens[number.last - 1].end, toll.sentence, number.first))
                j = number.last
                continue
        j += 1
    return out


def _drop_combined_duplicates(tolls: list[TollMention]) -> list[TollMention]:
    """A combined count stands alone: the killed/wounded words inside it add nothing."""
    combined = [t for t in tolls if t.kind == "combined"]
    if not combined:
        return tolls
    return [t for t in tolls if t.kind == "combined" or not any(c.start <= t.start < c.end for c in combined)]
