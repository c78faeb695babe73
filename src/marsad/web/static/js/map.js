// The map: district polygons shaded by gap score (the base map), event points by type and toll.
// Leaflet (vendored, global L) draws SVG; no tile layer unless the server was given --tiles.

import {el} from "./dom.js";
import {gapColor, typeColor} from "./colors.js";

const featureKey = (p) => `${p.country}|${p.admin1}|${p.admin2 || ""}`;

export class EventMap {
  constructor(node, {tiles, onEvent}) {
    this.map = L.map(node, {zoomSnap: 0.25, attributionControl: Boolean(tiles), minZoom: 4, maxZoom: 14});
    if (tiles) {
      const host = new URL(tiles.replace(/[{}]/g, "")).host;
      L.tileLayer(tiles, {attribution: `Tiles: ${host.replace(/[<>&"]/g, "")}`, opacity: 0.6}).addTo(this.map);
    }
    this.onEvent = onEvent;
    this.districts = null;
    this.points = L.layerGroup().addTo(this.map);
    this.scores = new Map();
  }

  /** Draw the district boundaries (a GeoJSON FeatureCollection) and fit the view to them. */
  setDistricts(geojson) {
    this.districts = L.geoJSON(geojson, {
      style: () => ({className: "district", color: "#6b7785", weight: 0.7, fillColor: gapColor(0, 0), fillOpacity: 0.9}),
      onEachFeature: (feature, layer) => layer.bindTooltip(() => this.districtTooltip(feature.properties), {sticky: true}),
    }).addTo(this.map);
    this.map.fitBounds(this.districts.getBounds(), {padding: [8, 8]});  // the map loads: paths exist from here
    this.districts.bringToBack();
    this.districts.eachLayer((layer) => {
      const path = layer.getElement();
      if (path) path.dataset.area = featureKey(layer.feature.properties);
    });
  }

  /** Shade the districts by the gap rows of GET /api/gaps (highest score per polygon). */
  setGaps(rows) {
    if (!this.districts) return 0;
    const layers = this.districts.getLayers();
    this.scores = matchGaps(layers.map((layer) => layer.feature.properties), rows);
    const max = Math.max(0, ...[...this.scores.values()].map((row) => row.score));
    for (const layer of layers) {
      const row = this.scores.get(featureKey(layer.feature.properties));
      layer.setStyle({fillColor: gapColor(row ? row.score : 0, max)});
    }
    return max;
  }

  districtTooltip(p) {
    const row = this.scores.get(featureKey(p));
    const name = [p.admin2, p.admin1].filter(Boolean).join(", ");
    return el("div", {className: "tip"},
      el("strong", {}, name),
      p.disputed ? el("div", {className: "muted"}, "Disputed territory") : null,
      row ? el("div", {}, `Gap score ${fmt(row.score)} · ${row.events} events recently (expected ${fmt(row.expected)})`)
        : el("div", {className: "muted"}, "No security gap flagged"),
      row && row.explanation ? el("div", {className: "muted"}, row.explanation) : null);
  }

  /** Replace the event points: colour by type, radius by fatalities. */
  setEvents(events) {
    this.points.clearLayers();
    for (const e of events) {
      if (e.latitude == null || e.longitude == null) continue;
      const marker = L.circleMarker([e.latitude, e.longitude], {
        className: "event-point", radius: 5 + 2.2 * Math.sqrt(e.fatalities || 0), weight: 1, color: "#ffffff",
        fillColor: typeColor(e.event_type), fillOpacity: 0.85,
      });
      marker.bindTooltip(() => el("div", {className: "tip"},
        el("strong", {}, `${e.event_date} · ${e.sub_event_type}`),
        el("div", {}, [e.location, e.admin1].filter(Boolean).join(", ")),
        el("div", {className: "muted"}, `${e.fatalities} killed · ${e.injured} injured`)));
      marker.on("click", () => this.onEvent(e.event_id));
      this.points.addLayer(marker);
      const path = marker.getElement && marker.getElement();
      if (path) path.dataset.eventId = e.event_id;
    }
  }

  /** Centre on an event and make its point stand out. */
  focus(event) {
    if (event.latitude == null) return;
    const where = L.latLng(event.latitude, event.longitude);
    if (!this.map.getBounds().pad(-0.1).contains(where)) this.map.panTo(where);
    this.points.eachLayer((layer) => {
      const path = layer.getElement();
      if (path) path.classList.toggle("selected", path.dataset.eventId === event.event_id);
    });
  }
}

/** District key → the best-scoring gap row that applies to it. */
export function matchGaps(properties, rows) {
  const byKey = new Map(properties.map((p) => [featureKey(p), p]));
  const found = new Map();
  const assign = (key, row) => {
    const old = found.get(key);
    if (!old || row.score > old.score) found.set(key, row);
  };
  for (const row of rows || []) {
    const exact = `${row.country}|${row.admin1}|${row.admin2 || ""}`;
    if (row.admin2 && byKey.has(exact)) {
      assign(exact, row);
      continue;
    }
    for (const p of properties) {
      // whole-governorate polygons (Syria), or a governorate-level row (by=admin1)
      if (p.country === row.country && p.admin1 === row.admin1 && (!p.admin2 || !row.admin2)) assign(featureKey(p), row);
    }
  }
  return found;
}

function fmt(x) {
  return typeof x === "number" ? (Math.round(x * 100) / 100).toString() : String(x ?? "—");
}
