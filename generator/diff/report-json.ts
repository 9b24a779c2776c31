/**
 * The machine-readable report. Its shape is published as `report.schema.json` (JSON Schema
 * draft-07) and `formatVersion` changes when a field changes meaning or goes away.
 */
import type { DiffReport, Level } from "./types.ts";

export const REPORT_FORMAT_VERSION = 1;

export interface JsonReport {
  readonly formatVersion: number;
  readonly old: DiffReport["old"];
  readonly new: DiffReport["new"];
  readonly profile: DiffReport["profile"];
  readonly summary: Record<Level | "suppressed", number>;
  readonly findings: DiffReport["findings"];
  readonly suppressed: DiffReport["suppressed"];
  readonly unusedSuppressions: DiffReport["unusedSuppressions"];
}

export function summarize(report: DiffReport): Record<Level | "suppressed", number> {
  const count = (level: Level) => report.findings.filter((f) => f.level === level).length;
  return { error: count("error"), warning: count("warning"), info: count("info"), suppressed: report.suppressed.length };
}

export function jsonReport(report: DiffReport): JsonReport {
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    old: report.old,
    new: report.new,
    profile: report.profile,
    summary: summarize(report),
    findings: report.findings,
    suppressed: report.suppressed,
    unusedSuppressions: report.unusedSuppressions,
  };
}

/** Two-space indented JSON with a final newline: stable bytes for committed reports. */
export function renderJson(report: DiffReport): string {
  return `${JSON.stringify(jsonReport(report), null, 2)}\n`;
}
