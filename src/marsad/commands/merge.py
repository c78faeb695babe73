"""``marsad merge``: group stored event records into incidents across reports."""

from __future__ import annotations

import click

from marsad.commands._store import db_option


@click.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Regroup every stored record from scratch (event ids are kept).")
def merge(db: str | None, rebuild: bool) -> None:
    """Merge the records not yet in an event (all, with --rebuild)."""
    from marsad.store import merge as run
    from marsad.store import open_store
    from marsad.store.db import require_existing

    require_existing(db)

    with open_store(db) as store:
        stats = run(store, rebuild=rebuild)
    click.echo(f"{store.url}: {stats.mentions} records regrouped into {stats.events} events: "
               f"{stats.created} created, {stats.updated} updated, {stats.deleted} removed", err=True)
