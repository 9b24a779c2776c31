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
