"""Actors: unclaimed fire in Iraq is an armed group's (codebook §3 defaults; actors.toml [defaults] shelling).

* The default firer of a bombardment the clause does not attribute is a foreign force the story names, and the
  country's own forces only where the region's unnamed fire of that kind is the state's (Syria's regime): in Iraq
  rockets and mortars of no named firer are an unidentified group's, whichever Iraqi forces the story names.
* A clause that supports an incident (an aside, a statement about the hunt for the firers) whose agent no frame
  states is no witness of who did an incident whose own clauses name no one: the codebook default stands.
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

_UNIDENTIFIED = "Unidentified armed group"


def _actor1(text: str, place: str) -> str:
    article = Article.from_parts("t", "", text, date(2021, 8, 6))
    return next(e.actor1.name for e in extract_events(article) if e.location.name == place)


@pytest.mark.parametrize(("text", "place"), [
    # the army and the PMF named as the district's guards, a mortar shell that killed two children
    ("قتل طفلان بقذيفة هاون سقطت على منزلهما في قضاء طوزخورماتو أمس. ويتولى الجيش العراقي وقوات الحشد الشعبي "
     "حماية القضاء.", "Tuz Khurmatu"),
    # a running toll of rocket attacks, then a demand addressed to the army
    ("ارتفعت حصيلة الهجمات الصاروخية على منطقة الحديد في ديالى إلى 11 قتيلا. وطالب نائب عن المحافظة الجيش العراقي "
     "بالضرب بيد من حديد على كل من يعبث بأمن المحافظة التي شهدت خلال الأيام الماضية هجمات صاروخية.", "Al Hadid"),
    # Katyusha rockets, the police and the army told of hunting the firers (the passive of the wounding)
    ("أصيب أربعة أشخاص بسقوط صواريخ كاتيوشا على ناحية العظيم في ديالى صباح اليوم. وقالت قيادة الشرطة إن قوات "
     "الجيش تبحث عن مطلقي الصواريخ.", "Al-Atheem"),
])
def test_unclaimed_fire_in_iraq_is_unidentified(text: str, place: str) -> None:
    assert _actor1(text, place) == _UNIDENTIFIED


@pytest.mark.parametrize(("text", "place"), [
    # federal police chasing the launchers of two mortar shells (dual)
    ("سقطت قذيفتا هاون على قضاء الطارمية شمال بغداد فجر اليوم وأصابت ثلاثة مدنيين. وذكر بيان أن قوات الشرطة "
     "الاتحادية تلاحق مطلقي القذائف.", "Al-Tarmiya"),
    # a girl wounded (feminine), the PMF chasing the launchers of one rocket
    ("أصيبت طفلة بصاروخ سقط على ناحية بهرز في ديالى أمس. وأعلنت قيادة الشرطة أن قوات الحشد الشعبي تلاحق مطلقي "
     "الصاروخ.", "Buhriz"),
    # a rocket fell (masculine singular), a man wounded, a spokesman's federal police chasing the launchers
    ("سقط صاروخ على ناحية بهرز في ديالى ليلة أمس وجرح رجل. وقال المتحدث إن الشرطة الاتحادية تلاحق مطلقي "
     "الصاروخ.", "Buhriz"),
])
def test_the_hunters_are_not_the_firers(text: str, place: str) -> None:
    assert _actor1(text, place) == _UNIDENTIFIED


def test_syria_unclaimed_shelling_stays_the_regime() -> None:
    text = "قتل ثلاثة مدنيين بقذائف سقطت على مدينة دوما صباح اليوم."
    assert _actor1(text, "Douma") == "Military Forces of Syria"
