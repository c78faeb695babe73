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


def render_table(records: list[dict[str, Any]], title: str | None = None,
                 extra_columns: Sequence[tuple[str, str]] = ()) -> None:
    """A readable table of events on the terminal (rich); ``extra_columns`` adds (header, record key) columns."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, expand=False)
    headers = ("date", "type", "actor 1", "actor 2", "place", "gov.", "killed", "wounded")
    for name in (*headers, *(h for h, _ in extra_columns)):
        table.add_column(name, overflow="fold")
    for r in records:
        place = r.get("location") or ""
        if r.get("location_ar"):
            place = f"{place} ({r['location_ar']})"
        table.add_row(
            r.get("event_date") or "?", r.get("sub_event_type", ""), r.get("actor1", ""), r.get("actor2", ""),
            place, r.get("admin1", "") + (" *" if r.get("disputed") else ""),
            str(r.get("fatalities", 0)), str(r.get("injured", 0)), *(str(r.get(k, "")) for _, k in extra_columns),
        )
    Console().print(table)
    if any(r.get("disputed") for r in records):
        Console().print("* disputed territory (between Baghdad and Erbil)")
