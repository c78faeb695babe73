"""A verb of many senses, or one written like a noun, reports its act when its doer follows it (verbs.toml
`doer_cue`, analyse._with_doer_cues): "فجر" is "blew up" before an armed group and "dawn" before a day; "دمر"
is an attack when forces or aircraft destroy, nothing when a fire or a flood does (docs/extraction.md,
"Verbs known by their doer")."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)


def types(text: str) -> list[str]:
    return [e.sub_event_type for e in extract_events(Article("t", text, published=PUBLISHED))]


@pytest.mark.parametrize("text", [
    "فجر عناصر داعش جسرا في مدينة الرمادي أمس.",  # a group's members, masculine singular verb before a plural
    "وفجر مسلحون مجهولون عبوة ناسفة قرب سوق شعبي في بعقوبة.",  # with و, an unnamed group
    "فجر التنظيم منزلا لأحد عناصر الشرطة في قرية البو نمر غرب الرمادي.",  # the group by its name alone
    "فجر مسلحو التنظيم مدرسة في الحويجة.",  # a group's fighters in construct
])
def test_blew_up_before_its_doer(text: str) -> None:
    assert types(text) == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text", [
    "فجر الأحد وصل وفد حكومي إلى مدينة الرمادي.",  # dawn on a day
    "وصل الوزير إلى بعقوبة منذ فجر اليوم لافتتاح مدرسة.",  # after a preposition
    "بدأت الاحتفالات بعيد الفطر في الموصل مع فجر العيد.",
])
def test_dawn_is_no_act(text: str) -> None:
    assert types(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("دمرت طائرات التحالف مضافة لداعش في قضاء القائم أمس.", "Air/drone strike"),  # feminine, aircraft
    ("دمر الطيران الحربي آلية للتنظيم في ريف دير الزور الشرقي.", "Air/drone strike"),  # masculine
    ("دمرت وحدات من الجيش أوكارا للإرهابيين في ريف حماة الشمالي.", "Armed clash"),  # units of the army
    ("دمرتها طائرات حربية روسية في بلدة عابدين قرب خان شيخون.", "Air/drone strike"),  # object pronoun
])
def test_destroyed_by_forces(text: str, expected: str) -> None:
    assert types(text) == [expected]


@pytest.mark.parametrize("text", [
    "دمر الحريق مخازن الحبوب في ناحية الرشاد.",  # a fire
    "دمرت السيول عشرات المنازل في قضاء الشرقاط.",  # a flood
    "دمرت الأمطار جسرا في مدينة السليمانية.",
])
def test_destroyed_by_no_doer(text: str) -> None:
    assert types(text) == []



@pytest.mark.parametrize("text", [
    "قطع عدد من المحتجين الطريق المؤدي إلى ميناء أم قصر في البصرة أمس.",  # "a number of" before them
    "أغلق عشرات المتظاهرين الطريق الرئيسي في مدينة الناصرية أمس.",  # another verb, "tens of"
    "وأغلقت المحتجات مدخل مبنى المحافظة في الديوانية أمس.",  # feminine plural, with و
])
def test_demonstrators_blocking_a_road(text: str) -> None:
    assert types(text) == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "قطع مسلحون مجهولون الطريق بين بغداد وكركوك.",  # gunmen: no demonstration
    "قطعت السلطات التيار الكهربائي عن مدينة البصرة أمس.",  # the authorities cut the power
    "أغلقت القوات الأمنية الطرق المؤدية إلى ساحة التحرير في بغداد.",  # forces close roads
])
def test_blocking_by_others_is_no_demonstration(text: str) -> None:
    assert types(text) == []
