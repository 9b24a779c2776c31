/**
 * Severity profiles. `default` is direction-aware and follows oasdiff where the tools disagree;
 * `azure` applies the cross-version severities Azure's spec-repo gate gives openapi-diff codes
 * (diff-rules.md §1.2), falling back to the default level where Azure has no code for a change.
 */
import type { Level, ProfileName, Rule, RuleId } from "./types.ts";

export const PROFILES: readonly ProfileName[] = ["default", "azure"];

export function levelOf(rule: Rule<RuleId>, profile: ProfileName): Level {
  return profile === "azure" ? (rule.azureLevel ?? rule.level) : rule.level;
}

export const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/** Whether a finding of `level` fails a gate set at `gate` (`--fail-on`). */
export function reachesGate(level: Level, gate: Level): boolean {
  return LEVEL_RANK[level] <= LEVEL_RANK[gate];
}
