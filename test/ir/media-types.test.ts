/**
 * Every media type a `content` map declares reaches the IR (media-types.yaml): response contents in
 * order of preference (JSON, text, events, bytes), bytes wherever the schema says bytes (the `*`/`*`
 * wildcard included), event streams as their own encoding, request bodies in each media type they
 * accept; and a request media type that cannot be encoded is left out with a warning.
 */
import { describe, expect, it } from "vitest";
import { operationShape } from "../../generator/plan/operation-shape.ts";
import { mediaEncoding } from "../../generator/ir/media-types.ts";
import { buildInline, documentWith, fixtureIr, operation, typeText } from "./helpers.ts";

describe("media-types.yaml", () => {
  const ir = fixtureIr("media-types.yaml");
  const contents = (id: string) => {
    const response = operation(ir, id).responses[0]!;
    return [response, ...(response.alternatives ?? [])].map((c) => `${c.mediaType} ${c.encoding} ${typeText(c.type!)}`);
  };

  it("keeps every response media type, the preferred one first", () => {
    expect(contents("getThumbnail")).toEqual(["image/jpeg binary binary", "image/png binary binary"]);
    expect(contents("getRecording")).toEqual(["audio/mpeg binary binary", "video/mp4 binary binary"]);
    expect(contents("getReport")).toEqual([
      "application/json json Report",
      "text/csv text string",
      "application/pdf binary binary",
    ]);
    expect(contents("createCompletion")).toEqual([
      "application/json json Completion",
      "text/event-stream event-stream string",
    ]);
    expect(contents("streamEvents")).toEqual(["text/event-stream event-stream string"]);
  });

  it("reads a binary schema as bytes whatever the media type, the any-type wildcard included", () => {
    expect(contents("exportData")).toEqual(["*/* binary binary"]);
    expect(contents("downloadArchive")).toEqual(["application/zip binary binary"]);
  });

  it("keeps every request media type, the preferred one first", () => {
    const body = (id: string) => {
      const found = operation(ir, id).body!;
      return [found, ...(found.alternatives ?? [])].map((c) => `${c.mediaType} ${c.encoding} ${typeText(c.type)}`);
    };
    expect(body("createPet")).toEqual([
      "application/json json Pet",
      "application/x-www-form-urlencoded form Pet",
      "multipart/form-data multipart PetUpload",
    ]);
    expect(body("setPetPhoto")).toEqual(["image/jpeg binary binary", "image/png binary binary"]);
  });

  it("marks the types of every media type as input or output", () => {
    const usage = Object.fromEntries(ir.types.map((t) => [t.name, t.usage]));
    expect(usage["PetUpload"]).toEqual({ input: true, output: false });
    expect(usage["Report"]).toEqual({ input: false, output: true });
  });
});

describe("a request media type that cannot be encoded", () => {
  const document = documentWith({
    paths: {
      "/things": {
        post: {
          operationId: "createThing",
          requestBody: {
            content: {
              "application/xml": { schema: { $ref: "#/components/schemas/Thing" } },
              "application/json": { schema: { $ref: "#/components/schemas/Thing" } },
              "application/octet-stream": { schema: { type: "string", format: "binary" } },
            },
          },
          responses: { "204": { description: "ok" } },
        },
      },
      "/xml-only": {
        post: {
          operationId: "sendXml",
          requestBody: { content: { "application/xml": { schema: { $ref: "#/components/schemas/Thing" } } } },
          responses: { "204": { description: "ok" } },
        },
      },
    },
    schemas: { Thing: { type: "object", properties: { name: { type: "string" } } } },
  });

  it("is left out with an unsupported-media-type warning; the others are offered", () => {
    const { ir, diagnostics } = buildInline(document);
    const body = operation(ir!, "createThing").body!;
    expect([body, ...(body.alternatives ?? [])].map((c) => c.mediaType)).toEqual([
      "application/json",
      "application/octet-stream",
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.location?.pointer])).toEqual([
      ["unsupported-media-type", "warning", "/paths/~1things/post/requestBody/content/application~1xml"],
    ]);
    expect(diagnostics[0]?.message).toContain("application/xml");
  });

  it("is kept as bytes when the operation has no other", () => {
    const { ir } = buildInline(document);
    expect(operation(ir!, "sendXml").body).toMatchObject({
      mediaType: "application/xml",
      encoding: "binary",
      type: { kind: "binary" },
    });
  });
});

describe("one media type in two kinds", () => {
  // Found by the property-based run: `application/json` that is JSON in one 2xx response and
  // `format: binary` in another gave overloads keyed by an `accept` option the function lacked.
  it("is one choice (the caller cannot ask for either by `accept`), typed as the union of both", () => {
    const json = (schema: object) => ({ description: "ok", content: { "application/json": { schema } } });
    const built = buildInline(
      documentWith({
        paths: {
          "/a": {
            get: {
              operationId: "getA",
              responses: {
                "200": json({ type: "array", items: { type: "string" } }),
                "2XX": json({ type: "string", format: "binary" }),
              },
            },
          },
        },
      }),
    );
    const shape = operationShape(operation(built.ir!, "getA"));
    expect(shape.accepts).toEqual(["application/json"]);
    expect(shape.results.map((r) => r.mediaTypes)).toEqual([["application/json"]]);
    expect(shape.result.kind === "body" && shape.result.variants.map((v) => v.encoding)).toEqual(["json", "binary"]);
  });
});

describe("which media types carry JSON (mediaEncoding)", () => {
  it.each([
    ["application/json; charset=utf-8", false, "json"],
    ["text/json", false, "json"],
    ["application/problem+json", false, "json"],
    ["application/json-patch+json", false, "json"],
    ["application/vnd.github.v3.object", true, "json"],
    ["application/vnd.github.v3.object", false, "binary"],
    ["application/json+sarif", true, "json"],
    ["application/x-custom", true, "json"],
    ["application/x-www-form-urlencoded", true, "form"],
    ["application/vnd.oai.openapi+yaml", true, "binary"],
    ["application/vnd.example+xml", true, "binary"],
    ["application/x-yaml", true, "binary"],
    ["application/x-ndjson", true, "binary"],
    ["application/json-seq", true, "binary"],
    ["application/xml", true, "binary"],
    ["image/vnd.microsoft.icon", true, "binary"],
    ["text/csv", true, "text"],
  ] as const)("%s (structured schema: %s) is %s", (media, structured, expected) => {
    expect(mediaEncoding(media, structured)).toBe(expected);
  });
});

describe("vendor-media-types.yaml", () => {
  const ir = fixtureIr("vendor-media-types.yaml");
  const contents = (id: string) => {
    const response = operation(ir, id).responses[0]!;
    return [response, ...(response.alternatives ?? [])].map((c) => `${c.mediaType} ${c.encoding} ${typeText(c.type!)}`);
  };

  it("reads vendor types with a structured schema as JSON, and keeps bytes for string and binary schemas", () => {
    expect(contents("getContents")).toEqual(["application/vnd.github.v3.object json ContentTree"]);
    expect(contents("getAnalysis")).toEqual([
      "application/json+sarif json Record<string, unknown>",
      "text/json json Summary",
    ]);
    expect(contents("getRawContents")).toEqual([
      "application/vnd.example.archive binary binary",
      "application/vnd.github.raw binary binary",
    ]);
    const body = operation(ir, "createDocument").body!;
    expect(`${body.mediaType} ${body.encoding} ${typeText(body.type)}`).toBe(
      "application/vnd.example.document json Summary[]",
    );
  });
});
