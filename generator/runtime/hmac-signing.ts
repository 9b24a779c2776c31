/**
 * HMAC-SHA256 access-key signing (the Azure Communication Services scheme):
 * `Authorization: <prefix> SignedHeaders=a;b;c&Signature=<base64 HMAC of the string to sign>`.
 */
import type { OutgoingRequest, RequestSigner } from "./request-signer.ts";

/** How a service wants requests signed; read from the OpenAPI security scheme's vendor extension. */
export interface HmacSigningScheme {
  /** Header that carries the request date, e.g. `x-ms-date`. */
  dateHeader: string;
  /** Header that carries the base64 SHA-256 of the body, e.g. `x-ms-content-sha256`. */
  contentHashHeader: string;
  /** Headers whose values are signed, in order; the pseudo name `host` means `url.host`. */
  signedHeaders: string[];
  /** First word of the Authorization header, e.g. `HMAC-SHA256`. */
  authorizationPrefix: string;
}

const encoder = new TextEncoder();

function toBytes(body: string | Uint8Array | undefined) {
  return typeof body === "string" ? encoder.encode(body) : new Uint8Array(body ?? []);
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Decodes a standard base64 string: `atob` is forgiving base64 (padding optional, whitespace
 * ignored) and rejects anything else, URL-safe characters included.
 * Throws an error that never echoes the input, since the input is a secret.
 */
function base64ToBytes(value: string) {
  let binary = "";
  try {
    binary = atob(value);
  } catch {
    // reported below
  }
  if (binary === "") throw new Error("Invalid access key: expected a non-empty base64 string");
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Base64 (standard alphabet, padded) SHA-256 of the exact body bytes; the empty string when there is no body. */
export async function computeContentHash(body: string | Uint8Array | undefined): Promise<string> {
  return bytesToBase64(new Uint8Array(await crypto.subtle.digest("SHA-256", toBytes(body))));
}

/** `url.pathname`, then `?` and the form-encoded query when the query is non-empty. */
export function pathAndQuery(url: URL): string {
  const query = url.searchParams.toString();
  return query === "" ? url.pathname : `${url.pathname}?${query}`;
}

/** The string to sign: `VERB\npath?query\nvalue1;value2;...` (LF separators, no trailing newline). */
export function stringToSign(method: string, url: URL, signedValues: readonly string[]): string {
  return `${method.toUpperCase()}\n${pathAndQuery(url)}\n${signedValues.join(";")}`;
}

/** An access key, or an object holding one (`AzureKeyCredential` from `@azure/core-auth` is one). */
export type AccessKey = string | { readonly key: string };

/**
 * Creates a signer for an access key (base64, as found in the connection string). Given an object,
 * the signer reads its `key` on every request, so a rotated key is used at once.
 * The key is checked immediately (so an invalid key fails fast) and imported into WebCrypto lazily,
 * once per key value.
 *
 * The signed host is `url.host` (hostname plus non-default port), as documented for the scheme.
 * The official JS SDK appends the port a second time for URLs with an explicit non-default port;
 * we deliberately follow the documented behaviour instead. Real endpoints use port 443, where both agree.
 * No `Host` header is set: fetch forbids it and always sends `url.host`, which is what we signed.
 */
export function createHmacSigner(accessKey: AccessKey, scheme: HmacSigningScheme): RequestSigner {
  const keyOf = (): string => (typeof accessKey === "string" ? accessKey : accessKey.key);
  // Typed via importKey itself, so this compiles with DOM types and with Node-only types alike.
  let imported: { key: string; cryptoKey: ReturnType<typeof crypto.subtle.importKey> } | undefined;
  const cryptoKeyFor = (key: string): ReturnType<typeof crypto.subtle.importKey> => {
    if (imported?.key !== key) {
      const cryptoKey = crypto.subtle
        .importKey("raw", base64ToBytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
        .catch((error: unknown) => {
          imported = undefined;
          throw error;
        });
      imported = { key, cryptoKey };
    }
    return imported.cryptoKey;
  };
  base64ToBytes(keyOf()); // fail fast on an invalid key
  const dateName = scheme.dateHeader.toLowerCase();
  const hashName = scheme.contentHashHeader.toLowerCase();
  const signedNames = scheme.signedHeaders.map((name) => name.toLowerCase());

  return {
    async sign(request: OutgoingRequest, now: Date = new Date()): Promise<void> {
      const date = now.toUTCString();
      const contentHash = await computeContentHash(request.body);
      request.headers.set(scheme.dateHeader, date);
      request.headers.set(scheme.contentHashHeader, contentHash);
      const values = signedNames.map((name) => {
        if (name === dateName) return date;
        if (name === hashName) return contentHash;
        if (name === "host") return request.url.host;
        const value = request.headers.get(name);
        if (value === null) throw new Error(`Cannot sign the request: header "${name}" is not set`);
        return value;
      });
      const data = encoder.encode(stringToSign(request.method, request.url, values));
      const signature = bytesToBase64(new Uint8Array(await crypto.subtle.sign("HMAC", await cryptoKeyFor(keyOf()), data)));
      request.headers.set(
        "authorization",
        `${scheme.authorizationPrefix} SignedHeaders=${signedNames.join(";")}&Signature=${signature}`,
      );
    },
  };
}
