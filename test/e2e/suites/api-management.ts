/**
 * API Management 2022-08-01 (User - Get Shared Access Token), end to end: Entra ID bearer
 * authentication (scope, caching, refresh, https-only), the 30-day expiry rule, the path constraints
 * and the ARM error shape, cancellation and timeouts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApimService, type ApimService } from "../../support/services/apim-service.ts";
import { createFaultInjector } from "../../support/services/faults.ts";
import { apim, type ApimApi, type ApiStyle, type TokenCredential } from "../support/apis.ts";
import { abortAfter, expectHttpError, rejectionOf, timed } from "../support/assertions.ts";
import { recordingTokenCredential } from "../support/credentials.ts";
import type { E2eEnv, Front } from "../support/env.ts";

const DAY = 24 * 60 * 60 * 1000;
const ARM_TOKEN = "arm-token";
const ROUTE =
  "POST /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{svc}/users/{u}/token";
const at = (msFromNow: number) => new Date(Date.now() + msFromNow);

export function defineApiManagementSuite(
  style: ApiStyle<TokenCredential, apim.ApiManagementClientOptions, ApimApi>,
  env: E2eEnv,
): void {
  describe(`api-management 2022-08-01: ${style.name}, ${env.name}`, () => {
    const faults = createFaultInjector();
    let service: ApimService;
    let front: Front;
    const client = (credential: TokenCredential, options: apim.ApiManagementClientOptions = {}) =>
      style.create(credential, {
        endpoint: front.endpoint,
        retry: { maxRetries: 2, initialDelayMs: 5, maxDelayMs: 20 },
        ...(env.fetch ? { fetch: env.fetch } : {}),
        ...options,
      });
    const signedIn = (options?: apim.ApiManagementClientOptions) => {
      const credential = recordingTokenCredential(ARM_TOKEN, Date.now() + DAY);
      return { api: client(credential, options), credential };
    };
    const userToken = (
      api: ApimApi,
      expiry: Date,
      userId = "userId1718",
      serviceName = "apimService1",
      resourceGroup = "rg1",
    ) =>
      api.userGetSharedAccessToken("subid", resourceGroup, serviceName, userId, {
        properties: { keyType: "primary", expiry },
      });

    beforeAll(async () => {
      service = await startApimService({
        faults,
        bearerTokens: [{ token: ARM_TOKEN, expiresOn: Date.now() + 2 * DAY }],
      });
      front = await env.front({ url: service.url });
    });
    afterEach(() => faults.reset());
    afterAll(async () => {
      await front.close();
      await service.close();
    });

    it("gets a user token signed by the service; the bearer token is asked for once, for ARM's scope", async () => {
      const { api, credential } = signedIn();
      const expiry = at(7 * DAY);
      const { value } = await userToken(api, expiry);
      const sent = service.requests.at(-1);
      // Keys in the model's order (sorted by name), whatever order the caller wrote.
      expect(sent?.body).toBe(JSON.stringify({ properties: { expiry: expiry.toISOString(), keyType: "primary" } }));
      expect([sent?.auth, sent?.headers["authorization"], sent?.headers["x-ms-date"]]).toEqual([
        "bearer",
        "Bearer [redacted]",
        undefined,
      ]);
      const parts = service.state.verifyUserToken(value ?? "");
      expect(parts).toEqual({
        userId: "userId1718",
        keyType: "primary",
        expiry: new Date(Math.floor(expiry.getTime() / 60_000) * 60_000),
      });
      const secondary = await api.userGetSharedAccessToken("subid", "rg1", "apimService1", "1", {
        properties: { keyType: "secondary", expiry: at(30 * DAY - 60_000) },
      });
      expect(service.state.verifyUserToken(secondary.value ?? "")?.keyType).toBe("secondary");
      expect(credential.calls).toEqual([["https://management.azure.com/.default"]]);
    });

    it("the 30-day rule: an expiry more than 30 days ahead is a 400 naming expiry", async () => {
      const { api } = signedIn();
      const error = await expectHttpError(
        userToken(api, at(30 * DAY + 60_000)),
        apim.HttpError,
        { status: 400, code: "ValidationError", message: /^One or more fields contain incorrect values:$/ },
        service.requests,
      );
      expect(error.details).toEqual([
        { code: "ValidationError", target: "expiry", message: "'expiry' must be at most 30 days from now." },
      ]);
      const past = await expectHttpError(
        userToken(api, at(-60_000)),
        apim.HttpError,
        { status: 400, code: "ValidationError" },
        service.requests,
      );
      expect(past.details).toMatchObject([{ target: "expiry", message: "'expiry' must be in the future." }]);
    });

    it.each([
      ["an unknown user", 404, "ResourceNotFound", { userId: "nobody" }, undefined, undefined],
      [
        "a serviceName against its pattern",
        400,
        "ValidationError",
        { serviceName: "9-bad-" },
        "serviceName",
        "path.serviceName",
      ],
      [
        "a resourceGroupName over 90 characters",
        400,
        "ValidationError",
        { resourceGroup: "r".repeat(91) },
        "resourceGroupName",
        "path.resourceGroupName",
      ],
    ] as const)("%s -> %s %s", async (_name, status, code, change, target, violates) => {
      const { api } = signedIn();
      const { userId, serviceName, resourceGroup } = {
        userId: "1",
        serviceName: "apimService1",
        resourceGroup: "rg1",
        ...change,
      };
      if (violates) env.expectViolation(violates);
      const error = await expectHttpError(
        userToken(api, at(DAY), userId, serviceName, resourceGroup),
        apim.HttpError,
        { status, code },
        service.requests,
      );
      if (target) expect(error.details).toMatchObject([{ target }]);
    });

    it("a bearer token ARM does not accept is a 401 InvalidAuthenticationToken", async () => {
      const api = client(recordingTokenCredential("not-registered", Date.now() + DAY));
      const error = await expectHttpError(
        userToken(api, at(DAY)),
        apim.HttpError,
        { status: 401, code: "InvalidAuthenticationToken" },
        service.requests,
      );
      expect(error.headers.get("www-authenticate")).toBe('Bearer error="invalid_token"');
    });

    it("refreshes a token that expires within the refresh window before each use", async () => {
      const credential = recordingTokenCredential(ARM_TOKEN, Date.now() + 60_000);
      const api = client(credential);
      await userToken(api, at(DAY));
      await userToken(api, at(DAY));
      expect(credential.calls).toHaveLength(2);
    });

    it("never sends a bearer token over plain http to a remote host", async () => {
      const { api, credential } = signedIn({ endpoint: "http://management.example.com" });
      const error = await rejectionOf(userToken(api, at(DAY)));
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).toContain("Refusing to send a bearer token over http://management.example.com");
      expect(credential.calls).toEqual([]);
    });

    if (!env.proxied) {
      it("an abort signal rejects with its reason; timeoutMs gives a TimeoutError", async () => {
        faults.script(ROUTE, [{ stallMs: 10_000 }, { stallMs: 10_000 }]);
        const reason = new Error("cancelled by the caller");
        const { api } = signedIn({ retry: { maxRetries: 0 } });
        const aborted = await timed(() =>
          rejectionOf(
            api.userGetSharedAccessToken(
              "s",
              "rg",
              "svc",
              "1",
              { properties: { keyType: "primary", expiry: at(DAY) } },
              { abortSignal: abortAfter(30, reason) },
            ),
          ),
        );
        expect(aborted.value).toBe(reason);
        expect(aborted.ms).toBeLessThan(1_000);
        const timedOut = await timed(() =>
          rejectionOf(
            api.userGetSharedAccessToken(
              "s",
              "rg",
              "svc",
              "1",
              { properties: { keyType: "primary", expiry: at(DAY) } },
              { timeoutMs: 80 },
            ),
          ),
        );
        expect(timedOut.value).toBeInstanceOf(apim.TimeoutError);
        expect(timedOut.value).toMatchObject({ message: "The request timed out after 80 ms", timeoutMs: 80 });
        expect(timedOut.ms).toBeGreaterThanOrEqual(75);
        expect(timedOut.ms).toBeLessThan(1_500);
        expect(faults.attempts(ROUTE)).toBe(2);
      });
    }
  });
}
