/**
 * What `generate --spec` loads: no TypeScript compiler (ts-morph brings it: ~80 MB and ~170 ms,
 * most of a small document's run; the structure printer needs only ts-morph's writer), and for a
 * JSON document no YAML parser either.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";

const work = mkdtempSync(join(tmpdir(), "specsmith-loads-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The packages a `specsmith` run loads modules from, by name. */
function loadedPackages(args: string[]): Set<string> {
  const record = join(work, "loaded.txt");
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      join(repoRoot, "test/support/record-module-loads.ts"),
      join(repoRoot, "generator/specsmith.js"),
      ...args,
    ],
    {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, SPECSMITH_LOADED_MODULES: record },
    },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const packages = readFileSync(record, "utf8")
    .split("\n")
    .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
    .filter((name): name is string => name !== undefined);
  return new Set(packages);
}

describe("generate --spec", () => {
  it("prints the package without loading ts-morph or the TypeScript compiler", () => {
    const spec = join(repoRoot, "test/fixtures/openapi/bodies.yaml");
    const packages = loadedPackages(["generate", "--quiet", "--spec", spec, "--out", join(work, "out")]);
    // The recording sees packages at all: the printer's writer is one.
    expect(packages).toContain("code-block-writer");
    expect(
      [...packages].filter((name) => name === "ts-morph" || name === "typescript" || name === "@ts-morph/common"),
    ).toEqual([]);
  });

  it("reads a JSON document without loading the YAML parser", () => {
    const spec = join(repoRoot, "test/corpus/real-specs/paypal-catalog-products/openapi.json");
    const packages = loadedPackages(["generate", "--quiet", "--spec", spec, "--out", join(work, "out-json")]);
    expect(packages).toContain("code-block-writer");
    expect(packages).not.toContain("yaml");
  });
});
