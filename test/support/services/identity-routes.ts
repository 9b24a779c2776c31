/**
 * Identity operations of both versions: create (with optional token and, in the preview, customId
 * idempotency), get (preview), delete, issue token, revoke tokens.
 */
import { HttpError } from "./http-kit.ts";
import {
  PREVIEW_VERSION,
  param,
  renderIdentity,
  type IdentityCall,
  type IdentityCore,
  type IdentityRoute,
} from "./identity-api.ts";
import { IdentityStore, type IdentityRecord } from "./identity-store.ts";
import { expiresInMinutes, optionalString, readJsonObject, stringArray } from "./request-validation.ts";

export function identityRoutes(core: IdentityCore): IdentityRoute[] {
  const { store } = core;

  /** The identity named by the `{id}` path parameter: 400 when malformed, 404 when absent or deleted. */
  function identityOf(call: IdentityCall): IdentityRecord {
    const id = param(call, "id");
    if (!IdentityStore.isWellFormedId(id)) {
      throw new HttpError(
        400,
        "InvalidIdentifier",
        `'${id}' is not a Communication Services identity (8:acs:<resource>_<id>).`,
        { target: "id" },
      );
    }
    const record = store.find(id);
    if (!record) throw new HttpError(404, "IdentityNotFound", `Identity '${id}' was not found.`, { target: "id" });
    return record;
  }

  function expiresAt(minutes: number): number {
    return core.now() + minutes * 60_000;
  }

  return [
    {
      method: "POST",
      path: "/identities",
      operationId: "CommunicationIdentity_Create",
      handle(call) {
        const body = readJsonObject(call.ctx, { required: false });
        // customId is a preview field; 2023-10-01 ignores it like any unknown property.
        const customId =
          call.version === PREVIEW_VERSION ? optionalString(body, "customId", { min: 1, max: 256 }) : undefined;
        const scopes = stringArray(body, "createTokenWithScopes", { required: false, nonEmpty: true });
        const minutes = expiresInMinutes(body);
        const { record } = store.create(customId);
        const accessToken = scopes ? store.issue(record.id, scopes, expiresAt(minutes)) : undefined;
        return {
          status: 201,
          body: { identity: renderIdentity(record, call.version), ...(accessToken ? { accessToken } : {}) },
        };
      },
    },
    {
      method: "GET",
      path: "/identities/{id}",
      operationId: "CommunicationIdentity_Get",
      previewOnly: true,
      handle: (call) => ({ status: 200, body: renderIdentity(identityOf(call), call.version) }),
    },
    {
      method: "DELETE",
      path: "/identities/{id}",
      operationId: "CommunicationIdentity_Delete",
      handle(call) {
        store.delete(identityOf(call).id);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      path: "/identities/{id}/:issueAccessToken",
      operationId: "CommunicationIdentity_IssueAccessToken",
      handle(call) {
        const body = readJsonObject(call.ctx, { required: true });
        const record = identityOf(call);
        const scopes = stringArray(body, "scopes", { required: true, nonEmpty: true }) ?? [];
        const minutes = expiresInMinutes(body);
        return { status: 200, body: store.issue(record.id, scopes, expiresAt(minutes)) };
      },
    },
    {
      method: "POST",
      path: "/identities/{id}/:revokeAccessTokens",
      operationId: "CommunicationIdentity_RevokeAccessTokens",
      handle(call) {
        store.revoke(identityOf(call));
        return { status: 204 };
      },
    },
  ];
}
