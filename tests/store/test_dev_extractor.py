"""REAL EXTRACTOR: the dev set through ``marsad.pipeline.extract_events`` into the store.

These tests depend on the extractor's output, which other work is improving.  A failure of
``test_real_extractor_merges_incident`` means the extractor does not (yet) code one of the
multi-source incidents consistently across its reports; the merge itself is covered with
hand-built records in ``test_merge.py``.  Do not weaken these assertions to fit the extractor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from _store_cases import DEV_DIR, MULTI_SOURCE, run_cli

from marsad.model import Article, Event
from marsad.store import Store, ingest_articles, query_events


def _extractor_gap(why: str) -> pytest.MarkDecorator:
    """A known shortfall of the extractor (not of the merge), observed on the dev set; reported."""
    return pytest.mark.xfail(reason=f"extractor: {why}", strict=True)


#: The incidents whose reports all carry a stated date and a named place at town level, with what
#: kept the extractor's records of them apart when last checked (the hand-built records merge).
CORE_INCIDENTS = [
    pytest.param("Hajin air strikes"),
    pytest.param("Koya strike", marks=_extractor_gap(
        "CNN 1320 codes the Koya strike as missile shelling, CNN 1323 and Sky News 3568 as an air/drone strike "
        "(those two merge)")),
    pytest.param("Erbil governorate attack"),
    pytest.param("Baghdad protest 20 July"),
    pytest.param("Basra protest 20 July"),
]


@pytest.fixture(scope="session")
def real_extract() -> Callable[[Article], list[Event]]:
    """The real extractor, each article extracted once per session (the stores get copies)."""
    from marsad.pipeline import extract_events

    cache: dict[str, list[Event]] = {}

    def extract(article: Article) -> list[Event]:
        if article.id not in cache:
            cache[article.id] = extract_events(article)
        return list(cache[article.id])

    return extract


def _comparable(store: Store) -> list[tuple]:
    return [(e["event_id"], e["event_date"], e["sub_event_type"], e["location"], tuple(e["article_ids"]),
             e["fatalities"], e["timestamp"] > 0) for e in query_events(store)]


def test_real_extractor_dev_set_twice_gives_identical_events(make_store, dev_articles: list[Article],
                                                             real_extract: Callable[[Article], list[Event]]) -> None:
    first, second = make_store(), make_store()
    stats = ingest_articles(first, dev_articles, extract=real_extract)
    assert stats.failed == 0 and stats.added + stats.skipped == len(dev_articles)
    events = query_events(first)
    assert len(events) > 20

    again = ingest_articles(first, dev_articles, extract=real_extract)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, len(dev_articles) - stats.skipped)
    assert query_events(first) == events

    ingest_articles(second, list(reversed(dev_articles)), extract=real_extract, batch_size=25)
    assert {(e["event_date"], e["location"], frozenset(e["article_ids"])) for e in query_events(second)} == \
        {(e["event_date"], e["location"], frozenset(e["article_ids"])) for e in events}
    third = make_store()
    ingest_articles(third, dev_articles, extract=real_extract)
    assert _comparable(third) == _comparable(first)  # same input, same ids


@pytest.mark.parametrize("incident", CORE_INCIDENTS)
def test_real_extractor_merges_incident(incident: str, make_store, dev_by_id: dict[str, Article],
                                        real_extract: Callable[[Article], list[Event]]) -> None:
    day, _, article_ids = MULTI_SOURCE[incident]
    store = make_store()
    ingest_articles(store, [dev_by_id[i] for i in sorted(article_ids)], extract=real_extract)
    holding = [e for e in query_events(store) if set(e["article_ids"]) & article_ids and e["event_date"] == day]
    assert any(set(e["article_ids"]) == article_ids for e in holding), (
        f"{incident}: the reports of {day} ended in {len(holding)} events: "
        + "; ".join(f"{e['sub_event_type']} / {e['actor1']} at {e['location']} ({', '.join(e['article_ids'])})"
                    for e in holding))


def test_real_extractor_cli_ingest_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "dev.db")
    assert run_cli(["ingest", "--db", db, str(DEV_DIR / "articles.jsonl")]) == 0
    assert ", 0 failed" in capsys.readouterr().err
    assert run_cli(["ingest", "--db", db, str(DEV_DIR / "articles.jsonl")]) == 0
    assert ": 0 new, 0 changed" in capsys.readouterr().err
    assert run_cli(["export", "--db", db, "--format", "geojson", "-o", str(tmp_path / "dev.geojson")]) == 0
    assert (tmp_path / "dev.geojson").stat().st_size > 1000
