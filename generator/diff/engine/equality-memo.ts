/**
 * Which pairs of types are structurally equal, shared by every equality probe of one diff (union
 * variants are paired by probing). Without it each probe started from nothing: nested unions
 * probed the same pairs over and over (exponential in the nesting), and a union that reaches its
 * own model (`parent: anyOf [string, Node]` in `Node`) probed itself forever.
 *
 * Equality is co-inductive: a pair already being compared counts as equal while it is compared
 * (what makes recursive models terminate). An answer is kept for good only once it cannot depend
 * on such an assumption any more: a difference always (it was found without assuming one); "equal"
 * when the comparison did not lean on a pair still open below it, or when that pair closes equal
 * too. Answers that leaned on a pair that then differed are dropped and found again if asked.
 */
import type { TypeIR } from "../../ir/types.ts";

/** A comparison under way (strictly nested: the last begun is the first to end). */
export interface OpenComparison {
  readonly key: string;
  readonly depth: number;
  /** The lowest depth of an open comparison this one assumed equal (its own depth if none). */
  lowest: number;
  /** Where this comparison's provisional answers start in the list. */
  readonly mark: number;
}

interface Provisional {
  readonly key: string;
  readonly lowest: number;
}

export class EqualityMemo {
  readonly #known = new Map<string, boolean>();
  readonly #open = new Map<string, number>();
  readonly #stack: OpenComparison[] = [];
  /** Pairs found equal under an assumption still open (the lowest depth it leaned on), innermost last. */
  readonly #provisional: Provisional[] = [];
  /** The same, by key. */
  readonly #pending = new Map<string, number>();
  readonly #ids = new WeakMap<TypeIR, number>();
  #nextId = 1;

  /** The key of two (inline) types by identity, for one direction. */
  pairKey(direction: string, x: TypeIR, y: TypeIR): string {
    return `${direction} #${this.#id(x)} #${this.#id(y)}`;
  }

  /** The answer when it is known or assumed (the pair is being compared), else a comparison to `end`. */
  begin(key: string): boolean | OpenComparison {
    const known = this.#known.get(key);
    if (known !== undefined) return known;
    // Being compared, or found equal provided what it leaned on is: equal, leaning on the same.
    const depth = this.#open.get(key) ?? this.#pending.get(key);
    if (depth !== undefined) {
      const top = this.#stack.at(-1);
      if (top) top.lowest = Math.min(top.lowest, depth);
      return true;
    }
    const open = { key, depth: this.#stack.length, lowest: this.#stack.length, mark: this.#provisional.length };
    this.#stack.push(open);
    this.#open.set(key, open.depth);
    return open;
  }

  end(open: OpenComparison, differs: boolean): void {
    this.#stack.pop();
    this.#open.delete(open.key);
    // Answers found inside that leaned on this pair (or pairs inside it) are settled by it now;
    // those that leaned on a pair further down keep waiting for it.
    const inside = this.#provisional.splice(open.mark);
    const settled = inside.filter((p) => p.lowest >= open.depth);
    for (const p of settled) this.#pending.delete(p.key);
    for (const p of inside) if (p.lowest < open.depth) this.#provisional.push(p);
    if (differs) {
      this.#known.set(open.key, false); // and the settled ones are unknown again
    } else if (open.lowest >= open.depth) {
      for (const p of settled) this.#known.set(p.key, true);
      this.#known.set(open.key, true);
    } else {
      // Equal if the pair it leaned on is: so are the settled ones, which leaned on this one.
      for (const p of [...settled, open]) this.#wait(p.key, open.lowest);
      const parent = this.#stack.at(-1);
      if (parent) parent.lowest = Math.min(parent.lowest, open.lowest);
    }
  }

  #wait(key: string, lowest: number): void {
    this.#provisional.push({ key, lowest });
    this.#pending.set(key, lowest);
  }

  #id(type: TypeIR): number {
    let id = this.#ids.get(type);
    if (id === undefined) this.#ids.set(type, (id = this.#nextId++));
    return id;
  }
}
