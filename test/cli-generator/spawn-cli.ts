/** Runs `specsmith` as a child process (as a build step would) and looks at folders it writes. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/paths.ts";

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `node generator/specsmith.js ...args` (the bin) with the tests' Node; `env` is added to (or overrides) the environment. */
export function specsmith(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [join(repoRoot, "generator/specsmith.js"), ...args], {
    cwd: options.cwd ?? repoRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder under `.tmp/` (git-ignored), removed by the returned function. */
export function workspace(label: string): { dir: string; remove: () => void } {
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(repoRoot, ".tmp", `${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface FileState {
  readonly content: string;
  readonly mtimeMs: number;
  readonly ino: number;
}

/** Every file under `root` with its bytes, modification time and inode (so a rewrite is visible). */
export function folderState(root: string): Record<string, FileState> {
  const state: Record<string, FileState> = {};
  for (const path of readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
    const full = join(root, path);
    const stats = statSync(full);
    if (stats.isFile())
      state[path.split("\\").join("/")] = {
        content: readFileSync(full, "utf8"),
        mtimeMs: stats.mtimeMs,
        ino: stats.ino,
      };
  }
  return state;
}

/** Every file under `root` with its bytes only. */
export function folderBytes(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(folderState(root)).map(([path, s]) => [path, s.content]));
}

/** The lines of a text, without the empty last one. */
export const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");
