"""Sub-event types, event dates and non-events: invented reports through the whole extractor.

Each rule is tried on several sentences that vary person, gender, number, voice and word order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)  # a Tuesday


def _records(text: str, published: date | None = PUBLISHED) -> list[dict[str, Any]]:
    return [e.to_record() for e in extract_events(Article("t", text, published=published))]


# --- dates: a weekday named beside "أمس"/"اليوم" -----------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    # listed a day before the writing day: "أمس الثلاثاء" on a Tuesday's date is that Tuesday
    ("قتل جنديان عراقيان أمس الثلاثاء بهجوم شنه مسلحو داعش على نقطة تفتيش في قضاء الحويجة.", "2021-08-03"),
    # listed a day after it: "مساء أمس الأحد" on a Tuesday is Sunday, not Monday
    ("أصيبت امرأتان بجروح مساء أمس الأحد بسقوط قذيفة هاون على حي الجديدة في مدينة بعقوبة.", "2021-08-01"),
    ("اغتال مسلحون مجهولون اليوم الإثنين ناشطا مدنيا في مدينة العمارة.", "2021-08-02"),
    # a weekday far from the relative word is no neighbour of the writing day: "أمس" is read as it is
    ("فجر انتحاريون أنفسهم أمس الخميس وسط سوق شعبي في مدينة الفلوجة.", "2021-08-02"),
])
def test_weekday_beside_relative_day(text: str, day: str) -> None:
    assert [r["event_date"] for r in _records(text)] == [day]


# --- sub-event types: the codebook's priority order ---------------------------------------------------

@pytest.mark.parametrize(("text", "sub_event"), [
    ("فجر انتحاري نفسه بحزام ناسف وسط تجمع للمدنيين في مدينة منبج أمس.", "Suicide bomb"),
    ("انفجرت سيارة مفخخة مركونة قرب مطعم في حي الكرادة ببغداد، ما أسفر عن مقتل ثلاثة مدنيين.",
     "Remote explosive/landmine/IED"),
])
def test_a_bombing_with_no_fight_keeps_its_weapon(text: str, sub_event: str) -> None:
    """Codebook §2 guidance: a suicide attacker is a Suicide bomb, a car bomb with none an IED."""
    assert [r["sub_event_type"] for r in _records(text)] == [sub_event]


# --- the quarter the body names inside the headline's city ------------------------------------------

@pytest.mark.parametrize(("title", "body", "quarter"), [
    ("قتلى بقذيفة على حلب", "قتل أربعة مدنيين أمس بسقوط قذيفة صاروخية على حي المغاير في حلب القديمة.", "المغاير"),
    ("جرحى بانفجار في الموصل",
     "أصيبت ثلاث نساء بجروح حين انفجرت عبوة ناسفة زرعها مجهولون في حي الزهور الجديد بمدينة الموصل.", "الزهور"),
    ("اغتيال ناشط في البصرة", "اغتال مسلحون مجهولون الناشط المدني أمس في حي البساتين القديمة وسط مدينة البصرة.",
     "البساتين"),
    ("قصف على دوما", "قصفت قوات النظام بالمدفعية حي الشفونية الغربي في مدينة دوما، ما أدى إلى مقتل طفلين.", "الشفونية"),
])
def test_the_body_quarter_refines_the_headline_city(title: str, body: str, quarter: str) -> None:
    """A quarter the gazetteer does not list stands at its city's point; named by the body inside the city
    the headline names, it is the event's place (codebook §4: the most specific named place)."""
    article = Article.from_parts("t", title, body, published=PUBLISHED)
    assert [e.to_record()["location_ar"] for e in extract_events(article)] == [quarter]


# --- non-events: calls, decisions, appeals, habits ---------------------------------------------------

@pytest.mark.parametrize("text", [
    # a call whose subject is a long noun phrase: its "إلى" opens the complement further from the verb
    "دعت تنسيقيات الحراك الشعبي في المحافظات الجنوبية إلى الخروج بمظاهرات حاشدة في ساحة التحرير ببغداد يوم الجمعة.",
    "دعا عدد من شيوخ عشائر مدينة الرمادي إلى التظاهر أمام مبنى محافظة الأنبار.",
    "يدعو ناشطون ومدونون من أبناء الناصرية إلى الاعتصام في ساحة الحبوبي وسط المدينة.",
])
def test_a_call_with_a_long_subject_is_no_protest(text: str) -> None:
    assert _records(text) == []


def test_a_protest_with_a_long_subject_is_one() -> None:
    text = "تظاهر المئات من أهالي مدينة الناصرية أمام مبنى محافظة ذي قار للمطالبة بالكهرباء."
    assert [r["sub_event_type"] for r in _records(text)] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "صدر قرار يقضي باعتقال خمسة من قادة الاحتجاجات في مدينة الناصرية.",
    "أصدر مجلس محافظة صلاح الدين قرارات تقضي بهدم منازل عناصر داعش في مدينة تكريت.",
    "أعلنت الفصائل اتخاذ قرار يقضي بإلقاء القبض على أي شخص يتواصل مع النظام في محافظة إدلب.",
])
def test_a_decision_is_not_the_act_it_provides_for(text: str) -> None:
    """A decision that provides for arrests or demolitions ("قرار يقضي ب") is a policy, not the act."""
    assert _records(text) == []


def test_arrests_made_are_an_event() -> None:
    text = "اعتقلت قوات الشرطة خمسة مطلوبين في مدينة الموصل أمس."
    assert [r["sub_event_type"] for r in _records(text)] == ["Arrests"]


@pytest.mark.parametrize("text", [
    "ناشد محافظ نينوى القوات الأمنية إيقاف اعتقال الشبان في مدينة الموصل.",
    "أصدر ذوو المعتقلين بيانا مناشدين الحكومة الإفراج عن أبنائهم ووقف حملة الاعتقالات في قضاء الحويجة.",
    "تناشد عشائر الأنبار القوات الأمنية اعتقال المسلحين في مدينة هيت.",
])
def test_an_appeal_is_no_event(text: str) -> None:
    assert _records(text) == []


@pytest.mark.parametrize("text", [
    "قصف الطيران التركي قرى ناحية سيدكان مرات عدة في الأسابيع الماضية.",
    "استهدفت المدفعية التركية بانتظام قرى ناحية سيدكان في قضاء سوران.",
    "قصفت قوات النظام باستمرار أحياء مدينة دوما بالبراميل المتفجرة.",
    "تستهدف الطائرات المسيرة مواقع الحزب في جبال قنديل بشكل شبه يومي.",
])
def test_what_is_done_again_and_again_is_no_one_incident(text: str) -> None:
    """A strike repeated over weeks or done as a habit is a running total (codebook §1: one event is one
    place on one day)."""
    assert _records(text) == []


def test_one_strike_of_the_day_is_an_event() -> None:
    text = "قصف الطيران التركي أمس قرى ناحية سيدكان."
    assert [r["sub_event_type"] for r in _records(text)] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    # striving for it
    "تسعى القوات التركية لاستهداف مسلحي حزب العمال الكردستاني في جبال قنديل.",
    "يسعى مسلحو داعش إلى السيطرة على ناحية العلم شرقي تكريت.",
    "يسعون لمهاجمة مقرات الأحزاب في مدينة البصرة، بحسب مصادر أمنية.",
    # said to be impossible
    "من المستحيل قصف مواقع داعش في جبال حمرين بالمدفعية.",
    "يستحيل على الطائرات قصف مخابئ التنظيم في وادي حوران دون قوات برية.",
    "من المستحيل أن يهاجم المسلحون مطار كركوك.",
])
def test_a_striving_or_an_impossibility_is_no_event(text: str) -> None:
    assert _records(text) == []


@pytest.mark.parametrize("text", [
    # a count of strikes or attacks
    "تحتل بريطانيا المرتبة الثانية في عدد الضربات الجوية التي شنتها على داعش في الموصل.",
    "ارتفع عدد الغارات التي نفذها التحالف على مدينة الرقة إلى ثلاثمئة غارة.",
    "تراجع عدد الهجمات بالعبوات الناسفة في العاصمة بغداد.",
    # the recent wave of protests
    "أفرجت السلطات عن 200 معتقل على خلفية التظاهرات الأخيرة في محافظة ميسان.",
    "قتل متظاهر في الاحتجاجات الأخيرة التي شهدتها مدينة الناصرية، بحسب ناشطين.",
    "شارك آلاف في المظاهرات الأخيرة في كربلاء والنجف.",
])
def test_a_count_or_a_wave_is_no_one_incident(text: str) -> None:
    assert _records(text) == []


@pytest.mark.parametrize("text", [
    # what a report concluded looks back
    "وخلص التقرير إلى أن القتلى الذين سقطوا في تظاهرات البصرة قتلوا برصاص عناصر مندسة.",
    "وخلصت اللجنة إلى أن الشرطة أطلقت النار على المحتجين في مدينة الكوت.",
    "خلص التحقيق إلى أن الشرطة قتلت ثلاثة محتجين في مدينة الكوت.",
    # pictures and memorials of the fallen
    "أزيلت صور الشهداء الذين قتلوا في المعارك ضد داعش من شوارع مدينة الحلة.",
    "أعاد مواطنون صورة الشهيد إلى مكانها في ساحة الاحتفالات ببغداد.",
    "علقت صور الذين قتلوا في تفجير الكرادة على جدران الحي في بغداد.",
])
def test_a_conclusion_or_a_memorial_tells_no_incident_of_the_day(text: str) -> None:
    assert _records(text) == []


@pytest.mark.parametrize("text", [
    # on many occasions
    "أوقعت الغارات ضحايا من المدنيين في مدينة الموصل في العديد من المناسبات.",
    "قتل مدنيون بقصف مدفعي على مدينة تلعفر في مناسبات عديدة.",
    "أصيب جنود أتراك بنيران القناصة قرب مدينة الباب في بعض المناسبات.",
    # an investigation's findings
    "قتل 12 مدنيا بغارة للتحالف على حي الجديدة في الموصل، بحسب تحقيق أجرته منظمة العفو الدولية.",
    "أصيب عشرات المحتجين برصاص الشرطة في الناصرية، وفق تحقيق أجراه البرلمان.",
    "كشف تحقيق أجرته صحيفة محلية أن مسلحين اغتالوا ناشطين في البصرة.",
])
def test_occasions_and_investigations_are_no_incident_of_the_day(text: str) -> None:
    assert _records(text) == []


@pytest.mark.parametrize("text", [
    # the day an attack is to start
    "لم يحدد المتحدث تاريخ بدء الهجوم على مدينة الرمادي.",
    "حدد الجيش تاريخ بدء الهجوم على مدينة الحويجة.",
    "يترقب الأهالي تاريخ بدء القصف على مدينة الرقة.",
    # a source that does not mention it
    "ولا تشير الوكالة إلى الغارات التي استهدفت مواقع داعش في الرقة.",
    "لم يذكر البيان الاشتباكات التي شهدتها مدينة بيجي.",
    "لم تشر الشرطة إلى مقتل أي متظاهر في الديوانية.",
])
def test_a_start_date_or_a_silence_is_no_event(text: str) -> None:
    assert _records(text) == []


# --- a ceasefire ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "أعلنت الفصائل التزامها بوقف إطلاق النار في ريف حماة الشمالي.",
    "بحث الزعماء ترتيبات تطبيق وقف إطلاق النار في إدلب.",
    "تطالب الأمم المتحدة بوقف لإطلاق النار في مدينة دوما.",
])
def test_a_ceasefire_is_no_shooting(text: str) -> None:
    """"وقف إطلاق النار" names the shooting that stops (triggers.toml [cue.ceasefire])."""
    assert _records(text) == []


@pytest.mark.parametrize("text", [
    "أعلن مصدر أردني عن التوصل إلى وقف لإطلاق نار في محافظة درعا اليوم.",
    "أعلن الطرفان اتفاقا على وقف إطلاق النار في بلدة الرستن بريف حمص أمس.",
])
def test_a_ceasefire_reached_is_an_agreement(text: str) -> None:
    assert [r["sub_event_type"] for r in _records(text)] == ["Agreement"]
