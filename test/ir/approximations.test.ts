/**
 * What cannot be typed exactly gets the nearest sound (wider) type and a warning; what TypeScript
 * would reject (aliases that refer to themselves immediately) is rewritten. One row per construct.
 */
import { describe, expect, it } from "vitest";
import { buildFile, buildInline, documentWith, namedType, operation, typeText, writeTemp } from "./helpers.ts";

const schemas = (s: object) => buildInline(documentWith({ schemas: s }));
const codes = (built: { diagnostics: readonly { code: string }[] }) => built.diagnostics.map((d) => d.code);

describe("type aliases that would refer to themselves", () => {
  it.each([
    {
      label: "a $ref to itself",
      schemas: { A: { $ref: "#/components/schemas/A" } },
      type: "unknown",
      warnings: ["circular-alias"],
    },
    {
      label: "allOf of itself",
      schemas: { A: { allOf: [{ $ref: "#/components/schemas/A" }] } },
      type: "unknown",
      warnings: ["circular-alias"],
    },
    {
      label: "a member of its own oneOf (dropped: exact)",
      schemas: { A: { oneOf: [{ type: "string" }, { $ref: "#/components/schemas/A" }, { type: "integer" }] } },
      type: "string | integer",
      warnings: [],
    },
    {
      label: "a member of its own anyOf, nullable",
      schemas: {
        A: {
          anyOf: [{ type: "array", items: { type: "string" } }, { $ref: "#/components/schemas/A" }],
          nullable: true,
        },
      },
      type: "string[] | null",
      warnings: [],
    },
    {
      label: "a map of itself",
      schemas: { A: { type: "object", additionalProperties: { $ref: "#/components/schemas/A" } } },
      type: "Record<string, unknown>",
      warnings: ["circular-alias"],
    },
    {
      label: "an array of itself (fine in TypeScript: kept)",
      schemas: { A: { type: "array", items: { $ref: "#/components/schemas/A" } } },
      type: "A[]",
      warnings: [],
    },
  ])("$label", ({ schemas: s, type, warnings }) => {
    const built = schemas(s);
    expect(codes(built)).toEqual(warnings);
    expect(typeText(namedType(built.ir!, "A").type)).toBe(type);
  });

  it("a cycle through two aliases is cut at the first by name", () => {
    const built = schemas({
      B: { oneOf: [{ $ref: "#/components/schemas/A" }, { type: "integer" }] },
      A: { oneOf: [{ $ref: "#/components/schemas/B" }, { type: "string" }] },
    });
    expect(codes(built)).toEqual(["circular-alias"]);
    expect(built.diagnostics[0]?.location?.pointer).toBe("/components/schemas/A");
    expect(typeText(namedType(built.ir!, "A").type)).toBe("unknown");
    expect(typeText(namedType(built.ir!, "B").type)).toBe("A | integer");
  });
});

describe("keywords TypeScript cannot express", () => {
  it.each([
    { label: "not", schema: { type: "string", not: { const: "" } }, type: "string" },
    {
      label: "if/then/else",
      schema: { type: "object", properties: { a: { type: "string" } }, if: { required: ["a"] }, then: {} },
      type: '{ "a"?: string }',
    },
    {
      label: "patternProperties alone",
      schema: { type: "object", additionalProperties: false, patternProperties: { "^x-": { type: "string" } } },
      type: "Record<string, string>",
    },
    {
      label: "patternProperties beside properties",
      schema: {
        type: "object",
        properties: { a: { type: "integer" } },
        patternProperties: { "^x-": { type: "string" } },
      },
      type: '{ "a"?: integer; [key: string]: string }',
    },
    {
      label: "a 3.1 tuple",
      schema: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
      type: "(string | integer)[]",
    },
    {
      label: "a draft-4 tuple",
      schema: { type: "array", items: [{ type: "string" }], additionalItems: false },
      type: "string[]",
    },
    { label: "an open tuple", schema: { type: "array", prefixItems: [{ type: "string" }] }, type: "unknown[]" },
  ])("$label: unsupported-keyword, a wider type", ({ schema, type }) => {
    const built = schemas({ A: schema });
    expect(codes(built)).toEqual(["unsupported-keyword"]);
    expect(typeText(namedType(built.ir!, "A").type)).toBe(type);
  });

  it.each([
    { label: "an object enum value", schema: { enum: ["a", { b: 1 }] }, type: '"a" | unknown' },
    { label: "an array const", schema: { const: [1, 2] }, type: "unknown" },
  ])("$label: unsupported-value", ({ schema, type }) => {
    const built = schemas({ A: schema });
    expect(codes(built)).toEqual(["unsupported-value"]);
    expect(typeText(namedType(built.ir!, "A").type)).toBe(type);
  });

  it("schemas nested past the limit are unknown, reported once, without exhausting the stack", () => {
    // Written as text: JSON.stringify itself would run out of stack on this.
    const depth = 5000;
    const deep = `${'{"type":"array","items":'.repeat(depth)}{"type":"string"}${"}".repeat(depth)}`;
    const text = `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{},"components":{"schemas":{"A":${deep}}}}`;
    const built = buildFile(writeTemp(text));
    expect(codes(built)).toEqual(["schema-too-deep"]);
  });
});

describe("request and parameter shapes", () => {
  const op = (operationObject: object) =>
    documentWith({
      paths: {
        "/x": { post: { operationId: "x", responses: { "204": { description: "none" } }, ...operationObject } },
      },
    });

  it("a form body that is not an object schema: a map of any fields, with a warning", () => {
    const built = buildInline(
      op({ requestBody: { content: { "application/x-www-form-urlencoded": { schema: { type: "string" } } } } }),
    );
    expect(codes(built)).toEqual(["invalid-schema"]);
    expect(typeText(operation(built.ir!, "x").body!.type)).toBe("Record<string, unknown>");
  });

  it("an `api-version` query parameter that is not a string is the caller's to give", () => {
    const built = buildInline(
      op({ parameters: [{ name: "api-version", in: "query", schema: { type: "array", items: { type: "string" } } }] }),
    );
    expect(operation(built.ir!, "x").parameters[0]?.clientValue).toBeUndefined();
  });

  it("Swagger 2 `in: body` becomes the request body, in the media type `consumes` names", () => {
    const built = buildInline({
      ...op({
        consumes: ["application/merge-patch+json"],
        parameters: [
          {
            name: "patch",
            in: "body",
            required: true,
            schema: { type: "object", properties: { a: { type: "string" } } },
          },
        ],
      }),
    });
    expect(codes(built)).toEqual(["swagger2-leftover"]);
    const body = operation(built.ir!, "x").body;
    expect([body?.mediaType, body?.required, typeText(body!.type)]).toEqual([
      "application/merge-patch+json",
      true,
      '{ "a"?: string }',
    ]);
  });

  it("`#/definitions/X` (Swagger 2) is a named type, like a component schema", () => {
    const built = buildInline({
      ...documentWith({
        paths: {
          "/p": {
            get: {
              operationId: "p",
              responses: {
                "200": {
                  description: "ok",
                  content: { "application/json": { schema: { $ref: "#/definitions/Pet" } } },
                },
              },
            },
          },
        },
      }),
      definitions: { Pet: { type: "object", properties: { name: { type: "string" } } } },
    });
    expect(codes(built)).toEqual([]);
    expect(typeText(operation(built.ir!, "p").responses[0]!.type!)).toBe("Pet");
  });
});

describe("diagnostics in JSON documents", () => {
  it("carry line and column from the JSON text", () => {
    const built = buildInline(documentWith({ schemas: { A: { type: "strin" } } }));
    expect(built.diagnostics[0]?.location).toMatchObject({ pointer: "/components/schemas/A/type", line: 1 });
    expect(built.diagnostics[0]?.location?.column).toBeGreaterThan(50);
  });
});
