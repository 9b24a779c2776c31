/**
 * The README of every fixture's package must show code that compiles: each fixture under
 * `test/fixtures/openapi/` is generated in memory, written under `.tmp/`, and all their README
 * examples are type-checked in one `tsc` run against the packages' sources (a `paths` mapping
 * stands in for installing them; `generated-packages.test.ts` installs the real ones).
 */
import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hasErrors } from "../../generator/diagnostics.ts";
import { buildPackage } from "../../generator/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { output, readmeModules, runTsc, AZURE_IDENTITY_STUB, CONSUMER_COMPILER_OPTIONS } from "./support/package-tools.ts";

const fixturesDir = join(repoRoot, "test/fixtures/openapi");
const fixtures = readdirSync(fixturesDir)
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .sort();

let work = "";

beforeAll(async () => {
  await mkdir(join(repoRoot, ".tmp"), { recursive: true });
  work = await mkdtemp(join(repoRoot, ".tmp", "readme-examples-"));
});

afterAll(async () => {
  if (work && !process.env["KEEP_TMP"]) await rm(work, { recursive: true, force: true });
});

it("README examples of every fixture's package type-check against its sources", { timeout: 120_000 }, async () => {
  const paths: Record<string, string[]> = {};
  const include: string[] = ["azure-identity.d.ts"];
  const generated: string[] = [];
  for (const fixture of fixtures) {
    const name = `fixture-${basename(fixture).replace(/\.[^.]+$/, "")}`;
    const built = buildPackage({ file: join(fixturesDir, fixture), packageName: name });
    // A fixture the generator rejects is the business of the generator's own tests.
    if (hasErrors(built.diagnostics)) continue;
    generated.push(name);
    for (const file of built.files) {
      const target = join(work, name, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    const readme = built.files.find((f) => f.path === "README.md")?.content ?? "";
    const modules = readmeModules(readme);
    expect(modules.length, `${fixture}: README has no examples`).toBeGreaterThan(0);
    await Promise.all(modules.map((code, i) => writeFile(join(work, name, `readme-${String(i + 1).padStart(2, "0")}.ts`), code)));
    paths[name] = [`./${name}/src/index.ts`];
    include.push(`${name}/readme-*.ts`);
  }
  expect(generated.length).toBeGreaterThan(0);
  const tsconfig = {
    compilerOptions: {
      ...CONSUMER_COMPILER_OPTIONS,
      paths,
    },
    include,
  };
  await writeFile(join(work, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  await writeFile(join(work, "azure-identity.d.ts"), AZURE_IDENTITY_STUB);
  const result = await runTsc(["-p", work], work);
  expect(result.code, output(result)).toBe(0);
});
