"""Which places of a clause are its scenes: lists after a word of nearness, places each named with their
own "near", and clauses that a conjunction of contrast opens (mentions._pick_sites, mentions._clauses).

Every sentence is invented for these tests; each rule is tried on at least three sentences that vary
person, gender, number, voice and word order.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUB = date(2021, 8, 18)


def _admin1(text: str) -> list[str]:
    return sorted(e.location.admin1 for e in extract_events(Article("t", text, published=PUB)))


# --- one "near" governs the whole list after it ----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("نفذت طائرات التحالف أمس غارات قرب الموصل وكركوك والرمادي استهدفت مواقع لداعش.",
     ["Anbar", "Kirkuk", "Ninewa"]),
    ("استهدفت الضربات الجوية وحدات تكتيكية للتنظيم بالقرب من حلب والرقة.", ["Aleppo", "Ar-Raqqa"]),
    ("قال التحالف إن مقاتلاته شنت اليوم غارات على أهداف للمتشددين قرب بيجي والفلوجة.", ["Anbar", "Salah al-Din"]),
    ("وقرب الحسكة ودير الزور شنت الطائرات الأمريكية غارتين دمرتا مواقع قتالية.", ["Al-Hasakah", "Deir ez-Zor"]),
])
def test_a_list_after_near_is_one_scene_each(text: str, expected: list[str]) -> None:
    """"قرب X وY وZ": the preposition governs every item; the items after the first are no more "in" than
    it, so the first is not dropped as "only near" beside them."""
    assert _admin1(text) == expected


# --- places each named with its own "near" -----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وقال البيان إن خمس غارات قرب الرمادي دمرت مواقع للتنظيم، إضافة إلى قصف أربع غارات قرب بيجي.",
     ["Anbar", "Salah al-Din"]),
    ("نفذ التحالف ثلاث ضربات بالقرب من حلب وضربت أهداف مماثلة بغارتين أخريين بالقرب من الحسكة.",
     ["Al-Hasakah", "Aleppo"]),
    ("شنت المقاتلات ست غارات جوية قرب الموصل ومثلها قرب كركوك.", ["Kirkuk", "Ninewa"]),
])
def test_each_place_named_with_its_own_near_is_a_scene(text: str, expected: list[str]) -> None:
    """A clause that names only "near" places, each after its own word of nearness, tells one event near
    each: no one of them is the scene more than another."""
    assert _admin1(text) == expected


def test_a_direction_only_locates_the_place_before_it() -> None:
    """"X جنوب Y" is not two scenes: Y only says where X lies."""
    assert _admin1("انفجرت عبوة ناسفة قرب ناحية العلم جنوب تكريت.") == ["Salah al-Din"]


# --- a conjunction of contrast opens a clause of its own ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قصفت الطائرات الحربية بلدة كفرنبل في ريف إدلب بينما دارت اشتباكات عنيفة في ريف حماة الشمالي.",
     ["Hama", "Idlib"]),
    ("قتل جنديان بهجوم مسلح في الموصل أمس فيما انفجرت عبوة ناسفة في الفلوجة.", ["Anbar", "Ninewa"]),
    ("اعتقلت قوات الأمن ثلاثة مطلوبين في البصرة وبينما تظاهر مئات المحتجين في الناصرية.", ["Basra", "Dhi Qar"]),
])
def test_a_clause_after_a_conjunction_of_contrast_has_its_own_scene(text: str, expected: list[str]) -> None:
    """"بينما"، "فيما" (while, whereas) open a new clause even without a comma: an event on each side,
    each at the place its own clause names."""
    assert _admin1(text) == expected


# --- the words before a clause's act do not close it ------------------------------------------------

def _types(text: str) -> list[tuple[str, str]]:
    return sorted((e.location.admin1, e.sub_event_type) for e in extract_events(Article("t", text, published=PUB)))


@pytest.mark.parametrize(("text", "expected"), [
    # the previous sentence's aftermath, with no act of its own, opens the first clause
    ("وكبدوا قوات النظام خسائر فادحة، وقصفت المعارضة بلدة نبل في ريف حلب فيما قال التحالف إن طائراته شنت "
     "غارات على مواقع لداعش قرب الحسكة.",
     [("Al-Hasakah", "Air/drone strike"), ("Aleppo", "Shelling/artillery/missile attack")]),
    # an attribution with an aside between commas before the act
    ("وقال المرصد السوري، ومقره لندن، إن الطائرات الروسية قصفت بلدة كفرنبل في ريف إدلب بينما دارت اشتباكات "
     "عنيفة في ريف حماة الشمالي.", [("Hama", "Armed clash"), ("Idlib", "Air/drone strike")]),
    ("وأفادت مصادر محلية، طلبت عدم ذكر اسمها، بأن عبوة ناسفة انفجرت في الفلوجة فيما هاجم مسلحون حاجزا للجيش "
     "في الموصل.", [("Anbar", "Remote explosive/landmine/IED"), ("Ninewa", "Armed clash")]),
])
def test_a_clause_names_its_scene_after_its_act(text: str, expected: list[tuple[str, str]]) -> None:
    """A clause's scene is told with its act: the words before the act (an attribution and its asides, or a
    part with no act of its own) do not end the clause at their comma, so each incident keeps its own
    place and its own type (the coalition's strikes are not the opposition's shelling)."""
    assert _types(text) == expected


# --- "X، حيث ...": the act after "where" happened at X --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("امتدت الاحتجاجات من الناصرية إلى العاصمة بغداد، حيث فرقت قوات الأمن المتظاهرين بالرصاص الحي.",
     ["Baghdad"]),
    ("بعد أسبوع من المعارك في ريف دير الزور انتقل القتال إلى الرقة، حيث قتل عشرة مسلحين.", ["Ar-Raqqa"]),
    ("تراجعت حدة القصف في إدلب وانتقلت المعارك إلى ريف حماة، حيث قتل خمسة جنود.", ["Hama"]),
    ("اتسعت الاحتجاجات في الناصرية والسماوة لتصل إلى الكوت، حيث قتلت الشرطة متظاهرا.", ["Wasit"]),
])
def test_the_act_after_where_happened_at_the_place_before_it(text: str, expected: list[str]) -> None:
    """The adverb of place حيث (where) sets the clause after it at the place just before it, whatever other
    places the sentence named first."""
    assert _admin1(text) == expected


def test_a_where_clause_that_names_its_own_place_keeps_it() -> None:
    """"من البصرة، حيث أغلق المحتجون ميناء أم قصر": the clause after "where" names the port itself."""
    found = extract_events(Article("t", "خرجت التظاهرات أمس من البصرة، حيث أغلق المحتجون ميناء أم قصر.",
                                   published=PUB))
    assert [e.location.name_ar for e in found] == ["أم قصر"]


# --- a list of villages whose first item is located goes on after the locating phrase ------------------------

def _places(text: str) -> list[str]:
    return [e.location.name_ar for e in extract_events(Article("t", text, published=PUB))]


@pytest.mark.parametrize(("text", "expected"), [
    ("هاجم مسلحو تنظيم الدولة الإسلامية الأربعاء قرى عراجة شرق مدينة السويداء وتيما والشبكي، وقتلوا 12 شخصا.",
     ["عراجة", "تيما", "الشبكي"]),
    ("قصفت الطائرات الروسية الثلاثاء قرى كفرنبل جنوب إدلب وحاس وكفرومة، ما أدى إلى مقتل ستة مدنيين.",
     ["كفرنبل", "حاس", "كفرومة"]),
    ("استعادت قوات النظام السوري الاثنين بلدات الهبيط غرب خان شيخون وعابدين بعد معارك مع الفصائل.",
     ["الهبيط", "عابدين"]),
])
def test_items_of_one_cue_list_are_one_scene_each(text: str, expected: list[str]) -> None:
    """"قرى X شمال مدينة Y وZ وW": the phrase that locates X does not end the list; the items of one plural
    cue's list share its head (mentions._list_heads), so each is a scene (codebook §1), the toll split."""
    assert _places(text) == expected


# --- a governorate or area named after a place "near" only locates it ---------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("اشتبك مقاتلو المعارضة مع قوات النظام قرب مدينة مورك، في ريف حماة الشمالي.", "مورك"),
    ("سقطت قذائف صاروخية بالقرب من بلدة نبل وتعرضت مناطق أخرى في محافظة حلب لقصف مماثل.", "نبل"),
    ("استهدفت غارات جوية محيط مدينة الميادين التي يشهد ريفها وريف دير الزور الشرقي معارك عنيفة.", "الميادين"),
    ("دارت اشتباكات في محيط مدينة تدمر بين التنظيم وقوات النظام التي تحاول التقدم في بادية حمص.", "تدمر"),
])
def test_a_container_named_after_a_near_place_only_locates_it(text: str, name: str) -> None:
    """"In" a governorate or area named after a town told "near" is where the town lies, not a scene more
    precise than it: the event is near the town (codebook §4, the most specific place)."""
    events = extract_events(Article("t", text, published=PUB))
    assert [e.location.name_ar for e in events] == [name]
    assert events[0].location.geo_precision == 2


# --- a word of a place name a cue introduces is no actor, whatever the place's role -------------------

@pytest.mark.parametrize("text", [
    "نفذ الطيران الحربي السوري غارات على قرى الزويك والدويركة وساقية الكرت بجبل الأكراد.",
    "قصفت قوات النظام السوري قرى كبانة وعكو بجبل الأكراد في ريف اللاذقية.",
    "دمرت المدفعية السورية منازل في قريتي عكو وكبانة بجبل الأكراد.",
])
def test_a_parent_place_name_names_no_actor(text: str) -> None:
    """"بجبل الأكراد" locates the villages: "الأكراد" in it is the mountain's name, not the Kurdish fighters."""
    events = extract_events(Article("t", text, published=PUB))
    assert events and all(e.actor2 is None for e in events)


# --- "X and other cities, among them Y and Z" is one list of scenes (place_cues.toml ``list_others``;
# mentions._joins_the_cue); a comma after the item joined with و ends a list of places (toponyms._list_after)

@pytest.mark.parametrize(("text", "expected"), [
    ("تظاهر أمس الآلاف في بغداد ومدن أخرى، منها البصرة والنجف، احتجاجا على انقطاع الكهرباء.",
     ["Baghdad", "Basra", "Najaf"]),
    ("خرجت تظاهرات غاضبة اليوم في الناصرية ومدن أخرى منها العمارة والكوت احتجاجا على انقطاع الكهرباء.",
     ["Dhi Qar", "Maysan", "Wasit"]),
    ("واعتصم المحتجون في كربلاء ومدن أخرى، منها الحلة والديوانية، للمطالبة بفرص عمل.",
     ["Babil", "Karbala", "Qadisiyah"]),
])
def test_other_cities_among_them_are_scenes(text: str, expected: list[str]) -> None:
    """"في X ومدن أخرى، منها Y وZ": "other" sets X among the cities; the list after the opener names the
    other scenes under the same preposition, one event each (codebook §1)."""
    assert _admin1(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("تظاهر أمس الآلاف في بغداد ومدن أخرى، منها البصرة والنجف، مطالبين بتحسين الخدمات.",
     ["Baghdad", "Basra", "Najaf"]),
    ("احتج المئات في مدن الرمادي والفلوجة، مرددين شعارات ضد الفساد.", ["Anbar", "Anbar"]),
    ("أغلقت متظاهرات طرقا في مدن الكوت والعمارة، مطالبات بالإفراج عن أبنائهن.", ["Maysan", "Wasit"]),
])
def test_a_comma_after_the_item_joined_with_wa_ends_the_list(text: str, expected: list[str]) -> None:
    """و joins a list's last item: a word after a comma that follows it goes on with the sentence ("والنجف،
    مطالبين"), it is no further place the gazetteer lacks."""
    assert _admin1(text) == expected
