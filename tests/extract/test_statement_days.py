"""Whose day a time word tells when a statement reports an incident (codebook §5), and which day a sentence
with none of its own goes on at.

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


def _records(text: str) -> list[dict[str, Any]]:
    return [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]


def _doc(text: str) -> Doc:
    return _UP_TO_TIMES.run(Article("t", text, published=PUBLISHED))


# --- a day word after the speaker's name and titles is the statement's -----------------------------------

@pytest.mark.parametrize("text", [
    "وقال مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن الأحد إن طائرات حربية قصفت بلدة كفرنبل.",
    "وأكدت الناطقة الرسمية باسم وزارة الداخلية في إقليم كردستان العراق الأحد أن مسلحين هاجموا حاجزا.",
    "أعلن المتحدث العسكري باسم قيادة العمليات المشتركة العميد يحيى رسول الأحد مقتل ثلاثة جنود.",
])
def test_a_day_word_after_a_long_speaker_name_dates_the_statement(text: str) -> None:
    (sunday,) = [t for t in _doc(text).times if t.rule.kind == "weekday"]
    assert sunday.statement


@pytest.mark.parametrize("text", [
    "وقال مدير المرصد \"قصفت الطائرات الحربية مواقع البلدة الأحد\" في ريف إدلب.",
    "وأشار المصدر إلى الضربة الجوية التي نفذتها الطائرات على البلدة الأحد في ريف إدلب.",
    "وذكر الأهالي أن عناصر الشرطة الذين انتشروا في شوارع البلدة الأحد أطلقوا النار.",
])
def test_a_quotation_or_a_relative_clause_keeps_its_day(text: str) -> None:
    (sunday,) = [t for t in _doc(text).times if t.rule.kind == "weekday"]
    assert not sunday.statement


# --- a day that dates another act in a relative clause yields to the statement's day ----------------------

@pytest.mark.parametrize(("text", "day"), [
    ("أعدم تنظيم داعش أحد الرهائن الذين خطفهم الشهر الماضي في ريف السويداء، وفق ما أفادت شبكة محلية الأحد.",
     "2021-08-01"),
    ("أفاد ناشطون أمس بأن مسلحين قتلوا امرأة من النساء اللواتي خطفن الشهر الماضي في ريف السويداء.",
     "2021-08-02"),
    ("قالت الشرطة الأحد إن جثة أحد العمال الذين اختطفهم مسلحون الشهر الماضي عثر عليها في قضاء الطارمية.",
     "2021-08-01"),
])
def test_another_act_in_a_relative_clause_yields_to_the_statement_day(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


@pytest.mark.parametrize(("text", "day"), [
    ("قالت الشرطة اليوم إن ثلاثة جنود أصيبوا في الاشتباكات التي وقعت الأحد في قضاء الطارمية.", "2021-08-01"),
    ("أعلن المرصد السوري اليوم مقتل مدنيين اثنين في الغارة التي استهدفت الأحد بلدة كفرنبل.", "2021-08-01"),
    ("ذكرت مصادر طبية اليوم أن امرأة قتلت في المواجهات التي دارت الأحد في مدينة الناصرية.", "2021-08-01"),
])
def test_a_relative_clause_on_the_act_itself_keeps_its_day(text: str, day: str) -> None:
    assert day in [r["event_date"] for r in _records(text)]


# --- a span back from publication yields to the exact day of the statement --------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("قال المرصد السوري أمس إن طائرات حربية قصفت بلدة كفرنبل في ريف إدلب في تصعيد للقصف هذا الأسبوع.",
     "2021-08-02"),
    ("أفادت مصادر محلية الأحد بأن مسلحين مجهولين اغتالوا ناشطة في مدينة البصرة قبل أيام.",
     "2021-08-01"),
    ("ذكرت الشرطة العراقية مساء أمس أن ثلاثة جنود قتلوا بانفجار عبوة ناسفة في قضاء الطارمية الأسبوع الجاري.",
     "2021-08-02"),
])
def test_a_span_back_yields_to_the_statement_day(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


# --- a statement with no place reports on an incident of its own story only ------------------------------

@pytest.mark.parametrize("opener", ["من جهة أخرى", "إلى ذلك", "في سياق آخر"])
def test_a_statement_does_not_report_across_a_turn_to_another_story(opener: str) -> None:
    text = ("سقطت قذائف صاروخية الأحد على بلدة كفرنبل في ريف إدلب. "
            f"{opener}، قصفت قوات النظام بلدة الحراك في ريف درعا بقذائف الهاون. "
            "وأوضحت مجموعة من الناشطين في بيان أمس أن القصف دمر عشرات المنازل.")
    days = {r["admin1"]: r["event_date"] for r in _records(text)}
    assert days == {"Idlib": "2021-08-01", "Daraa": "2021-08-02"}


# --- a sentence that points back at a dated sentence with no incident goes on at its day ------------------

@pytest.mark.parametrize(("text", "day"), [
    ("طالب مئات المتظاهرين أمس بإقالة المحافظ. وجاءت هذه المطالبة في وقفة احتجاجية أمام مبنى المحافظة في "
     "مدينة الناصرية.", "2021-08-02"),
    ("دعا ناشطون الأحد إلى رحيل الحكومة. وجاءت هذه الدعوة خلال تظاهرة في ساحة التحرير وسط بغداد.", "2021-08-01"),
    ("طالبت عائلات المفقودين الأحد بالكشف عن مصير أبنائها. ونظمت هذه العائلات اعتصاما أمام مبنى مجلس المحافظة "
     "في مدينة الرمادي.", "2021-08-01"),
])
def test_pointing_back_at_a_dated_sentence_takes_its_day(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


# --- "أورد" reports: its day is the statement's ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وأوردت وكالة الأنباء الرسمية الأحد أن قذائف سقطت على حي باب توما في دمشق.",
    "أورد المرصد السوري الأحد أن طائرات حربية قصفت بلدة كفرنبل.",
    "وتورد الصحف المحلية الأحد أن مسلحين اغتالوا ناشطا في البصرة.",
])
def test_a_day_after_orada_dates_the_statement(text: str) -> None:
    (sunday,) = [t for t in _doc(text).times if t.rule.kind == "weekday"]
    assert sunday.statement


# --- a day right after a verb of reaction dates the reaction ----------------------------------------------

@pytest.mark.parametrize("text", [
    "وأدانت بعثة الأمم المتحدة، الأربعاء الماضي، قتل المتظاهرين في البصرة.",
    "نعى المحافظ مساء أمس ضحايا الهجوم على سوق المدينة.",
    "استنكرت الحكومة العراقية اليوم الاعتداء على مقر القنصلية في البصرة.",
])
def test_a_day_after_a_reaction_verb_dates_the_reaction(text: str) -> None:
    (day,) = list(_doc(text).times)
    assert day.statement


def test_a_day_of_the_act_a_reaction_names_is_the_acts() -> None:
    (day,) = list(_doc("أدان المجلس الهجمات التي وقعت أمس في ديالى.").times)
    assert not day.statement
