"""Actors: a bare definite "القوات" ("the forces") points back to the force the report named before it — in
the same sentence or the sentences just before ("وأضاف البيان أن القوات نفذت ...": the coalition's statement
goes on about the coalition's forces) — not to a new, unspecified security force named by what it does
(codebook §3).  With no force named before it, the description keeps its reading."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _actor1s(text: str) -> dict[str, str]:
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    return {e.location.name: e.actor1.name for e in extract_events(article)}


@pytest.mark.parametrize(("text", "place", "actor1"), [
    # a statement continued ("وأضاف البيان"), the strikes at a second town: the coalition's forces
    ("نفذت قوات التحالف الدولي أمس غارات جوية على مواقع لتنظيم داعش قرب مدينة الرقة. وأضاف البيان أن القوات "
     "نفذت أيضا غارات جوية قرب مدينة البوكمال.", "Al-Bukamal", "International Coalition against IS"),
    # a feminine plural of aircraft named first, a monitor's report after, the verb feminine singular
    ("أغارت طائرات إسرائيلية على مطار التيفور العسكري في ريف حمص. وذكر المرصد أن القوات استهدفت كذلك مستودعات "
     "أسلحة قرب مدينة القصير أمس.", "Al-Qusayr", "Military Forces of Israel"),
    # ground troops, a spokesman going on ("وتابع"), the forces killing gunmen: a masculine plural object
    ("هاجمت القوات الأمريكية مواقع لتنظيم داعش في بلدة الشدادي. وتابع المتحدث أن القوات قتلت خمسة مسلحين في "
     "قرية مركدة.", "Markada", "Military Forces of the United States"),
])
def test_bare_forces_point_back(text: str, place: str, actor1: str) -> None:
    assert _actor1s(text)[place] == actor1


def test_no_force_before_keeps_the_description() -> None:
    # nothing named before: unspecified forces in combat with an armed group are the country's army
    text = "قتلت القوات عشرة من مسلحي تنظيم داعش في اشتباكات قرب قضاء الحويجة غرب كركوك."
    assert set(_actor1s(text).values()) == {"Military Forces of Iraq"}
