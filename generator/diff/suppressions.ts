/**
 * Suppression files: reviewed findings that should not fail the gate. Each entry names a rule id,
 * a location (exact, or a prefix ending in `*`) and the reason it was accepted. Suppressed findings
 * stay in the report, listed apart; entries that match nothing are listed as unused.
 */
import { parse } from "yaml";
import type { Diagnosed } from "../diagnostics/diagnostics.ts";
import { DiagnosticCollector } from "../diagnostics/collector.ts";
import { isObject } from "../openapi/load-openapi.ts";
import { quoteQuoted, quoteValue } from "../diagnostics/quote-value.ts";
import { isRuleId } from "./rules/index.ts";
import type { Finding, Suppression, SuppressedFinding } from "./types.ts";

/** Reads `[{ruleId, location, reason}]` (or `{suppressions: [...]}`) from JSON or YAML text. */
export function parseSuppressions(file: string, text: string): Diagnosed<Suppression[]> {
  const found = new DiagnosticCollector();
  const problems = found.diagnostics;
  const problem = (message: string, pointer = "") =>
    found.report("invalid-suppressions", { problem: message }, { file, pointer });
  let root: unknown;
  try {
    root = parse(text);
  } catch (error) {
    problem(`not JSON or YAML: ${quoteQuoted((error as Error).message.split("\n")[0] ?? "")}`);
    return { value: [], diagnostics: problems };
  }
  const list = isObject(root) ? root["suppressions"] : root;
  if (!Array.isArray(list)) {
    problem("expected a list of {ruleId, location, reason} entries (or an object with a `suppressions` list)");
    return { value: [], diagnostics: problems };
  }
  const entries: Suppression[] = [];
  list.forEach((raw, i) => {
    const pointer = `${isObject(root) ? "/suppressions" : ""}/${i}`;
    const entry = isObject(raw) ? raw : {};
    const { ruleId, location, reason } = entry;
    if (typeof ruleId !== "string" || typeof location !== "string" || typeof reason !== "string" || !reason.trim()) {
      problem("each entry needs string `ruleId`, `location` and a non-empty `reason`", pointer);
    } else if (!isRuleId(ruleId)) {
      problem(`unknown rule id ${quoteValue(ruleId)}`, `${pointer}/ruleId`);
    } else entries.push({ ruleId, location, reason: reason.trim() });
  });
  return { value: entries, diagnostics: problems };
}

export function matches(s: Suppression, f: Finding): boolean {
  if (s.ruleId !== f.ruleId) return false;
  return s.location.endsWith("*") ? f.location.startsWith(s.location.slice(0, -1)) : s.location === f.location;
}

export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]) {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Set<Suppression>();
  for (const f of findings) {
    const s = suppressions.find((entry) => matches(entry, f));
    if (!s) {
      kept.push(f);
      continue;
    }
    used.add(s);
    suppressed.push({ ...f, reason: s.reason });
  }
  return { findings: kept, suppressed, unusedSuppressions: suppressions.filter((s) => !used.has(s)) };
}
