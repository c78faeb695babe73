"""``marsad explain``: the frames of invented sentences, as a table and as JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.cli import cli


def _explain(text: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["explain", "--json", text])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _frame(data: dict[str, Any], lemma: str) -> dict[str, Any]:
    found = [f for f in data["frames"] if f["lemma"] == lemma]
    assert found, [f["lemma"] for f in data["frames"]]
    return found[0]


def _quoted(text: str, arg: dict[str, Any] | None) -> str:
    """The words an argument's span covers in the text as given (the span and the text agree)."""
    assert arg is not None
    start, end = arg["span"]
    assert text[start:end] == arg["text"]
    return text[start:end]


@pytest.mark.parametrize(("text", "lemma", "voice", "agent", "patient"), [
    # active, VSO, a named agent
    ("قتلت القوات العراقية خمسة مسلحين في الأنبار", "قتل", "active", "القوات العراقية", "مسلحين"),
    # active, SVO
    ("الجيش التركي يقصف مواقع لحزب العمال الكردستاني", "قصف", "active", "الجيش التركي", "حزب العمال الكردستاني"),
    # passive with its agent after على يد
    ("اختطف ثلاثة مدنيين على يد مسلحين مجهولين في ديالى", "اختطف", "passive", "مسلحين مجهولين", "مدنيين"),
    # a verbal noun and its genitive
    ("مقتل خمسة من عناصر الشرطة في كركوك", "قتل", "noun", None, "عناصر الشرطة"),
    # a described agent: the force of the statement's subject
    ("أعلنت وزارة الدفاع أن قواتها قتلت خمسة مسلحين", "قتل", "active", "قواتها", "مسلحين"),
    # a described force as the raider
    ("سقط 17 عنصرا من داعش قتلى خلال مداهمة شنتها قوة من الجيش", "داهم", "noun", "قوة من الجيش", None),
])
def test_explain_shows_who_did_what_to_whom(text: str, lemma: str, voice: str, agent: str | None,
                                            patient: str | None) -> None:
    f = _frame(_explain(text), lemma)
    assert f["voice"] == voice
    if agent is not None:
        assert _quoted(text, f["agent"]) == agent
    if patient is not None:
        assert patient in _quoted(text, f["patient"])


def test_explain_shows_a_repelled_attack() -> None:
    text = "صدت قوات البيشمركة هجوما لمسلحي داعش قرب مخمور"
    data = _explain(text)
    f = _frame(data, "صد")
    assert "داعش" in _quoted(text, f["agent"])
    assert _quoted(text, f["patient"]) == "قوات البيشمركة"
    assert data["events"][0]["actor1"] == "Islamic State"


def test_explain_lists_the_places_of_a_list() -> None:
    text = "قتل ثلاثة مدنيين بقصف مدفعي على قرى طربا والكسيب في ريف حماة"
    data = _explain(text)
    assert _frame(data, "قتل")["voice"] == "passive"
    assert len({e["location_ar"] for e in data["events"]}) >= 2


@pytest.mark.parametrize(("text", "lemma", "flag"), [
    ("يعتزم التنظيم شن هجوم على المدينة", "هجم", "planned"),
    ("تتأهب القوات لاقتحام البلدة", "اقتحم", "planned"),
    ("شن النائب هجوم إعلامي على الحكومة", "هجم", "metaphor"),
    ("إذا هاجم التنظيم المدينة فسيرد الجيش", "هاجم", "hypothetical"),
])
def test_explain_flags_what_did_not_happen(text: str, lemma: str, flag: str) -> None:
    assert flag in _frame(_explain(text), lemma)["flags"]


def test_explain_spans_index_the_text_as_given() -> None:
    text = "قُتِلَ الجنديُّ على يدِ مسلحي التنظيمِ في الموصل"  # voweled: the normalised text is shorter
    f = _frame(_explain(text), "قتل")
    assert f["voice"] == "passive"
    assert _quoted(text, f["patient"]).startswith("الجندي")
    assert "التنظيم" in _quoted(text, f["agent"])


def test_explain_prints_a_table() -> None:
    result = CliRunner().invoke(cli, ["explain", "قتلت القوات العراقية خمسة مسلحين في الأنبار"])
    assert result.exit_code == 0, result.output
    assert "clause frames" in result.output and "قتلت" in result.output and "event:" in result.output


def test_explain_without_an_event_word() -> None:
    result = CliRunner().invoke(cli, ["explain", "افتتح الوزير مدرسة جديدة في الموصل"])
    assert result.exit_code == 0, result.output
    assert "no clause with an event word" in result.output
