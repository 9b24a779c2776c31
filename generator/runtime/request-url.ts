/**
 * Request URL construction: endpoint + path (or an absolute next link) + query parameters.
 */

/**
 * Thrown for an endpoint that is not an `http(s)` URL (or, from `validateEndpoint`, has more than an
 * origin). It never quotes the value: a connection string passed as the endpoint, or an endpoint with
 * a `?sig=` or `user:password@`, would otherwise reach logs with its secret.
 */
export const invalidEndpoint = (): Error =>
  new Error("Invalid endpoint URL: expected http(s)://<host> (the value is not shown: it may hold a key)");

/** `endpoint` parsed, when it is an `http(s)` URL; else {@link invalidEndpoint}. */
export function endpointUrl(endpoint: string): URL {
  try {
    const url = new URL(endpoint);
    if (/^https?:$/.test(url.protocol)) return url;
  } catch {
    // Not a URL at all: the same error as another scheme (URL's own error keeps the input in `input`).
  }
  throw invalidEndpoint();
}

/** Query parameters; arrays become repeated keys, `undefined` values are skipped. */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * Joins endpoint and path without `//`, then appends the query. An absolute `path` is used as-is
 * (it must have the endpoint's origin, so credentials never go elsewhere); a path or link with its own
 * query keeps it, and only query keys it lacks are added.
 * Keys and values are percent-encoded as RFC 3986 says (a space is `%20`: form encoding's `+` is
 * a plus sign to servers that are not form decoders), except commas: they join the items of a
 * form-style array or object (`ids=1,2`), and a comma inside an item reads the same to a decoder.
 * HMAC signing re-serialises the query as the official SDK does, so the signature does not depend on this.
 */
export function buildRequestUrl(endpoint: string, path: string, query: QueryParams = {}): URL {
  const base = endpointUrl(endpoint);
  const absolute = /^https?:\/\//i.test(path);
  const basePath = base.pathname.replace(/\/+$/, "");
  const url = new URL(absolute ? path : `${base.origin}${basePath}/${path.replace(/^\/+/, "")}`);
  if (absolute && url.origin !== base.origin) {
    throw new Error(`Refusing to follow a link to ${url.origin}: it is not the client's endpoint ${base.origin}`);
  }
  // A link that carries its own query (a next link) keeps it; only the keys it lacks are added.
  const linked = path.includes("?");
  const encode = (text: string): string => encodeURIComponent(text).replace(/%2C/g, ",");
  const pairs = url.search ? [url.search.slice(1)] : [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || (linked && url.searchParams.has(key))) continue;
    for (const item of typeof value === "string" ? [value] : value) pairs.push(`${encode(key)}=${encode(item)}`);
  }
  // An empty query leaves no bare `?`.
  url.search = pairs.join("&");
  return url;
}
