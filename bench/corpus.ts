/**
 * specsmith and orval side by side on the real-world corpus (GitHub's and Stripe's descriptions):
 * each tool generates a fetch client from each document, as a spawned process (start-up included),
 * into a fresh temporary folder; one warm-up run, then the median wall time of `--runs` runs and the
 * peak RSS (`/usr/bin/time -f %M`) of the median run's process, and the ratios. Then the full
 * `generate` of our own TypeSpec services (compile included, in-process), which should take < 3 s.
 * Both tools run on the same Node binary (the one running this script), each as its users run it:
 * specsmith with the Node flags of its bin's shebang (also in the npm scripts), orval with none; a
 * last row shows specsmith with Node's defaults too. Prints; asserts nothing.
 *
 *   npm exec -- node bench/corpus.ts [--runs 5] [--only github|stripe]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { corpusDocuments } from "../test/corpus/corpus-dir.ts";
import { repoRoot } from "../test/support/paths.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, only: { type: "string" } } });
const runs = Math.max(1, Number(values.runs) || 5);
const TIME = "/usr/bin/time";
const work = join(repoRoot, ".tmp", `bench-corpus-${process.pid}`);

interface Sample {
  readonly seconds: number;
  /** Peak resident set size in MiB, when `/usr/bin/time` is there to tell. */
  readonly mib?: number;
}

/** Runs a command (through `/usr/bin/time` when present), fails loudly when it fails. */
function measure(command: string, args: readonly string[], cwd: string): Sample {
  const timed = existsSync(TIME);
  const [file, argv] = timed ? [TIME, ["-f", "%M", command, ...args]] : [command, [...args]];
  const started = performance.now();
  const result = spawnSync(file, argv, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr.slice(-2000)}`);
  const kib = timed ? Number(result.stderr.trim().split("\n").at(-1)) : Number.NaN;
  return Number.isFinite(kib) ? { seconds, mib: kib / 1024 } : { seconds };
}

/** One warm-up, then `runs` runs; each starts from an empty output folder. Returns the median run. */
function medianOf(label: string, output: string, run: () => Sample): Sample & { all: number[] } {
  rmSync(output, { recursive: true, force: true });
  run();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(output, { recursive: true, force: true });
    samples.push(run());
  }
  const sorted = [...samples].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const mibs = samples.flatMap((s) => (s.mib === undefined ? [] : [s.mib]));
  const peak = mibs.length > 0 ? { mib: mibs.sort((a, b) => a - b)[Math.floor((mibs.length - 1) / 2)] } : {};
  process.stderr.write(`  ${label}: ${samples.map((s) => s.seconds.toFixed(2)).join(", ")} s\n`);
  return { ...median, ...peak, all: samples.map((s) => s.seconds) };
}

const node = process.execPath;
const cli = join(repoRoot, "generator", "specsmith.js");
/** The Node flags of the `specsmith` bin: `#!/usr/bin/env -S node <flags>`. */
const nodeFlags = (readFileSync(cli, "utf8").split("\n")[0] ?? "").replace(/^#!\S*env\s+(-S\s+)?node\s*/, "").split(/\s+/).filter(Boolean);
const orvalBin = join(repoRoot, "node_modules", "orval", "dist", "bin", "orval.js");

function specsmith(name: string, document: string, flags: readonly string[] = nodeFlags) {
  const out = join(work, `specsmith-${name}`);
  const label = `specsmith ${name}${flags === nodeFlags ? "" : " (Node defaults)"}`;
  return medianOf(label, out, () => measure(node, [...flags, cli, "generate", "--quiet", "--spec", document, "--out", out], repoRoot));
}

/** orval with a config file (as its users run it): a fetch client in one file. */
function orval(name: string, document: string) {
  const dir = join(work, `orval-${name}`);
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "orval.config.ts");
  writeFileSync(
    config,
    [
      'import { defineConfig } from "orval";',
      "export default defineConfig({",
      `  ${JSON.stringify(name)}: {`,
      `    input: { target: ${JSON.stringify(document)} },`,
      '    output: { target: "./out/client.ts", client: "fetch", mode: "single" },',
      "  },",
      "});",
      "",
    ].join("\n"),
  );
  return medianOf(`orval ${name}`, join(dir, "out"), () => measure(node, [orvalBin, "--config", config], dir));
}

const fmt = {
  s: (sample: Sample) => `${sample.seconds.toFixed(2)} s`,
  mib: (sample: Sample) => (sample.mib === undefined ? "n/a" : `${Math.round(sample.mib)} MiB`),
  ratio: (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? "n/a" : (a / b).toFixed(2)),
};

mkdirSync(work, { recursive: true });
try {
  const version = (JSON.parse(readFileSync(join(repoRoot, "node_modules/orval/package.json"), "utf8")) as { version: string }).version;
  console.log(`corpus benchmark: Node ${process.version}, median of ${runs} spawned runs after a warm-up, fresh output folder each run, orval ${version} (fetch client)`);
  console.log(`specsmith runs as its bin does: node ${nodeFlags.join(" ")} generator/specsmith.js generate --spec <document> --out <folder>`);
  const rows: string[][] = [["document", "specsmith", "orval", "time ratio", "specsmith peak", "orval peak", "memory ratio"]];
  const defaults: [string, Sample][] = [];
  for (const [name, document] of Object.entries(corpusDocuments)) {
    if (values.only && values.only !== name) continue;
    const ours = specsmith(name, document);
    const theirs = orval(name, document);
    rows.push([name, fmt.s(ours), fmt.s(theirs), fmt.ratio(ours.seconds, theirs.seconds), fmt.mib(ours), fmt.mib(theirs), fmt.ratio(ours.mib, theirs.mib)]);
    defaults.push([`${name} (specsmith with Node defaults)`, specsmith(name, document, [])]);
  }
  // Our own services end to end: TypeSpec compiled in-process, every package built and written.
  const own = JSON.parse(readFileSync(join(repoRoot, "specsmith.config.json"), "utf8")) as { services: { typespec: string }[] };
  const config = join(work, "specsmith.config.json");
  writeFileSync(config, JSON.stringify({ output: "services", services: own.services.map((s) => ({ ...s, typespec: join(repoRoot, s.typespec) })) }));
  const services = medianOf("specsmith generate (TypeSpec services)", join(work, "services"), () => measure(node, [...nodeFlags, cli, "generate", "--quiet", "--config", config], repoRoot));

  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  console.log("(ratio: specsmith / orval; below 1 is better for specsmith)");
  for (const [label, sample] of defaults) console.log(`${label}: ${fmt.s(sample)}, peak ${fmt.mib(sample)}`);
  console.log(`specsmith generate, our TypeSpec services (compile included): ${fmt.s(services)}, peak ${fmt.mib(services)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
