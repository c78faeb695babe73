"""Ingest: each article stored once, re-ingest a no-op, a changed article replaces its records."""

from __future__ import annotations

from dataclasses import replace

import pytest
from _store_cases import CASES, extractor
from sqlalchemy import func, select

from marsad.errors import InputError
from marsad.model import Article, Event
from marsad.store import Store, article_key, content_hash, ingest_articles, merge, query_events
from marsad.store import schema as tables

HAJIN_FR, HAJIN_BB = "ant2-FR-middleEast-685-20180623", "ant2-BB-middleEast-659-20180623"


def _count(store: Store, table) -> int:
    with store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(table)))


def _case_articles(dev_by_id: dict[str, Article]) -> list[Article]:
    return [dev_by_id[i] for i in sorted(CASES)]


def test_article_key_is_the_url_else_a_hash_of_the_normalised_text() -> None:
    with_url = Article(id="a", text="نص الخبر", url=" https://example.com/1 ")
    assert article_key(with_url) == "https://example.com/1"
    one = Article(id="a", text="نص   الخبر\n")
    other = Article(id="b", text=" نص الخبر")
    assert article_key(one) == article_key(other) and article_key(one).startswith("sha256:")
    assert article_key(one) != article_key(Article(id="a", text="نص آخر"))
    assert content_hash(one) != content_hash(replace(one, published=None, outlet="BBC Arabic"))


def test_reingest_is_a_no_op(store: Store, dev_by_id: dict[str, Article]) -> None:
    articles = _case_articles(dev_by_id)
    first = ingest_articles(store, articles, extract=extractor())
    assert (first.added, first.unchanged, first.failed) == (len(articles), 0, 0)
    before = query_events(store)
    calls: list[str] = []

    def spy(article: Article) -> list[Event]:
        calls.append(article.id)
        return extractor()(article)

    second = ingest_articles(store, articles, extract=spy)
    assert (second.added, second.replaced, second.unchanged) == (0, 0, len(articles))
    assert calls == []  # stored articles are skipped by key, before extraction
    assert query_events(store) == before  # same records, same ids, same timestamps
    assert _count(store, tables.articles) == len(articles)
    assert _count(store, tables.mentions) == sum(len(v) for v in CASES.values())


def test_an_article_repeated_in_one_batch_is_stored_once(store: Store, dev_by_id: dict[str, Article]) -> None:
    article = dev_by_id[HAJIN_FR]
    stats = ingest_articles(store, [article, article], extract=extractor())
    assert (stats.added, stats.unchanged) == (1, 1)
    assert _count(store, tables.articles) == 1


def test_changed_article_replaces_its_mentions(store: Store, dev_by_id: dict[str, Article]) -> None:
    ingest_articles(store, [dev_by_id[HAJIN_FR], dev_by_id[HAJIN_BB]], extract=extractor())
    (event,) = [e for e in query_events(store) if e["event_date"] == "2018-06-23"]
    assert event["fatalities"] == 45

    # France 24 updates its story (same URL): now 50 killed, and a second strike the next day.
    updated = replace(dev_by_id[HAJIN_FR], text=dev_by_id[HAJIN_FR].text + "\nتحديث")
    strike = CASES[HAJIN_FR][0]
    new_records = {HAJIN_FR: [replace(strike, fatalities=50), replace(strike, day="2018-06-26", fatalities=3)]}
    stats = ingest_articles(store, [updated], extract=extractor(new_records))
    assert (stats.added, stats.replaced, stats.mentions) == (0, 1, 2)

    assert _count(store, tables.articles) == 2
    with store.read() as conn:
        m = tables.mentions
        fr_pk = conn.scalar(select(tables.articles.c.pk).where(tables.articles.c.id == HAJIN_FR))
        tolls = sorted(conn.scalars(select(m.c.fatalities).where(m.c.article_pk == fr_pk)))
        text = conn.scalar(select(tables.articles.c.text).where(tables.articles.c.pk == fr_pk))
    assert tolls == [3, 50]  # the old record is gone, not kept beside the new ones
    assert text.endswith("تحديث")
    same = [e for e in query_events(store) if e["event_date"] == "2018-06-23"]
    assert len(same) == 1 and same[0]["event_id"] == event["event_id"]
    assert same[0]["fatalities"] == 45 and sorted(t["fatalities"] for t in same[0]["tolls"]) == [45, 50]
    assert [e["article_ids"] for e in query_events(store) if e["event_date"] == "2018-06-26"] == [[HAJIN_FR]]


def test_changed_article_that_drops_a_report_leaves_the_event(store: Store, dev_by_id: dict[str, Article]) -> None:
    ingest_articles(store, [dev_by_id[HAJIN_FR], dev_by_id[HAJIN_BB]], extract=extractor())
    updated = replace(dev_by_id[HAJIN_BB], text=dev_by_id[HAJIN_BB].text + " ")
    # 2 records → 0 looks like a worse version (test_archive.py); --force tells the store it is not
    ingest_articles(store, [updated], extract=extractor({}), force=True)
    assert [e["article_ids"] for e in query_events(store)] == [[HAJIN_FR]]
    assert _count(store, tables.mentions) == 1


def test_non_arabic_articles_are_skipped_with_a_note(store: Store) -> None:
    notes: list[tuple[str, str]] = []
    english = Article(id="en-1", text="Protesters gathered in Basra on Friday.", url="https://example.com/en")
    stats = ingest_articles(store, [english], extract=extractor(), on_skip=lambda w, why: notes.append((w, why)))
    assert (stats.skipped, stats.added) == (1, 0)
    assert notes == [("en-1", "not Arabic text")]
    assert _count(store, tables.articles) == 0


def test_an_extraction_failure_is_reported_and_the_batch_goes_on(store: Store, dev_by_id: dict[str, Article]) -> None:
    errors: list[InputError] = []

    def flaky(article: Article) -> list[Event]:
        if article.id == HAJIN_BB:
            raise ValueError("boom")
        return extractor()(article)

    stats = ingest_articles(store, [dev_by_id[HAJIN_BB], dev_by_id[HAJIN_FR]], extract=flaky, on_error=errors.append)
    assert (stats.failed, stats.added) == (1, 1)
    assert len(errors) == 1 and str(errors[0]) == f"{HAJIN_BB}: extraction failed (ValueError: boom)"


def test_a_crash_loses_only_the_batch_in_flight_and_rerun_resumes(store: Store, dev_by_id: dict[str, Article]) -> None:
    articles = _case_articles(dev_by_id)
    crash_at = articles[5].id

    def crashing(article: Article) -> list[Event]:
        if article.id == crash_at:
            raise KeyboardInterrupt  # not an error of one article: the run stops here
        return extractor()(article)

    with pytest.raises(KeyboardInterrupt):
        ingest_articles(store, articles, extract=crashing, batch_size=4)
    assert _count(store, tables.articles) == 4  # the first batch, whole; nothing of the second
    assert {a for e in query_events(store) for a in e["article_ids"]} <= {a.id for a in articles[:4]}

    stats = ingest_articles(store, articles, extract=extractor(), batch_size=4)
    assert (stats.unchanged, stats.added) == (4, len(articles) - 4)
    reference_articles = {a for e in query_events(store) for a in e["article_ids"]}
    assert reference_articles == set(CASES)


def test_concurrent_ingests_take_turns(make_store, dev_by_id: dict[str, Article],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    import marsad.store.ingest as ingest_module

    real_merge = ingest_module.merge_changes

    def slow_merge(*args, **kwargs):  # widen the window in which two writers could overlap
        time.sleep(0.05)
        return real_merge(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "merge_changes", slow_merge)
    store = make_store()
    articles = [dev_by_id[i] for i in sorted(CASES)]
    errors: list[BaseException] = []

    def run(part: list[Article]) -> None:
        try:
            ingest_articles(store, part, extract=extractor(), batch_size=2)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(articles[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    reference = make_store()
    ingest_articles(reference, articles, extract=extractor())
    assert {(e["event_date"], frozenset(e["article_ids"])) for e in query_events(store)} == \
        {(e["event_date"], frozenset(e["article_ids"])) for e in query_events(reference)}
    assert merge(store, rebuild=True).updated == 0
