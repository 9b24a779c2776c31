/**
 * Generated identifiers are ones TypeScript accepts (issue 15, item 11). `identifier-text.ts` checks
 * identifiers without loading TypeScript; here it is compared with TypeScript's own scanner rule
 * (`ts.isIdentifierStart` / `ts.isIdentifierPart`, what `isIdentifierText` applies per character)
 * over every code point of the BMP, and shown to accept nothing beyond it.
 * Then a spec with names TypeScript rejects as written (`²`, a leading Arabic-Indic digit, a letter
 * newer than TypeScript's Unicode tables) generates a package that type-checks.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { propertyKey } from "../../generator/ir/naming.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { typeCheckPackages } from "../support/type-check.ts";
import { documentWith, writeTemp } from "./helpers.ts";

const hex = (cp: number) => `U+${cp.toString(16).padStart(4, "0")}`;
/** Whether generated code writes `text` as a bare identifier (property keys are quoted otherwise). */
const isIdentifierText = (text: string) => propertyKey(text) === text;

describe("identifiers in generated code (propertyKey, via identifier-text.ts)", () => {
  it("agrees with TypeScript on every BMP code point, first and later in a name", () => {
    const disagreements: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const char = String.fromCharCode(cp);
      if (isIdentifierText(char) !== ts.isIdentifierStart(cp, ts.ScriptTarget.ESNext))
        disagreements.push(`${hex(cp)} first`);
      if (isIdentifierText(`a${char}`) !== ts.isIdentifierPart(cp, ts.ScriptTarget.ESNext))
        disagreements.push(`${hex(cp)} later`);
    }
    expect(disagreements).toEqual([]);
  });

  it("accepts no character beyond the BMP (TypeScript's tables lag the runtime's there too)", () => {
    const accepted: string[] = [];
    for (let cp = 0x10000; cp <= 0x10ffff; cp++) {
      const char = String.fromCodePoint(cp);
      if (isIdentifierText(char) || isIdentifierText(`a${char}`)) accepted.push(hex(cp));
    }
    expect(accepted).toEqual([]);
  });
});

/** Names a letter-or-digit test accepts and TypeScript does not. */
const NAMES = ["²", "a²", "٣count", "x\ua7cbz", "\ua7cb", "𠀀wide"];

describe("names TypeScript rejects as written", () => {
  it("generate a package that type-checks", async () => {
    // Schemas and operations named apart: a caseless name would give a type and a function the same name.
    const schemas = Object.fromEntries(
      NAMES.map((name) => [
        `${name}Model`,
        {
          type: "object",
          properties: Object.fromEntries(NAMES.map((p) => [p, { type: "string", format: "date-time" }])),
        },
      ]),
    );
    const paths = Object.fromEntries(
      NAMES.map((name, i) => [
        `/things${i}`,
        {
          post: {
            operationId: name,
            parameters: NAMES.map((p) => ({ name: p, in: "query", schema: { type: "string" } })),
            requestBody: {
              content: {
                "application/json": { schema: { $ref: `#/components/schemas/${encodeURIComponent(name)}Model` } },
              },
            },
            responses: {
              "200": {
                description: "OK",
                content: { "application/json": { schema: { type: "string", enum: NAMES } } },
              },
            },
          },
        },
      ]),
    );
    const file = writeTemp(
      JSON.stringify({ ...documentWith({ paths, schemas }), info: { title: "٣ API", version: "1.0.0" } }),
    );
    const built = buildPackage({ file });
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const checked = await typeCheckPackages([{ name: "identifiers", files: built.files }], "identifier-text", true);
    try {
      expect(checked.output).toBe("");
    } finally {
      await checked.cleanUp();
    }
  }, 120_000);
});
