"""Stage: time expressions and their dates (codebook §5).

Each expression becomes a :class:`TimeMention` holding a *rule* (so many days back, the
last such weekday, a calendar date, a week or month) that resolves against an anchor:
the publication date, or the day of a statement that reports the event ("قال بيان صدر
الخميس إن هجوما وقع ليل أمس" → the night before that Thursday).  Explicit dates use the
month names of ``time.toml`` (MSA, Levantine/Iraqi, Maghrebi) and hijridate for Hijri
dates; a date without a year takes the year that puts it closest before publication.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from hijridate import Hijri

from marsad.doc import Doc
from marsad.extract.numbers import Number, read_number
from marsad.lexicon import Entry, load_lexicons
from marsad.text import inflect
from marsad.text.matcher import Match
from marsad.text.tokens import Sentence, Token, may_have_key, one_of, strip_article, without_conjunction

_STATEMENT_GAP = 6
_SUBJECT_GAP = 12  # a day word after a statement verb and its speaker's name and titles
_QUOTES = ('"', '«', '»', '“', '”')
_SUBJECT_REACH = 3  # "تدور حاليا اشتباكات عنيفة": the event word within three words after the verb
_SINCE_REACH = 6


@dataclass(frozen=True, slots=True)
class TimeRule:
    """How to get a date from an anchor day.

    kind: "days_back" (n), "weekday" (n = Python weekday; ``strict`` = a week back when the
    anchor is that weekday), "date" (a calendar day), "month" (year, month, part), "period"
    (days back, precision 2 or 3), "week_back" (the middle of the calendar week n weeks before
    the anchor's, precision 2: codebook §5).
    """

    kind: str
    n: int = 0
    strict: bool = False
    day: date | None = None
    precision: int = 1
    whole_month: bool = False  # "في يوليو الماضي": the month itself, not its start, middle or end
    weekday: int = -1  # days_back with a weekday named beside it ("أمس الجمعة"): see resolve_rule


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression in one sentence."""

    rule: TimeRule
    start: int
    end: int
    sentence: int
    first_token: int
    statement: bool = False  # the day a statement was made ("أعلن الجيش، السبت، ...")
    since: bool = False  # "منذ الثلاثاء": the start of a span, not the day of one event
    future: bool = False
    tense: bool = False  # a verb of going on in the present ("تدور اشتباكات"): any time word of its clause wins
    described: bool = False  # a statement in a relative clause ("الإجراءات التي أعلنتها الحكومة السبت"): no anchor

    def resolve(self, anchor: date | None) -> tuple[date, int] | None:
        """The date and time_precision against ``anchor`` (None when it cannot be known)."""
        return resolve_rule(self.rule, anchor)


#: Any day: a span counted back from the report is as long whatever day the report was published.
_ANY_DAY = date(2001, 7, 1)


def days_back(t: TimeMention) -> tuple[int, int] | None:
    """How many days before the report a time word that counts back from it lies ("أمس": 1, "قبل شهرين": about
    60, "العام الماضي"), with its time_precision — known even when the publication date is not.  None for a date
    by the calendar ("15 يونيو"), whose distance from an unknown day is unknown."""
    if t.rule.kind == "date":
        return None
    resolved = resolve_rule(t.rule, _ANY_DAY)
    return None if resolved is None else ((_ANY_DAY - resolved[0]).days, resolved[1])


def resolve_rule(rule: TimeRule, anchor: date | None) -> tuple[date, int] | None:
    """Apply a :class:`TimeRule` to an anchor day; None for a day before the calendar can count ("بنيت قبل 3000
    عام" told in 2018, or any such span counted back when the publication date is unknown)."""
    try:
        return _resolve_rule(rule, anchor)
    except OverflowError:
        return None


def _resolve_rule(rule: TimeRule, anchor: date | None) -> tuple[date, int] | None:
    if rule.kind == "date" and rule.day is not None:
        return rule.day, rule.precision
    if anchor is None:
        return None
    if rule.kind == "days_back":
        day = anchor - timedelta(days=rule.n)
        if rule.weekday >= 0:  # the named weekday, when it is the relative day or one day off it
            named = anchor - timedelta(days=(anchor.weekday() - rule.weekday) % 7)
            if abs((named - day).days) <= 1:
                return named, 1
        return day, 1
    if rule.kind == "weekday":
        back = (anchor.weekday() - rule.n) % 7
        if back == 0 and rule.strict:
            back = 7
        return anchor - timedelta(days=back), 1
    if rule.kind == "period":
        return anchor - timedelta(days=rule.n), rule.precision
    if rule.kind == "week_back":
        return min(_week_middle(anchor, rule.n), anchor), 2
    if rule.kind == "month_back":
        year, month = anchor.year, anchor.month - rule.n
        while month < 1:
            year, month = year - 1, month + 12
        return min(date(year, month, 15), anchor), 3
    return None


def _week_middle(anchor: date, weeks_back: int) -> date:
    """The middle day of the calendar week ``weeks_back`` weeks before the anchor's ("الأسبوع الماضي"
    is last week as a whole: its middle, not the anchor less seven days).  Where the week starts is
    ``time.toml`` [calendar]."""
    calendar_ = load_lexicons().calendar
    start = anchor - timedelta(days=(anchor.weekday() - calendar_["week_starts_on"]) % 7)
    return start - timedelta(days=7 * weeks_back) + timedelta(days=calendar_["week_middle"])


def find_times(doc: Doc) -> None:
    """Fill ``doc.times`` with every time expression, in text order, and ``doc.threads`` with the story each
    sentence belongs to (:func:`thread_starts`)."""
    doc.threads = thread_starts(doc)
    for sentence in doc.sentences:
        entries = doc.sentence_entries(sentence, "weekday", "month", "hijri_month", "relative_day", "period",
                                       "ordinal", "month_part")
        used: set[int] = set()
        counted = _counted_from_told(doc, sentence)
        for first, last, _, _ in counted:
            used.update(range(first, last))  # "في اليوم التالي": not "today"
        for numeric in _numeric_dates(doc, sentence):
            used.update(range(numeric.first_token, _last_token(doc, numeric)))
            doc.times.append(numeric)
        for m in entries:
            if m.first in used:
                continue
            mention = _mention(doc, sentence, m, entries)
            if mention is not None:
                used.update(range(mention.first_token, _last_token(doc, mention)))
                doc.times.append(mention)
        for ago in _ago(doc, sentence):
            if ago.first_token not in used:
                used.update(range(ago.first_token, _last_token(doc, ago)))
                doc.times.append(ago)
        for first, last, offset, start in counted:
            told = _day_told_before(doc, start) if offset is not None else None
            if told is not None and offset is not None:
                rule = TimeRule("date", day=told + timedelta(days=offset))
                doc.times.append(TimeMention(rule, start, doc.tokens[last - 1].end, sentence.index, first))
        doc.times.extend(_going_on(doc, sentence))


#: Days told by a count word after "قبلها ب" / "بعد ذلك ب" (time.toml counted_*): hours are the same day.
_COUNTED_UNITS = (("counted_hours", 0), ("counted_one_day", 1), ("counted_two_days", 2), ("counted_one_week", 7),
                  ("counted_two_weeks", 14))


def _counted_from_told(doc: Doc, sentence: Sentence) -> list[tuple[int, int, int | None, int]]:
    """Days counted from a day told before them, not from publication: "اغتيلت ناشطة الخميس، وقبلها بيومين
    اغتيل ناشط"، "بعد ذلك بثلاثة أيام"، "وفي اليوم التالي"، "في اليوم السابق" (``time.toml`` counted_before,
    counted_after, next_day, previous_day).  Each as its first and end token, its offset in days from that
    day (before it: negative; None for the day after or before another event, "اليوم التالي لسيطرتها": no
    day, and no "today" either) and its start offset."""
    lex = load_lexicons()
    tokens = doc.tokens
    before, after = lex.word_set("counted_before"), lex.word_set("counted_after")
    nxt, prev = lex.word_set("next_day"), lex.word_set("previous_day")
    out: list[tuple[int, int, int | None, int]] = []
    if not may_have_key(doc.sentence_text(sentence), before | after | nxt | prev):
        return out  # most sentences: no such word at all
    j = sentence.first_token
    while j < sentence.last_token - 1:
        word = without_conjunction(tokens[j].text)
        pair = f"{word} {tokens[j + 1].text}"
        if word == "اليوم" and tokens[j + 1].text in nxt | prev:  # "في اليوم التالي"
            offset = None if _of_another(doc, j + 2, sentence.last_token) else 1 if tokens[j + 1].text in nxt else -1
            out.append((j, j + 2, offset, tokens[j].start))  # either way not "today"
            j += 2
            continue
        n = 2 if pair in before | after else 1 if word in before | after else 0
        if n and j + n < sentence.last_token:
            days = _count_after_bi(doc, j + n, sentence.last_token)
            if days is not None:
                sign = -1 if (pair if n == 2 else word) in before else 1
                out.append((j, days[1], sign * days[0], tokens[j].start))
                j = days[1]
                continue
        j += 1
    return out


def _of_another(doc: Doc, i: int, end: int) -> bool:
    """"اليوم التالي لسيطرتها"، "في اليوم السابق للانتخابات": the day after or before an event named with the
    preposition ل, not the day told before."""
    return i < end and doc.tokens[i].text[:1] == "ل" and len(doc.tokens[i].text) > 3


def _count_after_bi(doc: Doc, i: int, end: int) -> tuple[int, int] | None:
    """"بيومين"، "بيوم"، "بثلاثة أيام"، "بأسبوع"، "بساعات": how many days the count after the preposition ب
    ("by") tells, and the token after it; hours are the same day.  A vague count ("بأيام") tells none."""
    lex = load_lexicons()
    tokens = doc.tokens
    if not tokens[i].text.startswith("ب") or len(tokens[i].text) < 3:
        return None
    local = [tokens[i]._replace(text=tokens[i].text[1:]), *tokens[i + 1:min(end, i + 4)]]
    word = local[0].text
    for key, days in _COUNTED_UNITS:
        if word in lex.word_set(key):
            return days, i + 1
    number = read_number(local, 0, lex)
    if number is None or number.last >= len(local):
        return None
    unit = strip_article(local[number.last].text)
    found = next((days for key, days in (("ago_days", 1), ("ago_weeks", 7)) if unit in lex.word_set(key)), None)
    if found is None:
        return None
    return number.value * found, i + number.last + 1


def _day_told_before(doc: Doc, start: int) -> date | None:
    """The exact day of the last time word before ``start`` that dates an act (not a statement's day, a span's
    start, a future or the tense), against publication."""
    told = [t for t in doc.times if t.start < start
            and not (t.statement or t.since or t.future or t.tense or t.described)]
    if not told:
        return None
    resolved = max(told, key=lambda t: t.start).resolve(doc.published)
    return resolved[0] if resolved is not None and resolved[1] == 1 else None


@cache
def _going_on_forms() -> frozenset[str]:
    """The third-person imperfect of every ``time.toml`` ongoing_imperfect stem (تدور، يدور، تتواصل، يستمرون)."""
    third = tuple(p for p in inflect.IMPERFECT_PREFIXES if p[1].startswith("3"))
    return frozenset(form for stem in load_lexicons().word_set("ongoing_imperfect")
                     for form, _ in inflect.imperfect(stem, third))


def _going_on(doc: Doc, sentence: Sentence) -> list[TimeMention]:
    """Verbs of going on in the present whose subject is an event word ("كما تدور اشتباكات"، "ولا تزال
    المعارك"): the time of writing.  Not a span told with "since" ("تتواصل المظاهرات منذ أسبوع": its days
    are its own), nor a verb whose subject is no event ("لا يزال الرهائن داخل المبنى")."""
    forms = _going_on_forms()
    since = load_lexicons().word_set("since")
    events = {c.first for c in doc.sentence_entries(sentence, "cue") if c.payload.value.trigger}
    if not events:
        return []  # no event word for such a verb to have as its subject
    out = []
    for j in range(sentence.first_token, sentence.last_token):
        token = doc.tokens[j]
        word = token.text[1:] if token.text[:1] in ("و", "ف") and token.text[1:] in forms else token.text
        if word not in forms or not events & set(range(j + 1, j + 1 + _SUBJECT_REACH)):
            continue
        if any(doc.tokens[k].text in since for k in range(j + 1, min(j + 1 + _SINCE_REACH, sentence.last_token))):
            continue
        out.append(TimeMention(TimeRule("days_back", n=0), token.start, token.end, sentence.index, j, tense=True))
    return out


#: Days per unit of an "ago" count (time.toml ago_*), and the time_precision a date so reached has.
_AGO_UNITS = (("ago_years", 365, 3), ("ago_months", 30, 3), ("ago_weeks", 7, 2), ("ago_days", 1, 1))
_AGO_VAGUE = 3  # "قبل سنوات": a few, as "several" (codebook §6)
_AGO_RECENT = 31  # days: the 30 days an article's events are coded in (codebook §1); only days are read within


def _ago(doc: Doc, sentence: Sentence) -> list[TimeMention]:
    """"قبل 11 عاما"، "قبل ثلاثة أشهر"، "قبل نحو عامين"، "قبل سنوات": so many years, months, weeks or days
    before publication, more than the 30 days an article's events are coded in: what is told so is background
    (codebook §1).  Within those 30 days a count of days is that day ("قبل 12 يوما"، "قبل نحو أحد عشر يوما",
    precision 1), past the days time.toml lists one by one; a week or month so near is left to time.toml's
    periods.  Not a count from another event ("قبل عامين من الانتخابات")."""
    lex = load_lexicons()
    tokens = doc.tokens
    out: list[TimeMention] = []
    ago, approx = lex.word_set("ago"), lex.word_set("ago_approximators")
    if not may_have_key(doc.sentence_text(sentence), ago):  # most sentences: no word of "ago" at all
        return out
    for j in range(sentence.first_token, sentence.last_token - 1):
        if without_conjunction(tokens[j].text) not in ago:
            continue
        i = j + 1
        for n in (1, 2, 3):  # "نحو"، "أكثر من"، "ما يزيد عن"
            if " ".join(t.text for t in tokens[i:i + n]) in approx:
                i += n
                break
        number = read_number(tokens, i, lex) if i < sentence.last_token else None
        unit = number.last if number is not None and not _is_dual_count(tokens, number) else i
        if unit >= sentence.last_token:
            continue
        word = strip_article(tokens[unit].text)
        found = next(((days, precision) for key, days, precision in _AGO_UNITS if word in lex.word_set(key)), None)
        if found is None:
            continue
        if number is not None and unit == number.last:
            count = number.value
        elif word in lex.word_set("ago_duals"):
            count = 2
        else:
            count = _AGO_VAGUE if word in lex.word_set("ago_plurals") else 1
        if _word_after(doc, tokens[unit].end) in lex.word_set("ago_of_other"):
            continue  # "قبل عامين من الانتخابات"
        recent = count * found[0] <= _AGO_RECENT
        if recent and found[1] > 1:
            continue  # "قبل نحو أسبوعين"، "قبل شهر": a week or month, left to the periods of time.toml
        # "قبل 12 يوما"، "قبل أحد عشر يوما": a day of the coded month counted in days is that day
        rule = TimeRule("days_back", n=count) if recent else TimeRule("period", n=count * found[0],
                                                                      precision=found[1])
        first = j
        out.append(TimeMention(rule, tokens[j].start,
                               tokens[unit].end, sentence.index, first,
                               statement=_after_statement(doc, sentence, first)
                               or _before_statement(doc, sentence, first, tokens[unit].end)))
    return out


def _is_dual_count(tokens: list[Token], number: Number) -> bool:
    """A dual read as a number ("عامين" = 2): the count and its unit are one word."""
    return number.last - number.first == 1 and not tokens[number.first].is_number \
        and number.value == 2 and tokens[number.first].text.endswith("ين")


def _numeric_dates(doc: Doc, sentence: Sentence) -> list[TimeMention]:
    """"بتاريخ 28/7/2021"، "يوم 2021-07-30": calendar days written in digits."""
    out = []
    for start, end, year, month, day_of_month in doc.sentence_digit_dates(sentence):
        day = _safe_date(year, month, day_of_month)
        if day is not None:
            out.append(TimeMention(TimeRule("date", day=day), start, end, sentence.index, doc.token_index(start)))
    return out


def _last_token(doc: Doc, mention: TimeMention) -> int:
    return doc.token_index(mention.end)


def _mention(doc: Doc, sentence: Sentence, m: Match[Entry], entries: list[Match[Entry]]) -> TimeMention | None:
    cat = m.payload.category
    published = doc.published
    if cat in ("month", "ordinal", "month_part") or (cat == "hijri_month"):
        found = _calendar_date(doc, sentence, m, published)
        if found is None:
            return None
        rule, start, end, first = found
    elif cat == "weekday":
        rule, start, end, first = _weekday(doc, m, entries)
    elif cat == "relative_day":
        if ((m.payload.value > 1 or doc.tokens[m.first].text == "قبل")
                and _word_after(doc, m.end) in load_lexicons().word_set("relative_to_other")):
            return None  # "قبل يومين من الفرز"، "قبل يوم من الانتخابات": days before something else
        rule, start, end, first = TimeRule("days_back", n=m.payload.value), m.start, m.end, m.first
        named = _named_weekday(doc, m, entries)
        if named is not None:  # "أمس الجمعة": the weekday named beside the relative word fixes the day
            rule, end = replace(rule, weekday=named[0]), named[1]
    elif cat == "period":
        rule, start, end, first = _period(m), m.start, m.end, m.first
        day_of = _day_of_month(doc, sentence, m, published)
        if day_of is not None:
            rule, start, first = day_of
        else:
            part_of = _part_of_relative_month(doc, sentence, m, entries, published)
            if part_of is not None:
                rule, start, first = part_of
    else:
        return None
    if rule is None:
        return None
    lex = load_lexicons()
    described = _described_statement(doc, sentence, first)
    return TimeMention(
        rule, start, end, sentence.index, first,
        statement=described or _after_statement(doc, sentence, first, rule.kind in ("days_back", "weekday"))
        or _before_statement(doc, sentence, first, end),
        described=described, tense=_day_count(doc, m),
        since=_word_before(doc, first) in lex.word_set("since"),
        future=_word_after(doc, end) in lex.word_set("future"),
    )


def _day_count(doc: Doc, m: Match[Entry]) -> bool:
    """"لليوم الثالث على التوالي": "the day" before an ordinal counts the days something has gone on, up to
    the time of writing; like a verb of going on (``tense``), it yields to a day word of its clause
    ("لليوم الرابع على التوالي، خرج آلاف الخميس")."""
    if m.payload.category != "relative_day" or m.payload.value != 0 or m.last >= len(doc.tokens):
        return False
    return doc.tokens[m.last].text in load_lexicons().ordinals


def _named_weekday(doc: Doc, m: Match[Entry], entries: list[Match[Entry]]) -> tuple[int, int] | None:
    """A weekday in apposition right after "أمس" or "اليوم" ("أمس الجمعة"، "مساء اليوم السبت"): its
    number and end.  The relative word counts from the day the report was written, which may be a day
    off the listed publication date (a print edition's date, a feed's clock); the weekday names the day
    itself, so within one day of the relative reading it decides (``resolve_rule``); further off, the
    listed date is not the writing day's neighbour and the relative word is read as codebook §5 says."""
    if m.payload.value > 1:
        return None
    day = next((e for e in entries if e.payload.category == "weekday" and e.first == m.last), None)
    return (day.payload.value, day.end) if day is not None else None


def _word_before(doc: Doc, first: int) -> str:
    day_words = load_lexicons().word_set("day_words")
    j = first - 1
    while j >= 0 and strip_article(doc.tokens[j].text) in day_words:
        j -= 1
    return doc.tokens[j].text if j >= 0 else ""


def _word_after(doc: Doc, end: int) -> str:
    i = doc.token_index(end)
    return doc.tokens[i].text if i < len(doc.tokens) else ""


def _weekday(doc: Doc, m: Match[Entry], entries: list[Match[Entry]]) -> tuple[TimeRule, int, int, int]:
    nxt = doc.tokens[m.last].text if m.last < len(doc.tokens) else ""
    strict = nxt in load_lexicons().word_set("past")
    end = doc.tokens[m.last].end if strict else m.end
    day = m.payload.value
    night = None if strict else _night_of_two_days(doc, m, entries)
    if night is not None:
        end, after_midnight = night
        day = (day + 1) % 7 if after_midnight else day
    return TimeRule("weekday", n=day, strict=strict), m.start, end, m.first


def _bare(word: str) -> str:
    """A word without the conjunction و before it ("وليلة" → "ليلة")."""
    return word[1:] if word.startswith("و") and len(word) > 2 else word


def _night_of_two_days(doc: Doc, m: Match[Entry], entries: list[Match[Entry]]) -> tuple[int, bool] | None:
    """"ليل السبت- الأحد"، "ليلة الخميس إلى الجمعة": a night named by the two days it joins is one time, not
    two days.  Its end, and whether the act came after its midnight ("بعد منتصف ليل السبت الأحد": the
    second day; otherwise the first, where the night begins)."""
    lex = load_lexicons()
    toks = doc.tokens
    if m.first == 0 or _bare(toks[m.first - 1].text) not in lex.word_set("night"):
        return None
    j = m.last
    if j < len(toks) and toks[j].text in lex.word_set("night_links"):
        j += 1
    second = next((e for e in entries if e.payload.category == "weekday" and e.first == j), None)
    if second is None or second.payload.value != (m.payload.value + 1) % 7:
        return None
    before = m.first - 1
    after_midnight = any(" ".join(t.text for t in toks[max(0, before - n):before]) in lex.word_set("after_midnight")
                         for n in (2, 3))
    return second.end, after_midnight


def _period(m: Match[Entry]) -> TimeRule:
    spec = m.payload.value
    if "months_back" in spec:
        return TimeRule("month_back", n=spec["months_back"], precision=3)
    if "weeks_back" in spec:
        return TimeRule("week_back", n=spec["weeks_back"], precision=2)
    return TimeRule("period", n=spec.get("days_back", 0), precision=spec["precision"])


def _day_of_month(doc: Doc, sentence: Sentence, m: Match[Entry],
                  published: date | None) -> tuple[TimeRule, int, int] | None:
    """"في 4 من الشهر الجاري"، "يوم 28 من الشهر الماضي": a day in digits before "(من) الشهر الجاري/الماضي"
    is that day of the publication's month (or the month before), not the month as a whole."""
    spec = m.payload.value
    if spec.get("months_back") not in (0, 1) or published is None:
        return None
    toks = doc.tokens
    j = m.first - 1
    if j >= sentence.first_token and toks[j].text == "من":
        j -= 1
    if j < sentence.first_token or not toks[j].text.isdigit() or not 1 <= int(toks[j].text) <= 31:
        return None
    year, month = published.year, published.month - spec["months_back"]
    if month < 1:
        year, month = year - 1, 12
    rule = _checked(TimeRule("date", day=_safe_date(year, month, int(toks[j].text))))
    return (rule, toks[j].start, j) if rule is not None else None


def _part_of_relative_month(doc: Doc, sentence: Sentence, m: Match[Entry], entries: list[Match[Entry]],
                            published: date | None) -> tuple[TimeRule, int, int] | None:
    """"مطلع الشهر الجاري"، "أواخر الشهر الماضي"، "في وقت سابق من هذا الشهر": a part of a month told relative
    to publication dates it as a part of a named month is dated (codebook §5: the 1st, the 15th or the last
    day, precision 3).  "Earlier this month" is the part before publication: the month's middle when that
    is past (a month known only as a month), else its start.  A day past publication is not yet told of:
    the publication day instead."""
    spec = m.payload.value
    if spec.get("months_back") not in (0, 1) or published is None:
        return None
    year, month = published.year, published.month - spec["months_back"]
    if month < 1:
        year, month = year - 1, 12
    part, start, first = "", m.start, m.first
    qualifier = next((e for e in entries if e.payload.category == "month_part" and e.last == m.first), None)
    if qualifier is not None:
        part, start, first = qualifier.payload.label, qualifier.start, qualifier.first
    else:
        toks = doc.tokens
        earlier = load_lexicons().word_set("earlier")
        for n in (4, 3, 5):
            k = m.first - n
            if k >= sentence.first_token and " ".join(t.text for t in toks[k:m.first]) in earlier:
                # before publication: the month's middle when that is past, else its start
                part = "mid" if date(year, month, 15) < published else "early"
                start, first = toks[k].start, k
                break
    if not part:
        return None
    chosen = {"early": 1, "late": calendar.monthrange(year, month)[1], "mid": 15}[part]
    return TimeRule("date", day=min(date(year, month, chosen), published), precision=3), start, first


def _calendar_date(doc: Doc, sentence: Sentence, m: Match[Entry],
                   published: date | None) -> tuple[TimeRule | None, int, int, int] | None:
    """Read "19 مارس 2017", "24 مارس الجاري", "العاشر من الشهر الجاري", "أواخر مايو الماضي"."""
    toks = doc.tokens
    lex = load_lexicons()
    cat = m.payload.category
    day: int | None = None
    year: int | None = None
    part = ""
    first = m.first
    month_match = m
    if cat == "ordinal":
        day = m.payload.value
        j = m.last
        if j < sentence.last_token and toks[j].text == "من":
            j += 1
        if (j + 1 < sentence.last_token and strip_article(toks[j].text) == "شهر"
                and toks[j + 1].text in lex.word_set("current") | lex.word_set("past")):
            if published is None:
                return None
            year, month = published.year, published.month
            if toks[j + 1].text in lex.word_set("past"):  # "في الثامن والعشرين من الشهر الماضي"
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            return (_checked(TimeRule("date", day=_safe_date(year, month, day))), m.start, toks[j + 1].end, first)
        nxt = [e for e in doc.sentence_entries(sentence, "month", "hijri_month") if e.first == j]
        if not nxt:
            return None
        month_match = nxt[0]
    elif cat == "month_part":
        nxt = [e for e in doc.sentence_entries(sentence, "month") if e.first == m.last]
        if not nxt:
            return None
        part = m.payload.label
        month_match = nxt[0]
    else:
        k = m.first - 1
        for filler in ("شهر", "من"):  # "8 من شهر يوليو"
            if k >= sentence.first_token and strip_article(toks[k].text) == filler:
                k -= 1
        prev = toks[k] if k >= sentence.first_token else None
        if prev is not None and prev.is_number and prev.text.isdigit() and 1 <= int(prev.text) <= 31:
            day, first = int(prev.text), k
        elif prev is not None and strip_article(prev.text) in lex.ordinals:
            return None  # the ordinal's own match reads this date
    month = month_match.payload.value
    j = month_match.last
    # "يونيو/حزيران": skip the second month name of a pair
    while j < sentence.last_token and any(e.first == j for e in doc.sentence_entries(sentence, "month")):
        j = next(e.last for e in doc.sentence_entries(sentence, "month") if e.first == j)
    year = None
    j = _skip_year_words(doc, sentence, j)
    if j < sentence.last_token and toks[j].text.isdigit() and len(toks[j].text) == 4:
        year = int(toks[j].text)
        j += 1
    placed = j < sentence.last_token and toks[j].text in (lex.word_set("past") | lex.word_set("current"))
    if placed:
        j += 1  # "يوليو/ تموز الماضي": the word that places the month belongs to the date
    end = toks[j - 1].end
    if month_match.payload.category == "hijri_month":
        return _hijri(day, month, year, toks[first].start, end, first)
    if day is None and not part and year is None and not placed:
        return None  # a bare month name ("اب", "ماي") is too weak alone
    year = year or _closest_year(published, month, day or 15)
    if year is None:
        return None
    if day is not None:
        return _checked(TimeRule("date", day=_safe_date(year, month, day))), toks[first].start, end, first
    last_day = calendar.monthrange(year, month)[1]
    chosen = {"early": 1, "late": last_day, "mid": 15}.get(part, 15)
    return TimeRule("date", day=date(year, month, chosen), precision=3, whole_month=not part), m.start, end, first


def _skip_year_words(doc: Doc, sentence: Sentence, j: int) -> int:
    """"1 أكتوبر من عام 1918"، "في يوليو عام 2014": the words that introduce a year written after the month."""
    words = load_lexicons().word_set("year_words")
    k = j
    while k < sentence.last_token and strip_article(doc.tokens[k].text) in words | {"من"}:
        k += 1
    has_year = k < sentence.last_token and doc.tokens[k].text.isdigit() and len(doc.tokens[k].text) == 4
    return k if has_year and k > j else j


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _checked(rule: TimeRule) -> TimeRule | None:
    return rule if rule.day is not None else None


def _closest_year(published: date | None, month: int, day: int) -> int | None:
    """The year that puts month/day on or before publication, closest to it."""
    if published is None:
        return None
    candidate = _safe_date(published.year, month, min(day, 28))
    if candidate and candidate > published + timedelta(days=2):
        return published.year - 1
    return published.year


def _hijri(day: int | None, month: int, year: int | None, start: int, end: int,
           first: int) -> tuple[TimeRule, int, int, int] | None:
    if day is None or year is None:
        return None
    try:
        greg = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return TimeRule("date", day=date(greg.year, greg.month, greg.day)), start, end, first


def _before_statement(doc: Doc, sentence: Sentence, first: int, end: int) -> bool:
    """True when the expression dates the statement verb right after it, with no event word just before
    it ("وفي وقت سابق الخميس أفاد ضابط"، "وأعلنت الشرطة الخميس أن")."""
    last = doc.token_index(end)
    verb = next((m for m in doc.sentence_entries(sentence, "modality")
                 if m.payload.label == "statement" and last <= m.first <= last + 1), None)
    if verb is None or one_of(doc.tokens[verb.first].text, load_lexicons().word_set("according_to"), "و"):
        return False
    return not any(c.payload.value.trigger and first - _STATEMENT_GAP <= c.first < first
                   for c in doc.sentence_entries(sentence, "cue"))


def _described_statement(doc: Doc, sentence: Sentence, first: int) -> bool:
    """True when the expression dates a statement verb that opens a relative clause ("رغم الإجراءات التي
    أعلنت عنها الحكومة السبت، فإن الاحتجاجات استمرت"): the clause describes a noun, and its day is that
    announcement's, not the day of a statement that reports the sentence's events."""
    relative = load_lexicons().word_set("relative_pronouns")
    for m in doc.sentence_entries(sentence, "modality"):
        if (m.payload.label == "statement" and m.last <= first <= m.last + _STATEMENT_GAP and m.first > 0
                and doc.tokens[m.first - 1].text in relative
                and not any(m.last <= c.first < first and c.payload.value.trigger
                            for c in doc.sentence_entries(sentence, "cue"))):
            return True
    return False


def _after_statement(doc: Doc, sentence: Sentence, first: int, day_word: bool = False) -> bool:
    """True when the expression dates a statement verb just before it ("أعلن الجيش، السبت،").  Not once
    the complementiser has opened what was said ("أعلن المرصد أنه تعرضت ليل الأحد مناطق ..."، "قالت
    الشرطة إن مسلحين هاجموا أمس ..."): a day inside the reported clause dates the act told there.  A day
    word may stand further off when only the speaker's name and titles come between ("وقال مدير المرصد
    السوري لحقوق الإنسان رامي عبد الرحمن الأحد"): no relative clause, no quotation.  So is a day right after
    a verb of reaction ("ودانت البعثة، الأربعاء الماضي، أعمال العنف"، "نعى مساء أول من أمس مقتل ..."): it
    dates the condemnation or the mourning, not the act it answers."""
    lex = load_lexicons()
    opens, relative = lex.word_set("reported_clause"), lex.word_set("relative_pronouns")
    for m in doc.sentence_entries(sentence, "modality"):
        reach = _SUBJECT_GAP if day_word else _STATEMENT_GAP
        if m.payload.label in ("statement", "reaction") and m.last <= first <= m.last + reach:
            cues = [c for c in doc.sentence_entries(sentence, "cue")
                    if m.last <= c.first < first and c.payload.value.trigger]
            if cues or any(doc.tokens[j].text in opens for j in range(m.last, first)):
                continue
            if first <= m.last + _STATEMENT_GAP:
                return True
            between = doc.text[doc.tokens[m.last].start:doc.tokens[first].start]
            if not any(doc.tokens[j].text in relative for j in range(m.last, first)) and not any(
                    q in between for q in _QUOTES):
                return True
    return False


def thread_starts(doc: Doc) -> list[int]:
    """For each sentence, the sentence that opened its thread: the last one at or before it that opens with
    a turn to another story (``time.toml`` new_thread: "من جهة أخرى"، "إلى ذلك"), else the first.  A
    sentence with no day of its own may take the day of an incident told before it in its thread only."""
    openers = load_lexicons().word_set("new_thread")
    starts, current = [], 0
    for sentence in doc.sentences:
        # the first words only (the openers are three words at most): a short slice, not the whole sentence
        opening = doc.text[sentence.start:min(sentence.end, sentence.start + 200)]
        head = opening.replace("،", " ").replace(",", " ").split()[:4]
        if head and head[0].startswith("و") and head[0][1:]:
            head[0] = head[0][1:]  # "وإلى ذلك"، "ومن جهة أخرى"
        if any(" ".join(head[:n]) in openers for n in (1, 2, 3)):
            current = sentence.index
        starts.append(current)
    return starts

