"""Actors: أنْ after a word of time ("بعد أن"، "قبل أن"، "منذ أن") opens a clause of time, not the report of a
reporting verb.  "أعلن الجيش استعادة البلدة بعد أن قضت وحداته على المسلحين": the army announces its own act — it is
its agent, not the report's source (``actors._reporter`` looks for the complementiser of what a verb reports)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _events(text: str) -> list[tuple[str, str]]:
    article = Article.from_parts("t", "", text, date(2018, 3, 31))
    return [(e.sub_event_type, e.actor1.name) for e in extract_events(article)]


@pytest.mark.parametrize(("text", "expected"), [
    # the army (masculine) announces a recapture, then بعد أن
    ("أعلن الجيش السوري استعادة السيطرة على بلدة حمورية بعد أن قضت وحداته على عشرات الإرهابيين.",
     ("Government regains territory", "Military Forces of Syria")),
    # the SDF (feminine) announce a capture, then قبل أن
    ("أعلنت قوات سوريا الديمقراطية السيطرة على بلدة هجين قبل أن تبدأ عمليات تمشيط واسعة.",
     ("Non-state actor overtakes territory", "Syrian Democratic Forces")),
    # the police announce through a pronoun what they did, then بعد أن (the raid told as time)
    ("قالت الشرطة إنها اعتقلت ثلاثة مطلوبين في حي العامرية ببغداد بعد أن داهمت منزلا.",
     (None, "Police Forces of Iraq")),
])
def test_the_announcer_of_its_own_act_is_its_agent(text: str, expected: tuple[str | None, str]) -> None:
    sub_event, actor1 = expected
    found = _events(text)
    assert found and found[0][1] == actor1
    if sub_event is not None:
        assert found[0][0] == sub_event


def test_a_reported_clause_keeps_its_source_apart() -> None:
    # أنّ right after the reporting verb's subject: the command reports what the forces did
    assert _events("ذكرت قيادة العمليات المشتركة أن القوات العراقية قتلت 20 إرهابيا في جزيرة سامراء.") == [
        ("Armed clash", "Military Forces of Iraq")]
