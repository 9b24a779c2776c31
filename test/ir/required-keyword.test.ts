/**
 * A `required` keyword written as a string is read the one way it can mean, with a `string-required`
 * warning at the keyword (file, line and pointer): `"true"`/`"false"` on a parameter, request body,
 * response header or Swagger 2 body parameter as the boolean, a string on a schema as a one-name list.
 */
import { describe, expect, it } from "vitest";
import { buildInline, documentWith, operation, properties, typeNamed } from "./helpers.ts";

const document = documentWith({
  paths: {
    "/things": {
      post: {
        operationId: "createThing",
        parameters: [
          { name: "tag", in: "query", required: "true", schema: { type: "string" } },
          { name: "page", in: "query", required: "False", schema: { type: "integer" } },
          { name: "trace", in: "header", required: "yes", schema: { type: "string" } },
          { name: "limit", in: "query", required: true, schema: { type: "integer" } },
        ],
        requestBody: {
          required: "true",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
        },
        responses: {
          "200": {
            description: "ok",
            headers: { "x-request-id": { required: "true", schema: { type: "string" } } },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
        },
      },
    },
  },
  schemas: {
    Thing: { type: "object", required: "name", properties: { name: { type: "string" }, size: { type: "integer" } } },
  },
});

describe("a string `required`", () => {
  const { ir, diagnostics } = buildInline(document);
  const op = operation(ir!, "createThing");
  const parameter = (name: string) => op.parameters.find((p) => p.name === name)!;

  it('reads "true"/"false" on a parameter as the boolean, any other string as not required', () => {
    expect(parameter("tag").required).toBe(true);
    expect(parameter("page").required).toBe(false);
    expect(parameter("trace").required).toBe(false);
    expect(parameter("limit").required).toBe(true);
  });

  it("reads it on a request body and a response header", () => {
    expect(op.body?.required).toBe(true);
    expect(op.responses[0]!.headers.find((h) => h.name === "x-request-id")?.required).toBe(true);
  });

  it("reads a string on a schema as a one-name list", () => {
    expect(properties(typeNamed(ir!, "Thing").type).map((p) => `${p.name} ${p.required}`)).toEqual([
      "name true",
      "size false",
    ]);
  });

  it("warns once per keyword, naming the file, line and pointer and how it was read", () => {
    const found = diagnostics.filter((d) => d.code === "string-required");
    expect(found.map((d) => [d.severity, d.location?.pointer, d.message])).toEqual([
      [
        "warning",
        "/paths/~1things/post/parameters/0/required",
        '`required` is the string "true", not a boolean; read as true',
      ],
      [
        "warning",
        "/paths/~1things/post/parameters/1/required",
        '`required` is the string "False", not a boolean; read as false',
      ],
      [
        "warning",
        "/paths/~1things/post/parameters/2/required",
        '`required` is the string "yes", not a boolean; ignored (not required)',
      ],
      [
        "warning",
        "/paths/~1things/post/requestBody/required",
        '`required` is the string "true", not a boolean; read as true',
      ],
      [
        "warning",
        "/paths/~1things/post/responses/200/headers/x-request-id/required",
        '`required` is the string "true", not a boolean; read as true',
      ],
      [
        "warning",
        "/components/schemas/Thing/required",
        '`required` is the string "name", not a list of property names; read as ["name"]',
      ],
    ]);
    for (const d of found) {
      expect(d.location?.file).toMatch(/\.json$/);
      expect(d.location?.line).toBeGreaterThan(0);
    }
    expect(diagnostics.filter((d) => d.code !== "string-required")).toEqual([]);
  });
});

it('reads "true" on a Swagger 2 `in: body` parameter as a required body', () => {
  const { ir, diagnostics } = buildInline(
    documentWith({
      paths: {
        "/legacy": {
          post: {
            operationId: "postLegacy",
            parameters: [{ name: "payload", in: "body", required: "true", schema: { type: "object" } }],
            responses: { "204": { description: "ok" } },
          },
        },
      },
    }),
  );
  expect(operation(ir!, "postLegacy").body?.required).toBe(true);
  expect(diagnostics.map((d) => `${d.code} ${d.location?.pointer}`)).toContain(
    "string-required /paths/~1legacy/post/parameters/0/required",
  );
});

describe("a boolean or list `required`", () => {
  it("is read silently", () => {
    const { diagnostics } = buildInline(
      documentWith({
        paths: {
          "/x": {
            get: {
              parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
              responses: { "204": { description: "ok" } },
            },
          },
        },
        schemas: { A: { type: "object", required: ["a"], properties: { a: { type: "string" } } } },
      }),
    );
    expect(diagnostics).toEqual([]);
  });
});
