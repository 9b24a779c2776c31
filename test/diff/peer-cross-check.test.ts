/**
 * Cross-check against a peer tool, api-smart-diff, on the same fixture pairs: every change it
 * classifies as breaking, we report at `error`, or the rule's `peer` doc says why not.
 *
 * Only the peer's findings under `paths`, `security`, `servers` and `components/securitySchemes`
 * are compared. It also classifies `components/schemas` on their own, without knowing whether a
 * schema is sent or received, so those verdicts are direction-blind duplicates of the ones it
 * gives under `paths` (where the same change is classified in the direction it is used).
 */
import { apiCompare } from "api-smart-diff";
import { describe, expect, it } from "vitest";
import { RULES } from "../../generator/diff/rules/index.ts";
import { loadDocument } from "../support/operation-table.ts";
import { openApiPath } from "../support/paths.ts";
import { diffDocs } from "./fixtures.ts";
import { RULE_CASES } from "./rule-cases.ts";

const peerBreaking = (before: unknown, after: unknown): string[] =>
  apiCompare(before, after)
    .diffs.filter((d) => d.type === "breaking" && !(d.path[0] === "components" && d.path[1] === "schemas"))
    .map((d) => `${d.action} ${d.path.join("/")}`);

const rulesById = new Map(RULES.map((r) => [r.id, r]));

describe("api-smart-diff cross-check", () => {
  it.each(RULE_CASES.map((c) => [c.rule, c] as const))("%s", (_rule, c) => {
    const breaking = peerBreaking(c.old, c.new);
    if (breaking.length === 0) return;
    const ours = diffDocs(c.old, c.new).findings;
    if (ours.some((f) => f.level === "error")) return;
    // We disagree: each of our findings on the pair must explain why, in its rule's `peer` doc.
    for (const f of ours)
      expect(rulesById.get(f.ruleId)?.peer, `${f.ruleId} vs peer: ${breaking.join("; ")}`).toMatch(/api-smart-diff/);
  });

  it("finds nothing breaking in communication-identity 2023-10-01 -> 2025-03-02-preview, like us", () => {
    const before = loadDocument(openApiPath("communication-identity", "2023-10-01"));
    const after = loadDocument(openApiPath("communication-identity", "2025-03-02-preview"));
    expect(peerBreaking(before, after)).toEqual([]);
  });

  it("documents only real disagreements: every `peer` note belongs to a case the peer calls breaking", () => {
    const disagreeing = new Set(RULE_CASES.filter((c) => peerBreaking(c.old, c.new).length > 0).map((c) => c.rule));
    const noted = RULES.filter((r) => r.peer).map((r) => r.id);
    expect(noted.filter((id) => !disagreeing.has(id))).toEqual([]);
  });
});
