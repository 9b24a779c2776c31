/**
 * Communication Identity 2023-10-01, end to end: its five operations (create, delete, issue, revoke,
 * Teams user exchange) with their documented errors, both credential kinds, cancellation and
 * timeouts. The service answers in the 2023-10-01 shape (no customId, no lastTokenIssuedAt).
 */
import { describe, expect, it } from "vitest";
import { stable, type ApiStyle, type IdentityAuth, type StableApi } from "../support/apis.ts";
import { abortAfter, expectHttpError, rejectionOf, timed } from "../support/assertions.ts";
import type { E2eEnv } from "../support/env.ts";
import { PRINCIPALS, useIdentityFixture, type IdentityClientOptions } from "./identity-fixture.ts";

const MINUTE = 60_000;
const ISSUE = "POST /identities/{id}/:issueAccessToken";
const UNKNOWN_ID = "8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000002";

export function defineIdentityStableSuite(
  style: ApiStyle<IdentityAuth, IdentityClientOptions, StableApi>,
  env: E2eEnv,
): void {
  describe(`communication-identity 2023-10-01: ${style.name}, ${env.name}`, () => {
    const fx = useIdentityFixture(style, env);
    const requests = () => fx.service.requests;
    const newIdentity = async () => (await fx.api.createCommunicationIdentity()).identity.id;

    it("creates an identity (the 2023-10-01 shape: just the id), with or without a token", async () => {
      const bare = await fx.api.createCommunicationIdentity();
      expect(bare).toEqual({ identity: { id: expect.stringMatching(/^8:acs:[0-9a-f-]{36}_[0-9a-f-]{36}$/) } });
      expect(requests().at(-1)?.query["api-version"]).toBe("2023-10-01");
      const withToken = await fx.api.createCommunicationIdentity({
        createTokenWithScopes: ["chat", "voip"],
        expiresInMinutes: 120,
      });
      expect(Object.keys(withToken.identity)).toEqual(["id"]);
      expect(withToken.accessToken?.expiresOn).toBeInstanceOf(Date);
      expect(Math.abs((withToken.accessToken?.expiresOn.getTime() ?? 0) - (Date.now() + 120 * MINUTE))).toBeLessThan(
        5_000,
      );
      expect(fx.service.state.inspectToken(withToken.accessToken?.token ?? "").claims?.scopes).toEqual([
        "chat",
        "voip",
      ]);
    });

    it("issues tokens (1440 minutes by default) and revoking invalidates the earlier ones", async () => {
      const id = await newIdentity();
      const first = await fx.api.issueAccessToken(id, { scopes: ["voip"] });
      expect(first.expiresOn).toBeInstanceOf(Date);
      expect(Math.abs(first.expiresOn.getTime() - (Date.now() + 1440 * MINUTE))).toBeLessThan(5_000);
      expect(fx.service.state.isTokenValid(first.token)).toBe(true);
      await fx.api.revokeAccessTokens(id);
      expect(fx.service.state.inspectToken(first.token).status).toBe("revoked");
      const second = await fx.api.issueAccessToken(id, { scopes: ["voip"], expiresInMinutes: 60 });
      expect(fx.service.state.isTokenValid(second.token)).toBe(true);
    });

    it("deletes an identity: its tokens die and later operations on it get 404", async () => {
      const id = await newIdentity();
      const token = await fx.api.issueAccessToken(id, { scopes: ["chat"] });
      await fx.api.deleteCommunicationIdentity(id);
      expect(fx.service.state.inspectToken(token.token).status).toBe("identity-deleted");
      const notFound = { status: 404, code: "IdentityNotFound", target: "id" };
      await expectHttpError(fx.api.issueAccessToken(id, { scopes: ["chat"] }), stable.HttpError, notFound, requests());
      await expectHttpError(fx.api.revokeAccessTokens(id), stable.HttpError, notFound, requests());
      await expectHttpError(fx.api.deleteCommunicationIdentity(id), stable.HttpError, notFound, requests());
    });

    it("exchanges a Teams user token", async () => {
      const { token, principal } = PRINCIPALS.teamsUser;
      const exchanged = await fx.api.exchangeTeamsUserAccessToken({
        token,
        appId: principal.clientId,
        userId: principal.objectId,
      });
      expect(exchanged.expiresOn).toBeInstanceOf(Date);
      expect(fx.service.state.inspectToken(exchanged.token).claims?.sub).toBe(`8:orgid:${principal.objectId}`);
    });

    describe("documented errors", () => {
      const { token, principal } = PRINCIPALS.teamsUser;
      it.each([
        {
          name: "create: expiresInMinutes above 1440",
          status: 400,
          code: "ValidationError",
          target: "expiresInMinutes",
          violates: "body.expiresInMinutes",
          call: (api: StableApi) =>
            api.createCommunicationIdentity({ createTokenWithScopes: ["chat"], expiresInMinutes: 2000 }),
        },
        {
          name: "issue: expiresInMinutes below 60",
          status: 400,
          code: "ValidationError",
          target: "expiresInMinutes",
          violates: "body.expiresInMinutes",
          call: async (api: StableApi) =>
            api.issueAccessToken(await newIdentity(), { scopes: ["chat"], expiresInMinutes: 1 }),
        },
        {
          name: "issue: an unknown identity",
          status: 404,
          code: "IdentityNotFound",
          call: (api: StableApi) => api.issueAccessToken(UNKNOWN_ID, { scopes: ["chat"] }),
        },
        {
          name: "revoke: an unknown identity",
          status: 404,
          code: "IdentityNotFound",
          call: (api: StableApi) => api.revokeAccessTokens(UNKNOWN_ID),
        },
        {
          name: "delete: an unknown identity",
          status: 404,
          code: "IdentityNotFound",
          call: (api: StableApi) => api.deleteCommunicationIdentity(UNKNOWN_ID),
        },
        {
          name: "Teams user exchange: a missing userId",
          status: 400,
          code: "ValidationError",
          target: "userId",
          call: (api: StableApi) => api.exchangeTeamsUserAccessToken({ token, appId: principal.clientId, userId: "" }),
        },
        {
          name: "Teams user exchange: an expired or unknown token",
          status: 401,
          code: "InvalidAccessToken",
          target: "token",
          call: (api: StableApi) =>
            api.exchangeTeamsUserAccessToken({
              token: "unknown",
              appId: principal.clientId,
              userId: principal.objectId,
            }),
        },
        {
          name: "wrong access key",
          status: 401,
          code: "InvalidSignature",
          call: () =>
            fx
              .client({
                kind: "key",
                endpoint: fx.endpoint,
                credential: { key: Buffer.alloc(32, 1).toString("base64") },
              })
              .createCommunicationIdentity(),
        },
      ])("$name -> $status $code", async ({ call, violates, name: _name, ...expected }) => {
        if (violates) env.expectViolation(violates);
        await expectHttpError(call(fx.api), stable.HttpError, expected, requests());
      });
    });

    it.each(["connection string", "key", "token"] as const)("authenticates with a %s", async (kind) => {
      const bearer = fx.bearer(PRINCIPALS.entraUser.token);
      const api =
        kind === "token"
          ? bearer.api
          : fx.client(
              kind === "key"
                ? { kind, endpoint: fx.endpoint, credential: { key: fx.service.accessKey } }
                : { kind, connectionString: fx.connectionString },
            );
      const id = (await api.createCommunicationIdentity()).identity.id;
      await api.issueAccessToken(id, { scopes: ["chat"] });
      expect(
        requests()
          .slice(-2)
          .map((sent) => sent.auth),
      ).toEqual(kind === "token" ? ["bearer", "bearer"] : ["hmac", "hmac"]);
      expect(bearer.credential.calls).toEqual(kind === "token" ? [["https://communication.azure.com//.default"]] : []);
    });

    if (!env.proxied) {
      it("an abort signal rejects with its reason; timeoutMs gives a TimeoutError", async () => {
        const id = await newIdentity();
        fx.faults.script(ISSUE, [{ stallMs: 10_000 }, { stallMs: 10_000 }]);
        const reason = new DOMException("stop", "AbortError");
        const aborted = await timed(() =>
          rejectionOf(fx.api.issueAccessToken(id, { scopes: ["chat"] }, { abortSignal: abortAfter(30, reason) })),
        );
        expect(aborted.value).toBe(reason);
        expect(aborted.ms).toBeLessThan(1_000);
        const api = fx.client(
          { kind: "connection string", connectionString: fx.connectionString },
          { retry: { maxRetries: 0 } },
        );
        const timedOut = await timed(() =>
          rejectionOf(api.issueAccessToken(id, { scopes: ["chat"] }, { timeoutMs: 80 })),
        );
        expect(timedOut.value).toBeInstanceOf(stable.TimeoutError);
        expect(timedOut.value).toMatchObject({ message: "The request timed out after 80 ms", timeoutMs: 80 });
        expect(timedOut.ms).toBeGreaterThanOrEqual(75);
        expect(timedOut.ms).toBeLessThan(1_500);
        expect(fx.faults.attempts(ISSUE)).toBe(2);
      });
    }
  });
}
