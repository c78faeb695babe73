"""A clause whose only scene is a part of a whole country ("في جنوب البلاد"، "شمالي العراق"، "شرقي سوريا")
is known to country level only (codebook §1, §4): it takes no town told before it.

Invented sentences; the town named in the sentence before must not receive the country-level act.
"""

from datetime import date

import pytest

from marsad.model import Article
from marsad.pipeline import extract_events

PUB = date(2021, 8, 18)


def events(text: str) -> list:
    return extract_events(Article("t", text, published=PUB))


@pytest.mark.parametrize(("text", "town"), [
    ("تظاهر المئات في مدينة البصرة أمس. وقتل ثلاثة متظاهرين في مواجهات مع الشرطة في جنوب البلاد الأسبوع الماضي.",
     "Basra"),
    ("تظاهر المئات في مدينة الموصل أمس. وشنت الطائرات التركية غارات على مواقع الحزب في شمال العراق أمس.",
     "Mosul"),
    ("اعتصم العشرات أمام مبنى المحافظة في مدينة حماة أمس. وقتلت خلايا التنظيم أمس ثلاثة جنود شرقي سوريا.",
     "Hama"),
])
def test_a_country_part_is_not_the_town_before(text, town):
    found = events(text)
    assert len(found) == 1, [(e.sub_event_type, e.location and e.location.name) for e in found]
    assert found[0].event_type == "Protests" and found[0].location is not None and found[0].location.name == town


def test_a_town_named_in_the_part_of_the_country_stays_the_scene():
    found = events("هاجم مسلحو التنظيم نقاطا للجيش في مدينة البوكمال شرقي سوريا أمس.")
    assert len(found) == 1 and found[0].location is not None and found[0].location.admin1 == "Deir ez-Zor"
