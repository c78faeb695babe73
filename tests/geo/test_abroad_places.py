"""Places abroad (issue 12): a city outside Iraq and Syria is not read as a same-named Iraqi or
Syrian village, nor, after a cue noun ("مدينة إسطنبول"), as an unknown place beside the document's
Iraqi or Syrian places.  It is a place of its own country with no admin1 (never an event's scene),
unless the text puts the name inside Iraq or Syria.  Invented sentences.
"""

from __future__ import annotations

import pytest

from marsad.geo.resolve import ResolvedPlace, geocode_text
from marsad.text.normalise import fold


def _placed(text: str, name: str) -> ResolvedPlace:
    key = fold(name)
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == key]
    assert found, f"{name!r} not found as a toponym in {text!r}"
    return found[-1]


@pytest.mark.parametrize(("text", "name", "country"), [
    # a cue noun before the name, which an Iraqi or Syrian place also bears
    ("سقطت شظايا صاروخ باليستي على مدينة الرياض مساء الأحد", "الرياض", "SAU"),
    ("أعلن التحالف أن قواته تقدمت نحو ميناء الحديدة غربي اليمن", "الحديدة", "YEM"),
    ("تظاهر العشرات أمام مقر الولاية في مدينة سوسة التونسية", "سوسة", "TUN"),
    # a cue noun before a name the Iraqi and Syrian data lack
    ("قتل رجلان في هجوم على ملهى ليلي في مدينة إسطنبول", "إسطنبول", "TUR"),
    ("اجتمعت الوفود السورية المعارضة والحكومية في العاصمة الكازاخية أستانا", "أستانا", "KAZ"),
    # no cue: the bare name of a city abroad, the subject or object of the sentence
    ("استقبلت أنقرة وفدا من المعارضة السورية لبحث التهدئة", "أنقرة", "TUR"),
    ("وصلت الطائرات المقلة للنازحين إلى بيروت مساء الخميس", "بيروت", "LBN"),
    ("قتل شرطيان في هجوم مسلح بمدينة القصرين غربي تونس", "القصرين", "TUN"),
    ("داهم الجيش مخيمات للاجئين في بلدة عرسال الحدودية", "عرسال", "LBN"),
    ("تظاهرت عشرات النساء أمام مبنى الولاية في جندوبة", "جندوبة", "TUN"),
])
def test_a_city_abroad_is_placed_abroad(text: str, name: str, country: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and rp.location.country == country
    assert rp.location.admin1 == ""  # never a scene in Iraq or Syria


@pytest.mark.parametrize(("text", "name", "admin1"), [
    # the text puts the name inside Iraq or Syria: a parent, or its governorate named beside it
    ("سقطت قذيفة هاون على ناحية الرياض التابعة لقضاء الحويجة في محافظة كركوك", "الرياض", "Kirkuk"),
    ("اشتبك مسلحون مع الشرطة في الرياض جنوب غربي كركوك", "الرياض", "Kirkuk"),
    ("قصفت المدفعية قرية الحديدة في ريف حمص الغربي", "الحديدة", "Homs"),
])
def test_the_local_namesake_with_a_parent(text: str, name: str, admin1: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and rp.location.admin1 == admin1


def test_an_article_abroad_gives_no_event_in_syria() -> None:
    """A Yemeni battle near Hodeidah is not an event at Syria's Hadideh (Homs)."""
    from datetime import date

    from marsad.model import Article
    from marsad.pipeline import extract_events

    text = ("قتل 12 مسلحا حوثيا في غارات للتحالف العربي استهدفت مواقعهم جنوب مدينة الحديدة غربي اليمن، "
            "بحسب مصادر عسكرية يمنية.")
    events = extract_events(Article.from_parts("t1", "", text, date(2018, 6, 14)))
    assert not [e for e in events if e.to_record().get("country") in ("SYR", "IRQ")]
