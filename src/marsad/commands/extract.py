"""``marsad extract``: print (or write) the coded events of articles, on all cores or a Dask cluster."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from marsad.commands._common import Tally, counted, parse_date_option, require_inputs
from marsad.commands._run import open_run_engine, run_options

PARQUET_PART_SIZE = 2000


@click.command()
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option("--published", callback=parse_date_option, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (.txt files, stdin).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "table", "parquet"]), default="jsonl",
              show_default=True, help="parquet: one file per partition in the --out directory.")
@click.option("--include-unlocated", is_flag=True, help="Also print events not placed even at governorate level.")
@click.option("--out", type=click.Path(path_type=Path), metavar="FILE|DIR",
              help="Write JSONL to FILE (resuming it if it exists), or Parquet parts to DIR, instead of stdout.")
@click.option("--overwrite", is_flag=True, help="With --out: start afresh instead of resuming.")
@run_options
def extract(inputs: tuple[str, ...], published: date | None, fmt: str, include_unlocated: bool, out: Path | None,
            overwrite: bool, workers: int | None, dask: str | None, chunk_size: int | None, progress: bool) -> None:
    """Extract coded conflict events from Arabic articles.

    INPUT is a .txt or .html file, a directory, an articles JSONL or CSV file, an RSS/Atom
    feed (file or URL), or - for stdin.  Events come out in input order whatever the number
    of workers.  With --out FILE a re-run skips the articles already done (see docs/scale.md).
    """
    from marsad.progress import Progress, estimate_total

    require_inputs(inputs)
    _check_out(fmt, out)
    tally = Tally()
    total = estimate_total(inputs)
    run = _Run(tally, fmt, include_unlocated)
    with open_run_engine(workers, dask, total) as engine:  # first: a cluster that cannot be reached changes nothing
        if fmt == "parquet" and out is not None:
            if overwrite:
                _clear_parts(out)
            with Progress(total, "extract", enabled=None if progress else False) as bar:
                run.parquet(_read(inputs, published, run), engine, out, chunk_size or PARQUET_PART_SIZE, bar)
        else:
            if out is not None:
                total = run.open_jsonl(out, resume=not overwrite, total=total)
            with Progress(total, "extract", enabled=None if progress else False) as bar:
                run.stream(_read(inputs, published, run), engine, chunk_size, bar)
    run.finish()


def _read(inputs: tuple[str, ...], published: date | None, run: _Run) -> Iterator[Any]:
    from marsad.inputs import iter_inputs

    return run.admitted(iter_inputs(inputs, published=published, on_error=run.tally.error))


def _check_out(fmt: str, out: Path | None) -> None:
    from marsad.errors import UsageError

    if fmt == "parquet" and out is None:
        raise UsageError("--format parquet writes a directory of parts: give --out DIR")
    if out is not None and fmt in ("csv", "table"):
        raise UsageError(f"--out writes JSONL (or, with --format parquet, a directory), not {fmt}")
    if fmt == "parquet" and out is not None and out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: not a directory (--format parquet writes one file per partition)")
    if fmt == "jsonl" and out is not None and out.is_dir():
        raise UsageError(f"--out {out}: a directory (JSONL goes to a file; use --format parquet for parts)")


def _clear_parts(out_dir: Path) -> None:
    for part in out_dir.glob("part-*.parquet"):
        part.unlink()


class _Run:
    """The state of one ``marsad extract`` run: the tally, the output and the event count."""

    def __init__(self, tally: Tally, fmt: str, include_unlocated: bool) -> None:
        self.tally = tally
        self.fmt = fmt
        self.include_unlocated = include_unlocated
        self.n_events = 0
        self.n_unlocated = 0  # events without a known place (left out unless --include-unlocated)
        self.sink: Any = None
        self.done: set[str] = set()
        self.table_rows: list[dict[str, Any]] = []
        self.csv_writer: Any = None

    def open_jsonl(self, path: Path, resume: bool, total: int | None) -> int | None:
        """Write to ``path`` (resuming it); returns how many articles are left of ``total``."""
        from marsad.sinks import JsonlOut

        self.sink = JsonlOut(path, resume=resume)
        self.done = self.sink.done
        if self.done:
            click.echo(f"Note: {path}: resuming; {len(self.done)} articles already done are skipped", err=True)
        return None if total is None else max(0, total - len(self.done))

    def admitted(self, articles: Iterable[Any]) -> Iterator[Any]:
        """The articles to extract: counted, noted when undated, without those already done."""
        for article in articles:
            self.tally.read += 1
            if article.id in self.done:
                continue
            if article.published is None:
                click.echo(f"Note: {article.id}: publication date unknown; relative dates are left unresolved",
                           err=True)
            yield article

    def stream(self, articles: Iterable[Any], engine: Any, chunk_size: int | None, bar: Any) -> None:
        """Extract and print (or write) each article's events, in input order."""
        from marsad.io.writers import CsvWriter
        from marsad.parallel import CHUNK_SIZE, Task, extract_stream

        task = Task(self.include_unlocated, output="jsonl" if self.fmt == "jsonl" else "events")
        if self.fmt == "csv":
            self.csv_writer = CsvWriter(sys.stdout)
        try:
            for article, result in extract_stream(articles, engine, task, chunk_size or CHUNK_SIZE):
                self._emit(article.id, result)
                bar.advance()
        finally:
            if self.sink is not None:
                self.sink.close()

    def _emit(self, article_id: str, result: Any) -> None:
        if result.error:
            self.tally.error(_failed(article_id, result.error))
            return
        if result.skipped:
            self.tally.skip(article_id, result.skipped)
        self.n_events += result.n_events
        self.n_unlocated += result.n_unlocated
        if self.sink is not None:
            self.sink.write(article_id, result.jsonl)
        elif self.fmt == "jsonl":
            sys.stdout.write(result.jsonl)
            sys.stdout.flush()
        else:
            records = [e.to_record() for e in result.events]
            if self.csv_writer is not None:
                self.csv_writer.write(records)
            else:
                self.table_rows.extend(records)

    def parquet(self, articles: Iterable[Any], engine: Any, out_dir: Path, part_size: int, bar: Any) -> None:
        """Extract partitions of ``part_size`` articles, each written as one Parquet part by a worker."""
        from marsad.parallel import chunked, ordered
        from marsad.sinks import extract_part

        out_dir.mkdir(parents=True, exist_ok=True)
        target = str(out_dir.resolve())
        parts = enumerate(chunked(articles, part_size))

        def submit(item: tuple[int, list[Any]]) -> Any:
            index, chunk = item
            return engine.submit(extract_part, chunk, self.include_unlocated, target, index)

        for (_, chunk), summary in ordered(submit, parts, window=engine.workers * 2):
            for article_id, why in summary.notes:
                self.tally.skip(article_id, why)
            for article_id, error in summary.errors:
                self.tally.error(_failed(article_id, error))
            self.n_events += summary.events
            self.n_unlocated += summary.unlocated
            bar.advance(len(chunk))

    def finish(self) -> None:
        from marsad.io.writers import render_table

        if self.fmt == "table":
            title = f"{counted(self.n_events, 'events')} from {counted(self.tally.read, 'articles')}"
            render_table(self.table_rows, title=title)
        if self.n_unlocated and not self.include_unlocated:
            click.echo(f"Note: {counted(self.n_unlocated, 'events')} with no place the gazetteer knows left out; "
                       "--include-unlocated keeps them", err=True)
        self.tally.summary(extra=f"{self.n_events} events")
        self.tally.exit()


def _failed(article_id: str, error: str) -> Any:
    from marsad.errors import InputError

    return InputError(article_id, f"extraction failed ({error})")
