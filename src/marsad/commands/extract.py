"""``marsad extract``: print the coded events of articles."""

from __future__ import annotations

import sys
from datetime import date

import click

from marsad.commands._common import Tally, parse_date_option, require_inputs


@click.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("--published", callback=parse_date_option, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (.txt files, stdin).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table"]), default="jsonl", show_default=True)
@click.option("--include-unlocated", is_flag=True, help="Also print events not placed even at governorate level.")
def extract(inputs: tuple[str, ...], published: date | None, fmt: str, include_unlocated: bool) -> None:
    """Extract coded conflict events from Arabic articles.

    INPUT is a .txt or .html file, a directory, an articles JSONL or CSV file, an RSS/Atom
    feed (file or URL), or - for stdin.
    """
    from marsad.io.readers import is_arabic, iter_articles
    from marsad.io.writers import CsvWriter, render_table, write_jsonl
    from marsad.pipeline import extract_events

    require_inputs(inputs)
    tally = Tally()
    table_rows: list[dict] = []
    csv_writer = CsvWriter(sys.stdout) if fmt == "csv" else None
    n_events = 0
    for article in iter_articles(inputs, published=published, on_error=tally.error):
        tally.read += 1
        if not is_arabic(article.text):
            tally.skip(article.id, "not Arabic text")
            continue
        if article.published is None:
            click.echo(f"Note: {article.id}: publication date unknown; relative dates are left unresolved", err=True)
        records = [e.to_record() for e in extract_events(article, include_unlocated=include_unlocated)]
        n_events += len(records)
        if fmt == "jsonl":
            write_jsonl(records, sys.stdout)
            sys.stdout.flush()
        elif csv_writer is not None:
            csv_writer.write(records)
        else:
            table_rows.extend(records)
    if fmt == "table":
        render_table(table_rows, title=f"{n_events} events from {tally.read} articles")
    tally.summary(extra=f"{n_events} events")
    tally.exit()
