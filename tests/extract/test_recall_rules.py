"""Recall and sub-event types (issue 11): triggers generated from the lemmas of verbs.toml and the weapon
that names a strike.  Each rule on invented sentences that
vary person, gender, number, voice and word order (docs/extraction.md, "Triggers from lemmas" and
"Type")."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract.classify import ActorFacts, classify
from marsad.lexicon import load_lexicons
from marsad.model import Article
from marsad.pipeline import default_pipeline, extract_events
from marsad.text.normalise import fold
from marsad.text.tokens import tokenise

PUBLISHED = date(2021, 8, 3)


def cue_of(word: str) -> set[str]:
    """The trigger cues a single written word reports."""
    lex, word = load_lexicons(), fold(word)
    return {m.payload.label for m in lex.matcher.find(word, tokenise(word)) if m.payload.category == "cue"}


def types(text: str) -> list[str]:
    return [e.sub_event_type for e in extract_events(Article("t", text, published=PUBLISHED))]


# --- triggers from the lemmas of verbs.toml ---------------------------------------------------

@pytest.mark.parametrize(("word", "cue"), [
    ("اغتيلت", "kill"),  # passive, 3rd feminine singular: not listed in triggers.toml
    ("اغتيلوا", "kill"),  # passive, 3rd masculine plural
    ("يغتالون", "kill"),  # imperfect, plural
    ("استهداف", "attack"),  # verbal noun: "استهدف*" does not reach it
    ("لاستهدافه", "attack"),  # verbal noun with a possessive and a clitic
    ("قصفوها", "bombard"),  # perfect plural with an object pronoun
    ("تقصفان", "bombard"),  # imperfect dual
    ("اختطفن", "abduction"),  # perfect, 3rd feminine plural
    ("يشتبكون", "clash"),  # imperfect plural
    ("واعتدوا", "attack"),  # a defective verb, plural, after و
])
def test_every_inflection_of_an_event_lemma_is_a_trigger(word: str, cue: str) -> None:
    assert cue in cue_of(word)


@pytest.mark.parametrize("word", [
    "ضربوا",  # ضرب: also "ضرب مثلا", no event lemma
    "فجر",  # فجر: also dawn (the listed forms of triggers.toml are read, not the lemma)
    "قاتل",  # a participle names a person (and is the perfect "fought")
    "سيقتلون",  # the future is a plan, not an incident
    "هجماته",  # a plural with a possessive is a campaign, not one incident
    "غاراتها",
])
def test_forms_that_are_not_incidents_are_no_triggers(word: str) -> None:
    assert cue_of(word) == set()


@pytest.mark.parametrize("text", [
    "اغتيلت ناشطة مدنية في مدينة البصرة يوم الخميس.",  # passive, feminine, verb first
    "ناشطان مدنيان اغتيلا في مدينة البصرة يوم الخميس.",  # dual, subject first
    "اغتال مسلحون مجهولون صحفيا في مدينة البصرة يوم الخميس.",  # active, plural subject after the verb
])
def test_a_generated_form_reports_an_incident(text: str) -> None:
    assert types(text) == ["Attack"]


def test_a_listed_word_keeps_its_own_cue() -> None:
    """A form triggers.toml lists for another cue keeps it ("قصف جوي" is an air strike, not shelling)."""
    assert cue_of("غارة") == {"air"}
    assert types("قتل ثلاثة مدنيين في قصف جوي على مدينة إدلب يوم الخميس.") == ["Air/drone strike"]


# --- the weapon of a strike -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وجهت القوات ضربات صاروخية على مواقع داعش في الرمادي يوم الخميس.", "Shelling/artillery/missile attack"),
    ("ضربات مدفعية تركية استهدفت قرية كاني ماسي في دهوك يوم الخميس.", "Shelling/artillery/missile attack"),
    ("وجه الطيران ضربات على مواقع داعش في الرمادي يوم الخميس.", "Air/drone strike"),
    ("ألقت المروحيات برميلين متفجرين على بلدة اللطامنة في حماة يوم الخميس.", "Air/drone strike"),
])
def test_a_strike_is_typed_by_its_weapon(text: str, expected: str) -> None:
    assert types(text) == [expected]


def test_a_strike_without_a_weapon_is_an_air_strike() -> None:
    assert classify({"strike"}, ActorFacts()) == "Air/drone strike"
    assert classify({"strike", "shelling"}, ActorFacts()) == "Shelling/artillery/missile attack"
    assert classify({"strike", "aircraft", "shelling"}, ActorFacts()) == "Air/drone strike"


# --- a standing charge in the present tense -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وتتهم المعارضة الجيش باستهداف المستشفيات في إدلب.",  # feminine subject, verbal noun
    "ويتهم الأهالي التنظيم باختطاف الشبان في دير الزور.",  # masculine plural subject
    "وتتهمها الحكومة بقصف القرى في ريف حماة.",  # object pronoun, the accused before the accuser
])
def test_a_present_accusation_opening_a_sentence_is_background(text: str) -> None:
    assert types(text) == []


def test_an_accusation_of_a_dated_incident_still_reports_it() -> None:
    assert len(types("اتهمت المعارضة الجيش باستهداف مستشفى في إدلب يوم الخميس.")) == 1


# --- a bombardment whose weapon is told elsewhere -------------------------------------------------

@pytest.mark.parametrize("text", [
    # the aircraft in a sentence with no place, the bombardment (a masdar) at the place
    "نفذت مقاتلات عراقية غارات جوية يوم السبت أسفرت عن مقتل 20 مسلحا. واستهدف القصف مقار التنظيم في بلدة هجين"
    " بمحافظة دير الزور.",
    # the bombardment as the subject of another verb
    "شنت طائرات حربية غارات فجر الخميس. وطال القصف منازل المدنيين في بلدة هجين في دير الزور.",
    # the bombardment as a verb, feminine, its subject the aircraft of the sentence before
    "أغارت الطائرات الروسية على ريف إدلب يوم الخميس. وقصفت بلدة سراقب في محافظة إدلب.",
])
def test_a_bombardment_is_the_air_strike_the_incident_tells(text: str) -> None:
    assert types(text) == ["Air/drone strike"]


def test_a_ground_weapon_named_keeps_it_shelling() -> None:
    text = "شنت طائرات حربية غارات فجر الخميس. وقصفت المدفعية بقذائف الهاون بلدة هجين في دير الزور."
    assert types(text) == ["Shelling/artillery/missile attack"]


# --- a comma and a linking adverb open a new incident ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("سقطت قذائف أطلقتها الفصائل على بلدة نبل في ريف حلب يوم الخميس، كذلك دارت اشتباكات بين قوات النظام"
     " والفصائل في بلدة حندرات في ريف حلب.", ["Shelling/artillery/missile attack", "Armed clash"]),
    ("قصفت قوات النظام بلدة بيت جن في ريف دمشق يوم الخميس، كما استهدف التنظيم حاجزا للجيش في بلدة القريتين"
     " في حمص.", ["Shelling/artillery/missile attack", "Armed clash"]),
    ("شنت الطائرات غارات على بلدة سراقب في إدلب يوم الخميس، تزامنا مع اشتباكات في بلدة اللطامنة في حماة.",
     ["Air/drone strike", "Armed clash"]),
    # "followed by it": the second incident told after a pronoun that points back to the first
    ("سقطت قذائف أطلقتها الفصائل على بلدة نبل في ريف حلب يوم الخميس، عقبه قصف من قبل قوات النظام على بلدة عندان"
     " في ريف حلب.", ["Shelling/artillery/missile attack", "Shelling/artillery/missile attack"]),
    ("انفجرت سيارة مفخخة في حي الكرادة ببغداد صباح الخميس، تلاها انفجار عبوة ناسفة في حي الشعب ببغداد.",
     ["Remote explosive/landmine/IED", "Remote explosive/landmine/IED"]),
    ("شنت الطائرات غارات على بلدة سراقب في إدلب يوم الخميس، أعقبها اشتباكات بين الفصائل وقوات النظام في بلدة"
     " اللطامنة في حماة.", ["Air/drone strike", "Armed clash"]),
])
def test_each_clause_after_a_linking_adverb_is_its_own_incident(text: str, expected: list[str]) -> None:
    assert sorted(types(text)) == sorted(expected)


def test_a_list_of_tolls_joined_by_kama_is_one_account() -> None:
    """Toll words alone on each side ("سقط ثلاثة قتلى ...، كما قتل متظاهر ...") tell one story's dead."""
    assert types("سقط ثلاثة قتلى في البصرة يوم الجمعة، كما قتل متظاهر في الديوانية.") == [
        "Excessive force against protesters"]


# --- the verbal noun of a capture ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # the masdar as the object of a statement, a state force announcing
    ("أعلن الجيش العراقي السيطرة على قرية البوعيثة في محافظة الأنبار يوم الخميس.", "Government regains territory"),
    # a feminine rebel subject
    ("أكدت قوات سوريا الديمقراطية السيطرة على بلدة هجين في دير الزور يوم الخميس.",
     "Non-state actor overtakes territory"),
    # after عن, the statement's subject told first
    ("وأعلنت القيادة العامة للجيش السوري عن السيطرة على بلدة حمورية في ريف دمشق يوم الخميس.",
     "Government regains territory"),
])
def test_the_masdar_of_a_capture_with_its_place_reports_it(text: str, expected: str) -> None:
    assert types(text) == [expected]


# --- poison gas ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # from the air, the gas after the place
    "قصفت طائرات حربية بلدة اللطامنة في حماة بغازات سامة يوم الخميس ما أدى إلى مقتل 5 مدنيين.",
    # a passive toll first, the attack as a noun
    "أصيب عشرات المدنيين بحالات اختناق إثر هجوم بالغاز على بلدة دوما في ريف دمشق يوم الخميس.",
    # shells carrying it, a plural subject
    "استهدفت قوات النظام بلدة كفرزيتا في حماة بقذائف تحمل غاز الخردل يوم الخميس.",
])
def test_poison_gas_is_a_chemical_weapon_whatever_delivers_it(text: str) -> None:
    assert types(text) == ["Chemical weapon"]


@pytest.mark.parametrize(("text", "expected"), [
    ("دكت المدفعية التركية قرية كاني ماسي في دهوك يوم الخميس.", "Shelling/artillery/missile attack"),  # 3fs
    ("طائرات حربية تدك بلدة اللطامنة في حماة يوم الخميس.", "Air/drone strike"),  # imperfect, subject first
    ("وقال الجيش إن مدافعه دكوا مواقع التنظيم في بلدة هجين بدير الزور يوم الخميس.",  # 3mp after إن
     "Shelling/artillery/missile attack"),
])
def test_every_form_of_dakka_is_a_bombardment(text: str, expected: str) -> None:
    assert types(text) == [expected]


# --- what demonstrators only tried to do -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    # masculine plural, the subject between the attempt and the act
    "حاول متظاهرون اقتحام مبنى المحافظة في البصرة يوم الجمعة لكن الشرطة فرقتهم بالغاز المسيل للدموع.",
    # feminine plural with an adjective, the police's act joined by ف
    "حاولت متظاهرات غاضبات اقتحام مبنى المحافظة في البصرة يوم الجمعة ففرقتهن الشرطة بخراطيم المياه.",
    # the attempt as a plural noun, the storming a verbal noun after ل
    "شهدت البصرة يوم الجمعة محاولات لاقتحام مبنى المحافظة من قبل المتظاهرين فرقتها قوات الأمن بخراطيم المياه.",
])
def test_an_attempted_storming_is_no_riot(text: str) -> None:
    assert types(text) == ["Protest with intervention"]


def test_a_storming_done_is_a_riot() -> None:
    assert types("اقتحم متظاهرون مبنى المحافظة في البصرة يوم الجمعة.") == ["Violent demonstration"]


# --- a liberation named as an operation under way ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "أعلنت القوات العراقية انطلاق المرحلة الثانية من عملية تحرير مدينة الرمادي في الأنبار يوم الخميس.",
    "تشارك قوات الحشد الشعبي في معركة تحرير بلدة القائم في محافظة الأنبار منذ يوم الخميس.",
    "قال قائد الشرطة إن حملة تحرير قرية البوعيثة في الأنبار بدأت يوم الخميس.",  # SVO after إن
])
def test_an_operation_to_liberate_is_no_place_taken(text: str) -> None:
    assert types(text) == []


@pytest.mark.parametrize("text", [
    "تمكنت القوات العراقية من تحرير مدينة الرمادي في الأنبار يوم الخميس.",
    "وحررت القوات العراقية مدينة الرمادي في الأنبار يوم الخميس.",
])
def test_a_liberation_done_is_a_place_taken(text: str) -> None:
    assert types(text) == ["Government regains territory"]


# --- the reach of running totals, recollections and causes: comma parts of a clause ---------------------

def coded(text: str) -> list[tuple[str, str]]:
    events = extract_events(Article("t", text, published=PUBLISHED))
    return sorted((e.location.admin1, e.sub_event_type) for e in events)


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause after a running total tells a day's act of its own (active verb, plural crowd)
    ("تواصلت الاحتجاجات في مدن عراقية عدة، التي شهدت أمس خروج الآلاف في مدينة الكوت.",
     [("Wasit", "Peaceful protest")]),
    # a count over weeks inside a relative clause after a capture describes the captured town (feminine verb)
    ("استعاد الجيش السوري السيطرة على بلدة مورك، التي شهدت معارك عنيفة خلال الأسابيع الماضية.",
     [("Hama", "Government regains territory")]),
    # the same after a feminine plural subject and a relative pronoun with و
    ("سيطرت فصائل المعارضة على قرية تل ملح، والتي دارت فيها اشتباكات متقطعة خلال الأشهر الماضية.",
     [("Hama", "Non-state actor overtakes territory")]),
    # what a bombardment answers, told in a later comma part, is its cause, not its background
    ("قصفت القوات التركية قرية في ناحية راجو، وقال مصدر إن القصف جاء ردا على هجوم للوحدات الكردية.",
     [("Aleppo", "Shelling/artillery/missile attack")]),
    # a riot act with no doer of its own, after the demonstration it belongs to (plural verb, a later day)
    ("تجمع المحتجون في ساحة التحرير خلال الأسابيع الماضية، ثم اقتحموا مساء السبت مبنى المحافظة في مدينة الحلة.",
     [("Babil", "Violent demonstration")]),
])
def test_a_marker_reaches_only_its_own_part(text: str, expected: list[tuple[str, str]]) -> None:
    assert coded(text) == expected


@pytest.mark.parametrize("text", [
    "قتل 12 شخصا في اشتباكات في مدينة البصرة خلال الأيام الماضية.",  # the total in the act's own part
    "قتل 200 مسلح في محافظة الأنبار منذ بدء العملية، وأصيب 50 آخرون.",  # a toll alone goes on with the total
    "وجاءت الغارات ردا على قصف استهدف مدينة حلب.",  # the cause, and the act told only as answering it
])
def test_totals_and_causes_still_make_no_incident(text: str) -> None:
    assert coded(text) == []


def test_a_riot_word_with_armed_doers_is_no_demonstration() -> None:
    text = "اقتحم مسلحون مجهولون مبنى البلدية في مدينة الرمادي، بعد أيام من تظاهرة للأهالي."
    assert ("Anbar", "Violent demonstration") not in coded(text)


# --- trigger phrases: fire with a possessive, the liberation of a kind of place ----------------------

@pytest.mark.parametrize(("phrase", "cue"), [
    ("أطلقت الميليشيا نيرانها على المحتجين", "shooting"),  # feminine possessor
    ("فتح الحراس نيرانهم على السيارة", "shooting"),  # plural possessor
    ("تمكنت القوات من تحرير حي الضباط", "territory"),  # verbal noun after a support verb
    ("أعلن الجيش تحرير مناطق واسعة شرق المدينة", "territory"),  # plural place noun
    ("واصلت القوات تحرير قرى الريف الغربي", "territory"),
])
def test_trigger_phrases(phrase: str, cue: str) -> None:
    assert cue in cue_of(phrase)


@pytest.mark.parametrize("phrase", ["قصفت هيئة تحرير الشام المواقع", "تجمع المحتجون في ساحة التحرير"])
def test_liberation_in_a_name_is_no_capture(phrase: str) -> None:
    assert "territory" not in cue_of(phrase)


# --- "since" after a superlative compares, it does not date the act to the past ---------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a superlative noun phrase before "since" (air strikes, plural, active verb first)
    ("شنت الطائرات الحربية أعنف غارات منذ سنوات على مدينة الرمادي.", [("Anbar", "Air/drone strike")]),
    # "the first time since" in an aside after the act (feminine subject, SVO)
    ("المدفعية التركية قصفت قرية في ناحية راجو، وهي المرة الأولى منذ عامين.",
     [("Aleppo", "Shelling/artillery/missile attack")]),
    # "the first attack since" opening the clause, with a passive toll after it
    ("في أول هجوم على المدينة منذ 2017، قتل ثلاثة جنود بانفجار عبوة ناسفة في مدينة تكريت.",
     [("Salah al-Din", "Remote explosive/landmine/IED")]),
])
def test_since_after_a_superlative_is_no_background(text: str, expected: list[tuple[str, str]]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert sorted((e.location.admin1, e.sub_event_type) for e in events) == expected
    assert all(e.fatalities in (None, 0, 3) for e in events)


def test_since_a_day_is_still_a_running_total() -> None:
    text = "قتل 17 مدنيا منذ الثلاثاء في قصف على مدينة إدلب."
    assert all(e.fatalities != 17 for e in extract_events(Article("t", text, published=PUBLISHED)))


# --- "since" a day of the last few: one event a day, the toll split (codebook §1) ---------------------

@pytest.mark.parametrize(("text", "expected"), [
    # passive verb, masculine plural victims, "since Sunday" told on Tuesday: three days
    ("قتل 9 متظاهرين منذ الأحد في مدينة البصرة.",
     [("2021-08-01", 3), ("2021-08-02", 3), ("2021-08-03", 3)]),
    # "met their death", the victims first, "since the day of Monday": two days
    ("لقي ثمانية مدنيين حتفهم منذ يوم الإثنين جراء غارات على مدينة إدلب.", [("2021-08-02", 4), ("2021-08-03", 4)]),
    # "fell", the dead after the verb, "since yesterday": the remainder on the last day
    ("سقط 5 قتلى من الجنود منذ أمس في هجمات على قرى في قضاء الطارمية.", [("2021-08-02", 2), ("2021-08-03", 3)]),
])
def test_a_toll_since_a_day_of_the_last_few_is_one_event_a_day(text: str, expected: list[tuple[str, int]]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert sorted((str(e.event_date), e.fatalities) for e in events) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a verb of happening in the present, "since yesterday morning", the clash after it
    ("كذلك تدور منذ صباح أمس اشتباكات عنيفة بين تنظيم داعش والفصائل في بلدة القريتين بريف حمص.",
     ("Homs", "Armed clash")),
    # "still going on" (feminine, ما زالت), "since last night", the sides after it
    ("وما زالت المواجهات مستمرة منذ ليل أمس بين قوات الجيش ومسلحين في قضاء الطارمية.", ("Baghdad", "Armed clash")),
    # a masculine verb of going on, the shelling as its subject, "since yesterday's dawn" last
    ("ويتواصل القصف المدفعي على بلدة كفرنبل منذ فجر أمس.", ("Idlib", "Shelling/artillery/missile attack")),
])
def test_an_act_going_on_since_yesterday_is_yesterdays_incident(text: str, expected: tuple[str, str]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert [(e.location.admin1, e.sub_event_type, str(e.event_date)) for e in events] == [(*expected, "2021-08-02")]


def test_an_act_going_on_since_a_day_further_back_is_a_campaign() -> None:
    assert types("وتتواصل الاشتباكات في بلدة القريتين بريف حمص منذ يوم الأحد.") == []


def test_a_toll_since_a_day_further_back_stays_a_running_total() -> None:
    text = "قتل 30 مدنيا منذ الأربعاء في قصف على مدينة إدلب."  # Wednesday, six days before: a campaign's total
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert len(events) <= 1 and all(e.fatalities in (None, 0) for e in events)


# --- a belief about whose the weapon is, not whether it struck ----------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # feminine plural aircraft "believed to belong to" the coalition, the verb before them
    ("نفذت طائرات حربية يعتقد أنها تابعة للتحالف الدولي غارات على مدينة الرقة.", ("Ar-Raqqa", "Air/drone strike")),
    # a masculine singular rocket "thought to be of the type", the verb first
    ("سقط صاروخ يرجح أنه من نوع أرض أرض على حي في مدينة درعا.", ("Daraa", "Shelling/artillery/missile attack")),
    # a dual subject and a dual word of belonging
    ("أطلقت مروحيتان يعتقد أنهما تابعتان للجيش صواريخ على قرية في ريف حماة.", ("Hama", "Air/drone strike")),
    # a bomber "suspected to be of" IS (بأنه)
    ("فجر انتحاري يشتبه بأنه من تنظيم داعش حزامه الناسف في سوق بمدينة كركوك.", ("Kirkuk", "Suicide bomb")),
])
def test_a_belief_about_the_owner_keeps_the_act(text: str, expected: tuple[str, str]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert [(e.location.admin1, e.sub_event_type) for e in events if e.location] == [expected]


@pytest.mark.parametrize("text", [
    "ويعتقد أن مسلحي داعش هاجموا قرية في ريف كركوك.",  # the belief is about the act itself
    "ويعتقد أنه قصف قرية في ريف كركوك.",  # a pronoun, then the act: still a belief
])
def test_a_belief_about_the_act_is_no_event(text: str) -> None:
    assert types(text) == []


# --- the polling of an election is no legislation ---------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وجرت عملية التصويت في أجواء مستقرة، خرقها انفجار عبوة ناسفة في مدينة كركوك أدى إلى مقتل شخصين.",
     ("Kirkuk", "Remote explosive/landmine/IED")),
    ("أغلقت مراكز التصويت بعد انفجار سيارة مفخخة قرب مدرسة في مدينة الموصل.",
     ("Ninewa", "Remote explosive/landmine/IED")),
    ("وأوقفت عمليات التصويت في البلدة بعدما هاجم مسلحون مركزا انتخابيا في قضاء طوز خورماتو.",
     ("Salah al-Din", "Armed clash")),
])
def test_a_bombing_during_the_polling_is_an_event(text: str, expected: tuple[str, str]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert [(e.location.admin1, e.sub_event_type) for e in events if e.location][:1] == [expected]


@pytest.mark.parametrize("text", [
    "صوت البرلمان على قانون يجرم الهجمات على الصحفيين في بغداد.",
    "تم التصويت على مشروع قانون يعاقب على الهجمات المسلحة في بغداد.",
    "ودعا النواب إلى التصويت لانتخاب رئيس جديد رغم الهجمات في بغداد.",
])
def test_a_vote_on_a_bill_tells_no_incident(text: str) -> None:
    assert types(text) == []


# --- the background of a scene described after "where" or a relative pronoun is not the act's ------------

@pytest.mark.parametrize(("text", "expected"), [
    # clashes (a noun subject after a verb of happening), then "where" the region has seen battles for weeks
    ("كما دارت اشتباكات بين قوات سوريا الديمقراطية وعناصر داعش في محيط بلدة تل أبيض، حيث تشهد المنطقة منذ "
     "أسابيع معارك متقطعة.", ("Ar-Raqqa", "Armed clash")),
    # an active verb with a plural subject, then a relative clause on the town (feminine, present tense)
    ("قصفت الطائرات الحربية بلدة كفرنبل، التي تتعرض منذ أشهر لقصف متكرر.", ("Idlib", "Air/drone strike")),
    # a bomb (intransitive verb), then "where" IS fighters have been active for years (masculine plural)
    ("انفجرت عبوة ناسفة على دورية للشرطة في قضاء الطارمية، حيث ينشط مسلحو داعش منذ سنوات.",
     ("Baghdad", "Remote explosive/landmine/IED")),
])
def test_a_described_scenes_background_leaves_the_act_news(text: str, expected: tuple[str, str]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert [(e.location.admin1, e.sub_event_type) for e in events if e.location] == [expected]


@pytest.mark.parametrize("text", [
    "وتتعرض بلدة كفرنبل منذ أشهر لقصف متكرر.",  # the ongoing shelling itself, with "since"
    "قصفت الطائرات بلدة كفرنبل منذ أشهر.",  # "since" in the act's own comma part
])
def test_since_in_the_acts_own_part_stays_background(text: str) -> None:
    assert types(text) == []


# --- the comma that closes one side of a clash does not end a clause's first part ---------------------

@pytest.mark.parametrize(("text", "expected"), [
    # "من جهة، ... من جهة أخرى،": a verb of happening in the present, the scene after both sides
    ("قصفت قوات النظام بلدة كفرنبل بريف إدلب، كذلك تدور اشتباكات عنيفة بين تنظيم داعش من جهة، والفصائل من جهة "
     "أخرى، في بلدة القريتين بريف حمص.", [("Homs", "Armed clash"), ("Idlib", "Shelling/artillery/missile attack")]),
    # "من طرف، ... من طرف آخر،": the perfect, an air strike before it
    ("استهدف الطيران الحربي مدينة الرستن في ريف حمص، كما دارت اشتباكات بين قوات النظام من طرف، وهيئة تحرير "
     "الشام من طرف آخر، في قرية الزلاقيات بريف حماة.", [("Hama", "Armed clash"), ("Homs", "Air/drone strike")]),
    # "من ناحية، ... من ناحية ثانية،": a feminine verb of breaking out, a bombing before it
    ("انفجرت سيارة مفخخة في مدينة الباب بريف حلب، كما اندلعت مواجهات بين الجيش التركي من ناحية، وقوات سوريا "
     "الديمقراطية من ناحية ثانية، في مدينة منبج.",
     [("Aleppo", "Armed clash"), ("Aleppo", "Remote explosive/landmine/IED")]),
])
def test_a_clash_whose_scene_follows_its_sides_is_a_clause_of_its_own(text: str,
                                                                     expected: list[tuple[str, str]]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert sorted((e.location.admin1, e.sub_event_type) for e in events if e.location) == expected


# --- a cause with its own day is an incident of that day ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a visit on Thursday "against the backdrop of" a protester killed last Tuesday (a noun of killing; a
    # running total of the protests before the cause)
    ("وصل وزير الداخلية، الخميس، إلى مدينة الناصرية، سعيا إلى تهدئة الاحتجاجات المتواصلة منذ أسبوع على خلفية "
     "مقتل متظاهر في تظاهرة، الثلاثاء الماضي.", ("Dhi Qar", "Excessive force against protesters", "2021-07-27")),
    # a session today "following" a bombing yesterday (a feminine-object verb in a relative clause)
    ("عقد مجلس المحافظة جلسة طارئة اليوم لبحث الأوضاع الأمنية إثر تفجير استهدف سوقا في مدينة بعقوبة أمس.",
     ("Diyala", "Remote explosive/landmine/IED", "2021-08-02")),
    # a visit on Saturday "after" an attack gunmen launched on Thursday (a light verb with a plural subject)
    ("زار رئيس الوزراء، السبت، مدينة الموصل، بعد هجوم شنه مسلحون على قرية في قضاء الحمدانية، الخميس.",
     ("Ninewa", "Armed clash", "2021-07-29")),
])
def test_a_cause_with_its_own_day_is_that_days_incident(text: str, expected: tuple[str, str, str]) -> None:
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert [(e.location.admin1, e.sub_event_type, str(e.event_date)) for e in events] == [expected]


@pytest.mark.parametrize(("text", "killed"), [
    # a noun of killing with one person, after "على خلفية", a day after it
    ("وصل وزير الداخلية، الخميس، إلى مدينة الناصرية، سعيا إلى تهدئة الاحتجاجات المتواصلة منذ أسبوع على خلفية "
     "مقتل متظاهر في تظاهرة، الثلاثاء الماضي.", 1),
    # a count of women, a session on the writing day, the day a weekday with "يوم"
    ("عقد مجلس المحافظة جلسة طارئة اليوم لبحث الأوضاع الأمنية على خلفية مقتل ثلاث نساء بانفجار عبوة ناسفة في "
     "مدينة بعقوبة يوم السبت.", 3),
    # a dual killed by gunfire, a governor's visit on Sunday, the day the Friday before
    ("زار المحافظ، الأحد، مدينة العمارة على خلفية مقتل شابين برصاص قوات الأمن في تظاهرة، الجمعة الماضية.", 2),
])
def test_a_cause_with_its_own_day_keeps_its_dead(text: str, killed: int) -> None:
    """A killing told as a motive is no toll of what it motivates; dated, it is its own incident's toll."""
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert killed in [e.fatalities for e in events]
    assert all(e.fatalities in (0, killed) for e in events)


def test_a_cause_with_no_day_leaves_a_running_total() -> None:
    assert types("ارتفعت حصيلة القتلى منذ بدء الهجوم إلى 50 جراء القصف على مدينة إدلب.") == []


# --- "took the life of" ---------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "انفجار أودى بحياة ثلاثة جنود",  # masculine subject, the life of a count
    "هجمات أودت بحياتهم",  # feminine (plural) subject, a possessive on the life
    "قصف يودي بحياة المدنيين",  # imperfect, masculine
    "غارة تودي بحياة طفلين",  # imperfect, feminine
])
def test_taking_a_life_is_a_killing(phrase: str) -> None:
    assert "kill" in cue_of(phrase)


# --- a "when" clause after a running total tells the incident that started or ended it -----------------

@pytest.mark.parametrize(("text", "expected"), [
    # the wave began on a day, when the police fired (feminine plural subject, active)
    ("بدأت الاحتجاجات في 28 تموز عندما فتحت قوات الأمن النار على متظاهرين في مدينة البصرة.",
     [("Basra", "Excessive force against protesters")]),
    # the latest of a series, when people were wounded (passive, حين)
    ("تكرر منذ مطلع العام قصف البلدة وكان آخره في 30 تموز حين أصيب ستة مدنيين بقذائف مدفعية في بلدة كفرنبل.",
     [("Idlib", "Shelling/artillery/missile attack")]),
    # the latest of the attacks a toll sums up, when aircraft struck (active verb, the subject after it)
    ("قتل العشرات في هجمات على القرية منذ مطلع العام آخرها في 29 تموز حين قصف الطيران الحربي مدرسة في قرية حاس.",
     [("Idlib", "Air/drone strike")]),
    # حينما, a masculine singular subject, the day before the verb
    ("انطلقت التظاهرات يوم الأحد الماضي حينما أطلق شرطي النار على محتج في مدينة الناصرية.",
     [("Dhi Qar", "Excessive force against protesters")]),
])
def test_a_when_clause_after_a_total_is_an_incident(text: str, expected: list[tuple[str, str]]) -> None:
    assert coded(text) == expected


def test_a_when_clause_without_a_day_stays_the_total() -> None:
    text = "اندلعت الاحتجاجات الأسبوع الماضي عندما خرج السكان إلى الشوارع في مدينة البصرة."
    assert coded(text) == []


# --- "this is the first attack": a clause that says what the act told before was -----------------------

def supporting_flags(text: str) -> list[tuple[int, bool]]:
    doc = default_pipeline().run(Article("t", text, published=PUBLISHED))
    return sorted({(m.sentence, m.supporting) for m in doc.mentions})


@pytest.mark.parametrize("text", [
    # masculine "this", an ordinal before the noun, a place of its own
    "سقطت ثلاث قذائف هاون داخل المنطقة الخضراء في بغداد أمس. وهذا أول هجوم من نوعه على المنطقة الخضراء.",
    # feminine "this" and a feminine noun
    "قصفت طائرات حربية مواقع الفصائل في بلدة كفرنبل صباح اليوم. وهذه ثالث غارة على بلدة كفرنبل.",
    # "this is" with the pronoun هو and a definite noun
    "فجر انتحاري نفسه عند حاجز للجيش في مدينة الرمادي. وهذا هو الهجوم الثاني على مدينة الرمادي.",
])
def test_this_is_the_act_told_before(text: str) -> None:
    assert supporting_flags(text) == [(0, False), (1, True)]


def test_this_and_is_a_connective_before_news() -> None:
    text = "قصفت طائرات حربية بلدة كفرنبل صباح اليوم. هذا واندلعت اشتباكات عنيفة في قرية حاس أمس."
    assert supporting_flags(text) == [(0, False), (1, False)]


def test_this_is_adds_no_victims_of_its_own() -> None:
    text = ("سقطت ثلاث قذائف هاون داخل المنطقة الخضراء في بغداد أمس. "
            "وهذا أول هجوم من نوعه على المنطقة الخضراء في العاصمة بغداد.")
    events = extract_events(Article("t", text, published=PUBLISHED))
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Shelling/artillery/missile attack", None)]


# --- run-on round-ups: a linking adverb without its comma, a verb of happening before the event noun ------

@pytest.mark.parametrize(("text", "expected"), [
    # "كما" + a perfect event noun's verb of happening, no comma before it (masculine plural noun)
    ("قصفت قوات النظام مناطق في بلدة كفرنبل بريف إدلب الجنوبي ولم ترد أنباء عن إصابات كما دارت اشتباكات "
     "بين الفصائل وقوات النظام في محيط بلدة مورك بريف حماة الشمالي.",
     [("Hama", "Armed clash"), ("Idlib", "Shelling/artillery/missile attack")]),
    # "كما" + an event verb in the perfect, no comma (a verb of the masculine plural, a possessive subject)
    ("استهدفت الفصائل بقذائف الهاون مواقع لقوات النظام في قرية جورين بسهل الغاب كما اشتبك مقاتلوها مع عناصر "
     "التنظيم في محيط مدينة السخنة بريف حمص الشرقي.",
     [("Hama", "Shelling/artillery/missile attack"), ("Homs", "Armed clash")]),
    # "، كذلك" + a verb of happening, a time word, then the event noun (feminine plural noun)
    ("سقطت قذائف على حي الميدان في مدينة حلب، كذلك جرت صباح اليوم مواجهات بين الطرفين في بلدة خان طومان جنوب حلب.",
     [("Aleppo", "Armed clash"), ("Aleppo", "Shelling/artillery/missile attack")]),
])
def test_a_linking_adverb_in_a_round_up_opens_a_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert coded(text) == expected


# --- a background word in one clause of a round-up is not the background of another ---------------------
# (nor, after "where" or a relative pronoun, of the act its own clause told before it: the later clashes
# are news too; so are clashes going on "since yesterday morning", yesterday's incident)

@pytest.mark.parametrize(("text", "expected"), [
    # "since weeks" in a later clause's relative part (active verb, feminine plural subject)
    ("قصفت قوات النظام مناطق في مدينة حرستا، كما دارت اشتباكات في محيط بلدة تل السمن بريف الرقة، حيث يشهد "
     "الريف منذ أسابيع معارك كر وفر.",
     [("Ar-Raqqa", "Armed clash"), ("Rural Damascus", "Shelling/artillery/missile attack")]),
    # "since months" after a relative pronoun in the later clause (masculine singular subject)
    ("استهدف الطيران الحربي بلدة التمانعة بريف إدلب، كما دارت اشتباكات في محيط قرية الزارة بريف حماة، التي "
     "تحاصرها الفصائل منذ أشهر.", [("Hama", "Armed clash"), ("Idlib", "Air/drone strike")]),
    # the later clause opens with ثم and names its own scene (feminine plural subject)
    ("أغارت طائرات حربية على قرية كفرزيتا بريف حماة الشمالي، ثم قصفت المدفعية قرية التح بريف إدلب، وهي القرية "
     "التي نزح أهلها منذ عامين.", [("Hama", "Air/drone strike")]),
    # a verb of happening with "since yesterday morning" in the later clause
    ("ألقى الطيران المروحي براميل متفجرة على مدينة داريا، كذلك تدور منذ صباح أمس اشتباكات عنيفة بين التنظيم "
     "والفصائل في مدينة الضمير.", [("Rural Damascus", "Air/drone strike"), ("Rural Damascus", "Armed clash")]),
])
def test_background_reaches_only_its_own_clause(text: str, expected: list[tuple[str, str]]) -> None:
    assert coded(text) == expected


# --- the taker's name between a capture verb and the place taken does not count towards its reach ------

@pytest.mark.parametrize(("text", "expected"), [
    # a long plural subject in construct (VSO, masculine plural)
    ("سيطر مقاتلو المعارضة السورية على نقاط عدة في الجبل الشرقي في الزبداني.",
     [("Rural Damascus", "Non-state actor overtakes territory")]),
    # two coordinated takers (feminine verb, a foreign army and its allies)
    ("سيطرت القوات التركية وفصائل الجيش السوري الحر الموالية لها على أحياء واسعة في عفرين.",
     [("Aleppo", "Non-state actor overtakes territory")]),
    # a time word too between the taker and the place
    ("سيطر عناصر تنظيم داعش الإرهابي صباح اليوم على ثلاثة مواقع للجيش قرب مدينة بيجي.",
     [("Salah al-Din", "Non-state actor overtakes territory")]),
])
def test_a_capture_reaches_its_place_past_the_takers_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert coded(text) == expected


# --- a clause cut off at "، بينما" goes on in the time of the clause before it -----------------------------

@pytest.mark.parametrize("text", [
    # بينما, a capture told months after an old one (masculine verb, a coalition as taker)
    "استعادت القوات العراقية مدينة الموصل في تموز 2017، بينما استعاد تحالف من الأكراد والعرب مدينة الرقة "
    "بعد ثلاثة أشهر من ذلك.",
    # فيما, a feminine plural taker, weeks after an old bombardment
    "قصفت الطائرات الروسية مدينة حلب في كانون الأول 2016، فيما سيطرت قوات النظام على أحياء حلب الشرقية بعد أسابيع.",
    # في حين, an attack by a plural subject beside an old toll
    "قتل عشرات المدنيين في غارات على مدينة إدلب في نيسان 2017، في حين هاجم مسلحو المعارضة مواقع الجيش في ريف حماة.",
])
def test_a_while_clause_after_an_old_one_is_background(text: str) -> None:
    assert coded(text) == []


def test_a_while_clause_after_todays_news_is_news() -> None:
    text = "قصفت الطائرات الروسية مدينة حلب أمس، فيما سيطرت قوات النظام على حي الشيخ سعيد في حلب."
    assert coded(text) == [("Aleppo", "Air/drone strike"), ("Aleppo", "Government regains territory")]
