/**
 * Communication Identity 2025-03-02-preview, end to end: identities and tokens (customId
 * idempotency, expiry, revocation, deletion), every documented error of these operations, both
 * credential kinds, cancellation and timeouts. Assignments and token exchanges are in
 * `preview-access.ts`.
 */
import { describe, expect, it } from "vitest";
import { preview, type ApiStyle, type IdentityAuth, type PreviewApi } from "../support/apis.ts";
import { abortAfter, expectHttpError, rejectionOf, timed, type ExpectedHttpError } from "../support/assertions.ts";
import type { E2eEnv } from "../support/env.ts";
import { PRINCIPALS, useIdentityFixture, type IdentityClientOptions } from "./identity-fixture.ts";

const MINUTE = 60_000;
const ISSUE = "POST /identities/{id}/:issueAccessToken";
/** A well-formed id no service ever issued. */
const UNKNOWN_ID = "8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001";
/** An access key the service does not have. */
const WRONG_KEY = Buffer.alloc(64, 7).toString("base64");

export function defineIdentityPreviewSuite(
  style: ApiStyle<IdentityAuth, IdentityClientOptions, PreviewApi>,
  env: E2eEnv,
): void {
  describe(`communication-identity 2025-03-02-preview: ${style.name}, ${env.name}`, () => {
    const fx = useIdentityFixture(style, env);
    const idPattern = () => new RegExp(`^8:acs:${fx.service.state.resourceId}_[0-9a-f-]{36}$`);
    const newIdentity = async () => (await fx.api.createCommunicationIdentity()).identity.id;

    describe("identities and tokens", () => {
      it("creates an identity with an 8:acs id and no token when there is no body", async () => {
        const { identity, accessToken } = await fx.api.createCommunicationIdentity();
        expect(identity.id).toMatch(idPattern());
        expect(accessToken).toBeUndefined();
        expect(fx.service.state.getIdentity(identity.id)).toBeDefined();
        const sent = fx.service.requests.at(-1);
        expect([sent?.method, sent?.path, sent?.query["api-version"], sent?.body]).toEqual([
          "POST",
          "/identities",
          "2025-03-02-preview",
          "",
        ]);
        expect(sent?.auth).toBe("hmac");
      });

      it("creates an identity with a token: expiresOn and lastTokenIssuedAt are Dates from the service", async () => {
        const before = Date.now();
        const { identity, accessToken } = await fx.api.createCommunicationIdentity({
          createTokenWithScopes: ["chat"],
          expiresInMinutes: 60,
        });
        expect(accessToken?.expiresOn).toBeInstanceOf(Date);
        expect(accessToken?.expiresOn.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60 * MINUTE);
        expect(accessToken?.expiresOn.getTime()).toBeLessThanOrEqual(Date.now() + 60 * MINUTE);
        expect(identity.lastTokenIssuedAt).toBeInstanceOf(Date);
        expect(identity.lastTokenIssuedAt).toEqual(fx.service.state.getIdentity(identity.id)?.lastTokenIssuedAt);
        const inspection = fx.service.state.inspectToken(accessToken?.token ?? "");
        expect(inspection.status).toBe("valid");
        expect(inspection.claims?.sub).toBe(identity.id);
        expect(inspection.claims?.scopes).toEqual(["chat"]);
      });

      it("customId is idempotent: the same customId gives the same identity", async () => {
        const customId = `alice-${style.name}@contoso.com`;
        const first = await fx.api.createCommunicationIdentity({ customId });
        const second = await fx.api.createCommunicationIdentity({ customId, createTokenWithScopes: ["voip"] });
        const other = await fx.api.createCommunicationIdentity({ customId: `bob-${style.name}@contoso.com` });
        expect(first.identity).toEqual({ id: expect.stringMatching(idPattern()), customId });
        expect(second.identity.id).toBe(first.identity.id);
        expect(second.accessToken?.token).toBeTruthy();
        expect(fx.service.state.inspectToken(second.accessToken?.token ?? "").claims?.sub).toBe(first.identity.id);
        expect(other.identity.id).not.toBe(first.identity.id);
        expect(fx.service.state.listIdentities().filter((identity) => identity.customId === customId)).toHaveLength(1);
      });

      it("gets an identity with customId and lastTokenIssuedAt (a Date)", async () => {
        const customId = `carol-${style.name}`;
        const { identity } = await fx.api.createCommunicationIdentity({ customId });
        expect(await fx.api.getCommunicationIdentity(identity.id)).toEqual({ id: identity.id, customId });
        await fx.api.issueAccessToken(identity.id, { scopes: ["chat"] });
        const fetched = await fx.api.getCommunicationIdentity(identity.id);
        expect(fetched.lastTokenIssuedAt).toBeInstanceOf(Date);
        expect(fetched.lastTokenIssuedAt).toEqual(fx.service.state.getIdentity(identity.id)?.lastTokenIssuedAt);
        expect(fx.service.requests.at(-1)?.path).toBe(`/identities/${encodeURIComponent(identity.id)}`);
      });

      it("issues tokens: 1440 minutes by default, expiresInMinutes otherwise, scopes as asked", async () => {
        const id = await newIdentity();
        const byDefault = await fx.api.issueAccessToken(id, { scopes: ["chat", "voip"] });
        const short = await fx.api.issueAccessToken(id, { scopes: ["chat.join"], expiresInMinutes: 60 });
        for (const [token, minutes] of [
          [byDefault, 1440],
          [short, 60],
        ] as const) {
          expect(token.expiresOn).toBeInstanceOf(Date);
          expect(Math.abs(token.expiresOn.getTime() - (Date.now() + minutes * MINUTE))).toBeLessThan(5_000);
          expect(fx.service.state.isTokenValid(token.token)).toBe(true);
        }
        expect(fx.service.state.inspectToken(byDefault.token).claims?.scopes).toEqual(["chat", "voip"]);
        expect(fx.service.requests.at(-1)?.body).toBe('{"expiresInMinutes":60,"scopes":["chat.join"]}');
      });

      it("revoking invalidates every earlier token of the identity, not later ones", async () => {
        const id = await newIdentity();
        const other = await newIdentity();
        const before = await fx.api.issueAccessToken(id, { scopes: ["chat"] });
        const bystander = await fx.api.issueAccessToken(other, { scopes: ["chat"] });
        await fx.api.revokeAccessTokens(id);
        expect(fx.service.requests.at(-1)?.status).toBe(204);
        expect(fx.service.state.inspectToken(before.token).status).toBe("revoked");
        expect(fx.service.state.isTokenValid(bystander.token)).toBe(true);
        const after = await fx.api.issueAccessToken(id, { scopes: ["chat"] });
        expect(fx.service.state.isTokenValid(after.token)).toBe(true);
      });

      it("deleting an identity invalidates its tokens; later operations on it get 404", async () => {
        const { identity, accessToken } = await fx.api.createCommunicationIdentity({ createTokenWithScopes: ["chat"] });
        await fx.api.deleteCommunicationIdentity(identity.id);
        expect(fx.service.state.getIdentity(identity.id)).toBeUndefined();
        expect(fx.service.state.inspectToken(accessToken?.token ?? "").status).toBe("identity-deleted");
        const notFound = { status: 404, code: "IdentityNotFound", target: "id" };
        await expectHttpError(
          fx.api.getCommunicationIdentity(identity.id),
          preview.HttpError,
          notFound,
          fx.service.requests,
        );
        await expectHttpError(
          fx.api.issueAccessToken(identity.id, { scopes: ["chat"] }),
          preview.HttpError,
          notFound,
          fx.service.requests,
        );
        await expectHttpError(fx.api.revokeAccessTokens(identity.id), preview.HttpError, notFound, fx.service.requests);
        await expectHttpError(
          fx.api.deleteCommunicationIdentity(identity.id),
          preview.HttpError,
          notFound,
          fx.service.requests,
        );
      });
    });

    describe("documented errors: a typed HttpError with status, code, message and request id", () => {
      interface ErrorCase extends ExpectedHttpError {
        readonly name: string;
        readonly call: (api: PreviewApi) => Promise<unknown>;
        /** The constraint of the OpenAPI document this request breaks on purpose. */
        readonly violates?: string;
      }
      const cases: ErrorCase[] = [
        {
          name: "create: expiresInMinutes below 60",
          call: (api) => api.createCommunicationIdentity({ createTokenWithScopes: ["chat"], expiresInMinutes: 59 }),
          status: 400,
          code: "ValidationError",
          target: "expiresInMinutes",
          violates: "body.expiresInMinutes",
        },
        {
          name: "create: expiresInMinutes above 1440",
          call: (api) => api.createCommunicationIdentity({ createTokenWithScopes: ["chat"], expiresInMinutes: 1441 }),
          status: 400,
          code: "ValidationError",
          target: "expiresInMinutes",
          violates: "body.expiresInMinutes",
        },
        {
          name: "create: customId longer than 256 characters",
          call: (api) => api.createCommunicationIdentity({ customId: "x".repeat(257) }),
          status: 400,
          code: "ValidationError",
          target: "customId",
          violates: "body.customId",
        },
        {
          name: "issue: expiresInMinutes out of range",
          call: async (api) => api.issueAccessToken(await newIdentity(), { scopes: ["chat"], expiresInMinutes: 30 }),
          status: 400,
          code: "ValidationError",
          target: "expiresInMinutes",
          violates: "body.expiresInMinutes",
        },
        {
          name: "issue: no scopes",
          call: async (api) => api.issueAccessToken(await newIdentity(), { scopes: [] }),
          status: 400,
          code: "ValidationError",
          target: "scopes",
        },
        {
          name: "issue: an unknown identity",
          call: (api) => api.issueAccessToken(UNKNOWN_ID, { scopes: ["chat"] }),
          status: 404,
          code: "IdentityNotFound",
          target: "id",
        },
        {
          name: "get: an id that is not an ACS identity",
          call: (api) => api.getCommunicationIdentity("not-an-identity"),
          status: 400,
          code: "InvalidIdentifier",
          target: "id",
        },
        {
          name: "get: an unknown identity",
          call: (api) => api.getCommunicationIdentity(UNKNOWN_ID),
          status: 404,
          code: "IdentityNotFound",
        },
        {
          name: "delete: an unknown identity",
          call: (api) => api.deleteCommunicationIdentity(UNKNOWN_ID),
          status: 404,
          code: "IdentityNotFound",
        },
        {
          name: "revoke: an unknown identity",
          call: (api) => api.revokeAccessTokens(UNKNOWN_ID),
          status: 404,
          code: "IdentityNotFound",
        },
        {
          name: "wrong access key: the signature does not verify",
          call: () =>
            fx
              .client({ kind: "key", endpoint: fx.endpoint, credential: { key: WRONG_KEY } })
              .createCommunicationIdentity(),
          status: 401,
          code: "InvalidSignature",
        },
        {
          name: "an api-version the service does not support",
          call: () =>
            fx
              .client(
                { kind: "connection string", connectionString: fx.connectionString },
                { apiVersion: "2099-01-01" },
              )
              .createCommunicationIdentity(),
          status: 400,
          code: "UnsupportedApiVersion",
          target: "api-version",
        },
        {
          name: "a preview operation called with api-version 2023-10-01",
          call: () =>
            fx
              .client(
                { kind: "connection string", connectionString: fx.connectionString },
                { apiVersion: "2023-10-01" },
              )
              .getCommunicationIdentity(UNKNOWN_ID),
          status: 404,
          code: "NotFound",
          message: /added in 2025-03-02-preview/,
        },
      ];
      it.each(cases)("$name -> $status $code", async ({ call, violates, ...expected }) => {
        if (violates) env.expectViolation(violates);
        await expectHttpError(call(fx.api), preview.HttpError, expected, fx.service.requests);
      });
    });

    describe("credentials", () => {
      it.each(["connection string", "key"] as const)("signs with HMAC-SHA256 given a %s", async (kind) => {
        const auth: IdentityAuth =
          kind === "key"
            ? { kind, endpoint: fx.endpoint, credential: { key: fx.service.accessKey } }
            : { kind, connectionString: fx.connectionString };
        const api = fx.client(auth);
        const id = (await api.createCommunicationIdentity()).identity.id;
        await api.issueAccessToken(id, { scopes: ["chat"] });
        for (const sent of fx.service.requests.slice(-2)) {
          expect(sent.auth).toBe("hmac");
          expect(sent.headers["authorization"]).toBe("HMAC-SHA256 [redacted]");
          expect(new Date(sent.headers["x-ms-date"] ?? "").toUTCString()).toBe(sent.headers["x-ms-date"]);
          expect(sent.headers["x-ms-content-sha256"]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
        }
      });

      it("reads the key credential on every request, so a rotated key is used at once", async () => {
        const credential = { key: WRONG_KEY };
        const api = fx.client({ kind: "key", endpoint: fx.endpoint, credential });
        await expectHttpError(
          api.createCommunicationIdentity(),
          preview.HttpError,
          { status: 401, code: "InvalidSignature" },
          fx.service.requests,
        );
        credential.key = fx.service.accessKey;
        expect((await api.createCommunicationIdentity()).identity.id).toMatch(idPattern());
      });

      it("sends a token credential's token as a bearer token, asked once for the ACS scope", async () => {
        const { api, credential } = fx.bearer(PRINCIPALS.entraUser.token);
        const id = (await api.createCommunicationIdentity()).identity.id;
        const token = await api.issueAccessToken(id, { scopes: ["voip"] });
        expect(fx.service.state.isTokenValid(token.token)).toBe(true);
        expect(credential.calls).toEqual([["https://communication.azure.com//.default"]]);
        for (const sent of fx.service.requests.slice(-2)) {
          expect(sent.auth).toBe("bearer");
          expect(sent.headers["authorization"]).toBe("Bearer [redacted]");
          expect(sent.headers["x-ms-date"]).toBeUndefined();
          expect(sent.headers["x-ms-content-sha256"]).toBeUndefined();
        }
      });

      it("a token the service does not accept is a 401 InvalidToken", async () => {
        const { api } = fx.bearer("never-registered");
        await expectHttpError(
          api.createCommunicationIdentity(),
          preview.HttpError,
          { status: 401, code: "InvalidToken" },
          fx.service.requests,
        );
      });
    });

    if (!env.proxied) {
      describe("cancellation and timeouts", () => {
        it("an abort signal rejects the call promptly with the signal's reason", async () => {
          const id = await newIdentity();
          fx.faults.script(ISSUE, [{ stallMs: 10_000 }]);
          const reason = new Error("the caller gave up");
          const { value: error, ms } = await timed(() =>
            rejectionOf(fx.api.issueAccessToken(id, { scopes: ["chat"] }, { abortSignal: abortAfter(50, reason) })),
          );
          expect(error).toBe(reason);
          expect(ms).toBeGreaterThanOrEqual(45);
          expect(ms).toBeLessThan(1_000);
          expect(fx.faults.attempts(ISSUE)).toBe(1);
          await expect.poll(() => fx.faults.pendingStalls).toBe(0);
        });

        it("an already aborted signal rejects before anything is sent", async () => {
          const reason = new Error("aborted up front");
          const sent = fx.service.requests.length;
          await expect(
            fx.api.createCommunicationIdentity(undefined, { abortSignal: AbortSignal.abort(reason) }),
          ).rejects.toBe(reason);
          expect(fx.service.requests.length).toBe(sent);
        });

        it("timeoutMs bounds each attempt: a stalled service gives a TimeoutError", async () => {
          const id = await newIdentity();
          fx.faults.script(ISSUE, [{ stallMs: 10_000 }]);
          const api = fx.client(
            { kind: "connection string", connectionString: fx.connectionString },
            { retry: { maxRetries: 0 } },
          );
          const { value: error, ms } = await timed(() =>
            rejectionOf(api.issueAccessToken(id, { scopes: ["chat"] }, { timeoutMs: 100 })),
          );
          expect(error).toBeInstanceOf(preview.TimeoutError);
          expect(error).toMatchObject({
            name: "TimeoutError",
            timeoutMs: 100,
            message: "The request timed out after 100 ms",
          });
          expect(ms).toBeGreaterThanOrEqual(95);
          expect(ms).toBeLessThan(1_500);
          await expect.poll(() => fx.faults.pendingStalls).toBe(0);
        });
      });
    }
  });
}
