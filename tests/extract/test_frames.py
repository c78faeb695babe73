"""The clause-frame stage (``marsad.extract.frames``) and the roles it gives the actors.

Every sentence is invented for these tests; each rule is tried on at least three sentences that vary
person, gender, number, voice and word order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.lexicon import load_lexicons
from marsad.model import Article
from marsad.pipeline import default_pipeline, extract_events
from marsad.text.normalise import fold

PUBLISHED = date(2021, 8, 3)


def _frames(text: str) -> list[dict[str, Any]]:
    doc = default_pipeline().run(Article("t", text, published=PUBLISHED))
    return [f.to_record() for f in doc.frames]


def _frame(text: str, lemma: str) -> dict[str, Any]:
    found = [f for f in _frames(text) if f["lemma"] == lemma]
    assert found, (lemma, [f["lemma"] for f in _frames(text)])
    return found[0]


def _text(arg: dict[str, Any] | None) -> str:
    return "" if arg is None else arg["text"]


def _actors(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None)
            for e in extract_events(Article("t", text, published=PUBLISHED), include_unlocated=True)]


# --- forms generated from one row ---------------------------------------------------------------

@pytest.mark.parametrize(("word", "lemma", "kind", "voice", "person"), [
    ("قتل", "قتل", "verb", "either", "3ms"),
    ("قتلت", "قتل", "verb", "either", "3fs"),
    ("قتلوا", "قتل", "verb", "either", "3mp"),
    ("يقتلون", "قتل", "verb", "either", "3mp"),
    ("تقتل", "قتل", "verb", "either", "3fs"),
    ("اغتالت", "اغتال", "verb", "active", "3fs"),
    ("اغتيل", "اغتال", "verb", "passive", "3ms"),
    ("اغتيلوا", "اغتال", "verb", "passive", "3mp"),
    ("اصيبت", "اصاب", "verb", "passive", "3fs"),
    ("اعتدوا", "اعتدي", "verb", "either", "3mp"),
    ("شنتها", "شن", "verb", "either", "3fs"),
])
def test_verb_forms_are_generated_from_the_row(word: str, lemma: str, kind: str, voice: str, person: str) -> None:
    verbs = load_lexicons().verbs
    assert verbs is not None
    forms = verbs.forms[word]
    assert any(f.predicate.lemma == lemma and f.kind == kind and f.voice == voice and f.person == person
               for f in forms), forms


@pytest.mark.parametrize("word", ["مقتل", "مقتلهم", "اصابته", "هجوما", "هجمات", "غارتين", "تفجيرين", "سيقتل"])
def test_nouns_futures_and_pronouns_are_generated(word: str) -> None:
    verbs = load_lexicons().verbs
    assert verbs is not None
    assert word in verbs.forms


# --- active verbs: VSO and SVO ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lemma", "agent", "patient"), [
    ("قتلت القوات العراقية خمسة مسلحين في الأنبار", "قتل", "القوات العراقيه", "مسلحين"),
    ("قتل الجيش التركي عشرة من عناصر حزب العمال الكردستاني", "قتل", "الجيش التركي", "عناصر حزب العمال"),
    ("تقصف المدفعية التركية مواقع لحزب العمال الكردستاني", "قصف", "المدفعيه التركيه", "حزب العمال"),
    ("هاجم مسلحو داعش قوات البيشمركة قرب مخمور", "هاجم", "داعش", "قوات البيشمركه"),
])
def test_active_vso_subject_acts_and_object_suffers(text: str, lemma: str, agent: str, patient: str) -> None:
    f = _frame(text, lemma)
    assert f["voice"] == "active"
    assert agent in _text(f["agent"])
    assert patient in _text(f["patient"])


@pytest.mark.parametrize(("text", "lemma", "agent", "patient"), [
    ("القوات العراقية قتلت 22 عنصرا من داعش في جزيرة سامراء", "قتل", "القوات العراقيه", "داعش"),
    ("الجيش التركي يقصف مواقع لحزب العمال الكردستاني", "قصف", "الجيش التركي", "حزب العمال"),
    ("وأكد مصدر أن مسلحي التنظيم هاجموا قوات الشرطة الاتحادية", "هاجم", "التنظيم", "الشرطه"),
])
def test_active_svo_subject_before_the_verb(text: str, lemma: str, agent: str, patient: str) -> None:
    f = _frame(text, lemma)
    assert f["voice"] == "active"
    assert agent in _text(f["agent"])
    assert patient in _text(f["patient"])


@pytest.mark.parametrize(("text", "lemma"), [
    ("أعلنت وزارة الدفاع أن قواتها قتلت خمسة مسلحين", "قتل"),
    ("قالت الوزارة إن قواتها استهدفت مواقع للمسلحين", "استهدف"),
    ("أكدت قيادة العمليات أن قواتها اعتقلت عشرة مطلوبين", "اعتقل"),
])
def test_a_force_with_a_pronoun_points_back_to_the_statement(text: str, lemma: str) -> None:
    f = _frame(text, lemma)
    assert _text(f["agent"]).startswith("قوات")


# --- passive verbs ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lemma", "agent", "patient"), [
    ("اغتيل ناشط مدني على يد مسلحين مجهولين بعد اختطافه في البصرة", "اغتال", "مسلحين مجهولين", "ناشط"),
    ("أصيب شرطيان برصاص قناص في الموصل", "اصاب", "", "شرطيان"),
    ("قتل خمسة جنود في هجوم لتنظيم داعش", "قتل", "", "جنود"),
    ("قُتل الجندي على يد مسلحي التنظيم", "قتل", "التنظيم", "الجندي"),
    ("خطف ثلاثة مدنيين من قبل جماعة مسلحة", "خطف", "جماعه مسلحه", "مدنيين"),
])
def test_passive_subject_suffers_and_the_oblique_acts(text: str, lemma: str, agent: str, patient: str) -> None:
    f = _frame(text, lemma)
    assert f["voice"] == "passive"
    assert patient in _text(f["patient"])
    assert agent in _text(f["agent"])


@pytest.mark.parametrize(("text", "voice"), [
    ("قُتل خمسة مسلحين في الأنبار", "passive"),
    ("قَتل الجيش خمسة مسلحين في الأنبار", "active"),
    ("14 مدنيا قتلوا في قصف على إدلب", "passive"),
    ("وقتلوا ثلاثة أشخاص ثم فروا", "active"),
])
def test_voice_from_vowels_and_agreement(text: str, voice: str) -> None:
    assert _frame(text, "قتل")["voice"] == voice


# --- verbal and event nouns ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lemma", "role", "name"), [
    ("مقتل خمسة من عناصر الشرطة في كركوك", "قتل", "patient", "الشرطه"),
    ("إصابة ثلاثة جنود بانفجار عبوة", "اصاب", "patient", "جنود"),
    ("اغتيال ناشطة في البصرة", "اغتال", "patient", "ناشطه"),
    ("هجوم لداعش على قرية في ديالى", "هجم", "agent", "داعش"),
    ("بعد قصف الطيران التركي قرى في دهوك", "قصف", "agent", "الطيران التركي"),
    ("مجزرة داعشية جديدة في العراق", "مجزره", "agent", "داعشيه"),
])
def test_verbal_noun_genitive_and_owner(text: str, lemma: str, role: str, name: str) -> None:
    f = _frame(text, lemma)
    assert f["kind"] == "noun"
    assert name in _text(f[role])


@pytest.mark.parametrize(("text", "noun", "agent"), [
    ("قتل ثلاثة جنود في هجوم شنه تنظيم داعش", "هجم", "داعش"),
    ("سقط 17 عنصرا من داعش قتلى خلال مداهمة شنتها قوة من الجيش", "داهم", "الجيش"),
    ("شن الجيش التركي هجوما على مواقع حزب العمال", "هجم", "الجيش التركي"),
    ("نفذت طائرات التحالف غارات على مواقع التنظيم", "غاره", "طائرات التحالف"),
])
def test_a_light_verb_gives_its_subject_to_the_attack(text: str, noun: str, agent: str) -> None:
    assert agent in _text(_frame(text, noun)["agent"])


@pytest.mark.parametrize(("text", "attacker", "repeller"), [
    ("صدت قوات البيشمركة هجوما لمسلحي داعش قرب مخمور", "داعش", "البيشمركه"),
    ("تصدت القوات الأمنية لهجوم شنه مسلحون على قرية", "مسلحون", "القوات الامنيه"),
    ("أحبط الجيش العراقي هجوما لتنظيم داعش في ديالى", "داعش", "الجيش العراقي"),
])
def test_a_repelled_attack_inverts_the_sides(text: str, attacker: str, repeller: str) -> None:
    lemma = next(f["lemma"] for f in _frames(text) if f["family"] == "repel")
    f = _frame(text, lemma)
    assert attacker in _text(f["agent"])
    assert repeller in _text(f["patient"])


# --- modality flags -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lemma", "flag"), [
    ("يعتزم التنظيم شن هجوم على المدينة", "هجم", "planned"),
    ("تتأهب القوات لاقتحام البلدة", "اقتحم", "planned"),
    ("يخطط المسلحون لمهاجمة الزوار", "هاجم", "planned"),
    ("لم يقتل أحد في الانفجار", "قتل", "negated"),
    ("شن الوزير هجوما إعلاميا على الحكومة", "هجم", "metaphor"),
    ("هجوم إعلامي على الحكومة", "هجم", "metaphor"),
    ("إذا هاجم التنظيم المدينة فسيرد الجيش", "هاجم", "hypothetical"),
    ("سوف يقصف الطيران مواقع المسلحين", "قصف", "future"),
])
def test_modality_flags(text: str, lemma: str, flag: str) -> None:
    assert flag in _frame(text, lemma)["flags"]


def test_a_plain_report_has_no_flag() -> None:
    for text in ("قتل الجيش خمسة مسلحين", "هاجمت قوات النظام بلدة في حماة", "أصيب شرطي بانفجار عبوة"):
        assert all(not f["flags"] for f in _frames(text) if f["family"] != "support"), text


# --- roles in the coded events ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("سقط 17 عنصرا من داعش قتلى خلال مداهمة شنتها قوة من الجيش في قضاء الحويجة بمحافظة كركوك",
     "Military Forces of Iraq", "Islamic State"),
    ("قتلت القوات العراقية 22 عنصرا من داعش في جزيرة سامراء", "Military Forces of Iraq", "Islamic State"),
    ("مقتل 22 عنصرا من داعش بنيران القوات العراقية في الأنبار", "Military Forces of Iraq", "Islamic State"),
    ("صدت قوات البيشمركة هجوما لمسلحي داعش قرب مخمور", "Islamic State", "Military Forces of the Kurdistan Region"),
    ("تصدت قوات البيشمركة لهجوم شنه تنظيم داعش على قرية قرب مخمور", "Islamic State",
     "Military Forces of the Kurdistan Region"),
    ("أعلنت وزارة الدفاع أن قواتها قتلت خمسة مسلحين في قضاء الرطبة بمحافظة الأنبار", "Military Forces of Iraq",
     "Unidentified armed group"),
])
def test_who_acted_and_who_suffered(text: str, actor1: str, actor2: str) -> None:
    coded = _actors(text)
    assert coded and coded[0][1:] == (actor1, actor2), coded


@pytest.mark.parametrize(("text", "actor1"), [
    ("شن الطيران الحربي غارات على مواقع لتنظيم داعش في دير الزور", "Military Forces of Syria"),
    ("قصفت طائرات حربية مواقع المسلحين في إدلب", "Military Forces of Syria"),
    ("شن الطيران الحربي غارات على مواقع لتنظيم داعش في قضاء القائم بمحافظة الأنبار", "Military Forces of Iraq"),
])
def test_a_described_air_force_is_the_state_of_the_place(text: str, actor1: str) -> None:
    assert _actors(text)[0][1] == actor1


@pytest.mark.parametrize("text", [
    "اشتبكت القوات الأمنية مع مسلحين من داعش في قضاء الطارمية",
    "قتلت قوات الأمن ثلاثة مسلحين من داعش في قضاء الطارمية",
    "شنت الأجهزة الأمنية هجوما على مواقع لداعش في قضاء الطارمية",
])
def test_security_forces_in_combat_are_the_military(text: str) -> None:
    assert "Military Forces of Iraq" in {a for e in _actors(text) for a in e[1:]}


@pytest.mark.parametrize("text", [
    "اعتقلت القوات الأمنية خمسة متظاهرين في البصرة",
    "فرقت قوات الأمن تظاهرة في الناصرية بالغاز المسيل للدموع",
    "اعتقلت الأجهزة الأمنية ثلاثة مطلوبين بتهم جنائية في البصرة",
])
def test_security_forces_in_policing_are_the_police(text: str) -> None:
    actors = {a for e in _actors(text) for a in e[1:]}
    assert "Police Forces of Iraq" in actors and "Military Forces of Iraq" not in actors


@pytest.mark.parametrize("text", [
    "قتل ثلاثة أشخاص بانفجار عبوة ناسفة في سوق ببغداد",
    "انفجرت سيارة مفخخة في الموصل ما أسفر عن مقتل خمسة مدنيين، وكان تنظيم داعش قد سيطر على المدينة سابقا",
    "أصيب أربعة مدنيين بانفجار عبوة ناسفة قرب مركز للشرطة في كركوك",
])
def test_an_unclaimed_bombing_is_an_unidentified_groups(text: str) -> None:
    bombs = [e for e in _actors(text) if e[0] == "Remote explosive/landmine/IED"]
    assert bombs and bombs[0][1] == "Unidentified armed group", bombs


@pytest.mark.parametrize("text", [
    "أصيب ثلاثة من عناصر قوات الأمن بانفجار عبوة ناسفة في قضاء الطارمية",
    "انفجرت عبوة ناسفة على دورية لقوات الأمن في قضاء الطارمية",
    "قتل عنصران من الأجهزة الأمنية بانفجار عبوة ناسفة في قضاء الطارمية",
])
def test_security_forces_hit_by_a_bomb_are_not_fighting(text: str) -> None:
    actors = {a for e in _actors(text) for a in e[1:]}
    assert "Military Forces of Iraq" not in actors, actors


@pytest.mark.parametrize("text,agent", [
    ("تزامنا مع استهداف قوات النظام لبلدة كفرنبودة في ريف حماة بقصف صاروخي مكثف.", "قوات النظام"),
    ("قتل مدني جراء استهداف الجيش العراقي لقرية في قضاء الحويجة بالمدفعية الثقيلة.", "الجيش العراقي"),
    ("دمرت منازل عدة جراء مهاجمة قوات البيشمركة لقرية في قضاء مخمور.", "قوات البيشمركة"),
    ("أدانت الحكومة استهداف الطائرات التركية للمدينة في ريف حلب.", "الطائرات التركية"),
])
def test_a_lam_object_after_the_genitive_makes_the_genitive_the_subject(text, agent):
    """"استهداف قوات النظام لبلدة": the ل-phrase after the genitive is the verbal noun's object, a place as much as a
    group, so the genitive is its subject (its agent), not whom it targeted."""
    lemma = "هاجم" if "مهاجمة" in text else "استهدف"
    frame = _frame(text, lemma)
    assert _text(frame["agent"]) == fold(agent) and frame["patient"] is None


def test_a_lam_word_of_time_after_the_genitive_is_no_object():
    """"استهداف قوات النظام لليوم الثالث": the day it went on for is no object; the genitive stays the target."""
    frame = _frame("استمر استهداف قوات النظام لليوم الثالث في ريف حماة.", "استهدف")
    assert frame["agent"] is None and _text(frame["patient"]) == "قوات النظام"


@pytest.mark.parametrize("text,agent", [
    ("قالت الفصائل المعارضة إنها كثفت قصفها على منطقة رئيسية لقوات النظام في ريف درعا.", "الفصائل المعارضة"),
    ("كثفت قوات النظام قصفها على بلدة كفرنبودة في ريف حماة.", "قوات النظام"),
    ("كثف مسلحو داعش قصفهم على قرى قضاء مخمور.", "مسلحو داعش"),
    ("واصلت الطائرات التركية قصفها لقرى قضاء العمادية.", "الطائرات التركية"),
])
def test_a_light_verbs_object_with_its_is_a_noun_and_the_light_verbs_subject_makes_it(text, agent):
    """"كثفت قوات النظام قصفها"، "واصلت الطائرات قصفها": the word with "its" after a light verb (شن، واصل، كثف) is
    its object, the attack noun (not the verb "shelled it"), and the light verb's subject — after إنها the
    statement's — makes it."""
    frame = _frame(text, "قصف")
    assert frame["kind"] == "noun" and _text(frame["agent"]) == fold(agent)


@pytest.mark.parametrize("text,lemma,agent,patient", [
    ("استهدفت الفصائل دبابة لقوات النظام في ريف حماة.", "استهدف", "الفصائل", "دبابه لقوات النظام"),
    ("دمرت الفصائل دبابة لقوات النظام بصاروخ موجه.", "دمر", "الفصائل", "دبابه لقوات النظام"),
    ("استهدفت الفصائل آلية لقوات النظام على جبهة كبانة.", "استهدف", "الفصائل", "اليه لقوات النظام"),
    ("دمر مسلحون مدرعتين للجيش العراقي قرب بيجي.", "دمر", "مسلحون", "مدرعتين للجيش العراقي"),
    ("استهدف مسلحون حاجزا للجيش العراقي في قضاء الطارمية.", "استهدف", "مسلحون", "حاجزا للجيش العراقي"),
    ("قتل المسلحون جنديا للجيش العراقي في الموصل.", "قتل", "المسلحون", "جنديا للجيش العراقي"),
    ("الفصائل استهدفت دبابة لقوات النظام في ريف حماة.", "استهدف", "الفصائل", "دبابه لقوات النظام"),
    ("المسلحون قتلوا عنصرا لقوات النظام في ريف حمص.", "قتل", "المسلحون", "عنصرا لقوات النظام"),
])
def test_an_indefinite_owned_noun_after_the_subject_is_the_object(text, lemma, agent, patient):
    """"استهدفت الفصائل دبابة لقوات النظام": an indefinite vehicle, post or person with its owner after ل, right after
    a complete subject (after the verb, VSO, or opening the clause before it, SVO), is the verb's object (the force
    after ل its target), not the subject's adjective nor the subject — singular, dual or accusative, masculine or
    feminine."""
    frame = _frame(text, lemma)
    assert _text(frame["agent"]) == fold(agent) and _text(frame["patient"]) == fold(patient)


def test_an_owned_noun_alone_after_the_verb_stays_its_subject():
    """"ألقت مروحيات لقوات النظام براميل": with no name before it the phrase is the verb's subject (the doer)."""
    frame = _frame("قصفت مروحيات لقوات النظام بلدة كفرنبودة في ريف حماة.", "قصف")
    assert fold("قوات النظام") in _text(frame["agent"])
