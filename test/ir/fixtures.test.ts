/**
 * The fixture corpus as a whole: every document is valid OpenAPI (checked by an independent
 * validator), builds with zero diagnostics, and yields an IR that keeps the promises of
 * `generator/ir/types.ts` (unique safe names, sorted lists, refs that resolve, path order).
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ApiIR, TypeIR } from "../../generator/ir/types.ts";
import { LARGE_FIXTURE, renderLargeFixture } from "../fixtures/make-large-fixture.ts";
import { buildFile, FIXTURES_DIR, fixtureIr, IDENTIFIER, VALID_FIXTURES } from "./helpers.ts";

/** ECMAScript reserved words and the strict-mode ones; an identifier the IR hands out must avoid them. */
const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function " +
    "if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "implements interface let package private protected public static yield await"
  ).split(" "),
);

/** Every TypeIR inside a type, depth first. */
function* walk(type: TypeIR | undefined): Generator<TypeIR> {
  if (!type) return;
  yield type;
  switch (type.kind) {
    case "array":
      return yield* walk(type.items);
    case "map":
      return yield* walk(type.values);
    case "object":
      for (const p of type.properties) yield* walk(p.type);
      return yield* walk(type.additionalProperties);
    case "union":
      for (const v of type.variants) yield* walk(v);
      return;
    case "intersection":
      for (const m of type.members) yield* walk(m);
      return;
    default:
      return;
  }
}

function allTypes(ir: ApiIR): TypeIR[] {
  const roots: (TypeIR | undefined)[] = ir.types.map((t) => t.type);
  for (const op of ir.operations) {
    roots.push(...op.parameters.map((p) => p.type), op.body?.type, op.paging?.itemType);
    for (const r of [...op.responses, ...op.errors]) roots.push(r.type, ...r.headers.map((h) => h.type));
  }
  return roots.flatMap((t) => [...walk(t)]);
}

const sortedCopy = (names: readonly string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("the fixture corpus", () => {
  it("has the documented files (README lists every one)", () => {
    expect(VALID_FIXTURES).toEqual([
      "bodies.yaml",
      "composition-conflicts.yaml",
      "composition.yaml",
      "discriminator-refs.yaml",
      "dot-segments-and-nulls.yaml",
      "enums.yaml",
      "large.json",
      "lossy-names.yaml",
      "maps-and-arrays.yaml",
      "media-types.yaml",
      "naming.yaml",
      "nullable.yaml",
      "openapi-31.yaml",
      "operation-refs.yaml",
      "paging-conventions.yaml",
      "parameter-styles.yaml",
      "parameters.yaml",
      "plain-service.yaml",
      "read-write-only.yaml",
      "refs-shared.yaml",
      "refs.yaml",
      "response-shapes.yaml",
      "scope-collisions.yaml",
      "security.yaml",
      "vendor-media-types.yaml",
    ]);
    const readme = readFileSync(join(FIXTURES_DIR, "..", "README.md"), "utf8");
    for (const name of VALID_FIXTURES) expect(readme).toContain(`\`${name}\``);
  });

  it("large.json is what make-large-fixture.ts writes (re-running reproduces the bytes)", () => {
    const text = renderLargeFixture();
    expect(renderLargeFixture()).toBe(text);
    expect(readFileSync(LARGE_FIXTURE, "utf8")).toBe(text);
  });

  it.each(VALID_FIXTURES)("%s is valid OpenAPI for an independent validator", async (name) => {
    // validate() throws with what it finds; resolving means the document is valid.
    await expect(SwaggerParser.validate(join(FIXTURES_DIR, name))).resolves.toBeTruthy();
  });
});

describe.each(VALID_FIXTURES)("IR of %s", (name) => {
  it("builds with zero diagnostics", () => {
    const built = buildFile(join(FIXTURES_DIR, name));
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.diagnostics).toEqual([]);
    expect(built.ir).toBeDefined();
  });

  it("has unique, valid, sorted operation names", () => {
    const names = fixtureIr(name).operations.map((o) => o.name);
    expect(names).toEqual(sortedCopy(names));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(n).toMatch(IDENTIFIER);
      expect(RESERVED_WORDS.has(n)).toBe(false);
    }
  });

  it("has unique (ignoring case) and sorted type names", () => {
    const names = fixtureIr(name).types.map((t) => t.name);
    expect(names).toEqual(sortedCopy(names));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("has unique, valid parameter identifiers within each operation, path parameters first in path order", () => {
    for (const op of fixtureIr(name).operations) {
      const tsNames = op.parameters.map((p) => p.tsName);
      expect(new Set(tsNames).size, op.name).toBe(tsNames.length);
      for (const n of tsNames) {
        expect(n).toMatch(IDENTIFIER);
        expect(RESERVED_WORDS.has(n)).toBe(false);
      }
      const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
      const inTemplate = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect(pathParams, op.name).toEqual(inTemplate);
      expect(
        op.parameters.slice(0, pathParams.length).every((p) => p.in === "path"),
        op.name,
      ).toBe(true);
    }
  });

  it("has only references that resolve to named types (discriminator mappings included)", () => {
    const ir = fixtureIr(name);
    const declared = new Set(ir.types.map((t) => t.name));
    for (const type of allTypes(ir)) {
      if (type.kind === "ref") expect(declared, type.name).toContain(type.name);
      if (type.kind === "union") for (const m of type.discriminator?.mapping ?? []) expect(declared).toContain(m.type);
    }
  });

  it("sorts responses by status and errors with `default` last", () => {
    for (const op of fixtureIr(name).operations) {
      expect(
        op.responses.every((r) => r.status.startsWith("2")),
        op.name,
      ).toBe(true);
      expect(
        op.errors.every((r) => !r.status.startsWith("2")),
        op.name,
      ).toBe(true);
      const statuses = op.errors.map((r) => r.status);
      if (statuses.includes("default")) expect(statuses.at(-1)).toBe("default");
    }
  });
});
