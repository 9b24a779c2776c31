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

/** Base64 of a digest (32 bytes, so spreading them as arguments is fine). */
const digestToBase64 = (digest: ArrayBuffer): string => btoa(String.fromCharCode(...new Uint8Array(digest)));

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

/** The parts of `node:crypto` that signing uses. */
interface NodeCrypto {
  createHash(algorithm: "sha256"): NodeDigest;
  /** `key` is a `KeyObject` from `createSecretKey`. */
  createHmac(algorithm: "sha256", key: object): NodeDigest;
  createSecretKey(key: Uint8Array): object;
}

interface NodeDigest {
  update(data: string | Uint8Array): NodeDigest;
  digest(encoding: "base64"): string;
}

/**
 * `node:crypto` where the runtime hands it out without an import (`process.getBuiltinModule`, Node
 * 20.16+ and 22.3+), so bundles for browsers hold no Node import. It signs synchronously; WebCrypto,
 * the fallback (browsers), costs two thread-pool round trips per request in Node, which cut the
 * throughput of a small request by about a third (bench/runtime-throughput.ts).
 */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.(
  "node:crypto",
) as NodeCrypto | undefined;

/** An access key, decoded, and imported (lazily) into the crypto API that signs. */
interface SigningKey {
  readonly key: string;
  readonly bytes: ReturnType<typeof base64ToBytes>;
  // Typed via importKey itself, so this compiles with DOM types and with Node-only types alike.
  imported?: ReturnType<typeof crypto.subtle.importKey>;
  /** Node's `KeyObject`: HMAC with it costs a sixth of HMAC with the raw bytes, which Node re-imports per call. */
  nodeKey?: object;
}

/** Base64 of the SHA-256 of `data` (UTF-8 for a string), or of its HMAC-SHA256 with `key`. */
async function sha256Base64(data: string | Uint8Array, key?: SigningKey): Promise<string> {
  if (nodeCrypto) {
    const digest = key
      ? nodeCrypto.createHmac("sha256", (key.nodeKey ??= nodeCrypto.createSecretKey(key.bytes)))
      : nodeCrypto.createHash("sha256");
    return digest.update(data).digest("base64");
  }
  const bytes = typeof data === "string" ? encoder.encode(data) : new Uint8Array(data);
  const subtle = crypto.subtle;
  if (!key) return digestToBase64(await subtle.digest("SHA-256", bytes));
  key.imported ??= subtle.importKey("raw", key.bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return digestToBase64(await subtle.sign("HMAC", await key.imported, bytes));
}

/** Base64 (standard alphabet, padded) SHA-256 of the exact body bytes; the empty string when there is no body. */
export function computeContentHash(body: string | Uint8Array | undefined): Promise<string> {
  return sha256Base64(body ?? "");
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
 * The key is checked immediately (so an invalid key fails fast), decoded once per key value and, where
 * WebCrypto signs, imported lazily once per key value.
 *
 * The signed host is `url.host` (hostname plus non-default port), as documented for the scheme.
 * The official JS SDK appends the port a second time for URLs with an explicit non-default port;
 * we deliberately follow the documented behaviour instead. Real endpoints use port 443, where both agree.
 * No `Host` header is set: fetch forbids it and always sends `url.host`, which is what we signed.
 */
export function createHmacSigner(accessKey: AccessKey, scheme: HmacSigningScheme): RequestSigner {
  const keyOf = (): string => (typeof accessKey === "string" ? accessKey : accessKey.key);
  let cached: SigningKey | undefined;
  const keyFor = (key: string): SigningKey => (cached?.key === key ? cached : (cached = { key, bytes: base64ToBytes(key) }));
  keyFor(keyOf()); // fail fast on an invalid key
  const signedNames = scheme.signedHeaders.map((name) => name.toLowerCase());

  return {
    async sign(request: OutgoingRequest, now: Date = new Date()): Promise<void> {
      const date = now.toUTCString();
      const contentHash = await sha256Base64(request.body ?? "");
      request.headers.set(scheme.dateHeader, date);
      request.headers.set(scheme.contentHashHeader, contentHash);
      // The date and content hash are read back from the headers just set, like any other signed header.
      const values = signedNames.map((name) => {
        if (name === "host") return request.url.host;
        const value = request.headers.get(name);
        if (value === null) throw new Error(`Cannot sign the request: header "${name}" is not set`);
        return value;
      });
      const signature = await sha256Base64(stringToSign(request.method, request.url, values), keyFor(keyOf()));
      request.headers.set(
        "authorization",
        `${scheme.authorizationPrefix} SignedHeaders=${signedNames.join(";")}&Signature=${signature}`,
      );
    },
  };
}
