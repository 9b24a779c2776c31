import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startApimService } from "../support/services/apim-service.ts";
import { createFaultInjector, startFaultServer, type FaultInjector } from "../support/services/faults.ts";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { caller, json, v, PREVIEW, type ErrorBody } from "./signed-fetch.ts";

const CREATE = "POST /identities";

/** Resolves to the rejection of `promise` (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`Rejected with a non-Error: ${String(error)}`);
  }
  throw new Error("Expected a rejection");
}

describe("fault injection on the Identity service", () => {
  let service: IdentityService;
  let faults: FaultInjector;
  let call: ReturnType<typeof caller>;
  const create = (signal?: AbortSignal) => call("POST", v("/identities", PREVIEW), signal ? { signal } : {});
  beforeAll(async () => {
    faults = createFaultInjector();
    service = await startIdentityService({ faults });
    call = caller(service.url, service.accessKey);
  });
  afterEach(() => faults.reset());
  afterAll(() => service.close());

  it("scripts statuses with retry headers, then passes to the real handler; counts attempts", async () => {
    faults.script(CREATE, [
      { status: 503, headers: { "retry-after": "0" } },
      { status: 429, headers: { "retry-after-ms": "5" } },
      "ok",
    ]);
    const first = await create();
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("0");
    expect(first.headers.get("x-ms-request-id")).toBeTruthy();
    expect((await json<ErrorBody>(first)).error.code).toBe("ServiceUnavailable");
    const second = await create();
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after-ms")).toBe("5");
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(201);
    expect(faults.attempts(CREATE)).toBe(4);
    expect(faults.attemptTimes(CREATE)).toHaveLength(4);
    const attempts = service.requests.slice(-4);
    expect(attempts.map((r) => r.status)).toEqual([503, 429, 201, 201]);
    expect(attempts.map((r) => r.fault)).toEqual(["status 503", "status 429", undefined, undefined]);
    expect(attempts.every((r) => r.auth === "hmac")).toBe(true);
  });

  it("only counts requests matching the route's method and template", async () => {
    faults.script("POST /identities/{id}/:issueAccessToken", [{ status: 500 }]);
    expect((await create()).status).toBe(201);
    const id = encodeURIComponent("8:acs:x_y");
    const faulted = await call("POST", v(`/identities/${id}/:issueAccessToken`, PREVIEW), {
      json: { scopes: ["chat"] },
    });
    expect(faulted.status).toBe(500);
    expect(faults.attempts("POST /identities/{id}/:issueAccessToken")).toBe(1);
    expect(() => faults.attempts("GET /never-scripted")).toThrow(/No fault script/);
  });

  it("reset: the connection is torn down before any response", async () => {
    faults.script(CREATE, ["reset", "ok"]);
    const error = await rejection(create());
    expect(error).toBeInstanceOf(TypeError);
    expect((await create()).status).toBe(201);
    expect(faults.attempts(CREATE)).toBe(2);
    expect(service.requests.at(-2)?.status).toBeUndefined();
  });

  it("stall: the client's timeout fires; a short stall then answers normally", async () => {
    faults.script(CREATE, [{ stallMs: 5000 }, { stallMs: 30 }]);
    const started = Date.now();
    const error = await rejection(create(AbortSignal.timeout(100)));
    expect(error.name).toBe("TimeoutError");
    expect(Date.now() - started).toBeLessThan(1000);
    const late = await create();
    expect(late.status).toBe(201);
    expect(service.requests.slice(-2).map((r) => [r.fault, r.status])).toEqual([
      ["stall (cancelled)", undefined],
      ["stall 30ms", 201],
    ]);
    expect(faults.attempts(CREATE)).toBe(2);
    await expect.poll(() => faults.pendingStalls).toBe(0);
  });

  it("malformed JSON: a complete body that does not parse", async () => {
    faults.script(CREATE, [{ malformedJson: true }]);
    const response = await create();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    await expect(response.json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it("oversized body: valid JSON of exactly the requested size", async () => {
    faults.script(CREATE, [{ oversizedBody: 256 * 1024 }]);
    const response = await create();
    expect(response.headers.get("content-length")).toBe(String(256 * 1024));
    const text = await response.text();
    expect(text).toHaveLength(256 * 1024);
    expect(JSON.parse(text)).toHaveProperty("padding");
  });

  it("close-mid-body: headers and half the body, then the socket dies", async () => {
    faults.script(CREATE, ["close-mid-body"]);
    const response = await create();
    expect(response.status).toBe(200);
    const length = Number(response.headers.get("content-length"));
    expect(length).toBeGreaterThan(4096);
    await expect(response.text()).rejects.toBeInstanceOf(TypeError);
  });
});

describe("close() with a stalled request", () => {
  it("resolves promptly, settles the client call and leaves no stall behind", async () => {
    const faults = createFaultInjector();
    const service = await startIdentityService({ faults });
    faults.script("* /identities", [{ stallMs: 5000 }]);
    const pending = caller(service.url, service.accessKey)("POST", v("/identities", PREVIEW));
    const settled = pending.then(
      () => "resolved",
      () => "rejected",
    );
    await expect.poll(() => faults.pendingStalls).toBe(1);
    const started = Date.now();
    await service.close();
    expect(Date.now() - started).toBeLessThan(500);
    expect(faults.pendingStalls).toBe(0);
    expect(await settled).toBe("rejected");
  });
});

describe("the generic fault server", () => {
  it("echoes by default, faults scripted routes, leaves preflights alone with '*'", async () => {
    const server = await startFaultServer();
    try {
      server.faults.script("* /things/{id}", [{ status: 502 }, "ok"]);
      expect(
        (
          await fetch(`${server.url}/things/1`, {
            method: "OPTIONS",
            headers: { origin: "http://page.test", "access-control-request-method": "PUT" },
          })
        ).status,
      ).toBe(204);
      expect((await fetch(`${server.url}/things/1`, { method: "PUT", body: "x" })).status).toBe(502);
      const ok = await fetch(`${server.url}/things/1`, { method: "PUT", body: "x" });
      expect(await ok.json()).toEqual({ ok: true, method: "PUT", path: "/things/1", body: "x" });
      expect(server.faults.attempts("* /things/{id}")).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("takes a custom handler", async () => {
    const server = await startFaultServer({ handler: () => ({ status: 202, body: { accepted: true } }) });
    try {
      server.faults.script("GET /", ["reset"]);
      await expect(fetch(`${server.url}/`)).rejects.toBeInstanceOf(TypeError);
      expect((await fetch(`${server.url}/`)).status).toBe(202);
    } finally {
      await server.close();
    }
  });
});

describe("faults on the API Management service", () => {
  it("faults then answers the user token operation", async () => {
    const faults = createFaultInjector();
    const service = await startApimService({
      faults,
      bearerTokens: [{ token: "arm", expiresOn: Date.now() + 60_000 }],
    });
    try {
      const route =
        "POST /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{svc}/users/{u}/token";
      faults.script(route, [{ status: 503, headers: { "retry-after": "1" } }]);
      const send = () =>
        fetch(
          `${service.url}/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/svc/users/1/token?api-version=2022-08-01`,
          {
            method: "POST",
            headers: { authorization: "Bearer arm", "content-type": "application/json" },
            body: JSON.stringify({ properties: { expiry: new Date(Date.now() + 86_400_000).toISOString() } }),
          },
        );
      expect((await send()).status).toBe(503);
      expect((await send()).status).toBe(200);
      expect(faults.attempts(route)).toBe(2);
    } finally {
      await service.close();
    }
  });
});
