/**
 * One command-line convention across `generate`, `check` and `diff` (`generator/cli/command-line.ts`):
 * the same flags mean the same thing and each command fails the same way. Run as a CI step runs it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lines, specsmith, workspace } from "./spawn-cli.ts";

const { dir, remove } = workspace("convention");
afterAll(remove);

const DOCUMENT = (extra: string) => `openapi: 3.0.3
info: { title: Tiny, version: "1.0.0" }
paths:
  /items:
    get:
      operationId: listItems
      responses:
        "200":
          description: the items
          content:
            application/json:
              schema: { type: object, properties: { name: { type: string } ${extra} } }
`;
const tiny = join(dir, "tiny.yaml");
const tinier = join(dir, "tinier.yaml");
const broken = join(dir, "broken.yaml");
writeFileSync(tiny, DOCUMENT(""));
writeFileSync(tinier, DOCUMENT(", size: { type: integer }"));
writeFileSync(broken, 'swagger: "2.0"\ninfo: { title: Old, version: "1" }\npaths: {}\n');
const out = join(dir, "out");

/** Each command on a document it succeeds with and one it cannot read, with its exit status then. */
const COMMANDS = {
  generate: {
    ok: ["generate", "--spec", tiny, "--out", out],
    failing: ["generate", "--spec", broken, "--out", join(dir, "never")],
    failure: 1,
  },
  check: {
    ok: ["check", "--spec", tiny, "--out", out],
    failing: ["check", "--spec", broken, "--out", out],
    failure: 1,
  },
  diff: { ok: ["diff", tiny, tinier, "--no-sdk"], failing: ["diff", broken, tiny, "--no-sdk"], failure: 3 },
} as const;
const NAMES = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];

// check compares with what generate wrote.
const generated = specsmith([...COMMANDS.generate.ok, "--quiet"]);

describe.each(NAMES)("specsmith %s", (name) => {
  const command = COMMANDS[name];

  it("--help: its own help on stdout, with the shared flags in the same words, exit 0", () => {
    const run = specsmith([name, "--help"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(new RegExp(`^usage: specsmith ${name} `));
    expect(run.stdout).toMatch(/^ {2}--quiet, -q {16}print only what needs attention/m);
    expect(run.stdout).toMatch(/^ {2}--help, -h {17}this help$/m);
    expect(run.stdout).toMatch(/^ {2}--format /m);
  });

  it("an unknown flag: the problem and its usage on stderr, nothing on stdout, exit 2, in any format", () => {
    for (const format of [[], ["--format", "json"]]) {
      const run = specsmith([...command.ok, "--bogus", ...format]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      const [problem, usage] = lines(run.stderr);
      expect(problem).toMatch(new RegExp(`^specsmith ${name}: Unknown option '--bogus'`));
      expect(usage).toMatch(new RegExp(`^usage: specsmith ${name} `));
      expect(run.stderr).toContain(`run \`specsmith ${name} --help\` for every option`);
    }
  });

  it("--quiet: the same stdout, and no progress line on stderr", () => {
    expect(generated.status, generated.stderr).toBe(0);
    const loud = specsmith([...command.ok]);
    const quiet = specsmith([...command.ok, "--quiet"]);
    expect(quiet.status).toBe(loud.status);
    expect(lines(loud.stderr).some((line) => /^specsmith \[\d+\.\ds\] /.test(line))).toBe(true);
    expect(lines(quiet.stderr).filter((line) => /^specsmith \[/.test(line))).toEqual([]);
    if (name === "diff") expect(quiet.stdout).toBe(loud.stdout);
  });

  it("--format text is the human form; diagnostics on stderr", () => {
    const run = specsmith([...command.failing, "--format", "text"]);
    expect(run.status).toBe(command.failure);
    expect(run.stderr).toMatch(
      /broken\.yaml.* - error unsupported-openapi-version: missing the `openapi` version field/,
    );
    expect(run.stdout).toBe("");
  });

  it("--format json, when the document cannot be read: one JSON object on stdout, the diagnostics in it and not on stderr", () => {
    const run = specsmith([...command.failing, "--format", "json", "--quiet"]);
    expect(run.status).toBe(command.failure);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ command: name, ok: false, summary: { errors: 1, warnings: 0 } });
    expect(result["diagnostics"]).toEqual([
      expect.objectContaining({
        code: "unsupported-openapi-version",
        severity: "error",
        file: expect.stringMatching(/broken\.yaml$/) as unknown,
      }),
    ]);
  });

  it("--format json, when it succeeds: one JSON object on stdout", () => {
    const run = specsmith([...command.ok, "--format", "json", "--quiet"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    // generate and check describe the run; diff's JSON is its report (report.schema.json).
    if (name === "diff") expect(result).toHaveProperty("findings");
    else expect(result).toMatchObject({ command: name, ok: true, diagnostics: [] });
  });
});

describe("specsmith diff --format", () => {
  it("md is another name for text, the Markdown report", () => {
    const text = specsmith([...COMMANDS.diff.ok, "--format", "text", "--quiet"]);
    const md = specsmith([...COMMANDS.diff.ok, "--format", "md", "--quiet"]);
    expect(text.stdout).toMatch(/^# API changes/);
    expect(md).toEqual(text);
  });

  it("md is diff's alone: generate refuses it like any unknown format", () => {
    const run = specsmith([...COMMANDS.generate.ok, "--format", "md"]);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)[0]).toBe('specsmith generate: --format must be text or json, not "md"');
  });
});
