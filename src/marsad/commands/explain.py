"""``marsad explain``: the clause frames of an Arabic text (who did what to whom, with spans), and the
events coded from it, so a user can see why an event was or was not coded."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def explain_text(text: str) -> dict[str, Any]:
    """The frames of every clause of ``text`` (sentences with a trigger word) and the events coded."""
    from marsad.model import Article
    from marsad.pipeline import default_pipeline

    doc = default_pipeline().run(Article("explain", text))
    sentences = {s.index: doc.norm.original_text(s.start, s.end).strip() for s in doc.sentences}
    events = [{k: r.get(k) for k in ("event_type", "sub_event_type", "actor1", "actor2", "fatalities", "injured",
                                     "location_ar")} for r in (e.to_record() for e in doc.events)]
    return {"frames": [dict(f.to_record(doc), clause=sentences.get(f.sentence, "")) for f in doc.frames],
            "events": events}


def _show(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not result["frames"]:
        console.print("no clause with an event word")
    table = Table(title="clause frames", show_lines=True)
    for column in ("#", "predicate", "voice / tense", "flags", "agent", "patient", "obliques", "counts"):
        table.add_column(column)

    def arg(a: dict[str, Any] | None) -> str:
        if a is None:
            return "-"
        marker = f"[{a['marker']}] " if a["marker"] else ""
        return f"{marker}{a['text']} {a['span'][0]}:{a['span'][1]}"

    for f in result["frames"]:
        predicate = f"{f['predicate']} ({f['lemma']}, {f['family']}) {f['span'][0]}:{f['span'][1]}"
        table.add_row(str(f["sentence"]), predicate,
                      f"{f['voice']} {f['tense']} {f['person']}".strip(), ", ".join(f["flags"]) or "-",
                      arg(f["agent"]), arg(f["patient"]), "\n".join(arg(o) for o in f["obliques"]) or "-",
                      ", ".join(str(c[0]) for c in f["counts"]) or "-")
    console.print(table)
    for e in result["events"]:
        console.print(f"event: {e['sub_event_type']} | actor1 {e['actor1']} | actor2 {e['actor2']} | "
                      f"killed {e['fatalities']} | wounded {e['injured']} | {e['location_ar'] or '-'}")


@click.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the frames and events as one JSON object.")
def explain(text: str, as_json: bool) -> None:
    """Show the clause frames of TEXT (Arabic; "-" reads standard input) and the events coded from it."""
    if text == "-":
        text = sys.stdin.read()
    result = explain_text(text)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    _show(result)
