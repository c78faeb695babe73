"""Rules of consolidation and of the counts it sums (docs/extraction.md, "Consolidation"), each on
invented sentences that vary person, gender, number, voice and word order."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import STAGES, Pipeline, extract_events

PUBLISHED = date(2021, 8, 3)
_TO_TOLLS = Pipeline(stages=STAGES[: [name for name, _ in STAGES].index("toll") + 1])


def _attackers(text: str) -> list[int]:
    return [t.value for t in _TO_TOLLS.run(Article("t", text, published=PUBLISHED)).tolls if t.kind == "attackers"]


def _suicide_dead(text: str) -> int:
    found = [e for e in extract_events(Article("t", text, published=PUBLISHED)) if e.sub_event_type == "Suicide bomb"]
    assert len(found) == 1, found
    return found[0].fatalities


# --- a bomber who blew himself up is the dead the clause told ---------------------------------------

@pytest.mark.parametrize("text", [
    "لقي طالب مصرعه بعد أن فجر نفسه بحزام ناسف في سوق مدينة الموصل.",
    "قتلت فتاة في الرمادي عندما فجرت نفسها قرب حاجز للشرطة.",
    "قتل مسلح بعد أن فجر نفسه بسيارة مفخخة عند مدخل بلدة الحويجة.",
    "قتلت امرأتان حين فجرتا نفسيهما في سوق شعبي بمدينة كركوك.",
])
def test_the_dead_who_blew_themselves_up_are_counted_once(text):
    """The reflexive's subject is the dead told before it: an "attackers" count of 0."""
    assert _attackers(text) == [0]


@pytest.mark.parametrize("text,dead", [
    ("لقي طالب مصرعه بعد أن فجر نفسه بحزام ناسف في سوق مدينة الموصل.", 1),
    ("قتلت فتاة في الرمادي عندما فجرت نفسها بحزام ناسف قرب حاجز للشرطة.", 1),
    ("قتل مسلح بعد أن فجر نفسه بحزام ناسف عند مدخل بلدة الحويجة.", 1),
])
def test_a_suicide_bombing_adds_no_second_bomber(text, dead):
    assert _suicide_dead(text) == dead


@pytest.mark.parametrize("text,dead", [
    # a bomber named between verb and reflexive is not the dead counted: 5 + 1
    ("قتل خمسة أشخاص عندما فجر انتحاري نفسه في سوق بغداد.", 6),
    # more dead than the reflexive stands for: they are the bomber's victims, 3 + 1
    ("قتل ثلاثة أشخاص بعد أن فجر نفسه بحزام ناسف في مدينة الموصل.", 4),
    # the dead told after the verb are not its subject: 2 + 1
    ("فجرت انتحارية نفسها بحزام ناسف في مدينة كركوك فقتلت شخصين.", 3),
])
def test_a_bomber_among_other_dead_still_counts(text, dead):
    assert _suicide_dead(text) == dead


# --- a background's attacker is not the incident's -------------------------------------------------

def _events(text: str) -> list:
    return extract_events(Article("t", text, published=date(2021, 8, 5)))


@pytest.mark.parametrize("text", [
    "انفجرت عبوة ناسفة في سوق بلدة اعزاز اليوم ما أدى إلى مقتل شخصين. وسبق أن تعرضت اعزاز للعديد من "
    "التفجيرات خلال الفترة الماضية نفذ أغلبها تنظيم داعش.",
    "قتلت امرأة بانفجار سيارة مفخخة في مدينة الباب أمس. وكان مسلحو داعش قد فجروا سيارات مفخخة في الباب "
    "مرات عدة خلال السنوات الماضية.",
    "أصيب ثلاثة أطفال بانفجار عبوة في بلدة جرابلس صباح اليوم. ويذكر أن جرابلس شهدت سابقا تفجيرات نفذها "
    "تنظيم الدولة الإسلامية.",
])
def test_an_unclaimed_bombing_does_not_take_the_attacker_of_past_ones(text):
    """Codebook §3: an unclaimed bombing is an unidentified armed group's; the group that carried out
    earlier bombings at the place, told for background, did not thereby carry out this one."""
    found = _events(text)
    assert len(found) == 1
    assert found[0].actor1.name == "Unidentified armed group"


@pytest.mark.parametrize("text,actor", [
    ("فجر مسلحو داعش عبوة ناسفة في سوق بلدة اعزاز اليوم فقتلوا شخصين. وسبق أن تعرضت اعزاز لتفجيرات عدة.",
     "Islamic State"),
    ("أعلن تنظيم داعش مسؤوليته عن تفجير سيارة مفخخة في مدينة الباب أمس قتل فيه رجل.", "Islamic State"),
])
def test_an_attacker_named_for_the_incident_itself_stays(text, actor):
    found = _events(text)
    assert found and found[0].actor1.name == actor
