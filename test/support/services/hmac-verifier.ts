/**
 * Server-side check of Communication Services HMAC-SHA256 request signatures, exactly as described
 * in /work/shared/reference/acs-hmac.md:
 *
 *   Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>
 *   string to sign = VERB \n path-and-query \n x-ms-date;host;x-ms-content-sha256
 *
 * The path and query are taken as sent (the raw request target), `host` is the Host header as
 * received (so the official SDK's `host:port:port` quirk verifies too), the key is base64-decoded,
 * `x-ms-content-sha256` must be the base64 SHA-256 of the received body bytes, and `x-ms-date` may be
 * at most five minutes away from the service clock in either direction.
 * Failure reasons never contain the key or the expected signature.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The signed header list the official SDK sends, in its order. */
export const HMAC_SIGNED_HEADERS = "x-ms-date;host;x-ms-content-sha256";
/** Largest accepted distance between `x-ms-date` and the service clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** `x-ms-content-sha256` of an empty body. */
export const EMPTY_CONTENT_SHA256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

const AUTHORIZATION = /^HMAC-SHA256 SignedHeaders=([^&]*)&Signature=(.*)$/;

/** Base64 SHA-256 of the body bytes (UTF-8 for a string). */
export function contentSha256(body: Uint8Array | string): string {
  return createHash("sha256").update(body).digest("base64");
}

/** The three-line string to sign (LF separated, no trailing newline). */
export function hmacStringToSign(
  method: string,
  pathAndQuery: string,
  date: string,
  host: string,
  contentHash: string,
): string {
  return `${method.toUpperCase()}\n${pathAndQuery}\n${date};${host};${contentHash}`;
}

/** base64(HMAC-SHA256(base64-decoded key, UTF-8 string to sign)). */
export function hmacSignature(accessKey: string, stringToSign: string): string {
  return createHmac("sha256", Buffer.from(accessKey, "base64")).update(stringToSign, "utf8").digest("base64");
}

export interface HmacRequest {
  readonly method: string;
  /** Path and query exactly as sent on the request line. */
  readonly target: string;
  readonly authorization: string;
  readonly date: string | undefined;
  readonly host: string | undefined;
  readonly contentHash: string | undefined;
  readonly body: Uint8Array;
}

export type HmacVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** A short machine-readable reason, used as the error code. */
      readonly code: "InvalidAuthorizationHeader" | "InvalidDate" | "InvalidContentHash" | "InvalidSignature";
      readonly message: string;
      /** What the service signed, for the request log (never sent back to the client). */
      readonly stringToSign?: string;
    };

/** Verifies one request against the access key at time `now` (epoch ms). */
export function verifyHmacRequest(request: HmacRequest, accessKey: string, now: number): HmacVerdict {
  const parsed = AUTHORIZATION.exec(request.authorization);
  if (!parsed) {
    return fail(
      "InvalidAuthorizationHeader",
      "The Authorization header is not of the form 'HMAC-SHA256 SignedHeaders=...&Signature=...'.",
    );
  }
  const [, signedHeaders = "", signature = ""] = parsed;
  if (signedHeaders.toLowerCase() !== HMAC_SIGNED_HEADERS) {
    return fail("InvalidAuthorizationHeader", `SignedHeaders must be '${HMAC_SIGNED_HEADERS}'.`);
  }
  if (!request.host) return fail("InvalidAuthorizationHeader", "The request has no Host header.");
  if (!request.date) return fail("InvalidDate", "The signed request has no x-ms-date header.");
  const sentAt = Date.parse(request.date);
  if (!Number.isFinite(sentAt)) return fail("InvalidDate", "x-ms-date is not an HTTP date.");
  if (Math.abs(now - sentAt) > MAX_CLOCK_SKEW_MS) {
    return fail("InvalidDate", "x-ms-date is more than 5 minutes away from the service time.");
  }
  if (!request.contentHash) return fail("InvalidContentHash", "The signed request has no x-ms-content-sha256 header.");
  if (request.contentHash !== contentSha256(request.body)) {
    return fail("InvalidContentHash", "x-ms-content-sha256 does not match the SHA-256 of the request body.");
  }
  const stringToSign = hmacStringToSign(
    request.method,
    request.target,
    request.date,
    request.host,
    request.contentHash,
  );
  const expected = Buffer.from(hmacSignature(accessKey, stringToSign), "base64");
  const received = Buffer.from(signature, "base64");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, code: "InvalidSignature", message: "The request signature is not valid.", stringToSign };
  }
  return { ok: true };
}

function fail(code: Exclude<HmacVerdict, { ok: true }>["code"], message: string): HmacVerdict {
  return { ok: false, code, message };
}
