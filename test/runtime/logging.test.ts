/**
 * The `logger` client option and the `AZURE_LOG_LEVEL` variable: every attempt is an event
 * (request, response, retry, error), and no credential reaches any event: not the HMAC key or
 * signature, not a bearer token, not a secret query value. Against a real server on 127.0.0.1,
 * through the generated Identity package.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as stable from "../../generated/packages/communication-identity-2023-10-01/src/index.ts";
import { RecordingServer } from "../packages/support/recording-server.ts";

const KEY = Buffer.from("a-very-secret-access-key-of-32-b").toString("base64");
const BEARER = "eyJhbGciOiJub25lIn0.bearer-token-value.c2ln";
const SAS = "sas-signature-value";
const token = { token: "issued-token", expiresOn: "2030-01-01T00:00:00.000Z" };

let server: RecordingServer;
beforeAll(async () => (server = await RecordingServer.start()));
afterAll(() => server.stop());
afterEach(() => vi.unstubAllEnvs());

const ok = () => ({
  status: 200,
  headers: { "content-type": "application/json", "x-ms-request-id": "req-1" },
  body: JSON.stringify(token),
});
/** 503 on the first attempt, then `ok`. */
const flaky = () => () => (server.requests.length === 1 ? { status: 503, headers: { "retry-after-ms": "1" } } : ok());

/** Every secret a request of the test carries, as sent: the key, the signatures, the token. */
function secretsSent(): string[] {
  const headers = server.requests.flatMap((r) => [
    String(r.headers["authorization"] ?? ""),
    String(r.headers["x-ms-content-sha256"] ?? ""),
  ]);
  const signatures = headers.flatMap((h) => /Signature=([^&\s]+)/.exec(h)?.slice(1) ?? []);
  return [Buffer.from(KEY, "base64").toString(), KEY, BEARER, SAS, ...headers, ...signatures].filter(Boolean);
}

function expectNoSecret(events: unknown[]): void {
  const text = JSON.stringify(events);
  for (const secret of secretsSent()) expect(text, `a secret in the log: ${secret.slice(0, 8)}…`).not.toContain(secret);
}

describe("the logger option", () => {
  it("sees request, response and retry of every attempt of an HMAC-signed call, without its key or signature", async () => {
    server.answer(flaky());
    const events: stable.LogEvent[] = [];
    const client = new stable.CommunicationIdentityClient(`endpoint=${server.origin}/;accesskey=${KEY}`, {
      retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 },
      logger: (event) => events.push(event),
    });
    await client.issueAccessToken("8:acs:x", { scopes: ["chat"] }, { query: { sig: SAS } });
    expect(events.map((e) => `${e.kind}#${e.attempt}`)).toEqual([
      "request#1",
      "response#1",
      "retry#1",
      "request#2",
      "response#2",
    ]);
    const [request, failed, retry, , done] = events;
    expect(request).toMatchObject({ kind: "request", level: "info", method: "POST" });
    if (request?.kind !== "request") throw new Error("not a request");
    expect(request.url).toBe(
      `${server.origin}/identities/8%3Aacs%3Ax/:issueAccessToken?api-version=2023-10-01&sig=REDACTED`,
    );
    expect(request.headers).toMatchObject({
      authorization: "REDACTED",
      "x-ms-content-sha256": "REDACTED",
      "content-type": "application/json",
    });
    expect(request.headers["x-ms-date"]).toMatch(/GMT$/);
    expect(failed).toMatchObject({ kind: "response", status: 503, level: "warning" });
    expect(retry).toMatchObject({ kind: "retry", reason: "status 503" });
    expect(done).toMatchObject({ kind: "response", status: 200, requestId: "req-1", level: "info" });
    expect(server.requests).toHaveLength(2);
    expectNoSecret(events);
  });

  it("an `{ log }` object sees a bearer-authenticated call, without the token; a failure is an error event", async () => {
    server.answer(ok);
    const events: stable.LogEvent[] = [];
    const credential = { getToken: async () => ({ token: BEARER, expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const client = new stable.CommunicationIdentityClient(server.origin, credential, {
      logger: { log: (event) => events.push(event) },
      retry: { maxRetries: 0 },
    });
    await client.revokeAccessTokens("8:acs:x");
    expect(server.requests[0]?.headers["authorization"]).toBe(`Bearer ${BEARER}`);
    expect(events.map((e) => e.kind)).toEqual(["request", "response"]);
    const failing = new stable.CommunicationIdentityClient("http://127.0.0.1:1", credential, {
      logger: { log: (event) => events.push(event) },
      retry: { maxRetries: 0 },
    });
    await expect(failing.revokeAccessTokens("8:acs:x")).rejects.toThrow();
    expect(events.at(-1)).toMatchObject({
      kind: "error",
      level: "warning",
      error: expect.stringMatching(/^NetworkError: /),
    });
    expectNoSecret(events);
  });

  it("a logger that throws does not break the call", async () => {
    server.answer(ok);
    let calls = 0;
    const client = new stable.CommunicationIdentityClient(`endpoint=${server.origin}/;accesskey=${KEY}`, {
      logger: () => {
        calls++;
        throw new Error("broken logger");
      },
    });
    await expect(client.revokeAccessTokens("8:acs:x")).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});

describe("AZURE_LOG_LEVEL", () => {
  it("info logs every event to stderr, secrets redacted; warning only the failures; unset, nothing", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      const call = async () => {
        server.answer(flaky());
        const client = new stable.CommunicationIdentityClient(`endpoint=${server.origin}/;accesskey=${KEY}`, {
          retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 5 },
        });
        await client.issueAccessToken("8:acs:x", { scopes: ["chat"] });
      };
      vi.stubEnv("AZURE_LOG_LEVEL", "info");
      await call();
      expect(lines.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual([
        "azure:info request",
        "azure:warning response",
        "azure:info retry",
        "azure:info request",
        "azure:info response",
      ]);
      expectNoSecret(lines);
      lines.length = 0;
      vi.stubEnv("AZURE_LOG_LEVEL", "WARNING");
      await call();
      expect(lines.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual(["azure:warning response"]);
      lines.length = 0;
      vi.unstubAllEnvs();
      delete process.env["AZURE_LOG_LEVEL"];
      await call();
      expect(lines).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
