/**
 * Rule ids are typed: `RuleId` and `SdkRuleId` come from the rule tables, so a misspelt id in a
 * finding, a suppression, an SDK change or a level lookup does not compile. `tsc` (run by
 * `npm test`) checks the `@ts-expect-error` lines below: each must be an error, or tsc fails.
 */
import { describe, expect, it } from "vitest";
import { isRuleId, RULES, SDK_RULES } from "../../generator/diff/rules/index.ts";
import { sdkLevel } from "../../generator/diff/sdk/sdk-levels.ts";
import type { Finding, SdkChange, Suppression } from "../../generator/diff/types.ts";

const suppression: Suppression = { ruleId: "operation-removed", location: "GET /a", reason: "reviewed" };
// @ts-expect-error: no such rule (a letter too many)
const misspelt: Suppression = { ruleId: "operation-removedd", location: "GET /a", reason: "reviewed" };
// @ts-expect-error: a finding's rule is a wire rule, never an SDK rule
const sdkIdOnFinding: Finding["ruleId"] = "sdk-export-added";
// @ts-expect-error: an SDK change's rule is an SDK rule
const wireIdOnSdkChange: SdkChange["ruleId"] = "operation-added";
// @ts-expect-error: unknown SDK rule
const unknownLevel = () => sdkLevel("sdk-export-vanished", "input");

describe("typed rule ids", () => {
  it("accept every id of the tables, and the level lookup reads the table", () => {
    expect(isRuleId(suppression.ruleId)).toBe(true);
    expect(RULES.every((r) => isRuleId(r.id))).toBe(true);
    expect(SDK_RULES.map((r) => sdkLevel(r.id, "input"))).toEqual(SDK_RULES.map((r) => r.level.input));
  });

  it("are checked at run time where ids come from a file (suppressions)", () => {
    expect([misspelt.ruleId, sdkIdOnFinding, wireIdOnSdkChange].map(isRuleId)).toEqual([false, false, true]);
    expect(unknownLevel).toThrow(/internal: SDK rule sdk-export-vanished/);
  });
});
