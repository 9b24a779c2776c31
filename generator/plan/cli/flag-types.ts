/**
 * The spec's type of what a flag fills (TypeIR) -> how the CLI reads the flag (ValueType):
 * scalars and enums stay typed flags, arrays of scalars take several values, and everything else
 * (objects, maps, unions, arrays of objects) is JSON, with the places of its date-times recorded so
 * the CLI can hand the operation `Date`s.
 */
import type { NamedTypeIR, ObjectTypeIR, PropertyIR, TypeIR } from "../../ir/types.ts";
import { objectMembers } from "../../ir/object-members.ts";
import type { Revive, ScalarType, ValueType } from "../../runtime/cli/program.ts";

export class TypeLookup {
  readonly #named: ReadonlyMap<string, NamedTypeIR>;

  constructor(types: readonly NamedTypeIR[]) {
    this.#named = new Map(types.map((t) => [t.name, t]));
  }

  /** Follows references (a cycle of them is `unknown`) and drops `null` from unions. */
  resolve(type: TypeIR, depth = 0): TypeIR {
    const current = this.#dereference(type);
    if (current.kind === "union" && depth < 32) {
      const variants = current.variants.filter((v) => this.resolve(v, depth + 1).kind !== "null");
      const [only] = variants;
      if (variants.length === 1 && only) return this.resolve(only, depth + 1);
    }
    return current;
  }

  /** Follows a chain of references (of any length: a loop, not recursion) to the type it names. */
  #dereference(type: TypeIR, seen = new Set<string>()): TypeIR {
    let current = type;
    while (current.kind === "ref") {
      const named = seen.has(current.name) ? undefined : this.#named.get(current.name);
      if (!named) return { kind: "unknown" };
      seen.add(current.name);
      current = named.type;
    }
    return current;
  }

  /** The object a type is (an intersection of objects counts, its properties merged), else undefined. */
  object(type: TypeIR): ObjectTypeIR | undefined {
    const parts = objectMembers(type, (t) => this.resolve(t));
    if (!parts) return undefined;
    if (parts.length === 1 && parts[0] === this.resolve(type)) return parts[0];
    const properties = new Map<string, PropertyIR>();
    for (const part of parts) for (const p of part.properties) properties.set(p.name, p);
    return { kind: "object", properties: [...properties.values()] };
  }

  valueType(type: TypeIR): ValueType {
    const scalar = this.scalar(type);
    if (scalar) return scalar;
    const resolved = this.resolve(type);
    if (resolved.kind === "binary") return { kind: "bytes" };
    if (resolved.kind === "array") {
      const items = this.scalar(resolved.items);
      if (items) return { kind: "array", items };
    }
    const revive = this.revive(type, new Set());
    return revive ? { kind: "json", revive } : { kind: "json" };
  }

  scalar(type: TypeIR): ScalarType | undefined {
    const resolved = this.resolve(type);
    switch (resolved.kind) {
      case "string":
        return { kind: "string" };
      case "number":
        return { kind: "number", integer: resolved.integer };
      case "boolean":
        return { kind: "boolean" };
      case "date-time":
        return { kind: "date-time" };
      case "literal":
        return typeof resolved.value === "boolean"
          ? { kind: "boolean" }
          : { kind: "enum", values: [resolved.value], extensible: false };
      case "enum":
        return { kind: "enum", values: resolved.values.map((v) => v.value), extensible: resolved.extensible };
      case "union":
        return this.stringUnion(resolved.variants);
      default:
        return undefined;
    }
  }

  /** A union of strings, string enums and string literals reads as one (extensible) enum, or a string. */
  stringUnion(variants: readonly TypeIR[]): ScalarType | undefined {
    const values: (string | number)[] = [];
    let extensible = false;
    for (const variant of variants.map((v) => this.resolve(v))) {
      if (variant.kind === "string") extensible = true;
      else if (variant.kind === "enum" && variant.valueType === "string") {
        values.push(...variant.values.map((v) => v.value));
        extensible ||= variant.extensible;
      } else if (variant.kind === "literal" && typeof variant.value === "string") values.push(variant.value);
      else return undefined;
    }
    return values.length === 0 ? { kind: "string" } : { kind: "enum", values: [...new Set(values)], extensible };
  }

  /** Where the date-times of a JSON value of this type are; undefined when it has none. */
  revive(type: TypeIR, seen: ReadonlySet<string>): Revive | undefined {
    if (type.kind === "ref") {
      const inner = new Set(seen); // one copy per chain of references, however long
      const named = this.#dereference(type, inner);
      return named.kind === "unknown" ? undefined : this.revive(named, inner);
    }
    switch (type.kind) {
      case "date-time":
        return { kind: "date-time" };
      case "array": {
        const items = this.revive(type.items, seen);
        return items && { kind: "array", items };
      }
      case "map": {
        const values = this.revive(type.values, seen);
        return values && { kind: "map", values };
      }
      case "union": {
        const shapes = type.variants.filter((v) => this.resolve(v).kind !== "null").map((v) => this.revive(v, seen));
        // Only a union with a single non-null variant has one place for its date-times.
        return shapes.length === 1 ? shapes[0] : undefined;
      }
      case "object":
      case "intersection": {
        const object = this.object(type);
        if (!object) return undefined;
        const properties: [string, Revive][] = [];
        for (const p of object.properties) {
          const shape = this.revive(p.type, seen);
          if (shape) properties.push([p.name, shape]);
        }
        return properties.length > 0 ? { kind: "object", properties } : undefined;
      }
      default:
        return undefined;
    }
  }
}
