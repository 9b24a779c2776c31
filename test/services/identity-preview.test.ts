import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { caller, json, v, PREVIEW, type CallOptions, type ErrorBody } from "./signed-fetch.ts";

interface Identity {
  id: string;
  customId?: string;
  lastTokenIssuedAt?: string;
}
interface CreateResult {
  identity: Identity;
  accessToken?: { token: string; expiresOn: string };
}

const START = Date.parse("2025-05-01T10:00:00.000Z");
const HOUR = 3_600_000;
const alice = { objectId: "alice-oid", tenantId: "contoso-tid", clientId: "app-1", groups: ["sales-group"] };
const bob = { objectId: "bob-oid", tenantId: "contoso-tid", clientId: "app-2" };
const carol = { objectId: "carol-oid", tenantId: "fabrikam-tid", clientId: "app-3" };

describe("Communication Identity 2025-03-02-preview", () => {
  let service: IdentityService;
  let clock = START;
  let raw: ReturnType<typeof caller>;
  // Requests are signed at the service's (injected) time, so moving the clock keeps them fresh.
  const call = (method: string, path: string, options: CallOptions = {}) =>
    raw(method, v(path, PREVIEW), { auth: { key: service.accessKey, date: new Date(clock) }, ...options });
  const bearer = (token: string): CallOptions => ({ auth: { bearer: token } });
  beforeAll(async () => {
    service = await startIdentityService({
      now: () => clock,
      bearerTokens: [
        { token: "alice-token", expiresOn: START + 10 * HOUR, principal: alice },
        { token: "bob-token", expiresOn: START + 48 * HOUR, principal: bob },
        { token: "carol-token", expiresOn: START + 10 * HOUR, principal: carol },
        { token: "app-only-token", expiresOn: START + 10 * HOUR },
      ],
    });
    raw = caller(service.url, service.accessKey);
  });
  afterAll(() => service.close());

  const create = async (body?: unknown): Promise<CreateResult> => {
    const response = await call("POST", "/identities", body === undefined ? {} : { json: body });
    expect(response.status).toBe(201);
    return json<CreateResult>(response);
  };
  const expectError = async (response: Response, status: number, code: string, target?: string) => {
    expect(response.status).toBe(status);
    const body = await json<ErrorBody>(response);
    expect(body.error.code).toBe(code);
    if (target !== undefined) expect(body.error.target).toBe(target);
  };
  const path = (id: string) => `/identities/${encodeURIComponent(id)}`;

  it("customId is idempotent: the same customId returns the same identity", async () => {
    const first = await create({ customId: "alice@contoso.com" });
    const again = await create({ customId: "alice@contoso.com", createTokenWithScopes: ["chat"] });
    const other = await create({ customId: "bob@contoso.com" });
    expect(again.identity.id).toBe(first.identity.id);
    expect(again.identity.customId).toBe("alice@contoso.com");
    expect(service.state.isTokenValid(again.accessToken?.token ?? "")).toBe(true);
    expect(other.identity.id).not.toBe(first.identity.id);
    await expectError(
      await call("POST", "/identities", { json: { customId: "" } }),
      400,
      "ValidationError",
      "customId",
    );
    await expectError(
      await call("POST", "/identities", { json: { customId: "x".repeat(257) } }),
      400,
      "ValidationError",
      "customId",
    );
    expect((await call("POST", "/identities", { json: { customId: "x".repeat(256) } })).status).toBe(201);
  });

  it("get returns the identity; lastTokenIssuedAt follows every issue", async () => {
    const { identity } = await create({ customId: "get-me" });
    const fetched = await json<Identity>(await call("GET", path(identity.id)));
    expect(fetched).toEqual({ id: identity.id, customId: "get-me" });
    clock += 1000;
    await call("POST", `${path(identity.id)}/:issueAccessToken`, { json: { scopes: ["chat"] } });
    expect((await json<Identity>(await call("GET", path(identity.id)))).lastTokenIssuedAt).toBe(
      new Date(clock).toISOString(),
    );
    clock += 5000;
    const created = await create({ createTokenWithScopes: ["voip"] });
    expect(created.identity.lastTokenIssuedAt).toBe(new Date(clock).toISOString());
  });

  it("tokens expire after expiresInMinutes on the service clock", async () => {
    const { accessToken } = await create({ createTokenWithScopes: ["chat"], expiresInMinutes: 60 });
    const token = accessToken?.token ?? "";
    expect(accessToken?.expiresOn).toBe(new Date(Math.floor((clock + HOUR) / 1000) * 1000).toISOString());
    clock += HOUR - 2000;
    expect(service.state.isTokenValid(token)).toBe(true);
    clock += 2000;
    expect(service.state.inspectToken(token).status).toBe("expired");
  });

  it("after delete, get is 404 and the customId maps to a new identity", async () => {
    const { identity } = await create({ customId: "short-lived" });
    expect((await call("DELETE", path(identity.id))).status).toBe(204);
    await expectError(await call("GET", path(identity.id)), 404, "IdentityNotFound");
    const recreated = await create({ customId: "short-lived" });
    expect(recreated.identity.id).not.toBe(identity.id);
    expect(service.state.getIdentity(identity.id)).toBeUndefined();
    expect(service.state.getIdentity(recreated.identity.id)?.customId).toBe("short-lived");
  });

  it("Teams extension assignments: 201 created, 200 replaced, get, delete, 404", async () => {
    const at = "/access/teamsExtension/tenants/contoso-tid/assignments/alice-oid";
    const created = await call("PUT", at, { json: { principalType: "user", clientIds: ["app-9"] } });
    expect(created.status).toBe(201);
    expect(await json(created)).toEqual({
      objectId: "alice-oid",
      tenantId: "contoso-tid",
      principalType: "user",
      clientIds: ["app-9"],
    });
    const replaced = await call("PUT", at, { json: { principalType: "resourceAccount" } });
    expect(replaced.status).toBe(200);
    expect(await json(await call("GET", at))).toEqual({
      objectId: "alice-oid",
      tenantId: "contoso-tid",
      principalType: "resourceAccount",
    });
    expect((await call("PUT", at, { json: { principalType: "someFutureType", clientIds: ["app-1"] } })).status).toBe(
      200,
    );
    await expectError(await call("PUT", at, { json: { clientIds: ["x"] } }), 400, "ValidationError", "principalType");
    await expectError(await call("PUT", at, { json: { principalType: 3 } }), 400, "ValidationError", "principalType");
    await expectError(
      await call("PUT", at, { json: { principalType: "user", clientIds: "app" } }),
      400,
      "ValidationError",
      "clientIds",
    );
    const other = "/access/teamsExtension/tenants/contoso-tid/assignments/temp";
    expect((await call("PUT", other, { json: { principalType: "user" } })).status).toBe(201);
    expect((await call("DELETE", other)).status).toBe(204);
    await expectError(await call("GET", other), 404, "AssignmentNotFound");
    await expectError(await call("DELETE", other), 404, "AssignmentNotFound");
    expect(service.state.teamsExtensionAssignments().map((a) => a.objectId)).toEqual(["alice-oid"]);
  });

  it("Teams extension exchange: the assigned bearer principal gets a stable identity and a token", async () => {
    const exchange = (token: string) =>
      call("POST", "/access/teamsExtension/:exchangeAccessToken", { json: {}, ...bearer(token) });
    const first = await exchange("alice-token");
    expect(first.status).toBe(200);
    const result = await json<CreateResult>(first);
    expect(service.state.isTokenValid(result.accessToken?.token ?? "")).toBe(true);
    expect(result.accessToken?.expiresOn).toBe(new Date(START + 10 * HOUR).toISOString());
    expect(result.identity.lastTokenIssuedAt).toBe(new Date(clock).toISOString());
    expect((await json<CreateResult>(await exchange("alice-token"))).identity.id).toBe(result.identity.id);
    await expectError(await exchange("bob-token"), 403, "Forbidden");
    await expectError(await exchange("app-only-token"), 403, "Forbidden");
    await expectError(
      await call("POST", "/access/teamsExtension/:exchangeAccessToken", { json: {} }),
      401,
      "BearerTokenRequired",
    );
    await call("PUT", "/access/teamsExtension/tenants/contoso-tid/assignments/bob-oid", {
      json: { principalType: "user", clientIds: ["not-bob-app"] },
    });
    await expectError(await exchange("bob-token"), 403, "Forbidden");
  });

  it("Entra exchange: admitted by user, group or tenant assignments listing the client", async () => {
    const exchange = (token: string) =>
      call("POST", "/access/entra/:exchangeAccessToken", { json: {}, ...bearer(token) });
    await expectError(await exchange("alice-token"), 403, "Forbidden");
    await call("PUT", "/access/entra/assignments/sales-group", {
      json: { tenantId: "contoso-tid", principalType: "group", clientIds: ["app-1"] },
    });
    const alices = await exchange("alice-token");
    expect(alices.status).toBe(200);
    const result = await json<CreateResult>(alices);
    expect(service.state.inspectToken(result.accessToken?.token ?? "").claims?.scopes).toEqual(["chat", "voip"]);
    await expectError(await exchange("bob-token"), 403, "Forbidden");
    await call("PUT", "/access/entra/assignments/bob-oid", {
      json: { tenantId: "contoso-tid", principalType: "user", clientIds: ["app-2"] },
    });
    const bobs = await json<CreateResult>(await exchange("bob-token"));
    expect(bobs.accessToken?.expiresOn).toBe(new Date(clock + 24 * HOUR).toISOString());
    await call("PUT", "/access/entra/assignments/fabrikam-tid", {
      json: { tenantId: "fabrikam-tid", principalType: "tenant", clientIds: ["app-3"] },
    });
    expect((await exchange("carol-token")).status).toBe(200);
    await expectError(
      await call("POST", "/access/entra/:exchangeAccessToken", { json: {} }),
      401,
      "BearerTokenRequired",
    );
    await expectError(
      await call("POST", "/access/entra/:exchangeAccessToken", { body: "nope", ...bearer("alice-token") }),
      400,
      "InvalidRequestBody",
    );
  });
});
