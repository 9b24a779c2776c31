/**
 * Output bytes depend on the document's meaning only: not on the time zone or locale of the
 * machine (`TZ`, `LANG`, `LC_ALL` varied, Turkish included for its dotted/dotless i), and not on
 * the order of keys in the document's objects (JSON objects are unordered; arrays keep their order,
 * which has meaning). Checked end to end, on fixtures, our TypeSpec services and both corpus specs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { corpusDocuments } from "../corpus/corpus-dir.ts";
import { repoRoot } from "../support/paths.ts";
import { folderBytes, specsmith, workspace } from "./spawn-cli.ts";
import { prng, shuffleKeys } from "../support/shuffle-keys.ts";

const ws = workspace("determinism");
afterAll(() => ws.remove());

const ENVIRONMENTS: readonly Record<string, string>[] = [
  { TZ: "UTC", LANG: "C", LC_ALL: "C" },
  { TZ: "Pacific/Chatham", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
  { TZ: "America/St_Johns", LANG: "ja_JP.UTF-8", LC_ALL: "ja_JP.UTF-8" },
];

describe("TZ and LANG", () => {
  it("do not change a package generated from a document (names with non-ASCII letters, case twins, keywords)", () => {
    // One folder in turn: the files' header names the `--out` that regenerates them.
    const out = join(ws.dir, "fixture");
    const outputs = ENVIRONMENTS.map((env) => {
      rmSync(out, { recursive: true, force: true });
      const run = specsmith(
        ["generate", "--quiet", "--spec", join(repoRoot, "test/fixtures/openapi/naming.yaml"), "--out", out],
        { env },
      );
      expect(run.status, run.stderr).toBe(0);
      return folderBytes(out);
    });
    expect(Object.keys(outputs[0] ?? {}).length).toBeGreaterThan(10);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  it("do not change the output of the TypeSpec services (compile included)", () => {
    const config = join(ws.dir, "specsmith.config.json");
    const own = JSON.parse(readFileSync(join(repoRoot, "specsmith.config.json"), "utf8")) as {
      services: { typespec: string }[];
    };
    const services = own.services.map((s) => ({ ...s, typespec: join(repoRoot, s.typespec) }));
    // One folder in turn: the diff reports locate findings in files named by the output folder.
    writeFileSync(config, JSON.stringify({ output: "services", services }));
    const outputs = ENVIRONMENTS.slice(0, 2).map((env) => {
      rmSync(join(ws.dir, "services"), { recursive: true, force: true });
      const run = specsmith(["generate", "--quiet", "--config", config], { env });
      expect(run.status, run.stderr).toBe(0);
      return folderBytes(join(ws.dir, "services"));
    });
    expect(Object.keys(outputs[0] ?? {}).length).toBeGreaterThan(50);
    expect(outputs[1]).toEqual(outputs[0]);
  });
});

const DOCUMENTS = [
  join(repoRoot, "test/fixtures/openapi/naming.yaml"),
  join(repoRoot, "test/fixtures/openapi/composition.yaml"),
  join(repoRoot, "test/fixtures/openapi/parameters.yaml"),
  join(repoRoot, "test/fixtures/openapi/security.yaml"),
  join(repoRoot, "test/fixtures/openapi/bodies.yaml"),
  join(repoRoot, "test/fixtures/openapi/large.json"),
  corpusDocuments.github,
  corpusDocuments.stripe,
];

describe("a shuffled key order", () => {
  it.each(DOCUMENTS.map((file) => [basename(file), file]))("generates the same bytes: %s", (name, file) => {
    const text = readFileSync(file, "utf8");
    const json = file.endsWith(".json");
    const document = json ? (JSON.parse(text) as unknown) : (parse(text) as unknown);
    const dir = join(ws.dir, "shuffled", name);
    mkdirSync(dir, { recursive: true });
    // Same file name (it appears in the generated header), another folder.
    const shuffledFile = join(dir, name);
    const shuffled = shuffleKeys(document, prng(7));
    writeFileSync(shuffledFile, json ? JSON.stringify(shuffled) : stringify(shuffled));
    const original = buildPackage({ file });
    const reordered = buildPackage({ file: shuffledFile });
    expect(original.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(reordered.files.map((f) => f.path)).toEqual(original.files.map((f) => f.path));
    for (const [i, f] of original.files.entries()) expect(reordered.files[i]?.content, f.path).toBe(f.content);
    expect(reordered.diagnostics.map((d) => `${d.code} ${d.location?.pointer}`).sort()).toEqual(
      original.diagnostics.map((d) => `${d.code} ${d.location?.pointer}`).sort(),
    );
  });
});
