"""Actor rules (docs/extraction.md, clause frames; codebook §3), each on invented sentences that vary
person, gender, number, voice and word order."""

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUB = date(2021, 8, 18)


def sides(text: str) -> list[tuple[str, str]]:
    return [(e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "")
            for e in extract_events(Article("t", text, published=PUB))]


@pytest.mark.parametrize("text,actor1,actor2", [
    ("دارت اشتباكات عنيفة بين قوات النظام وحزب الله من جهة، وفصائل المعارضة من جهة أخرى في مدينة الزبداني.",
     "Military Forces of Syria", "Syrian opposition"),
    ("اندلعت اشتباكات بين الفصائل المعارضة وجبهة النصرة من طرف، وتنظيم داعش من طرف آخر قرب بلدة مارع.",
     "Syrian opposition", "Islamic State"),
    ("تستمر المواجهات بين الحشد الشعبي وقوات البيشمركة من جهة ومسلحي داعش من جهة ثانية في قضاء سنجار.",
     "Popular Mobilization Forces", "Islamic State"),
    ("وقعت اشتباكات بين داعش من جهة، والجيش العراقي والحشد الشعبي من جهة أخرى في قضاء بيجي.",
     "Islamic State", "Military Forces of Iraq"),
])
def test_allies_told_on_one_side_of_a_clash_are_not_its_target(text, actor1, actor2):
    """"بين A وB من جهة، وC من جهة أخرى": A and B are allies; the other side (C) is the target."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("اندلعت اشتباكات بين سرايا السلام وعصائب أهل الحق في مدينة البصرة.", "Saraya al-Salam", "Asaib Ahl al-Haq"),
    ("دارت اشتباكات بين قوات النظام وتنظيم داعش في محيط مدينة تدمر.", "Military Forces of Syria", "Islamic State"),
])
def test_without_a_side_closer_each_name_after_between_is_a_side(text, actor1, actor2):
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قتل خمسة من عناصر الشرطة أثناء هجومهم على ثكنات داعش في قضاء حديثة.", "Police Forces of Iraq", "Islamic State"),
    ("قتلت ثلاثة من عناصر الشرطة أثناء هجومهم على مواقع داعش في قضاء حديثة.", "Police Forces of Iraq", "Islamic State"),
    ("أصيب عنصران من الحشد الشعبي خلال هجومهما على وكر لداعش في قضاء الطارمية.",
     "Popular Mobilization Forces", "Islamic State"),
    ("لقي عشرة من مسلحي داعش مصرعهم خلال هجومهم على مواقع الجيش العراقي في قضاء بيجي.",
     "Islamic State", "Military Forces of Iraq"),
])
def test_those_who_fell_in_their_own_attack_are_its_initiators(text, actor1, actor2):
    """"قتل X أثناء هجومهم على Y": the attack with "their" is the attack of those who fell."""
    assert sides(text)[0] == (actor1, actor2)


def test_an_attack_with_its_own_owner_keeps_it():
    """"قتل 5 من عناصر الشرطة في هجوم لداعش": the attack is IS's, the police its victims."""
    assert sides("قتل خمسة من عناصر الشرطة في هجوم لداعش على حاجز في قضاء حديثة.")[0] == (
        "Islamic State", "Police Forces of Iraq")


@pytest.mark.parametrize("text,actor1", [
    ("قصف سلاح الجو التركي مواقع في ريف حلب الشمالي.", "Military Forces of Turkey"),
    ("قصفت القوات الجوية السورية بلدة كفرنبل في ريف إدلب.", "Military Forces of Syria"),
    ("شنت طائرات عسكرية روسية غارات على بلدة التح في ريف إدلب.", "Military Forces of Russia"),
    ("قصف الروس بلدة التح في ريف إدلب.", "Military Forces of Russia"),
])
def test_an_air_force_is_named_by_its_nationality(text, actor1):
    """A force noun (سلاح الجو، القوات الجوية، طائرات عسكرية) with a nationality names that country's forces."""
    assert sides(text)[0][0] == actor1


@pytest.mark.parametrize("text", [
    "هاجمت الفصائل الموالية لتركيا مواقع لقوات سوريا الديمقراطية قرب مدينة منبج.",
    "هاجم مسلحون موالون لتركيا مواقع لقوات سوريا الديمقراطية قرب مدينة منبج.",
    "هاجمت فصائل مدعومة من تركيا مواقع لقوات سوريا الديمقراطية قرب مدينة منبج.",
])
def test_the_factions_turkey_backs_are_the_syrian_opposition(text):
    assert sides(text)[0] == ("Syrian opposition", "Syrian Democratic Forces")


@pytest.mark.parametrize("text", [
    "هاجم المقاتلون الأكراد مواقع لتنظيم داعش في مدينة الحسكة.",
    "هاجمت قوات حماية الشعب الكردية مواقع لتنظيم داعش في مدينة الحسكة.",
    "اشتبك الأكراد مع عناصر تنظيم داعش في مدينة الحسكة.",
])
def test_the_kurdish_fighters_of_syria_are_the_sdf(text):
    assert sides(text)[0] == ("Syrian Democratic Forces", "Islamic State")


@pytest.mark.parametrize("text", [
    "قتل ثلاثة من عناصر الشرطة جراء استهدافهم بعبوة ناسفة في قضاء حديثة.",
    "قتل جنديان من الجيش العراقي إثر استهدافهما بقذيفة هاون في قضاء بيجي.",
])
def test_a_pronoun_in_the_targets_genitive_keeps_the_fallen_as_targets(text):
    """"جراء استهدافهم": the genitive of استهداف is its patient — the fallen were targeted, they did not attack."""
    assert sides(text)[0][1] in ("Police Forces of Iraq", "Military Forces of Iraq")


@pytest.mark.parametrize("text,actor1", [
    ("استهدف جيش الإسلام مواقع لقوات النظام في حي جوبر بقذائف الهاون.", "Jaysh al-Islam"),
    ("قصف فصيل فيلق الرحمن مواقع لقوات النظام في حي جوبر.", "Faylaq al-Rahman"),
    ("هاجم مقاتلو جيش الإسلام حاجزا لقوات النظام قرب مدينة دوما.", "Jaysh al-Islam"),
])
def test_a_named_faction_keeps_its_name(text, actor1):
    """Codebook §3: a group not in the table gets its own common English name, not "Syrian opposition"."""
    assert sides(text)[0] == (actor1, "Military Forces of Syria")


@pytest.mark.parametrize("text", [
    "سيطر جيش الفتح على بلدة محمبل في ريف إدلب بعد اشتباكات مع قوات النظام.",
    "هاجمت غرفة عمليات فتح حلب مواقع لقوات النظام في حي جمعية الزهراء.",
    "استهدفت فصائل الجبهة الجنوبية مواقع لقوات النظام في مدينة درعا.",
])
def test_an_alliance_of_factions_is_the_opposition(text):
    """An alliance or operations room of several factions is the opposition as a whole."""
    assert sides(text)[0][0] == "Syrian opposition"


@pytest.mark.parametrize("text,expected", [
    ("قصف الثوار مواقع لقوات النظام في ريف حماة.", ("Syrian opposition", "Military Forces of Syria")),
    ("واصل الثوار استهداف قريتي كفريا والفوعة في ريف إدلب بالمدفعية الثقيلة.", ("Syrian opposition", "")),
    ("استهدفت قوات النظام تجمعات للثوار في بلدة اللطامنة بريف حماة.",
     ("Military Forces of Syria", "Syrian opposition")),
])
def test_the_rebels_of_syria_are_the_opposition(text, expected):
    """In Syrian news "الثوار" (the rebels), like "the factions", are the armed opposition."""
    assert sides(text)[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("نفذ التحالف أربع غارات بالقرب من مدينة كوباني.", "International Coalition against IS"),
    ("قصفت طائرات التحالف مواقع لداعش قرب مدينة الموصل.", "International Coalition against IS"),
    ("شن التحالف غارة جوية على قضاء القائم في الأنبار.", "International Coalition against IS"),
])
def test_the_coalition_alone_is_the_coalition_against_is(text, expected):
    assert sides(text)[0][0] == expected


@pytest.mark.parametrize("text", [
    "هاجمت تحرير الشام مواقع لقوات النظام في ريف حماة.",
    "هاجم مقاتلو هيئة تحرير الشام مواقع لقوات النظام في ريف حماة.",
])
def test_hts_by_its_short_name(text):
    assert sides(text)[0] == ("Hayat Tahrir al-Sham", "Military Forces of Syria")


@pytest.mark.parametrize("text", [
    "شنت طائرات التحالف الدولي غارات على مدينة الرقة.",
    "نفذ التحالف الدولي أربع غارات قرب مدينة كوباني.",
    "قصفت قوات التحالف الدولي مناطق في قضاء القائم.",
])
def test_the_coalition_strikes_is_when_no_target_is_named(text):
    """A force formed to fight one group (actors.toml `against`) strikes that group when no target is named."""
    assert sides(text)[0] == ("International Coalition against IS", "Islamic State")


def test_a_named_target_of_the_coalition_stays():
    assert sides("قصفت طائرات التحالف الدولي مواقع لقوات النظام قرب مدينة دير الزور.")[0] == (
        "International Coalition against IS", "Military Forces of Syria")


@pytest.mark.parametrize("text", [
    "هاجم مقاتلون مواقع لقوات النظام قرب مدينة درعا.",
    "قتل ثلاثة مقاتلين في اشتباكات مع قوات النظام قرب مدينة درعا.",
    "أصيب مقاتلان في قصف لقوات النظام على مدينة درعا.",
])
def test_fighters_are_not_the_army(text):
    """"مقاتل" (a fighter) names no army: the army is only one side of the fight."""
    assert "Military Forces of Syria" in sides(text)[0]
    assert sides(text)[0].count("Military Forces of Syria") == 1


@pytest.mark.parametrize("text,actor2", [
    ("قتل ثلاثة عسكريين بانفجار عبوة ناسفة في قضاء الطارمية.", "Military Forces of Iraq"),
    ("أصيب عسكريان اثنان بانفجار عبوة ناسفة في قضاء الطارمية.", "Military Forces of Iraq"),
    ("انفجرت عبوة ناسفة قرب دورية فقتلت جنودا في قضاء الطارمية.", "Military Forces of Iraq"),
    ("قتل ضباط في انفجار عبوة ناسفة قرب قضاء الطارمية.", "Military Forces of Iraq"),
])
def test_soldiers_in_any_number_and_case_are_the_army(text, actor2):
    """Nouns of soldiers are generated from one row per lemma (جندي جنود، عسكري +، ضابط ضباط)."""
    assert sides(text)[0] == ("Unidentified armed group", actor2)


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة قرب مخزن للمعدات العسكرية في قضاء الطارمية دون إصابات.",
    "استهدف تفجير بعبوة ناسفة العجلات العسكرية في قضاء الطارمية دون إصابات.",
    "انفجرت عبوتان ناسفتان على طريق تسلكه الأرتال العسكرية في قضاء الطارمية.",
])
def test_the_feminine_nisba_is_no_soldier(text):
    """"عسكرية" is the adjective of a thing (base, vehicles, convoys), not a person: no army named."""
    assert all("Military Forces of Iraq" not in pair for pair in sides(text))


@pytest.mark.parametrize("text", [
    "أسفرت الهجمات الإرهابية في محافظة ديالى عن مقتل عشرة مدنيين.",
    "قتل خمسة مدنيين في تفجير إرهابي استهدف سوقا في قضاء المقدادية بمحافظة ديالى.",
    "أدت العملية الإرهابية التي نفذت في قضاء المقدادية بديالى إلى مقتل أربعة مواطنين.",
])
def test_an_attack_called_terrorist_was_made_by_militants(text):
    """"الهجمات الإرهابية"، "تفجير إرهابي": the attackers are militants (here unnamed), the civilians the target."""
    assert sides(text)[0] == ("Unidentified armed group", "Civilians")


@pytest.mark.parametrize("text,actor1", [
    ("قتل 30 مدنيا الجمعة في غارات جوية شنها الطيران الروسي والسوري على بلدة خان شيخون في ريف إدلب.",
     "Military Forces of Syria"),
    ("استهدفت الضربات الجوية الروسية والسورية بلدة الهبيط في ريف إدلب ما أدى إلى مقتل طفل.",
     "Military Forces of Syria"),
    ("قصفت الطائرات السورية والروسية بلدة الهبيط في ريف إدلب فقتلت ثلاثة مدنيين.", "Military Forces of Syria"),
    ("قتل أربعة مدنيين بقصف شنته المدفعية التركية والإيرانية على قرية في ريف إدلب.", "Military Forces of Turkey"),
])
def test_a_coordinated_nationality_adjective_is_a_partner_not_a_target(text, actor1):
    """"الطيران الروسي والسوري": the bare adjective after و shares the head noun — both forces strike; the
    state's own forces on its own ground lead (else the first named), the civilians stay the target."""
    assert sides(text)[0] == (actor1, "Civilians")


@pytest.mark.parametrize("text,actor1,actor2", [
    ("سيطرت القوات التركية والفصائل السورية الموالية لها على مدينة عفرين بعد معارك مع وحدات حماية الشعب.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
    ("قصفت القوات التركية والفصائل الموالية لها قرية جنديرس في ريف عفرين فقتلت خمسة مدنيين.",
     "Military Forces of Turkey", "Civilians"),
    ("هاجم الجيش التركي والفصائل المدعومة منه مواقع قسد قرب بلدة تل رفعت في ريف حلب.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
    ("تتقدم قوات النظام والفصائل الفلسطينية الموالية لها في مخيم اليرموك جنوب دمشق وسط اشتباكات عنيفة مع تنظيم داعش.",
     "Military Forces of Syria", "Islamic State"),
    ("دارت اشتباكات عنيفة بين قوات النظام والفصائل الموالية لها وتنظيم داعش في مخيم اليرموك جنوب دمشق.",
     "Military Forces of Syria", "Islamic State"),
])
def test_a_group_loyal_to_the_force_it_is_joined_with_is_its_associate(text, actor1, actor2):
    """"القوات التركية والفصائل الموالية لها": the loyal factions fight on Turkey's side, not against it."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("انتزعت وحدات حماية الشعب السيطرة على قرية تل حميس من يد مقاتلي داعش.",
     "Syrian Democratic Forces", "Islamic State"),
    ("انتزعت فصائل المعارضة السيطرة على بلدة مورك من يد قوات النظام في ريف حماة.",
     "Syrian opposition", "Military Forces of Syria"),
    ("استعادت قوات البيشمركة السيطرة على قرية بعشيقة من أيدي مسلحي داعش في نينوى.",
     "Military Forces of the Kurdistan Region", "Islamic State"),
    ("استعاد الجيش العراقي السيطرة على قرية البو جاسم في الأنبار من مسلحي داعش.",
     "Military Forces of Iraq", "Islamic State"),
])
def test_whom_a_place_is_taken_from_is_the_target(text, actor1, actor2):
    """"السيطرة على البلدة من يد داعش": "from the hand of" marks the loser of a capture, not the doer (unlike
    "على يد"); a bare "من" with a group after a capture does too."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1", [
    ("قتل 20 شخصا في سلسلة تفجيرات في العراق أمس، تبنى بعضها تنظيم داعش. وانفجرت سيارة مفخخة في حي الشعب ببغداد "
     "فقتلت ثمانية أشخاص.", "Unidentified armed group"),
    ("قتل عشرة أشخاص في تفجيرين في العراق أمس، تبنى التنظيم أحدهما. وقتل ثلاثة أشخاص بانفجار عبوة ناسفة في سوق "
     "بمدينة بعقوبة.", "Unidentified armed group"),
    ("قتل 15 شخصا في سلسلة تفجيرات في العراق أمس، تبنى تنظيم داعش إحداها. وقتلت امرأتان بانفجار عبوة ناسفة في سوق "
     "بمدينة بعقوبة.", "Unidentified armed group"),
    ("أعلن تنظيم داعش مسؤوليته عن التفجير. وقتل ثلاثة أشخاص بانفجار عبوة ناسفة في سوق بمدينة بعقوبة.",
     "Islamic State"),
])
def test_a_claim_of_some_attacks_names_the_author_of_none(text, actor1):
    """"هجمات تبنى بعضها داعش": a claim of part of a series does not attribute any one bombing (codebook §3:
    an unclaimed bombing is an unidentified group's); a claim of the attack itself does."""
    assert sides(text)[0] == (actor1, "Civilians")


@pytest.mark.parametrize("text,expected", [
    ("اشتبك مئات المتظاهرين مع قوات الأمن العراقية أمام مبنى المحافظة في الناصرية.",
     ("Rioters", "Police Forces of Iraq")),
    ("أطلقت قوات الأمن العراقية الرصاص الحي على المحتجين في البصرة فقتلت متظاهرا.",
     ("Protesters", "Police Forces of Iraq")),
    ("قصفت القوات الأمنية العراقية مواقع لداعش في جزيرة الخالدية بالأنبار.",
     ("Military Forces of Iraq", "Islamic State")),
    ("قامت القوات الأمنية بتوجيه ضربات صاروخية على مواقع يتحصن فيها مسلحو داعش في قضاء حديثة.",
     ("Military Forces of Iraq", "Islamic State")),
])
def test_security_forces_with_their_country_are_still_named_by_what_they_do(text, expected):
    """Codebook §3: "قوات الأمن العراقية" is as unspecified as "قوات الأمن": police at a protest, the military
    when they shell or fight an armed group."""
    assert sides(text)[0] == expected


@pytest.mark.parametrize("text,actor1", [
    ("قتل خمسة مدنيين بانفجار عبوة ناسفة في سوق بمدينة بعقوبة، في هجوم تبناه تنظيم داعش.", "Islamic State"),
    ("قتل خمسة مدنيين بانفجار عبوة ناسفة في سوق بمدينة بعقوبة. وسبق أن تعرضت المدينة لتفجيرات خلال الأشهر "
     "الماضية أغلبها تبناها تنظيم داعش.", "Unidentified armed group"),
    ("انفجرت سيارة مفخخة في سوق بمدينة بعقوبة فقتلت خمسة مدنيين. وتشهد المدينة منذ أشهر تفجيرات يتبنى تنظيم "
     "داعش في بعض الأحيان عددا منها.", "Unidentified armed group"),
])
def test_every_form_of_a_claim_verb_claims_and_a_habit_or_a_majority_does_not(text, actor1):
    """The verbs of claiming are verbs.toml's (تبناه، تبنت، يتبنى …, generated); "أغلبها تبناها"، "يتبنى في
    بعض الأحيان" claim most or some of a series: no one bombing of it."""
    assert sides(text)[0] == (actor1, "Civilians")


@pytest.mark.parametrize("text,actor1", [
    ("ضرب صاروخ إسرائيلي مطار المزة العسكري قرب دمشق.", "Military Forces of Israel"),
    ("قتل طفلان بقذائف تركية سقطت على بلدة جنديرس في ريف عفرين.", "Military Forces of Turkey"),
    ("استهدفت الصواريخ الروسية بلدة في ريف إدلب ما أدى إلى مقتل ثلاثة مدنيين.", "Military Forces of Russia"),
])
def test_a_weapon_with_a_nationality_is_that_countrys_forces(text, actor1):
    """"صاروخ إسرائيلي"، "قذائف تركية"، "الصواريخ الروسية": the [forces] nouns include weapons fired (a plural of
    things takes the feminine adjective)."""
    assert sides(text)[0][0] == actor1


@pytest.mark.parametrize("text,actor1,actor2", [
    ("وبحسب مصدر أمني فإن مفرزة خاصة من الحشد الشعبي قتلت أحد أبرز قناصي تنظيم داعش قرب جبال مكحول.",
     "Popular Mobilization Forces", "Islamic State"),
    ("وحسب المرصد فإن عناصر من تنظيم داعش قتلوا أحد أبرز قادة قوات سوريا الديمقراطية قرب بلدة هجين.",
     "Islamic State", "Syrian Democratic Forces"),
    ("أما الجيش فإن قوة منه قتلت أحد قادة داعش في جزيرة سامراء.", "Military Forces of Iraq", "Islamic State"),
])
def test_inna_with_fa_opens_the_embedded_clause_too(text, actor1, actor2):
    """"فإنّ مفرزة من الحشد قتلت ...": إنّ with the clitic ف (a two-letter word keeps it) opens the embedded
    clause whose subject is the phrase after it (SVO), as إنّ/أنّ do; the name after the verb is its object."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text", [
    "قتل متظاهران وأصيبت ثلاث نساء خلال احتجاجات عنيفة أحرق فيها المحتجون مبنى المحافظة في مدينة العمارة.",
    "أحرق محتجون غاضبون إطارات السيارات أمام مبنى محافظة البصرة، وأصيب عشرة منهم بجروح.",
    "لقيت متظاهرة حتفها وجرح آخرون عندما اقتحم المحتجون مقر شركة النفط في الناصرية.",
])
def test_a_riots_casualties_imply_the_police_it_met(text: str) -> None:
    """A riot whose clause tells dead or wounded but names no force met the security forces; unnamed,
    policing forces are the country's police (actors.toml [defaults] policing; codebook §3)."""
    assert sides(text)[0] == ("Rioters", "Police Forces of Iraq")


@pytest.mark.parametrize("text,actor2", [
    ("أحرق محتجون غاضبون إطارات السيارات وأغلقوا الطرق في مدينة البصرة.", ""),
    ("تظاهر المئات من أهالي الناصرية أمام مبنى المحافظة للمطالبة بفرص العمل.", ""),
    ("أصيب عشرة محتجين عندما اشتبكوا مع عناصر من منظمة بدر أحرقوا مقرها في البصرة.", "Badr Organization"),
])
def test_without_casualties_or_with_a_named_force_no_police_is_implied(text: str, actor2: str) -> None:
    """No dead or wounded: no force is implied (a riot or a peaceful protest stays one-sided); a force the
    clause names is the counterpart, not the police default."""
    assert sides(text)[0][1] == actor2


@pytest.mark.parametrize("text,actor1,actor2", [
    ("تصدت الدفاعات الجوية السورية لصاروخين إسرائيليين فوق ريف دمشق.",
     "Military Forces of Syria", "Military Forces of Israel"),
    ("استهدفت الطائرتان الإسرائيليتان موقعا عسكريا قرب مطار المزة في دمشق.",
     "Military Forces of Israel", "Military Forces of Syria"),
    ("قتل ثلاثة مدنيين بقصف طائرتين روسيتين على بلدة معرة النعمان.", "Military Forces of Russia", "Civilians"),
])
def test_a_dual_weapon_or_aircraft_with_a_nationality_is_that_countrys_forces(text: str, actor1: str,
                                                                              actor2: str) -> None:
    """"صاروخين إسرائيليين"، "الطائرتان الإسرائيليتان"، "طائرتين روسيتين": the dual of a countable [forces]
    noun with the nisba in the dual too (inflect.dual_phrases; nominative and oblique, with and without ال)."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text", [
    "صرح متحدث عسكري بأن مسلحين ملثمين هاجموا قرية قرب بيجي وقتلوا راعيين، مضيفا أن أحدهما ابن قيادي في الحشد "
    "الشعبي.",
    "قال ضابط إن مجهولين قتلوا امرأتين في منزلهما بقرية قرب الحويجة، وأشار إلى أن زوج إحداهما من البيشمركة.",
    "أفاد مصدر أمني بأن عصابة مسلحة خطفت ثلاثة رعاة قرب الرطبة، مشيرا إلى أن بينهم عنصرا في الحشد الشعبي.",
])
def test_gunmen_in_a_reported_clause_are_not_its_source(text: str) -> None:
    """"قال مصدر أمني إن مسلحين مجهولين قتلوا ...": the speaker's description ends at the complementiser;
    the unidentified gunmen after it are the clause's agent, and a force named only to describe a victim
    does not take their place."""
    assert sides(text)[0] == ("Unidentified armed group", "Civilians")


def test_the_speakers_own_force_stays_the_source() -> None:
    """The speaker noun and its force before إنّ are still the report's source, not a side."""
    assert sides("وقال ضابط في الشرطة إن مجهولين قتلوا شابا قرب مدينة كركوك.")[0] == (
        "Unidentified armed group", "Civilians")


@pytest.mark.parametrize("text", [
    "اقتحم مسلحون يرتدون الزي العسكري منزلا في قرية قرب بعقوبة وقتلوا شقيقين.",
    "أطلق مسلحون يرتدون زيا عسكريا النار على سيارة مدنية قرب كركوك فقتلوا سائقها.",
    "دهمت مسلحة ترتدي الزي العسكري منزلا في قرية قرب بعقوبة وقتلت صاحبه.",
    "هاجم مسلحون بزي عسكري منزلا في قرية قرب بعقوبة وقتلوا شقيقين.",
])
def test_a_nisba_after_a_word_of_dress_is_its_adjective_not_a_soldier(text: str) -> None:
    """"يرتدون زيا عسكريا"، "بزي عسكري": عسكري after a word of dress (actors.toml dress_before) describes the
    dress; the gunmen wearing it are unidentified, and no army is a side."""
    first, second = sides(text)[0]
    assert first == "Unidentified armed group" and second != "Military Forces of Iraq"


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قتل ثلاثة مدنيين بقصف يعتقد أنه تركي على بلدة جنديرس في ريف عفرين.", "Military Forces of Turkey", "Civilians"),
    ("قتل خمسة عناصر من قوات النظام في غارات يرجح أنها إسرائيلية على مواقع قرب مدينة البعث في القنيطرة.",
     "Military Forces of Israel", "Military Forces of Syria"),
    ("أصيبت امرأتان في ضربة جوية يشتبه أنها روسية على بلدة معرة النعمان.", "Military Forces of Russia", "Civilians"),
])
def test_a_strike_believed_to_be_a_countrys_is_that_countrys(text: str, actor1: str, actor2: str) -> None:
    """"غارة يرجح أنها روسية"، "قصف يعتقد أنه تركي": the nisba after a word of belief and أنها/أنه (actors.toml
    [forces] hedged) attributes the strike, as the adjective right after it would."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text", [
    "قالت قوة المهام المشتركة في بيان اليوم إن خمس غارات جوية قرب الموصل دمرت مواقع لداعش.",
    "وأعلنت قوة المهام المشتركة أن طائراتها شنت أمس ثلاث غارات على مسلحي التنظيم في الرمادي.",
    "ونفذت قوة المهام المشتركة بقيادة واشنطن ضربتين جويتين استهدفتا تجمعات للمتشددين قرب الحسكة، وفق بيانها.",
])
def test_the_joint_task_force_is_the_coalition(text):
    """"قوة المهام المشتركة" (the Combined Joint Task Force) is the coalition's command: its strikes are the
    coalition's, not the Iraqi army's ("قيادة العمليات المشتركة" is Iraq's own)."""
    assert [a for a, _ in sides(text)] == ["International Coalition against IS"]


@pytest.mark.parametrize("text,actor1,actor2", [
    ("استمرت الاشتباكات بين قوات النظام وحزب الله من جهة وبين فصائل المعارضة من جهة أخرى في مدينة الزبداني.",
     "Military Forces of Syria", "Syrian opposition"),
    ("دارت معارك بين عناصر داعش من طرف، وبين قوات سوريا الديمقراطية من طرف آخر قرب مدينة الحسكة.",
     "Islamic State", "Syrian Democratic Forces"),
    ("تجددت المواجهات بين الجيش العراقي والحشد الشعبي من ناحية وبين مسلحي داعش من ناحية أخرى في قضاء بيجي.",
     "Military Forces of Iraq", "Islamic State"),
])
def test_between_said_again_for_the_other_side(text, actor1, actor2):
    """"بين A وB من جهة وبين C من جهة أخرى": بين repeated after the side closer opens the other side; A and B
    are still allies."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("كثفت قوات النظام قصفها على أحياء تحت سيطرة تنظيم داعش في جنوب دمشق، حيث اندلعت معارك عنيفة بين الطرفين.",
     "Military Forces of Syria", "Islamic State"),
    ("هاجم مقاتلو المعارضة نقاطا يسيطر عليها الجيش السوري في ريف حماة الشمالي، واندلعت اشتباكات بين الجانبين.",
     "Syrian opposition", "Military Forces of Syria"),
    ("تقدمت وحدات حماية الشعب نحو قرى تحت سيطرة داعش في ريف الرقة. وتدور اشتباكات عنيفة بين الطرفين.",
     "Syrian Democratic Forces", "Islamic State"),
])
def test_the_two_sides_are_those_told_before(text, actor1, actor2):
    """"بين الطرفين"، "بين الجانبين": the dual names the two sides told before it, even one named only as who
    holds the place; the one that is not actor1 is actor2."""
    clashes = [s for s, e in zip(sides(text), extract_events(Article("t", text, published=PUB)), strict=True)
               if e.sub_event_type == "Armed clash"]
    assert clashes and clashes[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor2", [
    ("قال المرصد إن اشتباكات دارت مع فصائل المعارضة في ريف درعا. وسيطرت قوات النظام لاحقا على بلدة الحراك.",
     "Syrian opposition"),
    ("ويقاتل الجيش السوري المعارضة منذ أسابيع في ريف حماة. واستعاد الجيش السوري أمس مدينة حماة بالكامل.",
     "Syrian opposition"),
    ("تحدث المقاتلون الأكراد عن قصف عنيف. وسيطرت القوات التركية على بلدة راجو شمال غرب عفرين.",
     "Syrian Democratic Forces"),
])
def test_a_place_taken_is_taken_from_the_side_described_nearby(text, actor2):
    """A territorial change has a loser: when the clause names none, the other side the story names nearby —
    by a description the region gives a side ("المعارضة"، "الأكراد" in Syria) as much as by a name."""
    taken = [e for e in extract_events(Article("t", text, published=PUB))
             if e.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")]
    assert taken and taken[0].actor2 is not None and taken[0].actor2.name == actor2


@pytest.mark.parametrize("text", [
    "قتل مدنيان عندما اندلعت اشتباكات بين الجيش التركي والمقاتلين الأكراد في قرية قرب عفرين.",
    "اشتبكت قوات النظام مع مسلحي المعارضة في ريف إدلب الجنوبي، ما أدى إلى مقتل ثلاثة مدنيين بينهم طفلة.",
    "أصيبت امرأتان وطفل بجروح خلال معارك بين داعش والقوات العراقية في قضاء تلعفر.",
])
def test_civilians_are_no_side_of_a_battle(text):
    """A battle is between armed sides (codebook §2): civilians killed in it are neither its initiator nor
    its target."""
    battles = [e for e in extract_events(Article("t", text, published=PUB)) if e.event_type == "Battles"]
    assert battles
    assert all(e.actor2 is None or e.actor2.name != "Civilians" for e in battles)
    assert all(e.actor1 is None or e.actor1.name != "Civilians" for e in battles)


@pytest.mark.parametrize("text,country,named", [
    ("قتل ثلاثة من عناصر قوات موالية للحكومة في هجوم شنه مسلحون على قرية قرب كركوك.", "IRQ", False),
    ("هاجمت القوات الموالية للحكومة مواقع المعارضة في ريف حماة الشمالي.", "SYR", True),
    ("قتل عنصران من القوات الموالية للحكومة بانفجار عبوة ناسفة استهدفت دوريتهما في قضاء الحويجة.", "IRQ", False),
])
def test_forces_loyal_to_the_government_are_the_syrian_army_only_in_syria(text, country, named):
    """"قوات موالية للحكومة" is a description whose force depends on the place: in Syria the government's
    army and its militias, in Iraq no one force (never the Syrian army)."""
    events = [e for e in extract_events(Article("t", text, published=PUB)) if e.location.country == country]
    assert events
    names = {a.name for e in events for a in (e.actor1, e.actor2) if a is not None}
    assert ("Military Forces of Syria" in names) == named


@pytest.mark.parametrize("text,actor1", [
    ("قتلت امرأة وأصيب سبعة مدنيين جراء قصف حكومي بقذائف مدفعية استهدف مدينة دوما في ريف دمشق.",
     "Military Forces of Syria"),
    ("استهدفت طائرات حكومية أحياء في مدينة إدلب أمس.", "Military Forces of Syria"),
    ("قتل أربعة مسلحين في ضربات جوية حكومية على مواقع للتنظيم في قضاء القائم.", "Military Forces of Iraq"),
])
def test_a_strike_called_the_governments_is_its_armys(text, actor1):
    """"قصف حكومي"، "طائرات حكومية"، "ضربات جوية حكومية": the adjective حكومي on a force or strike noun names
    the government's forces, as a country's nisba names that country's ("قصف تركي")."""
    assert sides(text)[0][0] == actor1


@pytest.mark.parametrize("text,actor1,actor2", [
    ("تدور اشتباكات بين قوات النظام وحزب الله وكتائب البعث من جهة، وفصائل المعارضة من جهة أخرى في ريف درعا.",
     "Military Forces of Syria", "Syrian opposition"),
    ("دارت معارك بين الجيش التركي والفصائل الموالية له من جهة، ووحدات حماية الشعب من جهة ثانية قرب عفرين.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
    ("وقعت اشتباكات بين الحشد الشعبي والبيشمركة ومتطوعي القرية من جهة، وعناصر داعش من جهة أخرى في قضاء مخمور.",
     "Popular Mobilization Forces", "Islamic State"),
])
def test_a_side_goes_on_past_words_no_lexicon_names(text, actor1, actor2):
    """"بين X والمسلحين الموالين لها من جهة، وY …"، "بين X ولواء القدس من جهة، وY": a pronoun pointing back to the
    side or an ally no lexicon names does not end the list of sides; the side closer still splits it."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1", [
    ("قتل خمسة مدنيين نتيجة قصف مدفعي مصدره مواقع الفصائل في ريف حماة.", "Syrian opposition"),
    ("أصيب طفلان بقذيفة هاون مصدرها مناطق داعش سقطت على حي الجورة في مدينة دير الزور.", "Islamic State"),
    ("سقطت صواريخ مصدرها مواقع قوات النظام على بلدة معرة النعمان في ريف إدلب، فقتلت ثلاث نساء.",
     "Military Forces of Syria"),
])
def test_the_source_of_fire_fired_it(text, actor1):
    """"قصف مصدره مواقع الفصائل": the name after "its source" (مصدره، مصدرها) fired the shells, even named as
    the owner of the positions they came from (which elsewhere are a target: "قصف مواقع الفصائل")."""
    assert sides(text)[0][0] == actor1


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قتل قيادي في تنظيم القاعدة بغارة أمريكية قرب مدينة إدلب أمس.",
     "Military Forces of the United States", "Al Qaeda"),
    ("قتل ستة عسكريين من الجيش السوري في ضربات صاروخية أمريكية على مطار الشعيرات في ريف حمص.",
     "Military Forces of the United States", "Military Forces of Syria"),
    ("استهدفت ضربة جوية أميركية مواقع لداعش في ريف دير الزور.", "International Coalition against IS", "Islamic State"),
    ("قصفت طائرات التحالف الدولي مواقع لتنظيم القاعدة قرب مدينة إدلب.",
     "International Coalition against IS", "Al Qaeda"),
])
def test_american_strikes_are_the_coalitions_only_against_is(text, actor1, actor2):
    """A coalition named by a member's nationality ("غارة أمريكية") is the coalition when it strikes the group it
    was formed against (IS); against another group it is that state's own forces.  Named as the coalition it
    stays the coalition."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قال المرصد إن جبهة النصرة -جناح تنظيم القاعدة في سوريا- هاجمت مقاتلين من الجيش الحر في ريف حلب.",
     "Hayat Tahrir al-Sham", "Syrian opposition"),
    ("اندلعت اشتباكات بين جبهة النصرة (تنظيم القاعدة في بلاد الشام) ومقاتلي المعارضة في ريف إدلب.",
     "Hayat Tahrir al-Sham", "Syrian opposition"),
    ("هاجمت هيئة تحرير الشام المرتبطة بتنظيم القاعدة مواقع لفصائل المعارضة قرب مدينة إدلب.",
     "Hayat Tahrir al-Sham", "Syrian opposition"),
])
def test_a_groups_parent_is_no_party(text, actor1, actor2):
    """"جبهة النصرة، ذراع تنظيم القاعدة"، "المبايع لداعش"، "(تنظيم القاعدة في بلاد الشام)": a group named as the
    parent or patron of the group before it describes that group and is no party to the clause."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text", [
    "واصل الثوار استهداف قريتي كفريا والفوعة المواليتين لنظام الأسد شمال إدلب بالمدفعية الثقيلة.",
    "قصفت فصائل المعارضة بلدتي نبل والزهراء المواليتين للنظام السوري في ريف حلب الشمالي.",
    "استهدف مقاتلو المعارضة حي الزهراء الموالي لقوات النظام في مدينة حمص بقذائف الهاون.",
])
def test_a_place_loyal_to_a_side_does_not_make_the_side_a_target(text):
    """"قريتي كفريا والفوعة المواليتين لنظام الأسد": the side a place is loyal to describes the place; the
    shelling of it is not a strike on that side's forces."""
    assert sides(text)[0] == ("Syrian opposition", "")


@pytest.mark.parametrize("text", [
    "خطف مسلحو داعش عشرات المسيحيين من مدينة القريتين في ريف حمص.",
    "أطلق التنظيم سراح مسيحية وطفليها بعد أشهر من خطفهم في ريف الحسكة.",
    "قتل مسلحون مجهولون ثلاثة إيزيديين قرب قضاء سنجار.",
])
def test_members_of_a_religious_community_are_civilians(text):
    """Christians, Yazidis named as a community of people are civilians: the targets of an attack or abduction."""
    assert sides(text)[0][1] == "Civilians"


@pytest.mark.parametrize("text", [
    "أعلن الجيش الإيراني مناورات جديدة. وسقطت ثلاث قذائف هاون على المنطقة الخضراء في بغداد، ولم تحدد هوية المنفذين.",
    "سقطت ثلاثة صواريخ مجهولة المصدر على مطار البصرة دون خسائر بشرية.",
    "قتلت امرأة بسقوط صاروخ مجهول المصدر على منزلها في مدينة البصرة.",
])
def test_fire_of_unknown_source_is_unidentified(text):
    """"صواريخ مجهولة المصدر"، "ولم تحدد هوية المنفذين": the text says no one is known to have fired — an
    unidentified armed group, not a force the article names elsewhere."""
    assert sides(text)[0][0] == "Unidentified armed group"


@pytest.mark.parametrize("text,actor2", [
    ("استهدف صاروخ مجهول المصدر قاعدة عسكرية قرب مدينة الموصل.", "Military Forces of Iraq"),
    ("هاجم مسلحون نقطة تفتيش للجيش السوري قرب مدينة درعا.", "Military Forces of Syria"),
    ("سقطت قذيفتا هاون على ثكنة للجيش العراقي في قضاء الطارمية.", "Military Forces of Iraq"),
])
def test_a_base_or_post_is_struck_and_does_not_strike(text, actor2):
    """"قاعدة عسكرية"، "ثكنة"، "نقطة تفتيش": a force named by its base or post is the place struck — the target,
    never who fired."""
    first, second = sides(text)[0]
    assert second == actor2 and first != actor2


@pytest.mark.parametrize("text,actor", [
    ("اندلعت اشتباكات بين مسلحين من حزب الله والشرطة الاتحادية في شارع فلسطين ببغداد.", "Kataib Hezbollah"),
    ("هاجمت كتائب حزب الله مقرا للشرطة في قضاء الخالص بمحافظة ديالى.", "Kataib Hezbollah"),
    ("قتل عنصران من حزب الله في هجوم لفصائل المعارضة قرب مدينة الزبداني في ريف دمشق.", "Hezbollah"),
    ("قصفت فصائل المعارضة مواقع حزب الله اللبناني في ريف حلب الجنوبي.", "Hezbollah"),
])
def test_hezbollah_alone_is_named_by_the_place(text, actor):
    """"حزب الله" alone names the Iraqi Kataib Hezbollah in Iraq and the Lebanese party in Syria; named in full
    ("كتائب حزب الله"، "حزب الله اللبناني") each is itself anywhere."""
    assert actor in sides(text)[0]


@pytest.mark.parametrize("text", [
    "وأضاف المرصد أن طائرات تابعة للحكومة السورية أو طائرات روسية قصفت مدينة خان شيخون في إدلب.",
    "قصفت طائرات روسية أو سورية بلدة كفرنبل في ريف إدلب.",
    "قتل خمسة مدنيين في غارات شنتها مقاتلات روسية أو سورية على بلدة معرة النعمان بريف إدلب.",
])
def test_one_force_or_the_other_is_one_side(text):
    """"طائرات روسية أو سورية": two forces told as the one or the other that struck are one side, not each
    other's target; the state's own forces on their own ground stand for them."""
    first, second = sides(text)[0]
    assert first == "Military Forces of Syria" and second != "Military Forces of Russia"


@pytest.mark.parametrize("text", [
    "استهدفت الحكومة السورية بالبراميل المتفجرة بلدة اليادودة بريف درعا. وتشارك طائرات روسية في المعارك.",
    "يدعم الطيران الروسي العملية. وصعدت حكومة دمشق غاراتها على بلدات الغوطة الشرقية في ريف دمشق، فقتل عشرة مدنيين.",
    "قصفت الحكومة السورية بالمدفعية أحياء في مدينة درعا، فيما حلقت طائرات إسرائيلية فوق القنيطرة.",
])
def test_the_syrian_government_acts_through_its_army(text):
    """"الحكومة السورية"، "حكومة دمشق" as the doer of a strike: the state acts through its army."""
    assert sides(text)[0][0] == "Military Forces of Syria"


@pytest.mark.parametrize("text,actor1,actor2", [
    ("تخوض قوات النظام السوري، مدعومة بغارات جوية روسية، معارك عنيفة ضد مقاتلي تنظيم داعش في ريف درعا الغربي.",
     "Military Forces of Syria", "Islamic State"),
    ("هاجمت القوات التركية بدعم من الطيران الروسي مواقع وحدات حماية الشعب قرب مدينة عفرين.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
    ("اشتبكت قوات سوريا الديمقراطية، مدعومة بطائرات أمريكية، مع عناصر داعش في ريف دير الزور الشرقي.",
     "Syrian Democratic Forces", "Islamic State"),
])
def test_a_force_that_backs_a_side_is_its_associate(text, actor1, actor2):
    """"مدعومة بغارات روسية"، "بدعم من الطيران الروسي": a force named after a word of support backs the side
    named before it — on its side, neither the initiator nor the target."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("هاجمت وحدات من الجيش السوري مقاتلي تنظيم داعش في بادية تدمر.", "Military Forces of Syria", "Islamic State"),
    ("استهدف وحدات من الجيش العراقي عناصر داعش قرب قضاء الحويجة.", "Military Forces of Iraq", "Islamic State"),
    ("مسلحي داعش هاجمتهم وحدة من الجيش العراقي قرب قضاء بيجي.", "Military Forces of Iraq", "Islamic State"),
    ("هاجمت مجموعة من مسلحي داعش دورية للجيش العراقي في قضاء الطارمية.", "Islamic State", "Military Forces of Iraq"),
    ("قصفت مجموعات من فصائل المعارضة مواقع قوات النظام في ريف حماة.", "Syrian opposition", "Military Forces of Syria"),
])
def test_a_unit_or_group_of_a_force_is_that_force_as_agent(text, actor1, actor2):
    """"وحدات/وحدة/مجموعة من X" before the verb's object: the partitive head is X, the agent (the و of وحدات
    is the root's letter, not a conjunction)."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قتلت مجندة سورية برصاص قناص في حي جوبر بدمشق.", "Unidentified armed group", "Military Forces of Syria"),
    ("أصيبت مجندتان في الجيش العراقي بنيران مسلحين قرب قضاء الطارمية.",
     "Unidentified armed group", "Military Forces of Iraq"),
    ("قتل داعش ثلاثة مجندين في هجوم على حاجز قرب الرمادي.", "Islamic State", "Military Forces of Iraq"),
    ("استهدف مقاتلو المعارضة المجندات في ريف درعا.", "Syrian opposition", "Military Forces of Syria"),
])
def test_a_conscript_man_or_woman_is_a_soldier_not_a_civilian(text, actor1, actor2):
    """مجند/مجندة/مجندان/مجندات (conscripts) are soldiers (actors.toml generic "soldiers")."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("دارت اشتباكات بين قوات النظام وجيش التحرير الفلسطيني من جهة، وفصائل المعارضة من جهة أخرى في مخيم اليرموك.",
     "Military Forces of Syria", "Syrian opposition"),
    ("تدور معارك بين حزب الله وجيش التحرير الفلسطيني وقوات النظام من طرف، وتنظيم داعش من طرف آخر في مخيم اليرموك.",
     "Hezbollah", "Islamic State"),
    ("استمرت المواجهات بين الفرقة الرابعة وجيش التحرير الفلسطيني من جهة، والفصائل المقاتلة من جهة أخرى في الزبداني.",
     "Military Forces of Syria", "Syrian opposition"),
])
def test_an_event_noun_in_an_organisations_name_is_no_event(text, actor1, actor2):
    """"جيش التحرير"، "جبهة التحرير"، "هيئة تحرير الشام": a verbal noun in construct after an organisation's head
    noun (verbs.toml [scope] name_heads) is part of the name; the unnamed ally stays in the list after بين."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("استهدف قناص من المعارضة جنديا في ريف درعا.", "Syrian opposition", "Military Forces of Syria"),
    ("هاجمت خلية من داعش حاجزا للجيش العراقي في كركوك.", "Islamic State", "Military Forces of Iraq"),
    ("هاجمت كتائب من المعارضة حاجزا لقوات النظام في درعا.", "Syrian opposition", "Military Forces of Syria"),
    ("هاجمت دبابات من الجيش التركي مواقع وحدات حماية الشعب قرب عفرين.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
])
def test_a_cell_sniper_battalion_or_tank_of_a_force_is_that_force(text, actor1, actor2):
    """خلية/قناص/كتائب/دبابات من X (verbs.toml [markers] heads): the partitive names X as the doer."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("وحدات من الجيش السوري هاجمت مقاتلي داعش في بادية تدمر.", "Military Forces of Syria", "Islamic State"),
    ("قوة من الشرطة اعتقلت مسلحي التنظيم في الرمادي.", "Police Forces of Iraq", "Islamic State"),
    ("الطائرات التركية قصفت مقاتلي حزب العمال الكردستاني في جبال قنديل.",
     "Military Forces of Turkey", "PKK: Kurdistan Workers' Party"),
    # alone after the verb news also writes the construct oblique as the subject: it stays the doer
    ("هاجم مسلحي داعش حاجزا للجيش العراقي قرب بيجي.", "Islamic State", "Military Forces of Iraq"),
])
def test_a_construct_plural_in_the_oblique_after_a_clause_opening_subject_is_the_object(text, actor1, actor2):
    """SVO: "X هاجمت مقاتلي داعش" — مقاتلي/مسلحي (not مقاتلو/مسلحو) is the accusative: the object."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("إن خلية نائمة استهدفت ليلا نقطة تفتيش لقوات سوريا الديمقراطية في مدينة الحسكة.",
     "Unidentified armed group", "Syrian Democratic Forces"),
    ("قالت مصادر إن مجموعة مسلحة هاجمت فجرا نقطتي تفتيش للجيش العراقي في قضاء الطارمية.",
     "Unidentified armed group", "Military Forces of Iraq"),
    ("استهدفت قذائف هاون نقاط تفتيش لقوات البيشمركة قرب قضاء مخمور.",
     "Unidentified armed group", "Military Forces of the Kurdistan Region"),
    ("هاجمت مجموعة مسلحة صباح اليوم نقطتي تفتيش للحشد الشعبي في قضاء الطارمية.",
     "Unidentified armed group", "Popular Mobilization Forces"),
])
def test_a_checkpoint_of_a_force_makes_the_force_the_target(text, actor1, actor2):
    """"نقطة تفتيش لـX" (verbs.toml [markers] patient: نقطة/نقطتي/نقاط تفتيش): the checkpoint is X's post, and
    X, in the genitive after it, the target — not an owner who acts."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("استهدفت الطائرات التركية مواقع تابعة للمقاتلين الموالين لدمشق في ريف عفرين.",
     "Military Forces of Turkey", "Military Forces of Syria"),
    ("قتل ثلاثة من المقاتلين الموالين لدمشق بقصف تركي على مدينة عفرين.",
     "Military Forces of Turkey", "Military Forces of Syria"),
    ("شنت الطائرات التركية غارات على مواقع قوات موالية لدمشق في مدينة عفرين.",
     "Military Forces of Turkey", "Military Forces of Syria"),
    ("هاجم مسلحو داعش حاجزا لمسلحين موالين لدمشق في بادية حمص.", "Islamic State", "Military Forces of Syria"),
])
def test_forces_loyal_to_damascus_are_the_syrian_government_side(text, actor1, actor2):
    """"الموالين لدمشق"، "الموالية لدمشق": the capital stands for the government it seats (actors.toml aliases
    of the Military Forces of Syria, beside "الموالين للنظام")."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قالت مصادر إن قوات النظام السوري ومقاتلين من حزب الله حاولوا فجر الأحد التقدم في مدينة داريا "
     "لتندلع مواجهات عنيفة.", "Military Forces of Syria", ""),
    ("هاجمت قوات النظام وعناصر من حزب الله اللبناني فجر اليوم بلدة مضايا في ريف دمشق.", "Military Forces of Syria", ""),
    ("شن الطيران الروسي غارات على مدينة الزبداني بالتزامن مع تقدم قوات النظام فيها.", "Military Forces of Russia", ""),
    ("قصفت قوات النظام والحرس الثوري الإيراني بلدة خان طومان في ريف حلب.", "Military Forces of Syria", ""),
])
def test_allies_named_together_are_one_side_not_each_others_target(text, actor1, actor2):
    """The Syrian army, Hezbollah, Iran and Russia fight on one side (actors.toml ``allies``, both ways): named
    with the initiator the clause states, an ally is beside it, never its target."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("وذكر المرصد أن الضربة استهدفت مواقع لحزب الله ومليشيات أخرى، من جنسيات غير سورية، موالية لقوات النظام، قرب "
     "مدينة البوكمال.", "Unidentified armed group", "Hezbollah"),
    ("قالت مصادر إن الغارة أصابت تجمعا للحرس الثوري الإيراني ومقاتلين أفغان، موالين لقوات النظام، في مدينة الميادين.",
     "Unidentified armed group", "Military Forces of Iran"),
    ("قال المرصد إن الغارة استهدفت مواقع للحرس الثوري الإيراني وعناصر أجنبية، موالية للجيش السوري، في مدينة الميادين.",
     "Unidentified armed group", "Military Forces of Iran"),
])
def test_the_patron_after_an_indefinite_loyal_is_no_party(text, actor1, actor2):
    """"ميليشيات أخرى، موالية لقوات النظام": after "loyal to" (the indefinite موالية/موالين as the definite الموالية)
    the force named is the patron of the group before it, not a party to the strike."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قتلت فتاة وأصيب شقيقها بقصف لقوات النظام على مدينة دوما.", "Military Forces of Syria", "Civilians"),
    ("أسفر قصف لقوات النظام على مدينة دوما عن مقتل فتاتين ومسنة.", "Military Forces of Syria", "Civilians"),
    ("أصيب ثلاثة مسنين بقصف لقوات النظام على مدينة دوما.", "Military Forces of Syria", "Civilians"),
    ("صيادان قتلا بانفجار لغم أرضي في قضاء الطارمية.", "Unidentified armed group", "Civilians"),
    ("قتلت عجوز بانفجار عبوة ناسفة في قضاء الطارمية.", "Unidentified armed group", "Civilians"),
    ("أصيبت طفلة بانفجار عبوة ناسفة في قضاء الطارمية.", "Unidentified armed group", "Civilians"),
])
def test_victims_described_by_age_or_trade_are_civilians(text, actor1, actor2):
    """A girl, an old man or woman, a fisherman (actors.toml Civilians nouns: فتاة، طفلة، مسن، عجوز، صياد، صبي، رضيع,
    every number and case generated) is a civilian victim, whatever the verb's voice or the clause's order."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("تعرض رتل عسكري تركي لقصف صاروخي في ريف إدلب.", "Unidentified armed group", "Military Forces of Turkey"),
    ("سقطت قذائف هاون قرب نقطة المراقبة التركية في ريف إدلب.", "Unidentified armed group", "Military Forces of Turkey"),
    ("قصفت قوات النظام نقطة مراقبة تركية في ريف إدلب.", "Military Forces of Syria", "Military Forces of Turkey"),
    ("انفجرت عبوة ناسفة بدورية عسكرية روسية في ريف درعا.", "Unidentified armed group", "Military Forces of Russia"),
])
def test_a_convoy_patrol_or_post_with_a_nationality_is_that_forces_target(text, actor1, actor2):
    """"رتل عسكري تركي"، "دورية عسكرية روسية"، "نقطة مراقبة تركية" (actors.toml [forces] × nisba, target_only): the
    force the adjective names is struck — not the country where it stands (the soldiers' "عسكري" alone) nor
    an observer (مراقب, a civilian)."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("هاجم مئات المقاتلين المؤيدين للرئيس السوري مواقع لقوات سوريا الديمقراطية في ريف دير الزور.",
     "Military Forces of Syria", "Syrian Democratic Forces"),
    ("قتل ثلاثة من العناصر الموالين للأسد بقصف تركي على مدينة عفرين.",
     "Military Forces of Turkey", "Military Forces of Syria"),
    ("قصفت المدفعية التركية تجمعا لقوات موالية للرئيس السوري قرب مدينة عفرين.",
     "Military Forces of Turkey", "Military Forces of Syria"),
    ("اشتبك مسلحون موالون لأنقرة مع وحدات حماية الشعب قرب مدينة عفرين.",
     "Syrian opposition", "Syrian Democratic Forces"),
])
def test_fighters_loyal_to_a_leader_or_capital_are_of_its_side(text, actor1, actor2):
    """Forces loyal to or supporting the Syrian president (الموالين للأسد، المؤيدين للرئيس السوري) are the Syrian
    government's side; fighters loyal to Ankara (الموالون لأنقرة) are the Turkey-backed opposition."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("تعرض مطار الضبعة العسكري في محافظة حمص لقصف صاروخي.", "Unidentified armed group", "Military Forces of Syria"),
    ("سقطت ثلاثة صواريخ على قاعدة كركوش العسكرية في محافظة ديالى.",
     "Unidentified armed group", "Military Forces of Iraq"),
    ("سقطت قذائف هاون داخل مطار المزة العسكري في دمشق.", "Unidentified armed group", "Military Forces of Syria"),
    ("استهدفت طائرات مسيرة قاعدة حميميم العسكرية الروسية في ريف اللاذقية.",
     "Unidentified armed group", "Military Forces of Russia"),
])
def test_a_military_site_named_by_its_place_is_the_armys_target(text, actor1, actor2):
    """"مطار الضبعة العسكري"، "قاعدة كركوش العسكرية" (actors.toml military_site_nouns and _adjectives): a base of
    the country's army — of the country its nationality names after the adjective ("العسكرية الروسية") — struck by
    fire whose source is not told; its place name does not hide it, nor is "العسكري" a soldier there."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("اعتقلت الشرطة العراقية عددا من المشتبه بهم في حرق صناديق الاقتراع في بغداد.",
     "Police Forces of Iraq", "Civilians"),
    ("ألقت القوات الأمنية القبض على ثلاثة متهمين بسرقة مولدات في مدينة البصرة.", "Police Forces of Iraq", "Civilians"),
    ("اعتقل مشتبه به في حرق مخزن للأغذية في مدينة البصرة.", "Police Forces of Iraq", "Civilians"),
    ("اعتقلت الشرطة خمسة من عناصر داعش في قضاء الطارمية.", "Police Forces of Iraq", "Islamic State"),
])
def test_people_arrested_of_no_armed_group_named_are_civilians(text, actor1, actor2):
    """Suspects or accused arrested whom the clause names as no armed group's members are civilians (the codebook
    default of an act on unarmed people, mentions._actors); members of a group named keep it."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("هاجم مسلحون نقطة أمنية في قضاء الطارمية.", "Unidentified armed group", "Military Forces of Iraq"),
    ("تعرضت نقطة أمنية لهجوم مسلح في قضاء الطارمية.", "Unidentified armed group", "Military Forces of Iraq"),
    ("شن مسلحو داعش هجوما على نقطة أمنية في قضاء الطارمية.", "Islamic State", "Military Forces of Iraq"),
])
def test_a_security_post_is_the_security_forces_target(text, actor1, actor2):
    """"نقطة أمنية" (actors.toml security-forces phrases, target_only): the security forces' post, struck, never
    striking; named by what they do (codebook §3): attacked by an armed group, in combat, the military."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("استهدفت عبوة ناسفة قوات الأمن في قضاء الطارمية.", "Unidentified armed group", "Police Forces of Iraq"),
    ("استهدفت عبوة لاصقة عجلة أمنية في مدينة الموصل.", "Unidentified armed group", "Police Forces of Iraq"),
    ("أصاب صاروخ موجه قوات البيشمركة قرب قضاء مخمور.",
     "Unidentified armed group", "Military Forces of the Kurdistan Region"),
    ("ضربت قذيفة هاون قوات الحشد الشعبي في قضاء الطارمية.", "Unidentified armed group", "Popular Mobilization Forces"),
])
def test_a_weapon_right_after_the_verb_is_its_subject(text, actor1, actor2):
    """VSO with a weapon or an event for subject ("استهدفت عبوة ناسفة قوات الأمن"): the event word right after a
    singular verb, before any name, did it (frames._event_subject_after), so the force named after it is the
    object — the target — not the subject."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("انفجرت عبوة ناسفة قرب نقطة أمنية في مدينة الموصل.", "Unidentified armed group", "Police Forces of Iraq"),
    ("فجر انتحاري نفسه عند نقطة تفتيش في قضاء الطارمية.", "Unidentified armed group", "Police Forces of Iraq"),
    ("انفجرت سيارة مفخخة قرب حاجز أمني في مدينة كركوك.", "Unidentified armed group", "Police Forces of Iraq"),
])
def test_a_security_post_a_bomb_strikes_is_the_polices(text, actor1, actor2):
    """A checkpoint or security post where a bomb goes off (target_only: struck, never striking) is the target
    of a bomb, so its unspecified security forces are the police (codebook §3; actors._in_combat), even where no
    clause frame gives it a role ("قرب نقطة أمنية")."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("هاجم مسلحو داعش قرية في قضاء المقدادية وقتلوا ثلاثة من سكانها.", "Islamic State", "Civilians"),
    ("قصفت قوات النظام بلدة كفرنبل ما أدى إلى إصابة عدد من أهاليها.", "Military Forces of Syria", "Civilians"),
    ("أصيب خمسة من سكانها بقصف لقوات النظام على بلدة كفرنبل.", "Military Forces of Syria", "Civilians"),
])
def test_a_places_residents_are_civilians(text, actor1, actor2):
    """"ثلاثة من سكانها"، "عدد من أهاليها": the residents of the place struck, told with a pronoun that points to
    it, are civilians (actors.toml Civilians: سكانها، سكانه، أهاليها، أهاليه)."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("حاولت قوات النظام ومقاتلون من حزب الله التقدم في مدينة داريا لتندلع مواجهات عنيفة. وتسيطر فصائل المعارضة "
     "على المدينة منذ سنوات.", "Military Forces of Syria", "Syrian opposition"),
    ("تقدمت قوات النظام وعناصر من الحرس الثوري الإيراني في ريف حلب الجنوبي وسط اشتباكات عنيفة. وكانت الفصائل "
     "المقاتلة قد أعلنت صد الهجوم.", "Military Forces of Syria", "Syrian opposition"),
    ("تقدمت قوات النظام ومسلحون من حزب الله اللبناني في محيط مدينة الزبداني وسط اشتباكات عنيفة. وتسيطر فصائل "
     "المعارضة على المدينة.", "Military Forces of Syria", "Syrian opposition"),
])
def test_a_camp_of_allies_is_led_by_the_state_and_fights_the_other_side_told(text, actor1, actor2):
    """Allies named together with no role of their own are one camp: the state's forces lead it (as joint forces,
    actors.choose_actors), and its battle is with the other side the story names (mentions._loser, never an
    ally of the camp)."""
    assert sides(text)[0] == (actor1, actor2)




@pytest.mark.parametrize("text,actor1,actor2", [
    ("دارت اشتباكات عنيفة بين قوات النظام والفصائل في ريف حماة الشمالي.", "Military Forces of Syria",
     "Syrian opposition"),
    ("تجددت المواجهات بين جيش النظام والمعارضة المسلحة في محيط مدينة درعا.", "Military Forces of Syria",
     "Syrian opposition"),
    ("اندلعت اشتباكات بين الفصائل والقوات الحكومية السورية قرب بلدة كفرنبودة في ريف حماة.", "Syrian opposition",
     "Military Forces of Syria"),
    ("تدور معارك بين مسلحين مجهولين والشرطة العراقية في قضاء المقدادية.", "Unidentified armed group",
     "Police Forces of Iraq"),
])
def test_a_definite_name_joined_by_wa_after_between_is_another_side(text, actor1, actor2):
    """"بين قوات النظام والفصائل": a definite name joined by و is a side of its own, not an adjective of the
    description before it ("مسلحين متشددين" is one phrase, "قوات النظام والفصائل" two)."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("استمرت الاشتباكات العنيفة حتى ما بعد منتصف الليل بين الفرقة الرابعة وحزب الله اللبناني وقوات الدفاع "
     "الوطني وجيش التحرير الفلسطيني من جهة، والفصائل المقاتلة ومسلحين محليين من جهة أخرى في مدينة الزبداني ما "
     "أدى لمقتل عنصر من حزب الله اللبناني.", "Military Forces of Syria", "Syrian opposition"),
    ("تتواصل المعارك منذ فجر اليوم في محيط مدينة تدمر بين وحدات الجيش السوري وعناصر حزب الله اللبناني "
     "وقوات الدفاع الوطني ومقاتلين عراقيين من جهة، وتنظيم داعش من جهة ثانية، وأسفرت عن مقتل ثلاثة من حزب الله "
     "اللبناني.", "Military Forces of Syria", "Islamic State"),
    ("دارت مواجهات بين الحشد الشعبي وقوات البيشمركة والحشد العشائري من طرف، ومسلحي داعش من طرف آخر "
     "في قضاء سنجار، قتلت فيها عنصرين من قوات البيشمركة.", "Popular Mobilization Forces", "Islamic State"),
])
def test_every_side_of_a_long_list_after_between_is_the_clashs_and_allies_dead_are_no_target(text, actor1, actor2):
    """The sides listed after one بين belong to the clash, however long the list; the allies of the first side
    are not its target, even when the clause counts their dead."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("دارت اشتباكات بين قوات النظام مدعمة بمقاتلين من حزب الله من جهة، والفصائل من جهة أخرى في ريف حلب "
     "الجنوبي.", "Military Forces of Syria", "Syrian opposition"),
    ("وقعت اشتباكات قرب مطار النيرب شرق حلب بين قوات النظام مدعومة بقوات الدفاع الوطني وعناصر من حزب الله "
     "اللبناني من جهة، والكتائب المقاتلة من جهة أخرى.", "Military Forces of Syria", "Syrian opposition"),
    ("هاجمت الفصائل المعارضة، مدعومة بعناصر من جبهة النصرة، مواقع لقوات النظام في ريف إدلب.",
     "Syrian opposition", "Military Forces of Syria"),
])
def test_a_force_backing_a_side_by_its_men_or_joined_to_another_backer_is_no_target(text, actor1, actor2):
    """"مدعمة بمقاتلين من حزب الله"، "مدعومة بقوات الدفاع الوطني وعناصر من حزب الله": the backers, told by their
    men or joined by و to another backer, fight on the side they back."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("استهدف التنظيم أمس حاجزا لقوات النظام قرب مدينة السخنة في ريف حمص. ويقاتل تنظيم الدولة الإسلامية "
     "الفصائل المعارضة في البادية، فيما تتقدم الفصائل في ريف حماة وتسيطر الفصائل المعارضة على مناطق واسعة.",
     "Islamic State", "Military Forces of Syria"),
    ("هاجم مقاتلو التنظيم فجر اليوم نقاطا لقوات النظام قرب مدينة السخنة في ريف حمص. وتقاتل الفصائل المعارضة "
     "تنظيم داعش منذ سنوات، وتتهم الفصائل المقاتلة قوات النظام بالتغاضي عن هجمات الفصائل.",
     "Islamic State", "Military Forces of Syria"),
    ("استهدف التنظيم بسيارة مفخخة حاجزا للفصائل في مدينة الباب بريف حلب. ويتبع مسلحو تنظيم القاعدة فكرا "
     "متشددا، فيما ترفض الفصائل المعارضة والفصائل المقاتلة الأخرى وجوده.", "Al Qaeda", "Syrian opposition"),
    ("قتل 20 عنصرا من الفصائل المقاتلة وداعش إثر اشتباكات بين الطرفين وتفجير انتحاري نفذه التنظيم قرب مدينة "
     "مارع في ريف حلب. وتتقدم الفصائل المعارضة في ريف حماة، فيما تتهم الفصائل قوات النظام بخرق الهدنة.",
     "Islamic State", "Syrian opposition"),
])
def test_the_organisation_points_back_to_a_group_called_one(text, actor1, actor2):
    """"التنظيم" (the Organisation) is a group the lexicon calls a تنظيم (تنظيم الدولة، تنظيم القاعدة), by whatever
    name the article gives it ("داعش"), not the factions or the opposition it names more often."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("تعرضت مواقع الفصائل لقصف من قوات النظام في ريف حماة.", "Military Forces of Syria", "Syrian opposition"),
    ("تعرض مقر للحشد الشعبي لهجوم من مسلحي داعش في قضاء الطارمية.", "Islamic State", "Popular Mobilization Forces"),
    ("تعرضت قرية في ريف حماة لاستهداف من قوات النظام.", "Military Forces of Syria", ""),
    ("قتل ثلاثة جنود بعد أن تعرضوا لقصف مدفعي من الفصائل في ريف درعا.", "Syrian opposition",
     "Military Forces of Syria"),
])
def test_min_after_an_attack_noun_names_its_source(text, actor1, actor2):
    """"لقصف من قوات النظام"، "لاستهداف من قوات النظام": من after an attack noun names who made it; and a head noun
    is not joined to that من across the attack noun ("مواقع الفصائل لقصف من قوات النظام": the positions are the
    factions', the shelling the regime's)."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قتل خمسة عناصر من قوات النظام خلال اشتباكات مع الفصائل في ريف اللاذقية.", "Syrian opposition",
     "Military Forces of Syria"),
    ("قتل ثلاثة مقاتلين من الفصائل خلال اشتباكات مع قوات النظام في ريف اللاذقية.", "Military Forces of Syria",
     "Syrian opposition"),
    ("أربعة مقاتلين من الكتائب المقاتلة قتلوا خلال اشتباكات مع قوات النظام في الزبداني.",
     "Military Forces of Syria", "Syrian opposition"),
    ("أسفرت المواجهات مع مسلحي داعش عن مقتل جنديين من الجيش العراقي في قضاء الحويجة.", "Islamic State",
     "Military Forces of Iraq"),
    ("أصيب عنصران من البيشمركة في معارك مع تنظيم داعش قرب قضاء مخمور.", "Islamic State",
     "Military Forces of the Kurdistan Region"),
])
def test_the_side_a_clash_was_with_fought_those_who_fell_in_it(text, actor1, actor2):
    """"قتل خمسة عناصر من قوات النظام خلال اشتباكات مع الفصائل": the side named after مع fought the fallen — the
    clash's initiator, the fallen its target."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("انتفض أبناء العشائر في قضاء هيت ضد داعش واغتالوا عددا من عناصره، بعد أن ضمت الحكومة المتطوعين إلى صفوف "
     "الشرطة الاتحادية ليشاركوا مع القوات الأمنية في تحرير مناطقهم.", "Tribal militia", "Islamic State"),
    ("قتل أبناء العشائر عشرة من مسلحي داعش في قضاء القائم، فيما التحق مئات الشبان إلى صفوف الحشد الشعبي.",
     "Tribal militia", "Islamic State"),
    ("هاجمت الفصائل المعارضة حاجزا لتنظيم داعش في ريف حلب، وانضم عشرات المقاتلين لصفوف الجيش الحر.",
     "Syrian opposition", "Islamic State"),
])
def test_the_ranks_people_joined_and_a_partner_with_ma_are_no_target(text, actor1, actor2):
    """"ضم المتطوعين إلى صفوف الشرطة" (the ranks they joined; "في صفوف التنظيم" is still the target's) and
    "ليشاركوا مع القوات الأمنية في تحرير مناطقهم" (مع a partner of anything but a fight) name no target."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("تمكنت قوات البيشمركة بالتنسيق مع الجيش العراقي من تحرير قرية في قضاء مخمور من سيطرة تنظيم داعش.",
     "Military Forces of the Kurdistan Region", "Islamic State"),
    ("استعادت القوات العراقية بالتعاون مع الحشد العشائري السيطرة على ناحية البغدادي من سيطرة داعش.",
     "Military Forces of Iraq", "Islamic State"),
    ("سيطرت الفصائل بمشاركة جبهة النصرة على بلدة كفرنبودة في ريف حماة بعد طرد قوات النظام.",
     "Syrian opposition", "Military Forces of Syria"),
])
def test_whom_a_capture_took_the_place_from_is_its_target_and_a_partner_takes_it_too(text, actor1, actor2):
    """"تحرير قرية من سيطرة داعش": the group the place was taken from is the capture's target, not the holder of
    an area told aside; a force named after "بالتنسيق مع"، "بالتعاون مع"، "بمشاركة" is a partner of the taker."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قال قائد القوات الأمنية في الأنبار إن قواتنا قصفت مواقع لتنظيم داعش شمال الرمادي وقتلت 20 إرهابيا.",
     "Military Forces of Iraq", "Islamic State"),
    ("أعلنت القوات الأمنية أن قواتها اشتبكت مع مسلحي داعش في قضاء الحويجة وقتلت عشرة منهم.",
     "Military Forces of Iraq", "Islamic State"),
    ("وأوضح أن القوات الأمنية المشتركة وجهت ضربات صاروخية على مواقع داعش في قضاء هيت، وأن قواتنا تواصل تقدمها.",
     "Military Forces of Iraq", "Islamic State"),
])
def test_the_forces_of_described_security_forces_are_named_by_what_they_do(text, actor1, actor2):
    """"أعلنت القوات الأمنية أن قواتها اشتبكت"، "وأن قواتنا": the forces a pronoun points back to are the security
    forces themselves, named by what they do (codebook §3: fighting, the military), not the police by default."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("أعدم تنظيم الدولة شابين بتهمة التعامل مع قوات النظام في ريف دير الزور.", "Islamic State", "Civilians"),
    ("اغتال مسلحون مجهولون مختار قرية في قضاء الحويجة بتهمة التعاون مع القوات الأمنية.",
     "Unidentified armed group", "Civilians"),
    ("خطف عناصر داعش ثلاثة رعاة بتهمة التخابر مع البيشمركة قرب قضاء مخمور.", "Islamic State", "Civilians"),
])
def test_ma_after_a_word_of_dealing_names_a_partner_not_the_other_side(text, actor1, actor2):
    """"بتهمة التعامل مع قوات النظام": مع after a word of dealing, cooperation or timing (verbs.toml markers
    ``partner``) names whom the victims dealt with, not the other side of the act."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("نفذت طائرات حربية يرجح أنها روسية غارات على بلدة كفرنبودة في ريف حماة.", "Military Forces of Russia", ""),
    ("قتل مدنيان في قصف طائرات حربية يعتقد أنها روسية على بلدة كفرنبودة في ريف حماة.",
     "Military Forces of Russia", "Civilians"),
    ("قصف الطيران الحربي الذي يرجح أنه روسي مناطق في بلدة كفرنبودة بريف حماة.", "Military Forces of Russia", ""),
])
def test_a_described_force_believed_to_be_a_countrys_is_that_countrys_alone(text, actor1, actor2):
    """"طائرات حربية يرجح أنها روسية": the described aircraft are the ones believed Russian — one force, not the
    air force of the place as a second side (its target) or as the striker."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("أعلنت وزارة الدفاع الروسية أن طائراتها قصفت مواقع للفصائل في ريف إدلب.", "Military Forces of Russia",
     "Syrian opposition"),
    ("قالت وزارة الدفاع التركية إن قواتها قصفت مواقع لوحدات حماية الشعب في منطقة عفرين.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
    ("ذكرت وزارة الدفاع الروسية أن قواتها قصفت بالصواريخ مواقع لتنظيم داعش قرب مدينة السخنة في ريف حمص.",
     "Military Forces of Russia", "Islamic State"),
])
def test_a_ministry_of_defence_speaks_for_its_countrys_forces(text, actor1, actor2):
    """"أعلنت وزارة الدفاع الروسية أن طائراتها قصفت": a state's ministry of defence ([forces] × nisba) is that
    country's; the forces its statement points back to are its own, not the army of the place."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("نفذ التحالف الدولي غارات على مدينة الرقة أمس. وقتل خمسة مدنيين في الغارات التي استهدفت حيا سكنيا في "
     "مدينة الرقة.", "International Coalition against IS", "Civilians"),
    ("شنت طائرات التحالف الدولي غارات على بلدة الباغوز في ريف دير الزور. وأسفرت الغارات على بلدة الباغوز عن "
     "مقتل عشرة مدنيين بينهم أطفال.", "International Coalition against IS", "Civilians"),
    ("قصف التحالف الدولي مدينة الرقة فجر اليوم. وقال ناشطون إن القصف أصاب منازل المدنيين في حي الرميلة بمدينة "
     "الرقة وقتل ثلاثة مدنيين.", "International Coalition against IS", "Civilians"),
])
def test_the_target_a_force_implies_is_a_default_that_a_stated_target_outranks(text, actor1, actor2):
    """The group a force was formed to fight ("غارات للتحالف": IS) is a default when the clause names no target;
    another clause of the incident that states whom the strike hit outranks it."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قالت تركيا إن قواتها قتلت 20 مسلحا من وحدات حماية الشعب الكردية في منطقة عفرين.",
     "Military Forces of Turkey", "Syrian Democratic Forces"),
    ("أعلنت موسكو أن طائراتها قصفت مواقع للفصائل في ريف إدلب.", "Military Forces of Russia", "Syrian opposition"),
    ("قالت طهران إن قواتها قصفت بالصواريخ مواقع لتنظيم داعش في ريف دير الزور.", "Military Forces of Iran",
     "Islamic State"),
])
def test_the_forces_a_states_statement_points_back_to_are_its_own(text, actor1, actor2):
    """"قالت تركيا إن قواتها قتلت": a state's name (actors.toml ``countries``) is no actor by itself, but the forces
    its statement points back to are its own, not the army of the place they fought in."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("قالت طهران إن قواتها قصفت بالصواريخ مواقع لتنظيم داعش في ريف دير الزور.", "Military Forces of Iran",
     "Islamic State"),
    ("قالت مصادر إن قوات النظام قصفت بالصواريخ مواقع للفصائل في ريف إدلب.", "Military Forces of Syria",
     "Syrian opposition"),
    ("الجيش العراقي قصف بالمدفعية مواقع لداعش في قضاء الحويجة.", "Military Forces of Iraq", "Islamic State"),
    ("القوات التركية استهدفت بالمدفعية مواقع لوحدات حماية الشعب في ريف عفرين.", "Military Forces of Turkey",
     "Syrian Democratic Forces"),
])
def test_a_weapon_after_a_preposition_is_the_instrument_not_the_subject(text, actor1, actor2):
    """"قواتها قصفت بالصواريخ مواقع": a weapon governed by ب after the verb is what the subject struck with, so the
    subject told before the verb stays the agent (only a bare weapon right after the verb is its subject)."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text", [
    "وقالت مصادر عسكرية في الجيش العراقي إن مجهولين قتلوا شابا قرب مدينة كركوك.",
    "أفادت مصادر في الشرطة بأن مسلحين مجهولين اغتالوا موظفا قرب مدينة كركوك.",
    "ذكرت ضابطة في الشرطة أن مجهولين قتلوا امرأة في منزلها بقرية قرب الحويجة.",
    "وأوضح ضباط في الحشد الشعبي أن مسلحين قتلوا راعيا قرب مدينة كركوك.",
])
def test_a_source_in_any_person_or_number_is_no_side(text: str) -> None:
    """Every person of the perfect of a verb of attribution (قالت، أفادت، ذكرت، أوضح: actors.toml
    attribution_verbs, generated from one lemma) and the plural speaker noun "مصادر" introduce the report's
    source: its force is no side of what it tells."""
    assert sides(text)[0] == ("Unidentified armed group", "Civilians")


@pytest.mark.parametrize("text,party", [
    ("قالت مصادر في الشرطة العراقية إن خمسة من أفرادها قتلوا في هجوم شنه مسلحو داعش قرب مدينة حديثة.",
     "Police Forces of Iraq"),
    ("وذكرت مصادر في الجيش العراقي أن عناصره صدوا هجوما لداعش وقتلوا عشرة من مسلحيه قرب مدينة حديثة.",
     "Military Forces of Iraq"),
    ("أكدت مصادر مقربة من الحشد الشعبي مقتل ثلاثة من عناصره في هجوم لداعش قرب مدينة بيجي.",
     "Popular Mobilization Forces"),
])
def test_a_source_that_tells_of_its_own_members_or_is_only_near_a_force_keeps_the_force(
        text: str, party: str) -> None:
    """A source whose report points back to its force's own members ("من أفرادها"، "عناصره") speaks of what
    the force did or suffered, and a source only near a force ("مصادر مقربة من ...") is not that force: the
    force stays a side."""
    assert any(party in pair for pair in sides(text))


@pytest.mark.parametrize("text,taker,holder", [
    ("تواصل قوات النظام عملياتها في ريف دمشق بعدما سيطرت أمس على بلدة حمورية، المعقل الأبرز للفصائل المعارضة.",
     "Military Forces of Syria", "Syrian opposition"),
    ("يواصل الجيش العراقي تقدمه في الأنبار بعدما استعاد أمس قضاء القائم الذي ظل المعقل الأخير لداعش.",
     "Military Forces of Iraq", "Islamic State"),
    ("تتقدم القوات العراقية نحو الحدود بعدما حررت أمس بلدة راوة التي كانت معقلا رئيسيا للتنظيم.",
     "Military Forces of Iraq", "Islamic State"),
])
def test_the_holder_of_a_stronghold_is_not_the_taker(text: str, taker: str, holder: str) -> None:
    """"المعقل الأبرز للفصائل المعارضة"، "المعقل الأخير لداعش"، "معقلا رئيسيا للتنظيم": the name after a stronghold
    noun and its adjective holds the place (actors.toml stronghold); the capture's agent took it."""
    assert all(pair[0] != holder for pair in sides(text))
    assert any(pair[0] == taker for pair in sides(text))
