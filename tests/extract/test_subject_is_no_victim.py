"""Voice and victims of an unvoweled verb of killing: the subject of an active verb is who killed, never the
dead; its object — named by number, as a dual, as one person (also by the office held: a judge, a candidate, an
official) or as several — is the toll.  A noun phrase in another case than the subject's (an indefinite
accusative "قاضيا" after "مسلحون مجهولون") starts the object, and the accusative object makes a verb whose
subject is counted active ("قتل ثلاثة مسلحين مدنيا"); with no object the counted people are the dead ("قتل
مسلحون في اشتباك")."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import default_pipeline, extract_events
from marsad.text.normalise import fold


def _frame(text: str, lemma: str) -> dict[str, Any]:
    doc = default_pipeline().run(Article("t", text, published=date(2021, 8, 3)))
    return next(f.to_record() for f in doc.frames if f.to_record()["lemma"] == lemma)


def _event(text: str) -> tuple[str, str, str, int]:
    events = extract_events(Article("t", text, published=date(2021, 8, 3)))
    assert events, text
    e = events[0].to_record()
    return e["sub_event_type"], e["actor1"], e["actor2"], e["fatalities"]


@pytest.mark.parametrize(("text", "fatalities"), [
    # VSO, plural subject with its adjective, one person named by a construct ("صاحب محل")
    ("قتل مسلحون مجهولون صاحب محل في حي الجديدة ببغداد.", 1),
    # VSO, dual subject (never two dead), singular accusative object
    ("اغتال مسلحان مجهولان ناشطا في حي الجزائر بالبصرة.", 1),
    # VSO, plural subject, a dual object
    ("قتل مسلحون مجهولون مدرسين اثنين في قضاء الزبير بالبصرة.", 2),
    # SVO, plural verb agreeing with the subject before it
    ("مسلحون مجهولون اغتالوا قاضيا في حي الجزائر بالبصرة.", 1),
    # VSO, a counted subject, then its object in the accusative
    ("قتل ثلاثة مسلحين مجهولين مدنيا في قضاء الزبير بالبصرة.", 1),
])
def test_the_active_subject_is_not_counted_dead(text: str, fatalities: int) -> None:
    sub_event, actor1, actor2, killed = _event(text)
    assert (sub_event, actor1, actor2, killed) == ("Attack", "Unidentified armed group", "Civilians", fatalities)


@pytest.mark.parametrize("text", [
    "اغتال مسلحون مجهولون قاضيا في حي الجزائر بالبصرة.",
    "اغتال مسلحون مجهولون مرشحا للانتخابات في حي الزهراء بالموصل.",
    "اغتالت جماعة مسلحة مرشحة للانتخابات في حي الزهراء بالموصل.",  # feminine subject and object
    "اغتيل قاض في حي الزهراء بالموصل على يد مسلحين مجهولين.",  # passive, the office in the indefinite
    "اغتيال مسؤول محلي برصاص مسلحين مجهولين في حي الزهراء بالموصل.",  # verbal noun
    "اغتال مسلحون عضوا في مجلس محافظة نينوى في حي الزهراء بالموصل.",
])
def test_office_holders_are_civilian_victims(text: str) -> None:
    sub_event, actor1, actor2, killed = _event(text)
    assert (sub_event, actor1, actor2, killed) == ("Attack", "Unidentified armed group", "Civilians", 1)


@pytest.mark.parametrize(("text", "agent", "patient"), [
    ("اغتال مسلحون مجهولون قاضيا في البصرة.", "مسلحون مجهولون", "قاضيا"),
    ("قتل جنديان مسلحا في حي الزهراء بالموصل.", "جنديان", "مسلحا"),
    ("قتلت القوات العراقية المسلحين في حي الزهراء بالموصل.", "القوات العراقية", "المسلحين"),
    ("قتل ثلاثة مسلحين مجهولين مدنيا في البصرة.", "مسلحين مجهولين", "مدنيا"),
])
def test_a_noun_in_another_case_is_the_object(text: str, agent: str, patient: str) -> None:
    frame = _frame(text, "قتل" if "قتل" in text else "اغتال")
    assert frame["voice"] == "active"
    assert (fold(frame["agent"]["text"]), fold(frame["patient"]["text"])) == (fold(agent), fold(patient))


@pytest.mark.parametrize(("text", "killed"), [
    ("قتل مسلحون في اشتباك مع الشرطة في حي الزهراء بالموصل.", 3),
    ("قتل ثلاثة مسلحين في اشتباك مع الشرطة في حي الزهراء بالموصل.", 3),
    ("قتل مسلحان مجهولان في اشتباك مع الشرطة في حي الزهراء بالموصل.", 2),
])
def test_people_alone_after_the_verb_are_the_dead(text: str, killed: int) -> None:
    assert _frame(text, "قتل")["voice"] == "passive"
    assert _event(text)[3] == killed


@pytest.mark.parametrize("text", [
    # a speaker's office is no party; "مرشح للارتفاع" is a number likely to rise
    "قال مسؤول محلي إن مسلحين هاجموا نقطة تفتيش للشرطة في حي الزهراء بالموصل وعدد القتلى مرشح للارتفاع.",
    "أكد نائب محافظ نينوى أن مسلحين هاجموا نقطة تفتيش للشرطة في حي الزهراء بالموصل.",
])
def test_office_holders_named_as_speakers_are_no_party(text: str) -> None:
    sub_event, actor1, actor2, _ = _event(text)
    assert actor2 != "Civilians"


@pytest.mark.parametrize(("text", "fatalities"), [
    ("قتله مسلحان مجهولان في حي الزهراء بالموصل.", 1),  # him: one, the subject a dual
    ("اغتالتها جماعة مسلحة في حي الزهراء بالموصل.", 1),  # her, a feminine subject
    ("قتلهما مسلحون مجهولون في حي الزهراء بالموصل.", 2),  # the two of them
])
def test_an_object_pronoun_names_the_dead(text: str, fatalities: int) -> None:
    assert _event(text)[3] == fatalities


@pytest.mark.parametrize(("text", "wounded"), [
    ("جرح مسلحون مجهولون ثلاثة مدنيين في حي الزهراء بالموصل.", 3),  # VSO, a count before the object
    ("مسلحون مجهولون أصابوا ثلاثة مدنيين بجروح في حي الزهراء بالموصل.", 3),  # SVO
    ("أصيب مدنيان بجروح برصاص مسلحين مجهولين في حي الزهراء بالموصل.", 2),  # passive, the agent an oblique
])
def test_civilians_wounded_by_gunmen_are_attacked(text: str, wounded: int) -> None:
    events = extract_events(Article("t", text, published=date(2021, 8, 3)))
    record = events[0].to_record()
    assert (record["sub_event_type"], record["actor2"], record["injured"]) == ("Attack", "Civilians", wounded)


@pytest.mark.parametrize(("text", "lemma", "patient"), [
    ("اقتحم مسلحون مبنى المحافظة وقتلوا أحد الموظفين وأصابوا شرطيا في أربيل.", "قتل", "الموظفين"),
    ("قتل مسلحون مجهولون مدنيا وأصابوا شرطيا في حي الزهراء بالموصل.", "قتل", "مدنيا"),
    ("قتلت الجماعة المسلحة ثلاثة مدنيين وخطفت امرأتين في حي الزهراء بالموصل.", "قتل", "مدنيين"),
])
def test_a_verb_joined_by_waw_keeps_its_own_object(text: str, lemma: str, patient: str) -> None:
    assert fold(_frame(text, lemma)["patient"]["text"]) == fold(patient)


@pytest.mark.parametrize(("text", "lemma"), [
    ("خطف مسلحون مجهولون مهندسا في حي الزهراء بالموصل.", "خطف"),  # a person noun no actor row lists
    ("قتل مسلحان ممرضا في حي الزهراء بالموصل.", "قتل"),  # a dual subject
    ("خطفت جماعة مسلحة طبيبا في حي الزهراء بالموصل.", "خطف"),  # a feminine group
])
def test_an_accusative_person_after_the_subject_makes_the_verb_active(text: str, lemma: str) -> None:
    frame = _frame(text, lemma)
    assert frame["voice"] == "active" and frame["agent"] is not None


@pytest.mark.parametrize(("text", "fatalities"), [
    ("قتل مسلحون مجهولون مدنيا وطفله في حي الزهراء بالموصل.", 2),  # accusative, then a possessed person
    ("اغتال مسلحون مجهولون الناشط وزوجته في حي الزهراء بالموصل.", 2),  # definite object
    ("قتلت جماعة مسلحة قاضيا وسائقه في حي الزهراء بالموصل.", 2),  # feminine subject, an office
])
def test_people_joined_to_the_object_are_dead_too(text: str, fatalities: int) -> None:
    assert _event(text)[3] == fatalities
