/** State shared by the IR builder's parts while one document is turned into an IR. */
import type { MessageParams, RegisteredCode } from "../diagnostics/diagnostic-codes.ts";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostics.ts";
import type { JsonObject, LoadedDocument } from "../openapi/load-openapi.ts";
import type { NamedTypeIR } from "./types.ts";
import { NameScope } from "./naming.ts";

/** A place in a file: where a value was read, for diagnostics and `$ref` resolution. */
export interface Place {
  readonly file: string;
  readonly pointer: string;
}

/** An object of the document with the place it was read from (after following its `$ref`s). */
export interface Located {
  readonly value: JsonObject;
  readonly at: Place;
}

export class IrContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Named types by the place they were declared (`file#pointer`). */
  readonly namedTypes = new Map<string, NamedTypeIR>();
  /** Where each named type (by name) is declared, for diagnostics about it. */
  readonly places = new Map<string, Place>();
  /** Names of named types by place, claimed before (or while) they are built. */
  readonly typeNames = new Map<string, string>();
  /** Places of named types being built right now: lets recursive schemas refer to themselves. */
  readonly building = new Set<string>();
  readonly names: NameScope;
  /** Places of inline `$ref` targets being expanded right now (cycle guard). */
  readonly expanding = new Set<string>();
  /** Named types whose declaration was put off because schemas already nest deeply here. */
  readonly pending: { readonly place: Place; readonly schema: unknown }[] = [];
  /** How deep schemas nest right now (guards the stack against pathological documents). */
  depth = 0;
  /** Codes reported at most once per document, already reported. */
  readonly reportedOnce = new Set<string>();

  readonly document: LoadedDocument;

  constructor(document: LoadedDocument, reservedNames: Iterable<string>) {
    this.document = document;
    this.names = new NameScope(reservedNames);
  }

  get root(): JsonObject {
    return this.document.root;
  }

  readonly #reported = new Set<string>();

  /**
   * Reports a diagnostic at a place (its severity comes from the registry), once: a schema reached
   * along two paths (an inlined `$ref`, a shared parameter) would otherwise be reported twice.
   */
  report<C extends RegisteredCode>(code: C, params: MessageParams<C>, at: Place): void {
    const unplaced = createDiagnostic(code, params);
    const key = `${code} ${placeKey(at)} ${unplaced.message}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.diagnostics.push({ ...unplaced, location: this.document.locate(at.pointer, at.file) });
  }

  /** The diagnostics in document order (file, line, column), as a reader goes through them. */
  sortedDiagnostics(): Diagnostic[] {
    const key = (d: Diagnostic) =>
      [
        d.location?.file ?? "",
        d.location?.line ?? 0,
        d.location?.column ?? 0,
        d.location?.pointer ?? "",
        d.code,
      ] as const;
    return [...this.diagnostics].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return (x[i] ?? 0) < (y[i] ?? 0) ? -1 : 1;
      return 0;
    });
  }
}

export const placeKey = (place: Place): string => `${place.file}#${place.pointer}`;
