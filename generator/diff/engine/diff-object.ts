/**
 * Object properties, judged by what each direction can see: a `readOnly` property is not part of
 * a request and a `writeOnly` one is not part of a response (OpenAPI 3.0 §4.7.25), so a property
 * that stops being read-only is *added* to the request, and one that becomes write-only leaves the
 * response.
 */
import type { JsonValue, ObjectTypeIR, PropertyIR } from "../../ir/types.ts";
import { child, propertySegment, type Cursor, type DiffContext } from "./diff-context.ts";
import { compareTypes } from "./diff-type.ts";

export function compareObjects(ctx: DiffContext, a: ObjectTypeIR, b: ObjectTypeIR, at: Cursor): void {
  const visible = (p: PropertyIR) =>
    at.direction === "request" ? !p.readOnly : at.direction === "response" ? !p.writeOnly : true;
  const before = new Map(a.properties.map((p) => [p.name, p]));
  const after = new Map(b.properties.map((p) => [p.name, p]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const name of names) {
    const o = before.get(name);
    const n = after.get(name);
    const here = child(at, propertySegment(name));
    const oldVisible = o !== undefined && visible(o);
    const newVisible = n !== undefined && visible(n);
    if (oldVisible && newVisible) {
      compareProperty(ctx, o, n, here);
    } else if (oldVisible) {
      if (n)
        ctx.emit(
          at.direction === "request" ? { kind: "property-became-read-only" } : { kind: "property-became-write-only" },
          here,
        );
      else ctx.emit({ kind: "property-removed", required: o.required }, here);
    } else if (newVisible) {
      const note = o ? (at.direction === "request" ? "no longer read-only" : "no longer write-only") : undefined;
      ctx.emit({ kind: "property-added", required: n.required, ...(note ? { note } : {}) }, here);
    }
  }
  const wrapper = wrapperOf(a, b, visible);
  // The old members now live one level down: compare them there too, so a change inside the
  // moved model (a required property removed from a model it refers to) is not hidden.
  if (wrapper)
    compareTypes(
      ctx,
      { ...a, properties: a.properties.filter(visible) },
      wrapper.type,
      child(at, propertySegment(wrapper.name)),
    );
  if (a.additionalProperties && b.additionalProperties) {
    compareTypes(ctx, a.additionalProperties, b.additionalProperties, child(at, "{}"));
  } else if (a.additionalProperties && !grewFromFreeForm(a, b)) {
    ctx.emit({ kind: "additional-properties-removed" }, at);
  } else if (b.additionalProperties) {
    ctx.emit({ kind: "additional-properties-added" }, at);
  }
}

/**
 * `{a, b, c}` -> `{Wrapper: {a, b, c}}` (Adyen Recurring v49 -> v67 wrapped its list items): the
 * new object's only property, when none of the old object's properties is left beside it.
 */
function wrapperOf(a: ObjectTypeIR, b: ObjectTypeIR, visible: (p: PropertyIR) => boolean): PropertyIR | undefined {
  const before = a.properties.filter(visible);
  const after = b.properties.filter(visible);
  if (before.length < 2 || after.length !== 1 || b.additionalProperties) return undefined;
  const only = after[0]!;
  if (before.some((p) => p.name === only.name) || (only.type.kind !== "ref" && only.type.kind !== "object"))
    return undefined;
  return only;
}

/**
 * `{type: object}` (any keys) that gained declared properties: the IR types an object with
 * properties and no `additionalProperties` as closed, but JSON Schema leaves it open, so no extra
 * key the old document allowed is known to be refused.
 */
function grewFromFreeForm(a: ObjectTypeIR, b: ObjectTypeIR): boolean {
  return a.properties.length === 0 && a.additionalProperties?.kind === "unknown" && b.properties.length > 0;
}

function compareProperty(ctx: DiffContext, o: PropertyIR, n: PropertyIR, at: Cursor): void {
  if (o.required !== n.required)
    ctx.emit({ kind: "property-required-changed", required: n.required }, at, {
      before: o.required,
      after: n.required,
    });
  if (!o.deprecated && n.deprecated) ctx.emit({ kind: "property-deprecated" }, at);
  if (!sameJson(o.default, n.default))
    ctx.emit({ kind: "property-default-changed" }, at, defaults(o.default, n.default));
  compareTypes(ctx, o.type, n.type, at);
}

export function defaults(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): { before?: JsonValue; after?: JsonValue } {
  return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return "";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: JsonValue) => canonicalJson(v)).join(",")}]`;
  const record = value as { readonly [key: string]: JsonValue };
  return `{${Object.keys(record)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`)
    .join(",")}}`;
}
