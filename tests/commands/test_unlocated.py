"""Events with no place the gazetteer knows are never lost silently (issue 12, item 5).

``marsad extract`` says how many it left out; ``marsad ingest`` stores them flagged
``unlocated`` (each an event of its own, out of the default lists); ``marsad relocate``
places them once ``marsad gazetteer import`` taught the gazetteer their place, and they then
merge like any new report.  The place, "Testabad" (تستاباد), and its GeoNames rows are
invented; the reports vary the event type, the word order and the way the day is told.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.schema import DropSchema

from marsad.geo.gazetteer import Gazetteer
from marsad.geo.imports import import_geonames
from marsad.model import Article
from marsad.store import EventFilter, Store, count_events, ingest_articles, merge, open_store, query_events
from marsad.store import schema as tables
from marsad.store.migrations import MIGRATIONS, applied_versions, migrate
from marsad.store.relocate import relocate

PG_URL = os.environ.get("MARSAD_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        os.environ.get("MARSAD_TEST_PG") == "0", reason="MARSAD_TEST_PG=0: PostgreSQL tests switched off")),
]
PUBLISHED = "2020-03-04"

#: Two outlets on one shelling of Testabad the day before (active and passive voice, the place
#: before and after the toll), and one on an IED in Baghdad, a place the gazetteer knows.
SHELLING_A = "قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي استهدف بلدة تستاباد أمس."
SHELLING_B = "أسفر قصف مدفعي على بلدة تستاباد يوم أمس عن مقتل ثلاثة مدنيين وإصابة خمسة."
BAGHDAD = "انفجرت عبوة ناسفة في بغداد اليوم ما أدى إلى مقتل شخصين."
#: An attack in the same unknown town two days earlier, told with a weekday (Sunday): not the shelling.  Its
#: victim is a policeman, the police of the place's region, which an unlocated event does not know yet: read with
#: no place, the policeman is Iraq's (the default country); relocated, the record's sides follow its place.
CLASH = "قتل مسلحون مجهولون شرطيا في هجوم على حاجز في بلدة تستاباد الأحد."


def _geonames_row(gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str,
                  pop: int = 0) -> str:
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, "YE", "", "01", "", "", "", str(pop), "",
            "100", "Asia/Aden", "2020-01-01"]
    return "\t".join(cols)


def _dump(folder: Path) -> Path:
    """A small invented GeoNames country dump (YE.txt layout) that knows Testabad."""
    path = folder / "YE.txt"
    rows = [_geonames_row(900001, "Muhafazat Test", "Test Governorate,محافظة تجريبية", 15.0, 45.0, "A", "ADM1"),
            _geonames_row(900002, "Testabad", "Testabad,تستاباد", 15.1, 45.1, "P", "PPL", 12000)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _article(n: int, text_: str, outlet: str) -> Article:
    return Article(id=f"unloc-{n}", text=text_, title="", published=date.fromisoformat(PUBLISHED), outlet=outlet,
                   url=f"https://example.org/unlocated/{n}")


ARTICLES = [_article(1, SHELLING_A, "Outlet A"), _article(2, SHELLING_B, "Outlet B"), _article(3, BAGHDAD, "Outlet C"),
            _article(4, CLASH, "Outlet D")]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty ``MARSAD_HOME``: the packaged gazetteer only, until a test imports a dump."""
    folder = tmp_path / "home"
    monkeypatch.setenv("MARSAD_HOME", str(folder))
    monkeypatch.delenv("MARSAD_DB", raising=False)
    Gazetteer.clear_default()
    yield folder
    Gazetteer.clear_default()  # the next test loads the gazetteer of its own home


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def stores(backend: str, tmp_path: Path) -> Iterator[list[Store]]:
    """A factory's worth of fresh stores of the test's backend: append-on-demand via :func:`_new_store`."""
    opened: list[Store] = []
    yield opened
    for store in opened:
        if store.schema is not None:
            with store.engine.connect() as conn, conn.begin():
                conn.execute(DropSchema(store.schema, cascade=True))
        store.close()


def _new_store(stores: list[Store], backend: str, tmp_path: Path, migrate_: bool = True) -> Store:
    if backend == "sqlite":
        store = open_store(tmp_path / f"store-{len(stores)}.db", migrate=migrate_)
    else:
        store = open_store(PG_URL, schema=f"marsad_test_{uuid.uuid4().hex[:12]}", migrate=migrate_)
    stores.append(store)
    return store


def _marsad(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MARSAD_HOME": str(home)}
    env.pop("MARSAD_DB", None)
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120, check=False)


# --------------------------------------------------------------------------- marsad extract


@pytest.mark.parametrize("report", [SHELLING_A, SHELLING_B, CLASH])
def test_extract_says_how_many_events_had_no_known_place(report: str, home: Path) -> None:
    done = _marsad("extract", "--published", PUBLISHED, "-", home=home, stdin=report)
    assert done.returncode == 0 and done.stdout == ""
    notes = [line for line in done.stderr.splitlines() if "--include-unlocated" in line]
    assert len(notes) == 1, done.stderr
    assert notes[0].startswith("Note: 1 event with no place the gazetteer knows left out"), done.stderr
    kept = _marsad("extract", "--published", PUBLISHED, "--include-unlocated", "-", home=home, stdin=report)
    assert kept.returncode == 0 and "--include-unlocated" not in kept.stderr
    records = [json.loads(line) for line in kept.stdout.splitlines()]
    assert len(records) == 1 and records[0]["unlocated"] is True and records[0]["admin1"] == ""


def test_extract_says_nothing_when_every_event_is_placed(home: Path) -> None:
    done = _marsad("extract", "--published", PUBLISHED, "-", home=home, stdin=BAGHDAD)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 1 and "unlocated" not in done.stderr


# --------------------------------------------------------------------------- the commands end to end (SQLite)


def test_ingest_keeps_them_and_relocate_places_them_after_an_import(home: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "articles.jsonl"
    inputs.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": PUBLISHED, "outlet": a.outlet,
                                          "url": a.url}, ensure_ascii=False) + "\n" for a in ARTICLES),
                      encoding="utf-8")
    db = str(tmp_path / "cli.db")
    done = _marsad("ingest", "--db", db, str(inputs), home=home)
    assert done.returncode == 0 and "4 event records stored (3 without a known place)" in done.stderr, done.stderr

    def listed(*extra: str) -> str:
        shown = _marsad("events", "--db", db, *extra, home=home)
        assert shown.returncode == 0, shown.stderr
        return shown.stdout

    assert "1 events" in listed() and "3 events" not in listed()
    assert "4 events" in listed("--include-unlocated")
    assert _marsad("gazetteer", "import", str(_dump(tmp_path)), home=home).returncode == 0
    moved = _marsad("relocate", "--db", db, home=home)
    assert moved.returncode == 0 and "3 placed, 0 still without a known place" in moved.stderr, moved.stderr
    assert "3 events" in listed()  # the two reports of the shelling are one event now
    again = _marsad("relocate", "--db", db, home=home)
    assert "0 unlocated event records" in again.stderr


# --------------------------------------------------------------------------- the store (SQLite and PostgreSQL)


def test_unlocated_records_are_stored_apart(home: Path, backend: str, tmp_path: Path, stores: list[Store]) -> None:
    store = _new_store(stores, backend, tmp_path)
    stats = ingest_articles(store, ARTICLES)
    assert (stats.mentions, stats.unlocated) == (4, 3) and "3 without a known place" in stats.summary()
    assert count_events(store) == 1 and count_events(store, EventFilter(include_unlocated=True)) == 4
    unlocated = [e for e in query_events(store, EventFilter(include_unlocated=True)) if e.get("unlocated")]
    assert len(unlocated) == 3  # the two shelling reports are not merged: their place is unknown
    assert all(e["event_id"].startswith("XXX") and e["admin1"] == "" and len(e["article_ids"]) == 1
               for e in unlocated)
    with store.read() as conn:
        flags = conn.execute(select(tables.events.c.unlocated, tables.events.c.admin1)).all()
    assert sorted(flags) == [(False, "Baghdad"), (True, ""), (True, ""), (True, "")]


def test_relocate_places_them_and_merges_like_a_fresh_ingest(home: Path, backend: str, tmp_path: Path,
                                                             stores: list[Store]) -> None:
    store = _new_store(stores, backend, tmp_path)
    ingest_articles(store, ARTICLES)
    assert relocate(store).placed == 0  # the gazetteer does not know Testabad yet
    import_geonames(_dump(tmp_path), home / "gazetteer")
    Gazetteer.clear_default()
    stats = relocate(store)
    assert (stats.checked, stats.placed, stats.left, stats.articles) == (3, 3, 0, 3)
    assert count_events(store) == 3 == count_events(store, EventFilter(include_unlocated=True))
    events = {e["sub_event_type"]: e for e in query_events(store)}
    shelling = events["Shelling/artillery/missile attack"]
    assert (shelling["location"], shelling["country"], shelling["article_ids"]) == \
        ("Testabad", "YEM", ["unloc-1", "unloc-2"])
    assert "unlocated" not in shelling and all("location" in ev for ev in shelling["evidence"].values())
    fresh = _new_store(stores, backend, tmp_path)
    ingest_articles(fresh, ARTICLES)  # the same reports, read with the gazetteer that knows Testabad
    assert _without_time(query_events(store)) == _without_time(query_events(fresh))
    assert merge(store, rebuild=True).created == 0  # a rebuild finds nothing to change
    assert _without_time(query_events(store)) == _without_time(query_events(fresh))
    assert relocate(store).checked == 0


def test_a_report_ingested_after_the_import_joins_the_relocated_event(home: Path, backend: str, tmp_path: Path,
                                                                      stores: list[Store]) -> None:
    store = _new_store(stores, backend, tmp_path)
    ingest_articles(store, ARTICLES[:1])
    import_geonames(_dump(tmp_path), home / "gazetteer")
    Gazetteer.clear_default()
    relocate(store)
    (first,) = query_events(store)
    ingest_articles(store, ARTICLES[1:2])
    (joined,) = query_events(store)
    assert joined["event_id"] == first["event_id"] and joined["article_ids"] == ["unloc-1", "unloc-2"]


#: Reports from an invented Syrian town, Qaryat Tajriba (قرية تجريبة), whose sides are region-dependent: a policeman
#: killed (the victim), the security forces arresting (the initiator, passive voice), a police patrol attacked
#: (plural, the town before the act).  Unlocated, their police are Iraq's (the default country); placed in Syria,
#: Syria's.
SYRIAN = [
    "قتل مسلحون مجهولون شرطيا في هجوم على حاجز في قرية تجريبة الأحد.",
    "اعتقل ثلاثة مطلوبين على يد قوات الأمن في قرية تجريبة أمس.",
    "في قرية تجريبة هاجم مسلحون دورية للشرطة أمس وقتلوا اثنين من عناصرها.",
]


def _syrian_dump(folder: Path) -> Path:
    """An invented GeoNames row of Syria (SY.txt layout, admin1 10: Hama) that knows Qaryat Tajriba."""
    path = folder / "SY.txt"
    cols = ["900101", "Qaryat Tajriba", "Qaryat Tajriba", "Qaryat Tajriba,تجريبة", "35.2", "36.7", "P", "PPL", "SY",
            "", "10", "", "", "", "3000", "", "300", "Asia/Damascus", "2020-01-01"]
    path.write_text("\t".join(cols) + "\n", encoding="utf-8")
    return path


ROLE_FIELDS = ("disorder_type", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction",
               "civilian_targeting")


@pytest.mark.parametrize("report", SYRIAN)
def test_relocated_sides_follow_the_region_of_the_new_place(report: str, home: Path, backend: str, tmp_path: Path,
                                                           stores: list[Store]) -> None:
    article = _article(10, report, "Outlet S")
    store = _new_store(stores, backend, tmp_path)
    ingest_articles(store, [article])
    (before,) = query_events(store, EventFilter(include_unlocated=True))
    assert before.get("unlocated") and "Iraq" in before["actor1"] + before["actor2"]  # read with no place
    import_geonames(_syrian_dump(tmp_path), home / "gazetteer")
    Gazetteer.clear_default()
    assert relocate(store).placed == 1
    (after,) = query_events(store)
    assert (after["country"], after["admin1"], after["location"]) == ("SYR", "Hama", "Qaryat Tajriba")
    assert "Iraq" not in after["actor1"] + after["actor2"] and "Syria" in after["actor1"] + after["actor2"]
    fresh = _new_store(stores, backend, tmp_path)
    ingest_articles(fresh, [article])  # the same report, read with the gazetteer that knows the town
    (expected,) = query_events(fresh)
    assert {k: after[k] for k in ROLE_FIELDS} == {k: expected[k] for k in ROLE_FIELDS}
    assert after["evidence"] == expected["evidence"] and after.get("basis") == expected.get("basis")
    assert _without_time([after]) == _without_time([expected])
    with store.read() as conn:  # the mention's columns agree with its record
        (mention,) = conn.execute(select(tables.mentions)).mappings().all()
    assert {k: mention[k] for k in ROLE_FIELDS} == {k: mention["record"][k] for k in ROLE_FIELDS}
    assert {k: mention[k] for k in ROLE_FIELDS} == {k: expected[k] for k in ROLE_FIELDS}
    _assert_aggregates_match(store)


def test_a_record_whose_type_the_new_place_changes_is_still_placed(home: Path, backend: str, tmp_path: Path,
                                                                   stores: list[Store]) -> None:
    """The type follows the initiator, whom the region decides (an air force's attack is an air strike): the
    record is matched by its date and trigger then, and takes the new type with the new sides."""
    from dataclasses import replace

    from marsad.pipeline import extract_events

    store = _new_store(stores, backend, tmp_path)
    ingest_articles(store, [ARTICLES[3]])
    import_geonames(_dump(tmp_path), home / "gazetteer")
    Gazetteer.clear_default()

    def retyped(article: Article) -> list[Any]:  # as if the place's region made the attacker an air force
        return [replace(e, sub_event_type="Air/drone strike", event_type="Explosions/Remote violence")
                for e in extract_events(article, include_unlocated=True)]

    stats = relocate(store, extract=retyped)
    assert (stats.checked, stats.placed) == (1, 1)
    (event,) = query_events(store)
    assert (event["sub_event_type"], event["event_type"], event["disorder_type"], event["location"]) == \
        ("Air/drone strike", "Explosions/Remote violence", "Political violence", "Testabad")
    _assert_aggregates_match(store)
    assert relocate(store).checked == 0


def _assert_aggregates_match(store: Store) -> None:
    """The kept day counts are those of the stored events (the relocated records' new types and places)."""
    from sqlalchemy import func

    ev, ed = tables.events, tables.event_days
    keys = (ev.c.country, ev.c.event_date, ev.c.admin1, ev.c.admin2, ev.c.event_type, ev.c.sub_event_type,
            ev.c.unlocated)
    with store.read() as conn:
        expected = {tuple(r[:-1]): r[-1] for r in conn.execute(select(*keys, func.count()).group_by(*keys))}
        kept = {tuple(r[:7]): r.events for r in conn.execute(select(ed)) if r.events}
    assert kept == expected


def _without_time(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "timestamp"} for r in records]


def test_an_older_store_gains_the_flag_on_open(backend: str, tmp_path: Path, stores: list[Store]) -> None:
    old = _new_store(stores, backend, tmp_path, migrate_=False)
    migrate(old.engine, upto=2)
    prefix = f'"{old.schema}".' if old.schema else ""
    with old.engine.connect() as conn, conn.begin():  # as version 2 left it: no unlocated column
        conn.execute(text("DROP INDEX IF EXISTS " + prefix + "ix_mentions_unlocated"))
        for table in ("mentions", "events"):
            conn.execute(text(f"ALTER TABLE {prefix}{table} DROP COLUMN unlocated"))
    reopened = open_store(tmp_path / "store-0.db") if backend == "sqlite" else open_store(PG_URL, schema=old.schema)
    try:
        with reopened.read() as conn:
            assert applied_versions(conn) == [m.version for m in MIGRATIONS]
        stats = ingest_articles(reopened, ARTICLES[:1])
        assert stats.unlocated == 1 and count_events(reopened) == 0
        assert count_events(reopened, EventFilter(include_unlocated=True)) == 1
    finally:
        reopened.close()


def test_the_api_lists_them_only_when_asked(home: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from marsad.api.app import create_app

    db = tmp_path / "api.db"
    with open_store(db) as store:
        ingest_articles(store, ARTICLES)
    with TestClient(create_app(str(db), token="")) as client:
        listed = client.get("/api/events").json()
        everything = client.get("/api/events", params={"unlocated": "true"}).json()
        points = client.get("/api/events", params={"unlocated": "true", "format": "geojson"}).json()
        weekly = client.get("/api/stats").json()
    assert listed["total"] == 1 and listed["events"][0]["location"] == "Baghdad"
    assert everything["total"] == 4 and sum(bool(e.get("unlocated")) for e in everything["events"]) == 3
    assert len(points["features"]) == 1  # no point on the map without a place
    assert sum(weekly["total"]) == 1


def test_exports_and_gaps_leave_them_out(home: Path, tmp_path: Path) -> None:
    from marsad.analysis.gaps import gaps_from_store
    from marsad.io.exports import export

    with open_store(tmp_path / "out.db") as store:
        ingest_articles(store, ARTICLES)
        out = tmp_path / "events.jsonl"
        export(store, "jsonl", out)
        exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        areas = {row.area for row in gaps_from_store(store, min_events=1, event_types=None)}
    assert [e["location"] for e in exported] == ["Baghdad"]
    assert "" not in areas and all(area for area in areas)


def test_an_unlocated_report_merges_with_no_other() -> None:
    from marsad.store.rules import Mention, cluster, compatible

    def mention(pk: int, admin1: str, country: str) -> Mention:
        record = {"event_date": "2020-03-03", "country": country, "admin1": admin1, "admin2": "", "location": "",
                  "latitude": None, "longitude": None, "geo_precision": 3, "event_type": "Battles",
                  "actor1": "Unidentified armed group", "actor2": ""}
        return Mention(pk=pk, article_pk=pk, article_key=f"k{pk}", article_id=f"a{pk}", outlet=f"O{pk}",
                       published=date(2020, 3, 4), ordinal=0, place_id="", record=record)

    unknown = [mention(1, "", ""), mention(2, "", ""), mention(3, "", "SYR")]
    governorate = [mention(4, "Nineveh", "IRQ"), mention(5, "Nineveh", "IRQ")]
    assert not any(compatible(a, b) for a in unknown for b in unknown if a is not b)
    assert compatible(*governorate)  # the same reports with a governorate do merge (precision 3)
    assert sorted(len(g) for g in cluster([*unknown, *governorate])) == [1, 1, 1, 2]


def test_relocate_leaves_alone_what_an_ingest_replaced_meanwhile(home: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from marsad.pipeline import extract_events

    with open_store(tmp_path / "race.db") as store:
        ingest_articles(store, ARTICLES[:1])
        import_geonames(_dump(tmp_path), home / "gazetteer")
        Gazetteer.clear_default()
        changed = replace(ARTICLES[0], text=ARTICLES[0].text + " وأعلنت السلطات الحداد.")

        def extract_while_an_update_lands(article: Article) -> list[Any]:
            ingest_articles(store, [changed])  # the same URL with a new text: its records are replaced
            return extract_events(article, include_unlocated=True)

        stats = relocate(store, extract=extract_while_an_update_lands)
        (event,) = query_events(store, EventFilter(include_unlocated=True))
    assert (stats.checked, stats.placed) == (1, 0)
    assert event["location"] == "Testabad" and not event.get("unlocated")
