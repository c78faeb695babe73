"""``marsad relocate``: place the stored events whose place was unknown, with the current gazetteer."""

from __future__ import annotations

import click

from marsad.commands._store import db_option


@click.command()
@db_option
def relocate(db: str | None) -> None:
    """Read again the articles of stored events without a known place and place those the
    gazetteer now knows (e.g. after marsad gazetteer import); they then merge like new reports."""
    from marsad.store import open_store
    from marsad.store.db import require_existing
    from marsad.store.relocate import relocate as relocate_events

    failed: list[str] = []

    def on_error(article_id: str, error: str) -> None:
        failed.append(article_id)
        click.echo(f"Error: {article_id}: extraction failed ({error})", err=True)

    require_existing(db)

    with open_store(db) as store:
        stats = relocate_events(store, on_error=on_error)
    click.echo(f"{store.url}: {stats.summary()}", err=True)
    if failed:
        raise SystemExit(1)
