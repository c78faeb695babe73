"""Frames: a linking adverb ("كذلك"، "كما") opens a new clause (verbs.toml ``boundaries``): a name or a
casualty word told before it is not the next verb's subject, so the name right after that verb is its agent
("دون أنباء عن إصابات، كذلك استهدفت الفصائل المعارضة تمركزات لقوات النظام": the factions fired)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import default_pipeline
from marsad.text.normalise import fold


def _frame(text: str, lemma: str) -> dict[str, Any]:
    doc = default_pipeline().run(Article("t", text, published=date(2021, 8, 3)))
    return next(f.to_record() for f in doc.frames if f.to_record()["lemma"] == lemma)


def _text(arg: dict[str, Any] | None) -> str:
    return "" if arg is None else arg["text"]


@pytest.mark.parametrize(("text", "lemma", "agent"), [
    # a casualty noun before the comma, "كذلك", a feminine singular verb and a plural subject
    ("دون أنباء عن إصابات، كذلك استهدفت الفصائل المعارضة تمركزات لقوات النظام بقذائف الهاون في محيط قرية "
     "الغاصبية.", "استهدف", "الفصائل المعارضة"),
    # "كما", a masculine verb and a named organisation after "no wounded"
    ("دون وقوع إصابات، كما استهدف تنظيم داعش مواقع للجيش العراقي قرب قضاء الحويجة.", "استهدف", "تنظيم داعش"),
    # "كذلك" after a negated report, a feminine plural force
    ("ولم ترد أنباء عن إصابات، كذلك قصفت القوات التركية قرى في ناحية راجو.", "قصف", "القوات التركية"),
    # "وكذلك" after an act's wounded, a masculine plural in construct as subject
    ("وأسفر القصف عن إصابات بين المدنيين، وكذلك هاجم مسلحو العشائر مقرا للتنظيم في قضاء هيت.", "هاجم", "مسلحو"),
    # "كما" after "no dead" (a plural casualty noun), aircraft as subject
    ("ولا أنباء عن قتلى، كما استهدفت طائرات التحالف مواقع التنظيم في الرقة.", "استهدف", "طائرات التحالف"),
])
def test_the_adverb_opens_the_clause(text: str, lemma: str, agent: str) -> None:
    frame = _frame(text, lemma)
    assert fold(_text(frame["agent"])) == fold(agent)
