"""People named by their family's loss and punishments called for (docs/extraction.md, "Kin and demands"):
the dead, wounded or abducted right after a kin noun ("ذوي الشهداء"، "أهالي الضحايا") are no toll and no act
of the clause; a trial or execution right after a word of demanding ("مطالبين بمحاكمة") is what a crowd
calls for, neither a verdict that makes the clause no incident nor a killing."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUBLISHED = date(2021, 8, 3)


def events(text: str) -> list[tuple[str, int]]:
    return [(e.sub_event_type, e.fatalities) for e in extract_events(Article("t", text, published=PUBLISHED))]


@pytest.mark.parametrize("text", [
    "تظاهر العشرات من ذوي الشهداء في مدينة الناصرية أمس.",  # the martyrs' families
    "نظمت عشرات النساء من أهالي الضحايا وقفة احتجاجية أمام مبنى المحافظة في الناصرية أمس.",  # feminine subject
    "احتج أهالي ضحايا التفجير في مدينة الكوت أمس.",  # victims of a bombing named
    "اعتصمت عوائل المختطفين أمام مبنى مجلس محافظة الأنبار في الرمادي أمس.",  # the abducted
])
def test_kin_of_victims_protest_peacefully(text: str) -> None:
    assert events(text) == [("Peaceful protest", 0)]


@pytest.mark.parametrize("text", [
    "تظاهر أمس المئات في محافظة ذي قار، مطالبين بمحاكمة رئيس الوزراء السابق.",  # participle, plural
    "خرج متظاهرون في مدينة الكوت أمس للمطالبة بمحاكمة المسؤولين عن الفساد.",  # verbal noun
    "تظاهرت عشرات النساء في البصرة أمس وطالبن بمحاكمة الفاسدين.",  # feminine plural verb
    "تظاهر المئات في الناصرية أمس مطالبين بإعدام الإرهابيين.",  # an execution demanded: no killing
])
def test_a_trial_demanded_is_no_verdict(text: str) -> None:
    assert events(text) == [("Peaceful protest", 0)]


def test_a_verdict_is_still_no_event() -> None:
    assert events("أصدرت المحكمة الجنائية المركزية حكما بالإعدام على ثلاثة مدانين بتفجير في بغداد.") == []
