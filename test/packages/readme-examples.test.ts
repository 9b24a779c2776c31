/**
 * The README of every fixture's package must show code that compiles: each fixture under
 * `test/fixtures/openapi/` is generated in memory, written under `.tmp/`, and all their README
 * examples are type-checked in one `tsc` run against the packages' sources (a `paths` mapping
 * stands in for installing them; `generated-packages.test.ts` installs the real ones). So are the
 * packages with a convenience layer (its section and quick start): the fixtures under
 * `test/fixtures/convenience/` with their naming files, and Identity's with its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { hasErrors } from "../../generator/diagnostics/diagnostics.ts";
import { parseCliNaming, type CliNaming } from "../../generator/plan/cli/naming-file.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { openApiPath, repoRoot } from "../support/paths.ts";
import {
  output,
  readmeModules,
  runTsc,
  AZURE_IDENTITY_STUB,
  CONSUMER_COMPILER_OPTIONS,
} from "./support/package-tools.ts";

const fixturesDir = join(repoRoot, "test/fixtures/openapi");
const convenienceDir = join(repoRoot, "test/fixtures/convenience");

interface Fixture {
  readonly name: string;
  readonly file: string;
  /** The naming file whose convenience layer the package gets. */
  readonly naming?: string;
}

const fixtures: Fixture[] = [
  ...readdirSync(fixturesDir)
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .sort()
    .map((name) => ({ name: `fixture-${basename(name).replace(/\.[^.]+$/, "")}`, file: join(fixturesDir, name) })),
  ...readdirSync(convenienceDir)
    .filter((name) => /\.ya?ml$/.test(name) && !name.endsWith(".cli.yaml"))
    .sort()
    .map((name) => {
      const base = basename(name).replace(/\.[^.]+$/, "");
      return {
        name: `convenience-${base}`,
        file: join(convenienceDir, name),
        naming: join(convenienceDir, `${base}.cli.yaml`),
      };
    }),
  {
    name: "communication-identity",
    file: openApiPath("communication-identity", "2023-10-01"),
    naming: join(repoRoot, "spec/communication-identity/cli.yaml"),
  },
];

function cliNaming(file: string | undefined): { cliNaming?: CliNaming } {
  if (file === undefined) return {};
  const parsed = parseCliNaming(file, readFileSync(file, "utf8"));
  expect(parsed.diagnostics, file).toEqual([]);
  return parsed.value ? { cliNaming: parsed.value } : {};
}

let work = "";

beforeAll(async () => {
  await mkdir(join(repoRoot, ".tmp"), { recursive: true });
  work = await mkdtemp(join(repoRoot, ".tmp", "readme-examples-"));
});

afterAll(async () => {
  if (work && !process.env["KEEP_TMP"]) await rm(work, { recursive: true, force: true });
});

it(
  "README examples of every fixture's package, and of those with a convenience layer, type-check against their sources",
  { timeout: 120_000 },
  async () => {
    const paths: Record<string, string[]> = {};
    const include: string[] = ["azure-identity.d.ts"];
    const generated: string[] = [];
    for (const { name, file, naming } of fixtures) {
      const built = buildPackage({ file, packageName: name, ...cliNaming(naming) });
      // A fixture the generator rejects is the business of the generator's own tests; a layer's must build.
      if (hasErrors(built.diagnostics)) {
        expect(naming, `${file}: ${built.diagnostics.map((d) => d.message).join("; ")}`).toBeUndefined();
        continue;
      }
      generated.push(name);
      for (const output of built.files) {
        const target = join(work, name, output.path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, output.content);
      }
      const readme = built.files.find((f) => f.path === "README.md")?.content ?? "";
      const modules = readmeModules(readme);
      expect(modules.length, `${file}: README has no examples`).toBeGreaterThan(0);
      await Promise.all(
        modules.map((code, i) => writeFile(join(work, name, `readme-${String(i + 1).padStart(2, "0")}.ts`), code)),
      );
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
  },
);
