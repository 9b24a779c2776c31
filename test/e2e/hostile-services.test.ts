/**
 * Issue 15, items 2 and 11, through a package generated from an OpenAPI document with an API key
 * header (`Ocp-Apim-Subscription-Key`, as API Management uses) and HTTP basic auth, run against
 * servers on 127.0.0.1: a cross-origin redirect never carries the key or the body to the other
 * origin, the key and the password are never sent over plain http to another machine, and a list
 * whose every page has a fresh next link stops after `maxPages`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { maxPages } from "../../generator/runtime/paging.ts";
import { compilePackages, type CompiledPackages } from "../emitters/compile-packages.ts";

const KEY = "apim-subscr1ption-k3y";
const PASSWORD = "b4sic-passw0rd";
const BODY_SECRET = "t0ken-in-the-body";

const document = {
  openapi: "3.0.3",
  info: { title: "Gateway", version: "1.0.0" },
  servers: [{ url: "{endpoint}", variables: { endpoint: { default: "" } } }],
  security: [{ Key: [] }, { Basic: [] }],
  components: {
    securitySchemes: {
      Key: { type: "apiKey", in: "header", name: "Ocp-Apim-Subscription-Key" },
      Basic: { type: "http", scheme: "basic" },
    },
  },
  paths: {
    "/tokens": {
      post: {
        operationId: "exchangeToken",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { type: "object", properties: { refreshToken: { type: "string" } } } },
          },
        },
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { type: "object", properties: { token: { type: "string" } } } } },
          },
        },
      },
    },
    "/items": {
      get: {
        operationId: "listItems",
        responses: {
          "200": {
            description: "a page",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["value"],
                  properties: { value: { type: "array", items: { type: "string" } }, nextLink: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
  },
};

type Module = Record<string, unknown>;
type Factory = (endpoint: string, credential: object, options?: object) => unknown;
type Operation = (context: unknown, ...args: unknown[]) => Promise<unknown>;

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  seen: Seen[],
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let compiled: CompiledPackages;
let api: Module;
const service: Seen[] = [];
const attacker: Seen[] = [];
let servers: Server[] = [];
let serviceOrigin = "";
let attackerOrigin = "";
let pagesServed = 0;

beforeAll(async () => {
  const built = buildPackage({ file: "gateway.json", text: JSON.stringify(document), packageName: "gateway" });
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ gateway: library }, "hostile");
  expect(compiled.diagnostics).toBe("");
  api = (await import(pathToFileURL(join(compiled.root, "dist", "gateway", "src", "index.js")).href)) as Module;

  const other = await listen(
    (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"token":"forged"}'),
    attacker,
  );
  attackerOrigin = other.origin;
  const main = await listen((req, res) => {
    if (req.url === "/tokens") return res.writeHead(307, { location: `${attackerOrigin}/collect?k=1` }).end();
    // Every page links to a page never seen before.
    pagesServed++;
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ value: [String(pagesServed)], nextLink: `${serviceOrigin}/items?page=${pagesServed}` }));
  }, service);
  serviceOrigin = main.origin;
  servers = [other.server, main.server];
}, 120_000);

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

const factory = (pattern: RegExp): Factory => Object.entries(api).find(([name]) => pattern.test(name))?.[1] as Factory;
const operation = (name: string): Operation => api[name] as Operation;

describe("a generated client with an API key header and basic auth", () => {
  it("a cross-origin 307 is refused: the key, the body and the client's trust stay with the service", async () => {
    const context = factory(/WithKey$/)(serviceOrigin, { key: KEY }, { retry: { maxRetries: 2 } });
    const error = (await operation("exchangeToken")(context, { refreshToken: BODY_SECRET }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error).toMatchObject({
      name: "RedirectError",
      message: `Refusing to follow a redirect to ${attackerOrigin}: it leaves ${serviceOrigin}`,
    });
    expect(attacker).toEqual([]);
    expect(service.map((s) => [s.method, s.url, s.headers["ocp-apim-subscription-key"], s.body])).toEqual([
      ["POST", "/tokens", KEY, JSON.stringify({ refreshToken: BODY_SECRET })],
    ]);
    expect(`${String(error)}${error.stack ?? ""}${JSON.stringify(error)}`).not.toMatch(
      new RegExp(`${KEY}|${BODY_SECRET}|collect`),
    );
  });

  it.each([
    ["an API key", /WithKey$/, { key: KEY }],
    ["a user name and password", /WithBasicCredential$/, { username: "admin", password: PASSWORD }],
  ])(
    "refuses to send %s over plain http to another machine, before anything is sent",
    async (what, pattern, credential) => {
      const sent: string[] = [];
      const recording: typeof fetch = async (input) => (sent.push(String(input)), new Response("{}"));
      for (const endpoint of ["http://gateway.example.com", "http://10.0.0.7:8080"]) {
        const context = factory(pattern)(endpoint, credential, { fetch: recording, retry: { maxRetries: 0 } });
        const error = (await operation("exchangeToken")(context, {}).catch((e: unknown) => e)) as Error;
        expect(error.message).toBe(
          `Refusing to send ${what} over ${endpoint.replace(/:8080$/, ":8080")}: it requires https`,
        );
        expect(String(error)).not.toContain(KEY);
        expect(String(error)).not.toContain(PASSWORD);
      }
      expect(sent).toEqual([]);
      // https, and http to this machine (local test servers), are fine.
      const local = factory(pattern)("https://gateway.example.com", credential, { fetch: recording });
      await operation("exchangeToken")(local, {});
      expect(sent).toEqual(["https://gateway.example.com/tokens"]);
    },
  );

  it(`stops a list whose every page has a fresh next link after ${maxPages} pages`, async () => {
    const context = factory(/WithKey$/)(serviceOrigin, { key: KEY });
    let items = 0;
    const error = await (async () => {
      for await (const _item of operation("listItems")(context) as unknown as AsyncIterable<string>) items++;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: `Paging stopped after ${maxPages} pages: the service keeps returning continuations`,
    });
    expect(items).toBe(maxPages);
    expect(pagesServed).toBe(maxPages);
  }, 120_000);
});
