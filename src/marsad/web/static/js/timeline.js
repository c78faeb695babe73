// The weekly timeline: stacked bars by event type, drawn as SVG nodes (no chart library).

import {clear, el, svg} from "./dom.js";
import {EVENT_TYPES, typeColor} from "./colors.js";

const HEIGHT = 150;
const PAD = {top: 8, right: 8, bottom: 22, left: 30};

/** Draw `stats` (GET /api/stats) into `node`. */
export function renderTimeline(node, stats) {
  clear(node);
  const weeks = stats.weeks || [];
  if (!weeks.length) {
    node.append(el("p", {className: "muted"}, "No events for these filters."));
    return;
  }
  const width = Math.max(320, node.clientWidth || 800);
  const inner = width - PAD.left - PAD.right;
  const max = Math.max(1, ...stats.total);
  const step = inner / weeks.length;
  const y = (v) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / max);
  const chart = svg("svg", {viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: "img",
    "aria-label": "Events per week by type"});
  chart.append(axis(width, max, y));
  const types = Object.keys(EVENT_TYPES).filter((t) => stats.by_type[t]).concat(
    Object.keys(stats.by_type).filter((t) => !(t in EVENT_TYPES)));
  weeks.forEach((week, i) => {
    let base = 0;
    const x = PAD.left + i * step;
    const group = svg("g", {class: "week"});
    for (const type of types) {
      const count = stats.by_type[type][i];
      if (!count) continue;
      group.append(svg("rect", {x: x + 0.5, width: Math.max(1, step - 1), y: y(base + count),
        height: y(base) - y(base + count), fill: typeColor(type)}));
      base += count;
    }
    if (base) {
      const lines = types.filter((t) => stats.by_type[t][i]).map((t) => `${t}: ${stats.by_type[t][i]}`);
      group.append(svg("title", {}, `Week of ${week}: ${base} events, ${stats.fatalities[i]} killed\n${lines.join("\n")}`));
    }
    chart.append(group);
  });
  chart.append(xLabels(weeks, step));
  node.append(chart);
}

function axis(width, max, y) {
  const group = svg("g", {class: "axis"});
  for (const value of [0, Math.ceil(max / 2), max]) {
    group.append(svg("line", {x1: PAD.left, x2: width - PAD.right, y1: y(value), y2: y(value)}));
    group.append(svg("text", {x: PAD.left - 4, y: y(value) + 4, "text-anchor": "end"}, String(value)));
  }
  return group;
}

function xLabels(weeks, step) {
  const group = svg("g", {class: "axis"});
  const every = Math.max(1, Math.ceil(weeks.length / 8));
  weeks.forEach((week, i) => {
    if (i % every) return;
    group.append(svg("text", {x: PAD.left + i * step, y: HEIGHT - 6}, week.slice(0, 7)));
  });
  return group;
}
