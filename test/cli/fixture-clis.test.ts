/**
 * The CLI emitter on every fixture document (parameters of every style, bodies of every encoding,
 * composition, enums, maps, nullable, read/write-only, naming clashes, a large spec): each
 * package's CLI type-checks strictly with Node's types, the way `tsconfig.cli.json` checks it,
 * and its bundle answers `--help` for the program and for every command.
 */
import { execFile } from "node:child_process";
import { mkdir, readdirSync, writeFile } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { CLI_BUNDLE_OPTIONS } from "../../generator/plan/cli/cli-layout.ts";
import { repoRoot } from "../support/paths.ts";
import { makeWorkDir, runBin } from "./support/cli-package.ts";
import { CONSUMER_COMPILER_OPTIONS, output } from "../packages/support/package-tools.ts";

const fixturesDir = join(repoRoot, "test/fixtures/openapi");
const fixtures = readdirSync(fixturesDir)
  .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== "refs-shared.yaml")
  .sort();

const mkdirP = promisify(mkdir);
const writeFileP = promisify(writeFile);

let work: { dir: string; cleanUp: () => Promise<void> };
let tscOutput = "";
const commandsOf = new Map<string, string[][]>();

beforeAll(async () => {
  work = await makeWorkDir("cli-fixtures");
  for (const fixture of fixtures) {
    const built = buildPackage({ file: join(fixturesDir, fixture), source: `test/fixtures/openapi/${fixture}` });
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const name = fixture.replace(/\.(ya?ml|json)$/, "");
    for (const file of built.files) {
      const target = join(work.dir, name, file.path);
      await mkdirP(dirname(target), { recursive: true });
      await writeFileP(target, file.content);
    }
    const commands = built.files.find((f) => f.path === "src/cli/commands.ts")?.content ?? "";
    commandsOf.set(
      name,
      [...commands.matchAll(/^ {6}path: \[(.*)\],$/gm)].map((m) => JSON.parse(`[${m[1] ?? ""}]`) as string[]),
    );
  }
  const compilerOptions = {
    ...CONSUMER_COMPILER_OPTIONS,
    noImplicitOverride: true,
    skipLibCheck: true,
    types: ["node"],
  };
  await writeFileP(join(work.dir, "package.json"), JSON.stringify({ type: "module" }));
  await writeFileP(join(work.dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*/src/**/*.ts"] }));
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  tscOutput = await promisify(execFile)(process.execPath, [tsc, "-p", join(work.dir, "tsconfig.json")], {
    cwd: work.dir,
  }).then(
    () => "",
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
  );
}, 180_000);

afterAll(() => work?.cleanUp());

it("every fixture's CLI type-checks with --strict --noUncheckedIndexedAccess", () => {
  expect(tscOutput).toBe("");
});

describe.each(fixtures.map((f) => f.replace(/\.(ya?ml|json)$/, "")))("fixture %s", (name) => {
  it("bundles, and answers --help for the program and each command", async () => {
    const bundle = join(work.dir, name, "dist/cli.js");
    await build({
      ...CLI_BUNDLE_OPTIONS,
      entryPoints: [join(work.dir, name, "src/cli/main.ts")],
      outfile: bundle,
      logLevel: "silent",
    });
    const top = await runBin(bundle, ["--help"]);
    expect(top.code, output(top)).toBe(0);
    const commands = commandsOf.get(name) ?? [];
    expect(commands.length).toBeGreaterThan(0);
    // One process per command would be slow on the large fixture: a sample covers the shapes.
    for (const path of commands.slice(0, 12)) {
      const run = await runBin(bundle, [...path, "--help"]);
      expect(run.code, `${path.join(" ")}: ${output(run)}`).toBe(0);
      expect(run.stdout).toContain(`${path.join(" ")} :`);
    }
  }, 60_000);
});
