/**
 * How long generation takes:
 *   1. `npm run generate` end to end (TypeSpec compile of every service, IR, emit, write), spawned;
 *   2. the generator alone on the largest OpenAPI fixture under `test/fixtures/`, in process and by
 *      stage (load, IR, sources, scaffold), so Node's start-up and TypeSpec are not counted;
 *   3. `specsmith generate --spec <fixture>` spawned, which adds start-up and writing.
 * Prints medians (and every run); asserts nothing.
 *
 *   npm exec -- node bench/generate.ts [--runs 5] [--fixture-only]
 *
 * `--fixture-only` leaves out `npm run generate` (which rewrites whatever is stale in `generated/`).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { printOutputs } from "../generator/build/print-files.ts";
import { libraryOutputs } from "../generator/emit/outputs.ts";
import { planPackage } from "../generator/plan/package-plan.ts";
import { emitScaffold } from "../generator/emit/package/emit-scaffold.ts";
import { buildIr } from "../generator/ir/build-ir.ts";
import { isObject, loadOpenApi } from "../generator/openapi/load-openapi.ts";
import { clientName, packageInfo } from "../generator/build/package-naming.ts";
import { repoRoot } from "../test/support/paths.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, "fixture-only": { type: "boolean", default: false } },
});
const runs = Math.max(1, Number(values.runs) || 5);

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const ms = (value: number): string => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
const line = (label: string, samples: readonly number[]): void =>
  console.log(
    `${label.padEnd(46)} median ${ms(median(samples)).padStart(10)}   runs: ${samples.map((s) => Math.round(s)).join(", ")}`,
  );

/** Wall time of a spawned command, in ms; throws when it fails. */
function timeSpawn(command: string, args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return elapsed;
}

/** The largest .yaml/.yml/.json under test/fixtures/, leaving out the deliberately invalid ones. */
function largestFixture(): string | undefined {
  const root = join(repoRoot, "test/fixtures");
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true, encoding: "utf8" });
  } catch {
    return undefined;
  }
  const candidates = entries
    .filter((path) => /\.(ya?ml|json)$/.test(path) && !path.split(/[\\/]/).includes("invalid"))
    .map((path) => join(root, path));
  candidates.sort((a, b) => statSync(b).size - statSync(a).size || (a < b ? -1 : 1));
  return candidates[0];
}

/** The generator's stages on one document, timed separately. */
function generateInProcess(file: string): {
  load: number;
  ir: number;
  sources: number;
  scaffold: number;
  files: number;
  bytes: number;
  operations: number;
} {
  let t = performance.now();
  const loaded = loadOpenApi(file);
  if (!loaded.value) throw new Error(`cannot load ${file}: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
  const load = performance.now() - t;
  const info = isObject(loaded.value.root["info"]) ? loaded.value.root["info"] : {};
  const title = typeof info["title"] === "string" ? info["title"] : basename(file);
  t = performance.now();
  const ir = buildIr(loaded.value, clientName(title));
  const irTime = performance.now() - t;
  const pkg = packageInfo({
    packageName: "bench-package",
    service: "bench",
    apiVersion: ir.value.apiVersion,
    title,
    source: basename(file),
    regenerate: "specsmith generate",
  });
  t = performance.now();
  // The plan (once per package) counts toward the sources, as before it was planned per call site there.
  const plan = planPackage(ir.value, pkg).value;
  const sources = printOutputs(plan, libraryOutputs);
  const sourcesTime = performance.now() - t;
  t = performance.now();
  const scaffold = emitScaffold(plan);
  const scaffoldTime = performance.now() - t;
  const all = [...sources, ...scaffold];
  return {
    load,
    ir: irTime,
    sources: sourcesTime,
    scaffold: scaffoldTime,
    files: all.length,
    bytes: all.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0),
    operations: ir.value.operations.length,
  };
}

console.log(`specsmith generation benchmark: ${runs} run(s) each, after one warm-up run; Node ${process.version}\n`);

if (!values["fixture-only"]) {
  const npm = process.env["npm_execpath"];
  const [command, prefix]: [string, string[]] =
    npm && /npm-cli\.js$/.test(npm) ? [process.execPath, [npm]] : ["npm", []];
  const generate = [...prefix, "run", "generate", "--", "--quiet"];
  timeSpawn(command, generate);
  line(
    "npm run generate (end to end)",
    Array.from({ length: runs }, () => timeSpawn(command, generate)),
  );
}

const fixture = largestFixture();
if (!fixture) {
  console.log("\nno OpenAPI fixture under test/fixtures/: the generator-alone figures are skipped");
} else {
  console.log(`\nlargest fixture: ${relative(repoRoot, fixture)} (${(statSync(fixture).size / 1024).toFixed(0)} KiB)`);
  const first = generateInProcess(fixture);
  console.log(`  ${first.operations} operations -> ${first.files} files, ${(first.bytes / 1024).toFixed(0)} KiB`);
  const samples = Array.from({ length: runs }, () => generateInProcess(fixture));
  line(
    "  load OpenAPI",
    samples.map((s) => s.load),
  );
  line(
    "  build IR",
    samples.map((s) => s.ir),
  );
  line(
    "  emit sources (ts-morph)",
    samples.map((s) => s.sources),
  );
  line(
    "  emit scaffold (handlebars)",
    samples.map((s) => s.scaffold),
  );
  line(
    "  generator alone, in process (sum)",
    samples.map((s) => s.load + s.ir + s.sources + s.scaffold),
  );

  const out = join(repoRoot, ".tmp", `bench-generate-${process.pid}`);
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  try {
    const cli = [join(repoRoot, "generator/specsmith.js"), "generate", "--spec", fixture, "--out", out, "--quiet"];
    timeSpawn(process.execPath, cli);
    const spawned = Array.from({ length: runs }, () => {
      rmSync(out, { recursive: true, force: true });
      return timeSpawn(process.execPath, cli);
    });
    line("  specsmith generate --spec (spawned, writes)", spawned);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
