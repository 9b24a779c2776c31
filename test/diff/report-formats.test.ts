/**
 * The human-facing outputs of `specsmith diff` on a realistic pair (`test/fixtures/diff-report/
 * shop-*.yaml`: an operation removed, a required parameter added, a model reached by seven
 * operations, four optional properties added, a property renamed in all but name, an enum value
 * removed, constraints changed): the Markdown a reviewer reads in a minute, GitHub annotations,
 * a changelog section, and the suggested semver bump.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDiff } from "../../generator/diff/diff-command.ts";
import { suggestBump } from "../../generator/diff/reports/report-facts.ts";
import { renderGithub } from "../../generator/diff/reports/report-github.ts";
import type { DiffReport, Finding } from "../../generator/diff/types.ts";
import { repoRoot } from "../support/paths.ts";
import { diffDocs, withProperty } from "./fixtures.ts";

const BASE = "test/fixtures/diff-report/shop-base.yaml";
const REVISION = "test/fixtures/diff-report/shop-revision.yaml";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await runDiff(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

/** The lines of the Markdown section `## title...` up to the next `## `. */
function sectionOf(markdown: string, title: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`## ${title}`));
  if (start < 0) throw new Error(`no section ${title}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe("the Markdown report", async () => {
  const { stdout: md, status } = await run(BASE, REVISION);

  it("puts the bump and the breaking changes first, then operations, models and rename hints", () => {
    expect(status).toBe(1);
    const order = [
      "**Suggested version bump: major** (`1.4.0` → `2.0.0`)",
      "## Breaking (7)",
      "## Operations (4)",
      "## Models (3)",
      "## Possible renames",
    ].map((s) => md.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("lists breaking findings by severity, each with its file:line:col", () => {
    const rows = sectionOf(md, "Breaking").filter((l) => /^\| \*\*(error|warning)\*\*/.test(l));
    expect(rows).toHaveLength(7);
    const levels = rows.map((r) => (r.startsWith("| **error**") ? 0 : 1));
    expect(levels).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(rows[0]).toContain("`GET /legacy/export`<br>`test/fixtures/diff-report/shop-base.yaml:137:5`");
  });

  it("groups by operation and model in collapsible details with counts, collapsing repeated info rows", () => {
    const models = sectionOf(md, "Models");
    expect(models).toContain("<details><summary><code>Order</code>: 1 error · 1 warning · 4 info</summary>");
    // Seven operations reach Order: the first three are named.
    expect(models).toContain("Used by `GET /orders`, `GET /orders/{orderId}`, `POST /orders` and 4 more.");
    const collapsed = models.filter((l) => l.includes("`response-property-added`"));
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]).toMatch(
      /^\| info ×4 \| `response-property-added` \| `\.buyerName`, `\.createdAt`, `\.currency` and 1 more \| optional property added: /,
    );
    // The collapsed row keeps the SDK notes of the four (six: two are OrderInput's).
    expect(collapsed[0]!.split("<br>SDK: ")).toHaveLength(7);
    expect(sectionOf(md, "Operations")).toContain("<details><summary><code>GET /orders</code>: 1 error</summary>");
  });

  it("says where the wire changes and the generated package does not", () => {
    const note = sectionOf(md, "Models").find((l) => l.includes("`response-constraint-relaxed`"))!;
    expect(note).toMatch(/maxLength 200 -> 500.*<br>SDK: no TypeScript impact \|$/);
    // OrderInput.buyerName's SDK change is tied to Order.buyerName's finding: not "no impact".
    expect(md).not.toMatch(/request-property-added-optional.*no TypeScript impact/);
  });

  it("hints at renames: a property removed and one of the same type added in one model", () => {
    expect(sectionOf(md, "Possible renames")).toContain("- `Order.customerName` → `Order.buyerName` (`string`)");
  });

  it("matches the committed snapshot", async () => {
    await expect(md).toMatchFileSnapshot(join(repoRoot, "test/diff/__snapshots__/shop-report.md"));
  });
});

describe("the suggested semver bump", () => {
  const str = { type: "string" };
  const versioned = (version: string, document: ReturnType<typeof withProperty>) => ({
    ...document,
    info: { title: "Fixture", version },
  });

  it("is major for a breaking change, and says what 0.x means", () => {
    const report = diffDocs(
      versioned("0.4.2", withProperty("request", undefined)),
      versioned("0.5.0", withProperty("request", str, true)),
    );
    expect(suggestBump(report)).toEqual({
      bump: "major",
      reason: "1 breaking wire change",
      next: "0.5.0",
      initialDevelopment: true,
    });
  });

  it("is minor for additions and patch when nothing is added or breaks", () => {
    const added = diffDocs(
      versioned("1.2.3", withProperty("response", undefined)),
      versioned("1.3.0", withProperty("response", str)),
    );
    expect(suggestBump(added)).toMatchObject({ bump: "minor", next: "1.3.0" });
    const same = diffDocs(
      versioned("1.2.3", withProperty("response", str)),
      versioned("1.2.4", withProperty("response", str)),
    );
    expect(suggestBump(same)).toMatchObject({ bump: "patch", next: "1.2.4" });
  });
});

describe("--format github", () => {
  it("annotates each finding at the new document's line, the old one's for removals", async () => {
    const { stdout } = await run(BASE, REVISION, "--format", "github", "--no-sdk");
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(16);
    expect(lines).toContain(
      "::error file=test/fixtures/diff-report/shop-revision.yaml,line=16,col=11,title=request-parameter-added-required at GET /orders query parameter region::required parameter added: clients built against the old version do not send it, so the server rejects their requests",
    );
    expect(lines.find((l) => l.includes("title=response-optional-property-removed"))).toMatch(
      /^::warning file=test\/fixtures\/diff-report\/shop-base\.yaml,line=164,col=9,/,
    );
    expect(lines.filter((l) => l.startsWith("::notice ")).length).toBe(9);
  });

  it("escapes % CR LF in the message, and : , too in properties", () => {
    const finding: Finding = {
      ruleId: "response-type-changed",
      level: "error",
      direction: "response",
      location: 'Thing["a,b:c%"]',
      message: "50% off\r\nnext line",
      fingerprint: "0123456789abcdef",
      newAt: { file: "spec/a,b:c.yaml", pointer: "/x", line: 3, column: 7 },
    };
    const report: DiffReport = {
      old: { title: "T", version: "1" },
      new: { title: "T", version: "2" },
      profile: "default",
      findings: [finding],
      suppressed: [],
      unusedSuppressions: [],
    };
    expect(renderGithub(report)).toBe(
      '::error file=spec/a%2Cb%3Ac.yaml,line=3,col=7,title=response-type-changed at Thing["a%2Cb%3Ac%25"]::50%25 off%0Anext line\n',
    );
  });
});

describe("--format changelog", () => {
  it("writes the new version's Keep a Changelog section, breaking entries marked and first", async () => {
    const { stdout } = await run(BASE, REVISION, "--format", "changelog", "--no-sdk");
    const headings = stdout.split("\n").filter((l) => l.startsWith("#"));
    expect(headings).toEqual(["## [2.0.0]", "### Added", "### Changed", "### Deprecated", "### Removed"]);
    const removed = stdout
      .slice(stdout.indexOf("### Removed"))
      .split("\n")
      .filter((l) => l.startsWith("- "));
    expect(removed).toEqual([
      "- **Breaking:** `GET /legacy/export`: operation removed without being deprecated first",
      '- **Breaking:** `OrderStatus`: enum value(s) removed: "cancelled"',
      "- **Breaking:** `Order.customerName`: optional property removed",
      "- **Breaking:** `OrderInput.customerName`: property removed",
    ]);
    expect(stdout).toContain("### Deprecated\n\n- `DELETE /orders/{orderId}`: operation deprecated\n");
  });

  it("is refused with the usage line for an unknown format", async () => {
    const r = await run(BASE, REVISION, "--format", "toString");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format must be text, json, github, changelog or md, not "toString"/);
  });
});
