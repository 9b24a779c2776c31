/**
 * The two-thread package build (large documents through the CLI) against the one-thread build:
 * same files in the same order, same diagnostics, and a worker that is stopped however the build ends.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceFilePlan } from "../../generator/emitters/source-file.ts";
import { buildPackageInParallel, PARALLEL_MIN_BYTES, SourceWorker, worthParallel } from "../../generator/parallel/build-in-parallel.ts";
import { buildPackage } from "../../generator/pipeline.ts";
import { repoRoot } from "../support/paths.ts";

const fixtures = join(repoRoot, "test", "fixtures", "openapi");

describe("buildPackageInParallel", () => {
  it.each(["large.json", "composition.yaml", "bodies.yaml"])("builds %s byte for byte as buildPackage does", async (name) => {
    const options = { file: join(fixtures, name), packageName: "@fixtures/parallel" };
    const one = buildPackage(options);
    const two = await buildPackageInParallel(options);
    expect(two.files.map((f) => f.path)).toEqual(one.files.map((f) => f.path));
    expect(two.files.filter((f, i) => f.content !== one.files[i]?.content).map((f) => f.path)).toEqual([]);
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.files.length).toBeGreaterThan(10);
  });

  it.each(["unresolved-ref.yaml", "invalid-syntax.json", "missing-paths.yaml"])("reports %s as buildPackage does, with no files", async (name) => {
    const options = { file: join(fixtures, "invalid", name) };
    const two = await buildPackageInParallel(options);
    expect(two.files).toEqual([]);
    expect(two.diagnostics).toEqual(buildPackage(options).diagnostics);
    expect(two.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("stops its worker: many builds in a row leave no thread behind", async () => {
    const options = { file: join(fixtures, "bodies.yaml") };
    const before = process.getActiveResourcesInfo().filter((r) => r === "MessagePort" || r === "Worker").length;
    for (let i = 0; i < 3; i++) await buildPackageInParallel(options);
    await buildPackageInParallel({ file: join(fixtures, "invalid", "unresolved-ref.yaml") });
    const after = process.getActiveResourcesInfo().filter((r) => r === "MessagePort" || r === "Worker").length;
    expect(after).toBe(before);
  });
});

describe("worthParallel", () => {
  it("picks the two-thread build from the document's size", () => {
    const dir = mkdtempSync(join(tmpdir(), "specsmith-parallel-"));
    try {
      const small = join(dir, "small.json");
      const big = join(dir, "big.json");
      writeFileSync(small, "x".repeat(PARALLEL_MIN_BYTES - 1));
      writeFileSync(big, "x".repeat(PARALLEL_MIN_BYTES));
      expect([worthParallel(small), worthParallel(big), worthParallel(join(dir, "missing.json"))]).toEqual([false, true, false]);
      expect(worthParallel(join(fixtures, "large.json"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SourceWorker", () => {
  it("hands a failure in the worker to the caller as a rejection (a bug: never a hang)", async () => {
    const worker = new SourceWorker();
    try {
      const pkg = { name: "x", version: "1.0.0", directory: "x", service: "x", clientName: "X", header: "// x" };
      const broken = { kind: 9999 } as unknown as SourceFilePlan["statements"][number];
      worker.post({ kind: "print", pkg, files: [{ path: "src/x.ts", imports: [], statements: [broken], spaced: true }] });
      // The printer refuses the unknown structure kind; its error crosses the thread boundary intact.
      await expect(worker.reply).rejects.toThrow(/does not print a statement of kind 9999/);
    } finally {
      await worker.terminate();
    }
  });
});
