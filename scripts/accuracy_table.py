"""Print the README's accuracy table: `marsad eval` on the dev, train and validation sets, side by side.

    python scripts/accuracy_table.py            # from the repository root, with marsad installed

Validation is read only as these aggregate numbers (never `--details`).
"""

from __future__ import annotations

import json
import subprocess
import sys

SETS = ("dev", "train", "validation")
ROWS = (
    ("event precision / recall / F1", lambda s: f"{s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}"),
    ("event_type / sub_event_type", lambda s: f"{s['fields']['event_type']:.3f} / {s['fields']['sub_event_type']:.3f}"),
    ("actor1 / actor2", lambda s: f"{s['fields']['actor1']:.3f} / {s['fields']['actor2']:.3f}"),
    ("location (same place or ≤ 10 km)", lambda s: f"{s['fields']['location']:.3f}"),
    ("event_date", lambda s: f"{s['fields']['event_date']:.3f}"),
    ("fatalities / injured (exact)", lambda s: f"{s['fields']['fatalities']:.3f} / {s['fields']['injured']:.3f}"),
    ("false alarms on event-free articles", lambda s: f"{s['false_alarm_rate']:.1%} of {s['event_free_articles']}"),
    ("gold events lost to another governorate",
     lambda s: f"{s['missed_by_reason'].get('other governorate', 0) / s['gold_events']:.1%}"),
)


def scores(gold_set: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "marsad.cli", "eval", "--gold", f"tests/corpus/{gold_set}", "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    measured = {name: scores(name) for name in SETS}
    head = " | ".join(f"{name} ({measured[name]['articles']} articles, {measured[name]['gold_events']} events)"
                      for name in SETS)
    print(f"| measure | {head} |")
    print("|---|" + "---|" * len(SETS))
    for label, cell in ROWS:
        print(f"| {label} | " + " | ".join(cell(measured[name]) for name in SETS) + " |")


if __name__ == "__main__":
    main()
