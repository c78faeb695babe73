// The events table: one row per merged event; a click opens the event.

import {clear, el} from "./dom.js";
import {typeColor} from "./colors.js";

/** Fill `tbody` with `events`; `onEvent(id)` runs when a row is chosen (click or Enter). */
export function renderTable(tbody, events, onEvent) {
  clear(tbody);
  if (!events.length) {
    tbody.append(el("tr", {}, el("td", {colSpan: 8, className: "muted"}, "No events for these filters.")));
    return;
  }
  for (const e of events) {
    const dot = el("span", {className: "dot"});
    dot.style.background = typeColor(e.event_type);
    const open = () => onEvent(e.event_id);
    tbody.append(el("tr", {tabIndex: 0, dataset: {eventId: e.event_id},
      on: {click: open, keydown: (ev) => { if (ev.key === "Enter") open(); }}},
      el("td", {className: "nowrap"}, e.event_date),
      el("td", {}, dot, e.sub_event_type),
      el("td", {}, e.actor1),
      el("td", {className: "opt"}, e.actor2 || "—"),
      el("td", {}, [e.location, e.admin1].filter(Boolean).join(", ")),
      el("td", {className: "num"}, String(e.fatalities)),
      el("td", {className: "num opt"}, String(e.injured)),
      el("td", {className: "opt"}, e.source)));
  }
}

export function markSelected(tbody, id) {
  for (const row of tbody.rows) row.classList.toggle("selected", row.dataset.eventId === id);
}
