// The interface in English or Arabic.  Elements with data-i18n="key" take the text of that key;
// Arabic sets <html lang="ar" dir="rtl">, so the whole layout mirrors (CSS uses logical properties).
// Data values (actor names, places in the table) stay as the API gives them.

const AR = {
  tagline: "أحداث النزاع مرمّزة من الأخبار العربية، وكل حقل مربوط بكلماته",
  download: "تنزيل",
  dl_csv: "CSV بصيغة ACLED",
  dl_geojson: "GeoJSON",
  dl_parquet: "Parquet",
  api: "الواجهة البرمجية",
  filters: "المرشّحات",
  since: "من",
  until: "إلى",
  country: "البلد",
  all: "الكل",
  Iraq: "العراق",
  Syria: "سوريا",
  event_type: "نوع الحدث",
  admin1: "المحافظة",
  admin2: "القضاء",
  actor: "الفاعل",
  apply: "تطبيق",
  reset: "إعادة ضبط",
  gap_window: "نافذة الثغرات الأمنية",
  earlier: "◀ أقدم",
  later: "أحدث ▶",
  event_types: "أنواع الأحداث",
  size_hint: "حجم الدائرة: عدد القتلى. الدوائر المرقّمة: أحداث مجمّعة.",
  gap_score: "مؤشر الثغرة الأمنية",
  timeline: "الأحداث عبر الزمن",
  brush_hint: "اسحب فوق الأعمدة لاختيار البداية والنهاية.",
  events: "الأحداث",
  newer: "‹ أحدث",
  older: "أقدم ›",
  date: "التاريخ",
  type: "النوع",
  actor1: "الفاعل ١",
  actor2: "الفاعل ٢",
  place: "المكان",
  killed: "قتلى",
  injured: "جرحى",
  sources: "المصادر",
  none: "لا شيء",
  loading: "جارٍ التحميل…",
  n_events: "{n} حدثاً",
  no_events: "لا أحداث لهذه المرشّحات.",
  gap_note: "{window} يوماً حتى {at} مقابل {baseline} يوماً قبلها؛ {flagged} منطقة مُشار إليها. {why}",
  why_default: "(آخر نافذة مكتملة: فيها وفي خط الأساس أحداث كافية)",
  why_given: "(اليوم الذي اخترته)",
  why_latest: "(آخر حدث؛ لا نافذة مكتملة)",
  f_date: "التاريخ",
  f_disorder: "نوع الاضطراب",
  f_place_ar: "المكان (بالعربية)",
  f_coordinates: "الإحداثيات",
  f_disputed: "منطقة متنازع عليها",
  f_civilian: "استهداف المدنيين",
  f_id: "رقم الحدث",
  f_source_article: "المقال المصدر",
  f_source_articles: "المقالات المصدر ({n})",
  "Battles": "معارك",
  "Explosions/Remote violence": "تفجيرات/عنف عن بعد",
  "Violence against civilians": "عنف ضد المدنيين",
  "Protests": "احتجاجات",
  "Riots": "أعمال شغب",
  "Strategic developments": "تطورات استراتيجية",
};

const EN = {
  type: "Type",
  actor1: "Actor 1",
  actor2: "Actor 2",
  place: "Place",
  killed: "Killed",
  injured: "Injured",
  sources: "Sources",
  f_date: "Date",
  f_disorder: "Disorder",
  f_place_ar: "Place (Arabic)",
  f_coordinates: "Coordinates",
  f_disputed: "Disputed territory",
  f_civilian: "Civilian targeting",
  f_id: "Event id",
  f_source_article: "Source article",
  f_source_articles: "Source articles ({n})",
  none: "none",
  loading: "Loading…",
  n_events: "{n} events",
  no_events: "No events for these filters.",
  gap_note: "{window} days to {at} against the {baseline} days before; {flagged} area(s) flagged. {why}",
  why_default: "(the latest complete window: enough attacks in it and in its baseline)",
  why_given: "(the day you chose)",
  why_latest: "(the latest event; no complete window)",
};

let current = "en";
const english = new Map();

export function language() {
  return current;
}

/** The text of `key` in the current language, with {name} placeholders filled from `values`. */
export function t(key, values = {}) {
  const table = current === "ar" ? AR : EN;
  const text = table[key] ?? EN[key] ?? english.get(key) ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Switch the page to `lang` ("en" or "ar"): texts, <html lang>, and the direction of the layout. */
export function setLanguage(lang) {
  current = lang === "ar" ? "ar" : "en";
  const root = document.documentElement;
  root.lang = current;
  root.dir = current === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) {
    const key = node.dataset.i18n;
    if (!english.has(key)) english.set(key, node.textContent);
    node.textContent = current === "ar" && AR[key] ? AR[key] : english.get(key);
  }
  const toggle = document.getElementById("lang-toggle");
  if (toggle) {
    toggle.textContent = current === "ar" ? "English" : "العربية";
    toggle.lang = current === "ar" ? "en" : "ar";
  }
}
