/**
 * The convenience layer of the generated communication-identity 2023-10-01 package against the
 * official `@azure/communication-identity` client, on one local Identity service (127.0.0.1): the
 * same calls send the same requests (method, path, api-version, content type, JSON body) and come
 * back as results of the same shape.
 */
import { CommunicationIdentityClient as OfficialClient } from "@azure/communication-identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommunicationIdentityClient } from "../../generated/packages/communication-identity-2023-10-01/src/index.ts";
import type { RecordedRequest } from "../support/services/http-kit.ts";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";

const TEAMS = {
  token: "teams-aad-token",
  principal: { objectId: "teams-oid", tenantId: "tenant", clientId: "teams-app" },
};

/** What must match on the wire; a user's id in the path becomes `{id}`, since each side has its own users. */
function wire(request: RecordedRequest, ids: readonly string[]) {
  let path = decodeURIComponent(request.path);
  for (const id of ids) path = path.replace(id, "{id}");
  return {
    method: request.method,
    path,
    apiVersion: request.query["api-version"],
    contentType: request.headers["content-type"]?.replace(/\s/g, ""),
    // Parsed, not as bytes: the official SDK writes keys in the swagger's declaration order, the
    // generated package in its models' order (by name; see test/e2e/wire-parity.test.ts).
    body: request.body === "" ? undefined : (JSON.parse(request.body) as unknown),
    emptyBody: request.body === "",
  };
}

/** The shape of a result: property names and value kinds, without the values. */
function shapeOf(value: unknown): unknown {
  if (value instanceof Date) return "Date";
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  }
  return typeof value;
}

describe("the convenience layer sends what the official SDK sends", () => {
  let service: IdentityService;
  let official: OfficialClient;
  let ours: CommunicationIdentityClient;

  beforeAll(async () => {
    service = await startIdentityService({ bearerTokens: [{ ...TEAMS, expiresOn: Date.now() + 3_600_000 }] });
    expect(new URL(service.url).hostname).toBe("127.0.0.1");
    // http on loopback: the official SDK refuses plain http unless told.
    official = new OfficialClient(service.connectionString, { allowInsecureConnection: true });
    ours = new CommunicationIdentityClient(service.connectionString, { retry: { maxRetries: 0 } });
  });
  afterAll(() => service.close());

  /** Runs one call on each client; returns their requests (as `wire` sees them) and result shapes. */
  async function both<T>(
    call: (client: OfficialClient | CommunicationIdentityClient) => Promise<T>,
    ids: (side: "official" | "ours") => string[] = () => [],
  ) {
    const sides = [];
    for (const [side, client] of [
      ["official", official],
      ["ours", ours],
    ] as const) {
      const before = service.requests.length;
      const result = await call(client);
      sides.push({
        requests: service.requests.slice(before).map((r) => wire(r, ids(side))),
        shape: shapeOf(result),
        result,
      });
    }
    const [theirs, mine] = sides;
    expect(mine?.requests).toEqual(theirs?.requests);
    expect(mine?.requests.length).toBeGreaterThan(0);
    expect(mine?.shape).toEqual(theirs?.shape);
    return { official: theirs?.result as T, ours: mine?.result as T, requests: mine?.requests ?? [] };
  }

  it("createUser", async () => {
    const { ours: user, requests } = await both((c) => c.createUser());
    expect(user.communicationUserId).toMatch(/^8:acs:/);
    expect(requests[0]).toMatchObject({ method: "POST", path: "/identities" });
  });

  it("createUserAndToken, with and without tokenExpiresInMinutes", async () => {
    const { ours: created, requests } = await both((c) =>
      c.createUserAndToken(["chat", "voip"], { tokenExpiresInMinutes: 60 }),
    );
    expect(requests[0]?.body).toEqual({ createTokenWithScopes: ["chat", "voip"], expiresInMinutes: 60 });
    expect(created.expiresOn).toBeInstanceOf(Date);
    expect(service.state.inspectToken(created.token).claims?.sub).toBe(created.user.communicationUserId);
    await both((c) => c.createUserAndToken(["chat"]));
  });

  it("getToken, with and without tokenExpiresInMinutes", async () => {
    const user = await official.createUser();
    const ids = () => [user.communicationUserId];
    const { ours: token, requests } = await both((c) => c.getToken(user, ["chat"], { tokenExpiresInMinutes: 90 }), ids);
    expect(requests[0]).toMatchObject({
      method: "POST",
      path: "/identities/{id}/:issueAccessToken",
      body: { scopes: ["chat"], expiresInMinutes: 90 },
    });
    expect(service.state.inspectToken(token.token)).toMatchObject({
      status: "valid",
      claims: { sub: user.communicationUserId },
    });
    await both((c) => c.getToken(user, ["voip"]), ids);
  });

  it("revokeTokens and deleteUser", async () => {
    const users = { official: await official.createUser(), ours: await official.createUser() };
    const ids = (side: "official" | "ours") => [users[side].communicationUserId];
    const { requests: revoke } = await both((c) => c.revokeTokens(users[c === official ? "official" : "ours"]), ids);
    expect(revoke[0]).toMatchObject({ method: "POST", path: "/identities/{id}/:revokeAccessTokens" });
    const { requests: remove } = await both((c) => c.deleteUser(users[c === official ? "official" : "ours"]), ids);
    expect(remove[0]).toMatchObject({ method: "DELETE", path: "/identities/{id}" });
    expect(service.state.getIdentity(users.ours.communicationUserId)).toBeUndefined();
  });

  it("getTokenForTeamsUser", async () => {
    const { ours: exchanged, requests } = await both((c) =>
      c.getTokenForTeamsUser({
        teamsUserAadToken: TEAMS.token,
        clientId: TEAMS.principal.clientId,
        userObjectId: TEAMS.principal.objectId,
      }),
    );
    expect(requests[0]).toMatchObject({
      path: "/teamsUser/:exchangeAccessToken",
      body: { token: TEAMS.token, appId: TEAMS.principal.clientId, userId: TEAMS.principal.objectId },
    });
    expect(service.state.inspectToken(exchanged.token).claims?.sub).toBe(`8:orgid:${TEAMS.principal.objectId}`);
  });
});
