/**
 * Compares two types structurally. `$ref`s are followed (a ref and an identical inline schema are
 * equal: names never decide), named models are compared once per direction (see `DiffContext`),
 * and the relation of two different types is classified as generalized (accepts more values),
 * specialized (accepts fewer) or changed, which rules then judge by direction.
 */
import type { EnumTypeIR, RefTypeIR, TypeIR } from "../../ir/types.ts";
import { compareConstraints } from "./diff-constraints.ts";
import { child, type Cursor, type DiffContext, type EnteredModel } from "./diff-context.ts";
import { compareObjects } from "./diff-object.ts";
import { compareUnions } from "./diff-union.ts";
import { describeType, isNullable, normalise, withoutNull } from "./type-shape.ts";
import type { TypeRelation } from "../types.ts";

export function compareTypes(ctx: DiffContext, a: TypeIR, b: TypeIR, at: Cursor): void {
  if (a.kind === "ref" && b.kind === "ref") return compareModels(ctx, a, b, at);
  // A ref on one side only: compare its shape with the inline schema on the other.
  if (a.kind === "ref") return compareTypes(ctx, ctx.oldTypes.deref(a), b, at);
  if (b.kind === "ref") return compareTypes(ctx, a, ctx.newTypes.deref(b), at);

  const nullA = isNullable(a);
  const nullB = isNullable(b);
  if (nullA || nullB) {
    if (nullA !== nullB) ctx.emit({ kind: "nullable-changed", nullable: nullB }, at, { before: nullA, after: nullB });
    const coreA = withoutNull(a);
    const coreB = withoutNull(b);
    if (coreA.kind === "null" || coreB.kind === "null") {
      if (coreA.kind !== coreB.kind)
        typeChanged(ctx, coreA.kind === "null" ? "generalized" : "specialized", coreA, coreB, at);
      return;
    }
    return compareTypes(ctx, coreA, coreB, at);
  }

  let x = normalise(a, ctx.oldTypes);
  let y = normalise(b, ctx.newTypes);
  if (x.kind === "union" && y.kind !== "union") y = { kind: "union", variants: [y] };
  else if (y.kind === "union" && x.kind !== "union") x = { kind: "union", variants: [x] };
  if (x.kind !== y.kind) return compareKinds(ctx, x, y, at);

  switch (x.kind) {
    case "string":
    case "number":
      if (y.kind === "string" || y.kind === "number") compareScalars(ctx, x, y, at);
      return;
    case "literal":
      if (y.kind === "literal" && x.value !== y.value) typeChanged(ctx, "changed", x, y, at);
      return;
    case "enum":
      return compareEnums(ctx, x, y as EnumTypeIR, at);
    case "array":
      if (y.kind !== "array") return;
      compareConstraints(ctx, x.constraints, y.constraints, at);
      return compareTypes(ctx, x.items, y.items, child(at, "[]"));
    case "object":
      if (y.kind === "object") compareObjects(ctx, x, y, at);
      return;
    case "union":
      if (y.kind === "union") compareUnions(ctx, x, y, at);
      return;
    case "intersection":
      // Not all members are objects (rare): compare member by member.
      if (y.kind !== "intersection") return;
      if (x.members.length !== y.members.length) return typeChanged(ctx, "changed", x, y, at);
      x.members.forEach((m, i) => compareTypes(ctx, m, y.members[i]!, child(at, `&${i}`)));
      return;
    default:
      return; // boolean, date-time, binary, unknown: nothing more to compare
  }
}

/**
 * Two named models, and the models they alias in turn (`A = B`, `B = C`, ...): entered link by link
 * in a loop, not by recursion, as an alias chain may be thousands long; closed innermost first.
 */
function compareModels(ctx: DiffContext, a: RefTypeIR, b: RefTypeIR, at: Cursor): void {
  const entered: EnteredModel[] = [];
  for (let [x, y, cursor] = [a, b, at]; ;) {
    const model = ctx.beginModel(x.name, y.name, cursor);
    if (!model) break;
    entered.push(model);
    const oldType = ctx.oldTypes.resolve(x.name);
    const newType = ctx.newTypes.resolve(y.name);
    if (oldType.kind !== "ref" || newType.kind !== "ref") {
      compareTypes(ctx, oldType, newType, model.cursor);
      break;
    }
    [x, y, cursor] = [oldType, newType, model.cursor];
  }
  for (const model of entered.reverse()) ctx.endModel(model);
}

function typeChanged(
  ctx: DiffContext,
  relation: TypeRelation,
  a: TypeIR,
  b: TypeIR,
  at: Cursor,
  detail?: string,
): void {
  const before = describeType(a);
  const after = describeType(b);
  ctx.emit({ kind: "type-changed", relation, detail: detail ?? `${before} -> ${after}` }, at, { before, after });
}

/** Two different kinds (after normalising): enums against their base scalar, literals, `unknown`. */
function compareKinds(ctx: DiffContext, a: TypeIR, b: TypeIR, at: Cursor): void {
  if (a.kind === "unknown") return typeChanged(ctx, "specialized", a, b, at);
  if (b.kind === "unknown") return typeChanged(ctx, "generalized", a, b, at);
  const base = (t: TypeIR) =>
    t.kind === "enum"
      ? t.valueType
      : t.kind === "literal"
        ? typeof t.value
        : t.kind === "date-time"
          ? "string"
          : t.kind;
  if (base(a) !== base(b)) return typeChanged(ctx, "changed", a, b, at);
  // Same base scalar from here on.
  if (b.kind === "enum") {
    if (b.extensible) return; // an open enum accepts any string: the same values on the wire
    if (a.kind === "literal") {
      if (b.values.some((v) => v.value === a.value)) return typeChanged(ctx, "generalized", a, b, at);
      return typeChanged(ctx, "changed", a, b, at);
    }
    ctx.emit({ kind: "became-enum" }, at, { before: describeType(a), after: b.values.map((v) => v.value) });
    return;
  }
  if (a.kind === "enum") {
    if (a.extensible) return;
    if (b.kind === "literal") {
      if (a.values.some((v) => v.value === b.value)) return typeChanged(ctx, "specialized", a, b, at);
      return typeChanged(ctx, "changed", a, b, at);
    }
    ctx.emit({ kind: "enum-dropped" }, at, { before: a.values.map((v) => v.value), after: describeType(b) });
    return;
  }
  if (a.kind === "literal") return typeChanged(ctx, "generalized", a, b, at);
  if (b.kind === "literal") return typeChanged(ctx, "specialized", a, b, at);
  // string <-> string (date-time)
  if (a.kind === "string" && b.kind === "date-time")
    return typeChanged(ctx, a.format ? "changed" : "specialized", a, b, at);
  if (a.kind === "date-time" && b.kind === "string")
    return typeChanged(ctx, b.format ? "changed" : "generalized", a, b, at);
  typeChanged(ctx, "changed", a, b, at);
}

type Scalar = Extract<TypeIR, { kind: "string" } | { kind: "number" }>;

/** Formats and integer-ness: dropping a format or widening int32 -> int64 generalizes. */
function compareScalars(ctx: DiffContext, a: Scalar, b: Scalar, at: Cursor): void {
  let relation: TypeRelation | undefined = formatRelation(a.format, b.format);
  if (a.kind === "number" && b.kind === "number" && a.integer !== b.integer) {
    const integer: TypeRelation = a.integer ? "generalized" : "specialized";
    relation = relation === undefined || relation === integer ? integer : "changed";
  }
  if (relation) typeChanged(ctx, relation, a, b, at);
  compareConstraints(ctx, a.constraints, b.constraints, at);
}

const WIDER: Record<string, string> = { int32: "int64", float: "double", int8: "int16", int16: "int32" };

function formatRelation(a: string | undefined, b: string | undefined): TypeRelation | undefined {
  if (a === b) return undefined;
  if (a === undefined) return "specialized";
  if (b === undefined) return "generalized";
  for (let f: string | undefined = WIDER[a]; f; f = WIDER[f]) if (f === b) return "generalized";
  for (let f: string | undefined = WIDER[b]; f; f = WIDER[f]) if (f === a) return "specialized";
  return "changed";
}

function compareEnums(ctx: DiffContext, a: EnumTypeIR, b: EnumTypeIR, at: Cursor): void {
  if (a.valueType !== b.valueType) return typeChanged(ctx, "changed", a, b, at);
  const before = new Set(a.values.map((v) => v.value));
  const after = new Set(b.values.map((v) => v.value));
  const added = [...after].filter((v) => !before.has(v));
  const removed = [...before].filter((v) => !after.has(v));
  if (removed.length > 0) ctx.emit({ kind: "enum-values-removed", values: removed }, at, { before: removed });
  if (added.length > 0)
    ctx.emit({ kind: "enum-values-added", extensible: b.extensible, values: added }, at, { after: added });
  if (a.extensible !== b.extensible) {
    ctx.emit({ kind: "enum-extensibility-changed", extensible: b.extensible }, at, {
      before: a.extensible ? "extensible" : "closed",
      after: b.extensible ? "extensible" : "closed",
    });
  }
}
