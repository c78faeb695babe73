"""Sub-event types (codebook §2): invented reports through the whole extractor.

Each rule is tried on several sentences that vary person, gender, number, voice and word order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)


def _types(text: str) -> list[str]:
    records: list[dict[str, Any]] = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    return [r["sub_event_type"] for r in records]


# --- "مقاتلة": a fighter jet only as a noun with its type or maker ------------------------------------

@pytest.mark.parametrize("text", [
    # the adjective "fighting" after a group: the factions' shells are shelling
    "سقطت عشرات القذائف التي أطلقتها الكتائب المقاتلة على بلدة نبل بريف حلب أمس.",
    "قصفت الفصائل المقاتلة بالصواريخ بلدة الفوعة في ريف إدلب أمس ما أدى إلى مقتل طفل.",
    # a woman fighter killed in a bombardment: no aircraft named, so shelling
    "قتلت المقاتلة الكردية في قصف على قرية جنديرس بريف عفرين أمس.",
    "أصيبت مقاتلتان من الوحدات الكردية بقصف استهدف قرية راجو بريف عفرين أمس.",
])
def test_fighting_factions_are_no_fighter_jets(text: str) -> None:
    assert _types(text) == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    "أغارت مقاتلة حربية على بلدة سراقب في ريف إدلب أمس.",
    "قصفت مقاتلة روسية بلدة كفرنبل في ريف إدلب أمس ما أدى إلى مقتل ثلاثة مدنيين.",
    "قصفت مقاتلات تركية مواقع للوحدات الكردية في قرية جنديرس بريف عفرين أمس.",
])
def test_a_fighter_jet_named_as_such_strikes_from_the_air(text: str) -> None:
    assert _types(text) == ["Air/drone strike"]


# --- fighting with bombs in it: one Battles event (codebook §2 priority order) -------------------------

@pytest.mark.parametrize("text", [
    "دارت اشتباكات عنيفة بين مسلحي داعش وفصائل المعارضة قرب بلدة مارع بريف حلب أمس، فجر خلالها انتحاريان "
    "نفسيهما بسيارتين مفخختين.",
    "فجر انتحاري من التنظيم نفسه بحزام ناسف خلال معارك مع قوات الجيش في قضاء تلعفر أمس.",
    "اشتبك مقاتلو الفصائل مع عناصر داعش في قرية دابق بريف حلب أمس، وتخللت الاشتباكات عمليات انتحارية نفذها "
    "التنظيم.",
    "قتلت امرأتان بانفجار عبوة ناسفة خلال اشتباكات بين قوات الجيش ومسلحين في قضاء الطارمية أمس.",
])
def test_bombs_in_a_battle_are_the_battle(text: str) -> None:
    assert _types(text) == ["Armed clash"]


# --- a force that fights here only from the air (actors.toml air_power) ------------------------------------

@pytest.mark.parametrize("text", [
    "قتل خمسة مدنيين في الهجمات الروسية على بلدة كفرنبل بريف إدلب أمس.",
    "استهدفت القوات الروسية مستشفى في بلدة المسيفرة بريف درعا أمس ما أدى إلى خروجه عن الخدمة.",
    "أصاب صاروخ إسرائيلي مطار المزة العسكري قرب دمشق ليل أمس.",
    "أطلقت إسرائيل صواريخ على مواقع قرب بلدة الكسوة في ريف دمشق أمس.",
    "قصف التحالف الدولي مواقع لداعش في بلدة هجين بريف دير الزور أمس ما أسفر عن مقتل عشرة مسلحين.",
])
def test_an_air_power_strikes_from_the_air(text: str) -> None:
    assert _types(text) == ["Air/drone strike"]


@pytest.mark.parametrize(("text", "sub_event"), [
    # the air power is the target of a ground attack, not its initiator
    ("هاجم مسلحون دورية للقوات الروسية قرب بلدة خان شيخون في ريف إدلب أمس واشتبكوا معها.", "Armed clash"),
    # a force that also fights on the ground keeps its guns
    ("قصفت المدفعية التركية قرية جنديرس بريف عفرين أمس.", "Shelling/artillery/missile attack"),
    # a gun fired from the ground is shelling, whoever fires it ([cue.artillery])
    ("قصفت المدفعية الإسرائيلية أمس مواقع للجيش السوري قرب بلدة خان أرنبة في ريف القنيطرة.",
     "Shelling/artillery/missile attack"),
    ("أطلق الجيش الإسرائيلي قذائف هاون على موقع قرب بلدة خان أرنبة في ريف القنيطرة أمس.",
     "Shelling/artillery/missile attack"),
    ("استهدفت راجمات القوات الروسية أمس بلدة اللطامنة في ريف حماة.", "Shelling/artillery/missile attack"),
    # jets and guns together: the air strike comes first (codebook §2)
    ("قصفت الطائرات الحربية والمدفعية بلدة اللطامنة في ريف حماة أمس.", "Air/drone strike"),
    ("أطلق الحرس الثوري الإيراني صواريخ على مواقع لداعش قرب مدينة البوكمال أمس.",
     "Shelling/artillery/missile attack"),
])
def test_ground_fighting_and_ground_forces_keep_their_type(text: str, sub_event: str) -> None:
    assert _types(text) == [sub_event]


# --- a capture aimed at or attempted is no capture: the fighting is the event ------------------------------

@pytest.mark.parametrize("text", [
    # the purpose lām on the verbal noun: an aim
    "دارت اشتباكات عنيفة بين قوات النظام والفصائل في مدينة الزبداني أمس، في محاولة من قوات النظام للسيطرة على "
    "المدينة.",
    "شنت قوات الجيش هجوما على بلدة الكرمة شرق الفلوجة أمس لاستعادة السيطرة عليها من داعش.",
    "تقدمت فصائل المعارضة نحو بلدة مورك في ريف حماة أمس للسيطرة على البلدة بعد اشتباكات مع قوات النظام.",
    "هاجم مسلحو داعش أمس قرية البشير جنوب كركوك للسيطرة عليها واشتبكوا مع قوات البيشمركة.",
    # an attempt
    "حاول المسلحون أمس السيطرة على بلدة مورك في ريف حماة واشتبكوا مع قوات النظام.",
])
def test_an_aimed_capture_is_the_fight(text: str) -> None:
    assert _types(text) == ["Armed clash"]


@pytest.mark.parametrize(("text", "sub_event"), [
    ("سيطرت قوات النظام أمس على بلدة مورك في ريف حماة بعد اشتباكات مع الفصائل.", "Government regains territory"),
    ("تمكنت القوات العراقية أمس من السيطرة على قرية البشير جنوب كركوك.", "Government regains territory"),
    ("وسيطرت فصائل المعارضة أمس على بلدة مورك في ريف حماة.", "Non-state actor overtakes territory"),
])
def test_a_capture_done_changes_hands(text: str, sub_event: str) -> None:
    assert _types(text) == [sub_event]


# --- the taker: the agent of the capture, whoever the clause names first ------------------------------

def _sides(text: str) -> list[tuple[str, str, str]]:
    records = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    return [(r["sub_event_type"], r["actor1"], r["actor2"]) for r in records]


@pytest.mark.parametrize(("text", "sub_event", "taker", "loser"), [
    # the attackers named first lost the place: the capture's agent (after a feminine verb) took it back
    ("هاجمت فصائل المعارضة أمس مواقع الجيش السوري في بلدة مورك بريف حماة، فاستعادت قوات النظام السيطرة على "
     "البلدة بعد ساعات.", "Government regains territory", "Military Forces of Syria", "Syrian opposition"),
    # a masculine singular agent, the fight told with both sides first
    ("اشتبك مسلحو داعش أمس مع الجيش العراقي في قرية البشير جنوب كركوك، واستعاد الجيش العراقي السيطرة على القرية.",
     "Government regains territory", "Military Forces of Iraq", "Islamic State"),
    # the regional government's forces, after a plural of gunmen
    ("هاجم مسلحون من داعش أمس قرية البشير جنوب كركوك، ثم سيطرت قوات البيشمركة على القرية.",
     "Government regains territory", "Military Forces of the Kurdistan Region", "Islamic State"),
    # the agent before its verb, the attack told as a noun
    ("شنت هيئة تحرير الشام هجوما على بلدة مورك في ريف حماة أمس، وقوات النظام استعادت البلدة مساء.",
     "Government regains territory", "Military Forces of Syria", "Hayat Tahrir al-Sham"),
])
def test_the_capture_agent_took_the_place(text: str, sub_event: str, taker: str, loser: str) -> None:
    assert (sub_event, taker, loser) in _sides(text)


# --- a capture told as a noun after a verb of outcome: what the incident ended in -------------------------

@pytest.mark.parametrize(("text", "sub_event", "taker", "loser"), [
    ("دارت معارك عنيفة بين فصائل المعارضة وقوات النظام في بلدة مورك بريف حماة أمس، أسفرت عن سيطرة قوات النظام "
     "على البلدة.", "Government regains territory", "Military Forces of Syria", "Syrian opposition"),
    # a masculine verb, the noun's agent a non-state group
    ("شن تنظيم داعش أمس هجوما واسعا على مواقع الجيش العراقي في قرية البشير جنوب كركوك، ما أدى إلى سيطرة التنظيم "
     "على القرية.", "Non-state actor overtakes territory", "Islamic State", "Military Forces of Iraq"),
    # the verb after its subject, the opposition taking the town from the army
    ("اندلع قتال عنيف أمس بين فصائل المعارضة وقوات النظام في بلدة بصرى الشام بريف درعا، والقتال أسفر عن سيطرة "
     "المعارضة على البلدة.", "Non-state actor overtakes territory", "Syrian opposition", "Military Forces of Syria"),
])
def test_a_capture_noun_after_a_verb_of_outcome_is_the_capture(text: str, sub_event: str, taker: str,
                                                                loser: str) -> None:
    """"أسفرت عن سيطرة قوات الأسد على القريتين"، "أدى إلى سيطرة التنظيم على القرية": the capture noun after a verb
    of outcome is what the incident ended in, taken by the noun's agent."""
    assert any(s == sub_event and a1 == taker and (not loser or a2 == loser) for s, a1, a2 in _sides(text))


def test_a_capture_noun_after_since_is_background() -> None:
    """"منذ سيطرة التنظيم على المدينة": a capture told as the time since which, not an event of the news."""
    assert all(s not in ("Government regains territory", "Non-state actor overtakes territory")
               for s, _, _ in _sides("قصفت طائرات حربية أمس مدينة الرقة الخاضعة لتنظيم داعش منذ سيطرة التنظيم "
                                     "على المدينة قبل عامين."))


# --- a weapon noun's nisba names its owner: drones by their loanword, warships ------------------------------

@pytest.mark.parametrize(("text", "sub_event", "striker"), [
    ("استهدفت طائرة درون تركية سيارة قرب مدينة القامشلي أمس ما أدى إلى مقتل شخصين.",
     "Air/drone strike", "Military Forces of Turkey"),
    ("قصفت طائرات درون تركية مواقع لحزب العمال الكردستاني في جبال قنديل أمس.",
     "Air/drone strike", "Military Forces of Turkey"),
    # a warship's fire is from the sea, even by a force that otherwise strikes only from the air
    ("أطلقت غواصة روسية صواريخ على مواقع لتنظيم داعش في ريف دير الزور أمس.",
     "Shelling/artillery/missile attack", "Military Forces of Russia"),
    ("أطلقت غواصتان روسيتان صواريخ على مواقع لتنظيم داعش قرب تدمر أمس.",
     "Shelling/artillery/missile attack", "Military Forces of Russia"),
    ("مواقع التنظيم في ريف دير الزور قصفتها البوارج الروسية أمس بالصواريخ.",
     "Shelling/artillery/missile attack", "Military Forces of Russia"),
])
def test_a_weapon_nisba_names_its_owner(text: str, sub_event: str, striker: str) -> None:
    """"طائرة درون تركية"، "غواصة روسية"، "البوارج الروسية": the nisba after a weapon noun names the state whose
    forces own it (actors.toml [forces]); a warship ([cue.warship]) fires from the sea, not from the air."""
    assert any(s == sub_event and a1 == striker for s, a1, _ in _sides(text))


def test_a_warship_alone_is_no_event() -> None:
    """A warship named without an act of fire reports nothing."""
    assert _sides("عبرت غواصة روسية مضيق البوسفور أمس متجهة إلى الساحل السوري.") == []


# --- repelling an attack: the repellers fought its owners -------------------------------------------------

@pytest.mark.parametrize("text", [
    "حاولت قوات النظام أمس اقتحام بلدة مورك بريف حماة، إلا أن فصائل المعارضة صدوا الهجمات.",
    "تقول فصائل المعارضة إنها تتصدى للهجوم البري الذي تشنه قوات النظام على بلدة مورك بريف حماة.",
    "وتصدى مقاتلو المعارضة أمس للهجوم الذي شنته قوات النظام على بلدة مورك بريف حماة.",
    "صدت فصائل المعارضة الهجوم الذي شنته قوات النظام أمس على بلدة مورك بريف حماة.",
])
def test_a_repelled_attack_is_a_clash(text: str) -> None:
    """"صدوا الهجمات"، "تتصدى للهجوم"، "تصدى للهجوم": repelling an attack, in any person and tense and with the
    attack definite, is an armed clash: the attack's owner its actor1, the repellers actor2 (codebook §2)."""
    assert ("Armed clash", "Military Forces of Syria", "Syrian opposition") in _sides(text)


# --- cruise missiles: fired from warships, a missile attack whoever fires them ------------------------------

@pytest.mark.parametrize("text", [
    "أطلق الجيش الروسي أمس صواريخ كروز على مواقع لتنظيم داعش في ريف دير الزور.",
    "أطلقت البحرية الروسية صاروخ كاليبر على مقر للتنظيم في ريف حماة الشرقي أمس ما أدى إلى مقتل خمسة مسلحين.",
    "أطلقت القوات الروسية صاروخين مجنحين من طراز كاليبر على مواقع للتنظيم قرب تدمر أمس.",
    # passive, the launcher after its missiles
    "قتل ثلاثة مسلحين من داعش بصواريخ كروز أطلقتها القوات الروسية على ريف دير الزور أمس.",
])
def test_cruise_missiles_are_no_air_strike(text: str) -> None:
    assert _types(text) == ["Shelling/artillery/missile attack"]


# --- a force that fights only from the air, named in another clause of the incident -------------------------

@pytest.mark.parametrize("text", [
    "أعلن الجيش الروسي أن طائراته هاجمت مواقع للفصائل في ريف إدلب أمس. وقتل طفلان في قصف صاروخي على بلدة التح.",
    "قال الجيش الإسرائيلي إن طائراته قصفت مواقع للجيش السوري في ريف القنيطرة أمس. وأفاد المرصد بأن الصواريخ "
    "أصابت منطقة قرب بلدة حضر.",
    "أكد التحالف الدولي أن طائراته استهدفت مواقع داعش في الحسكة أمس. وأضاف أن القصف الصاروخي دمر مستودع أسلحة "
    "قرب مدينة الحسكة.",
])
def test_the_incident_striker_strikes_from_the_air(text: str) -> None:
    assert _types(text) == ["Air/drone strike"]


# --- an execution: the killing of captives is one-sided, an attack ------------------------------------------

@pytest.mark.parametrize("text", [
    "أعدم تنظيم داعش أمس ثلاثة جنود عراقيين أسرى في قرية البشير جنوب كركوك.",
    "أعدمت هيئة تحرير الشام امرأتين في بلدة سراقب بريف إدلب أمس.",
    # the verbal noun, the victims a named force
    "نفذ مسلحو التنظيم عملية إعدام بحق خمسة من عناصر الشرطة في مدينة الحويجة أمس.",
    # passive, the killers after على يد
    "أعدم أربعة شبان على يد عناصر داعش في مدينة الميادين أمس.",
])
def test_an_execution_is_an_attack(text: str) -> None:
    assert _types(text) == ["Attack"]


# --- victims choking in a bombardment: a gas, a chemical weapon -------------------------------------------

@pytest.mark.parametrize(("text", "striker"), [
    ("أصيب عشرة مدنيين بحالات اختناق جراء قصف جوي استهدف بلدة كفرزيتا في ريف حماة أمس.", "Military Forces of Syria"),
    ("قالت مصادر طبية إن القصف التركي على قرية جنديرس في عفرين تسبب في إصابة خمسة أشخاص باختناق أمس.",
     "Military Forces of Turkey"),
    # feminine plural victims, shells
    ("أصيبت ثلاث نساء باختناق إثر قصف بقذائف على حي جوبر في دمشق أمس.", "Military Forces of Syria"),
    # the passive, the raids after the victims
    ("نقل عشرات المدنيين إلى المستشفى بحالات اختناق بعد غارات استهدفت مدينة سراقب في ريف إدلب أمس.",
     "Military Forces of Syria"),
])
def test_choking_in_a_bombardment_is_a_chemical_weapon(text: str, striker: str) -> None:
    records = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert [(r["sub_event_type"], r["actor1"]) for r in records] == [("Chemical weapon", striker)]


def test_choking_on_tear_gas_is_the_police_dispersing_a_protest() -> None:
    text = "أصيب جنديان بحالات اختناق جراء قنابل الغاز المسيل للدموع التي أطلقتها الشرطة على المحتجين في البصرة أمس."
    assert "Chemical weapon" not in _types(text)


# --- a capture's verbal noun after the bā': the process a verb advances, unless "did" ------------------------

@pytest.mark.parametrize("text", [
    "تتقدم القوات العراقية بتحرير مدينة الرمادي من داعش وسط اشتباكات عنيفة أمس.",
    "بدأت قوات النظام أمس بالسيطرة على منافذ بلدة داريا في ريف دمشق بعد معارك مع الفصائل.",
    "واصلت فصائل المعارضة أمس هجومها على مدينة مورك بريف حماة مطالبة بتحرير المدينة، واشتبكت مع قوات النظام.",
])
def test_a_capture_under_way_is_the_fight(text: str) -> None:
    assert _types(text) == ["Armed clash"]


@pytest.mark.parametrize(("text", "sub_event"), [
    ("قامت قوات البيشمركة أمس بتحرير قرية البشير جنوب كركوك.", "Government regains territory"),
    ("قام مقاتلو المعارضة بالسيطرة على بلدة مورك في ريف حماة أمس.", "Non-state actor overtakes territory"),
])
def test_a_capture_the_periphrastic_did_tells_is_done(text: str, sub_event: str) -> None:
    assert _types(text) == [sub_event]


# --- security forces wounded at a protest: the crowd fought -----------------------------------------------

@pytest.mark.parametrize("text", [
    "أصيب متظاهرون وأفراد من قوات الأمن بجروح أمام مبنى محافظة البصرة أمس.",
    "أصيب ثلاثة من عناصر الشرطة وعدد من المحتجين خلال تظاهرة في مدينة الناصرية أمس.",
    # a dual of policemen, an angry demonstration
    "جرح شرطيان في تظاهرة غاضبة أمام مقر المحافظة في مدينة الديوانية أمس.",
    # a protester killed too: the forces among the wounded still tell a fight
    "قتل متظاهر وأصيب 20 شخصا غالبيتهم من عناصر الأمن خلال تظاهرات في مدينة الديوانية أمس.",
    "لقي محتج حتفه وجرح خمسة من أفراد الشرطة في احتجاجات بمدينة السماوة أمس.",
])
def test_forces_wounded_at_a_protest_is_a_riot(text: str) -> None:
    assert _types(text) == ["Violent demonstration"]


def test_protesters_wounded_in_a_dispersal_is_an_intervention() -> None:
    text = "أصيب عشرة متظاهرين خلال تفريق قوات الأمن للتظاهرة أمام مبنى محافظة البصرة أمس."
    assert _types(text) == ["Protest with intervention"]


@pytest.mark.parametrize("text", [
    "أصيب خمسة متظاهرين بجروح على يد قوات الأمن في مدينة البصرة أمس.",
    "أصابت قوات الأمن عشرة متظاهرين بجروح أمام مبنى محافظة البصرة أمس.",
    "قتل متظاهر برصاص قوات الأمن خلال تظاهرات في مدينة الديوانية أمس.",
])
def test_forces_that_wounded_protesters_do_not_make_a_riot(text: str) -> None:
    assert "Violent demonstration" not in _types(text)


# --- a depot's rockets and shells: what blew up, not what was fired ----------------------------------------

@pytest.mark.parametrize("text", [
    "انفجرت قذائف صاروخية كانت مخزنة في منزل بحي الشعب في بغداد أمس ما أدى إلى مقتل ثلاثة أشخاص.",
    "قتل خمسة مدنيين في انفجار مستودع للصواريخ في بلدة سرمدا بريف إدلب أمس.",
    "أدى انفجار مخزن لقذائف الهاون في مدينة الصدر ببغداد أمس إلى مقتل طفلين.",
])
def test_stored_munitions_blowing_up_are_no_shelling(text: str) -> None:
    assert _types(text) == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text", [
    # rockets and shells named as what a factory or workshop makes: no weapon fired
    "دمرت وحدات الجيش مصانع ومعامل للمدافع والصواريخ والقذائف في محيط مدينة دوما أمس.",
    "عثرت القوات الأمنية أمس على ورشة لتصنيع القذائف في حي الشعب ببغداد.",
    "فككت قوات الجيش معملا للصواريخ في بلدة سرمدا بريف إدلب أمس.",
])
def test_made_munitions_are_no_shelling(text: str) -> None:
    assert "Shelling/artillery/missile attack" not in _types(text)


def test_rockets_that_fell_on_a_factory_district_are_shelling() -> None:
    assert _types("سقطت قذائف صاروخية على حي المصانع في دمشق أمس ما أدى إلى مقتل ثلاثة أشخاص.") == [
        "Shelling/artillery/missile attack"]


def test_rockets_that_fell_are_shelling() -> None:
    assert _types("سقطت قذائف صاروخية على حي الشعب في بغداد أمس ما أدى إلى مقتل ثلاثة أشخاص.") == [
        "Shelling/artillery/missile attack"]


# --- "وجاء الهجوم ..." names the incident told before, to give its context ----------------------------------

def _coded(text: str) -> list[tuple[str, str]]:
    records = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    return [(r["sub_event_type"], r["actor1"]) for r in records]


@pytest.mark.parametrize(("text", "coded"), [
    ("قتل ثلاثة مدنيين بانفجار عبوة ناسفة في سوق مدينة الصدر ببغداد أمس. ويأتي هذا الهجوم بعد إعلان الجيش العراقي "
     "الانتصار على داعش في المدينة.", [("Remote explosive/landmine/IED", "Unidentified armed group")]),
    ("قتل 14 جنديا سوريا في تفجير انتحاري استهدف حاجزا في قرية زيزون بريف درعا أمس. وجاء الهجوم بعد اتفاق بين "
     "الجيش السوري وفصائل المعارضة في القرية.", [("Suicide bomb", "Unidentified armed group")]),
    # a feminine plural noun: the clause goes on with another incident, a battle
    ("شنت طائرات حربية غارات على بلدة الغارية بريف درعا أمس ما أدى إلى مقتل عشرة مدنيين. وجاءت الغارات بينما كانت "
     "فصائل المعارضة تشن هجوما على مواقع الجيش في مدينة درعا.",
     [("Air/drone strike", "Military Forces of Syria"), ("Armed clash", "Syrian opposition")]),
])
def test_the_incident_named_again_adds_nothing(text: str, coded: list[tuple[str, str]]) -> None:
    assert _coded(text) == coded


# --- a named battle an act belongs to is its campaign, not fighting told ----------------------------------

@pytest.mark.parametrize("text", [
    "قصفت فصائل المعارضة بلدة نبل بالمدفعية أمس ضمن معركة فك الحصار عن حلب.",
    "أطلق مقاتلو الجيش الحر صواريخ على بلدة الفوعة بريف إدلب أمس في إطار معركة \"النصر المبين\".",
    "استهدفت الفصائل قرية كفريا بقذائف الهاون أمس، ضمن المرحلة الأولى من معركة \"الفتح\".",
    "قصف مسلحو التنظيم بقذائف الهاون حي الجورة في دير الزور أمس، من ضمن معركة أطلقوها قبل أيام.",
])
def test_shelling_within_a_named_battle_is_shelling(text: str) -> None:
    assert _types(text) == ["Shelling/artillery/missile attack"]


# --- "مسيرة" with its maker or owner is a drone; alone, a march -----------------------------------------

@pytest.mark.parametrize("text", [
    "استهدفت مسيرة تركية سيارة في مدينة القامشلي أمس ما أدى إلى مقتل شخصين.",
    "قصفت مسيرات إسرائيلية مواقع في ريف القنيطرة أمس.",
    # the verbal noun, the drone its agent, an armed victim
    "قتل قيادي في الحشد الشعبي باستهداف مسيرة مجهولة لسيارته قرب مدينة القائم أمس.",
])
def test_a_named_drone_strikes_from_the_air(text: str) -> None:
    assert _types(text) == ["Air/drone strike"]


def test_a_march_is_no_drone() -> None:
    assert _types("خرجت مسيرة احتجاجية في مدينة البصرة أمس للمطالبة بتوفير الكهرباء.") == ["Peaceful protest"]


# --- a killing told as a protest's motive is no violence at the protest ------------------------------------

@pytest.mark.parametrize("text", [
    "اعتصم أكثر من ألف شخص في مدينة اللاذقية أمس احتجاجا على قتل ضابط في الجيش.",
    "تظاهرت عشرات النساء أمام مبنى محافظة البصرة أمس تنديدا بمقتل ثلاثة شبان.",
    "خرج المئات في مسيرة احتجاجية بمدينة الناصرية أمس استنكارا لاغتيال ناشط مدني.",
    # the motive told before the protest; a wounding as the motive
    "تنديدا بمقتل شاب، خرج العشرات في تظاهرة بمدينة الكوت أمس.",
    "نظم طلاب الجامعة وقفة احتجاجية في مدينة البصرة أمس احتجاجا على إصابة زميلهم.",
])
def test_a_protest_against_a_killing_is_peaceful(text: str) -> None:
    assert _types(text) == ["Peaceful protest"]


def test_a_killing_at_the_protest_is_still_its_violence() -> None:
    text = "قتل متظاهر برصاص قوات الأمن خلال تظاهرة احتجاجا على البطالة في مدينة الديوانية أمس."
    assert _types(text) == ["Excessive force against protesters"]


# --- a road cut in a capture is a military move, not a protest's blockade -----------------------------------

@pytest.mark.parametrize(("text", "taken"), [
    ("سيطر الجيش العراقي أمس على جسر البو عيثة شمالي الرمادي وقطع الطريق على عناصر التنظيم.",
     "Government regains territory"),
    ("استعادت قوات النظام أمس قرية الزيادية في سهل الغاب بريف حماة بعد قطع الطريق المؤدي إليها.",
     "Government regains territory"),
    ("سيطر مقاتلو المعارضة أمس على بلدة كفرنبودة بريف حماة وقطعوا الطريق الدولي.",
     "Non-state actor overtakes territory"),
])
def test_a_road_cut_in_a_capture_is_no_protest(text: str, taken: str) -> None:
    assert _types(text) == [taken]


@pytest.mark.parametrize("text", [
    # a protest word and "على"/"ضد" right before the act: what the protest was about
    "شهدت مدينة كربلاء أمس احتجاجات على اعتقال رجل دين أمام القنصلية الإيرانية.",
    "تظاهر العشرات في مدينة الكوت أمس ضد اختطاف ناشط مدني.",
    "خرج المئات في مدينة البصرة أمس في احتجاج على مقتل شاب.",
])
def test_a_protest_over_an_arrest_or_a_killing_is_peaceful(text: str) -> None:
    assert _types(text) == ["Peaceful protest"]


def test_protesters_arrested_at_the_protest_are_an_intervention() -> None:
    text = "اعتقلت قوات الأمن عشرة متظاهرين خلال احتجاجات في مدينة الكوت أمس."
    assert _types(text) == ["Protest with intervention"]
