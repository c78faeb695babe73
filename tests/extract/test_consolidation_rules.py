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
