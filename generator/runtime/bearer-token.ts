/**
 * Bearer-token (Microsoft Entra ID / OAuth) authentication with token caching and early refresh.
 */
import { assertSecureTransport, type OutgoingRequest, type RequestSigner } from "./request-signer.ts";

/** An access token and when it expires (milliseconds since the epoch). */
export interface AccessToken {
  /** The token itself. */
  token: string;
  /** Expiry, in milliseconds since the Unix epoch. */
  expiresOnTimestamp: number;
}

/** Anything that can produce access tokens; structurally compatible with `@azure/identity` credentials. */
export interface TokenCredential {
  /** Gets a token for `scopes`; `null` means no token could be obtained. */
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

/** Options for {@link createBearerSigner}. */
export interface BearerSignerOptions {
  /** Refresh the token when it expires within this many milliseconds (default 2 minutes). */
  refreshWindowMs?: number;
}

/**
 * Creates a signer that sets `Authorization: Bearer <token>`.
 * Tokens are cached and refreshed when they are within the refresh window of expiry; concurrent
 * requests share a single in-flight `getToken` call. If a refresh fails while the cached token is
 * still valid, the cached token is used.
 */
export function createBearerSigner(
  credential: TokenCredential,
  scopes: string[],
  options: BearerSignerOptions = {},
): RequestSigner {
  const refreshWindowMs = options.refreshWindowMs ?? 120_000;
  let cached: AccessToken | undefined;
  let inFlight: Promise<AccessToken> | undefined;

  const refresh = (): Promise<AccessToken> => {
    if (inFlight) return inFlight;
    const pending = Promise.resolve()
      .then(() => credential.getToken(scopes))
      .then((token) => {
        if (!token) {
          throw new Error(`The token credential returned no access token for scopes: ${scopes.join(", ")}`);
        }
        cached = token;
        return token;
      })
      .finally(() => {
        if (inFlight === pending) inFlight = undefined;
      });
    inFlight = pending;
    return pending;
  };

  const tokenFor = async (nowMs: number): Promise<string> => {
    if (cached && nowMs < cached.expiresOnTimestamp - refreshWindowMs) return cached.token;
    const stillValid = cached;
    try {
      return (await refresh()).token;
    } catch (error) {
      if (stillValid && nowMs < stillValid.expiresOnTimestamp) return stillValid.token;
      throw error;
    }
  };

  return {
    async sign(request: OutgoingRequest, now: Date = new Date()): Promise<void> {
      assertSecureTransport(request.url, "a bearer token");
      request.headers.set("authorization", `Bearer ${await tokenFor(now.getTime())}`);
    },
  };
}
