"""``marsad eval``: score the extractor against a gold directory (codebook §8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from marsad.evaluation import Report


@click.command()
@click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path),
              help="Directory holding articles.jsonl and gold.jsonl.")
@click.option("--details", is_flag=True, help="List every missed and spurious event with its quote.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON line.")
def evaluate(gold_dir: Path, details: bool, as_json: bool) -> None:
    """Precision, recall, F1 and per-field accuracy of extraction on gold files."""
    from marsad.evaluation import FIELDS, load_gold
    from marsad.evaluation import evaluate as run
    from marsad.geo.gazetteer import Gazetteer
    from marsad.pipeline import extract_events

    items = load_gold(gold_dir)
    gazetteer = Gazetteer.default()

    def coordinates(record: dict) -> tuple[float, float] | None:
        found = gazetteer.search(record.get("location_ar", ""), record.get("admin1") or None)
        return (found[0].lat, found[0].lon) if found else None

    report = run(items, lambda a: [e.to_record() for e in extract_events(a)], coordinates)
    if details:
        _print_details(report)
    if as_json:
        click.echo(json.dumps(report.summary(), ensure_ascii=False))
        return
    s = report.summary()
    click.echo(f"articles {s['articles']}  gold events {s['gold_events']}  predicted {s['predicted_events']}  "
               f"matched {s['matched']}")
    click.echo(f"event precision {s['precision']:.3f}  recall {s['recall']:.3f}  F1 {s['f1']:.3f}")
    click.echo("field accuracy on matched events:")
    for name in FIELDS:
        click.echo(f"  {name:<15} {s['fields'][name]:.3f}")
    click.echo(f"false alarms on event-free articles: {s['false_alarm_rate']:.1%} of {s['event_free_articles']}")
    reasons = ", ".join(f"{k}: {v}" for k, v in s["missed_by_reason"].items()) or "none"
    click.echo(f"missed gold events by reason: {reasons}")
    for country, c in s["by_country"].items():
        click.echo(f"{country or 'no country'}: {c['gold_events']} gold events, recall {c['recall']:.3f}, "
                   f"location {c['fields']['location']:.3f}, lost to another governorate "
                   f"{c['lost_to_other_governorate']:.1%}")


def _print_details(report: Report) -> None:
    for result, gold, reason in report.missed():
        click.echo(f"MISSED   {result.article.id}  {gold.get('event_date')}  {gold.get('admin1')}  "
                   f"{gold.get('sub_event_type')}  [{reason}]  «{gold.get('quote', '')[:160]}»")
    for result, pred in report.spurious():
        quote = _quote(result.article.text, pred)
        click.echo(f"SPURIOUS {result.article.id}  {pred.get('event_date')}  {pred.get('admin1')}  "
                   f"{pred.get('sub_event_type')}  «{quote}»")
    for result in report.results:
        for gi, pi in result.pairs:
            g, p = result.gold[gi], result.predicted[pi]
            fields = ("sub_event_type", "actor1", "actor2", "event_date", "fatalities", "injured")
            wrong = [f"{k}: {g.get(k)!r}≠{p.get(k)!r}" for k in fields if (g.get(k) or "") != (p.get(k) or "")]
            if wrong:
                where = f"{g.get('admin1')} {g.get('event_date')}"
                click.echo(f"FIELDS   {result.article.id}  {where}  " + "; ".join(wrong))


def _quote(text: str, record: dict) -> str:
    spans = record.get("evidence", {}).get("trigger") or []
    if not spans:
        return ""
    s, e = spans[0]
    return text[max(0, s - 60): e + 80].replace("\n", " ")
