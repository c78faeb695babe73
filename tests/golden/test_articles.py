"""One golden test per sampled dev article: how its extracted events differ from its hand-made gold.

``articles.json`` (next to this file) records, for every fifth dev article, each difference the
extractor has today: a missed or a spurious event, or a field that disagrees.  A test fails when
an article's differences change either way: a regression is a new line, an improvement a line
to delete.  After a deliberate change, rewrite the record and review it in the commit's diff:

    python tests/golden/test_articles.py --write
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.evaluation import FIELDS, field_agrees, load_gold, match
from marsad.model import Article
from marsad.pipeline import extract_events

HERE = Path(__file__).resolve().parent
DEV = HERE.parent / "corpus" / "dev"
RECORD = HERE / "articles.json"
SAMPLE_STEP = 5  # every fifth article of the dev set, in file order


def differences(article: Article, gold: list[dict[str, Any]]) -> list[str]:
    """Each way the extractor's events for ``article`` differ from ``gold``, one readable line each."""
    predicted = [e.to_record() for e in extract_events(article)]
    pairs = match(gold, predicted, article.published)
    matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    out = [f"missed: {_label(g)}" for i, g in enumerate(gold) if i not in matched_gold]
    out += [f"spurious: {_label(p)}" for i, p in enumerate(predicted) if i not in matched_pred]
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        out += [f"{_label(g)}: {name} {_value(g, name)!r} ≠ {_value(p, name)!r}"
                for name in FIELDS if not field_agrees(name, g, p)]
    return sorted(out)


def _value(record: dict[str, Any], name: str) -> Any:
    return record.get("location_ar") if name == "location" else record.get(name)


def _label(record: dict[str, Any]) -> str:
    return " ".join(str(record.get(k)) for k in ("event_date", "admin1", "location_ar", "sub_event_type"))


def sample() -> list[tuple[Article, list[dict[str, Any]]]]:
    return load_gold(DEV)[::SAMPLE_STEP]


_SAMPLE = sample()
_RECORDED: dict[str, list[str]] = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}


def test_the_record_covers_the_sample():
    assert sorted(_RECORDED) == sorted(a.id for a, _ in _SAMPLE)


@pytest.mark.parametrize(("article", "gold"), _SAMPLE, ids=[a.id for a, _ in _SAMPLE])
def test_article_differs_from_its_gold_only_as_recorded(article, gold):
    assert differences(article, gold) == _RECORDED.get(article.id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print or rewrite the golden record of the sampled dev articles.")
    parser.add_argument("--write", action="store_true", help=f"rewrite {RECORD.name}")
    args = parser.parse_args(argv)
    record = {article.id: differences(article, gold) for article, gold in _SAMPLE}
    text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    if not args.write:
        sys.stdout.write(text)
        return 0
    RECORD.write_text(text, encoding="utf-8")
    agree = sum(not lines for lines in record.values())
    print(f"{RECORD}: {len(record)} articles, {agree} agree with their gold in every field")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
