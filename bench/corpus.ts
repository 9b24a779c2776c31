/**
 * specsmith and orval side by side on every real-world document: each file of the shared corpus
 * (`../shared/corpus/` or `$SPECSMITH_CORPUS`: GitHub's and Stripe's descriptions) and the public
 * documents of other shapes in `test/corpus/real-specs/`. Each tool generates a fetch client from
 * each document, as a spawned process (start-up included), into a fresh temporary folder. Runs are
 * interleaved (round r runs every document with both tools, the tool that goes first alternating
 * by round), so a change of machine load hits both tools alike; round 0 is a warm-up. Per document:
 * the median wall time of `--runs` rounds for each tool, their ratio, and the highest peak RSS
 * (`/usr/bin/time -f %M`) any run of each tool reached, and that ratio. The machine's load average
 * is printed at the start and the end (the figures mean little on a loaded machine). Then, unless
 * `--no-services`, the full `generate` of our own TypeSpec services (compile included), and with
 * `--node-defaults` specsmith once more per document with Node's default flags. Both tools run on
 * the same Node binary (the one running this script), each as its users run it: specsmith with the
 * Node flags of its bin's shebang (also in the npm scripts), orval with none. Prints; asserts nothing.
 *
 *   npm exec -- node bench/corpus.ts [--runs 5] [--only <name>] [--no-services] [--node-defaults]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { realSpecDocuments, sharedCorpusFiles } from "../test/corpus/corpus-dir.ts";
import { repoRoot } from "../test/support/paths.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    only: { type: "string" },
    "no-services": { type: "boolean", default: false },
    "node-defaults": { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(values.runs) || 5);
const TIME = "/usr/bin/time";
const work = join(repoRoot, ".tmp", `bench-corpus-${process.pid}`);

interface Sample {
  readonly seconds: number;
  /** Peak resident set size in MiB, when `/usr/bin/time` is there to tell. */
  readonly mib?: number;
}

/** Runs a command (through `/usr/bin/time` when present); throws with its stderr's tail when it fails. */
function measure(command: string, args: readonly string[], cwd: string): Sample {
  const timed = existsSync(TIME);
  const [file, argv] = timed ? [TIME, ["-f", "%M", command, ...args]] : [command, [...args]];
  const started = performance.now();
  const result = spawnSync(file, argv, {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`exit ${result.status}: ${result.stderr.trim().split("\n").slice(-3).join(" / ").slice(0, 300)}`);
  const kib = timed ? Number(result.stderr.trim().split("\n").at(-1)) : Number.NaN;
  return Number.isFinite(kib) ? { seconds, mib: kib / 1024 } : { seconds };
}

const node = process.execPath;
const cli = join(repoRoot, "generator", "specsmith.js");
/** The Node flags of the `specsmith` bin: `#!/usr/bin/env -S node <flags>`. */
const nodeFlags = (readFileSync(cli, "utf8").split("\n")[0] ?? "")
  .replace(/^#!\S*env\s+(-S\s+)?node\s*/, "")
  .split(/\s+/)
  .filter(Boolean);
const orvalBin = join(repoRoot, "node_modules", "orval", "dist", "bin", "orval.js");

/** One way of generating a client from one document; `run` starts from an empty output folder. */
interface Tool {
  readonly name: string;
  readonly run: (name: string, document: string) => Sample;
}

const specsmithWith = (flags: readonly string[]) => (name: string, document: string) => {
  const out = join(work, `specsmith-${name}`);
  rmSync(out, { recursive: true, force: true });
  return measure(node, [...flags, cli, "generate", "--quiet", "--spec", document, "--out", out], repoRoot);
};

/** orval with a config file (as its users run it): a fetch client in one file. */
function orval(name: string, document: string): Sample {
  const dir = join(work, `orval-${name}`);
  rmSync(join(dir, "out"), { recursive: true, force: true });
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
  return measure(node, [orvalBin, "--config", config], dir);
}

const TOOLS: readonly Tool[] = [
  { name: "specsmith", run: specsmithWith(nodeFlags) },
  { name: "orval", run: orval },
];

/** Every document, named by its file (shared corpus) or its folder (real-specs). */
const documents: [string, string][] = [
  ...sharedCorpusFiles().map((file): [string, string] => [basename(file, extname(file)), file]),
  ...Object.entries(realSpecDocuments),
].filter(([name]) => !values.only || values.only === name);

/** Per document and tool: every measured run, or why the tool failed on it. */
type Outcome = { samples: Sample[] } | { failure: string };
const outcomes = new Map<string, Outcome>();
const key = (document: string, tool: string) => `${document}\u0000${tool}`;

function record(document: string, tool: Tool, file: string, measured: boolean): void {
  const k = key(document, tool.name);
  const previous = outcomes.get(k);
  if (previous && "failure" in previous) return;
  try {
    const sample = tool.run(document, file);
    if (measured) outcomes.set(k, { samples: [...(previous?.samples ?? []), sample] });
    else if (!previous) outcomes.set(k, { samples: [] });
  } catch (error) {
    outcomes.set(k, { failure: error instanceof Error ? error.message : String(error) });
  }
}

const median = (numbers: readonly number[]): number | undefined => {
  if (numbers.length === 0) return undefined;
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

interface Summary {
  readonly seconds?: number;
  readonly mib?: number;
  readonly failure?: string;
}

function summarize(document: string, tool: string): Summary {
  const outcome = outcomes.get(key(document, tool));
  if (!outcome) return { failure: "not run" };
  if ("failure" in outcome) return { failure: outcome.failure };
  const mibs = outcome.samples.flatMap((s) => (s.mib === undefined ? [] : [s.mib]));
  return {
    seconds: median(outcome.samples.map((s) => s.seconds)),
    mib: mibs.length > 0 ? Math.max(...mibs) : undefined,
  };
}

const fmt = {
  s: (value: number | undefined) => (value === undefined ? "failed" : `${value.toFixed(2)} s`),
  mib: (value: number | undefined) => (value === undefined ? "n/a" : `${Math.round(value)} MiB`),
  ratio: (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? "n/a" : (a / b).toFixed(2),
  load: () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
};

function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    );
}

mkdirSync(work, { recursive: true });
try {
  const version = (
    JSON.parse(readFileSync(join(repoRoot, "node_modules/orval/package.json"), "utf8")) as { version: string }
  ).version;
  console.log(
    `corpus benchmark: Node ${process.version}, ${documents.length} documents, median of ${runs} interleaved rounds after a warm-up round, fresh output folder each run, orval ${version} (fetch client)`,
  );
  console.log(
    `specsmith runs as its bin does: node ${nodeFlags.join(" ")} generator/specsmith.js generate --spec <document> --out <folder>`,
  );
  console.log(`load average at start (1, 5, 15 min): ${fmt.load()}`);
  for (let round = 0; round <= runs; round++) {
    const order = round % 2 === 0 ? TOOLS : [...TOOLS].reverse();
    for (const [name, file] of documents) for (const tool of order) record(name, tool, file, round > 0);
    process.stderr.write(`  round ${round}${round === 0 ? " (warm-up)" : ""} done, load ${fmt.load()}\n`);
  }

  const rows: string[][] = [
    ["document", "specsmith", "orval", "time ratio", "specsmith peak", "orval peak", "memory ratio"],
  ];
  const failures: string[] = [];
  for (const [name] of documents) {
    const [ours, theirs] = TOOLS.map((tool) => summarize(name, tool.name)) as [Summary, Summary];
    rows.push([
      name,
      fmt.s(ours.seconds),
      fmt.s(theirs.seconds),
      fmt.ratio(ours.seconds, theirs.seconds),
      fmt.mib(ours.mib),
      fmt.mib(theirs.mib),
      fmt.ratio(ours.mib, theirs.mib),
    ]);
    for (const [tool, summary] of [
      ["specsmith", ours],
      ["orval", theirs],
    ] as const)
      if (summary.failure) failures.push(`${tool} on ${name}: ${summary.failure}`);
  }
  printTable(rows);
  console.log(
    "(time: median wall time; peak: highest RSS of any run; ratio: specsmith / orval, below 1 is better for specsmith)",
  );
  for (const failure of failures) console.log(`failed: ${failure}`);
  console.log(`load average at end (1, 5, 15 min): ${fmt.load()}`);

  if (values["node-defaults"]) {
    for (const [name, file] of documents) {
      const defaults = specsmithWith([]);
      const samples = Array.from({ length: runs }, () => defaults(name, file));
      const mibs = samples.flatMap((s) => (s.mib === undefined ? [] : [s.mib]));
      console.log(
        `${name} (specsmith with Node defaults): ${fmt.s(median(samples.map((s) => s.seconds)))}, peak ${fmt.mib(mibs.length > 0 ? Math.max(...mibs) : undefined)}`,
      );
    }
  }
  if (!values["no-services"]) {
    // Our own services end to end: TypeSpec compiled in-process, every package built and written.
    const own = JSON.parse(readFileSync(join(repoRoot, "specsmith.config.json"), "utf8")) as {
      services: { typespec: string }[];
    };
    const config = join(work, "specsmith.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        output: "services",
        services: own.services.map((s) => ({ ...s, typespec: join(repoRoot, s.typespec) })),
      }),
    );
    const samples = Array.from({ length: runs }, () => {
      rmSync(join(work, "services"), { recursive: true, force: true });
      return measure(node, [...nodeFlags, cli, "generate", "--quiet", "--config", config], repoRoot);
    });
    const mibs = samples.flatMap((s) => (s.mib === undefined ? [] : [s.mib]));
    console.log(
      `specsmith generate, our TypeSpec services (compile included): ${fmt.s(median(samples.map((s) => s.seconds)))}, peak ${fmt.mib(mibs.length > 0 ? Math.max(...mibs) : undefined)}`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
