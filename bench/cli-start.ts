/**
 * The generated CLI's start time, whole process: `node dist/cli.js user-identity token issue
 * --scope chat` against the local identity service on 127.0.0.1, from spawn to exit (Node's own
 * start, loading the bundle, parsing, signing, the HTTP call and printing). The bundle is built
 * as the package's own build does it (esbuild, `CLI_BUILD_STEPS`), from the generated
 * communication-identity 2025-03-02-preview package. Prints the median of N runs after two
 * warm-up runs; the goal is under 300 ms. Asserts nothing.
 *
 *   npm exec -- node bench/cli-start.ts [--runs 21]
 *
 * `SPECSMITH_PACKAGES_DIR` measures other output, e.g. an older `generated/packages` from `git archive`.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { CLI_BUNDLE_OPTIONS } from "../generator/plan/cli/cli-layout.ts";
import { generatedDir, repoRoot } from "../test/support/paths.ts";
import { startIdentityService } from "../test/support/services/identity-service.ts";

const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag === -1 ? 21 : Number(process.argv[runsFlag + 1]);
const PACKAGE = join(
  process.env["SPECSMITH_PACKAGES_DIR"] || join(generatedDir, "packages"),
  "communication-identity-2025-03-02-preview",
);
const work = join(repoRoot, ".tmp", `bench-cli-start-${process.pid}`);
const bundle = join(work, "cli.js");

/** Runs the bundle once; resolves with the wall-clock milliseconds from spawn to exit. */
function timeOnce(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [bundle, "user-identity", "token", "issue", "--scope", "chat", "--only-show-errors"],
      { env, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}

mkdirSync(work, { recursive: true });
const service = await startIdentityService();
try {
  // The same esbuild settings as the package's build (`generator/plan/cli/cli-layout.ts`).
  await build({
    ...CLI_BUNDLE_OPTIONS,
    entryPoints: [join(PACKAGE, "src/cli/main.ts")],
    logLevel: "warning",
    outfile: bundle,
  });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env["PATH"],
    AZURE_COMMUNICATION_CONNECTION_STRING: service.connectionString,
  };
  for (let i = 0; i < 2; i++) await timeOnce(env);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeOnce(env));
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(0);
  console.log(`cli bundle: ${(statSync(bundle).size / 1024).toFixed(0)} KiB`);
  console.log(
    `token issue, whole process, ${RUNS} runs on ${process.version}: median ${at(0.5)} ms, min ${at(0)} ms, p90 ${at(0.9)} ms (goal: median < 300 ms)`,
  );
} finally {
  await service.close();
  rmSync(work, { recursive: true, force: true });
}
