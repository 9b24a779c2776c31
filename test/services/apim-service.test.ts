import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApimService, type ApimService } from "../support/services/apim-service.ts";
import { caller, json, type CallOptions } from "./signed-fetch.ts";

interface ApimError {
  error: { code: string; message: string; details?: Array<{ code: string; target: string; message: string }> };
}

const NOW = Date.parse("2025-05-01T10:00:00.000Z");
const DAY = 86_400_000;

describe("API Management user token 2022-08-01", () => {
  let service: ApimService;
  let raw: ReturnType<typeof caller>;
  const tokenPath = (user = "userId1718", rg = "rg1", svc = "apimService1", version = "2022-08-01") =>
    `/subscriptions/subid/resourceGroups/${encodeURIComponent(rg)}/providers/Microsoft.ApiManagement/service/${encodeURIComponent(svc)}/users/${encodeURIComponent(user)}/token?api-version=${version}`;
  const post = (path: string, body: unknown, options: CallOptions = {}) =>
    raw("POST", path, { json: body, auth: { bearer: "arm-token" }, ...options });
  const inDays = (days: number) => new Date(NOW + days * DAY).toISOString();
  const expectValidation = async (response: Response, target: string) => {
    expect(response.status).toBe(400);
    const body = await json<ApimError>(response);
    expect(body.error.code).toBe("ValidationError");
    expect(body.error.details?.[0]).toMatchObject({ code: "ValidationError", target });
    expect(body.error.details?.[0]?.message).toContain(target);
  };

  beforeAll(async () => {
    service = await startApimService({
      now: () => NOW,
      bearerTokens: [
        { token: "arm-token", expiresOn: NOW + DAY },
        { token: "old-token", expiresOn: NOW - 1 },
      ],
    });
    raw = caller(service.url, Buffer.alloc(32).toString("base64"));
  });
  afterAll(() => service.close());

  it("issues <userId>&<yyyyMMddHHmm>&<signature> tokens, primary key by default", async () => {
    const response = await post(tokenPath(), {
      properties: { keyType: "primary", expiry: "2025-05-21T00:44:24.2845269Z" },
    });
    expect(response.status).toBe(200);
    const { value } = await json<{ value: string }>(response);
    expect(value).toMatch(/^userId1718&202505210044&[A-Za-z0-9+/]+={0,2}$/);
    expect(service.state.verifyUserToken(value)).toEqual({
      userId: "userId1718",
      expiry: new Date("2025-05-21T00:44:00Z"),
      keyType: "primary",
    });
    const implicit = await json<{ value: string }>(await post(tokenPath(), { properties: { expiry: inDays(1) } }));
    expect(service.state.verifyUserToken(implicit.value)?.keyType).toBe("primary");
    const secondary = await json<{ value: string }>(
      await post(tokenPath("1"), { properties: { keyType: "secondary", expiry: inDays(30) } }),
    );
    expect(service.state.verifyUserToken(secondary.value)?.keyType).toBe("secondary");
    expect(secondary.value.startsWith("1&202505311000&")).toBe(true);
    expect(service.state.verifyUserToken(secondary.value.replace("&202505311000&", "&202505311001&"))).toBeUndefined();
    expect(service.state.verifyUserToken(`userId1718&202505210044&${"A".repeat(88)}`)).toBeUndefined();
  });

  it("validates expiry: required, a date-time, in the future, at most 30 days ahead", async () => {
    await expectValidation(
      await post(tokenPath(), { properties: { expiry: new Date(NOW + 30 * DAY + 60_000).toISOString() } }),
      "expiry",
    );
    await expectValidation(await post(tokenPath(), { properties: { expiry: inDays(-1) } }), "expiry");
    await expectValidation(await post(tokenPath(), { properties: { keyType: "primary" } }), "expiry");
    await expectValidation(await post(tokenPath(), { properties: { expiry: "tomorrow" } }), "expiry");
    await expectValidation(
      await post(tokenPath(), { properties: { expiry: inDays(1), keyType: "tertiary" } }),
      "keyType",
    );
    await expectValidation(await post(tokenPath(), { expiry: inDays(1) }), "properties");
  });

  it("validates path parameters against the spec's constraints", async () => {
    const body = { properties: { expiry: inDays(1) } };
    await expectValidation(await post(tokenPath("userId1718", "bad name!"), body), "resourceGroupName");
    await expectValidation(await post(tokenPath("userId1718", "r".repeat(91)), body), "resourceGroupName");
    expect((await post(tokenPath("userId1718", "R-g_1.(x)".padEnd(90, "g")), body)).status).toBe(200);
    await expectValidation(await post(tokenPath("userId1718", "rg1", "1service"), body), "serviceName");
    await expectValidation(await post(tokenPath("userId1718", "rg1", "svc-"), body), "serviceName");
    await expectValidation(await post(tokenPath("userId1718", "rg1", "s".repeat(51)), body), "serviceName");
    await expectValidation(await post(tokenPath("u".repeat(81)), body), "userId");
  });

  it("404s unknown users, checks api-version, and is case-insensitive on ARM path words", async () => {
    const body = { properties: { expiry: inDays(1) } };
    const unknown = await post(tokenPath("nobody"), body);
    expect(unknown.status).toBe(404);
    expect((await json<ApimError>(unknown)).error.code).toBe("ResourceNotFound");
    service.state.addUser("nobody");
    expect((await post(tokenPath("nobody"), body)).status).toBe(200);
    const version = await post(tokenPath("1", "rg1", "apimService1", "2021-08-01"), body);
    expect(version.status).toBe(400);
    expect((await json<ApimError>(version)).error.code).toBe("InvalidApiVersionParameter");
    expect((await post(tokenPath().replace("resourceGroups", "resourcegroups"), body)).status).toBe(200);
    expect((await raw("GET", tokenPath(), { auth: { bearer: "arm-token" } })).status).toBe(405);
  });

  it("requires a valid bearer token (401 otherwise, HMAC included)", async () => {
    const body = { properties: { expiry: inDays(1) } };
    for (const options of [
      { auth: "none" as const },
      { auth: { bearer: "old-token" } },
      { auth: { bearer: "forged" } },
      {},
    ] satisfies CallOptions[]) {
      const response = await raw("POST", tokenPath(), { json: body, ...options });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await json<ApimError>(response)).error.code).toMatch(
        /^(AuthenticationFailed|InvalidAuthenticationToken)$/,
      );
    }
    expect(service.requests.at(-1)?.headers["authorization"]).toBe("HMAC-SHA256 [redacted]");
  });
});
