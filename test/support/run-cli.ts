/** Runs the specsmith CLI in a child process with the same Node binary as the tests. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./paths.ts";

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: string[], cwd = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [join(repoRoot, "generator/specsmith.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
