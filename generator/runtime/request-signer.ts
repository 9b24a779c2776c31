/**
 * The contract between the transport (`send-request.ts`) and authentication schemes
 * (`hmac-signing.ts`, `bearer-token.ts`). A signer sees the final request, right before it is sent.
 */

/** A request as it will go on the wire. `body` holds exactly the bytes (or UTF-8 text) that will be sent. */
export interface OutgoingRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The final URL, including the query string. */
  url: URL;
  /** Headers of this attempt; a signer adds its headers here. */
  headers: Headers;
  /** The body to send, or `undefined` when there is none. */
  body: string | Uint8Array | undefined;
}

/**
 * Adds authentication to a request by mutating `request.headers`.
 * It is called once per attempt, so every retry is signed afresh.
 */
export interface RequestSigner {
  /**
   * Signs `request` in place.
   * @param request the request about to be sent.
   * @param now the current time (tests pass a fixed value); defaults to `new Date()`.
   */
  sign(request: OutgoingRequest, now?: Date): Promise<void>;
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Throws unless `url` is `https:`, or `http:` to a loopback host (local test servers): credentials
 * that travel as they are (a bearer token, an API key, a user name and password) would otherwise
 * cross the network in clear text. `what` names them in the message, e.g. "a bearer token".
 */
export function assertSecureTransport(url: URL, what: string): void {
  if (url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.has(url.hostname))) return;
  throw new Error(`Refusing to send ${what} over ${url.protocol}//${url.host}: it requires https`);
}
