"""The web API and the dashboard: a thin FastAPI layer over the store and the analyses.

    app = create_app("marsad.db", token="s3cret")   # token None: $MARSAD_TOKEN, unset = no ingest
    uvicorn.run(app)

Endpoints (OpenAPI at ``/openapi.json``, browsable at ``/docs``): ``GET /api/events``,
``GET /api/events/{id}``, ``GET /api/gaps``, ``GET /api/stats``, ``GET /api/districts``,
``GET /api/labels``, ``GET /api/timeline``, ``GET /api/config``, ``POST /api/articles`` (bearer
token), ``GET /healthz``; the dashboard is ``/`` with its files under ``/static``.  See ``docs/web.md``.
"""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from marsad import __version__
from marsad.api import errors
from marsad.api.models import ArticleIn, EventPage, EventQuery, GapQuery, IngestResult, parse_query, query_parameters
from marsad.api.openapi import DETAIL_RESPONSES, EVENTS_RESPONSES, INGEST_RESPONSES
from marsad.api.queries import (
    REQUEST_BUDGET_S,
    ApiFilter,
    event_detail,
    event_page,
    events_of_article,
    heavy_request,
)
from marsad.api.security import Guard, check_bearer, tile_origin
from marsad.store import Store, open_store

EVENT_ID_PATTERN = r"^[A-Z]{3}[0-9A-Fa-f]{6,29}$"
#: Environment variables through which ``marsad serve --workers N`` hands the store and the tiles to
#: each worker process's :func:`app_from_env` (an empty store value: as ``open_store`` resolves it).
SERVE_DB_ENV, SERVE_TILES_ENV = "MARSAD_SERVE_DB", "MARSAD_SERVE_TILES"


def package_path(relative: str) -> Path:
    """A file or folder shipped inside the ``marsad`` package."""
    return Path(str(resources.files("marsad").joinpath(relative)))


def create_app(store_url: str | None = None, token: str | None = None, tiles: str | None = None) -> FastAPI:
    """The application over the store at ``store_url`` (default: as ``marsad`` resolves it).

    ``token`` enables ``POST /api/articles`` (default ``$MARSAD_TOKEN``; unset or empty: disabled).
    ``tiles`` is an optional tile URL template (``https://…/{z}/{x}/{y}.png``) drawn under the districts.
    """
    store = open_store(store_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="Marsad", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Conflict events coded from Arabic news, each field traced to its evidence.")
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get("MARSAD_TOKEN", "")
    app.state.tiles = tiles or None
    errors.install(app)
    origin = tile_origin(tiles)
    app.add_middleware(Guard, img_sources=[origin] if origin else [])
    app.include_router(_api_routes())
    _mount_web(app)
    return app


def app_from_env() -> FastAPI:
    """The app factory of ``marsad serve --workers N``: :func:`create_app` over ``$MARSAD_SERVE_DB``
    with ``$MARSAD_SERVE_TILES`` (each worker process calls it once).

    Each worker loads the analyses (SciPy) before it takes requests: a request goes to whichever
    worker accepts it, so with lazy imports the first ``/api/gaps`` of every worker would pay ≈ 1 s."""
    import scipy.special  # noqa: F401  (what marsad.analysis.gaps imports on its first call)
    import scipy.stats  # noqa: F401

    import marsad.analysis.gaps  # noqa: F401
    import marsad.analysis.weekly  # noqa: F401

    return create_app(os.environ.get(SERVE_DB_ENV) or None, tiles=os.environ.get(SERVE_TILES_ENV) or None)


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(_store)]


def _require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    check_bearer(authorization, request.app.state.token)


def _filter(q: EventQuery) -> ApiFilter:
    return ApiFilter(since=q.since, until=q.until, country=q.country, admin1=q.admin1, type=q.event_type,
                     admin2=q.admin2, actor=q.actor, bbox=q.box, include_unlocated=q.unlocated)


def _api_routes() -> Any:
    from fastapi import APIRouter

    router = APIRouter()

    @router.get("/healthz", tags=["service"])
    def healthz(store: StoreDep) -> dict[str, Any]:
        """Liveness and store check: ``{"status": "ok", "events": N}``."""
        from marsad.store import count_events

        return {"status": "ok", "events": count_events(store)}

    @router.get("/api/config", tags=["service"])
    def config(request: Request) -> dict[str, Any]:
        """What the dashboard needs to know about this server."""
        return {"version": __version__, "tiles": request.app.state.tiles, "ingest": bool(request.app.state.token)}

    @router.get("/api/events", tags=["events"], response_model=None, responses=EVENTS_RESPONSES,
                openapi_extra={"parameters": query_parameters(EventPage)})
    def list_events(request: Request) -> Response:
        """Merged events matching the filters, oldest first, one page at a time (``format=geojson``: points).

        The hot path of the dashboard: the query string is validated by one ``EventPage.model_validate``
        (no dependency injection), and the page is the stored JSON spliced in, sent as it is."""
        q = parse_query(EventPage, request.query_params)
        store: Store = request.app.state.store
        page = event_page(store, _filter(q), q.limit, q.offset, newest_first=q.order == "desc", cursor=q.cursor,
                          raw=q.format == "json")
        if q.format != "json":
            return _download(page.records, q.format, page.total)
        # the stored JSON spliced in (queries.Page.json): no decoding and encoding of every record
        return Response(page.json(q.limit, q.offset), media_type="application/json")

    @router.get("/api/events/{event_id}", tags=["events"], responses=DETAIL_RESPONSES)
    def get_event(event_id: Annotated[str, _event_id_path()], store: StoreDep) -> dict[str, Any]:
        """One event: its fields, sources, and each member article's text with the evidence spans."""
        found = event_detail(store, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found

    @router.get("/api/gaps", tags=["analysis"])
    def gaps(q: Annotated[GapQuery, Query()], store: StoreDep) -> dict[str, Any]:
        """Areas whose recent event rate rose against their baseline (as ``marsad gaps``)."""
        from marsad.analysis.gaps import ATTACK_TYPES, default_at, gaps_from_store

        types = None if q.all_types else ATTACK_TYPES
        with heavy_request():  # a bounded number at once, each under a time budget
            at = q.at or default_at(store, country=q.country, window=q.window, baseline=q.baseline,
                                    min_events=q.min_events, event_types=types)
            rows = gaps_from_store(store, country=q.country, by=q.by, window=q.window, baseline=q.baseline, at=at,
                                   min_events=q.min_events, fdr=q.fdr, event_types=types, budget=REQUEST_BUDGET_S)
        params = q.model_dump(mode="json")
        chosen = "given" if q.at else "latest complete window" if at else "latest event"
        if at is None and rows:
            at = rows[0].window_end
        params.update(at=at.isoformat() if at else None, at_chosen=chosen)
        return {"params": params, "gaps": [row.to_dict() for row in rows]}

    @router.get("/api/stats", tags=["analysis"])
    def stats(q: Annotated[EventQuery, Query()], store: StoreDep) -> dict[str, Any]:
        """Weekly event counts (weeks start on Monday) in total, by event type and by governorate."""
        from marsad.analysis.weekly import weekly_stats

        return weekly_stats(store, _filter(q)).as_dict()

    @router.get("/api/timeline", tags=["analysis"])
    def binned(q: Annotated[EventQuery, Query()], store: StoreDep) -> dict[str, Any]:
        """Event counts by day, week or month (whichever suits the span), in total and by event type."""
        from marsad.api.timeline import timeline

        return timeline(store, _filter(q)).as_dict()

    @router.get("/api/districts", tags=["map"], response_class=FileResponse)
    def districts() -> FileResponse:
        """District boundaries (Iraq ADM2, Syria ADM1) as GeoJSON, the dashboard's base map."""
        path = package_path("data/geo/districts.geojson")
        if not path.is_file():
            raise HTTPException(404, "no district boundaries in this installation")
        return FileResponse(path, media_type="application/geo+json")

    @router.get("/api/labels", tags=["map"])
    def place_labels() -> Response:
        """Place names for the map (countries, governorates, districts, largest cities) as GeoJSON points."""
        from marsad.api.labels import packaged_labels

        return Response(packaged_labels(), media_type="application/geo+json")

    @router.post("/api/articles", tags=["events"], status_code=201, dependencies=[Depends(_require_token)],
                 response_model=IngestResult, response_model_exclude_none=True, responses=INGEST_RESPONSES,
                 openapi_extra={"requestBody": {"required": True, "content": {
                     "application/json": {"schema": ArticleIn.model_json_schema()}}}})
    async def add_article(request: Request, store: StoreDep) -> dict[str, Any]:
        """Ingest one article (codebook §8 JSON); needs ``Authorization: Bearer <MARSAD_TOKEN>``.

        ``kept`` says why the stored version was kept when the article was stored before with more
        or better-placed events (as ``marsad ingest`` notes it); absent otherwise.  The body is read
        only after the token is checked (the dependency): an unauthenticated request costs no parsing."""
        article = _article_in(await request.body())
        return await run_in_threadpool(_ingest_one, store, article)

    return router


#: Media type and file suffix of each download format of ``GET /api/events``.
_DOWNLOADS = {"geojson": ("application/geo+json", "geojson"), "csv": ("text/csv; charset=utf-8", "csv"),
              "parquet": ("application/vnd.apache.parquet", "parquet")}


def _download(records: list[dict[str, Any]], fmt: str, total: int) -> Response:
    """``records`` written by :mod:`marsad.io.exports` (GeoJSON, ACLED CSV or Parquet) as one response."""
    from marsad.io.exports import write_export

    media_type, suffix = _DOWNLOADS[fmt]
    if fmt == "parquet":
        binary = io.BytesIO()
        write_export(records, "parquet", binary)
        body: bytes | str = binary.getvalue()
    else:
        text = io.StringIO()
        write_export(records, "acled-csv" if fmt == "csv" else fmt, text)
        body = text.getvalue()
    headers = {"X-Total-Count": str(total), "Content-Disposition": f'attachment; filename="marsad-events.{suffix}"'}
    return Response(body, media_type=media_type, headers=headers)


def _event_id_path() -> Any:
    from fastapi import Path as PathParam

    return PathParam(pattern=EVENT_ID_PATTERN, description="Event id, e.g. IRQ3F2A9C01B7.")


def _article_in(body: bytes) -> ArticleIn:
    """The request body as an :class:`ArticleIn`; a 422 like FastAPI's own when it is not one."""
    try:
        return ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None


#: How :func:`marsad.store.ingest_articles` words the note of a stored version kept (``on_note``).
KEPT_PREFIX, KEPT_SUFFIX = "stored version kept: ", " (--force replaces it)"


def _ingest_one(store: Store, body: ArticleIn) -> dict[str, Any]:
    """Read the body as a §8 record (as ``marsad ingest`` reads a JSONL line), extract, store, merge."""
    from marsad.errors import InputError
    from marsad.io.readers import read_document
    from marsad.store import article_key, ingest_articles

    data = body.model_dump_json(exclude_none=True).encode("utf-8")
    article = next(read_document(data, "request body", kind="jsonl"))
    skipped: list[str] = []
    notes: list[str] = []
    stats = ingest_articles(store, [article], on_skip=lambda where, why: skipped.append(why),
                            on_note=lambda where, why: notes.append(why))
    if skipped:
        raise InputError("request body", f"article not stored: {skipped[0]}")
    kept = next((note for note in notes if note.startswith(KEPT_PREFIX)), None)
    result: dict[str, Any] = {"article_id": article.id, "added": stats.added, "replaced": stats.replaced,
                              "unchanged": stats.unchanged, "mentions": stats.mentions,
                              "events": events_of_article(store, article_key(article))}
    if kept is not None:
        result["kept"] = kept.removeprefix(KEPT_PREFIX).removesuffix(KEPT_SUFFIX)
    other = [note for note in notes if not note.startswith(KEPT_PREFIX)]
    if other:
        result["notes"] = other
    return result


def _mount_web(app: FastAPI) -> None:
    """The dashboard at ``/``, its files at ``/static``, Swagger UI (vendored) at ``/docs``."""
    static = package_path("web/static")
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(static / "docs.html", media_type="text/html")
