"""``marsad geocode``: the places of an Arabic text, their candidates with scores, and the choice."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def _record(rp: Any) -> dict[str, Any]:  # rp: marsad.geo.resolve.ResolvedPlace
    t, loc = rp.toponym, rp.location
    return {
        "name": loc.name_ar if loc else t.name,
        "span": [t.start, t.end],
        "cue": t.cue,
        "relation": t.relation,
        "role": t.role,
        "choice": rp.place.id if rp.place else None,
        "score": rp.score,
        "candidates": [{"id": p.id, "name": p.name_en, "kind": p.kind, "admin1": p.admin1, "admin2": p.admin2,
                        "score": s} for p, s in rp.ranked],
        "location": None if loc is None else {
            "country": loc.country, "admin1": loc.admin1, "admin2": loc.admin2, "admin3": loc.admin3,
            "location": loc.name, "location_ar": loc.name_ar, "latitude": loc.latitude, "longitude": loc.longitude,
            "geo_precision": loc.geo_precision, "disputed": loc.disputed, "place_id": loc.place_id},
    }


def _show(rec: dict[str, Any]) -> None:
    loc = rec["location"]
    extras = ", ".join(x for x in (f"cue {rec['cue']}" if rec["cue"] else "", rec["relation"] if rec["relation"] != "in"
                                   else "", f"role {rec['role']}") if x)
    click.echo(f"{rec['name']}  ({extras})")
    for c in rec["candidates"][:8]:
        mark = "*" if c["id"] == rec["choice"] else " "
        admin = "/".join(x for x in (c["admin1"], c["admin2"]) if x)
        click.echo(f"   {mark} {c['score']:6.2f}  {c['id']:<18} {c['kind']:<13} {c['name']} ({admin})")
    if len(rec["candidates"]) > 8:
        click.echo(f"     ... {len(rec['candidates']) - 8} more")
    if loc is None:
        click.echo("   → none")
    else:
        admin = "/".join(x for x in (loc["admin1"], loc["admin2"]) if x)
        flag = ", disputed" if loc["disputed"] else ""
        click.echo(f"   → {loc['location']} [{loc['country']} {admin}] {loc['latitude']:.4f}, {loc['longitude']:.4f} "
                   f"precision {loc['geo_precision']}{flag}")


@click.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per toponym.")
def geocode(text: str, as_json: bool) -> None:
    """Find and resolve the place names of TEXT (Arabic; "-" reads standard input)."""
    from marsad.geo.resolve import geocode_text

    if text == "-":
        text = sys.stdin.read()
    records = [_record(rp) for rp in geocode_text(text)]
    if as_json:
        for rec in records:
            click.echo(json.dumps(rec, ensure_ascii=False))
        return
    if not records:
        click.echo("no place names found")
    for rec in records:
        _show(rec)
