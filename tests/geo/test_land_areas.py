"""A mountain, plain or basin holds villages: a place tied to it ("قرية X بجبل الأكراد") has it as its
parent, and the event is at that place, even one told "near" ("في محيط تل X في سهل الغاب"), the most
specific place the text ties the event to (codebook §4). Plural nouns of places with the article
("المناطق"، "القرى") point back and are no names. Invented sentences."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.geo.resolve import ResolvedPlace, geocode_text
from marsad.model import Article
from marsad.pipeline import extract_events
from marsad.text.normalise import fold


def _found(text: str, name: str) -> list[ResolvedPlace]:
    return [r for r in geocode_text(text) if fold(r.toponym.name) == fold(name)]


@pytest.mark.parametrize(("text", "child", "area"), [
    ("قصفت طائرات حربية قرية الزعفرانة بجبل الأكراد صباح اليوم", "الزعفرانة", "الأكراد"),
    ("سيطر المقاتلون على قرية المريجة في سهل الغاب بعد معارك عنيفة", "المريجة", "الغاب"),
    ("تعرضت بلدة الحويرة الواقعة في جرود القلمون لقصف مدفعي", "الحويرة", "جرود القلمون"),
])
def test_a_land_area_is_the_parent_of_a_place_in_it(text: str, child: str, area: str) -> None:
    found = _found(text, child)
    assert found, f"{child!r} not found"
    parents = _found(text, area)
    assert parents and found[0].toponym.parent_token == parents[0].toponym.first_token
    assert parents[0].toponym.role == "parent"


@pytest.mark.parametrize(("text", "name"), [
    ("دارت اشتباكات عنيفة في محيط منطقة تل الكبينة بجبل الأكراد في ريف اللاذقية اليوم", "تل الكبينة"),
    ("قصفت قوات النظام بالمدفعية أطراف قرية الزعفرانة في سهل الغاب", "الزعفرانة"),
    ("استهدفت غارة روسية محيط قرية الخضر في جرود القلمون، وقتل فيها مسلحان", "الخضر"),
])
def test_the_place_near_which_it_happened_beats_its_land_area(text: str, name: str) -> None:
    events = extract_events(Article(id="t", text=text, published=date(2021, 8, 3)))
    assert events and all(fold(e.location.name_ar) == fold(name) for e in events), \
        [(e.location.name_ar, e.location.geo_precision) for e in events]


@pytest.mark.parametrize(("text", "word"), [
    ("استعادت القوات قريتي الزعفرانة والمريجة والمناطق المحيطة بهما", "المناطق"),
    ("قصفت الطائرات بلدتي الحويرة والكبينة والقرى المجاورة لهما", "القرى"),
    ("انتشرت صور المرشحين في شوارع المدن العراقية", "المدن"),
])
def test_a_plural_noun_of_places_is_no_name(text: str, word: str) -> None:
    assert not _found(text, word)


@pytest.mark.parametrize(("text", "home", "scene"), [
    ("قتل عشرة مدنيين من عائلات نزحت من محافظة حمص في غارة على قرية كفرنبل", "حمص", "كفرنبل"),
    ("أصيب نازح فر من الرقة بقصف استهدف مخيما قرب مدينة اعزاز", "الرقة", "اعزاز"),
    ("قال المرصد إن القتيلات من المهجرين من داريا وقد قتلن في قصف على معرة النعمان", "داريا", "معرة النعمان"),
])
def test_where_people_fled_from_is_no_scene(text: str, home: str, scene: str) -> None:
    """"نزحوا من X"، "فر من X"، "المهجرين من X": the place people fled is their home, not where it happened."""
    assert [r.toponym.role for r in _found(text, home)] == ["origin"]
    assert [r.toponym.role for r in _found(text, scene)] == ["event"]


@pytest.mark.parametrize("text", [
    "سيطرت قوات النظام على قريتي تل أعور والفريكة في ريف حماة بعد أن قصفت القريتين بالصواريخ",
    "قصف الطيران قريتي الزعفرانة والمريجة، وقال ناشطون إن القريتين تعرضتا لعشرين غارة",
    "قتلت امرأة بقصف على قريتي كفريا والفوعة، وأفاد سكان القريتين بسقوط جرحى",
])
def test_the_dual_of_a_cue_points_back_to_the_pair(text: str) -> None:
    """"قريتي X وY ... القريتين": the two villages named before, not the town of القريتين (Homs)."""
    assert not _found(text, "القريتين")


@pytest.mark.parametrize("text", [
    "خطف التنظيم عشرات المدنيين من القريتين بريف حمص",
    "سيطر مسلحو داعش على مدينة القريتين بعد معارك مع الجيش",
    "قصفت الطائرات الروسية القريتين في ريف حمص الشرقي",
])
def test_the_town_of_al_qaryatayn_is_still_a_place(text: str) -> None:
    found = _found(text, "القريتين")
    assert found and found[0].location is not None and found[0].location.admin1 == "Homs"


@pytest.mark.parametrize(("text", "name"), [
    ("قال المرصد إن مستشفى المسيفرة خرج عن الخدمة بعد غارات روسية ليلا", "المسيفرة"),
    ("استهدفت طائرات حربية مستشفى كفرنبل وأصابت ثلاثة من العاملين فيه", "كفرنبل"),
    ("قصفت المدفعية مستشفى دوما، ما أدى إلى مقتل طبيبين", "دوما"),
])
def test_a_hospital_struck_is_a_scene_at_its_town(text: str, name: str) -> None:
    """"مستشفى X" is a facility at X: struck, it places the event there (precision 2), like "مطار X"."""
    found = _found(text, name)
    assert found and found[0].toponym.role == "event"
    assert found[0].location is not None and found[0].location.geo_precision == 2


@pytest.mark.parametrize(("text", "name", "role"), [
    ("قتل جنديان في هجوم على حاجز قرب كفرنبل ونقل الجرحى إلى مستشفى إدلب", "إدلب", "destination"),
    ("قال مدير مستشفى دوما إن القصف على عربين أوقع قتلى", "دوما", "organisation"),
    ("أفاد مصدر طبي في مستشفى الرقة بأن المسلحين أعدموا ثلاثة مدنيين في الطبقة", "الرقة", "source"),
])
def test_a_hospital_people_were_taken_to_or_speak_from_is_no_scene(text: str, name: str, role: str) -> None:
    found = _found(text, name)
    assert found and found[0].toponym.role == role


@pytest.mark.parametrize(("text", "word"), [
    ("وصلت القافلة إلى مدينة دوما، كبرى مدن الغوطة بعدما تعذر دخولها أمس", "بعدما"),
    ("قصفت الطائرات قرى فيما كان الأهالي ينزحون نحو الحدود", "فيما"),
    ("تشهد المحافظة عمليات تهجير في مناطق منه وهو ما نفته الحكومة", "منه"),
])
def test_a_conjunction_or_pronoun_after_a_place_word_is_no_name(text: str, word: str) -> None:
    """After a cue noun the sentence may go on with a conjunction, an adverb or a pronoun: no name."""
    assert not _found(text, word)
