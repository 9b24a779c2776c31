/**
 * The rule table: ids are unique kebab-case, one file per rule, every rule has a minimal fixture
 * pair that fires it at its level in both profiles (and fires nothing unexpected), and every
 * change the engine emits is claimed by exactly one rule.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffApis } from "../../generator/diff/engine/diff-api.ts";
import { claim } from "../../generator/diff/engine/findings.ts";
import { RULES, SDK_RULES } from "../../generator/diff/rules/index.ts";
import { renderRulesDoc } from "../../generator/diff/reports/rules-doc.ts";
import { repoRoot } from "../support/paths.ts";
import { diffDocs, irOf } from "./fixtures.ts";
import { RULE_CASES } from "./rule-cases.ts";

describe("rule registry", () => {
  it("has no two rules with the same id", () => {
    const ids = RULES.map((r) => r.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it("has at least 40 rules with kebab-case ids, one file per rule (wire and SDK) named after its id", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(40);
    for (const r of RULES) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const files = readdirSync(join(repoRoot, "generator/diff/rules"))
      .filter((f) => f !== "index.ts" && f !== "match.ts" && f !== "define.ts")
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(files).toEqual([...RULES, ...SDK_RULES].map((r) => r.id).sort());
  });

  it("documents every rule: a description, a one-line why and its taxonomy row", () => {
    for (const r of RULES) {
      expect(r.description, r.id).not.toBe("");
      expect(r.why, r.id).not.toMatch(/\n/);
      expect(r.taxonomy, r.id).toMatch(/row|Row/);
    }
  });

  it("keeps RULES.md in step with the rule files", async () => {
    await expect(renderRulesDoc()).toMatchFileSnapshot(join(repoRoot, "generator/diff/RULES.md"));
  });

  it("has a fixture pair for every rule", () => {
    const covered = new Set(RULE_CASES.map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe.each(RULE_CASES)("$rule", (c) => {
  it(`fires at ${c.level}: ${c.why}`, () => {
    const report = diffDocs(c.old, c.new);
    const fired = report.findings.filter((f) => f.ruleId === c.rule);
    expect(fired.length, JSON.stringify(report.findings, null, 2)).toBeGreaterThan(0);
    for (const f of fired) expect(f.level).toBe(c.level);
    const others = report.findings.map((f) => f.ruleId).filter((id) => id !== c.rule && !(c.also ?? []).includes(id));
    expect(others).toEqual([]);
  });

  it(`fires at ${c.azure ?? c.level} in the azure profile`, () => {
    const fired = diffDocs(c.old, c.new, "azure").findings.filter((f) => f.ruleId === c.rule);
    expect(fired.length).toBeGreaterThan(0);
    for (const f of fired) expect(f.level).toBe(c.azure ?? c.level);
  });

  it("is claimed by exactly one rule per change, both ways round", () => {
    for (const [a, b] of [
      [c.old, c.new],
      [c.new, c.old],
    ] as const) {
      for (const { change } of diffApis(irOf(a), irOf(b))) expect(() => claim(change)).not.toThrow();
    }
  });
});
