"""Ordinary words that some gazetteer entry also bears, and the limits of a list of places.

Every sentence here is invented.  Each rule is checked both ways: the ordinary word is no
place, and the same name is still a place where the text calls it one.
"""

from __future__ import annotations

import pytest

from marsad.geo.resolve import geocode_text
from marsad.text.normalise import fold


def _names(text: str) -> list[str]:
    return [r.toponym.name for r in geocode_text(text)]


def _admin1(text: str, name: str) -> str:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]
    assert found and found[0].location is not None, f"{name!r} not placed in {text!r}"
    return found[0].location.admin1


# --- a dual cue names two places --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "قصفت الطائرات بلدتي نبل والزهراء والمحاصرتين منذ سنوات في ريف حلب",  # a dual adjective after the pair
    "سقطت قذائف على بلدتي نبل والزهراء والمحاصرتين",
    "اشتبك المسلحون مع الجيش قرب بلدتي نبل والزهراء، عقبه قصف عنيف على مواقعهم",  # "followed by it"
])
def test_a_dual_cue_lists_two_places(text: str) -> None:
    names = [fold(n) for n in _names(text)]
    assert fold("نبل") in names and fold("الزهراء") in names
    assert fold("المحاصرتين") not in names and fold("عقبه") not in names


def test_a_plural_cue_lists_more_than_two() -> None:
    assert fold("المحاصرتين") in [fold(n) for n in _names("قصفت الطائرات قرى نبل والزهراء والمحاصرتين في ريف حلب")]


# --- ordinary words that villages or towns also bear ---------------------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("قالت المعارضة إن قوات بشار الأسد قصفت مواقع في درعا", "الأسد"),
    ("يظهر المسؤولون على الإعلام كل يوم في بغداد", "الإعلام"),
    ("وصلتني رسالة تقول إن الدور قادم عليك في تكريت", "الدور"),
    ("انتشرت وحدات من الجيش في الموصل", "وحدات"),
])
def test_an_ordinary_word_is_no_place(text: str, word: str) -> None:
    assert fold(word) not in [fold(n) for n in _names(text)]


def test_the_town_is_a_place_with_its_cue() -> None:
    assert _admin1("قصف على قضاء الدور في صلاح الدين", "الدور") == "Salah al-Din"


# --- a cue noun with the article points back ----------------------------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("انفجرت عبوة في سوق الناحية المزدحم في ديالى", "الناحية"),
    ("تجمع الأهالي في ساحة المخيم في دهوك", "المخيم"),
    ("قصفت المدفعية أطراف الضاحية في ريف دمشق", "الضاحية"),
])
def test_a_definite_cue_noun_is_no_name(text: str, word: str) -> None:
    names = [fold(n) for n in _names(text)]
    assert not any(fold(word) in n for n in names)


# --- a noun with its adjective ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "تداعيات خطيرة في المشهد الأمني في ديالى",
    "تحولات كبيرة في المشهد السياسي العراقي في بغداد",
    "قال إن المشهد الإعلامي في كركوك تغير",
])
def test_a_village_word_with_an_adjective_is_a_noun(text: str) -> None:
    assert fold("المشهد") not in [fold(n) for n in _names(text)]


@pytest.mark.parametrize("text", [
    "هاجم مسلحون قرية المشهد في صلاح الدين",
    "سيطر الجيش على المشهد في قضاء الشرقاط",
])
def test_the_village_with_a_cue_or_a_parent_is_a_place(text: str) -> None:
    assert _admin1(text, "المشهد") == "Salah al-Din"


@pytest.mark.parametrize("text", [
    "خرج المتظاهرون في عدد من مناطق الإقليم",
    "قصفت الطائرات التركية مواقع في مناطق الإقليم الحدودية",
    "قالت حكومة أربيل إن الهجوم وقع في إحدى قرى الإقليم",
])
def test_the_region_is_no_village(text: str) -> None:
    assert fold("الإقليم") not in [fold(n) for n in _names(text)]


@pytest.mark.parametrize(("text", "word"), [
    ("انفجرت سيارة مفخخة في سوق مزدحم في مدينة إدلب", "مزدحم"),
    ("أطلق مسلحون النار على المارة في شارع جانبي وسط كركوك", "جانبي"),
    ("وقع الانفجار في سوق مكتظ بالمتسوقين في مدينة الحلة", "مكتظ"),
])
def test_the_look_of_a_market_or_street_is_no_name(text: str, word: str) -> None:
    assert fold(word) not in [fold(n) for n in _names(text)]


# --- where aircraft or missiles set off from -----------------------------------------------------------


def _roles(text: str) -> dict[str, str]:
    return {fold(r.toponym.name): r.toponym.role for r in geocode_text(text)}


@pytest.mark.parametrize(("text", "origin", "scene"), [
    ("استهدفت طائرات انطلقت من مطار الشعيرات بلدة خان شيخون في إدلب", "الشعيرات", "خان شيخون"),
    ("طائرات أقلعت من قاعدة حميميم قصفت بلدة كفرنبل", "حميميم", "كفرنبل"),
    ("قالت الوزارة إن الطائرات انطلقت من مطار التيفور وقصفت مدينة تدمر", "مطار التيفور", "تدمر"),
])
def test_the_place_aircraft_set_off_from_is_no_scene(text: str, origin: str, scene: str) -> None:
    roles = _roles(text)
    assert roles[fold(origin)] == "origin"
    assert roles[fold(scene)] == "event"


def test_a_strike_on_the_airbase_is_there() -> None:
    assert _roles("قتل خمسة جنود في غارة على مطار الشعيرات")[fold("الشعيرات")] == "event"


# --- a two-word name whose second word ends like a dual ------------------------------------------------


@pytest.mark.parametrize("text", [
    "حررت القوات قرى الجنينة وشمرة الحصان بريف دير الزور",
    "سيطر الجيش على قرية شمرة الحصان شرقي دير الزور",
    "تقدمت القوات في قريتي الجيعة وشمرة الحصان في ريف دير الزور الشرقي",
])
def test_a_stem_ending_in_an_is_part_of_the_name(text: str) -> None:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold("شمرة الحصان")]
    assert found and found[0].location is not None and found[0].location.admin1 == "Deir ez-Zor"


# --- a facility named after the only place of that name ---------------------------------------------


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("قصفت قوات النظام مدينة درعا وسقطت قذائف على قاعدة حميميم", "حميميم", "Lattakia"),
    ("قصفت قوات النظام مدينة درعا وسقطت قذائف على مطار خلخلة", "خلخلة", "As-Suwayda"),
    ("دارت اشتباكات في ريف درعا بينما استهدفت طائرات مسيرة قاعدة حميميم الجوية", "حميميم", "Lattakia"),
])
def test_a_facility_named_after_a_unique_village_is_there(text: str, name: str, admin1: str) -> None:
    assert _admin1(text, name) == admin1


# --- airbases the open data lack (curated landmarks) -------------------------------------------------


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("قصفت قوات النظام مدينة درعا ودارت اشتباكات في محيط مطار كويرس العسكري", "مطار كويرس العسكري", "Aleppo"),
    ("قالت مصادر إن صواريخ إسرائيلية استهدفت مطار التيفور وسط سوريا", "مطار التيفور", "Homs"),
    ("سيطرت الفصائل على مطار منغ العسكري شمال حلب", "مطار منغ العسكري", "Aleppo"),
    ("استعاد الجيش مطار الجراح في ريف حلب الشرقي", "مطار الجراح", "Aleppo"),
])
def test_an_airbase_is_placed_at_its_own_point(text: str, name: str, admin1: str) -> None:
    assert _admin1(text, name) == admin1


# --- "the suburbs" with an adjective; a title in apposition ------------------------------------------


@pytest.mark.parametrize("text", [
    "توصلت الحكومة إلى اتفاق مع مسلحين يتحصنون في الضواحي المحاصرة من دمشق",
    "قصفت الطائرات الضواحي الشرقية من دمشق",
    "اشتباكات عنيفة في الضواحي الجنوبية لمدينة دمشق",
])
def test_the_suburbs_of_damascus_are_rural_damascus(text: str) -> None:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold("دمشق")]
    assert found and found[0].toponym.relation == "near"
    assert found[0].location is not None and found[0].location.admin1 == "Rural Damascus"


@pytest.mark.parametrize(("text", "relation"), [
    ("وقعت الهجمات في المدينة الواقعة جنوب العاصمة السورية دمشق", "near"),
    ("اشتباكات قرب العاصمة دمشق", "near"),
    ("سقطت قذائف شمال العاصمة العراقية بغداد", "near"),
    ("انفجار في العاصمة بغداد", "in"),  # no relation word: the capital itself
])
def test_a_title_in_apposition_is_transparent(text: str, relation: str) -> None:
    name = "دمشق" if "دمشق" in text else "بغداد"
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]
    assert found and found[0].toponym.relation == relation


# --- a relative clause that locates a place names its parent ------------------------------------------


@pytest.mark.parametrize(("text", "child", "parent"), [
    ("خلال معارك في محيط مدينة داريا التي تقع في الغوطة الغربية لدمشق", "داريا", "الغوطة الغربية"),
    ("قتل ثلاثة في قرية البوعيثة التي تقع في قضاء الطارمية", "البوعيثة", "الطارمية"),
    ("سقطت قذيفة على بلدة خان شيخون التي تقع في ريف إدلب الجنوبي", "خان شيخون", "إدلب"),
])
def test_which_lies_in_names_the_parent(text: str, child: str, parent: str) -> None:
    roles = _roles(text)
    assert roles[fold(child)] == "event" and roles[fold(parent)] == "parent"


# --- spellings and sites the open data lack (curated) ------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    ("تظاهر العشرات في ناحية صفوان عند مدخل المنفذ الحدودي", "صفوان"),
    ("أغلق متظاهرون الطريق المؤدي إلى حقول الرميلة النفطية غرب البصرة", "حقول الرميلة"),
    ("اقتحم محتجون حقل الرميلة الشمالي", "حقل الرميلة الشمالي"),
])
def test_basra_places_the_press_names(text: str, name: str) -> None:
    assert _admin1(text, name) == "Basra"


# --- a whole ordinary word is not a clitic before a place name -------------------------------------


@pytest.mark.parametrize("text", [
    "قصفت المدفعية مواقع قرب الحدود مع لبنان",  # لبنان is the country, not ل + the village بنان
    "عاد المقاتلون من لبنان إلى القصير أمس",  # after a preposition, masculine plural subject
    "أعلنت وزارة الخارجية أن لبنان لن يسلم المطلوبين",  # a subject of a reported clause
])
def test_a_whole_word_hides_no_clitic_place(text: str) -> None:
    assert "بنان" not in [fold(n) for n in _names(text)], text


def test_the_village_is_still_a_place_without_a_clitic() -> None:
    assert _admin1("قتل جنديان في بنان بريف حلب الجنوبي", "بنان") == "Aleppo"


@pytest.mark.parametrize("text", [
    "تبادلت القوات القصف على طول الحدود بين سوريا ولبنان",  # و + لبنان
    "وصل اللاجئون أمس إلى الأردن فلبنان بعد رحلة شاقة",  # ف + لبنان
    "تنقل المهربون بين العراق وسوريا ولبنان خلال الأشهر الماضية",  # the last item of a list
])
def test_a_country_after_a_conjunction_hides_no_clitic_place(text: str) -> None:
    assert "بنان" not in [fold(n) for n in _names(text)], text


# --- ordinary words and foreign cities mined from unlabeled news ------------------------------------


@pytest.mark.parametrize(("text", "word"), [
    ("التقى الوزير نظيره خلال الزيارة التي استمرت يومين", "الزيارة"),  # the visit
    ("أدرجت الخزانة الأمريكية اسمه على القائمة السوداء", "السوداء"),  # black
    ("انتقد النائب سلوك القوات الأمنية مع المحتجين", "سلوك"),  # behaviour
    ("قالت المعارضة إن النظام قصف الأحياء السكنية", "النظام"),  # the regime
    ("نشرت الوكالة الصور التي تظهر الدمار في الحي", "الصور"),  # the pictures
    ("وصل رئيس الوزراء العراقي إلى الرياض في زيارة رسمية", "الرياض"),  # Riyadh, Saudi Arabia
    ("قتل ثلاثة مدنيين بقصف على الحديدة غرب اليمن", "الحديدة"),  # Hodeidah, Yemen
    ("عقدت الجامعة العربية اجتماعها في القاهرة أمس", "القاهرة"),  # Cairo
])
def test_an_ordinary_word_or_a_foreign_city_is_no_place(text: str, word: str) -> None:
    assert fold(word) not in [fold(n) for n in _names(text)], text


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("سيطر المسلحون على بلدة الزيارة في سهل الغاب بريف حماة", "الزيارة", "Hama"),
    ("قصفت الطائرات قرية الصور بريف دير الزور الشمالي", "الصور", "Deir ez-Zor"),
    ("هاجم مسلحون ناحية الرياض في قضاء الحويجة جنوب غرب كركوك", "الرياض", "Kirkuk"),
])
def test_the_same_names_are_places_after_a_cue(text: str, name: str, admin1: str) -> None:
    assert _admin1(text, name) == admin1


# --- OCHA community names qualified by their own unit (build_gazetteer.base_of_unit_qualified) -------


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("حوصرت بلدة كفريا شمال إدلب منذ أشهر", "كفريا", "Idlib"),  # OCHA: كفريا معرتمصرين، كفريا المعرة
    ("نزح الأهالي من قرية تل عودة في ريف القامشلي", "تل عودة", "Al-Hasakah"),  # تل عودة قامشلي/قحطانية
    ("قصفت المدفعية قرية سموقة قرب منبج", "سموقة", "Aleppo"),  # سموقة منبج، سموقة اعزاز
])
def test_a_community_is_named_without_its_units_qualifier(text: str, name: str, admin1: str) -> None:
    assert _admin1(text, name) == admin1
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]
    assert found[0].location is not None and found[0].location.geo_precision == 1  # the village itself


def test_the_qualifier_is_dropped_only_between_same_named_communities() -> None:
    # "حيفا المالكية" is the only one of its name: حيفا alone stays Haifa abroad, no Syrian village
    haifa = [r for r in geocode_text("وصل الوفد إلى حيفا أمس") if fold(r.toponym.name) == fold("حيفا")]
    assert all(r.location is not None and r.location.country not in ("IRQ", "SYR") for r in haifa)
    # "سنجار مالكية" does not make سنجار a Hasakah village beside Iraq's district
    found = [r for r in geocode_text("قتل جنديان في قضاء سنجار") if fold(r.toponym.name) == fold("سنجار")]
    assert found and all(p.admin1 != "Al-Hasakah" for p, _ in found[0].ranked)
    assert found[0].location is not None and found[0].location.admin1 == "Ninewa"


@pytest.mark.parametrize(("text", "word"), [
    # a demonstrative points at a common noun: a place after one has its cue noun between them
    ("تعاني هذه الطبقة من المجتمع من الفقر والبطالة", "الطبقة"),
    ("تآكلت الطبقة المتوسطة بفعل الغلاء", "الطبقة"),
    ("قال إن تلك الطبقة السياسية فشلت في إدارة البلاد", "الطبقة"),
    ("وفي هذا الصدد أكد الوزير أن الحكومة ستدعم المزارعين", "الصدد"),
    # an indefinite adjective after a cue noun describes the place, it names none
    ("لجأت العائلة إلى قرية صغيرة في ريف حلب", "صغيرة"),
    ("بنت السلطات قرية جديدة للنازحين قرب الموصل", "جديدة"),
    # ordinary words that small places also bear ([ambiguous]), with no cue before them
    ("رفع الحكم البطاقة الحمراء في وجه المدافع", "الحمراء"),
    ("يعيش السكان في الوقت الحاضر أزمة مياه خانقة", "الحاضر"),
    ("طالب المحتجون بحماية حرية الضمير في البلاد", "الضمير"),
    ("ناشدت الأمهات الضمير الإنساني إنقاذ أبنائهن", "الضمير"),
    ("قال اللاعب إنه مرتاح الضمير بعد المباراة", "الضمير"),
    ("أكد اللواء أن القوات بصدد اقتحام المدينة خلال أيام", "صدد"),
    ("وصل قائد فيلق القدس قاسم سليماني إلى بغداد", "سليماني"),
    ("كانت هذه اللفتة الكريمة محل تقدير الأهالي", "الكريمة"),
])
def test_a_common_noun_or_adjective_is_no_place(text: str, word: str) -> None:
    placed = [fold(r.toponym.name) for r in geocode_text(text) if r.location is not None]
    assert fold(word) not in placed and fold(word.removeprefix("ال")) not in placed


def test_a_cue_still_names_a_place_after_a_demonstrative_noun() -> None:
    """"هذه المدينة" points back; "مدينة الطبقة" after it is still Tabqa."""
    found = [r for r in geocode_text("دخلت القوات هذه المدينة، مدينة الطبقة غرب الرقة")
             if fold(r.toponym.name) == fold("الطبقة")]
    assert found and found[0].location is not None and found[0].location.admin1 == "Ar-Raqqa"


@pytest.mark.parametrize(("text", "admin1"), [
    # a place the text calls a village, placed by its direction from a town, lies within reach of that
    # town: Wasit's town of العزيزية, 200 km away, is not the village south of Kirkuk
    ("فجر انتحاري نفسه وسط تجمع للمشيعين في قرية العزيزية جنوب كركوك", "Kirkuk"),
    ("اختطف مسلحون ثلاثة رعاة من قرية العزيزية غربي كركوك", "Kirkuk"),
    ("عثرت الشرطة على جثتي امرأتين قرب قرية العزيزية شمال شرق كركوك", "Kirkuk"),
])
def test_a_village_by_a_direction_is_not_a_far_town(text: str, admin1: str) -> None:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold("العزيزية")]
    assert found and found[0].location is not None and found[0].location.admin1 == admin1


def test_a_far_town_by_a_direction_is_still_that_town() -> None:
    """"مدينة تكريت شمال بغداد": a town may lie far from the place it is placed by."""
    text = "سيطرت القوات على مدينة تكريت شمال بغداد"
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold("تكريت")]
    assert found and found[0].location is not None and found[0].location.admin1 == "Salah al-Din"


@pytest.mark.parametrize(("text", "admin1"), [
    # a nisba-shaped name (an adjective's form) is a place when the text places it in its town
    ("انفجرت سيارة مفخخة في الزعفرانية بجنوب بغداد", "Baghdad"),
    ("اغتال مسلحون مجهولون موظفا في الزعفرانية جنوبي بغداد", "Baghdad"),
    ("سقطت قذائف هاون على الزعفرانية في ريف حمص الشمالي", "Homs"),
])
def test_a_nisba_name_placed_in_its_town(text: str, admin1: str) -> None:
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == fold("الزعفرانية")]
    assert found and found[0].location is not None and found[0].location.admin1 == admin1


def test_a_nisba_adjective_stays_an_adjective() -> None:
    text = "رفعت الحكومة الشعارات الزعفرانية في بغداد"
    assert fold("الزعفرانية") not in [fold(r.toponym.name) for r in geocode_text(text)]
