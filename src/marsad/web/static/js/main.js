// The dashboard: filters → events (map, table), weekly stats (timeline), gaps (district shading).

import {api} from "./api.js";
import {clear, el} from "./dom.js";
import {EVENT_TYPES, GAP_RAMP, NO_GAP, SUB_EVENT_TYPES, typeColor} from "./colors.js";
import {renderDetail, renderDetailError} from "./detail.js";
import {EventMap} from "./map.js";
import {markSelected, renderTable} from "./table.js";
import {renderTimeline} from "./timeline.js";

const MAP_LIMIT = 1000;
const PAGE_SIZE = 50;
const $ = (id) => document.getElementById(id);

const state = {filters: {}, offset: 0, total: 0, selected: null, districts: null, map: null};

function setStatus(text, isError = false) {
  const node = $("status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

function readFilters(form) {
  const data = new FormData(form);
  const filters = {};
  for (const [key, value] of data.entries()) if (String(value).trim()) filters[key] = String(value).trim();
  return filters;
}

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
  clear(select).append(el("option", {value: ""}, "All"));
  const chosen = form.admin1.value;
  const names = districts.features.filter((f) => f.properties.admin1 === chosen && f.properties.admin2)
    .map((f) => f.properties.admin2).sort();
  for (const name of names) select.append(el("option", {value: name}, name));
  select.disabled = !names.length;
}

function drawLegends(maxScore) {
  clear($("type-legend")).append(...Object.keys(EVENT_TYPES).map((type) => {
    const dot = el("span", {className: "dot"});
    dot.style.background = typeColor(type);
    return el("li", {}, dot, type);
  }));
  const ramp = clear($("gap-legend"));
  const none = el("span", {className: "box"});
  none.style.background = NO_GAP;
  ramp.append(el("li", {}, none, "none"));
  GAP_RAMP.forEach((colour, i) => {
    const box = el("span", {className: "box"});
    box.style.background = colour;
    const upper = maxScore > 0 ? (maxScore * (i + 1)) / GAP_RAMP.length : null;
    ramp.append(el("li", {}, box, upper === null ? "" : `≤ ${upper.toFixed(1)}`));
  });
}

async function openEvent(id) {
  state.selected = id;
  const panel = $("detail");
  panel.hidden = false;
  document.body.classList.add("with-detail");
  const body = clear($("detail-body"));
  body.append(el("p", {className: "muted"}, "Loading…"));
  markSelected(document.querySelector("#events-table tbody"), id);
  if (location.hash !== `#event=${id}`) history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
  try {
    const detail = await api.event(id);
    if (state.selected !== id) return;
    renderDetail(body, detail);
    state.map.focus(detail.event);
  } catch (error) {
    renderDetailError(body, `Could not load event ${id}: ${error.message}`);
  }
}

function closeEvent() {
  state.selected = null;
  $("detail").hidden = true;
  document.body.classList.remove("with-detail");
  history.replaceState(null, "", location.pathname + location.search);
  markSelected(document.querySelector("#events-table tbody"), null);
}

async function loadTablePage() {
  const page = await api.events(state.filters, {limit: PAGE_SIZE, offset: state.offset, order: "desc"});
  state.total = page.total;
  renderTable(document.querySelector("#events-table tbody"), page.events, openEvent);
  markSelected(document.querySelector("#events-table tbody"), state.selected);
  const last = Math.min(page.total, state.offset + page.events.length);
  $("page-info").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "0 events";
  $("prev-page").disabled = state.offset === 0;
  $("next-page").disabled = last >= page.total;
}

async function loadGaps(latest) {
  const at = state.filters.until || latest;
  try {
    const result = await api.gaps(at ? {at} : {});
    const max = state.map.setGaps(result.gaps);
    drawLegends(max);
    const flagged = result.gaps.filter((g) => g.score > 0).length;
    $("gap-note").textContent = `${flagged} area(s) flagged: the ${result.params.window} days to ${at || "the latest event"}` +
      ` against the ${result.params.baseline} days before.`;
  } catch (error) {
    state.map.setGaps([]);
    drawLegends(0);
    $("gap-note").textContent = `Gap scores unavailable: ${error.message}`;
  }
}

async function refresh() {
  setStatus("Loading…");
  state.offset = 0;
  try {
    const [points, stats] = await Promise.all([
      api.events(state.filters, {limit: MAP_LIMIT, order: "desc"}),
      api.stats(state.filters),
      loadTablePage(),
    ]);
    state.map.setEvents(points.events);
    renderTimeline($("timeline"), stats);
    await loadGaps(points.events.length ? points.events[0].event_date : null);
    const shown = points.total > points.events.length ? ` (newest ${points.events.length} on the map)` : "";
    setStatus(`${points.total} events${shown}`);
  } catch (error) {
    setStatus(`Error: ${error.message}`, true);
  }
}

async function start() {
  const form = $("filters");
  fillTypeSelect(form.event_type);
  form.admin2.disabled = true;
  drawLegends(0);
  const [config, districts] = await Promise.all([api.config(), api.districts().catch(() => null)]);
  state.map = new EventMap($("map"), {tiles: config.tiles, onEvent: openEvent});
  if (districts) {
    state.map.setDistricts(districts);
    fillAreaSelects(form, districts);
  } else {
    state.map.map.setView([34.5, 42], 6);
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.filters = readFilters(form);
    refresh();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      if (districts) fillDistricts(form, districts);
      state.filters = {};
      refresh();
    });
  });
  $("prev-page").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); loadTablePage(); });
  $("next-page").addEventListener("click", () => { state.offset += PAGE_SIZE; loadTablePage(); });
  $("detail-close").addEventListener("click", closeEvent);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state.selected) closeEvent(); });
  await refresh();
  const match = /^#event=([A-Za-z0-9]+)$/.exec(location.hash);
  if (match) openEvent(match[1]);
  document.body.dataset.ready = "1";
}

window.addEventListener("load", () => {
  start().catch((error) => setStatus(`Error: ${error.message}`, true));
});
