/** `specsmith diff`: formats, the gate, profiles, suppressions and exit codes 0/1/2/3, run in-process. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDiff } from "../../generator/diff/diff-command.ts";
import { generatedDir, openApiPath, repoRoot } from "../support/paths.ts";
import { withProperty, type Json } from "./fixtures.ts";
import { validateReport } from "./report-schema.ts";

const dir = mkdtempSync(join(tmpdir(), "specsmith-diff-"));
const write = (name: string, content: Json | Json[] | string) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
};

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await runDiff(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

const str = { type: "string" };
// A required request property (error) and a value added to a closed response enum (warning).
const base = write("base.json", withProperty("request", undefined));
const breaking = write("breaking.json", withProperty("request", str, true));
const enumOld = write("enum-old.json", withProperty("response", { type: "string", enum: ["a"] }));
const enumNew = write("enum-new.json", withProperty("response", { type: "string", enum: ["a", "b"] }));
const OLD = openApiPath("communication-identity", "2023-10-01");
const NEW = openApiPath("communication-identity", "2025-03-02-preview");

describe("specsmith diff", () => {
  it("exits 0 and prints Markdown when nothing reaches the gate", async () => {
    const r = await run(OLD, NEW, "--quiet");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# API changes: CommunicationIdentityClient/);
    expect(r.stderr).toBe("");
  });

  it("exits 1 on an error finding, and prints a schema-valid JSON report with --format json", async () => {
    const r = await run(base, breaking, "--format", "json");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[] };
    expect(validateReport(report)).toEqual([]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(["request-property-added-required"]);
    expect(r.stderr).toMatch(/1 finding\(s\) at or above error/);
  });

  it("gates warnings only with --fail-on warning", async () => {
    expect((await run(enumOld, enumNew)).status).toBe(0);
    expect((await run(enumOld, enumNew, "--fail-on", "warning")).status).toBe(1);
  });

  it("applies the azure profile's levels", async () => {
    // Azure's 1020 AddedEnumValue is Info cross-version: nothing reaches the warning gate.
    expect((await run(enumOld, enumNew, "--profile", "azure", "--fail-on", "warning")).status).toBe(0);
    const r = await run(OLD, NEW, "--profile", "azure", "--format", "json");
    expect((JSON.parse(r.stdout) as { summary: Record<string, number> }).summary).toEqual({
      error: 0,
      warning: 11,
      info: 3,
      suppressed: 0,
    });
  });

  it("lists suppressed findings apart and leaves them out of the gate", async () => {
    const suppressions = write(
      "suppressions.yaml",
      [
        "suppressions:",
        "  - ruleId: request-property-added-required",
        "    location: Thing.p",
        "    reason: the only client sends p already (approved in review)",
        "  - ruleId: operation-removed",
        "    location: GET /gone*",
        "    reason: stale entry",
      ].join("\n"),
    );
    const r = await run(base, breaking, "--suppressions", suppressions);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("## Suppressed (1)");
    expect(r.stdout).toContain("accepted: the only client sends p already (approved in review)");
    expect(r.stdout).toContain("## Unused suppressions");
    const json = JSON.parse((await run(base, breaking, "--suppressions", suppressions, "--format", "json")).stdout) as {
      summary: Record<string, number>;
    };
    expect(validateReport(json)).toEqual([]);
    expect(json.summary).toEqual({ error: 0, warning: 0, info: 0, suppressed: 1 });
  });

  it.each([
    [["only-one.yaml"], /expected two documents/],
    [[OLD, NEW, "--format", "html"], /--format must be text, json, github, changelog or md, not "html"/],
    [[OLD, NEW, "--fail-on", "info"], /--fail-on must be error or warning/],
    [[OLD, NEW, "--profile", "strict"], /--profile must be default or azure/],
    [[OLD, NEW, "--unknown"], /Unknown option/],
    [[OLD, NEW, "--suppressions", join(dir, "missing.yaml")], /does not exist/],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("usage: specsmith diff");
  });

  it("exits 2 on an invalid suppression file, naming the entry", async () => {
    const bad = write("bad-suppressions.json", [
      { ruleId: "no-such-rule", location: "x", reason: "y" },
      { ruleId: "operation-removed", location: "x" },
    ]);
    const r = await run(base, breaking, "--suppressions", bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown rule id "no-such-rule"');
    expect(r.stderr).toContain("(#/1)");
  });

  it("exits 3 with the loader's diagnostic when a document cannot be loaded", async () => {
    const r = await run(join(repoRoot, "test/fixtures/openapi/invalid/swagger-2.yaml"), NEW);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/unsupported-openapi-version/);
    const missing = await run(OLD, join(dir, "nope.yaml"));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/file-not-found/);
    const broken = await run(write("broken.yaml", "openapi: 3.0.0\npaths: {\n"), NEW);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+:\d+ - error invalid-syntax/);
  });
});

describe("specsmith diff with spec versions", () => {
  const CI_OLD = "communication-identity@2023-10-01";
  const CI_NEW = "communication-identity@2025-03-02-preview";
  const committed = join(generatedDir, "diffs/communication-identity/2023-10-01..2025-03-02-preview");

  it("compiles the spec and prints exactly the committed report", async () => {
    const md = await run(CI_OLD, CI_NEW, "--quiet");
    expect(md.stderr).toBe("");
    expect(md.status).toBe(0);
    expect(md.stdout).toBe(readFileSync(`${committed}.md`, "utf8"));
    const json = await run(CI_OLD, CI_NEW, "--format", "json");
    expect(validateReport(JSON.parse(json.stdout))).toEqual([]);
    // The committed JSON only adds `$schema`, the path of the schema next to it.
    const { $schema, ...rest } = JSON.parse(readFileSync(`${committed}.json`, "utf8")) as Record<string, unknown>;
    expect($schema).toBe("../report.schema.json");
    expect(JSON.parse(json.stdout)).toEqual(rest);
  });

  it("mixes a spec version with a file, and leaves the SDK view out with --no-sdk", async () => {
    const r = await run(OLD, CI_NEW, "--no-sdk", "--format", "json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { sdk?: unknown; old: { source: string }; summary: Record<string, number> };
    expect(report.sdk).toBeUndefined();
    expect(report.old.source).toBe(OLD);
    expect(report.summary).toEqual({ error: 0, warning: 0, info: 14, suppressed: 0 });
  });

  it.each([
    [["nope@1", CI_NEW], /unknown service "nope"; the config has communication-identity, api-management/],
    [
      [CI_OLD, "communication-identity@2020-01-01"],
      /communication-identity has no version "2020-01-01"; its versions are 2023-10-01, 2025-03-02-preview/,
    ],
    [[CI_OLD, CI_NEW, "--config", join(dir, "no-config.json")], /name spec versions, which need a readable/],
  ])("exits 2 when a spec version does not exist: %j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("usage: specsmith diff");
  });

  it("exits 3 with the TypeSpec diagnostic when the spec does not compile", async () => {
    // Inside the repository, so the spec would resolve the installed TypeSpec libraries.
    mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
    const workspace = mkdtempSync(join(repoRoot, ".tmp", "diff-spec-"));
    writeFileSync(join(workspace, "main.tsp"), "namespace Broken;\nmodel Thing {{ oops\n");
    const config = join(workspace, "specsmith.config.json");
    writeFileSync(config, JSON.stringify({ services: [{ name: "broken", typespec: "main.tsp" }] }));
    const r = await run("broken@1", "broken@2", "--config", config);
    rmSync(workspace, { recursive: true, force: true });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/main\.tsp:2:\d+ - error typespec\//);
    expect(r.stderr).toContain("a spec could not be compiled");
  });
});
