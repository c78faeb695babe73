"""Place labels for the offline map (``GET /api/labels``), from the bundled boundaries and gazetteer.

No tile server: the dashboard writes these names over its district polygons itself.

* ``country``: at the area-weighted centroid of the country's polygons;
* ``governorate``: at the area-weighted centroid of its polygons (not at its capital, which
  the gazetteer gives as the governorate's point), named as the gazetteer names it;
* ``district``: at its polygon's centroid (Iraq; Syria's polygons are governorates);
* ``city``: the gazetteer's cities, at their own points, largest first.

Each label is a GeoJSON point with ``kind``, ``name`` (English), ``name_ar`` and ``rank``
(cities: by population, 1 the largest), so the map can show more of them as it zooms in.
Places of any country the gazetteer holds appear, without a list kept here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.geo.gazetteer import Gazetteer
from marsad.taxonomy import COUNTRY_NAMES

#: Arabic names of the countries whose boundaries are bundled (the gazetteer's country table is English).
COUNTRY_NAMES_AR = {"IRQ": "العراق", "SYR": "سوريا"}

Ring = list[list[float]]


def ring_centroid(ring: Ring) -> tuple[float, float, float]:
    """Signed area and centroid (x, y) of a closed ring of [lon, lat] points (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area, cx / (6 * area), cy / (6 * area)


def outer_rings(geometry: dict[str, Any]) -> list[Ring]:
    """The outer ring of each polygon of a Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [polygon[0] for polygon in geometry["coordinates"]]
    return []


class _Weighted:
    """Accumulates area-weighted centroids."""

    def __init__(self) -> None:
        self.area = self.x = self.y = 0.0

    def add(self, ring: Ring) -> None:
        area, x, y = ring_centroid(ring)
        self.area += abs(area)
        self.x += abs(area) * x
        self.y += abs(area) * y

    def point(self) -> tuple[float, float] | None:
        return (self.x / self.area, self.y / self.area) if self.area > 0 else None


def labels(districts: dict[str, Any], gazetteer: Gazetteer, cities: int = 60) -> dict[str, Any]:
    """The label FeatureCollection of the ``districts`` boundaries and the gazetteer's ``cities`` largest cities."""
    countries: dict[str, _Weighted] = defaultdict(_Weighted)
    governorates: dict[tuple[str, str], _Weighted] = defaultdict(_Weighted)
    features: list[dict[str, Any]] = []
    names_ar = _arabic_names(gazetteer)
    for feature in districts.get("features", []):
        props = feature.get("properties") or {}
        country, admin1, admin2 = props.get("country", ""), props.get("admin1", ""), props.get("admin2", "")
        district = _Weighted()
        for ring in outer_rings(feature.get("geometry") or {}):
            countries[country].add(ring)
            governorates[(country, admin1)].add(ring)
            district.add(ring)
        point = district.point()
        if admin2 and point:
            features.append(_label("district", admin2, names_ar.get(("district", country, admin1, admin2), ""),
                                   point, country=country, admin1=admin1))
    for country, weighted in countries.items():
        if (point := weighted.point()) is not None:
            features.append(_label("country", COUNTRY_NAMES.get(country, country), COUNTRY_NAMES_AR.get(country, ""),
                                   point, country=country))
    for (country, admin1), weighted in governorates.items():
        if (point := weighted.point()) is not None:
            features.append(_label("governorate", admin1, names_ar.get(("governorate", country, admin1, ""), ""),
                                   point, country=country, admin1=admin1))
    largest = sorted((p for p in gazetteer.places if p.kind == "city"), key=lambda p: (-p.population, p.name_en))
    for rank, place in enumerate(largest[:cities], start=1):
        features.append(_label("city", place.name_en, place.name_ar, (place.lon, place.lat), rank=rank,
                               country=place.country, admin1=place.admin1))
    return {"type": "FeatureCollection", "features": features}


def _arabic_names(gazetteer: Gazetteer) -> dict[tuple[str, str, str, str], str]:
    found: dict[tuple[str, str, str, str], str] = {}
    for place in gazetteer.places:
        if place.kind == "governorate":
            found.setdefault(("governorate", place.country, place.admin1, ""), place.name_ar)
        elif place.kind == "district":
            found.setdefault(("district", place.country, place.admin1, place.admin2), place.name_ar)
    return found


def _label(kind: str, name: str, name_ar: str, point: tuple[float, float], rank: int = 0,
           **where: str) -> dict[str, Any]:
    lon, lat = point
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]},
            "properties": {"kind": kind, "name": name, "name_ar": name_ar, "rank": rank, **where}}


@lru_cache(maxsize=1)
def packaged_labels() -> str:
    """The labels of the packaged boundaries and the default gazetteer, as GeoJSON text (computed once)."""
    text = resources.files("marsad").joinpath("data/geo/districts.geojson").read_text(encoding="utf-8")
    return json.dumps(labels(json.loads(text), Gazetteer.default()), ensure_ascii=False)


__all__ = ["COUNTRY_NAMES_AR", "labels", "packaged_labels", "ring_centroid"]
