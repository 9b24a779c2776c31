/**
 * State of one diff: the two IRs, where the walk is (a `Cursor`), and the changes found so far.
 *
 * Named models are compared once per direction and pair of names, and their changes are rooted at
 * the model ("CommunicationIdentity.customId") instead of at every operation that reaches them, so
 * a model shared by ten operations yields one finding that lists the ten operations. The same memo
 * is the cycle guard of recursive models.
 */
import type { ApiIR, TypeIR } from "../ir/types.ts";
import type { Change, ChangeFact, ChangePlace, Direction } from "./types.ts";
import type { JsonValue } from "../ir/types.ts";

/** A position in the walk: its direction, its root (an operation part or a model), and a path below. */
export interface Cursor {
  readonly direction: Direction;
  readonly operation?: string;
  /** Key of the model comparison the cursor is inside (`direction|old|new`). */
  readonly modelKey?: string;
  readonly model?: string;
  /** "POST /identities request body" or a model name. */
  readonly root: string;
  /** ".customId", "[]", "{}", "|Variant" segments. */
  readonly path: readonly string[];
}

interface ModelComparison {
  readonly changes: Change[];
  readonly operations: Set<string>;
  readonly children: Set<string>;
  done: boolean;
}

/** The named types of one IR by name, for resolving `{kind: "ref"}`. */
export class TypeTable {
  readonly #types: Map<string, TypeIR>;
  constructor(api: ApiIR) {
    this.#types = new Map(api.types.map((t) => [t.name, t.type]));
  }
  resolve(name: string): TypeIR {
    return this.#types.get(name) ?? { kind: "unknown" };
  }
  /** Follows refs at the top of a type (alias chains), with a bound against alias cycles. */
  deref(type: TypeIR): TypeIR {
    let current = type;
    for (let depth = 0; current.kind === "ref" && depth < 32; depth++) current = this.resolve(current.name);
    return current.kind === "ref" ? { kind: "unknown" } : current;
  }
}

export class DiffContext {
  readonly old: ApiIR;
  readonly new: ApiIR;
  readonly oldTypes: TypeTable;
  readonly newTypes: TypeTable;
  readonly #changes: Change[] = [];
  readonly #models = new Map<string, ModelComparison>();
  /** When set, the context only counts changes (structural equality probes). */
  readonly #probe: boolean;
  #probeHits = 0;

  constructor(oldApi: ApiIR, newApi: ApiIR, probe = false, tables?: { old: TypeTable; new: TypeTable }) {
    this.old = oldApi;
    this.new = newApi;
    this.oldTypes = tables?.old ?? new TypeTable(oldApi);
    this.newTypes = tables?.new ?? new TypeTable(newApi);
    this.#probe = probe;
  }

  /** A throw-away context that only says whether anything differs (used to pair union variants). */
  probe(): DiffContext {
    return new DiffContext(this.old, this.new, true, { old: this.oldTypes, new: this.newTypes });
  }

  get probeHits(): number {
    return this.#probeHits;
  }

  emit(fact: ChangeFact, at: Cursor, values: { before?: JsonValue; after?: JsonValue } = {}): void {
    if (this.#probe) {
      this.#probeHits++;
      return;
    }
    const place: ChangePlace = {
      direction: at.direction,
      ...(at.operation && !at.model ? { operation: at.operation } : {}),
      ...(at.model ? { model: at.model } : {}),
      location: locationOf(at),
      ...(values.before !== undefined ? { before: values.before } : {}),
      ...(values.after !== undefined ? { after: values.after } : {}),
    };
    const change = { ...fact, ...place } as Change;
    const model = at.modelKey ? this.#models.get(at.modelKey) : undefined;
    (model ? model.changes : this.#changes).push(change);
  }

  /**
   * Compares two named models once per direction: `compare` runs with a cursor rooted at the new
   * model; later visits (and recursive ones) only record which operation or model reached it.
   */
  enterModel(oldName: string, newName: string, at: Cursor, compare: (cursor: Cursor) => void): void {
    const key = `${at.direction}|${oldName}|${newName}`;
    if (this.#probe) {
      // Probes guard cycles with the same memo but keep nothing.
      if (this.#models.has(key)) return;
      this.#models.set(key, { changes: [], operations: new Set(), children: new Set(), done: false });
      compare({ direction: at.direction, modelKey: key, model: newName, root: newName, path: [] });
      return;
    }
    const parent = at.modelKey ? this.#models.get(at.modelKey) : undefined;
    if (parent) parent.children.add(key);
    else if (at.operation) this.#modelEntry(key).operations.add(at.operation);
    const entry = this.#modelEntry(key);
    if (entry.done) return;
    entry.done = true;
    compare({ direction: at.direction, ...(at.operation ? { operation: at.operation } : {}), modelKey: key, model: newName, root: newName, path: [] });
  }

  #modelEntry(key: string): ModelComparison {
    let entry = this.#models.get(key);
    if (!entry) this.#models.set(key, (entry = { changes: [], operations: new Set(), children: new Set(), done: false }));
    return entry;
  }

  /** Every change, model changes with the operations that reach them (through nested models too). */
  changes(): { change: Change; operations: string[] }[] {
    const reach = new Map<string, Set<string>>();
    for (const [key, entry] of this.#models) {
      for (const op of entry.operations) this.#spread(key, op, reach, new Set());
    }
    const result = this.#changes.map((change) => ({ change, operations: [] as string[] }));
    for (const [key, entry] of this.#models) {
      const operations = [...(reach.get(key) ?? [])].sort();
      for (const change of entry.changes) result.push({ change, operations });
    }
    return result;
  }

  #spread(key: string, op: string, reach: Map<string, Set<string>>, seen: Set<string>): void {
    if (seen.has(key)) return;
    seen.add(key);
    let ops = reach.get(key);
    if (!ops) reach.set(key, (ops = new Set()));
    ops.add(op);
    for (const child of this.#models.get(key)?.children ?? []) this.#spread(child, op, reach, seen);
  }
}

/** Moves a cursor one step down: `.name` for a property, `[]` array items, `{}` map values, `|V` a variant. */
export function child(at: Cursor, segment: string): Cursor {
  return { ...at, path: [...at.path, segment] };
}

export function propertySegment(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** "POST /identities request body .customId" for operation roots, "CommunicationIdentity.customId" for models. */
export function locationOf(at: Cursor): string {
  const path = at.path.join("");
  if (!path) return at.root;
  return at.model ? `${at.root}${path}` : `${at.root} ${path}`;
}
