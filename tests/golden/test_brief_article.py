"""The whole-article version of the DEVELOPERS.md example gives exactly one event.

An invented article in the shape of the report: a headline naming Erbil, two paragraphs on
Erbil–Washington security coordination, the Kirkuk paragraph of DEVELOPERS.md, then a statement of
the Security Media Cell issued on publication day about the same attack (with its own figures).
The clash is in Kirkuk (not in the headline's Erbil, nor in "the Baghdad and Erbil" of the
relative clause), on the night before publication (not on the statement's day), once.
"""

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

KIRKUK = (
    'وشهدت محافظة كركوك المتنازع عليها بين بغداد وأربيل، ليل أمس، هجوماً لعناصر تنظيم "داعش" استهدف قوة من '
    "الشرطة الاتحادية كانت تؤدي واجبها في بلدة الرشاد جنوبي المحافظة، وتسبب الهجوم بمقتل عنصري أمن عراقيين، "
    "وإصابة اثنين آخرين."
)
COORDINATION = (
    "بحث رئيس حكومة إقليم كردستان مع وفد عسكري أمريكي في أربيل، اليوم الثلاثاء، سبل تعزيز التنسيق الأمني "
    "بين أربيل وواشنطن في مواجهة خلايا تنظيم داعش، وفق بيان صدر عن مكتبه.\n\n"
    "وأكد البيان أن الجانبين شددا على أهمية استمرار دعم التحالف الدولي لقوات البيشمركة وتبادل المعلومات "
    "الاستخبارية، في ظل تصاعد نشاط التنظيم في المناطق الفاصلة بين الطرفين."
)
STATEMENTS = [
    # the cell's statement names the place again, with higher figures
    "وقالت خلية الإعلام الأمني في بيان اليوم إن عناصر من داعش هاجموا نقطة للشرطة الاتحادية في الرشاد، "
    "ما أدى إلى استشهاد ثلاثة من المنتسبين وجرح ثلاثة آخرين.",
    # ... or names no place, and is issued in Baghdad
    "من جهتها، قالت خلية الإعلام الأمني في بغداد، في بيان صدر اليوم، إن \"مجموعة من عناصر داعش الإرهابية "
    "استهدفت قوة من الشرطة الاتحادية، ما أدى إلى استشهاد اثنين من المنتسبين وإصابة اثنين آخرين\". "
    "وأضاف البيان أن القوات الأمنية باشرت عملية تفتيش واسعة بحثا عن المهاجمين.",
    # ... or is told with the statement's day first, in the passive
    "وأعلنت خلية الإعلام الأمني، الثلاثاء، أن قوة من الشرطة الاتحادية تعرضت لهجوم من عصابات داعش "
    "الإرهابية في ناحية الرشاد، أسفر عن استشهاد منتسبين اثنين وإصابة ثلاثة آخرين.",
]
TITLES = [
    "أربيل وواشنطن تبحثان تعزيز التنسيق الأمني لمواجهة خلايا داعش",
    "أربيل وواشنطن تبحثان التنسيق الأمني بعد هجوم دام لداعش",
]


@pytest.mark.parametrize("statement", STATEMENTS,
                         ids=["statement-names-place", "statement-in-baghdad", "statement-day-first"])
@pytest.mark.parametrize("title", TITLES, ids=["title-coordination", "title-attack"])
def test_one_clash_in_kirkuk(title, statement):
    body = f"{COORDINATION}\n\n{KIRKUK}\n\n{statement}"
    article = Article.from_parts("brief-article", title, body, published=date(2021, 8, 3))
    events = extract_events(article)
    assert len(events) == 1, [(e.event_date, e.sub_event_type, e.location.admin1) for e in events]
    record = events[0].to_record()
    assert record["event_date"] == "2021-08-02" and record["time_precision"] == 1
    assert record["sub_event_type"] == "Armed clash"
    assert record["actor1"] == "Islamic State"
    assert record["actor2"] == "Police Forces of Iraq"
    assert record["admin1"] == "Kirkuk"
    assert record["disputed"] is True
    assert record["fatalities"] in (2, 3) and record["injured"] in (2, 3)
    text = article.text
    assert "ليل أمس" in [text[s:e] for s, e in record["evidence"]["date"]]


KIRKUK_SHORT = (  # the paragraph without the town: the governorate that witnessed the attack is the scene
    'وشهدت محافظة كركوك المتنازع عليها بين بغداد وأربيل، ليل أمس، هجوماً لعناصر تنظيم "داعش" استهدف قوة من '
    "الشرطة الاتحادية، وتسبب الهجوم بمقتل عنصري أمن عراقيين، وإصابة اثنين آخرين."
)
ASIDE = ("وأضاف البيان أن الجانبين ناقشا ملف النازحين. كما تطرق اللقاء إلى الأوضاع الاقتصادية في الإقليم. "
         "وأشار إلى أهمية الحوار.")
UNPLACED = ("وقالت خلية الإعلام الأمني في بيان اليوم إن عناصر من داعش هاجموا قوة للشرطة الاتحادية، "
            "ما أدى إلى استشهاد اثنين من المنتسبين وجرح اثنين آخرين.")


@pytest.mark.parametrize("body", [
    f"{COORDINATION}\n\n{KIRKUK_SHORT}\n\n{UNPLACED}",
    f"{COORDINATION}\n\n{KIRKUK_SHORT}\n\n{ASIDE}\n\n{UNPLACED}",  # the statement far from the incident
    f"{KIRKUK_SHORT}\n\n{COORDINATION}\n\n{UNPLACED}",  # the incident first
], ids=["statement-next", "statement-far", "incident-first"])
def test_the_scene_is_kirkuk_not_the_headline_or_the_dispute(body):
    article = Article.from_parts("brief-article", TITLES[1], body, published=date(2021, 8, 3))
    events = extract_events(article)
    assert [(e.location.admin1, e.event_date) for e in events] == [("Kirkuk", date(2021, 8, 2))]
