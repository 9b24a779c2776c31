/**
 * A property, query parameter and header named `__proto__` (issue 15, item 11). In an object literal
 * `{ __proto__: x }` sets the prototype instead of a property, and reading `value.__proto__` gives the
 * prototype when the property is absent: the value was silently dropped (query, header) or became the
 * prototype (a converted date). Generated from an OpenAPI document, type-checked, then run against a
 * fake `fetch`: the values go over the wire as they are, and no object's prototype changes.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";

const PROTO = "__proto__";
const dateTime = { type: "string", format: "date-time" };
const document = {
  openapi: "3.0.3",
  info: { title: "Proto", version: "1.0.0" },
  servers: [{ url: "https://proto.example" }],
  paths: {
    "/things": {
      post: {
        operationId: "putThing",
        parameters: [
          { name: PROTO, in: "query", required: true, schema: { type: "string" } },
          { name: PROTO, in: "header", schema: { type: "string" } },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
        },
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        properties: {
          [PROTO]: dateTime,
          name: { type: "string" },
          plain: { $ref: "#/components/schemas/Plain" },
          bag: { $ref: "#/components/schemas/Bag" },
          inline: { type: "object", properties: { [PROTO]: dateTime, at: dateTime } },
        },
      },
      // Needs no conversion of its own: copied as it is.
      Plain: { type: "object", properties: { [PROTO]: { type: "string" }, at: dateTime } },
      // Extra keys convert one way and the declared `__proto__` another.
      Bag: { type: "object", properties: { [PROTO]: { type: "string" } }, additionalProperties: dateTime },
    },
  },
};

const built = buildPackage({ file: "proto.json", text: JSON.stringify(document), packageName: "proto" });
let compiled: CompiledPackages;

beforeAll(async () => {
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ proto: library }, "proto-property");
}, 60_000);
afterAll(async () => {
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

interface Sent {
  url: string;
  headers: Headers;
  body: string;
}
type PutThing = (context: unknown, proto: string, body: object, options?: object) => Promise<Record<string, unknown>>;

async function client(answer: object, sent: Sent[]): Promise<{ putThing: PutThing; context: unknown }> {
  const module = (await import(pathToFileURL(join(compiled.root, "dist", "proto", "src", "index.js")).href)) as Record<
    string,
    unknown
  >;
  const fetch = async (url: string | URL, init: RequestInit = {}) => {
    sent.push({
      url: String(url),
      headers: new Headers(init.headers),
      body: typeof init.body === "string" ? init.body : "",
    });
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  };
  const create = Object.entries(module).find(([name]) => /^create\w*Context$/.test(name))?.[1] as (
    options: object,
  ) => unknown;
  return { putThing: module["putThing"] as PutThing, context: create({ fetch, retry: { maxRetries: 0 } }) };
}

/** An own `__proto__` property, as JSON.parse makes one. */
const withProto = (value: unknown, rest: object = {}): Record<string, unknown> => ({
  ...JSON.parse(JSON.stringify({ [PROTO]: null })),
  ...rest,
  ...defineProto(value),
});
function defineProto(value: unknown): object {
  const target = {};
  Object.defineProperty(target, PROTO, { value, enumerable: true, writable: true, configurable: true });
  return target;
}
const own = (value: object) => Object.getOwnPropertyDescriptor(value, PROTO)?.value as unknown;

describe("a property, query parameter and header named __proto__", () => {
  it("generates code that type-checks", () => {
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(compiled.diagnostics).toBe("");
  });

  it("are sent as they are: query, header and JSON body, dates converted", async () => {
    const sent: Sent[] = [];
    const api = await client({}, sent);
    const body = withProto(new Date("2024-05-06T07:08:09Z"), {
      name: "n",
      plain: withProto("kept", { at: new Date("2020-01-01T00:00:00Z") }),
      bag: withProto("declared", { extra: new Date("2021-01-01T00:00:00Z") }),
      inline: withProto(new Date("2022-01-01T00:00:00Z")),
    });
    await api.putThing(api.context, "query-value", body, { proto2: "header-value" });
    const [request] = sent;
    expect(new URL(request!.url).searchParams.get(PROTO)).toBe("query-value");
    expect(request!.headers.get(PROTO)).toBe("header-value");
    const json = JSON.parse(request!.body) as Record<string, Record<string, unknown>>;
    expect(own(json)).toBe("2024-05-06T07:08:09.000Z");
    expect(own(json["plain"]!)).toBe("kept");
    expect(json["plain"]!["at"]).toBe("2020-01-01T00:00:00.000Z");
    expect(own(json["bag"]!)).toBe("declared");
    expect(json["bag"]!["extra"]).toBe("2021-01-01T00:00:00.000Z");
    expect(own(json["inline"]!)).toBe("2022-01-01T00:00:00.000Z");
  });

  it("are received as own properties, converted, and no prototype changes", async () => {
    const answer = JSON.parse(
      JSON.stringify({
        [PROTO]: "2024-05-06T07:08:09Z",
        name: "n",
        plain: { [PROTO]: "kept" },
        bag: { [PROTO]: "declared", extra: "2021-01-01T00:00:00Z" },
        inline: { [PROTO]: "2022-01-01T00:00:00Z" },
      }),
    ) as object;
    const api = await client(answer, []);
    const got = await api.putThing(api.context, "q", {});
    for (const value of [got, got["plain"], got["bag"], got["inline"]] as object[])
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(own(got)).toEqual(new Date("2024-05-06T07:08:09Z"));
    expect(own(got["plain"] as object)).toBe("kept");
    expect(own(got["bag"] as object)).toBe("declared");
    expect((got["bag"] as Record<string, unknown>)["extra"]).toEqual(new Date("2021-01-01T00:00:00Z"));
    expect(own(got["inline"] as object)).toEqual(new Date("2022-01-01T00:00:00Z"));
  });

  it("stay absent when absent: the prototype is never read as the property", async () => {
    const sent: Sent[] = [];
    const api = await client({ name: "n", bag: { extra: "2021-01-01T00:00:00Z" }, inline: {} }, sent);
    const got = await api.putThing(api.context, "q", { name: "n", bag: {}, inline: {} });
    expect(JSON.parse(sent[0]!.body)).toEqual({ name: "n", bag: {}, inline: {} });
    expect(Object.hasOwn(got, PROTO)).toBe(false);
    expect(Object.hasOwn(got["bag"] as object, PROTO)).toBe(false);
    expect(Object.hasOwn(got["inline"] as object, PROTO)).toBe(false);
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
  });
});
