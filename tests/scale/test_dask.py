"""``--dask ADDRESS`` and ``--format parquet --out DIR``: the serial run's events, on a cluster and in parts."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import records, run_marsad

from marsad.errors import MarsadError
from marsad.sinks import EXTRA, read_parts, record_schema, records_table, table_records


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Dask cluster of two single-threaded worker processes; its scheduler address."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as local:
        yield local.scheduler_address


def test_dask_run_gives_exactly_the_serial_events(cluster: str, dev_path: Path, serial_jsonl: str) -> None:
    done = run_marsad("extract", str(dev_path), "--dask", cluster, "--chunk-size", "9")
    assert done.stdout == serial_jsonl


def test_dask_parquet_parts_read_back_to_the_serial_records(cluster: str, dev_path: Path, serial_jsonl: str,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "parts"
    run_marsad("extract", str(dev_path), "--dask", cluster, "--format", "parquet", "--out", str(out),
               "--chunk-size", "40")
    assert sorted(p.name for p in out.iterdir()) == [f"part-{i:05d}.parquet" for i in range(4)]  # 125 = 3×40 + 5
    assert read_parts(out) == records(serial_jsonl)


def test_local_parquet_parts_match_and_pandas_reads_them(dev_path: Path, serial_jsonl: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "parts"
    run_marsad("extract", str(dev_path), "--workers", "2", "--format", "parquet", "--out", str(out),
               "--chunk-size", "50")
    expected = records(serial_jsonl)
    assert read_parts(out) == expected
    frame = pd.read_parquet(out)
    assert list(frame.columns) == record_schema().names
    assert len(frame) == len(expected)
    assert frame["fatalities"].sum() == sum(r["fatalities"] for r in expected)
    assert sorted(set(frame["article_id"])) == sorted({r["article_id"] for r in expected})


def test_parquet_rerun_reuses_finished_parts(dev_lines: list[str], tmp_path: Path) -> None:
    out, source = tmp_path / "parts", tmp_path / "some.jsonl"
    source.write_text("".join(dev_lines[:45]), encoding="utf-8")
    args = ("extract", str(source), "--workers", "1", "--format", "parquet", "--out", str(out), "--chunk-size", "15")
    run_marsad(*args)
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    (out / "part-00001.parquet").unlink()  # as if killed before that part was written
    run_marsad(*args)
    again = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert again.keys() == stamps.keys()
    assert again["part-00000.parquet"] == stamps["part-00000.parquet"]
    assert again["part-00002.parquet"] == stamps["part-00002.parquet"]


def test_every_record_key_has_a_parquet_column(serial_jsonl: str) -> None:
    keys = {k for r in records(serial_jsonl) for k in r}
    assert keys <= set(record_schema().names) - {EXTRA}


def test_a_key_the_schema_does_not_know_survives_in_extra(serial_jsonl: str) -> None:
    sample = records(serial_jsonl)[:3]
    sample[1]["new_field"] = {"x": [1, 2]}
    assert table_records(records_table(sample)) == sample


def test_missing_dask_is_one_line_with_an_install_hint(monkeypatch: pytest.MonkeyPatch, dev_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from marsad.cli import main

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    with pytest.raises(SystemExit) as stopped:
        main(["extract", str(dev_path), "--dask", "tcp://127.0.0.1:8786"])
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Error: --dask needs dask.distributed")
    assert "pip install 'marsad[dask]'" in err


def test_unreachable_scheduler_is_a_clear_error() -> None:
    pytest.importorskip("distributed")
    from marsad.parallel import open_engine

    with pytest.raises(MarsadError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        open_engine(dask="tcp://127.0.0.1:9", timeout=1)


def test_workers_and_dask_together_is_a_usage_error(dev_path: Path) -> None:
    done = run_marsad("extract", str(dev_path), "--workers", "2", "--dask", "tcp://127.0.0.1:9", check=False)
    assert done.returncode == 2 and "not both" in done.stderr


def test_a_malformed_address_fails_at_once() -> None:
    pytest.importorskip("distributed")
    from marsad.parallel import open_engine

    with pytest.raises(MarsadError, match="not a scheduler address"):
        open_engine(dask="tcp://no-port")
