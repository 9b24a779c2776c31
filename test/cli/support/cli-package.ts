/**
 * A generated package as its users get it, for the CLI tests: copied to `.tmp/`, built with its
 * own `npm run build` (tsc, then esbuild bundles the CLI), packed, and installed from the tarball
 * into a fresh project, whose `node_modules/.bin/<bin>` is what the tests run.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generatedDir, repoRoot } from "../../support/paths.ts";
import { output, pack, runNpm, type RunResult } from "../../packages/support/package-tools.ts";

export interface InstalledCli {
  /** The bin as installed: `<consumer>/node_modules/.bin/<name>`. */
  readonly bin: string;
  readonly name: string;
  readonly consumer: string;
  /** The built package folder (with `dist/`). */
  readonly built: string;
  readonly installedManifest: Record<string, unknown>;
}

export async function makeWorkDir(label: string): Promise<{ dir: string; cleanUp: () => Promise<void> }> {
  await mkdir(join(repoRoot, ".tmp"), { recursive: true });
  const dir = await mkdtemp(join(repoRoot, ".tmp", `${label}-`));
  // KEEP_TMP=1 keeps the builds for a look after a failure.
  return {
    dir,
    cleanUp: () => (process.env["KEEP_TMP"] ? Promise.resolve() : rm(dir, { recursive: true, force: true })),
  };
}

export async function installGeneratedCli(directory: string, work: string): Promise<InstalledCli> {
  const built = join(work, directory);
  await cp(join(generatedDir, "packages", directory), built, {
    recursive: true,
    filter: (p) => !/[\\/](dist|node_modules)$/.test(p),
  });
  const build = await runNpm(["run", "build"], built);
  if (build.code !== 0) throw new Error(`npm run build failed in ${directory}: ${output(build)}`);
  const { tarball } = await pack(built, work);
  const consumer = join(work, `${directory}-consumer`);
  await mkdir(consumer, { recursive: true });
  await writeFile(
    join(consumer, "package.json"),
    `${JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  const install = await runNpm(
    ["install", tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"],
    consumer,
  );
  if (install.code !== 0) throw new Error(`npm install failed for ${directory}: ${output(install)}`);
  const manifest = JSON.parse(await readFile(join(built, "package.json"), "utf8")) as {
    name: string;
    bin: Record<string, string>;
  };
  const [name = ""] = Object.keys(manifest.bin);
  const installedManifest = JSON.parse(
    await readFile(join(consumer, "node_modules", manifest.name, "package.json"), "utf8"),
  ) as Record<string, unknown>;
  return { bin: join(consumer, "node_modules", ".bin", name), name, consumer, built, installedManifest };
}

/** An environment without npm's settings, colours or any Azure variable of the developer's shell. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|AZURE_)/i.test(key) && key !== "NODE_OPTIONS" && key !== "FORCE_COLOR") env[key] = value;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

export interface RunOptions {
  readonly env?: Record<string, string>;
  /** Runs `command` itself (its shebang) instead of `node <command>`. */
  readonly direct?: boolean;
  readonly timeoutMs?: number;
}

/** Runs the bin with stdin closed (no terminal): asynchronously, so the test's server keeps answering. */
export function runBin(bin: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const [command, argv] = options.direct ? [bin, args] : [process.execPath, [bin, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, {
      env: cleanEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
      timeout: options.timeoutMs ?? 60_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the bin on a pseudo-terminal (`script` from util-linux), typing `answer` and Enter once the
 * prompt `waitFor` appears. Returns the exit code of the bin (`script -e`) and what the terminal showed.
 */
export function runBinOnTerminal(
  bin: string,
  args: readonly string[],
  waitFor: RegExp,
  answer: string,
  env: Record<string, string>,
): Promise<RunResult> {
  const commandLine = [process.execPath, bin, ...args].map(shellQuote).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-q", "-e", "-c", commandLine, "/dev/null"], {
      env: cleanEnv(env),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: 60_000,
    });
    let stdout = "";
    let answered = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (!answered && waitFor.test(stdout)) {
        answered = true;
        child.stdin.write(`${answer}\n`);
      }
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      child.stdin.destroy();
      resolve({ code, stdout, stderr });
    });
  });
}

/** Output without ANSI colour codes (`jsonc`, `yamlc`). */
export const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
