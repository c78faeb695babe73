"""The event store: articles, per-article event records, merged events (see ``docs/store.md``).

    store = open_store("marsad.db")             # or a postgresql:// URL; creates/upgrades
    stats = ingest_articles(store, articles)    # extract, store, merge incrementally
    merge(store, rebuild=True)                  # regroup everything, ids kept
    relocate(store)                             # place unlocated events after a gazetteer import
    rows = query_events(store, EventFilter(country="IRQ", since=date(2018, 7, 1)))
"""

from marsad.store.db import Store, open_store, resolve_url
from marsad.store.ingest import IngestStats, article_key, content_hash, ingest_articles
from marsad.store.merge import MergeStats, merge
from marsad.store.query import EventFilter, count_events, iter_events, query_events
from marsad.store.relocate import RelocateStats, relocate

__all__ = [
    "EventFilter",
    "IngestStats",
    "MergeStats",
    "RelocateStats",
    "Store",
    "article_key",
    "content_hash",
    "count_events",
    "ingest_articles",
    "iter_events",
    "merge",
    "open_store",
    "query_events",
    "relocate",
    "resolve_url",
]
