"""The reach of a time expression (codebook §5): whose day it tells and which sentences may borrow it.

Invented reports; each rule is tried on sentences that vary person, gender, number, voice and word order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.doc import Doc
from marsad.model import Article
from marsad.pipeline import STAGES, Pipeline, extract_events

PUBLISHED = date(2021, 8, 3)  # a Tuesday
_UP_TO_TIMES = Pipeline(stages=tuple(s for s in STAGES if s[0] in ("analyse", "frames", "places", "toll", "time")))


def _records(text: str, published: date | None = PUBLISHED) -> list[dict[str, Any]]:
    return [e.to_record() for e in extract_events(Article("t", text, published=published))]


def _doc(text: str) -> Doc:
    return _UP_TO_TIMES.run(Article("t", text, published=PUBLISHED))


# --- "البارحة" and "البارحة الأولى" (time.toml relative_days) --------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("قصفت طائرات حربية البارحة بلدة كفرنبل في ريف إدلب الجنوبي.", "2021-08-02"),
    ("أصيب ثلاثة مدنيين بجروح ليلة البارحة جراء سقوط قذائف هاون على حي الجديدة في مدينة بعقوبة.", "2021-08-02"),
    ("دمرت غارات التحالف جسرا في مدينة الميادين بعد منتصف البارحة الأولى.", "2021-08-01"),
    ("اغتيلت ناشطة مدنية البارحة الأولى برصاص مسلحين مجهولين في مدينة البصرة.", "2021-08-01"),
])
def test_the_night_before_and_the_one_before_that(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


# --- a day after the complementiser dates the act reported, not the statement -------------------------

@pytest.mark.parametrize("text", [
    "أعلن المرصد السوري أنه تعرضت ليل الأحد مناطق في مدينة داريا لقصف من قوات النظام.",
    "ذكرت مصادر محلية أن مساء الأحد شهد اشتباكات عنيفة في محيط مدينة دوما.",
    "أفادت الشرطة بأن الأحد شهد انفجار عبوة ناسفة قرب سوق شعبي في بعقوبة.",
])
def test_a_day_inside_what_was_said_is_not_the_statement_day(text: str) -> None:
    (sunday,) = [t for t in _doc(text).times if t.rule.kind == "weekday"]
    assert not sunday.statement
    assert sunday.resolve(PUBLISHED) == (date(2021, 8, 1), 1)


@pytest.mark.parametrize("text", [
    "أعلن المرصد السوري، الأحد، أن طائرات حربية قصفت بلدة كفرنبل.",
    "قالت الشرطة الأحد إن مسلحين هاجموا حاجزا أمنيا في بعقوبة.",
    "ذكرت مصادر طبية يوم الأحد أن ثلاثة مدنيين قتلوا بقصف على دوما.",
])
def test_a_day_before_the_complementiser_dates_the_statement(text: str) -> None:
    (sunday,) = [t for t in _doc(text).times if t.rule.kind == "weekday"]
    assert sunday.statement


# --- the present tense of going on: the time of writing --------------------------------------------------

@pytest.mark.parametrize(("text", "days"), [
    # the first sentence's day does not carry over to what is going on now
    ("دارت اشتباكات عنيفة صباح أمس بين قوات النظام والفصائل في مدينة حرستا. كما تدور اشتباكات عنيفة بين قوات "
     "النظام والفصائل في أطراف حي جوبر.",
     ["2021-08-02", "2021-08-03"]),
    ("قتل جندي أمس بانفجار عبوة ناسفة في مدينة الرمادي. ولا تزال المعارك مستمرة بين الجيش ومسلحي داعش في قضاء هيت.",
     ["2021-08-02", "2021-08-03"]),
    ("اقتحم محتجون مبنى المحافظة في البصرة أمس. وتتواصل الاحتجاجات في مدينة الناصرية.",
     ["2021-08-02", "2021-08-03"]),
])
def test_what_goes_on_now_is_dated_on_publication(text: str, days: list[str]) -> None:
    assert sorted(r["event_date"] for r in _records(text)) == days


@pytest.mark.parametrize("text", [
    "تتواصل المظاهرات منذ أسبوع في مدينة البصرة.",  # a span with "since": its days are its own
    "ذكر مسؤولون أن عددا من الرهائن لا يزال داخل المبنى في مدينة كركوك.",  # the subject is no event
    "وقال المتحدث إن القوات تستمر في عملها لحماية المدنيين في الموصل.",
])
def test_a_verb_of_going_on_dates_only_an_event_word_without_since(text: str) -> None:
    assert not [t for t in _doc(text).times if t.tense]


def test_a_time_word_of_the_clause_wins_over_the_tense() -> None:
    text = "تدور منذ صباح أمس اشتباكات عنيفة بين داعش والفصائل في القلمون الشرقي."
    assert not [t for t in _doc(text).times if t.tense]
    text = "تدور اشتباكات عنيفة أمس بين قوات النظام والفصائل في محيط مدينة دوما."
    assert [r["event_date"] for r in _records(text)] == ["2021-08-02"]


# --- a turn to another story: no day borrowed across it --------------------------------------------------

@pytest.mark.parametrize(("text", "days"), [
    ("قصفت طائرات حربية أمس بلدة اليادودة في ريف درعا. من جهة أخرى، نفذ الطيران الحربي ست غارات على بلدة سلمى في "
     "ريف اللاذقية.", ["2021-08-02", "2021-08-03"]),
    ("قصفت قوات النظام، السبت، بالمدفعية قرية الزيادية في سهل الغاب. إلى ذلك، قصفت الفصائل بالمدفعية قرية الفوعة "
     "في ريف إدلب.", ["2021-07-31", "2021-08-03"]),
    ("انفجرت عبوة ناسفة أمس قرب سوق شعبي في بعقوبة. وفي سياق آخر، انفجرت عبوتان ناسفتان على طريق زراعي في قضاء "
     "الطارمية.", ["2021-08-02", "2021-08-03"]),
])
def test_no_day_is_borrowed_across_a_turn_to_another_story(text: str, days: list[str]) -> None:
    assert sorted(r["event_date"] for r in _records(text)) == days


def test_a_day_is_still_borrowed_within_the_story() -> None:
    """The control: without the turn, a sentence with no day of its own takes the day told before it."""
    text = ("قصفت طائرات حربية أمس بلدة اليادودة في ريف درعا. ونفذ الطيران الحربي ست غارات على بلدة الكرك "
            "الشرقي في ريف درعا.")
    assert sorted(r["event_date"] for r in _records(text)) == ["2021-08-02", "2021-08-02"]


# --- a night named by the two days it joins (time.toml night, night_links, after_midnight) ----------------

@pytest.mark.parametrize(("text", "day"), [
    ("قصفت طائرات حربية بعد منتصف ليل الأحد - الاثنين بلدة كفرنبل في ريف إدلب.", date(2021, 8, 2)),
    ("شنت المقاتلات الروسية غارات على مدينة دوما فيما بعد منتصف ليلة السبت على الأحد.", date(2021, 8, 1)),
    ("قُتل ثلاثة مدنيين ليلة السبت إلى الأحد برصاص مسلحين مجهولين في مدينة البصرة.", date(2021, 7, 31)),
    ("اقتحم متظاهرون غاضبون مبنى المحافظة في الناصرية ليل الأحد الاثنين.", date(2021, 8, 1)),
    ("وليل الجمعة-السبت، انفجرت عبوتان ناسفتان بدورية للجيش قرب بلدة الطارمية.", date(2021, 7, 30)),
])
def test_a_night_of_two_days_is_its_first_day_unless_after_midnight(text: str, day: date) -> None:
    (night,) = [t for t in _doc(text).times if t.rule.kind == "weekday"]
    assert night.resolve(PUBLISHED) == (day, 1)


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام يومي الأحد والاثنين بلدات في ريف درعا الشرقي.",  # two days, not a night
    "تواصلت الاشتباكات ليل الأحد الثلاثاء الماضي في محيط مدينة بيجي.",  # not neighbouring days
])
def test_two_days_that_name_no_night_stay_two(text: str) -> None:
    assert len([t for t in _doc(text).times if t.rule.kind == "weekday"]) == 2


def test_the_night_after_midnight_dates_the_event() -> None:
    text = "ألقى الطيران المروحي بعد منتصف ليل الأحد- الاثنين براميل متفجرة على مدينة داريا في الغوطة الغربية."
    assert [r["event_date"] for r in _records(text)] == ["2021-08-02"]


# --- a part of a month told relative to publication (time.toml earlier, month_parts) ----------------------

@pytest.mark.parametrize(("text", "day"), [
    ("وفي وقت سابق من هذا الشهر، قتل جنديان في هجوم على حاجز في ريف حماة.", date(2021, 8, 1)),
    ("قصفت الفصائل في وقت سابق الشهر الجاري مواقع للجيش في ريف إدلب.", date(2021, 8, 1)),
    ("اختطف مسلحون مجهولون ناشطة أواخر الشهر الماضي في مدينة العمارة.", date(2021, 7, 31)),
    ("تظاهر المئات منتصف الشهر الماضي أمام مبنى المحافظة في البصرة.", date(2021, 7, 15)),
    ("قتل جنديان مطلع الشهر الجاري في هجوم على حاجز في صحراء الأنبار.", date(2021, 8, 1)),
    ("قال الجيش إن مسلحين هاجموا نقطة تفتيش أواخر الشهر الحالي.", date(2021, 8, 3)),  # not past publication
])
def test_a_part_of_a_relative_month_is_dated_like_a_part_of_a_named_one(text: str, day: date) -> None:
    (month,) = [t for t in _doc(text).times if t.rule.precision == 3]
    assert month.resolve(PUBLISHED) == (day, 3)


@pytest.mark.parametrize("text", [
    "وفي وقت سابق من هذا الشهر، قتل جنديان في هجوم على حاجز في ريف حماة.",
    "قصفت الفصائل في وقت سابق الشهر الجاري مواقع للجيش في ريف إدلب.",
    "أصيب ثلاثة عناصر من الشرطة بانفجار عبوة ناسفة في وقت سابق من الشهر الحالي في قضاء الطارمية.",
])
def test_earlier_this_month_is_its_middle_once_that_is_past(text: str) -> None:
    late = date(2021, 8, 27)
    (month,) = [t for t in _UP_TO_TIMES.run(Article("t", text, published=late)).times if t.rule.precision == 3]
    assert month.resolve(late) == (date(2021, 8, 15), 3)


def test_a_relative_month_alone_keeps_its_reading() -> None:
    (month,) = [t for t in _doc("قتل ثلاثة مدنيين هذا الشهر بقصف على مدينة دوما.").times if t.rule.precision == 3]
    assert month.rule.kind == "month_back"


# --- days that are not lent to a later sentence with no day of its own (consolidate._lends_its_day) ------

@pytest.mark.parametrize(("text", "days"), [
    ("قال مصدر أمني الأحد إن طائرات حربية قصفت بلدة كفرنبل في ريف إدلب. وقصفت طائرات حربية أيضا مدينة خان شيخون.",
     ["2021-08-01", "2021-08-03"]),
    ("أعلنت خلية الإعلام الأمني في بيان السبت أن عبوة ناسفة انفجرت بدورية للجيش في قضاء الطارمية. وانفجرت عبوة "
     "ناسفة أخرى بدورية للشرطة في قضاء المدائن.", ["2021-07-31", "2021-08-03"]),
    ("ذكرت وكالة الأنباء الرسمية يوم الاثنين أن مسلحين هاجموا حاجزا للجيش في مدينة درعا. وهاجم مسلحون حاجزا آخر في "
     "بلدة طفس.", ["2021-08-02", "2021-08-03"]),
])
def test_a_statement_day_is_not_lent(text: str, days: list[str]) -> None:
    """The day of a statement stands in for the incident it reports, not for the next one told."""
    assert sorted(r["event_date"] for r in _records(text)) == days


@pytest.mark.parametrize(("text", "days"), [
    ("وكانت طائرات حربية قد قصفت أمس الأول بلدة كفرنبل في ريف إدلب. وقصفت طائرات حربية أيضا مدينة خان شيخون.",
     ["2021-08-01", "2021-08-03"]),
    ("وكان مسلحون قد هاجموا الخميس الماضي حاجزا للجيش في مدينة درعا. وهاجم مسلحون حاجزا آخر في بلدة طفس.",
     ["2021-07-29", "2021-08-03"]),
    ("وكانت عبوة ناسفة انفجرت السبت بدورية للجيش في قضاء الطارمية. وانفجرت عبوة ناسفة أخرى بدورية للشرطة في قضاء "
     "المدائن.", ["2021-07-31", "2021-08-03"]),
])
def test_a_recollections_day_is_not_lent(text: str, days: list[str]) -> None:
    assert sorted(r["event_date"] for r in _records(text)) == days


def test_an_incidents_own_day_is_still_lent() -> None:
    """The control: the incident told in so many words, not recalled, lends its day to the next sentence."""
    text = "قصفت طائرات حربية الأحد بلدة كفرنبل في ريف إدلب. وقصفت طائرات حربية أيضا مدينة خان شيخون."
    assert sorted(r["event_date"] for r in _records(text)) == ["2021-08-01", "2021-08-01"]


@pytest.mark.parametrize(("text", "days"), [
    ("وكان محتجون قد اقتحموا أمس الأول مبنى محافظة كربلاء،\nبينما اندلعت مظاهرات أيضا في مدينة النجف.",
     ["2021-08-01", "2021-08-01"]),
    ("وكانت طائرات حربية قد قصفت الأحد بلدة كفرنبل في ريف إدلب.\nفيما قصفت طائرات حربية أيضا مدينة خان شيخون.",
     ["2021-08-01", "2021-08-01"]),
    ("وكان مسلحون قد هاجموا الخميس الماضي حاجزا للجيش في مدينة درعا.\nفي حين هاجم مسلحون آخرون حاجزا في بلدة طفس.",
     ["2021-07-29", "2021-07-29"]),
])
def test_what_goes_on_at_the_same_time_as_a_recollection_shares_its_day(text: str, days: list[str]) -> None:
    """"بينما"، "فيما"، "في حين" (time.toml simultaneous) tie a sentence to the time of the one before it."""
    assert sorted(r["event_date"] for r in _records(text)) == days


# --- "قبل خمسة أيام"، "قبل 4 أيام": so many days before publication (time.toml relative_days) ---------------

@pytest.mark.parametrize(("text", "day"), [
    ("قصفت طائرات حربية قبل 5 أيام بلدة كفرنبل في ريف إدلب.", "2021-07-29"),
    ("اغتيل ناشط مدني قبل أربعة أيام برصاص مسلحين مجهولين في مدينة البصرة.", "2021-07-30"),
    ("قالت الشرطة إن عبوة ناسفة انفجرت قبل ستة أيام بدورية للجيش في قضاء الطارمية.", "2021-07-28"),
])
def test_so_many_days_ago(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


def test_so_many_days_before_another_event_is_not_counted_from_publication() -> None:
    text = "قتل عشرة مدنيين في هجوم شنه التنظيم على قرى محافظة السويداء قبل خمسة أيام من الانتخابات."
    assert not [t for t in _doc(text).times if t.rule.kind == "days_back"]


# --- "قبل 12 يوما": a count of days within the coded month is that day (time._ago) -------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("قصفت طائرات حربية قبل 12 يوما بلدة كفرنبل في ريف إدلب.", "2021-07-22"),
    ("اغتيلت ناشطة مدنية برصاص مسلحين مجهولين في مدينة البصرة قبل أحد عشر يوما.", "2021-07-23"),
    ("قالت الشرطة إن عبوة ناسفة انفجرت قبل نحو 15 يوما بدورية للجيش في قضاء الطارمية.", "2021-07-19"),
    ("قبل عشرين يوما، اقتحم متظاهرون غاضبون مبنى المحافظة في مدينة الناصرية.", "2021-07-14"),
])
def test_a_count_of_days_within_the_month_is_that_day(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


@pytest.mark.parametrize("text", [
    "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب قبل نحو أسبوعين.",
    "اقتحم متظاهرون مبنى المحافظة في مدينة الناصرية قبل ثلاثة أسابيع.",
    "اغتيل ناشط مدني برصاص مسلحين مجهولين في مدينة البصرة قبل شهر.",
])
def test_a_week_or_month_so_near_is_no_exact_day(text: str) -> None:
    assert not [t for t in _doc(text).times if t.rule.kind == "days_back"]


# --- "وقبلها بيومين"، "وفي اليوم التالي": a day counted from the day told before it (time._counted_from_told) --

@pytest.mark.parametrize(("text", "days"), [
    ("اغتيلت ناشطة مدنية الخميس الماضي في مدينة البصرة. وقبلها بيومين اغتيل ناشط برصاص مسلحين في مدينة العمارة.",
     ["2021-07-27", "2021-07-29"]),
    ("قصفت طائرات حربية بلدة كفرنبل في ريف إدلب يوم السبت. وبعد ذلك بيوم قصفت الطائرات بلدة معرة النعمان.",
     ["2021-07-31", "2021-08-01"]),
    ("اقتحم متظاهرون مبنى المحافظة في مدينة الناصرية أول أمس. وفي اليوم التالي أحرق محتجون مقر حزب في مدينة "
     "البصرة.", ["2021-08-01", "2021-08-02"]),
    ("انفجرت عبوة ناسفة بدورية للجيش في قضاء الطارمية الأحد. وكان مسلحون قد هاجموا في اليوم السابق حاجزا للشرطة "
     "في مدينة بعقوبة.", ["2021-07-31", "2021-08-01"]),
])
def test_a_day_counted_from_the_day_told_before(text: str, days: list[str]) -> None:
    assert sorted(r["event_date"] for r in _records(text)) == days


@pytest.mark.parametrize(("text", "day"), [
    ("قتل ثلاثة مدنيين في قصف على مدينة دوما الأحد، وبعد ذلك بثلاثة أيام قتل اثنان آخران.", date(2021, 8, 4)),
    ("أعلنت الشرطة أن ناشطا اغتيل الجمعة في البصرة، وقبله بساعات خطف مسلحون صحفيا.", date(2021, 7, 30)),
    ("اعتقلت القوات الأمنية عشرة متظاهرين في الناصرية يوم 25 تموز، وفي اليوم التالي أفرجت عنهم.", date(2021, 7, 26)),
])
def test_the_counted_day_is_read_from_the_day_before_it(text: str, day: date) -> None:
    counted = [t for t in _doc(text).times if t.rule.kind == "date" and t.rule.precision == 1][-1]
    assert counted.resolve(PUBLISHED) == (day, 1)


@pytest.mark.parametrize("text", [
    "وبعد ذلك بيومين اقتحم متظاهرون مبنى المحافظة في مدينة الناصرية.",  # no day told before it
    "أعلن الجيش الأحد أنه سيهاجم البلدة، وفي اليوم التالي انسحب المسلحون منها.",  # a statement's day is no anchor
    "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب، وبعد ذلك بأيام قصفت بلدة معرة النعمان.",  # a vague count
])
def test_no_day_is_counted_without_an_exact_day_of_an_act_before_it(text: str) -> None:
    assert not [t for t in _doc(text).times if t.rule.kind == "date"]


@pytest.mark.parametrize("text", [
    "قصفت طائرات حربية بلدة كفرنبل الأحد. وفي اليوم التالي لسيطرة القوات على البلدة قتل اثنان في قصف على معرة النعمان.",
    "اعتقلت الشرطة ناشطين في البصرة أمس. وفي اليوم السابق للانتخابات اقتحم متظاهرون مبنى المحافظة في الناصرية.",
    "انفجرت عبوة ناسفة في الطارمية السبت، وفي اليوم التالي لانسحاب الجيش هاجم مسلحون حاجزا في بعقوبة.",
])
def test_the_day_after_another_named_event_is_neither_counted_nor_today(text: str) -> None:
    times = _doc(text).times
    assert not [t for t in times if t.rule.kind == "date"]
    assert not [t for t in times if t.rule.kind == "days_back" and t.rule.n == 0]


# --- a statement in a relative clause describes a noun; it is no anchor (time._described_statement) -------

@pytest.mark.parametrize(("text", "day"), [
    ("رغم الإجراءات التي أعلنت عنها الحكومة السبت، تظاهر المئات أمس أمام مبنى المحافظة في مدينة البصرة.",
     "2021-08-02"),
    ("وبعد الهدنة التي أعلنها الجيش الأحد، قصفت طائرات حربية أمس بلدة كفرنبل في ريف إدلب.", "2021-08-02"),
    ("وبعد الانسحاب الذي أعلنه التنظيم الاثنين، انفجرت عبوة ناسفة صباح اليوم بدورية للجيش في قضاء الطارمية.",
     "2021-08-03"),
])
def test_a_described_statements_day_is_no_anchor(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


def test_the_reporting_statements_day_is_still_the_anchor() -> None:
    text = "أعلنت الحكومة السبت أن متظاهرين اقتحموا أمس مبنى المحافظة في مدينة البصرة."
    assert [r["event_date"] for r in _records(text)] == ["2021-07-30"]


@pytest.mark.parametrize(("text", "day"), [
    ("لليوم الثالث على التوالي، خرج متظاهرون غاضبون الخميس إلى شوارع مدينة البصرة.", "2021-07-29"),
    ("وتظاهر المئات لليوم الثاني أمام مبنى محافظة كربلاء يوم الأحد.", "2021-08-01"),
    ("واصلت طائرات حربية لليوم الخامس على التوالي قصف بلدة كفرنبل في ريف إدلب أمس.", "2021-08-02"),
])
def test_a_count_of_days_yields_to_a_day_word(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


def test_a_count_of_days_alone_is_the_time_of_writing() -> None:
    text = "خرج آلاف المتظاهرين لليوم الرابع على التوالي إلى شوارع مدينة البصرة."
    assert [r["event_date"] for r in _records(text)] == ["2021-08-03"]


# --- a demonstrative before a definite noun points back: the sentence goes on with the story told before it --
# (time.toml back_reference; consolidate._points_back)

@pytest.mark.parametrize(("text", "days"), [
    ("هاجم مسلحون متشددون أمس محلا لبيع المشروبات في مدينة البصرة. ونظمت هذه الجماعات تظاهرة غاضبة وسط مدينة"
     " البصرة احتجاجا على بيع المشروبات.", ["2021-08-02", "2021-08-02"]),
    ("اقتحم مسلحون مجهولون فجر الأحد قرية في ريف ديالى وقتلوا ثلاثة مدنيين. وخرج أهالي هذه القرية في تظاهرة"
     " سلمية وسط مدينة بعقوبة.", ["2021-08-01", "2021-08-01"]),
    ("نظمت عشرات النساء أمس وقفة احتجاجية في مدينة الموصل. وتعرضت هذه الوقفة لهجوم بقنبلة يدوية ألقاها مجهولون"
     " في الموصل.", ["2021-08-02", "2021-08-02"]),
])
def test_a_sentence_that_points_back_takes_the_day_of_the_story(text: str, days: list[str]) -> None:
    assert [r["event_date"] for r in _records(text)] == days


def test_this_time_is_another_time_not_a_pointer_back() -> None:
    text = ("قصفت طائرات حربية أمس بلدة كفرنبل في ريف إدلب. وتظاهر هذه المرة مئات من أهالي بلدة سراقب في ريف"
            " إدلب.")
    assert [r["event_date"] for r in _records(text)] == ["2021-08-02", "2021-08-03"]



@pytest.mark.parametrize("text", [
    "قصفت طائرات حربية أمس بلدة كفرنبل في ريف إدلب. ولم يؤكد أي مصدر وقوع مثل هذه الاشتباكات في بلدة سراقب بريف إدلب.",
    "قصفت طائرات حربية أمس بلدة كفرنبل في ريف إدلب. واندلعت مثل تلك المواجهات بين الفصائل وقوات النظام في بلدة سراقب"
    " بريف إدلب.",
    "قصفت طائرات حربية أمس بلدة كفرنبل في ريف إدلب. وتتكرر بمثل تلك الاشتباكات معاناة أهالي بلدة سراقب بريف إدلب.",
])
def test_such_an_incident_is_a_kind_not_the_incident_told(text: str) -> None:
    assert [r["event_date"] for r in _records(text)][1:] == ["2021-08-03"]


# --- in one clause an exact day tells the incident, a vague span only frames the story (mentions._event_date) --

@pytest.mark.parametrize(("text", "day"), [
    ("امتدت الاحتجاجات قبل أيام إلى مدينة الديوانية، حيث فرقت قوات الأمن المتظاهرين بالقوة مما أدى إلى مقتل شخصين"
     " الأحد.", "2021-08-01"),
    ("اشتدت المعارك الأسبوع الماضي في محيط مدينة مارع، وقتل فيها ثلاثة مقاتلين من الفصائل يوم السبت.", "2021-07-31"),
    ("تواصل القصف خلال الأيام الماضية على بلدة كفرنبل في ريف إدلب، وقُتلت امرأتان بقذيفة سقطت على منزلهما أمس.",
     "2021-08-02"),
    ("قبل أيام، أقدم مسلحون مجهولون على اغتيال ناشطة في مدينة البصرة يوم الجمعة.", "2021-07-30"),
])
def test_an_exact_day_outranks_a_vague_span_in_its_clause(text: str, day: str) -> None:
    assert [(r["event_date"], r["time_precision"]) for r in _records(text)] == [(day, 1)]




@pytest.mark.parametrize(("text", "days"), [
    ("شن الطيران الأمريكي العام الماضي غارات على قاعدة الشعيرات بعد هجوم مفترض، وحذر الرئيس السبت من رد قاس.", []),
    ("قصفت طائرات حربية في يونيو الماضي بلدة سراقب بريف إدلب، وعاد إليها النازحون الجمعة.", []),
    ("فجر انتحاري نفسه العام الماضي في سوق ببغداد، وقد تذكره الأهالي الأحد.", []),
    ("هاجمت عناصر داعش الشهر الماضي قرى في ريف كركوك، وروى الناجون ما جرى أمس.", ["2021-07-15"]),
])
def test_a_month_or_year_in_the_clause_keeps_the_time_words_in_order(text: str, days: list[str]) -> None:
    assert [r["event_date"] for r in _records(text)] == days


# --- a sentence opening with a verb of explaining details the report before it (time.toml elaborating) -------

@pytest.mark.parametrize(("text", "days"), [
    ("قتل وأصيب تسعة عراقيين في حوادث متفرقة أمس في بغداد. وأوضح مصدر أمني أن عبوة ناسفة انفجرت قرب سوق شعبي في"
     " منطقة المدائن فقتلت شخصا.", ["2021-08-02", "2021-08-02"]),
    ("خرجت تظاهرات غاضبة يوم الأحد في مدينة الناصرية. وأوضحت الشرطة أن مسلحين مجهولين أطلقوا النار على حاجز أمني في"
     " الناصرية فقتلوا شرطيا.", ["2021-08-01", "2021-08-01"]),
    ("اشتبك مقاتلو الفصائل مع قوات النظام أمس في ريف حماة الشمالي. وبيّن ناشطون أن الطيران الحربي قصف بلدة كفرزيتا في"
     " ريف حماة.", ["2021-08-02", "2021-08-02"]),
    ("اشتبك مقاتلو الفصائل مع قوات النظام أمس في ريف حماة الشمالي. وقال ناشطون إن الطيران الحربي قصف بلدة كفرزيتا في"
     " ريف حماة.", ["2021-08-02", "2021-08-03"]),
])
def test_a_verb_of_explaining_details_the_report_before_it(text: str, days: list[str]) -> None:
    assert [r["event_date"] for r in _records(text)] == days


# --- a day right after the event word is that event's ("مظاهرات الجمعة الماضي") ----------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("تعقد الحكومة اليوم اجتماعا طارئا لبحث مطالب مظاهرات الجمعة الماضي في ساحة التحرير وسط بغداد.", "2021-07-30"),
    ("يناقش مجلس المحافظة اليوم تداعيات تفجير يوم الأحد في سوق مدينة الحلة.", "2021-08-01"),
    ("زارت الوزيرة أمس بلدة أريحا في ريف إدلب لتفقد آثار قصف السبت الماضي على سوقها.", "2021-07-31"),
])
def test_a_day_right_after_the_event_word_is_its_own(text: str, day: str) -> None:
    """A day that follows the event word straight away belongs to it ("مظاهرات الجمعة": Friday's
    demonstrations), not another day its sentence names for something else (a meeting, a visit)."""
    assert day in [r["event_date"] for r in _records(text)]


def test_a_day_after_a_second_event_word_is_not_the_first_ones() -> None:
    """Only the first event word's day: "قتل 16 شخصا الخميس ... تشييع مقاتلين قتلوا الأربعاء" is Thursday's."""
    text = "قتل ستة أشخاص الخميس بانفجار عبوة ناسفة خلال تشييع جنود قتلوا الأربعاء في ناحية العلم شرقي تكريت."
    assert [r["event_date"] for r in _records(text)][:1] == ["2021-07-29"]


# --- a day in a relative clause tells what the clause says of a noun ("الرهائن الذين خطفهم الشهر الماضي") ------

@pytest.mark.parametrize(("text", "day"), [
    ("أعدم التنظيم اثنين من الرهائن الذين خطفهم الشهر الماضي، مساء الأحد، في بادية السويداء الشرقية.", "2021-08-01"),
    ("قصفت طائرات حربية المستشفى الذي افتتحته المنظمة في 20 تموز، فجر اليوم، في بلدة كفرنبل بريف إدلب.",
     "2021-08-03"),
    ("اعتقلت قوات الأمن الناشطات اللواتي رفعن لافتات في تموز الماضي، صباح أمس، في مدينة الناصرية.", "2021-08-02"),
])
def test_a_day_in_a_relative_clause_yields_to_the_sentences_own(text: str, day: str) -> None:
    """A time word in a relative clause after the event word dates what the clause says of its noun (the
    hostages taken last month); the act itself keeps the sentence's other day."""
    assert [r["event_date"] for r in _records(text)] == [day]


# --- of two days in a clause, the one nearest the event word dates it ---------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("عقب جولة بدأها الوزير الأحد في المحافظة، انفجرت عبوة ناسفة الثلاثاء قرب موكبه في مدينة الرمادي.", "2021-08-03"),
    ("بعد اجتماع عقده المحافظ الخميس مع شيوخ العشائر، تظاهر مئات الشبان أمس أمام مبنى المحافظة في الناصرية.",
     "2021-08-02"),
    ("ومع اقتراب الموعد الذي حددته اللجنة منتصف تموز الماضي، قصفت طائرات حربية أمس سوق مدينة أريحا.", "2021-08-02"),
])
def test_the_day_nearest_the_event_word_dates_it(text: str, day: str) -> None:
    """Two time words in one clause: the one nearest the event's first word is its day; the other dates a
    visit, a meeting, a deadline told around it."""
    assert [r["event_date"] for r in _records(text)] == [day]


# --- "ago" beyond the coded month (time.toml ago_*) -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "اعترف الجيش الإسرائيلي بأنه نفذ الغارة قبل 11 عاما على موقع في ريف دير الزور.",  # digits, years, active
    "قصفت الطائرات الحربية مدينة الرقة قبل عامين، بحسب التقرير.",  # a dual
    "قتل ثلاثة جنود في هجوم على قرية قرب الموصل قبل نحو ثلاثة أشهر.",  # a word count, months, passive
    "فجر انتحاري نفسه في سوق مدينة الحلة قبل سنوات، وقالت الشرطة إن التحقيق انتهى.",  # a bare plural
])
def test_an_act_told_as_years_or_months_ago_is_no_event_of_the_article(text: str) -> None:
    assert _records(text) == [], text


@pytest.mark.parametrize(("text", "day"), [
    ("قتل جندي بانفجار عبوة ناسفة قرب مدينة الموصل قبل نحو أسبوعين.", None),  # within the month: left as it was
    ("اقتحم مسلحون قرية في ريف كركوك قبل عامين من الانتخابات، وقتل اليوم شرطي في المدينة.", "2021-08-03"),
])
def test_an_ago_within_the_month_or_counted_from_another_event_is_left(text: str, day: str | None) -> None:
    records = _records(text)
    assert records, text
    if day is not None:
        assert day in [r["event_date"] for r in records]


# --- a later sentence with only a week or month does not move an incident told with its day ----------------
# (consolidate._redate)

@pytest.mark.parametrize(("text", "day"), [
    ("قصفت طائرات حربية مستشفى في مدينة درعا يوم الأحد. وأدت المعارك الأسبوع الماضي إلى نزوح آلاف المدنيين.",
     "2021-08-01"),
    ("اغتال مسلحون مجهولون ناشطا مدنيا في مدينة العمارة يوم السبت. وتصاعدت عمليات الاغتيال في المدينة الأسبوع "
     "الماضي.", "2021-07-31"),
    ("أطلق الجيش قذائف على قرية في ريف حماة فجر الاثنين. وتصاعد القصف خلال الأسبوع الماضي.", "2021-08-02"),
])
def test_a_vaguer_time_told_later_keeps_the_incidents_day(text: str, day: str) -> None:
    assert [(r["event_date"], r["time_precision"]) for r in _records(text)] == [(day, 1)]


def test_an_exact_day_told_later_still_dates_the_incident() -> None:
    text = "انفجرت عبوة ناسفة بدورية للجيش في قضاء الطارمية. وقال مصدر أمني إن الانفجار وقع مساء السبت."
    assert [r["event_date"] for r in _records(text)] == ["2021-07-31"]


# --- a span counted back past the calendar's first day is no day: no crash, no date ----------------------

@pytest.mark.parametrize("text", [
    "قال علماء إن قصفا دمر مدينة أثرية بنيت قبل 3000 عام في ريف حمص.",
    "استهدفت غارة جوية قلعة يعود تاريخها إلى ما قبل عشرة آلاف عام في مدينة تدمر أمس.",
    "قتل مدنيان بقصف على كنيسة بنيت منذ 2500 سنة في بلدة معلولا.",
])
@pytest.mark.parametrize("published", [PUBLISHED, None])
def test_a_span_back_past_the_calendar_is_no_day(text: str, published: date | None) -> None:
    for record in _records(text, published):
        assert record["event_date"] is None or record["event_date"] >= "2000-01-01"
