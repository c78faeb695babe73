"""The event store's tables (SQLAlchemy Core), as the latest migration leaves them.

    articles        one row per source document, keyed by URL or by a hash of its text
    mentions        the per-article event records (``Event.to_record()``): columns + full JSON
    events          merged incidents with a stable ``event_id`` and the merged record
    event_members   which mention belongs to which event (a mention to at most one)
    event_days      events per day, area and type (the gaps and timelines read these, not the events)
    event_totals    events per country, located or not (``/healthz``, unfiltered totals)
    removals        the journal: every stored event record or event removed, with why (``marsad journal``)
    schema_migrations   the migrations applied (see :mod:`marsad.store.migrations`)
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
)

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # url, else "sha256:" + hash of the normalised text
    Column("content_hash", String(64), nullable=False),
    Column("id", Text, nullable=False),
    Column("outlet", Text, nullable=False, default=""),
    Column("url", Text, nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)


def _record_columns() -> list[Column]:
    """The queryable columns shared by mentions and events (codebook §7 fields)."""
    return [
        Column("event_date", Date, nullable=False),
        Column("time_precision", Integer, nullable=False),
        Column("disorder_type", Text, nullable=False),
        Column("event_type", Text, nullable=False),
        Column("sub_event_type", Text, nullable=False),
        Column("actor1", Text, nullable=False),
        Column("inter1", Integer, nullable=False),
        Column("actor2", Text, nullable=False, default=""),
        Column("inter2", Integer, nullable=False, default=0),
        Column("interaction", Integer, nullable=False),
        Column("civilian_targeting", Boolean, nullable=False),
        Column("country", String(3), nullable=False),
        Column("admin1", Text, nullable=False),
        Column("admin2", Text, nullable=False, default=""),
        Column("admin3", Text, nullable=False, default=""),
        Column("location", Text, nullable=False, default=""),
        Column("location_ar", Text, nullable=False, default=""),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("geo_precision", Integer, nullable=False),
        Column("disputed", Boolean, nullable=False),
        Column("fatalities", Integer, nullable=False),
        Column("injured", Integer, nullable=False),
        Column("notes", Text, nullable=False, default=""),
        # No place the gazetteer knows (admin1 empty): kept, never merged, off the map and the default lists.
        Column("unlocated", Boolean, nullable=False, default=False, server_default=false()),
    ]


#: Names of the record columns, in codebook order (``unlocated`` is derived, not a record field).
RECORD_COLUMNS = tuple(c.name for c in _record_columns() if c.name != "unlocated")

mentions = Table(
    "mentions", metadata,
    Column("pk", Integer, primary_key=True),
    Column("article_pk", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
    Column("ordinal", Integer, nullable=False),  # position in the extractor's output for the article
    Column("place_id", Text, nullable=False, default=""),
    *_record_columns(),
    Column("record", JSON, nullable=False),  # Event.to_record(), evidence included
    UniqueConstraint("article_pk", "ordinal", name="uq_mentions_article_ordinal"),
)

events = Table(
    "events", metadata,
    Column("event_id", String(32), primary_key=True),
    Column("founder", Text, nullable=False),  # "<article key>#<ordinal>" of the mention the id derives from
    *_record_columns(),
    Column("source", Text, nullable=False),  # "Outlet1; Outlet2"
    Column("sources", JSON, nullable=False),  # ["Outlet1", "Outlet2"]
    Column("n_articles", Integer, nullable=False),
    Column("record", JSON, nullable=False),  # the merged record (see marsad.store.combine)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

event_members = Table(
    "event_members", metadata,
    Column("mention_pk", Integer, ForeignKey("mentions.pk", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    Column("event_id", String(32), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
)

event_days = Table(
    "event_days", metadata,
    Column("country", String(3), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("admin1", Text, nullable=False),
    Column("admin2", Text, nullable=False),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    Column("unlocated", Boolean, nullable=False),
    Column("events", Integer, nullable=False),
    Column("fatalities", Integer, nullable=False),
    Column("disputed", Integer, nullable=False),  # events flagged disputed
    PrimaryKeyConstraint("country", "event_date", "admin1", "admin2", "event_type", "sub_event_type", "unlocated",
                         name="pk_event_days"),
)

event_totals = Table(
    "event_totals", metadata,
    Column("country", String(3), nullable=False),
    Column("unlocated", Boolean, nullable=False),
    Column("events", Integer, nullable=False),
    PrimaryKeyConstraint("country", "unlocated", name="pk_event_totals"),
)

removals = Table(
    "removals", metadata,
    Column("pk", Integer, primary_key=True),
    Column("removed_at", DateTime(timezone=True), nullable=False),
    Column("kind", Text, nullable=False),  # "record" (one article's event record) or "event" (a merged event)
    Column("event_id", String(32), nullable=False, default=""),
    Column("article_key", Text, nullable=False, default=""),
    Column("article_id", Text, nullable=False, default=""),
    Column("event_date", Date),
    Column("reason", Text, nullable=False),
    Column("record", JSON, nullable=False),  # what was removed, in full
)

unmerged_removals = Table(
    "unmerged_removals", metadata,
    # A record removed by an ingest that did not merge (its article changed): where its stored group was,
    # so that the next merge regroups that day instead of keeping the group (see marsad.store.merge).
    Column("pk", Integer, primary_key=True),
    Column("country", String(3), nullable=False),
    Column("event_date", Date, nullable=False),
    Column("event_id", String(32)),
    Column("unlocated", Boolean, nullable=False),
)

#: The tables of migration 4 (the archive: aggregates and the journal).
ARCHIVE_TABLES = (event_days, event_totals, removals)

#: The base tables of migration 1, in dependency order.
BASE_TABLES = (articles, mentions, events, event_members)


def query_indexes() -> list[Index]:
    """The indexes of migration 2: what the merge window lookups and the query filters use."""
    return [
        _index("ix_mentions_country_date", mentions, "country", "event_date"),
        _index("ix_event_members_event", event_members, "event_id"),
        _index("ix_events_date", events, "event_date"),
        _index("ix_events_place", events, "country", "admin1"),
        _index("ix_events_type", events, "event_type", "sub_event_type"),
        _index("ix_articles_id", articles, "id"),
    ]


def unlocated_indexes() -> list[Index]:
    """The indexes of migration 3: ``marsad relocate`` finds the unlocated mentions by them."""
    return [_index("ix_mentions_unlocated", mentions, "unlocated")]


def archive_indexes() -> list[Index]:
    """The indexes of migration 4: each API filter walks one of them in page order (date, id).

    Made anew on each call and detached by the migration once created, so that migration 1 of
    another store opened later in the same process does not build them before their columns
    may exist (an old store upgraded step by step)."""
    ev = events
    return [
        Index("ix_events_list", ev.c.unlocated, ev.c.event_date, ev.c.event_id),
        Index("ix_events_country_list", ev.c.country, ev.c.event_date, ev.c.event_id),
        *(_lower_index(f"ix_events_{column}_list", column) for column in ("admin1", "admin2", "event_type",
                                                                            "sub_event_type")),
        Index("ix_event_days_date", event_days.c.event_date),
        Index("ix_removals_at", removals.c.removed_at),
    ]


def _lower_index(name: str, column: str) -> Index:
    """An index on lower(column), event_date, event_id, unlocated: a case-insensitive filter walked in
    page order, its rows counted without reading the table."""
    # PostgreSQL scans an expression index index-only only if it also holds the column itself (INCLUDE)
    return Index(name, func.lower(events.c[column]), events.c.event_date, events.c.event_id, events.c.unlocated,
                 postgresql_include=[column])


def _index(name: str, table: Table, *columns: str) -> Index:
    for index in table.indexes:
        if index.name == name:
            return index
    return Index(name, *(table.c[c] for c in columns))
