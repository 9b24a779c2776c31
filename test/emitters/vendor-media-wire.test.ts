/**
 * `test/fixtures/openapi/vendor-media-types.yaml` on the wire: vendor media types that carry JSON
 * without saying so by name (GitHub's `application/vnd.github.v3.object`, `application/json+sarif`)
 * are parsed and sent as JSON when their schema is structured, while the `accept` and
 * `content-type` headers stay the declared vendor types; vendor types with a bytes or string schema
 * still come back as the exact bytes. Against a real HTTP server on 127.0.0.1.
 */
import type { IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { compiledClient, compilePackages, type CompiledPackages } from "./compile-packages.ts";
import { startLocalServer, type LocalServer } from "./local-server.ts";

const fixture = "test/fixtures/openapi/vendor-media-types.yaml";
const built = buildPackage({ file: join(repoRoot, fixture), source: fixture });

interface Received {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let compiled: CompiledPackages;
let server: LocalServer;
let origin = "";
let received: Received | undefined;
/** The next answer's content type and body. */
let answer = { contentType: "application/json", body: "" };

beforeAll(async () => {
  compiled = await compilePackages(
    { vendor: built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/")) },
    "vendor-media",
  );
  server = await startLocalServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received = { url: req.url ?? "", headers: req.headers, body };
      res.writeHead(200, { "content-type": answer.contentType }).end(answer.body);
    });
  });
  origin = server.origin;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

/** The client of the compiled package, pointed at the local server, without retries. */
const client = () => compiledClient(compiled, "vendor", "VendorMediaTypesFixtureClient", origin);

it("type-checks strictly", () => {
  expect(built.diagnostics).toEqual([]);
  expect(compiled.diagnostics).toBe("");
});

it("parses a vendor type with an object schema as JSON, asking for the vendor type", async () => {
  const tree = { type: "dir", entries: [{ name: "README.md", size: 12 }] };
  answer = { contentType: "application/vnd.github.v3.object; charset=utf-8", body: JSON.stringify(tree) };
  expect(await (await client())["getContents"]!("docs")).toEqual(tree);
  expect(received?.headers.accept).toBe("application/vnd.github.v3.object");
});

it("parses `application/json+sarif` and `text/json` as JSON, each asked for by its own name", async () => {
  const api = await client();
  const sarif = { version: "2.1.0", runs: [] };
  answer = { contentType: "application/json+sarif", body: JSON.stringify(sarif) };
  expect(await api["getAnalysis"]!(1, { accept: "application/json+sarif" })).toEqual(sarif);
  expect(received?.headers.accept).toBe("application/json+sarif");
  answer = { contentType: "text/json", body: JSON.stringify({ tool: "codeql", results: 3 }) };
  expect(await api["getAnalysis"]!(1, { accept: "text/json" })).toEqual({ tool: "codeql", results: 3 });
  expect(received?.headers.accept).toBe("text/json");
});

it("sends a vendor type with an array schema as JSON, with the vendor content type", async () => {
  const summaries = [{ tool: "codeql", results: 3 }];
  answer = { contentType: "application/vnd.example.document", body: JSON.stringify(summaries) };
  expect(await (await client())["createDocument"]!(summaries)).toEqual(summaries);
  expect(received?.headers["content-type"]).toBe("application/vnd.example.document");
  expect(received?.headers.accept).toBe("application/vnd.example.document");
  expect(JSON.parse(received?.body ?? "")).toEqual(summaries);
});

it("still returns a vendor type with a string or binary schema as the exact bytes", async () => {
  answer = { contentType: "application/vnd.github.raw", body: '{"not":"parsed"}' };
  const raw = await (await client())["getRawContents"]!("README.md", { accept: "application/vnd.github.raw" });
  expect(raw).toBeInstanceOf(Uint8Array);
  expect(new TextDecoder().decode(raw as Uint8Array)).toBe('{"not":"parsed"}');
  expect(received?.headers.accept).toBe("application/vnd.github.raw");
});
