/**
 * Credentials for the e2e suites: a token credential that hands out a bearer token the local
 * service accepts and records what it was asked for.
 */
import type { AccessToken, TokenCredential } from "./apis.ts";

export interface RecordingTokenCredential extends TokenCredential {
  /** The scopes of every `getToken` call, in order. */
  readonly calls: string[][];
}

/** A credential whose `getToken` returns `token`, valid until `expiresOnTimestamp` (epoch ms). */
export function recordingTokenCredential(token: string, expiresOnTimestamp: number): RecordingTokenCredential {
  const calls: string[][] = [];
  return {
    calls,
    getToken(scopes: string | string[]): Promise<AccessToken> {
      calls.push(typeof scopes === "string" ? [scopes] : [...scopes]);
      return Promise.resolve({ token, expiresOnTimestamp });
    },
  };
}
