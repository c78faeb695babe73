// Calls to the Marsad API (same origin).  Errors carry the API's {"error": {code, message}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** `path` with the non-empty `params` as its query string. */
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  return query.toString() ? `${path}?${query}` : path;
}

/** The GET /api/events URL of `filters` with `extra` parameters (format, limit, …), e.g. for a download link. */
export function eventsUrl(filters, extra = {}) {
  return withQuery("/api/events", {...filters, ...extra});
}

async function getJson(path, params = {}) {
  const url = withQuery(path, params);
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || "error", error.message || response.statusText);
  }
  return body;
}

export const api = {
  config: () => getJson("/api/config"),
  districts: () => getJson("/api/districts"),
  events: (filters, page) => getJson("/api/events", {...filters, ...page}),
  event: (id) => getJson(`/api/events/${encodeURIComponent(id)}`),
  stats: (filters) => getJson("/api/stats", filters),
  timeline: (filters) => getJson("/api/timeline", filters),
  labels: () => getJson("/api/labels"),
  gaps: (params) => getJson("/api/gaps", params),
};
