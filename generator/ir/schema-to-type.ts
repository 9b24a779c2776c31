/**
 * OpenAPI Schema Object -> TypeIR. Composition is normalised here (`allOf` wrappers of one `$ref`,
 * open enums written as `anyOf [string, enum]`, `nullable` and 3.1 `type` arrays as unions with
 * `null`), Swagger-2-era leftovers are read (`x-nullable`, `type: file`, `x-ms-enum`), and what
 * cannot be typed exactly becomes the nearest sound type plus a warning.
 */
import { basename, extname } from "node:path";
import { appendPointer, isObject, isRefFailure, type JsonObject } from "../openapi/load-openapi.ts";
import { IrContext, placeKey, type Place } from "./ir-context.ts";
import { GLOBAL_TYPE_NAMES, pascalCase, safeIdentifier } from "./naming.ts";
import type { Constraints, EnumValueIR, JsonValue, PropertyIR, TypeIR } from "./types.ts";

const COMPONENT_SCHEMA = /^\/components\/schemas\/[^/]+$/;
const KNOWN_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null", "file"]);

/** Converts the schema at `at` (which may be a `$ref`) to a type. */
export function typeOf(ctx: IrContext, schema: unknown, at: Place): TypeIR {
  if (schema === undefined || schema === true) return { kind: "unknown" };
  if (!isObject(schema)) {
    ctx.report("warning", "invalid-schema", "a schema must be an object; typed as unknown", at);
    return { kind: "unknown" };
  }
  const ref = schema["$ref"];
  // Siblings of `$ref` (3.1, or Swagger-era `x-nullable`) may still make it nullable.
  const type = typeof ref === "string" ? refType(ctx, ref, at) : nonNullType(ctx, schema, at);
  return isNullable(schema) && type.kind !== "unknown" ? orNull(type) : type;
}

function refType(ctx: IrContext, ref: string, at: Place): TypeIR {
  const target = ctx.document.resolveRef(ref, at.file);
  if (isRefFailure(target)) {
    const where = { ...at, pointer: appendPointer(at.pointer, "$ref") };
    ctx.report("error", "unresolved-ref", `\`$ref\` ${JSON.stringify(ref)} cannot be resolved: ${target.failure}`, where);
    return { kind: "unknown" };
  }
  const place = { file: target.file, pointer: target.pointer };
  // Component schemas and whole schema files are named types; anything else is inlined.
  if (COMPONENT_SCHEMA.test(target.pointer) || target.pointer === "") {
    return { kind: "ref", name: declareNamedType(ctx, place, target.value) };
  }
  // A reference into the middle of something (e.g. `#/components/schemas/X/properties/y`): inline it.
  const key = placeKey(place);
  if (ctx.expanding.has(key)) {
    ctx.report("warning", "circular-inline-ref", "a circular reference outside components/schemas is typed as unknown", at);
    return { kind: "unknown" };
  }
  ctx.expanding.add(key);
  try {
    return typeOf(ctx, target.value, place);
  } finally {
    ctx.expanding.delete(key);
  }
}

/** The TypeScript name of the named type declared at `place`, claimed on first request. */
export function typeNameFor(ctx: IrContext, place: Place): string {
  const key = placeKey(place);
  const existing = ctx.typeNames.get(key);
  if (existing) return existing;
  const base = safeIdentifier(pascalCase(sourceNameOf(place)) || "Model");
  const name = ctx.names.claim(GLOBAL_TYPE_NAMES.has(base) ? `${base}Model` : base);
  ctx.typeNames.set(key, name);
  return name;
}

function sourceNameOf(place: Place): string {
  if (place.pointer === "") return basename(place.file, extname(place.file));
  return place.pointer.slice(place.pointer.lastIndexOf("/") + 1).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Declares (once) the named type of a component schema and returns its TypeScript name. */
export function declareNamedType(ctx: IrContext, place: Place, schema: unknown): string {
  const key = placeKey(place);
  const name = typeNameFor(ctx, place);
  if (ctx.namedTypes.has(key) || ctx.building.has(key)) return name;
  ctx.building.add(key);
  const body = isObject(schema) ? schema : {};
  ctx.namedTypes.set(key, {
    name,
    sourceName: sourceNameOf(place),
    ...doc(body),
    deprecated: body["deprecated"] === true,
    type: typeOf(ctx, schema, place),
    usage: { input: false, output: false },
  });
  ctx.building.delete(key);
  return name;
}

function nonNullType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  if (s["const"] !== undefined) return s["const"] === null ? { kind: "null" } : literalOrUnknown(s["const"]);
  if (Array.isArray(s["enum"])) return enumType(s);
  for (const keyword of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[keyword])) return unionType(ctx, s, keyword, at);
  }
  if (Array.isArray(s["allOf"])) return allOfType(ctx, s, at);
  const declared = s["type"];
  if (Array.isArray(declared)) {
    const variants = declared.filter((t) => t !== "null").map((t) => primitive(ctx, { ...s, type: t }, at));
    if (variants.length === 0) return { kind: "null" };
    return variants.length === 1 ? variants[0]! : { kind: "union", variants };
  }
  return primitive(ctx, s, at);
}

function primitive(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const type = s["type"] ?? (s["properties"] || s["additionalProperties"] ? "object" : s["items"] ? "array" : undefined);
  if (type !== undefined && (typeof type !== "string" || !KNOWN_TYPES.has(type))) {
    ctx.report("error", "unknown-schema-type", `unknown schema type ${JSON.stringify(type)}`, { ...at, pointer: appendPointer(at.pointer, "type") });
    return { kind: "unknown" };
  }
  const format = typeof s["format"] === "string" ? s["format"] : undefined;
  const constraints = constraintsOf(s);
  switch (type) {
    case "string":
      if (format === "date-time") return { kind: "date-time" };
      if (format === "binary") return { kind: "binary" };
      return { kind: "string", ...(format ? { format } : {}), ...(constraints ? { constraints } : {}) };
    case "file":
      return { kind: "binary" };
    case "integer":
    case "number":
      return { kind: "number", integer: type === "integer", ...(format ? { format } : {}), ...(constraints ? { constraints } : {}) };
    case "boolean":
      return { kind: "boolean" };
    case "null":
      return { kind: "null" };
    case "array":
      return {
        kind: "array",
        items: typeOf(ctx, s["items"], { ...at, pointer: appendPointer(at.pointer, "items") }),
        ...(constraints ? { constraints } : {}),
      };
    case "object":
      return objectType(ctx, s, at);
    default:
      return { kind: "unknown" };
  }
}

function objectType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const props = isObject(s["properties"]) ? s["properties"] : {};
  const required = new Set(Array.isArray(s["required"]) ? s["required"].filter((r) => typeof r === "string") : []);
  const properties: PropertyIR[] = Object.entries(props).map(([name, raw]) => {
    const place = { ...at, pointer: appendPointer(appendPointer(at.pointer, "properties"), name) };
    const p = isObject(raw) ? raw : {};
    if (p["required"] === true) required.add(name); // Swagger-1 style `required: true` on a property
    return {
      name,
      ...doc(p),
      required: required.has(name),
      readOnly: p["readOnly"] === true,
      writeOnly: p["writeOnly"] === true,
      deprecated: p["deprecated"] === true,
      type: typeOf(ctx, raw, place),
      ...(p["default"] !== undefined ? { default: p["default"] as JsonValue } : {}),
    };
  });
  const extra = s["additionalProperties"];
  const extraPlace = { ...at, pointer: appendPointer(at.pointer, "additionalProperties") };
  if (properties.length === 0) {
    // `{ type: object }` alone allows any keys (JSON Schema's default).
    if (extra === false) return { kind: "object", properties: [] };
    return { kind: "map", values: extra === undefined || extra === true ? { kind: "unknown" } : typeOf(ctx, extra, extraPlace) };
  }
  if (extra === undefined || extra === false) return { kind: "object", properties };
  return { kind: "object", properties, additionalProperties: extra === true ? { kind: "unknown" } : typeOf(ctx, extra, extraPlace) };
}

function enumType(s: JsonObject): TypeIR {
  const raw = (s["enum"] as unknown[]).filter((v) => v !== null);
  const msEnum = isObject(s["x-ms-enum"]) ? s["x-ms-enum"] : {};
  const described = new Map<unknown, string>();
  if (Array.isArray(msEnum["values"])) {
    for (const v of msEnum["values"]) if (isObject(v) && typeof v["description"] === "string") described.set(v["value"], v["description"]);
  }
  if (raw.length === 0) return { kind: "null" }; // `enum: [null]`
  const strings = raw.every((v) => typeof v === "string");
  const numbers = raw.every((v) => typeof v === "number");
  if (!strings && !numbers) {
    // Booleans, or a mix: a union of the literal values is the exact type.
    const literals = raw.map(literalOrUnknown);
    return literals.length === 1 ? literals[0]! : { kind: "union", variants: literals };
  }
  const values: EnumValueIR[] = raw.map((value) => {
    const description = described.get(value);
    return { value: value as string | number, ...(description ? { description } : {}) };
  });
  return { kind: "enum", valueType: strings ? "string" : "number", values, extensible: msEnum["modelAsString"] === true };
}

function unionType(ctx: IrContext, s: JsonObject, keyword: "oneOf" | "anyOf", at: Place): TypeIR {
  const members = s[keyword] as unknown[];
  const base = appendPointer(at.pointer, keyword);
  const open = openEnum(members);
  if (open) return open;
  const variants = members.map((m, i) => typeOf(ctx, m, { ...at, pointer: appendPointer(base, i) }));
  const discriminator = discriminatorOf(ctx, s, members, variants, at);
  const withoutNull = variants.filter((v) => v.kind !== "null");
  const union: TypeIR = withoutNull.length === 1 && !discriminator ? withoutNull[0]! : { kind: "union", variants: withoutNull, ...(discriminator ? { discriminator } : {}) };
  return withoutNull.length < variants.length ? orNull(union) : union;
}

/** `anyOf: [{type: string}, {type: string, enum: [...]}]`: an extensible enum (TypeSpec's open union). */
function openEnum(members: unknown[]): TypeIR | undefined {
  const objects = members.filter(isObject);
  if (objects.length !== members.length || objects.length < 2) return undefined;
  const plain = objects.filter((m) => m["type"] === "string" && m["enum"] === undefined && m["format"] === undefined && m["$ref"] === undefined);
  const enums = objects.filter((m) => m["type"] === "string" && Array.isArray(m["enum"]));
  if (plain.length !== 1 || enums.length !== objects.length - 1) return undefined;
  const values = enums.flatMap((m) => (m["enum"] as unknown[]).filter((v): v is string => typeof v === "string"));
  return { kind: "enum", valueType: "string", values: [...new Set(values)].map((value) => ({ value })), extensible: true };
}

function discriminatorOf(ctx: IrContext, s: JsonObject, members: unknown[], variants: TypeIR[], at: Place) {
  const d = s["discriminator"];
  if (!isObject(d) || typeof d["propertyName"] !== "string") return undefined;
  const mapping: { value: string; type: string }[] = [];
  const explicit = isObject(d["mapping"]) ? d["mapping"] : {};
  for (const [value, ref] of Object.entries(explicit)) {
    if (typeof ref !== "string") continue;
    const type = typeOf(ctx, { $ref: ref }, at);
    if (type.kind === "ref") mapping.push({ value, type: type.name });
  }
  for (const [index, member] of members.entries()) {
    const ref = isObject(member) ? member["$ref"] : undefined;
    const type = variants[index];
    if (typeof ref !== "string" || !type) continue;
    if (type.kind === "ref" && !mapping.some((m) => m.type === type.name)) {
      mapping.push({ value: ref.slice(ref.lastIndexOf("/") + 1), type: type.name });
    }
  }
  return { propertyName: d["propertyName"], mapping };
}

function allOfType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const base = appendPointer(at.pointer, "allOf");
  const members = (s["allOf"] as unknown[]).map((m, i) => typeOf(ctx, m, { ...at, pointer: appendPointer(base, i) }));
  const { allOf: _allOf, ...rest } = s;
  const own = rest["properties"] || rest["additionalProperties"] ? objectType(ctx, rest, at) : undefined;
  const all = own ? [...members, own] : members;
  return all.length === 1 ? all[0]! : { kind: "intersection", members: all };
}

function isNullable(s: JsonObject): boolean {
  if (s["nullable"] === true || s["x-nullable"] === true) return true;
  if (Array.isArray(s["type"]) && s["type"].includes("null")) return true;
  return Array.isArray(s["enum"]) && s["enum"].includes(null);
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

function literalOrUnknown(value: unknown): TypeIR {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? { kind: "literal", value }
    : { kind: "unknown" };
}

const CONSTRAINT_KEYS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems"] as const;

function constraintsOf(s: JsonObject): Constraints | undefined {
  const found: Record<string, unknown> = {};
  for (const key of CONSTRAINT_KEYS) {
    const value = s[key];
    if (typeof value === "number" || typeof value === "string" || (key === "uniqueItems" && value === true)) found[key] = value;
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum.
  if (s["exclusiveMinimum"] === true && typeof s["minimum"] === "number") found["exclusiveMinimum"] = s["minimum"];
  if (s["exclusiveMaximum"] === true && typeof s["maximum"] === "number") found["exclusiveMaximum"] = s["maximum"];
  return Object.keys(found).length > 0 ? (found as Constraints) : undefined;
}

export function doc(s: JsonObject): { description?: string } {
  const text = typeof s["description"] === "string" && s["description"].trim() ? s["description"] : typeof s["title"] === "string" ? s["title"] : undefined;
  return text ? { description: text.trim() } : {};
}
