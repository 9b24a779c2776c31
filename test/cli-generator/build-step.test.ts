/**
 * specsmith as a build step: unchanged files are never rewritten (timestamps and inodes kept),
 * `check` lists stale files and exits 1 without writing (with `--spec/--out` as with a config),
 * `--quiet` is silent on success, progress goes to stderr, `--format json` is parseable, and the
 * user's mistakes about the output folder are diagnostics, not stack traces.
 */
import { copyFileSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";
import { folderState, lines, specsmith, workspace, type FileState } from "./spawn-cli.ts";

const ws = workspace("build-step");
const spec = join(ws.dir, "api.yaml");
const out = join(ws.dir, "out");
const generate = (...extra: string[]) => specsmith(["generate", "--spec", spec, "--out", out, ...extra]);
const check = (...extra: string[]) => specsmith(["check", "--spec", spec, "--out", out, ...extra]);

beforeAll(() => {
  copyFileSync(join(repoRoot, "test/fixtures/openapi/read-write-only.yaml"), spec);
  expect(generate("--quiet").status).toBe(0);
});
afterAll(() => ws.remove());

const changedPaths = (a: Record<string, FileState>, b: Record<string, FileState>) =>
  Object.keys(b).filter((path) => a[path]?.mtimeMs !== b[path]?.mtimeMs || a[path]?.ino !== b[path]?.ino);

describe("generate", () => {
  it("rewrites nothing when nothing changed (same bytes, timestamps and inodes)", () => {
    const before = folderState(out);
    const run = generate();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/specsmith: \d+ files in .*out, 0 changed/);
    expect(folderState(out)).toEqual(before);
  });

  it("rewrites only the files whose bytes change", () => {
    const before = folderState(out);
    const text = readFileSync(spec, "utf8");
    // The API's description appears in the README and the client's doc comment, nowhere else.
    writeFileSync(spec, text.replace("A model used in both requests", "One model used in both requests"));
    try {
      expect(generate("--quiet").status).toBe(0);
      const after = folderState(out);
      const changed = changedPaths(before, after);
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.length).toBeLessThan(Object.keys(after).length / 2);
      for (const path of changed) expect(after[path]?.content, path).not.toBe(before[path]?.content);
    } finally {
      writeFileSync(spec, text);
      expect(generate("--quiet").status).toBe(0);
    }
  });

  it("--quiet prints nothing at all on success", () => {
    const run = generate("--quiet");
    expect([run.status, run.stdout, run.stderr]).toEqual([0, "", ""]);
  });

  it("prints progress lines on stderr (the result on stdout)", () => {
    const run = generate();
    const progress = lines(run.stderr);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    for (const line of progress) expect(line).toMatch(/^specsmith \[\d+\.\ds\] /);
    expect(run.stderr).toMatch(/\d+ operations, \d+ types -> \d+ files/);
    expect(run.stderr).toContain("writing");
  });

  it("--format json prints the result as one JSON object", () => {
    const run = generate("--format", "json", "--quiet");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      command: "generate",
      ok: true,
      summary: { errors: 0, warnings: 0 },
      diagnostics: [],
    });
    expect(result["changes"]).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe("check", () => {
  it("exits 0 when the output is up to date", () => {
    const run = check();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("is up to date");
  });

  it("exits 1, lists stale files and writes nothing", () => {
    const models = join(out, "src/models.ts");
    const original = readFileSync(models, "utf8");
    writeFileSync(models, `${original}// edited by hand\n`);
    writeFileSync(join(out, "src/orphan.ts"), "export {};\n");
    const before = folderState(out);
    try {
      const run = check();
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/is stale \(2 files\); run `specsmith generate --spec .* --out .*`/);
      expect(run.stderr).toMatch(/changed +src\/models\.ts/);
      expect(run.stderr).toMatch(/orphaned +src\/orphan\.ts/);
      expect(folderState(out)).toEqual(before);

      const quiet = check("--quiet");
      expect(quiet.status).toBe(1);
      expect(quiet.stderr).toMatch(/changed +src\/models\.ts/); // what needs attention is shown even when quiet

      const json = JSON.parse(check("--format", "json").stdout) as {
        ok: boolean;
        changes: unknown;
        diagnostics: { code: string; file: string }[];
      };
      expect(json.ok).toBe(false);
      expect(json.changes).toEqual({ added: [], changed: ["src/models.ts"], removed: ["src/orphan.ts"] });
      expect(json.diagnostics.map((d) => [d.code, d.file.replace(/^.*out\//, "")])).toEqual([
        ["stale-output", "src/models.ts"],
        ["stale-output", "src/orphan.ts"],
      ]);
    } finally {
      expect(generate("--quiet").status).toBe(0);
    }
    expect(check().status).toBe(0);
  });
});

describe("mistakes are diagnostics, not stack traces", () => {
  const expectDiagnostic = (run: { status: number | null; stderr: string }, code: string) => {
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(` ${code}: `);
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
  };

  it("an output folder specsmith did not make is never replaced", () => {
    const theirs = join(ws.dir, "theirs");
    mkdirSync(theirs, { recursive: true });
    writeFileSync(join(theirs, "precious.txt"), "user data");
    expectDiagnostic(specsmith(["generate", "--spec", spec, "--out", theirs]), "output-not-owned");
    expect(readFileSync(join(theirs, "precious.txt"), "utf8")).toBe("user data");
  });

  it("a symlinked output folder is refused by generate and check, never replaced", () => {
    const link = join(ws.dir, "link-to-out");
    symlinkSync(out, link);
    const before = folderState(out);
    expectDiagnostic(specsmith(["generate", "--spec", spec, "--out", link]), "output-symlink");
    expectDiagnostic(specsmith(["check", "--spec", spec, "--out", link]), "output-symlink");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(folderState(out)).toEqual(before);
  });

  it("an output folder below a file", () => {
    writeFileSync(join(ws.dir, "a-file"), "");
    expectDiagnostic(
      specsmith(["generate", "--spec", spec, "--out", join(ws.dir, "a-file", "out")]),
      "output-write-failed",
    );
  });

  it("a folder given as the spec", () => {
    expectDiagnostic(specsmith(["generate", "--spec", ws.dir, "--out", out]), "file-not-readable");
  });

  it("a spec that does not exist", () => {
    expectDiagnostic(specsmith(["generate", "--spec", join(ws.dir, "nope.yaml"), "--out", out]), "file-not-found");
  });

  it.each([
    [["generate", "--spec"]],
    [["generate", "--format", "xml", "--spec", "a.yaml"]],
    [["publish"]],
    [["generate", "--out", "x"]],
  ])("usage errors exit 2: %j", (args) => {
    const run = specsmith(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("usage: specsmith generate");
  });
});
