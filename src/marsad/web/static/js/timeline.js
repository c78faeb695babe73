// The timeline: stacked bars by event type in bins of a day, a week or a month (GET /api/timeline
// chooses by the span), drawn as SVG nodes.  Dragging across the bars selects a date range.

import {clear, el, svg} from "./dom.js";
import {EVENT_TYPES, typeColor} from "./colors.js";
import {t} from "./i18n.js";

const HEIGHT = 150;
const PAD = {top: 8, right: 10, bottom: 24, left: 32};
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Labels are at least this many pixels apart. */
const LABEL_GAP = 56;

const parts = (iso) => iso.split("-").map(Number);

/**
 * Tick labels of the bins `starts` (YYYY-MM-DD) of size `bin`, at most one per `every` bins:
 * [{index, text}], where no text repeats.  Week and month bins are labelled by month ("Jul"), with
 * the year on every label when the series crosses a year ("Jul 2018"), else on the first; day bins
 * by day and month ("3 Jul"), with the year on the first label and where it changes.
 */
export function tickLabels(starts, bin, every) {
  const ticks = [];
  let lastYear = null;
  let lastIndex = -Infinity;
  const seen = new Set();
  // over several years a month name alone would come back each year: then every label has its year
  const manyYears = bin !== "day" && starts.length > 0 && parts(starts[0])[0] !== parts(starts[starts.length - 1])[0];
  // month labels step by a divisor of a year (1, 2, 3, 4, 6 months) or by whole years: Jan, Apr, Jul, Oct
  const monthStep = [1, 2, 3, 4, 6, 12].find((n) => n >= every) || 12 * Math.ceil(every / 12);
  starts.forEach((start, index) => {
    const [year, month, day] = parts(start);
    // a label may start only where a natural unit begins: a year (month bins), a month (week bins), any day
    const natural = bin === "month" ? (month - 1) % Math.min(12, monthStep) === 0 : bin === "week" ? day <= 7 : true;
    if (!natural || index - lastIndex < (bin === "month" ? monthStep : every)) return;
    const short = bin === "day" ? `${day} ${MONTHS[month - 1]}` : MONTHS[month - 1];
    const text = manyYears || lastYear !== year ? `${short} ${year}` : short;
    if (seen.has(text)) return;
    seen.add(text);
    ticks.push({index, text});
    lastYear = year;
    lastIndex = index;
  });
  return ticks;
}

/**
 * Draw `data` (GET /api/timeline) into `node`; `onRange(since, until)` runs when the user
 * drags across (or clicks) the bars.  `range` ({since, until}) is shaded as the current choice.
 */
export function renderTimeline(node, data, onRange, range = {}) {
  clear(node);
  const starts = data.starts || [];
  if (!starts.length) {
    node.append(el("p", {className: "muted"}, t("no_events")));
    return;
  }
  const width = Math.max(320, node.clientWidth || 800);
  const inner = width - PAD.left - PAD.right;
  const max = Math.max(1, ...data.total);
  const step = inner / starts.length;
  const y = (v) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / max);
  const chart = svg("svg", {viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: "img",
    "aria-label": `Events per ${data.bin}`, class: `bins-${data.bin}`});
  chart.dataset.bin = data.bin;
  chart.append(axis(width, max, y));
  const types = Object.keys(EVENT_TYPES).filter((k) => data.by_type[k]).concat(
    Object.keys(data.by_type).filter((k) => !(k in EVENT_TYPES)));
  starts.forEach((start, i) => {
    let base = 0;
    const x = PAD.left + i * step;
    const group = svg("g", {class: "bin"});
    const inRange = range.since && range.until && start <= range.until && data.ends[i] >= range.since;
    if (inRange) group.append(svg("rect", {class: "chosen", x, width: step, y: PAD.top, height: HEIGHT - PAD.top - PAD.bottom}));
    for (const type of types) {
      const count = data.by_type[type][i];
      if (!count) continue;
      group.append(svg("rect", {class: "bar", x: x + Math.min(1, step * 0.1), width: Math.max(1, step - Math.min(2, step * 0.2)),
        y: y(base + count), height: y(base) - y(base + count), fill: typeColor(type)}));
      base += count;
    }
    const span = start === data.ends[i] ? start : `${start} – ${data.ends[i]}`;
    const lines = types.filter((k) => data.by_type[k][i]).map((k) => `${k}: ${data.by_type[k][i]}`);
    group.append(svg("title", {}, `${span}: ${base} events, ${data.fatalities[i]} killed\n${lines.join("\n")}`));
    chart.append(group);
  });
  const every = Math.max(1, Math.ceil(LABEL_GAP / step));
  const labels = svg("g", {class: "axis labels"});
  for (const tick of tickLabels(starts, data.bin, every)) {
    labels.append(svg("text", {x: PAD.left + tick.index * step, y: HEIGHT - 7}, tick.text));
  }
  chart.append(labels);
  node.append(chart);
  if (onRange) brush(chart, data, step, onRange);
}

function axis(width, max, y) {
  const group = svg("g", {class: "axis"});
  for (const value of [...new Set([0, Math.ceil(max / 2), max])]) {
    group.append(svg("line", {x1: PAD.left, x2: width - PAD.right, y1: y(value), y2: y(value)}));
    group.append(svg("text", {x: PAD.left - 4, y: y(value) + 4, "text-anchor": "end"}, String(value)));
  }
  return group;
}

/** Drag to select bins: a shaded band follows the pointer; on release `onRange(first start, last end)`. */
function brush(chart, data, step, onRange) {
  const n = data.starts.length;
  const band = svg("rect", {class: "brush", y: PAD.top, height: HEIGHT - PAD.top - PAD.bottom, width: 0, x: 0});
  chart.append(band);
  const binAt = (event) => {
    const box = chart.getBoundingClientRect();
    const scale = box.width / chart.viewBox.baseVal.width;
    const x = (event.clientX - box.left) / scale;
    return Math.max(0, Math.min(n - 1, Math.floor((x - PAD.left) / step)));
  };
  let from = null;
  const show = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    band.setAttribute("x", String(PAD.left + lo * step));
    band.setAttribute("width", String((hi - lo + 1) * step));
    return [lo, hi];
  };
  chart.addEventListener("pointerdown", (event) => {
    from = binAt(event);
    chart.setPointerCapture(event.pointerId);
    show(from, from);
    event.preventDefault();
  });
  chart.addEventListener("pointermove", (event) => {
    if (from !== null) show(from, binAt(event));
  });
  chart.addEventListener("pointerup", (event) => {
    if (from === null) return;
    const [lo, hi] = show(from, binAt(event));
    from = null;
    onRange(data.starts[lo], data.ends[hi]);
  });
}
