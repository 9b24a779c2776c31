/**
 * The set-up both Communication Identity suites share: one local service per suite (with a fault
 * injector and a few registered Entra ID principals), the front the environment puts before it,
 * and client factories for each credential kind.
 */
import { afterAll, afterEach, beforeAll } from "vitest";
import type { EntraPrincipal } from "../../support/services/bearer-tokens.ts";
import { createFaultInjector, type FaultInjector } from "../../support/services/faults.ts";
import { startIdentityService, type IdentityService } from "../../support/services/identity-service.ts";
import type { ApiStyle, IdentityAuth } from "../support/apis.ts";
import { recordingTokenCredential, type RecordingTokenCredential } from "../support/credentials.ts";
import type { E2eEnv, Front } from "../support/env.ts";

/** Retries stay fast in tests; the fault suite checks the real backoff bounds. */
export const FAST_RETRY = { maxRetries: 2, initialDelayMs: 5, maxDelayMs: 20 } as const;

/** Entra ID principals the service knows, each with the bearer token that stands for it. */
export const PRINCIPALS = {
  /** A Teams user, for the Teams user token exchange (its token goes in the body). */
  teamsUser: {
    token: "teams-user-token",
    principal: { objectId: "teams-user-oid", tenantId: "tenant-1", clientId: "teams-app" },
  },
  /** A Teams Phone user, for the Teams extension exchange (its token is the call's bearer token). */
  teamsPhone: {
    token: "teams-phone-token",
    principal: { objectId: "teams-phone-oid", tenantId: "tenant-1", clientId: "phone-app" },
  },
  /** An Entra ID user in a group, for the Entra exchange. */
  entraUser: {
    token: "entra-user-token",
    principal: { objectId: "entra-user-oid", tenantId: "tenant-1", clientId: "entra-app", groups: ["group-1"] },
  },
  /** A principal with no assignments at all. */
  stranger: {
    token: "stranger-token",
    principal: { objectId: "stranger-oid", tenantId: "tenant-2", clientId: "other-app" },
  },
} satisfies Record<string, { token: string; principal: EntraPrincipal }>;

/** Bearer tokens expire two hours after the suite starts. */
export const BEARER_LIFETIME_MS = 2 * 60 * 60 * 1000;

/** The client options both Communication Identity packages take. */
export interface IdentityClientOptions {
  apiVersion?: string;
  retry?: { maxRetries?: number; initialDelayMs?: number; maxDelayMs?: number };
  fetch?: typeof fetch;
  userAgentPrefix?: string;
}

export interface IdentityFixture<Api> {
  readonly service: IdentityService;
  readonly faults: FaultInjector;
  readonly endpoint: string;
  readonly connectionString: string;
  /** When the registered bearer tokens expire (epoch ms). */
  readonly bearerExpiry: number;
  /** The suite's main client: HMAC-signed, from the connection string. */
  readonly api: Api;
  /** A client with `auth` (and extra options: the environment's fetch and fast retries are the defaults). */
  client(auth: IdentityAuth, options?: IdentityClientOptions): Api;
  /** A client whose token credential hands out `token`, with the credential to inspect. */
  bearer(token: string): { api: Api; credential: RecordingTokenCredential };
}

/** Registers the suite's `beforeAll`/`afterAll` and returns the fixture (usable inside tests). */
export function useIdentityFixture<Api>(
  style: ApiStyle<IdentityAuth, IdentityClientOptions, Api>,
  env: E2eEnv,
): IdentityFixture<Api> {
  let service: IdentityService | undefined;
  let front: Front | undefined;
  let api: Api | undefined;
  const faults = createFaultInjector();
  const bearerExpiry = Date.now() + BEARER_LIFETIME_MS;

  const started = (): { service: IdentityService; front: Front } => {
    if (!service || !front) throw new Error("The identity fixture is used before its beforeAll ran");
    return { service, front };
  };
  const client = (auth: IdentityAuth, options: IdentityClientOptions = {}): Api =>
    style.create(auth, { retry: FAST_RETRY, ...(env.fetch ? { fetch: env.fetch } : {}), ...options });

  beforeAll(async () => {
    service = await startIdentityService({
      faults,
      pageSize: 2,
      bearerTokens: Object.values(PRINCIPALS).map(({ token, principal }) => ({
        token,
        principal,
        expiresOn: bearerExpiry,
      })),
    });
    const running = service;
    front = await env.front({ url: running.url, setPublicHost: (host) => (running.state.publicHost = host) });
    api = client({
      kind: "connection string",
      connectionString: `endpoint=${front.endpoint}/;accesskey=${running.accessKey}`,
    });
  });
  afterEach(() => faults.reset());
  afterAll(async () => {
    await front?.close();
    await service?.close();
  });

  return {
    get service() {
      return started().service;
    },
    faults,
    get endpoint() {
      return started().front.endpoint;
    },
    get connectionString() {
      return `endpoint=${started().front.endpoint}/;accesskey=${started().service.accessKey}`;
    },
    bearerExpiry,
    get api() {
      if (api === undefined) throw new Error("The identity fixture is used before its beforeAll ran");
      return api;
    },
    client,
    bearer(token) {
      const credential = recordingTokenCredential(token, bearerExpiry);
      return { api: client({ kind: "token", endpoint: started().front.endpoint, credential }), credential };
    },
  };
}
