/**
 * State of one diff: the two IRs, where the walk is (a `Cursor`), and the changes found so far.
 *
 * Named models are compared once per direction and pair of names, and their changes are rooted at
 * the model ("CommunicationIdentity.customId") instead of at every operation that reaches them, so
 * a model shared by ten operations yields one finding that lists the ten operations. The same memo
 * is the cycle guard of recursive models. Equality probes (pairing union variants) share an
 * `EqualityMemo` instead, which keeps what they found for the whole diff.
 */
import type { ApiIR, TypeIR } from "../../ir/types.ts";
import { EqualityMemo, type OpenComparison } from "./equality-memo.ts";
import type { Anchor, Change, ChangeFact, ChangePlace, Direction } from "../types.ts";
import type { JsonValue } from "../../ir/types.ts";

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
  /** What the root is on each side, so a finding can be found in both documents. */
  readonly anchor?: Anchor;
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
  /** Follows refs at the top of a type (alias chains of any length); a cycle of refs is `unknown`. */
  deref(type: TypeIR): TypeIR {
    const seen = new Set<string>();
    let current = type;
    while (current.kind === "ref" && !seen.has(current.name)) {
      seen.add(current.name);
      current = this.resolve(current.name);
    }
    return current.kind === "ref" ? { kind: "unknown" } : current;
  }
}

/** A model comparison begun by `beginModel`, to be closed by `endModel` (the innermost first). */
export interface EnteredModel {
  readonly cursor: Cursor;
  readonly open?: OpenComparison;
  readonly hitsBefore: number;
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

  /** What equality probes found, shared by the diff and all its probes. */
  readonly equality: EqualityMemo;

  constructor(
    oldApi: ApiIR,
    newApi: ApiIR,
    probe = false,
    shared?: { old: TypeTable; new: TypeTable; equality: EqualityMemo },
  ) {
    this.old = oldApi;
    this.new = newApi;
    this.oldTypes = shared?.old ?? new TypeTable(oldApi);
    this.newTypes = shared?.new ?? new TypeTable(newApi);
    this.equality = shared?.equality ?? new EqualityMemo();
    this.#probe = probe;
  }

  /** A throw-away context that only says whether anything differs (used to pair union variants). */
  probe(): DiffContext {
    return new DiffContext(this.old, this.new, true, {
      old: this.oldTypes,
      new: this.newTypes,
      equality: this.equality,
    });
  }

  /** Whether this context only counts changes (an equality probe). */
  get probing(): boolean {
    return this.#probe;
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
      ...(at.anchor ? { anchor: at.anchor, steps: at.path } : {}),
    };
    const change = { ...fact, ...place } as Change;
    const model = at.modelKey ? this.#models.get(at.modelKey) : undefined;
    (model ? model.changes : this.#changes).push(change);
  }

  /**
   * Begins comparing two named models, once per direction: the cursor to compare them under, rooted
   * at the new model, or `undefined` when there is nothing to compare (later visits, and recursive
   * ones, only record which operation or model reached it). A probe asks the equality memo instead,
   * and counts a difference it already knows of.
   */
  beginModel(oldName: string, newName: string, at: Cursor): EnteredModel | undefined {
    const key = `${at.direction}|${oldName}|${newName}`;
    if (this.#probe) {
      const begun = this.equality.begin(key);
      if (begun === false) this.#probeHits++;
      if (typeof begun === "boolean") return undefined;
      return {
        cursor: { direction: at.direction, modelKey: key, model: newName, root: newName, path: [] },
        open: begun,
        hitsBefore: this.#probeHits,
      };
    }
    const parent = at.modelKey ? this.#models.get(at.modelKey) : undefined;
    if (parent) parent.children.add(key);
    else if (at.operation) this.#modelEntry(key).operations.add(at.operation);
    const entry = this.#modelEntry(key);
    if (entry.done) return undefined;
    entry.done = true;
    const anchor: Anchor = { kind: "model", old: oldName, new: newName };
    const cursor = {
      direction: at.direction,
      ...(at.operation ? { operation: at.operation } : {}),
      modelKey: key,
      model: newName,
      root: newName,
      path: [],
      anchor,
    };
    return { cursor, hitsBefore: 0 };
  }

  /** Ends a model comparison begun by `beginModel`: a probe records whether the models differ. */
  endModel(entered: EnteredModel): void {
    if (entered.open) this.equality.end(entered.open, this.#probeHits > entered.hitsBefore);
  }

  #modelEntry(key: string): ModelComparison {
    let entry = this.#models.get(key);
    if (!entry)
      this.#models.set(key, (entry = { changes: [], operations: new Set(), children: new Set(), done: false }));
    return entry;
  }

  /** Every change, model changes with the operations that reach them (through nested models too). */
  changes(): { change: Change; operations: string[] }[] {
    const reach = new Map<string, Set<string>>();
    for (const [key, entry] of this.#models) if (entry.operations.size > 0) this.#spread(key, entry.operations, reach);
    const result = this.#changes.map((change) => ({ change, operations: [] as string[] }));
    for (const [key, entry] of this.#models) {
      const operations = [...(reach.get(key) ?? [])].sort();
      for (const change of entry.changes) result.push({ change, operations });
    }
    return result;
  }

  /** Adds `operations` to the model at `key` and every model nested in it (a work list: nesting may be thousands deep). */
  #spread(key: string, operations: ReadonlySet<string>, reach: Map<string, Set<string>>): void {
    const seen = new Set([key]);
    const work = [key];
    for (let next = work.pop(); next !== undefined; next = work.pop()) {
      let ops = reach.get(next);
      if (!ops) reach.set(next, (ops = new Set()));
      for (const op of operations) ops.add(op);
      for (const child of this.#models.get(next)?.children ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        work.push(child);
      }
    }
  }
}

/** Moves a cursor one step down: `.name` for a property, `[]` array items, `{}` map values, `|V` a variant. */
export function child(at: Cursor, segment: string): Cursor {
  return { ...at, path: [...at.path, segment] };
}

export function propertySegment(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** The property name a `propertySegment` step stands for; undefined for the other steps (`[]`, `{}`, `&0`, `|V`). */
export function propertyOfSegment(segment: string): string | undefined {
  if (segment.startsWith(".")) return segment.slice(1);
  return segment.startsWith('["') ? (JSON.parse(segment.slice(1, -1)) as string) : undefined;
}

/** "POST /identities request body .customId" for operation roots, "CommunicationIdentity.customId" for models. */
export function locationOf(at: Cursor): string {
  const path = at.path.join("");
  if (!path) return at.root;
  return at.model ? `${at.root}${path}` : `${at.root} ${path}`;
}
