/**
 * The robustness property, shared by the bounded test (`robustness.test.ts`, part of `npm test`)
 * and the long run (`run-many.ts`): for every generated or mutated document, the generator returns
 * (diagnostics are fine, an exception is not), every diagnostic is well-formed, and every package it
 * would write type-checks. Type-checking is batched: up to 200 packages per tsc process.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { codeInfo } from "../../generator/diagnostics/diagnostic-codes.ts";
import type { Diagnostic } from "../../generator/diagnostics/diagnostics.ts";
import type { OutputFile } from "../../generator/output/write-tree.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { typeCheckPackages, type PackageSources } from "../support/type-check.ts";
import { FIXTURE_DOCUMENTS, mutate, mutations, validDocument } from "./arbitraries.ts";

export interface RunOptions {
  readonly valid: number;
  readonly mutated: number;
  readonly seed: number;
  /** Also type-check each package's command line (slower: it needs Node's types). */
  readonly withCli?: boolean;
}

export interface RunReport {
  readonly cases: number;
  /** Cases that generated a package (no error diagnosed). */
  readonly generated: number;
  /** Cases refused with an error diagnostic, by code. */
  readonly refused: Readonly<Record<string, number>>;
  /** tsc's output over every generated package: empty when all type-check. */
  readonly typeErrors: string;
  /** Where the packages of failing batches are kept, with their documents (passing ones are removed). */
  readonly folders: readonly string[];
  readonly milliseconds: { readonly generate: number; readonly typeCheck: number };
}

/**
 * Packages per tsc run. One program over every package of a long run (with the command lines and
 * Node's types) outgrows tsc's heap at about 900 packages; batches keep each run small.
 */
const BATCH = 200;

interface Generated {
  readonly name: string;
  readonly document: unknown;
  readonly files: readonly OutputFile[];
}

/** Problems with the diagnostics themselves (an exception propagates and fails the property). */
function diagnosticProblems(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => {
    const problems: string[] = [];
    if (!codeInfo(d.code)) problems.push(`undeclared code ${d.code}`);
    if (d.message.includes("\n") || d.message.trim() === "")
      problems.push(`${d.code}: message is not one line: ${JSON.stringify(d.message)}`);
    if (!d.location?.file) problems.push(`${d.code}: no location`);
    return problems;
  });
}

export async function runCases(options: RunOptions): Promise<RunReport> {
  const generated: Generated[] = [];
  const refused: Record<string, number> = {};
  let cases = 0;
  const started = performance.now();
  const property = (name: string, document: unknown) => {
    cases++;
    const result = buildPackage({ file: `/robustness/${name}.json`, text: JSON.stringify(document) });
    const problems = diagnosticProblems(result.diagnostics);
    if (problems.length > 0) throw new Error(problems.join("; "));
    const error = result.diagnostics.find((d) => d.severity === "error");
    if (error) refused[error.code] = (refused[error.code] ?? 0) + 1;
    else generated.push({ name, document, files: result.files });
  };
  fc.assert(
    fc.property(validDocument(), (document) => property(`valid-${cases}`, document)),
    { numRuns: options.valid, seed: options.seed },
  );
  fc.assert(
    fc.property(fc.constantFrom(...FIXTURE_DOCUMENTS), mutations(), (fixture, list) =>
      property(`mutated-${cases}-${fixture.name.replace(/\.\w+$/, "")}`, mutate(fixture.document, list)),
    ),
    { numRuns: options.mutated, seed: options.seed + 1 },
  );
  const generateTime = performance.now() - started;
  const checkStarted = performance.now();
  if (generated.length === 0) throw new Error("no case generated a package: the arbitraries are broken");
  const typeErrors: string[] = [];
  const folders: string[] = [];
  for (let start = 0; start < generated.length; start += BATCH) {
    const batch = generated.slice(start, start + BATCH);
    const packages: PackageSources[] = batch.map((g) => ({ name: g.name, files: g.files }));
    const checked = await typeCheckPackages(packages, "robustness", options.withCli ?? false);
    if (checked.output === "") {
      await checked.cleanUp();
      continue;
    }
    typeErrors.push(checked.output);
    folders.push(checked.root);
    for (const g of batch)
      await writeFile(join(checked.root, g.name, "document.json"), JSON.stringify(g.document, null, 2));
  }
  return {
    cases,
    generated: generated.length,
    refused,
    typeErrors: typeErrors.join("\n"),
    folders,
    milliseconds: { generate: generateTime, typeCheck: performance.now() - checkStarted },
  };
}
