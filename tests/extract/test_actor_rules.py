"""Actor rules (docs/extraction.md, clause frames; codebook §3), each on invented sentences that vary
person, gender, number, voice and word order."""

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUB = date(2021, 8, 18)


def sides(text: str) -> list[tuple[str, str]]:
    return [(e.actor1.name if e.actor1 else "", e.actor2.name if e.actor2 else "")
            for e in extract_events(Article("t", text, published=PUB))]


@pytest.mark.parametrize("text,actor1,actor2", [
    ("دارت اشتباكات عنيفة بين قوات النظام وحزب الله من جهة، وفصائل المعارضة من جهة أخرى في مدينة الزبداني.",
     "Military Forces of Syria", "Syrian opposition"),
    ("اندلعت اشتباكات بين الفصائل المعارضة وجبهة النصرة من طرف، وتنظيم داعش من طرف آخر قرب بلدة مارع.",
     "Syrian opposition", "Islamic State"),
    ("تستمر المواجهات بين الحشد الشعبي وقوات البيشمركة من جهة ومسلحي داعش من جهة ثانية في قضاء سنجار.",
     "Popular Mobilization Forces", "Islamic State"),
    ("وقعت اشتباكات بين داعش من جهة، والجيش العراقي والحشد الشعبي من جهة أخرى في قضاء بيجي.",
     "Islamic State", "Military Forces of Iraq"),
])
def test_allies_told_on_one_side_of_a_clash_are_not_its_target(text, actor1, actor2):
    """"بين A وB من جهة، وC من جهة أخرى": A and B are allies; the other side (C) is the target."""
    assert sides(text)[0] == (actor1, actor2)


@pytest.mark.parametrize("text,actor1,actor2", [
    ("اندلعت اشتباكات بين سرايا السلام وعصائب أهل الحق في مدينة البصرة.", "Saraya al-Salam", "Asaib Ahl al-Haq"),
    ("دارت اشتباكات بين قوات النظام وتنظيم داعش في محيط مدينة تدمر.", "Military Forces of Syria", "Islamic State"),
])
def test_without_a_side_closer_each_name_after_between_is_a_side(text, actor1, actor2):
    assert sides(text)[0] == (actor1, actor2)
