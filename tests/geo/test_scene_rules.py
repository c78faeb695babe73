"""Rules for the event's place (docs/geocoding.md, "Scene rules"), each on invented sentences that
vary person, gender, number, voice and word order."""

from __future__ import annotations

import pytest

from marsad.geo.resolve import ResolvedPlace, geocode_text
from marsad.text.normalise import fold


def _found(text: str, name: str) -> list[ResolvedPlace]:
    return [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]


def _placed(text: str, name: str) -> ResolvedPlace:
    found = _found(text, name)
    assert found, f"{name!r} not found in {text!r}: {[r.toponym.name for r in geocode_text(text)]}"
    return found[-1]


# --- a facility that is a site of its own may bear the name of any kind of place ------------------------

@pytest.mark.parametrize("text", [
    "قصفت طائرات إسرائيلية مطار المزة العسكري فجر اليوم",
    "تعرض مطار المزة العسكري لهجوم صاروخي، بحسب المرصد",
    "أصيب ثلاثة جنود عندما سقطت قذائف على مطار المزة",
])
def test_an_airport_named_after_a_quarter_is_the_place(text: str) -> None:
    rp = _placed(text, "المزة")
    assert rp.location is not None and rp.location.admin1 == "Damascus"
    assert rp.location.name_ar.startswith("مطار المزة") and rp.location.geo_precision == 2


@pytest.mark.parametrize("text", [
    "بعد الهجوم الكيماوي على خان شيخون في إدلب، ضربت صواريخ أمريكية مطار الشعيرات العسكري",
    "قال مسؤولون إن إدلب تعرضت لغارات، فيما قصفت البوارج مطار الشعيرات",
    "استهدف الطيران مطار الشعيرات ردا على ما جرى في محافظة إدلب",
])
def test_an_airport_named_after_the_only_place_of_that_name(text: str) -> None:
    """The document names Idlib, never Homs: the airbase still lies at Homs's Shayrat."""
    rp = _placed(text, "الشعيرات")
    assert rp.location is not None and rp.location.admin1 == "Homs"


# --- a list of towns makes each item a town -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "تظاهر المئات في الكوت والعمارة والسماوة",
    "خرجت تظاهرات في الناصرية، والعمارة احتجاجا على انقطاع الكهرباء",
    "سيتظاهر المعلمون غدا في البصرة والعمارة",
])
def test_an_ordinary_word_in_a_list_of_towns_is_a_town(text: str) -> None:
    rp = _placed(text, "العمارة")
    assert rp.location is not None and rp.location.admin1 == "Maysan"


@pytest.mark.parametrize("text", [
    "انهارت العمارة بعد الانفجار",
    "تضررت العمارة المجاورة للسوق في القصف",
    "سقطت قذيفة على العمارة التي يسكنها النازحون",
])
def test_the_ordinary_word_alone_is_no_place(text: str) -> None:
    assert all(r.location is None for r in _found(text, "العمارة"))


# --- a capital as the subject of a verb of saying stands for its government ---------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("أكدت بغداد أنها لن تسمح باستخدام أراضيها لمهاجمة دول الجوار", "بغداد"),
    ("واتهمت دمشق أنقرة بقصف القرى الحدودية", "دمشق"),
    ("وترفض أربيل قرار الحكومة الاتحادية بإغلاق المطار", "أربيل"),
    ("قال الوزير إن الحكومة ستحاور المحتجين، بينما طالبت البصرة بحصتها من النفط", "البصرة"),
])
def test_a_capital_after_a_verb_of_saying_is_an_actor(text: str, name: str) -> None:
    assert _placed(text, name).toponym.role == "organisation"


@pytest.mark.parametrize(("text", "name"), [
    ("قتل جندي في بغداد مساء أمس", "بغداد"),
    ("أكد مصدر أمني أن دمشق شهدت انفجارا", "دمشق"),
    ("قصفت الطائرات أربيل", "أربيل"),
])
def test_a_capital_as_a_place_stays_a_place(text: str, name: str) -> None:
    assert _placed(text, name).toponym.role in ("event", "parent")


# --- a name in construct with another place name is one name --------------------------------------------

@pytest.mark.parametrize("text", [
    "انطلقت صباح السبت مظاهرة جديدة في منطقة خور الزبير",
    "تظاهر العشرات من أهالي منطقة خور الزبير مطالبين بفرص العمل",
    "قطع محتجون الطريق في منطقة خور الزبير وأحرقوا إطارات",
])
def test_a_two_word_name_is_not_a_village_and_a_town(text: str) -> None:
    rp = _placed(text, "خور الزبير")
    assert rp.location is not None and rp.location.admin1 == "Basra"
    assert rp.location.name_ar == "خور الزبير"
    assert not any(r.toponym.role == "event" and fold(r.toponym.name) == fold("الزبير") for r in geocode_text(text))


@pytest.mark.parametrize(("text", "name"), [
    ("قتل شخصان في بلدة سروج التركية", "سروج"),
    ("قصفت الطائرات قرى الزويك المجاورة", "الزويك"),
    ("سيطرت الفصائل على قريتي كفريا والفوعة المواليتين للنظام", "الفوعة"),
])
def test_an_agreeing_adjective_is_no_part_of_the_name(text: str, name: str) -> None:
    assert _found(text, name), [r.toponym.name for r in geocode_text(text)]


# --- a direction phrase chooses the place lying that way ------------------------------------------------

@pytest.mark.parametrize("text", [
    "قتل ثلاثة مدنيين بهجوم مسلح على قرية الصدور شمال شرقي بغداد",
    "هاجم مسلحون مجهولون قرية الصدور شمال شرقي بغداد وأحرقوا منازل",
    "اختطفت امرأتان من قرية الصدور (شمال شرقي بغداد) مساء أمس",
])
def test_a_village_in_the_direction_named_from_a_city(text: str) -> None:
    """Al-Sudur lies some 100 km north-east of Baghdad, in Diyala: the direction fits, the distance
    alone (over 80 km) would not."""
    loc = _placed(text, "الصدور").location
    assert loc is not None and loc.admin1 == "Diyala" and loc.geo_precision == 1


@pytest.mark.parametrize("text", [
    "قتل ثلاثة مدنيين بهجوم مسلح على قرية الصدور جنوب بغداد",
    "هاجم مسلحون قرية الصدور غربي بغداد",
    "اختطفت امرأتان من قرية الصدور جنوب غربي بغداد",
])
def test_a_village_the_other_way_is_not_that_village(text: str) -> None:
    loc = _placed(text, "الصدور").location
    assert loc is None or loc.admin1 != "Diyala"


# --- a misspelt source name gets the press spelling (curated alias) ------------------------------------

@pytest.mark.parametrize("text", [
    "هاجم الجيش بلدة الغارية الغربية الواقعة إلى الشرق من درعا",
    "ارتفعت حصيلة الغارات على بلدة الغارية الغربية بريف درعا إلى 15 قتيلا",
    "قتلت امرأة في قصف على الغارية الغربية في ريف درعا الشرقي",
])
def test_western_ghariyeh_is_in_daraa(text: str) -> None:
    loc = _placed(text, "الغارية الغربية").location
    assert loc is not None and loc.admin1 == "Daraa"


# --- a sub-district no town stands for is named after its seat ------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("قالت مصادر أمنية إن ثلاثين رجلا خطفوا في خان بني سعد", "خان بني سعد"),
    ("انفجرت عبوة ناسفة في بني سعد فقتلت امرأتين", "بني سعد"),
    ("اقتحم محتجون غاضبون المجلس البلدي في خان بني سعد وأحرقوه", "خان بني سعد"),
])
def test_a_subdistrict_named_after_its_seat_is_placed(text: str, name: str) -> None:
    loc = _placed(text, name).location
    assert loc is not None and loc.admin1 == "Diyala"


# --- a place followed by "near/south of Y" is located by Y: Y is no second scene ------------------------

@pytest.mark.parametrize(("text", "place", "reference"), [
    ("تظاهر أمس المئات بمحافظة ذي قار جنوب بغداد", "ذي قار", "بغداد"),
    ("تقدمت القوات الحكومية في جنوب الغوطة الشرقية المحاصرة بالقرب من دمشق", "الغوطة الشرقية", "دمشق"),
    ("سيطرت الفصائل على مدينة إدلب شمال حماة", "إدلب", "حماة"),
])
def test_a_place_near_another_is_located_by_it(text: str, place: str, reference: str) -> None:
    assert _placed(text, place).toponym.role == "event"
    assert _placed(text, reference).toponym.role in ("reference", "parent")  # either way no scene


@pytest.mark.parametrize(("text", "first", "second"), [
    ("قتل جندي في الموصل وقرب كركوك", "الموصل", "كركوك"),
    ("انفجرت عبوتان في البصرة وجنوب الناصرية", "البصرة", "الناصرية"),
    ("قصفت الطائرات مدينة إدلب وشمال حماة", "إدلب", "حماة"),
])
def test_a_coordinated_near_place_is_a_second_scene(text: str, first: str, second: str) -> None:
    """"و" before the relation words makes Y another place of the list, neither X's parent nor its reference."""
    a, b = _placed(text, first), _placed(text, second)
    assert b.toponym.role == "event" and a.toponym.parent_token == -1


# --- the land around a one-city governorate lies in the governorate around it ---------------------------

@pytest.mark.parametrize("text", [
    "قتل ثلاثة مدنيين بقصف قرب دمشق",
    "سقطت قذائف أطلقها مسلحون على ضواحي دمشق",
    "تدور اشتباكات عنيفة على أطراف دمشق منذ الصباح",
])
def test_near_damascus_is_rural_damascus(text: str) -> None:
    loc = _placed(text, "دمشق").location
    assert loc is not None and loc.admin1 == "Rural Damascus" and loc.geo_precision == 2


@pytest.mark.parametrize("text", [
    "انفجرت سيارة مفخخة في دمشق",
    "قصفت الطائرات جنوب دمشق",
    "تظاهرت عشرات النساء وسط دمشق",
])
def test_in_or_a_part_of_damascus_is_damascus(text: str) -> None:
    loc = _placed(text, "دمشق").location
    assert loc is not None and loc.admin1 == "Damascus"


@pytest.mark.parametrize(("text", "name"), [
    ("استهدفت الطائرات التركية مواقع تابعة للمقاتلين الموالين لدمشق", "دمشق"),
    ("هاجمت القوات الموالية لبغداد البلدة فجرا", "بغداد"),
    ("قال قائد فصيل متحالف لدمشق إن عناصره انسحبوا", "دمشق"),
])
def test_a_capital_after_loyal_to_is_an_actor(text: str, name: str) -> None:
    assert _placed(text, name).toponym.role == "organisation"


@pytest.mark.parametrize(("text", "name"), [
    ("وصل الوفد لدمشق مساء أمس", "دمشق"),
    ("عاد المقاتلون الموالون إلى مواقعهم في بغداد", "بغداد"),
    ("نقل الجرحى لبغداد لتلقي العلاج", "بغداد"),
])
def test_a_capital_after_ل_alone_is_no_actor(text: str, name: str) -> None:
    assert _placed(text, name).toponym.role != "organisation"


# --- a dual cue spelt with ء introduces a list too ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "خرج المئات من أهالي قضاءي علي الغربي والسلمان في تظاهرات",
    "تظاهرت العشرات من نساء قضاءي علي الغربي والسلمان",
    "سيشهد قضاءي علي الغربي والسلمان إضرابا عاما",
])
def test_a_dual_district_cue_lists_two_districts(text: str) -> None:
    assert _placed(text, "علي الغربي").toponym.cue and _placed(text, "السلمان").toponym.cue
    assert _placed(text, "السلمان").location.admin1 == "Muthanna"  # type: ignore[union-attr]


# --- a direction word between a facility noun and a place is part of the facility's name -----------------

@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("حاول المتظاهرون اقتحام حقل غرب القرنة النفطي", "غرب القرنة", "Basra"),
    ("أغلق محتجون غاضبون حقل شرق بغداد", "شرق بغداد", "Baghdad"),
    ("استهدفت قذيفة حقل غرب القرنة فأحرقت خزانا", "غرب القرنة", "Basra"),
])
def test_a_field_named_with_a_direction(text: str, name: str, admin1: str) -> None:
    loc = _placed(text, name).location
    assert loc is not None and loc.name_ar == name and loc.admin1 == admin1 and loc.geo_precision == 2


@pytest.mark.parametrize(("text", "name"), [
    ("قتل جندي في هجوم جنوب بغداد", "بغداد"),
    ("سقطت قذائف غرب القرنة", "القرنة"),
    ("هاجم مسلحون قرية شمال الموصل", "الموصل"),
])
def test_a_direction_without_a_facility_is_a_relation(text: str, name: str) -> None:
    rp = _placed(text, name)
    assert rp.toponym.relation == "near" and rp.location is not None and rp.location.name_ar == name


# --- a relative set off by a comma that locates the place before it names its parent or reference ------

@pytest.mark.parametrize("text,village,admin1,reference", [
    ("قتل ثلاثة مدنيين بهجوم مسلح قرب بلدة داقوق، الواقعة إلى الجنوب من كركوك، مساء أمس.",
     "داقوق", "Kirkuk", "كركوك"),
    ("قصفت الطائرات الحربية قرية البوير، التي تقع شمال الرقة، فقتلت طفلين.", "البوير", "Ar-Raqqa", "الرقة"),
    ("أصيبت امرأة حين سقطت قذيفة على ناحية العظيم، الواقعة شمال بعقوبة.", "العظيم", "Diyala", "بعقوبة"),
    ("اشتبكت الشرطة مع مسلحين في بلدة داقوق، الواقعة جنوب كركوك، وقتل منهم اثنان.", "داقوق", "Kirkuk", "كركوك"),
])
def test_a_locating_relative_after_a_comma_names_no_second_scene(text: str, village: str, admin1: str,
                                                                  reference: str) -> None:
    """"X، الواقعة جنوب Y"، "X، التي تقع شمال Y": the comma sets off a relative clause that locates X (place_cues
    `locating_relatives`); Y is X's parent or reference point — X is placed with it, Y is no scene of its own."""
    rp = _placed(text, village)
    assert rp.location is not None and rp.location.admin1 == admin1
    assert all(r.toponym.role != "event" for r in _found(text, reference))
