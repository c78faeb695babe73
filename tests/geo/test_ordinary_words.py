"""Ordinary Arabic words that share their letters with a place name: a plural noun heading a construct
(حماة الوطن), a verb (نوى), a number after a cue noun (مناطق ثلاث), and a name read after a preposition
clitic inside a word that follows a cue noun (مستشفى بجروح)."""

from __future__ import annotations

import pytest

from marsad.geo.resolve import geocode_text
from marsad.text.normalise import fold


def _admin1(text: str, name: str) -> str | None:
    for p in geocode_text(text):
        if fold(p.toponym.name) == fold(name):
            return p.location.admin1 if p.location is not None else ""
    return None


def _names(text: str) -> set[str]:
    return {fold(p.toponym.name) for p in geocode_text(text)}


# A town name that is also a plural noun heading a construct: "حماة الوطن" are the protectors of the homeland.
@pytest.mark.parametrize("text", [
    "رجال الأمن هم حماة الوطن وسياجه الواقي",
    "استهدف الانتحاري حماة الوطن في مسجد قوات الطوارئ",
    "قتلت الجماعة عددا من حماة الديار عند نقطة التفتيش",
    "نحن حماة الشعب ولن نتراجع عن مبادئنا",
    "كرمت الوزارة حماة الحدود الذين سقطوا في المعارك",
])
def test_protectors_are_no_town(text: str) -> None:
    assert _admin1(text, "حماة") is None


@pytest.mark.parametrize("text", [
    "قتل ثلاثة مدنيين في قصف على ريف حماة الشمالي أمس",
    "قتل خمسة أشخاص في انفجار في حماة الأربعاء",
    "شنت الطائرات غارات على حماة وحلب",
    "سقطت قذائف على مدينة حماة السورية",
])
def test_hama_still_a_town(text: str) -> None:
    assert _admin1(text, "حماة") == "Hama"


# A town name that is also a verb form (نوى "he intended") is a place only with support.
@pytest.mark.parametrize("text", [
    "اعترف المتهم بالجرائم التي نوى القيام بها",
    "قال إنه نوى السفر قبل أن يعتقل",
    "كشف التحقيق عن الهجوم الذي نوى تنفيذه الانتحاري",
])
def test_intended_is_no_town(text: str) -> None:
    assert _admin1(text, "نوى") is None


@pytest.mark.parametrize("text", [
    "قصفت الطائرات مدينة نوى في ريف درعا",
    "اشتباكات عنيفة في نوى بريف درعا الغربي",
    "سقطت قذائف على نوى صباح اليوم",
])
def test_nawa_with_support(text: str) -> None:
    assert _admin1(text, "نوى") == "Daraa"


# A number after a cue noun counts the places, it names none.
@pytest.mark.parametrize("text,word", [
    ("سيطرت القوات على مناطق ثلاث قرب الحدود", "ثلاث"),
    ("استعادت القوات الحكومية مدينة وأربع بلدات قرب الحدود", "واربع"),
    ("قصف الطيران قرى خمس في الريف الشرقي", "خمس"),
])
def test_number_after_cue_is_no_name(text: str, word: str) -> None:
    assert fold(word) not in _names(text)


# A cue noun is followed by its name, not by a preposition clitic before a name.
@pytest.mark.parametrize("text,word", [
    ("نقل الجريح إلى مستشفى بجروح خطيرة بعد الهجوم", "جروح"),
    ("وصلت المصابات إلى المستشفى بجروح متوسطة", "جروح"),
    ("توجد قاعدة بحرية روسية في طرطوس", "حرية"),
    ("قصفت الطائرات مستشفى ولادة في مدينة سقبا", "ادة"),
])
def test_preposition_clitic_after_cue(text: str, word: str) -> None:
    assert fold(word) not in _names(text)


@pytest.mark.parametrize("text,name,admin1", [
    ("قتل ثلاثة مدنيين في قصف على بلدة بعقوبة", "بعقوبة", "Diyala"),
    ("وصل مقاتلون إلى قرية ببيلا جنوب دمشق", "ببيلا", "Rural Damascus"),
])
def test_name_opening_with_b_after_cue(text: str, name: str, admin1: str) -> None:
    assert _admin1(text, name) == admin1


# A relative clause on an indefinite cue noun holds a pronoun returning to it: that verb names no place.
@pytest.mark.parametrize("text,word", [
    ("دارت اشتباكات عنيفة في منطقة ضربها التحالف أمس", "ضربها"),
    ("قال إن التنظيم يريد مناطق يحتلها ويقيم عليها قواعده", "يحتلها"),
    ("سمح للمقاتلين بالخروج إلى أي منطقة يريدونها في الشمال", "يريدونها"),
    ("نزح الأهالي نحو مخيمات أقامتها المنظمات قرب الحدود", "اقامتها"),
    ("سيطر المسلحون على قرية هجرها سكانها منذ سنوات", "هجرها"),
])
def test_relative_clause_after_cue_is_no_name(text: str, word: str) -> None:
    assert fold(word) not in _names(text)


# What marks an area of war is no name of it.
@pytest.mark.parametrize("text,word", [
    ("قد تسمح القوانين بإرسال جنود إلى مناطق الصراع للمرة الأولى", "الصراع"),
    ("يعمل الصحفيون في مناطق النزاع رغم المخاطر", "النزاع"),
    ("انفجرت شاحنة ملغومة في منطقة كثيفة السكان بالعاصمة", "كثيفة"),
])
def test_war_area_words_are_no_name(text: str, word: str) -> None:
    assert fold(word) not in _names(text)


# A word written with nunation (tanween) is an indefinite noun or an adverb, never a place name.
@pytest.mark.parametrize("text,name", [
    ("يذكرنا دومًا بوالده الراحل وما قدمه لسوريا", "دوما"),
    ("تمتع دوماً بخاصية دحر الغزاة في حلب", "دوما"),
    ("قالت إنها ستبقى دومًا إلى جانب أهالي حمص", "دوما"),
])
def test_tanween_is_no_place(text: str, name: str) -> None:
    assert _admin1(text, name) is None


@pytest.mark.parametrize("text", ["قصفت الطائرات دوما في الغوطة الشرقية",
                                  "قُتل خمسة مدنيين في قصف على دُوما أمس"])
def test_douma_without_tanween(text: str) -> None:
    assert _admin1(text, "دوما") == "Rural Damascus"


# A quantifier or a comparative ends a list of places after a plural cue.
@pytest.mark.parametrize("text,word", [
    ("استهدف القصف حيي القدم والحجر الأسود وأكثر من 30 في المئة من المخيم", "اكثر"),
    ("سيطرت القوات على قرى الزويك وساقية الكرت ومعظم الريف الغربي", "معظم"),
    ("دمرت الغارات أحياء الشعار والصاخور وأجزاء من حي الميسر", "اجزاء"),
])
def test_quantifier_ends_a_list(text: str, word: str) -> None:
    assert fold(word) not in _names(text)


# Whose base it is, who reports, or a particle opening a new clause: no name after a cue.
@pytest.mark.parametrize("text,word", [
    ("هدوء في مدينة دوما، كبرى مدن الغوطة، والمرصد السوري يتحدث عن قصف", "المرصد"),
    ("قتل جندي بالقرب من قاعدة القوات الخاصة البريطانية", "القوات"),
    ("نقل الجرحى إلى مستشفى القوات المسلحة في الجنوب", "القوات"),
    ("سيطرت القوات على بلدتي الحراك ورخم وإن مقاتلي المعارضة انسحبوا", "وان"),
    ("يشكل المطار قاعدة انطلاق لمروحيات النظام", "انطلاق"),
])
def test_force_source_particle_after_cue(text: str, word: str) -> None:
    assert fold(word) not in _names(text)


# "حقول ألغام" is a minefield: the mines are the field's weapon, not its name.
@pytest.mark.parametrize("text", [
    "أصابت الضربات وحدات تكتيكية وحقول ألغام قريبة من الرقة",
    "زرع التنظيم حقول ألغام حول مدينة الحويجة قبل انسحابه",
    "انفجر لغم في حقل ألغام قرب قرية البغيلية غربي دير الزور",
])
def test_a_minefield_is_no_place(text: str) -> None:
    assert "الغام" not in {n.replace("أ", "ا") for n in _names(text)}
    assert fold("ألغام") not in _names(text)
