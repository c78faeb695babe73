"""``marsad demo``: code the bundled sample articles and show the events."""

from __future__ import annotations

import json
from importlib import resources

import click


def sample_articles():  # type: ignore[no-untyped-def]
    """The articles bundled with the package (``marsad/data/sample/articles.jsonl``)."""
    from datetime import date

    from marsad.model import Article

    raw = resources.files("marsad").joinpath("data/sample/articles.jsonl").read_text(encoding="utf-8")
    for line in raw.splitlines():
        row = json.loads(line)
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        yield Article.from_parts(row["id"], row.get("title", ""), row["text"], published, row.get("outlet", ""),
                                 row.get("url", ""))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON lines instead of a table.")
def demo(as_json: bool) -> None:
    """Extract events from a few real articles bundled with Marsad and print them."""
    from marsad.io.writers import render_table, write_jsonl
    from marsad.pipeline import extract_events

    records = []
    articles = list(sample_articles())
    for article in articles:
        records.extend(e.to_record() for e in extract_events(article))
    if as_json:
        import sys

        write_jsonl(records, sys.stdout)
        return
    render_table(records, title=f"Marsad demo: {len(records)} events from {len(articles)} bundled articles")
    first = records[0] if records else None
    if first:
        click.echo("\nEvidence of the first event (character spans in its article):")
        text = articles[0].text
        for field, spans in first["evidence"].items():
            quotes = " | ".join(text[s:e] for s, e in spans)
            click.echo(f"  {field:<10} {quotes}")
        click.echo(f"  notes      {first['notes']}")
