"""Options the store commands share: ``--db`` and the event filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from marsad.commands._common import parse_date_option

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db", "db", metavar="URL",
    help="Store: a SQLAlchemy URL (postgresql://…) or a SQLite file path "
         "[default: $MARSAD_DB, else $MARSAD_HOME/marsad.db].")


def filter_options(command: F) -> F:
    """``--since --until --country --admin1 --type``, as :class:`marsad.store.EventFilter` fields."""
    options = (
        click.option("--since", callback=parse_date_option, metavar="YYYY-MM-DD", help="Events on or after this day."),
        click.option("--until", callback=parse_date_option, metavar="YYYY-MM-DD", help="Events on or before this day."),
        click.option("--country", metavar="ISO3|NAME", help="Country: IRQ, SYR, Iraq, Syria."),
        click.option("--admin1", metavar="NAME", help="Governorate, in English or Arabic: Basra, Basrah, البصرة."),
        click.option("--type", "event_type", metavar="TYPE",
                     help="Event type or sub-event type, full or short: Battles, 'Armed clash', IED, airstrike."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def make_filter(since: date | None, until: date | None, country: str | None, admin1: str | None,
                event_type: str | None) -> Any:
    """The :class:`marsad.store.EventFilter` of the filter options."""
    from marsad.errors import UsageError
    from marsad.filters import resolve_admin1, resolve_type
    from marsad.store.query import EventFilter

    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    try:
        admin1 = resolve_admin1(admin1) if admin1 else None
        event_type = resolve_type(event_type) if event_type else None
    except UsageError as exc:
        raise UsageError(f"--{'admin1' if 'governorate' in str(exc) else 'type'}: {exc}") from None
    return EventFilter(since=since, until=until, country=country, admin1=admin1, type=event_type)
