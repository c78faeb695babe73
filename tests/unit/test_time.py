"""Relative and explicit dates resolve against publication (codebook §5)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.doc import Doc
from marsad.extract.analyse import analyse
from marsad.extract.time import TimeRule, find_times, resolve_rule
from marsad.model import Article
from marsad.text.normalise import normalise

PUB = date(2021, 8, 3)  # a Tuesday


def times(text: str, published: date | None = PUB):
    doc = Doc(article=Article("t", text, published=published), norm=normalise(text))
    analyse(doc)
    find_times(doc)
    return doc, [(t.resolve(published), t) for t in doc.times]


@pytest.mark.parametrize("text,expected,precision", [
    ("هجوم ليل أمس", date(2021, 8, 2), 1),
    ("هجوم أمس", date(2021, 8, 2), 1),
    ("هجوم الليلة الماضية", date(2021, 8, 2), 1),
    ("هجوم اليوم", date(2021, 8, 3), 1),
    ("هجوم أول أمس", date(2021, 8, 1), 1),
    ("هجوم أمس الأول", date(2021, 8, 1), 1),
    ("هجوم يوم الأحد", date(2021, 8, 1), 1),
    ("هجوم فجر الثلاثاء", date(2021, 8, 3), 1),
    ("هجوم الثلاثاء الماضي", date(2021, 7, 27), 1),
    ("هجوم الخميس", date(2021, 7, 29), 1),
    ("هجوم الأسبوع الماضي", date(2021, 7, 28), 2),  # the middle (Wednesday) of the week before
    ("في 24 تموز الماضي", date(2021, 7, 24), 1),
    ("في 2 آب", date(2021, 8, 2), 1),
    ("في 19 مارس 2017", date(2017, 3, 19), 1),
    ("في 8 يوليو/تموز الجاري", date(2021, 7, 8), 1),
    ("هجوم صباح أمس الأول", date(2021, 8, 1), 1),
    ("هجوم قبل أسبوع", date(2021, 7, 27), 2),
    ("هجوم بتاريخ 28/7/2021.", date(2021, 7, 28), 1),
    ("هجوم يوم 2021-07-30", date(2021, 7, 30), 1),
    ("هجوم يوم 30.07.2021.", date(2021, 7, 30), 1),
    ("في الثامن والعشرين من الشهر الماضي", date(2021, 7, 28), 1),
    ("في الأول من الشهر الجاري", date(2021, 8, 1), 1),
    ("في الأول من الشهر الجاري", date(2021, 8, 1), 1),
    ("في الثامن من الشهر الحالي", date(2021, 8, 8), 1),
    ("في أواخر تموز الماضي", date(2021, 7, 31), 3),
    ("أوائل آذار", None, None),
    ("في 15 تشرين الأول 2020", date(2020, 10, 15), 1),
    ("في 5 ذو الحجة 1442", date(2021, 7, 15), 1),
    # a day counted in words or hours, ten days back, the night before last, the week before last
    ("قتل جندي قبل يوم واحد", date(2021, 8, 2), 1),
    ("اختطفت ناشطتان قبل 48 ساعة", date(2021, 8, 1), 1),
    ("تظاهر المئات قبل عشرة أيام", date(2021, 7, 24), 1),
    ("سقطت قذائف على الحي قبل 10 أيام", date(2021, 7, 24), 1),
    ("استهدفت غارات البلدة الليلة قبل الماضية", date(2021, 8, 1), 1),
    ("اقتحم محتجون المبنى الأسبوع قبل الماضي", date(2021, 7, 21), 2),
])
def test_expressions(text, expected, precision):
    _, found = times(text)
    if expected is None:
        assert all(r is None or r[1] == 3 for r, _ in found)
        return
    assert found, f"no time found in {text!r}"
    resolved, _ = found[0]
    assert resolved == (expected, precision)


@pytest.mark.parametrize("text", [
    "أغلقت السلطات الطرق قبل يوم من الانتخابات",
    "اعتقل الناشط قبل يوم على بدء الاحتجاجات",
    "انسحب المسلحون قبل يومين من وصول القوات",
])
def test_days_before_something_else_are_not_counted_from_publication(text):
    """"قبل يوم من الانتخابات": a day counted back from another event, not from publication."""
    _, found = times(text)
    assert not any(t.rule.kind == "days_back" for _, t in found)


def test_statement_day_is_marked():
    _, found = times("أعلن الجيش التركي، السبت، أنه نفذ ضربات جوية")
    assert found[0][1].statement


@pytest.mark.parametrize("text", [
    "اعتقلت قوات الأمن ثلاثة شبان من أبناء الحي الشمالي في المدينة صباح الأحد، بحسب ناشطين",
    "اعتصمت عشرات النساء من أهالي المعتقلين أمام مبنى المحكمة في وسط العاصمة مساء أمس وفقا لناشطين",
    "خطف مسلحون مجهولون طبيبا يعمل في مستشفى البلدة الوحيد منذ سنوات قبل أيام حسب مصادر محلية",
    "وأطلق الجنود النار على سيارة كانت تقل عائلة من أربعة أفراد عند مدخل القرية الخميس، وفق مصدر طبي",
])
def test_day_before_a_source_is_not_a_statement_day(text):
    """"بحسب"، "وفقا"، "حسب"، "وفق" name a source: they have no day of their own, so the day right before
    them dates the clause it ends (unlike "وفي وقت سابق الخميس أفاد ضابط")."""
    _, found = times(text)
    assert found and not any(t.statement for _, t in found)


def test_day_before_a_statement_verb_is_still_the_statement_day():
    _, found = times("وفي وقت سابق الخميس أفاد ضابط في الشرطة بأن مسلحين هاجموا الحاجز")
    assert found[0][1].statement


@pytest.mark.parametrize("text", [
    "قتل مسلح أحد أقرباء المحافظ الأحد في البلدة",
    "نقل الجرحى إلى أقرب مستشفى صباح أمس",
    "ضبطت الشرطة أقراصا مخدرة في المدينة السبت",
])
def test_words_that_begin_like_aqarra_are_no_statement_verbs(text):
    """"أقرّ" (acknowledged) reports; "أقرباء" (relatives), "أقرب" (nearest), "أقراص" (pills) do not, so the
    day after them is the act's own."""
    _, found = times(text)
    assert found and not any(t.statement for _, t in found)


def test_future_day_is_marked():
    _, found = times("في موعد لا يتجاوز الأحد المقبل")
    assert found[0][1].future


def test_monday_is_not_the_number_two():
    _, found = times("وإصابة اثنين آخرين")
    assert found == []


@given(st.sampled_from(["days_back", "weekday", "period", "month_back"]), st.integers(0, 60),
       st.booleans(), st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)))
def test_resolver_is_total(kind, n, strict, anchor):
    rule = TimeRule(kind, n=n % 7 if kind == "weekday" else n, strict=strict, precision=2)
    resolved = resolve_rule(rule, anchor)
    assert resolved is not None and resolved[0] <= anchor
    assert resolve_rule(rule, None) is None


@pytest.mark.parametrize("text,published,expected", [
    # last week is the week before the publication's (Sunday to Saturday): its middle, precision 2
    ("قصفت الطائرات القرية الأسبوع الماضي", date(2021, 8, 3), date(2021, 7, 28)),
    ("اعتقلت القوات ثلاثة مطلوبين الأسبوع المنصرم", date(2018, 6, 25), date(2018, 6, 20)),
    ("خرج المتظاهرون الأسبوع الماضي إلى الشوارع", date(2021, 8, 7), date(2021, 7, 28)),
    ("وقع الانفجار هذا الأسبوع", date(2021, 8, 5), date(2021, 8, 4)),
    ("وقع الانفجار هذا الأسبوع", date(2021, 8, 2), date(2021, 8, 2)),  # never after publication
])
def test_weeks_are_dated_on_their_middle(text, published, expected):
    _, found = times(text, published)
    assert found[0][0] == (expected, 2)


@pytest.mark.parametrize("text,expected", [
    ("قتل جندي في 4 من الشهر الجاري", date(2021, 8, 4)),
    ("اعتقلت الشرطة مطلوبين يوم 2 من الشهر الحالي", date(2021, 8, 2)),
    ("أصيبت امرأتان في 28 من الشهر الماضي", date(2021, 7, 28)),
    ("وفي 30 الشهر الماضي قصفت المدفعية القرى", date(2021, 7, 30)),
    ("في الرابع من الشهر الحالي", date(2021, 8, 4)),
])
def test_day_of_this_or_last_month(text, expected):
    _, found = times(text)
    assert found[0][0] == (expected, 1)


@pytest.mark.parametrize("text,expected", [
    ("في 1 أكتوبر/تشرين أول من عام 1918", date(1918, 10, 1)),
    ("في 17 مايو عام 2015", date(2015, 5, 17)),
    ("في 3 آذار من العام 2019", date(2019, 3, 3)),
])
def test_year_introduced_by_a_word(text, expected):
    _, found = times(text)
    assert found[0][0] == (expected, 1)
