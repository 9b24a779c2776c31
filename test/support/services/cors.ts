/**
 * Headers every local-service response carries: `x-ms-request-id` (fresh per response), the echoed
 * `x-ms-client-request-id`, and for cross-origin callers (a browser page) CORS: the Origin is echoed
 * in `access-control-allow-origin` and the request-id and retry headers are exposed. Preflight
 * OPTIONS requests are answered without credentials.
 */
import type { IncomingMessage } from "node:http";

/** Request headers a page may send (HMAC signing, bearer, request ids, JSON and merge-patch bodies). */
export const CORS_ALLOW_HEADERS = [
  "authorization",
  "content-type",
  "x-ms-date",
  "x-ms-content-sha256",
  "x-ms-client-request-id",
  "x-ms-useragent",
  "accept",
  "prefer",
];
/** Response headers a page may read. */
export const CORS_EXPOSE_HEADERS = [
  "x-ms-request-id",
  "x-ms-client-request-id",
  "retry-after",
  "retry-after-ms",
  "x-ms-retry-after-ms",
  "www-authenticate",
];
export const CORS_ALLOW_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function baseResponseHeaders(req: IncomingMessage, requestId: string): Record<string, string> {
  const headers: Record<string, string> = { "x-ms-request-id": requestId };
  const clientRequestId = first(req.headers["x-ms-client-request-id"]);
  if (clientRequestId) headers["x-ms-client-request-id"] = clientRequestId;
  const origin = first(req.headers.origin);
  if (origin) {
    headers["access-control-allow-origin"] = origin;
    headers["access-control-expose-headers"] = CORS_EXPOSE_HEADERS.join(", ");
    headers["vary"] = "Origin";
  }
  return headers;
}

/** Extra headers of the 204 answer to an OPTIONS request. */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {
    "access-control-allow-methods": CORS_ALLOW_METHODS.join(", "),
    "access-control-allow-headers": CORS_ALLOW_HEADERS.join(", "),
    "access-control-max-age": "600",
  };
  if (!req.headers.origin) headers["allow"] = CORS_ALLOW_METHODS.join(", ");
  return headers;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
