/**
 * Request URL construction: endpoint + path (or an absolute next link) + query parameters.
 */

/** Query parameters; arrays become repeated keys, `undefined` values are skipped. */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Joins endpoint and path without `//`, then appends the query. An absolute `path` is used as-is
 * (it must have the endpoint's origin, so credentials never go elsewhere); a path or link with its own
 * query keeps it, and only query keys it lacks are added.
 * The query is re-serialised with `URLSearchParams`, so what is sent is exactly what HMAC signing covers.
 */
export function buildRequestUrl(endpoint: string, path: string, query: QueryParams = {}): URL {
  const base = new URL(endpoint);
  const absolute = /^https?:\/\//i.test(path);
  const basePath = base.pathname.replace(/\/+$/, "");
  const url = new URL(absolute ? path : `${base.origin}${basePath}/${path.replace(/^\/+/, "")}`);
  if (absolute && url.origin !== base.origin) {
    throw new Error(`Refusing to follow a link to ${url.origin}: it is not the client's endpoint ${base.origin}`);
  }
  // A link that carries its own query (a next link) keeps it; only the keys it lacks are added.
  const linked = path.includes("?");
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || (linked && url.searchParams.has(key))) continue;
    for (const item of typeof value === "string" ? [value] : value) url.searchParams.append(key, item);
  }
  // An empty query leaves no bare `?`.
  url.search = url.searchParams.toString();
  return url;
}
