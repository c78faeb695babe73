"""marsad eval's per-country aggregates: recall, field accuracy and governorate misses per country."""

from __future__ import annotations

from datetime import date

from marsad.evaluation import evaluate
from marsad.model import Article

GOLD = [
    {"country": "SYR", "admin1": "Idlib", "event_date": "2018-06-01", "sub_event_type": "Air/drone strike",
     "location": "Kafr Nabl", "fatalities": 3},
    {"country": "SYR", "admin1": "Hama", "event_date": "2018-06-01", "sub_event_type": "Armed clash",
     "location": "Hama", "fatalities": 0},
    {"country": "IRQ", "admin1": "Kirkuk", "event_date": "2018-06-01", "sub_event_type": "Armed clash",
     "location": "Kirkuk", "fatalities": 2},
]
PREDICTED = [
    {"country": "SYR", "admin1": "Idlib", "event_date": "2018-06-01", "sub_event_type": "Air/drone strike",
     "location": "Kafr Nabl", "fatalities": 2},
    {"country": "SYR", "admin1": "Aleppo", "event_date": "2018-06-01", "sub_event_type": "Armed clash",
     "location": "Aleppo", "fatalities": 0},
    {"country": "IRQ", "admin1": "Kirkuk", "event_date": "2018-06-01", "sub_event_type": "Armed clash",
     "location": "Kirkuk", "fatalities": 2},
]


def test_each_country_is_scored_on_its_own_gold_events() -> None:
    article = Article(id="a", text="نص", published=date(2018, 6, 1))
    report = evaluate([(article, GOLD)], lambda _: PREDICTED)
    by_country = report.summary()["by_country"]
    assert by_country["SYR"]["gold_events"] == 2 and by_country["SYR"]["recall"] == 0.5
    assert by_country["SYR"]["fields"]["fatalities"] == 0.0 and by_country["SYR"]["fields"]["location"] == 1.0
    assert by_country["SYR"]["lost_to_other_governorate"] == 0.5
    assert by_country["IRQ"] == {"gold_events": 1, "recall": 1.0, "lost_to_other_governorate": 0.0,
                                 "fields": by_country["IRQ"]["fields"]}
    assert by_country["IRQ"]["fields"]["fatalities"] == 1.0
