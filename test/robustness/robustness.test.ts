/**
 * Property-based robustness, bounded for `npm test` (a fixed seed, so a failure reproduces):
 * random-but-valid OpenAPI documents and mutated fixtures never make the generator throw, and every
 * package it generates type-checks (batched tsc runs). `run-many.ts` runs many more cases.
 */
import { describe, expect, it } from "vitest";
import { runCases, type RunReport } from "./run-cases.ts";

describe("the generator on random and mutated documents", () => {
  let report: RunReport;

  it("never throws, and reports only well-formed diagnostics", async () => {
    report = await runCases({ valid: 50, mutated: 100, seed: 20240601 });
    expect(report.cases).toBe(150);
  }, 120_000);

  it("generates packages for most of them, which all type-check", () => {
    expect(report.generated).toBeGreaterThan(75);
    expect(report.typeErrors, `packages and documents kept in ${report.folders.join(", ")}`).toBe("");
  });
});
