"""The packaged gazetteer, its build, and GeoNames imports into the user gazetteer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.geo.gazetteer import Gazetteer
from marsad.geo.imports import import_geonames
from marsad.text.normalise import normalise
from marsad.text.tokens import tokenise

ROOT = Path(__file__).resolve().parents[2]
# codebook §4
IRAQ = {"Anbar", "Babil", "Baghdad", "Basra", "Dahuk", "Dhi Qar", "Diyala", "Erbil", "Halabja", "Karbala", "Kirkuk",
        "Maysan", "Muthanna", "Najaf", "Ninewa", "Qadisiyah", "Salah al-Din", "Sulaymaniyah", "Wasit"}
SYRIA = {"Aleppo", "Al-Hasakah", "Ar-Raqqa", "As-Suwayda", "Damascus", "Daraa", "Deir ez-Zor", "Hama", "Homs",
         "Idlib", "Lattakia", "Quneitra", "Rural Damascus", "Tartus"}


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.load()


def test_every_place_uses_codebook_admin1(gz: Gazetteer) -> None:
    assert len(gz) > 3500
    for p in gz.places:
        if p.country not in ("IRQ", "SYR"):  # a place abroad (curated.toml [[abroad]]): no admin units
            assert p.id.startswith("marsad:abroad-") and not (p.admin1 or p.admin2 or p.admin3), p
            continue
        assert p.admin1 in (IRAQ if p.country == "IRQ" else SYRIA), p
        assert -90 <= p.lat <= 90 and -180 <= p.lon <= 180
        if p.country == "SYR" and p.kind != "governorate":
            assert p.admin2, p  # OCHA districts (admin2) for every Syrian place below a governorate


def test_governorates_point_at_their_capitals(gz: Gazetteer) -> None:
    assert {g.admin1 for g in gz.governorates()} == IRAQ | SYRIA
    ninewa, mosul = gz.governorate("Ninewa"), gz.by_id("gn:99072")
    assert ninewa is not None and mosul is not None and mosul.name_en == "Mosul"
    assert (ninewa.lat, ninewa.lon) == (mosul.lat, mosul.lon)
    assert gz.governorate("Atlantis") is None


@pytest.mark.parametrize(("name", "admin1"), [
    ("الأنبار", "Anbar"), ("بابل", "Babil"), ("بغداد", "Baghdad"), ("البصرة", "Basra"), ("دهوك", "Dahuk"),
    ("ذي قار", "Dhi Qar"), ("ديالى", "Diyala"), ("أربيل", "Erbil"), ("حلبجة", "Halabja"), ("كربلاء", "Karbala"),
    ("كركوك", "Kirkuk"), ("ميسان", "Maysan"), ("المثنى", "Muthanna"), ("النجف", "Najaf"), ("نينوى", "Ninewa"),
    ("القادسية", "Qadisiyah"), ("الديوانية", "Qadisiyah"), ("صلاح الدين", "Salah al-Din"),
    ("السليمانية", "Sulaymaniyah"), ("واسط", "Wasit"), ("حلب", "Aleppo"), ("الحسكة", "Al-Hasakah"),
    ("الرقة", "Ar-Raqqa"), ("السويداء", "As-Suwayda"), ("دمشق", "Damascus"), ("ريف دمشق", "Rural Damascus"),
    ("درعا", "Daraa"), ("دير الزور", "Deir ez-Zor"), ("حماة", "Hama"), ("حمص", "Homs"), ("إدلب", "Idlib"),
    ("اللاذقية", "Lattakia"), ("القنيطرة", "Quneitra"), ("طرطوس", "Tartus"),
])
def test_common_governorate_names(gz: Gazetteer, name: str, admin1: str) -> None:
    kinds = {p.kind for p in gz.search(name, admin1)}
    assert "governorate" in kinds


def test_disputed_is_exactly_the_codebook_list(gz: Gazetteer) -> None:
    disputed_districts = {p.admin2 for p in gz.places if p.kind == "district" and p.disputed}
    assert disputed_districts == {"Sinjar", "Telafar", "Tilkaef", "Al-Hamdaniya", "Al-Shikhan", "Makhmour",
                                  "Khanaqin", "Kifri", "Tooz Khurmato", "Al-Hawiga", "Daquq", "Dibis", "Kirkuk"}
    assert all(p.disputed for p in gz.places if p.admin1 == "Kirkuk")
    assert not any(p.disputed for p in gz.places if p.admin2 in ("Aqra", "Baladruz"))  # UNAMI lists them, not we
    assert not any(p.disputed for p in gz.places if p.country == "SYR")


def test_halabja_is_its_own_governorate(gz: Gazetteer) -> None:
    town = gz.search("حلبجة")[0]
    assert town.kind == "town" and town.admin1 == "Halabja"


def test_search_ranks_the_settlement_first_and_ignores_cues(gz: Gazetteer) -> None:
    assert gz.search("مدينة الموصل")[0].id == "gn:99072"
    assert gz.search("الموصل")[0].id == "gn:99072"
    assert gz.search("موصل")[0].id == "gn:99072"
    assert gz.search("الديوانية", "Qadisiyah")[0].kind == "city"
    assert gz.search("البصرة", "Kirkuk") == []
    assert gz.search("عانة")[0].admin1 == "Anbar"  # news spelling of COD/GeoNames عنه


def test_find_is_clitic_aware_and_respects_the_article(gz: Gazetteer) -> None:
    def names(text: str) -> set[str]:
        norm = normalise(text).text
        return {m.payload.id for m in gz.find(norm, tokenise(norm))}

    assert "gn:94787" in names("هجوم بكركوك")
    assert "gn:94787" in names("وكركوك")
    assert "gn:99072" in names("لمدينة الموصل")
    balad = {p.id for p in gz.search("بلد") if p.admin1 == "Salah al-Din"}
    assert balad & names("قضاء بلد")
    assert not balad & names("في هذا البلد")  # البلد, "the country", is not Balad


def test_packaged_data_is_small_and_loads_fast() -> None:
    root = resources.files("marsad").joinpath("data")
    size = sum(f.stat().st_size for d in ("gazetteer", "geo") for f in Path(str(root.joinpath(d))).rglob("*"))
    assert size < 30 * 2**20
    start = time.process_time()  # CPU time: what loading costs, whatever else shares the machine
    Gazetteer.load()
    assert time.process_time() - start < 1.0  # about 0.1 s on a laptop core; generous for CI


def test_districts_geojson() -> None:
    path = Path(str(resources.files("marsad").joinpath("data/geo/districts.geojson")))
    assert path.stat().st_size <= 1.5 * 2**20
    doc = json.loads(path.read_text(encoding="utf-8"))
    props = [f["properties"] for f in doc["features"]]
    assert sum(p["country"] == "IRQ" for p in props) == 101 and sum(p["country"] == "SYR" for p in props) == 62
    assert {p["admin1"] for p in props} == IRAQ | SYRIA
    assert all(p["disputed"] for p in props if p["admin1"] == "Kirkuk")
    assert not any(p["disputed"] for p in props if p["admin2"] == "Aqra")


SOURCE = Path(os.environ.get("MARSAD_GAZETTEER_SOURCE", "/work/shared/data/gazetteer"))
if not SOURCE.is_dir():
    SOURCE = ROOT.parent / "shared" / "data" / "gazetteer"


@pytest.mark.skipif(not SOURCE.is_dir(), reason="the open place data (shared/data/gazetteer) is not here")
def test_build_is_deterministic_and_matches_the_package(tmp_path: Path) -> None:
    pytest.importorskip("shapely")
    out = tmp_path / "gz"
    cmd = [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--source", str(SOURCE), "--out", str(out),
           "--geojson", str(tmp_path / "districts.geojson")]
    subprocess.run(cmd, check=True, capture_output=True)
    packaged = Path(str(resources.files("marsad").joinpath("data/gazetteer")))
    assert (out / "places.tsv").read_bytes() == (packaged / "places.tsv").read_bytes()
    assert (out / "geonames_admin1.tsv").read_bytes() == (packaged / "geonames_admin1.tsv").read_bytes()


# --- GeoNames imports ------------------------------------------------------------------------------

def _row(gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str, admin1: str,
         pop: int = 0, cc: str = "YE") -> str:
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, cc, "", admin1, "", "", "", str(pop), "",
            "100", "Asia/Aden", "2020-01-01"]
    return "\t".join(cols)


def _dump(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "YE.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


# Synthetic rows in the GeoNames layout (the values are made up; the layout is what is tested).
ROWS = [
    _row(900001, "Muhafazat Test", "Test Governorate,محافظة تجريبية", 15.0, 45.0, "A", "ADM1", "01"),
    _row(900002, "Testabad", "Testabad,تستاباد", 15.1, 45.1, "P", "PPL", "01", 12000),
    _row(900003, "Nameless", "Nameless", 15.2, 45.2, "P", "PPL", "01", 500),
    _row(900004, "Wadi Test", "وادي تجربة", 15.3, 45.3, "H", "WAD", "01"),
]


def test_import_adds_places_with_arabic_names(tmp_path: Path) -> None:
    dest = tmp_path / "home" / "gazetteer"
    result = import_geonames(_dump(tmp_path, ROWS), dest)
    assert (result.country, result.places, result.rows) == ("YEM", 2, 4)
    gz = Gazetteer.load(dest)
    town = gz.search("تستاباد")[0]
    assert (town.id, town.kind, town.country, town.admin1, town.population) == \
        ("gn:900002", "town", "YEM", "Muhafazat Test", 12000)
    assert gz.governorate("Muhafazat Test") is not None
    assert gz.search("وادي تجربة") == []  # a wadi is not a populated place or an admin unit
    norm = normalise("قصف على بلدة تستاباد").text
    assert [m.payload.id for m in gz.find(norm, tokenise(norm))] == ["gn:900002"]


@pytest.mark.parametrize(("bad", "line", "problem"), [
    ("1\tonly three\tcolumns", 2, "columns"),
    (_row(900009, "X", "س", 99.0, 45.0, "P", "PPL", "01"), 2, "out of range"),
    (_row(900009, "X", "س", 15.0, 45.0, "P", "PPL", "01").replace("\t15.0\t", "\tnorth\t"), 2, "not numbers"),
    (_row(900009, "X", "س", 15.0, 45.0, "P", "PPL", "01", cc="ye"), 2, "country code"),
])
def test_import_names_file_and_line_of_bad_input(tmp_path: Path, bad: str, line: int, problem: str) -> None:
    dest = tmp_path / "gazetteer"
    import_geonames(_dump(tmp_path, ROWS[:2]), dest)
    before = (dest / "YE.tsv").read_bytes()
    with pytest.raises(InputError) as exc:
        import_geonames(_dump(tmp_path, [ROWS[0], bad]), dest)
    assert exc.value.line == line and problem in str(exc.value) and "YE.txt" in str(exc.value)
    assert (dest / "YE.tsv").read_bytes() == before  # what was stored is untouched


def test_import_command_gives_one_line_errors(tmp_path: Path) -> None:
    if shutil.which("marsad") is None:
        pytest.skip("the marsad command is not installed")
    bad = tmp_path / "XX.txt"
    bad.write_bytes(b"\xff\xfe not text")
    env = {**os.environ, "MARSAD_HOME": str(tmp_path / "home")}
    done = subprocess.run(["marsad", "gazetteer", "import", str(bad)], capture_output=True, text=True, env=env)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "XX.txt" in done.stderr and "Traceback" not in done.stderr
    good = _dump(tmp_path, ROWS)
    done = subprocess.run(["marsad", "gazetteer", "import", str(good)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    done = subprocess.run(["marsad", "geocode", "--json", "انفجار في تستاباد"], capture_output=True, text=True,
                          env=env)
    assert json.loads(done.stdout.splitlines()[0])["location"]["country"] == "YEM"
