/**
 * Our structure printer against ts-morph's `printStructure` (loaded here only: the generator never
 * loads ts-morph): with ts-morph's layout (no line width), every TypeScript file the emitters
 * describe for the fixtures, the corpus documents and our own services (from their committed
 * OpenAPI) prints to the same bytes. And a structure property the printer does not know is
 * refused, never dropped. The wrapped layout of generated code: `structure-printer-wrap.test.ts`.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { StatementStructures } from "ts-morph";
import { describe, expect, it } from "vitest";
import { outputs } from "../../generator/emit/outputs.ts";
import { planPackage } from "../../generator/plan/package-plan.ts";
import { isTextFile, type SourceFilePlan } from "../../generator/print/source-file.ts";
import { plannedFileStructure } from "../../generator/print/source-printer.ts";
import { StructureKind } from "../../generator/print/structure-kinds.ts";
import { printWithTsMorph } from "../../generator/print/reference-printer.ts";
import { printFileStructure } from "../../generator/print/structure-printer.ts";
import { analyzePackage } from "../../generator/build/package-analysis.ts";
import { corpusDocuments, realSpecDocuments } from "../corpus/corpus-dir.ts";
import { generatedDir, repoRoot } from "../support/paths.ts";

const fixturesDir = join(repoRoot, "test", "fixtures", "openapi");
const documentsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
const servicesDir = join(generatedDir, "openapi");
const serviceDocuments = readdirSync(servicesDir)
  .sort()
  .flatMap((service) => documentsIn(join(servicesDir, service)));

/** No line width: ts-morph's own layout. */
const TS_MORPH_LAYOUT = {};

const documents = [
  ...documentsIn(fixturesDir),
  ...documentsIn(join(fixturesDir, "approximated")),
  ...Object.values(corpusDocuments),
  ...Object.values(realSpecDocuments),
  ...serviceDocuments,
];

describe("printFileStructure prints what ts-morph's printStructure prints", () => {
  it.each(documents.map((file) => [relative(repoRoot, file), file]))("every source file of %s", (_name, file) => {
    const { ready } = analyzePackage({ file });
    expect(ready).toBeDefined();
    if (!ready) return;
    const plan = planPackage(ready.ir, ready.pkg).value;
    const plans = outputs
      .flatMap((output) => output.emit(plan))
      .filter((file): file is SourceFilePlan => !isTextFile(file));
    expect(plans.length).toBeGreaterThan(3);
    const differing = plans.filter((plan) => {
      const structure = plannedFileStructure(plan);
      return printFileStructure(structure, TS_MORPH_LAYOUT) !== printWithTsMorph(structure);
    });
    // On a difference, the first differing file in full, so the failure shows where.
    const first = differing[0];
    if (first)
      expect(printFileStructure(plannedFileStructure(first), TS_MORPH_LAYOUT)).toBe(
        printWithTsMorph(plannedFileStructure(first)),
      );
    expect(differing.map((plan) => plan.path)).toEqual([]);
  });
});

describe("printFileStructure", () => {
  it("refuses a property it does not print rather than dropping it", () => {
    const decorated = { kind: StructureKind.Class, name: "Widget", isExported: true, decorators: [{ name: "sealed" }] };
    expect(() => printFileStructure({ kind: StructureKind.SourceFile, statements: [decorated] })).toThrow(
      /internal: the structure printer does not print `decorators` of class `Widget`/,
    );
  });

  it("refuses a statement kind it does not print", () => {
    const enumDeclaration = { kind: 8, name: "Color", members: [] } as unknown as StatementStructures;
    expect(() => printFileStructure({ kind: StructureKind.SourceFile, statements: [enumDeclaration] })).toThrow(
      /internal: the structure printer does not print a statement of kind 8/,
    );
  });
});
