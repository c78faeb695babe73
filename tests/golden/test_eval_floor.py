"""The evaluation gate: scores on the dev set may not drop below the recorded floors.

Floors live in ``floors.json`` beside this file.  Raise them when extraction improves (quote
the before/after ``marsad eval`` figures in the commit); lowering one needs a reason in the
commit message — CI reads this test, not good intentions.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from marsad.evaluation import evaluate
from marsad.geo.gazetteer import Gazetteer
from marsad.pipeline import extract_events

HERE = Path(__file__).parent
DEV = HERE.parent / "corpus" / "dev"
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))


def test_dev_corpus_is_unchanged():
    for line in (DEV / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((DEV / name).read_bytes()).hexdigest() == digest, name


@pytest.fixture(scope="module")
def summary(dev_items):
    gazetteer = Gazetteer.default()

    def coordinates(record):  # type: ignore[no-untyped-def]
        found = gazetteer.search(record.get("location_ar", ""), record.get("admin1") or None)
        return (found[0].lat, found[0].lon) if found else None

    report = evaluate(dev_items, lambda a: [e.to_record() for e in extract_events(a)], coordinates)
    return report.summary()


@pytest.mark.parametrize("name", ["precision", "recall", "f1"])
def test_event_scores_hold(summary, name):
    assert summary[name] >= FLOORS[name], f"{name} {summary[name]} fell below the floor {FLOORS[name]}"


@pytest.mark.parametrize("name", sorted(FLOORS["fields"]))
def test_field_accuracy_holds(summary, name):
    assert summary["fields"][name] >= FLOORS["fields"][name], (
        f"{name} {summary['fields'][name]} fell below the floor {FLOORS['fields'][name]}")


def test_false_alarms_stay_rare(summary):
    assert summary["false_alarm_rate"] <= FLOORS["max_false_alarm_rate"]
