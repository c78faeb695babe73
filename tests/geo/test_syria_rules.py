"""The geocoding rules added for Syria (docs/geocoding.md), each on invented sentences that vary
person, gender, number, voice and word order."""

from __future__ import annotations

import pytest

from marsad.geo.resolve import ResolvedPlace, geocode_text
from marsad.text.normalise import fold


def _found(text: str, name: str) -> list[ResolvedPlace]:
    return [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]


def _placed(text: str, name: str) -> ResolvedPlace:
    found = _found(text, name)
    assert found, f"{name!r} not found in {text!r}"
    return found[-1]


# --- the forces of one country tell which country an article is about --------------------------------

@pytest.mark.parametrize("text", [
    "قصفت قوات النظام بلدة الباغوز وردت قسد بقصف مماثل",
    "استعادت قسد السيطرة على الباغوز بعد معارك مع داعش، وقالت وحدات حماية الشعب إن قواتها تقدمت",
    "أعلن الجيش الحر أن مقاتليه هاجموا مواقع قوات النظام في الباغوز",
])
def test_syrian_forces_make_a_syrian_article(text: str) -> None:
    loc = _placed(text, "الباغوز").location
    assert loc is not None and loc.country == "SYR" and loc.admin1 == "Deir ez-Zor"


@pytest.mark.parametrize("text", [
    "هاجم الحشد الشعبي مسلحي داعش في الباغوز وساندته البيشمركة",
    "أعلنت قيادة العمليات المشتركة أن الحشد الشعبي طهر قرية الباغوز",
    "قتل عنصران من البيشمركة وأصيب ثالث في هجوم لداعش على الباغوز، بحسب الحشد الشعبي",
])
def test_iraqi_forces_make_an_iraqi_article(text: str) -> None:
    loc = _placed(text, "الباغوز").location
    assert loc is not None and loc.country == "IRQ" and loc.admin1 == "Anbar"


# --- one-word village names that are ordinary words ------------------------------------------------------

@pytest.mark.parametrize(("text", "word"), [
    ("قتل مدني في سلسلة من الغارات على ريف إدلب", "سلسلة"),
    ("أسفرت المعارك عن خسائر بشرية في صفوف قوات النظام بريف حماة", "بشرية"),
    ("قال شيوخ العشائر في ريف حلب إنهم يرفضون التجنيد", "شيوخ"),
])
def test_ordinary_words_are_not_villages(text: str, word: str) -> None:
    assert not _found(text, word)


@pytest.mark.parametrize("text", [
    "سيطرت قوات النظام على بلدات الغوطة الشرقية، لكنه أكد استمرار المعارك",
    "تقدمت القوات في مناطق الشيحة والدواية، وقريبا ستصل إلى المدينة",
    "استهدفت الغارات مناطق تجمعات ونقاط تفتيش قرب دير الزور",
])
def test_a_list_of_places_ends_where_the_sentence_goes_on(text: str) -> None:
    names = {fold(r.toponym.name) for r in geocode_text(text)}
    assert not names & {fold(w) for w in ("لكنه", "قريبا", "نقاط")}


@pytest.mark.parametrize(("text", "word"), [
    ("قصفت الطائرات قرى كردية شمالي سوريا", "كردية"),
    ("هاجم المسلحون مناطق سورية حدودية", "سورية"),
    ("نزح السكان من قرى عربية في ريف الحسكة", "عربية"),
])
def test_a_nisba_after_a_plural_cue_is_an_adjective(text: str, word: str) -> None:
    assert not _found(text, word)


# --- same-named settlements: chosen by context, or not guessed ------------------------------------------

@pytest.mark.parametrize(("text", "admin1"), [
    ("قصفت قوات النظام قرية صوران في ريف حماة الشمالي", "Hama"),
    ("سيطر الجيش الحر على صوران بريف حماة", "Hama"),
    ("قتل طفلان في قصف على بلدة صوران شمال مدينة حماة", "Hama"),
])
def test_same_names_decided_by_the_governorate_nearby(text: str, admin1: str) -> None:
    loc = _placed(text, "صوران").location
    assert loc is not None and loc.admin1 == admin1 and loc.geo_precision == 1


@pytest.mark.parametrize("text", [
    "قصفت قوات النظام السوري قرية صوران في محافظة حلب",
    "قتلت امرأتان بغارة على قرية صوران بمحافظة حلب",
    "في محافظة حلب، قصف الطيران الروسي قرية صوران",
])
def test_undecided_same_names_fall_back_to_the_governorate(text: str) -> None:
    """Aleppo has a صوران in Al Bab and one in A'zaz district: nothing says which."""
    loc = _placed(text, "صوران").location
    assert loc is not None and loc.admin1 == "Aleppo" and loc.admin2 == "" and loc.geo_precision == 2


# --- named sites and landforms ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "written"), [
    ("قصفت إسرائيل مطار المزة العسكري في دمشق", "المزة", "مطار المزة العسكري"),
    ("سقطت صواريخ على مطار أبو الظهور العسكري", "أبو الظهور", "مطار أبو الظهور العسكري"),
    ("استهدفت الطائرات سهل الغاب بريف حماة الغربي", "الغاب", "سهل الغاب"),
    ("دارت اشتباكات في حوض اليرموك بريف درعا", "اليرموك", "حوض اليرموك"),
])
def test_a_site_or_landform_is_named_in_full(text: str, name: str, written: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and rp.location.name_ar == written
    assert text[rp.span[0]:rp.span[1]] == written  # the evidence covers the whole name


@pytest.mark.parametrize(("text", "name"), [
    ("أغلق المتظاهرون منفذ صفوان الحدودي في محافظة البصرة", "صفوان"),
    ("هجوم لداعش في بادية الميادين", "الميادين"),
    ("اشتباكات قرب حقل الشاعر في ريف حمص", "الشاعر"),
])
def test_a_crossing_field_or_desert_keeps_the_town_name(text: str, name: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and fold(rp.location.name_ar) == fold(name)


# --- the bare form of a name is for governorates and big cities ------------------------------------------

@pytest.mark.parametrize("text", [
    "التقى الوزير سفيرة الاتحاد الأوروبي في دمشق",
    "قالت سفيرة بلادها إن الهجوم مدان",
    "استدعت الخارجية سفيرة فرنسا",
])
def test_a_district_seat_is_not_matched_without_its_article(text: str) -> None:
    assert not _found(text, "سفيرة")


# --- a known name inside an unknown two-word name belongs to it ------------------------------------

@pytest.mark.parametrize("text", [
    "شنت قوات النظام غارات على قرية كفر داعل التي تسيطر عليها المعارضة في ريف حلب الغربي",
    "قتل مدنيان في قصف على بلدة كفر داعل بريف حلب",
    "سيطرت الفصائل على قريتي كفر داعل وخان العسل غربي حلب",
])
def test_a_name_inside_an_unknown_compound_is_not_a_place_of_its_own(text: str) -> None:
    resolved = geocode_text(text)
    assert not [r for r in resolved if fold(r.toponym.name) == fold("داعل")]  # Da'el is in Daraa
    assert all(r.location is None or r.location.admin1 == "Aleppo" for r in resolved)


@pytest.mark.parametrize("text", [
    "قصفت المعارضة قريتي نبل والزهراء، أفاد المرصد السوري",
    "سيطرت القوات على قرى طربا والكسيب، وأكد مصدر عسكري ذلك",
    "استهدف الطيران بلدات الغوطة، قال ناشطون",
])
def test_a_reporting_verb_ends_a_list_of_places(text: str) -> None:
    names = {fold(r.toponym.name) for r in geocode_text(text)}
    assert not names & {fold(w) for w in ("أفاد", "وأكد", "أكد", "قال")}


@pytest.mark.parametrize(("text", "name", "written"), [
    ("تظاهر المئات في شارع فلسطين ببغداد", "فلسطين", "شارع فلسطين"),
    ("انفجرت عبوة في سوق الشعارين وسط الموصل", "الشعارين", "سوق الشعارين"),
    ("سقطت قذيفة هاون في ساحة العباسيين بدمشق", "العباسيين", "ساحة العباسيين"),
])
def test_a_street_square_or_market_is_named_in_full(text: str, name: str, written: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and rp.location.name_ar == written


# --- the part of a governorate the text names picks among same-named villages --------------------------

@pytest.mark.parametrize(("text", "admin2"), [
    ("قصفت قوات النظام السوري قرية صوران في ريف حلب الشرقي", "Al Bab"),
    ("قتل ثلاثة مدنيين بغارة على قرية صوران بريف حلب الشمالي", "A'zaz"),
    ("سيطرت فصائل المعارضة على صوران شمالي حلب", "A'zaz"),
    ("استعادت قوات النظام قرية صوران شرقي حلب", "Al Bab"),
])
def test_the_part_of_the_governorate_decides(text: str, admin2: str) -> None:
    loc = _placed(text, "صوران").location
    assert loc is not None and (loc.admin1, loc.admin2) == ("Aleppo", admin2)


# --- an indefinite name in construct with a definite noun goes on with it ------------------------------------

@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("اشتبك مقاتلو المعارضة مع قوات النظام في حي كرم الصنوبر بمدينة حلب", "كرم الصنوبر", "Aleppo"),
    ("قتلت امرأتان بقصف استهدف بلدة فتحة الصخر في سهل الغاب", "فتحة الصخر", "Hama"),
    ("سقطت قذائف على قرية ساقية الريح بريف اللاذقية وأصيب طفلان", "ساقية الريح", "Lattakia"),
])
def test_an_unknown_name_in_construct_is_read_whole(text: str, name: str, admin1: str) -> None:
    loc = _placed(text, name).location
    assert loc is not None and loc.admin1 == admin1 and fold(loc.name_ar) == fold(name)


@pytest.mark.parametrize(("text", "name"), [
    ("سيطرت على قرية شبيبات القوات التركية", "شبيبات"),  # an actor follows (verb, object, subject)
    ("قُتل ثلاثة في بلدة رسيمات الحدودية", "رسيمات"),  # an adjective agreeing with the town
    ("هاجم مسلحون قرية حميرات الأسبوع الماضي", "حميرات"),  # a time
    ("استهدفت المدفعية مزرعة دبيبات الأربعاء", "دبيبات"),  # a day
])
def test_an_adjective_an_actor_or_a_time_is_no_part_of_the_name(text: str, name: str) -> None:
    assert _found(text, name)


@pytest.mark.parametrize("text", [
    "نزح السكان من مناطق كثيفة البنيان وحرب شوارع في المدينة",
    "انتهاك لقواعد حسن الجوار وحقوق الإنسان في سوريا",
    "تقدمت القوات عبر أحياء ضيقة الشوارع في ريف حلب",
])
def test_a_plural_noun_opens_no_name_in_construct(text: str) -> None:
    assert not [r for r in geocode_text(text) if " " in r.toponym.name and not r.toponym.candidates]


# --- "X بY": a clitic ب on the first word of a several-word name makes Y the parent ----------------------------

@pytest.mark.parametrize(("text", "child", "parent"), [
    ("قصفت قوات النظام بلدة الطيبة بالغوطة الغربية", "الطيبة", "الغوطة الغربية"),
    ("قُتل رجلان في قرية الحسينية بدير الزور", "الحسينية", "دير الزور"),
    ("انفجرت عبوة ناسفة في حي الكورنيش برأس العين، وأُصيبت امرأة", "الكورنيش", "رأس العين"),
])
def test_a_name_of_several_words_after_b_is_the_parent(text: str, child: str, parent: str) -> None:
    assert _placed(text, parent).toponym.role == "parent"
    assert _placed(text, child).toponym.parent_token == _placed(text, parent).toponym.first_token


# --- a relative after a place noun that points back only locates that place ------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("وقعت عدة انفجارات في المدينة، الواقعة جنوب العاصمة دمشق، وقتل عشرة", "دمشق"),
    ("قصفت الطائرات البلدة التي تقع شمال حماة وقتلت خمسة مدنيين", "حماة"),
    ("اقتحم مسلحون القرية الواقعة قرب الموصل صباح اليوم", "الموصل"),
])
def test_a_place_locating_an_anaphor_is_a_reference_point(text: str, name: str) -> None:
    assert _placed(text, name).toponym.role == "reference"


def test_an_area_located_by_a_place_is_near_it() -> None:
    """"المنطقة" names no place before it: the area south of Aleppo is the scene, near Aleppo."""
    assert _placed("اندلعت اشتباكات في المنطقة الواقعة جنوب حلب", "حلب").toponym.role == "event"


# --- same-named places coordinated with a neighbour ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "قصفت الطائرات مدينة السويداء ودوما",
    "هاجم التنظيم السويداء، ودوما",
    "سقطت قذائف على السويداء ودوما وقتل مدني",
])
def test_a_tied_name_listed_beside_a_place_lies_in_its_governorate(text: str) -> None:
    loc = _placed(text, "دوما").location
    assert loc is not None and (loc.admin1, loc.admin2, loc.geo_precision) == ("As-Suwayda", "Shahba", 1)


# --- a list of villages goes on after a phrase that locates one of them -------------------------------------------

@pytest.mark.parametrize(("text", "items"), [
    ("شن مسلحون هجمات على قرى عراجة شرق مدينة السويداء وتيما والشبكي", ["عراجة", "تيما", "الشبكي"]),
    ("قصفت الطائرات الروسية قرى كفرنبل جنوب إدلب وحاس وكفرومة", ["كفرنبل", "حاس", "كفرومة"]),
    ("استعاد الجيش بلدات الهبيط غرب خان شيخون وعابدين", ["الهبيط", "عابدين"]),
])
def test_a_list_goes_on_past_a_locating_phrase(text: str, items: list[str]) -> None:
    places = [_placed(text, name).toponym for name in items]
    assert len({t.list_token for t in places}) == 1 and places[0].list_token >= 0


def test_after_a_locating_phrase_only_known_names_go_on_with_the_list() -> None:
    assert not _found("هاجمت الفصائل قرى كفرنبل جنوب إدلب وقتلت عشرة جنود", "قتلت")


# --- a quoted name with nothing that makes it a place names a party, a campaign or an operation --------------

@pytest.mark.parametrize(("text", "name"), [
    ('أحرق المتظاهرون مقر حركة ما يسمى "البشائر" وسط المدينة', "البشائر"),
    ("أعلنت الفصائل بدء معركة «تدمر» ضد قوات النظام", "تدمر"),
    ('تبنت جماعة تطلق على نفسها "الميادين" الهجوم على الحاجز', "الميادين"),
])
def test_a_quoted_name_is_no_place(text: str, name: str) -> None:
    assert not _found(text, name)


@pytest.mark.parametrize(("text", "name"), [
    ('قُتل ثلاثة مدنيين في "الميادين" بقصف جوي', "الميادين"),
    ("سيطرت الفصائل على بلدة «تل أبيض» الحدودية", "تل أبيض"),
    ('وصلت التعزيزات إلى "البوكمال" شرق دير الزور', "البوكمال"),
])
def test_a_quoted_name_after_a_preposition_or_a_cue_is_a_place(text: str, name: str) -> None:
    assert _placed(text, name).location is not None


# --- "في X شرقي Y": a name the gazetteer lacks, located by a direction and a known place -----------------------

@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("قصفت المدفعية مواقع في تل شهيبان شرقي قرية شقا", "تل شهيبان", "As-Suwayda"),
    ("سيطرت الفصائل على الصفيصفة غربي الفوعة في ريف إدلب", "الصفيصفة", "Idlib"),
    ("تقدمت قوات النظام من الكريزة جنوب خان شيخون", "الكريزة", "Idlib"),
])
def test_an_unknown_name_located_by_a_direction_is_a_place(text: str, name: str, admin1: str) -> None:
    loc = _placed(text, name).location
    assert loc is not None and loc.admin1 == admin1 and loc.geo_precision == 2


@pytest.mark.parametrize(("text", "word"), [
    ("قتل خمسة جنود في هجوم شرقي حلب", "هجوم"),
    ("أسر الجيش العشرات من المسلحين شمال حماة", "المسلحين"),
    ("تجددت الاشتباكات في الريف الغربي بعد المعارك جنوب إدلب", "المعارك"),
])
def test_an_event_or_plural_noun_before_a_direction_is_no_place(text: str, word: str) -> None:
    assert not _found(text, word)


# --- "its headquarters in X": where a body sits is a source's seat, not a scene -----------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("قال مسؤول في الهلال الأحمر الكردي ومقره في القامشلي إن المدينة تعرضت لقصف", "القامشلي"),
    ("أفادت المنظمة الإغاثية التي مقرها في غازي عنتاب بأن القصف طال مستشفى في حلب", "غازي عنتاب"),
    ("ذكر ناشطون ومقرهم في إدلب أن طائرات قصفت مواقع الفصائل", "إدلب"),
])
def test_a_body_s_headquarters_is_a_source(text: str, name: str) -> None:
    assert _placed(text, name).toponym.role == "source"


# --- activists are a source when a verb of saying or an attribution introduces them -----------------------

@pytest.mark.parametrize(("text", "name"), [
    ("أفاد ناشطون في مدينة دير الزور بأن تنظيم داعش أعدم خمسة مدنيين في مدينة البوكمال", "دير الزور"),
    ("وقالت ناشطة في ريف إدلب إن الطائرات الروسية قصفت بلدة معرة النعمان", "إدلب"),
    ("قتل ثلاثة مدنيين في قصف على بلدة سراقب بحسب ناشطين في ريف حلب", "حلب"),
    ("ذكر الناشطون في مدينة الرقة أن التنظيم اعتقل عشرات الشبان", "الرقة"),
])
def test_activists_told_as_sources_are_sources(text: str, name: str) -> None:
    """"أفاد ناشطون في X": like a reporter's, the witnesses' seat is where they speak from, not the scene."""
    assert _placed(text, name).toponym.role == "source"


@pytest.mark.parametrize(("text", "name"), [
    ("أفادت مصادر بسقوط قذائف هاون في حي باب توما", "باب توما"),
    ("رصدت مصادر طبية سقوط ضحايا في مدينة دوما", "دوما"),
    ("نقل مراسلنا اشتباكات في بلدة داعل", "داعل"),
    ("أكد المتحدث مقتل جنديين في مدينة الرمادي", "الرمادي"),
])
def test_an_act_told_between_source_and_place_places_the_act(text: str, name: str) -> None:
    """"أفادت مصادر بسقوط قذائف في X": an event word between the source noun and the place makes the place
    the act's, not where the source speaks from."""
    assert _placed(text, name).toponym.role == "event"


@pytest.mark.parametrize(("text", "name"), [
    ("اعتقلت قوات النظام ناشطين في مدينة حماة", "حماة"),
    ("اغتال مسلحون مجهولون ناشطا في بلدة الأتارب", "الأتارب"),
    ("خطف عناصر التنظيم ثلاثة ناشطين من مدينة الميادين", "الميادين"),
])
def test_activists_who_undergo_the_act_are_at_its_scene(text: str, name: str) -> None:
    """Activists are often the victims: without a verb of saying before them their place is the scene."""
    assert _placed(text, name).toponym.role == "event"


@pytest.mark.parametrize(("text", "name"), [
    ("استهدف انتحاري مقر الحزب في كركوك", "كركوك"),
    ("أحرق المحتجون مقرها في البصرة", "البصرة"),
    ("اقتحمت القوات مقرهم في الموصل واعتقلت خمسة", "الموصل"),
])
def test_a_headquarters_attacked_is_a_scene(text: str, name: str) -> None:
    """"مقر X"، "أحرقوا مقرها": the headquarters as the object of an act is a building that was struck."""
    assert _placed(text, name).toponym.role == "event"


# --- a plural of villages or towns lists names read in construct --------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("قصفت الطائرات الحربية قرى الزويك والدويركة وساقية الكرت بريف اللاذقية", "ساقية الكرت"),
    ("استهدفت المدفعية قرى التمانعة ومعرة الإخوان بريف إدلب", "معرة الإخوان"),
    ("سيطرت قوات النظام على قرى الحويز وفتحة السد في سهل الغاب", "فتحة السد"),
])
def test_a_listed_village_name_goes_on_in_construct(text: str, name: str) -> None:
    """"قرى ... وساقية الكرت": after a plural of villages or towns each item is a settlement's name, and an
    indefinite noun followed directly by a definite one is one name in construct (idafa), as after a singular cue."""
    assert _found(text, name)
