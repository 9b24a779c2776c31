/**
 * Diagnostics are data: a stable code, a severity, a message and a location. Helpers return them
 * next to their value; only internal bugs throw. Codes, severities and message templates come from
 * one table (`diagnostic-codes.ts`); a diagnostic is made by naming its code and the template's
 * parameters, and its message is rendered here, so every message has its code's shape. The CLI
 * formats them (`generator/cli/format-diagnostic.ts`); nothing else prints.
 */
import {
  codeInfo,
  type MessageParams,
  type RegisteredCode,
  type Severity,
  type TypeSpecCode,
  type DiagnosticCode,
} from "./diagnostic-codes.ts";

export type { Severity } from "./diagnostic-codes.ts";

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
 * The one way to make a diagnostic: the severity and the message template come from the table,
 * `params` fill the template. An unknown code or a missing parameter is a bug in specsmith (like
 * TypeSpec's `createDiagnostic`), so it throws; the types rule both out where the code is a literal.
 */
export function createDiagnostic<C extends RegisteredCode>(
  code: C,
  params: MessageParams<C>,
  location?: SourceLocation,
): Diagnostic {
  const info = codeInfo(code);
  if (!info)
    throw new Error(`internal: diagnostic code "${code}" is not declared in generator/diagnostics/diagnostic-codes.ts`);
  return made(code, info.severity, renderMessage(code, info.message, params), location);
}

/** A TypeSpec compiler diagnostic, relayed with TypeSpec's own message (`typespec/<its code>`). */
export function relayDiagnostic(code: TypeSpecCode, message: string, location?: SourceLocation): Diagnostic {
  const info = codeInfo(code);
  if (!info) throw new Error(`internal: "${code}" is not a TypeSpec diagnostic code`);
  return made(code, info.severity, message, location);
}

/** `template` with each `{name}` replaced by `params[name]`; substituted text is not scanned again. */
export function renderMessage(
  code: string,
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) throw new Error(`internal: diagnostic "${code}" was made without its parameter "${name}"`);
    return String(value);
  });
}

function made(
  code: DiagnosticCode,
  severity: Severity,
  message: string,
  location: SourceLocation | undefined,
): Diagnostic {
  // Messages quote user input (YAML parser output, TypeSpec messages): keep each diagnostic one line.
  const oneLine = message.replace(/\s*\n\s*/g, " ").trim();
  return { code, severity, message: oneLine, ...(location ? { location } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
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
