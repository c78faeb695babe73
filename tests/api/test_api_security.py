"""Security: headers on every response, no CORS, one error shape, no tracebacks, SQL injection."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from _api_helpers import error_of
from fastapi.testclient import TestClient
from sqlalchemy import inspect

from marsad.api.app import create_app
from marsad.store import count_events, open_store

PATHS = ["/", "/docs", "/openapi.json", "/healthz", "/api/events", "/api/stats", "/api/gaps", "/api/config",
         "/static/js/main.js", "/static/vendor/leaflet/leaflet.js", "/api/nowhere", "/api/events?limit=0",
         "/api/events/IRQ0000000000"]


@pytest.mark.parametrize("path", PATHS)
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    policy = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'none'"
    assert "unsafe" not in headers["content-security-policy"]
    assert "access-control-allow-origin" not in headers


def test_headers_on_413_and_401(sample_db: str) -> None:
    with TestClient(create_app(sample_db, token="t")) as client:
        for response in (client.post("/api/articles", content=b"x" * (3 * 1024 * 1024)),
                         client.post("/api/articles", json={"text": "نص"})):
            assert response.status_code in (401, 413)
            assert response.headers["x-frame-options"] == "DENY"
            error_of(response)


def test_cors_is_off(client: TestClient) -> None:
    response = client.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/events", headers={"Origin": "https://elsewhere.example",
                                                       "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 405
    assert "access-control-allow-origin" not in preflight.headers
    error_of(preflight)


def test_tiles_origin_is_allowed_for_images_only(sample_db: str) -> None:
    with TestClient(create_app(sample_db, tiles="https://tiles.example.org/{z}/{x}/{y}.png")) as client:
        policy = client.get("/").headers["content-security-policy"]
        assert client.get("/api/config").json()["tiles"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert re.search(r"img-src [^;]*https://tiles\.example\.org", policy)
    assert "tiles.example.org" not in policy.split("img-src")[0]


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/api/nowhere", 404), ("DELETE", "/api/events", 405), ("GET", "/api/events?since=never", 422),
    ("POST", "/api/articles", 403), ("GET", "/api/events/IRQ0000000000", 404), ("GET", "/static/nope.js", 404),
])
def test_one_error_shape(client: TestClient, method: str, path: str, status: int) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    error_of(response)


def test_a_crash_is_a_json_500_without_traceback(sample_db: str) -> None:
    app = create_app(sample_db)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals /etc/passwd")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == "internal_error"
    assert "secret" not in response.text and "RuntimeError" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"


# --------------------------------------------------------------------------- SQL injection

INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE events; --', "Baghdad' OR '1'='1", "\u2019 OR 1=1 --",
              "\u201c; DROP TABLE articles; --", "%' OR 'a' LIKE '%", "1); DELETE FROM events; --",
              "IRQ' UNION SELECT * FROM articles --"]
PARAMS = ["since", "until", "country", "admin1", "admin2", "event_type", "actor", "bbox", "limit", "offset",
          "format", "order"]


@pytest.fixture(scope="module")
def victim(tmp_path_factory: pytest.TempPathFactory, sample_db: str) -> Iterator[tuple[TestClient, str, int]]:
    """A copy of the sample store the injection tests may (try to) damage."""
    import shutil

    path = tmp_path_factory.mktemp("victim") / "victim.db"
    shutil.copy(sample_db, path)
    with open_store(path) as store:
        before = count_events(store)
    with TestClient(create_app(str(path), token="")) as client:
        yield client, str(path), before


@pytest.mark.parametrize("param", PARAMS)
def test_injection_in_every_filter_is_rejected_or_matches_nothing(victim: tuple[TestClient, str, int],
                                                                  param: str) -> None:
    client, _, total = victim
    for value in INJECTIONS:
        for path in ("/api/events", "/api/stats"):
            response = client.get(path, params={param: value})
            if response.status_code == 200:
                total_matched = response.json()["total"]  # a count (events) or weekly counts (stats)
                matched = sum(total_matched) if isinstance(total_matched, list) else total_matched
                assert matched == 0, (param, value)
            else:
                assert 400 <= response.status_code < 500, (param, value, response.status_code)
                error_of(response)
    assert client.get("/api/events").json()["total"] == total


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_paths_and_gap_options(victim: tuple[TestClient, str, int], value: str) -> None:
    client, _, _ = victim
    for response in (client.get(f"/api/events/{value}"), client.get("/api/gaps", params={"at": value}),
                     client.get("/api/gaps", params={"country": value}), client.get("/api/gaps", params={"by": value})):
        assert 400 <= response.status_code < 500
        error_of(response)


def test_tables_survive_the_injections(victim: tuple[TestClient, str, int]) -> None:
    client, path, before = victim
    for param in PARAMS:
        for value in INJECTIONS:
            client.get("/api/events", params={param: value})
    with open_store(path) as store:
        tables = set(inspect(store.engine).get_table_names())
        assert {"articles", "mentions", "events", "event_members", "schema_migrations"} <= tables
        assert count_events(store) == before > 0
