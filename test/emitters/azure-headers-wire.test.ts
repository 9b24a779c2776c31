/**
 * Azure-only behaviour stays with Azure services: a client generated from a document that is not
 * Azure sends no `x-ms-*` header (a browser would otherwise preflight every call), while an Azure
 * service keeps its `x-ms-client-request-id`. On the wire, to a server on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAzureDocument } from "../../generator/ir/azure-service.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { RecordingServer } from "../packages/support/recording-server.ts";
import { repoRoot } from "../support/paths.ts";
import { runCli } from "../support/run-cli.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";

const fixture = join(repoRoot, "test/fixtures/openapi/plain-service.yaml");
const library = (azure?: boolean) =>
  buildPackage({ file: fixture, packageName: "plain", ...(azure === undefined ? {} : { azure }) }).files.filter(
    (f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"),
  );

type Module = Record<string, unknown>;
type GetWidget = (context: unknown, id: string) => Promise<unknown>;
let compiled: CompiledPackages;
let server: RecordingServer;

beforeAll(async () => {
  compiled = await compilePackages({ plain: library(), forced: library(true) }, "azure-headers");
  server = await RecordingServer.start();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

/** Calls `getWidget` of a compiled package against the recording server; returns the request's headers. */
async function call(pkg: string, status = 200) {
  const module = (await import(pathToFileURL(join(compiled.root, "dist", pkg, "src", "index.js")).href)) as Module;
  const create = Object.entries(module).find(([name]) => /^create\w*Context$/.test(name))?.[1] as (
    c: object,
    o: object,
  ) => unknown;
  const context = create(
    { getToken: async () => ({ token: "t0ken", expiresOnTimestamp: Date.now() + 3_600_000 }) },
    { endpoint: server.origin, retry: { maxRetries: 0 } },
  );
  server.answer(() => ({
    status,
    headers: { "content-type": "application/json" },
    body: status === 200 ? '{"id":"w1"}' : '{"message":"no"}',
  }));
  const thrown = await (module["getWidget"] as GetWidget)(context, "w1").then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(server.requests).toHaveLength(1);
  return { headers: server.requests[0]!.headers, thrown };
}

const msHeaders = (headers: object) => Object.keys(headers).filter((name) => /^x-ms-/i.test(name));

describe("Azure-only request headers", () => {
  it("compile", () => expect(compiled.diagnostics).toBe(""));

  it("are not sent to a service that is not Azure, in success and error", async () => {
    const ok = await call("plain");
    expect(msHeaders(ok.headers)).toEqual([]);
    expect(ok.headers["authorization"]).toBe("Bearer t0ken");
    const failed = await call("plain", 400);
    expect(msHeaders(failed.headers)).toEqual([]);
    expect(failed.thrown).toMatchObject({ status: 400, requestId: undefined });
  });

  it("are sent where the config or --azure says the service is Azure", async () => {
    const { headers, thrown } = await call("forced", 400);
    expect(msHeaders(headers)).toEqual(["x-ms-client-request-id"]);
    expect(thrown).toMatchObject({ requestId: headers["x-ms-client-request-id"] });
  });
});

describe("isAzureDocument", () => {
  const read = (path: string) => parse(readFileSync(join(repoRoot, path), "utf8")) as unknown;
  const plain = read("test/fixtures/openapi/plain-service.yaml") as Record<string, unknown>;

  it("holds for our own Azure services", () => {
    for (const path of [
      "communication-identity/2023-10-01",
      "communication-identity/2025-03-02-preview",
      "api-management/2022-08-01",
    ]) {
      expect(isAzureDocument(read(`generated/openapi/${path}.yaml`)), path).toBe(true);
    }
  });

  it("holds for each Azure marker, and for nothing else", () => {
    expect(isAzureDocument(plain)).toBe(false);
    const markers: unknown[] = [
      { "x-ms-parameterized-host": { hostTemplate: "{endpoint}" } },
      { paths: { "/a": { get: { "x-ms-pageable": { nextLinkName: "nextLink" } } } } },
      { paths: { "/a": { get: { parameters: [{ name: "x-ms-version", in: "header" }] } } } },
      {
        components: {
          securitySchemes: { k: { type: "apiKey", in: "header", name: "Authorization", "x-hmac-signature": {} } },
        },
      },
      {
        components: {
          securitySchemes: {
            aad: {
              type: "oauth2",
              flows: { implicit: { authorizationUrl: "https://login.microsoftonline.com/common/oauth2/authorize" } },
            },
          },
        },
      },
    ];
    for (const marker of markers)
      expect(isAzureDocument({ ...plain, ...(marker as object) }), JSON.stringify(marker)).toBe(true);
    // Look-alikes: a query parameter or a description mentioning x-ms, another OAuth2 provider.
    const others: unknown[] = [
      { paths: { "/a": { get: { parameters: [{ name: "x-ms-version", in: "query" }], description: "x-ms-date" } } } },
      {
        components: {
          securitySchemes: {
            o: {
              type: "oauth2",
              flows: { implicit: { authorizationUrl: "https://login.example.com/login.microsoftonline.com/" } },
            },
          },
        },
      },
    ];
    for (const other of others)
      expect(isAzureDocument({ ...plain, ...(other as object) }), JSON.stringify(other)).toBe(false);
  });
});

describe("--azure and --no-azure", () => {
  const context = (flag: string) => {
    const out = mkdtempSync(join(tmpdir(), "specsmith-azure-"));
    try {
      const spec =
        flag === "--no-azure"
          ? "generated/openapi/communication-identity/2023-10-01.yaml"
          : "test/fixtures/openapi/plain-service.yaml";
      const run = runCli(["generate", "--spec", spec, "--out", out, "--quiet", flag]);
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(join(out, "src/context.ts"), "utf8");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };

  it("override what the document says", () => {
    expect(context("--azure")).toContain('clientRequestIdHeader: "x-ms-client-request-id"');
    expect(context("--no-azure")).not.toContain("clientRequestIdHeader");
  });

  it("cannot be combined, and go with --spec", () => {
    expect(runCli(["generate", "--spec", fixture, "--azure", "--no-azure"])).toMatchObject({ status: 2 });
    expect(runCli(["generate", "--azure"])).toMatchObject({ status: 2 });
  });
});
