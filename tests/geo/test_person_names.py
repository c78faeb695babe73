"""Place names inside a person's name chain are no scene (place_cues.toml ``[person]``,
docs/geocoding.md "Personal names"), on invented sentences varying person, gender, number, voice
and word order."""

from __future__ import annotations

import pytest

from marsad.geo.resolve import geocode_text
from marsad.text.normalise import fold


def _names(text: str) -> list[str]:
    return [fold(r.toponym.name) for r in geocode_text(text) if r.location is not None]


@pytest.mark.parametrize("text, name", [
    ("وقال وزير الدفاع خالد العبيدي إن القوات تقدمت", "العبيدي"),
    ("أكدت المخرجة هيفاء المنصور أن فيلمها سيعرض قريبا", "المنصور"),
    ("وتبدو حظوظ اللاعب وليد صلاح الدين هي الأعلى", "صلاح الدين"),
    ("ووقع الاتفاقية عن الشركة المدير العام عبدالله المنصور", "المنصور"),
    ("توفي يوسف محمد أحمد بنان بعد مرض", "بنان"),
    ("نظم المهرجان أمسية عن الشاعر لبيد بن ربيعة العامري", "ربيعة"),
    ("أعلن المحافظ عبد الله الزبير أنهم سيعيدون فتح الطريق", "الزبير"),
])
def test_a_name_after_a_given_name_is_a_family_name(text: str, name: str) -> None:
    assert fold(name) not in _names(text)


@pytest.mark.parametrize("text, name, admin1", [
    ("قتل محمد بالموصل في هجوم مسلح", "الموصل", "Ninewa"),  # a preposition joined to the place
    ("أصيبت زينب في الرمادي بشظايا قذيفة", "الرمادي", "Anbar"),
    ("قصفت الطائرات بلدة جاسم في ريف درعا", "جاسم", "Daraa"),  # a given name after a cue is a place
    ("اعتقلت القوات أحمد، والموصل تشهد حظرا للتجوال", "الموصل", "Ninewa"),  # punctuation between
])
def test_a_place_beside_a_given_name_stays_a_place(text: str, name: str, admin1: str) -> None:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]
    assert found and found[0].location is not None and found[0].location.admin1 == admin1


@pytest.mark.parametrize("text", [
    "وكان زعيم الحزب المقرب من الأكراد في تركيا صلاح الدين دمرتاش قد دعا الحكومة إلى وقف العنف",
    "فرضت السلطات عزلة على صلاح الدين دميرتاش زعيم حزب الشعوب الديمقراطي",
    "في عام 1187 أنهت قوات صلاح الدين الأيوبي حصارها للقدس",
    "توجت العداءة بالسباق وحل بعدها العداء المغربي صلاح الدين بوناصر",
])
def test_a_compound_given_name_before_a_family_name_is_a_person(text: str) -> None:
    assert fold("صلاح الدين") not in _names(text)


@pytest.mark.parametrize("text", [
    "قتل ثلاثة جنود في هجوم على صلاح الدين شمالي بغداد",
    "شهدت صلاح الدين هجوما انتحاريا أوقع خمسة قتلى",
    "انفجرت عبوة ناسفة في صلاح الدين العراقية أمس",
    "وأكد ضابط في شرطة صلاح الدين العثور على الجثث",  # an office's place, not a person
])
def test_the_governorate_stays_a_place(text: str) -> None:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold("صلاح الدين")]
    assert found and found[0].location is not None and found[0].location.admin1 == "Salah al-Din"
