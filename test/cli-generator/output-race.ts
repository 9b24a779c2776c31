/**
 * For the tests that kill `specsmith generate` mid-write and race several runs on one output
 * folder: three specs whose trees share some files and differ in others (so a run that mixes two
 * trees is visible), their reference trees, and real child processes one can wait for, pause
 * (`SPECSMITH_TEST_PAUSE_AT`, see generator/output/test-hook.ts) and kill.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "../support/paths.ts";
import { folderBytes, specsmith } from "./spawn-cli.ts";

export type Tree = Record<string, string>;

export interface Specs {
  /** read-write-only.yaml */
  readonly base: string;
  /** base with another API description: its README and client differ, every other file is the same */
  readonly variant: string;
  /** enums.yaml: a different package */
  readonly other: string;
}

/**
 * Writes the three specs into `dir`, each as `<name>/api.yaml`: generated files name the spec's
 * file in their header, and the trees should differ only where the APIs do (and in the command
 * their headers name, `--spec ../<name>/api.yaml`).
 */
export function writeSpecs(dir: string): Specs {
  const place = (name: string, text: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, "api.yaml"), text);
    return join(dir, name, "api.yaml");
  };
  const fixture = (name: string) => readFileSync(join(repoRoot, "test/fixtures/openapi", name), "utf8");
  const base = fixture("read-write-only.yaml");
  return {
    base: place("base", base),
    variant: place("variant", base.replace("A model used in both requests", "One model used in both requests")),
    other: place("other", fixture("enums.yaml")),
  };
}

/**
 * `generate --spec <spec> --out out` run beside `out`: headers name the command with paths relative
 * to the working folder, so every `<dir>/<label>/out` gets the same bytes from the same spec.
 */
function generateCommand(spec: string, out: string): { readonly cwd: string; readonly args: string[] } {
  const cwd = dirname(out);
  mkdirSync(cwd, { recursive: true });
  return { cwd, args: ["generate", "--spec", relative(cwd, spec), "--out", basename(out)] };
}

/** Generates `spec` into `out` in one uninterrupted run and returns the tree. */
export function generateTree(spec: string, out: string): Tree {
  const { cwd, args } = generateCommand(spec, out);
  const run = specsmith([...args, "--quiet"], { cwd });
  if (run.status !== 0) throw new Error(`reference generate failed: ${run.stderr}`);
  return folderBytes(out);
}

/** `<dir>/<label>/out`, a copy of the generated folder `source`: a run's starting point. */
export function copyOutput(source: string, dir: string, label: string): string {
  const out = join(dir, label, "out");
  mkdirSync(dirname(out), { recursive: true });
  cpSync(source, out, { recursive: true });
  return out;
}

/** The files of `out` with their bytes, or undefined when the folder does not exist. */
export const treeOf = (out: string): Tree | undefined => (existsSync(out) ? folderBytes(out) : undefined);

/** Which of `trees` `out` is exactly (same file list, same bytes), or how it differs from all. */
export function whichTree(out: string, trees: Record<string, Tree>): string {
  const actual = treeOf(out);
  if (actual === undefined) return "missing";
  for (const [name, tree] of Object.entries(trees)) if (sameTree(actual, tree)) return name;
  const paths = [...new Set([...Object.keys(actual), ...Object.values(trees).flatMap((t) => Object.keys(t))])].sort();
  const differs = (tree: Tree) => paths.filter((p) => actual[p] !== tree[p]);
  return `mixed: ${Object.entries(trees)
    .map(([name, tree]) => `differs from ${name} in ${differs(tree).join(", ")}`)
    .join("; ")}`;
}

function sameTree(a: Tree, b: Tree): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The writer's files beside `out`: its lock, staging and previous folders. */
export const besideOut = (out: string): string[] =>
  readdirSync(dirname(out))
    .filter((entry) => entry.startsWith(`.${basename(out)}.`))
    .sort();

export interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Running {
  readonly pid: number;
  /** Resolves true once the run printed `text` on stderr, false if it ended first. */
  stderrShows(text: string): Promise<boolean>;
  readonly done: Promise<Ended>;
}

/** `specsmith generate --spec <spec> --out <out>` as a child process; `env` adds test hooks. */
export function startGenerate(spec: string, out: string, env: Record<string, string> = {}): Running {
  const { cwd, args } = generateCommand(spec, out);
  const child = spawn(process.execPath, [join(repoRoot, "generator/specsmith.js"), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  let stdout = "";
  let stderr = "";
  const waiting: { text: string; resolve: (shown: boolean) => void }[] = [];
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const w of waiting.filter((w) => stderr.includes(w.text))) w.resolve(true);
  });
  const done = new Promise<Ended>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => {
      for (const w of waiting) w.resolve(stderr.includes(w.text));
      resolve({ status, signal, stdout, stderr });
    });
  });
  if (child.pid === undefined) throw new Error("could not start specsmith");
  return {
    pid: child.pid,
    done,
    stderrShows: (text) =>
      stderr.includes(text) ? Promise.resolve(true) : new Promise((resolve) => waiting.push({ text, resolve })),
  };
}

/** A run paused by `SPECSMITH_TEST_PAUSE_AT=<step>` says this on stderr before it stops. */
export const pausedAt = (step: string): string => `specsmith-test: paused at ${step}`;

/**
 * Continues a paused run. It announces the pause just before stopping itself, so a SIGCONT sent
 * on reading the line can arrive before the SIGSTOP and be lost: wait until the kernel reports
 * the process stopped (state `T` in /proc/<pid>/stat; the tests run on Linux).
 */
export async function resume(pid: number): Promise<void> {
  while (!/^\d+ \(.*\) T /.test(readFileSync(`/proc/${pid}/stat`, "utf8"))) await sleep(5);
  process.kill(pid, "SIGCONT");
}
