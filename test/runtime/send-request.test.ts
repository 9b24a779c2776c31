import { createHmac, createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  HttpError,
  NetworkError,
  ResponseParseError,
  TimeoutError,
  httpErrorFromText,
} from "../../generator/runtime/errors.ts";
import { createHmacSigner } from "../../generator/runtime/hmac-signing.ts";
import type { OutgoingRequest, RequestSigner } from "../../generator/runtime/request-signer.ts";
import {
  encodePathParam,
  parseJson,
  sendRequest,
  type ClientContext,
  type RawResponse,
} from "../../generator/runtime/send-request.ts";

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

let server: Server;
let endpoint: string;
let handler: Handler = (_req, res) => res.end();
let seen: Seen[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      handler(req, res, seen.length);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  seen = [];
  handler = (_req, res) => res.end();
});

const fastRetry = { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 5 };

/** An Azure service's context: it names the client request id header (others send none). */
function context(overrides: Partial<ClientContext> = {}): ClientContext {
  return {
    endpoint,
    retry: fastRetry,
    userAgent: "specsmith-test/1.0",
    clientRequestIdHeader: "x-ms-client-request-id",
    ...overrides,
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Never answers; the socket is destroyed in afterAll (or when the client aborts). */
const stall: Handler = () => undefined;

describe("sendRequest: building the request", () => {
  it("joins endpoint and path without //, appends the query, sets headers and body", async () => {
    handler = (_req, res) => json(res, 200, { ok: true });
    const id = encodePathParam("8:acs:abc_def");
    expect(id).toBe("8%3Aacs%3Aabc_def");
    const raw = await sendRequest(context(), {
      method: "post",
      path: `/identities/${id}/:issueAccessToken`,
      query: { "api-version": "2025-03-02-preview", tag: ["a", "b c"], skipped: undefined },
      headers: { "x-custom": "1", "x-absent": undefined },
      body: { contentType: "application/json", text: '{"scopes":["chat"]}' },
      accept: "application/json",
    });
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(
      `/identities/8%3Aacs%3Aabc_def/:issueAccessToken?api-version=2025-03-02-preview&tag=a&tag=b%20c`,
    );
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["accept"]).toBe("application/json");
    expect(request.headers["user-agent"]).toBe("specsmith-test/1.0");
    expect(request.headers["x-custom"]).toBe("1");
    expect(request.headers["x-absent"]).toBeUndefined();
    expect(request.headers["x-ms-client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.body.toString("utf8")).toBe('{"scopes":["chat"]}');
    expect(raw.status).toBe(200);
    expect(parseJson<{ ok: boolean }>(raw)).toEqual({ ok: true });
    expect(raw.request).toEqual({
      method: "POST",
      url: `${endpoint}identities/8%3Aacs%3Aabc_def/:issueAccessToken?api-version=2025-03-02-preview&tag=a&tag=b%20c`,
    });
  });

  it("keeps a base path, sends bytes, and honours a custom client-request-id header and user headers", async () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    await sendRequest(
      context({ endpoint: `${endpoint}base//`, clientRequestIdHeader: "x-request-token" }),
      { method: "PUT", path: "items", body: { contentType: "application/octet-stream", bytes } },
      { headers: { "x-user": "u" } },
    );
    const request = seen[0]!;
    expect(request.url).toBe("/base/items");
    expect([...request.body]).toEqual([0, 1, 2, 255]);
    expect(request.headers["x-request-token"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.headers["x-ms-client-request-id"]).toBeUndefined();
    expect(request.headers["x-user"]).toBe("u");
  });

  it("uses an absolute next link as-is, adding api-version only when it is missing", async () => {
    handler = (_req, res) => json(res, 200, {});
    const query = { "api-version": "2025" };
    await sendRequest(context(), { method: "GET", path: `${endpoint}items?skip=abc%3D`, query });
    await sendRequest(context(), { method: "GET", path: `${endpoint}items?api-version=2024&skip=2`, query });
    expect(seen.map((s) => s.url)).toEqual(["/items?skip=abc%3D&api-version=2025", "/items?api-version=2024&skip=2"]);
    await expect(
      sendRequest(context(), { method: "GET", path: "https://elsewhere.example/items", query }),
    ).rejects.toThrow(/Refusing to follow a link/);
    expect(seen).toHaveLength(2);
  });
});

describe("sendRequest: retries", () => {
  it("retries 503 with Retry-After: 0, keeping the client request id", async () => {
    handler = (_req, res, attempt) =>
      attempt === 1 ? json(res, 503, {}, { "retry-after": "0" }) : json(res, 200, { done: true });
    const responses: RawResponse[] = [];
    const raw = await sendRequest(
      context({ retry: { maxRetries: 3, initialDelayMs: 10_000, maxDelayMs: 10_000 } }),
      { method: "GET", path: "/x" },
      {
        onResponse: (r) => responses.push(r),
      },
    );
    expect(seen).toHaveLength(2);
    expect(raw.status).toBe(200);
    const ids = seen.map((s) => s.headers["x-ms-client-request-id"]);
    expect(ids[0]).toBeTruthy();
    expect(ids[1]).toBe(ids[0]);
    expect(responses.map((r) => r.status)).toEqual([200]);
  });

  it("waits for retry-after-ms on 429", async () => {
    handler = (_req, res, attempt) =>
      attempt === 1 ? json(res, 429, {}, { "retry-after-ms": "60" }) : json(res, 200, {});
    const start = performance.now();
    await sendRequest(context({ retry: { maxRetries: 2, initialDelayMs: 10_000, maxDelayMs: 10_000 } }), {
      method: "GET",
      path: "/x",
    });
    expect(performance.now() - start).toBeGreaterThanOrEqual(55);
    expect(seen).toHaveLength(2);
  });

  it("throws HttpError with code, message and request id after retries are exhausted", async () => {
    handler = (_req, res) =>
      json(
        res,
        500,
        { error: { code: "InternalError", message: "Something broke", details: [{ code: "X" }] } },
        { "x-ms-request-id": "srv-1" },
      );
    const responses: RawResponse[] = [];
    const error = await sendRequest(
      context({ retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 } }),
      { method: "GET", path: "/x" },
      { onResponse: (r) => responses.push(r) },
    ).catch((e: unknown) => e);
    expect(seen).toHaveLength(3);
    expect(error).toBeInstanceOf(HttpError);
    const http = error as HttpError;
    expect(http.name).toBe("HttpError");
    expect(http.status).toBe(500);
    expect(http.code).toBe("InternalError");
    expect(http.message).toBe("Something broke");
    expect(http.details).toEqual([{ code: "X" }]);
    expect(http.requestId).toBe("srv-1");
    expect(http.headers.get("x-ms-request-id")).toBe("srv-1");
    expect(http.body).toEqual({
      error: { code: "InternalError", message: "Something broke", details: [{ code: "X" }] },
    });
    expect(responses).toHaveLength(1);
  });

  it("does not retry a 4xx, falls back to the client request id, and parses { code, message }", async () => {
    handler = (_req, res) => json(res, 404, { code: "IdentityNotFound", message: "No such identity" });
    const error = (await sendRequest(context({ retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 5 } }), {
      method: "GET",
      path: "/x",
    }).catch((e: unknown) => e)) as HttpError;
    expect(seen).toHaveLength(1);
    expect(error.message).toBe("No such identity");
    expect(error.requestId).toBe(seen[0]!.headers["x-ms-client-request-id"]);
  });

  it("uses the status text when the body is not an error document", async () => {
    handler = (_req, res) => {
      res.writeHead(400, "Bad Request", { "content-type": "text/plain" });
      res.end("nope");
    };
    const error = (await sendRequest(context(), { method: "GET", path: "/x" }).catch((e: unknown) => e)) as HttpError;
    expect(error.message).toBe("400 Bad Request");
    expect(error.body).toBe("nope");
    expect(error.code).toBeUndefined();
  });

  it("maxRetries: 0 disables retries", async () => {
    handler = (_req, res) => json(res, 503, {}, { "retry-after": "0" });
    await expect(
      sendRequest(context({ retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 } }), {
        method: "GET",
        path: "/x",
      }),
    ).rejects.toBeInstanceOf(HttpError);
    expect(seen).toHaveLength(1);
  });

  it("re-signs every attempt with a fresh date; the server can verify each HMAC signature", async () => {
    const key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
    const verified: boolean[] = [];
    handler = (req, res, attempt) => {
      const request = seen[attempt - 1]!;
      const hash = createHash("sha256").update(request.body).digest("base64");
      const toSign = `${request.method}\n${request.url}\n${req.headers["x-ms-date"]};${req.headers.host};${hash}`;
      const signature = createHmac("sha256", Buffer.from(key, "base64")).update(toSign).digest("base64");
      verified.push(
        req.headers["x-ms-content-sha256"] === hash &&
          req.headers.authorization ===
            `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
      );
      if (attempt < 3) json(res, 503, {}, { "retry-after-ms": "0" });
      else json(res, 200, {});
    };
    const hmac = createHmacSigner(key, {
      dateHeader: "x-ms-date",
      contentHashHeader: "x-ms-content-sha256",
      signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256"],
      authorizationPrefix: "HMAC-SHA256",
    });
    const calls: { date: string; hadAuth: boolean; hadId: boolean }[] = [];
    const signer: RequestSigner = {
      async sign(request: OutgoingRequest) {
        // A clock that advances one second per call, so each attempt must carry a new date and signature.
        const now = new Date(Date.UTC(2025, 3, 15, 14, 48, calls.length));
        calls.push({
          date: now.toUTCString(),
          hadAuth: request.headers.has("authorization"),
          hadId: request.headers.has("x-ms-client-request-id"),
        });
        await hmac.sign(request, now);
      },
    };
    await sendRequest(context({ signer, retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 5 } }), {
      method: "POST",
      path: "/identities",
      query: { "api-version": "2025-03-02-preview" },
      body: { contentType: "application/json", text: '{"customId":"alice@contoso.com"}' },
    });
    expect(seen).toHaveLength(3);
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => !c.hadAuth && c.hadId)).toBe(true);
    expect(seen.map((s) => s.headers["x-ms-date"])).toEqual(calls.map((c) => c.date));
    expect(new Set(seen.map((s) => s.headers.authorization)).size).toBe(3);
    expect(verified).toEqual([true, true, true]);
  });
});

describe("sendRequest: aborts, timeouts and broken connections", () => {
  it("rejects promptly with the abort reason when the caller aborts, without retrying", async () => {
    handler = stall;
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    setTimeout(() => controller.abort(reason), 30);
    const start = performance.now();
    const error = await sendRequest(
      context({ retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 5 } }),
      { method: "GET", path: "/x" },
      {
        abortSignal: controller.signal,
        timeoutMs: 10_000,
      },
    ).catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
  });

  it("rejects with the abort reason (not a NetworkError) when retries are disabled", async () => {
    handler = stall;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await sendRequest(
      context({ retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 } }),
      { method: "GET", path: "/x" },
      {
        abortSignal: controller.signal,
      },
    ).catch((e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe("AbortError");
  });

  it("rejects at once with an already-aborted signal, sending nothing", async () => {
    const error = await sendRequest(
      context(),
      { method: "GET", path: "/x" },
      { abortSignal: AbortSignal.abort("early") },
    ).catch((e: unknown) => e);
    expect(error).toBe("early");
    expect(seen).toHaveLength(0);
  });

  it("aborting during the retry wait stops the call", async () => {
    handler = (_req, res) => json(res, 503, {}, { "retry-after-ms": "10000" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop waiting")), 50);
    const start = performance.now();
    await expect(
      sendRequest(
        context({ retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 20_000 } }),
        { method: "GET", path: "/x" },
        {
          abortSignal: controller.signal,
        },
      ),
    ).rejects.toThrow("stop waiting");
    expect(performance.now() - start).toBeLessThan(1000);
    expect(seen).toHaveLength(1);
  });

  it("retries an attempt that times out, then throws TimeoutError", async () => {
    handler = stall;
    const start = performance.now();
    const error = await sendRequest(context(), { method: "GET", path: "/x" }, { timeoutMs: 50 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect((error as TimeoutError).name).toBe("TimeoutError");
    expect(seen).toHaveLength(2);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("recovers when only the first attempt times out", async () => {
    handler = (_req, res, attempt) => (attempt === 1 ? undefined : json(res, 200, { late: false }));
    const raw = await sendRequest(context(), { method: "GET", path: "/x" }, { timeoutMs: 50 });
    expect(parseJson(raw)).toEqual({ late: false });
    expect(seen).toHaveLength(2);
  });

  it("turns connection resets into NetworkError after retries", async () => {
    handler = (req) => req.socket.destroy();
    const error = await sendRequest(context({ retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 } }), {
      method: "GET",
      path: "/x",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).name).toBe("NetworkError");
    expect((error as NetworkError).cause).toBeDefined();
    expect(seen).toHaveLength(3);
  });

  it("treats a body that ends early as a NetworkError, and retries it", async () => {
    handler = (req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":');
      setTimeout(() => req.socket.destroy(), 5);
    };
    const error = await sendRequest(context(), { method: "GET", path: "/x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(seen).toHaveLength(2);

    seen = [];
    handler = (req, res, attempt) => {
      if (attempt > 1) return json(res, 200, { whole: true });
      res.writeHead(200, { "content-length": "100" });
      res.write("{");
      setTimeout(() => req.socket.destroy(), 5);
    };
    expect(parseJson(await sendRequest(context(), { method: "GET", path: "/x" }))).toEqual({ whole: true });
  });
});

describe("sendRequest: cleanup", () => {
  it("leaves no timer behind after success, HTTP errors, resets and timeouts", async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    handler = (_req, res) => json(res, 200, {});
    await sendRequest(context(), { method: "GET", path: "/x" }, { timeoutMs: 60_000 });
    handler = (_req, res) => json(res, 400, {});
    await sendRequest(context(), { method: "GET", path: "/x" }, { timeoutMs: 60_000 }).catch(() => undefined);
    handler = (req) => req.socket.destroy();
    await sendRequest(context(), { method: "GET", path: "/x" }, { timeoutMs: 60_000 }).catch(() => undefined);
    handler = stall;
    await sendRequest(context(), { method: "GET", path: "/x" }, { timeoutMs: 20 }).catch(() => undefined);
    const controller = new AbortController();
    const pending = sendRequest(
      context(),
      { method: "GET", path: "/x" },
      { timeoutMs: 60_000, abortSignal: controller.signal },
    );
    controller.abort();
    await pending.catch(() => undefined);
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe("parseJson", () => {
  it("throws ResponseParseError for a 2xx body that is not JSON", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>oops</html>");
    };
    const raw = await sendRequest(context(), { method: "GET", path: "/x" });
    const error = (() => {
      try {
        return parseJson(raw);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).status).toBe(200);
    // Its size and content type, not its text.
    expect((error as ResponseParseError).message).toContain("is not valid JSON: 17 bytes, text/html");
    expect((error as ResponseParseError).message).not.toContain("oops");
    expect(() => parseJson({ ...raw, bodyText: "" })).toThrow(/empty/);
  });

  /** A response with `bodyText` (no server: parseJson only reads the status and the text). */
  const response = (bodyText: string, status = 200): RawResponse => ({
    status,
    statusText: "OK",
    headers: new Headers(),
    bodyText,
    bodyBytes: new TextEncoder().encode(bodyText),
    request: { method: "GET", url: "https://example.test/x" },
  });
  const thrown = (action: () => unknown): unknown => {
    try {
      action();
    } catch (error) {
      return error;
    }
    throw new Error("expected a throw");
  };

  it("returns a body that has every required property, extra ones included", () => {
    const body = { expiresOn: "2030-01-02T03:04:05Z", token: "t", extra: 1 };
    expect(parseJson(response(JSON.stringify(body)), ["expiresOn", "token"])).toEqual(body);
  });

  it("throws ResponseParseError naming the first required property the body lacks, with the body's property names", () => {
    const bodyText = JSON.stringify({ token: "t", padding: "x".repeat(300) });
    const error = thrown(() => parseJson(response(bodyText, 201), ["expiresOn", "token"]));
    expect(error).toBeInstanceOf(ResponseParseError);
    // No value is shown (test/runtime/response-parse-error.test.ts has the secret shapes).
    const snippet = '{"token":…,"padding":…}';
    expect(error).toMatchObject({
      name: "ResponseParseError",
      status: 201,
      bodySnippet: snippet,
      message: `Expected a JSON body in the 201 response, but it lacks the required property "expiresOn": ${snippet}`,
    });
    expect((error as Error).cause).toBeUndefined();
    expect(thrown(() => parseJson(response("{}"), ["a", "b"]))).toMatchObject({
      message: 'Expected a JSON body in the 200 response, but it lacks the required property "a": {}',
    });
  });

  it.each(["null", "[]", '["token"]', '"token"', "42", "true"])(
    "a body that is not an object (%s) lacks every required property",
    (bodyText) => {
      expect(thrown(() => parseJson(response(bodyText), ["length", "token"]))).toMatchObject({
        name: "ResponseParseError",
        message: `Expected a JSON body in the 200 response, but it lacks the required property "length": ${bodyText.length} bytes, no content type`,
      });
    },
  );

  it("counts only the body's own properties, not inherited ones", () => {
    expect(thrown(() => parseJson(response("{}"), ["constructor"]))).toBeInstanceOf(ResponseParseError);
    expect(parseJson(response('{"__proto__":1,"constructor":null}'), ["__proto__", "constructor"])).toEqual(
      JSON.parse('{"__proto__":1,"constructor":null}'),
    );
  });

  it("allows a required property that is null", () => {
    expect(parseJson(response('{"token":null}'), ["token"])).toEqual({ token: null });
  });

  it("checks nothing without a list, or with an empty one", () => {
    for (const bodyText of ["{}", "null", "[1]", '"text"']) {
      expect(parseJson(response(bodyText))).toEqual(JSON.parse(bodyText));
      expect(parseJson(response(bodyText), [])).toEqual(JSON.parse(bodyText));
    }
  });

  it("reports invalid JSON before any missing property", () => {
    const error = thrown(() => parseJson(response("{oops"), ["token"]));
    expect(error).toMatchObject({
      message: "Expected a JSON body in the 200 response, but it is not valid JSON: 5 bytes, no content type",
    });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    expect(thrown(() => parseJson(response(""), ["token"]))).toMatchObject({
      message: "Expected a JSON body in the 200 response, but it was empty",
    });
  });
});

describe("httpErrorFromText", () => {
  const failed = (bodyText: string, headers: Record<string, string> = {}) => ({
    status: 502,
    statusText: "Bad Gateway",
    headers: new Headers(headers),
    bodyText,
  });

  it("an empty body: no body, the status line as the message, the client request id", () => {
    const error = httpErrorFromText(failed(""), "client-1");
    expect(error).toMatchObject({
      status: 502,
      message: "502 Bad Gateway",
      body: undefined,
      code: undefined,
      requestId: "client-1",
    });
  });

  it("prefers x-ms-request-id, then x-request-id, then request-id; an empty value still counts", () => {
    const all = { "x-ms-request-id": "a", "x-request-id": "b", "request-id": "c" };
    expect(httpErrorFromText(failed("{}", all), "client").requestId).toBe("a");
    expect(httpErrorFromText(failed("{}", { "x-request-id": "b", "request-id": "c" }), "client").requestId).toBe("b");
    expect(httpErrorFromText(failed("{}", { "request-id": "c" }), "client").requestId).toBe("c");
    expect(httpErrorFromText(failed("{}", { "x-ms-request-id": "", "request-id": "c" }), "client").requestId).toBe("");
  });

  it("keeps a body that is not JSON as text, and parses a JSON scalar", () => {
    expect(httpErrorFromText(failed("<html>"), undefined)).toMatchObject({
      body: "<html>",
      message: "502 Bad Gateway",
    });
    expect(httpErrorFromText(failed("0"), undefined).body).toBe(0);
  });
});
