"""Cross-report merge: dev-set incidents reported by several outlets become one event each.

The records are hand-built from the dev gold (``_store_cases``), so these tests judge the
merge, not the extractor; ``test_dev_extractor.py`` runs the same checks on the real extractor.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
from _store_cases import CASES, MULTI_SOURCE, TAHRIR, Spec, extractor, with_toll
from sqlalchemy import func, select

from marsad.model import Article
from marsad.store import Store, ingest_articles, merge, query_events
from marsad.store import schema as tables
from marsad.store.merge import MergeStats


def _case_articles(dev_by_id: dict[str, Article], ids: list[str] | None = None) -> list[Article]:
    return [dev_by_id[i] for i in (ids if ids is not None else sorted(CASES))]


def _ingest(store: Store, articles: list[Article], cases: dict[str, list[Spec]] | None = None, **kw: object):
    return ingest_articles(store, articles, extract=extractor(cases), **kw)


def _groups(store: Store) -> set[tuple[str, str, frozenset[str]]]:
    """Each event as (date, location, its articles)."""
    return {(e["event_date"], e["location"], frozenset(e["article_ids"])) for e in query_events(store)}


def _event_at(store: Store, day: str, location: str) -> dict:
    found = [e for e in query_events(store) if e["event_date"] == day and e["location"] == location]
    assert len(found) == 1, f"expected one event at {location} on {day}, found {len(found)}"
    return found[0]


def test_each_multi_source_incident_is_one_event(store: Store, dev_by_id: dict[str, Article]) -> None:
    _ingest(store, _case_articles(dev_by_id))
    groups = _groups(store)
    for name, (day, location, articles) in MULTI_SOURCE.items():
        assert (day, location, frozenset(articles)) in groups, f"{name}: not merged into one event"
    total_records = sum(len(specs) for specs in CASES.values())
    merged_away = sum(len(a) - 1 for _, _, a in MULTI_SOURCE.values())
    assert len(query_events(store)) == total_records - merged_away


def test_merged_record_follows_acled_rules(store: Store, dev_by_id: dict[str, Article]) -> None:
    _ingest(store, _case_articles(dev_by_id))
    koya = _event_at(store, "2018-09-08", "Koya")
    assert koya["sub_event_type"] == "Air/drone strike"  # ranks above Shelling in codebook §2
    assert (koya["fatalities"], koya["injured"]) == (12, 40)  # the lowest figure of any source
    assert sorted(t["fatalities"] for t in koya["tolls"]) == [12, 12, 14]
    assert koya["source"] == "CNN Arabic; Sky News Arabia"
    assert set(koya["evidence"]) == set(koya["article_ids"])

    erbil = _event_at(store, "2018-07-23", "Erbil")
    assert erbil["actor1"] == "Islamic State"  # named by two outlets, "unidentified" by BBC
    assert (erbil["fatalities"], erbil["injured"]) == (1, 1)
    assert erbil["source"] == "BBC Arabic; France 24 Arabic; Sky News Arabia"

    hajin = _event_at(store, "2018-06-23", "Hajin")
    assert hajin["geo_precision"] == 1  # BBC names the town itself
    assert hajin["fatalities"] == 45 and hajin["country"] == "SYR" and hajin["event_id"].startswith("SYR")

    baghdad = _event_at(store, "2018-07-20", "Baghdad - Tahrir Square")
    assert baghdad["sub_event_type"] == "Protest with intervention"
    assert (baghdad["actor2"], baghdad["injured"], baghdad["interaction"]) == ("Police Forces of Iraq", 30, 16)

    diwaniyah = _event_at(store, "2018-07-20", "Diwaniyah")
    assert diwaniyah["sub_event_type"] == "Excessive force against protesters"
    assert diwaniyah["disorder_type"] == "Political violence; Demonstrations"


def test_reports_of_other_days_stay_apart(store: Store, dev_by_id: dict[str, Article]) -> None:
    _ingest(store, _case_articles(dev_by_id))
    assert _event_at(store, "2018-05-24", "Hajin")["article_ids"] == ["ant2-BB-middleEast-659-20180623"]
    assert _event_at(store, "2018-07-08", "Basra")["article_ids"] == ["ant2-BB-middleEast-763-20180720"]
    per_article = Counter(a for e in query_events(store) for a in e["article_ids"])
    assert per_article == Counter({a: len(specs) for a, specs in CASES.items()})  # every record in one event


def test_adding_a_source_keeps_the_event_id(store: Store, dev_by_id: dict[str, Article]) -> None:
    first = ["ant2-FR-middleEast-685-20180623", "ant2-SK-middleEast-2555-20180623"]
    _ingest(store, _case_articles(dev_by_id, first))
    before = _event_at(store, "2018-06-23", "Hajin")
    assert set(before["article_ids"]) == set(first)

    # BBC sorts first in report order, and its record is more precise: still the same id.
    _ingest(store, _case_articles(dev_by_id, ["ant2-BB-middleEast-659-20180623"]))
    after = _event_at(store, "2018-06-23", "Hajin")
    assert after["event_id"] == before["event_id"]
    assert len(after["article_ids"]) == 3 and after["geo_precision"] == 1

    merge(store, rebuild=True)
    assert _event_at(store, "2018-06-23", "Hajin")["event_id"] == before["event_id"]


def test_events_that_become_one_keep_the_earlier_founders_id(store: Store, dev_by_id: dict[str, Article]) -> None:
    fr, sk = "ant2-FR-middleEast-685-20180623", "ant2-SK-middleEast-2555-20180623"
    strike = CASES[fr][0]
    other_attacker = replace(strike, actor1="Military Forces of Turkey")
    _ingest(store, _case_articles(dev_by_id, [fr, sk]), {fr: [strike], sk: [other_attacker]})
    before = {e["article_ids"][0]: e["event_id"] for e in query_events(store)}
    assert set(before) == {fr, sk}  # different attackers: two events

    corrected = replace(dev_by_id[sk], text=dev_by_id[sk].text + "\n")  # Sky corrects its report
    stats = _ingest(store, [corrected], {sk: [strike]})
    assert stats.replaced == 1
    (event,) = query_events(store)
    assert event["event_id"] == before[fr]  # France 24's report came first (same day, earlier key)
    assert sorted(event["article_ids"]) == sorted([fr, sk])


def test_merge_is_independent_of_ingest_order(make_store, dev_by_id: dict[str, Article]) -> None:
    articles = _case_articles(dev_by_id)
    reference = make_store()
    _ingest(reference, articles)
    expected = _groups(reference)
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    other = make_store()
    for i in range(0, len(shuffled), 3):  # small batches: each one merges incrementally
        _ingest(other, shuffled[i:i + 3])
    assert _groups(other) == expected


def test_rebuild_changes_nothing(store: Store, dev_by_id: dict[str, Article]) -> None:
    _ingest(store, _case_articles(dev_by_id), batch_size=4)
    before = _snapshot(store)
    stats = merge(store, rebuild=True)
    assert (stats.created, stats.updated, stats.deleted) == (0, 0, 0)
    assert _snapshot(store) == before
    assert merge(store) == MergeStats()  # nothing pending


def test_merge_picks_up_mentions_stored_without_merging(store: Store, dev_by_id: dict[str, Article]) -> None:
    _ingest(store, _case_articles(dev_by_id), merge=False)
    assert query_events(store) == []
    stats = merge(store)
    assert stats.created == len(query_events(store)) > 0
    assert _groups(store) >= {(d, loc, frozenset(a)) for d, loc, a in MULTI_SOURCE.values()}
    with store.read() as conn:
        orphans = conn.scalar(select(func.count()).select_from(tables.mentions).outerjoin(
            tables.event_members, tables.event_members.c.mention_pk == tables.mentions.c.pk,
        ).where(tables.event_members.c.mention_pk.is_(None)))
    assert orphans == 0


def test_lowest_credible_toll_ignores_sources_without_a_figure(store: Store, dev_by_id: dict[str, Article]) -> None:
    ids = ["ant2-BB-middleEast-771-20180723", "ant2-SK-middleEast-3084-20180723"]
    cases = {ids[0]: [with_toll(CASES[ids[0]][0], 0)], ids[1]: [with_toll(CASES[ids[1]][0], 4)]}
    _ingest(store, _case_articles(dev_by_id, ids), cases)
    (event,) = query_events(store)
    assert event["fatalities"] == 4
    assert [t["fatalities"] for t in event["tolls"]] == [0, 4]


def _snapshot(store: Store) -> list[tuple]:
    ev = tables.events
    with store.read() as conn:
        rows = conn.execute(select(ev.c.event_id, ev.c.record, ev.c.updated_at).order_by(ev.c.event_id)).all()
        members = conn.execute(select(tables.event_members).order_by(tables.event_members.c.mention_pk)).all()
    return [tuple(r) for r in rows] + [tuple(m) for m in members]


@pytest.mark.parametrize("batch_size", [1, 200])
def test_batch_size_does_not_change_the_result(make_store, dev_by_id: dict[str, Article], batch_size: int) -> None:
    reference, other = make_store(), make_store()
    articles = _case_articles(dev_by_id)
    _ingest(reference, articles)
    _ingest(other, articles, batch_size=batch_size)
    assert [(e["event_id"], e["article_ids"]) for e in query_events(other)] == \
        [(e["event_id"], e["article_ids"]) for e in query_events(reference)]


# --------------------------------------------------------------------------- dense random reports

_PLACES = [("Baghdad", "Al-Rusafa", "Baghdad"), ("Baghdad", "Al-Rusafa", TAHRIR),
           ("Dhi Qar", "Al-Nasiriya", "Nasiriyah"), ("Dhi Qar", "Al-Nasiriya", "Nasiriyah - Al-Habboubi Square"),
           ("Basra", "Basrah", "Basra")]
_KINDS = [("Peaceful protest", "Protesters", ""), ("Protest with intervention", "Protesters", "Police Forces of Iraq"),
          ("Violent demonstration", "Rioters", ""), ("Remote explosive/landmine/IED", "Unidentified armed group", ""),
          ("Armed clash", "Islamic State", "Police Forces of Iraq"), ("Suicide bomb", "Islamic State", "Civilians")]
_OUTLETS = ["BBC Arabic", "Sky News Arabia", "France 24 Arabic", "CNN Arabic"]


def _random_reports(seed: int, n: int) -> tuple[list[Article], dict[str, list[Spec]]]:
    rng = random.Random(seed)
    articles, cases = [], {}
    for i in range(n):
        published = date(2018, 7, 10) + timedelta(days=rng.randrange(12))
        article = Article(id=f"r{i}", text=f"خبر عن الاحتجاجات رقم {i}", published=published,
                          outlet=rng.choice(_OUTLETS), url=f"https://news.example/{i}")
        specs = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            admin1, admin2, location = rng.choice(_PLACES)
            sub, actor1, actor2 = rng.choice(_KINDS)
            day = published - timedelta(days=rng.choice([0, 0, 1, 2]))
            specs.append(Spec(day.isoformat(), sub, actor1, actor2, admin1, admin2, location,
                              precision=rng.choice([1, 1, 2]), fatalities=rng.choice([0, 0, 2, 5]),
                              date_stated=rng.random() < 0.7))
        articles.append(article)
        cases[article.id] = specs
    return articles, cases


def _ingest_in_random_batches(store: Store, articles: list[Article], cases: dict[str, list[Spec]], seed: int,
                              force: bool = False) -> None:
    rng = random.Random(seed)
    order = list(articles)
    rng.shuffle(order)
    while order:
        size = rng.randint(1, 9)
        _ingest(store, order[:size], cases, force=force)
        order = order[size:]


def _described(store: Store) -> set[tuple[str, frozenset[str]]]:
    return {(e["event_date"], frozenset(e["article_ids"])) for e in query_events(store)}


def test_incremental_merge_equals_rebuild_on_dense_reports(make_store) -> None:
    articles, cases = _random_reports(seed=3, n=70)
    store, other = make_store(), make_store()
    _ingest_in_random_batches(store, articles, cases, seed=1)
    _ingest_in_random_batches(other, articles, cases, seed=2)
    assert _described(store) == _described(other)  # ingest order does not matter
    merged = [e for e in query_events(store) if len(e["article_ids"]) > 1]
    assert len(merged) >= 10  # the data really exercises the merge
    before = _snapshot(store)
    stats = merge(store, rebuild=True)
    assert (stats.created, stats.updated, stats.deleted) == (0, 0, 0)
    assert _snapshot(store) == before

    # A third of the articles change (new texts, new records): still what a rebuild gives.
    changed_articles, changed_cases = _random_reports(seed=4, n=70)
    rewritten = [replace(a, text=a.text + " (تحديث)") for a in articles[::3]]
    cases = {**cases, **{a.id: changed_cases[a.id] for a in rewritten}}
    _ingest_in_random_batches(store, rewritten, cases, seed=5, force=True)  # 3 records → 1 is a real change here
    before = _snapshot(store)
    stats = merge(store, rebuild=True)
    assert (stats.created, stats.updated, stats.deleted) == (0, 0, 0)
    assert _snapshot(store) == before
    fresh = make_store()
    _ingest_in_random_batches(fresh, [*rewritten, *(a for a in articles if a not in articles[::3])], cases, seed=6)
    assert _described(fresh) == _described(store)


def test_changes_stored_without_merging_leave_no_stale_events(make_store) -> None:
    """Articles replaced by an ingest that does not merge: the groups their old records were in are
    regrouped by the next merge (an ingest that merges, or ``marsad merge``), as a rebuild would."""
    articles, cases = _random_reports(seed=3, n=70)
    store = make_store()
    _ingest_in_random_batches(store, articles, cases, seed=1)
    changed_articles, changed_cases = _random_reports(seed=4, n=70)
    rewritten = [replace(a, text=a.text + " (تحديث)") for a in articles[::3]]
    cases = {**cases, **{a.id: changed_cases[a.id] for a in rewritten}}
    _ingest(store, rewritten[:12], cases, force=True, merge=False)
    _ingest(store, rewritten[12:], cases, force=True)  # merges its own changes, and the earlier ones' removals
    merge(store)
    before = _snapshot(store)
    stats = merge(store, rebuild=True)
    assert (stats.created, stats.updated, stats.deleted) == (0, 0, 0)
    assert _snapshot(store) == before
    fresh = make_store()
    _ingest(fresh, [*rewritten, *(a for a in articles if a not in articles[::3])], cases)
    assert _described(fresh) == _described(store)
