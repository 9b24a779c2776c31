/** The Markdown and JSON renderers on small reports: no changes, ordering, escaping, the SDK hook. */
import { describe, expect, it } from "vitest";
import { renderJson } from "../../generator/diff/reports/report-json.ts";
import { renderMarkdown } from "../../generator/diff/reports/report-markdown.ts";
import type { DiffReport } from "../../generator/diff/types.ts";
import { diffDocs, doc, getItems, withProperty } from "./fixtures.ts";
import { validateReport } from "./report-schema.ts";

const str = { type: "string" };

describe("Markdown report", () => {
  it("says No changes for identical documents", () => {
    const same = getItems({});
    expect(renderMarkdown(diffDocs(same, same))).toBe("# API changes: Fixture `1.0.0` → `1.0.0`\n\nNo changes.\n");
  });

  it("puts groups with breaking changes first, and breaking changes first within a group", () => {
    const before = doc({
      "/a": { get: { responses: { "200": { description: "ok" } } } },
      "/b": { get: { responses: { "200": { description: "ok" } } } },
    });
    const after = doc({
      "/a": { get: { deprecated: true, responses: { "200": { description: "ok" } } } },
      "/b": {
        get: {
          deprecated: true,
          parameters: [{ name: "q", in: "query", required: true, schema: str }],
          responses: { "200": { description: "ok" } },
        },
      },
    });
    const md = renderMarkdown(diffDocs(before, after));
    const operations = md.slice(md.indexOf("## Operations"));
    const groups = operations.split("\n").filter((l) => l.startsWith("<details>"));
    expect(groups).toEqual([
      "<details><summary><code>GET /b</code>: 1 error · 1 info</summary>",
      "<details><summary><code>GET /a</code>: 1 info</summary>",
    ]);
    const rows = operations.split("\n").filter((l) => /^\| (\*\*error\*\*|info) /.test(l));
    expect(rows.map((l) => l.split("|")[2]?.trim())).toEqual([
      "`request-parameter-added-required`",
      "`operation-deprecated`",
      "`operation-deprecated`",
    ]);
    expect(md.indexOf("## Breaking (1)")).toBeLessThan(md.indexOf("## Operations"));
    expect(md).toContain("| 1 | 0 | 2 | 0 |");
  });

  it("escapes table syntax in locations and messages", () => {
    const union = (maxLength: number) => ({ oneOf: [{ ...str, maxLength }, { type: "integer" }] });
    const md = renderMarkdown(diffDocs(withProperty("request", union(5)), withProperty("request", union(3))));
    expect(md).toContain("`.p\\|string`");
    const arrays = renderMarkdown(
      diffDocs(withProperty("request", { type: "array", items: union(5) }), withProperty("request", str)),
    );
    expect(arrays).toContain("array of string \\| integer -> string");
  });

  it("shows the TypeScript-API layer's notes when a finding carries them", () => {
    const report = diffDocs(withProperty("request", undefined), withProperty("request", str, true));
    const withSdk: DiffReport = {
      ...report,
      findings: report.findings.map((f) => ({ ...f, sdk: ["`Thing.p` is now required"] })),
    };
    expect(renderMarkdown(withSdk)).toContain("<br>SDK: `Thing.p` is now required");
    expect(validateReport(JSON.parse(renderJson(withSdk)))).toEqual([]);
  });
});

describe("JSON report", () => {
  it("is valid against the schema for every rule fixture", async () => {
    const { RULE_CASES } = await import("./rule-cases.ts");
    for (const c of RULE_CASES)
      expect(validateReport(JSON.parse(renderJson(diffDocs(c.old, c.new)))), c.rule).toEqual([]);
  });

  it("gives each finding a stable fingerprint", () => {
    const a = diffDocs(withProperty("request", undefined), withProperty("request", str, true));
    const b = diffDocs(
      withProperty("request", undefined, false, { description: "moved" }),
      withProperty("request", str, true, { title: "x" }),
    );
    expect(a.findings[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(b.findings[0]?.fingerprint).toBe(a.findings[0]?.fingerprint);
  });
});
