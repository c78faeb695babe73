"""``marsad gaps``: where attacks rise above each area's own baseline (see ``docs/gaps.md``)."""

from __future__ import annotations

import math
import sys
from datetime import date
from typing import TYPE_CHECKING

import click

from marsad.commands._common import parse_date_option
from marsad.commands._store import db_option
from marsad.errors import UsageError

if TYPE_CHECKING:
    from marsad.analysis.gaps import GapRow

#: CSV columns, in this order.
CSV_FIELDS = (
    "area", "country", "admin1", "admin2", "events", "fatalities", "baseline_events", "baseline_fatalities",
    "expected", "rate_ratio", "p_value", "q_value", "rising", "score", "top_actors", "top_types", "disputed",
    "window_start", "window_end", "baseline_start", "explanation",
)


def _parse_at(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """``--at YYYY-MM-DD``; a bad value is a one-line usage error (exit 2)."""
    try:
        return parse_date_option(ctx, param, value)
    except click.BadParameter as exc:
        raise UsageError(f"--at: {exc.message}") from None


@click.command()
@db_option
@click.option("--by", type=click.Choice(["admin2", "admin1"]), default="admin2", show_default=True,
              help="Areas: districts within governorates, or governorates.")
@click.option("--window", type=click.IntRange(min=1), default=28, show_default=True, metavar="DAYS",
              help="Recent window: this many days ending on --at.")
@click.option("--baseline", type=click.IntRange(min=1), default=180, show_default=True, metavar="DAYS",
              help="Baseline: this many days before the window.")
@click.option("--at", callback=_parse_at, metavar="YYYY-MM-DD",
              help="Last day of the window [default: the latest event date in the store].")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--country", metavar="ISO3|NAME", help="Only this country: IRQ, SYR, Iraq, Syria [default: all].")
@click.option("--min-events", type=click.IntRange(min=1), default=3, show_default=True, metavar="N",
              help="An area needs at least N events in the window to be flagged as rising.")
@click.option("--fdr", type=click.FloatRange(0, 1, min_open=True, max_open=True), default=0.05, show_default=True,
              help="False discovery rate of the rising flag (Benjamini–Hochberg across areas).")
@click.option("--all-types", is_flag=True,
              help="Count every event type (protests, arrests, ...), not only attacks "
                   "(Battles, Explosions/Remote violence, Violence against civilians).")
def gaps(db: str | None, by: str, window: int, baseline: int, at: date | None, fmt: str, country: str | None,
         min_events: int, fdr: float, all_types: bool) -> None:
    """Where attacks rise: each area's recent window against its own baseline rate."""
    from marsad.analysis.gaps import ATTACK_TYPES, gaps_from_store
    from marsad.store import open_store
    from marsad.store.db import require_existing

    require_existing(db)

    with open_store(db) as store:
        rows = gaps_from_store(store, country=country, by=by, window=window, baseline=baseline, at=at,
                               min_events=min_events, fdr=fdr, event_types=None if all_types else ATTACK_TYPES)
    if fmt == "json":
        _print_json(rows)
    elif fmt == "csv":
        _print_csv(rows)
    else:
        _print_table(rows, by=by, baseline=baseline, fdr=fdr, min_events=min_events)


def _print_json(rows: list[GapRow]) -> None:
    import json

    click.echo(json.dumps([row.to_dict() for row in rows], ensure_ascii=False, indent=2))


def _print_csv(rows: list[GapRow]) -> None:
    import csv

    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        record = row.to_dict()
        record["top_actors"] = _pairs(row.top_actors)
        record["top_types"] = _pairs(row.top_types)
        writer.writerow(record)


def _pairs(pairs: list[tuple[str, int]]) -> str:
    """``"Islamic State (7); Unidentified armed group (2)"``."""
    return "; ".join(f"{name} ({n})" for name, n in pairs)


def _print_table(rows: list[GapRow], *, by: str, baseline: int, fdr: float, min_events: int) -> None:
    from rich.console import Console, JustifyMethod
    from rich.table import Table

    console = Console()
    if not rows:
        click.echo("No events in the store for this window and baseline.", err=True)
        return
    first = rows[0]
    areas = "districts" if by == "admin2" else "governorates"
    title = (f"Security gaps by {areas}: {first.window_start} to {first.window_end} "
             f"against the {baseline} days before (from {first.baseline_start})")
    table = Table(title=title, expand=False)
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("area", "left"), ("events", "right"), ("expected", "right"), ("ratio", "right"), ("q", "right"),
        ("score", "right"), ("killed", "right"), ("main perpetrators", "left"), ("types", "left"),
        ("disp.", "center"), ("rising", "center"))
    for name, justify in columns:
        table.add_column(name, justify=justify, overflow="fold")
    for row in rows:
        table.add_row(row.area, str(row.events), _num(row.expected), _num(row.rate_ratio), _num(row.q_value, "{:.2g}"),
                      f"{row.score:.1f}", str(row.fatalities), _pairs(row.top_actors[:2]), _pairs(row.top_types[:2]),
                      "*" if row.disputed else "", "▲" if row.rising else "",
                      style="bold" if row.rising else None)
    console.print(table)
    console.print(f"▲ rising: q ≤ {fdr:g} (exact Poisson rate test, Benjamini–Hochberg) and ≥ {min_events} events "
                  "in the window; * disputed territory (Baghdad–Erbil); score = −log10 p, signed.")
    for row in rows:
        if row.rising:
            console.print(f"- {row.explanation}")


def _num(value: float | None, fmt: str = "{:.1f}") -> str:
    return fmt.format(value) if value is not None and math.isfinite(value) else "–"
