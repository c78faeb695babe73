"""GET /api/events and /api/events/{id}: filters, paging, GeoJSON, the event's articles and evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from _api_helpers import error_of
from fastapi.testclient import TestClient

from marsad.api.models import MAX_PAGE

Event = dict[str, Any]


def ids(events: list[Event]) -> list[str]:
    return [e["event_id"] for e in events]


def fetch_all(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/events", params={"limit": MAX_PAGE, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_lists_every_event_oldest_first(client: TestClient, all_events: list[Event]) -> None:
    body = fetch_all(client)
    assert body["total"] == len(all_events) > 5
    assert ids(body["events"]) == ids(all_events)
    dates = [e["event_date"] for e in body["events"]]
    assert dates == sorted(dates)
    newest = fetch_all(client, order="desc")["events"]
    assert [e["event_date"] for e in newest] == sorted(dates, reverse=True)


def test_pages_cover_the_list_without_overlap(client: TestClient, all_events: list[Event]) -> None:
    size = 4
    seen: list[str] = []
    for offset in range(0, len(all_events) + size, size):
        page = client.get("/api/events", params={"limit": size, "offset": offset}).json()
        assert page["total"] == len(all_events)
        assert len(page["events"]) <= size
        seen += ids(page["events"])
    assert seen == ids(all_events)


@pytest.mark.parametrize("params", [{"limit": MAX_PAGE + 1}, {"limit": 0}, {"offset": -1}, {"limit": "ten"},
                                    {"format": "xml"}, {"order": "random"}, {"colour": "red"}])
def test_paging_and_format_are_validated(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert error_of(response)["code"] == "invalid_request"


def _bbox_holds(e: Event) -> bool:
    return e["longitude"] is not None and 43.0 <= e["longitude"] <= 45.0 and 33.0 <= e["latitude"] <= 36.5


FILTERS: list[tuple[dict[str, str], Callable[[Event], bool]]] = [
    ({"country": "IRQ"}, lambda e: e["country"] == "IRQ"),
    ({"country": "syria"}, lambda e: e["country"] == "SYR"),
    ({"since": "2018-06-01"}, lambda e: e["event_date"] >= "2018-06-01"),
    ({"until": "2018-06-01"}, lambda e: e["event_date"] <= "2018-06-01"),
    ({"since": "2018-05-01", "until": "2018-07-31"}, lambda e: "2018-05-01" <= e["event_date"] <= "2018-07-31"),
    ({"admin1": "baghdad"}, lambda e: e["admin1"] == "Baghdad"),
    ({"admin2": "Al-Risafa"}, lambda e: e["admin2"] == "Al-Risafa"),
    ({"event_type": "Protests"}, lambda e: e["event_type"] == "Protests"),
    ({"event_type": "armed clash"}, lambda e: e["sub_event_type"] == "Armed clash"),
    ({"actor": "islamic"}, lambda e: "islamic" in (e["actor1"] + "|" + e["actor2"]).lower()),
    ({"bbox": "43,33,45,36.5"}, _bbox_holds),
    ({"country": "IRQ", "event_type": "Battles", "actor": "State"},
     lambda e: e["country"] == "IRQ" and e["event_type"] == "Battles"
     and "state" in (e["actor1"] + e["actor2"]).lower()),
]


@pytest.mark.parametrize(("params", "holds"), FILTERS, ids=[str(p) for p, _ in FILTERS])
def test_filters_select_exactly_the_matching_events(client: TestClient, all_events: list[Event],
                                                    params: dict[str, str], holds: Callable[[Event], bool]) -> None:
    expected = [e for e in all_events if holds(e)]
    body = fetch_all(client, **params)
    assert ids(body["events"]) == ids(expected)
    assert body["total"] == len(expected)


def test_the_sample_exercises_the_filters(all_events: list[Event]) -> None:
    """Each filter above keeps some events and drops some, so the comparison means something."""
    for params, holds in FILTERS:
        kept = sum(holds(e) for e in all_events)
        assert 0 < kept < len(all_events), params


@pytest.mark.parametrize("params", [
    {"since": "2018-13-01"}, {"until": "yesterday"}, {"since": "2019-01-02", "until": "2019-01-01"},
    {"country": "FRA"}, {"event_type": "Picnic"}, {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"},
    {"bbox": "40,30,200,35"}, {"bbox": "45,30,40,35"}, {"bbox": "nan,30,45,35"}, {"admin1": "x" * 200},
    {"actor": "tab\there"},
])
def test_invalid_filters_are_422(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422, response.text
    error_of(response)


def test_geojson_format(client: TestClient, all_events: list[Event]) -> None:
    response = client.get("/api/events", params={"format": "geojson", "limit": MAX_PAGE})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    assert response.headers["x-total-count"] == str(len(all_events))
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    located = [e for e in all_events if e["latitude"] is not None]
    assert [f["id"] for f in collection["features"]] == ids(located)
    first, event = collection["features"][0], located[0]
    assert first["geometry"] == {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]}
    assert first["properties"]["event_type"] == event["event_type"]


def test_event_detail_has_fields_sources_and_evidence_in_the_text(client: TestClient,
                                                                  all_events: list[Event]) -> None:
    for summary in all_events:
        response = client.get(f"/api/events/{summary['event_id']}")
        assert response.status_code == 200
        detail = response.json()
        event = detail["event"]
        assert event["event_id"] == summary["event_id"]
        assert event["sub_event_type"] == summary["sub_event_type"]
        assert [a["id"] for a in detail["articles"]] == event["article_ids"]
        assert {a["outlet"] for a in detail["articles"]} <= set(event["sources"]) | {""}
        for article in detail["articles"]:
            assert article["evidence"], article["id"]
            for field, spans in article["evidence"].items():
                for start, end in spans:
                    assert 0 <= start < end <= len(article["text"]), (field, start, end)
                    assert article["text"][start:end].strip()


def test_unknown_and_malformed_event_ids(client: TestClient) -> None:
    missing = client.get("/api/events/IRQ0000000000")
    assert missing.status_code == 404
    assert error_of(missing)["code"] == "not_found"
    malformed = client.get("/api/events/not-an-id")
    assert malformed.status_code == 422
    error_of(malformed)


def test_csv_format_has_acled_columns(client: TestClient, all_events: list[Event]) -> None:
    import csv
    import io

    from marsad.io.exports import ACLED_COLUMNS

    response = client.get("/api/events", params={"format": "csv", "limit": 5000})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows[0]) == 31
    assert len(rows) - 1 == len(all_events) == int(response.headers["x-total-count"])
    assert {r[0] for r in rows[1:]} == {e["event_id"] for e in all_events}
    syria = client.get("/api/events", params={"format": "csv", "country": "SYR", "limit": 5000}).text
    assert {r[17] for r in list(csv.reader(io.StringIO(syria)))[1:]} == {"Syria"}


def test_parquet_format_reads_back(client: TestClient, all_events: list[Event]) -> None:
    import io

    import pyarrow.parquet as pq

    response = client.get("/api/events", params={"format": "parquet", "limit": 5000})
    assert response.status_code == 200
    table = pq.read_table(io.BytesIO(response.content))
    assert table.num_rows == len(all_events)
    assert table.column_names[:31] == list(__import__("marsad.io.exports", fromlist=["x"]).ACLED_COLUMNS)


def test_json_pages_stay_small_while_downloads_may_be_large(client: TestClient) -> None:
    assert client.get("/api/events", params={"limit": MAX_PAGE + 1}).status_code == 422
    assert client.get("/api/events", params={"limit": MAX_PAGE + 1, "format": "csv"}).status_code == 200
