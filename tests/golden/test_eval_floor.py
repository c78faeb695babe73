"""The evaluation gate: scores on each gold set may not drop below its recorded floors.

Floors live in ``floors.json`` beside this file, one block per set (dev, train, validation).
Raise them when extraction improves (quote the before/after ``marsad eval`` figures in the
commit); lowering one needs a reason in the commit message — CI reads this test, not good
intentions.  Validation is read here only as aggregate numbers, as everywhere else.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from marsad.evaluation import evaluate, load_gold
from marsad.geo.gazetteer import Gazetteer
from marsad.pipeline import extract_events

HERE = Path(__file__).parent
CORPUS = HERE.parent / "corpus"
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
SETS = sorted(FLOORS)


@pytest.mark.parametrize("gold_set", SETS)
def test_corpus_is_unchanged(gold_set):
    folder = CORPUS / gold_set
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"{gold_set}/{name}"


@pytest.fixture(scope="module")
def summaries():
    gazetteer = Gazetteer.default()

    def coordinates(record):  # type: ignore[no-untyped-def]
        found = gazetteer.search(record.get("location_ar", ""), record.get("admin1") or None)
        return (found[0].lat, found[0].lon) if found else None

    def score(gold_set: str) -> dict:
        items = load_gold(CORPUS / gold_set)
        report = evaluate(items, lambda a: [e.to_record() for e in extract_events(a)], coordinates)
        return report.summary()

    return {gold_set: score(gold_set) for gold_set in SETS}


@pytest.mark.parametrize("gold_set", SETS)
@pytest.mark.parametrize("name", ["precision", "recall", "f1"])
def test_event_scores_hold(summaries, gold_set, name):
    got, floor = summaries[gold_set][name], FLOORS[gold_set][name]
    assert got >= floor, f"{gold_set} {name} {got} fell below the floor {floor}"


@pytest.mark.parametrize("gold_set", SETS)
@pytest.mark.parametrize("name", sorted(FLOORS["dev"]["fields"]))
def test_field_accuracy_holds(summaries, gold_set, name):
    got, floor = summaries[gold_set]["fields"][name], FLOORS[gold_set]["fields"][name]
    assert got >= floor, f"{gold_set} {name} {got} fell below the floor {floor}"


@pytest.mark.parametrize("gold_set", SETS)
def test_false_alarms_stay_rare(summaries, gold_set):
    got, ceiling = summaries[gold_set]["false_alarm_rate"], FLOORS[gold_set]["max_false_alarm_rate"]
    assert got <= ceiling, f"{gold_set} false alarms {got} above {ceiling}"
