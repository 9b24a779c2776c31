/**
 * What the emitters need to know about the named types beyond their shape: which ones differ
 * between requests and responses (readOnly/writeOnly somewhere inside), which contain `date-time`
 * values, and the flattened properties of object-like types. Cycle-safe and memoised.
 */
import type { DiscriminatorIR, NamedTypeIR, PropertyIR, TypeIR } from "../ir/types.ts";

/** Which side of the wire a type is written for: `input` drops readOnly, `output` drops writeOnly. */
export type Direction = "input" | "output";

export class ModelCatalog {
  readonly #types = new Map<string, NamedTypeIR>();
  readonly #differs = new Map<string, boolean>();
  readonly #dates = new Map<string, boolean>();

  constructor(types: readonly NamedTypeIR[]) {
    for (const type of types) this.#types.set(type.name, type);
  }

  get(name: string): NamedTypeIR | undefined {
    return this.#types.get(name);
  }

  /** Follows refs (and aliases of refs) to the first non-ref type; `undefined` for a dangling ref. */
  resolve(type: TypeIR): TypeIR | undefined {
    const seen = new Set<string>();
    let current: TypeIR | undefined = type;
    while (current?.kind === "ref") {
      if (seen.has(current.name)) return undefined;
      seen.add(current.name);
      current = this.#types.get(current.name)?.type;
    }
    return current;
  }

  /** Whether the request form of a named type differs from its response form. */
  differsByDirection(name: string): boolean {
    let known = this.#differs.get(name);
    if (known === undefined) {
      known = this.#reaches({ kind: "ref", name }, undefined, new Set(), (t) =>
        t.kind === "object" && t.properties.some((p) => p.readOnly || p.writeOnly),
      );
      this.#differs.set(name, known);
    }
    return known;
  }

  /**
   * Whether values of `type`, written for `direction`, contain `date-time` values anywhere. A value
   * typed as the base of an inheritance-style discriminator may be any of its subtypes: theirs count.
   */
  hasDates(type: TypeIR, direction: Direction): boolean {
    if (type.kind !== "ref") return this.#reaches(type, direction, new Set(), (t) => t.kind === "date-time", true);
    const key = `${direction}:${type.name}`;
    let known = this.#dates.get(key);
    if (known === undefined) {
      known = this.#reaches(type, direction, new Set(), (t) => t.kind === "date-time", true);
      this.#dates.set(key, known);
    }
    return known;
  }

  /** Whether a value of named type `name` itself (not one of its subtypes) contains `date-time` values. */
  hasOwnDates(name: string, direction: Direction): boolean {
    const key = `${direction}:${name} (own)`;
    let known = this.#dates.get(key);
    if (known === undefined) {
      const named = this.#types.get(name);
      known = named !== undefined && this.#reaches(named.type, direction, new Set([name]), (t) => t.kind === "date-time", true);
      this.#dates.set(key, known);
    }
    return known;
  }

  /** The subtypes by discriminator value, when named type `name` is the base of an inheritance-style discriminator. */
  subtypes(name: string): DiscriminatorIR | undefined {
    const type = this.#types.get(name)?.type;
    return type?.kind === "object" && type.discriminator && type.discriminator.mapping.length > 0 ? type.discriminator : undefined;
  }

  /**
   * Depth-first search for a type matching `found`, through refs, properties (those visible in
   * `direction`, or all when it is undefined), items, values, variants and members; with
   * `subtypes`, also from a base of an inheritance-style discriminator to its subtypes (where a
   * value of the base may be one; not where the base is an intersection member, the subtype's own
   * base part). Each named type is visited once per search, so cycles terminate.
   */
  #reaches(type: TypeIR, direction: Direction | undefined, visited: Set<string>, found: (type: TypeIR) => boolean, subtypes = false): boolean {
    if (found(type)) return true;
    const next = (t: TypeIR): boolean => this.#reaches(t, direction, visited, found, subtypes);
    switch (type.kind) {
      case "ref": {
        const named = this.#types.get(type.name);
        if (!named || visited.has(type.name)) return false;
        visited.add(type.name);
        if (next(named.type)) return true;
        return subtypes && (this.subtypes(type.name)?.mapping.some((m) => next({ kind: "ref", name: m.type })) ?? false);
      }
      case "object": {
        const properties = direction ? visibleProperties(type.properties, direction) : type.properties;
        return properties.some((p) => next(p.type)) || (type.additionalProperties !== undefined && next(type.additionalProperties));
      }
      case "array":
        return next(type.items);
      case "map":
        return next(type.values);
      case "union":
        return type.variants.some(next);
      case "intersection": {
        // Later members override earlier ones: only the properties that win count.
        const merged = direction && this.isObjectLike(type) ? this.properties(type, direction) : undefined;
        if (merged) return merged.some((p) => next(p.type)) || this.#reachesExtra(type, next);
        // A ref member is the base part of this type: its own properties only, not its subtypes.
        return type.members.some((m) => (m.kind === "ref" && subtypes ? this.#reachesBasePart(m.name, direction, visited, found) : next(m)));
      }
      default:
        return false;
    }
  }

  #reachesExtra(type: TypeIR, next: (t: TypeIR) => boolean): boolean {
    const extra = this.additionalProperties(type);
    return extra !== undefined && next(extra);
  }

  #reachesBasePart(name: string, direction: Direction | undefined, visited: Set<string>, found: (type: TypeIR) => boolean): boolean {
    const key = `${name} (base part)`;
    const named = this.#types.get(name);
    if (!named || visited.has(key)) return false;
    visited.add(key);
    return this.#reaches(named.type, direction, visited, found, true);
  }

  /** Whether a type is an object, or an intersection of object-like types (emitted as an interface). */
  isObjectLike(type: TypeIR, seen: ReadonlySet<string> = new Set()): boolean {
    if (type.kind === "object") return true;
    if (type.kind === "intersection") return type.members.every((m) => this.isObjectLike(m, seen));
    if (type.kind !== "ref" || seen.has(type.name)) return false;
    const named = this.#types.get(type.name);
    return named !== undefined && this.isObjectLike(named.type, new Set([...seen, type.name]));
  }

  /**
   * All properties of an object-like type for a direction, including those of intersected members,
   * later members overriding earlier ones; `undefined` when the type is not object-like.
   */
  properties(type: TypeIR, direction: Direction, seen: ReadonlySet<string> = new Set()): PropertyIR[] | undefined {
    if (type.kind === "object") return visibleProperties(type.properties, direction);
    if (type.kind === "ref") {
      const named = this.#types.get(type.name);
      if (!named || seen.has(type.name)) return undefined;
      return this.properties(named.type, direction, new Set([...seen, type.name]));
    }
    if (type.kind !== "intersection") return undefined;
    const merged = new Map<string, PropertyIR>();
    for (const member of type.members) {
      const own = this.properties(member, direction, seen);
      if (!own) return undefined;
      for (const property of own) merged.set(property.name, property);
    }
    return [...merged.values()];
  }

  /** The `additionalProperties` type of an object-like type, if any member declares one. */
  additionalProperties(type: TypeIR, seen: ReadonlySet<string> = new Set()): TypeIR | undefined {
    if (type.kind === "object") return type.additionalProperties;
    if (type.kind === "intersection") {
      for (const member of type.members) {
        const extra = this.additionalProperties(member, seen);
        if (extra) return extra;
      }
      return undefined;
    }
    if (type.kind !== "ref" || seen.has(type.name)) return undefined;
    const named = this.#types.get(type.name);
    return named && this.additionalProperties(named.type, new Set([...seen, type.name]));
  }
}

/** The properties present in the given direction. */
export function visibleProperties(properties: readonly PropertyIR[], direction: Direction): PropertyIR[] {
  return properties.filter((p) => (direction === "input" ? !p.readOnly : !p.writeOnly));
}
