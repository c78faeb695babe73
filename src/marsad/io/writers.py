"""Printing event records: JSON lines, CSV, or a readable terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

#: CSV columns of ``marsad extract --format csv`` (the codebook record without evidence).
CSV_COLUMNS = (
    "article_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting", "country", "admin1",
    "admin2", "admin3", "location", "location_ar", "latitude", "longitude", "geo_precision", "disputed",
    "fatalities", "injured", "notes",
)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object per line; returns how many were written."""
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


class CsvWriter:
    """CSV with a header, written as records arrive."""

    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        self._writer.writeheader()

    def write(self, records: Iterable[dict[str, Any]]) -> int:
        n = 0
        for record in records:
            self._writer.writerow(record)
            n += 1
        return n


#: Below this many columns the table keeps only its first extra column.
WIDE_TERMINAL = 140


def render_table(records: list[dict[str, Any]], title: str | None = None,
                 extra_columns: Sequence[tuple[str, str]] = ()) -> None:
    """A readable table of events on the terminal (rich), fitted to its width: cells wrap at word
    boundaries, a header never breaks; ``extra_columns`` adds (header, record key) columns, the
    ones after the first shown only on a terminal wide enough for them."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    extra = list(extra_columns[:1] if console.width < WIDE_TERMINAL else extra_columns)
    table = Table(title=title, show_lines=True, expand=False)
    table.add_column("date", no_wrap=True, min_width=10)
    for header, share in (("type", 2), ("actors", 3), ("place", 3)):
        table.add_column(header, ratio=share, min_width=len(header), overflow="fold")
    table.add_column("killed", justify="right", no_wrap=True, min_width=6)
    table.add_column("wounded", justify="right", no_wrap=True, min_width=7)
    for header, _ in extra:
        table.add_column(header, ratio=2, min_width=len(header), overflow="fold")
    for r in records:
        actors = r.get("actor1", "") + (f" → {r['actor2']}" if r.get("actor2") else "")
        place = r.get("location") or ""
        if r.get("location_ar"):
            place = f"{place} ({r['location_ar']})"
        if r.get("admin1") and r.get("admin1") != r.get("location"):
            place = f"{place}, {r['admin1']}" if place else r["admin1"]
        place += " *" if r.get("disputed") else ""
        table.add_row(r.get("event_date") or "?", r.get("sub_event_type", ""), actors, place,
                      str(r.get("fatalities", 0)), str(r.get("injured", 0)), *(str(r.get(k, "")) for _, k in extra))
    console.print(table)
    if any(r.get("disputed") for r in records):
        console.print("* disputed territory (between Baghdad and Erbil)")
