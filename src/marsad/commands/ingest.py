"""``marsad ingest``: read articles, extract their events and store them (merged across reports)."""

from __future__ import annotations

from datetime import date

import click

from marsad.commands._common import Tally, parse_date_option, require_inputs
from marsad.commands._run import open_run_engine, run_options
from marsad.commands._store import db_option


@click.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@db_option
@click.option("--published", callback=parse_date_option, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (.txt files, stdin).")
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Articles per transaction.")
@click.option("--force", is_flag=True,
              help="Replace a stored article even by a version that looks worse (much shorter, undecodable "
                   "characters, far fewer events).")
@run_options
def ingest(inputs: tuple[str, ...], db: str | None, published: date | None, batch_size: int, force: bool,
           workers: int | None, dask: str | None, chunk_size: int | None, progress: bool) -> None:
    """Store the events of Arabic articles; already stored articles are skipped.

    INPUT is a .txt or .html file, a directory, an articles JSONL or CSV file, an RSS/Atom
    feed (file or URL), or - for stdin.  A changed article (same URL, new text) replaces
    its events, unless the new version looks worse (much shorter, undecodable characters, far
    fewer events): then the stored one is kept with a note (--force replaces it); every removed
    event record is listed by marsad journal.  Events without a known place are stored apart
    (not merged, not listed unless asked); marsad relocate places them after a gazetteer
    import.  The new articles of each batch are extracted by the workers (--workers, --dask)
    while the batch before is written; a re-run skips what is stored, so an interrupted ingest
    resumes.
    """
    from marsad.inputs import iter_inputs
    from marsad.parallel import CHUNK_SIZE, Task, batch_extractor
    from marsad.progress import Progress, estimate_total
    from marsad.store import ingest_articles, open_store

    require_inputs(inputs)
    tally = Tally()
    total = estimate_total(inputs)
    with open_run_engine(workers, dask, total) as engine, open_store(db) as store:  # fork before opening the db
        task = Task(include_unlocated=True, arabic_only=False)  # stored flagged, for marsad relocate
        extract_many = batch_extractor(engine, task, chunk_size or CHUNK_SIZE)
        with Progress(total, "ingest", enabled=None if progress else False) as bar:
            articles = bar.counted(iter_inputs(inputs, published=published, on_error=tally.error))
            stats = ingest_articles(store, articles, extract_many=extract_many, batch_size=batch_size,
                                    on_skip=tally.skip, on_error=tally.error, on_note=tally.note, force=force)
    tally.read = stats.read
    click.echo(f"{store.url}: {stats.summary()}", err=True)
    tally.summary()  # counts the inputs that could not be read too, as extract's summary does
    tally.exit()
