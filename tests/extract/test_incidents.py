"""One event per incident: place and day (codebook §1), statements, kinds, lists and headlines."""

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUB = date(2021, 8, 18)  # a Wednesday


def events(text: str, title: str = "") -> list:
    if title:
        return extract_events(Article.from_parts("t", title, text, published=PUB))
    return extract_events(Article("t", text, published=PUB))


@pytest.mark.parametrize("text", [
    "قتل جنديان بهجوم لداعش على حاجز في قضاء الحويجة ليل أمس. وقالت قيادة العمليات في بيان اليوم إن "
    "مسلحي داعش هاجموا الحاجز في الحويجة ما أدى إلى مقتل جنديين.",
    "أصيبت ثلاث نساء بقصف مدفعي على بلدة كفرنبل فجر أمس. وذكر المرصد اليوم أن قصفا مدفعيا استهدف كفرنبل "
    "وأوقع ثلاث جريحات.",
    "اشتبك مسلحون مع قوة من الشرطة في قضاء بيجي مساء أمس. وأعلنت الشرطة، الأربعاء، أن الاشتباك في "
    "بيجي أسفر عن إصابة شرطيين.",
])
def test_a_statement_reports_the_incident_told_before_it(text):
    """The statement's day (today) is when it was said: the incident keeps its own day (yesterday)."""
    found = events(text)
    assert len(found) == 1
    assert found[0].event_date == date(2021, 8, 17)


@pytest.mark.parametrize("text,day", [
    ("أعلن الجيش العراقي، الأحد، مقتل خمسة مسلحين في غارة على وادي الشاي في كركوك.", date(2021, 8, 15)),
    ("قالت الشرطة اليوم إن عبوة ناسفة انفجرت في سوق بمدينة الفلوجة وأوقعت قتيلين.", date(2021, 8, 18)),
    ("ذكرت مصادر محلية الثلاثاء أن طائرات حربية قصفت قرية البارة في ريف إدلب.", date(2021, 8, 17)),
])
def test_a_statement_day_dates_an_incident_with_no_day_of_its_own(text, day):
    found = events(text)
    assert len(found) == 1 and found[0].event_date == day


@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات عنيفة بين الجيش ومسلحي داعش في قضاء بيجي أمس. وقصفت المدفعية مواقع التنظيم في بيجي أمس.",
    "قصفت الطائرات مواقع داعش في قضاء هيت صباح اليوم. واشتبكت قوات الجيش مع مسلحي التنظيم في هيت اليوم.",
    "سقطت قذائف هاون على حي في سامراء أمس. ودارت اشتباكات بين الحشد الشعبي ومسلحين في سامراء أمس.",
])
def test_fighting_and_a_bombardment_told_apart_are_two_events(text):
    kinds = sorted(e.event_type for e in events(text))
    assert kinds == ["Battles", "Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "قتل 24 عنصرا في غارات على مواقع داعش في قضاء هيت الخميس. واندلعت اشتباكات بين الجيش والتنظيم في بيجي.",
    "أصيب مدنيان بقصف على حي الصاخور في حلب يوم الاثنين. ودارت معارك بين الطرفين في حي الشعار بحلب.",
    "قتل شرطي بانفجار عبوة في الرمادي الأحد. واشتبكت قوة من الجيش مع مسلحين في هيت.",
])
def test_an_undated_incident_of_another_kind_keeps_the_publication_day(text):
    """Nothing dates the second incident: another kind of incident told after a dated one is not it
    continued (codebook §5: no day in the text → publication)."""
    found = sorted(events(text), key=lambda e: e.event_type)
    assert [e.event_type for e in found] == ["Battles", "Explosions/Remote violence"]
    assert found[0].event_date == PUB


@pytest.mark.parametrize("text,places", [
    ("تظاهر المئات في الناصرية والديوانية والسماوة للمطالبة بتحسين الخدمات.", 3),
    ("خرجت تظاهرات حاشدة ببغداد والبصرة يوم الجمعة.", 2),
    ("وخرج محتجون في مدينتي الكوت والعمارة إلى الشوارع أمس.", 2),
])
def test_a_list_of_places_in_one_clause_is_one_event_each(text, places):
    found = events(text)
    assert len(found) == places
    assert len({e.location.admin1 for e in found}) == places


def test_a_toll_told_for_a_list_of_places_is_shared():
    found = events("قتل ستة أشخاص بانفجارين في كركوك والموصل أمس.")
    assert sorted(e.fatalities for e in found) == [3, 3]


@pytest.mark.parametrize("title,body", [
    ("مقتل جنديين بهجوم لداعش في كركوك", "قتل جنديان عراقيان بهجوم لتنظيم داعش على نقطة للجيش في قضاء الدبس ليل أمس."),
    ("تفجير يستهدف سوقا في الفلوجة",
     "انفجرت عبوة ناسفة في سوق شعبي وسط الفلوجة صباح اليوم ما أسفر عن إصابة أربعة مدنيين."),
    ("محتجون يغلقون ميناء أم قصر", "أغلق المحتجون بوابة ميناء أم قصر في البصرة أمس للمطالبة بفرص عمل."),
])
def test_the_headline_is_the_body_incident(title, body):
    assert len(events(body, title)) == 1


@pytest.mark.parametrize("text,expected", [
    ("قتل جندي في الموصل الإثنين، وقتل آخر في تكريت الثلاثاء.",
     {("Ninewa", date(2021, 8, 16)), ("Salah al-Din", date(2021, 8, 17))}),
    ("انفجرت عبوة ناسفة في الفلوجة صباح اليوم، وأصيب شرطيان بهجوم مسلح في كركوك أمس.",
     {("Anbar", date(2021, 8, 18)), ("Kirkuk", date(2021, 8, 17))}),
    ("تظاهر محتجون في الناصرية يوم الأحد، وتجمهر آخرون أمام مبنى المحافظة في البصرة يوم الإثنين.",
     {("Dhi Qar", date(2021, 8, 15)), ("Basra", date(2021, 8, 16))}),
])
def test_coordinated_clauses_with_their_own_scene_are_two_incidents(text, expected):
    """"، و" + an event word and a scene of its own: another place and day, another incident; the
    day and toll of one clause are not pasted onto the other."""
    assert {(e.location.admin1, e.event_date) for e in events(text)} == expected


def test_a_casualty_clause_without_a_scene_goes_on_with_the_incident():
    found = events("لقي متظاهر مصرعه في الديوانية أمس، وأصيب اثنان آخران بجروح، خلال تظاهرات في بغداد.")
    assert [(e.location.admin1, e.fatalities, e.injured) for e in found] == [("Qadisiyah", 1, 2)]


@pytest.mark.parametrize("text,expected", [
    ("قتل 20 شخصا في سلسلة تفجيرات ضربت بغداد اليوم. وقتل 5 أشخاص بانفجار سيارة مفخخة في الكرادة. "
     "وقتل 3 بانفجار عبوة في قضاء أبو غريب.", {("Baghdad", 5), ("Baghdad", 3)}),
    ("أسفرت هجمات متفرقة في ديالى أمس عن مقتل 9 أشخاص. وقتل 4 منهم بانفجار عبوة في بعقوبة، "
     "وقتل 5 بهجوم مسلح في المقدادية.", {("Diyala", 4), ("Diyala", 5)}),
    ("ارتفعت حصيلة المصابين في هجمات استهدفت الموصل الخميس إلى 15. وأصيب ستة منهم بانفجار عبوة ناسفة في "
     "حي الزهور.", {("Ninewa", 6)}),
])
def test_a_series_total_goes_on_no_single_incident(text, expected):
    """The lead total of a series sums up the incidents told at their own places: no event of its
    own, and its toll is pasted on none of them (each keeps its own)."""
    found = events(text)
    assert {(e.location.admin1, e.fatalities or e.injured) for e in found} == expected
    assert len(found) == len(expected)


def test_incidents_of_a_series_take_its_day():
    found = events("أسفرت هجمات متفرقة في ديالى أمس عن مقتل 9 أشخاص. وقتل 4 منهم بانفجار عبوة في بعقوبة، "
                   "وقتل 5 بهجوم مسلح في المقدادية.")
    assert {e.event_date for e in found} == {date(2021, 8, 17)}


@pytest.mark.parametrize("text,admin1", [
    ("اندلعت اشتباكات بين الجيش ومسلحين في قضاء طوزخورماتو المتنازع عليه بين بغداد وأربيل أمس.", "Salah al-Din"),
    ("شهدت مدينة الفلوجة الواقعة بين بغداد والرمادي اشتباكات عنيفة أمس.", "Anbar"),
    ("وشهد قضاء سنجار المتنازع عليه بين بغداد وأربيل، فجر اليوم، هجوما بطائرة مسيرة.", "Ninewa"),
])
def test_the_ends_of_between_are_no_scene(text, admin1):
    """"بين بغداد وأربيل" names the two ends of a dispute or a road, both of them; the place that
    witnessed the incident is its scene."""
    assert [e.location.admin1 for e in events(text)] == [admin1]


@pytest.mark.parametrize("text,sub_event", [
    ("سيطرت القوات التركية وفصائل موالية لها على مدينة عفرين بعد معارك مع وحدات حماية الشعب أمس.",
     "Non-state actor overtakes territory"),
    ("استعادت القوات العراقية السيطرة على قضاء القائم من تنظيم داعش بعد اشتباكات أمس.",
     "Government regains territory"),
    ("سيطر مسلحو تنظيم داعش على قرية البغدادي في الأنبار بعد معارك مع الجيش العراقي أمس.",
     "Non-state actor overtakes territory"),
])
def test_who_took_the_place_decides_the_territory_type(text, sub_event):
    """The country's own forces regain territory; any other side, a foreign army included, overtakes it,
    whoever else fought there."""
    assert [e.sub_event_type for e in events(text)] == [sub_event]


@pytest.mark.parametrize("text", [
    "هاجم تنظيم داعش بلدة القريتين في حمص أمس. وسيطر التنظيم على البلدة بعد قتال عنيف مع قوات الجيش السوري.",
    "اقتحم مسلحو داعش قرية البغدادي في الأنبار أمس، وسيطروا على القرية بعد معارك مع الجيش العراقي.",
    "حاصرت قوات الجيش بلدة القائم أمس. واستعادت القوات العراقية السيطرة على البلدة بعد اشتباكات مع داعش.",
])
def test_a_capture_of_the_place_named_before_is_a_capture(text):
    """"على المدينة/البلدة/القرية" points back to the place named before: the capture names its place."""
    assert any(e.sub_event_type in ("Non-state actor overtakes territory", "Government regains territory")
               for e in events(text))


ANALYSIS = [
    ("مستقبل الأمن في الأنبار", "يرى مراقبون أن المحافظة تواجه تحديات اقتصادية كبيرة بعد سنوات الحرب.\n"
     "ويقول الباحث إن إعادة الإعمار تسير ببطء بسبب نقص التمويل.\n"
     "ويشير إلى أن هجمات التنظيم على القوات الأمنية في صحراء الرطبة تعرقل عودة النازحين."),
    ("العشائر والدولة في ديالى", "تتصاعد الخلافات العشائرية في المحافظة حول الأراضي الزراعية.\n"
     "ويؤكد شيوخ العشائر أنهم يدعمون القوات الأمنية.\n"
     "ويذكر سكان أن اشتباكات بين عشيرتين في قضاء الخالص أثارت مخاوفهم."),
    ("كيف تغيرت الموصل", "تغيرت ملامح المدينة القديمة كثيرا خلال السنوات الأخيرة.\n"
     "وتعمل منظمات دولية على ترميم الجوامع والكنائس.\n"
     "ويتذكر الأهالي القصف الذي طال أحياء المدينة القديمة في الموصل."),
]
REPORTS = [
    # the incident in the lead, with neither day nor toll
    ("قصف على الحويجة", "قصفت طائرات حربية مواقع لتنظيم داعش في قضاء الحويجة جنوب غرب كركوك.\n"
     "وقال مصدر أمني إن الطائرات دمرت مخابئ للتنظيم.\nولم ترد معلومات عن الخسائر."),
    # further down, but with its own day
    ("الأمن في ديالى", "تشهد المحافظة تحسنا أمنيا ملحوظا منذ أشهر.\nويقول مسؤولون إن التعاون مع العشائر أثمر.\n"
     "واندلعت اشتباكات بين القوات الأمنية ومسلحين في قضاء الخالص مساء أمس."),
    # further down, but with its own toll
    ("الأنبار بعد الحرب", "تسعى المحافظة إلى جذب الاستثمارات.\nويقول المحافظ إن الأمن مستتب.\n"
     "وقتل ثلاثة جنود بهجوم لتنظيم داعش على نقطة عسكرية في صحراء الرطبة."),
]


@pytest.mark.parametrize("title,body", ANALYSIS)
def test_an_article_that_only_discusses_incidents_reports_none(title, body):
    """No incident in the lead, none with its own day or toll: an analysis, not a report."""
    assert events(body, title) == []


@pytest.mark.parametrize("title,body", REPORTS)
def test_a_report_tells_its_incident_in_the_lead_or_dates_it(title, body):
    assert len(events(body, title)) == 1
