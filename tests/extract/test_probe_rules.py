"""Rules found by probing the extractor with reports in other outlets' styles: a bomber blowing himself
up with his subject between verb and reflexive, a region that holds a place told "near", and a force's
post named with the ل of possession.  Invented sentences that vary person, gender, number, voice and
word order."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2017, 5, 10)


def _records(text: str) -> list[dict[str, Any]]:
    return [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED), include_unlocated=True)]


# --- the object of blowing up is the bomber himself: a suicide attack, whatever carried the bomb --------

@pytest.mark.parametrize("text", [
    # the subject between the verb and its reflexive (VSO), a vehicle bomb
    "فجر عنصر من تنظيم داعش نفسه بعربة مفخخة في حاجز للجيش قرب بلدة الشحيل في دير الزور.",
    # feminine singular, a bomb in a bag
    "فجرت امرأة نفسها بحقيبة مفخخة وسط سوق في بلدة الشحيل بدير الزور أمس.",
    # dual, their reflexive (an article whose only event word is "فجر" is screened out: فجر is also dawn)
    "فجر مسلحان من التنظيم نفسيهما بعبوتين داخل مقر للشرطة في مدينة الرمادي أمس ما أدى إلى إصابة شرطيين.",
    # plural, the verb in the plural before its object
    "وكان عناصر التنظيم قد اقتحموا المبنى ثم فجروا أنفسهم بشاحنة مفخخة في مدينة الرمادي أمس.",
])
def test_a_bomber_who_blew_himself_up_made_a_suicide_bombing(text: str) -> None:
    assert "Suicide bomb" in [r["sub_event_type"] for r in _records(text)]


@pytest.mark.parametrize("text", [
    "فجر مسلحون عبوة ناسفة بدورية للجيش في مدينة الرمادي أمس ما أسفر عن مقتل جنديين.",
    "فجرت القوات الأمنية عبوة ناسفة عثرت عليها في مدينة الرمادي أمس.",
    "فجر عناصر التنظيم سيارة مفخخة عند حاجز للشرطة في مدينة الرمادي أمس ما أدى إلى مقتل شرطي.",
])
def test_a_bomb_set_off_by_others_is_no_suicide(text: str) -> None:
    assert "Suicide bomb" not in [r["sub_event_type"] for r in _records(text)]


def test_the_bomber_counts_among_the_dead() -> None:
    (record,) = _records("فجر عنصر من تنظيم داعش نفسه بعربة مفخخة في حاجز لقوات سوريا الديمقراطية قرب بلدة "
                         "الشحيل، ما أدى لمقتل عنصرين من قسد.")
    assert record["fatalities"] == 3  # codebook §6: two fighters and the bomber


# --- a governorate named after the place told "near" only says where that place lies ---------------------

@pytest.mark.parametrize(("text", "place"), [
    ("هاجم عناصر من تنظيم داعش حاجزا لقوات سوريا الديمقراطية قرب بلدة الشحيل في محافظة دير الزور.", "الشحيل"),
    ("قتل جنديان بهجوم شنه مسلحون قرب مدينة حديثة في محافظة الأنبار أمس.", "حديثة"),
    ("قصفت الطائرات الحربية مناطق بالقرب من بلدة كفرنبل في ريف إدلب.", "كفرنبل"),
    ("أصيب ثلاثة مدنيين برصاص قناص قرب قضاء الخالص في محافظة ديالى.", "الخالص"),
])
def test_a_region_holding_a_place_told_near_is_context(text: str, place: str) -> None:
    (record,) = _records(text)
    assert record["location_ar"].endswith(place)
    assert record["geo_precision"] == 2


# --- a force's post named with the ل of possession: whose post, not a place's name --------------------

@pytest.mark.parametrize(("text", "actor2"), [
    ("شن تنظيم داعش هجوما على معسكر لقوات البيشمركة في مخمور.", "Military Forces of the Kurdistan Region"),
    ("هاجم مسلحون معسكرا لعناصر الحشد الشعبي في قضاء بيجي أمس.", "Popular Mobilization Forces"),
    ("قصفت طائرات التحالف معسكرا لتنظيم داعش في قضاء تلعفر.", "Islamic State"),
])
def test_a_post_of_a_force_is_no_place_named_after_it(text: str, actor2: str) -> None:
    (record,) = _records(text)
    assert record["actor2"] == actor2
    assert not record["location_ar"].startswith("ل")


# --- a place said to lie on one side of a reference point is not a namesake on another side ----------

@pytest.mark.parametrize("text", [
    "قتل شخصان بانفجار عبوة ناسفة في منطقة الحسينية شرقي بغداد.",
    "أصيب ثلاثة جنود بهجوم مسلح على نقطة تفتيش في الحسينية شمال شرقي بغداد أمس.",
    "اغتال مسلحون مجهولون مختارا في منطقة الحسينية إلى الشرق من بغداد.",
])
def test_a_namesake_on_another_side_of_the_reference_is_not_meant(text: str) -> None:
    (record,) = _records(text)
    assert record["admin1"] == "Baghdad"  # Karbala's Husseiniya lies 70 km south-west of Baghdad


# --- people named by their trade are civilians ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "أطلق مسلحون مجهولون النار على صاحب محل للصيرفة في منطقة البياع ببغداد، ما أدى إلى مقتله.",
    "اغتال مسلحون إمام مسجد في حي الجمهورية بمدينة البصرة أمس.",
    "قتلت معلمة وأصيب صراف بهجوم مسلح على سوق في مدينة الموصل أمس.",
    "خطف مسلحون مجهولون ثلاثة محامين في مدينة الرمادي أمس.",
])
def test_people_named_by_their_trade_are_civilians(text: str) -> None:
    (record,) = _records(text)
    assert record["actor2"] == "Civilians"


# --- the danger people flee is the cause of their flight, not an incident told --------------------------

@pytest.mark.parametrize("text", [
    "نزح آلاف المدنيين من قرى ريف حلب الشمالي هربا من القصف الروسي.",
    "فرت مئات العائلات من مدينة الفلوجة فرارا من المعارك الدائرة بين الجيش والتنظيم.",
    "وصلت عشرات الأسر النازحة إلى مخيم في دهوك هروبا من الاشتباكات في سنجار.",
])
def test_the_danger_fled_is_no_incident(text: str) -> None:
    assert _records(text) == []


def test_an_incident_told_beside_a_flight_stays() -> None:
    (record,) = _records("قتل ثلاثة مدنيين بقصف جوي على بلدة الأتارب أمس، ونزح العشرات من سكانها هربا من القصف.")
    assert record["sub_event_type"] == "Air/drone strike"


# --- a side's own adjectives keep the list of sides after بين going ----------------------------------

@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("تدور اشتباكات عنيفة بين جبهة النصرة والفصائل الإسلامية من جهة، وقوات النظام والمسلحين الموالين لها من جهة "
     "أخرى في محيط بلدة كفرنبودة بريف حماة الشمالي.", "Hayat Tahrir al-Sham", "Military Forces of Syria"),
    ("دارت اشتباكات بين قوات النظام والميليشيات الشيعية الأجنبية من طرف، والفصائل من طرف آخر في بلدة كفرنبودة.",
     "Military Forces of Syria", "Syrian opposition"),
    ("اندلعت معارك بين جبهة النصرة والفصائل الإسلامية المتحالفة معها من ناحية، وتنظيم داعش من ناحية أخرى في ريف "
     "حلب الشمالي.", "Hayat Tahrir al-Sham", "Islamic State"),
])
def test_a_sides_adjectives_keep_the_list_of_sides(text: str, actor1: str, actor2: str) -> None:
    (record,) = _records(text)
    assert (record["actor1"], record["actor2"]) == (actor1, actor2)


# --- the building of an office stands where the office sits --------------------------------------------

@pytest.mark.parametrize(("text", "admin1"), [
    ("أحرق محتجون غاضبون مبنى مجلس محافظة البصرة ليلة أمس.", "Basra"),
    ("اقتحمت مجموعة من المتظاهرين مبنى مديرية تربية ذي قار وحطمت محتوياته.", "Dhi Qar"),
    ("أضرم متظاهرون النار في بناية مجلس محافظة النجف.", "Najaf"),
])
def test_an_offices_building_is_the_scene(text: str, admin1: str) -> None:
    (record,) = _records(text)
    assert record["admin1"] == admin1


def test_an_office_that_speaks_is_no_scene() -> None:
    records = _records("قال مجلس محافظة البصرة إن مسلحين مجهولين اغتالوا ناشطا في مدينة العمارة.")
    assert [r["admin1"] for r in records] == ["Maysan"]


# --- a bomber stopped before he reached his target: the bombing was disrupted --------------------------

@pytest.mark.parametrize("text", [
    "تمكنت قوة من جهاز مكافحة الإرهاب من قتل انتحاري يرتدي حزاما ناسفا قبل وصوله إلى هدفه في الفلوجة.",
    "فجرت القوات الأمنية سيارة مفخخة يقودها انتحاري قبل وصولها إلى هدفها في مدينة الفلوجة.",
    "قتل الجنود انتحاريتين قبل أن تصلا إلى بوابة القاعدة في مدينة الرمادي أمس.",
])
def test_a_bomber_stopped_before_his_target_is_a_disrupted_bombing(text: str) -> None:
    assert [r["sub_event_type"] for r in _records(text)] == ["Disrupted weapons use"]


def test_a_bomber_who_blew_himself_up_before_his_target_made_a_suicide_bombing() -> None:
    records = _records("فجر انتحاري نفسه قرب حاجز للجيش قبل وصوله إلى هدفه في الفلوجة ما أدى إلى إصابة جنديين.")
    assert [r["sub_event_type"] for r in records] == ["Suicide bomb"]


# --- a count of casualties "between killed and wounded" splits nothing: 0 and 0 (codebook §6) ---------------

@pytest.mark.parametrize("text", [
    "أسفر الانفجار عن 20 إصابة بين قتيل وجريح في مدينة الصدر ببغداد.",
    "خلفت الغارة 14 إصابة ما بين قتلى وجرحى في بلدة كفرنبل بريف إدلب.",
    "انفجرت سيارة مفخخة في مدينة الصدر موقعة 15 شخصا بين قتيل وجريح.",
])
def test_casualties_between_killed_and_wounded_are_not_split(text: str) -> None:
    (record,) = _records(text)
    assert (record["fatalities"], record["injured"]) == (0, 0)


# --- a force's positions told with its nationality are that force's, struck where they stand ------------

@pytest.mark.parametrize(("text", "actor2"), [
    ("شنت الطائرات الإسرائيلية غارات على مواقع إيرانية قرب مطار التيفور العسكري في ريف حمص الشرقي.",
     "Military Forces of Iran"),
    ("قصفت المدفعية التركية مواقع روسية قرب بلدة تل رفعت في ريف حلب الشمالي.", "Military Forces of Russia"),
    ("استهدفت غارة مجهولة المواقع الإيرانية في محيط مدينة البوكمال بريف دير الزور.", "Military Forces of Iran"),
])
def test_positions_with_a_nationality_are_that_forces(text: str, actor2: str) -> None:
    (record,) = _records(text)
    assert record["actor2"] == actor2


# --- a natural disaster harms with no one meaning harm: no political violence --------------------------

@pytest.mark.parametrize("text", [
    "قالت السلطات إن 12 شخصا على الأقل قتلوا جراء الزلزال الذي ضرب بلدة حلبجة.",
    "لقي ثلاثة أطفال حتفهم في السيول التي اجتاحت قضاء سنجار أمس.",
    "توفيت امرأة وأصيب خمسة آخرون بسبب الفيضانات في مدينة الموصل.",
])
def test_a_natural_disaster_is_no_event(text: str) -> None:
    assert _records(text) == []


def test_an_operation_named_a_storm_is_still_fighting() -> None:
    records = _records("قتل خمسة عناصر من قوات النظام في معارك عاصفة الجنوب في مدينة درعا أمس.")
    assert [r["sub_event_type"] for r in records] == ["Armed clash"]


# --- the Observatory's Islamist factions and battalions are the opposition -------------------------------

@pytest.mark.parametrize("text", [
    "دارت اشتباكات بين مقاتلي الكتائب الإسلامية وقوات النظام في محيط بلدة المليحة أمس.",
    "استهدفت الفصائل الإسلامية بقذائف الهاون تمركزات لقوات النظام في بلدة المليحة أمس.",
    "قصفت كتائب المعارضة حواجز قوات النظام في محيط بلدة المليحة أمس.",
])
def test_islamist_factions_are_the_opposition(text: str) -> None:
    (record,) = _records(text)
    assert "Syrian opposition" in (record["actor1"], record["actor2"])


# --- a governorate heading a section ("محافظة حلب:") is where its events happened, not a dateline -----------

@pytest.mark.parametrize(("text", "admin1"), [
    ("محافظة حلب: قصف الطيران المروحي بالبراميل المتفجرة مناطق في حي الشعار، ما أدى لاستشهاد رجلين.", "Aleppo"),
    ("محافظة إدلب: قصفت قوات النظام مناطق في حي الشعار، ولا معلومات عن خسائر بشرية.", "Idlib"),
    ("ريف دمشق: استشهد طفل جراء قصف قوات النظام على مناطق في حي الشعار.", "Rural Damascus"),
])
def test_a_governorate_heading_places_its_section(text: str, admin1: str) -> None:
    (record,) = _records(text)
    assert record["admin1"] == admin1


# --- two quarters the gazetteer lacks, named apart, are two scenes --------------------------------------

@pytest.mark.parametrize("text", [
    "قصف الطيران المروحي مناطق في حي الشعار بمدينة حلب. واستهدفت الكتائب الإسلامية بقذائف الهاون تمركزات لقوات "
    "النظام في حي الميدان بحلب.",
    "سقطت قذائف على حي الشعار في حلب، كما دارت اشتباكات بين الفصائل وقوات النظام في حي صلاح الدين في حلب.",
    "قتل مدني برصاص قناص في حي الشعار في حلب. وقصفت الطائرات حي الفردوس في حلب.",
])
def test_two_unknown_quarters_are_two_scenes(text: str) -> None:
    assert len(_records(text)) == 2


# --- "، ودارت اشتباكات": a verb of happening after "، و" opens another clause --------------------------------

@pytest.mark.parametrize("text", [
    "ألقى الطيران المروحي برميلين متفجرين على مناطق في بلدة الحراك، ودارت اشتباكات عنيفة بين الفصائل المقاتلة "
    "وقوات النظام في بلدة الشيخ مسكين.",
    "قصفت قوات النظام بلدة كفرنبل، واندلعت مواجهات بين الفصائل وقوات النظام في محيط بلدة معرة النعمان.",
    "سقطت قذائف على بلدة نبل، وجرت اشتباكات عنيفة في محيط بلدة حندرات.",
])
def test_a_verb_of_happening_after_a_comma_opens_a_clause(text: str) -> None:
    assert len(_records(text)) == 2


# --- groups that state media call terrorist are the militants of the story -----------------------------

@pytest.mark.parametrize("text", [
    "استشهد مدنيان وأصيب 4 آخرون جراء اعتداء المجموعات الإرهابية بالقذائف الصاروخية على حي المشارقة في مدينة حلب.",
    "قتل جنديان بهجوم شنته الجماعات الإرهابية على حاجز في ريف حماة.",
    "استهدفت التنظيمات الإرهابية بالقذائف حي الميدان في مدينة حلب.",
])
def test_groups_called_terrorist_are_no_state_force(text: str) -> None:
    (record,) = _records(text)
    assert record["actor1"] not in ("Military Forces of Syria", "Police Forces of Syria")
