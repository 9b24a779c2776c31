/**
 * Validation keywords: which way each change moves the set of accepted values. Upper bounds
 * (maximum, maxLength, maxItems) tighten when they decrease, lower bounds when they increase; a
 * bound newly set or unset is reported as such (diff-rules.md rows 32-35).
 */
import type { Constraints } from "../../ir/types.ts";
import type { Cursor, DiffContext } from "./diff-context.ts";
import type { Relation } from "../types.ts";

const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems"] as const;
const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems"] as const;

export function compareConstraints(
  ctx: DiffContext,
  a: Constraints | undefined,
  b: Constraints | undefined,
  at: Cursor,
): void {
  const before = a ?? {};
  const after = b ?? {};
  for (const key of [...LOWER, ...UPPER]) {
    const x = before[key];
    const y = after[key];
    if (x === y) continue;
    const upper = (UPPER as readonly string[]).includes(key);
    const relation: Relation =
      x === undefined ? "added" : y === undefined ? "removed" : y < x === upper ? "tightened" : "relaxed";
    emit(ctx, key, relation, at, x, y);
  }
  const m = before.multipleOf;
  const n = after.multipleOf;
  if (m !== n) {
    // A multiple of the old step accepts a subset of the old values; anything else is not a superset.
    const relation: Relation =
      m === undefined
        ? "added"
        : n === undefined
          ? "removed"
          : m !== 0 && n % m === 0
            ? "tightened"
            : n !== 0 && m % n === 0
              ? "relaxed"
              : "tightened";
    emit(ctx, "multipleOf", relation, at, m, n);
  }
  if ((before.uniqueItems ?? false) !== (after.uniqueItems ?? false)) {
    emit(
      ctx,
      "uniqueItems",
      after.uniqueItems ? "added" : "removed",
      at,
      before.uniqueItems ?? false,
      after.uniqueItems ?? false,
    );
  }
  if (before.pattern !== after.pattern) {
    const relation = before.pattern === undefined ? "added" : after.pattern === undefined ? "removed" : "changed";
    ctx.emit({ kind: "pattern-changed", relation }, at, {
      ...(before.pattern !== undefined ? { before: before.pattern } : {}),
      ...(after.pattern !== undefined ? { after: after.pattern } : {}),
    });
  }
}

function emit(
  ctx: DiffContext,
  constraint: string,
  relation: Relation,
  at: Cursor,
  before: number | boolean | undefined,
  after: number | boolean | undefined,
): void {
  ctx.emit({ kind: "constraint-changed", constraint, relation }, at, {
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  });
}
