"""Reported clauses: the subject after إنّ/أنّ, the source of a report, the pluperfect as background.

Every sentence is invented for these tests; each rule is tried on at least three sentences that vary
person, gender, number, voice and word order (docs/extraction.md, "Clause frames").
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import default_pipeline, extract_events
from marsad.text.normalise import fold

PUBLISHED = date(2021, 8, 3)


def _frame(text: str, lemma: str) -> dict[str, Any]:
    doc = default_pipeline().run(Article("t", text, published=PUBLISHED))
    found = [f.to_record() for f in doc.frames if f.predicate.lemma == lemma]
    assert found, [f.predicate.lemma for f in doc.frames]
    return found[0]


def _text(arg: dict[str, Any] | None) -> str:
    return "" if arg is None else arg["text"]


def _events(text: str) -> list[tuple[str, str, str | None]]:
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None)
            for e in extract_events(Article("t", text, published=PUBLISHED), include_unlocated=True)]


# --- (a) after إنّ/أنّ the noun phrase is the embedded clause's subject (SVO) --------------------

@pytest.mark.parametrize(("text", "lemma", "agent", "patient"), [
    ('قالت الشرطة إن "مجموعة من عناصر داعش استهدفت دورية للجيش في ديالى"', "استهدف",
     "مجموعة من عناصر داعش", "دورية للجيش"),
    ("وأكد المتحدث أن مسلحي داعش هاجموا قوات البيشمركة قرب كركوك", "هاجم", "مسلحي داعش", "قوات البيشمركة"),
    ("ذكرت مصادر بأن قوة من الجيش قتلت خمسة مسلحين في الأنبار", "قتل", "قوة من الجيش", "خمسة مسلحين"),
    ("انسحب الأهالي لأن مسلحين اختطفوا ثلاثة مدنيين من القرية", "اختطف", "مسلحين", "ثلاثة مدنيين"),
])
def test_the_phrase_after_inna_is_the_subject(text: str, lemma: str, agent: str, patient: str) -> None:
    frame = _frame(text, lemma)
    assert frame["voice"] == "active"
    assert _text(frame["agent"]) == fold(agent) and _text(frame["patient"]) in fold(patient), frame
    assert frame["patient"] is not None, frame


@pytest.mark.parametrize("text", [
    'قال الجيش إن "الكثير من الإرهابيين" قتلوا في الضربات',
    "أعلنت الشرطة أن عددا من المدنيين قتلوا في القصف",
    "أفادت مصادر بأن العشرات من الجنود قتلوا في الهجوم",
])
def test_counted_people_after_inna_are_the_victims_of_a_passive(text: str) -> None:
    frame = _frame(text, "قتل")
    assert frame["voice"] == "passive" and frame["agent"] is None and frame["patient"] is not None, frame


# --- (b) an office that reports is the source of the report, not a party ----------------------

@pytest.mark.parametrize("text", [
    'قالت خلية الإعلام الأمني في بيان، إن "مجموعة من عناصر داعش استهدفت قوة من الشرطة في كركوك"',
    "وأعلنت وزارة الدفاع أن مسلحين من داعش هاجموا نقطة للشرطة في كركوك",
    "أفاد الجيش العراقي بأن عناصر من داعش قتلوا شرطيين اثنين في كركوك",
])
def test_a_reporting_office_is_no_party(text: str) -> None:
    events = _events(text)
    assert events, text
    assert all("Military Forces of Iraq" not in e[1:] for e in events), events
    assert events[0][1] == "Islamic State", events


@pytest.mark.parametrize("text,actor1", [
    # the US ministry's forces against IS: the coalition (the nisba أمريكي in Iraq and Syria), not Iraq's army
    ("أعلنت وزارة الدفاع الأمريكية أن قواتها قتلت خمسة مسلحين من داعش في الأنبار",
     "International Coalition against IS"),
    ("قال الجيش العراقي إنه قتل عشرة من عناصر داعش في كركوك", "Military Forces of Iraq"),
    ("وأعلن الجيش العراقي أن طائراته قصفت مواقع لداعش في صلاح الدين", "Military Forces of Iraq"),
])
def test_a_speaker_whose_own_forces_act_is_a_party(text: str, actor1: str) -> None:
    events = _events(text)
    assert events and events[0][1] == actor1, events


# --- (c) the pluperfect and "سابقا" tell the background of their own clause --------------------

@pytest.mark.parametrize("text", [
    "انفجرت سيارة مفخخة في الموصل ما أسفر عن مقتل خمسة مدنيين، وكان تنظيم داعش قد سيطر على المدينة سابقا",
    "قتل ثلاثة جنود بانفجار عبوة ناسفة في تكريت، وكانت القوات الأمنية قد استعادت السيطرة على المدينة",
    "أصيب مدنيان بانفجار عبوة في بيجي، وكان المسلحون قد سيطروا على البلدة",
    "انفجرت عبوة ناسفة في الفلوجة، وسيطر داعش على البلدة سابقا",
])
def test_what_had_happened_before_is_not_the_incident(text: str) -> None:
    events = _events(text)
    assert [e[0] for e in events] == ["Remote explosive/landmine/IED"], events


@pytest.mark.parametrize(("text", "lemma"), [
    ("انفجرت عبوة في الموصل، وكان تنظيم داعش قد سيطر على المدينة", "سيطر"),
    ("قتل جندي في كركوك، وكانت الطائرات قد قصفت القرية", "قصف"),
    ("انفجرت سيارة في بعقوبة، وكانوا قد هاجموا المدينة سابقا", "هاجم"),
])
def test_the_pluperfect_frame_is_flagged_background(text: str, lemma: str) -> None:
    assert "background" in _frame(text, lemma)["flags"]


@pytest.mark.parametrize("text", [
    "انفجرت عبوة في الموصل، وقد سيطر داعش على المدينة",  # قد alone: the present perfect of the news
    "قتل جندي في كركوك، وكان المسلحون يهاجمون القرية",  # كان + the imperfect: no قد
])
def test_no_pluperfect_without_kana_and_qad(text: str) -> None:
    doc = default_pipeline().run(Article("t", text, published=PUBLISHED))
    assert not any(f.predicate.background for f in doc.frames), [f.to_record() for f in doc.frames]


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة زرعت سابقا على طريق في ديالى",  # "سابقا" in the clause of the news itself
    "انفجرت عبوة ناسفة كانت مزروعة مسبقا في قضاء الطارمية",  # planted beforehand: still the news
    "اندلعت اشتباكات بين الجيش العراقي وتنظيم داعش في كركوك، وقال مصدر إن ثلاثة جنود قتلوا",  # بين is no verb
])
def test_the_news_clause_is_not_background(text: str) -> None:
    events = _events(text)
    assert events, text
    assert "Military Forces of Iraq" in events[0][1:] or events[0][0] == "Remote explosive/landmine/IED", events
