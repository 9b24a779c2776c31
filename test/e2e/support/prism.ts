/**
 * Prism (`@stoplight/prism-cli`) as a contract checker in front of the local services: one
 * `prism proxy <document> <relay>` per OpenAPI document, started once, on 127.0.0.1. Prism validates
 * every request (and response) against the document and forwards it; violations come back in the
 * `sl-violations` response header. It runs without `--errors`, so a request that breaks the document
 * on purpose (an e2e error case) still reaches the service and the suite's assertions hold.
 *
 * Each e2e suite starts its own service, so Prism forwards to a relay whose target the suite sets
 * (`front()`). Prism and the relay rewrite `Host`, so the suite tells its service the host clients
 * really address (`setPublicHost`) for HMAC verification and next links.
 *
 * The environment's `fetch` reads `sl-violations` from every response. A suite announces requests
 * that are invalid on purpose (`expectViolation("body.expiresInMinutes")`); a violation is expected
 * when an announcement for its location is pending, and unexpected otherwise.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { E2eEnv } from "./env.ts";

/** One violation as Prism reports it. */
export interface Violation {
  readonly location: readonly string[];
  readonly severity: string;
  readonly code: string | number;
  readonly message: string;
}

/** What Prism said about one request. */
export interface CheckedRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** Violations of the request (location starts with `request`). */
  readonly request: Violation[];
  /** Violations of the response. */
  readonly response: Violation[];
  /** The announced locations these request violations satisfied. */
  readonly expected: string[];
  /** The request violations at no announced location. */
  readonly unexpected: Violation[];
}

export interface PrismContract {
  /** The environment the e2e suites run in: requests go through Prism. */
  readonly env: E2eEnv;
  /** Every request checked so far. */
  readonly checked: readonly CheckedRequest[];
  /** Announced violations Prism has not reported (yet). */
  readonly pendingExpectations: readonly string[];
  /** Starts Prism (once) and waits until it listens. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Prism's recent output, for failure messages. */
  log(): string;
}

const prismBin = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist/index.js",
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A pass-through HTTP relay on 127.0.0.1 whose target can change between suites. */
async function startRelay(): Promise<{
  url: string;
  setTarget(url: string | undefined): void;
  close(): Promise<void>;
}> {
  let target: URL | undefined;
  const server: Server = createServer((req, res) => {
    if (!target) {
      res.writeHead(502).end("no upstream");
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTarget: (url) => void (target = url === undefined ? undefined : new URL(url)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseViolations(header: string | null): Violation[] {
  if (!header) return [];
  const parsed: unknown = JSON.parse(header);
  return Array.isArray(parsed) ? (parsed as Violation[]) : [];
}

/** A Prism contract check for one OpenAPI document. */
export function prismContract(name: string, document: string): PrismContract {
  const checked: CheckedRequest[] = [];
  const pending: string[] = [];
  const output: string[] = [];
  let prism: ChildProcess | undefined;
  let relay: Awaited<ReturnType<typeof startRelay>> | undefined;
  let endpoint = "";

  const contractFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const all = parseViolations(response.headers.get("sl-violations"));
    const requestViolations = all.filter((v) => v.location[0] === "request");
    const expected: string[] = [];
    const unexpected: Violation[] = [];
    for (const violation of requestViolations) {
      // Prism lower-cases parameter names in locations (`path.servicename`), and may report one
      // location several times (each failed branch of an `anyOf`).
      const location = violation.location.slice(1).join(".").toLowerCase();
      if (expected.some((announced) => announced.toLowerCase() === location)) continue;
      const at = pending.findIndex((announced) => announced.toLowerCase() === location);
      if (at !== -1) expected.push(...pending.splice(at, 1));
      else unexpected.push(violation);
    }
    checked.push({
      method: init?.method ?? "GET",
      url: input instanceof Request ? input.url : String(input),
      status: response.status,
      request: requestViolations,
      response: all.filter((v) => v.location[0] !== "request"),
      expected,
      unexpected,
    });
    return response;
  };

  /** Spawns Prism on `port` and waits until it answers; rejects when it exits first (the port was taken). */
  async function launch(relayUrl: string, port: number): Promise<void> {
    const child = spawn(
      process.execPath,
      [prismBin, "proxy", document, relayUrl, "--host", "127.0.0.1", "--port", String(port), "--verboseLevel", "warn"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    prism = child;
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString("utf8"));
      if (output.length > 200) output.shift();
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`Prism exited with ${child.exitCode} for ${name}:\n${output.join("")}`);
      try {
        await fetch(`http://127.0.0.1:${port}/`);
        endpoint = `http://127.0.0.1:${port}`;
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`Prism did not start within 30 s for ${name}:\n${output.join("")}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async function start(): Promise<void> {
    if (endpoint) return;
    relay ??= await startRelay();
    // The free port is found before Prism binds it, so another process may take it in between: retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await launch(relay.url, await freePort());
        return;
      } catch (error) {
        prism?.kill();
        if (attempt === 3) throw error;
      }
    }
  }

  const env: E2eEnv = {
    name: `through Prism (${name})`,
    proxied: true,
    async front(upstream) {
      await start();
      relay?.setTarget(upstream.url);
      upstream.setPublicHost?.(new URL(endpoint).host);
      return { endpoint, close: () => Promise.resolve(relay?.setTarget(undefined)) };
    },
    fetch: contractFetch,
    expectViolation: (location) => void pending.push(location),
  };

  return {
    env,
    checked,
    get pendingExpectations() {
      return [...pending];
    },
    start,
    async stop() {
      const child = prism;
      prism = undefined;
      endpoint = "";
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await relay?.close();
    },
    log: () => output.join(""),
  };
}
