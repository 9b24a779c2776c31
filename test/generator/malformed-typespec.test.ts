/** A broken spec stops generation with TypeSpec's diagnostic and leaves the previous output alone. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { repoRoot } from "../support/paths.ts";

let workspace = "";
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

/** A copy of the specs, a config pointing at them, and a first good generation. */
function setUp(): { output: string; snapshot: () => Record<string, string> } {
  // Inside the repository, so that the copied spec resolves the TypeSpec libraries we installed.
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  workspace = mkdtempSync(join(repoRoot, ".tmp", "malformed-"));
  cpSync(join(repoRoot, "spec"), join(workspace, "spec"), { recursive: true });
  writeFileSync(
    join(workspace, "specsmith.config.json"),
    JSON.stringify({
      output: "out",
      services: [{ name: "communication-identity", typespec: "spec/communication-identity/main.tsp" }],
    }),
  );
  const output = join(workspace, "out");
  const first = runCli(["generate", "--quiet", "--config", join(workspace, "specsmith.config.json")], workspace);
  expect(first.stderr).toBe("");
  expect(first.status).toBe(0);
  const snapshot = () => {
    const files: Record<string, string> = {};
    for (const name of ["2023-10-01.yaml", "2025-03-02-preview.yaml"]) {
      files[name] = readFileSync(join(output, "openapi/communication-identity", name), "utf8");
    }
    return files;
  };
  return { output, snapshot };
}

describe("a malformed .tsp", () => {
  it("exits non-zero with file:line:col and leaves generated output untouched", () => {
    const { snapshot } = setUp();
    const before = snapshot();
    const models = join(workspace, "spec/communication-identity/models.tsp");
    const lines = readFileSync(models, "utf8").split("\n");
    const line = lines.findIndex((l) => l.startsWith("model CommunicationIdentity {"));
    lines[line] = "model CommunicationIdentity {{ broken";
    writeFileSync(models, lines.join("\n"));

    const run = runCli(["generate", "--config", join(workspace, "specsmith.config.json")], workspace);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`spec/communication-identity/models\\.tsp:${line + 1}:\\d+ - error typespec/`),
    );
    expect(run.stderr).toContain("nothing was written");
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace for a user's mistake
    expect(snapshot()).toEqual(before);
  });

  it("treats a TypeSpec warning as an error (the specs compile with zero warnings)", () => {
    const { snapshot } = setUp();
    const before = snapshot();
    const models = join(workspace, "spec/communication-identity/models.tsp");
    // Using a type marked `#deprecated` is a warning, not an error, in TypeSpec.
    const text = readFileSync(models, "utf8");
    writeFileSync(
      models,
      text.replace("model CommunicationIdentity {", '#deprecated "test"\nmodel CommunicationIdentity {'),
    );
    const run = runCli(["generate", "--config", join(workspace, "specsmith.config.json")], workspace);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\.tsp:\d+:\d+ - error typespec\/deprecated: .*treated as an error/);
    expect(snapshot()).toEqual(before);
  });
});
