/**
 * Parameter serialisation on the wire, for every style and explode OpenAPI 3 defines
 * (parameter-styles.yaml has one operation per location, style, explode and value shape):
 *
 * 1. an encoder written here from the spec's text is checked against the literal strings of the
 *    "Style Examples" table (OpenAPI 3.1.1 / 3.0.4, which corrected 3.0.3's `label` row);
 * 2. every generated operation sends exactly what that encoder says, for the table's values and
 *    for values the table has no row for: empty arrays, `null` items (left out: they have no
 *    text), characters that need percent-encoding, and `string | string[]` unions (sent per the
 *    value's shape at run time: `a=1&a=2`, not `a=1%2C2`);
 * 3. a subset goes to a real server on 127.0.0.1, which must receive those exact bytes.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { RecordingServer } from "../packages/support/recording-server.ts";
import { repoRoot } from "../support/paths.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";

type Value = string | readonly (string | null)[] | Readonly<Record<string, number | string>>;
type Style = "matrix" | "label" | "simple" | "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

// ---- 1. The independent encoder, from the spec's description of each style ----

const pct = (text: string | number): string => encodeURIComponent(String(text));

const isRecord = (value: Value): value is Readonly<Record<string, number | string>> =>
  typeof value === "object" && !Array.isArray(value);

/** `value` of parameter `name` serialised per `style`/`explode`: a path segment, a header value or a query string. */
function serialize(style: Style, explode: boolean, name: string, value: Value): string {
  const items = Array.isArray(value) ? value.filter((item): item is string => item !== null).map(pct) : undefined;
  const pairs = isRecord(value) ? Object.entries(value).map(([k, v]) => [pct(k), pct(v)] as const) : undefined;
  const scalar = typeof value === "string" ? pct(value) : "";
  const flat = items ?? pairs?.flat() ?? [scalar];
  const assigned = pairs?.map(([k, v]) => `${k}=${v}`);
  switch (style) {
    case "simple":
      return explode && assigned ? assigned.join(",") : flat.join(",");
    case "label":
      return `.${explode ? (assigned ?? flat).join(".") : flat.join(",")}`;
    case "matrix":
      if (!explode) return `;${name}=${flat.join(",")}`;
      return assigned ? assigned.map((pair) => `;${pair}`).join("") : flat.map((item) => `;${name}=${item}`).join("");
    case "form":
      if (!explode) return `${name}=${flat.join(",")}`;
      return (assigned ?? flat.map((item) => `${name}=${item}`)).join("&");
    case "spaceDelimited":
      return `${name}=${flat.join("%20")}`;
    case "pipeDelimited":
      return `${name}=${flat.join("%7C")}`;
    case "deepObject":
      return (pairs ?? []).map(([k, v]) => `${pct(`${name}[`)}${k}${pct("]")}=${v}`).join("&");
  }
}

const blue = "blue";
const colours = ["blue", "black", "brown"] as const;
const rgb = { R: 100, G: 200, B: 150 } as const;

/** The Style Examples table, literally: style, explode, then the `string`, `array` and `object` columns (n/a: absent). */
const table: readonly [Style, boolean, string | undefined, string, string | undefined][] = [
  ["matrix", false, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"],
  ["matrix", true, ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"],
  ["label", false, ".blue", ".blue,black,brown", ".R,100,G,200,B,150"],
  ["label", true, ".blue", ".blue.black.brown", ".R=100.G=200.B=150"],
  ["simple", false, "blue", "blue,black,brown", "R,100,G,200,B,150"],
  ["simple", true, "blue", "blue,black,brown", "R=100,G=200,B=150"],
  ["form", false, "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"],
  ["form", true, "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"],
  ["spaceDelimited", false, undefined, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"],
  ["pipeDelimited", false, undefined, "color=blue%7Cblack%7Cbrown", "color=R%7C100%7CG%7C200%7CB%7C150"],
];
const deepObjectRow = "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150";

describe("the test's own encoder", () => {
  it("reproduces the Style Examples table", () => {
    for (const [style, explode, string, array, object] of table) {
      if (string !== undefined)
        expect(serialize(style, explode, "color", blue), `${style} ${explode} string`).toBe(string);
      expect(serialize(style, explode, "color", colours), `${style} ${explode} array`).toBe(array);
      expect(serialize(style, explode, "color", rgb), `${style} ${explode} object`).toBe(object);
    }
    expect(serialize("deepObject", true, "color", rgb)).toBe(deepObjectRow);
  });
});

// ---- 2. The generated client ----

const built = buildPackage({
  file: join(repoRoot, "test/fixtures/openapi/parameter-styles.yaml"),
  packageName: "styles",
});
let compiled: CompiledPackages;
let module: Record<string, unknown>;
let server: RecordingServer;

beforeAll(async () => {
  compiled = await compilePackages(
    { styles: built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/")) },
    "styles",
  );
  module = (await import(pathToFileURL(join(compiled.root, "dist", "styles", "src", "index.js")).href)) as Record<
    string,
    unknown
  >;
  server = await RecordingServer.start();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

interface Sent {
  readonly url: URL;
  readonly headers: Headers;
}

/** Calls operation `name` with `value` through a fake fetch; returns what it would send. */
async function send(name: string, value: unknown): Promise<Sent> {
  let sent: Sent | undefined;
  const fetch = async (url: unknown, init: RequestInit = {}) => {
    sent = { url: new URL(String(url)), headers: new Headers(init.headers) };
    return new Response(null, { status: 204 });
  };
  const create = module["createParameterStylesClientContext"] as (options: object) => unknown;
  const operation = module[name] as (context: unknown, value: unknown) => Promise<void>;
  await operation(create({ fetch, retry: { maxRetries: 0 } }), value);
  return sent!;
}

const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const shapes = { string: blue, array: colours, object: rgb } as const;
const queryStyles: readonly Style[] = ["form", "spaceDelimited", "pipeDelimited", "deepObject"];
/** Values the table has no column for: text that needs percent-encoding, one item. */
const extraArrays: readonly (readonly string[])[] = [["a b", "c/d", "e|f", "ü&="], ["one"]];

/** Every operation of the fixture with the values it is called with. */
type Location = "query" | "path" | "header";

function cases(): { id: string; location: Location; style: Style; explode: boolean; value: Value }[] {
  const all: ReturnType<typeof cases> = [];
  for (const [style, explode] of table.map(([s, e]) => [s, e] as const).concat([["deepObject", true]])) {
    const location: Location = queryStyles.includes(style) ? "query" : "path";
    for (const [shape, value] of Object.entries(shapes)) {
      if ((style === "spaceDelimited" || style === "pipeDelimited") && shape === "string") continue;
      if (style === "deepObject" && shape !== "object") continue;
      const id = `${location}-${style}-${explode ? "explode" : "flat"}-${shape}`;
      all.push({ id, location, style, explode, value });
      if (shape === "array") for (const extra of extraArrays) all.push({ id, location, style, explode, value: extra });
      if (style === "simple")
        all.push({
          id: `header-simple-${explode ? "explode" : "flat"}-${shape}`,
          location: "header",
          style,
          explode,
          value,
        });
    }
  }
  return all;
}

/** What `send` captured, in the form `serialize` writes: the query, the last path segment, or the header. */
function written(sent: Sent, location: Location, headerName = "x-color"): string {
  if (location === "query") return sent.url.search.slice(1);
  if (location === "header") return sent.headers.get(headerName) ?? "<absent>";
  return sent.url.pathname.slice(sent.url.pathname.lastIndexOf("/") + 1);
}

describe("generated operations", () => {
  it("compile without diagnostics", () => {
    expect(built.diagnostics).toEqual([]);
    expect(compiled.diagnostics).toBe("");
  });

  it("send every style, explode and shape as the spec's encoder does", async () => {
    const mismatches: string[] = [];
    for (const { id, location, style, explode, value } of cases()) {
      // Headers carry no percent-encoding: they are sent as the text itself.
      const expected =
        location === "header"
          ? decodeURIComponent(serialize(style, explode, "x-color", value))
          : serialize(style, explode, "color", value);
      const got = written(await send(camel(id), value), location);
      if (got !== expected) mismatches.push(`${id} ${JSON.stringify(value)}: sent ${got}, expected ${expected}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("send a string-or-array union per the value's shape at run time", async () => {
    expect(written(await send("queryUnion", ["1", "2"]), "query")).toBe(serialize("form", true, "a", ["1", "2"]));
    expect(written(await send("queryUnion", ["1", "2"]), "query")).toBe("a=1&a=2");
    expect(written(await send("queryUnion", "1"), "query")).toBe("a=1");
    expect(written(await send("queryUnionFlat", ["1", "2"]), "query")).toBe("a=1,2");
    expect(written(await send("pathUnionLabel", ["x", "y z"]), "path")).toBe(
      serialize("label", true, "a", ["x", "y z"]),
    );
    expect(written(await send("pathUnionLabel", "x"), "path")).toBe(".x");
    expect(written(await send("headerUnion", ["1", "2"]), "header", "x-a")).toBe("1,2");
    expect(written(await send("headerUnion", "1"), "header", "x-a")).toBe("1");
    expect(written(await send("queryUnionArrays", [1, 2]), "query")).toBe("a=1&a=2");
    expect(written(await send("queryUnionArrays", "x y"), "query")).toBe("a=x%20y");
  });

  it("send an empty array as the empty value, or not at all where each item would repeat the key", async () => {
    const sent = async (id: string, location: Location) => written(await send(camel(id), []), location);
    expect(await sent("query-form-flat-array", "query")).toBe("color=");
    expect(await sent("query-pipeDelimited-flat-array", "query")).toBe("color=");
    expect(await sent("query-form-explode-array", "query")).toBe("");
    expect(await sent("path-simple-flat-array", "path")).toBe("");
    expect(await sent("path-matrix-flat-array", "path")).toBe(";color=");
    expect(await sent("header-simple-flat-array", "header")).toBe("");
  });

  it("never send the text null for a null item", async () => {
    const value = [null, "blue", null];
    expect(written(await send("queryNullableItems", value), "query")).toBe("a=blue");
    expect(written(await send("queryNullableItemsPipe", value), "query")).toBe("a=blue");
    expect(written(await send("pathNullableItems", value), "path")).toBe("blue");
    expect(written(await send("headerNullableItems", value), "header", "x-a")).toBe("blue");
    expect(written(await send("queryNullableMixedItems", [null, 1, "b"]), "query")).toBe("a=1&a=b");
  });

  it("send a JSON `content` query parameter as JSON text", async () => {
    expect(
      new URL(`https://x/?${written(await send("queryJsonContent", rgb), "query")}`).searchParams.get("where"),
    ).toBe(JSON.stringify(rgb));
  });
});

// ---- 3. On the wire ----

describe("a server on 127.0.0.1", () => {
  it("receives exactly those bytes", async () => {
    server.answer(() => ({ status: 204 }));
    const create = module["createParameterStylesClientContext"] as (options: object) => unknown;
    const context = create({ endpoint: server.origin, retry: { maxRetries: 0 } });
    const call = (name: string, value: unknown) =>
      (module[name] as (c: unknown, v: unknown) => Promise<void>)(context, value);
    await call("queryUnion", ["1", "2"]);
    await call("querySpaceDelimitedFlatArray", ["a b", "c"]);
    await call("queryPipeDelimitedFlatArray", colours);
    await call("queryDeepObjectExplodeObject", rgb);
    await call("queryFormFlatObject", rgb);
    await call("pathMatrixExplodeArray", colours);
    await call("pathLabelFlatObject", rgb);
    await call("queryNullableItems", ["x", null]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/union/query?a=1&a=2",
      "/query/spaceDelimited/false/array?color=a%20b%20c",
      "/query/pipeDelimited/false/array?color=blue%7Cblack%7Cbrown",
      `/query/deepObject/true/object?${deepObjectRow}`,
      "/query/form/false/object?color=R,100,G,200,B,150",
      "/path/matrix/true/array/;color=blue;color=black;color=brown",
      "/path/label/false/object/.R,100,G,200,B,150",
      "/nullable/query?a=x",
    ]);
  });
});
