/**
 * A local Communication Identity service for tests, implementing 2023-10-01 and
 * 2025-03-02-preview as the emitted OpenAPI documents describe them (not canned answers).
 *
 *   const service = await startIdentityService();
 *   // service.url = "http://127.0.0.1:<port>", service.accessKey = base64 HMAC key
 *   // service.connectionString = "endpoint=http://127.0.0.1:<port>/;accesskey=<key>"
 *   ...
 *   await service.close();
 *
 * Every request is authenticated: an HMAC-SHA256 signature made with `accessKey` (hmac-verifier.ts)
 * or `Authorization: Bearer <token>` with a token from `options.bearerTokens` /
 * `state.registerBearerToken` (bearer-tokens.ts); otherwise 401. Then `api-version` must be present
 * and supported (400), the path must exist (404, 405 for another method), and operations added in the
 * preview answer 404 for 2023-10-01. Errors are CommunicationErrorResponse
 * `{ error: { code, message, target?, details? } }`. Operations: identity-routes.ts,
 * token-exchanges.ts, teams-extension.ts, entra-assignments.ts. Faults: faults.ts.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { BearerTokenRegistry, bearerTokenOf, type BearerTokenRegistration } from "./bearer-tokens.ts";
import { EntraAssignments, entraAssignmentRoutes, type EntraAssignment } from "./entra-assignments.ts";
import type { FaultInjector } from "./faults.ts";
import { verifyHmacRequest } from "./hmac-verifier.ts";
import {
  HttpError,
  single,
  startServiceServer,
  type AuthResult,
  type RecordedRequest,
  type RequestContext,
} from "./http-kit.ts";
import {
  API_VERSIONS,
  PREVIEW_VERSION,
  type ApiVersion,
  type IdentityCore,
  type IdentityRoute,
} from "./identity-api.ts";
import { identityRoutes } from "./identity-routes.ts";
import { IdentityStore, type IdentitySnapshot, type TokenInspection } from "./identity-store.ts";
import { findRoute } from "./router.ts";
import { TeamsExtensionAssignments, teamsExtensionRoutes, type TeamsExtensionAssignment } from "./teams-extension.ts";
import { tokenExchangeRoutes } from "./token-exchanges.ts";

export interface IdentityServiceOptions {
  /** Base64 access key the service verifies signatures with (default: 64 random bytes). */
  readonly accessKey?: string;
  /** The `<resourceId>` part of identity ids (default: a random uuid). */
  readonly resourceId?: string;
  /** Entra ID tokens accepted as `Authorization: Bearer` (and as Teams user tokens). */
  readonly bearerTokens?: readonly BearerTokenRegistration[];
  /** Entra assignments per list page (default 2). */
  readonly pageSize?: number;
  /** The service clock, epoch ms (default `Date.now`): `x-ms-date` skew, token expiry, timestamps. */
  readonly now?: () => number;
  readonly faults?: FaultInjector;
}

/** Inspection and set-up hooks for tests. */
export interface IdentityServiceState {
  readonly resourceId: string;
  /** Entra assignments per list page; may be changed between requests. */
  pageSize: number;
  /**
   * The host clients sign and address when a proxy that rewrites `Host` sits in front of the service
   * (Prism's proxy does): HMAC signatures are verified against it and next links point at it.
   * Undefined (the default) means the Host header as received.
   */
  publicHost: string | undefined;
  /** True when `token` was issued by this service, is unexpired, and its identity exists and was not revoked since. */
  isTokenValid(token: string): boolean;
  /** Why a token is (in)valid, with its claims (`sub`, `scopes`, `iat`, `exp` in epoch seconds). */
  inspectToken(token: string): TokenInspection;
  getIdentity(id: string): IdentitySnapshot | undefined;
  listIdentities(): IdentitySnapshot[];
  registerBearerToken(registration: BearerTokenRegistration): void;
  entraAssignments(): EntraAssignment[];
  teamsExtensionAssignments(): TeamsExtensionAssignment[];
}

export interface IdentityService {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly accessKey: string;
  readonly connectionString: string;
  readonly state: IdentityServiceState;
  /** Every request received, in order (Authorization redacted). */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startIdentityService(options: IdentityServiceOptions = {}): Promise<IdentityService> {
  const accessKey = options.accessKey ?? randomBytes(64).toString("base64");
  const now = options.now ?? Date.now;
  const core: IdentityCore = {
    store: new IdentityStore(options.resourceId ?? randomUUID(), now),
    teamsExtension: new TeamsExtensionAssignments(),
    entra: new EntraAssignments(),
    bearer: new BearerTokenRegistry(options.bearerTokens),
    now,
    pageSize: options.pageSize ?? 2,
  };
  let publicHost: string | undefined;
  const routes: IdentityRoute[] = [
    ...identityRoutes(core),
    ...tokenExchangeRoutes(core),
    ...teamsExtensionRoutes(core),
    ...entraAssignmentRoutes(core),
  ];

  function authenticate(ctx: RequestContext): AuthResult {
    const authorization = single(ctx.headers.authorization);
    if (!authorization)
      return { kind: "invalid", code: "MissingAuthorization", message: "The request has no Authorization header." };
    const bearer = bearerTokenOf(authorization);
    if (bearer !== undefined) {
      const verdict = core.bearer.verify(bearer, now());
      return verdict.ok
        ? { kind: "bearer", registration: verdict.registration }
        : {
            kind: "invalid",
            code: "InvalidToken",
            message: verdict.message,
            challenge: 'Bearer error="invalid_token"',
          };
    }
    if (!authorization.startsWith("HMAC-SHA256")) {
      return {
        kind: "invalid",
        code: "UnsupportedAuthorization",
        message: "Use HMAC-SHA256 signing or an Entra ID bearer token.",
      };
    }
    const verdict = verifyHmacRequest(
      {
        method: ctx.method,
        target: ctx.target,
        authorization,
        body: ctx.body,
        date: single(ctx.headers["x-ms-date"]),
        host: ctx.host,
        contentHash: single(ctx.headers["x-ms-content-sha256"]),
      },
      accessKey,
      now(),
    );
    if (verdict.ok) return { kind: "hmac" };
    return {
      kind: "invalid",
      code: verdict.code,
      message: verdict.message,
      ...(verdict.stringToSign ? { stringToSign: verdict.stringToSign } : {}),
    };
  }

  const server = await startServiceServer({
    authenticate,
    handle(ctx, auth) {
      const match = findRoute(routes, ctx.method, ctx.segments);
      if (match.kind === "not-found")
        throw new HttpError(404, "NotFound", `There is no operation at '${ctx.pathname}'.`);
      if (match.kind === "method-not-allowed") {
        throw new HttpError(405, "MethodNotAllowed", `'${ctx.pathname}' does not support ${ctx.method}.`, {
          headers: { allow: match.allow.join(", ") },
        });
      }
      const version = apiVersionOf(ctx);
      if (match.route.previewOnly && version !== PREVIEW_VERSION) {
        throw new HttpError(
          404,
          "NotFound",
          `${match.route.operationId} is not available in api-version ${version}; it was added in ${PREVIEW_VERSION}.`,
        );
      }
      return match.route.handle({ ctx, auth, version, params: match.params });
    },
    renderError: (error) => ({
      error: {
        code: error.code,
        message: error.message,
        ...(error.target !== undefined ? { target: error.target } : {}),
        ...(error.details ? { details: error.details } : {}),
      },
    }),
    ...(options.faults ? { faults: options.faults } : {}),
    publicHost: () => publicHost,
  });

  const state: IdentityServiceState = {
    resourceId: core.store.resourceId,
    get pageSize() {
      return core.pageSize;
    },
    set pageSize(size: number) {
      core.pageSize = size;
    },
    get publicHost() {
      return publicHost;
    },
    set publicHost(host: string | undefined) {
      publicHost = host;
    },
    isTokenValid: (token) => core.store.inspect(token).status === "valid",
    inspectToken: (token) => core.store.inspect(token),
    getIdentity: (id) => core.store.list().find((identity) => identity.id === id),
    listIdentities: () => core.store.list(),
    registerBearerToken: (registration) => core.bearer.register(registration),
    entraAssignments: () => core.entra.list(),
    teamsExtensionAssignments: () => core.teamsExtension.list(),
  };
  return {
    url: server.url,
    accessKey,
    connectionString: `endpoint=${server.url}/;accesskey=${accessKey}`,
    state,
    requests: server.requests,
    close: () => server.close(),
  };
}

function apiVersionOf(ctx: RequestContext): ApiVersion {
  const value = ctx.query.get("api-version");
  if (!value)
    throw new HttpError(400, "MissingApiVersion", "The api-version query parameter is required.", {
      target: "api-version",
    });
  const version = API_VERSIONS.find((v) => v === value);
  if (!version) {
    throw new HttpError(
      400,
      "UnsupportedApiVersion",
      `api-version '${value}' is not supported; use one of ${API_VERSIONS.join(", ")}.`,
      { target: "api-version" },
    );
  }
  return version;
}
