"""The merge keeps a redone day's stored groups up to its first new report (``_Redo._cluster``).

The real corpora (dev and train, through the real extractor, extracted once) are ingested in
a shuffled order and in batches of random sizes, once with the shortcut and once with every
redone day regrouped whole (the previous algorithm); the stores must hold the same events
(ids, founders, members, records), a full rebuild must change nothing, and the shortcut must
really have skipped work.  Removals (changed articles) are covered by
``test_merge.py::test_incremental_merge_equals_rebuild_on_dense_reports``.
"""

from __future__ import annotations

import functools
import importlib
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _store_cases import DEV_DIR
from sqlalchemy import select

from marsad.model import Article, Event
from marsad.store import Store, ingest_articles, merge
from marsad.store import ingest as ingest_module
from marsad.store import schema as tables
from marsad.store.rules import Mention

merge_module = importlib.import_module("marsad.store.merge")  # the package exports a merge() too
CORPORA = [DEV_DIR, DEV_DIR.parent / "train"]


@pytest.fixture(scope="module")
def extracted() -> tuple[list[Article], dict[str, list[Event]]]:
    """The dev and train articles and their events (unlocated ones kept, as ingest keeps them)."""
    from marsad.io.readers import iter_articles
    from marsad.pipeline import extract_events

    articles = list(iter_articles([str(Path(d) / "articles.jsonl") for d in CORPORA]))
    assert len(articles) >= 300, "the dev and train sets went missing"
    return articles, {a.id: extract_events(a, include_unlocated=True) for a in articles}


@pytest.fixture
def placed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the mentions the merge hands to ``cluster_day`` (the grouping work done)."""
    counts: list[int] = []
    original = merge_module.cluster_day

    def counting(mentions: list[Mention], open_groups: list[list[Mention]]) -> list[list[Mention]]:
        counts.append(len(mentions))
        return original(mentions, open_groups)

    monkeypatch.setattr(merge_module, "cluster_day", counting)
    yield counts


def _ingest(store: Store, articles: list[Article], events: dict[str, list[Event]], seed: int) -> None:
    rng = random.Random(seed)
    order = list(articles)
    rng.shuffle(order)
    extract: Callable[[Article], list[Event]] = lambda a: events[a.id]  # noqa: E731
    while order:
        size = rng.randint(1, 40)
        ingest_articles(store, order[:size], extract=extract, arabic_only=False)
        order = order[size:]


def _snapshot(store: Store) -> list[tuple[object, ...]]:
    """Every event (id, founder, record) and membership, by mention identity (article key, ordinal)."""
    ev, em, m, a = tables.events, tables.event_members, tables.mentions, tables.articles
    with store.read() as conn:
        events = conn.execute(select(ev.c.event_id, ev.c.founder, ev.c.record).order_by(ev.c.event_id)).all()
        members = conn.execute(select(em.c.event_id, a.c.key, m.c.ordinal)
                               .join(m, m.c.pk == em.c.mention_pk).join(a, a.c.pk == m.c.article_pk)
                               .order_by(a.c.key, m.c.ordinal)).all()
    return [tuple(r) for r in events] + [tuple(r) for r in members]


@pytest.mark.parametrize("seed", [14, 15])
def test_prefix_redo_equals_whole_day_redo_and_rebuild(make_store, extracted, placed: list[int],
                                                       monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    articles, events = extracted
    fast, whole = make_store(), make_store()
    _ingest(fast, articles, events, seed)
    placed_fast = sum(placed)
    placed.clear()
    with monkeypatch.context() as patch:  # every redone day regrouped whole, as before the shortcut
        patch.setattr(ingest_module, "Changes", functools.partial(merge_module.Changes, reuse=False))
        _ingest(whole, articles, events, seed)
    placed_whole = sum(placed)
    snapshot = _snapshot(fast)
    assert len([row for row in snapshot if len(row) == 3 and isinstance(row[2], dict)]) >= 100
    assert snapshot == _snapshot(whole)
    assert placed_fast < placed_whole  # the shortcut really skipped grouping work (≈ 12 % here: sparse days)
    stats = merge(fast, rebuild=True)
    assert (stats.created, stats.updated, stats.deleted) == (0, 0, 0)
    assert _snapshot(fast) == snapshot
