/**
 * Malformed inputs give exactly one diagnostic with a stable code and a location a user can jump
 * to: `line` and `column` wherever the text has them, and a JSON pointer wherever the text parsed
 * into a tree (a syntax error has no tree to point into, so it carries line and column only).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOpenApi } from "../../generator/openapi/load-openapi.ts";
import { buildIr } from "../../generator/ir/build-ir.ts";
import { buildFile, buildInline, CLIENT_NAME, documentWith, INVALID_DIR } from "./helpers.ts";

interface InvalidCase {
  readonly file: string;
  readonly code: string;
  /** `null`: no pointer by design (the text did not parse). */
  readonly pointer: string | null;
  readonly line: number;
  readonly column?: number;
}

const CASES: readonly InvalidCase[] = [
  { file: "invalid-syntax.yaml", code: "invalid-syntax", pointer: null, line: 10 },
  { file: "invalid-syntax.json", code: "invalid-syntax", pointer: null, line: 9, column: 3 },
  { file: "not-an-object.yaml", code: "invalid-document", pointer: "", line: 2, column: 1 },
  { file: "swagger-2.yaml", code: "unsupported-openapi-version", pointer: "", line: 1, column: 1 },
  { file: "missing-paths.yaml", code: "missing-paths", pointer: "/paths", line: 1, column: 1 },
  {
    file: "unknown-type.yaml",
    code: "unknown-schema-type",
    pointer: "/components/schemas/Item/properties/name/type",
    line: 12,
    column: 11,
  },
  {
    file: "unresolved-ref.yaml",
    code: "unresolved-ref",
    pointer: "/paths/~1items/get/responses/200/content/application~1json/schema/items/$ref",
    line: 17,
    column: 19,
  },
];

describe.each(CASES)("invalid/$file", ({ file, code, pointer, line, column }) => {
  const path = join(INVALID_DIR, file);

  it(`gives exactly one ${code} error`, () => {
    const { diagnostics } = buildFile(path);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([`error ${code}`]);
  });

  it("locates it by line, column and pointer", () => {
    const [diagnostic] = buildFile(path).diagnostics;
    const location = diagnostic?.location;
    expect(location?.file).toBe(path);
    expect(location?.line).toBe(line);
    expect(location?.column).toEqual(column ?? expect.any(Number));
    if (pointer === null) expect(location?.pointer).toBeUndefined();
    else expect(location?.pointer).toBe(pointer);
    expect(diagnostic?.message.length).toBeGreaterThan(0);
  });
});

describe("other inputs the loader refuses", () => {
  it("a file that does not exist: file-not-found naming the path", () => {
    const path = join(INVALID_DIR, "no-such-document.yaml");
    const { diagnostics } = buildFile(path);
    expect(diagnostics.map((d) => d.code)).toEqual(["file-not-found"]);
    expect(diagnostics[0]?.message).toContain("no-such-document.yaml");
  });

  it.each([
    ["OpenAPI 2.5", "2.5.0"],
    ["OpenAPI 4", "4.0.0"],
  ])("%s: unsupported-openapi-version at /openapi", (_label, version) => {
    const { diagnostics } = buildInline({ ...documentWith({}), openapi: version });
    expect(diagnostics.map((d) => d.code)).toEqual(["unsupported-openapi-version"]);
    expect(diagnostics[0]?.location?.pointer).toBe("/openapi");
    expect(diagnostics[0]?.location?.line).toBe(1);
  });

  it("3.1 without `paths` is fine (3.1 made paths optional)", () => {
    const { diagnostics, ir } = buildInline({
      openapi: "3.1.0",
      info: { title: "Webhooks only", version: "1" },
      webhooks: {},
    });
    expect(diagnostics).toEqual([]);
    expect(ir?.operations).toEqual([]);
  });

  it("a missing path parameter: missing-path-parameter at the operation", () => {
    const { diagnostics } = buildInline(
      documentWith({ paths: { "/items/{id}": { get: { responses: { "204": { description: "none" } } } } } }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["missing-path-parameter"]);
    expect(diagnostics[0]?.location?.pointer).toBe("/paths/~1items~1{id}/get");
  });

  it("an undeclared security scheme: unknown-security-scheme", () => {
    const { diagnostics } = buildInline({ ...documentWith({}), security: [{ Nope: [] }] });
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown-security-scheme"]);
  });
});

describe("loader edge cases", () => {
  // A duplicated key (here a second `get:` under one path) would silently replace the first.
  it("invalid/duplicate-key.yaml: a duplicated mapping key is diagnosed", () => {
    const { diagnostics } = buildFile(join(INVALID_DIR, "duplicate-key.yaml"));
    expect(diagnostics.map((d) => d.code)).toEqual(["invalid-syntax"]);
  });

  it("invalid/missing-file-ref.yaml: one diagnostic, at the $ref, naming the missing file", () => {
    const { diagnostics } = buildFile(join(INVALID_DIR, "missing-file-ref.yaml"));
    expect(diagnostics.map((d) => d.code)).toEqual(["unresolved-ref"]);
    expect(diagnostics[0]?.message).toContain("no-such-file.yaml");
    expect(diagnostics[0]?.location).toMatchObject({
      pointer: "/paths/~1items/get/responses/200/content/application~1json/schema/$ref",
      line: 15,
    });
  });

  it("loadOpenApi's returned diagnostics do not change after it returns", () => {
    const loaded = loadOpenApi(join(INVALID_DIR, "missing-file-ref.yaml"));
    const before = loaded.diagnostics.length;
    buildIr(loaded.value!, CLIENT_NAME);
    expect(loaded.diagnostics.length).toBe(before);
  });
});
