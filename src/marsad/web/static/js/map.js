// The map: district polygons shaded by gap score (the base map), place labels drawn offline,
// event points by type and toll, grouped into numbered clusters while zoomed out.
// Leaflet (vendored, global L) draws SVG; no tile layer unless the server was given --tiles.

import {el} from "./dom.js";
import {gapColor, typeColor} from "./colors.js";
import {language} from "./i18n.js";

const featureKey = (p) => `${p.country}|${p.admin1}|${p.admin2 || ""}`;
/** Points closer than this many pixels are drawn as one numbered cluster, below CLUSTER_MAX_ZOOM. */
const CLUSTER_CELL = 44;
const CLUSTER_MAX_ZOOM = 9;

/** Which labels show at `zoom`: countries always, governorates from 5, districts from 7.5, cities by rank. */
export function labelShown(p, zoom) {
  if (p.kind === "country") return zoom < 8;
  if (p.kind === "governorate") return zoom >= 5 && zoom < 9;
  if (p.kind === "district") return zoom >= 7.5;
  if (p.kind === "city") return p.rank <= (zoom < 6 ? 6 : zoom < 7 ? 15 : zoom < 8 ? 30 : 1000);
  return false;
}

/**
 * Group `items` ({x, y} in pixels) on a grid of `cell` pixels: [{x, y, members}], each group
 * at the mean position of its members.  Members of neighbouring cells are not merged (simple, stable).
 */
export function gridClusters(items, cell) {
  const cells = new Map();
  for (const item of items) {
    const key = `${Math.floor(item.x / cell)}|${Math.floor(item.y / cell)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(item);
  }
  return [...cells.values()].map((members) => ({
    x: members.reduce((s, m) => s + m.x, 0) / members.length,
    y: members.reduce((s, m) => s + m.y, 0) / members.length,
    members,
  }));
}

export class EventMap {
  constructor(node, {tiles, onEvent}) {
    this.map = L.map(node, {zoomSnap: 0.25, attributionControl: Boolean(tiles), minZoom: 4, maxZoom: 14});
    if (tiles) {
      const host = new URL(tiles.replace(/[{}]/g, "")).host;
      L.tileLayer(tiles, {attribution: `Tiles: ${host.replace(/[<>&"]/g, "")}`, opacity: 0.6}).addTo(this.map);
    }
    this.onEvent = onEvent;
    this.districts = null;
    this.labels = L.layerGroup().addTo(this.map);
    this.labelData = null;
    this.points = L.layerGroup().addTo(this.map);
    this.scores = new Map();
    this.events = [];
    this.selected = null;
    this.map.on("zoomend", () => {
      this.drawLabels();
      this.drawEvents();
    });
  }

  /** Keep the place labels (GET /api/labels); they are drawn by zoom level and in the page's language. */
  setLabels(geojson) {
    this.labelData = geojson;
    this.drawLabels();
  }

  drawLabels() {
    this.labels.clearLayers();
    if (!this.labelData) return;
    const zoom = this.map.getZoom();
    const arabic = language() === "ar";
    const shown = this.labelData.features.filter((f) => labelShown(f.properties, zoom));
    // a city named like a governorate on screen (Basra, Aleppo) is already named by that label
    const governorates = new Set(shown.filter((f) => f.properties.kind === "governorate").map((f) => f.properties.name));
    for (const f of shown) {
      const p = f.properties;
      if (p.kind === "city" && governorates.has(p.name)) continue;
      const [lon, lat] = f.geometry.coordinates;
      const text = arabic && p.name_ar ? p.name_ar : p.name;
      const node = el("span", {className: `place-label place-${p.kind}`, lang: arabic && p.name_ar ? "ar" : "en"},
        p.kind === "city" ? el("i", {className: "city-dot"}) : null, text);
      node.dataset.kind = p.kind;
      node.dataset.name = p.name;
      const icon = L.divIcon({className: "label-icon", html: node, iconSize: null});
      this.labels.addLayer(L.marker([lat, lon], {icon, interactive: false, keyboard: false}));
    }
  }

  /** Zoom to the districts that match an area filter (country, governorate, district); all of them without one. */
  zoomToArea({country, admin1, admin2} = {}) {
    if (!this.districts) return;
    let bounds = null;
    this.districts.eachLayer((layer) => {
      const p = layer.feature.properties;
      if (country && p.country !== country) return;
      if (admin1 && p.admin1 !== admin1) return;
      if (admin2 && p.admin2 && p.admin2 !== admin2) return;
      bounds = bounds ? bounds.extend(layer.getBounds()) : L.latLngBounds(layer.getBounds().getSouthWest(),
        layer.getBounds().getNorthEast());
    });
    if (bounds) this.map.fitBounds(bounds, {padding: [12, 12], maxZoom: 10, animate: false});
  }

  /** Zoom to a set of events (a filter without an area: fit what is shown). */
  zoomToEvents(events) {
    const located = events.filter((e) => e.latitude != null && e.longitude != null);
    if (!located.length) return;
    const bounds = L.latLngBounds(located.map((e) => [e.latitude, e.longitude]));
    this.map.fitBounds(bounds.pad(0.15), {padding: [12, 12], maxZoom: 10, animate: false});
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

  /** Replace the events; they are drawn as points, or as numbered clusters while zoomed out. */
  setEvents(events) {
    this.events = events.filter((e) => e.latitude != null && e.longitude != null);
    this.drawEvents();
  }

  drawEvents() {
    this.points.clearLayers();
    const zoom = this.map.getZoom();
    const items = this.events.map((e) => {
      const at = this.map.project([e.latitude, e.longitude], zoom);
      return {x: at.x, y: at.y, event: e};
    });
    const groups = zoom >= CLUSTER_MAX_ZOOM ? items.map((item) => ({...item, members: [item]}))
      : gridClusters(items, CLUSTER_CELL);
    for (const group of groups) {
      if (group.members.length === 1) this.drawPoint(group.members[0].event);
      else this.drawCluster(group, zoom);
    }
  }

  drawPoint(e) {
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
    if (path) {
      path.dataset.eventId = e.event_id;
      path.classList.toggle("selected", e.event_id === this.selected);
    }
  }

  drawCluster(group, zoom) {
    const events = group.members.map((m) => m.event);
    const where = this.map.unproject([group.x, group.y], zoom);
    const killed = events.reduce((s, e) => s + (e.fatalities || 0), 0);
    const size = Math.round(26 + 6 * Math.log2(events.length));
    const node = el("span", {className: "cluster-count"}, String(events.length));
    node.dataset.count = String(events.length);
    node.dataset.eventIds = events.map((e) => e.event_id).join(" ");
    const icon = L.divIcon({className: "event-cluster", html: node, iconSize: [size, size]});
    const marker = L.marker(where, {icon, keyboard: true, title: `${events.length} events, ${killed} killed`});
    marker.on("add", () => {
      const ring = marker.getElement();
      if (ring) ring.style.background = typeRing(events);
    });
    marker.on("click", () => {
      const bounds = L.latLngBounds(events.map((e) => [e.latitude, e.longitude]));
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) this.map.setView(bounds.getCenter(), CLUSTER_MAX_ZOOM);
      else this.map.fitBounds(bounds.pad(0.3), {maxZoom: CLUSTER_MAX_ZOOM + 1});
    });
    this.points.addLayer(marker);
  }

  /** Centre on an event and make its point stand out. */
  focus(event) {
    this.selected = event.event_id;
    if (event.latitude == null) return;
    const where = L.latLng(event.latitude, event.longitude);
    if (!this.map.getBounds().pad(-0.1).contains(where)) this.map.panTo(where);
    this.points.eachLayer((layer) => {
      const path = layer.getElement && layer.getElement();
      if (path && path.dataset.eventId) path.classList.toggle("selected", path.dataset.eventId === event.event_id);
    });
  }
}

/** A ring of the cluster's event types in proportion (a CSS conic gradient, set through the CSSOM). */
export function typeRing(events) {
  const counts = new Map();
  for (const e of events) counts.set(e.event_type, (counts.get(e.event_type) || 0) + 1);
  let from = 0;
  const stops = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([type, n]) => {
    const to = from + (100 * n) / events.length;
    const stop = `${typeColor(type)} ${from.toFixed(2)}% ${to.toFixed(2)}%`;
    from = to;
    return stop;
  });
  return `conic-gradient(${stops.join(", ")})`;
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
