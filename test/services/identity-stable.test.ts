import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { caller, json, v, ID_PATTERN, STABLE, type ErrorBody } from "./signed-fetch.ts";

interface CreateResult {
  identity: { id: string; customId?: string; lastTokenIssuedAt?: string };
  accessToken?: { token: string; expiresOn: string };
}
interface AccessToken {
  token: string;
  expiresOn: string;
}

describe("Communication Identity 2023-10-01", () => {
  let service: IdentityService;
  let call: ReturnType<typeof caller>;
  beforeAll(async () => {
    service = await startIdentityService({
      bearerTokens: [
        {
          token: "teams-user-token",
          expiresOn: Date.now() + 90 * 60_000,
          principal: { objectId: "oid-1", tenantId: "tid-1", clientId: "app-1" },
        },
      ],
    });
    call = caller(service.url, service.accessKey);
  });
  afterAll(() => service.close());

  const createIdentity = async (body?: unknown): Promise<CreateResult> => {
    const response = await call("POST", v("/identities", STABLE), body === undefined ? {} : { json: body });
    expect(response.status).toBe(201);
    return json<CreateResult>(response);
  };
  const encoded = (id: string) => encodeURIComponent(id);
  const expectError = async (response: Response, status: number, code: string, target?: string) => {
    expect(response.status).toBe(status);
    const body = await json<ErrorBody>(response);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe("string");
    if (target !== undefined) {
      expect(body.error.target).toBe(target);
      expect(body.error.message).toContain(target);
    }
  };

  it("creates identities with 8:acs:<resourceId>_<guid> ids and no preview fields", async () => {
    const { identity, accessToken } = await createIdentity();
    const match = ID_PATTERN.exec(identity.id);
    expect(match?.[1]).toBe(service.state.resourceId);
    expect(accessToken).toBeUndefined();
    expect(Object.keys(identity)).toEqual(["id"]);
  });

  it("creates an identity with a token of the requested scopes and expiry", async () => {
    const before = Date.now();
    const scopes = ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"];
    const result = await createIdentity({ createTokenWithScopes: scopes, expiresInMinutes: 60 });
    const token = result.accessToken?.token ?? "";
    expect(service.state.isTokenValid(token)).toBe(true);
    const claims = service.state.inspectToken(token).claims;
    expect(claims?.sub).toBe(result.identity.id);
    expect(claims?.scopes).toEqual(scopes);
    const expiresOn = Date.parse(result.accessToken?.expiresOn ?? "");
    expect(expiresOn).toBeGreaterThanOrEqual(Math.floor((before + 60 * 60_000) / 1000) * 1000);
    expect(expiresOn).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(result.identity.lastTokenIssuedAt).toBeUndefined();
  });

  it("ignores customId (a preview field): no idempotency in 2023-10-01", async () => {
    const first = await createIdentity({ customId: "alice" });
    const second = await createIdentity({ customId: "alice" });
    expect(first.identity.id).not.toBe(second.identity.id);
    expect(first.identity.customId).toBeUndefined();
  });

  it("issues tokens: default 1440 minutes, custom scopes accepted as strings", async () => {
    const { identity } = await createIdentity();
    const response = await call("POST", v(`/identities/${encoded(identity.id)}/:issueAccessToken`, STABLE), {
      json: { scopes: ["chat", "custom.future-scope"] },
    });
    expect(response.status).toBe(200);
    const token = await json<AccessToken>(response);
    expect(Math.abs(Date.parse(token.expiresOn) - (Date.now() + 1440 * 60_000))).toBeLessThan(5_000);
    expect(service.state.inspectToken(token.token).claims?.scopes).toEqual(["chat", "custom.future-scope"]);
    // the unencoded id in the path works too
    const raw = await call("POST", v(`/identities/${identity.id}/:issueAccessToken`, STABLE), {
      json: { scopes: ["voip"] },
    });
    expect(raw.status).toBe(200);
  });

  it("rejects invalid token requests with 400 naming the field", async () => {
    const { identity } = await createIdentity();
    const issue = (body: unknown) =>
      call("POST", v(`/identities/${encoded(identity.id)}/:issueAccessToken`, STABLE), { json: body });
    for (const minutes of [59, 1441, 60.5, "60", 0]) {
      await expectError(
        await issue({ scopes: ["chat"], expiresInMinutes: minutes }),
        400,
        "ValidationError",
        "expiresInMinutes",
      );
    }
    await expectError(await issue({ scopes: [] }), 400, "ValidationError", "scopes");
    await expectError(await issue({ scopes: ["chat", 7] }), 400, "ValidationError", "scopes");
    await expectError(await issue({}), 400, "ValidationError", "scopes");
    await expectError(
      await call("POST", v(`/identities/${encoded(identity.id)}/:issueAccessToken`, STABLE)),
      400,
      "ValidationError",
      "body",
    );
    await expectError(
      await createIdentityRaw({ createTokenWithScopes: ["chat"], expiresInMinutes: 1441 }),
      400,
      "ValidationError",
      "expiresInMinutes",
    );
    await expectError(
      await createIdentityRaw({ createTokenWithScopes: [] }),
      400,
      "ValidationError",
      "createTokenWithScopes",
    );
    await expectError(await call("POST", v("/identities", STABLE), { body: "{not json" }), 400, "InvalidRequestBody");
    await expectError(await call("POST", v("/identities", STABLE), { body: "[]" }), 400, "InvalidRequestBody");
    await expectError(
      await call("POST", v("/identities", STABLE), { body: "{}", contentType: "text/plain" }),
      415,
      "UnsupportedMediaType",
    );
  });
  const createIdentityRaw = (body: unknown) => call("POST", v("/identities", STABLE), { json: body });

  it("revoke invalidates the tokens issued before it, not after", async () => {
    const { identity, accessToken } = await createIdentity({ createTokenWithScopes: ["chat"] });
    const path = `/identities/${encoded(identity.id)}`;
    const second = await json<AccessToken>(
      await call("POST", v(`${path}/:issueAccessToken`, STABLE), { json: { scopes: ["voip"] } }),
    );
    expect((await call("POST", v(`${path}/:revokeAccessTokens`, STABLE))).status).toBe(204);
    expect(service.state.inspectToken(accessToken?.token ?? "").status).toBe("revoked");
    expect(service.state.isTokenValid(second.token)).toBe(false);
    const after = await json<AccessToken>(
      await call("POST", v(`${path}/:issueAccessToken`, STABLE), { json: { scopes: ["voip"] } }),
    );
    expect(service.state.isTokenValid(after.token)).toBe(true);
    expect(service.state.isTokenValid(`${after.token.slice(0, -2)}xx`)).toBe(false);
  });

  it("delete answers 204, then every operation on the id is 404 IdentityNotFound", async () => {
    const { identity, accessToken } = await createIdentity({ createTokenWithScopes: ["chat"] });
    const path = `/identities/${encoded(identity.id)}`;
    expect((await call("DELETE", v(path, STABLE))).status).toBe(204);
    expect(service.state.inspectToken(accessToken?.token ?? "").status).toBe("identity-deleted");
    await expectError(await call("DELETE", v(path, STABLE)), 404, "IdentityNotFound");
    await expectError(
      await call("POST", v(`${path}/:issueAccessToken`, STABLE), { json: { scopes: ["chat"] } }),
      404,
      "IdentityNotFound",
    );
    await expectError(await call("POST", v(`${path}/:revokeAccessTokens`, STABLE)), 404, "IdentityNotFound");
    await expectError(await call("DELETE", v("/identities/not-an-identity", STABLE)), 400, "InvalidIdentifier", "id");
    await expectError(
      await call(
        "DELETE",
        v(`/identities/8:acs:${service.state.resourceId}_00000000-0000-0000-0000-000000000000`, STABLE),
      ),
      404,
      "IdentityNotFound",
    );
  });

  it("exchanges a Teams user token, validating token, appId and userId", async () => {
    const exchange = (body: unknown) => call("POST", v("/teamsUser/:exchangeAccessToken", STABLE), { json: body });
    const ok = await exchange({ token: "teams-user-token", appId: "app-1", userId: "oid-1" });
    expect(ok.status).toBe(200);
    const token = await json<AccessToken>(ok);
    expect(service.state.inspectToken(token.token).claims?.sub).toBe("8:orgid:oid-1");
    expect(Math.abs(Date.parse(token.expiresOn) - (Date.now() + 90 * 60_000))).toBeLessThan(5_000);
    await expectError(await exchange({ appId: "app-1", userId: "oid-1" }), 400, "ValidationError", "token");
    await expectError(await exchange({ token: "teams-user-token", userId: "oid-1" }), 400, "ValidationError", "appId");
    await expectError(
      await exchange({ token: "teams-user-token", appId: "app-1", userId: "" }),
      400,
      "ValidationError",
      "userId",
    );
    await expectError(
      await exchange({ token: "teams-user-token", appId: "other-app", userId: "oid-1" }),
      400,
      "ValidationError",
      "appId",
    );
    await expectError(
      await exchange({ token: "teams-user-token", appId: "app-1", userId: "other" }),
      400,
      "ValidationError",
      "userId",
    );
    await expectError(await exchange({ token: "forged", appId: "app-1", userId: "oid-1" }), 401, "InvalidAccessToken");
  });

  it("404s the operations added in the preview", async () => {
    const { identity } = await createIdentity();
    const probes: Array<[string, string, unknown]> = [
      ["GET", `/identities/${encoded(identity.id)}`, undefined],
      ["POST", "/access/teamsExtension/:exchangeAccessToken", {}],
      ["GET", "/access/teamsExtension/tenants/t/assignments/o", undefined],
      ["PUT", "/access/teamsExtension/tenants/t/assignments/o", { principalType: "user" }],
      ["POST", "/access/entra/:exchangeAccessToken", {}],
      ["GET", "/access/entra/assignments", undefined],
      ["GET", "/access/entra/assignments/o", undefined],
    ];
    for (const [method, path, body] of probes) {
      await expectError(await call(method, v(path, STABLE), body === undefined ? {} : { json: body }), 404, "NotFound");
    }
  });

  it("requires a supported api-version (400) and knows its paths (404/405)", async () => {
    await expectError(await call("POST", "/identities"), 400, "MissingApiVersion", "api-version");
    await expectError(await call("POST", v("/identities", "2021-03-07")), 400, "UnsupportedApiVersion", "api-version");
    await expectError(await call("GET", v("/nowhere", STABLE)), 404, "NotFound");
    const wrongMethod = await call("PUT", v("/identities", STABLE));
    await expectError(wrongMethod, 405, "MethodNotAllowed");
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("sends a fresh x-ms-request-id and echoes x-ms-client-request-id", async () => {
    const first = await call("POST", v("/identities", STABLE), { headers: { "x-ms-client-request-id": "client-123" } });
    const second = await call("POST", v("/identities", "bad"));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(first.headers.get("x-ms-request-id")).toMatch(uuid);
    expect(second.headers.get("x-ms-request-id")).toMatch(uuid);
    expect(first.headers.get("x-ms-request-id")).not.toBe(second.headers.get("x-ms-request-id"));
    expect(first.headers.get("x-ms-client-request-id")).toBe("client-123");
    expect(second.headers.get("x-ms-client-request-id")).toBeNull();
  });
});
