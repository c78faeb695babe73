"""The CLI as a daily user meets it: filters in their own spelling, stores that must exist, a busy
port, help texts whole, counts in the right number."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.commands._common import counted
from marsad.errors import UsageError
from marsad.filters import resolve_admin1, resolve_type

DEV = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "articles.jsonl"


def marsad(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert "Traceback" not in done.stderr
    return done


@pytest.mark.parametrize(("typed", "name"), [
    ("Basra", "Basra"), ("basra", "Basra"), ("Basrah", "Basra"), ("Al-Basra", "Basra"), ("البصرة", "Basra"),
    ("Nineveh", "Ninewa"), ("نينوى", "Ninewa"), ("Salahuddin", "Salah al-Din"), ("صلاح الدين", "Salah al-Din"),
    ("Deir al-Zour", "Deir ez-Zor"), ("Raqqa", "Ar-Raqqa"), ("ريف دمشق", "Rural Damascus"), ("Latakia", "Lattakia"),
    ("Sulaimaniyah", "Sulaymaniyah"), ("Kerkuk", "Kirkuk"),
])
def test_governorates_in_their_users_spellings(typed: str, name: str) -> None:
    assert resolve_admin1(typed) == name


@pytest.mark.parametrize(("typed", "name"), [
    ("IED", "Remote explosive/landmine/IED"), ("ied", "Remote explosive/landmine/IED"), ("battles", "Battles"),
    ("Armed clash", "Armed clash"), ("airstrike", "Air/drone strike"), ("protest", "Protests"),
    ("Violence against civilians", "Violence against civilians"), ("shelling", "Shelling/artillery/missile attack"),
])
def test_types_by_full_or_short_name(typed: str, name: str) -> None:
    assert resolve_type(typed) == name


def test_an_unknown_value_is_refused_with_suggestions() -> None:
    with pytest.raises(UsageError, match="did you mean: .*Basra"):
        resolve_admin1("Basora City")
    with pytest.raises(UsageError, match="no event type 'parade'"):
        resolve_type("parade")


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("desk") / "dev.db"
    assert marsad("ingest", str(DEV), "--db", str(path), "--workers", "1", timeout=600).returncode == 0
    return str(path)


def _exported(db: str, *filters: str) -> list[dict]:
    done = marsad("export", "--format", "jsonl", "--db", db, *filters)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_filters_accept_arabic_and_english_spellings(dev_store: str) -> None:
    basra = _exported(dev_store, "--admin1", "Basra")
    assert basra and all(e["admin1"] == "Basra" for e in basra)
    assert _exported(dev_store, "--admin1", "البصرة") == basra == _exported(dev_store, "--admin1", "Basrah")
    ieds = _exported(dev_store, "--type", "IED")
    assert ieds and all(e["sub_event_type"] == "Remote explosive/landmine/IED" for e in ieds)


def test_a_filter_that_matches_no_value_is_a_usage_error(dev_store: str) -> None:
    done = marsad("export", "--db", dev_store, "--admin1", "Narnia")
    assert done.returncode == 2 and "--admin1: no governorate 'Narnia'" in done.stderr


@pytest.mark.parametrize("command", [["export"], ["gaps"], ["merge"], ["events"], ["relocate"]])
def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    done = marsad(*command, "--db", str(missing))
    assert done.returncode == 1
    assert done.stderr.strip() == (f"Error: {missing}: no such store (check the path, or create it with "
                                   "`marsad ingest` or `marsad demo`)")
    assert not missing.exists()


def test_serve_on_a_busy_port_is_one_line_and_exit_1(dev_store: str) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = marsad("serve", "--db", dev_store, "--port", str(port), timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot listen there" in lines[0] and "Dashboard" not in done.stderr


def test_help_lists_every_command_with_its_whole_first_sentence() -> None:
    done = subprocess.run([sys.executable, "-m", "marsad.cli", "--help"], capture_output=True, text=True,
                          env={"COLUMNS": "80", "PATH": ""}, check=True)
    commands = done.stdout.split("Commands:", 1)[1]
    assert "..." not in commands and "ingest" in commands


def test_counts_take_the_right_number() -> None:
    assert [counted(1, "articles"), counted(2, "articles"), counted(0, "events")] == [
        "1 article", "2 articles", "0 events"]


def _table(*args: str, columns: int = 80) -> str:
    import os

    done = subprocess.run([sys.executable, "-m", "marsad.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": str(columns)}, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_events_lists_the_newest_first_unless_asked(dev_store: str) -> None:
    import re

    def dates(text: str) -> list[str]:
        return re.findall(r"^│ (\d{4}-\d{2}-\d{2}) ", text, flags=re.M)

    newest = dates(_table("events", "--db", dev_store, "--limit", "5"))
    oldest = dates(_table("events", "--db", dev_store, "--limit", "5", "--oldest-first"))
    everything = sorted(e["event_date"] for e in _exported(dev_store))
    assert newest == sorted(newest, reverse=True) and newest[0] == everything[-1]
    assert oldest == sorted(oldest) and oldest[0] == everything[0]


@pytest.mark.parametrize("columns", [80, 100, 160])
def test_the_events_table_fits_the_terminal_and_never_breaks_a_header(dev_store: str, columns: int) -> None:
    text = _table("events", "--db", dev_store, "--limit", "10", columns=columns)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= columns
    header = next(line for line in lines if "date" in line and "killed" in line)
    for name in ("date", "type", "actors", "place", "killed", "wounded"):
        assert f" {name} " in header


def test_ingest_help_offers_only_what_ingest_takes() -> None:
    done = subprocess.run([sys.executable, "-m", "marsad.cli", "ingest", "--help"], capture_output=True, text=True,
                          check=True)
    assert "--format" not in done.stdout.replace("`extract --format parquet`", "")
