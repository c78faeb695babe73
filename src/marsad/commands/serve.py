"""``marsad serve``: the web API and the map dashboard (see ``docs/web.md``)."""

from __future__ import annotations

from typing import TypedDict

import click

from marsad.commands._store import db_option

_TILE_HELP = ("Optional map tiles under the districts, a URL template with {z}/{x}/{y} "
              "(e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png); off by default: the dashboard works offline.")


class _ServerOptions(TypedDict):
    """The uvicorn settings shared by one process and several workers."""

    host: str
    port: int
    log_level: str
    server_header: bool
    proxy_headers: bool


def check_tiles(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """click callback: an http(s) URL template naming {z}, {x} and {y}."""
    if value is None:
        return None
    if not value.startswith(("https://", "http://")) or not all(p in value for p in ("{z}", "{x}", "{y}")):
        raise click.BadParameter("expected an http(s) URL template with {z}, {x} and {y}")
    return value


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--tiles", metavar="URL", callback=check_tiles, help=_TILE_HELP)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes sharing the port (about one per core; each opens the store).")
def serve(db: str | None, host: str, port: int, tiles: str | None, workers: int) -> None:
    """Serve the API and the dashboard.  POST /api/articles needs $MARSAD_TOKEN set."""
    import os

    import uvicorn

    from marsad.api.app import SERVE_DB_ENV, SERVE_TILES_ENV, create_app
    from marsad.store import open_store
    from marsad.store.db import require_existing

    require_existing(db)
    _check_free(host, port)
    options: _ServerOptions = {"host": host, "port": port, "log_level": "info", "server_header": False,
                               "proxy_headers": False}
    if workers == 1:
        app = create_app(db, tiles=tiles)
        url = app.state.store.url
    else:  # each worker process builds its app (marsad.api.app.app_from_env) over the migrated store
        with open_store(db) as store:  # migrated once here, not by every worker at once
            url = store.url
        os.environ[SERVE_DB_ENV] = db or ""  # "" = as open_store resolves it (same environment)
        os.environ[SERVE_TILES_ENV] = tiles or ""
    click.echo(f"Marsad: store {url}" + (f", {workers} worker processes" if workers > 1 else ""),
               err=True)
    click.echo(f"Dashboard http://{_shown(host)}:{port}/  API docs http://{_shown(host)}:{port}/docs", err=True)
    if not os.environ.get("MARSAD_TOKEN"):
        click.echo("Note: MARSAD_TOKEN is not set, so POST /api/articles is disabled.", err=True)
    if workers == 1:
        uvicorn.run(app, **options)
    else:
        uvicorn.run("marsad.api.app:app_from_env", factory=True, workers=workers, **options)


def _check_free(host: str, port: int) -> None:
    """A one-line error (exit 1) when ``host:port`` cannot be listened on, before anything is printed."""
    import socket

    from marsad.errors import MarsadError

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise MarsadError(f"{host}: cannot listen there: {exc.strerror or exc}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind(address)
        except OSError as exc:
            raise MarsadError(f"{_shown(host)}:{port}: cannot listen there ({exc.strerror or exc}); "
                              "is another server running? Choose another --port") from None


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host
