"""``marsad export``: stored events as ACLED CSV, JSON lines, GeoJSON or Parquet."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from marsad.commands._store import db_option, filter_options, make_filter


@click.command()
@click.option("--format", "fmt", type=click.Choice(["acled-csv", "jsonl", "geojson", "parquet"]),
              default="acled-csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE, not stdout.")
@db_option
@filter_options
def export(fmt: str, output: Path | None, db: str | None, since: date | None, until: date | None,
           country: str | None, admin1: str | None, event_type: str | None) -> None:
    """Export stored events (merged across reports) for analysis tools."""
    from marsad.errors import InputError, UsageError
    from marsad.io.exports import export as run
    from marsad.store import open_store
    from marsad.store.db import require_existing

    filters = make_filter(since, until, country, admin1, event_type)
    if output is None and fmt == "parquet" and sys.stdout.isatty():
        raise UsageError("parquet is binary: give -o FILE (or redirect stdout)")
    target = output if output is not None else (sys.stdout.buffer if fmt == "parquet" else sys.stdout)
    require_existing(db)
    with open_store(db) as store:
        try:
            stats = run(store, fmt, target, filters)
        except OSError as exc:
            raise InputError(str(output or "<stdout>"), exc.strerror or str(exc)) from None
    note = f" ({stats.left_out} without coordinates left out)" if stats.left_out else ""
    click.echo(f"{stats.written} events exported{note}", err=True)
