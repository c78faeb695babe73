// The event panel: fields, notes, sources, and each source article with its evidence highlighted.

import {clear, el, safeLink} from "./dom.js";
import {typeColor} from "./colors.js";
import {evidenceLegend, highlightedText} from "./evidence.js";
import {t} from "./i18n.js";

const PRECISION = {1: "exact day", 2: "week", 3: "month"};
const GEO_PRECISION = {1: "the place itself", 2: "near the place / district", 3: "governorate"};

function actorText(name, inter) {
  return name ? `${name} (inter ${inter})` : "—";
}

function placeText(e) {
  const parts = [e.location, e.admin2, e.admin1, e.country].filter(Boolean);
  return [...new Set(parts)].join(", ");
}

function fieldRows(e) {
  const coords = e.latitude == null ? "—" : `${Number(e.latitude).toFixed(4)}, ${Number(e.longitude).toFixed(4)}`;
  return [
    [t("f_date"), `${e.event_date} (${PRECISION[e.time_precision] || e.time_precision})`],
    [t("type"), `${e.event_type} › ${e.sub_event_type}`],
    [t("f_disorder"), e.disorder_type],
    [t("actor1"), actorText(e.actor1, e.inter1)],
    [t("actor2"), actorText(e.actor2, e.inter2)],
    [t("place"), placeText(e)],
    [t("f_place_ar"), el("span", {lang: "ar", dir: "rtl"}, e.location_ar || "—")],
    [t("f_coordinates"), `${coords} · precision: ${GEO_PRECISION[e.geo_precision] || e.geo_precision}`],
    [t("f_disputed"), e.disputed ? "yes" : "no"],
    [t("killed"), String(e.fatalities)],
    [t("injured"), String(e.injured)],
    [t("f_civilian"), e.civilian_targeting ? "yes" : "no"],
    [t("sources"), e.source || "—"],
    [t("f_id"), el("code", {}, e.event_id)],
  ];
}

function fieldsTable(e) {
  return el("table", {className: "fields"},
    el("tbody", {}, fieldRows(e).map(([name, value]) => el("tr", {}, el("th", {scope: "row"}, name), el("td", {}, value)))));
}

function articleView(article) {
  const meta = [article.outlet, article.published].filter(Boolean).join(" · ");
  return el("article", {className: "source", dataset: {articleId: article.id}},
    el("header", {},
      el("h4", {}, meta || article.id),
      article.url ? el("p", {className: "url"}, safeLink(article.url)) : null),
    evidenceLegend(article.evidence),
    el("div", {className: "article-text", lang: "ar", dir: "rtl"}, highlightedText(article.text, article.evidence)));
}

/** Fill `container` with the event `detail` ({event, articles}) from GET /api/events/{id}. */
export function renderDetail(container, detail) {
  const e = detail.event;
  clear(container).append(
    el("p", {className: "kicker"},
      el("span", {className: "dot"}), e.event_type),
    el("h3", {}, `${e.sub_event_type} — ${e.location || e.admin1}`),
    el("p", {className: "notes"}, e.notes || ""),
    fieldsTable(e),
    el("h3", {}, detail.articles.length === 1 ? t("f_source_article") : t("f_source_articles", {n: detail.articles.length})),
    ...detail.articles.map(articleView),
  );
  const dot = container.querySelector(".dot");
  if (dot) dot.style.background = typeColor(e.event_type);
}

export function renderDetailError(container, message) {
  clear(container).append(el("p", {className: "error"}, message));
}
