/**
 * What the test page runs in Chromium: the generated communication-identity 2025-03-02-preview
 * client (bundled by esbuild, HMAC signing through Web Crypto) against the local service across
 * origins. `window.identityScenario` creates an identity with a token, issues another token, and
 * makes one call the service rejects; it returns plain data for the Node side to check.
 */
import {
  CommunicationIdentityClient,
  HttpError,
  createCommunicationIdentityClientContextWithKey,
  getCommunicationIdentity,
} from "../../generated/packages/communication-identity-2025-03-02-preview/src/index.ts";

export interface ScenarioResult {
  readonly userAgent: string;
  readonly webCrypto: boolean;
  readonly created: {
    readonly id: string;
    readonly customId?: string;
    readonly token?: string;
    readonly expiresOn?: string;
  };
  readonly issued: { readonly token: string; readonly expiresOn: string; readonly isDate: boolean };
  readonly fetched: { readonly id: string; readonly lastTokenIssuedAt?: string };
  readonly error: {
    readonly name: string;
    readonly status?: number;
    readonly code?: string;
    readonly message: string;
    readonly requestId?: string;
  };
}

declare global {
  interface Window {
    identityScenario(endpoint: string, key: string): Promise<ScenarioResult>;
  }
}

window.identityScenario = async (endpoint, key) => {
  const client = new CommunicationIdentityClient(endpoint, { key }, { retry: { maxRetries: 0 } });
  const created = await client.createCommunicationIdentity({
    customId: "browser@contoso.com",
    createTokenWithScopes: ["chat"],
    expiresInMinutes: 60,
  });
  const issued = await client.issueAccessToken(created.identity.id, { scopes: ["voip"] });
  // The tree-shakable path, too.
  const context = createCommunicationIdentityClientContextWithKey(endpoint, { key });
  const fetched = await getCommunicationIdentity(context, created.identity.id);
  let error: ScenarioResult["error"] = { name: "none", message: "the call did not fail" };
  try {
    await client.issueAccessToken(created.identity.id, { scopes: ["chat"], expiresInMinutes: 30 });
  } catch (caught) {
    error =
      caught instanceof HttpError
        ? {
            name: caught.name,
            status: caught.status,
            code: caught.code,
            message: caught.message,
            requestId: caught.requestId,
          }
        : { name: caught instanceof Error ? caught.name : "unknown", message: String(caught) };
  }
  return {
    userAgent: navigator.userAgent,
    webCrypto: typeof crypto.subtle?.sign === "function",
    created: {
      id: created.identity.id,
      customId: created.identity.customId,
      token: created.accessToken?.token,
      expiresOn: created.accessToken?.expiresOn.toISOString(),
    },
    issued: {
      token: issued.token,
      expiresOn: issued.expiresOn.toISOString(),
      isDate: issued.expiresOn instanceof Date,
    },
    fetched: { id: fetched.id, lastTokenIssuedAt: fetched.lastTokenIssuedAt?.toISOString() },
    error,
  };
};
