/**
 * Files a document (or the user) names are untrusted, run as a build step runs specsmith:
 * - a `$ref` may read files only under the root document's folder (after `realpath`) and the
 *   `--allow-ref-root` folders; anything else is `ref-outside-root`, and the file is not read;
 * - a diagnostic shows a document's values as a short, redacted prefix, so what a file holds never
 *   reaches the build log (stdout, stderr, with and without `--quiet`, and `--format json`);
 * - only regular files are read: a FIFO, a folder or a device named as the spec, the config or a
 *   suppression file is a clear error at once (no hang, no stack trace, no endless read).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";
import { folderBytes, specsmith, workspace, type Run } from "./spawn-cli.ts";

const ws = workspace("untrusted");
afterAll(() => ws.remove());
const api = join(ws.dir, "api");
const outside = join(ws.dir, "outside");
mkdirSync(api, { recursive: true });
mkdirSync(outside, { recursive: true });

/** Fake secrets, each longer than the quoted prefix; none may appear in any output. */
const OUTSIDE_SECRET = "outside-file-secret-value-do-not-print-0001";
const ENV_SECRET = "proc-environ-secret-value-do-not-print-0002";
const DOTENV_SECRET = "dotenv-secret-value-do-not-print-0003";
const INLINE_SECRET = "inline-schema-secret-value-do-not-print-0004";

/** A document whose one response body is `schema`. */
function document(schema: object): string {
  const response = { description: "ok", content: { "application/json": { schema } } };
  return JSON.stringify(
    {
      openapi: "3.0.3",
      info: { title: "Untrusted", version: "1" },
      paths: { "/x": { get: { operationId: "getX", responses: { "200": response } } } },
    },
    null,
    2,
  );
}
const spec = (name: string, schema: object) => {
  const file = join(api, name);
  writeFileSync(file, document(schema));
  return file;
};

// Outside the spec's folder: a file that is nothing but a secret (a `.npmrc`, a token file).
writeFileSync(join(outside, "token.yaml"), `"the deploy token is ${OUTSIDE_SECRET}"\n`);
writeFileSync(join(outside, "pet.yaml"), "type: object\nproperties:\n  name:\n    type: string\n");
symlinkSync(join(outside, "token.yaml"), join(api, "link.yaml"));
// Inside the spec's folder: a `.env` a `$ref` may read; its value is shown only as a redacted prefix.
writeFileSync(join(api, ".env"), `API_TOKEN=${DOTENV_SECRET}\nDEBUG=1\n`);

const specs = {
  parent: spec("parent.json", { $ref: "../outside/token.yaml" }),
  absolute: spec("absolute.json", { $ref: join(outside, "token.yaml") }),
  symlink: spec("symlink.json", { $ref: "link.yaml" }),
  environ: spec("environ.json", { $ref: "/proc/self/environ" }),
  allowed: spec("allowed.json", { $ref: "../outside/pet.yaml" }),
  dotenv: spec("dotenv.json", { $ref: ".env" }),
  inline: spec("inline.json", {
    type: "object",
    properties: { a: `this string is no schema, and past the prefix it holds ${INLINE_SECRET}` },
  } as object),
};

/** Every way a build step sees the result: plain, `--quiet`, `--format json`. */
function runAllWays(args: readonly string[], env: Record<string, string> = {}): Run[] {
  return [[], ["--quiet"], ["--format", "json"]].map((extra) => specsmith([...args, ...extra], { env }));
}

const noStackTrace = (run: Run) => expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |internal error/);

describe("a $ref to a file outside the spec's folder", () => {
  it.each([
    ["../outside/token.yaml", specs.parent],
    ["an absolute path", specs.absolute],
    ["a symbolic link inside the folder that leads out", specs.symlink],
  ])("%s: ref-outside-root, at the $ref, and the file's content is in no output", (_, file) => {
    const out = join(ws.dir, "out-refused");
    for (const run of runAllWays(["generate", "--spec", file, "--out", out])) {
      expect(run.status).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toContain("ref-outside-root");
      expect(`${run.stdout}${run.stderr}`).not.toContain(OUTSIDE_SECRET);
      expect(`${run.stdout}${run.stderr}`).not.toContain("deploy token");
      noStackTrace(run);
    }
    const line = specsmith(["generate", "--quiet", "--spec", file, "--out", out]).stderr;
    expect(line).toMatch(
      /:\d+:\d+ \(#\/paths\/~1x\/get\/responses\/200\/content\/application~1json\/schema\/\$ref\) - error ref-outside-root: /,
    );
    expect(line).toContain("--allow-ref-root");
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(existsSync("/proc/self/environ"))(
    "/proc/self/environ: refused, and no variable of the environment is printed",
    () => {
      const out = join(ws.dir, "out-environ");
      for (const run of runAllWays(["generate", "--spec", specs.environ, "--out", out], {
        SPECSMITH_TEST_TOKEN: ENV_SECRET,
      })) {
        expect(run.status).toBe(1);
        expect(`${run.stdout}${run.stderr}`).toContain("ref-outside-root");
        expect(`${run.stdout}${run.stderr}`).not.toContain(ENV_SECRET);
        expect(`${run.stdout}${run.stderr}`).not.toContain("SPECSMITH_TEST_TOKEN");
      }
    },
  );

  it("is read when its folder is allowed with --allow-ref-root (and only then)", () => {
    const out = join(ws.dir, "out-allowed");
    const refused = specsmith(["generate", "--quiet", "--spec", specs.allowed, "--out", out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("ref-outside-root");
    const allowed = specsmith([
      "generate",
      "--quiet",
      "--spec",
      specs.allowed,
      "--out",
      out,
      "--allow-ref-root",
      outside,
    ]);
    expect(allowed.stderr).toBe("");
    expect(allowed.status).toBe(0);
    expect(readFileSync(join(out, "src/models.ts"), "utf8")).toMatch(/export interface Pet \{/);
  });

  it("is read when the config allows its folder with allowRefRoots", () => {
    const config = join(ws.dir, "specsmith.config.json");
    const service = { name: "untrusted", openapi: "api/allowed.json" };
    writeFileSync(config, JSON.stringify({ output: "config-out", services: [service] }));
    const refused = specsmith(["generate", "--quiet", "--config", config]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("ref-outside-root");
    writeFileSync(config, JSON.stringify({ output: "config-out", allowRefRoots: ["outside"], services: [service] }));
    const allowed = specsmith(["generate", "--quiet", "--config", config]);
    expect(allowed.stderr).toBe("");
    expect(allowed.status).toBe(0);
  });
});

describe("document values in diagnostics are a short, redacted prefix", () => {
  it.each([
    ["a `.env` in the spec's folder, referenced as a schema", specs.dotenv, DOTENV_SECRET],
    ["an inline schema that is a long string", specs.inline, INLINE_SECRET],
  ])("%s: an invalid-schema warning that does not quote the secret", (_, file, secret) => {
    const out = join(ws.dir, `out-${secret.slice(0, 6)}`);
    for (const run of runAllWays(["generate", "--spec", file, "--out", out])) {
      expect(run.status).toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain("invalid-schema");
      expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
      // Not even a part of it past the prefix.
      expect(`${run.stdout}${run.stderr}`).not.toContain(secret.slice(-12));
    }
    expect(JSON.stringify(folderBytes(out))).not.toContain(secret);
  });
});

/** Runs the CLI with a bound: a FIFO used to block it for good. */
function bounded(args: readonly string[]): Run {
  const result = spawnSync(process.execPath, [join(repoRoot, "generator/specsmith.js"), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("only regular files are read", () => {
  const fifo = join(ws.dir, "fifo");
  execFileSync("mkfifo", [fifo]);
  const folder = join(ws.dir, "a-folder");
  mkdirSync(folder);
  const OLD = join(repoRoot, "test/fixtures/openapi/security.yaml");

  /** [what, path, how the message names its kind] */
  const SPECIAL_FILES: [string, string, string][] = [
    ["a FIFO", fifo, "a named pipe (FIFO)"],
    ["a folder", folder, "a folder"],
    ["/dev/zero", "/dev/zero", "a device"],
  ];

  it.each(SPECIAL_FILES)("--spec %s: file-not-readable at once", (_, file, kind) => {
    const run = bounded(["generate", "--quiet", "--spec", file, "--out", join(ws.dir, "out-special")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error file-not-readable: cannot read ${file}: it is ${kind}, not a regular file`);
    noStackTrace(run);
  });

  it.each(SPECIAL_FILES)("--config %s: invalid-config at once", (_, file, kind) => {
    const run = bounded(["generate", "--quiet", "--config", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `error invalid-config: cannot read the config file ${file}: it is ${kind}, not a regular file`,
    );
    noStackTrace(run);
  });

  it.each(SPECIAL_FILES)("diff --suppressions %s: exit 2 (usage), with the reason", (_, file, kind) => {
    const run = bounded(["diff", OLD, OLD, "--no-sdk", "--suppressions", file]);
    expect(run.status).toBe(2);
    // Shown relative to the working folder when under it, as generate and check show files.
    const shown = relative(repoRoot, file).startsWith("..") ? file : relative(repoRoot, file);
    expect(run.stderr).toBe(
      `${shown} - error invalid-suppressions: cannot read the suppression file: it is ${kind}, not a regular file\n`,
    );
    expect(run.stdout).toBe("");
  });

  it("a CLI naming file (cli.yaml beside the TypeSpec entry) that is a FIFO: invalid-cli-naming at once", () => {
    const folder = join(ws.dir, "service");
    mkdirSync(folder);
    execFileSync("mkfifo", [join(folder, "cli.yaml")]);
    // In a child process, bounded: the naming layer is reached only after a TypeSpec compile otherwise.
    const naming = pathToFileURL(join(repoRoot, "generator/plan/cli/naming-file.ts")).href;
    const script = `const { serviceNaming } = await import(${JSON.stringify(naming)}); console.log(JSON.stringify(serviceNaming(${JSON.stringify(join(folder, "main.tsp"))})));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["invalid-cli-naming", "cannot read the CLI naming file: it is a named pipe (FIFO), not a regular file"],
    ]);
  });
});
