"""The example of DEVELOPERS.md comes out as it says."""

from datetime import date

from marsad.model import Article
from marsad.pipeline import extract_events

TEXT = (
    'وشهدت محافظة كركوك المتنازع عليها بين بغداد وأربيل، ليل أمس، هجوماً لعناصر تنظيم "داعش" استهدف قوة من '
    "الشرطة الاتحادية ... في بلدة الرشاد جنوبي المحافظة، وتسبب الهجوم بمقتل عنصري أمن عراقيين، وإصابة اثنين آخرين."
)


def test_kirkuk_example():
    events = extract_events(Article("brief", TEXT, published=date(2021, 8, 3)))
    assert len(events) == 1
    record = events[0].to_record()
    assert record["event_date"] == "2021-08-02"
    assert record["time_precision"] == 1
    assert (record["event_type"], record["sub_event_type"]) == ("Battles", "Armed clash")
    assert record["actor1"] == "Islamic State" and record["inter1"] == 2
    assert record["actor2"] == "Police Forces of Iraq" and record["inter2"] == 1
    assert record["interaction"] == 12
    assert record["country"] == "IRQ" and record["admin1"] == "Kirkuk"
    assert record["location_ar"] == "الرشاد"
    assert record["disputed"] is True
    assert (record["fatalities"], record["injured"]) == (2, 2)
    quoted = {field: [TEXT[s:e] for s, e in spans] for field, spans in record["evidence"].items()}
    assert "ليل أمس" in quoted["date"]
    assert any("داعش" in q for q in quoted["actor1"])
    assert any("الشرطة الاتحادية" in q for q in quoted["actor2"])
    assert "الرشاد" in quoted["location"]
    assert any("عنصري" in q for q in quoted["fatalities"])
    assert any("اثنين" in q for q in quoted["injured"])
