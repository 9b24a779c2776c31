/**
 * A cross-check of the local Identity service: the official `@azure/communication-identity`
 * client (api-version 2023-10-01, HMAC signing by `@azure/communication-common`, `Host` set by the
 * SDK) runs every operation it supports against it, and the service behaves as the real one
 * would: ids in the `8:acs:` shape, tokens with real expiry, revocation, deletion, Teams exchange,
 * and errors the SDK surfaces as `RestError`s with the service's code.
 */
import { CommunicationIdentityClient } from "@azure/communication-identity";
import { isRestError } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { rejectionOf } from "./support/assertions.ts";

const MINUTE = 60_000;
const TEAMS = {
  token: "teams-aad-token",
  principal: { objectId: "teams-oid", tenantId: "tenant", clientId: "teams-app" },
};

describe("the official @azure/communication-identity client against the local service", () => {
  let service: IdentityService;
  let client: CommunicationIdentityClient;
  const teamsExpiry = Date.now() + 3 * 60 * MINUTE;

  beforeAll(async () => {
    service = await startIdentityService({ bearerTokens: [{ ...TEAMS, expiresOn: teamsExpiry }] });
    // http on loopback: the SDK refuses plain http unless told.
    client = new CommunicationIdentityClient(service.connectionString, { allowInsecureConnection: true });
  });
  afterAll(() => service.close());

  /** Every request so far verified as HMAC-signed, with the SDK's api-version. */
  const expectSignedBySdk = () => {
    expect(service.requests.length).toBeGreaterThan(0);
    for (const sent of service.requests) {
      expect(sent.auth).toBe("hmac");
      expect(sent.query["api-version"]).toBe("2023-10-01");
    }
  };

  async function expectRestError(promise: Promise<unknown>, statusCode: number, code: string): Promise<void> {
    const error = await rejectionOf(promise);
    if (!isRestError(error)) throw new Error(`Expected a RestError, got ${String(error)}`, { cause: error });
    expect(error.statusCode).toBe(statusCode);
    expect(error.code).toBe(code);
    expect(error.response?.headers.get("x-ms-request-id")).toBe(service.requests.at(-1)?.requestId);
  }

  it("createUser: an identity in the 8:acs:<resource>_<id> shape", async () => {
    const user = await client.createUser();
    expect(user.communicationUserId).toMatch(new RegExp(`^8:acs:${service.state.resourceId}_[0-9a-f-]{36}$`));
    expect(service.state.getIdentity(user.communicationUserId)).toBeDefined();
    expectSignedBySdk();
  });

  it("createUserAndToken and getToken: tokens the service accepts, expiring when asked", async () => {
    const { user, token, expiresOn } = await client.createUserAndToken(["chat"]);
    expect(service.state.inspectToken(token)).toMatchObject({
      status: "valid",
      claims: { sub: user.communicationUserId, scopes: ["chat"] },
    });
    expect(Math.abs(expiresOn.getTime() - (Date.now() + 1440 * MINUTE))).toBeLessThan(5_000);
    const short = await client.getToken(user, ["voip"], { tokenExpiresInMinutes: 60 });
    expect(Math.abs(short.expiresOn.getTime() - (Date.now() + 60 * MINUTE))).toBeLessThan(5_000);
    expect(service.state.isTokenValid(short.token)).toBe(true);
    expectSignedBySdk();
  });

  it("revokeTokens: the earlier tokens stop being valid, new ones work", async () => {
    const user = await client.createUser();
    const before = await client.getToken(user, ["chat"]);
    await client.revokeTokens(user);
    expect(service.state.inspectToken(before.token).status).toBe("revoked");
    expect(service.state.isTokenValid((await client.getToken(user, ["chat"])).token)).toBe(true);
  });

  it("deleteUser: tokens die and later calls get 404 IdentityNotFound", async () => {
    const { user, token } = await client.createUserAndToken(["chat"]);
    await client.deleteUser(user);
    expect(service.state.inspectToken(token).status).toBe("identity-deleted");
    await expectRestError(client.getToken(user, ["chat"]), 404, "IdentityNotFound");
    await expectRestError(client.revokeTokens(user), 404, "IdentityNotFound");
  });

  it("getTokenForTeamsUser: an ACS token for the Teams user that expires with the Teams token", async () => {
    const exchanged = await client.getTokenForTeamsUser({
      teamsUserAadToken: TEAMS.token,
      clientId: TEAMS.principal.clientId,
      userObjectId: TEAMS.principal.objectId,
    });
    expect(service.state.inspectToken(exchanged.token).claims?.sub).toBe(`8:orgid:${TEAMS.principal.objectId}`);
    expect(exchanged.expiresOn.getTime()).toBeLessThanOrEqual(teamsExpiry);
    await expectRestError(
      client.getTokenForTeamsUser({
        teamsUserAadToken: TEAMS.token,
        clientId: "other-app",
        userObjectId: TEAMS.principal.objectId,
      }),
      400,
      "ValidationError",
    );
  });

  it("errors come back as the SDK expects them: an out-of-range expiry is a 400 ValidationError", async () => {
    const user = await client.createUser();
    await expectRestError(client.getToken(user, ["chat"], { tokenExpiresInMinutes: 30 }), 400, "ValidationError");
    const wrongKey = new CommunicationIdentityClient(
      `endpoint=${service.url}/;accesskey=${Buffer.alloc(64, 9).toString("base64")}`,
      { allowInsecureConnection: true },
    );
    await expectRestError(wrongKey.createUser(), 401, "InvalidSignature");
  });
});
