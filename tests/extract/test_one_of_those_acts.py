"""An elative before a definite plural act noun ("أكثر الهجمات دموية"، "أعنف الهجمات") picks one of the acts the
sentence just before told: naming no weapon of its own, the clause is of their kind (a bombing of a series
of bombings), not a bare attack on civilians."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import default_pipeline


def _second_clause_types(text: str) -> set[str]:
    doc = default_pipeline().run(Article.from_parts("t", "", text, date(2021, 8, 6)))
    return {m.sub_event_type for m in doc.mentions if m.sentence == 1}


@pytest.mark.parametrize(("text", "kind"), [
    # passive toll, the object (a quarter) after the elative phrase
    ("قتل 30 شخصا على الأقل في سلسلة تفجيرات استهدفت مناطق مختلفة في العراق أمس. واستهدف أكثر الهجمات دموية "
     "منطقة بغداد الجديدة، حيث قتل 19 شخصا.", "Remote explosive/landmine/IED"),
    # another elative, the act the subject of an active verb, a toll in the masculine plural
    ("أسفرت تفجيرات بسيارات مفخخة عن مقتل 20 شخصا في بغداد. وضرب أعنف الهجمات حي الشعب شمالي العاصمة، وقتل فيه "
     "12 شخصا.", "Remote explosive/landmine/IED"),
    # a suicide series: the one picked out is a suicide bombing, wounded only
    ("نفذ انتحاريون ثلاث هجمات انتحارية في كركوك. وكان أخطر الهجمات في حي عرفة، حيث أصيب خمسة أشخاص.",
     "Suicide bomb"),
])
def test_one_of_the_acts_told_is_of_their_kind(text: str, kind: str) -> None:
    assert _second_clause_types(text) == {kind}


def test_no_elative_and_no_series_of_blasts_stays_an_attack() -> None:
    # the sentence before told fighting, not bombings: the clause keeps its own type
    text = "اشتبكت القوات مع مسلحين في بغداد. وهاجم مسلحون منطقة بغداد الجديدة وقتلوا 19 شخصا."
    assert "Remote explosive/landmine/IED" not in _second_clause_types(text)
