"""Consolidation: where an incident is.  A town or village the gazetteer lacks, named as one ("بلدة خراب
الشحم"), stands at the point of the town the text places it by; a settlement the gazetteer knows at another
point is another scene (codebook §1: two towns, two events).  And "in X" told right after "north of Y"
pins the incident down at X when X lies within the reach of that "near", even in another district.  A clause
that names the act told before at a settlement of the district the incident stands for places it there.  An
undated lead whose toll the dated incident's clauses tell again at that place (or inside it) is that incident
(codebook §1: one event however often told)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _events(text: str) -> list[tuple[str, int]]:
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    return sorted((e.location.name, e.fatalities) for e in extract_events(article))


@pytest.mark.parametrize(("text", "events"), [
    # the unlisted town first ("بلدة"), then the known one; active verbs, no toll
    ("قصف الطيران المروحي بالبراميل المتفجرة أماكن في بلدة خراب الشحم قرب مدينة درعا. ونفذ الطيران الحربي 3 "
     "غارات على مناطق في بلدة اليادودة.", [("Kharab Al-Shahm", 0), ("Yadudeh", 0)]),
    # the known town first, then an unlisted village ("قرية") with a feminine plural subject
    ("نفذ الطيران الحربي غارات على بلدة اليادودة. كما ألقت المروحيات براميل متفجرة على قرية خراب الشحم قرب "
     "مدينة درعا.", [("Kharab Al-Shahm", 0), ("Yadudeh", 0)]),
    # passive voice, each with its own toll (a plural and a feminine singular victim)
    ("قتل ثلاثة مدنيين بغارة جوية على قرية خراب الشحم قرب درعا. وقتلت امرأة في غارة على بلدة اليادودة.",
     [("Kharab Al-Shahm", 3), ("Yadudeh", 1)]),
])
def test_an_unlisted_town_is_not_the_known_town_nearby(text: str, events: list[tuple[str, int]]) -> None:
    assert _events(text) == events


@pytest.mark.parametrize("text", [
    "شن الطيران غارات على مدينة تلعفر. وسقطت القذائف على قرية الحمامات قرب تلعفر.",
    "قصف الطيران الحربي قرية الحمامات قرب تلعفر. وتعرضت مدينة تلعفر لغارات جوية عنيفة.",
])
def test_an_unlisted_village_at_its_town_is_a_closer_look(text: str) -> None:
    """The stand-in stands at the town told with it: a closer look at the one scene."""
    assert [name for name, _ in _events(text)] == ["Al-Hamamat"]


@pytest.mark.parametrize(("text", "events"), [
    # "north of the capital", then the district's quarter, then the district itself (plural gunmen)
    ("هاجم عناصر داعش نقاط تفتيش للجيش شمال العاصمة بغداد ليل الاثنين. وأوضح المصدر أن المسلحين هاجموا نقاط "
     "التفتيش بمنطقة البحيرات في قضاء الطارمية. واندلعت اشتباكات بين القوات الأمنية وعناصر داعش في قضاء "
     "الطارمية.", [("Al-Bahirat", 0)]),
    # passive killing of two soldiers, the attack named again ("ووقع الهجوم")
    ("قتل جنديان في هجوم لداعش شمال بغداد الاثنين. ووقع الهجوم في منطقة البحيرات بقضاء الطارمية. وأغلقت "
     "القوات مداخل الطارمية بعد اشتباكات مع المسلحين في الطارمية.", [("Al-Bahirat", 2)]),
    # "south of Kirkuk" pinned down at Daquq, the toll told at the town
    ("اندلعت اشتباكات بين الجيش ومسلحي داعش جنوب مدينة كركوك مساء الأحد. ودارت الاشتباكات في منطقة داقوق. "
     "وقتل ثلاثة عناصر من التنظيم في داقوق.", [("Daquq", 3)]),
])
def test_in_x_pins_down_north_of_y(text: str, events: list[tuple[str, int]]) -> None:
    assert _events(text) == events


@pytest.mark.parametrize("text", [
    # passive toll, the told act named again ("القصف") with "أوضح أن"
    "قتل 36 شخصا في غارات للطيران التركي استهدفت قوات موالية للحكومة في منطقة عفرين السبت. وأوضح المرصد أن "
    "القصف استهدف القوات في منطقة كفر جنة في ريف عفرين.",
    # active plural subject, the raids named again in the plural
    "شنت الطائرات التركية غارات على منطقة عفرين أمس. وقال المرصد إن الغارات أصابت قرية كفر جنة.",
    # a dual toll, shelling, "أفاد بأن"
    "قتل جنديان بقصف مدفعي على مواقع في منطقة عفرين. وأفاد المرصد بأن القصف طال قرية كفر جنة.",
])
def test_the_told_act_placed_in_a_village_of_the_district(text: str) -> None:
    """"منطقة عفرين" stands for the district; the act told again at a village of it is placed there."""
    assert [name for name, _ in _events(text)] == ["Kafr Janna"]


def test_an_act_told_anew_in_a_town_of_the_district_stays_apart() -> None:
    """Not a told act ("وقصفت الطائرات بلدة راجو"): another incident at another town."""
    assert [name for name, _ in _events("قصفت المدفعية التركية منطقة عفرين. وقصفت الطائرات بلدة راجو.")] == \
        ["Afrin", "Raju"]


@pytest.mark.parametrize(("text", "event"), [
    # a UN call after six dead (passive noun), the riot dated four sentences later, the toll told again (verb)
    ("دعا المبعوث الأممي إلى الهدوء في البصرة، بعد مقتل ستة أشخاص في الاحتجاجات التي تشهدها المدينة. "
     "وطالب المبعوث السلطات بتجنب القوة المفرطة. وعبر المرجع الديني عن تضامنه مع المحتجين. وأمر رئيس "
     "الوزراء بالتحقيق فيما حدث. وأحرق المحتجون مبنى المحافظة في البصرة ليل الثلاثاء. وقال مسؤول محلي "
     "إن ستة محتجين قتلوا.",
     ('Basra', '2021-08-03', 6)),
    # rights groups, four dead; storming on Sunday; a doctor confirms four dead (another verb of dying)
    ("طالبت منظمات حقوقية بمحاسبة المسؤولين عن مقتل أربعة متظاهرين في الناصرية. ودعت المنظمات إلى ضبط "
     "النفس. وأعربت الحكومة عن أسفها. ودعا نواب إلى جلسة طارئة. واقتحم متظاهرون غاضبون مقر مجلس "
     "المحافظة في الناصرية يوم الأحد. وأكد مصدر طبي أن أربعة متظاهرين لقوا حتفهم.",
     ('Nasiriyah', '2021-08-01', 4)),
    # a dual toll; arson on Wednesday evening; witnesses tell two killed (dual verb)
    ("أدانت الأمم المتحدة مقتل متظاهرَين اثنين في كربلاء. ودعت الحكومة إلى الاستجابة للمطالب. وقالت "
     "إن الحق في التظاهر مكفول. وأشارت إلى ضرورة الحوار. وأضرم محتجون النار في مكتب حزب في كربلاء "
     "مساء الأربعاء. وذكر شهود أن محتجين اثنين قتلا برصاص الحراس.",
     ('Karbala', '2021-08-04', 2)),
])
def test_an_undated_lead_retold_with_its_toll_is_the_dated_incident(text: str, event: tuple[str, str, int]) -> None:
    """Codebook §1: the lead's undated toll told again in the dated incident's clauses is that incident."""
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    assert [(e.location.name, str(e.event_date), e.fatalities) for e in extract_events(article)] == [event]


def test_the_same_toll_at_another_town_is_another_incident() -> None:
    """Two towns, each its own place: the same count does not make them one incident."""
    text = ("قتل ثلاثة أشخاص بانفجار عبوة ناسفة في قضاء الزبير. وقالت الشرطة إن المهاجمين فروا. وأضافت أن "
            "التحقيقات جارية. وقتل ثلاثة أشخاص بانفجار سيارة مفخخة في مدينة البصرة يوم الاثنين.")
    assert [name for name, _ in _events(text)] == ["Al-Zubair", "Basra"]
