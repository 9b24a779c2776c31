/**
 * File snapshots of every generated file: the configured packages snapshot into `generated/`
 * itself (the committed tree is the snapshot), and each fixture document's package into
 * `test/__snapshots__/fixtures/<fixture>/`. `vitest -u` updates them on purpose; the staleness
 * test (generate-fresh) catches orphans.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../generator/config/config.ts";
import { buildOutputs, buildPackage } from "../../generator/build/pipeline.ts";
import { generatedDir, repoRoot } from "../support/paths.ts";

const fixturesDir = join(repoRoot, "test/fixtures/openapi");
const snapshotsDir = join(repoRoot, "test/__snapshots__/fixtures");
const fixtures = readdirSync(fixturesDir)
  .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== "refs-shared.yaml")
  .sort();

describe("generated packages", () => {
  it("match the committed generated/ tree file by file", async () => {
    const config = await loadConfig(join(repoRoot, "specsmith.config.json"));
    const { files, diagnostics } = await buildOutputs(config.value!);
    expect(diagnostics).toEqual([]);
    const packageFiles = files.filter((f) => f.path.startsWith("packages/"));
    expect(packageFiles.length).toBeGreaterThan(0);
    for (const file of packageFiles) await expect(file.content).toMatchFileSnapshot(join(generatedDir, file.path));
  });
});

const withoutHeader = (text: string) => text.slice(text.indexOf("\n") + 1);

/**
 * A runtime file as the communication-identity 2025-03-02-preview package has it (that package
 * needs all but the event-stream module, which only fixtures use: that one is its source, with the
 * imports rewritten as the copy rewrites them).
 */
function runtimeCopy(path: string): string {
  const packaged = join(generatedDir, "packages/communication-identity-2025-03-02-preview", path);
  if (existsSync(packaged) || !path.startsWith("src/runtime/")) return withoutHeader(readFileSync(packaged, "utf8"));
  const source = readFileSync(join(repoRoot, "generator", path.slice("src/".length)), "utf8");
  return source.replace(/(from\s+")\.\/([\w.-]+)\.ts"/g, '$1./$2.js"');
}

describe.each(fixtures)("fixture %s", (fixture) => {
  it("generates the snapshotted package", async () => {
    const built = buildPackage({ file: join(fixturesDir, fixture), source: `test/fixtures/openapi/${fixture}` });
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(built.files.length).toBeGreaterThan(0);
    const folder = fixture.replace(/\.(ya?ml|json)$/, "");
    const snapshotted: string[] = [];
    for (const file of built.files) {
      // The runtimes are copied verbatim from generator/runtime and generator/runtime/cli
      // (snapshotted once, in generated/).
      if (file.path.startsWith("src/runtime/") || file.path.startsWith("src/cli/runtime/")) {
        expect(withoutHeader(file.content)).toBe(runtimeCopy(file.path));
        continue;
      }
      snapshotted.push(file.path);
      await expect(file.content).toMatchFileSnapshot(join(snapshotsDir, folder, file.path));
    }
    // No orphans: a file the generator no longer writes must not linger as a snapshot.
    const onDisk = readdirSync(join(snapshotsDir, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(join(snapshotsDir, folder).length + 1));
    expect(onDisk.sort()).toEqual(snapshotted.sort());
  });
});
