"""What the API accepts: query parameters and the article body, validated by pydantic.

Every model forbids unknown fields, so a misspelt parameter is a 422 rather than a silently
ignored filter.  Free-text values (areas, actors) are bounded in length and may not hold
control characters; they only ever reach the database as bound parameters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema, field_validator, model_validator

from marsad.taxonomy import COUNTRY_NAMES, EVENT_TYPES

MAX_PAGE = 1000
#: The largest ``limit`` of a download (``format`` csv, parquet or geojson).
MAX_EXPORT = 100_000
#: Formats of ``GET /api/events`` that are downloads rather than pages of records.
EXPORT_FORMATS = ("csv", "parquet", "geojson")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TYPES = {name.lower(): name for name in (*EVENT_TYPES, *EVENT_TYPES.values())}
_COUNTRIES = {**{code.lower(): code for code in COUNTRY_NAMES},
              **{name.lower(): code for code, name in COUNTRY_NAMES.items()}}

Name = Annotated[str, Field(min_length=1, max_length=120)]
#: The closed vocabularies as OpenAPI enums (the API also accepts them in any letter case).
Country = Annotated[str, WithJsonSchema({"type": "string", "enum": [*COUNTRY_NAMES, *COUNTRY_NAMES.values()]})]
EventType = Annotated[str, WithJsonSchema({"type": "string", "enum": [*dict.fromkeys(EVENT_TYPES.values()),
                                                                      *EVENT_TYPES]})]


def _plain(value: str | None) -> str | None:
    """A stripped value without control characters; ``None`` for a blank one."""
    if value is None:
        return None
    if _CONTROL.search(value):
        raise ValueError("control characters are not allowed")
    return value.strip() or None


def _country_code(value: str | None) -> str | None:
    """ISO alpha-3 code of a known country code or name; ValueError otherwise."""
    if value is None:
        return None
    code = _COUNTRIES.get(value.strip().lower())
    if code is None:
        raise ValueError(f"unknown country; use one of {', '.join(sorted(COUNTRY_NAMES))}")
    return code


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=120)


class EventQuery(_Strict):
    """Filters of ``GET /api/events`` and ``GET /api/stats`` (all optional, all must hold)."""

    since: date | None = Field(None, description="Events on or after this day (YYYY-MM-DD).")
    until: date | None = Field(None, description="Events on or before this day (YYYY-MM-DD).")
    country: Country | None = Field(None, description="IRQ, SYR, Iraq or Syria (any letter case).")
    admin1: Name | None = Field(None, description="Governorate, e.g. Kirkuk.")
    admin2: Name | None = Field(None, description="District, e.g. Al-Falluja.")
    event_type: EventType | None = Field(None, description="An event type or a sub-event type of the codebook "
                                                            "(any letter case).")
    actor: Name | None = Field(None, description="Part of the name of actor1 or actor2 (case-insensitive).")
    bbox: str | None = Field(None, description="minlon,minlat,maxlon,maxlat (WGS 84 degrees).")
    unlocated: bool = Field(False, description="Also events whose place the gazetteer does not know.")

    @field_validator("admin1", "admin2", "actor", mode="before")
    @classmethod
    def _no_control(cls, value: Any) -> Any:
        return _plain(value) if isinstance(value, str) else value

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return _country_code(value)

    @field_validator("event_type")
    @classmethod
    def _event_type(cls, value: str | None) -> str | None:
        if value is None:
            return None
        name = _TYPES.get(value.strip().lower())
        if name is None:
            raise ValueError("not an event type or sub-event type of the codebook")
        return name

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        if value is not None:
            parse_bbox(value)
        return value

    @model_validator(mode="after")
    def _date_order(self) -> EventQuery:
        if self.since and self.until and self.since > self.until:
            raise ValueError("since is after until")
        return self

    @property
    def box(self) -> tuple[float, float, float, float] | None:
        return parse_bbox(self.bbox) if self.bbox else None


class EventPage(EventQuery):
    """``GET /api/events``: the filters, a page, and the format."""

    limit: int = Field(100, ge=1, le=MAX_EXPORT,
                       description=f"At most this many events (json ≤ {MAX_PAGE}, downloads ≤ {MAX_EXPORT}).")
    offset: int = Field(0, ge=0, le=10_000_000, description="Skip this many events first.")
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the previous page (keyset paging).")
    format: Literal["json", "geojson", "csv", "parquet"] = Field(
        "json", description="json (records), geojson (points), csv (ACLED's 31 columns), parquet (typed).")
    order: Literal["asc", "desc"] = Field("asc", description="By event date: oldest (asc) or newest (desc) first.")

    @model_validator(mode="after")
    def _page_size(self) -> EventPage:
        if self.format not in EXPORT_FORMATS and self.limit > MAX_PAGE:
            raise ValueError(f"limit is at most {MAX_PAGE} for format=json (downloads: {MAX_EXPORT})")
        return self


class GapQuery(_Strict):
    """``GET /api/gaps``: the options of ``marsad gaps``."""

    by: Literal["admin1", "admin2"] = Field("admin2", description="Area level.")
    window: int = Field(28, ge=1, le=3660, description="Recent window in days.")
    baseline: int = Field(180, ge=1, le=36600, description="Baseline period in days before the window.")
    at: date | None = Field(None, description="Last day of the window (default: the latest event).")
    country: Country | None = Field(None, description="Only this country: IRQ, SYR, Iraq or Syria.")
    min_events: int = Field(3, ge=1, le=100_000, description="Events an area needs (window and baseline) to be tested.")
    fdr: float = Field(0.05, gt=0, lt=1, description="False discovery rate for calling an area rising.")
    all_types: bool = Field(False, description="Count every event type, not only political violence.")

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return _country_code(value)


class ArticleIn(_Strict):
    """One article as codebook §8 writes it (``POST /api/articles``)."""

    model_config = ConfigDict(extra="forbid", str_max_length=1_000_000)

    id: str | None = Field(None, max_length=300)
    outlet: str | None = Field(None, max_length=300)
    published: date | None = None
    title: str | None = Field(None, max_length=2000)
    text: str = Field(min_length=1)
    url: str | None = Field(None, max_length=2000)


class IngestResult(BaseModel):
    """The answer of ``POST /api/articles``."""

    article_id: str = Field(description="The article's id (given, or derived from its text).")
    added: int = Field(description="1 when the article is new to the store.")
    replaced: int = Field(description="1 when it replaced a stored version of itself.")
    unchanged: int = Field(description="1 when the store held it already, word for word.")
    mentions: int = Field(description="Event reports extracted from it.")
    events: list[str] = Field(description="Ids of the merged events it reports, in its order of mention.")
    kept: str | None = Field(None, description="Why the stored version was kept instead (it has more or better "
                                               "events); absent when this version was stored.")
    notes: list[str] | None = Field(None, description="Other notes of the ingest (e.g. undated events not stored).")


QueryModel = TypeVar("QueryModel", bound=BaseModel)


def parse_query(model: type[QueryModel], params: Mapping[str, str]) -> QueryModel:
    """``params`` (a query string, last value of a repeated name) as ``model``; a 422 as FastAPI's own
    otherwise.  One ``model_validate``: cheaper than FastAPI's parameter injection on a hot endpoint."""
    try:
        return model.model_validate(dict(params))
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in exc.errors()]) from None


def query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The OpenAPI ``parameters`` (in the query) of ``model``'s fields, for a route that parses them itself."""
    schema = model.model_json_schema()
    found = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        description = prop.pop("description", "")
        prop.pop("title", None)
        found.append({"name": name, "in": "query", "required": name in schema.get("required", ()),
                      "description": description, "schema": prop})
    return found


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``minlon,minlat,maxlon,maxlat`` as four floats in range and in order; ValueError otherwise."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox values must be numbers") from None
    if not all(-180 <= x <= 180 for x in (minlon, maxlon)) or not all(-90 <= y <= 90 for y in (minlat, maxlat)):
        raise ValueError("bbox out of range (longitude -180..180, latitude -90..90)")
    if minlon > maxlon or minlat > maxlat:
        raise ValueError("bbox minimum is greater than its maximum")
    return minlon, minlat, maxlon, maxlat
