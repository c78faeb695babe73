"""GET /api/stats (weekly counts) and GET /api/gaps (the same rows as the library)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from _api_helpers import error_of
from fastapi.testclient import TestClient

from marsad.analysis.gaps import gaps_from_store
from marsad.store import open_store

Event = dict[str, Any]


def monday(day: str) -> str:
    d = date.fromisoformat(day)
    return (d - timedelta(days=d.weekday())).isoformat()


def test_weekly_counts_add_up(client: TestClient, all_events: list[Event]) -> None:
    stats = client.get("/api/stats").json()
    weeks = stats["weeks"]
    assert all(date.fromisoformat(w).weekday() == 0 for w in weeks)
    assert weeks == sorted(weeks) and len(set(weeks)) == len(weeks)
    days = [date.fromisoformat(w) for w in weeks]
    assert all((b - a).days == 7 for a, b in zip(days, days[1:], strict=False))
    expected = Counter(monday(e["event_date"]) for e in all_events)
    assert dict(zip(weeks, stats["total"], strict=True)) == {w: expected.get(w, 0) for w in weeks}
    assert sum(stats["fatalities"]) == sum(e["fatalities"] for e in all_events)
    by_type = Counter(e["event_type"] for e in all_events)
    assert {t: sum(v) for t, v in stats["by_type"].items()} == dict(by_type)
    assert sum(sum(v) for v in stats["by_area"].values()) == len(all_events)
    assert all(len(series) == len(weeks) for series in [*stats["by_type"].values(), *stats["by_area"].values()])


def test_weekly_counts_follow_the_filters(client: TestClient, all_events: list[Event]) -> None:
    stats = client.get("/api/stats", params={"country": "SYR", "event_type": "Explosions/Remote violence"}).json()
    wanted = [e for e in all_events if e["country"] == "SYR" and e["event_type"] == "Explosions/Remote violence"]
    assert wanted and sum(stats["total"]) == len(wanted)
    assert set(stats["by_type"]) == {"Explosions/Remote violence"}
    empty = client.get("/api/stats", params={"since": "2030-01-01"}).json()
    assert empty == {"weeks": [], "total": [], "fatalities": [], "by_type": {}, "by_area": {}}


@pytest.mark.parametrize("params", [{}, {"by": "admin1"}, {"at": "2018-07-31", "window": 60, "min_events": 1},
                                    {"country": "Iraq", "all_types": "true", "baseline": 90}])
def test_gaps_are_the_library_rows(client: TestClient, sample_db: str, params: dict[str, Any]) -> None:
    response = client.get("/api/gaps", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    options = {"by": body["params"]["by"], "window": body["params"]["window"], "baseline": body["params"]["baseline"],
               "at": date.fromisoformat(body["params"]["at"]) if body["params"]["at"] else None,
               "country": "IRQ" if params.get("country") else None, "min_events": body["params"]["min_events"],
               "fdr": body["params"]["fdr"]}
    if params.get("all_types"):
        options["event_types"] = None
    with open_store(sample_db) as store:
        rows = [row.to_dict() for row in gaps_from_store(store, **options)]
    assert body["gaps"] == rows
    assert rows, "the sample should give some rows"
    for row in body["gaps"]:
        assert {"area", "country", "admin1", "admin2", "events", "score", "rising", "explanation"} <= set(row)


@pytest.mark.parametrize("params", [{"window": 0}, {"baseline": -1}, {"by": "admin3"}, {"at": "2018-02-30"},
                                    {"fdr": 1.5}, {"country": "XYZ"}, {"min_events": "many"}, {"extra": 1}])
def test_gap_options_are_validated(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/api/gaps", params=params)
    assert response.status_code == 422
    error_of(response)


def test_timeline_bins_follow_the_span(client: TestClient, all_events: list[Event]) -> None:
    whole = client.get("/api/timeline").json()
    assert sum(whole["total"]) == len(all_events)
    assert len(whole["starts"]) == len(whole["ends"]) == len(whole["total"])
    short = sorted(all_events, key=lambda e: e["event_date"])[-1]["event_date"]
    day = client.get("/api/timeline", params={"since": short, "until": short}).json()
    assert day["bin"] == "day" and day["starts"] == day["ends"] == [short]
    for start, end in zip(whole["starts"], whole["ends"], strict=True):
        assert start <= end
    assert whole["bin"] in {"day", "week", "month"}


def test_labels_name_both_countries_and_governorates(client: TestClient) -> None:
    labels = client.get("/api/labels").json()["features"]
    kinds: dict[str, set[str]] = {}
    for f in labels:
        kinds.setdefault(f["properties"]["kind"], set()).add(f["properties"]["name"])
    assert {"Iraq", "Syria"} <= kinds["country"]
    assert {"Basra", "Kirkuk", "Anbar"} <= kinds["governorate"]
    assert {"Baghdad", "Mosul"} <= kinds["city"] and len(kinds["district"]) > 50
    basra = next(f for f in labels if f["properties"]["kind"] == "governorate" and f["properties"]["name"] == "Basra")
    lon, lat = basra["geometry"]["coordinates"]
    assert 46 < lon < 49 and 29 < lat < 32 and basra["properties"]["name_ar"]


def test_gap_window_default_says_which_day_it_chose(client: TestClient, all_events: list[Event]) -> None:
    body = client.get("/api/gaps").json()
    latest = max(e["event_date"] for e in all_events)
    # the sample's 2021 reports stand alone after its 2018 ones: the window stays where the data is
    assert body["params"]["at_chosen"] == "latest complete window"
    assert body["params"]["at"] < latest and body["params"]["at"].startswith("2018")
    assert all(row["window_end"] == body["params"]["at"] for row in body["gaps"])
    given = client.get("/api/gaps", params={"at": "2018-07-31"}).json()
    assert given["params"]["at"] == "2018-07-31" and given["params"]["at_chosen"] == "given"
