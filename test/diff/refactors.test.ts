/**
 * Pure refactors produce no finding: the engine compares resolved shapes, never names or order.
 * Descriptions, summaries and titles are documentation: changing them reports nothing (not even
 * info), so a reviewer's report only lists what a client can observe.
 */
import { describe, expect, it } from "vitest";
import { diffDocs, doc, usedIn, type Json } from "./fixtures.ts";
import { RULE_CASES } from "./rule-cases.ts";

const str = { type: "string" };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const post = (requestSchema: unknown, responseSchema: unknown, schemas: Json = {}, more: Json = {}) =>
  doc(
    {
      "/things": {
        post: {
          operationId: "Things_Create",
          requestBody: { required: true, content: { "application/json": { schema: requestSchema } } },
          responses: { "200": { description: "ok", content: { "application/json": { schema: responseSchema } } } },
          ...more,
        },
      },
    },
    schemas,
  );
const thing = {
  type: "object",
  required: ["id"],
  properties: { id: str, tags: { type: "array", items: str }, size: { type: "integer", format: "int32", maximum: 10 } },
};

const cases: { name: string; old: Json; new: Json }[] = [
  {
    name: "a $ref and the identical inline schema (request and response)",
    old: post(thing, thing),
    new: post(ref("Thing"), ref("Thing"), { Thing: thing }),
  },
  {
    name: "moving a nested inline schema into components",
    old: post({ type: "object", properties: { inner: thing } }, str),
    new: post({ type: "object", properties: { inner: ref("Inner") } }, str, { Inner: thing }),
  },
  {
    name: "renaming a component schema with the same shape",
    old: post(ref("Thing"), ref("Thing"), { Thing: thing }),
    new: post(ref("Item"), ref("Item"), { Item: thing }),
  },
  {
    name: "reordering properties and required entries",
    old: post(thing, str),
    new: post(
      {
        type: "object",
        required: ["id"],
        properties: { size: thing.properties.size, tags: thing.properties.tags, id: str },
      },
      str,
    ),
  },
  {
    name: "reordering operations and paths",
    old: doc({
      "/a": {
        get: { responses: { "200": { description: "ok" } } },
        delete: { responses: { "204": { description: "ok" } } },
      },
      "/b": { get: { responses: { "200": { description: "ok" } } } },
    }),
    new: doc({
      "/b": { get: { responses: { "200": { description: "ok" } } } },
      "/a": {
        delete: { responses: { "204": { description: "ok" } } },
        get: { responses: { "200": { description: "ok" } } },
      },
    }),
  },
  {
    name: "reordering parameters and moving them to the path item",
    old: doc({
      "/a": {
        get: {
          parameters: [
            { name: "x", in: "query", schema: str },
            { name: "y", in: "header", required: true, schema: str },
          ],
          responses: { "200": { description: "ok" } },
        },
      },
    }),
    new: doc({
      "/a": {
        parameters: [{ name: "y", in: "header", required: true, schema: str }],
        get: { parameters: [{ name: "x", in: "query", schema: str }], responses: { "200": { description: "ok" } } },
      },
    }),
  },
  {
    name: "descriptions, summaries and titles",
    old: post(thing, str),
    new: post(
      {
        ...thing,
        description: "A thing.",
        title: "Thing",
        properties: { ...thing.properties, id: { ...str, description: "Its id." } },
      },
      { ...str, description: "x" },
      {},
      { summary: "Create", description: "Creates a thing." },
    ),
  },
  {
    name: "allOf of a base model and own properties vs the flattened object",
    old: post({ allOf: [ref("Base"), { type: "object", properties: { extra: str } }] }, str, { Base: thing }),
    new: post({ ...thing, properties: { ...thing.properties, extra: str } }, str),
  },
  {
    name: "reordering oneOf variants",
    old: usedIn("response", { oneOf: [str, { type: "integer" }, ref("Other")] }, { Other: thing }),
    new: usedIn("response", { oneOf: [ref("Other"), str, { type: "integer" }] }, { Other: thing }),
  },
  {
    name: "a header parameter's name in another case",
    old: doc({
      "/a": {
        get: {
          parameters: [{ name: "X-Request-Id", in: "header", schema: str }],
          responses: { "200": { description: "ok" } },
        },
      },
    }),
    new: doc({
      "/a": {
        get: {
          parameters: [{ name: "x-request-id", in: "header", schema: str }],
          responses: { "200": { description: "ok" } },
        },
      },
    }),
  },
  {
    name: "the api-version parameter's enum following the document's version (the client fills it in)",
    old: {
      ...doc({
        "/a": {
          get: {
            parameters: [
              { name: "api-version", in: "query", required: true, schema: { type: "string", enum: ["2023-10-01"] } },
            ],
            responses: { "200": { description: "ok" } },
          },
        },
      }),
      info: { title: "Fixture", version: "2023-10-01" },
    },
    new: {
      ...doc({
        "/a": {
          get: {
            parameters: [
              {
                name: "api-version",
                in: "query",
                required: true,
                schema: { type: "string", enum: ["2025-03-02-preview"] },
              },
            ],
            responses: { "200": { description: "ok" } },
          },
        },
      }),
      info: { title: "Fixture", version: "2025-03-02-preview" },
    },
  },
  {
    name: "OpenAPI 3.0 `nullable` vs 3.1 `type: [string, null]`",
    old: usedIn("response", { type: "object", properties: { p: { type: "string", nullable: true } } }),
    new: {
      ...usedIn("response", { type: "object", properties: { p: { type: ["string", "null"] } } }),
      openapi: "3.1.0",
    },
  },
];

describe("pure refactors report nothing", () => {
  it.each(cases)("$name", (c) => {
    expect(diffDocs(c.old, c.new).findings).toEqual([]);
    // Swapped, only a date version going backwards may show.
    expect(diffDocs(c.new, c.old).findings.filter((f) => f.ruleId !== "api-version-decreased")).toEqual([]);
  });
});

describe("recursive models", () => {
  const node = (nameSchema: Json): Json => ({
    type: "object",
    properties: { name: nameSchema, children: { type: "array", items: ref("Node") }, parent: ref("Node") },
  });
  it("compares a self-referencing model once and reports the change inside it once", () => {
    const report = diffDocs(
      usedIn("response", ref("Node"), { Node: node(str) }),
      usedIn("response", ref("Node"), { Node: node({ ...str, maxLength: 5 }) }),
    );
    expect(report.findings.map((f) => [f.ruleId, f.location])).toEqual([["response-constraint-added", "Node.name"]]);
  });
  it("terminates on mutually recursive models diffed with themselves", () => {
    const schemas = {
      A: { type: "object", properties: { b: ref("B") } },
      B: { type: "object", properties: { a: ref("A"), list: { type: "array", items: ref("B") } } },
    };
    const d = usedIn("request", ref("A"), schemas);
    expect(diffDocs(d, d).findings).toEqual([]);
  });
});

describe("a document diffed with itself reports nothing", () => {
  it.each(RULE_CASES.map((c) => [c.rule, c] as const))("%s fixtures", (_rule, c) => {
    expect(diffDocs(c.old, c.old).findings).toEqual([]);
    expect(diffDocs(c.new, c.new).findings).toEqual([]);
  });
});

describe("model findings", () => {
  it("report a change in a shared model once, with every operation that reaches it", () => {
    const op = (id: string) => ({
      operationId: id,
      responses: { "200": { description: "ok", content: { "application/json": { schema: ref("Thing") } } } },
    });
    const api = (t: Json) => doc({ "/a": { get: op("A_Get") }, "/b": { get: op("B_Get") } }, { Thing: t });
    const report = diffDocs(api(thing), api({ ...thing, properties: { ...thing.properties, extra: str } }));
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: "response-property-added",
      model: "Thing",
      location: "Thing.extra",
      operations: ["GET /a", "GET /b"],
    });
  });
});
