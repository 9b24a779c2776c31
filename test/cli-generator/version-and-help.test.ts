/**
 * `specsmith --version`, a help text per command, and the one line an unsupported Node gets instead
 * of a stack trace (the machine's /usr/bin/node is Node 20, older than the minimum).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";
import { lines, specsmith } from "./spawn-cli.ts";

const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  version: string;
  engines: { node: string };
};

describe("--version", () => {
  it("prints the version of package.json and nothing else", () => {
    const run = specsmith(["--version"]);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, `${manifest.version}\n`, ""]);
  });
});

describe("--help", () => {
  it("gives each command its own help: what it does and every option", () => {
    const generate = specsmith(["generate", "--help"]);
    const check = specsmith(["check", "--help"]);
    expect(generate.status).toBe(0);
    expect(check.status).toBe(0);
    expect(generate.stdout).not.toBe(check.stdout);
    for (const option of [
      "--config",
      "--spec",
      "--out",
      "--package-name",
      "--allow-ref-root",
      "--azure",
      "--watch",
      "--quiet",
      "--format",
    ]) {
      expect(generate.stdout, option).toMatch(new RegExp(`^  ${option}\\b`, "m"));
    }
    expect(check.stdout).toMatch(/^usage: specsmith check/);
    expect(check.stdout).toMatch(/without writing/);
    expect(check.stdout).not.toMatch(/--watch/);
  });

  it("explains every option of diff", () => {
    const run = specsmith(["diff", "--help"]);
    expect(run.status).toBe(0);
    for (const option of [
      "--format",
      "--fail-on",
      "--profile",
      "--suppressions",
      "--no-sdk",
      "--config",
      "--allow-ref-root",
    ]) {
      expect(run.stdout, option).toMatch(new RegExp(`^  ${option}\\b.* [a-z]{2,}`, "m"));
    }
    expect(run.stdout).toMatch(/^exit status: /m);
  });

  it("lists the commands without one", () => {
    const run = specsmith(["--help"]);
    expect(run.status).toBe(0);
    for (const command of ["generate", "check", "diff"]) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
  });

  it("refuses --watch on check (a usage error)", () => {
    const run = specsmith(["check", "--watch"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^specsmith check: --watch goes with generate$/m);
  });
});

describe("an unsupported Node", () => {
  const oldNode = "/usr/bin/node";
  const version = existsSync(oldNode) ? spawnSync(oldNode, ["--version"], { encoding: "utf8" }).stdout.trim() : "";

  it("gets one line naming the version needed, exit 1", () => {
    // The machine's Node (the reason for the `node` devDependency) must be older than the minimum.
    expect(version, `${oldNode} must exist and be Node 20`).toMatch(/^v20\./);
    const minimum = manifest.engines.node.replace(/^>=/, "");
    const run = spawnSync(oldNode, [join(repoRoot, "generator/specsmith.js"), "generate"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toEqual([`specsmith: needs Node ${minimum} or newer; this is Node ${version.slice(1)}`]);
  });
});
