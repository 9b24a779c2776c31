/**
 * Runtime throughput, measured: requests per second and p50/p99 latency of `issueAccessToken`
 * against the local Identity service, side by side, in one run:
 *   (a) raw `fetch` with hand-written HMAC signing (node:crypto), the floor;
 *   (b) the generated communication-identity 2025-03-02-preview client;
 *   (c) the official `@azure/communication-identity` client (`getToken`).
 * Goal: (b) within 10 % of (a) and ahead of (c). Prints; asserts nothing.
 *
 *   npm exec -- node bench/runtime-throughput.ts [--requests 2000] [--concurrency 8] [--warmup 300] [--rounds 10]
 *
 * The service runs in a child process, so its work shares neither the clients' event loop nor their
 * CPU account: besides wall-clock figures, the run prints the client-side CPU time per request
 * (`process.cpuUsage`, thread pool included), which stays meaningful on a busy machine where
 * requests per second do not. Each client sends the same requests (same identity, scopes and
 * expiry); measured requests are split into rounds whose order rotates, so drift of the machine hits
 * every client alike. The generated package is bundled from its sources with esbuild into `.tmp/`
 * (Node cannot resolve its `.js` specifiers to `.ts` by itself); the folder is removed at the end.
 */
import { spawn } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CommunicationIdentityClient as OfficialClient } from "@azure/communication-identity";
import { build } from "esbuild";
import { startIdentityService } from "../test/support/services/identity-service.ts";
import { repoRoot } from "../test/support/paths.ts";

type Generated = typeof import("../generated/packages/communication-identity-2025-03-02-preview/src/index.ts");

interface ServiceInfo {
  readonly url: string;
  readonly accessKey: string;
  readonly connectionString: string;
}

/** One way of sending the request; resolves when the token has been read. */
type Send = () => Promise<unknown>;

interface Result {
  readonly label: string;
  readonly latencies: number[];
  seconds: number;
  /** Client-side CPU time (user + system), microseconds. */
  cpuMicros: number;
  /** Requests per second of each round. */
  readonly roundRates: number[];
}

const PACKAGE_SOURCE = join(repoRoot, "generated/packages/communication-identity-2025-03-02-preview/src/index.ts");
const API_VERSION = "2025-03-02-preview";
const BODY = { scopes: ["chat"], expiresInMinutes: 60 };

if (process.argv.includes("--serve")) {
  // The service side: start, report where it listens (one JSON line), and run until killed.
  const service = await startIdentityService();
  const info: ServiceInfo = {
    url: service.url,
    accessKey: service.accessKey,
    connectionString: service.connectionString,
  };
  console.log(JSON.stringify(info));
} else {
  await main();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: "string", default: "2000" },
      concurrency: { type: "string", default: "8" },
      warmup: { type: "string", default: "300" },
      rounds: { type: "string", default: "10" },
    },
  });
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const warmup = Number(values.warmup);
  const rounds = Number(values.rounds);

  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const work = join(repoRoot, ".tmp", `bench-runtime-${process.pid}`);
  try {
    const service = await new Promise<ServiceInfo>((resolve, reject) => {
      server.stdout.once("data", (line: Buffer) => resolve(JSON.parse(line.toString("utf8")) as ServiceInfo));
      server.once("error", reject);
      server.once("exit", (code) => reject(new Error(`the service exited with ${code}`)));
    });
    const generated = await bundleGenerated(work);
    const clients = await prepareClients(service, generated);
    for (const client of clients) await run(client.send, warmup, concurrency);

    const results: Result[] = clients.map(({ label }) => ({
      label,
      latencies: [],
      seconds: 0,
      cpuMicros: 0,
      roundRates: [],
    }));
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < clients.length; k++) {
        const index = (round + k) % clients.length;
        const client = clients[index];
        const result = results[index];
        if (!client || !result) continue;
        const share = Math.floor(requests / rounds) + (round < requests % rounds ? 1 : 0);
        const measured = await run(client.send, share, concurrency);
        result.latencies.push(...measured.latencies);
        result.seconds += measured.seconds;
        result.cpuMicros += measured.cpuMicros;
        result.roundRates.push(measured.latencies.length / measured.seconds);
      }
    }
    report(results, { requests, concurrency, warmup, rounds });
  } finally {
    server.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Bundles the generated package (ESM for Node) and imports it. */
async function bundleGenerated(work: string): Promise<Generated> {
  mkdirSync(work, { recursive: true });
  const outfile = join(work, "generated.mjs");
  await build({
    entryPoints: [PACKAGE_SOURCE],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node22",
    outfile,
    logLevel: "silent",
  });
  const module: unknown = await import(pathToFileURL(outfile).href);
  return module as Generated;
}

/** The three clients, each with an identity of its own (created through the raw path). */
async function prepareClients(service: ServiceInfo, generated: Generated): Promise<{ label: string; send: Send }[]> {
  const raw = rawClient(service);
  const createIdentity = async () => {
    const response = await raw("POST", `/identities?api-version=${API_VERSION}`, "");
    const created = (await response.json()) as { identity: { id: string } };
    return created.identity.id;
  };
  const [rawId, generatedId, officialId] = [await createIdentity(), await createIdentity(), await createIdentity()];
  const body = JSON.stringify(BODY);

  const client = new generated.CommunicationIdentityClient(service.connectionString);
  const official = new OfficialClient(service.connectionString, { allowInsecureConnection: true });
  return [
    {
      label: "(a) raw fetch + hand-written signing",
      send: async () => {
        const response = await raw(
          "POST",
          `/identities/${encodeURIComponent(rawId)}/:issueAccessToken?api-version=${API_VERSION}`,
          body,
        );
        if (response.status !== 200) throw new Error(`raw fetch: HTTP ${response.status}`);
        return response.json();
      },
    },
    { label: "(b) generated client", send: () => client.issueAccessToken(generatedId, BODY) },
    {
      label: "(c) @azure/communication-identity",
      send: () => official.getToken({ communicationUserId: officialId }, ["chat"], { tokenExpiresInMinutes: 60 }),
    },
  ];
}

/** `fetch` with the HMAC-SHA256 headers computed by hand, as acs-hmac.md describes. */
function rawClient(service: ServiceInfo): (method: string, pathAndQuery: string, body: string) => Promise<Response> {
  const key = Buffer.from(service.accessKey, "base64");
  const host = new URL(service.url).host;
  return (method, pathAndQuery, body) => {
    const date = new Date().toUTCString();
    const hash = createHash("sha256").update(body).digest("base64");
    const signature = createHmac("sha256", key)
      .update(`${method}\n${pathAndQuery}\n${date};${host};${hash}`)
      .digest("base64");
    const headers: Record<string, string> = {
      "x-ms-date": date,
      "x-ms-content-sha256": hash,
      authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
    };
    if (body !== "") headers["content-type"] = "application/json";
    return fetch(`${service.url}${pathAndQuery}`, { method, headers, ...(body === "" ? {} : { body }) });
  };
}

/** Sends `count` requests with `concurrency` in flight; returns each latency (ms), the wall time (s) and the CPU time (µs). */
async function run(
  send: Send,
  count: number,
  concurrency: number,
): Promise<{ latencies: number[]; seconds: number; cpuMicros: number }> {
  const latencies: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const lane = async (): Promise<void> => {
    while (next < count) {
      next++;
      const t0 = performance.now();
      await send();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { latencies, seconds, cpuMicros: used.user + used.system };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((x, y) => x - y),
    50,
  );
}

/**
 * The median over rounds of `of`'s rate divided by `to`'s in the same round: the rounds of one
 * client follow each other closely, so a machine that slows down for a while skews no client.
 */
function medianRatio(of: Result, to: Result): number {
  return median(of.roundRates.map((rate, i) => rate / (to.roundRates[i] ?? Number.NaN)));
}

function report(
  results: readonly Result[],
  settings: { requests: number; concurrency: number; warmup: number; rounds: number },
): void {
  console.log(
    `issueAccessToken against the local Identity service (node ${process.version}): ${settings.requests} requests per client ` +
      `after ${settings.warmup} warm-up, ${settings.concurrency} in flight, ${settings.rounds} rotating rounds`,
  );
  console.log("");
  const [raw, generated, official] = results;
  const columns = ["req/s", "p50 ms", "p99 ms", "vs (a)", "CPU µs/req"];
  console.log(`${"client".padEnd(40)}${columns.map((c) => c.padStart(12)).join("")}`);
  for (const result of results) {
    const sorted = [...result.latencies].sort((x, y) => x - y);
    const cells = [
      (result.latencies.length / result.seconds).toFixed(0),
      percentile(sorted, 50).toFixed(3),
      percentile(sorted, 99).toFixed(3),
      raw ? `${(medianRatio(result, raw) * 100).toFixed(1)} %` : "",
      (result.cpuMicros / result.latencies.length).toFixed(0),
    ];
    console.log(`${result.label.padEnd(40)}${cells.map((c) => c.padStart(12)).join("")}`);
  }
  if (raw && generated && official) {
    const cpu = (result: Result) => result.cpuMicros / result.latencies.length;
    const gap = (1 - medianRatio(generated, raw)) * 100;
    const lead = medianRatio(generated, official);
    console.log("");
    console.log('("vs (a)" is the median over rounds of the per-round ratio of requests per second)');
    const gapText = gap >= 0 ? `${gap.toFixed(1)} % fewer` : `${(-gap).toFixed(1)} % more`;
    console.log(`(b) within 10 % of (a): ${gap <= 10 ? "yes" : "no"} (${gapText} requests per second)`);
    console.log(`(b) ahead of (c): ${lead > 1 ? "yes" : "no"} (${lead.toFixed(2)}x)`);
    console.log(
      `client CPU per request: (b) ${((cpu(generated) / cpu(raw)) * 100).toFixed(0)} % of (a), ${((cpu(generated) / cpu(official)) * 100).toFixed(0)} % of (c)`,
    );
  }
}
