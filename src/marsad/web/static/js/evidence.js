// The article text with each evidence span highlighted, built from DOM nodes only.
//
// Offsets are code-point offsets (Python string indexes) into the text exactly as stored;
// Array.from splits a JS string into code points, so characters outside the BMP count once.
// The text is never parsed as HTML: "<script>" in an article is shown as those characters.

import {el} from "./dom.js";
import {EVIDENCE_FIELDS, fieldLabel} from "./colors.js";

const ORDER = Object.fromEntries(EVIDENCE_FIELDS.map(([name], i) => [name, i]));

/** Valid spans of `evidence` ({field: [[start, end], ...]}), clamped to the text, in text order. */
export function spansOf(evidence, length) {
  const spans = [];
  for (const [field, pairs] of Object.entries(evidence || {})) {
    if (!Array.isArray(pairs)) continue;
    for (const pair of pairs) {
      if (!Array.isArray(pair) || pair.length !== 2) continue;
      const start = Math.max(0, Math.min(length, Number(pair[0])));
      const end = Math.max(0, Math.min(length, Number(pair[1])));
      if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({field, start, end});
    }
  }
  return spans.sort((a, b) => a.start - b.start || (ORDER[a.field] ?? 99) - (ORDER[b.field] ?? 99));
}

/**
 * A fragment of `text` with <mark data-field="..."> around each evidence span.  Overlapping
 * spans are cut at every boundary; each piece names all its fields (data-fields) and takes
 * the colour of the first.  The first piece of a span carries its label (data-label).
 */
export function highlightedText(text, evidence) {
  const chars = Array.from(text || "");
  const spans = spansOf(evidence, chars.length);
  const cuts = [...new Set([0, chars.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = chars.slice(a, b).join("");
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    if (!covering.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const fields = [...new Set(covering.map((s) => s.field))];
    const starting = [...new Set(covering.filter((s) => s.start === a).map((s) => s.field))];
    const mark = el("mark", {
      className: `ev ev-${fields[0]}`,
      title: fields.map(fieldLabel).join(" · "),
      dataset: {field: fields[0], fields: fields.join(" ")},
    }, piece);
    if (starting.length) mark.dataset.label = starting.map(fieldLabel).join(" · ");
    fragment.append(mark);
  }
  return fragment;
}

/** The legend of the fields present in `evidence`. */
export function evidenceLegend(evidence) {
  const present = new Set(Object.keys(evidence || {}));
  return el("ul", {className: "evidence-legend", attrs: {"aria-label": "Evidence legend"}},
    EVIDENCE_FIELDS.filter(([name]) => present.has(name)).map(([name, label]) =>
      el("li", {}, el("mark", {className: `ev ev-${name}`, dataset: {field: name}}, label))));
}

/**
 * Keep every evidence label inside its article box: a label starts at its mark's start edge
 * (the right, in Arabic) and runs towards the end; near the box's far edge it would be cut
 * off, so such a label is anchored at the mark's other edge instead (class "label-flip").
 * Call after the text is in the document.
 */
export function fitLabels(container) {
  const probe = document.createElement("span");
  probe.className = "ev-label-probe";
  document.body.append(probe);
  try {
    for (const box of container.querySelectorAll(".article-text")) {
      const limits = box.getBoundingClientRect();
      const rtl = getComputedStyle(box).direction === "rtl";
      for (const mark of box.querySelectorAll("mark[data-label]")) {
        mark.classList.remove("label-flip");
        const piece = mark.getClientRects()[0];
        if (!piece) continue;
        probe.textContent = mark.dataset.label;
        const width = probe.getBoundingClientRect().width;
        const overflows = rtl ? piece.right - width < limits.left : piece.left + width > limits.right;
        if (overflows) mark.classList.add("label-flip");
      }
    }
  } finally {
    probe.remove();
  }
}
