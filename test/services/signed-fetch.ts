/**
 * Test-side HMAC signing and a small `fetch` wrapper for the service tests. Written from
 * acs-hmac.md with node:crypto directly, independent of the service's verifier.
 */
import { createHash, createHmac } from "node:crypto";

export interface HmacAuth {
  readonly key: string;
  /** Signing time (default now). */
  readonly date?: Date;
  /** The host to sign (default the URL's host). */
  readonly host?: string;
  /** Sign this body instead of the one sent (to simulate tampering). */
  readonly signedBody?: string;
}

export type Auth = HmacAuth | { readonly bearer: string } | "none";

export interface CallOptions {
  /** Sent as compact JSON with `content-type: application/json` unless `contentType` says otherwise. */
  readonly json?: unknown;
  readonly body?: string;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly auth?: Auth;
  readonly signal?: AbortSignal;
}

/** `x-ms-date`, `x-ms-content-sha256` and `Authorization` for one request. */
export function signHeaders(method: string, url: string, body: string, auth: HmacAuth): Record<string, string> {
  const parsed = new URL(url);
  const pathAndQuery = parsed.pathname + (parsed.searchParams.size > 0 ? `?${parsed.searchParams.toString()}` : "");
  const date = (auth.date ?? new Date()).toUTCString();
  const hash = createHash("sha256")
    .update(auth.signedBody ?? body, "utf8")
    .digest("base64");
  const stringToSign = `${method}\n${pathAndQuery}\n${date};${auth.host ?? parsed.host};${hash}`;
  const signature = createHmac("sha256", Buffer.from(auth.key, "base64")).update(stringToSign, "utf8").digest("base64");
  return {
    "x-ms-date": date,
    "x-ms-content-sha256": hash,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };
}

/** A caller bound to a base URL whose requests are HMAC-signed with `key` unless told otherwise. */
export function caller(baseUrl: string, key: string) {
  return function call(method: string, pathAndQuery: string, options: CallOptions = {}): Promise<Response> {
    const url = baseUrl + pathAndQuery;
    const body = options.body ?? (options.json === undefined ? "" : JSON.stringify(options.json));
    const headers: Record<string, string> = { ...options.headers };
    if (body !== "" || options.contentType) headers["content-type"] = options.contentType ?? "application/json";
    const auth = options.auth ?? { key };
    if (auth !== "none")
      Object.assign(
        headers,
        "bearer" in auth ? { authorization: `Bearer ${auth.bearer}` } : signHeaders(method, url, body, auth),
      );
    return fetch(url, {
      method,
      headers,
      ...(body !== "" ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  };
}

/** The parsed JSON body, typed by the caller (tests only). */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly target?: string;
    readonly details?: Array<{ code: string; target?: string; message: string }>;
  };
}

/** Appends `api-version`. */
export function v(path: string, version: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}api-version=${version}`;
}

export const STABLE = "2023-10-01";
export const PREVIEW = "2025-03-02-preview";
export const ID_PATTERN = /^8:acs:([0-9a-f-]{36})_([0-9a-f-]{36})$/;
