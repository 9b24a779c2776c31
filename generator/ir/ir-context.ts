/** State shared by the IR builder's parts while one document is turned into an IR. */
import type { Diagnostic, Severity } from "../diagnostics.ts";
import type { JsonObject, LoadedDocument } from "../openapi/load-openapi.ts";
import type { NamedTypeIR } from "./types.ts";
import { NameScope } from "./naming.ts";

/** A place in a file: where a value was read, for diagnostics and `$ref` resolution. */
export interface Place {
  readonly file: string;
  readonly pointer: string;
}

export class IrContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Named types by the place they were declared (`file#pointer`). */
  readonly namedTypes = new Map<string, NamedTypeIR>();
  /** Names of named types by place, claimed before (or while) they are built. */
  readonly typeNames = new Map<string, string>();
  /** Places of named types being built right now: lets recursive schemas refer to themselves. */
  readonly building = new Set<string>();
  readonly names: NameScope;
  /** Places of inline `$ref` targets being expanded right now (cycle guard). */
  readonly expanding = new Set<string>();

  readonly document: LoadedDocument;

  constructor(document: LoadedDocument, reservedNames: Iterable<string>) {
    this.document = document;
    this.names = new NameScope(reservedNames);
  }

  get root(): JsonObject {
    return this.document.root;
  }

  report(severity: Severity, code: string, message: string, at: Place): void {
    this.diagnostics.push({ code, severity, message, location: this.document.locate(at.pointer, at.file) });
  }
}

export const placeKey = (place: Place): string => `${place.file}#${place.pointer}`;
