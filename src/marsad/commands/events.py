"""``marsad events``: a readable table of stored events."""

from __future__ import annotations

from datetime import date

import click

from marsad.commands._store import db_option, filter_options, make_filter


@click.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Show at most N events.")
@click.option("--oldest-first", is_flag=True, help="List the oldest events first (default: the newest first).")
@click.option("--include-unlocated", is_flag=True,
              help="Also events whose place the gazetteer does not know (see marsad relocate).")
def events(db: str | None, since: date | None, until: date | None, country: str | None, admin1: str | None,
           event_type: str | None, limit: int, oldest_first: bool, include_unlocated: bool) -> None:
    """Show stored events (merged across reports), the newest first."""
    from dataclasses import replace

    from marsad.io.writers import render_table
    from marsad.store import count_events, open_store, query_events
    from marsad.store.db import require_existing

    filters = replace(make_filter(since, until, country, admin1, event_type), include_unlocated=include_unlocated)
    require_existing(db)
    with open_store(db) as store:
        rows = query_events(store, filters, limit=limit, newest_first=not oldest_first)
        total = count_events(store, filters)
    title = f"{len(rows)} of {total} events" if total > len(rows) else f"{total} events"
    render_table(rows, title=title, extra_columns=(("id", "event_id"), ("sources", "source")))
