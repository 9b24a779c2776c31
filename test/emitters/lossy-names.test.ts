/**
 * `test/fixtures/openapi/lossy-names.yaml` (issue 11, item 10): parameters whose names differ only by
 * an operator get names that say it (`DateSent<` -> `dateSentBefore`) and name their wire name in
 * their doc; descriptions and titles written on a parameter's schema are kept; `const` members'
 * titles document the `Known...` const; the context's `apiVersion` says it is not sent where the spec
 * declares no `api-version`; and every call takes extra `query` parameters and `headers`, proven on
 * the wire against a real server on 127.0.0.1.
 */
import type { IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";
import { startLocalServer, type LocalServer } from "./local-server.ts";

const fixture = "test/fixtures/openapi/lossy-names.yaml";
const built = buildPackage({ file: join(repoRoot, fixture), source: fixture });
const source = (path: string): string => built.files.find((f) => f.path === path)?.content ?? "";

let compiled: CompiledPackages;
let server: LocalServer | undefined;
let origin = "";
const received: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ messaging: library }, "lossy-names");
  server = await startLocalServer((req, res) => {
    received.push({ url: req.url ?? "", headers: req.headers });
    res.writeHead(200, { "content-type": "application/json" }).end("[]");
  });
  origin = server.origin;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

/** The doc comment right above `member` in `text`. */
function docOf(text: string, member: string): string {
  const at = text.indexOf(`\n  ${member}`);
  expect(at, member).toBeGreaterThan(0);
  return text.slice(text.lastIndexOf("/**", at), at);
}

it("type-checks strictly, with no diagnostics", () => {
  expect(built.diagnostics).toEqual([]);
  expect(compiled.diagnostics).toBe("");
});

describe("parameter names", () => {
  const api = source("src/api/messages.ts");

  it.each([
    ["dateSent?: Date", "Only messages sent on this date. */"],
    ["dateSentBefore?: Date", "Only messages sent before this date. Sent as `DateSent<`. */"],
    ["dateSentAfter?: Date", "Only messages sent after this date. Sent as `DateSent>`. */"],
    ["priceAtLeast?: number", "The lowest price, in US cents. Sent as `Price>=`. */"],
    ["priceAtMost?: number", "The highest price. Sent as `Price<=`. */"],
    ["statusNot?: Priority", "The `Status!=` query parameter. */"],
    ["createdGte?: number", "Created at or after this Unix time. Sent as `created[gte]`. */"],
    ["pageSize?: number", "How many per page. */"],
  ])("%s, documented: %s", (member, doc) => {
    expect(docOf(api, member)).toContain(doc);
  });

  it("numbers none apart, and keeps a wire name that would end the comment inside it", () => {
    expect(api).not.toMatch(/dateSent\d|price\d|status\d/);
    expect(docOf(api, "toConsoleLog1?: string")).toContain("Sent as `To*\\/console.log(1)/\\*`. */");
  });
});

it("documents `const` members by their titles, and their descriptions", () => {
  const models = source("src/models.ts");
  expect(docOf(models, 'Low: "low"')).toContain("/** Sent when the queue is idle. */");
  expect(docOf(models, 'High: "high"')).toContain("/** Sent before any other. */");
  expect(docOf(models, 'Urgent: "urgent"')).toContain("/** Sent at once, at a higher price. */");
  expect(docOf(models, 'Sms: "sms"')).toContain("/** A text message. */");
  expect(models).toContain('export type Channel = "sms" | "whatsapp" | (string & {});');
});

it("says the context's apiVersion is not sent where the spec declares no api-version", () => {
  const doc = docOf(source("src/context.ts"), "readonly apiVersion: string;");
  expect(doc).not.toContain("sent to the service");
  expect(doc).toContain("it is not sent");
});

it("sends per-call query parameters and headers after the operation's own", async () => {
  const module = (await import(pathToFileURL(join(compiled.root, "dist/messaging/src/index.js")).href)) as Record<
    string,
    unknown
  >;
  const Client = module["MessagingClient"] as new (options: object) => {
    listMessages: (options: object) => Promise<unknown>;
  };
  const client = new Client({ endpoint: origin, retry: { maxRetries: 0 } });
  await client.listMessages({
    dateSentBefore: new Date("2024-05-01T00:00:00Z"),
    dateSentAfter: new Date("2024-04-01T00:00:00Z"),
    priceAtMost: 7,
    query: { "api-version": "2024-05-01", tag: ["a", "b"], PageSize: "50" },
    pageSize: 10,
    headers: { "x-trace": "on" },
  });
  const request = received.at(-1)!;
  const query = new URL(request.url, origin).searchParams;
  expect(query.get("DateSent<")).toBe("2024-05-01T00:00:00.000Z");
  expect(query.get("DateSent>")).toBe("2024-04-01T00:00:00.000Z");
  expect(query.get("Price<=")).toBe("7");
  expect(query.get("api-version")).toBe("2024-05-01");
  expect(query.getAll("tag")).toEqual(["a", "b"]);
  // Applied after the operation's own: the call's `query` wins.
  expect(query.getAll("PageSize")).toEqual(["50"]);
  expect(request.headers["x-trace"]).toBe("on");
});
