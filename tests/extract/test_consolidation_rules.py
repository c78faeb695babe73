"""Rules of consolidation and of the counts it sums (docs/extraction.md, "Consolidation"), each on
invented sentences that vary person, gender, number, voice and word order."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import STAGES, Pipeline, extract_events

PUBLISHED = date(2021, 8, 3)
_TO_TOLLS = Pipeline(stages=STAGES[: [name for name, _ in STAGES].index("toll") + 1])


def _attackers(text: str) -> list[int]:
    return [t.value for t in _TO_TOLLS.run(Article("t", text, published=PUBLISHED)).tolls if t.kind == "attackers"]


def _suicide_dead(text: str) -> int:
    found = [e for e in extract_events(Article("t", text, published=PUBLISHED)) if e.sub_event_type == "Suicide bomb"]
    assert len(found) == 1, found
    return found[0].fatalities


# --- a bomber who blew himself up is the dead the clause told ---------------------------------------

@pytest.mark.parametrize("text", [
    "لقي طالب مصرعه بعد أن فجر نفسه بحزام ناسف في سوق مدينة الموصل.",
    "قتلت فتاة في الرمادي عندما فجرت نفسها قرب حاجز للشرطة.",
    "قتل مسلح بعد أن فجر نفسه بسيارة مفخخة عند مدخل بلدة الحويجة.",
    "قتلت امرأتان حين فجرتا نفسيهما في سوق شعبي بمدينة كركوك.",
])
def test_the_dead_who_blew_themselves_up_are_counted_once(text):
    """The reflexive's subject is the dead told before it: an "attackers" count of 0."""
    assert _attackers(text) == [0]


@pytest.mark.parametrize("text,dead", [
    ("لقي طالب مصرعه بعد أن فجر نفسه بحزام ناسف في سوق مدينة الموصل.", 1),
    ("قتلت فتاة في الرمادي عندما فجرت نفسها بحزام ناسف قرب حاجز للشرطة.", 1),
    ("قتل مسلح بعد أن فجر نفسه بحزام ناسف عند مدخل بلدة الحويجة.", 1),
])
def test_a_suicide_bombing_adds_no_second_bomber(text, dead):
    assert _suicide_dead(text) == dead


@pytest.mark.parametrize("text,dead", [
    # a bomber named between verb and reflexive is not the dead counted: 5 + 1
    ("قتل خمسة أشخاص عندما فجر انتحاري نفسه في سوق بغداد.", 6),
    # more dead than the reflexive stands for: they are the bomber's victims, 3 + 1
    ("قتل ثلاثة أشخاص بعد أن فجر نفسه بحزام ناسف في مدينة الموصل.", 4),
    # the dead told after the verb are not its subject: 2 + 1
    ("فجرت انتحارية نفسها بحزام ناسف في مدينة كركوك فقتلت شخصين.", 3),
])
def test_a_bomber_among_other_dead_still_counts(text, dead):
    assert _suicide_dead(text) == dead


# --- a background's attacker is not the incident's -------------------------------------------------

def _events(text: str) -> list:
    return extract_events(Article("t", text, published=date(2021, 8, 5)))


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة في سوق بلدة اعزاز اليوم ما أدى إلى مقتل شخصين. وسبق أن تعرضت اعزاز للعديد من "
    "التفجيرات خلال الفترة الماضية نفذ أغلبها تنظيم داعش.",
    "قتلت امرأة بانفجار سيارة مفخخة في مدينة الباب أمس. وكان مسلحو داعش قد فجروا سيارات مفخخة في الباب "
    "مرات عدة خلال السنوات الماضية.",
    "أصيب ثلاثة أطفال بانفجار عبوة في بلدة جرابلس صباح اليوم. ويذكر أن جرابلس شهدت سابقا تفجيرات نفذها "
    "تنظيم الدولة الإسلامية.",
])
def test_an_unclaimed_bombing_does_not_take_the_attacker_of_past_ones(text):
    """Codebook §3: an unclaimed bombing is an unidentified armed group's; the group that carried out
    earlier bombings at the place, told for background, did not thereby carry out this one."""
    found = _events(text)
    assert len(found) == 1
    assert found[0].actor1.name == "Unidentified armed group"


@pytest.mark.parametrize("text,actor", [
    ("فجر مسلحو داعش عبوة ناسفة في سوق بلدة اعزاز اليوم فقتلوا شخصين. وسبق أن تعرضت اعزاز لتفجيرات عدة.",
     "Islamic State"),
    ("أعلن تنظيم داعش مسؤوليته عن تفجير سيارة مفخخة في مدينة الباب أمس قتل فيه رجل.", "Islamic State"),
])
def test_an_attacker_named_for_the_incident_itself_stays(text, actor):
    found = _events(text)
    assert found and found[0].actor1.name == actor


# --- the counts of different groups of dead are different facts -----------------------------------

def _victims(text: str) -> list[tuple[int, str]]:
    return [(t.value, t.victims) for t in _TO_TOLLS.run(Article("t", text, published=PUBLISHED)).tolls
            if t.kind == "killed"]


def _toll(text: str) -> tuple[int, int]:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert len(events) == 1, events
    return events[0].fatalities, events[0].injured


@pytest.mark.parametrize("text,group", [
    ("قتل 17 عنصرا من قوات النظام في اشتباكات قرب تدمر.", "Military Forces of Syria"),
    ("أسفرت المعارك في ريف حمص عن سقوط 19 قتيلا على الأقل في صفوف تنظيم داعش.", "Islamic State"),
    ("قتل جنديان في هجوم على حاجز قرب الرمادي.", "Military Forces of Iraq"),
    ("لقيت ثلاث نساء مصرعهن بقذيفة سقطت على حي في حلب، بينما قتل 5 مدنيين آخرون.", "Civilians"),
])
def test_a_count_names_whose_dead_it_counts(text, group):
    """The noun phrase of the count (its noun, من، في صفوف) names the group its people belong to."""
    assert group in [g for _, g in _victims(text)]


@pytest.mark.parametrize("text", [
    "قتل خمسة أشخاص بغارة للتحالف على الموصل.",
    "قتل 4 أشخاص إثر قصف لقوات النظام على بلدة في ريف درعا.",
    "أصيب شخصان وقتل ثلاثة أشخاص جراء انفجار عبوة زرعها داعش في كركوك.",
])
def test_the_cause_after_a_count_is_not_its_victims(text):
    """"بغارة للتحالف"، "إثر قصف لقوات النظام": the phrase of the count ends at the cause; people named
    only as people belong to no group."""
    assert all(g == "" for _, g in _victims(text))


@pytest.mark.parametrize("text,dead", [
    ("قتل 17 عنصرا من قوات النظام في هجمات شنها تنظيم داعش على قرى في ريف السويداء الشرقي. "
     "كما قتل تسعة من مسلحي داعش في الاشتباكات في ريف السويداء.", 26),
    ("أفاد المرصد بمقتل 12 جنديا من الجيش السوري في هجوم لداعش على بلدة في ريف دير الزور. "
     "وقتل في المعارك 8 من عناصر التنظيم في ريف دير الزور.", 20),
    ("قتل عنصران من الشرطة في هجوم لمسلحي داعش على نقطة تفتيش في قضاء الحويجة. "
     "وقتلت الشرطة ثلاثة من مسلحي التنظيم في قضاء الحويجة.", 5),
])
def test_the_dead_of_each_side_add_up(text, dead):
    """Codebook §6: all deaths, all sides.  The counts of two sides are two facts, not two estimates."""
    assert _toll(text)[0] == dead


@pytest.mark.parametrize("text,dead", [
    ("قتل 12 عنصرا من الشرطة في هجوم لداعش على حاجز قرب كركوك. وقالت مصادر إن عشرة من عناصر الشرطة "
     "قتلوا في الهجوم قرب كركوك.", 10),
    ("أسفر قصف للطيران الروسي على بلدة في ريف إدلب عن مقتل 9 مدنيين. وأكد الدفاع المدني مقتل سبعة مدنيين "
     "في القصف على ريف إدلب.", 7),
    ("قتل خمسة أشخاص في انفجار سيارة مفخخة في سوق ببغداد. وقال مصدر طبي إن أربعة أشخاص قتلوا في الانفجار "
     "في بغداد.", 4),
])
def test_counts_of_the_same_people_take_the_lowest(text, dead):
    """Two counts of one group, or of people named only as people, are estimates: the lowest (§6)."""
    assert _toll(text)[0] == dead


@pytest.mark.parametrize("text,dead", [
    ("قتل 10 من عناصر داعش في اشتباكات مع الجيش في قضاء الحويجة. وأعدم التنظيم ثلاثة في قضاء الحويجة.", 13),
    ("قتلت القوات الأمنية أربعة من مسلحي داعش في هجوم على قرية قرب الرمادي. وأعدم مسلحو التنظيم اثنين في "
     "القرية قرب الرمادي.", 6),
    ("لقي ستة من مقاتلي المعارضة مصرعهم في معارك في ريف حماة. وقتلت الفصائل خمسة في ريف حماة.", 11),
])
def test_those_an_agent_killed_are_not_its_own_dead(text, dead):
    """"وأعدم التنظيم ثلاثة": the object of an active verb with a named agent are not of the agent's group:
    beside that group's own dead they add up."""
    assert _toll(text)[0] == dead


# --- a series' toll goes to the attacks told from it on ----------------------------------------------



@pytest.mark.parametrize("text,dead", [
    ("استعاد الجيش العراقي السيطرة على قرية البو جاسم في الأنبار يوم الخميس. وقتل 12 شخصا في سلسلة تفجيرات "
     "في الأنبار يوم الخميس. واستهدفت التفجيرات سوقا في الفلوجة وحيا في هيت.", 12),
    ("حررت قوات الجيش ناحية الصقلاوية في الأنبار مساء الثلاثاء. وأسفرت هجمات تفجيرية في الأنبار مساء الثلاثاء "
     "عن مقتل 10 أشخاص. وضربت الهجمات سوقا في هيت.", 10),
    ("استعاد الجيش العراقي السيطرة على قرية البو جاسم في الأنبار يوم الخميس. وقتلت امرأتان في سلسلة تفجيرات "
     "في الأنبار يوم الخميس. واستهدفت التفجيرات سوقا في الفلوجة.", 2),
])
def test_an_incident_told_before_a_series_takes_no_share_of_its_toll(text, dead):
    """The attacks of a series are named after its toll; an advance told before it is no part of it."""
    events = extract_events(Article("t", text, published=PUBLISHED))
    advance = [e for e in events if e.event_type == "Battles"]
    attacks = [e for e in events if e.event_type != "Battles"]
    assert advance and all(e.fatalities == 0 for e in advance)
    assert sum(e.fatalities for e in attacks) == dead


@pytest.mark.parametrize("text,wounded", [
    ("قتل جندي وأصيب خمسة آخرون في هجوم على ثكنة قرب الفلوجة. وقال مصدر إن ثلاثة جنود أصيبوا في الهجوم "
     "قرب الفلوجة.", 3),
    ("قتلت امرأة وأصيب أربعة آخرون بانفجار عبوة في سوق بكركوك. وأكد مصدر طبي إصابة شخصين في الانفجار في "
     "كركوك.", 2),
    ("قتل شرطيان وأصيب ستة آخرون في اشتباك مع مسلحين في بعقوبة. وأفادت الشرطة بإصابة أربعة من عناصرها في "
     "الاشتباك في بعقوبة.", 4),
])
def test_others_wounded_beside_the_dead_are_no_second_group(text, wounded):
    """"وأصيب خمسة آخرون": others than the dead, not a group of wounded beside another; a second count of
    the wounded is another estimate of them (the lowest)."""
    assert _toll(text)[1] == wounded


@pytest.mark.parametrize("text,total", [
    ("شنت قوات النظام غارات على بلدة دوما أمس. وتشن قوات النظام منذ 18 شباط هجوما على الغوطة الشرقية تسبب "
     "بمقتل أكثر من 900 مدني.", 900),
    ("قصفت الطائرات الروسية مدينة معرة النعمان أمس. وتشن القوات الروسية منذ 5 آذار حملة على ريف إدلب أسفرت "
     "عن مقتل 300 مدني.", 300),
    ("قصف الجيش التركي بلدة جنديرس في عفرين أمس. وأدت العملية التركية على عفرين منذ الأحد الماضي إلى مقتل "
     "60 مدنيا.", 60),
])
def test_a_running_total_is_no_incidents_toll(text, total):
    """A count since a day or over a span of days sums up a campaign: it is pasted onto no incident, even
    when its clause tells no other count."""
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert events and all(e.fatalities < total for e in events)


@pytest.mark.parametrize("text,dead", [
    ("نفذ داعش تفجيرا انتحاريا في بلدة مارع بريف حلب، وقتل 28 عنصرا على الأقل من الفصائل المقاتلة وداعش.", 28),
    ("قتل 12 من عناصر داعش وقوات سوريا الديمقراطية في هجوم انتحاري نفذه التنظيم على حاجز في بلدة تل أبيض.", 12),
    ("أسفر تفجير انتحاري نفذه داعش في بلدة تل أبيض عن مقتل 9 من عناصر التنظيم والوحدات الكردية.", 9),
])
def test_bombers_among_the_counted_dead_are_not_added_again(text, dead):
    """Codebook §6: a suicide attacker is added to the dead only when not among them; a count of the
    attacker's own people ("من الفصائل وداعش") holds its bombers already."""
    assert _suicide_dead(text) == dead


def test_a_bomber_of_a_count_of_victims_only_is_still_added():
    assert _suicide_dead("قتل 12 مدنيا في تفجير انتحاري نفذه داعش في سوق بلدة تل أبيض.") == 13


@pytest.mark.parametrize("text,group", [
    ("قتل 28 عنصرا على الأقل من الفصائل المقاتلة وداعش في اشتباكات بريف حلب.", "Islamic State+Syrian opposition"),
    ("قتل 12 من عناصر داعش وقوات سوريا الديمقراطية في معارك قرب الرقة.", "Islamic State+Syrian Democratic Forces"),
])
def test_a_count_of_two_groups_joined_by_wa_names_both(text, group):
    assert group in [g for _, g in _victims(text)]


@pytest.mark.parametrize("text,wounded", [
    ("أطلق مسلحو داعش النار على أهالي قرية قرب الموصل فقتلوا اثنين وأصابوا عشرة آخرين، فيما جرح ثلاثة من "
     "المسلحين.", 13),
    ("هاجمت عناصر داعش نقطة للشرطة في قضاء الحويجة فقتلت شرطيا وأصابت أربعة آخرين، فيما أصيب اثنان من "
     "المهاجمين.", 6),
    ("اقتحم مسلحو التنظيم قرية في ريف دير الزور وقتلوا ثلاثة مدنيين وجرحوا ستة آخرين، بينما أصيب خمسة من "
     "عناصر التنظيم.", 11),
])
def test_the_wounded_an_agent_wounded_add_to_its_own_wounded(text, wounded):
    """"وأصابوا عشرة آخرين" (by the agent: not its own) and "جرح ثلاثة من المسلحين" (the agent's own) are
    two groups of wounded: all sides add up."""
    assert _toll(text)[1] == wounded


# --- an incident's actors come from the clause that tells the act most explicitly ------------------

@pytest.mark.parametrize("text,actors", [
    ("هاجم تنظيم داعش قرية البو عيثة شمال الرمادي صباح اليوم. واشتبكت القوات العراقية مع عناصر التنظيم في "
     "القرية. واستهدف مسلحو التنظيم مواقع الجيش العراقي في القرية بقذائف الهاون.",
     ("Islamic State", "Military Forces of Iraq")),
    ("هاجم مسلحو داعش بلدة الكرمة شرق الفلوجة فجر اليوم. وخاضت قوات الحشد الشعبي معارك مع عناصر التنظيم في "
     "البلدة. وقصف التنظيم مقرات الحشد الشعبي في الكرمة.",
     ("Islamic State", "Popular Mobilization Forces")),
    ("شنت عناصر تنظيم الدولة هجوما على قرية الحمرا شرق حماة أمس. واندلعت مواجهات بين الجيش السوري ومقاتلي "
     "التنظيم في القرية. وقتل التنظيم خمسة جنود من الجيش السوري في الحمرا.",
     ("Islamic State", "Military Forces of Syria")),
])
def test_the_opponent_is_never_the_agent_itself(text, actors):
    """The lead names the agent alone; a later clause has that agent as its target (the other side
    fighting back): actor2 is the first target another clause states that is not actor1 itself, not
    an empty actor2 because the first one stated was the agent."""
    found = _events(text)
    assert len(found) == 1
    assert (found[0].actor1.name, found[0].actor2.name if found[0].actor2 else "") == actors


@pytest.mark.parametrize("text,actors", [
    ("قتل ثلاثة جنود في هجوم على قرية البو عيثة شمال الرمادي صباح اليوم. وقال مصدر إن مسلحين من تنظيم داعش "
     "نفذوا الهجوم. وهاجمت قوات الحشد الشعبي مسلحي داعش في القرية.",
     ("Islamic State", "Military Forces of Iraq")),
    ("أصيب جنديان بجروح في هجوم استهدف بلدة الكرمة شرق الفلوجة فجر اليوم. وقالت مصادر إن مسلحي داعش نفذوا "
     "الهجوم. وردت قوات الحشد الشعبي بمهاجمة مواقع داعش في البلدة.",
     ("Islamic State", "Military Forces of Iraq")),
    ("قتل شرطيان في هجوم على قرية الحمرا شرق حماة مساء أمس. وأفاد مصدر بأن عناصر تنظيم الدولة هم من نفذوا "
     "الهجوم. وهاجمت فصائل المعارضة مقاتلي التنظيم في القرية.",
     ("Islamic State", "Police Forces of Syria")),
])
def test_a_counter_attack_does_not_name_the_agent(text, actors):
    """The lead tells whom the act struck but not who did it; of the clauses that name an agent, one
    that tells the lead's pair (who carried out "the attack") outranks one that tells another pair (a
    side striking back at the attackers), even when that one is a clause of its own and the other
    refers back to the attack."""
    found = _events(text)
    assert len(found) == 1
    assert (found[0].actor1.name, found[0].actor2.name if found[0].actor2 else "") == actors


@pytest.mark.parametrize("text,actors", [
    ("المعارضة تقصف بلدة كفرنبل في ريف إدلب. قصفت قوات النظام السوري بلدة كفرنبل بالمدفعية صباح اليوم. "
     "واستهدف الجيش السوري منازل المدنيين في البلدة بقذائف الهاون. وقالت مصادر إن قوات النظام قتلت ثلاثة "
     "مدنيين في قصف كفرنبل.", ("Military Forces of Syria", "Civilians")),
    ("مقاتلو الحشد الشعبي يقصفون قرية البو عيثة شمال الرمادي. قصف مسلحو داعش قرية البو عيثة بقذائف الهاون فجر "
     "اليوم. واستهدف التنظيم منازل الأهالي في القرية بالصواريخ. وقتل قصف داعش امرأتين وطفلا في البو عيثة.",
     ("Islamic State", "Civilians")),
    ("الطيران السوري يقصف بلدة خان شيخون في إدلب. شنت الطائرات الروسية غارات على بلدة خان شيخون صباح اليوم. "
     "وقصفت المقاتلات الروسية منازل المدنيين في البلدة. وقتلت الغارات الروسية خمسة مدنيين في خان شيخون.",
     ("Military Forces of Russia", "Civilians")),
])
def test_the_agent_the_body_repeats_outvotes_a_loose_lead(text, actors):
    """A first sentence names a side loosely; three clauses of the body tell the same incident by
    another agent (consolidate.AGENT_MAJORITY): the incident is that agent's, with the target its
    clauses state."""
    found = _events(text)
    assert len(found) == 1
    assert (found[0].actor1.name, found[0].actor2.name if found[0].actor2 else "") == actors


@pytest.mark.parametrize("title,body,actors", [
    ("حصيلة غارات الطيران السوري على خان شيخون تتجاوز 200 قتيل منذ بداية العام",
     "شنت الطائرات الروسية غارات على بلدة خان شيخون في إدلب صباح اليوم قتلت خمسة مدنيين.",
     ("Military Forces of Russia", "Civilians")),
    ("حصيلة قصف المعارضة على بلدة كفرنبل تتجاوز مئة قتيل منذ بداية العام",
     "قصفت قوات النظام السوري بلدة كفرنبل في ريف إدلب بالمدفعية صباح اليوم ما أدى إلى مقتل عشرة مدنيين.",
     ("Military Forces of Syria", "Civilians")),
    ("غارات التحالف الدولي قتلت 40 مدنيا في الميادين خلال الأشهر الماضية",
     "قصفت طائرات حربية روسية مدينة الميادين في دير الزور أمس فقتلت سبعة مدنيين.",
     ("Military Forces of Russia", "Civilians")),
])
def test_a_headline_that_sums_up_does_not_lead_the_incident(title, body, actors):
    """A headline that tells a running total or an earlier toll (a supporting clause) may join the
    incident the body tells, but the body's first clause of that type leads it: its agent and target
    are the incident's, not the side the total names."""
    found = extract_events(Article.from_parts("t", title, body, published=date(2021, 8, 5)))
    assert len(found) == 1
    assert (found[0].actor1.name, found[0].actor2.name if found[0].actor2 else "") == actors


@pytest.mark.parametrize("text,actors", [
    ("غارات جوية على بلدة خان شيخون في ريف إدلب وسط تحليق للطيران السوري صباح اليوم. وشنت الطائرات الروسية "
     "غارات على منازل المدنيين في البلدة.", ("Military Forces of Russia", "Civilians")),
    ("قصف مدفعي على حي الشعار في حلب وسط انتشار للقوات الروسية مساء أمس. وقصفت قوات النظام السوري الحي "
     "بالمدفعية فقتلت ستة مدنيين.", ("Military Forces of Syria", "Civilians")),
    ("قصف على مدينة الميادين في دير الزور وسط تحليق للطيران السوري فجر اليوم. وشنت المقاتلات الروسية غارات "
     "على أحياء المدينة فقتلت خمسة مدنيين.", ("Military Forces of Russia", "Civilians")),
])
def test_an_agent_a_frame_states_beats_a_side_named_near_the_act(text, actors):
    """The lead names a side near the act without a frame making it the agent (aircraft seen overhead);
    a later clause of the same incident states its agent as the subject of an active verb: the stated
    agent is the incident's, with the target that clause states."""
    found = _events(text)
    assert len(found) == 1
    assert (found[0].actor1.name, found[0].actor2.name if found[0].actor2 else "") == actors


# --- a bare bombardment of a spot the article says aircraft struck is that air strike ----------------------

def _bombardment_struck_from_the_air(text: str) -> bool:
    """Whether the incident of the text's bare bombardment (its weapon not named) is typed an air strike
    by the article's other clauses (consolidate._struck_from_the_air), whatever incident they were put in."""
    from marsad.extract import consolidate as c
    doc = Pipeline(stages=STAGES[: [name for name, _ in STAGES].index("mentions") + 1]).run(
        Article("t", text, published=PUBLISHED))
    bare = [m for m in doc.mentions if "bombard" in m.cues and not m.cues & {"air", "aircraft"}]
    assert bare, doc.mentions
    group = c._Group("violence", bare[0].event_date, 1, bare[0].location, list(bare))
    return c._struck_from_the_air(doc, group)


@pytest.mark.parametrize("text", [
    "وقالت منظمة خيرية إن مستشفى بلدة صيدا شرقي درعا تعرض للقصف مساء الاثنين. وأغارت طائرات روسية على صيدا.",
    # the aircraft told first, the bombardment after; a plural agent
    "ألقت مروحيات النظام براميل متفجرة على بلدة اللطامنة في ريف حماة. وقصفت القوات الحكومية اللطامنة يوم الاثنين.",
    # a passive strike, a feminine place
    "قال ناشطون إن قرية كفرنبل بريف إدلب قصفت أمس. وأضافوا أن غارات جوية استهدفت كفرنبل ودمرت مدرسة.",
])
def test_a_bare_bombardment_of_a_spot_aircraft_struck_is_an_air_strike(text: str) -> None:
    assert _bombardment_struck_from_the_air(text)


@pytest.mark.parametrize("text", [
    # the aircraft struck another village
    "تعرضت بلدة صيدا شرقي درعا للقصف مساء الاثنين. وأغارت طائرات روسية على بلدة الجيزة.",
    # a ground weapon told in the incident keeps it shelling
    "قصفت قوات النظام بقذائف الهاون بلدة اللطامنة في ريف حماة. وأغارت طائرات حربية على اللطامنة.",
])
def test_a_bombardment_elsewhere_or_by_guns_stays_shelling(text: str) -> None:
    assert not _bombardment_struck_from_the_air(text)


# --- a name the text places by a direction from a known place is the incident's closer look ----------

@pytest.mark.parametrize(("text", "name"), [
    ("اندلعت اشتباكات قرب بلدة مارع.\nودارت المعارك في تل مالد شمالي مارع.\n"
     "وقال ناشطون إن مدينة مارع تشهد معارك عنيفة.", "تل مالد"),
    ("دارت مواجهات عنيفة قرب مدينة الباب.\nواشتبك الطرفان في تل بطال غربي الباب.\n"
     "وأكد مصدر أن مدينة الباب تشهد اشتباكات متقطعة.", "تل بطال"),
    ("تجددت الاشتباكات قرب مدينة مارع.\nودارت المعارك في الحصوية شمالي مارع.\n"
     "وقالت مصادر إن مدينة مارع تشهد معارك عنيفة.", "الحصوية"),
])
def test_a_place_located_by_a_direction_stays_the_scene(text: str, name: str) -> None:
    """"في الصواغية شرقي الفوعة": a place the gazetteer lacks that the text locates by a direction from a
    known one stands at that place's point, and stays the incident's place when the known place is told
    of it again ("وتشهد بلدة الفوعة معارك"): the most specific place the text gives (codebook §4)."""
    names = [e.location.name_ar for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert names == [name]


# --- a quarter the gazetteer lacks, inside a quarter it knows, is the record's place -----------------

@pytest.mark.parametrize(("text", "name"), [
    ("مقتل 12 مدنيا بصاروخ على حلب القديمة\nقتل 12 مدنيا أمس إثر سقوط صاروخ على حي المغاير الشعبي في حلب القديمة.",
     "المغاير"),
    ("قصف مدفعي على دمشق القديمة\nسقطت قذائف هاون على حي القيمرية في دمشق القديمة ما أدى إلى إصابة خمسة مدنيين.",
     "القيمرية"),
    ("قصف على حي الوعر\nقتل ثلاثة مدنيين بقذائف سقطت على منطقة المشاع في حي الوعر بمدينة حمص.", "المشاع"),
    ("غارات على بستان القصر\nاستهدفت غارات جوية منطقة الجلوم في بستان القصر بمدينة حلب.", "الجلوم"),
])
def test_a_quarter_inside_a_known_quarter_is_the_place(text: str, name: str) -> None:
    """"حي المغاير في حلب القديمة": a quarter the gazetteer lacks stands at the point of the larger quarter
    that holds it, and is the closer look the record names even when the headline names only the larger
    one (codebook §4: the most specific place)."""
    names = [e.location.name_ar for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert names == [name]


# --- a site named after a town stays the place when the town is told of the incident after it ----------

@pytest.mark.parametrize(("text", "name"), [
    ("هزت انفجارات ضخمة مطار حماة العسكري.\nوقال المرصد إن الانفجارات وقعت في مستودعات أسلحة في مدينة حماة.",
     "مطار حماة العسكري"),
    ("قصفت طائرات إسرائيلية مطار المزة العسكري فجر اليوم.\nوأفاد سكان بأن القصف أصاب مواقع في حي المزة.",
     "مطار المزة العسكري"),
    ("سيطر مقاتلو التنظيم على مطار الطبقة العسكري.\nوقال ناشطون إن المعارك دارت في مدينة الطبقة.",
     "مطار الطبقة العسكري"),
    ("استهدف قصف مدفعي مطار دير الزور العسكري.\nوذكرت مصادر أن القذائف سقطت في مدينة دير الزور.",
     "مطار دير الزور العسكري"),
])
def test_a_site_named_after_a_town_is_no_vaguer_than_the_town(text: str, name: str) -> None:
    """"مطار حماة العسكري" stands at Hama's point with precision 2 (a facility at the town), yet it is a closer
    look than "مدينة حماة" told of the same incident after it: the record keeps the site (codebook §4)."""
    names = [e.location.name_ar for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert names == [name]
