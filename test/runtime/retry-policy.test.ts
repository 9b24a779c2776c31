import { describe, expect, it } from "vitest";
import {
  defaultRetryOptions,
  isRetriableStatus,
  retryDelayMs,
  sleep,
  type RetryOptions,
} from "../../generator/runtime/retry-policy.ts";

const options: RetryOptions = { maxRetries: 5, initialDelayMs: 100, maxDelayMs: 1000 };
const withHeaders = (init: Record<string, string>): { headers: Headers } => ({ headers: new Headers(init) });

describe("isRetriableStatus", () => {
  it.each([408, 429, 500, 502, 503, 504])("%i is retriable", (status) => expect(isRetriableStatus(status)).toBe(true));
  it.each([200, 201, 204, 301, 400, 401, 403, 404, 409, 412, 501, 505])("%i is not", (status) =>
    expect(isRetriableStatus(status)).toBe(false),
  );
});

describe("retryDelayMs", () => {
  it("has the documented defaults", () => {
    expect(defaultRetryOptions).toEqual({ maxRetries: 3, initialDelayMs: 800, maxDelayMs: 60_000 });
  });

  it("backs off exponentially with equal jitter, capped at maxDelayMs", () => {
    expect(retryDelayMs(0, options, undefined, () => 0)).toBe(50);
    expect(retryDelayMs(0, options, undefined, () => 0.999999)).toBeCloseTo(100, 3);
    expect(retryDelayMs(1, options, undefined, () => 0)).toBe(100);
    expect(retryDelayMs(2, options, undefined, () => 0.5)).toBe(300);
    expect(retryDelayMs(3, options, undefined, () => 1)).toBe(800);
    expect(retryDelayMs(4, options, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(30, options, undefined, () => 0)).toBe(500);
    for (let attempt = 0; attempt < 10; attempt++) {
      const delay = retryDelayMs(attempt, options);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });

  it("honours retry-after-ms, then x-ms-retry-after-ms, then Retry-After", () => {
    expect(retryDelayMs(0, options, withHeaders({ "retry-after-ms": "25" }))).toBe(25);
    expect(retryDelayMs(0, options, withHeaders({ "x-ms-retry-after-ms": "40" }))).toBe(40);
    expect(
      retryDelayMs(
        0,
        options,
        withHeaders({ "retry-after-ms": "25", "x-ms-retry-after-ms": "40", "retry-after": "9" }),
      ),
    ).toBe(25);
    expect(retryDelayMs(0, options, withHeaders({ "retry-after": "2" }))).toBe(2000);
    expect(retryDelayMs(0, options, withHeaders({ "retry-after": "0" }))).toBe(0);
  });

  it("honours Retry-After as an HTTP date", () => {
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    const delay = retryDelayMs(0, options, withHeaders({ "retry-after": inFiveSeconds }));
    expect(delay).toBeGreaterThan(3000);
    expect(delay).toBeLessThanOrEqual(5000);
    expect(retryDelayMs(0, options, withHeaders({ "retry-after": "Wed, 13 Apr 2022 18:09:12 GMT" }))).toBe(0);
  });

  it("ignores unparseable hints and falls back to backoff", () => {
    const response = withHeaders({ "retry-after-ms": "soon", "retry-after": "later" });
    expect(retryDelayMs(1, options, response, () => 0)).toBe(100);
    expect(retryDelayMs(1, options, withHeaders({}), () => 0)).toBe(100);
    // An empty hint is no hint (not 0 ms); only Retry-After may be an HTTP date.
    expect(retryDelayMs(1, options, withHeaders({ "retry-after-ms": "", "x-ms-retry-after-ms": "40" }), () => 0)).toBe(
      40,
    );
    expect(
      retryDelayMs(1, options, withHeaders({ "retry-after-ms": new Date(Date.now() + 5000).toUTCString() }), () => 0),
    ).toBe(100);
  });
});

describe("sleep", () => {
  it("waits", async () => {
    const start = performance.now();
    await sleep(20);
    expect(performance.now() - start).toBeGreaterThanOrEqual(15);
  });

  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const start = performance.now();
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(reason), 5);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("rejects at once when already aborted", async () => {
    await expect(sleep(10_000, AbortSignal.abort("gone"))).rejects.toBe("gone");
  });
});
