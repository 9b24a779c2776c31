/**
 * Inheritance-style discriminators: a base schema carries the `discriminator` and its subtypes
 * `allOf` it, with no `oneOf` anywhere (OpenAPI's own example; Autorest's specs). A subtype is a
 * component schema whose `allOf` refers to the base directly; its discriminator value is the
 * mapping entry that names it, else its schema name (OpenAPI's rule). The base's object type lists
 * its subtypes (`ObjectTypeIR.discriminator`); each subtype's own part narrows the property to its
 * value, so `Bird` says `kind: "bird"` where `Animal` says `kind: string`.
 */
import {
  appendPointer,
  isObject,
  isRefFailure,
  lastPointerKey,
  type JsonObject,
  type RefFailure,
  type ResolvedRef,
} from "../openapi/load-openapi.ts";
import { placeKey, type IrContext, type Place } from "./ir-context.ts";
import { compareStrings } from "./naming.ts";
import type { DiscriminatorIR, ObjectTypeIR, PropertyIR, TypeIR } from "./types.ts";

interface Subtype {
  readonly place: Place;
  readonly value: string;
}

/**
 * A schema's `discriminator`: `propertyName` and `mapping` (empty when absent). Swagger 2 wrote it
 * as a bare property name string; that is read too.
 */
export function readDiscriminator(
  s: JsonObject,
): { readonly propertyName: string; readonly mapping: JsonObject } | undefined {
  const d = typeof s["discriminator"] === "string" ? { propertyName: s["discriminator"] } : s["discriminator"];
  if (!isObject(d) || typeof d["propertyName"] !== "string" || d["propertyName"] === "") return undefined;
  return { propertyName: d["propertyName"], mapping: isObject(d["mapping"]) ? d["mapping"] : {} };
}

/**
 * The schema a discriminator `mapping` value names: a reference (relative to `fromFile`), or, as
 * OpenAPI also allows, the bare name of a component schema of the root document (`dog: Dog`).
 */
export function resolveMapping(ctx: IrContext, value: unknown, fromFile: string): ResolvedRef | RefFailure {
  if (typeof value !== "string") return { failure: "it is not a string" };
  const target = ctx.document.resolveRef(value, fromFile);
  if (!isRefFailure(target) || /[#/]/.test(value)) return target;
  const named = ctx.document.resolveRef(appendPointer("#/components/schemas", value).replace(/%/g, "%25"));
  return isRefFailure(named) ? { failure: "it is neither a reference nor the name of a component schema" } : named;
}

/** Reports a mapping value (at `mappingAt`) that names no schema; the rest of the mapping is kept. */
export function reportDanglingMapping(
  ctx: IrContext,
  value: string,
  target: string,
  failure: string,
  mappingAt: Place,
): void {
  const at = { ...mappingAt, pointer: appendPointer(mappingAt.pointer, value) };
  ctx.report(
    "unresolved-mapping",
    { value: JSON.stringify(value), target: JSON.stringify(target), reason: failure },
    at,
  );
}

/** The base's `discriminator`, when it is one of this kind (a union's belongs to the union). */
function ownDiscriminator(s: JsonObject): ReturnType<typeof readDiscriminator> {
  return Array.isArray(s["oneOf"]) || Array.isArray(s["anyOf"]) ? undefined : readDiscriminator(s);
}

/**
 * The value that selects `child` under a base's discriminator: its mapping entry, else its schema
 * name (OpenAPI's implicit value); `undefined` when the mapping has entries that name no schema,
 * as one of those may have been meant for `child`.
 */
function valueOf(ctx: IrContext, base: Place, mapping: JsonObject, child: Place): string | undefined {
  let dangling = false;
  for (const value of Object.keys(mapping).sort(compareStrings)) {
    const target = resolveMapping(ctx, mapping[value], base.file);
    if (!isRefFailure(target) && placeKey(target) === placeKey(child)) return value;
    dangling ||= isRefFailure(target);
  }
  return dangling ? undefined : lastPointerKey(child.pointer);
}

/** The component schemas (`components/schemas`, Swagger 2's `definitions`) whose `allOf` refers to `base`. */
function subtypesOf(ctx: IrContext, base: Place, mapping: JsonObject): Subtype[] {
  const root = ctx.root;
  const sections: [string, unknown][] = [
    ["/components/schemas", isObject(root["components"]) ? root["components"]["schemas"] : undefined],
    ["/definitions", root["definitions"]],
  ];
  const found: Subtype[] = [];
  for (const [prefix, schemas] of sections) {
    if (!isObject(schemas)) continue;
    for (const name of Object.keys(schemas).sort(compareStrings)) {
      const schema = schemas[name];
      if (!isObject(schema) || !Array.isArray(schema["allOf"])) continue;
      const place = { file: ctx.document.file, pointer: appendPointer(prefix, name) };
      const refersToBase = schema["allOf"].some((member) => {
        const ref = isObject(member) ? member["$ref"] : undefined;
        const target = typeof ref === "string" ? ctx.document.resolveRef(ref, place.file) : undefined;
        return target !== undefined && !isRefFailure(target) && placeKey(target) === placeKey(base);
      });
      const value = refersToBase ? valueOf(ctx, base, mapping, place) : undefined;
      if (value !== undefined) found.push({ place, value });
    }
  }
  return found;
}

/**
 * The base's object type with its subtypes listed, when `s` (declared at `place`) is the base of
 * an inheritance-style discriminator; `type` unchanged otherwise.
 */
export function withSubtypes(
  ctx: IrContext,
  place: Place,
  s: JsonObject,
  type: TypeIR,
  nameOf: (place: Place) => string,
): TypeIR {
  const own = ownDiscriminator(s);
  if (!own || type.kind !== "object") return type;
  const mappingAt = { ...place, pointer: `${place.pointer}/discriminator/mapping` };
  for (const value of Object.keys(own.mapping).sort(compareStrings)) {
    const target = resolveMapping(ctx, own.mapping[value], place.file);
    if (isRefFailure(target)) reportDanglingMapping(ctx, value, String(own.mapping[value]), target.failure, mappingAt);
  }
  const mapping = subtypesOf(ctx, place, own.mapping)
    .map((subtype) => ({ value: subtype.value, type: nameOf(subtype.place) }))
    .sort((a, b) => compareStrings(a.value, b.value));
  const discriminator: DiscriminatorIR = { propertyName: own.propertyName, mapping };
  return { ...type, discriminator } satisfies ObjectTypeIR;
}

/**
 * For a named schema (`at`) that `allOf`s bases with inheritance-style discriminators: each base's
 * discriminator property, narrowed to this schema's value.
 */
export function narrowedDiscriminators(ctx: IrContext, members: readonly unknown[], at: Place): PropertyIR[] {
  if (!ctx.typeNames.has(placeKey(at))) return []; // an inline allOf has no name, so no implicit value
  const narrowed: PropertyIR[] = [];
  for (const member of members) {
    const ref = isObject(member) ? member["$ref"] : undefined;
    const target = typeof ref === "string" ? ctx.document.resolveRef(ref, at.file) : undefined;
    if (!target || isRefFailure(target) || !isObject(target.value)) continue;
    const own = ownDiscriminator(target.value);
    if (!own) continue;
    const value = valueOf(ctx, target, own.mapping, at);
    if (value === undefined) continue; // which value selects this schema is unknown: keep the base's type
    if (narrowed.some((p) => p.name === own.propertyName)) continue; // two bases, one property: the first says
    const declared = isObject(target.value["properties"]) ? target.value["properties"][own.propertyName] : undefined;
    if (!admits(declared, value)) continue; // the subtype would not extend its base: keep the base's type
    const description =
      isObject(declared) && typeof declared["description"] === "string" ? declared["description"] : undefined;
    narrowed.push({
      name: own.propertyName,
      ...(description ? { description } : {}),
      required: true,
      readOnly: false,
      writeOnly: false,
      deprecated: false,
      type: { kind: "literal", value },
    });
  }
  return narrowed;
}

/** Whether the base's declaration of the property (absent, or a string schema) admits `value`. */
function admits(declared: unknown, value: string): boolean {
  if (declared === undefined) return true;
  if (!isObject(declared) || typeof declared["$ref"] === "string") return false;
  if (declared["type"] !== undefined && declared["type"] !== "string") return false;
  if (declared["const"] !== undefined) return declared["const"] === value;
  return !Array.isArray(declared["enum"]) || declared["enum"].includes(value);
}
