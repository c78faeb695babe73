// The dashboard: filters → events (map, table), binned counts (timeline), gaps (district shading).
// The view lives in the URL: ?since=…&admin1=…&gap_at=…&lang=ar#event=ID, so a copied link
// reproduces it, and the back button and an edited #event= in an open tab are followed.

import {api, eventsUrl} from "./api.js";
import {clear, el} from "./dom.js";
import {EVENT_TYPES, GAP_RAMP, NO_GAP, SUB_EVENT_TYPES, typeColor} from "./colors.js";
import {renderDetail, renderDetailError} from "./detail.js";
import {fitLabels} from "./evidence.js";
import {language, setLanguage, t} from "./i18n.js";
import {EventMap} from "./map.js";
import {markSelected, renderTable} from "./table.js";
import {renderTimeline} from "./timeline.js";

const MAP_LIMIT = 1000;
const PAGE_SIZE = 50;
const DOWNLOAD_LIMIT = 100000;
const FILTERS = ["since", "until", "country", "event_type", "admin1", "admin2", "actor"];
const AREA = ["country", "admin1", "admin2"];
const $ = (id) => document.getElementById(id);

const state = {filters: {}, offset: 0, total: 0, selected: null, districts: null, map: null, gapAt: null,
  gap: null, timeline: null, detail: null};
window.marsad = state;  // for the browser tests and the curious: the map is state.map.map

function setStatus(text, isError = false) {
  const node = $("status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

function readFilters(form) {
  const filters = {};
  for (const name of FILTERS) {
    const value = String(form.elements[name].value || "").trim();
    if (value) filters[name] = value;
  }
  return filters;
}

function writeFilters(form, filters) {
  for (const name of FILTERS) {
    if (name === "admin2") continue;
    form.elements[name].value = filters[name] || "";
  }
  if (state.districts) fillDistricts(form, state.districts);
  form.elements.admin2.value = filters.admin2 || "";
}

// --- the URL ---------------------------------------------------------------------------------

function filtersFromUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const name of FILTERS) {
    const value = (params.get(name) || "").trim();
    if (value) filters[name] = value;
  }
  return {filters, gapAt: params.get("gap_at") || null, lang: params.get("lang") === "ar" ? "ar" : "en"};
}

function urlOfView() {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  if (state.gapAt) params.set("gap_at", state.gapAt);
  if (language() === "ar") params.set("lang", "ar");
  const query = params.toString();
  const hash = state.selected ? `#event=${encodeURIComponent(state.selected)}` : "";
  return `${location.pathname}${query ? `?${query}` : ""}${hash}`;
}

function saveView(push) {
  const url = urlOfView();
  if (url === location.pathname + location.search + location.hash) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

function eventFromHash() {
  const match = /^#event=([A-Za-z0-9]+)$/.exec(location.hash);
  return match ? match[1] : null;
}

// --- selects and legends ---------------------------------------------------------------------

function fillTypeSelect(select) {
  for (const [type, subs] of Object.entries(SUB_EVENT_TYPES)) {
    const group = el("optgroup", {label: type}, el("option", {value: type}, `${type} (all)`));
    for (const sub of subs) group.append(el("option", {value: sub}, sub));
    select.append(group);
  }
}

function fillAreaSelects(form, districts) {
  const names = {IRQ: "Iraq", SYR: "Syria"};
  const byCountry = {};
  for (const f of districts.features) (byCountry[f.properties.country] ||= new Set()).add(f.properties.admin1);
  for (const [country, admin1s] of Object.entries(byCountry)) {
    const group = el("optgroup", {label: names[country] || country});
    for (const name of [...admin1s].sort()) group.append(el("option", {value: name}, name));
    form.admin1.append(group);
  }
  form.admin1.addEventListener("change", () => fillDistricts(form, districts));
}

function fillDistricts(form, districts) {
  const select = form.admin2;
  clear(select).append(el("option", {value: "", dataset: {i18n: "all"}}, t("all")));
  const chosen = form.admin1.value;
  const names = districts.features.filter((f) => f.properties.admin1 === chosen && f.properties.admin2)
    .map((f) => f.properties.admin2).sort();
  for (const name of names) select.append(el("option", {value: name}, name));
  select.disabled = !names.length;
}

function drawLegends(maxScore) {
  const arabic = language() === "ar";
  clear($("type-legend")).append(...Object.keys(EVENT_TYPES).map((type) => {
    const dot = el("span", {className: "dot"});
    dot.style.background = typeColor(type);
    return el("li", {}, dot, arabic ? t(type) : type);
  }));
  const ramp = clear($("gap-legend"));
  const none = el("span", {className: "box"});
  none.style.background = NO_GAP;
  ramp.append(el("li", {}, none, t("none")));
  GAP_RAMP.forEach((colour, i) => {
    const box = el("span", {className: "box"});
    box.style.background = colour;
    const upper = maxScore > 0 ? (maxScore * (i + 1)) / GAP_RAMP.length : null;
    ramp.append(el("li", {}, box, upper === null ? "" : `≤ ${upper.toFixed(1)}`));
  });
  ramp.dataset.max = String(maxScore);
}

// --- the event panel -------------------------------------------------------------------------

async function openEvent(id) {
  state.selected = id;
  const panel = $("detail");
  panel.hidden = false;
  if (!document.body.classList.contains("with-detail")) {
    document.body.classList.add("with-detail");
    state.map.map.invalidateSize({pan: false});
  }
  // one column (narrow screens): the panel is below the table, so bring it into view
  if (getComputedStyle($("detail")).position === "static") panel.scrollIntoView({block: "start"});
  const body = clear($("detail-body"));
  body.append(el("p", {className: "muted"}, t("loading")));
  markSelected(document.querySelector("#events-table tbody"), id);
  saveView(false);
  try {
    const detail = await api.event(id);
    if (state.selected !== id) return;
    state.detail = detail;
    renderDetail(body, detail);
    fitLabels(body);
    state.map.focus(detail.event);
  } catch (error) {
    renderDetailError(body, `Could not load event ${id}: ${error.message}`);
  }
}

function closeEvent() {
  state.selected = null;
  $("detail").hidden = true;
  document.body.classList.remove("with-detail");
  state.map.map.invalidateSize({pan: false});
  saveView(false);
  markSelected(document.querySelector("#events-table tbody"), null);
}

// --- loading ---------------------------------------------------------------------------------

async function loadTablePage() {
  const page = await api.events(state.filters, {limit: PAGE_SIZE, offset: state.offset, order: "desc"});
  state.total = page.total;
  renderTable(document.querySelector("#events-table tbody"), page.events, openEvent);
  markSelected(document.querySelector("#events-table tbody"), state.selected);
  const last = Math.min(page.total, state.offset + page.events.length);
  $("page-info").textContent = page.total ? `${state.offset + 1}–${last} / ${page.total}` : t("n_events", {n: 0});
  $("prev-page").disabled = state.offset === 0;
  $("next-page").disabled = last >= page.total;
}

function gapParams() {
  const params = {};
  if (state.gapAt) params.at = state.gapAt;
  if (state.filters.country) params.country = state.filters.country;
  return params;
}

function gapNote() {
  const result = state.gap;
  if (!result) return;
  const p = result.params;
  const flagged = result.gaps.filter((g) => g.score > 0).length;
  const why = {"given": "why_given", "latest complete window": "why_default"}[p.at_chosen] || "why_latest";
  $("gap-note").textContent = t("gap_note", {window: p.window, at: p.at || "—", baseline: p.baseline, flagged,
    why: t(why)});
  $("gap-at").value = p.at || "";
}

async function loadGaps() {
  try {
    state.gap = await api.gaps(gapParams());
    drawLegends(state.map.setGaps(state.gap.gaps));
    gapNote();
  } catch (error) {
    state.gap = null;
    state.map.setGaps([]);
    drawLegends(0);
    $("gap-note").textContent = `Gap scores unavailable: ${error.message}`;
  }
}

function moveGapWindow(days) {
  const current = state.gap && state.gap.params.at;
  if (!current) return;
  const day = new Date(`${current}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  state.gapAt = day.toISOString().slice(0, 10);
  saveView(true);
  loadGaps();
}

function updateDownloads() {
  for (const link of document.querySelectorAll("#download a[data-format]")) {
    link.href = eventsUrl(state.filters, {format: link.dataset.format, limit: DOWNLOAD_LIMIT, order: "desc"});
  }
}

function zoomToFilters(events) {
  if (AREA.some((name) => state.filters[name])) {
    state.map.zoomToArea(state.filters);
  } else if (Object.keys(state.filters).length && events.length) {
    state.map.zoomToEvents(events);
  } else {
    state.map.zoomToArea({});
  }
}

function drawTimeline() {
  if (!state.timeline) return;
  renderTimeline($("timeline"), state.timeline, (since, until) => {
    const form = $("filters");
    form.elements.since.value = since;
    form.elements.until.value = until;
    apply();
  }, {since: state.filters.since, until: state.filters.until});
}

async function refresh({zoom = false} = {}) {
  setStatus(t("loading"));
  state.offset = 0;
  updateDownloads();
  try {
    const [points, timeline] = await Promise.all([
      api.events(state.filters, {limit: MAP_LIMIT, order: "desc"}),
      api.timeline(state.filters),
      loadTablePage(),
    ]);
    state.map.setEvents(points.events);
    if (zoom) zoomToFilters(points.events);
    state.timeline = timeline;
    drawTimeline();
    await loadGaps();
    const shown = points.total > points.events.length ? ` (newest ${points.events.length} on the map)` : "";
    setStatus(`${t("n_events", {n: points.total})}${shown}`);
  } catch (error) {
    setStatus(`Error: ${error.message}`, true);
  }
}

function apply() {
  state.filters = readFilters($("filters"));
  saveView(true);
  return refresh({zoom: true});
}

function switchLanguage() {
  setLanguage(language() === "ar" ? "en" : "ar");
  saveView(false);
  state.map.drawLabels();
  drawLegends(Number($("gap-legend").dataset.max || 0));
  gapNote();
  drawTimeline();
  state.map.map.invalidateSize();
  if (state.selected && state.detail && state.detail.event.event_id === state.selected) {
    renderDetail($("detail-body"), state.detail);
    fitLabels($("detail-body"));
  }
}

async function followUrl() {
  const view = filtersFromUrl();
  state.filters = view.filters;
  state.gapAt = view.gapAt;
  writeFilters($("filters"), state.filters);
  if (view.lang !== language()) switchLanguage();
  await refresh({zoom: true});
  followHash();
}

function followHash() {
  const id = eventFromHash();
  if (id && id !== state.selected) openEvent(id);
  else if (!id && state.selected) closeEvent();
}

async function start() {
  const form = $("filters");
  fillTypeSelect(form.event_type);
  form.admin2.disabled = true;
  const view = filtersFromUrl();
  setLanguage(view.lang);
  drawLegends(0);
  const [config, districts, labels] = await Promise.all([api.config(), api.districts().catch(() => null),
    api.labels().catch(() => null)]);
  state.map = new EventMap($("map"), {tiles: config.tiles, onEvent: openEvent});
  state.districts = districts;
  if (districts) {
    state.map.setDistricts(districts);
    fillAreaSelects(form, districts);
  } else {
    state.map.map.setView([34.5, 42], 6);
  }
  if (labels) state.map.setLabels(labels);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    apply();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      if (districts) fillDistricts(form, districts);
      apply();
    });
  });
  $("prev-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); loadTablePage(); });
  $("next-page").addEventListener("click", () => { state.offset += PAGE_SIZE; loadTablePage(); });
  $("detail-close").addEventListener("click", closeEvent);
  $("lang-toggle").addEventListener("click", switchLanguage);
  $("gap-earlier").addEventListener("click", () => moveGapWindow(-((state.gap && state.gap.params.window) || 28)));
  $("gap-later").addEventListener("click", () => moveGapWindow((state.gap && state.gap.params.window) || 28));
  $("gap-at").addEventListener("change", (ev) => {
    state.gapAt = ev.target.value || null;
    saveView(true);
    loadGaps();
  });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state.selected) closeEvent(); });
  window.addEventListener("hashchange", followHash);
  window.addEventListener("popstate", () => { followUrl(); });
  let resized = null;
  window.addEventListener("resize", () => {
    clearTimeout(resized);
    resized = setTimeout(() => {
      drawTimeline();
      fitLabels($("detail-body"));
    }, 150);
  });
  await followUrl();
  document.body.dataset.ready = "1";
}

window.addEventListener("load", () => {
  start().catch((error) => setStatus(`Error: ${error.message}`, true));
});
