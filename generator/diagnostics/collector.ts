/**
 * Collects the diagnostics of one step (loading a config, reading a naming file, building an IR):
 * `report(code, params, location)` renders the code's template, and the step returns `diagnostics`
 * next to its value.
 */
import type { MessageParams, RegisteredCode } from "./diagnostic-codes.ts";
import { createDiagnostic, hasErrors, type Diagnostic, type SourceLocation } from "./diagnostics.ts";

export class DiagnosticCollector {
  readonly diagnostics: Diagnostic[] = [];

  report<C extends RegisteredCode>(code: C, params: MessageParams<C>, location?: SourceLocation): void {
    this.diagnostics.push(createDiagnostic(code, params, location));
  }

  get hasErrors(): boolean {
    return hasErrors(this.diagnostics);
  }
}
