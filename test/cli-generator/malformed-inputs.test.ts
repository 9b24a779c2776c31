/**
 * Malformed inputs, run as a build step runs specsmith: each gives exactly one diagnostic line with
 * its code and `file:line:column`, exit status 1, no stack trace, and leaves the previous output
 * exactly as it was (same bytes, same modification times, same inodes).
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../../generator/openapi/load-openapi.ts";
import { repoRoot } from "../support/paths.ts";
import { folderState, lines, specsmith, workspace, type FileState } from "./spawn-cli.ts";

const invalid = (name: string) => join(repoRoot, "test/fixtures/openapi/invalid", name);
const ws = workspace("malformed");
const out = join(ws.dir, "out");
const huge = join(ws.dir, "huge.json");
let before: Record<string, FileState> = {};

/** A valid OpenAPI document of about `bytes` bytes: many schemas with long descriptions. */
function largeDocument(bytes: number): string {
  const description = "x".repeat(1000);
  const schemas: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const schema = `"Schema${i}":{"type":"object","description":"${description}","properties":{"id":{"type":"string"}}}`;
    schemas.push(schema);
    size += schema.length + 1;
  }
  return `{"openapi":"3.0.3","info":{"title":"Huge","version":"1"},"paths":{},"components":{"schemas":{${schemas.join(",")}}}}`;
}

beforeAll(() => {
  copyFileSync(join(repoRoot, "test/fixtures/openapi/security.yaml"), join(ws.dir, "good.yaml"));
  const first = specsmith(["generate", "--quiet", "--spec", join(ws.dir, "good.yaml"), "--out", out]);
  expect(first.stderr).toBe("");
  expect(first.status).toBe(0);
  writeFileSync(huge, largeDocument(50 * 1024 * 1024));
  before = folderState(out);
});
afterAll(() => ws.remove());

const CASES = [
  { label: "invalid YAML", file: invalid("invalid-syntax.yaml"), code: "invalid-syntax", where: ":10:47" },
  {
    label: "a $ref to nowhere",
    file: invalid("unresolved-ref.yaml"),
    code: "unresolved-ref",
    where: ":17:19 (#/paths/~1items/get/responses/200/content/application~1json/schema/items/$ref)",
  },
  {
    label: "a missing paths object",
    file: invalid("missing-paths.yaml"),
    code: "missing-paths",
    where: ":1:1 (#/paths)",
  },
  {
    label: "a schema with an unknown type",
    file: invalid("unknown-type.yaml"),
    code: "unknown-schema-type",
    where: ":12:11 (#/components/schemas/Item/properties/name/type)",
  },
  { label: "a 50 MB document", file: huge, code: "document-too-large", where: ":1:1 (#)" },
];

describe.each(CASES)("$label", ({ file, code, where }) => {
  it("gives one diagnostic line with code and location, exit status 1, and leaves the output untouched", () => {
    const started = performance.now();
    const run = specsmith(["generate", "--quiet", "--spec", file, "--out", out]);
    const elapsed = performance.now() - started;
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const [line, ...rest] = lines(run.stderr);
    expect(rest).toEqual([]);
    const shown = file.startsWith(repoRoot) ? file.slice(repoRoot.length) : file;
    expect(line).toContain(`${shown}${where} - error ${code}: `);
    expect(folderState(out)).toEqual(before);
    // Refused or diagnosed quickly, even for 50 MB (the size is checked before reading).
    expect(elapsed).toBeLessThan(10_000);
  });

  it("without --quiet: the same line, a summary saying nothing was written, no stack trace", () => {
    const run = specsmith(["generate", "--spec", file, "--out", out]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr).filter((l) => l.includes(` - error ${code}: `))).toHaveLength(1);
    expect(run.stderr).toContain("nothing was written");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(folderState(out)).toEqual(before);
  });

  it("with --format json: one JSON object naming the code and location", () => {
    const run = specsmith(["check", "--format", "json", "--spec", file, "--out", out]);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      diagnostics: { code: string; line?: number; file?: string }[];
    };
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual([code]);
    expect(result.diagnostics[0]?.line).toBeGreaterThan(0);
    expect(folderState(out)).toEqual(before);
  });
});

describe("the 50 MB document", () => {
  it("is over the loader's limit, which the real corpus is far under", () => {
    expect(MAX_DOCUMENT_BYTES).toBeLessThan(50 * 1024 * 1024);
    expect(MAX_DOCUMENT_BYTES).toBeGreaterThan(3 * 4 * 1024 * 1024); // GitHub's and Stripe's ~4 MB, with room to grow
  });
});
