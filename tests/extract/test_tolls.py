"""The rules of the toll stage (docs/extraction.md, "Toll"), each on invented sentences that vary
person, gender, number, voice and word order."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.doc import Doc
from marsad.extract.toll import TollMention
from marsad.lexicon import load_lexicons
from marsad.model import Article
from marsad.pipeline import STAGES, Pipeline, extract_events
from marsad.text.inflect import conjugate, dual_forms, noun_forms
from marsad.text.normalise import fold

PUBLISHED = date(2021, 8, 3)
_TO_TOLLS = Pipeline(stages=STAGES[: [name for name, _ in STAGES].index("toll") + 1])  # up to the toll stage


def _doc(text: str) -> Doc:
    doc = _TO_TOLLS.run(Article("t", text, published=PUBLISHED))
    assert not doc.finished, "the sentence needs an event word for the toll stage to run"
    return doc


def tolls(text: str) -> list[TollMention]:
    return [t for t in _doc(text).tolls if not t.part and t.kind != "attackers"]


def counts(text: str) -> dict[str, int]:
    """The killed / wounded / combined counts of one sentence (summed per kind)."""
    out: dict[str, int] = {}
    for t in tolls(text):
        out[t.kind] = out.get(t.kind, 0) + t.value
    return out


def record(text: str) -> tuple[int, int]:
    events = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert len(events) == 1, events
    return events[0]["fatalities"], events[0]["injured"]


# --- morphology: one row per lemma makes every form -------------------------------------------

def test_conjugation_covers_person_gender_number_and_object_pronouns():
    forms = conjugate(["قتل"], ["قتل"], transitive=True)
    for form in ("قتل", "قتلت", "قتلا", "قتلتا", "قتلوا", "قتلن", "قتلنا", "يقتل", "تقتل", "يقتلون", "يقتلان",
                 "نقتل", "قتلهم", "قتلوه", "يقتلونهم", "قتلتها"):
        assert form in forms, form


def test_weak_verbs_take_their_stems_from_the_row():
    hollow = conjugate(["اغتال", "اغتل", "اغتيل"], ["غتال", "غتل"], transitive=True)
    assert {"اغتال", "اغتالت", "اغتالوا", "اغتيل", "اغتيلت", "يغتال", "تغتال", "اغتالوه"} <= hollow
    defective = conjugate(["قضي", "قض"], ["قضي", "قض"], transitive=False)
    assert {"قضي", "قضت", "قضوا", "قضيا", "يقضي", "يقضون"} <= defective
    assert "قض" not in defective  # a bare two-letter stem is no word


def test_nouns_take_pronouns_and_duals():
    assert {"اصابه", "اصابته", "اصابتها", "اصابتهم"} <= noun_forms("اصابه")
    assert {"جثتان", "جثتين", "جثتي"} <= dual_forms("جثه")
    assert "قتيلا" not in dual_forms("قتيل")  # the accusative singular, not a dual


def test_the_lexicon_matches_generated_forms_only_where_they_are_casualty_words():
    lex = load_lexicons()
    verbs = lex.word_set("casualty_verbs")
    assert {fold(w) for w in ("اغتيلت", "أصيبوا", "يصابون", "جرحوا", "استشهدوا", "توفيت", "تصفيه")} <= (
        verbs | lex.word_set("toll_verb_nouns"))
    assert "نصاب" not in verbs and "نصيب" not in verbs  # dropped by the row's `not`
    assert fold("أصيب") not in lex.word_set("strict_casualty")  # "he was hit" is sure, though "I hit" is also أصيب


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("قتلت امرأتان بقصف على مدينة أريحا.", "killed", 2),
    ("اغتيلت ناشطة بإطلاق نار في البصرة.", "killed", 1),
    ("استشهد ثلاثة جنود بهجوم في سامراء.", "killed", 3),
    ("أصيبت 4 نساء بقصف على مدينة أريحا.", "wounded", 4),
    ("جرحوا خمسة مدنيين في الهجوم على القرية.", "wounded", 5),
    ("يقتل سبعة أشخاص في غارة على إدلب.", "killed", 7),
    ("توفيت طفلة متأثرة بجروحها بعد القصف.", "killed", 1),
    ("أعلن الجيش هلاك 20 إرهابيا في هجوم على مواقعهم.", "killed", 20),
    ("وهلك خمسة من عناصر التنظيم في الغارة.", "killed", 5),
    ("نحر التنظيم ثلاثة رهائن في هجوم على القرية.", "killed", 3),
])
def test_every_inflection_is_a_casualty_word(text, kind, value):
    assert counts(text).get(kind) == value


# --- the subject of a verb after a prepositional phrase ---------------------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("وسقط في الاشتباك 9 مسلحين في ريف حلب.", "killed", 9),
    ("وقتل خلال المواجهات خمسة عناصر من الشرطة.", "killed", 5),
    ("أصيب جراء القصف ثلاثة أطفال في حلب.", "wounded", 3),
    ("قتل في محافظة ديالى شرطي بهجوم مسلح.", "killed", 1),
    ("قتلت في الهجوم امرأة وطفلها.", "killed", 2),
])
def test_a_prepositional_phrase_may_stand_before_the_subject(text, kind, value):
    assert counts(text).get(kind) == value


# --- verbs with other senses count only people --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("سقطت 3 قذائف على حي سكني في هجوم على حلب.", {}),
    ("وقال إن الاتفاق يقضي بإخراج 500 مسلح بعد هجوم على المدينة.", {}),
    ("أصابت الغارات خمس آليات في هجوم على حلب.", {}),
    ("سقط 4 مدنيين في قصف على حلب.", {"killed": 4}),
    ("قضى خمسة مدنيين نحبهم في قصف على حلب.", {"killed": 5}),
    ("أصابوا عشرة مدنيين في الهجوم على القرية.", {"wounded": 10}),
    ("سقطت قذيفة على حي سكني في هجوم على حلب.", {}),
])
def test_verbs_with_other_senses_count_only_people(text, expected):
    assert counts(text) == expected


# --- a count belongs to the counted noun right after it -----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("أسفر القصف عن سقوط 15 جريحا في حلب.", {"wounded": 15}),
    ("أسفر القصف عن سقوط 3 قتلى في حلب.", {"killed": 3}),
    ("وسقط ثمانية جرحى في هجوم على القرية.", {"wounded": 8}),
])
def test_a_count_before_a_counted_noun_is_that_nouns(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "المجزرة التي سقط فيها أكثر من 250 شخصا بين قتيل وجريح في هجوم.",
    "قتل في الهجوم 40 مدنيا بين قتيل وجريح.",
    "أسفر الانفجار عن 12 شخصا بين قتيل وجريح.",
])
def test_people_counted_between_killed_and_wounded_are_a_combined_count(text):
    found = tolls(text)
    assert found and all(t.kind == "combined" for t in found)


# --- duals ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("قتل انتحاريان في هجوم على حلب.", "killed", 2),
    ("قتل جنديان في هجوم على حلب.", "killed", 2),
    ("عثرت الشرطة على جثتي عنصرين من الصحوة بعد هجوم في بغداد.", "killed", 2),
    ("أصيبت امرأتان في هجوم على القرية.", "wounded", 2),
    ("أسفر الهجوم عن قتيلين في القرية.", "killed", 2),
])
def test_a_dual_counts_two(text, kind, value):
    assert counts(text) == {kind: value}


def test_the_dual_keeps_the_victims_class():
    fatalities, _ = record("قتل جنديان عراقيان بهجوم لتنظيم داعش في قضاء الطارمية شمالي بغداد، اليوم.")
    assert fatalities == 2


# --- a counted noun after a count read already --------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("وارتفع عدد القتلى إلى 11 شهيدا في القصف.", 11),
    ("وارتفعت حصيلة قتلى التفجير إلى 20 شخصا.", 20),
    ("بلغ عدد القتلى 7 قتلى في الهجوم.", 7),
])
def test_the_noun_counted_is_no_second_count(text, value):
    assert counts(text) == {"killed": value}


# --- partitives: a part of those told ----------------------------------------------------------

@pytest.mark.parametrize(("text", "killed"), [
    ("قتل 12 شخصا في القصف. ونقل بعض الجرحى إلى المستشفى.", [12]),
    ("قتل ستة أشخاص في غارات. وكان بين القتلى امرأتان.", [6]),
    ("قتل 11 شخصا في القصف. وكان عشرة أشخاص من القتلى من المدنيين.", [11]),
    ("قتل ثلاثة جنود في الهجوم. وكان أحد القتلى ضابطا.", [3]),
])
def test_a_part_of_the_dead_or_wounded_is_no_new_count(text, killed):
    found = tolls(text)
    assert [t.value for t in found if t.kind == "killed"] == killed
    assert not [t for t in found if t.kind == "wounded"]


# --- two verbs, one subject: a combined count ----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قتل وأصيب عدد من المدنيين بغارة جوية على بلدة سراقب في ريف إدلب، اليوم.", (0, 0)),
    ("قتل وجرح 12 شخصا في انفجار في قضاء الطارمية شمالي بغداد، اليوم.", (0, 0)),
    ("قتلت وأصيبت 7 نساء في القصف على مدينة أريحا جنوبي إدلب، اليوم.", (0, 0)),
    ("قال إن 16 شخصا قتلوا وأصيب ثلاثة في هجوم على قضاء الطارمية شمالي بغداد، اليوم.", (16, 3)),
])
def test_verbs_joined_with_nothing_between_share_one_count(text, expected):
    assert record(text) == expected


# --- the subject before a singular verb ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قال مصدر إن شخصا قتل، وأصيب ستة آخرون بجروح في انفجار عبوة ناسفة.", {"killed": 1, "wounded": 6}),
    ("وأفاد بأن امرأة أصيبت بجروح في القصف.", {"wounded": 1}),
    ("وقال إن طفلا قتل في القصف على القرية.", {"killed": 1}),
    ("وقال إن مسلحين يرتدون زيا عسكريا، قتلوا بعد التاسعة شخصين في هجوم.", {"killed": 2}),
])
def test_a_singular_person_before_the_verb_is_its_subject(text, expected):
    assert counts(text) == expected


# --- counts of another predicate ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("اعتقلت الشرطة 5 مسلحين بعد اشتباك قتل فيه جندي.", {"killed": 1}),
    ("نزح 300 شخص بعد قصف قتل فيه مدنيان.", {"killed": 2}),
    ("خطف مسلحون 4 عمال في الهجوم الذي قتل فيه شرطي.", {"killed": 1}),
    ("أنقذت فرق الدفاع المدني 12 شخصا من تحت الأنقاض وقتل آخرون في القصف.", {"killed": 3}),
])
def test_a_count_of_the_arrested_displaced_or_rescued_is_no_toll(text, expected):
    assert counts(text) == expected


# --- running totals and raised figures ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "قتل 17 مدنيا على الأقل منذ يوم الثلاثاء في القصف.",
    "سقط 37 قتيلا منذ الأربعاء في المعارك.",
    "خسر النظام 260 قتيلا خلال 30 يوما من المعارك.",
    "وبلغت الحصيلة الإجمالية 54 قتيلا في الهجمات.",
])
def test_a_count_over_days_or_a_total_is_flagged_cumulative(text):
    found = tolls(text)
    assert found and all(t.cumulative for t in found)


def test_only_the_total_of_a_sentence_is_cumulative():
    found = tolls("قتل 18 عنصرا في غارات، ما يرفع حصيلة القتلى الإجمالية إلى 54 منذ مساء الخميس.")
    assert [(t.value, t.cumulative, t.update) for t in found] == [(18, False, False), (54, True, True)]


@pytest.mark.parametrize("text", [
    "وارتفعت حصيلة قتلى التفجير إلى 20 شخصا.",
    "ووصل عدد الجرحى إلى 46 في القصف.",
    "ومع ارتفاع حصيلة القتلى إلى عشرين مدنيا في القصف.",
])
def test_a_raised_figure_is_flagged_update(text):
    found = tolls(text)
    assert found and all(t.update and not t.cumulative for t in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل عدد من الأشخاص بقصف على بلدة سراقب في ريف إدلب، اليوم، ليرتفع عدد القتلى منذ الثلاثاء إلى 27 شخصا.",
     (3, 0)),
    ("أصيب عشرات المدنيين بقصف على بلدة سراقب في ريف إدلب، اليوم، لترتفع حصيلة الجرحى منذ مطلع الشهر إلى 90.",
     (0, 12)),
    ("قتل عدد من الجنود بهجوم في قضاء الطارمية شمالي بغداد، اليوم، ما يرفع الحصيلة الإجمالية للقتلى إلى 30.",
     (3, 0)),
])
def test_an_incidents_own_count_wins_over_the_running_total_told_with_it(text, expected):
    assert record(text) == expected


@pytest.mark.parametrize("text", [
    "إذ إن عدد قتلاهم يتجاوز 100 إرهابي يوميا في المعارك.",
    "ويقتل 20 شخصا أسبوعيا في المعارك.",
    "ويسقط 3 قتلى شهريا في المعارك.",
])
def test_a_rate_is_no_toll(text):
    assert counts(text) == {}


@pytest.mark.parametrize(("text", "value"), [
    ("قتل عشرون مدنيا، هم 16 طفلا وأربع نساء، في غارة.", 20),
    ("قتل سبعة أشخاص، هم خمسة رجال وامرأتان، في غارة.", 7),
    ("قتلت تسع نساء، هن أربع أمهات وخمس بنات، في غارة.", 9),
])
def test_namely_breaks_a_count_down_and_adds_nothing(text, value):
    assert counts(text) == {"killed": value}


# --- codebook §6 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("أسفر تفجير في قضاء الطارمية شمالي بغداد، اليوم، عن سقوط 15 قتيلا وجريحا.", (0, 0)),
    ("قتل عشرات المدنيين بقصف جوي على بلدة سراقب في ريف إدلب، اليوم.", (12, 0)),
    ("أصيب مئات المدنيين بقصف جوي على بلدة سراقب في ريف إدلب، اليوم.", (0, 100)),
    ("قتل ما لا يقل عن ثلاثة جنود بهجوم في قضاء الطارمية شمالي بغداد، اليوم.", (3, 0)),
])
def test_codebook_counts(text, expected):
    assert record(text) == expected


# --- an ordinal's spelling before a counted noun is a cardinal ----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وسقط ما يفوق العشرين جريحا في المعارك.", {"wounded": 20}),
    ("أسفر القصف عن الثلاثين قتيلا في المدينة.", {"killed": 30}),
    ("قتل جنديان بهجوم في قضاء الطارمية في العشرين من الشهر الماضي.", {"killed": 2}),
])
def test_an_ordinal_spelling_followed_by_a_counted_noun_counts(text, expected):
    assert counts(text) == expected


# --- "N منهم" (N of them) is the count's own phrase, not "among them" ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("فقتلوا اثنين منهم وأصابوا عشرة آخرين بجروح في الهجوم.", {"killed": 2, "wounded": 10}),
    ("قتلت ثلاثة منهن وأصيبت أربع أخريات في القصف.", {"killed": 3, "wounded": 4}),
    ("قتل 14 شخصا، بينهم ثلاثة أطفال، في الهجوم.", {"killed": 14}),
])
def test_n_of_them_is_part_of_its_own_count(text, expected):
    assert counts(text) == expected


# --- a bare noun of the dead yields to a stated number -------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 39 مدنيا في انفجار مستودع في بلدة سرمدا في محافظة إدلب، اليوم. ونقل المسعفون طفلا بدا جثة هامدة.",
     (39, 0)),
    ("سقط قتيل بانفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد، اليوم.", (1, 0)),
    ("أسفر انفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد، اليوم، عن مقتل 4 أشخاص. وعثر على جثة في المكان.",
     (4, 0)),
])
def test_a_bare_casualty_noun_yields_to_a_stated_count(text, expected):
    assert record(text) == expected


# --- suicide attackers: as many as the text names -----------------------------------------------

@pytest.mark.parametrize(("text", "fatalities"), [
    ("فجر انتحاريان نفسيهما في سوق شعبي في مدينة الصدر شرقي بغداد، اليوم، ما أدى إلى مقتل 12 شخصا.", 14),
    ("فجرت انتحارية نفسها في سوق شعبي في مدينة الصدر شرقي بغداد، اليوم، ما أدى إلى مقتل 5 أشخاص.", 6),
    ("قتل انتحاريان بعد أن فجرا نفسيهما عند حاجز للجيش في مدينة الصدر شرقي بغداد، اليوم.", 2),
    ("أسفر هجوم انتحاري في سوق شعبي في مدينة الصدر شرقي بغداد، اليوم، عن مقتل 7 أشخاص.", 8),
])
def test_suicide_attackers_count_as_the_text_names_them(text, fatalities):
    events = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [("Suicide bomb", fatalities)]


@pytest.mark.parametrize("text", [
    "أسفر الهجوم الانتحاري عن مقتل 7 أشخاص في بغداد.",
    "نفذ التنظيم هجمات انتحارية في ريف حلب.",
    "أدى تفجير انتحاري إلى مقتل شرطيين في الرمادي.",
])
def test_a_suicide_bombing_is_no_attacker_count(text):
    assert not [t for t in _doc(text).tolls if t.kind == "attackers"]


@pytest.mark.parametrize(("text", "bombers"), [
    ("قتل 28 عنصرا في اشتباكات وتفجيرين انتحاريين في ريف حلب.", 2),
    ("نفذ التنظيم عمليتين انتحاريتين في ريف حلب.", 2),
    ("استهدف هجومان انتحاريان بسيارتين مفخختين حاجزين للجيش في الأنبار.", 2),
    ("هزت ثلاثة تفجيرات انتحارية أسواق مدينة الصدر.", 3),
])
def test_counted_suicide_bombings_had_a_bomber_each(text, bombers):
    assert [t.value for t in _doc(text).tolls if t.kind == "attackers"] == [bombers]


@pytest.mark.parametrize(("text", "fatalities"), [
    ("نفذ تنظيم داعش تفجيرين انتحاريين في قريتين قرب الرقة، اليوم، وسط أنباء عن سقوط قتلى.", 5),
    ("قتل ستة جنود في هجومين انتحاريين استهدفا ثكنة للجيش في الرمادي، اليوم.", 8),
    ("أسفرت ثلاث عمليات انتحارية نفذتها انتحاريات في سوق بمدينة الموصل، اليوم، عن مقتل 10 مدنيين.", 13),
])
def test_counted_suicide_bombings_add_their_bombers_to_the_dead(text, fatalities):
    assert record(text)[0] == fatalities


# --- a verbal noun with the pronoun of one names someone, a stated count wins over it -------------

@pytest.mark.parametrize(("text", "expected"), [
    ("أكد مصدر أمني أن مقتله كان بغارة جوية على مغارة في حمص، اليوم، مشيرا إلى مقتل 9 من الموجودين فيها.", 9),
    ("أعلنت الوحدات الكردية استشهادها في قصف على عفرين، اليوم، وقالت إن القصف أسفر عن مقتل 6 مقاتلات.", 6),
    ("قصفت طائرة مسيرة سيارة في قرية قرب الرمادي، اليوم، ما أدى إلى مقتله.", 1),
])
def test_a_possessed_death_yields_to_a_stated_count(text, expected):
    assert record(text)[0] == expected


# --- إصابة of a target is a hit, not a wound ---------------------------------------------------------

@pytest.mark.parametrize(("text", "wounded"), [
    ("قصف الثوار مواقع قوات النظام في مطار كويرس بالمدفعية، اليوم، محققين إصابات مباشرة.", 0),
    ("استهدفت المدفعية التركية مواقع للحزب في قرية قرب زاخو، اليوم، وأصابت أهدافها بدقة.", 0),
    ("سقطت قذيفة هاون على حي باب توما في دمشق، اليوم، وحققت إصابة مباشرة، وأصيب ثلاثة مدنيين.", 3),
])
def test_a_hit_on_a_target_is_no_wound(text, wounded):
    assert record(text)[1] == wounded


# --- a dual keeps its noun's class --------------------------------------------------------------

@pytest.mark.parametrize(("text", "victims", "killed", "wounded"), [
    ("قتل جنديان في هجوم على حاجز في قضاء الطارمية شمالي بغداد، اليوم.", "Military Forces of Iraq", 2, 0),
    ("قتل شرطيان في هجوم على حاجز في قضاء الطارمية شمالي بغداد، اليوم.", "Police Forces of Iraq", 2, 0),
    ("أصيب مدنيان بقصف على بلدة سراقب في ريف إدلب، اليوم.", "Civilians", 0, 2),
])
def test_a_dual_keeps_the_class_of_its_noun(text, victims, killed, wounded):
    events = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert [(e["actor2"], e["fatalities"], e["injured"]) for e in events] == [(victims, killed, wounded)]


# --- a time adverb, like a prepositional phrase, may stand between the verb and its subject -----------

@pytest.mark.parametrize("text,kind,value", [
    ("قتل في بغداد أمس ثلاثة حراس في هجوم مسلح.", "killed", 3),
    ("قتل أمس في بغداد ثلاثة حراس بهجوم مسلح.", "killed", 3),
    ("قتلت يوم الجمعة في الموصل امرأتان بانفجار عبوة.", "killed", 2),
    ("أصيب في كركوك صباح اليوم جنديان بانفجار عبوة ناسفة.", "wounded", 2),
    ("قتل مساء الأربعاء شرطي في هجوم على نقطة تفتيش بالموصل.", "killed", 1),
])
def test_a_time_adverb_between_verb_and_subject(text, kind, value):
    assert counts(text).get(kind) == value


# --- the name of an active verb's subject, head noun and all, is stepped over to its object's count ---

@pytest.mark.parametrize("text,value", [
    ("قتل مسلحو داعش خمسة من عناصر الشرطة في هجوم على حاجز في كركوك.", 5),
    ("قتلت عناصر تنظيم داعش مدنيين اثنين في قرية جنوب الموصل.", 2),
    ("أعدم مقاتلو التنظيم أربعة أشخاص في ساحة عامة في الرقة.", 4),
])
def test_the_subject_in_construct_is_stepped_over(text, value):
    assert counts(text).get("killed") == value


def test_without_a_count_after_the_name_the_plural_is_several():
    """"قتل عناصر من داعش": no count after the name, the plural noun is "several" (3)."""
    assert counts("قتل عناصر من داعش في غارة للتحالف على الموصل.").get("killed") == 3


@pytest.mark.parametrize("text,value", [
    ("شنت طائرات تركية غارات على قرى شمال أربيل بعد مقتل سكان في قرية زاركلي.", 3),
    ("قتل أهالي من البلدة بقصف مدفعي على حي سكني في دير الزور.", 3),
    ("أصيب حراس المستشفى بجروح في هجوم على المستشفى في كركوك.", 3),
    ("قتل شبان في اشتباك مع الشرطة قرب الناصرية.", 3),
])
def test_a_broken_plural_of_people_without_a_count_is_several(text, value):
    """A plural of people with no count ("مقتل سكان"، "قتل شبان") is "several" (codebook §6: 3)."""
    assert sum(counts(text).values()) == value


# --- a number before a month's name is a day of the month ------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ('قالت الوحدات إن المقاتلة قتلت "في 15 آذار" بقصف على مدينة عفرين', {}),
    ("أصيبت ناشطة يوم 3 حزيران بنيران قناص في درعا", {"wounded": 1}),
    ("قتل في الثامن من تموز ثلاثة عناصر من الشرطة في هجوم على حاجز بالموصل", {"killed": 3}),
    ("لقي جنديان حتفهما في 21 يوليو بانفجار عبوة في الرمادي", {"killed": 2}),
])
def test_a_number_before_a_month_is_a_date_not_a_count(text, expected):
    assert counts(text) == expected


# --- a definite number after a definite noun is its adjective ---------------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("وقتل الجنود الأربعة في انفجار عبوة ناسفة بالرمادي", "killed", 4),
    ("أصيب المتظاهرون الخمسة برصاص الشرطة في البصرة", "wounded", 5),
    ("قتل المسلحون الثلاثة في اشتباك مع قوات الأمن بالموصل", "killed", 3),
])
def test_a_definite_number_after_its_noun_counts_the_people(text, kind, value):
    assert counts(text) == {kind: value}


# --- a killing told as the motive of an act is no toll of it -----------------------------------

@pytest.mark.parametrize("text", [
    "تظاهر المئات في البصرة احتجاجا على مقتل شاب برصاص الشرطة",
    "خرجت مئات النساء في اللاذقية على خلفية جريمة قتل العقيد",
    "وتجمع عشرات المتظاهرين أمام مبنى المحافظة تنديدا بمقتل ثلاثة ناشطين",
    "أضرب المعلمون في كركوك استنكارا لإصابة زميلتين برصاص مجهولين",
])
def test_a_killing_told_as_the_motive_is_no_toll(text):
    assert counts(text) == {}


# --- one person named by office or kunya ------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("وفي محافظة نينوى أصيب والي الجزيرة في التنظيم بغارة جوية قرب قضاء البعاج", "wounded", 1),
    ("قتل والي الرقة في التنظيم بضربة جوية", "killed", 1),
    ("أصيبت سيدة وتلميذ في قصف على الحي", "wounded", 2),
    ("قتل مستشاران روسيان في قصف على مدينة دير الزور", "killed", 2),
])
def test_an_office_holder_is_a_person(text, kind, value):
    assert counts(text) == {kind: value}


@pytest.mark.parametrize(("text", "kind"), [
    ("وقتل أبو محمد العدناني في غارة جوية على مدينة الباب", "killed"),
    ("أعلن التحالف مقتل أبي علي الأنباري في غارة جوية قرب الميادين", "killed"),
    ("أصيب أبو خليل السوداني بجروح في قصف على مدينة إدلب", "wounded"),
])
def test_a_kunya_names_one_person(text, kind):
    assert counts(text) == {kind: 1}


# --- a year, a manner and a breakdown are no counts -------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("منذ الإطاحة بالرئيس وقتله في 2011 تشهد البلاد اشتباكات متقطعة", {}),
    ("وكانت الطائرة قد قصفت القرية عام 2014 ما أسفر عن مقتل ستة مدنيين", {"killed": 6}),
    ("وقتل 2000 شخص في المعارك التي شهدتها المدينة", {"killed": 2000}),
    ("أعدم التنظيم 2000 في نينوى خلال سيطرته عليها", {"killed": 2000}),
])
def test_four_digits_of_a_year_are_no_count(text, expected):
    assert counts(text) == expected


def test_one_after_another_is_no_count():
    assert counts("ودخل المسلحون القرية وقتلوهم واحدا تلو الآخر") != {"killed": 1}




# --- "among them" between commas stands between a subject and its verb --------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("وقال المرصد إن 14 مدنيا، بينهم أربعة أطفال وامرأتان، قتلوا في غارة على بلدة سراقب", "killed", 14),
    ("ذكرت الوكالة أن 11 شخصا على الأقل، معظمهم من المسنين، لقوا مصرعهم في القصف", "killed", 11),
    ("وأفادت المصادر بأن سبع نساء، بينهن طفلتان، أصبن بجروح في انفجار عبوة", "wounded", 7),
    ("إن عشرين عنصرا من الشرطة، منهم ضابطان، جرحوا في الهجوم على الحاجز", "wounded", 20),
])
def test_among_them_between_commas_is_an_aside(text, kind, value):
    assert counts(text) == {kind: value}


# --- a count joined by و counts people only when nothing else is named after it ----------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وأفادت الطوارئ بوفاة 15 شخصا، واستجاب للبلاغ عدد 35 اسعاف و4 سيارات من الحرس الوطني", {"killed": 15}),
    ("قتل ثلاثة أشخاص في الهجوم الذي وقع بين عامي 2010 و2011 في المدينة", {"killed": 3}),
    ("وقتل في الهجوم ثلاثة جنود و4 مدنيين في مدينة الرمادي", {"killed": 7}),
    ("وقد أصيبت 3 من حارسات المدرسة و4 جنود آخرين في الهجوم", {"wounded": 7}),
    ("قتل 3 جنود و2 في هجوم على حاجز", {"killed": 5}),
    ("استشهد جنديان وأصيب ضابط و3 مجندين أثناء الاشتباك", {"killed": 2, "wounded": 4}),
])
def test_a_joined_count_of_things_is_no_toll(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "أوقفت الشرطة خمسة أشخاص في قضية مقتل الفتى",
    "وأوقفت قوات الأمن ثلاث نساء بعد مقتل الحارس",
    "أوقفوا أربعة مشتبه بهم إثر مقتل شرطي",
])
def test_the_held_are_no_toll(text):
    assert counts(text) == {"killed": 1}


@pytest.mark.parametrize(("text", "value"), [
    ("أفادت مصادر يمنية بمقتل 3 خبراء من حزب الله، و4 يمنيين، في غارة جوية على صعدة", 7),
    ("قتل جنديان و3 عراقيون في انفجار عبوة على الطريق", 5),
    ("أسفر القصف عن مقتل خمس نساء و6 سوريين في البلدة", 11),
])
def test_a_joined_nisba_counts_people(text, value):
    assert counts(text) == {"killed": value}


# --- a nisba noun after a count names people ------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("وقالت وزارة الصحة إن 20 فلسطينيا قتلوا برصاص الجيش قرب السياج", "killed", 20),
    ("سقط سبعة حوثيين في غارة جوية على مدينة صعدة", "killed", 7),
    ("وأفادت المصادر بأن ثلاثة عراقيين أصيبوا في انفجار عبوة ناسفة", "wounded", 3),
    ("ذكرت وسائل إعلام أن خمسة سوريون جرحوا من جراء الصاروخ", "wounded", 5),
])
def test_a_gentilic_after_a_count_names_people(text, kind, value):
    assert counts(text) == {kind: value}


@pytest.mark.parametrize("text", [
    "وعثر على جثتي امرأتين أخريين، إحداهما مصابة بطلق ناري في الرأس",
    "قتل جنديان في الهجوم، أحدهما ضابط أصيب في رأسه",
    "لقيت ثلاث نساء حتفهن، إحداهن مصابة بشظية",
])
def test_one_of_them_is_a_part(text):
    assert "wounded" not in counts(text)


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("أصيب ضابط و3 مجندين أثناء الاشتباك مع المسلحين", "wounded", 4),
    ("قتل ستة تلاميذ في قصف استهدف مدرسة في البلدة", "killed", 6),
    ("لقي راكبان حتفهما حين أطلق مسلحون النار على الحافلة", "killed", 2),
    ("وأصيبت سيدة بجروح في سقوط قذيفة على حي سكني", "wounded", 1),
])
def test_more_person_nouns_from_their_lemmas(text, kind, value):
    assert counts(text) == {kind: value}


@pytest.mark.parametrize(("text", "value"), [
    ("وتم توثيق 18 حالة اختناق وضيق نفس بعد صاروخ استهدف البلدة", 18),
    ("أفادت مصادر طبية بتسجيل سبعين حالة اختناق إثر قصف بغاز الكلور", 70),
    ("نقلت إلى المستشفى 12 حالة تسمم بعد سقوط قذائف تحمل غازا ساما", 12),
])
def test_cases_of_choking_are_wounded(text, value):
    assert counts(text) == {"wounded": value}


# --- ages, lists after "among them", and the other kind joined after them -------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قتل تسعة أشخاص بينهم خمسة أطفال دون سن الـ 18 في قصف البلدة", {"killed": 9}),
    ("قتلت شابة بعمر 22 برصاص قناص في المدينة", {"killed": 1}),
    ("وأصيب طفل في سن 12 بشظايا قذيفة في الحي", {"wounded": 1}),
])
def test_a_number_after_a_word_of_age_is_an_age(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 7 مدنيين بينهم امرأة و3 أطفال في غارة على البلدة", {"killed": 7}),
    ("قتل 10 أشخاص بينهم طفلان وأصيب 20 آخرون في القصف", {"killed": 10, "wounded": 20}),
    ("أسفر القصف عن مقتل 10 أشخاص بينهم طفلان وإصابة 20 آخرين", {"killed": 10, "wounded": 20}),
    ("وقتلت ثلاث نساء بينهن فتاة وجرح خمسة في الهجوم", {"killed": 3, "wounded": 5}),
])
def test_a_list_after_among_them_ends_at_the_other_kind(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("ارتفعت حصيلة قتلى التفجير في سوق الحلة إلى 20 شخصا", "killed", 20),
    ("وصل عدد جرحى القصف على أحياء مدينة درعا الجنوبية إلى 46 مدنيا", "wounded", 46),
    ("وارتفعت حصيلة قتلى الهجوم، الذي وقع في سوق شعبي مزدحم، إلى 12 شخصا", "killed", 12),
])
def test_a_toll_figure_after_a_long_name_of_its_event(text, kind, value):
    assert counts(text) == {kind: value}


@pytest.mark.parametrize(("text", "killed"), [
    ("فجر انتحاري حزامه الناسف في سوق ببغداد ما أدى إلى مقتل 12 شخصا بينهم الانتحاري", 12),
    ("قتل تسعة أشخاص بينهم المهاجمان الانتحاريان في تفجير استهدف مسجدا في كركوك", 9),
    ("فجرت انتحارية نفسها وسط المصلين في الموصل فقتلت خمسة أشخاص من بينهم الانتحارية", 5),
])
def test_a_bomber_among_the_counted_is_not_added(text, killed):
    assert record(text)[0] == killed


# --- a compound number is read from its first word, also when the count stands before the verb -------

@pytest.mark.parametrize(("text", "expected"), [
    ("لقي خمسة وعشرون مدنيا مصرعهم في غارات على بلدة سراقب، اليوم.", 25),
    ("إن ثلاثة وثلاثين عنصرا من قوات النظام قتلوا في هجوم على حاجز قرب تدمر، اليوم.", 33),
    ("مئة وخمسون شخصا لقوا حتفهم في الهجوم الكيماوي على مدينة دوما، اليوم.", 150),
])
def test_a_compound_number_before_the_verb_is_read_whole(text, expected):
    assert record(text)[0] == expected


# --- "versus": the other side's count adds ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("اندلعت اشتباكات في حي جوبر بدمشق، اليوم، قتل فيها 11 عنصرا من قوات النظام مقابل 8 من مقاتلي المعارضة.", 19),
    ("أسفرت المعارك في ريف حماة، اليوم، عن مصرع 17 مسلحا من الموالين مقابل 19 قتيلا في صفوف الفصائل.", 36),
    ("قتل 5 جنود مقابل 12 مسلحا في اشتباكات بريف حلب الشمالي، اليوم.", 17),
])
def test_the_count_after_versus_adds(text, expected):
    assert record(text)[0] == expected


# --- people joined by و to those counted add up ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قتل جندي وثلاثة مدنيين في قصف على بلدة كفرنبل، اليوم.", 4),
    ("قتلت امرأة وطفلاها في قصف على بلدة كفرنبل، اليوم.", 3),
    ("قتل رجل وابناه بقصف على بلدة حمورية في الغوطة الشرقية، اليوم.", 3),
    ("استشهد ضابط وحارساه في هجوم على منزله في مدينة الموصل، اليوم.", 3),
])
def test_people_joined_to_the_dead_add(text, expected):
    assert record(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل عنصران من الشرطة وجرح ثالث في هجوم على حاجز في الموصل، اليوم.", (2, 1)),
    ("أصيبت ثلاث نساء وقتلت رابعة بقصف على بلدة حمورية، اليوم.", (1, 3)),
    ("قتل أربعة جنود وأصيب خامس بانفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد، اليوم.", (4, 1)),
])
def test_an_ordinal_after_people_counted_is_one_more(text, expected):
    assert record(text) == expected


# --- a raised figure replaces the counts told before it ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("أسفر القصف على مدينة دوما، اليوم، عن مقتل 15 مدنيا، وارتفعت الحصيلة لاحقا إلى 22 قتيلا.", 22),
    ("قتل 20 شخصا في غارات على مدينة دوما، اليوم، وقال المرصد إن عدد القتلى ارتفع إلى 25.", 25),
    ("قتل ستة أشخاص بانفجار سيارة مفخخة في سوق بمدينة الصدر، اليوم. وقالت مصادر طبية إن حصيلة القتلى "
     "ارتفعت إلى تسعة.", 9),
])
def test_a_raised_figure_replaces_the_earlier_count(text, expected):
    assert record(text)[0] == expected


# --- "took the life of", "fell victim to it": the count follows --------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("انفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد، اليوم، أودى بحياة ثلاثة جنود.", 3),
    ("أسفرت الغارات على مدينة دوما، اليوم، عن سقوط ضحايا، وأودت بحياة 16 مدنيا.", 16),
    ("أطلق مسلحون النار على سيارة في مدينة الموصل، اليوم، ما أودى بحياة سائقها.", 1),
    ("تفجير في سوق الكرادة ببغداد، اليوم، راح ضحيته 12 شخصا.", 12),
    ("سقط صاروخ على حي سكني في مدينة حلب، اليوم، راح ضحيته طفلان.", 2),
])
def test_took_the_life_of_counts_the_dead_after_it(text, expected):
    assert record(text)[0] == expected


# --- "وقتل آخر": others than those counted add to them ------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("قتل 4 مدنيين جراء قصف على حي الوعر في حمص، اليوم، وقتل آخر برصاص قناص.", 5),
    ("قتل 4 مدنيين جراء قصف على حي الوعر في حمص، اليوم، وتوفيت أخرى متأثرة بجراحها.", 5),
    ("قتل 4 مدنيين جراء قصف على حي الوعر في حمص، اليوم، وقتل آخرون برصاص قناص.", 7),
])
def test_others_killed_in_the_same_sentence_add(text, expected):
    assert record(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل ضابطان وجندي بانفجار عبوة ناسفة في قضاء الطارمية شمالي بغداد، اليوم.", 3),
    ("استشهد ثلاثة مدنيين وطفل بقصف على بلدة كفرنبل، اليوم.", 4),
    ("لقي خمسة عناصر وضابط مصرعهم في هجوم على حاجز في الرمادي، اليوم.", 6),
])
def test_a_person_joined_to_a_count_is_one_more(text, expected):
    assert record(text)[0] == expected


# --- "آخرين" with no group of its own: others of the group counted before it -----------------------------

@pytest.mark.parametrize("text", [
    "قال ناشطون إن ستة محتجين قتلوا، وجرح أكثر من 20 آخرين في البصرة.",
    "قتل ثلاثة جنود وأصيب سبعة آخرون في هجوم على حاجز قرب كركوك.",
    "لقيت امرأتان مصرعهما وأصيبت أربع أخريات بقصف على بلدة كفرنبل.",
])
def test_others_without_a_group_are_of_the_group_before(text):
    found = tolls(text)
    assert len(found) == 2 and found[0].victims and found[1].victims == found[0].victims, found


# --- "the attackers" of an unnamed group are the unidentified armed group: their dead add to the other side's ----

@pytest.mark.parametrize(("text", "expected"), [
    ("شن مسلحون هجوما على حاجز للجيش قرب الرمادي، اليوم، ما أسفر عن مقتل جنديين. وقتل أربعة من المهاجمين "
     "في الاشتباك.", 6),
    ("هاجم مسلحون مجهولون نقطة للشرطة في قضاء الطارمية شمالي بغداد، اليوم، ما أدى إلى مقتل شرطي. وقتل اثنان "
     "من المسلحين في تبادل إطلاق النار.", 3),
    ("قتل ثلاثة من عناصر الحشد الشعبي في هجوم لمسلحين على قرية قرب المقدادية، اليوم، كما قتل خمسة من "
     "المهاجمين.", 8),
])
def test_the_dead_of_unnamed_attackers_add(text, expected):
    assert record(text)[0] == expected


# --- "among them" between a count and its span of time: the count is still the running total -------------

@pytest.mark.parametrize("text", [
    "أدت الحملة على الغوطة الشرقية إلى مقتل أكثر من 600 مدني بينهم أطفال خلال ثلاثة أسابيع.",
    "قتل 120 شخصا، بينهم 30 طفلا، خلال 20 يوما من القصف على إدلب.",
    "سقط 45 قتيلا من عناصر الشرطة بينهم ضباط منذ مطلع الشهر في الأنبار.",
])
def test_a_subset_between_a_count_and_its_span_keeps_it_cumulative(text):
    counted = [t for t in _doc(text).tolls if t.kind == "killed" and not t.part]
    assert counted and all(t.cumulative for t in counted), counted


@pytest.mark.parametrize("text", [
    "أصيب 10 أشخاص بجروح في قصف على بلدة حمورية منذ يوم السبت.",
    "قتل 12 مدنيا رميا بالرصاص في ريف درعا منذ الأحد.",
    "أصيبت 8 نساء بجروح طفيفة في قصف على الحي منذ 25 تموز.",
])
def test_the_words_of_a_toll_after_its_count_keep_it_cumulative(text):
    counted = [t for t in _doc(text).tolls if not t.part]
    assert counted and all(t.cumulative for t in counted), counted



# --- "ارتفع إلى N عدد القتلى": the raised figure before the toll's noun -----------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("ارتفع إلى 12 عدد الشهداء الذين قضوا جراء القصف على بلدة كفرنبل في ريف إدلب، اليوم.", (12, 0)),
    ("ارتفع إلى 9 بينهم 5 أطفال وسيدة عدد القتلى الذين قضوا جراء قصف الطيران المروحي على بلدة اليادودة في ريف "
     "درعا، اليوم.", (9, 0)),
    ("ارتفع إلى سبعة عدد المواطنين الذين استشهدوا جراء قصف على مدينة دوما، اليوم.", (7, 0)),
    ("ارتفعت إلى 20 حصيلة الجرحى جراء انفجار سيارة مفخخة في سوق مدينة الصدر ببغداد، اليوم.", (0, 20)),
])
def test_a_raised_figure_before_the_tolls_noun(text, expected):
    assert record(text) == expected


# --- a dual object after the agent's name is the count ("أعدم تنظيم داعش رجلين") ------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("أعدم تنظيم داعش رجلين في مدينة الرقة، اليوم.", 2),
    ("قتل تنظيم داعش شابين في قرية قرب مدينة الرقة، اليوم.", 2),
    ("اغتال مسلحو داعش امرأتين في حي الميدان بمدينة الموصل، اليوم.", 2),
])
def test_a_dual_object_after_the_agent_is_the_count(text, expected):
    assert record(text)[0] == expected


# --- a person's name right before a singular verb of dying: one death, not a stated count -------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("أعلن البنتاغون أن القيادي في تنظيم القاعدة أبو خالد الشامي قتل في ضربة جوية قرب بلدة سرمدا في إدلب، اليوم.", 1),
    ("قالت الوحدات الكردية إن المقاتلة الألمانية ليندا شميت قتلت بقصف تركي على قرية قرب عفرين، اليوم.", 1),
    ("ذكرت مصادر أن الناشط الإعلامي حسين العمر استشهد أمس في قصف على بلدة كفرنبل في ريف إدلب.", 1),
    ("أعلن البنتاغون أن القيادي كريم المحمد قتل في ضربة جوية قرب سرمدا في إدلب، اليوم، مع 4 من مرافقيه. "
     "وقال إن الضربة أسفرت عن مقتل 5 أشخاص.", 5),
])
def test_a_named_person_who_died_is_one(text, expected):
    assert record(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("قال مسؤول إن الرجل الذي قتل في الهجوم على حاجز الجيش قرب الرمادي كان جنديا.", {}),
    ("قال المصدر إن أحمد الخطيب أصيب في قصف على بلدة كفرنبل في ريف إدلب.", {}),
    ("وقال إن الاتفاق يقضي بإخراج 500 مسلح بعد هجوم على المدينة.", {}),
])
def test_no_death_is_read_from_a_particle_a_wound_or_a_verb_of_other_senses(text, expected):
    assert counts(text) == expected


# --- an assassination is of one named person ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وقبلها بيومين اغتيلت ليلى الحسن، إحدى الناشطات في المجتمع المدني، بإطلاق نار في البصرة.", 1),
    ("اغتيل جاسم الكعبي أمام منزله بإطلاق نار في حي الجمهورية بالبصرة، اليوم.", 1),
    ("أدان المحافظ اغتيال حسن الشيخ برصاص مسلحين مجهولين في البصرة، اليوم.", 1),
])
def test_an_assassination_of_a_name_is_one_death(text, expected):
    assert record(text)[0] == expected


# --- a suicide attack told in a clause of the incident adds its bomber whatever the incident's type ----------

@pytest.mark.parametrize(("text", "sub_event", "expected"), [
    ("قتل 14 جنديا في هجوم انتحاري بسيارة مفخخة تلته اشتباكات مع مسلحي داعش قرب الرطبة، اليوم.", "Armed clash", 15),
    ("اقتحم مسلحان مبنى المحافظة في أربيل، اليوم، وفتحا النار على الحرس، ونفذ أحدهما تفجيرا انتحاريا.",
     "Suicide bomb", 1),
    ("اندلعت اشتباكات بين الجيش ومسلحي داعش قرب تكريت، اليوم، قتل فيها 6 جنود، وأحبطت القوات هجوما انتحاريا.",
     "Armed clash", 6),
])
def test_a_suicide_attack_in_the_incident_adds_its_bomber(text, sub_event, expected):
    events = [e.to_record() for e in extract_events(Article("t", text, published=PUBLISHED))]
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [(sub_event, expected)]


# --- "since" a counted span, or days of an activity, mark a running total ------------------------------------

@pytest.mark.parametrize("text", [
    "أسفرت الحملة على الغوطة الشرقية منذ ثلاثة أسابيع عن مقتل أكثر من 600 مدني.",
    "قتل 30 مدنيا منذ أسبوعين في القصف على مدينة إدلب.",
    "بعد نحو عشرة أيام من القصف العنيف الذي أودى بحياة أكثر من 560 مدنيا، دخلت الهدنة حيز التنفيذ.",
    "لقي أكثر من 400 مدني مصرعهم في خمسة أيام من الغارات الجوية على الغوطة الشرقية.",
])
def test_since_a_counted_span_is_a_running_total(text):
    counted = [t for t in _doc(text).tolls if not t.part]
    assert counted and all(t.cumulative for t in counted), counted


@pytest.mark.parametrize("text", [
    "وباتت مدينة دوما منذ أيام محور الاهتمام إثر هجوم كيميائي السبت أسفر عن مقتل 40 شخصا.",
    "قتل 4 أشخاص في انفجار عبوة ناسفة في سوق بمدينة الموصل، اليوم.",
    "عثر على جثة رجل بعد ثلاثة أيام من اختطافه في الموصل، وقتل شرطيان في هجوم على حاجز قربها.",
])
def test_for_some_days_is_no_running_total(text):
    counted = [t for t in _doc(text).tolls if not t.part]
    assert counted and not any(t.cumulative for t in counted), counted


# --- a list of counts as the subject before the verb --------------------------------------------

@pytest.mark.parametrize(("text", "killed"), [
    ("وقال المرصد إن 25 مقاتلا على الأقل من الفصائل وثمانية من مقاتلي تنظيم داعش قتلوا في الهجوم على البلدة", 33),
    ("ويعتقد أن 39 من المعارضة المسلحة و39 من الجيش السوري قتلوا في المواجهات", 78),
    ("وأفاد مصدر بأن تسعة شرطيين وستة عناصر من الحشد وأربعة مدنيين لقوا مصرعهم في الهجوم", 19),
    ("وذكر المسعفون أن امرأتين و3 أطفال قتلوا في القصف على القرية", 5),
])
def test_counts_joined_before_the_verb_are_all_its_subject(text, killed):
    assert counts(text).get("killed") == killed


def test_wounded_joined_before_the_verb_add_up_too():
    assert counts("وقال إن اثنين من الجنود وثلاثة مدنيين أصيبوا في الانفجار") == {"wounded": 5}


@pytest.mark.parametrize(("text", "killed"), [
    ("نزح 300 شخص و12 مدنيا قتلوا في القصف على القرية", 12),  # the first count is another predicate's
    ("قصفت الطائرات 4 مواقع، و12 مسلحا قتلوا في الغارة", 12),  # a comma ends the list
])
def test_a_count_outside_the_subjects_list_is_not_added(text, killed):
    assert counts(text).get("killed") == killed


# --- a vague count of another side adds to a stated count --------------------------------------

@pytest.mark.parametrize(("figures", "expected"), [
    ([("Syrian opposition", 6, True), ("Military Forces of Syria", 3, False)], (9, False)),
    ([("Islamic State", 12, False), ("Police Forces of Iraq", 2, True)], (14, False)),
    ([("Civilians", 5, True), ("", 12, False)], (5, True)),  # "dozens" of no group: an estimate, the stated wins
    ([("Civilians", 5, True), ("Civilians", 3, False)], (5, True)),  # the same people: the stated count
])
def test_a_vague_count_of_another_group_adds(figures, expected):
    from marsad.extract.toll import combine
    assert combine(figures) == expected


# --- the doer after "على يد" is no count of the dead ---------------------------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("وقتل الطفل ذبحا على يد مسلحين تابعين للحركة في حلب", "killed", 1),  # the child, not two gunmen more
    ("قتل شاب على يد مسلحين مجهولين في البصرة", "killed", 1),
    ("قتلت امرأتان على أيدي مسلحين مجهولين في الموصل", "killed", 2),
    ("اغتيل موظفان من قبل مجهولين في البصرة", "killed", 2),
    ("أصيب ثلاثة جنود على يد قناصين في الرمادي", "wounded", 3),
])
def test_the_people_after_a_phrase_of_agency_are_the_killers(text, kind, value):
    assert counts(text) == {kind: value}


# --- the dead "because of the war" are its tally ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "وقالت المنظمة إن العشرات من الأطفال قتلوا في مدينة منبج جراء الصراع والقصف الجوي.",
    "قتل أكثر من 500 مدني في محافظة إدلب بسبب الحرب.",
    "ولقي آلاف المدنيين حتفهم في ريف حمص جراء النزاع.",
])
def test_the_dead_of_the_conflict_are_no_incident(text):
    assert [e for e in extract_events(Article("t", text, published=PUBLISHED)) if e.fatalities] == []


def test_an_incident_told_beside_the_war_keeps_its_toll():
    assert record("قتل 3 مدنيين في قصف على بلدة كفرنبل، في حرب قتلت الآلاف.") == (3, 0)


# --- a count over a month or a period is a running total ----------------------------------------

@pytest.mark.parametrize("text", [
    "أعلنت بعثة الأمم المتحدة عن مقتل 1332 عراقيا نتيجة أعمال العنف خلال يوليو الماضي",
    "قتل 170 مدنيا جراء هذه الغارات خلال هذه الفترة",
    "قتل 12 شخصا خلال شهر آذار في محافظة ديالى",
    "وأصيب أكثر من 300 متظاهر خلال الشهر الماضي في البصرة",
])
def test_a_count_over_a_month_or_a_period_sums_up_incidents(text):
    assert tolls(text) and all(t.cumulative for t in tolls(text))


def test_a_count_during_the_clashes_is_the_incidents_own():
    assert not any(t.cumulative for t in tolls("قتل خمسة أشخاص خلال الاشتباكات في الموصل"))


# --- counts that go on after a running total add to that tally ------------------------------------

def _killed(text: str) -> list[TollMention]:
    return [t for t in _doc(text).tolls if t.kind == "killed"]


@pytest.mark.parametrize("text", [
    "ومنذ بدء الهجوم التركي، وثق المرصد مقتل أكثر من 200 مدني في منطقة عفرين. كما قتل أكثر من 370 مقاتلا كرديا "
    "ونحو 340 عنصرا من الفصائل الموالية لتركيا، بحسب المصدر ذاته.",
    "ومنذ بدء هجومها، سيطرت القوات التركية على أكثر من ثمانين قرية. وقتل 252 من الفصائل مقابل 281 من المقاتلين "
    "الأكراد خلال المعارك. كما قتلت 149 امرأة وطفلا على الأقل بحسب المرصد.",
    "وقتل 60 عنصرا من قوات النظام منذ مطلع الشهر. وقتل أيضا 34 مسلحا من المعارضة.",
    # the other side of the tally, set against it ("في المقابل"، "بالمقابل"), whatever verb reports it
    "وذكر المرصد أن أكثر من 1500 مقاتل كردي لقوا حتفهم منذ بدء الهجوم. ووثق المرصد في المقابل مقتل أكثر من 400 "
    "عنصر من الفصائل الموالية لأنقرة.",
    "وقتلت 120 امرأة منذ مطلع العام بحسب المنظمة. بالمقابل، أعلنت الشرطة أنها قتلت 35 مسلحا.",
    "وقتل 300 متظاهر خلال الأسابيع الثلاثة الماضية. وفي المقابل لقي عشرات من عناصر الأمن حتفهم.",
])
def test_counts_going_on_after_a_running_total_are_totals(text):
    found = _killed(text)
    assert found and all(t.cumulative for t in found)


@pytest.mark.parametrize("text", [
    # a day or a place of its own: an incident told after the tally
    "ومنذ بدء الهجوم، قتل أكثر من 200 مدني. وقتل أمس خمسة مدنيين في غارة.",
    "ومنذ بدء الهجوم، قتل أكثر من 200 مدني. كما قتل ثلاثة أطفال في مدينة دوما.",
])
def test_an_incident_told_after_a_running_total_keeps_its_count(text):
    assert [t.value for t in _killed(text) if not t.cumulative] in ([5], [3])


# --- the nominative dual in construct ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "value"), [
    ("وقتل عنصرا أمن في هجوم مسلح في كركوك", "killed", 2),
    ("أصيب منتسبا الشرطة بانفجار عبوة ناسفة في الموصل", "wounded", 2),
    ("قتلت امرأتا حراسة في هجوم على مقر في ديالى", "killed", 2),
    ("قتل مسلحون رجلا في كركوك", "killed", 1),  # -ا without a noun after it: the accusative singular
])
def test_a_dual_in_construct_drops_its_nun(text, kind, value):
    assert counts(text) == {kind: value}


# --- a share of a toll told for several governorates yields to an incident's own count ------------------

@pytest.mark.parametrize(("text", "admin1", "field", "value"), [
    # passive killing for two governorates, then an active strike "resulted in" at a town: higher than the share
    ("قتل 30 مدنيا على الأقل الجمعة في غارات جوية على محافظتي إدلب وحلب. وفي محافظة حلب، أسفرت ضربات جوية "
     "على بلدة الأتارب عن مقتل 18 مدنيا بينهم أطفال.", "Aleppo", "fatalities", 18),
    # the wounded, a fronted place before a passive feminine verb
    ("أصيب 40 شخصا بجروح الأحد في قصف مدفعي على محافظتي درعا والقنيطرة. وفي ريف درعا، أصيبت 25 امرأة وطفلا "
     "بقصف استهدف مدينة نوى.", "Daraa", "fatalities", 0),
    ("أصيب 40 شخصا بجروح الأحد في قصف مدفعي على محافظتي درعا والقنيطرة. وفي ريف درعا، أصيبت 25 امرأة وطفلا "
     "بقصف استهدف مدينة نوى.", "Daraa", "injured", 25),
    # women who met their death (a feminine plural verb), then "كما" and a town in the eastern countryside
    ("لقيت 12 امرأة حتفهن في غارات على محافظتي الرقة ودير الزور. كما قتلت تسع نساء في غارة على بلدة "
     "الميادين بريف دير الزور الشرقي.", "Deir ez-Zor", "fatalities", 9),
    # a statement of the dead of two governorates, then an active verb with a lower count at a district
    ("أعلنت الشرطة الاتحادية مقتل 20 عنصرا من داعش في محافظتي الأنبار وصلاح الدين. وقال قائد الشرطة إن قواته "
     "قتلت 14 مسلحا في اشتباكات في قضاء هيت غربي الأنبار.", "Anbar", "fatalities", 14),
])
def test_an_incidents_own_count_replaces_a_share_of_several_governorates(text, admin1, field, value):
    events = [e for e in extract_events(Article("t", text, published=PUBLISHED)) if e.location.admin1 == admin1]
    assert [getattr(e, field) for e in events] == [value]


# --- a part of the toll told again is no estimate of the whole -------------------------------------------

@pytest.mark.parametrize(("text", "field", "value"), [
    # "بينهم" and a passive verb repeating the part (the dead of a strike on a hospital among the day's dead)
    ("وأسفر القصف التركي، الجمعة، عن مقتل 43 مدنيا في عفرين، بينهم 16 مدنيا جراء غارة استهدفت المشفى الرئيسي "
     "في المدينة. وقتل مساء الجمعة 16 مدنيا في غارة تركية استهدفت المشفى الرئيسي في عفرين.", "fatalities", 43),
    # "من بينهم" with a number word, repeated by "لقوا حتفهم" in a reported statement
    ("قتل 25 شخصا في قصف على مدينة دوما الأحد، من بينهم ثمانية أطفال قضوا في قصف استهدف مدرسة. وقالت مصادر "
     "طبية إن ثمانية أطفال لقوا حتفهم في قصف المدرسة في دوما.", "fatalities", 25),
    # the wounded: a part wounded by live fire, told again in the body
    ("أصيب 30 متظاهرا بجروح في مدينة البصرة أمس، بينهم 12 أصيبوا بالرصاص الحي. وأصيب 12 محتجا بالرصاص الحي "
     "أمام مبنى المحافظة في البصرة.", "injured", 30),
    # no part told: two estimates of one toll, the lowest
    ("قتل 5 مدنيين في غارة على بلدة سراقب. وقتل 3 مدنيين في غارة على بلدة سراقب.", "fatalities", 3),
])
def test_a_part_told_again_does_not_lower_the_whole(text, field, value):
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert [getattr(e, field) for e in events] == [value]
