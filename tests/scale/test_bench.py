"""The benchmark's ingest order and tenth arithmetic (``python -m marsad.bench``), without timing anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.bench import (
    INGEST_BATCH,
    IngestRun,
    Tenth,
    Timing,
    _BatchClock,
    _render_tenths,
    in_order,
    measure_ingest,
)
from marsad.model import Article
from marsad.store.ingest import BatchTiming


def _articles(n: int, length: int = 10) -> list[Article]:
    return [Article(id=f"a{i}", text="ن" * (length + i % 7)) for i in range(n)]


def _run(batches: list[tuple[int, int, float]], store: float = 0.1, merge: float = 0.05) -> IngestRun:
    parts = [BatchTiming(n, seconds - store, store, merge) for n, _, seconds in batches]
    return IngestRun(Timing(sum(s for _, _, s in batches), 0.0), batches, parts)


# --------------------------------------------------------------------------- order


def test_shuffled_order_is_the_same_permutation_for_the_same_seed() -> None:
    articles = _articles(500)
    first, again = in_order(articles, "shuffled", 14), in_order(articles, "shuffled", 14)
    assert [a.id for a in first] == [a.id for a in again]
    assert [a.id for a in first] != [a.id for a in articles]  # 500! orders: the identity is not drawn
    assert sorted(a.id for a in first) == sorted(a.id for a in articles)  # a permutation: nothing lost, no copy


def test_another_seed_gives_another_order_and_the_input_is_left_alone() -> None:
    articles = _articles(300)
    before = [a.id for a in articles]
    assert [a.id for a in in_order(articles, "shuffled", 1)] != [a.id for a in in_order(articles, "shuffled", 2)]
    assert [a.id for a in articles] == before


def test_file_order_keeps_the_file_order() -> None:
    articles = _articles(50)
    assert [a.id for a in in_order(articles, "file")] == [a.id for a in articles]


def test_shuffling_mixes_short_and_long_articles_into_both_tenths() -> None:
    """A file sorted by length (as the bench corpus nearly is): in file order the last tenth is much longer
    than the first; shuffled, the two tenths are samples of the same corpus."""
    articles = [Article(id=f"a{i}", text="ن" * (100 + i)) for i in range(2000)]

    def tenth_means(ordered: list[Article]) -> tuple[float, float]:
        k = len(ordered) // 10
        return (sum(len(a.text) for a in ordered[:k]) / k, sum(len(a.text) for a in ordered[-k:]) / k)

    first, last = tenth_means(in_order(articles, "file"))
    assert last / first > 5
    first, last = tenth_means(in_order(articles, "shuffled"))
    assert 0.8 < last / first < 1.25


# --------------------------------------------------------------------------- tenths


def test_a_tenth_is_made_of_whole_batches_from_either_end() -> None:
    # 5,000 articles in batches of 200: a tenth is 500 articles, so 3 batches (600)
    batches = [(200, 2000 + i, 1.0 + i) for i in range(25)]
    run = _run(batches)
    first, last = run.tenth(last=False), run.tenth(last=True)
    assert (first.batches, first.articles, first.seconds) == (3, 600, 1.0 + 2.0 + 3.0)
    assert (last.batches, last.articles, last.seconds) == (3, 600, 23.0 + 24.0 + 25.0)
    assert first.characters == 2000 + 2001 + 2002
    assert run.tenth_rate(last=False) == (600 / 6.0, 600)


def test_a_short_last_batch_takes_the_one_before_it_too() -> None:
    batches = [(200, 1000, 1.0)] * 5 + [(10, 50, 0.1)]  # 1,010 articles: a tenth is 101
    last = _run(batches).tenth(last=True)
    assert (last.batches, last.articles) == (2, 210)


def test_per_character_rate_takes_the_articles_length_out() -> None:
    """Two tenths processed at the same pace per character, one of articles 2.5 × longer: 2.5 × fewer
    articles per second, the same characters per second."""
    short = Tenth(batches=10, articles=2000, characters=2000 * 700, seconds=2.0, store_s=0.5, merge_s=0.3,
                  extract_s=1.5)
    long = Tenth(batches=10, articles=2000, characters=2000 * 1750, seconds=5.0, store_s=0.5, merge_s=0.3,
                 extract_s=4.5)
    assert long.rate / short.rate == pytest.approx(0.4)
    assert long.char_rate / short.char_rate == pytest.approx(1.0)
    assert (short.mean_chars, long.mean_chars) == (700, 1750)
    assert short.store_ms == long.store_ms == pytest.approx(50.0)
    assert short.as_dict()["chars_per_s"] == 700_000


def test_store_time_per_batch_shows_a_store_that_slows_down() -> None:
    batches = [(200, 200_000, 1.0)] * 20
    parts = [BatchTiming(200, 0.5, 0.02 * (i + 1), 0.01 * (i + 1)) for i in range(20)]
    run = IngestRun(Timing(20.0, 0.0), batches, parts)
    first, last = run.tenth(last=False), run.tenth(last=True)
    assert first.store_ms == pytest.approx(1000 * (0.02 + 0.04) / 2)
    assert last.store_ms == pytest.approx(1000 * (0.38 + 0.40) / 2)
    assert last.merge_ms / first.merge_ms == pytest.approx(13.0)
    assert run.store_s == pytest.approx(sum(p.store for p in parts))


def test_batch_clock_counts_articles_and_characters_per_batch() -> None:
    articles = [Article(id=f"a{i}", text="ن" * (i + 1)) for i in range(5)]
    clock = _BatchClock(articles, 2)
    assert len(list(clock)) == 5
    batches = clock.batches(ended=clock.marks[-1][1] + 1.0)
    assert [(n, chars) for n, chars, _ in batches] == [(2, 1 + 2), (2, 3 + 4), (1, 5)]
    assert batches[-1][2] == pytest.approx(1.0)


def test_tenths_table_names_both_orders_and_the_ratios() -> None:
    tenth = Tenth(1, 200, 200 * 1000, 1.0, 0.1, 0.05, 0.8, cpu_s=0.9).as_dict()
    slower = Tenth(1, 200, 200 * 1000, 2.0, 0.2, 0.1, 1.6, cpu_s=1.8).as_dict()
    doc = {"order": "shuffled", "seed": 14,
           "ingest_tenths": {"shuffled": {"first": tenth, "last": tenth}, "file": {"first": tenth, "last": slower}}}
    text = "\n".join(_render_tenths(doc))
    assert "shuffled, first tenth" in text and "file order, last tenth" in text
    assert "last/first: 1.00 × per article, 1.00 × per character, 1.00 × per CPU second, store 1.00 × per batch" in text
    assert "last/first: 0.50 × per article, 0.50 × per character, 0.50 × per CPU second, store 2.00 × per batch" in text


# --------------------------------------------------------------------------- the ingest's own timings


def test_ingest_reports_each_batch_and_where_its_time_went(tmp_path: Path) -> None:
    """``measure_ingest`` on a few real dev-like articles: one timing per batch of ``INGEST_BATCH``,
    the store's share within the batch and the merge's within the store's."""
    text = "قتل شخصان وأصيب ثلاثة آخرون في هجوم مسلح على نقطة للشرطة في كركوك مساء أمس."
    articles = [Article(id=f"b{i}", text=f"{text} ({i})", url=f"https://bench.invalid/{i}")
                for i in range(INGEST_BATCH + 3)]
    run = measure_ingest(articles, tmp_path / "b.db")
    assert [n for n, _, _ in run.batches] == [INGEST_BATCH, 3]
    assert [p.articles for p in run.parts] == [INGEST_BATCH, 3]
    assert len(run.cpu) == 2 and all(cpu > 0 for cpu in run.cpu)
    assert run.tenth(last=True).cpu_s == pytest.approx(sum(run.cpu))  # 203 articles: a tenth takes both batches
    assert all(0 <= p.merge <= p.store <= seconds for p, (_, _, seconds) in zip(run.parts, run.batches, strict=True))
    assert all(p.extract > 0 for p in run.parts)
