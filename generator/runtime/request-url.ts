/**
 * Request URL construction: endpoint + path (or an absolute next link) + query parameters.
 */
import { sameOrigin } from "./redirect-policy.ts";

/**
 * Thrown for an endpoint that is not an `http(s)` URL (or, from `validateEndpoint`, has more than an
 * origin). It never quotes the value: a connection string passed as the endpoint, or an endpoint with
 * a `?sig=` or `user:password@`, would otherwise reach logs with its secret.
 */
export const invalidEndpoint = (): Error =>
  new Error("Invalid endpoint URL: expected http(s)://<host> (the value is not shown: it may hold a key)");

/** `endpoint` parsed, when it is an `http(s)` URL; else {@link invalidEndpoint}. */
export const endpointUrl = (endpoint: string): URL => {
  try {
    const url = new URL(endpoint);
    if (/^https?:$/.test(url.protocol)) return url;
  } catch {
    // Not a URL at all: the same error as another scheme (URL's own error keeps the input in `input`).
  }
  throw invalidEndpoint();
};

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
export const buildRequestUrl = (endpoint: string, path: string, query: QueryParams = {}): URL => {
  const base = endpointUrl(endpoint);
  const basePath = base.pathname.replace(/\/+$/, "");
  const url = new URL(/^https?:\/\//i.test(path) ? path : `${base.origin}${basePath}/${path.replace(/^\/+/, "")}`);
  // Only an absolute link can fail this: a relative path always stays under the endpoint.
  sameOrigin(url, base, "a link");
  const encode = (text: string): string => encodeURIComponent(text).replace(/%2C/g, ",");
  const pairs = url.search ? [url.search.slice(1)] : [];
  for (const [key, value] of Object.entries(query)) {
    // A link that carries its own query (a next link) keeps it; only the keys it lacks are added.
    if (value !== undefined && !url.searchParams.has(key))
      for (const item of [value].flat()) pairs.push(`${encode(key)}=${encode(item)}`);
  }
  // An empty query leaves no bare `?`.
  url.search = pairs.join("&");
  return url;
};
