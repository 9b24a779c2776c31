/**
 * Diagnostics are data: a stable code, a severity, a message and a location. Helpers return them
 * next to their value; only internal bugs throw. The CLI formats them; nothing else prints.
 */

export type Severity = "error" | "warning";

/** Where a problem is: a file, and inside it a JSON pointer and/or a line and column (1-based). */
export interface SourceLocation {
  readonly file: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location?: SourceLocation;
}

/** A value together with the diagnostics found while computing it. */
export interface Diagnosed<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** `file:line:col - error code: message`, the shape editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.location);
  return `${where ? `${where} - ` : ""}${d.severity} ${d.code}: ${d.message}`;
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
