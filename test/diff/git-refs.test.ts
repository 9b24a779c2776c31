/**
 * `specsmith diff <ref>:<path> <ref>:<path>` in a temporary git repository: a split document's
 * `$ref`s resolve inside the same ref's tree (not the working tree), a ref and a working-tree file
 * mix, and a ref or path git cannot read is named in one line, exit 3. Runs the real command line.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";

const repo = mkdtempSync(join(tmpdir(), "specsmith-git-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "pipe" });
const write = (path: string, text: string) => writeFileSync(join(repo, path), text);

const main = `openapi: 3.0.3
info:
  title: Widgets
  version: 1.0.0
paths:
  /widgets:
    get:
      operationId: Widgets_Get
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "./models.yaml#/Widget"
`;
const model = (property: string) => `Widget:
  type: object
  properties:
    id:
      type: string
    ${property}:
      type: integer
`;

mkdirSync(join(repo, "spec"));
git("init", "-q");
write("spec/openapi.yaml", main);
write("spec/models.yaml", model("size"));
git("add", ".");
git("commit", "-qm", "v1");
write("spec/models.yaml", model("count"));
// A document whose `$ref` leaves its folder, to a file the ref does hold.
write("spec/escape.yaml", main.replace("./models.yaml#/Widget", "../secret.yaml#/Widget"));
write("secret.yaml", model("token"));
git("add", ".");
git("commit", "-qm", "v2");
// The working tree differs from both commits: a ref must not read it.
write("spec/models.yaml", model("weight"));

function diff(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, "generator/specsmith.js"), "diff", "--no-sdk", "--quiet", ...args],
    { cwd: join(repo, "spec"), encoding: "utf8" },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  findings: { ruleId: string; location: string; oldAt?: { file: string; line?: number }; newAt?: { file: string } }[];
}

describe("git refs as diff sides", () => {
  it("reads both sides and their $ref'd files from the refs' trees", () => {
    const r = diff("HEAD~1:spec/openapi.yaml", "HEAD:spec/openapi.yaml", "--format", "json");
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.map((f) => `${f.ruleId} ${f.location}`).sort()).toEqual([
      "response-optional-property-removed GET /widgets response 200 body .size",
      "response-property-added GET /widgets response 200 body .count",
    ]);
    const removed = report.findings.find((f) => f.location.endsWith(".size"))!;
    // Named as in the repository, so GitHub annotations land on the file.
    expect(removed.oldAt).toMatchObject({ file: "spec/models.yaml", line: 6 });
  });

  it("mixes a ref with a working-tree file", () => {
    const r = diff("HEAD:spec/openapi.yaml", "openapi.yaml", "--format", "json");
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.map((f) => f.location).sort()).toEqual([
      "GET /widgets response 200 body .count",
      "GET /widgets response 200 body .weight",
    ]);
  });

  it.each([
    ["no-such-branch:spec/openapi.yaml", 'git knows no commit "no-such-branch"'],
    ["HEAD:spec/missing.yaml", "there is no spec/missing.yaml at HEAD"],
    ["HEAD:spec", "spec is a folder at HEAD, not a file"],
  ])("names %s when git cannot read it (exit 3)", (side, message) => {
    const r = diff(side, "openapi.yaml");
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(
      `${side} - error unreadable-git-ref: ${message}\nspecsmith diff: a document could not be loaded (see above)\n`,
    );
  });

  it("keeps a ref's $refs under the document's folder, as on disk", () => {
    const r = diff("HEAD:spec/escape.yaml", "openapi.yaml");
    expect(r.status).toBe(3);
    // Only the document's folder is extracted: the file out of it is not there to read.
    expect(r.stderr).toMatch(
      /^HEAD:spec\/escape\.yaml:15:17 \(#[^)]*\) - error unresolved-ref: `\$ref` "\.\.\/secret\.yaml#\/Widget" cannot be resolved: cannot read HEAD:secret\.yaml: /,
    );
    expect(r.stderr).not.toContain(tmpdir());
  });

  it("never hands git a ref that it would read as an option", () => {
    const r = diff("--", "--remote=x:spec/openapi.yaml", "openapi.yaml");
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(
      /^--remote=x:spec\/openapi\.yaml - error unreadable-git-ref: "--remote=x" is not a ref: it starts with "-"\n/,
    );
  });
});
