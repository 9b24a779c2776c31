/**
 * Inheritance-style discriminators on the wire: a value typed as the base may be any subtype, so
 * dates inside a subtype are converted by the subtype's converter, chosen by the discriminator value
 * (response bodies, nested properties, arrays, request bodies). Generated from an OpenAPI document,
 * type-checked, then run against a fake `fetch`.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";

const document = {
  openapi: "3.0.3",
  info: { title: "Zoo", version: "1.0.0" },
  servers: [{ url: "https://zoo.example" }],
  paths: {
    "/animal": {
      get: {
        operationId: "getAnimal",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Animal" } } },
          },
        },
      },
      post: {
        operationId: "addAnimal",
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Animal" } } },
        },
        responses: { "204": { description: "added" } },
      },
    },
    "/zoo": {
      get: {
        operationId: "getZoo",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Zoo" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Animal: {
        type: "object",
        required: ["kind"],
        properties: { kind: { type: "string" } },
        discriminator: { propertyName: "kind", mapping: { bird: "#/components/schemas/Bird" } },
      },
      Bird: {
        allOf: [
          { $ref: "#/components/schemas/Animal" },
          { type: "object", properties: { hatchedAt: { type: "string", format: "date-time" } } },
        ],
      },
      Fish: {
        allOf: [{ $ref: "#/components/schemas/Animal" }, { type: "object", properties: { fins: { type: "integer" } } }],
      },
      Zoo: {
        type: "object",
        required: ["star", "residents"],
        properties: {
          star: { $ref: "#/components/schemas/Animal" },
          residents: { type: "array", items: { $ref: "#/components/schemas/Animal" } },
        },
      },
    },
  },
};

const built = buildPackage({ file: "zoo.json", text: JSON.stringify(document), packageName: "zoo" });
const source = (path: string): string => built.files.find((f) => f.path === path)?.content ?? "";
let compiled: CompiledPackages;

beforeAll(async () => {
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ zoo: library }, "polymorphic");
}, 60_000);
afterAll(async () => {
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
async function api(answer: () => Response, sent: string[] = []): Promise<{ api: Api; context: unknown }> {
  const module = (await import(pathToFileURL(join(compiled.root, "dist", "zoo", "src", "index.js")).href)) as Record<
    string,
    unknown
  >;
  const fetch = async (_url: unknown, init: RequestInit = {}) => {
    sent.push(typeof init.body === "string" ? init.body : "");
    return answer();
  };
  const create = Object.entries(module).find(([name]) => /^create\w*Context$/.test(name))?.[1] as (
    options: object,
  ) => unknown;
  return { api: module as unknown as Api, context: create({ fetch, retry: { maxRetries: 0 } }) };
}
const json = (value: unknown) => () =>
  new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });

describe("a value typed as a discriminator's base", () => {
  it("generates code that type-checks, and dispatches on the value", () => {
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.diagnostics).toBe("");
    expect(source("src/api/animal.ts")).toContain('json?.kind === "bird" ? deserializeBird(json as Json<Bird>) : json');
    expect(source("src/serialization.ts")).toContain(
      'star?.kind === "bird" ? deserializeBird(star as Json<Bird>, `${at}.star`) : star',
    );
  });

  it("deserializes a subtype's dates in a response body typed as the base; other subtypes pass through", async () => {
    const bird = await api(json({ kind: "bird", hatchedAt: "2024-05-06T07:08:09Z" }));
    const got = (await bird.api["getAnimal"]!(bird.context)) as { kind: string; hatchedAt: unknown };
    expect(got.hatchedAt).toEqual(new Date("2024-05-06T07:08:09Z"));
    const fish = await api(json({ kind: "Fish", fins: 4 }));
    expect(await fish.api["getAnimal"]!(fish.context)).toEqual({ kind: "Fish", fins: 4 });
  });

  it("converts nested and array values of the base too", async () => {
    const zoo = await api(
      json({
        star: { kind: "bird", hatchedAt: "2020-01-01T00:00:00Z" },
        residents: [{ kind: "Fish" }, { kind: "bird", hatchedAt: "2021-02-03T04:05:06Z" }],
      }),
    );
    const got = (await zoo.api["getZoo"]!(zoo.context)) as {
      star: { hatchedAt: unknown };
      residents: { hatchedAt?: unknown }[];
    };
    expect(got.star.hatchedAt).toBeInstanceOf(Date);
    expect(got.residents.map((r) => r.hatchedAt)).toEqual([undefined, new Date("2021-02-03T04:05:06Z")]);
  });

  it("serializes a subtype's dates in a request body typed as the base", async () => {
    const sent: string[] = [];
    const client = await api(() => new Response(null, { status: 204 }), sent);
    await client.api["addAnimal"]!(client.context, { kind: "bird", hatchedAt: new Date("2024-05-06T07:08:09Z") });
    expect(JSON.parse(sent[0] ?? "")).toEqual({ kind: "bird", hatchedAt: "2024-05-06T07:08:09.000Z" });
  });
});
