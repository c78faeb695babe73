"""Security gaps: the rate test, the ranking, the grouping, and ``marsad gaps`` on a real store."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from marsad.analysis.gaps import GapRow, benjamini_hochberg, compute_gaps, gaps_from_store, rate_test

AT = date(2024, 6, 30)
WINDOW, BASELINE = 28, 180
WINDOW_START = AT - timedelta(days=WINDOW - 1)
BASELINE_START = WINDOW_START - timedelta(days=BASELINE)


def record(day: date, admin1: str, admin2: str = "", *, actor1: str = "Islamic State", killed: int = 0,
           disputed: bool = False, event_type: str = "Battles", sub_event_type: str = "Armed clash",
           country: str = "IRQ") -> dict[str, Any]:
    """A codebook §7 record with the fields the analysis reads."""
    return {"event_date": day.isoformat(), "event_type": event_type, "sub_event_type": sub_event_type,
            "actor1": actor1, "country": country, "admin1": admin1, "admin2": admin2, "disputed": disputed,
            "fatalities": killed}


def spread(n: int, start: date, days: int, rng: np.random.Generator) -> Iterator[date]:
    """``n`` days drawn uniformly from ``[start, start + days)``."""
    for offset in rng.integers(0, days, size=n):
        yield start + timedelta(days=int(offset))


def poisson_area(rng: np.random.Generator, admin1: str, admin2: str, base_rate: float, window_rate: float,
                 **fields: Any) -> list[dict[str, Any]]:
    """Poisson counts at ``base_rate`` per day in the baseline and ``window_rate`` in the window."""
    n_base, n_window = rng.poisson(base_rate * BASELINE), rng.poisson(window_rate * WINDOW)
    days = [*spread(n_base, BASELINE_START, BASELINE, rng), *spread(n_window, WINDOW_START, WINDOW, rng)]
    return [record(day, admin1, admin2, **fields) for day in days]


def by_area(rows: list[GapRow]) -> dict[str, GapRow]:
    return {row.area: row for row in rows}


# --------------------------------------------------------------------------- the statistic


def test_rate_test_on_a_hand_computed_case() -> None:
    # 9 events in the 28-day window, 6 in the 180 days before: n = 15.  With equal rates a
    # single event falls in the window with probability 28 / (28 + 180) = 7/52, so
    #   p = P(X >= 9), X ~ Binomial(15, 7/52)
    #     = 5005·(7/52)^9·(45/52)^6 + 3003·(7/52)^10·(45/52)^5 + 1365·(7/52)^11·(45/52)^4
    #       + 455·(7/52)^12·(45/52)^3 + 105·(7/52)^13·(45/52)^2 + 15·(7/52)^14·(45/52) + (7/52)^15
    #     = 3.0515e-05 + 2.8481e-06 + 2.0138e-07 + 1.0442e-08 + 3.75e-10 + 8.3e-12 + 8.6e-14
    #     = 3.3575e-05          → score = −log10 p = 4.474
    # expected = 6 · 28/180 = 0.9333; rate ratio (½ added to each count) = (9.5/28) / (6.5/180) = 9.396
    share = Fraction(7, 52)
    exact = sum(math.comb(15, k) * share**k * (1 - share) ** (15 - k) for k in range(9, 16))
    test = rate_test(9, 6, 28, 180)
    assert test.p_rise == pytest.approx(float(exact), rel=1e-9)
    assert test.p_rise == pytest.approx(3.3575e-05, rel=1e-4)
    assert test.expected == pytest.approx(0.9333, abs=1e-4)
    assert test.score(9) == pytest.approx(4.474, abs=1e-3)

    rows = compute_gaps([*(record(WINDOW_START + timedelta(days=3 * i), "Kirkuk", "Al-Hawiga") for i in range(9)),
                         *(record(BASELINE_START + timedelta(days=30 * i), "Kirkuk", "Al-Hawiga") for i in range(6))],
                        at=AT, data_start=BASELINE_START)
    (row,) = rows
    assert (row.events, row.baseline_events) == (9, 6)
    assert row.p_value == pytest.approx(float(exact), rel=1e-9)
    assert row.q_value == pytest.approx(row.p_value)  # one area tested: nothing to adjust
    assert row.rate_ratio == pytest.approx(9.396, abs=1e-3)
    assert row.rising


def test_a_fall_scores_negative_and_tiny_p_values_keep_their_size() -> None:
    fall = rate_test(0, 60, 28, 180)  # 9.3 expected, none seen: P(X <= 0) = (45/52)^60
    assert fall.score(0) == pytest.approx(-60 * math.log10(52 / 45), rel=1e-9)
    huge = rate_test(1000, 20, 28, 180)  # p far below the smallest float: still a finite, ordered score
    assert huge.p_rise == 0.0 and math.isfinite(huge.score(1000)) and huge.score(1000) > 500


def test_a_big_certain_rise_outranks_a_small_noisy_one() -> None:
    big = rate_test(40, 60, 28, 180)  # 40 against 9.3 expected: ratio about 4
    small = rate_test(4, 1, 28, 180)  # 4 against 0.16 expected: ratio about 25, on five events
    assert big.score(40) > 10 > small.score(4) > 2


def test_benjamini_hochberg_by_hand() -> None:
    # sorted p: 0.01 0.03 0.04 0.5 (m = 4) → p·m/rank: 0.04 0.06 0.0533 0.5 → running min from the top
    assert benjamini_hochberg([0.04, 0.01, 0.5, 0.03]) == pytest.approx([0.05333, 0.04, 0.5, 0.05333], abs=1e-4)
    assert benjamini_hochberg([]) == []


# --------------------------------------------------------------------------- areas and flags


def synthetic(seed: int) -> list[dict[str, Any]]:
    """One clear rise (Hawija), five stable districts, one tiny noisy one (Rutba)."""
    rng = np.random.default_rng(seed)
    events = poisson_area(rng, "Kirkuk", "Al-Hawiga", 0.05, 0.5, disputed=True, killed=2)
    for admin1, admin2, rate in (("Baghdad", "Al-Rusafa", 0.5), ("Baghdad", "Al-Karkh", 0.3),
                                 ("Diyala", "Baquba", 0.2), ("Ninewa", "Al-Mosul", 0.25),
                                 ("Salah al-Din", "Tikrit", 0.1)):
        events += poisson_area(rng, admin1, admin2, rate, rate)
    events += poisson_area(rng, "Anbar", "Al-Rutba", 0.01, 0.05, actor1="Unidentified armed group")
    return events


SEED = 5  # this draw gives the tiny area 2 events in the window and none before: an "infinite" ratio


def test_synthetic_rise_is_flagged_and_the_stable_and_tiny_areas_are_not() -> None:
    rows = compute_gaps(synthetic(SEED), at=AT, data_start=BASELINE_START)
    areas = by_area(rows)
    tiny = areas["Anbar / Al-Rutba"]
    assert (tiny.events, tiny.baseline_events) == (2, 0)
    assert [row.area for row in rows if row.rising] == ["Kirkuk / Al-Hawiga"]
    hawija = rows[0]
    assert hawija.area == "Kirkuk / Al-Hawiga" and hawija.q_value is not None and hawija.q_value < 1e-4
    assert hawija.rate_ratio > 4 and hawija.disputed and hawija.top_actors[0][0] == "Islamic State"
    assert hawija.fatalities == 2 * hawija.events
    assert tiny.rate_ratio > 10 and math.isfinite(tiny.rate_ratio) and not tiny.rising and tiny.score < hawija.score
    for name in ("Baghdad / Al-Rusafa", "Baghdad / Al-Karkh", "Diyala / Baquba", "Ninewa / Al-Mosul"):
        assert not areas[name].rising and areas[name].q_value is not None and not areas[name].disputed


def test_across_seeds_the_rise_is_found_and_stable_areas_are_rarely_flagged() -> None:
    """40 draws of the synthetic series, and 40 of eight unchanged areas.

    Flagging at an unadjusted p ≤ 0.05 would flag 10 of the 40 unchanged runs.
    """
    found = 0
    for seed in range(40):
        found += by_area(compute_gaps(synthetic(seed), at=AT, data_start=BASELINE_START))["Kirkuk / Al-Hawiga"].rising
    assert found >= 36
    flagged_runs = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        events = [e for i, rate in enumerate((0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 1.5))
                  for e in poisson_area(rng, "Baghdad", f"District {i}", rate, rate)]
        flagged_runs += any(row.rising for row in compute_gaps(events, at=AT, data_start=BASELINE_START))
    assert flagged_runs <= 4  # BH at 5%: at most 10% of runs with any false flag


def test_min_events_decides_whether_a_strong_small_rise_is_flagged() -> None:
    # 2 in the window, 1 before: n = 3, p = 3·(7/52)^2·(45/52) + (7/52)^3 = 0.0495 (q = p: one area)
    events = [record(AT, "Anbar", "Al-Rutba"), record(AT - timedelta(days=1), "Anbar", "Al-Rutba"),
              record(BASELINE_START + timedelta(days=40), "Anbar", "Al-Rutba"),
              record(BASELINE_START, "Basra", "Al-Zubair", event_type="Protests", sub_event_type="Peaceful protest")]
    share = 7 / 52
    p = 3 * share**2 * (1 - share) + share**3
    (strict,) = compute_gaps(events, at=AT, min_events=3)
    (lenient,) = compute_gaps(events, at=AT, min_events=2)
    assert strict.p_value == pytest.approx(p) and strict.q_value == pytest.approx(p) and p < 0.05
    assert not strict.rising and "fewer than 3 events in the window" in strict.explanation
    assert lenient.rising
    (untested,) = compute_gaps(events, at=AT, min_events=4)  # 3 events in all: not even tested
    assert untested.q_value is None and untested.p_value == pytest.approx(p)


def test_baseline_is_cut_where_the_data_begins() -> None:
    # The news starts 60 days before the window: the baseline is 60 days, not 180.
    start = WINDOW_START - timedelta(days=60)
    events = [record(start + timedelta(days=10 * i), "Diyala", "Khanaqin", disputed=True) for i in range(6)]
    events += [record(WINDOW_START + timedelta(days=9 * i), "Diyala", "Khanaqin", disputed=True) for i in range(3)]
    (row,) = compute_gaps(events, at=AT)
    assert row.baseline_start == start and row.expected == pytest.approx(6 * 28 / 60)
    assert not row.rising  # 3 against 2.8 expected; over 180 days it would have looked like a rise
    (stretched,) = compute_gaps(events, at=AT, data_start=BASELINE_START)
    assert stretched.expected == pytest.approx(6 * 28 / 180) and stretched.score > row.score


def test_grouping_types_window_edges_and_explanation() -> None:
    day = AT - timedelta(days=2)
    events = [
        record(day, "Kirkuk", "Al-Hawiga", disputed=True, killed=3),
        record(day, "Kirkuk", "Al-Hawiga", disputed=True, actor1="Unidentified armed group",
               event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED"),
        record(day, "Kirkuk", "", disputed=True, killed=1),
        record(day, "Ninewa", "Sinjar", disputed=True),
        record(day, "Ninewa", "Al-Mosul"), record(day, "Ninewa", "Al-Mosul"), record(day, "Ninewa", ""),
        record(day, "Kirkuk", "Al-Hawiga", event_type="Protests", sub_event_type="Peaceful protest",
               actor1="Protesters"),
        record(AT + timedelta(days=1), "Kirkuk", "Al-Hawiga"),  # after --at: not counted
        record(BASELINE_START - timedelta(days=1), "Kirkuk", "Al-Hawiga"),  # before the baseline
    ]
    districts = by_area(compute_gaps(events, at=AT))
    assert set(districts) == {"Kirkuk / Al-Hawiga", "Kirkuk / (governorate level)", "Ninewa / Sinjar",
                              "Ninewa / Al-Mosul", "Ninewa / (governorate level)"}
    hawija = districts["Kirkuk / Al-Hawiga"]
    assert (hawija.events, hawija.fatalities, hawija.baseline_events) == (2, 3, 0)
    assert hawija.top_actors == [("Islamic State", 1), ("Unidentified armed group", 1)]
    assert hawija.top_types == [("Armed clash", 1), ("Remote explosive/landmine/IED", 1)]
    assert districts["Kirkuk / (governorate level)"].admin2 == ""
    assert districts["Kirkuk / (governorate level)"].explanation.startswith("Kirkuk (governorate level): 1 attack in")
    assert hawija.explanation.startswith("Al-Hawiga, Kirkuk: 2 attacks in 28 days vs 0.0 expected; 1 by ")
    assert "3 killed; disputed;" in hawija.explanation

    governorates = by_area(compute_gaps(events, by="admin1", at=AT))
    assert (governorates["Kirkuk"].events, governorates["Ninewa"].events) == (3, 4)
    assert governorates["Kirkuk"].disputed and not governorates["Ninewa"].disputed  # 1 of 4 disputed
    assert "partly disputed (1 of 4 events)" in governorates["Ninewa"].explanation

    everything = by_area(compute_gaps(events, at=AT, event_types=None))
    assert everything["Kirkuk / Al-Hawiga"].events == 3 and "3 events in 28 days" in everything[
        "Kirkuk / Al-Hawiga"].explanation


def test_bad_options_are_usage_errors() -> None:
    from marsad.errors import UsageError

    for kwargs in ({"by": "admin3"}, {"window": 0}, {"min_events": 0}, {"fdr": 1.5}):
        with pytest.raises(UsageError):
            compute_gaps([record(AT, "Kirkuk")], **kwargs)
    assert compute_gaps([]) == []


# --------------------------------------------------------------------------- the store and the command


def _model_event(r: dict[str, Any]) -> Any:
    """The extractor's :class:`marsad.model.Event` for a :func:`record`."""
    from marsad.model import Actor, Event, Evidence, Location
    from marsad.taxonomy import EVENT_TYPES

    mark = [Evidence(0, 1, "x")]
    evidence = {"trigger": mark, "actor1": mark, "location": mark}
    if r["fatalities"]:
        evidence["fatalities"] = mark  # the merge counts a toll only where a report states one
    place = Location(country=r["country"], admin1=r["admin1"], admin2=r["admin2"], name=r["admin2"] or r["admin1"],
                     geo_precision=2, disputed=r["disputed"])
    return Event(article_id="synthetic", event_date=date.fromisoformat(r["event_date"]), time_precision=1,
                 event_type=EVENT_TYPES[r["sub_event_type"]], sub_event_type=r["sub_event_type"],
                 actor1=Actor(r["actor1"], 2 if r["actor1"] == "Islamic State" else 3), actor2=None, location=place,
                 fatalities=r["fatalities"], injured=0, evidence=evidence)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding the synthetic series (one article, so no two records merge)."""
    from marsad.model import Article
    from marsad.store import ingest_articles, open_store

    path = tmp_path_factory.mktemp("gaps") / "x.db"
    events = [_model_event(r) for r in synthetic(SEED) + [record(AT, "Kirkuk", "Al-Hawiga", disputed=True, killed=2)]]
    with open_store(path) as store:
        stats = ingest_articles(store, [Article(id="synthetic", text="هجوم في الحويجة")], extract=lambda _: events)
        assert stats.mentions == len(events)
    return path


def run(args: list[str]) -> int:
    from marsad.cli import main

    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_gaps_from_store_matches_compute_gaps(store_path: Path) -> None:
    from marsad.store import open_store, query_events

    with open_store(store_path) as store:
        rows = gaps_from_store(store, country="IRQ", data_start=BASELINE_START)
        direct = compute_gaps(query_events(store), data_start=BASELINE_START)
    assert rows == direct and rows[0].area == "Kirkuk / Al-Hawiga" and rows[0].window_end == AT


def test_cli_json_and_table(store_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["gaps", "--db", str(store_path), "--format", "json", "--at", AT.isoformat()]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["area"] == "Kirkuk / Al-Hawiga" and rows[0]["rising"] is True and rows[0]["disputed"] is True
    assert [r["area"] for r in rows if r["rising"]] == ["Kirkuk / Al-Hawiga"]
    assert rows[0]["window_start"] == WINDOW_START.isoformat() and rows[0]["top_actors"][0][0] == "Islamic State"
    top = rows[0]
    assert top["fatalities"] == 2 * top["events"] and f"{top['fatalities']} killed" in top["explanation"]

    monkeypatch.setenv("COLUMNS", "220")
    assert run(["gaps", "--db", str(store_path), "--by", "admin1"]) == 0
    out = capsys.readouterr().out
    assert "Security gaps by governorates" in out and "▲" in out
    assert "- Kirkuk: " in out and "rising (q=" in out

    assert run(["gaps", "--db", str(store_path), "--format", "csv", "--window", "14"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("area,country,admin1,admin2,events") and len(lines) == len(rows) + 1


def test_cli_bad_at_is_a_one_line_usage_error(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["gaps", "--db", str(store_path), "--at", "2024-13-01"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == ["Error: --at: '2024-13-01' is not a date in the form YYYY-MM-DD"]


def test_a_stray_late_report_does_not_set_the_default_window() -> None:
    from marsad.analysis.gaps import latest_complete_window

    archive = [date(2018, 1, 1) + timedelta(days=3 * i) for i in range(100)]  # Jan 2018 .. Oct 2018
    assert latest_complete_window([*archive, date(2024, 5, 1)], 28, 180, 3) == archive[-1]
    assert latest_complete_window(archive[:2], 28, 180, 3) is None
    assert latest_complete_window([date(2024, 5, 1)] * 3 + [date(2024, 1, 1)] * 3, 28, 180, 3) == date(2024, 5, 1)
