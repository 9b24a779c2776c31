/**
 * Type-checks whole generated packages in one `tsc` run: each package's files are written under a
 * temporary folder in `.tmp/` (inside the repository, so `@types/node` resolves for the packages'
 * command lines), and one tsconfig compiles them all with the compiler options of the packages' own
 * `tsconfig.json` (strict, noUncheckedIndexedAccess...), minus what only concerns emitting.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OutputFile } from "../../generator/output/write-tree.ts";
import { repoRoot } from "./paths.ts";

const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

export interface PackageSources {
  /** A folder-safe name, unique among the packages checked together. */
  readonly name: string;
  readonly files: readonly OutputFile[];
}

export interface TypeCheckResult {
  readonly root: string;
  /** tsc's output: empty when everything type-checks. */
  readonly output: string;
  readonly cleanUp: () => Promise<void>;
}

/** Compiler options that only shape emitted files; dropped, as the check emits nothing. */
const EMIT_ONLY = ["rootDir", "outDir", "declaration", "declarationMap", "sourceMap"];

/**
 * @param withCli also check each package's generated command line (`src/cli/`, which needs Node's
 *   types); by default only the library, exactly as the package's `tsconfig.json` builds it.
 */
export async function typeCheckPackages(
  packages: readonly PackageSources[],
  label: string,
  withCli = false,
): Promise<TypeCheckResult> {
  const base = join(repoRoot, ".tmp");
  await mkdir(base, { recursive: true });
  const root = await mkdtemp(join(base, `${label}-`));
  let compilerOptions: Record<string, unknown> | undefined;
  for (const pkg of packages) {
    for (const file of pkg.files) {
      const target = join(root, pkg.name, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
      if (file.path === "tsconfig.json" && !compilerOptions) {
        compilerOptions = (JSON.parse(file.content) as { compilerOptions: Record<string, unknown> }).compilerOptions;
      }
    }
  }
  if (!compilerOptions) throw new Error("no package has a tsconfig.json");
  const options: Record<string, unknown> = Object.fromEntries(
    Object.entries(compilerOptions).filter(([key]) => !EMIT_ONLY.includes(key)),
  );
  options["noEmit"] = true;
  if (withCli) options["types"] = ["node"];
  const tsconfig = {
    compilerOptions: options,
    include: packages.map((p) => `${p.name}/src/**/*.ts`),
    exclude: withCli ? [] : packages.map((p) => `${p.name}/src/cli/**`),
  };
  await writeFile(join(root, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  const output = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      [tsc, "-p", join(root, "tsconfig.json")],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve(error ? `${stdout}${stderr}` || String(error) : ""),
    );
  });
  return { root, output, cleanUp: () => rm(root, { recursive: true, force: true }) };
}

/** The number of `error TS` lines in tsc output. */
export const errorCount = (output: string): number => (output.match(/error TS\d+/g) ?? []).length;
