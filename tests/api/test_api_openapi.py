"""The OpenAPI document is complete (enums, errors, media types), and POST /api/articles says
when it kept the stored version."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_api_ingest import ARTICLE, TOKEN, bearer

from marsad.api.app import create_app
from marsad.taxonomy import COUNTRY_NAMES, EVENT_TYPES


@pytest.fixture(scope="module")
def spec(sample_db: str) -> dict[str, Any]:
    with TestClient(create_app(sample_db, token="")) as client:
        response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def _enum(schema: dict[str, Any]) -> list[str]:
    """The enum of a parameter schema (also inside anyOf with null)."""
    if "enum" in schema:
        return list(schema["enum"])
    return next(list(s["enum"]) for s in schema.get("anyOf", []) if "enum" in s)


def _params(spec: dict[str, Any], path: str) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}


def test_events_parameters_carry_the_closed_vocabularies(spec: dict[str, Any]) -> None:
    params = _params(spec, "/api/events")
    assert set(_enum(params["event_type"]["schema"])) == {*EVENT_TYPES, *EVENT_TYPES.values()}
    assert {"IRQ", "SYR", *COUNTRY_NAMES.values()} <= set(_enum(params["country"]["schema"]))
    assert _enum(params["format"]["schema"]) == ["json", "geojson", "csv", "parquet"]
    assert _enum(params["order"]["schema"]) == ["asc", "desc"]
    assert {"limit", "offset", "cursor", "since", "until", "admin1", "admin2", "actor", "bbox"} <= set(params)
    assert all(p["in"] == "query" and p["description"] for p in params.values())


def test_other_endpoints_carry_their_enums(spec: dict[str, Any]) -> None:
    gaps = _params(spec, "/api/gaps")
    assert _enum(gaps["by"]["schema"]) == ["admin1", "admin2"]
    assert "SYR" in _enum(gaps["country"]["schema"])
    assert "Air/drone strike" in _enum(_params(spec, "/api/stats")["event_type"]["schema"])


def test_download_media_types_are_documented(spec: dict[str, Any]) -> None:
    content = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]
    assert {"application/json", "application/geo+json", "text/csv", "application/vnd.apache.parquet"} <= set(content)
    assert "events" in content["application/json"]["schema"]["properties"]


def test_error_responses_are_documented(spec: dict[str, Any]) -> None:
    detail = spec["paths"]["/api/events/{event_id}"]["get"]["responses"]
    assert "404" in detail
    assert "error" in detail["404"]["content"]["application/json"]["schema"]["properties"]
    post = spec["paths"]["/api/articles"]["post"]["responses"]
    assert {"201", "401", "403", "413", "422"} <= set(post)
    assert "kept" in _resolve(spec, post["201"]["content"]["application/json"]["schema"])["properties"]


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    return spec["components"]["schemas"][ref.rsplit("/", 1)[1]] if ref else schema


def test_a_worse_version_is_kept_and_the_answer_says_why(empty_db: str) -> None:
    article = {**ARTICLE, "url": "https://example.org/news/1"}  # one identity for both versions
    with TestClient(create_app(empty_db, token=TOKEN)) as client:
        first = client.post("/api/articles", json=article, headers=bearer(TOKEN))
        assert first.status_code == 201 and first.json()["events"]
        assert "kept" not in first.json()
        worse = {**article, "text": ARTICLE["text"].replace("شرطيان", "\ufffd\ufffd")}  # a badly decoded copy
        second = client.post("/api/articles", json=worse, headers=bearer(TOKEN))
        assert second.status_code == 201
        body = second.json()
        assert "U+FFFD" in body["kept"] and "--force" not in body["kept"]
        assert body["replaced"] == 0 and body["events"] == first.json()["events"]


def test_a_bad_query_is_still_a_422_naming_the_parameter(client: TestClient) -> None:
    for query, name in (({"country": "France"}, "country"), ({"limit": "many"}, "limit"), ({"colour": "red"}, "colour"),
                        ({"event_type": "picnic"}, "event_type"), ({"since": "2021-13-01"}, "since")):
        response = client.get("/api/events", params=query)
        assert response.status_code == 422, query
        assert response.json()["error"]["message"].startswith(f"{name}:"), response.json()
