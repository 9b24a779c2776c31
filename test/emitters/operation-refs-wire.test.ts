/**
 * Operations reached through `$ref`ed path items and operation objects (operation-refs.yaml, split
 * across files) on the wire: the generated functions send their path and query parameters and
 * parse their responses (dates included). Generated, type-checked, then run against a fake `fetch`.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";
import { fakeFetchClient, jsonAnswer } from "./fake-fetch-client.ts";

const built = buildPackage({ file: join(repoRoot, "test/fixtures/openapi/operation-refs.yaml"), packageName: "keys" });
let compiled: CompiledPackages;

beforeAll(async () => {
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ keys: library }, "operation-refs");
}, 60_000);
afterAll(async () => {
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

const client = (answer: () => Response) => fakeFetchClient(compiled.root, "keys", answer);
const key = { id: "k/1", name: "deploy", createdAt: "2024-05-06T07:08:09Z" };

describe("operations behind `$ref`s", () => {
  it("generate code that type-checks, with no diagnostics", () => {
    expect(built.diagnostics).toEqual([]);
    expect(compiled.diagnostics).toBe("");
  });

  it("send their path parameters (from the referenced path item) and parse the response", async () => {
    const { api, context, sent } = await client(jsonAnswer(key));
    const got = (await api["getKey"]!(context, "k/1")) as typeof key;
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([["GET", "https://keys.example.com/v2/keys/k%2F1", ""]]);
    expect(got).toEqual({ ...key, createdAt: new Date(key.createdAt) });

    const rotated = await client(jsonAnswer(key));
    await rotated.api["rotateKey"]!(rotated.context, "k/1", 3);
    expect(rotated.sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      "PUT https://keys.example.com/v2/keys/k%2F1/rotations/3",
    ]);
  });

  it("send their query parameters and body, and parse a list of referenced models", async () => {
    const { api, context, sent } = await client(jsonAnswer({ keys: [key] }));
    const list = (await api["listKeys"]!(context, { perPage: 5 })) as { keys: { createdAt: unknown }[] };
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(["GET https://keys.example.com/v2/keys?per_page=5"]);
    expect(list.keys[0]?.createdAt).toEqual(new Date(key.createdAt));

    const created = await client(jsonAnswer(key, 201));
    await created.api["createKey"]!(created.context, { name: "deploy" });
    expect(created.sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ["POST", "https://keys.example.com/v2/keys", '{"name":"deploy"}'],
    ]);
  });
});
