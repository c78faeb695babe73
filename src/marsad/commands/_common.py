"""What several commands share: option parsing, the error tally and its exit code."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date

import click

from marsad.errors import InputError, UsageError
from marsad.io.readers import NEWS_YEARS


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """click callback for YYYY-MM-DD options; a bad value is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None
    if day.year not in NEWS_YEARS:
        raise click.BadParameter(f"{value!r} is not a date of the years {NEWS_YEARS.start}-{NEWS_YEARS.stop - 1}")
    return day


@dataclass(slots=True)
class Tally:
    """Counts inputs read and failed, printing each failure as one line on stderr."""

    read: int = 0
    failed: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def error(self, exc: InputError) -> None:
        self.failed += 1
        click.echo(f"Error: {exc}", err=True)

    def note(self, where: str, what: str) -> None:
        """A remark on one input that is still read (e.g. its publication date is unknown)."""
        self.notes.append(f"{where}: {what}")
        click.echo(f"Note: {where}: {what}", err=True)

    def skip(self, where: str, why: str) -> None:
        self.skipped += 1
        click.echo(f"Note: {where}: skipped, {why}", err=True)

    def summary(self, what: str = "articles", extra: str = "") -> None:
        """One closing line on stderr when something went wrong or when asked."""
        if self.failed or self.skipped:
            parts = [f"{counted(self.read, what)} read"]
            if self.skipped:
                parts.append(f"{self.skipped} skipped")
            parts.append(f"{self.failed} failed")
            click.echo("Summary: " + ", ".join(parts) + (f"; {extra}" if extra else ""), err=True)

    def exit(self) -> None:
        """Exit 1 when any input failed (0 otherwise): codebook of issue 7."""
        if self.failed:
            sys.exit(1)


def require_inputs(inputs: tuple[str, ...]) -> None:
    if not inputs:
        raise UsageError("give at least one INPUT (a file, a directory, an articles JSONL file, a feed URL or -)")


def counted(n: int, plural: str) -> str:
    """``n`` and the noun in the number it takes: "1 article", "2 articles", "0 events"."""
    return f"{n} {plural[:-1] if n == 1 and plural.endswith('s') else plural}"
