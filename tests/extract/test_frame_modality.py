"""One source of truth for modality: a frame's flags decide whether its predicate tells an incident.

``modality.toml`` (and triggers.toml [modality]) set the flags in the frame stage; the mention stage
reads them for every trigger a frame covers.  Every sentence is invented for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import default_pipeline, extract_events

PUBLISHED = date(2021, 8, 3)


def _flags(text: str, lemma: str) -> list[str]:
    doc = default_pipeline().run(Article("t", text, published=PUBLISHED))
    found = [f.to_record()["flags"] for f in doc.frames if f.predicate.lemma == lemma]
    assert found, [f.predicate.lemma for f in doc.frames]
    return found[0]


def _events(text: str) -> list[str]:
    return [e.sub_event_type for e in extract_events(Article("t", text, published=PUBLISHED), include_unlocated=True)]


@pytest.mark.parametrize(("text", "lemma", "flag"), [
    # modality.toml frames set the flags of the frames in their scope
    ("يتخوف الأهالي أن يهاجم مسلحو داعش القرية في ديالى", "هاجم", "planned"),
    ("يعتقد مسؤولون أن المسلحين قتلوا خمسة جنود في كركوك", "قتل", "planned"),
    ("نفت وزارة الدفاع أن طائراتها قصفت قرية في الأنبار", "قصف", "negated"),
    ("فشلت القوات في اقتحام البلدة في صلاح الدين", "اقتحم", "negated"),
    ("شن النائب حملة على الفساد وهاجم الحكومة في بغداد", "هاجم", ""),  # real verb beside a figure of speech
])
def test_modality_words_flag_the_frames_in_their_scope(text: str, lemma: str, flag: str) -> None:
    flags = _flags(text, lemma)
    assert (flag in flags) if flag else not flags, flags


@pytest.mark.parametrize("text", [
    "يتخوف الأهالي أن يهاجم مسلحو داعش القرية في ديالى",  # feared (modality.toml)
    "نفت وزارة الدفاع أن طائراتها قصفت قرية في الأنبار",  # denied (triggers.toml)
    "وصل المسلحون إلى القرية في ديالى ليقتلوا المختار",  # a purpose (the frame's own grammar)
    "سيقصف الطيران مواقع المسلحين في الأنبار",  # the future, told by the verb's prefix
    "أطلقت الشرطة سراح خمسة معتقلين في كركوك",  # a verb in a sense that is no violence
])
def test_a_flagged_frame_makes_no_event(text: str) -> None:
    assert _events(text) == [], text


@pytest.mark.parametrize("text", [
    "قتل مسلحون خمسة جنود في هجوم على نقطة تفتيش في كركوك",
    "قصفت الطائرات مواقع المسلحين في الأنبار",
    "اقتحمت قوة من الشرطة منزلا في بعقوبة واعتقلت مطلوبين",
])
def test_an_unflagged_frame_still_makes_its_event(text: str) -> None:
    assert _events(text), text


@pytest.mark.parametrize(("text", "lemma", "flags"), [
    # a purpose's complement ends at the cause it gives: the cause happened (verbal noun, passive sense)
    ("وصل الوزير إلى مدينة الناصرية سعيا إلى تهدئة الغضب على خلفية مقتل متظاهر برصاص الشرطة أمس", "قتل", []),
    # a call, then a cause with بعد (plural victims)
    ("دعت الأحزاب إلى التهدئة بعد مقتل ثلاثة محتجين في مدينة الكوت أمس", "قتل", []),
    # a plan, then a cause with إثر: the bombing happened, the attack is still a plan
    ("يخطط الجيش لشن هجوم جديد إثر تفجير استهدف حاجزا في قضاء الطارمية", "استهدف", []),
    ("يخطط الجيش لشن هجوم جديد إثر تفجير استهدف حاجزا في قضاء الطارمية", "هجم", ["planned"]),
])
def test_a_cause_ends_the_complement_of_a_plan_or_call(text: str, lemma: str, flags: list[str]) -> None:
    assert _flags(text, lemma) == flags


@pytest.mark.parametrize("text", [
    "أصدرت الفصائل بيانا محذرة من إقدام التنظيم على إعدام الأسرى في ريف درعا",  # participle, feminine
    "حذر المرصد من قصف قوات النظام لبلدة خان شيخون في ريف إدلب",  # perfect, masculine
    "يحذر ناشطون من اقتحام مسلحي داعش لمخيم اليرموك جنوب دمشق",  # imperfect, plural
    "حذرت الأمم المتحدة من هجوم قوات النظام على مدينة إدلب",  # perfect, feminine
])
def test_a_warning_tells_what_may_be_done_not_what_was(text: str) -> None:
    """حذّر (verbs.toml, a threat like هدد): the clause it governs has not happened."""
    assert _events(text) == [], text


def test_a_warning_beside_a_real_incident_leaves_it() -> None:
    assert _events("قتل ثلاثة مدنيين بقصف لقوات النظام على بلدة خان شيخون في ريف إدلب، محذرا من تصعيد جديد")


@pytest.mark.parametrize("text", [
    "قال المبعوث الأممي إن الهجوم المحتمل لقوات النظام على مدينة إدلب سيكون كارثيا",  # masculine noun, possible
    "نزحت عشرات العائلات من ريف درعا خوفا من معركة وشيكة بين الجيش والفصائل",  # feminine, indefinite, imminent
    "ناقش الوزراء العملية العسكرية المرتقبة لتحرير مدينة تلعفر",  # an adjective between noun and qualifier
    "أعلن الجيش أن الغارات المقبلة على مواقع التنظيم في الرقة ستكون أعنف",  # plural, next
])
def test_an_event_noun_qualified_as_expected_is_not_done(text: str) -> None:
    """modality.toml [predicate_scope] irrealis_after: a qualifier right after the noun puts the act ahead."""
    assert _events(text) == [], text


def test_a_qualifier_after_a_comma_leaves_the_incident() -> None:
    assert _events("قتل خمسة مدنيين بغارة على مدينة إدلب أمس، والمتوقع ارتفاع الحصيلة") == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "حذرت الخارجية الأمريكية طهران من مغبة مهاجمة سفارتها في بغداد",  # a feminine subject, a verbal noun
    "نحذر التنظيم من مغبة الهجوم على القرى الآمنة في ريف كركوك",  # first person plural, a definite noun
    "حذر زعماء العشائر، في بيان صدر عنهم، الميليشيات من مغبة قصف مدينة الفلوجة",  # a long gap before مغبة
])
def test_the_consequences_of_an_act_are_of_one_not_done(text: str) -> None:
    """"من مغبة" (triggers.toml irrealis): the act whose consequences are warned of may come, it has not."""
    assert _events(text) == [], text


@pytest.mark.parametrize("text", [
    "قال الأهالي إن مسلحي التنظيم ما زالوا يقصفون قرى ناحية القيارة بقذائف الهاون",  # third person plural
    "قال المقاتلون: ما زلنا نشتبك مع عناصر التنظيم على أطراف مدينة الرقة",  # first person plural
    "أفاد ناشطون بأن الطائرات الحربية ظلت تقصف بلدات ريف إدلب الجنوبي، وأن المدنيين ظلوا يفرون منها",  # feminine
])
def test_still_in_every_person_is_an_ongoing_state(text: str) -> None:
    """modality.toml [frame.ongoing]: "still" tells a state that goes on, not an incident of the day."""
    assert _events(text) == [], text


@pytest.mark.parametrize("text", [
    "قال الرئيس الروسي إن أي ضربات جديدة على مدينة دمشق قد تؤدي إلى فوضى",  # plural noun, the subject
    "تتصدى الدفاعات الجوية لأية غارة على مدينة حماة",  # feminine, with the preposition joined
    "ترفض العشائر أي قصف للقرى الآمنة في ريف كركوك",  # a verbal noun after an imperfect
])
def test_any_act_of_a_kind_is_no_incident(text: str) -> None:
    """modality.toml [predicate_scope] generic_before: "any" right before the event word names a kind of act."""
    assert _events(text) == [], text


def test_any_after_a_comma_meaning_that_is_leaves_the_incident() -> None:
    assert _events("قتل خمسة أشخاص في انفجار في مدينة بغداد أمس، أي ثلاثة جنود ومدنيان") != []


@pytest.mark.parametrize("text", [
    # a call's complement runs from its complementiser to its comma, whatever aside stands before it
    'ودعت تنسيقيات المحافظات الجنوبية في بيان، إلى مظاهرات حاشدة اليوم في بغداد',
    'دعا الناشطون، عبر مواقع التواصل، إلى تظاهرة كبيرة في ساحة التحرير ببغداد',
    'وطالبت اللجنة المنظمة في بيانها، بأن يخرج المتظاهرون في البصرة غدا',
    'تخشى الأمم المتحدة، بحسب مسؤول فيها، أن تشن القوات هجوما على إدلب',
    'يتوقع المراقبون، وفق تقرير نشر اليوم، أن تندلع اشتباكات عنيفة في ريف حماة',
    'ودعا زعيم التيار أنصاره في تغريدة، إلى مظاهرة مليونية في ساحة التحرير ببغداد',
])
def test_an_aside_before_the_complementiser_does_not_end_the_complement(text: str) -> None:
    assert _events(text) == [], text


@pytest.mark.parametrize("text", [
    # the complement ends at its own comma: what is told after it is news
    "دعت الأحزاب السياسية في المحافظة إلى التهدئة وضبط النفس، بعدما قتل ثلاثة محتجين في مدينة الكوت أمس",
    "دعا المحافظ، في كلمة له، إلى الهدوء، فيما فرقت الشرطة تظاهرة في الكوت أمس",
])
def test_what_follows_the_complements_comma_is_still_news(text: str) -> None:
    assert _events(text), text


@pytest.mark.parametrize("text", [
    # a call told as a noun, or by the verb in the plural, has not happened yet
    "أمهل شيوخ العشائر الحكومة أسبوعين قبل الدعوة لتظاهرات واسعة في الناصرية",
    "وجه الناشطون دعوة للتظاهر أمام مبنى المحافظة في البصرة",
    "دعوا الأهالي إلى الاعتصام في ساحة التحرير ببغداد",
    # nor what one wants
    "قالت الناشطة: لا نريد أن تكون المظاهرات في ذي قار ساحة لتصفية الحسابات",
])
def test_a_call_or_a_wish_is_no_event(text: str) -> None:
    assert _events(text) == [], text


def test_a_protest_where_a_call_was_made_is_still_an_event() -> None:
    assert _events("وجاءت الدعوة خلال تظاهرة حاشدة في ساحة التحرير وسط بغداد أمس"), "a protest, not called for"
