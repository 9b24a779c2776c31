/**
 * Diagnostics are data: a stable code, a severity, a message and a location. Helpers return them
 * next to their value; only internal bugs throw. Codes and severities come from one table
 * (`diagnostic-codes.ts`); `createDiagnostic` refuses a code the table lacks. The CLI formats them;
 * nothing else prints.
 */
import { codeInfo, type DiagnosticCode } from "./diagnostic-codes.ts";
import { terminalLine } from "../emitters/cli/runtime/terminal-text.ts";

export type Severity = "error" | "warning";

/** Where a problem is: a file, and inside it a JSON pointer and/or a line and column (1-based). */
export interface SourceLocation {
  readonly file: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** One line: what is wrong, with the values involved. */
  readonly message: string;
  readonly location?: SourceLocation;
}

/** A value together with the diagnostics found while computing it. */
export interface Diagnosed<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The one way to make a diagnostic: the severity comes from the registry, and an unknown code is
 * a bug in specsmith (like TypeSpec's `createDiagnostic`), so it throws.
 */
export function createDiagnostic(code: DiagnosticCode, message: string, location?: SourceLocation): Diagnostic {
  const info = codeInfo(code);
  if (!info) throw new Error(`internal: diagnostic code "${code}" is not declared in generator/diagnostics/diagnostic-codes.ts`);
  // Messages quote user input (YAML parser output, TypeSpec messages): keep each diagnostic one line.
  const oneLine = message.replace(/\s*\n\s*/g, " ").trim();
  return { code, severity: info.severity, message: oneLine, ...(location ? { location } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * `file:line:col (#/pointer) - error code: message`, the shape editors and CI annotators understand.
 * One line, safe for a terminal: file names and messages quote user input.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.location);
  return terminalLine(`${where ? `${where} - ` : ""}${d.severity} ${d.code}: ${d.message}`);
}

function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return "";
  let text = location.file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.pointer !== undefined) text += ` (#${location.pointer})`;
  return text;
}

/** A diagnostic as a flat JSON object for `--format json` (absent fields are left out). */
export interface DiagnosticJson {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly pointer?: string;
}

export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  const { file, line, column, pointer } = d.location ?? {};
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(pointer !== undefined ? { pointer } : {}),
  };
}

/** `2 errors, 1 warning`. */
export function countText(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
