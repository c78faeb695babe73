"""``marsad ingest``: read articles, extract their events and store them (merged across reports)."""

from __future__ import annotations

from datetime import date

import click

from marsad.commands._common import Tally, parse_date_option, require_inputs
from marsad.commands._store import db_option


@click.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@db_option
@click.option("--published", callback=parse_date_option, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (.txt files, stdin).")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Articles per transaction.")
def ingest(inputs: tuple[str, ...], db: str | None, published: date | None, batch_size: int) -> None:
    """Store the events of Arabic articles; already stored articles are skipped.

    INPUT is a .txt or .html file, a directory, an articles JSONL or CSV file, an RSS/Atom
    feed (file or URL), or - for stdin.  A changed article (same URL, new text) replaces
    its events.
    """
    from marsad.io.readers import iter_articles
    from marsad.store import ingest_articles, open_store

    require_inputs(inputs)
    tally = Tally()
    with open_store(db) as store:
        stats = ingest_articles(store, iter_articles(inputs, published=published, on_error=tally.error),
                                batch_size=batch_size, on_skip=tally.skip, on_error=tally.error)
    tally.read = stats.read
    click.echo(f"{store.url}: {stats.summary()}", err=True)
    tally.exit()
