/**
 * What the human-facing outputs (Markdown, GitHub annotations, changelog) derive from a report the
 * same way: which findings break, where a finding is shown, what changed in words (the message
 * without the rule's why), and the suggested semver bump.
 */
import { terminalLine } from "../../runtime/cli/terminal-text.ts";
import { LEVEL_RANK } from "../profiles.ts";
import type { DiffReport, Finding, SourcePosition } from "../types.ts";

/** error: breaks existing clients; warning: may break some. Both are listed under "Breaking". */
export const isBreaking = (f: Finding): boolean => f.level !== "info";

/** Breaking findings, errors first, in report order within a level. */
export function breakingFindings(report: DiffReport): Finding[] {
  return report.findings.filter(isBreaking).sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
}

/** A removal is shown where the thing was (the old document); anything else where it is now. */
export function shownAt(f: Finding): SourcePosition | undefined {
  return /(^|-)removed($|-)/.test(f.ruleId) ? (f.oldAt ?? f.newAt) : (f.newAt ?? f.oldAt);
}

/** `file:line:col` (or the file and pointer when the line is unknown). */
export function positionText(at: SourcePosition): string {
  // A file name may hold a line break; Markdown tables and changelogs need the position on one line.
  const file = terminalLine(at.file);
  return at.line !== undefined ? `${file}:${at.line}:${at.column ?? 1}` : `${file}#${at.pointer}`;
}

/** The message without the rule's why: "maxLength 200 -> 500", "optional property added" (a finding built without facts: its message). */
export function whatChanged(f: Finding): string {
  return f.facts?.what ?? f.message;
}

export type Bump = "major" | "minor" | "patch";

/** Rules of additions and deprecations, wire (`request-property-added-optional`) and SDK (`sdk-export-added`). */
const ADDITIVE = /(^|-)(added|deprecated)($|-)/;

export interface SuggestedBump {
  readonly bump: Bump;
  /** One sentence: what decided it. */
  readonly reason: string;
  /** The version the bump leads to from the old one, when the old one is `x.y.z`. */
  readonly next?: string;
  /** The old version is 0.x, where semver lets anything change and breaking changes bump the minor. */
  readonly initialDevelopment: boolean;
}

/**
 * major when anything breaks (a wire error or warning, or a TypeScript API error of the generated
 * package), minor when something is added or deprecated, patch otherwise.
 */
export function suggestBump(report: DiffReport): SuggestedBump {
  const wire = report.findings.filter(isBreaking).length;
  const sdk = report.sdk?.changes.filter((c) => c.level === "error").length ?? 0;
  const additive =
    report.findings.some((f) => ADDITIVE.test(f.ruleId)) ||
    (report.sdk?.changes.some((c) => ADDITIVE.test(c.ruleId)) ?? false);
  const bump: Bump = wire + sdk > 0 ? "major" : additive ? "minor" : "patch";
  const parts = [
    wire > 0 ? `${wire} breaking wire change${wire === 1 ? "" : "s"}` : "",
    sdk > 0 ? `${sdk} TypeScript API error${sdk === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  const reason =
    bump === "major"
      ? parts.join(" and ")
      : bump === "minor"
        ? "additions or deprecations only"
        : "no addition and nothing breaking";
  const semver = /^(\d+)\.(\d+)\.(\d+)/.exec(report.old.version);
  const initialDevelopment = semver?.[1] === "0";
  if (!semver) return { bump, reason, initialDevelopment };
  const [major, minor, patch] = [Number(semver[1]), Number(semver[2]), Number(semver[3])];
  // In 0.x the minor number plays the major's part (what npm's caret ranges assume).
  const next =
    bump === "major"
      ? initialDevelopment
        ? `0.${minor + 1}.0`
        : `${major + 1}.0.0`
      : bump === "minor"
        ? initialDevelopment
          ? `0.${minor}.${patch + 1}`
          : `${major}.${minor + 1}.0`
        : `${major}.${minor}.${patch + 1}`;
  return { bump, reason, next, initialDevelopment };
}
