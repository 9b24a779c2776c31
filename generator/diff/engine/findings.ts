/**
 * Turns the engine's changes into findings: each change is claimed by exactly one rule, which
 * gives it an id, a level (per profile) and a one-line why. Findings are deduplicated (a model
 * reached twice is one finding) and sorted deterministically.
 */
import { createHash } from "node:crypto";
import type { LocatedChange } from "./diff-api.ts";
import { levelOf } from "../profiles.ts";
import { RULES } from "../rules/index.ts";
import type { Change, Finding, ProfileName, Rule, RuleId, SourcePosition } from "../types.ts";

/** Where a change is in the two documents (`source-locations.ts`), when they are at hand. */
export type LocateChange = (change: Change) => { readonly oldAt?: SourcePosition; readonly newAt?: SourcePosition };

export function judge(
  changes: readonly LocatedChange[],
  profile: ProfileName,
  rules: readonly Rule<RuleId>[] = RULES,
  locate?: LocateChange,
): Finding[] {
  const byFingerprint = new Map<string, Finding>();
  for (const { change, operations } of changes) {
    const { rule, what } = claim(change, rules);
    const finding = { ...toFinding(change, rule, what, profile, operations), ...locate?.(change) };
    const earlier = byFingerprint.get(finding.fingerprint);
    if (earlier?.operations && finding.operations) {
      const merged = [...new Set([...earlier.operations, ...finding.operations])].sort();
      byFingerprint.set(finding.fingerprint, { ...earlier, operations: merged });
    } else if (!earlier) byFingerprint.set(finding.fingerprint, finding);
  }
  return [...byFingerprint.values()].sort(compareFindings);
}

/** The one rule that judges a change. Zero or several is a bug in the rule table, not a user error. */
export function claim(change: Change, rules: readonly Rule<RuleId>[] = RULES): { rule: Rule<RuleId>; what: string } {
  const claims: { rule: Rule<RuleId>; what: string }[] = [];
  for (const rule of rules) {
    const what = rule.check(change);
    if (what !== undefined) claims.push({ rule, what });
  }
  if (claims.length !== 1) {
    const who = claims.map((c) => c.rule.id).join(", ") || "no rule";
    throw new Error(`internal: change ${change.kind} (${change.direction}) at ${change.location} is claimed by ${who}`);
  }
  return claims[0]!;
}

function toFinding(
  change: Change,
  rule: Rule<RuleId>,
  what: string,
  profile: ProfileName,
  operations: readonly string[],
): Finding {
  const message = `${what}: ${rule.why}`;
  return {
    ruleId: rule.id,
    level: levelOf(rule, profile),
    direction: change.direction,
    ...(change.operation ? { operation: change.operation } : {}),
    ...(change.model ? { model: change.model, operations: [...operations] } : {}),
    location: change.location,
    message,
    ...(change.before !== undefined ? { before: change.before } : {}),
    ...(change.after !== undefined ? { after: change.after } : {}),
    fingerprint: fingerprint(rule.id, change.direction, change.location, message),
    facts: { what, ...(change.anchor ? { anchor: change.anchor } : {}), steps: change.steps ?? [] },
  };
}

export function fingerprint(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);
}

/** "POST /identities" sorts by path, then method, so an endpoint's operations stay together. */
export const operationSortKey = (operation: string): string => {
  const space = operation.indexOf(" ");
  return `${operation.slice(space + 1)} ${operation.slice(0, space)}`;
};

const scope = (f: Finding) => (f.operation ? 0 : f.model ? 1 : 2);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareFindings(a: Finding, b: Finding): number {
  return (
    scope(a) - scope(b) ||
    cmp(
      a.operation ? operationSortKey(a.operation) : (a.model ?? ""),
      b.operation ? operationSortKey(b.operation) : (b.model ?? ""),
    ) ||
    cmp(a.location, b.location) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}
