/**
 * Issue 15, items 2 and 8: the transport against hostile servers on 127.0.0.1. Two servers on two
 * ports are two origins: a redirect from one to the other must not carry the API key header or the
 * body there. A server that trickles its body, one that asks to wait a billion seconds or 20 days,
 * and one that sends an endless or huge body must each end the call promptly with a clear error.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HttpError, RedirectError, ResponseTooLargeError, TimeoutError } from "../../generator/runtime/errors.ts";
import { createHmacSigner } from "../../generator/runtime/hmac-signing.ts";
import type { RequestSigner } from "../../generator/runtime/request-signer.ts";
import { defaultTimeoutMs, sendRequest, type ClientContext } from "../../generator/runtime/send-request.ts";

const API_KEY = "k3y-0f-the-c4ller";
const BODY_TOKEN = "refresh-t0ken-in-the-body";
/** A call that does not settle within this fails the test: a hang is far slower. */
const SETTLE_MS = 10_000;

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void;

interface TestServer {
  readonly origin: string;
  readonly seen: Seen[];
  handler: Handler;
}

const servers: { server: Server; sockets: Set<Socket> }[] = [];

async function startServer(): Promise<TestServer> {
  const state: TestServer = { origin: "", seen: [], handler: (_req, res) => res.end() };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      state.seen.push(seen);
      state.handler(req, res, seen);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push({ server, sockets });
  return Object.assign(state, { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

let service: TestServer;
let elsewhere: TestServer;

beforeAll(async () => {
  [service, elsewhere] = [await startServer(), await startServer()];
});
afterEach(() => {
  for (const s of [service, elsewhere]) {
    s.seen.length = 0;
    s.handler = (_req, res) => res.end();
  }
});
afterAll(async () => {
  for (const { sockets } of servers) for (const socket of sockets) socket.destroy();
  for (const { server } of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Signs like a generated `apiKeySigner` for `Ocp-Apim-Subscription-Key`, counting its calls. */
function apiKeySigner(calls: string[] = []): RequestSigner {
  return {
    async sign(request) {
      calls.push(`${request.method} ${request.url.pathname}`);
      request.headers.set("Ocp-Apim-Subscription-Key", API_KEY);
    },
  };
}

function context(overrides: Partial<ClientContext> = {}): ClientContext {
  return {
    endpoint: service.origin,
    retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 },
    userAgent: "t",
    signer: apiKeySigner(),
    ...overrides,
  };
}

const post = {
  method: "POST",
  path: "/tokens",
  body: { contentType: "application/json", text: JSON.stringify({ refreshToken: BODY_TOKEN }) },
};

/** The call's rejection (it must reject), within SETTLE_MS. */
async function rejection(call: Promise<unknown>): Promise<Error> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error("the call hung")), SETTLE_MS)),
  );
  try {
    await Promise.race([call, hang]);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toBe("the call hung");
    return error as Error;
  } finally {
    clearTimeout(timer);
  }
  throw new Error("expected the call to reject");
}

const redirectTo =
  (location: string, status = 307): Handler =>
  (_req, res) => {
    res.writeHead(status, { location });
    res.end();
  };

describe("redirects", () => {
  it("a 307 to another origin is refused: neither the API key nor the body reaches it", async () => {
    elsewhere.handler = (_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"token":"forged"}');
    service.handler = redirectTo(`${elsewhere.origin}/steal?sig=${encodeURIComponent("query-s3cret")}`);
    const error = await rejection(sendRequest(context(), post));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.name).toBe("RedirectError");
    expect(error.message).toBe(`Refusing to follow a redirect to ${elsewhere.origin}: it leaves ${service.origin}`);
    expect(elsewhere.seen).toEqual([]);
    expect(service.seen).toHaveLength(1); // not retried either
    const printed = `${String(error)}\n${error.stack ?? ""}\n${JSON.stringify(error)}`;
    for (const secret of [API_KEY, BODY_TOKEN, "query-s3cret", "/steal"]) expect(printed).not.toContain(secret);
  });

  it.each([301, 302, 303, 308])(
    "a %i to another origin (or to another scheme on the same host) is refused",
    async (status) => {
      service.handler = redirectTo(`${elsewhere.origin}/x`, status);
      expect(await rejection(sendRequest(context(), post))).toBeInstanceOf(RedirectError);
      service.handler = redirectTo(service.origin.replace("http:", "https:"), status);
      expect(await rejection(sendRequest(context(), post))).toBeInstanceOf(RedirectError);
      expect(elsewhere.seen).toEqual([]);
    },
  );

  it("a 307 within the origin is followed: same method and body, signed again for the new URL", async () => {
    const calls: string[] = [];
    service.handler = (req, res) =>
      req.url === "/tokens"
        ? redirectTo("/v2/tokens?region=eu")(req, res, service.seen[0]!)
        : res.writeHead(200).end('{"token":"t"}');
    const response = await sendRequest(context({ signer: apiKeySigner(calls) }), post);
    expect(response.bodyText).toBe('{"token":"t"}');
    expect(response.request.url).toBe(`${service.origin}/v2/tokens?region=eu`);
    expect(calls).toEqual(["POST /tokens", "POST /v2/tokens"]);
    expect(service.seen.map((s) => [s.method, s.url, s.body, s.headers["ocp-apim-subscription-key"]])).toEqual([
      ["POST", "/tokens", post.body.text, API_KEY],
      ["POST", "/v2/tokens?region=eu", post.body.text, API_KEY],
    ]);
  });

  it("a 303 within the origin continues with a GET without the body; HMAC signs each hop", async () => {
    service.handler = (req, res) =>
      req.method === "POST" ? redirectTo("/result/1", 303)(req, res, service.seen[0]!) : res.writeHead(200).end("{}");
    const hmac = createHmacSigner(
      { key: "AAAA" },
      {
        dateHeader: "x-ms-date",
        contentHashHeader: "x-ms-content-sha256",
        signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256"],
        authorizationPrefix: "HMAC-SHA256",
      },
    );
    await sendRequest(context({ signer: hmac }), post);
    const [first, second] = service.seen;
    expect([second?.method, second?.url, second?.body, second?.headers["content-type"]]).toEqual([
      "GET",
      "/result/1",
      "",
      undefined,
    ]);
    expect(second?.headers["x-ms-content-sha256"]).toBe("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="); // SHA-256 of nothing
    expect(second?.headers.authorization).not.toBe(first?.headers.authorization);
  });

  it("a redirect loop within the origin stops after 10 hops", async () => {
    service.handler = (req, res) => redirectTo(`/loop/${service.seen.length}`)(req, res, service.seen[0]!);
    const error = await rejection(sendRequest(context(), { method: "GET", path: "/loop" }));
    expect(error).toMatchObject({ name: "RedirectError", message: "Refusing to follow more than 10 redirects" });
    expect(service.seen).toHaveLength(11);
  });

  it("fetches with redirect: manual, and refuses what a browser hides (an opaque redirect, status 0)", async () => {
    const modes: (RequestRedirect | undefined)[] = [];
    const browserLike: typeof fetch = async (_input, init) => {
      modes.push(init?.redirect);
      return Response.error(); // the shape of a browser's opaqueredirect: status 0, no headers, no body
    };
    const error = await rejection(sendRequest(context({ fetch: browserLike }), post));
    expect(error).toMatchObject({
      name: "RedirectError",
      message: `Refusing to follow a redirect the browser hides: it may leave ${service.origin}`,
    });
    expect(modes).toEqual(["manual"]);
  });
});

describe("timeouts", () => {
  /** Sends the headers and a first byte, then one more byte every 50 ms, forever. */
  const trickle: Handler = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("[");
    const timer = setInterval(() => res.write(" "), 50);
    res.on("close", () => clearInterval(timer));
  };

  it("every attempt has a timeout, even when the call sets none", async () => {
    expect(defaultTimeoutMs).toBe(60_000);
    const signals: (AbortSignal | null | undefined)[] = [];
    const recording: typeof fetch = (input, init) => (signals.push(init?.signal), fetch(input, init));
    service.handler = (_req, res) => res.end("{}");
    await sendRequest(context({ fetch: recording }), { method: "GET", path: "/x" });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
  });

  it("a body that trickles in times out per attempt (the body read is covered), and is retried", async () => {
    service.handler = trickle;
    const error = await rejection(
      sendRequest(
        context({ retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 5 } }),
        { method: "GET", path: "/x" },
        { timeoutMs: 300 },
      ),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(service.seen).toHaveLength(2);
  });

  it("the whole call has a deadline (totalTimeoutMs): a trickling body cannot hold it past that", async () => {
    service.handler = trickle;
    const error = await rejection(sendRequest(context(), { method: "GET", path: "/x" }, { totalTimeoutMs: 400 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBeLessThanOrEqual(400);
  });
});

describe("Retry-After", () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error): void => void warnings.push(warning);
  beforeAll(() => void process.on("warning", onWarning));
  afterAll(() => void process.off("warning", onWarning));

  it.each([
    ["1000000000 (past setTimeout's range)", "1000000000"],
    ["20 days", String(20 * 24 * 3600)],
    ["an HTTP date 20 days ahead", new Date(Date.now() + 20 * 24 * 3600 * 1000).toUTCString()],
  ])("%s, more than maxDelayMs: no retry, the 429 at once", async (_what, retryAfter) => {
    service.handler = (_req, res) =>
      res
        .writeHead(429, { "retry-after": retryAfter, "content-type": "application/json" })
        .end('{"error":{"code":"TooManyRequests","message":"Slow down"}}');
    const error = await rejection(
      sendRequest(context({ retry: { maxRetries: 3, initialDelayMs: 1, maxDelayMs: 60_000 } }), {
        method: "GET",
        path: "/x",
      }),
    );
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 429, message: "Slow down" });
    expect((error as HttpError).headers.get("retry-after")).toBe(retryAfter);
    expect(service.seen).toHaveLength(1);
    expect(warnings.filter((w) => w.name === "TimeoutOverflowWarning")).toEqual([]);
  });

  it("a hint within maxDelayMs is still honoured", async () => {
    service.handler = (_req, res) =>
      service.seen.length === 1 ? res.writeHead(503, { "retry-after-ms": "20" }).end() : res.end("{}");
    await sendRequest(context({ retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1000 } }), {
      method: "GET",
      path: "/x",
    });
    expect(service.seen).toHaveLength(2);
  });
});

describe("response sizes", () => {
  /** Writes 64 KiB chunks (chunked encoding, no length) until the client goes away. */
  const endless: Handler = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  };

  it("an endless body stops at the default cap (32 MiB) with ResponseTooLargeError, not retried", async () => {
    service.handler = endless;
    const error = await rejection(sendRequest(context(), { method: "GET", path: "/x" }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({
      name: "ResponseTooLargeError",
      message: `The response body exceeds ${2 ** 25} bytes`,
    });
    expect(service.seen).toHaveLength(1);
  });

  it("maxResponseBytes sets the cap per call; a body within it is read whole", async () => {
    service.handler = (_req, res) => res.end("x".repeat(1000));
    expect(
      (await sendRequest(context(), { method: "GET", path: "/x" }, { maxResponseBytes: 1000 })).bodyText,
    ).toHaveLength(1000);
    await expect(sendRequest(context(), { method: "GET", path: "/x" }, { maxResponseBytes: 999 })).rejects.toThrow(
      "The response body exceeds 999 bytes",
    );
  });

  it("a 2 MB service error message is cut in HttpError.message; body keeps it all", async () => {
    const huge = "E".repeat(2_000_000);
    service.handler = (_req, res) =>
      res
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { code: "Bad", message: huge } }));
    const error = (await rejection(sendRequest(context(), { method: "GET", path: "/x" }))) as HttpError<{
      error: { message: string };
    }>;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.message).toBe(`${"E".repeat(1000)}... (truncated)`);
    expect(error.body?.error.message).toHaveLength(2_000_000);
  });
});
