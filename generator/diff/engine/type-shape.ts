/**
 * Small views of `TypeIR` the type comparison needs: nullability, a name for messages, and the
 * normal forms that make pure refactors compare equal (an `allOf` of objects is the merged object;
 * a map is an object with only additional properties).
 */
import { objectMembers } from "../../ir/object-members.ts";
import type { PropertyIR, TypeIR } from "../../ir/types.ts";
import type { TypeTable } from "./diff-context.ts";

export function isNullable(type: TypeIR): boolean {
  return type.kind === "null" || (type.kind === "union" && type.variants.some((v) => v.kind === "null"));
}

/** The type without its `null` alternative (`T | null` -> `T`). */
export function withoutNull(type: TypeIR): TypeIR {
  if (type.kind !== "union") return type;
  const variants = type.variants.filter((v) => v.kind !== "null");
  if (variants.length === type.variants.length) return type;
  return variants.length === 1 && !type.discriminator ? variants[0]! : { ...type, variants };
}

/** `allOf` of objects -> one object (later members win, required if any member requires it); maps -> objects. */
export function normalise(type: TypeIR, table: TypeTable): TypeIR {
  if (type.kind === "map") return { kind: "object", properties: [], additionalProperties: type.values };
  if (type.kind !== "intersection") return type;
  // Flattened with a work list: an `allOf` chain of named types may be thousands long.
  const members = objectMembers(type, (member) => {
    const target = table.deref(member);
    return target.kind === "map" ? normalise(target, table) : target;
  });
  if (!members) return type;
  const properties = new Map<string, PropertyIR>();
  let additionalProperties: TypeIR | undefined;
  for (const member of members) {
    for (const p of member.properties) {
      const earlier = properties.get(p.name);
      properties.set(p.name, earlier ? { ...p, required: p.required || earlier.required } : p);
    }
    if (member.additionalProperties) additionalProperties = member.additionalProperties;
  }
  return {
    kind: "object",
    properties: [...properties.values()],
    ...(additionalProperties ? { additionalProperties } : {}),
  };
}

/** A short name for messages: "string", "integer (int64)", "string (date-time)", "Model", "array of string". */
export function describeType(type: TypeIR): string {
  switch (type.kind) {
    case "ref":
      return type.name;
    case "string":
      return type.format ? `string (${type.format})` : "string";
    case "number": {
      const base = type.integer ? "integer" : "number";
      return type.format ? `${base} (${type.format})` : base;
    }
    case "date-time":
      return "string (date-time)";
    case "binary":
      return "binary";
    case "literal":
      return JSON.stringify(type.value);
    case "enum":
      return `${type.extensible ? "extensible " : ""}enum of ${type.valueType}`;
    case "array":
      return `array of ${describeType(type.items)}`;
    case "map":
      return `map of ${describeType(type.values)}`;
    case "union":
      return type.variants.map(describeType).join(" | ");
    case "intersection":
      return type.members.map(describeType).join(" & ");
    default:
      return type.kind;
  }
}
