"""What the OpenAPI document says about answers beyond FastAPI's defaults: errors, media types.

Every error has the one shape of :mod:`marsad.api.errors` (``{"error": {"code", "message"}}``).
"""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["error"],
    "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
        "code": {"type": "string", "examples": ["not_found"]}, "message": {"type": "string"}}}},
}


def error(description: str) -> dict[str, Any]:
    """An error response of the API's one error shape."""
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


_INVALID = error("Invalid parameters: the message names each one and why.")
_PAGE_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["total", "total_exact", "limit", "offset", "next_cursor", "events"],
    "properties": {
        "total": {"type": "integer", "description": "Events matching (exact up to 10,000)."},
        "total_exact": {"type": "boolean"}, "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "next_cursor": {"type": ["string", "null"], "description": "cursor of the next page; null on the last."},
        "events": {"type": "array", "items": {"type": "object", "description": "An event record (codebook §8)."}},
    },
}
_BINARY = {"type": "string", "format": "binary"}

#: ``GET /api/events``: a page (format=json) or a download (geojson, csv, parquet).
EVENTS_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "A page of events (format=json) or a download (header X-Total-Count: events matching).",
          "content": {
              "application/json": {"schema": _PAGE_SCHEMA},
              "application/geo+json": {"schema": {"type": "object", "description": "A FeatureCollection of points."}},
              "text/csv": {"schema": {"type": "string", "description": "ACLED's 31 columns, UTF-8."}},
              "application/vnd.apache.parquet": {"schema": _BINARY},
          }},
    422: _INVALID,
    503: error("The store is not available, or the query ran out of its time budget."),
}

#: ``GET /api/events/{event_id}``.
DETAIL_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: error("No event with this id."),
    422: error("Not an event id."),
}

#: ``POST /api/articles``.
INGEST_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: error("Missing or wrong bearer token (header WWW-Authenticate: Bearer)."),
    403: error("Adding articles is disabled: the server runs without MARSAD_TOKEN."),
    413: error("Request body larger than 2 MiB."),
    422: error("The body is not an article (codebook §8 JSON), or it could not be stored."),
}
