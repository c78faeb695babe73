"""Country context (issue: Iraqi events placed in another country): a place's own clause outweighs the
document's dominant country.  A country or region word after the place ("في العراق"، "في إقليم كردستان"),
or before it in its clause, or a force that fights in one country only (البيشمركة، الحشد الشعبي vs قوات
النظام), puts the place in that country, so a round-up of Syria and Iraq does not pull one country's
towns into the other; two countries' words side by side ("الحرب العراقية الإيرانية") or a country word
after a border word ("على الحدود العراقية") name no place's country.  Invented sentences.
"""

from __future__ import annotations

import pytest

from marsad.geo.countries import country_marks
from marsad.geo.resolve import ResolvedPlace, geocode_text
from marsad.text.normalise import fold, normalise

#: An article about Idlib: its dominant country is Syria.
SYRIAN = ("قصفت قوات النظام السوري والطائرات الروسية مدينة إدلب وبلدات سراقب ومعرة النعمان وخان شيخون في ريف "
          "إدلب، وقال المرصد السوري إن عشرة مدنيين قتلوا. ")
#: An article about Nineveh: its dominant country is Iraq.
IRAQI = ("أعلنت قيادة العمليات المشتركة العراقية أن القوات العراقية حررت قرى جنوب الموصل وتلعفر في محافظة "
         "نينوى، وقتل خمسة من عناصر الجيش العراقي. ")


def _placed(text: str, name: str) -> ResolvedPlace:
    key = fold(name)
    found = [r for r in geocode_text(text) if fold(r.toponym.name) == key]
    assert found, f"{name!r} not found as a toponym in {text!r}"
    return found[-1]


@pytest.mark.parametrize(("sentence", "name", "admin1"), [
    # a country word after the place, in its clause (Sinjar is also a town of Idlib)
    ("واستهدفت غارات التحالف مواقع للتنظيم قرب سنجار في العراق.", "سنجار", "Ninewa"),
    ("وشنت طائرات أمريكية ثلاث غارات على سنجار وتلعفر في شمال العراق.", "سنجار", "Ninewa"),
    # a region word after it: the Kurdistan Region is Iraq's
    ("وأطلق الحرس الثوري صواريخ على مقر حزب معارض في بلدة كويسنجق في إقليم كردستان.", "كويسنجق", "Erbil"),
    ("وسقطت قذائف على منطقة كوي سنجق في إقليم كردستان مساء السبت.", "كوي سنجق", "Erbil"),
    # a force that fights only in Iraq, before the place in its clause
    ("وقالت قوات البيشمركة إنها صدت هجوما لداعش على سنجار.", "سنجار", "Ninewa"),
    ("واستعاد مقاتلو الحشد الشعبي السيطرة على سنجار بعد معارك عنيفة.", "سنجار", "Ninewa"),
    # a nisba of the victims (a plural, a dual)
    ("وقتل ثلاثة جنود عراقيين في هجوم انتحاري على سنجار.", "سنجار", "Ninewa"),
    ("وأصيب شرطيان عراقيان بانفجار عبوة في سنجار.", "سنجار", "Ninewa"),
])
def test_the_clause_country_outweighs_a_syrian_article(sentence: str, name: str, admin1: str) -> None:
    rp = _placed(SYRIAN + sentence, name)
    assert rp.location is not None and rp.location.country == "IRQ" and rp.location.admin1 == admin1


@pytest.mark.parametrize(("sentence", "name", "admin1"), [
    # the Syrian Sinjar in an Iraqi article: Syria's forces in its clause, or "in Syria" after it
    ("وفي تطور آخر، قصفت قوات النظام بلدة سنجار بالبراميل المتفجرة.", "سنجار", "Idlib"),
    ("وقصفت طائرات حربية بلدة سنجار في سوريا أمس.", "سنجار", "Idlib"),
    ("وسيطرت هيئة تحرير الشام وفصائل المعارضة المسلحة على سنجار.", "سنجار", "Idlib"),
])
def test_the_clause_country_outweighs_an_iraqi_article(sentence: str, name: str, admin1: str) -> None:
    rp = _placed(IRAQI + sentence, name)
    assert rp.location is not None and rp.location.country == "SYR" and rp.location.admin1 == admin1


@pytest.mark.parametrize(("text", "name", "admin1"), [
    # no local word: the article's country decides, as before
    (SYRIAN + "وقصفت الطائرات بلدة سنجار بعد منتصف الليل.", "سنجار", "Idlib"),
    (IRAQI + "وقصفت الطائرات مواقع للتنظيم في سنجار بعد منتصف الليل.", "سنجار", "Ninewa"),
    # an explicit parent still rules (a Syrian Sinjar with Iraqi words elsewhere in the sentence)
    (IRAQI + "وقصفت طائرات النظام بلدة سنجار في ريف إدلب الشرقي، قرب الحدود العراقية.", "سنجار", "Idlib"),
])
def test_without_local_words_the_article_decides(text: str, name: str, admin1: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and rp.location.admin1 == admin1


@pytest.mark.parametrize(("text", "countries"), [
    ("أحيا العراقيون ذكرى الحرب العراقية الإيرانية", {"IRQ"}),  # the first word is no pair
    ("اندلعت الحرب العراقية الإيرانية عام 1980", set()),
    ("تقع القرية على الحدود العراقية", set()),
    ("سيطر التنظيم على المعبر الحدودي مع سوريا", set()),
    ("قصفت الطائرات مواقع في سوريا والعراق", set()),
    ("قصفت الطائرات مواقع في سوريا و العراق", set()),
    ("استهدف القصف مقر الحزب الديمقراطي الكردستاني الإيراني", {"IRQ"}),  # a region's word is never paired
    ("قتل جنديان عراقيان وأصيب ثلاثة من قوات النظام", {"IRQ", "SYR"}),
])
def test_country_words_that_name_no_place_country(text: str, countries: set[str]) -> None:
    norm = normalise(text).text
    assert {c for _, _, c in country_marks(norm)} == countries


@pytest.mark.parametrize(("text", "expected"), [
    # a coalition round-up: a list in Syria, then one in Iraq (headed by a word no gazetteer knows),
    # each followed by its country, in one clause
    ("وأفاد البيان أن الغارات استهدفت مواقع التنظيم في الحسكة والرقة في سوريا، وقرب الحديثة وكركوك وسنجار في "
     "العراق.", {"Al-Hasakah", "Ar-Raqqa", "Kirkuk", "Ninewa"}),
    # one place "in" Syria and one "near" a town of Iraq, a feminine plural subject
    ("وشنت المقاتلات غارات على مواقع في الرقة في سوريا وعلى مواقع قرب الموصل في العراق.", {"Ar-Raqqa", "Ninewa"}),
    # Iraq first, a passive verb, Syria's list second
    ("ونفذت ضربات جوية على أهداف قرب الرمادي في العراق وعلى أهداف في منبج والباب في سوريا.",
     {"Anbar", "Aleppo"}),
])
def test_a_round_up_of_two_countries_keeps_each_countrys_scenes(text: str, expected: set[str]) -> None:
    from datetime import date

    from marsad.model import Article
    from marsad.pipeline import extract_events

    events = extract_events(Article.from_parts("t", "", text, date(2015, 8, 1)))
    got = {e.to_record().get("admin1") for e in events}
    assert expected <= got, got


@pytest.mark.parametrize(("text", "name", "admin1"), [
    # a sub-district named like an adjective (a nisba), in a clause naming its country's forces or people
    ("صدت قوات الحشد الشعبي هجوما لداعش في الطارمية.", "الطارمية", "Baghdad"),
    ("قتل جنديان عراقيان بانفجار عبوة ناسفة في الضلوعية.", "الضلوعية", "Salah al-Din"),
    ("وأعلنت القوات العراقية أنها أحبطت هجوما على التاجي.", "التاجي", "Baghdad"),
])
def test_a_nisba_named_unit_in_a_clause_of_its_country(text: str, name: str, admin1: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and rp.location.admin1 == admin1


@pytest.mark.parametrize("text", [
    "قصفت الطائرات مواقع في الطارمية.",  # no country word in the clause: still an adjective-shaped word
    "استهدف تفجير انتحاري الحسينية وقتل جنديان عراقيان",  # a Shia hall ([ambiguous])
])
def test_a_nisba_named_unit_without_its_country_is_no_place(text: str) -> None:
    assert all(r.location is None for r in geocode_text(text))


@pytest.mark.parametrize(("text", "name", "admin1"), [
    # "قضاء" before a city the gazetteer has as a city only (its district under another spelling)
    ("قتل خمسة أشخاص في هجوم مسلح على قضاء أبو غريب.", "أبو غريب", "Baghdad"),
    ("سقطت قذائف هاون على أطراف قضاء أبو غريب غربي العاصمة.", "أبو غريب", "Baghdad"),
    ("اعتقلت القوات الأمنية ثلاثة مطلوبين في قضاءي أبو غريب والتاجي.", "أبو غريب", "Baghdad"),
])
def test_a_district_called_by_its_seat_city(text: str, name: str, admin1: str) -> None:
    rp = _placed(text, name)
    assert rp.location is not None and rp.location.admin1 == admin1


@pytest.mark.parametrize("text", [
    # the press variant of مخمور in lists of strikes, alone after a preposition, and after a direction
    "وشنت طائرات التحالف غارات قرب كركوك والمخمورة وسنجار.",
    "قصفت المقاتلات مواقع للتنظيم في المخمورة مساء أمس.",
    "تقدمت قوات البيشمركة نحو قرى جنوب المخمورة.",
])
def test_the_press_variant_of_makhmour(text: str) -> None:
    rp = _placed(text, "المخمورة")
    assert rp.location is not None and rp.location.admin1 == "Erbil" and rp.location.admin2 == "Makhmour"


@pytest.mark.parametrize(("text", "admin1"), [
    # forces and weapons of one country only ([country] of place_cues.toml) in the place's own clause
    (SYRIAN + "وأعلنت الشرطة الاتحادية أنها أحبطت هجوما على سنجار.", "Ninewa"),
    (SYRIAN + "ودخلت قطعات جهاز مكافحة الإرهاب إلى سنجار.", "Ninewa"),
    (IRAQI + "وألقت المروحيات البراميل المتفجرة على سنجار.", "Idlib"),
])
def test_one_country_forces_in_the_clause(text: str, admin1: str) -> None:
    rp = _placed(text, "سنجار")
    assert rp.location is not None and rp.location.admin1 == admin1


@pytest.mark.parametrize(("text", "expected"), [
    # a list after a plural word for towns names peers: a sub-district in the list is one more town
    # struck, not the container of the town beside it
    ("ونفذت طائرات التحالف 11 غارة قرب مدن الحبانية وحديثة والرمادي.", {"Al-Habbaniya", "Haditha", "Ramadi"}),
    ("وقصفت المدفعية العراقية بلدات الكرمة والفلوجة مساء أمس.", {"Al-Garma", "Al-Falluja"}),
    ("وتعرضت مدن العامرية والفلوجة لقصف بقذائف الهاون.", {"Al-Amirya", "Al-Falluja"}),
])
def test_towns_of_one_list_are_peers(text: str, expected: set[str]) -> None:
    from datetime import date

    from marsad.model import Article
    from marsad.pipeline import extract_events

    events = extract_events(Article.from_parts("t", "", text, date(2015, 8, 1)))
    assert {e.location.name for e in events if e.location is not None} == expected
