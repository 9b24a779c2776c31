import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { caller, v, PREVIEW } from "./signed-fetch.ts";

describe("CORS, request log and listening address", () => {
  let service: IdentityService;
  let call: ReturnType<typeof caller>;
  const origin = "http://localhost:5173";
  beforeAll(async () => {
    service = await startIdentityService();
    call = caller(service.url, service.accessKey);
  });
  afterAll(() => service.close());

  it("listens on 127.0.0.1 with a free port and offers a connection string", () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(service.connectionString).toBe(`endpoint=${service.url}/;accesskey=${service.accessKey}`);
    expect(Buffer.from(service.accessKey, "base64")).toHaveLength(64);
  });

  it("answers preflights without credentials", async () => {
    const response = await fetch(service.url + v("/identities", PREVIEW), {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,x-ms-date,x-ms-content-sha256,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").split(", ");
    expect(allowed).toEqual(
      expect.arrayContaining([
        "authorization",
        "x-ms-date",
        "x-ms-content-sha256",
        "x-ms-client-request-id",
        "content-type",
      ]),
    );
    expect(response.headers.get("access-control-allow-methods")).toContain("PATCH");
    expect(service.requests.at(-1)?.auth).toBe("preflight");
  });

  it("sets allow-origin and exposes x-ms-request-id on actual responses, errors included", async () => {
    for (const path of [v("/identities", PREVIEW), "/identities"]) {
      const response = await call("POST", path, { headers: { origin } });
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-expose-headers")).toContain("x-ms-request-id");
    }
    const sameOrigin = await call("POST", v("/identities", PREVIEW));
    expect(sameOrigin.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("records method, path, query, headers (Authorization redacted) and body", async () => {
    const body = { createTokenWithScopes: ["chat"], expiresInMinutes: 60 };
    const response = await call("POST", v("/identities", PREVIEW), {
      json: body,
      headers: { "x-ms-client-request-id": "abc" },
    });
    const logged = service.requests.at(-1);
    expect(logged).toMatchObject({
      method: "POST",
      path: "/identities",
      target: `/identities?api-version=${PREVIEW}`,
      query: { "api-version": PREVIEW },
      body: JSON.stringify(body),
      status: 201,
      auth: "hmac",
      requestId: response.headers.get("x-ms-request-id"),
    });
    expect(logged?.headers["x-ms-client-request-id"]).toBe("abc");
    expect(logged?.headers["x-ms-content-sha256"]).toMatch(/=$/);
    expect(logged?.headers["authorization"]).toBe("HMAC-SHA256 [redacted]");
    expect(JSON.stringify(service.requests)).not.toMatch(/Signature=/);
  });

  it("answers 413 for bodies above the limit", async () => {
    const response = await call("POST", v("/identities", PREVIEW), {
      body: JSON.stringify({ customId: "x".repeat(1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(service.requests.at(-1)).toMatchObject({ status: 413, body: "" });
  });
});
