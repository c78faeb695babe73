"""Helpers of the API tests."""

from __future__ import annotations

from typing import Any


def error_of(response: Any) -> dict[str, str]:
    """The ``error`` object of a response, checking the shape every error must have."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert "Traceback" not in body["error"]["message"]
    return body["error"]
