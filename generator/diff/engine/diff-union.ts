/**
 * `oneOf`/`anyOf` unions. Variants are paired before they are compared: by discriminator value,
 * then by structural equality (so reordering variants or inlining one is no change), then by model
 * name, then by kind when only one variant of that kind is left on each side. What stays unpaired
 * was added or removed.
 */
import type { TypeIR, UnionTypeIR } from "../../ir/types.ts";
import { child, type Cursor, type DiffContext } from "./diff-context.ts";
import { compareTypes } from "./diff-type.ts";
import { describeType, normalise } from "./type-shape.ts";

export function compareUnions(ctx: DiffContext, a: UnionTypeIR, b: UnionTypeIR, at: Cursor): void {
  const da = a.discriminator?.propertyName;
  const db = b.discriminator?.propertyName;
  if (da !== db) ctx.emit({ kind: "discriminator-changed" }, at, { before: da ?? null, after: db ?? null });

  const oldLeft = [...a.variants];
  const newLeft = [...b.variants];
  const pairs: [TypeIR, TypeIR][] = [];
  const take = (match: (x: TypeIR, y: TypeIR) => boolean) => {
    for (let i = 0; i < oldLeft.length; i++) {
      const j = newLeft.findIndex((y) => match(oldLeft[i]!, y));
      if (j === -1) continue;
      pairs.push([oldLeft[i]!, newLeft[j]!]);
      oldLeft.splice(i--, 1);
      newLeft.splice(j, 1);
    }
  };
  if (da !== undefined && da === db) {
    const oldByType = new Map(a.discriminator?.mapping.map((m) => [m.type, m.value]));
    const newByType = new Map(b.discriminator?.mapping.map((m) => [m.type, m.value]));
    const valueOf = (t: TypeIR, map: Map<string, string>) => (t.kind === "ref" ? map.get(t.name) : undefined);
    take((x, y) => valueOf(x, oldByType) !== undefined && valueOf(x, oldByType) === valueOf(y, newByType));
  }
  take((x, y) => equal(ctx, x, y, at));
  // A probe needs no second look at the pairs it just found equal.
  if (ctx.probing) pairs.length = 0;
  take((x, y) => x.kind === "ref" && y.kind === "ref" && x.name === y.name);
  // Normalised, so a free-form `{type: object}` (a map) pairs with the object it grew into.
  const kind = (t: TypeIR) => normalise(ctx.oldTypes.deref(t), ctx.oldTypes).kind;
  const newKind = (t: TypeIR) => normalise(ctx.newTypes.deref(t), ctx.newTypes).kind;
  take(
    (x, y) =>
      kind(x) === newKind(y) &&
      oldLeft.filter((o) => kind(o) === kind(x)).length === 1 &&
      newLeft.filter((n) => newKind(n) === newKind(y)).length === 1,
  );

  for (const [x, y] of pairs)
    compareTypes(ctx, x, y, pairs.length > 1 || b.variants.length > 1 ? child(at, `|${describeType(y)}`) : at);
  for (const x of oldLeft)
    ctx.emit({ kind: "union-variant-removed", variant: describeType(x) }, at, { before: describeType(x) });
  for (const y of newLeft)
    ctx.emit({ kind: "union-variant-added", variant: describeType(y) }, at, { after: describeType(y) });
}

/** Whether two types are the same on the wire: a comparison that finds nothing (asked once per pair and direction). */
function equal(ctx: DiffContext, x: TypeIR, y: TypeIR, at: Cursor): boolean {
  const begun = ctx.equality.begin(ctx.equality.pairKey(at.direction, x, y));
  if (typeof begun === "boolean") return begun;
  const probe = ctx.probe();
  compareTypes(probe, x, y, { direction: at.direction, root: "", path: [] });
  ctx.equality.end(begun, probe.probeHits > 0);
  return probe.probeHits === 0;
}
