"""Merged events agree with themselves: notes, tolls, type and actors (issue 13, item 5).

The dev, train and validation articles are ingested into one temporary SQLite store, so
reports of one incident from different outlets and sets merge; every merged event is then
checked field against field.  Nothing here looks at what any article says.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.extract.notes import _ONE_SIDED, _WITH_TARGET, NoteFields, describe_record, sentence
from marsad.io.readers import read_path
from marsad.model import disorder_type, interaction
from marsad.store import ingest_articles, open_store, query_events
from marsad.store.combine import ARMED, consistent_sub_type
from marsad.taxonomy import EVENT_TYPES

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SETS = ("dev", "train", "validation")


@pytest.fixture(scope="module")
def merged_events(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    db = tmp_path_factory.mktemp("consistency") / "corpora.db"
    with open_store(db) as store:
        for name in SETS:
            ingest_articles(store, read_path(CORPUS / name / "articles.jsonl"))
        return query_events(store)


def _stated(notes: str, word: str) -> int:
    found = re.findall(rf"(\d+) {word}\b", notes)
    assert len(found) <= 1, notes
    return int(found[0]) if found else 0


def test_the_corpora_give_multi_report_events(merged_events: list[dict[str, Any]]) -> None:
    assert len(merged_events) > 200
    assert sum(len(e["article_ids"]) > 1 for e in merged_events) >= 10


def test_notes_state_the_merged_toll_actors_and_place(merged_events: list[dict[str, Any]]) -> None:
    for e in merged_events:
        notes = e["notes"]
        assert _stated(notes, "killed") == e["fatalities"], (e["event_id"], notes)
        assert _stated(notes, "wounded") == e["injured"], (e["event_id"], notes)
        assert e["actor1"] in notes and (not e["actor2"] or e["actor2"] in notes), (e["event_id"], notes)
        assert not e["admin1"] or e["admin1"] in notes, (e["event_id"], notes)
        if e["location"] and e["location"] != e["admin1"]:
            assert f"{e['location']} ({e['admin1']})" in notes, (e["event_id"], notes)
        assert "event of the type" not in notes and notes.endswith("."), notes
        assert notes == describe_record(e)


def test_tolls_are_the_lowest_stated_figure(merged_events: list[dict[str, Any]]) -> None:
    for e in merged_events:
        for name in ("fatalities", "injured"):
            reported = {t[name] for t in e["tolls"]}
            assert e[name] == 0 or e[name] in reported, (e["event_id"], name)
            assert e[name] <= max(reported), (e["event_id"], name)


def test_types_agree_with_actors_and_tolls(merged_events: list[dict[str, Any]]) -> None:
    for e in merged_events:
        assert EVENT_TYPES[e["sub_event_type"]] == e["event_type"]
        assert e["disorder_type"] == disorder_type(e["event_type"], e["sub_event_type"])
        assert e["interaction"] == interaction(e["inter1"], e["inter2"] or None)
        if e["sub_event_type"] == "Peaceful protest":
            assert e["fatalities"] == e["injured"] == 0, e["event_id"]
            assert e["inter1"] not in ARMED and e["inter2"] not in ARMED, e["event_id"]
        if e["sub_event_type"] == "Protest with intervention":
            assert e["fatalities"] == 0, e["event_id"]


@pytest.mark.parametrize(("sub", "inter1", "inter2", "killed", "hurt", "expected"), [
    ("Peaceful protest", 6, 0, 0, 0, "Peaceful protest"),
    ("Peaceful protest", 6, 1, 0, 0, "Protest with intervention"),
    ("Peaceful protest", 1, 6, 0, 0, "Protest with intervention"),
    ("Peaceful protest", 6, 0, 0, 3, "Protest with intervention"),
    ("Peaceful protest", 6, 1, 2, 5, "Excessive force against protesters"),
    ("Protest with intervention", 6, 1, 1, 0, "Excessive force against protesters"),
    ("Protest with intervention", 6, 1, 0, 4, "Protest with intervention"),
    ("Armed clash", 2, 1, 0, 0, "Armed clash"),
])
def test_consistent_sub_type(sub: str, inter1: int, inter2: int, killed: int, hurt: int, expected: str) -> None:
    assert consistent_sub_type(sub, inter1, inter2, killed, hurt) == expected


def _fields(sub: str, actor1: str, actor2: str, inter1: int = 2, inter2: int = 1) -> NoteFields:
    return NoteFields(date(2021, 8, 2), 1, sub, actor1, actor2, inter1, inter2 if actor2 else 0, "Al-Rashad",
                      "Kirkuk", 1, 2, 0)


@pytest.mark.parametrize("sub", list(EVENT_TYPES))
def test_every_sub_type_has_a_phrase_with_and_without_a_target(sub: str) -> None:
    assert sub in _WITH_TARGET and sub in _ONE_SIDED
    for actor1 in ("Islamic State", "Protesters"):
        one = sentence(_fields(sub, actor1, ""))
        two = sentence(_fields(sub, actor1, "Police Forces of Iraq"))
        assert one.startswith(f"On 2 August 2021, {actor1} {_ONE_SIDED[sub]} in Al-Rashad (Kirkuk); 2 killed.")
        assert f"{actor1} {_WITH_TARGET[sub]} Police Forces of Iraq in Al-Rashad" in two
        assert sub.lower() not in one.lower() or sub.lower() in _ONE_SIDED[sub].lower()


def test_protest_notes_read_from_the_side_of_actor1() -> None:
    force_first = sentence(_fields("Excessive force against protesters", "Police Forces of Iraq", "Protesters",
                                   inter1=1, inter2=6))
    assert "Police Forces of Iraq used excessive force against Protesters" in force_first
    protesters_first = sentence(_fields("Excessive force against protesters", "Protesters", "Police Forces of Iraq",
                                        inter1=6, inter2=1))
    assert "Protesters faced excessive force from Police Forces of Iraq" in protesters_first
    assert "Protesters excessive force" not in sentence(_fields("Excessive force against protesters", "Protesters", ""))
