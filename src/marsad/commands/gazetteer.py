"""``marsad gazetteer``: import GeoNames country dumps into the user's gazetteer, and describe it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click


@click.group()
def gazetteer() -> None:
    """Manage the gazetteer (places known to the geocoder)."""


@gazetteer.command("import")
@click.argument("file", type=click.Path(path_type=Path))
def import_(file: Path) -> None:
    """Add a GeoNames country dump (e.g. YE.txt) to the user gazetteer ($MARSAD_HOME or ~/.local/share/marsad)."""
    from marsad.geo.gazetteer import Gazetteer
    from marsad.geo.imports import import_geonames

    result = import_geonames(file)
    Gazetteer.clear_default()
    click.echo(f"imported {result.places} places of {result.country} ({result.rows} rows read) into {result.path}")


@gazetteer.command()
def info() -> None:
    """Show what the gazetteer holds and where the user's imports are stored."""
    import time

    from marsad.geo.gazetteer import Gazetteer, user_gazetteer_dir

    start = time.perf_counter()
    gz = Gazetteer.default()
    elapsed = time.perf_counter() - start
    home = ("IRQ", "SYR")  # the others are the few cities abroad of curated.toml, never a scene
    by_country = Counter(p.country if p.country in home else "abroad" for p in gz.places)
    by_kind = Counter(p.kind for p in gz.places)
    click.echo(f"{len(gz)} places, loaded in {elapsed:.3f} s")
    click.echo("by country: " + ", ".join(f"{c} {n}" for c, n in sorted(by_country.items())))
    click.echo("by kind:    " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    for country in sorted(set(by_country) & set(home)):
        units = Counter(p.kind for p in gz.places if p.country == country)
        click.echo(f"{country}: {units['governorate']} governorates, {units['district']} districts, "
                   f"{units['subdistrict']} sub-districts, "
                   f"{units['city'] + units['town'] + units['village']} towns and villages")
    folder = user_gazetteer_dir()
    imports = sorted(folder.glob("*.tsv")) if folder.is_dir() else []
    click.echo(f"user imports in {folder}: " + (", ".join(p.name for p in imports) if imports else "none"))
    click.echo("sources and licences: marsad/data/gazetteer/SOURCES.md (GeoNames CC BY 4.0; OCHA COD-AB Iraq and "
               "Syria CC BY-IGO; UNCS/OCHA Syria populated places; OpenSyria CC BY 4.0; IOM DTM Iraq)")
