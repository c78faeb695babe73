"""``marsad journal``: what the store removed (event records of changed articles, merged events), newest first."""

from __future__ import annotations

import json

import click

from marsad.commands._store import db_option


@click.command()
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Show at most N removals.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line, with the removed record in full.")
def journal(db: str | None, limit: int, as_json: bool) -> None:
    """Show what the store removed and why, newest first.

    Ingest removes the stored event records of an article that comes again in a changed
    version (a worse-looking version is kept out unless --force), and the merge removes
    events whose reports joined others or are all gone; each removal is journaled here.
    """
    from marsad.store import open_store
    from marsad.store.db import require_existing
    from marsad.store.journal import count_removals, read_removals

    require_existing(db)
    with open_store(db) as store:
        rows = read_removals(store, limit)
        total = count_removals(store)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    click.echo(f"{len(rows)} of {total} removals" if total > len(rows) else f"{total} removals")
    for row in rows:
        what = row["event_id"] or "(no event)"
        article = f" article {row['article_id']}" if row["article_id"] else ""
        click.echo(f"{row['removed_at'][:19]}  {row['kind']:<6} {what:<14} {row['event_date'] or '':<10}"
                   f"{article}: {row['reason']}")
