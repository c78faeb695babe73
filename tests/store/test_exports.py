"""Exports: ACLED CSV beside real ACLED data, GeoJSON for QGIS, Parquet for pandas; the CLI around them."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from _store_cases import CASES, extractor, run_cli

from marsad.io.exports import ACLED_COLUMNS, acled_row, export, interaction_label
from marsad.model import Article
from marsad.store import EventFilter, Store, ingest_articles, open_store, query_events

KOYA_CNN = "ant2-CN-middleEast-1320-20180908"


@pytest.fixture
def filled(store: Store, dev_by_id: dict[str, Article]) -> Store:
    ingest_articles(store, [dev_by_id[i] for i in sorted(CASES)], extract=extractor())
    return store


@pytest.fixture
def sqlite_db(tmp_path: Path, dev_by_id: dict[str, Article]) -> str:
    """A filled SQLite store for the command-line tests (the commands are thin wrappers over the
    library, which every other test runs on both backends)."""
    path = tmp_path / "cli.db"
    with open_store(path) as store:
        ingest_articles(store, [dev_by_id[i] for i in sorted(CASES)], extract=extractor())
    return str(path)


def test_interaction_labels_follow_acled() -> None:
    assert interaction_label(1, 2) == "State forces-Rebel group"
    assert interaction_label(2, 1) == "State forces-Rebel group"  # lower code first
    assert interaction_label(6, 0) == "Protesters only"
    assert interaction_label(3, 7) == "Political militia-Civilians"


def test_acled_csv_reads_back_in_pandas(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    stats = export(filled, "acled-csv", out)
    frame = pd.read_csv(out, keep_default_na=False, na_values=[""])
    assert tuple(frame.columns) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert len(frame) == stats.written == len(query_events(filled))
    for column in ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    for column in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(frame[column]), column
    assert pd.to_datetime(frame["event_date"], format="%Y-%m-%d").notna().all()
    assert set(frame["iso"]) == {368, 760} and set(frame["region"]) == {"Middle East"}
    assert set(frame["country"]) == {"Iraq", "Syria"}
    koya = frame[frame["location"] == "Koya"].iloc[0]
    assert (koya["inter1"], koya["inter2"]) == ("External/Other forces", "Rebel group")
    assert koya["interaction"] == "Rebel group-External/Other forces"
    assert koya["source"] == "CNN Arabic; Sky News Arabia"
    assert koya["event_id_cnty"].startswith("IRQ")
    protest = frame[(frame["location"] == "Basra") & (frame["event_date"] == "2018-07-20")].iloc[0]
    assert protest["interaction"] == "Protesters only" and pd.isna(protest["inter2"])
    civilians = frame[frame["location"] == "Idlib"].iloc[0]
    assert civilians["civilian_targeting"] == "Civilian targeting"
    assert set(frame["civilian_targeting"].fillna("")) == {"", "Civilian targeting"}


def test_geojson_is_a_feature_collection_of_points(filled: Store, tmp_path: Path) -> None:
    import shapely.geometry

    out = tmp_path / "events.geojson"
    stats = export(filled, "geojson", out)
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == stats.written == len(query_events(filled)) and stats.left_out == 0
    for feature in features:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 < lon < 49 and 29 < lat < 38  # [lon, lat], inside Iraq/Syria
        assert shapely.geometry.shape(feature["geometry"]).is_valid
        assert set(ACLED_COLUMNS) <= set(feature["properties"])
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())  # flat for QGIS
    hajin = next(f for f in features if f["properties"]["location"] == "Hajin"
                 and f["properties"]["event_date"] == "2018-06-23")
    assert hajin["geometry"]["coordinates"] == [40.8339, 34.6947]


def test_parquet_round_trips_in_pandas(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    export(filled, "parquet", out, EventFilter(country="Iraq"))
    frame = pd.read_parquet(out)
    assert tuple(frame.columns[:31]) == ACLED_COLUMNS
    assert len(frame) == len(query_events(filled, EventFilter(country="IRQ"))) > 0
    assert set(frame["country"]) == {"Iraq"}
    assert all(isinstance(d, date) for d in frame["event_date"])
    for column in ("year", "fatalities", "injured", "timestamp", "geo_precision", "iso"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    assert frame["disputed"].dtype == bool
    baghdad = frame[(frame["location"] == "Baghdad - Tahrir Square")].iloc[0]
    assert len(baghdad["article_ids"]) == 5 and baghdad["injured"] == 30


def test_jsonl_export_keeps_evidence_and_sources(filled: Store) -> None:
    out = io.StringIO()
    export(filled, "jsonl", out, EventFilter(since=date(2018, 9, 8), until=date(2018, 9, 8), admin1="erbil"))
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert record["location"] == "Koya" and len(record["article_ids"]) == 3
    assert set(record["evidence"]) == set(record["article_ids"])
    assert [t["outlet"] for t in record["tolls"]] == ["CNN Arabic", "CNN Arabic", "Sky News Arabia"]
    assert acled_row(record)["timestamp"] == record["timestamp"] > 1_500_000_000


def test_filters(filled: Store) -> None:
    assert {e["event_type"] for e in query_events(filled, EventFilter(type="battles"))} == {"Battles"}
    protests = query_events(filled, EventFilter(type="Peaceful protest"))
    assert protests and {e["sub_event_type"] for e in protests} == {"Peaceful protest"}
    syria = query_events(filled, EventFilter(country="SYR"))
    assert {e["country"] for e in syria} == {"SYR"} and len(syria) == 3
    july = query_events(filled, EventFilter(since=date(2018, 7, 21), until=date(2018, 7, 22)))
    assert {e["event_date"] for e in july} == {"2018-07-21", "2018-07-22"}
    assert query_events(filled, EventFilter(admin1="Basra", since=date(2018, 7, 20)), limit=1)[0]["location"] == "Basra"


def test_cli_export_events_and_merge(sqlite_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # rich folds cells to the terminal width
    db = sqlite_db
    out = tmp_path / "out.csv"
    assert run_cli(["export", "--db", db, "--format", "acled-csv", "--country", "Syria", "-o", str(out)]) == 0
    assert len(pd.read_csv(out)) == 3
    assert run_cli(["events", "--db", db, "--admin1", "Erbil", "--limit", "5"]) == 0
    shown = capsys.readouterr().out
    assert "Koya" in shown and "CNN Arabic; Sky News Arabia" in shown
    assert run_cli(["merge", "--db", db, "--rebuild"]) == 0
    assert "0 created, 0 updated, 0 removed" in capsys.readouterr().err


def test_cli_bad_date_is_a_usage_error(sqlite_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["export", "--db", sqlite_db, "--since", "2018-13-01"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run_cli(["events", "--db", sqlite_db, "--since", "2018-08-01", "--until", "2018-07-01"]) == 2
    assert run_cli(["export", "--db", sqlite_db, "--format", "xml"]) == 2


def test_cli_store_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["events", "--db", str(tmp_path / "missing-dir" / "m.db")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error: ") and "missing-dir" in err and "no such store" in err and "\n" not in err
    assert not (tmp_path / "missing-dir").exists()
