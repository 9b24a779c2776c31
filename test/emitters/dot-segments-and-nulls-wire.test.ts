/**
 * Values that URLs and query strings cannot carry as themselves, on the wire to a real server on
 * 127.0.0.1 (dot-segments-and-nulls.yaml):
 *
 * 1. a path value that fills a whole segment and is `.` or `..` would be removed by URL parsing
 *    (RFC 3986 §5.2.4; the URL standard reads `%2E` as a dot too), sending the request to another
 *    resource: the call is refused before anything is sent. `..x`, `a/..` (its slash is encoded)
 *    and a dot inside a longer segment (`/files/{name}.json`) are sent as they are;
 * 2. a query, header or cookie parameter whose schema allows `null` is left out when its value is `null`,
 *    never sent as the text `null`; the generated types accept `null` there; a nullable deepObject
 *    query is nested as any deepObject (the robustness run found its encoder missing).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { RecordingServer } from "../packages/support/recording-server.ts";
import { repoRoot } from "../support/paths.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";

const built = buildPackage({
  file: join(repoRoot, "test/fixtures/openapi/dot-segments-and-nulls.yaml"),
  packageName: "dots",
});
let compiled: CompiledPackages;
let module: Record<string, unknown>;
let server: RecordingServer;
let context: unknown;

beforeAll(async () => {
  compiled = await compilePackages(
    { dots: built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/")) },
    "dots",
  );
  module = (await import(pathToFileURL(join(compiled.root, "dist", "dots", "src", "index.js")).href)) as Record<
    string,
    unknown
  >;
  server = await RecordingServer.start();
  server.answer(() => ({ status: 204 }));
  const create = module["createDotSegmentsAndNullsClientContext"] as (endpoint: string, options: object) => unknown;
  context = create(server.origin, { retry: { maxRetries: 0 } });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

/** Calls operation `name` with `args`; returns the request targets the server received. */
async function targets(name: string, ...args: unknown[]): Promise<string[]> {
  server.answer(() => ({ status: 204 }));
  await (module[name] as (context: unknown, ...rest: unknown[]) => Promise<void>)(context, ...args);
  return server.requests.map((r) => r.url);
}

it("compiles without diagnostics", () => {
  expect(built.diagnostics).toEqual([]);
  expect(compiled.diagnostics).toBe("");
});

describe("a path value that is a dot segment", () => {
  it("is refused, naming the parameter, and nothing is sent", async () => {
    for (const repo of ["..", "."]) {
      server.answer(() => ({ status: 204 }));
      const call = (module["getRepo"] as (...args: unknown[]) => Promise<void>)(context, "octo", repo);
      await expect(call).rejects.toThrow(
        new RangeError(
          `Path parameter "repo" cannot be "${repo}": URLs drop "." and ".." path segments, so the request would reach another resource`,
        ),
      );
      expect(server.requests).toEqual([]);
    }
    server.answer(() => ({ status: 204 }));
    await expect((module["getRepo"] as (...args: unknown[]) => Promise<void>)(context, "..", "r")).rejects.toThrow(
      /"owner" cannot be "\.\."/,
    );
    // A label-style empty array is the segment `.` alone.
    await expect((module["getLabels"] as (...args: unknown[]) => Promise<void>)(context, [])).rejects.toThrow(
      /"tags" cannot be "\."/,
    );
    await expect((module["getLabels"] as (...args: unknown[]) => Promise<void>)(context, ["."])).rejects.toThrow(
      /"tags" cannot be "\.\."/,
    );
    expect(server.requests).toEqual([]);
  });

  it("is sent as it is when it is not a whole segment", async () => {
    expect(await targets("getRepo", "octo", "..x")).toEqual(["/repos/octo/..x"]);
    expect(await targets("getRepo", "octo", "a/..")).toEqual(["/repos/octo/a%2F.."]);
    expect(await targets("getRepo", ".a", "...")).toEqual(["/repos/.a/..."]);
    expect(await targets("getFileJson", ".")).toEqual(["/files/..json"]);
    expect(await targets("getLabels", ["a", "."])).toEqual(["/labels/.a,."]);
  });
});

describe("a query, header or cookie parameter whose schema allows null", () => {
  it("is left out when its value is null, never sent as the text null", async () => {
    server.answer(() => ({ status: 204 }));
    await (module["search"] as (...args: unknown[]) => Promise<void>)(context, null, {
      limit: null,
      ids: null,
      xTag: null,
      session: null,
      filter: null,
    });
    expect(server.requests.map((r) => [r.url, r.headers["x-tag"], r.headers.cookie])).toEqual([
      ["/search", undefined, undefined],
    ]);
  });

  it("is sent as usual when it has a value", async () => {
    server.answer(() => ({ status: 204 }));
    await (module["search"] as (...args: unknown[]) => Promise<void>)(context, "a b", {
      limit: 0,
      ids: ["1", "2"],
      xTag: "t",
      session: "s 1",
      filter: { state: "open" },
    });
    // A nullable deepObject is still a deepObject (and its encoder is emitted).
    expect(server.requests.map((r) => [r.url, r.headers["x-tag"], r.headers.cookie])).toEqual([
      ["/search?q=a%20b&filter%5Bstate%5D=open&ids=1&ids=2&limit=0", "t", "session=s%201"],
    ]);
  });

  it("accepts null in the generated types", () => {
    const source = built.files.find((f) => f.path === "src/api/search.ts")?.content ?? "";
    expect(source).toContain("q: string | null");
    expect(source).toMatch(/limit\?: number \| null;/);
    expect(source).toMatch(/xTag\?: string \| null;/);
  });
});
