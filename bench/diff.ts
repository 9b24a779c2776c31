/**
 * How long `specsmith diff` takes on big documents: the largest fixture (`test/fixtures/openapi/
 * large.json`) and the GitHub REST corpus (`/work/shared/corpus/github-rest-2022-07.json`), each
 * against a copy mutated deterministically (`mutate` below: operations removed, required
 * parameters added, properties removed and made required, models renamed, operationIds changed),
 * so the diff has hundreds of findings to judge and SDK changes to tie. Prints medians (and every
 * run) by stage, wire level and with the SDK layer; asserts nothing.
 *
 *   npm exec -- node bench/diff.ts [--runs 5]
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { compareApis } from "../generator/diff/compare-apis.ts";
import { generatedPackage } from "../generator/diff/sdk/generated-package.ts";
import { loadApiDocument } from "../generator/diff/load-api.ts";
import { addSdkView } from "../generator/diff/sdk/sdk-layer.ts";
import { repoRoot } from "../test/support/paths.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Math.max(1, Number(values.runs) || 5);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

/** The same edits for any document, chosen by position so every run mutates the same things. */
function mutate(text: string): string {
  const doc = JSON.parse(text) as Json;
  const schemas =
    isObject(doc["components"]) && isObject(doc["components"]["schemas"]) ? doc["components"]["schemas"] : {};
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  let n = 0;
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      n++;
      if (n % 10 === 0)
        delete item[method]; // operation removed
      else if (n % 7 === 0)
        op["parameters"] = [
          ...(Array.isArray(op["parameters"]) ? op["parameters"] : []),
          { name: "mutated", in: "query", required: true, schema: { type: "string" } },
        ];
      else if (n % 13 === 0 && typeof op["operationId"] === "string") op["operationId"] = `${op["operationId"]}Renamed`; // SDK rename, wire no-op
    }
    if (Object.keys(item).every((k) => !METHODS.includes(k))) delete paths[path];
  }
  let m = 0;
  const renames: [string, string][] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    m++;
    if (!isObject(schema) || !isObject(schema["properties"])) continue;
    const props = Object.keys(schema["properties"]);
    if (m % 5 === 0 && props.length > 1) delete schema["properties"][props[props.length - 1]!]; // property removed
    if (m % 6 === 0 && props[0])
      schema["required"] = [...new Set([...(Array.isArray(schema["required"]) ? schema["required"] : []), props[0]])]; // now required
    if (m % 11 === 0) renames.push([name, `${name}Renamed`]); // component renamed: a wire no-op
  }
  let out = JSON.stringify(doc);
  for (const [from, to] of renames) {
    out = out
      .split(`"#/components/schemas/${from}"`)
      .join(`"#/components/schemas/${to}"`)
      .split(`"${from}":{`)
      .join(`"${to}":{`);
  }
  return out;
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
const ms = (value: number): string => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
const line = (label: string, samples: readonly number[]): void =>
  console.log(
    `  ${label.padEnd(44)} median ${ms(median(samples)).padStart(9)}   runs: ${samples.map((s) => Math.round(s)).join(", ")}`,
  );

function timed<T>(samples: number[], work: () => T): T {
  const start = performance.now();
  const value = work();
  samples.push(performance.now() - start);
  return value;
}

function load(label: string, text: string) {
  const loaded = loadApiDocument(label, text);
  if (!loaded.value) throw new Error(`${label} does not load: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
  return { ...loaded.value, label };
}

function bench(file: string): void {
  if (!existsSync(file)) {
    console.log(`${file}: missing, skipped`);
    return;
  }
  const text = readFileSync(file, "utf8");
  const mutated = mutate(text);
  const t = {
    load: [] as number[],
    wire: [] as number[],
    located: [] as number[],
    emit: [] as number[],
    sdk: [] as number[],
    total: [] as number[],
    wireTotal: [] as number[],
  };
  let summary = "";
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const [sa, sb] = timed(t.load, () => [load("old", text), load("new", mutated)] as const);
    const [a, b] = [sa.api, sb.api];
    timed(t.wire, () => compareApis(a, b));
    // The same diff with each finding located in both documents (pointer, line, column).
    const wire = timed(t.located, () => compareApis(a, b, { documents: { old: sa, new: sb } }));
    t.wireTotal.push(performance.now() - start);
    const [pa, pb] = timed(t.emit, () => [generatedPackage(a), generatedPackage(b)] as const);
    const full = timed(t.sdk, () => addSdkView(wire, { api: a, ...pa }, { api: b, ...pb }));
    t.total.push(performance.now() - start);
    const only = full.sdk!.changes.filter((c) => !c.findings).length;
    summary = `${a.operations.length} -> ${b.operations.length} operations, ${wire.findings.length} findings, ${full.sdk!.changes.length} SDK changes (${only} SDK-only)`;
  }
  const shown = file.startsWith(repoRoot) ? relative(repoRoot, file) : file;
  console.log(`${shown} vs its mutated copy (${(text.length / 1e6).toFixed(1)} MB): ${summary}`);
  line("load + IR, both documents", t.load);
  line("wire diff (engine, rules, report)", t.wire);
  line("wire diff with source locations", t.located);
  line("= wire level, end to end", t.wireTotal);
  line("generate both packages in memory", t.emit);
  line("SDK layer (ts-morph surfaces, compare, tie)", t.sdk);
  line("= with the SDK layer, end to end", t.total);
}

console.log(`specsmith diff, ${runs} runs each (first run includes warm-up)`);
bench(join(repoRoot, "test/fixtures/openapi/large.json"));
bench("/work/shared/corpus/github-rest-2022-07.json");
