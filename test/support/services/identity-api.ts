/**
 * What the Communication Identity route modules share: the API versions, the service core each
 * route reads and changes, the per-call context, and the identity JSON of each version.
 */
import type { AuthResult, RequestContext, ServiceResponse } from "./http-kit.ts";
import { expiryMs, type BearerTokenRegistry, type EntraPrincipal } from "./bearer-tokens.ts";
import type { EntraAssignments } from "./entra-assignments.ts";
import type { IdentityRecord, IdentityStore } from "./identity-store.ts";
import type { RouteShape } from "./router.ts";
import type { TeamsExtensionAssignments } from "./teams-extension.ts";
import { HttpError } from "./http-kit.ts";

export const STABLE_VERSION = "2023-10-01";
export const PREVIEW_VERSION = "2025-03-02-preview";
export const API_VERSIONS = [STABLE_VERSION, PREVIEW_VERSION] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** The state and settings of one service instance. */
export interface IdentityCore {
  readonly store: IdentityStore;
  readonly teamsExtension: TeamsExtensionAssignments;
  readonly entra: EntraAssignments;
  readonly bearer: BearerTokenRegistry;
  readonly now: () => number;
  /** Entra assignments per list page. */
  pageSize: number;
}

export interface IdentityCall {
  readonly ctx: RequestContext;
  readonly auth: Exclude<AuthResult, { kind: "invalid" }>;
  readonly version: ApiVersion;
  readonly params: Record<string, string>;
}

export interface IdentityRoute extends RouteShape {
  readonly operationId: string;
  /** Added in 2025-03-02-preview: 404 for 2023-10-01. */
  readonly previewOnly?: boolean;
  handle(call: IdentityCall): ServiceResponse;
}

/** The identity as each version describes it (customId and lastTokenIssuedAt are preview fields). */
export function renderIdentity(record: IdentityRecord, version: ApiVersion): Record<string, unknown> {
  const identity: Record<string, unknown> = { id: record.id };
  if (version === PREVIEW_VERSION) {
    if (record.customId !== undefined) identity["customId"] = record.customId;
    if (record.lastTokenIssuedAt !== undefined)
      identity["lastTokenIssuedAt"] = new Date(record.lastTokenIssuedAt).toISOString();
  }
  return identity;
}

/** A path parameter, guaranteed by the route template. */
export function param(call: IdentityCall, name: string): string {
  const value = call.params[name];
  if (value === undefined) throw new HttpError(500, "InternalError", `Route parameter '${name}' is missing.`);
  return value;
}

/** The bearer principal of a token-exchange call; these operations exchange the call's own token. */
export function bearerPrincipalOf(call: IdentityCall): { principal: EntraPrincipal; expiresAtMs: number } {
  if (call.auth.kind !== "bearer") {
    throw new HttpError(
      401,
      "BearerTokenRequired",
      "This operation exchanges the bearer token of the call; sign in with an Entra ID token.",
      {
        headers: { "www-authenticate": "Bearer" },
      },
    );
  }
  const { registration } = call.auth;
  if (!registration.principal) {
    throw new HttpError(403, "Forbidden", "The bearer token does not identify an Entra ID principal.");
  }
  return { principal: registration.principal, expiresAtMs: expiryMs(registration) };
}
