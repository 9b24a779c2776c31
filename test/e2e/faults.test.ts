/**
 * The generated client against a faulty service (`createFaultInjector`): 503/429 with retry hints,
 * connection resets, stalls past the timeout, malformed JSON, oversized bodies and connections
 * closed mid-body. For each: how many attempts the service saw, how long the call took, and what
 * the caller got (type and message). Every call must settle within a bound, every retry is signed
 * afresh, and nothing may reject unhandled.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFaultInjector } from "../support/services/faults.ts";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { preview } from "./support/apis.ts";
import { abortAfter, expectHttpError } from "./support/assertions.ts";

const ISSUE = "POST /identities/{id}/:issueAccessToken";
/** Backoff without server hints: equal jitter over 20, 40, 80 ms, so 3 retries wait 70 to 140 ms. */
const RETRY = { maxRetries: 3, initialDelayMs: 20, maxDelayMs: 80 };
const BACKOFF_MIN_MS = 10 + 20 + 40;
/** Generous upper bounds: a shared CI machine is slow, but a hang is slower. */
const SETTLE_MS = 5_000;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

interface Attempt {
  readonly date: string | null;
  readonly authorization: string | null;
  readonly clientRequestId: string | null;
}

interface Outcome {
  readonly value?: unknown;
  readonly error?: unknown;
  readonly ms: number;
}

describe("the generated client against injected faults", () => {
  const faults = createFaultInjector();
  let service: IdentityService;
  let id = "";
  let attempts: Attempt[] = [];
  /** The global fetch, recording the signed headers of every attempt. */
  const recordingFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    attempts.push({
      date: headers.get("x-ms-date"),
      authorization: headers.get("authorization"),
      clientRequestId: headers.get("x-ms-client-request-id"),
    });
    return fetch(input, init);
  };
  const client = (retry: Partial<typeof RETRY> = {}) =>
    new preview.CommunicationIdentityClient(service.connectionString, {
      retry: { ...RETRY, ...retry },
      fetch: recordingFetch,
    });

  /** Calls issueAccessToken; the outcome must arrive within SETTLE_MS (a hang fails the test). */
  async function issue(api = client(), options: preview.IssueAccessTokenOptions = {}): Promise<Outcome> {
    const started = performance.now();
    const call = api.issueAccessToken(id, { scopes: ["chat"] }, options).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the call did not settle within ${SETTLE_MS} ms`)), SETTLE_MS);
    });
    try {
      return { ...(await Promise.race([call, hang])), ms: performance.now() - started };
    } finally {
      clearTimeout(timer);
    }
  }

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    service = await startIdentityService({ faults });
    id = (await client().createCommunicationIdentity()).identity.id;
    attempts = [];
  });
  afterEach(async () => {
    faults.reset();
    attempts = [];
    await expect.poll(() => faults.pendingStalls).toBe(0);
  });
  afterAll(async () => {
    await service.close();
    process.off("unhandledRejection", onUnhandled);
  });

  it("503 then 429 with Retry-After: 1 -> waits as told, re-signs each attempt, succeeds on the third", async () => {
    faults.script(ISSUE, [
      { status: 503, headers: { "retry-after": "1" } },
      { status: 429, headers: { "retry-after": "1" } },
      "ok",
    ]);
    // Hints are honoured up to maxDelayMs (a longer one fails at once: test/runtime/hostile-servers.test.ts).
    const { value, error, ms } = await issue(client({ maxDelayMs: 1_000 }));
    expect(error).toBeUndefined();
    expect(service.state.isTokenValid((value as preview.CommunicationIdentityAccessToken).token)).toBe(true);
    expect(faults.attempts(ISSUE)).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(2_000);
    expect(ms).toBeLessThan(2_000 + SETTLE_MS / 2);
    const [first = 0, second = 0, third = 0] = faults.attemptTimes(ISSUE);
    expect(second - first).toBeGreaterThanOrEqual(1_000);
    expect(third - second).toBeGreaterThanOrEqual(1_000);
    // A fresh x-ms-date (a second apart, so distinct) and signature per attempt; one client request id.
    expect(new Set(attempts.map((a) => a.date)).size).toBe(3);
    expect(new Set(attempts.map((a) => a.authorization)).size).toBe(3);
    expect(new Set(attempts.map((a) => a.clientRequestId)).size).toBe(1);
    // The service verified every attempt's signature against its own arrival time.
    expect(service.requests.slice(-3).map((r) => [r.auth, r.status])).toEqual([
      ["hmac", 503],
      ["hmac", 429],
      ["hmac", 200],
    ]);
  });

  it.each([
    [503, "ServiceUnavailable"],
    [429, "TooManyRequests"],
  ] as const)(
    "%i until the retries run out -> HttpError %s after 4 attempts, each waiting retry-after-ms",
    async (status, code) => {
      faults.script(
        ISSUE,
        Array.from({ length: 4 }, () => ({ status, headers: { "retry-after-ms": "50" } })),
      );
      const started = performance.now();
      const error = await expectHttpError(
        client().issueAccessToken(id, { scopes: ["chat"] }),
        preview.HttpError,
        { status, code },
        service.requests,
      );
      const ms = performance.now() - started;
      expect(error.message).toBe(`Injected fault: HTTP ${status}.`);
      expect(error.headers.get("retry-after-ms")).toBe("50");
      expect(faults.attempts(ISSUE)).toBe(4);
      expect(ms).toBeGreaterThanOrEqual(150);
      expect(ms).toBeLessThan(SETTLE_MS);
      expect(error.requestId).toBe(service.requests.at(-1)?.requestId);
      expect(service.requests.slice(-4).every((r) => r.auth === "hmac")).toBe(true);
    },
  );

  it("connection reset twice, then served -> succeeds on the third attempt after the backoff", async () => {
    faults.script(ISSUE, ["reset", "reset", "ok"]);
    const { value, error, ms } = await issue();
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ token: expect.any(String), expiresOn: expect.any(Date) });
    expect(faults.attempts(ISSUE)).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(10 + 20);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("connection reset on every attempt -> NetworkError after 4 attempts", async () => {
    faults.script(ISSUE, ["reset", "reset", "reset", "reset"]);
    const { error, ms } = await issue();
    expect(error).toBeInstanceOf(preview.NetworkError);
    expect(error).toMatchObject({
      name: "NetworkError",
      message: "The request failed before a complete response was received",
    });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(faults.attempts(ISSUE)).toBe(4);
    expect(ms).toBeGreaterThanOrEqual(BACKOFF_MIN_MS);
    expect(ms).toBeLessThan(SETTLE_MS);
    expect(new Set(attempts.map((a) => a.authorization)).size).toBeGreaterThanOrEqual(1);
    expect(attempts).toHaveLength(4);
  });

  it("a stall past timeoutMs on every attempt -> TimeoutError after 2 attempts", async () => {
    faults.script(ISSUE, [{ stallMs: 10_000 }, { stallMs: 10_000 }]);
    const { error, ms } = await issue(client({ maxRetries: 1 }), { timeoutMs: 150 });
    expect(error).toBeInstanceOf(preview.TimeoutError);
    expect(error).toMatchObject({
      name: "TimeoutError",
      message: "The request timed out after 150 ms",
      timeoutMs: 150,
    });
    expect(faults.attempts(ISSUE)).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(2 * 150 + 10);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("a stall past timeoutMs, then served -> the retry succeeds", async () => {
    faults.script(ISSUE, [{ stallMs: 10_000 }, "ok"]);
    const { value, error, ms } = await issue(client({ maxRetries: 1 }), { timeoutMs: 150 });
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ token: expect.any(String) });
    expect(faults.attempts(ISSUE)).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(150);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("malformed JSON in a 200 -> ResponseParseError, not retried", async () => {
    faults.script(ISSUE, [{ malformedJson: true }]);
    const { error, ms } = await issue();
    expect(error).toBeInstanceOf(preview.ResponseParseError);
    expect(error).toMatchObject({
      name: "ResponseParseError",
      status: 200,
      message:
        "Expected a JSON body in the 200 response, but it is not valid JSON: 31 bytes, application/json; charset=utf-8",
    });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(faults.attempts(ISSUE)).toBe(1);
    expect(ms).toBeLessThan(SETTLE_MS / 5);
  });

  it("malformed JSON in a 503 -> retried, then an HttpError carrying the raw text", async () => {
    faults.script(
      ISSUE,
      Array.from({ length: 4 }, () => ({ malformedJson: true as const, status: 503 })),
    );
    const { error, ms } = await issue();
    expect(error).toBeInstanceOf(preview.HttpError);
    expect(error).toMatchObject({
      status: 503,
      code: undefined,
      message: "503 Service Unavailable",
      body: '{"value": [{"id": "1"}, {"id": ',
    });
    expect(faults.attempts(ISSUE)).toBe(4);
    expect(ms).toBeGreaterThanOrEqual(BACKOFF_MIN_MS);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("an oversized (4 MiB) body on a 503, every attempt -> read whole, retried, an HttpError whose message stays one line", async () => {
    const size = 4 * 1024 * 1024;
    faults.script(
      ISSUE,
      Array.from({ length: 4 }, () => ({ oversizedBody: size, status: 503 })),
    );
    const { error, ms } = await issue();
    expect(error).toBeInstanceOf(preview.HttpError);
    expect(error).toMatchObject({
      name: "HttpError",
      status: 503,
      code: undefined,
      message: "503 Service Unavailable",
    });
    const body = (error as preview.HttpError).body;
    expect(
      typeof body === "object" && body !== null && "padding" in body && typeof body.padding === "string"
        ? body.padding.length
        : 0,
    ).toBe(size - '{"padding":""}'.length);
    expect(faults.attempts(ISSUE)).toBe(4);
    expect(service.requests.slice(-4).map((r) => r.fault)).toEqual(
      Array.from({ length: 4 }, () => `oversized-body ${size}`),
    );
    expect(ms).toBeGreaterThanOrEqual(BACKOFF_MIN_MS);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("a 200 far larger than usual (a 1 MiB token) -> returned intact, in one attempt", async () => {
    const token = "t".repeat(1024 * 1024);
    faults.script(ISSUE, [{ status: 200, body: { token, expiresOn: "2030-01-02T03:04:05Z" } }]);
    const { value, error, ms } = await issue();
    expect(error).toBeUndefined();
    expect(value).toEqual({ token, expiresOn: new Date("2030-01-02T03:04:05Z") });
    expect(faults.attempts(ISSUE)).toBe(1);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  // The body is under the default response size limit, so it is read whole, then the shape check names the
  // first (in sorted order) required property it lacks. Not retried: a 200 is final.
  it("an oversized (2 MiB) 200 of the wrong shape -> ResponseParseError naming the missing property, after 1 attempt", async () => {
    faults.script(ISSUE, [{ oversizedBody: 2 * 1024 * 1024 }]);
    const { value, error, ms } = await issue();
    expect(value).toBeUndefined();
    expect(error).toBeInstanceOf(preview.ResponseParseError);
    const snippet = '{"padding":…}';
    expect(error).toMatchObject({
      name: "ResponseParseError",
      status: 200,
      bodySnippet: snippet,
      message: `Expected a JSON body in the 200 response, but it lacks the required property "expiresOn": ${snippet}`,
    });
    expect((error as Error).cause).toBeUndefined();
    expect(faults.attempts(ISSUE)).toBe(1);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("a connection closed mid-body on every attempt -> NetworkError after 4 attempts", async () => {
    faults.script(
      ISSUE,
      Array.from({ length: 4 }, () => "close-mid-body" as const),
    );
    const { error, ms } = await issue();
    expect(error).toBeInstanceOf(preview.NetworkError);
    expect(error).toMatchObject({
      name: "NetworkError",
      message: "The request failed before a complete response was received",
    });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(faults.attempts(ISSUE)).toBe(4);
    expect(service.requests.slice(-4).map((r) => [r.fault, r.status])).toEqual(
      Array.from({ length: 4 }, () => ["close-mid-body", 200]),
    );
    expect(ms).toBeGreaterThanOrEqual(BACKOFF_MIN_MS);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("a connection closed mid-body once, then served -> the retry succeeds", async () => {
    faults.script(ISSUE, ["close-mid-body", "ok"]);
    const { value, error, ms } = await issue();
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ token: expect.any(String) });
    expect(faults.attempts(ISSUE)).toBe(2);
    expect(ms).toBeLessThan(SETTLE_MS);
  });

  it("an abort during the Retry-After wait rejects at once with the signal's reason", async () => {
    faults.script(ISSUE, [{ status: 503, headers: { "retry-after": "30" } }]);
    const reason = new Error("shutting down");
    const { error, ms } = await issue(client({ maxDelayMs: 30_000 }), { abortSignal: abortAfter(100, reason) });
    expect(error).toBe(reason);
    expect(faults.attempts(ISSUE)).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(95);
    expect(ms).toBeLessThan(1_000);
  });

  it("nothing was left to reject unhandled", async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
