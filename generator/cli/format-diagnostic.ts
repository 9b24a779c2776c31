/**
 * How a diagnostic reads in a terminal or a CI log. Here, in the command-line front end, rather than
 * beside the diagnostics: only what prints needs the terminal-safety rule.
 */
import type { Diagnostic, SourceLocation } from "../diagnostics/diagnostics.ts";
import { terminalLine } from "../runtime/cli/terminal-text.ts";

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
