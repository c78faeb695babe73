"""The coding rules of the codebook, one short Arabic report each, through the whole extractor.

The sentences are written for these tests (in the style of the dev set's wire copy); the dev
set itself is scored by ``tests/golden/test_eval_floor.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)  # a Tuesday


def _records(text: str, published: date | None = PUBLISHED) -> list[dict[str, Any]]:
    return [e.to_record() for e in extract_events(Article("t", text, published=published))]


def _headed(title: str, body: str) -> list[dict[str, Any]]:
    """The records of an article with a headline."""
    article = Article.from_parts("t", title, body, published=PUBLISHED)
    return [e.to_record() for e in extract_events(article)]


def _one(text: str) -> dict[str, Any]:
    records = _records(text)
    assert len(records) == 1, [(r["sub_event_type"], r["location_ar"], r["event_date"]) for r in records]
    return records[0]


def _quoted(text: str, record: dict[str, Any], field: str) -> list[str]:
    return [text[s:e] for s, e in record["evidence"].get(field, [])]


# --- tolls ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "killed", "wounded"), [
    ("قتل ثلاثة جنود وأصيب خمسة آخرون بانفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد، اليوم.", 3, 5),
    ("قتل جنديان عراقيان بهجوم لتنظيم داعش في قضاء الطارمية شمالي بغداد، اليوم.", 2, 0),
    ("أسفر هجوم مسلح في قضاء الطارمية شمالي بغداد، اليوم، عن مقتل ٤ مدنيين وإصابة ١٢ آخرين.", 4, 12),
    ("قتل ما لا يقل عن عشرين شخصا بقصف جوي على بلدة سراقب في ريف إدلب، اليوم.", 20, 0),
    ("أسفر تفجير في قضاء الطارمية شمالي بغداد، اليوم، عن سقوط 15 قتيلا وجريحا.", 0, 0),
    ("أسفر تفجير في قضاء الطارمية شمالي بغداد، اليوم، عن مقتل وإصابة العشرات.", 0, 0),
    ("قتل سبعة عشر مدنيا بقصف جوي على بلدة سراقب في ريف إدلب، اليوم.", 17, 0),
    ("أصيب أكثر من 30 شخصا بقصف جوي على بلدة سراقب في ريف إدلب، اليوم.", 0, 30),
    ("قتل عشرات المدنيين بقصف جوي على بلدة سراقب في ريف إدلب، اليوم.", 12, 0),
    ("قتل عدد من المدنيين بقصف جوي على بلدة سراقب في ريف إدلب، اليوم.", 3, 0),
    ("قتل شرطي بهجوم في قضاء الطارمية شمالي بغداد اليوم. وحسب مصدر أمني، فإن عشرات آخرين أصيبوا في الهجوم.", 1, 12),
    ("قال مصدر أمني في محافظة ديالى إن مسلحين مجهولين اغتالوا مختار قرية الصدور بإطلاق نار مباشر، فجر اليوم.", 1, 0),
    ("لقي شخص حتفه وأصيب آخر بانفجار لغم أرضي في قضاء الطارمية شمالي بغداد، اليوم.", 1, 1),
    ("قتلت امرأة وابنتها جراء قصف صاروخي لقوات النظام على مدينة أريحا جنوبي إدلب، اليوم.", 2, 0),
    ("أعلنت خلية الإعلام الأمني، اليوم، استشهاد ضابط وجنديين بهجوم إرهابي في قاطع عمليات سامراء.", 3, 0),
    ("قتل ضابط و3 جنود بهجوم لتنظيم داعش في قضاء الطارمية شمالي بغداد، اليوم.", 4, 0),
    ("أشارت تقارير إلى مقتل متظاهر واحد، على الأقل، في الاحتجاجات التي شهدتها مدينة الديوانية اليوم.", 1, 0),
    ("قال إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين في غارات جوية على بلدة التمانعة في إدلب، اليوم.", 1, 6),
    ("أطلق مسلحون النار على ناشطة في مدينة البصرة، اليوم، ما أدى إلى إصابتها بجروح.", 0, 1),
    ("قتل جنديان بهجوم لتنظيم داعش في قضاء الطارمية في الثامن والعشرين من الشهر الماضي.", 2, 0),
    ("قتل جنديان بهجوم لتنظيم داعش في قضاء الطارمية بتاريخ 28/7/2021.", 2, 0),
    ("قتل تنظيم داعش المتشدد 9 رجال من الشرطة الاتحادية في قضاء الطارمية شمالي بغداد، اليوم.", 9, 0),
    ("اغتيل مدير المركز بتفجير عبوة ناسفة استهدفت سيارته في مدينة مصياف، اليوم، ما أدى إلى مصرعه مع سائقه.", 2, 0),
    ("قضى ثلاثة عناصر من قوات سوريا الديمقراطية بانفجار لغم أرضي في ريف دير الزور، اليوم.", 3, 0),
    ("انفجرت عبوة لاصقة بسيارة مدنية في منطقة الكرادة وسط بغداد، اليوم، ما أسفر عن إصابة سائقها بجروح.", 0, 1),
    ("اغتال مجهولون عنصرا سابقا في الشرطة بإطلاق النار عليه في قضاء الطارمية شمالي بغداد، اليوم.", 1, 0),
    ("قصفت المدفعية الإيرانية، اليوم، مناطق حدودية في قضاء بنجوين بمحافظة السليمانية، ما أدى إلى إصابة راعيين.",
     0, 2),
    ("استهدفت طائرة مسيرة سيارة قيادي في تنظيم حراس الدين قرب مدينة إدلب، اليوم، ما أدى إلى مقتله.", 1, 0),
    ("قتل أحد المتظاهرين، اليوم، إثر إصابته برصاص الشرطة في مدينة البصرة.", 1, 0),
    ("قتل طفل ووالده وشقيقته جراء قصف صاروخي لقوات النظام على مدينة أريحا جنوبي إدلب، اليوم.", 3, 0),
    ("لقي راعيان مصرعهما وأصيب آخرون بانفجار لغم أرضي في قضاء الطارمية شمالي بغداد، اليوم.", 2, 3),
])
def test_tolls(text, killed, wounded):
    record = _one(text)
    assert (record["fatalities"], record["injured"]) == (killed, wounded)


def test_a_count_before_a_plural_in_ين_is_the_toll():
    """"والمسلحين" reads as a dual or a plural: the stated 18 before it is the count."""
    record = _one("لقي 18 من قوات النظام السوري والمسلحين الموالين له مصرعهم، اليوم، إثر هجوم لتنظيم داعش"
                  " في مدينة الميادين بريف دير الزور.")
    assert record["fatalities"] == 18


def test_the_dead_of_both_sides_add_up():
    """Codebook §6: all deaths, all sides.  Each side's losses told apart are summed, not the lower taken."""
    record = _one("لقي 18 من قوات النظام السوري مصرعهم، اليوم، إثر هجوم لتنظيم داعش في مدينة الميادين بريف دير"
                  " الزور. وأسفرت المعارك في الميادين عن مقتل 13 من عناصر تنظيم داعش.")
    assert record["fatalities"] == 31


def test_the_attackers_killed_are_the_attacking_side():
    """"قتل اثنين من المهاجمين": the attackers told of already, the other side's dead."""
    record = _one("قتل ثلاثة جنود، اليوم، بهجوم شنه مسلحون من تنظيم داعش على نقطة تفتيش في قضاء المقدادية."
                  " وتمكنت القوات الأمنية من صد الهجوم وقتل اثنين من المهاجمين.")
    assert (record["actor1"], record["fatalities"]) == ("Islamic State", 5)


def test_two_counts_of_the_same_side_take_the_lower():
    record = _one("قتل 18 من قوات النظام السوري، اليوم، في هجوم لتنظيم داعش على مدينة الميادين بريف دير"
                  " الزور. وقال المرصد إن 20 من قوات النظام قتلوا في هجوم داعش على الميادين.")
    assert record["fatalities"] == 18


def test_a_time_phrase_may_stand_between_the_casualty_word_and_its_count():
    record = _one("وقتل قبل أيام 45 مسلحا مواليا للنظام جراء هجمات لتنظيم داعش على قرى قرب مدينة البوكمال.")
    assert record["fatalities"] == 45


def test_cutting_a_road_in_a_battle_is_no_protest():
    """"قطع الطريق" is the protesters' doing only when no fighting is told in the clause."""
    record = _one("هاجم تنظيم داعش قرى شمال غرب مدينة البوكمال، اليوم، وتمكن من قطع الطريق بينها وبين مدينة"
                  " دير الزور.")
    assert (record["event_type"], record["actor1"]) == ("Battles", "Islamic State")
    assert record["location"] == "Al-Bukamal"  # the road's other end, after "بين", is no scene
    protest = _one("قام العشرات بقطع الطريق الرئيسي في مدينة الناصرية، اليوم، احتجاجا على انقطاع الكهرباء.")
    assert protest["sub_event_type"] == "Peaceful protest"


def test_the_force_of_the_officer_who_tells_it_is_no_actor():
    record = _one("قتل 3 مدنيين بهجوم مسلح قرب بلدة داقوق، الواقعة إلى الجنوب من كركوك، اليوم، وفقا لضابط الشرطة.")
    assert (record["actor1"], record["actor2"]) == ("Unidentified armed group", "Civilians")
    assert record["location"] == "Daquq"  # "إلى الجنوب من كركوك" says where Daquq lies


def test_riot_police_dispersing_a_protest_with_live_fire_is_excessive_force():
    record = _one("فرقت قوات مكافحة الشغب بالرصاص الحي تظاهرة أمام مبنى محافظة ميسان، اليوم، ما أسفر عن مقتل متظاهر"
                  " وإصابة 12 آخرين.")
    assert (record["sub_event_type"], record["fatalities"], record["injured"]) == (
        "Excessive force against protesters", 1, 12)


def test_a_sentence_of_casualties_alone_goes_on_with_the_event_before_it():
    record = _one("قصفت المدفعية الإيرانية، اليوم، بلدة كويسنجق في محافظة أربيل، ما أسفر عن مقتل 14 شخصا."
                  " وإصابة أكثر من 40 آخرين، بحسب مصادر طبية.")
    assert (record["fatalities"], record["injured"]) == (14, 40)


@pytest.mark.parametrize("text", [
    "تمكن مسلحان من التسلل إلى مبنى محافظة أربيل، اليوم، وأطلقا النار على قوات الأمن. ولم ترد أنباء بحدوث إصابات.",
    "قصفت قوات النظام، اليوم، بلدة حمورية في الغوطة الشرقية. وقد أصيبت أربعة مستشفيات مؤقتة.",
])
def test_no_toll_where_none_is_told(text):
    record = _one(text)
    assert (record["fatalities"], record["injured"]) == (0, 0)


def test_the_day_before_a_statement_verb_is_the_statement_day():
    """"في وقت سابق الخميس أفاد ضابط أنه قتل ليلة أمس": last night is counted from Thursday."""
    record = _one('وفي وقت سابق الأحد أفاد ضابط في الشرطة أنه "قتل ليلة أمس 5 وجرح 4 إثر هجوم شنه تنظيم داعش على'
                  ' قرية سديرة جنوب الشرقاط".')
    assert (record["event_date"], record["fatalities"], record["injured"]) == ("2021-07-31", 5, 4)


def test_a_place_far_away_is_a_reference_point_not_the_scene():
    records = _records("قتل خمسة من مقاتلي الحشد الشعبي، اليوم، في قرية سديرة جنوب الشرقاط. وحدث ذلك في القرية"
                       " الواقعة على بعد 250 كلم شمال بغداد.")
    assert [(r["admin1"], r["fatalities"]) for r in records] == [("Salah al-Din", 5)]


def test_a_stated_count_of_wounded_wins_over_dozens_told_with_an_exact_death_toll():
    record = _one("قتل 16 شخصا وجرح عشرات آخرون في تفجير بمدينة الصدر في بغداد، اليوم. وقال مصدر أمني إن حصيلة"
                  " الضحايا بلغت 16 قتيلا و32 جريحا في مدينة الصدر.")
    assert (record["fatalities"], record["injured"]) == (16, 32)


def test_a_headline_toll_counts_when_the_body_states_none():
    records = _headed(
        "مقتل ضابط في الشرطة العراقية",
        "أفاد مصدر أمني بمقتل العميد محمد الجبوري خلال اشتباك مع مسلحين من تنظيم داعش في قضاء الطارمية، اليوم.")
    assert [r["fatalities"] for r in records] == [1]


def test_counts_joined_by_wa_belong_to_the_next_casualty_word():
    record = _one("قتيل و6 جرحى بغارات جوية على بلدة سراقب في ريف إدلب اليوم.")
    assert (record["fatalities"], record["injured"]) == (1, 6)


def test_a_toll_has_its_words_as_evidence():
    text = "قتل جنديان عراقيان بهجوم لتنظيم داعش في قضاء الطارمية شمالي بغداد، اليوم."
    assert any("جنديان" in q for q in _quoted(text, _one(text), "fatalities"))


def test_the_wounded_told_of_already_are_no_new_count():
    record = _one("قتل شرطي بهجوم مسلح في قضاء الطارمية شمالي بغداد اليوم، وأعاق القصف نقل المصابين إلى المستشفى.")
    assert (record["fatalities"], record["injured"]) == (1, 0)


def test_the_number_of_the_wounded_is_no_count():
    record = _one("قتل شرطي بهجوم مسلح في قضاء الطارمية شمالي بغداد اليوم، ولم يعرف بعد عدد المصابين.")
    assert (record["fatalities"], record["injured"]) == (1, 0)


def test_a_count_over_weeks_of_fighting_is_a_running_total():
    text = ("قتل 5 جنود بهجوم لتنظيم داعش على مدينة الميادين في ريف دير الزور، اليوم. "
            "وخسر النظام السوري 260 قتيلا خلال 30 يوما من المعارك في بادية البوكمال.")
    records = _records(text)
    assert [(r["location_ar"], r["fatalities"]) for r in records] == [("الميادين", 5)]


def test_the_suicide_bomber_counts_among_the_dead():
    record = _one("قتل 12 شخصا بتفجير انتحاري استهدف سوقا في مدينة الصدر ببغداد، اليوم.")
    assert record["sub_event_type"] == "Suicide bomb"
    assert record["fatalities"] == 13


def test_one_toll_for_a_list_of_places_is_split_evenly():
    text = ("سيطرت قوات النظام السوري، اليوم، على قرى شقرا والحصان والجيعة في ريف دير الزور الشرقي. "
            "وأسفرت المعارك عن إصابة 10 من المقاتلين.")
    records = sorted(_records(text), key=lambda r: text.find(r["location_ar"]))
    assert [r["location_ar"] for r in records] == ["شقرا", "الحصان", "الجيعة"]
    assert [r["injured"] for r in records] == [3, 3, 4]


def test_a_series_toll_without_a_site_is_split_over_the_places_attacked():
    text = ("أسفرت هجمات لتنظيم داعش في محافظة ديالى، اليوم، عن مقتل 10 مدنيين. "
            "واستهدف المسلحون بلدات جلولاء والسعدية وقره تبه.")
    records = _records(text)
    assert sum(r["fatalities"] for r in records) == 10
    shares = [r["fatalities"] for r in records]
    assert len(shares) >= 3 and max(shares) - min(shares) <= 10 % len(shares)


# --- who did it to whom -----------------------------------------------------------------------------

def test_an_unclaimed_bombing_is_by_an_unidentified_armed_group_against_civilians():
    record = _one("انفجرت عبوة ناسفة في سوق شعبي بمدينة الموصل، اليوم، ما أدى إلى إصابة ثلاثة مدنيين.")
    assert record["sub_event_type"] == "Remote explosive/landmine/IED"
    assert record["actor1"] == "Unidentified armed group"
    assert record["actor2"] == "Civilians" and record["civilian_targeting"] is True


@pytest.mark.parametrize(("text", "actor1"), [
    ("قتل ثلاثة مسلحين بضربة طائرة مسيرة تركية استهدفت سيارة في قضاء سنجار، اليوم.", "Military Forces of Turkey"),
    ("شن الطيران الحربي التركي، اليوم، غارات على مواقع في جبال قنديل بإقليم كردستان العراق.",
     "Military Forces of Turkey"),
    ("قتل خمسة مدنيين بغارات للطائرات الحربية الروسية على بلدة سراقب في ريف إدلب، اليوم.",
     "Military Forces of Russia"),
])
def test_a_force_noun_with_a_nationality_names_that_country(text, actor1):
    assert _one(text)["actor1"] == actor1


def test_a_country_name_acts_but_is_no_target():
    protest = _one("قطع متظاهرون الطريق المؤدية إلى منفذ الشلامجة الحدودي مع إيران في محافظة البصرة، اليوم.")
    assert protest["actor2"] in ("", None)
    strike = _one("قصفت إيران، اليوم، مقرات لأحزاب كردية معارضة في بلدة كويسنجق بمحافظة أربيل.")
    assert strike["actor1"] == "Military Forces of Iran"


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    # fire at a foreign force by no one named is by an unidentified group
    ("سقطت ثلاثة صواريخ كاتيوشا على قاعدة عين الأسد الجوية التي تستضيف قوات أمريكية في محافظة الأنبار، اليوم.",
     "Unidentified armed group", "International Coalition against IS"),
    ("انفجرت عبوة ناسفة على رتل للدعم اللوجستي تابع للتحالف الدولي في محافظة الديوانية، اليوم.",
     "Unidentified armed group", "International Coalition against IS"),
    # unclaimed mortars in Iraq are an armed group's (only the state flies); a place named like a word
    # ("حي العامل") is no actor
    ("سقطت قذيفة هاون على منزل في ناحية الإسحاقي جنوب سامراء، اليوم، ما أدى إلى مقتل امرأة.",
     "Unidentified armed group", "Civilians"),
    ("أصيب منتسب في الشرطة بجروح جراء انفجار عبوة ناسفة في حي العامل جنوب غربي بغداد، اليوم.",
     "Unidentified armed group", "Police Forces of Iraq"),
    # a force's attack written with ل after a repelling verb is the initiator's; militias with a nationality
    ("تصدت الدفاعات الجوية السورية، اليوم، لعدوان إسرائيلي بالصواريخ على ريف دمشق.",
     "Military Forces of Israel", "Military Forces of Syria"),
    ("قتل 8 من عناصر الميليشيات الإيرانية، اليوم، بغارات لطائرات مجهولة على مواقعهم قرب البوكمال.",
     "Unidentified armed group", "Military Forces of Iran"),
    # a named force right after the verb is its subject; a description there may be the passive's victim
    ("استهدفت فصائل المعارضة بصاروخ موجه دبابة لقوات النظام على محور الكبينة في ريف اللاذقية، اليوم.",
     "Syrian opposition", "Military Forces of Syria"),
    ("استهدفت دورية للجيش العراقي بعبوة ناسفة في قضاء الطارمية شمالي بغداد، اليوم.",
     "Unidentified armed group", "Military Forces of Iraq"),
])
def test_who_did_it_to_whom(text, actor1, actor2):
    record = _one(text)
    assert (record["actor1"], record["actor2"]) == (actor1, actor2)


def test_the_victim_after_the_subject_of_a_killing_verb_is_counted():
    record = _one("اغتال مسلحون مجهولون الناشط المدني أمام منزله في مدينة كربلاء، فجر اليوم.")
    assert (record["fatalities"], record["actor2"]) == (1, "Civilians")


def test_a_claim_names_the_perpetrator():
    record = _one("انفجرت عبوة ناسفة في سوق شعبي بمدينة الموصل، اليوم، ما أدى إلى إصابة ثلاثة مدنيين. "
                  "وتبنى تنظيم داعش الهجوم في بيان.")
    assert record["actor1"] == "Islamic State"


def test_a_turkish_strike_on_the_pkk():
    record = _one("شن الطيران التركي، أمس، غارات على مواقع لحزب العمال الكردستاني في جبال قنديل شمالي العراق.")
    assert record["sub_event_type"] == "Air/drone strike"
    assert record["actor1"] == "Military Forces of Turkey"
    assert record["actor2"] == "PKK: Kurdistan Workers' Party"
    assert record["event_date"] == "2021-08-02"


# --- time ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("when", "day", "precision"), [
    ("اليوم", "2021-08-03", 1),
    ("أمس", "2021-08-02", 1),
    ("فجر الأحد", "2021-08-01", 1),
    ("يوم السبت الماضي", "2021-07-31", 1),
    ("أول أمس", "2021-08-01", 1),
    ("في 28 تموز", "2021-07-28", 1),
    ("في الثامن والعشرين من يوليو", "2021-07-28", 1),
])
def test_dates(when, day, precision):
    record = _one(f"قتل شرطي بهجوم مسلح في قضاء الطارمية شمالي بغداد {when}.")
    assert (record["event_date"], record["time_precision"]) == (day, precision)
    assert _quoted(f"قتل شرطي بهجوم مسلح في قضاء الطارمية شمالي بغداد {when}.", record, "date")


def test_a_toll_over_two_days_is_split_between_them():
    text = "قتل 9 مدنيين بقصف مدفعي على بلدة سراقب في ريف إدلب يومي الأحد والإثنين."
    records = sorted(_records(text), key=lambda r: r["event_date"])
    assert [(r["event_date"], r["fatalities"]) for r in records] == [("2021-08-01", 4), ("2021-08-02", 5)]


def test_last_week_is_known_to_the_week():
    record = _one("قتل شرطي بهجوم مسلح في قضاء الطارمية شمالي بغداد الأسبوع الماضي.")
    assert record["time_precision"] == 2


def test_an_event_older_than_thirty_days_is_background():
    assert _records("قتل شرطي بهجوم مسلح في قضاء الطارمية شمالي بغداد في 3 حزيران الماضي.") == []


def test_an_undated_article_gives_no_made_up_date():
    records = _records("قتل شرطي بهجوم مسلح في قضاء الطارمية شمالي بغداد.", published=None)
    assert [r["event_date"] for r in records] == [None]


# --- what is not an event -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "هدد تنظيم داعش بشن هجمات على مدينة كركوك خلال الأيام المقبلة.",  # a threat
    "نفت وزارة الداخلية وقوع أي هجوم في مدينة كركوك اليوم.",  # a denial
    "عقد محافظ كركوك اجتماعا مع قادة الشرطة في مدينة كركوك اليوم لبحث الوضع الأمني.",  # a meeting
    "أصدرت محكمة في بغداد اليوم حكما بالإعدام على مدان بتفجير سيارة مفخخة.",  # a verdict
    "وتشن تركيا غارات جوية على مواقع لحزب العمال الكردستاني في منطقة هاكورك شمالي العراق.",  # an ongoing campaign
    "عثرت القوات الأمنية اليوم على مقبرة جماعية تضم رفات 20 شخصا في قضاء سنجار.",  # remains of old killings
    "قالت السفيرة إنه لا يمكن لنظام الرئيس السوري، بشار الأسد، الاستمرار بمهاجمة السوريين في إدلب.",  # a modal
    "وجه المالكي نداء إلى سكان محافظة البصرة التي تشهد موجة احتجاجات واسعة.",  # a wave, not one protest
    "وشهدت مناطق عدة جنوبي العراق اليوم تظاهرات متفرقة شارك في كل منها عشرات الأشخاص.",  # scattered protests
    "ارتفع عدد قتلى الاحتجاجات في مدن متفرقة في العراق إلى 11 شخصا، اليوم.",  # the dead of many protests
    "وفي الأول من الشهر الجاري، اندلعت الاحتجاجات بداية في البصرة للتنديد بالفساد.",  # where the wave began
    # ... and the protests that then spread: the wave's origin
    "وانطلقت في 8 من الشهر الجاري في البصرة احتجاجات ضد الفساد، امتدت بعدها إلى مدن أخرى في جنوب البلاد.",
    "بدأت المظاهرات في الناصرية ثم امتدت إلى محافظات أخرى.",
    "خرجت تظاهرات في البصرة قبل أن تمتد إلى ميسان وذي قار.",
    "وتأتي هذه العملية ردا على إعدام تنظيم داعش لرهائن في محافظة كركوك.",  # what an act answers
])
def test_non_events_give_none(text):
    assert _records(text) == []


def test_protests_that_spread_on_a_day_of_their_own_are_still_news():
    assert _records("وامتدت المظاهرات، الجمعة، لتشمل مدينة النجف، حيث اقتحم مئات العراقيين مطار المدينة.")


# --- places and merging ---------------------------------------------------------------------------

def test_headline_and_body_of_one_incident_are_one_event():
    records = _headed(
        "مقتل شرطيين بهجوم في كركوك",
        "قتل شرطيان، ليل أمس، بهجوم شنه مسلحون من تنظيم داعش على نقطة تفتيش في قضاء الحويجة غربي كركوك.")
    assert len(records) == 1
    record = records[0]
    assert record["event_date"] == "2021-08-02"
    assert record["location_ar"] == "الحويجة" and record["admin1"] == "Kirkuk"
    assert record["fatalities"] == 2


def test_a_protest_told_well_before_another_day_s_protest_at_the_place_is_its_own():
    text = ("أحرق متظاهرون في محافظة النجف مقار عدد من الأحزاب. وعقد المجلس الوزاري اجتماعا طارئا. وناقش المجلس"
            " تداعيات الاحتجاجات. وأكد المجلس أنه سيتخذ إجراءات رادعة. واقتحم مئات المحتجين مطار مدينة النجف"
            " يوم الأحد الماضي وأوقفوا الحركة الجوية.")
    days = sorted(r["event_date"] for r in _records(text) if r["admin1"] == "Najaf")
    assert days == ["2021-08-01", "2021-08-03"]


def test_a_tear_gas_canister_is_no_bomb():
    record = _one("قتل متظاهر، اليوم، إثر إصابته بقنبلة غاز مسيل للدموع في رأسه قرب ساحة التحرير ببغداد.")
    assert (record["sub_event_type"], record["fatalities"]) == ("Excessive force against protesters", 1)


@pytest.mark.parametrize(("text", "sub_event"), [
    ("أحبطت القوات الأمنية، اليوم، هجوما انتحاريا كان يستهدف سوقا شعبيا في مدينة كركوك.", "Disrupted weapons use"),
    ("توصلت الحكومة السورية وفصائل المعارضة في درعا، اليوم، إلى اتفاق لوقف إطلاق النار برعاية روسية.", "Agreement"),
])
def test_what_did_not_happen_or_was_agreed(text, sub_event):
    record = _one(text)
    assert (record["sub_event_type"], record["fatalities"]) == (sub_event, 0)


def test_a_peaceful_protest_has_no_second_actor():
    record = _one("تظاهر المئات أمام مبنى محافظة البصرة، اليوم، وسط انتشار لقوات الشرطة، للمطالبة بفرص عمل.")
    assert (record["sub_event_type"], record["actor2"]) == ("Peaceful protest", "")


def test_territory_taken_is_taken_from_the_other_side_told_nearby():
    text = ("اندلعت اليوم مواجهات عنيفة بين قوات النظام السوري وقوات سوريا الديمقراطية شرقي نهر الفرات. وتمكنت"
            " قوات النظام اليوم من السيطرة على مدينة الميادين في ريف دير الزور.")
    records = [r for r in _records(text) if r["sub_event_type"] == "Government regains territory"]
    assert [(r["actor1"], r["actor2"]) for r in records] == [("Military Forces of Syria", "Syrian Democratic Forces")]
    (start, end), = records[0]["evidence"]["actor2"][:1]
    assert "قوات سوريا الديمقراطية" in text[start:end]


def test_a_later_sentence_that_only_dates_the_incident_dates_it():
    text = ("اغتيل مدير مركز البحوث بتفجير عبوة ناسفة استهدفت سيارته في مدينة مصياف. وأعلنت كتيبة أبو عمارة"
            " مسؤوليتها عن الهجوم. وقال مسؤولون إن المركز منشأة سرية.\n\nوأضافوا أن التحقيق مستمر. وتقول حكومات"
            " غربية إن المركز ينتج أسلحة.\n\nوقال المرصد السوري إن الانفجار وقع مساء الأحد.")
    assert [r["event_date"] for r in _records(text)] == ["2021-08-01"]


def test_a_death_from_wounds_belongs_to_the_attack_that_wounded():
    text = ("توفي عضو الحزب الديمقراطي الكردستاني الإيراني، اليوم، متأثرا بإصابته بجروح بليغة جراء انفجار في إقليم"
            " كردستان العراق. وأصيب العضو في انفجار هز ضاحية بنصلاوة القريبة من مدينة أربيل، عصر الأحد.")
    records = _records(text)
    assert [(r["event_date"], r["fatalities"]) for r in records] == [("2021-08-01", 1)]


def test_a_sentence_that_only_dates_the_killing_told_moves_it_to_that_day():
    text = ("أعلن الجيش التركي، الاثنين، عن مقتل 26 مسلحا كرديا في ضربات جوية في منطقة جبال قنديل شمالي العراق."
            " ونقلت وسائل إعلام تركية أن مقتل المسلحين كان في 28 يوليو الماضي.")
    assert [(r["event_date"], r["fatalities"]) for r in _records(text)] == [("2021-07-28", 26)]


def test_a_clause_after_fima_tells_its_own_event():
    records = _records("قتل جندي وأصيب اثنان بهجوم لداعش في مدينة الموصل، فيما قتل مدني بانفجار عبوة ناسفة في مدينة"
                       " كركوك، اليوم.")
    assert sorted((r["admin1"], r["sub_event_type"], r["fatalities"]) for r in records) == [
        ("Kirkuk", "Remote explosive/landmine/IED", 1), ("Ninewa", "Armed clash", 1)]


def test_two_towns_are_two_events():
    text = "خرج متظاهرون، اليوم، في مدينتي الناصرية والسماوة للمطالبة بتحسين الخدمات."
    records = _records(text)
    assert sorted(r["location_ar"] for r in records) == sorted(["الناصرية", "السماوة"])
    assert {r["sub_event_type"] for r in records} == {"Peaceful protest"}


def test_places_given_as_examples_with_ka_are_scenes():
    records = _records("خرج الآلاف إلى الشوارع، اليوم، في عدد من المدن الجنوبية كالبصرة والناصرية احتجاجا على"
                       " انقطاع الكهرباء.")
    assert sorted(r["admin1"] for r in records) == ["Basra", "Dhi Qar"]


def test_a_neighbourhood_after_a_dash_resolves_inside_its_city():
    record = _one("بغداد - قتل مدني بانفجار عبوة ناسفة في مدينة الصدر، اليوم.")
    assert record["admin1"] == "Baghdad" and record["location_ar"] == "مدينة الصدر"


@pytest.mark.parametrize("text", [
    "خطف مسلحون ثلاثة مزارعين قرب بلدة الحويجة فجر الأربعاء. وقالت عائلاتهم إن المختطفين كانوا مفقودين إلى أن علمنا"
    " السبت أنهم لدى التنظيم.",
    "اعتقلت قوات الأمن عشرات الطلاب في مدينة الناصرية فجر الأربعاء. وأكد محامون أن المعتقلين نقلوا السبت إلى سجن آخر.",
    "اختطف مجهولون صحفية في مدينة البصرة فجر الأربعاء. وذكرت زميلاتها أن المخطوفات ظهرن في شريط مصور بث السبت.",
])
def test_a_later_day_told_of_the_people_of_an_act_does_not_move_the_act(text):
    """A later sentence moves the incident told to its day only when it names the act itself ("الانفجار وقع مساء
    الأحد"); a definite plural of its people ("المختطفين"، "المعتقلين"، "المخطوفات") tells what befell them later."""
    assert "2021-07-28" in [r["event_date"] for r in _records(text)]
