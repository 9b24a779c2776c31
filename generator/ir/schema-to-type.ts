/**
 * OpenAPI Schema Object -> TypeIR. Composition is normalised in `schema-composition.ts`; here are
 * references, primitives and objects, `nullable` and 3.1 `type` arrays (unions with `null`), and the
 * Swagger-2-era leftovers (`x-nullable`, `type: file`, `#/definitions/X`). What cannot be typed
 * exactly becomes the nearest sound (wider) type plus a warning (`schema-keywords.ts`).
 *
 * Properties are listed by name, not in document order: a JSON object's key order carries no
 * meaning, so the output must not depend on it (a shuffled document generates the same bytes).
 */
import { basename, extname } from "node:path";
import {
  appendPointer,
  isObject,
  isRefFailure,
  type JsonObject,
  lastPointerKey,
  type ResolvedRef,
} from "../openapi/load-openapi.ts";
import { quoteValue } from "../diagnostics/quote-value.ts";
import { quoteRef, reportRefFailure } from "./deref.ts";
import { withSubtypes } from "./inheritance.ts";
import { IrContext, placeKey, type Place } from "./ir-context.ts";
import { GLOBAL_TYPE_NAMES } from "./name-table.ts";
import { compareStrings, pascalCase, safeIdentifier } from "./naming.ts";
import { requiredNames } from "./required-keyword.ts";
import { allOfType, enumType, literalOrUnknown, orNull, unionType } from "./schema-composition.ts";
import { approximatedKeywords, extraKeysKeyword, extraKeysType, tupleItemsType } from "./schema-keywords.ts";
import type { Constraints, JsonValue, PropertyIR, TypeIR } from "./types.ts";

export { orNull } from "./schema-composition.ts";

/** Component schemas, and Swagger 2's `definitions` left in an OpenAPI 3 document: named types. */
const NAMED_SCHEMA = /^\/(components\/schemas|definitions)\/[^/]+$/;
const KNOWN_TYPES = ["string", "number", "integer", "boolean", "object", "array", "null", "file"];
/**
 * Deeper nesting than this is typed `unknown` (with a warning): real specs nest a dozen levels; a
 * pathological document must not exhaust the stack. Past half of it, references are declared later
 * instead of right away, so long chains of named types do not nest at all.
 */
export const MAX_SCHEMA_DEPTH = 64;
const UNKNOWN: TypeIR = { kind: "unknown" };

/** Converts the schema at `at` (which may be a `$ref`) to a type. */
export function typeOf(ctx: IrContext, schema: unknown, at: Place): TypeIR {
  if (schema === undefined || schema === true) return UNKNOWN;
  if (!isObject(schema)) {
    ctx.report(
      "invalid-schema",
      { problem: `a schema must be an object, not ${describe(schema)}; typed as unknown` },
      at,
    );
    return UNKNOWN;
  }
  if (ctx.depth >= MAX_SCHEMA_DEPTH) {
    if (!ctx.reportedOnce.has("schema-too-deep")) {
      ctx.reportedOnce.add("schema-too-deep");
      ctx.report("schema-too-deep", { depth: MAX_SCHEMA_DEPTH }, at);
    }
    return UNKNOWN;
  }
  ctx.depth++;
  try {
    const ref = schema["$ref"];
    // Siblings of `$ref` (3.1, or Swagger-era `x-nullable`) may still make it nullable.
    const type = typeof ref === "string" ? refType(ctx, ref, at) : nonNullType(ctx, schema, at);
    return isNullable(schema) && type.kind !== "unknown" ? orNull(type) : type;
  } finally {
    ctx.depth--;
  }
}

function refType(ctx: IrContext, ref: string, at: Place): TypeIR {
  const target = ctx.document.resolveRef(ref, at.file);
  if (isRefFailure(target)) {
    reportRefFailure(ctx, ref, target, at);
    return UNKNOWN;
  }
  return targetType(ctx, target, ref, at);
}

/** The type of a resolved reference (`ref`, written at `at`): by name, or inlined. */
export function targetType(ctx: IrContext, target: ResolvedRef, ref: string, at: Place): TypeIR {
  const place = { file: target.file, pointer: target.pointer };
  // Component schemas and whole schema files are named types; anything else is inlined.
  if (NAMED_SCHEMA.test(target.pointer) || target.pointer === "") {
    if (ctx.depth < MAX_SCHEMA_DEPTH / 2) return { kind: "ref", name: declareNamedType(ctx, place, target.value) };
    ctx.pending.push({ place, schema: target.value });
    return { kind: "ref", name: typeNameFor(ctx, place) };
  }
  // A reference into the middle of something (e.g. `#/components/schemas/X/properties/y`): inline it.
  const key = placeKey(place);
  if (ctx.expanding.has(key)) {
    ctx.report("circular-inline-ref", { ref: quoteRef(ref) }, at);
    return UNKNOWN;
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
  return lastPointerKey(place.pointer);
}

/** Declares (once) the named type of a component schema and returns its TypeScript name. */
export function declareNamedType(ctx: IrContext, place: Place, schema: unknown): string {
  const key = placeKey(place);
  const name = typeNameFor(ctx, place);
  if (ctx.namedTypes.has(key) || ctx.building.has(key)) return name;
  ctx.building.add(key);
  ctx.places.set(name, place);
  const body = isObject(schema) ? schema : {};
  ctx.namedTypes.set(key, {
    name,
    sourceName: sourceNameOf(place),
    ...doc(body),
    deprecated: body["deprecated"] === true,
    type: withSubtypes(ctx, place, body, typeOf(ctx, schema, place), (subtype) => typeNameFor(ctx, subtype)),
    usage: { input: false, output: false },
  });
  ctx.building.delete(key);
  return name;
}

/** Declares the named types whose declaration was put off (see MAX_SCHEMA_DEPTH). */
export function declarePending(ctx: IrContext): void {
  for (let next = ctx.pending.shift(); next; next = ctx.pending.shift()) declareNamedType(ctx, next.place, next.schema);
}

function nonNullType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  approximatedKeywords(ctx, s, at);
  if (s["const"] !== undefined)
    return s["const"] === null
      ? { kind: "null" }
      : literalOrUnknown(ctx, s["const"], appendPointer(at.pointer, "const"), at);
  if (Array.isArray(s["enum"])) return enumType(ctx, s, at);
  for (const keyword of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(s[keyword]) && !onlyAssertions(s[keyword])) return unionType(ctx, s, keyword, at);
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

/** Keywords that constrain which values of the sibling schema are valid but add no shape of their own. */
const ASSERTIONS = new Set(["required", "minProperties", "maxProperties", "description", "title"]);

/**
 * `properties: {a, b}, anyOf: [{required: [a]}, {required: [b]}]`: the members only say which of
 * the sibling properties must be present, so the type is the sibling object's (its properties
 * optional), not a union of shapeless members.
 */
function onlyAssertions(members: unknown[]): boolean {
  return members.length > 0 && members.every((m) => isObject(m) && Object.keys(m).every((key) => ASSERTIONS.has(key)));
}

function primitive(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const type =
    s["type"] ??
    (s["properties"] || s[extraKeysKeyword(s)] || s["patternProperties"]
      ? "object"
      : s["items"] || s["prefixItems"]
        ? "array"
        : undefined);
  if (type !== undefined && (typeof type !== "string" || !KNOWN_TYPES.includes(type))) {
    const suggestion = typeof type === "string" ? closest(type, KNOWN_TYPES) : undefined;
    const hint = suggestion
      ? `; did you mean "${suggestion}"?`
      : ` (expected one of ${KNOWN_TYPES.slice(0, 7).join(", ")})`;
    ctx.report(
      "unknown-schema-type",
      { type: quoteValue(type), hint },
      { ...at, pointer: appendPointer(at.pointer, "type") },
    );
    return UNKNOWN;
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
      return {
        kind: "number",
        integer: type === "integer",
        ...(format ? { format } : {}),
        ...(constraints ? { constraints } : {}),
      };
    case "boolean":
      return { kind: "boolean" };
    case "null":
      return { kind: "null" };
    case "array":
      return { kind: "array", items: itemsType(ctx, s, at), ...(constraints ? { constraints } : {}) };
    case "object":
      return objectType(ctx, s, at);
    default:
      return UNKNOWN;
  }
}

function itemsType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  if (Array.isArray(s["items"]) || Array.isArray(s["prefixItems"])) return tupleItemsType(ctx, s, at);
  return typeOf(ctx, s["items"], { ...at, pointer: appendPointer(at.pointer, "items") });
}

export function objectType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const props = isObject(s["properties"]) ? s["properties"] : {};
  const required = new Set(requiredNames(ctx, s, at));
  const properties: PropertyIR[] = Object.keys(props)
    .sort(compareStrings)
    .map((name) => {
      const raw = props[name];
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
        ...(p["x-ms-secret"] === true || p["format"] === "password" ? { secret: true as const } : {}),
      };
    });
  const extra = extraKeysType(ctx, s, at);
  if (properties.length === 0) {
    // `{ type: object }` alone allows any keys (JSON Schema's default); `additionalProperties: false`
    // (or `unevaluatedProperties: false`) none.
    if (extra) return { kind: "map", values: extra };
    return s[extraKeysKeyword(s)] === false ? { kind: "object", properties: [] } : { kind: "map", values: UNKNOWN };
  }
  return extra ? { kind: "object", properties, additionalProperties: extra } : { kind: "object", properties };
}

function isNullable(s: JsonObject): boolean {
  if (s["nullable"] === true || s["x-nullable"] === true) return true;
  if (Array.isArray(s["type"]) && s["type"].includes("null")) return true;
  return Array.isArray(s["enum"]) && s["enum"].includes(null);
}

const CONSTRAINT_KEYS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
] as const;

function constraintsOf(s: JsonObject): Constraints | undefined {
  const found: Record<string, unknown> = {};
  for (const key of CONSTRAINT_KEYS) {
    const value = s[key];
    if (typeof value === "number" || typeof value === "string" || (key === "uniqueItems" && value === true))
      found[key] = value;
  }
  // OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum.
  if (s["exclusiveMinimum"] === true && typeof s["minimum"] === "number") found["exclusiveMinimum"] = s["minimum"];
  if (s["exclusiveMaximum"] === true && typeof s["maximum"] === "number") found["exclusiveMaximum"] = s["maximum"];
  return Object.keys(found).length > 0 ? (found as Constraints) : undefined;
}

export function doc(s: JsonObject): { description?: string } {
  const text =
    typeof s["description"] === "string" && s["description"].trim()
      ? s["description"]
      : typeof s["title"] === "string"
        ? s["title"]
        : undefined;
  return text ? { description: text.trim() } : {};
}

/** `a string`, `an array`, `null`: for messages about values of the wrong kind. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value} (${quoteValue(value)})`;
}

/** The candidate within edit distance 2 of `text`, for "did you mean" hints. */
function closest(text: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(text.toLowerCase(), candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
