/**
 * How `specsmith generate` and `specsmith diff` grow with the length and depth of a schema graph
 * (issue 15 item 7, issue 14 item 1): `$ref` alias chains and `allOf` chains of 1k/2k/5k/10k
 * models (generate, and diff against a copy whose leaf type changed), unions nested 5..20 deep
 * (through refs and inline) and Stripe's "expandable" pattern (diff against itself and the changed
 * copy). The documents come from `test/support/hostile-graphs.ts`. Each run is a spawned process,
 * so the figures are wall time and peak RSS (`/usr/bin/time -f %M`) of one whole command; a run
 * that overflows the stack or exceeds `--timeout` seconds says so. Prints; asserts nothing.
 *
 *   npm exec -- node bench/graph-chains.ts [--timeout 120]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  allOfChain,
  expandable,
  inlineNestedUnions,
  nestedUnions,
  refAliasChain,
} from "../test/support/hostile-graphs.ts";
import { repoRoot } from "../test/support/paths.ts";

const { values } = parseArgs({ options: { timeout: { type: "string", default: "120" } } });
const timeoutMs = Math.max(1, Number(values.timeout) || 120) * 1000;
const work = join(repoRoot, ".tmp", "bench-graph-chains");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

type Build = (leafType?: string) => Record<string, unknown>;

/** Writes the document and its changed copy; returns their paths and the document's size. */
function documents(name: string, build: Build): { old: string; changed: string; kb: number } {
  const text = JSON.stringify(build());
  const [old, changed] = [join(work, `${name}.json`), join(work, `${name}-changed.json`)];
  writeFileSync(old, text);
  writeFileSync(changed, JSON.stringify(build("integer")));
  return { old, changed, kb: Math.round(text.length / 1024) };
}

/** One spawned `specsmith` run: "1.23 s  145 MB", or what went wrong. */
function measure(args: string[]): string {
  const started = performance.now();
  const run = spawnSync(
    "/usr/bin/time",
    ["-f", "%M", process.execPath, join(repoRoot, "generator", "specsmith.js"), ...args],
    {
      encoding: "utf8",
      timeout: timeoutMs,
      maxBuffer: 1 << 30,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.signal) return `> ${timeoutMs / 1000} s (stopped)`;
  const lines = run.stderr.trim().split("\n");
  const peakKb = Number(lines.at(-1));
  const status =
    run.status === 70 || /RangeError/.test(run.stderr)
      ? "  CRASH (exit 70)"
      : run.status! > 1
        ? `  exit ${run.status}`
        : "";
  return `${seconds.toFixed(2).padStart(7)} s ${String(Math.round(peakKb / 1024)).padStart(5)} MB${status}`;
}

function row(label: string, build: Build, generate: boolean): void {
  const { old, changed, kb } = documents(label.replace(/\W+/g, "-"), build);
  const cells = [
    generate ? `generate ${measure(["generate", "--spec", old, "--out", join(work, "out"), "--quiet"])}` : "",
    `diff self ${measure(["diff", old, old, "--format", "json"])}`,
    `diff changed ${measure(["diff", old, changed, "--format", "json"])}`,
  ].filter(Boolean);
  console.log(`${label.padEnd(28)} ${`${kb} KB`.padStart(8)}   ${cells.join("   ")}`);
}

console.log(`specsmith on long and deep schema graphs (one spawned run each, timeout ${timeoutMs / 1000} s)`);
for (const length of [1000, 2000, 5000, 10000])
  row(`$ref alias chain ${length}`, (leaf) => refAliasChain(length, leaf), true);
for (const length of [1000, 2000, 5000, 10000]) row(`allOf chain ${length}`, (leaf) => allOfChain(length, leaf), true);
for (const depth of [5, 8, 10, 15, 20])
  row(`unions via refs, depth ${depth}`, (leaf) => nestedUnions(depth, leaf), false);
for (const depth of [5, 8, 10, 15, 20])
  row(`unions inline, depth ${depth}`, (leaf) => inlineNestedUnions(depth, leaf), false);
row("expandable (Stripe pattern)", (leaf) => expandable(leaf), false);
rmSync(work, { recursive: true, force: true });
