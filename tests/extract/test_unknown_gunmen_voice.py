"""Frames: unknown gunmen ("مسلحون مجهولون") named uncounted before a verb of unvoweled voice are its agent
— the text knows them only by what they did — even when an aside or a time stands between them and the
verb's object; counted ("3 مسلحين مجهولين قتلوا") they are, as any counted people, the ones it befell."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.model import Article
from marsad.pipeline import default_pipeline


def _frame(text: str, lemma: str) -> dict[str, Any]:
    doc = default_pipeline().run(Article("t", text, published=date(2021, 8, 3)))
    return next(f.to_record() for f in doc.frames if f.to_record()["lemma"] == lemma)


@pytest.mark.parametrize(("text", "lemma"), [
    # accusative plural after إنّ, an aside after a comma, a time before the counted object
    ("قال مسؤول محلي إن مسلحين مجهولين يرتدون زيا عسكريا، قتلوا بعد منتصف ليل الأحد 5 أشخاص داخل منزل في قرية "
     "مشيرفة.", "قتل"),
    # nominative plural opening the clause, the abduction after an aside
    ("مسلحون مجهولون، يستقلون سيارة رباعية الدفع، اختطفوا صباح اليوم ثلاثة مهندسين في ناحية العلم.", "اختطف"),
    # a feminine singular group, a feminine verb, the time before two women (dual object)
    ("وأفاد مصدر بأن جماعة مسلحة مجهولة، تستقل دراجات نارية، قتلت مساء أمس امرأتين في حي الجديدة ببعقوبة.",
     "قتل"),
])
def test_unknown_gunmen_act(text: str, lemma: str) -> None:
    frame = _frame(text, lemma)
    assert frame["voice"] == "active"


def test_counted_unknown_gunmen_were_killed() -> None:
    frame = _frame("وقال المصدر إن 3 مسلحين مجهولين قتلوا في اشتباك مع الشرطة في ناحية العلم.", "قتل")
    assert frame["voice"] == "passive"
