/**
 * Enums and composition: `enum`/`const` values, `oneOf`/`anyOf` (unions, open enums written as
 * `anyOf [string, enum]`, discriminators) and `allOf` (intersections).
 */
import {
  appendPointer,
  isObject,
  isRefFailure,
  type JsonObject,
  type RefFailure,
  type ResolvedRef,
} from "../openapi/load-openapi.ts";
import { placeKey, type IrContext, type Place } from "./ir-context.ts";
import { compareStrings } from "./naming.ts";
import { narrowedDiscriminators, readDiscriminator, reportDanglingMapping, resolveMapping } from "./inheritance.ts";
import { extraKeysKeyword } from "./schema-keywords.ts";
import { objectType, targetType, typeOf } from "./schema-to-type.ts";
import type { DiscriminatorIR, EnumValueIR, PropertyIR, TypeIR } from "./types.ts";

export function enumType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const raw = (s["enum"] as unknown[]).filter((v) => v !== null);
  const msEnum = isObject(s["x-ms-enum"]) ? s["x-ms-enum"] : {};
  const described = new Map<unknown, string>();
  if (Array.isArray(msEnum["values"])) {
    for (const v of msEnum["values"])
      if (isObject(v) && typeof v["description"] === "string") described.set(v["value"], v["description"]);
  }
  if (raw.length === 0) return { kind: "null" }; // `enum: [null]`
  const strings = raw.every((v) => typeof v === "string");
  const numbers = raw.every((v) => typeof v === "number");
  if (!strings && !numbers) {
    // Booleans, or a mix: a union of the literal values is the exact type.
    const base = appendPointer(at.pointer, "enum");
    const literals = raw.map((v) =>
      literalOrUnknown(ctx, v, appendPointer(base, (s["enum"] as unknown[]).indexOf(v)), at),
    );
    const unique = literals.filter(
      (l, i) => l.kind !== "literal" || literals.findIndex((o) => o.kind === "literal" && o.value === l.value) === i,
    );
    return unique.length === 1 ? unique[0]! : { kind: "union", variants: unique };
  }
  const values: EnumValueIR[] = [...new Set(raw as (string | number)[])].map((value) => {
    const description = described.get(value);
    return { value, ...(description ? { description } : {}) };
  });
  return {
    kind: "enum",
    valueType: strings ? "string" : "number",
    values,
    extensible: msEnum["modelAsString"] === true,
  };
}

/** A literal type for a scalar; an object or array value (legal JSON Schema) is typed `unknown`, with a warning. */
export function literalOrUnknown(ctx: IrContext, value: unknown, pointer: string, at: Place): TypeIR {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return { kind: "literal", value };
  ctx.report("unsupported-value", { kind: Array.isArray(value) ? "array" : "object" }, { ...at, pointer });
  return { kind: "unknown" };
}

export function unionType(ctx: IrContext, s: JsonObject, keyword: "oneOf" | "anyOf", at: Place): TypeIR {
  const members = s[keyword] as unknown[];
  const base = appendPointer(at.pointer, keyword);
  const open = openEnum(members) ?? constEnum(members);
  if (open) return open;
  const variants = members.map((m, i) => typeOf(ctx, m, { ...at, pointer: appendPointer(base, i) }));
  if (variants.length === 0) return { kind: "unknown" };
  const discriminator = discriminatorOf(ctx, s, members, variants, at);
  const withoutNull = variants.filter((v) => v.kind !== "null");
  if (withoutNull.length === 0) return { kind: "null" };
  const union: TypeIR =
    withoutNull.length === 1 && !discriminator
      ? withoutNull[0]!
      : { kind: "union", variants: withoutNull, ...(discriminator ? { discriminator } : {}) };
  return withoutNull.length < variants.length ? orNull(union) : union;
}

/** `anyOf: [{type: string}, {type: string, enum: [...]}]`: an extensible enum (TypeSpec's open union). */
function openEnum(members: unknown[]): TypeIR | undefined {
  const objects = members.filter(isObject);
  if (objects.length !== members.length || objects.length < 2) return undefined;
  const plain = objects.filter(
    (m) => m["type"] === "string" && m["enum"] === undefined && m["format"] === undefined && m["$ref"] === undefined,
  );
  const enums = objects.filter((m) => m["type"] === "string" && Array.isArray(m["enum"]));
  if (plain.length !== 1 || enums.length !== objects.length - 1) return undefined;
  const values = enums.flatMap((m) => (m["enum"] as unknown[]).filter((v): v is string => typeof v === "string"));
  return {
    kind: "enum",
    valueType: "string",
    values: [...new Set(values)].map((value) => ({ value })),
    extensible: true,
  };
}

/**
 * `oneOf: [{ const: "a", title: "Alpha" }, ...]`: an enum whose values carry their titles (or
 * descriptions), which the `Known...` const's members show. A plain `{ type: string }` member
 * makes it extensible; `null` (`const: null`, `type: "null"`) makes it nullable.
 */
function constEnum(members: unknown[]): TypeIR | undefined {
  const objects = members.filter(isObject);
  const isNull = (m: JsonObject) => m["const"] === null || m["type"] === "null";
  const plain = objects.filter(
    (m) =>
      m["type"] === "string" &&
      Object.keys(m).every((key) => key === "type" || key === "description" || key === "title"),
  );
  const consts = objects.filter((m) => typeof m["const"] === "string" || typeof m["const"] === "number");
  const nulls = objects.filter(isNull).length;
  if (
    objects.length !== members.length ||
    consts.length === 0 ||
    plain.length > 1 ||
    plain.length + consts.length + nulls !== members.length
  )
    return undefined;
  const valueType = typeof consts[0]!["const"] === "string" ? "string" : "number";
  if (consts.some((m) => typeof m["const"] !== valueType) || (plain.length > 0 && valueType !== "string"))
    return undefined;
  const values: EnumValueIR[] = [];
  for (const m of consts) {
    const value = m["const"] as string | number;
    if (values.some((v) => v.value === value)) continue;
    const description = [m["title"], m["description"]].find(
      (d): d is string => typeof d === "string" && d.trim() !== "",
    );
    values.push(description === undefined ? { value } : { value, description: description.trim() });
  }
  const type: TypeIR = { kind: "enum", valueType, values, extensible: plain.length > 0 };
  return nulls > 0 ? orNull(type) : type;
}

/**
 * The discriminator of a union: explicit `mapping` entries (sorted by value, as a mapping is an
 * object), then the implicit ones of `$ref` members. Swagger 2 wrote the discriminator as a bare
 * property name string; that is read too.
 */
function discriminatorOf(
  ctx: IrContext,
  s: JsonObject,
  members: unknown[],
  variants: TypeIR[],
  at: Place,
): DiscriminatorIR | undefined {
  const d = readDiscriminator(s);
  if (!d) return undefined;
  const mapping: { value: string; type: string }[] = [];
  const explicit = d.mapping;
  const mappingAt = { ...at, pointer: appendPointer(appendPointer(at.pointer, "discriminator"), "mapping") };
  // A mapping may reach a member's schema along other `$ref`s than the member's own: both are
  // matched by the schema their `$ref`s end at.
  const memberAt = new Map<string, string>();
  members.forEach((member, index) => {
    const type = variants[index];
    const ref = isObject(member) ? member["$ref"] : undefined;
    const end = typeof ref === "string" ? schemaBehind(ctx, ctx.document.resolveRef(ref, at.file)) : undefined;
    if (end && type?.kind === "ref" && !memberAt.has(end)) memberAt.set(end, type.name);
  });
  let dangling = false;
  for (const value of Object.keys(explicit).sort(compareStrings)) {
    const ref = explicit[value];
    const target = resolveMapping(ctx, ref, at.file);
    if (isRefFailure(target)) {
      reportDanglingMapping(ctx, value, String(ref), target.failure, mappingAt);
      dangling = true;
      continue;
    }
    const member = memberAt.get(schemaBehind(ctx, target) ?? "");
    const type = member
      ? undefined
      : targetType(ctx, target, String(ref), { ...mappingAt, pointer: appendPointer(mappingAt.pointer, value) });
    if (member) mapping.push({ value, type: member });
    else if (type?.kind === "ref") mapping.push({ value, type: type.name });
  }
  // An entry that names no schema may have been meant for any member: none gets an implicit value.
  for (const [index, member] of dangling ? [] : members.entries()) {
    const ref = isObject(member) ? member["$ref"] : undefined;
    const type = variants[index];
    if (typeof ref !== "string" || !type) continue;
    if (type.kind === "ref" && !mapping.some((m) => m.type === type.name)) {
      mapping.push({ value: ref.slice(ref.lastIndexOf("/") + 1), type: type.name });
    }
  }
  return { propertyName: d.propertyName, mapping };
}

/** Where the schema a resolved `$ref` leads to is (`file#pointer`), after the `$ref`s it is itself. */
function schemaBehind(ctx: IrContext, target: ResolvedRef | RefFailure): string | undefined {
  let current = target;
  for (let hops = 0; !isRefFailure(current) && hops < 16; hops++) {
    const next = isObject(current.value) ? current.value["$ref"] : undefined;
    if (typeof next !== "string") return placeKey(current);
    current = ctx.document.resolveRef(next, current.file);
  }
  return undefined;
}

export function allOfType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const base = appendPointer(at.pointer, "allOf");
  const members = (s["allOf"] as unknown[]).map((m, i) => typeOf(ctx, m, { ...at, pointer: appendPointer(base, i) }));
  const { allOf: _allOf, ...rest } = s;
  const own = rest["properties"] || rest[extraKeysKeyword(rest)] ? objectType(ctx, rest, at) : undefined;
  const all = withNarrowed(own ? [...members, own] : members, narrowedDiscriminators(ctx, s["allOf"] as unknown[], at));
  if (all.length === 0) return { kind: "unknown" };
  return all.length === 1 ? all[0]! : { kind: "intersection", members: all };
}

/**
 * The members with the discriminator properties the bases narrow to this schema's value, put in the
 * last inline object member (replacing a same-named property), else in an object member of their
 * own at the end: last, so they win over the bases' wider types.
 */
function withNarrowed(members: TypeIR[], narrowed: readonly PropertyIR[]): TypeIR[] {
  if (narrowed.length === 0) return members;
  const last = members.at(-1);
  if (last?.kind !== "object") return [...members, { kind: "object", properties: [...narrowed] }];
  const kept = last.properties.filter((p) => !narrowed.some((n) => n.name === p.name));
  const properties = [...kept, ...narrowed].sort((a, b) => compareStrings(a.name, b.name));
  return [...members.slice(0, -1), { ...last, properties }];
}

export function orNull(type: TypeIR): TypeIR {
  if (type.kind === "null") return type;
  if (type.kind === "union") {
    if (type.variants.some((v) => v.kind === "null")) return type;
    // Keep a union flat (`A | B | null`), unless its discriminator needs the union as is.
    if (!type.discriminator) return { kind: "union", variants: [...type.variants, { kind: "null" }] };
  }
  return { kind: "union", variants: [type, { kind: "null" }] };
}
