"""Developer tool: why gold events are missed, and how consolidation grouped an article's mentions.

    python scripts/consolidation_trace.py missed train dev       # tally of missed gold events by stage
    python scripts/consolidation_trace.py trace dev ARTICLE_ID   # each mention: founded or joined whom

``missed`` puts each missed gold event (``marsad eval --details``) in the first stage that lost it:
its quote not found, no mention in the quote's sentences, mentions placed in another governorate or
only supporting (background, running totals) or background, the right place on another day, or a mention at the
right place and day that consolidation merged into another incident.  ``trace`` shows, for every
mention in the order consolidation takes them, whether it founded an incident or joined one, and the
incident's members.  Only train and dev: the validation set is held out.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import marsad.extract.consolidate as consolidate
from marsad.doc import Doc
from marsad.evaluation import evaluate, load_gold
from marsad.model import Article, EventMention
from marsad.pipeline import default_pipeline, extract_events
from marsad.text.normalise import normalise

SETS = ("train", "dev")
ROOT = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def _gold(name: str) -> list[tuple[Article, list[dict[str, Any]]]]:
    if name not in SETS:
        sys.exit(f"only {', '.join(SETS)}: the validation set is held out")
    return load_gold(ROOT / name)


def _stage(doc: Doc, gold: dict[str, Any], reason: str) -> str:
    """The first stage that lost a missed gold event."""
    quote = normalise(gold.get("quote", "")).text
    pos = doc.text.find(quote[:40]) if quote else -1
    if pos < 0:
        return "quote not found"
    end = pos + len(quote)
    sentences = {s.index for s in doc.sentences if s.start < end and s.end > pos}
    mentions = [m for m in doc.mentions if m.sentence in sentences]
    if not mentions:
        return "no mention in the quote"
    here = [m for m in mentions if m.location is not None and m.location.admin1 == gold.get("admin1")]
    if not here:
        return "mentions without a place or in another governorate"
    if all(m.supporting for m in here):
        return "mentions only supporting (background, running total, anaphoric)"
    if all(m.background for m in here):
        return "mentions only background"
    if gold.get("event_date") not in {str(m.event_date) for m in here} and reason != "none":
        return "right place, another day"
    return "right place and day: merged by consolidation"


def missed(names: list[str]) -> None:
    tally: Counter[str] = Counter()
    for name in names:
        items = _gold(name)
        report = evaluate(items, lambda a: [e.to_record() for e in extract_events(a)])
        docs: dict[str, Doc] = {}
        for result, gold, reason in report.missed():
            article = result.article
            doc = docs.setdefault(article.id, default_pipeline().run(article))
            stage = _stage(doc, gold, reason)
            tally[stage] += 1
            print(f"{name}\t{article.id}\t{gold.get('sub_event_type')}\t{gold.get('admin1')}\t{stage}\t"
                  f"{gold.get('quote', '')[:80]}")
    print()
    for stage, count in tally.most_common():
        print(count, stage)


def _describe(m: EventMention) -> str:
    place = m.location.name if m.location else "-"
    flags = "".join(c for c, on in (("P", m.place_explicit), ("v", m.place_vague), ("D", m.date_explicit),
                                    ("T", m.in_title), ("S", m.supporting), ("B", m.background)) if on)
    return f"s{m.sentence} {m.sub_event_type} @{place} [{flags}] {m.event_date} killed={m.fatalities}"


def trace(name: str, article_id: str) -> None:
    items = {a.id: (a, g) for a, g in _gold(name)}
    if article_id not in items:
        sys.exit(f"no article {article_id} in {name}")
    article, gold = items[article_id]
    joined, founded = consolidate._add, consolidate._new_group

    def add(group: Any, m: EventMention) -> None:
        print(f"  join   {_describe(m)}  ->  incident of s{[x.sentence for x in group.members]}")
        joined(group, m)

    def new(doc: Doc, m: EventMention, *args: Any) -> Any:
        print(f"  found  {_describe(m)}")
        return founded(doc, m, *args)

    consolidate._add, consolidate._new_group = add, new  # type: ignore[assignment]
    try:
        doc = default_pipeline().run(article)
    finally:
        consolidate._add, consolidate._new_group = joined, founded  # type: ignore[assignment]
    for s in doc.sentences:
        print(f"S{s.index}: {doc.text[s.start:s.end][:200]}")
    for e in doc.events:
        print("event", e.event_date, e.sub_event_type, e.location.name, e.fatalities, e.injured)
    for g in gold:
        print("gold ", g.get("event_date"), g.get("sub_event_type"), g.get("location"), g.get("fatalities"),
              g.get("injured"))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "missed":
        missed(sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "trace":
        trace(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
