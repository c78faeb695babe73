"""Consolidation (issue 11): a clause that tells its own place and its own day is an incident of its own, not
a closer look at one told with its own day at another place (a governorate, or a town however close: codebook
§1, two towns are two events); a clause that names the act told before ("الهجوم"، "الغارة"), adds only a
place, or tells a quarter inside the town still joins it."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _places(text: str, title: str = "") -> list[str]:
    article = Article.from_parts("t", title, text, date(2021, 8, 6))
    return sorted(e.location.name for e in extract_events(article))


@pytest.mark.parametrize(("text", "places"), [
    # intransitive, plural crowd: the governorate's protest and the district's, each with its own day
    ("تظاهر المئات يوم الجمعة في محافظة البصرة للمطالبة بفرص عمل. وتظاهر العشرات صباح الجمعة في قضاء القرنة "
     "شمال البصرة.", ["Al-Qurna", "Basra"]),
    # passive then active voice, a dual toll, the day after the place
    ("قتل ثلاثة مدنيين يوم الخميس في غارات جوية على محافظة إدلب. كما قتلت طائرات حربية مدنيين اثنين في بلدة "
     "خان شيخون الخميس.", ["Idlib", "Khan Shaykhun"]),
    # a reported clause, the day before the object
    ("قصفت قوات النظام محافظة درعا يوم الأحد. وأفاد ناشطون بأن مروحيات ألقت الأحد براميل متفجرة على بلدة طفس.",
     ["Daraa", "Tafas"]),
    # two towns a few km apart, each with its own day: two incidents
    ("قتل خمسة مدنيين في غارات جوية على بلدة حمورية يوم الثلاثاء. وقتلت قوات النظام ثلاثة آخرين الثلاثاء بقصف "
     "مدفعي على مدينة عربين.", ["Arbin", "Hamouriyeh"]),
    ("قصفت طائرات حربية بلدة بلودان يوم السبت. كما ألقت مروحيات النظام براميل متفجرة على مدينة الزبداني السبت.",
     ["Bludan", "Zabadani"]),
])
def test_a_settlement_told_with_its_own_day_is_another_incident(text: str, places: list[str]) -> None:
    assert _places(text) == places


@pytest.mark.parametrize(("title", "text", "places"), [
    # the body names the strikes told before: a closer look at the same incident
    ("", "قتل ثلاثة مدنيين يوم الخميس في غارات جوية على محافظة إدلب. وقال المرصد إن الغارات استهدفت بلدة خان "
     "شيخون.", ["Khan Shaykhun"]),
    # "the attack", even with its day told again
    ("", "هاجم مسلحون يوم الأحد قوة أمنية في محافظة ديالى. وأوضح مصدر أن الهجوم وقع الأحد في قضاء المقدادية.",
     ["Al-Muqdadiya"]),
    # the headline's governorate and the body's town
    ("مقتل ثلاثة مدنيين بغارة على إدلب", "قتل ثلاثة مدنيين الخميس في غارة جوية على بلدة خان شيخون.",
     ["Khan Shaykhun"]),
    # a place told without a day of its own
    ("", "تظاهر المئات يوم الجمعة في محافظة البصرة. وتجمع المحتجون أمام مبنى حكومي في قضاء القرنة.", ["Al-Qurna"]),
    # a quarter inside the city, its day told again: one scene, looked at closer
    ("", "قتل شخصان بانفجار عبوة ناسفة في مدينة كركوك يوم الخميس. وانفجرت عبوة يوم الخميس في حي عرفة شمالي "
     "المدينة.", ["Kirkuk - Hay Arafah"]),
    ("", "قتل شخصان بانفجار عبوة ناسفة في كركوك يوم الخميس. وقالت الشرطة إن العبوة انفجرت الخميس في حي عرفة.",
     ["Kirkuk - Hay Arafah"]),
])
def test_a_retelling_of_the_incident_still_joins_it(title: str, text: str, places: list[str]) -> None:
    assert _places(text, title) == places


@pytest.mark.parametrize(("text", "places"), [
    # passive then active voice, no day in either: two villages 4 km apart are two scenes
    ("قصفت مروحيات النظام بالبراميل المتفجرة مدينة تلبيسة. كما تعرضت بلدة الغنطو لقصف بالبراميل المتفجرة.",
     ["Ghanto", "Talbiseh"]),
    # the second told first, a feminine plural subject, a toll in one of them
    ("تعرضت بلدة الغنطو لقصف جوي أدى إلى مقتل امرأتين. وألقت الطائرات المروحية براميل متفجرة على مدينة تلبيسة.",
     ["Ghanto", "Talbiseh"]),
    # a town and the village 3 km from it, the object before the verb
    ("بلدة بلودان قصفتها الطائرات الحربية بعدة غارات. واستهدفت غارات أخرى مدينة الزبداني.", ["Bludan", "Zabadani"]),
])
def test_two_settlements_close_together_are_two_scenes(text: str, places: list[str]) -> None:
    """Codebook §1, two towns are two events: settlements the gazetteer tells apart, each named as such, are
    not one scene because their points lie a few km apart."""
    assert _places(text) == places


@pytest.mark.parametrize("text", [
    # the district's seat named for its district, then a village in it
    "قتل عشرون عنصرا في غارات للطيران التركي على منطقة عفرين. وأوضح المرصد أن الطائرات استهدفت قرية كفر جنة.",
    # a city, then a quarter inside it, passive voice
    "قتل شخصان بقصف صاروخي على مدينة دير الزور. وسقطت القذائف على حي الجورة.",
    # a district named as such, then a town in it
    "شنت طائرات حربية غارات على قضاء البعاج. واستهدفت الغارات مواقع للتنظيم في بلدة البعاج.",
])
def test_a_closer_look_at_one_scene_is_one_incident(text: str) -> None:
    """Not two settlements: a district's seat named for its district and a village in it, a city and its
    quarter, a district and its town are one scene told closer."""
    assert len(_places(text)) == 1


@pytest.mark.parametrize(("text", "places"), [
    # a list told vaguely, "near", active voice
    ("نفذت طائرات التحالف غارات قرب مدينتي الموصل وتلعفر.", ["Mosul", "Telafar"]),
    # passive voice, a dual place word, "on the outskirts"
    ("تعرضت أطراف مدينتي الرمادي والفلوجة لقصف مدفعي عنيف.", ["Al-Falluja", "Ramadi"]),
    # plural subject, the list before the verb
    ("في محيط بلدتي حديثة وهيت دارت اشتباكات بين القوات العراقية وعناصر داعش.", ["Haditha", "Heet"]),
])
def test_places_listed_together_far_apart_are_each_a_scene(text: str, places: list[str]) -> None:
    """Places a clause names side by side are distinct scenes also when told vaguely ("near X and Y"): "near"
    reaches a place's surroundings, not the other places of the list."""
    assert _places(text) == places


@pytest.mark.parametrize(("text", "places"), [
    # a neighbourhood and a camp of one city, the second told vaguely
    ("دارت اشتباكات عنيفة على أطراف حي جوبر بين قوات النظام والفصائل. كما فتحت قوات النظام نيران رشاشاتها "
     "الثقيلة قرب مخيم اليرموك.", ["Damascus - Jobar", "Damascus - Yarmouk Camp"]),
    # the camp first, passive voice
    ("تعرض مخيم اليرموك لقصف مدفعي عنيف. وسقطت قذائف أخرى على حي جوبر.",
     ["Damascus - Jobar", "Damascus - Yarmouk Camp"]),
    # feminine plural subject, the object before the verb
    ("حي جوبر استهدفته الطائرات الحربية بغارات عدة. وقصفت المدفعية محيط مخيم اليرموك.",
     ["Damascus - Jobar", "Damascus - Yarmouk Camp"]),
])
def test_two_quarters_of_a_city_are_two_scenes(text: str, places: list[str]) -> None:
    """Quarters of a city the gazetteer tells apart are distinct scenes, however close and however vaguely
    told: "near" one quarter is not in the next."""
    assert _places(text) == places


@pytest.mark.parametrize(("text", "places"), [
    # passive "around" the second town, after an active shelling of the first
    ("قصفت قوات النظام صباح أمس مناطق في مدينة حرستا. فيما تعرضت مناطق في محيط مدينة دوما لقصف من قبل قوات "
     "النظام.", ["Douma", "Harasta"]),
    # "near" the town, active voice, a feminine plural subject
    ("ألقت المروحيات براميل متفجرة على مدينة تلبيسة. كما قصفت الطائرات الحربية مناطق قرب بلدة الغنطو.",
     ["Ghanto", "Talbiseh"]),
    # the outskirts, the object before the verb
    ("قصفت الطائرات الحربية بلدة بلودان. وأطراف مدينة الزبداني استهدفتها غارات أخرى.", ["Bludan", "Zabadani"]),
])
def test_near_a_town_is_not_the_next_town(text: str, places: list[str]) -> None:
    """Codebook §1, two towns are two events: "near" or "around" a town reaches that town's surroundings, not
    the next town the gazetteer tells apart told before it."""
    assert _places(text) == places
