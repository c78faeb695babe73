"""Actors: the organisation of a speaker ("المتحدث باسم وزارة الداخلية"، "قال ضابط في الشرطة") tells the report and
is no party of it — but the forces the speaker calls its own ("قواتنا"، "قواته") are that organisation's: the
Ministry of the Interior's are the police, not the army a bare "our forces" would fall back to."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events


def _actor1(text: str) -> str:
    article = Article.from_parts("t", "", text, date(2018, 7, 20))
    return extract_events(article)[0].actor1.name


@pytest.mark.parametrize(("text", "expected"), [
    # a spokesman (masculine) of the interior ministry, first person plural
    ("وقال المتحدث باسم وزارة الداخلية إن قواتنا اعتقلت خمسة مطلوبين في منطقة الطارمية.",
     "Police Forces of Iraq"),
    # a spokeswoman of the police, third person singular masculine pointer, the feminine verb
    ("وقالت الناطقة باسم الشرطة إن قواته اعتقلت ثلاثة مطلوبين في قضاء الزبير.", "Police Forces of Iraq"),
    # an officer in the police (a source after a verb of attribution), the pointer a subject after أنّ
    ("وقال ضابط في الشرطة إن قواتنا اعتقلت أربعة مطلوبين في ناحية الرشاد.", "Police Forces of Iraq"),
])
def test_the_speakers_own_forces(text: str, expected: str) -> None:
    assert _actor1(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an official of the SDF (a rebel group), "our fighters" (oblique plural) took a town
    ("وقال مسؤول في قوات سوريا الديمقراطية إن مقاتلينا سيطروا على بلدة هجين بعد معارك مع داعش.",
     "Syrian Democratic Forces"),
    # a spokesman of the opposition factions, "our fighters" (nominative) shelled the army's positions
    ("وقال المتحدث باسم فصائل المعارضة إن مقاتلونا قصفوا مواقع قوات النظام في ريف حماة.", "Syrian opposition"),
    # a Turkish ministry (feminine), "its jets" struck
    ("وقالت وزارة الدفاع التركية إن مقاتلاتها قصفت مواقع لحزب العمال الكردستاني في منطقة حفتانين شمالي العراق.",
     "Military Forces of Turkey"),
])
def test_a_sides_spokesman_points_to_its_own_fighters(text: str, expected: str) -> None:
    assert _actor1(text) == expected

