/**
 * HMAC-SHA256 access-key signing (the Azure Communication Services scheme):
 * `Authorization: <prefix> SignedHeaders=a;b;c&Signature=<base64 HMAC of the string to sign>`.
 */
import { nodeCrypto, type NodeCrypto } from "./node-crypto.ts";
import type { OutgoingRequest, RequestSigner } from "./request-signer.ts";

/** How a service wants requests signed; read from the OpenAPI security scheme's vendor extension. */
export interface HmacSigningScheme {
  /** Header that carries the request date, e.g. `x-ms-date`. */
  dateHeader: string;
  /** Header that carries the base64 SHA-256 of the body, e.g. `x-ms-content-sha256`. */
  contentHashHeader: string;
  /**
   * Headers whose values are signed, in order, in lower case (as the IR writes them: they are sent
   * as `SignedHeaders=`); the pseudo name `host` means `url.host`.
   */
  signedHeaders: string[];
  /** First word of the Authorization header, e.g. `HMAC-SHA256`. */
  authorizationPrefix: string;
}

/** Base64 of a digest (32 bytes, so spreading them as arguments is fine). */
const digestToBase64 = (digest: ArrayBuffer): string => btoa(String.fromCharCode(...new Uint8Array(digest)));

/**
 * Decodes a standard base64 string: `atob` is forgiving base64 (padding optional, whitespace
 * ignored) and rejects anything else, URL-safe characters included.
 * Throws an error that never echoes the input, since the input is a secret.
 */
const base64ToBytes = (value: string) => {
  try {
    const binary = atob(value);
    if (binary) return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    // reported below, like an empty key
  }
  throw new Error("Invalid access key: expected a non-empty base64 string");
};

/** An access key, decoded, and imported (lazily) into the crypto API that signs. */
interface SigningKey {
  readonly key: string;
  readonly bytes: ReturnType<typeof base64ToBytes>;
  // Typed via importKey itself, so this compiles with DOM types and with Node-only types alike.
  imported?: ReturnType<typeof crypto.subtle.importKey>;
  /** Node's `KeyObject`: HMAC with it costs a sixth of HMAC with the raw bytes, which Node re-imports per call. */
  nodeKey?: object;
}

/** {@link sha256Base64} with WebCrypto: browsers, and Node before 20.16. */
const webSha256Base64 = async (data: string | Uint8Array, key?: SigningKey): Promise<string> => {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(data);
  const subtle = crypto.subtle;
  if (!key) return digestToBase64(await subtle.digest("SHA-256", bytes));
  key.imported ??= subtle.importKey("raw", key.bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return digestToBase64(await subtle.sign("HMAC", await key.imported, bytes));
};

/**
 * Base64 of the SHA-256 of `data` (UTF-8 for a string), or of its HMAC-SHA256 with `key`: at once
 * with `node:crypto`, else with WebCrypto. A browser bundle, where `nodeCrypto` is the constant
 * `undefined`, keeps only the WebCrypto function.
 */
const sha256Base64: (data: string | Uint8Array, key?: SigningKey) => string | Promise<string> = nodeCrypto
  ? (data, key) => {
      // An import does not narrow inside a closure; `nodeCrypto` never changes, so the test above holds.
      const node = nodeCrypto as NodeCrypto;
      return (
        key ? node.createHmac("sha256", (key.nodeKey ??= node.createSecretKey(key.bytes))) : node.createHash("sha256")
      )
        .update(data)
        .digest("base64");
    }
  : webSha256Base64;

/** Base64 (standard alphabet, padded) SHA-256 of the exact body bytes; the empty string when there is no body. */
export const computeContentHash = async (body: string | Uint8Array | undefined): Promise<string> =>
  sha256Base64(body ?? "");

/** `url.pathname`, then `?` and the form-encoded query when the query is non-empty. */
export const pathAndQuery = (url: URL): string => {
  const query = url.searchParams.toString();
  return url.pathname + (query && `?${query}`);
};

/** The string to sign: `VERB\npath?query\nvalue1;value2;...` (LF separators, no trailing newline). */
export const stringToSign = (method: string, url: URL, signedValues: readonly string[]): string =>
  `${method.toUpperCase()}\n${pathAndQuery(url)}\n${signedValues.join(";")}`;

/** An access key, or an object holding one (`AzureKeyCredential` from `@azure/core-auth` is one). */
export type AccessKey = string | { readonly key: string };

/**
 * Creates a signer for an access key (base64, as found in the connection string). Given an object,
 * the signer reads its `key` on every request, so a rotated key is used at once.
 * The key is checked immediately (so an invalid key fails fast), decoded once per key value and, where
 * WebCrypto signs, imported lazily once per key value.
 *
 * The signed host is `url.host` (hostname plus non-default port), as documented for the scheme.
 * The official JS SDK appends the port a second time for URLs with an explicit non-default port;
 * we deliberately follow the documented behaviour instead. Real endpoints use port 443, where both agree.
 * No `Host` header is set: fetch forbids it and always sends `url.host`, which is what we signed.
 */
export const createHmacSigner = (accessKey: AccessKey, scheme: HmacSigningScheme): RequestSigner => {
  let cached: SigningKey | undefined;
  /** The key's current value, decoded once per value. */
  const currentKey = (): SigningKey => {
    const key = typeof accessKey === "string" ? accessKey : accessKey.key;
    return cached?.key === key ? cached : (cached = { key, bytes: base64ToBytes(key) });
  };
  currentKey(); // fail fast on an invalid key
  const signedNames = scheme.signedHeaders;

  return {
    async sign(request: OutgoingRequest, now: Date = new Date()): Promise<void> {
      const { headers, url } = request;
      headers.set(scheme.dateHeader, now.toUTCString());
      headers.set(scheme.contentHashHeader, await sha256Base64(request.body ?? ""));
      // The date and content hash are read back from the headers just set, like any other signed header.
      const values = signedNames.map((name) => {
        const value = name === "host" ? url.host : headers.get(name);
        if (value === null) throw new Error(`Cannot sign the request: header "${name}" is not set`);
        return value;
      });
      const signature = await sha256Base64(stringToSign(request.method, url, values), currentKey());
      headers.set(
        "authorization",
        `${scheme.authorizationPrefix} SignedHeaders=${signedNames.join(";")}&Signature=${signature}`,
      );
    },
  };
};
