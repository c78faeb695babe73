"""``marsad demo``: code the bundled sample articles and show the events."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

import click

from marsad.commands._store import db_option

if TYPE_CHECKING:
    from marsad.model import Article, Event


def sample_articles() -> Iterator[Article]:
    """The articles bundled with the package (``marsad/data/sample/articles.jsonl``)."""
    from datetime import date

    from marsad.model import Article

    raw = resources.files("marsad").joinpath("data/sample/articles.jsonl").read_text(encoding="utf-8")
    for line in raw.splitlines():
        row = json.loads(line)
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        yield Article.from_parts(row["id"], row.get("title", ""), row["text"], published, row.get("outlet", ""),
                                 row.get("url", ""))


def build_demo_store(db: str | None = None, extracted: Mapping[str, list[Event]] | None = None) -> tuple[str, int]:
    """Ingest the bundled sample into the store at ``db`` (default: where ``marsad serve`` looks).

    ``extracted`` (article id → events) reuses events already extracted.  Returns the store's
    URL (password hidden) and how many events it holds.
    """
    from marsad.pipeline import extract_events
    from marsad.store import count_events, ingest_articles, open_store

    def extract(article: Article) -> list[Event]:
        found = extracted.get(article.id) if extracted else None
        return found if found is not None else extract_events(article)

    with open_store(db) as store:
        ingest_articles(store, sample_articles(), extract=extract)
        return store.url, count_events(store)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the events as JSON lines instead of a table.")
@db_option
@click.option("--no-store", is_flag=True, help="Only print; do not add the sample to the store.")
def demo(as_json: bool, db: str | None, no_store: bool) -> None:
    """Extract events from a few real articles bundled with Marsad, print them, and store them for ``marsad serve``."""
    from marsad.pipeline import extract_events

    articles = list(sample_articles())
    extracted = {article.id: extract_events(article) for article in articles}
    records = [e.to_record() for article in articles for e in extracted[article.id]]
    _print_demo(records, articles, as_json)
    if not no_store:
        url, total = build_demo_store(db, extracted)
        serve = "marsad serve" + (f" --db {db}" if db else "")
        click.echo(f"\nStored in {url} ({total} events). Run `{serve}` and open http://127.0.0.1:8000/ to browse them.",
                   err=as_json)


def _print_demo(records: list[dict[str, Any]], articles: list[Article], as_json: bool) -> None:
    """The events as JSON lines, or as a table with the first event's evidence."""
    from marsad.io.writers import render_table, write_jsonl

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
