/**
 * The machine-readable report. Its shape is published as `report.schema.json` (JSON Schema
 * draft-07) and `formatVersion` changes when a field changes meaning or goes away.
 */
import { escapeUnsafeCharacters } from "../../runtime/cli/terminal-text.ts";
import type { DiffReport, Finding, Level, SdkChange } from "../types.ts";

export const REPORT_FORMAT_VERSION = 1;

export interface JsonReport {
  /** Where the schema is, relative to the report (committed reports only). */
  readonly $schema?: string;
  readonly formatVersion: number;
  readonly old: DiffReport["old"];
  readonly new: DiffReport["new"];
  readonly profile: DiffReport["profile"];
  readonly summary: Record<Level | "suppressed", number>;
  readonly findings: DiffReport["findings"];
  readonly suppressed: DiffReport["suppressed"];
  readonly unusedSuppressions: DiffReport["unusedSuppressions"];
  readonly sdk?: NonNullable<DiffReport["sdk"]> & { readonly summary: Record<Level, number> };
  readonly renames?: DiffReport["renames"];
}

export function summarize(report: DiffReport): Record<Level | "suppressed", number> {
  const count = (level: Level) => report.findings.filter((f) => f.level === level).length;
  return {
    error: count("error"),
    warning: count("warning"),
    info: count("info"),
    suppressed: report.suppressed.length,
  };
}

/** A finding or an SDK change as published: the facts its message was rendered from stay internal. */
function published<T extends Finding | SdkChange>(item: T): Omit<T, "facts"> {
  const { facts: _facts, ...rest } = item;
  return rest;
}

export function jsonReport(report: DiffReport, schema?: string): JsonReport {
  const sdk = report.sdk;
  const count = (level: Level) => sdk?.changes.filter((c) => c.level === level).length ?? 0;
  return {
    ...(schema ? { $schema: schema } : {}),
    formatVersion: REPORT_FORMAT_VERSION,
    old: report.old,
    new: report.new,
    profile: report.profile,
    summary: summarize(report),
    findings: report.findings.map(published),
    suppressed: report.suppressed.map(published),
    unusedSuppressions: report.unusedSuppressions,
    ...(sdk
      ? {
          sdk: {
            old: sdk.old,
            new: sdk.new,
            summary: { error: count("error"), warning: count("warning"), info: count("info") },
            changes: sdk.changes.map(published),
          },
        }
      : {}),
    ...(report.renames ? { renames: report.renames } : {}),
  };
}

/**
 * Two-space indented JSON with a final newline: stable bytes for committed reports. `schema` is
 * the schema's path relative to the report, written as `$schema` so editors validate the file.
 */
export function renderJson(report: DiffReport, schema?: string): string {
  return `${escapeUnsafeCharacters(JSON.stringify(jsonReport(report, schema), null, 2))}\n`;
}
