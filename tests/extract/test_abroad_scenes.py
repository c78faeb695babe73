"""A clause whose scene is a place abroad ("في مدينة إسطنبول"، "بمنطقة عسير") tells an event outside Iraq and
Syria, which the codebook does not code: it takes no Iraqi or Syrian scene told before it, nor the headline's.
A foreign name that only qualifies a noun ("قمة طهران") is no scene.

Invented sentences; the town named in the sentence before keeps its own event and lends the one abroad nothing.
"""

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUB = date(2021, 8, 18)


def events(text: str) -> list:
    return extract_events(Article("t", text, published=PUB))


@pytest.mark.parametrize("text", [
    # a passive verb, two policemen, "in the city of"
    "انفجرت عبوة ناسفة على دورية للجيش في مدينة الموصل أمس. وقتل شرطيان برصاص مسلحين اليوم في مدينة إسطنبول.",
    # an active verb, a woman gunned down, the preposition joined to the cue noun
    "تظاهر المئات في مدينة البصرة أمس. وفي سياق متصل أطلق مسلح النار على امرأة فقتلها بمدينة جدة اليوم.",
    # a bombing named by its noun, the place first, "in" before the name itself
    "قصفت الطائرات الحربية بلدة معرة النعمان أمس. وفي طهران انفجرت سيارة مفخخة قرب مبنى حكومي اليوم.",
])
def test_an_event_abroad_takes_no_scene_told_before(text):
    found = events(text)
    assert len(found) == 1, [(e.sub_event_type, e.location and e.location.name) for e in found]
    assert found[0].location is not None and found[0].location.country in ("IRQ", "SYR")


def test_what_goes_on_after_the_event_abroad_stays_abroad():
    found = events("قتل جندي بانفجار عبوة في مدينة كركوك أمس. وهاجم مسلحون مركزا للشرطة في مدينة إسطنبول اليوم. "
                   "وأصيب ثلاثة من عناصر الشرطة.")
    assert [e.location.admin1 for e in found if e.location] == ["Kirkuk"]


def test_a_foreign_name_that_qualifies_a_noun_is_no_scene():
    found = events("قصفت طائرات حربية مدينة إدلب السبت، بعد يوم من قمة طهران.")
    assert len(found) == 1 and found[0].location is not None and found[0].location.admin1 == "Idlib"



def test_where_a_source_sits_abroad_is_no_scene_of_the_act_it_reports():
    found = events("قال المرصد السوري، ومقره في لندن، إن طائرات حربية قصفت مدينة دوما أمس فقتلت خمسة مدنيين.")
    assert len(found) == 1 and found[0].location is not None and found[0].location.admin1 == "Rural Damascus"


@pytest.mark.parametrize("text", [
    # a bombing abroad leads; the fighting across the border is recalled with no day of its own
    "قتل 30 شخصا في تفجير انتحاري استهدف مركزا ثقافيا في مدينة إسطنبول اليوم. وكانت المدينة قد استقبلت "
    "نازحين من عين العرب. وتدور في ريف حلب معارك بين التنظيم والمقاتلين الأكراد.",
    # a shooting abroad in the passive; a strike told as what goes on in Syria
    "أصيب شرطيان بنيران مسلح في مدينة جدة اليوم. ويشن التحالف غارات على مواقع التنظيم في الرقة.",
    # protesters abroad; a siege in Syria named as context
    "تظاهر المئات في مدينة إسطنبول اليوم. وتحاصر القوات الحكومية بلدات في ريف إدلب منذ أشهر.",
])
def test_a_report_of_an_event_abroad_reports_nothing_of_iraq_or_syria(text: str) -> None:
    found = events(text)
    assert found == [], [(e.sub_event_type, e.location and e.location.name) for e in found]
