/**
 * Token exchanges of the Identity service.
 *
 * - Teams user (both versions): the body's `token`, `appId`, `userId` must all be present (400 naming
 *   the missing one). The token must be an Entra token registered with the service (401 otherwise,
 *   as the real service answers an invalid or expired Teams token); its principal's client id and
 *   object id must equal `appId` and `userId` (400 naming the mismatching field). The ACS token
 *   (`sub` `8:orgid:<userId>`) expires with the Teams token ("matching expiration time").
 * - Teams extension and Entra ID (preview): the bearer token of the call is what is exchanged, so
 *   these need `Authorization: Bearer` with a registered token that names a principal (401 for HMAC,
 *   403 without a principal). The principal must be admitted by an assignment (403 otherwise): a
 *   Teams Phone assignment for its tenant and object id (whose clientIds, if any, include its client
 *   id), or an Entra assignment for its object id, one of its groups, or (principalType `tenant`)
 *   its tenant, listing its client id. Each principal maps to one stable ACS identity; the answer is
 *   that identity plus a token expiring with the bearer token (at most 24 hours).
 */
import { HttpError } from "./http-kit.ts";
import {
  bearerPrincipalOf,
  renderIdentity,
  type IdentityCall,
  type IdentityCore,
  type IdentityRoute,
} from "./identity-api.ts";
import { expiryMs } from "./bearer-tokens.ts";
import { readJsonObject, requiredString, invalid } from "./request-validation.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export function tokenExchangeRoutes(core: IdentityCore): IdentityRoute[] {
  const { store } = core;

  /** Answers an exchange for the identity mapped to `principalKey`. */
  function exchangeFor(call: IdentityCall, principalKey: string, scopes: string[], bearerExpiry: number) {
    const record = store.forPrincipal(principalKey);
    const accessToken = store.issue(record.id, scopes, Math.min(bearerExpiry, core.now() + DAY_MS));
    return { status: 200, body: { identity: renderIdentity(record, call.version), accessToken } };
  }

  return [
    {
      method: "POST",
      path: "/teamsUser/:exchangeAccessToken",
      operationId: "CommunicationIdentity_ExchangeTeamsUserAccessToken",
      handle(call) {
        const body = readJsonObject(call.ctx, { required: true });
        const token = requiredString(body, "token");
        const appId = requiredString(body, "appId");
        const userId = requiredString(body, "userId");
        const verdict = core.bearer.verify(token, core.now());
        if (!verdict.ok || !verdict.registration.principal) {
          throw new HttpError(401, "InvalidAccessToken", "The Teams user token is not valid or has expired.", {
            target: "token",
          });
        }
        const { principal } = verdict.registration;
        if (principal.clientId !== appId)
          throw invalid("appId", "appId does not match the appid claim of the Teams user token.");
        if (principal.objectId !== userId)
          throw invalid("userId", "userId does not match the oid claim of the Teams user token.");
        const expiresAt = Math.min(expiryMs(verdict.registration), core.now() + DAY_MS);
        return { status: 200, body: store.issue(`8:orgid:${userId}`, ["voip"], expiresAt) };
      },
    },
    {
      method: "POST",
      path: "/access/teamsExtension/:exchangeAccessToken",
      operationId: "TeamsExtensionToken_Exchange",
      previewOnly: true,
      handle(call) {
        const { principal, expiresAtMs } = bearerPrincipalOf(call);
        readJsonObject(call.ctx, { required: false });
        const assignment = core.teamsExtension.get(principal.tenantId, principal.objectId);
        const clientAllowed = !assignment?.clientIds?.length || assignment.clientIds.includes(principal.clientId);
        if (!assignment || !clientAllowed) {
          throw new HttpError(403, "Forbidden", "The principal has no Teams Phone access assignment for this client.");
        }
        return exchangeFor(call, `teamsExtension:${principal.tenantId}:${principal.objectId}`, ["voip"], expiresAtMs);
      },
    },
    {
      method: "POST",
      path: "/access/entra/:exchangeAccessToken",
      operationId: "EntraIdToken_Exchange",
      previewOnly: true,
      handle(call) {
        const { principal, expiresAtMs } = bearerPrincipalOf(call);
        readJsonObject(call.ctx, { required: false });
        const admitted = core.entra
          .list()
          .some(
            (a) =>
              a.tenantId === principal.tenantId &&
              a.clientIds.includes(principal.clientId) &&
              (a.objectId === principal.objectId ||
                (principal.groups ?? []).includes(a.objectId) ||
                (a.principalType === "tenant" && a.objectId === principal.tenantId)),
          );
        if (!admitted)
          throw new HttpError(403, "Forbidden", "The principal has no Entra ID access assignment for this client.");
        return exchangeFor(call, `entra:${principal.tenantId}:${principal.objectId}`, ["chat", "voip"], expiresAtMs);
      },
    },
  ];
}
