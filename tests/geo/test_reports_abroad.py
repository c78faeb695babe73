"""A report about another country that names neither Iraq nor Syria names its own quarters, villages and
towns, not their Iraqi or Syrian namesakes (place_cues.toml ``[abroad]``, ``toponyms._at_home``).
Invented sentences varying person, gender, number, voice and word order."""

from __future__ import annotations

import pytest

from marsad.geo.resolve import geocode_text
from marsad.text.normalise import fold


def _placed(text: str) -> list[tuple[str, str]]:
    """The names placed in Iraq or Syria, with their governorate."""
    return [(fold(r.toponym.name), r.location.admin1) for r in geocode_text(text)
            if r.location is not None and r.location.country in ("IRQ", "SYR")]


@pytest.mark.parametrize("text", [
    "قتل 30 شخصا في غارة استهدفت مدخل مستشفى الثورة بمدينة الحديدة غرب اليمن، وفق مصادر طبية.",
    "وتعرض المسجد الكائن في منطقة الصوابر بالكويت إلى تفجير انتحاري خلال صلاة الجمعة.",
    "أعلنت الداخلية المصرية مقتل مسلحين في تبادل لإطلاق النار بمنطقة مسطرد شمالي القاهرة.",
    "سيطرت قوات الجيش الوطني اليمني على جبل الحمراء بعد مواجهات مع الحوثيين.",
])
def test_a_report_abroad_names_no_small_iraqi_or_syrian_place(text: str) -> None:
    assert _placed(text) == []


@pytest.mark.parametrize(("text", "name", "admin1"), [
    # the report names Syria: its villages are read as Syrian ones
    ("قصفت الطائرات التركية قرية كفرجنة في منطقة عفرين شمال سوريا.", "كفرجنة", "Aleppo"),
    # a Syrian city named: the report is about Syria though it names Turkey
    ("قال مسؤول تركي إن قذائف سقطت على بلدة دوما في الغوطة الشرقية قرب دمشق.", "دوما", "Rural Damascus"),
    # an Iraqi country word, and another country named beside it
    ("قتل ثلاثة من عناصر الحشد الشعبي في هجوم على ناحية آمرلي، فيما دانت إيران الهجوم.", "آمرلي", "Salah al-Din"),
])
def test_a_report_that_names_iraq_or_syria_keeps_its_places(text: str, name: str, admin1: str) -> None:
    assert dict(_placed(text)).get(fold(name)) == admin1


def test_an_iraqi_report_naming_iran_keeps_its_governorate() -> None:
    placed = dict(_placed("سقطت قذائف أطلقت من الأراضي الإيرانية على قضاء خانقين في محافظة ديالى."))
    assert "Diyala" in placed.values()
