"""POST /api/articles: the token rule, ingest and visibility, validation, the body-size limit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _api_helpers import error_of
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.api.security import MAX_BODY_BYTES

TOKEN = "correct horse battery staple"

ARTICLE = {
    "id": "api-test-1",
    "outlet": "Test Outlet",
    "published": "2021-08-01",
    "title": "<b>مقتل شرطيين</b> بهجوم لداعش غربي الموصل",
    "text": "قتل شرطيان وأصيب ثلاثة آخرون، اليوم الأحد، بهجوم شنه عناصر تنظيم داعش على نقطة تفتيش في قضاء تلعفر "
            "غربي الموصل.",
}


@pytest.fixture
def secured(empty_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(empty_db, token=TOKEN)) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_disabled_without_a_token(empty_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    with TestClient(create_app(empty_db)) as client:
        response = client.post("/api/articles", json=ARTICLE, headers=bearer("anything"))
        assert client.get("/api/config").json()["ingest"] is False
    assert response.status_code == 403
    assert "MARSAD_TOKEN" in error_of(response)["message"]


def test_token_comes_from_the_environment(empty_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_TOKEN", TOKEN)
    with TestClient(create_app(empty_db)) as client:
        assert client.post("/api/articles", json=ARTICLE, headers=bearer("nope")).status_code == 401
        assert client.post("/api/articles", json=ARTICLE, headers=bearer(TOKEN)).status_code == 201


@pytest.mark.parametrize("headers", [{}, bearer("wrong"), bearer(TOKEN + "x"), {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, bearer("")])
def test_missing_or_wrong_token_is_401(secured: TestClient, headers: dict[str, str]) -> None:
    response = secured.post("/api/articles", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert error_of(response)["code"] == "unauthorized"
    assert secured.get("/api/events").json()["total"] == 0


def test_token_is_checked_before_the_body(secured: TestClient) -> None:
    response = secured.post("/api/articles", json={"nonsense": True}, headers=bearer("wrong"))
    assert response.status_code == 401


def test_right_token_ingests_and_the_events_are_visible(secured: TestClient) -> None:
    response = secured.post("/api/articles", json=ARTICLE, headers=bearer(TOKEN))
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["article_id"] == ARTICLE["id"]
    assert result["added"] == 1 and result["events"]
    listed = secured.get("/api/events").json()
    assert sorted(e["event_id"] for e in listed["events"]) == sorted(result["events"])
    detail = secured.get(f"/api/events/{result['events'][0]}").json()
    assert detail["articles"][0]["text"] == f"{ARTICLE['title']}\n\n{ARTICLE['text']}"  # stored as given, markup too
    assert detail["event"]["admin1"] == "Ninewa"
    again = secured.post("/api/articles", json=ARTICLE, headers=bearer(TOKEN)).json()
    assert (again["added"], again["unchanged"], again["events"]) == (0, 1, result["events"])


@pytest.mark.parametrize(("body", "status"), [
    ({**ARTICLE, "text": ""}, 422),
    ({**ARTICLE, "text": "   "}, 422),
    ({**ARTICLE, "published": "03/08/2021"}, 422),
    ({**ARTICLE, "surprise": 1}, 422),
    ({k: v for k, v in ARTICLE.items() if k != "text"}, 422),
    ({**ARTICLE, "text": "Police said two officers were killed in Mosul."}, 422),  # not Arabic: not stored
])
def test_invalid_articles(secured: TestClient, body: dict[str, Any], status: int) -> None:
    response = secured.post("/api/articles", json=body, headers=bearer(TOKEN))
    assert response.status_code == status, response.text
    error_of(response)
    assert secured.get("/api/events").json()["total"] == 0


def test_malformed_json(secured: TestClient) -> None:
    response = secured.post("/api/articles", content=b"{not json", headers={**bearer(TOKEN),
                                                                            "Content-Type": "application/json"})
    assert response.status_code == 422
    error_of(response)


def test_body_over_the_limit_is_413(secured: TestClient) -> None:
    big = {**ARTICLE, "text": ARTICLE["text"] + " " + "ا" * MAX_BODY_BYTES}
    response = secured.post("/api/articles", json=big, headers=bearer(TOKEN))
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"


def test_streamed_body_over_the_limit_is_413(secured: TestClient) -> None:
    """A chunked upload (no Content-Length) is cut off once it passes the limit."""

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'

    response = secured.post("/api/articles", content=chunks(), headers={**bearer(TOKEN),
                                                                         "Content-Type": "application/json"})
    assert response.status_code == 413
    error_of(response)


def test_the_token_is_checked_before_the_body_is_read(secured: TestClient) -> None:
    """A request without the token is refused as such, whatever its body: nothing is parsed for it."""
    response = secured.post("/api/articles", content=b"{not json at all", headers={"content-type": "application/json"})
    assert response.status_code == 401
    with_token = secured.post("/api/articles", content=b"{not json at all",
                              headers={"content-type": "application/json", **bearer(TOKEN)})
    assert with_token.status_code == 422
    schema = secured.get("/openapi.json").json()["paths"]["/api/articles"]["post"]["requestBody"]
    assert "text" in schema["content"]["application/json"]["schema"]["properties"]
