"""Habits: a clause that tells what an actor does as a rule describes it, it reports no incident.

The imperfect read as a habit (``frames._habitual_spans``), from its verb up to the next comma, is flagged
*habitual*: its act words make no event and lend no side to an incident told elsewhere.  Two marks:

* an adverb of frequency next to the verb ("عادة ما"، "نادرا ما"، "أحيانا"، "في بعض الأحيان");
* a generic object: a bare plural act noun after a light or claim verb ("تتبنى عمليات اغتيال وتفجيرات"،
  "وتشن تركيا غارات على مواقع الحزب").

What an actor is known for is a habit too (modality.toml [frame.reputation]: "المعروف بتنفيذ تفجيرات").
The day's news in the imperfect stays an event: a singular act ("يشن الجيش هجوما")، a headline, the past
progressive after كان, a clause that names a day ("منذ صباح اليوم"، "الجمعة").  Every sentence is invented
for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import default_pipeline, extract_events

PUBLISHED = date(2021, 8, 3)
_UNIDENTIFIED = "Unidentified armed group"


def _flags(text: str, lemma: str, title: str = "") -> list[str]:
    doc = default_pipeline().run(Article.from_parts("t", title, text, PUBLISHED))
    found = [f.to_record()["flags"] for f in doc.frames if f.predicate.lemma == lemma]
    assert found, [f.predicate.lemma for f in doc.frames]
    return found[-1]


def _events(text: str, title: str = "") -> list[str]:
    article = Article.from_parts("t", title, text, PUBLISHED)
    return [e.sub_event_type for e in extract_events(article, include_unlocated=True)]


@pytest.mark.parametrize(("text", "lemma"), [
    # an adverb of frequency before the verb (3fs), with a generic object too
    ("وعادة ما تنفذ تركيا ضربات جوية ضد مواقع الحزب في قضاء العمادية", "نفذ"),
    # "rarely" (3ms), a verb with no object
    ("ونادرا ما يشتبك الجيش مع المسلحين في ريف حماة الشمالي", "اشتبك"),
    # the adverb after the verb and its subject (plural subject, VSO)
    ("ويتبنى المسلحون أحيانا هجمات على الحواجز في ديالى", "تبني"),
    # a generic object after a claim verb in a clause that describes cells (SVO, 3fs)
    ("وينشط التنظيم في المحافظة على شكل خلايا نائمة تتبنى عمليات اغتيال وتفجيرات", "تبني"),
    # a generic object after a light verb (VSO, 3fs)
    ("وتشن تركيا غارات على مواقع الحزب في قضاء سنجار", "شن"),
    # a relative clause that describes a state (3fs), its object a bare plural
    ("وتحالف المقاتلون مع الولايات المتحدة التي تشن ضربات جوية ضد التنظيم في سوريا", "شن"),
    # the third person plural
    ("وينفذون هجمات على القرى الآمنة في ديالى", "نفذ"),
    # قام marks its object with ب; the genitive of the act noun is in the habit too (not a verb in the perfect)
    ("ويقوم عناصر التنظيم بعمليات خطف واغتيال في المنطقة", "قام"),
    ("ويقوم عناصر التنظيم بعمليات خطف واغتيال في المنطقة", "خطف"),
    # a long name between the verb and its adverb and object (a name's words are not counted)
    ('ويتبنى تنظيم "الدولة الإسلامية" في بعض الأحيان عمليات اغتيال في إدلب', "تبني"),
])
def test_a_habit_flags_its_frame(text: str, lemma: str) -> None:
    assert "habitual" in _flags(text, lemma)


@pytest.mark.parametrize(("text", "lemma"), [
    ("يشن الجيش هجوما على مواقع التنظيم في الأنبار", "شن"),  # one act, the singular: the day's news
    ("وكان الطيران يحلق فوق المدينة وينفذ غارات على أحيائها في دوما", "نفذ"),  # the past progressive
    ("شنت الطائرات غارات على ريف إدلب الجنوبي", "شن"),  # the perfect
    ("وتشن الطائرات الغارات على ريف إدلب", "شن"),  # a definite object: these raids
    ("وتشن الطائرات الحربية منذ صباح اليوم غارات مكثفة على مدينة دوما", "شن"),  # dated: the day's news
    ("وينفذ الطيران الروسي الجمعة ضربات على مواقع الفصائل في ريف حماة", "نفذ"),  # a weekday (3ms)
    ("قامت الطائرات بغارات على مواقع التنظيم في الرقة", "قام"),  # the perfect, its object marked by ب
    # a verb in the perfect after the habit tells a past act of its own
    ("وتشن تركيا غارات على مواقع الحزب وقتلت خمسة مسلحين في قضاء سنجار", "قتل"),
])
def test_news_in_the_imperfect_is_no_habit(text: str, lemma: str) -> None:
    assert "habitual" not in _flags(text, lemma)


def test_a_headline_in_the_imperfect_is_news() -> None:
    title = "الجيش العراقي يشن غارات على مواقع التنظيم في الأنبار"
    assert "habitual" not in _flags("قال مصدر أمني إن الطائرات قصفت مواقع التنظيم.", "شن", title=title)


@pytest.mark.parametrize("text", [
    "وينشط التنظيم في المحافظة على شكل خلايا نائمة تتبنى عمليات اغتيال وتفجيرات في إدلب",
    "وعادة ما تنفذ تركيا ضربات جوية ضد مواقع الحزب في قضاء العمادية",
    "وتشن تركيا غارات على مواقع الحزب في قضاء سنجار",
])
def test_a_habit_makes_no_event(text: str) -> None:
    assert _events(text) == [], text


@pytest.mark.parametrize("text", [
    # a claim of assassinations and bombings as what cells do: no claim of the day's explosion
    "قتل خمسة أشخاص في انفجار عبوة ناسفة في بلدة سرمدا بمحافظة إدلب أمس. وينشط تنظيم الدولة الإسلامية في "
    "المحافظة على شكل خلايا نائمة تتبنى عمليات اغتيال وتفجيرات.",
    # the same, the claim verb in the masculine and an adverb of frequency
    "أصيب ثلاثة مدنيين بانفجار سيارة مفخخة في مدينة الباب أمس. ويتبنى تنظيم الدولة الإسلامية أحيانا تفجيرات "
    "في المنطقة.",
])
def test_a_habit_lends_no_agent_to_an_unclaimed_bombing(text: str) -> None:
    article = Article.from_parts("t", "", text, PUBLISHED)
    events = extract_events(article)
    assert events and all(e.actor1 is not None and e.actor1.name == _UNIDENTIFIED for e in events), \
        [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize("text", [
    # known for bombings (masculine), after a bombing no one claimed
    "قتل خمسة أشخاص في انفجار عبوة ناسفة في بلدة سرمدا بمحافظة إدلب أمس. وتنتشر في المنطقة خلايا لتنظيم داعش "
    "المعروف بتنفيذ تفجيرات واغتيالات.",
    # known for attacks (a named militia, feminine plural) after an attack on a checkpoint ("وقد شنت هجمات" lends it)
    "قتل ثلاثة جنود في هجوم على حاجز في قضاء المقدادية بديالى أمس. وتنشط في المنطقة كتائب حزب الله "
    "المعروفة بشن هجمات على الحواجز.",
    # known for massacres (the plural of the group's cells), after gunmen's attack
    "هاجم مسلحون مجهولون حاجزا للجيش في قضاء المقدادية بديالى أمس. وتتحصن في البساتين خلايا تنظيم داعش المعروفة "
    "بارتكاب مجازر بحق المدنيين.",
])
def test_what_a_group_is_known_for_lends_it_no_incident(text: str) -> None:
    article = Article.from_parts("t", "", text, PUBLISHED)
    events = extract_events(article)
    assert events and all(e.actor1 is not None and e.actor1.name == _UNIDENTIFIED for e in events), \
        [(e.sub_event_type, e.actor1) for e in events]
