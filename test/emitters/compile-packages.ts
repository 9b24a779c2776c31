/**
 * Writes generated sources to a temporary folder under `.tmp/` and type-checks them with the
 * project's TypeScript under `--strict --noUncheckedIndexedAccess`, emitting JavaScript so tests
 * can also run the generated code.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { OutputFile } from "../../generator/output/write-tree.ts";
import { CONSUMER_COMPILER_OPTIONS } from "../packages/support/package-tools.ts";
import { repoRoot } from "../support/paths.ts";

const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");

export interface CompiledPackages {
  /** The folder holding `<package>/src/**` and the emitted `<package>/dist/**`. */
  readonly root: string;
  /** tsc's output: empty when everything type-checks. */
  readonly diagnostics: string;
  readonly cleanUp: () => Promise<void>;
}

const compilerOptions = {
  ...CONSUMER_COMPILER_OPTIONS,
  noEmit: false,
  exactOptionalPropertyTypes: false,
  noImplicitOverride: true,
  declaration: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  types: [],
  rootDir: ".",
  outDir: "dist",
};

/** Compiles each package (name -> sources) in one tsc run; JavaScript lands in `dist/<name>/src/`. */
export async function compilePackages(
  packages: Record<string, readonly OutputFile[]>,
  label: string,
): Promise<CompiledPackages> {
  const base = join(repoRoot, ".tmp");
  await mkdir(base, { recursive: true });
  const root = await mkdtemp(join(base, `emitters-${label}-`));
  for (const [name, files] of Object.entries(packages)) {
    for (const file of files) {
      const target = join(root, name, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  }
  await writeFile(join(root, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(
    join(root, "tsconfig.json"),
    JSON.stringify({ compilerOptions, include: ["*/src/**/*.ts"] }, null, 2),
  );
  const diagnostics = await new Promise<string>((resolve) => {
    promisify(execFile)(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { cwd: root }).then(
      () => resolve(""),
      (error: { stdout?: string; stderr?: string }) => resolve(`${error.stdout ?? ""}${error.stderr ?? ""}`),
    );
  });
  return { root, diagnostics, cleanUp: () => rm(root, { recursive: true, force: true }) };
}

/** A generated client method, called with untyped arguments (the tests pick what each one takes). */
export type ClientCall = (...args: unknown[]) => Promise<unknown>;

/**
 * The methods of a compiled package's client class, bound to one instance pointed at `endpoint`
 * without retries (so a test's server sees exactly one request per call).
 */
export async function compiledClient(
  compiled: CompiledPackages,
  packageName: string,
  className: string,
  endpoint: string,
): Promise<Record<string, ClientCall>> {
  const module = (await import(pathToFileURL(join(compiled.root, `dist/${packageName}/src/index.js`)).href)) as Record<
    string,
    new (options: object) => Record<string, ClientCall>
  >;
  const Client = module[className]!;
  const instance = new Client({ endpoint, retry: { maxRetries: 0 } });
  const methods = Object.getOwnPropertyNames(Client.prototype).filter((name) => name !== "constructor");
  return Object.fromEntries(methods.map((name) => [name, (instance[name] as ClientCall).bind(instance)]));
}
