/**
 * What a package author runs before publishing, as functions for the package tests: build with the
 * repository's TypeScript, `npm pack`, publint, attw, and a fresh consumer project that installs
 * the tarball. Child processes run asynchronously, so the test's own HTTP server keeps answering.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { repoRoot } from "../../support/paths.ts";

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** npm settings a child npm must not inherit from the `npm exec`/`npm test` running the tests (e.g. `local_prefix`). */
const KEEP_NPM_ENV = new Set([
  "npm_config_cache",
  "npm_config_userconfig",
  "npm_config_globalconfig",
  "npm_config_cafile",
]);

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: "1", FORCE_COLOR: "0" };
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_") || KEEP_NPM_ENV.has(key.toLowerCase())) env[key] = value;
  }
  delete env["NODE_OPTIONS"];
  return env;
}

export function run(command: string, args: readonly string[], cwd: string, timeoutMs = 90_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a Node script with the Node running the tests (Node 24 under `npm test`). */
export const runNode = (args: readonly string[], cwd: string): Promise<RunResult> => run(process.execPath, args, cwd);

/** npm, on the same Node as the tests when npm told us where its CLI is. */
export function runNpm(args: readonly string[], cwd: string): Promise<RunResult> {
  const cli = process.env["npm_execpath"];
  return cli && /npm-cli\.js$/.test(cli) ? run(process.execPath, [cli, ...args], cwd) : run("npm", args, cwd);
}

const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");

/** `tsc` of the repository, e.g. `["-p", dir]`. */
export const runTsc = (args: readonly string[], cwd: string): Promise<RunResult> => runNode([tsc, ...args], cwd);

/** Text of a failed run, for assertion messages. */
export const output = (result: RunResult): string => `exit ${result.code}\n${result.stdout}\n${result.stderr}`.trim();

export interface Packed {
  readonly tarball: string;
  /** Paths inside the package, as npm lists them. */
  readonly files: readonly string[];
}

/** `npm pack` into `destination`. Scripts are not run: the package is already built. */
export async function pack(packageDir: string, destination: string): Promise<Packed> {
  const result = await runNpm(["pack", "--json", "--ignore-scripts", "--pack-destination", destination], packageDir);
  if (result.code !== 0) throw new Error(`npm pack failed: ${output(result)}`);
  const [entry] = JSON.parse(result.stdout) as { filename: string; files: { path: string }[] }[];
  if (!entry) throw new Error(`npm pack printed no file: ${result.stdout}`);
  return { tarball: join(destination, entry.filename), files: entry.files.map((f) => f.path) };
}

/** Every publint message about the tarball at the `suggestion` level (warnings as errors), formatted. */
export async function publintMessages(tarball: string): Promise<string[]> {
  const bytes = await readFile(tarball);
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ level: "suggestion", strict: true, pack: { tarball: arrayBuffer } });
  return messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg) ?? ""}`);
}

/** Problems attw finds in the tarball, for every resolution: node10, node16 from CommonJS and from ESM, bundler. */
export async function attwProblems(tarball: string, cwd: string): Promise<string[]> {
  const cli = join(repoRoot, "node_modules/@arethetypeswrong/cli/dist/index.js");
  const result = await runNode([cli, tarball, "--format", "json"], cwd);
  let report: { analysis?: { types?: unknown; problems?: unknown[] } };
  try {
    report = JSON.parse(result.stdout) as typeof report;
  } catch {
    return [`attw did not print JSON: ${output(result)}`];
  }
  if (report.analysis?.types === false) return ["attw found no types in the package"];
  return (report.analysis?.problems ?? []).map((p) => JSON.stringify(p));
}

/** The fenced ```ts blocks of a Markdown text, in order, with the `## ` section each sits in. */
export function typescriptBlocks(markdown: string): { readonly section: string; readonly code: string }[] {
  const blocks: { section: string; code: string }[] = [];
  let section = "";
  let code: string[] | undefined;
  for (const line of markdown.split("\n")) {
    if (code) {
      if (line.startsWith("```")) {
        blocks.push({ section, code: code.join("\n") });
        code = undefined;
      } else code.push(line);
    } else if (line.startsWith("## ")) section = line.slice(3).trim();
    else if (line.trim() === "```ts") code = [];
  }
  return blocks;
}

/** README blocks as modules: a block that uses `client` without creating it gets the "Create the client" block first. */
export function readmeModules(readme: string): string[] {
  const blocks = typescriptBlocks(readme);
  const prelude = blocks.find((b) => b.section === "Create the client")?.code ?? "";
  return blocks.map(({ code }) => {
    const needsClient = /\bclient\b/.test(code) && !/\bconst client\b/.test(code);
    const module = needsClient ? `${prelude}\n\n${code}` : code;
    // Every block is a module (top-level await needs one), even one without imports.
    return /^import /m.test(module) ? `${module}\n` : `${module}\nexport {};\n`;
  });
}

/** The compiler options of a project that uses a generated package: strict, NodeNext, nothing emitted. */
export const CONSUMER_COMPILER_OPTIONS = {
  target: "ES2023",
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  types: [],
} as const;

/**
 * `@azure/identity`'s credential for the README's token-credential examples, declared with
 * `@azure/core-auth`'s real types (resolved from the repository), so the examples also prove that
 * a real `TokenCredential` fits the generated constructors.
 */
export const AZURE_IDENTITY_STUB = `declare module "@azure/identity" {
  import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
  export class DefaultAzureCredential implements TokenCredential {
    getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
  }
}
`;
