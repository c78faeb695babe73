"""Options of the commands that extract many articles: ``--workers``, ``--dask``, ``--chunk-size``, progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

#: Inputs estimated at no more articles than this run in-process (a pool would only add start-up time).
SMALL_INPUT = 32


def run_options(command: F) -> F:
    """``--workers N --dask ADDRESS --chunk-size N --progress/--no-progress``."""
    options = (
        click.option("--workers", type=click.IntRange(min=1), metavar="N",
                     help="Worker processes [default: all cores; 1 = in this process, no pool]."),
        click.option("--dask", "dask", metavar="ADDRESS",
                     help="Run on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); "
                          "needs marsad[dask]."),
        click.option("--chunk-size", type=click.IntRange(min=1), metavar="N",
                     help="Articles per task sent to a worker [default: 32; for `extract --format parquet`, "
                          "articles per Parquet part: 2000]."),
        click.option("--progress/--no-progress", default=True, show_default=True,
                     help="Progress bar on long runs (only when stderr is a terminal)."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def open_run_engine(workers: int | None, dask: str | None, total: int | None) -> Any:
    """The engine of the run options; small inputs (known total ≤ :data:`SMALL_INPUT`) stay in-process."""
    from marsad.errors import UsageError
    from marsad.parallel import open_engine

    if dask and workers is not None:
        raise UsageError("give --workers or --dask, not both (a Dask cluster has its own workers)")
    if not dask and workers is None and total is not None and total <= SMALL_INPUT:
        workers = 1
    return open_engine(workers=workers, dask=dask)
