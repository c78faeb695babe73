"""Exporting merged events: ACLED-shaped CSV, JSON lines, GeoJSON and Parquet.

* ``acled-csv``: exactly ACLED's 31 columns in ACLED's order, with ACLED's text values
  for ``inter1``/``inter2`` ("State forces") and ``interaction`` ("State forces-Rebel group",
  lower code first; "Rebel group only" without a second actor), ``civilian_targeting``
  "Civilian targeting" or empty, ``iso`` numeric, ``region`` "Middle East", the full
  country name and ``timestamp`` in unix seconds.
* ``jsonl``: the merged codebook records (evidence per article, sources, tolls).
* ``geojson``: a FeatureCollection of points ``[lon, lat]`` with the ACLED columns as
  properties (events without coordinates are left out and counted).
* ``parquet``: the ACLED columns plus ``injured``, ``location_ar``, ``disputed`` and
  ``article_ids``, typed (dates as dates, counts as integers).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from marsad.io.writers import write_jsonl
from marsad.taxonomy import COUNTRY_NAMES, INTER_LABELS, ISO_NUMERIC

if TYPE_CHECKING:
    from marsad.store.db import Store
    from marsad.store.query import EventFilter

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
#: ACLED's region of each country Marsad codes.
REGIONS = {"IRQ": "Middle East", "SYR": "Middle East"}
EXTRA_COLUMNS = ("injured", "location_ar", "disputed", "article_ids")


@dataclass(slots=True)
class ExportStats:
    """How many events were written, and how many left out (GeoJSON: no coordinates)."""

    written: int = 0
    left_out: int = 0


def inter_label(code: int) -> str:
    """ACLED's text for an inter code (empty for 0, no actor)."""
    return INTER_LABELS.get(code, "") if code else ""


def interaction_label(inter1: int, inter2: int) -> str:
    """ACLED's interaction text: "State forces-Rebel group" (lower code first) or "Rebel group only"."""
    if not inter2:
        return f"{inter_label(inter1)} only"
    low, high = sorted((inter1, inter2))
    return f"{inter_label(low)}-{inter_label(high)}"


def acled_row(record: dict[str, Any]) -> dict[str, Any]:
    """One merged event record as an ACLED row (the 31 columns)."""
    country = record["country"]
    return {
        "event_id_cnty": record["event_id"],
        "event_date": record["event_date"],
        "year": int(record["event_date"][:4]),
        "time_precision": record["time_precision"],
        "disorder_type": record["disorder_type"],
        "event_type": record["event_type"],
        "sub_event_type": record["sub_event_type"],
        "actor1": record["actor1"],
        "assoc_actor_1": "",
        "inter1": inter_label(record["inter1"]),
        "actor2": record["actor2"],
        "assoc_actor_2": "",
        "inter2": inter_label(record["inter2"]),
        "interaction": interaction_label(record["inter1"], record["inter2"]),
        "civilian_targeting": "Civilian targeting" if record["civilian_targeting"] else "",
        "iso": ISO_NUMERIC.get(country),
        "region": REGIONS.get(country, ""),
        "country": COUNTRY_NAMES.get(country, country),
        "admin1": record["admin1"],
        "admin2": record["admin2"],
        "admin3": record["admin3"],
        "location": record["location"],
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "geo_precision": record["geo_precision"],
        "source": record["source"],
        "source_scale": "",
        "notes": record["notes"],
        "fatalities": record["fatalities"],
        "tags": "",
        "timestamp": record.get("timestamp", 0),
    }


def write_acled_csv(records: Iterable[dict[str, Any]], out: TextIO) -> ExportStats:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    stats = ExportStats()
    for record in records:
        writer.writerow(acled_row(record))
        stats.written += 1
    return stats


def write_records_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> ExportStats:
    return ExportStats(written=write_jsonl(records, out))


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> ExportStats:
    """A GeoJSON FeatureCollection (RFC 7946) of event points, streamed feature by feature."""
    stats = ExportStats()
    out.write('{"type": "FeatureCollection", "features": [\n')
    for record in records:
        if record.get("latitude") is None or record.get("longitude") is None:
            stats.left_out += 1
            continue
        out.write(",\n" if stats.written else "")
        out.write(json.dumps(_feature(record), ensure_ascii=False))
        stats.written += 1
    out.write("\n]}\n")
    return stats


def _feature(record: dict[str, Any]) -> dict[str, Any]:
    properties = acled_row(record)
    properties.update(injured=record["injured"], location_ar=record["location_ar"], disputed=record["disputed"],
                      article_ids="; ".join(record["article_ids"]))
    return {"type": "Feature", "id": record["event_id"],
            "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
            "properties": properties}


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet export."""
    import pyarrow as pa

    types: dict[str, pa.DataType] = dict.fromkeys(ACLED_COLUMNS, pa.string())
    types.update(event_date=pa.date32(), year=pa.int32(), time_precision=pa.int32(), iso=pa.int32(),
                 latitude=pa.float64(), longitude=pa.float64(), geo_precision=pa.int32(), fatalities=pa.int64(),
                 timestamp=pa.int64(), injured=pa.int64(), location_ar=pa.string(), disputed=pa.bool_(),
                 article_ids=pa.list_(pa.string()))
    return pa.schema([(name, types[name]) for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS)])


def write_parquet(records: Iterable[dict[str, Any]], out: BinaryIO | str | Path) -> ExportStats:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    columns: dict[str, list[Any]] = {name: [] for name in schema.names}
    for record in records:
        row = acled_row(record)
        row["event_date"] = date.fromisoformat(record["event_date"])
        row.update(injured=record["injured"], location_ar=record["location_ar"], disputed=record["disputed"],
                   article_ids=list(record["article_ids"]))
        for name in schema.names:
            columns[name].append(row[name])
    table = pa.Table.from_pydict(columns, schema=schema)
    pq.write_table(table, out)
    return ExportStats(written=table.num_rows)


_TEXT_WRITERS = {"acled-csv": write_acled_csv, "jsonl": write_records_jsonl, "geojson": write_geojson}


def write_export(records: Iterable[dict[str, Any]], fmt: str, out: IO[Any] | str | Path) -> ExportStats:
    """Write ``records`` in ``fmt`` (one of :data:`FORMATS`) to a path or an open stream.

    A stream must be binary for ``parquet`` and text for the other formats.
    """
    if fmt == "parquet":
        return write_parquet(records, cast(BinaryIO, out) if not isinstance(out, (str, Path)) else out)
    writer = _TEXT_WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return writer(records, stream)
    return writer(records, cast(TextIO, out))


def export(store: Store, fmt: str, out: IO[Any] | str | Path, filters: EventFilter | None = None) -> ExportStats:
    """Export the stored events matching ``filters`` to ``out`` (see :func:`write_export`)."""
    from marsad.store.query import EventFilter, iter_events

    return write_export(iter_events(store, filters or EventFilter()), fmt, out)
