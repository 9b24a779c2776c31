/**
 * What the emitters need to know about the named types beyond their shape: which ones differ
 * between requests and responses (readOnly/writeOnly somewhere inside), which contain `date-time`
 * values, and the flattened properties of object-like types. Cycle-safe and memoised.
 */
import type { DiscriminatorIR, NamedTypeIR, PropertyIR, TypeIR } from "../ir/types.ts";
import { objectMembers } from "../ir/object-members.ts";
import { childTypes } from "../ir/type-children.ts";

/** Which side of the wire a type is written for: `input` drops readOnly, `output` drops writeOnly. */
export type Direction = "input" | "output";

export class ModelCatalog {
  readonly #types = new Map<string, NamedTypeIR>();
  readonly #differs = new Map<string, boolean>();
  /** By direction: which named types (and base parts) reach a `date-time`. */
  readonly #dates = new Map<Direction, Map<string, boolean>>();
  readonly #ownDates = new Map<string, boolean>();
  readonly #objectLike = new Map<string, boolean>();
  /** How many object types inside the named types declare each property name; built on first use. */
  #declarations: Map<string, number> | undefined;

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
    return this.#reaches(
      { kind: "ref", name },
      { direction: undefined, subtypes: false, memo: this.#differs },
      (t) => t.kind === "object" && t.properties.some((p) => p.readOnly || p.writeOnly),
    );
  }

  /**
   * Whether values of `type`, written for `direction`, contain `date-time` values anywhere. A value
   * typed as the base of an inheritance-style discriminator may be any of its subtypes: theirs count.
   */
  hasDates(type: TypeIR, direction: Direction): boolean {
    let memo = this.#dates.get(direction);
    if (!memo) this.#dates.set(direction, (memo = new Map()));
    return this.#reaches(type, { direction, subtypes: true, memo }, isDateTime);
  }

  /** Whether a value of named type `name` itself (not one of its subtypes) contains `date-time` values. */
  hasOwnDates(name: string, direction: Direction): boolean {
    const key = `${direction}:${name}`;
    let known = this.#ownDates.get(key);
    if (known === undefined) {
      const named = this.#types.get(name);
      // No memo: answers found with `name` left out would not hold for the other named types.
      known =
        named !== undefined && this.#reaches(named.type, { direction, subtypes: true, visited: [name] }, isDateTime);
      this.#ownDates.set(key, known);
    }
    return known;
  }

  /** The subtypes by discriminator value, when named type `name` is the base of an inheritance-style discriminator. */
  subtypes(name: string): DiscriminatorIR | undefined {
    const type = this.#types.get(name)?.type;
    return type?.kind === "object" && type.discriminator && type.discriminator.mapping.length > 0
      ? type.discriminator
      : undefined;
  }

  /**
   * Search for a type matching `found`, through refs, properties (those visible in `direction`, or
   * all when it is undefined), items, values, variants and members; with `subtypes`, also from a
   * base of an inheritance-style discriminator to its subtypes (where a value of the base may be
   * one; not where the base is an intersection member, the subtype's own base part). Each named
   * type is expanded once per search, so cycles terminate; a work list, not recursion, so chains
   * of any length do. With a `memo` the answers found stay known: every named type a fruitless
   * search expanded reaches nothing, and those on the way to a match reach it, so asking about
   * every type of a chain costs one walk of it, not one per type.
   */
  #reaches(start: TypeIR, search: Search, found: (type: TypeIR) => boolean): boolean {
    const { direction, subtypes, memo } = search;
    const visited = new Set<string>(search.visited);
    /** The named type (key) whose expansion first reached each expanded one, to mark a match's way back. */
    const reachedFrom = new Map<string, string | undefined>();
    const work: { type: TypeIR; from: string | undefined }[] = [{ type: start, from: undefined }];
    const matched = (from: string | undefined) => {
      for (let key = from; key !== undefined; key = reachedFrom.get(key)) memo?.set(key, true);
      return true;
    };
    /** `true`: known to reach a match; `"expanded"`: queued for the first time; `undefined`: nothing to do. */
    const expand = (key: string, type: TypeIR, from: string | undefined): true | "expanded" | undefined => {
      const known = memo?.get(key);
      if (known !== undefined) return known || undefined;
      if (visited.has(key)) return undefined;
      visited.add(key);
      reachedFrom.set(key, from);
      work.push({ type, from: key });
      return "expanded";
    };
    for (let item = work.pop(); item; item = work.pop()) {
      const { type, from } = item;
      if (found(type)) return matched(from);
      const push = (t: TypeIR) => work.push({ type: t, from });
      switch (type.kind) {
        case "ref": {
          const named = this.#types.get(type.name);
          if (!named) break;
          const expanded = expand(type.name, named.type, from);
          if (expanded === true) return matched(from);
          if (!subtypes || expanded === undefined) break;
          for (const m of this.subtypes(type.name)?.mapping ?? [])
            work.push({ type: { kind: "ref", name: m.type }, from: type.name });
          break;
        }
        case "object": {
          const properties = direction ? visibleProperties(type.properties, direction) : type.properties;
          for (const p of properties) push(p.type);
          if (type.additionalProperties !== undefined) push(type.additionalProperties);
          break;
        }
        case "array":
          push(type.items);
          break;
        case "map":
          push(type.values);
          break;
        case "union":
          type.variants.forEach(push);
          break;
        case "intersection": {
          // Later members override earlier ones: only the properties that win count.
          const merged =
            direction && this.mayOverride(type.members) && this.isObjectLike(type)
              ? this.properties(type, direction)
              : undefined;
          if (merged) {
            for (const p of merged) push(p.type);
            const extra = this.additionalProperties(type);
            if (extra !== undefined) push(extra);
            break;
          }
          for (const m of type.members) {
            // A ref member is the base part of this type: its own properties only, not its subtypes.
            const named = m.kind === "ref" && subtypes ? this.#types.get(m.name) : undefined;
            if (m.kind !== "ref" || !subtypes) push(m);
            else if (named && expand(`${m.name} (base part)`, named.type, from) === true) return matched(from);
          }
          break;
        }
        default:
          break;
      }
    }
    for (const key of visited) memo?.set(key, false);
    return false;
  }

  /**
   * Whether a later member of an `allOf` may redeclare a property of an earlier one. A cheap, sound
   * "no" for the common case keeps long `allOf` chains linear: every later member is an inline
   * object whose property names no other object type in the document declares, and every earlier
   * member is a named type or an inline object (so all its declarations are counted or in view).
   */
  mayOverride(members: readonly TypeIR[]): boolean {
    const [first, ...later] = members;
    if (first === undefined) return false;
    const inView = (m: TypeIR) => m.kind === "ref" || m.kind === "object";
    if (!members.every(inView) || !later.every((m) => m.kind === "object")) return true;
    const declarations = (this.#declarations ??= countDeclarations(this.#types.values()));
    const earlierInline = new Set(
      members.flatMap((m, i) => (m.kind === "object" && i < members.length - 1 ? m.properties.map((p) => p.name) : [])),
    );
    return later.some(
      (m) =>
        m.kind === "object" &&
        m.properties.some(
          (p) => (declarations.get(p.name) ?? 0) > 1 || (earlierInline.has(p.name) && m !== members[0]),
        ),
    );
  }

  /** Whether a type is an object, or an intersection of object-like types (emitted as an interface). */
  isObjectLike(type: TypeIR): boolean {
    // Memoised by name: every model of an `allOf` chain asks, and each answer is the next one's.
    const path = new Set<string>();
    const work: (TypeIR | { readonly leave: string })[] = [type];
    for (let item = work.pop(); item; item = work.pop()) {
      if ("leave" in item) {
        path.delete(item.leave);
        this.#objectLike.set(item.leave, true);
      } else if (item.kind === "intersection") {
        work.push(...item.members);
      } else if (item.kind !== "object") {
        const known = item.kind === "ref" ? this.#objectLike.get(item.name) : false;
        if (known === true) continue;
        const named =
          item.kind === "ref" && known === undefined && !path.has(item.name) ? this.#types.get(item.name) : undefined;
        if (!named || item.kind !== "ref") {
          for (const name of path) this.#objectLike.set(name, false);
          return false;
        }
        path.add(item.name);
        work.push({ leave: item.name }, named.type);
      }
    }
    return true;
  }

  /**
   * All properties of an object-like type for a direction, including those of intersected members,
   * later members overriding earlier ones; `undefined` when the type is not object-like.
   */
  properties(type: TypeIR, direction: Direction): PropertyIR[] | undefined {
    const members = objectMembers(type, this.#follow);
    if (!members) return undefined;
    const merged = new Map<string, PropertyIR>();
    for (const member of members)
      for (const property of visibleProperties(member.properties, direction)) merged.set(property.name, property);
    return [...merged.values()];
  }

  /** The `additionalProperties` type of an object-like type, if any member declares one. */
  additionalProperties(type: TypeIR): TypeIR | undefined {
    const members = objectMembers(type, this.#follow, {
      lenient: true,
      stop: (object) => object.additionalProperties !== undefined,
    });
    return members?.find((object) => object.additionalProperties)?.additionalProperties;
  }

  /** Follows refs (and aliases of refs), for `objectMembers`. */
  #follow = (type: TypeIR): TypeIR | undefined => this.resolve(type);
}

interface Search {
  readonly direction: Direction | undefined;
  readonly subtypes: boolean;
  /** Named types (keys) already known to reach a match or not, filled in by the search. */
  readonly memo?: Map<string, boolean>;
  /** Named types not to expand. */
  readonly visited?: readonly string[];
}

const isDateTime = (type: TypeIR): boolean => type.kind === "date-time";

/** The properties present in the given direction. */
export function visibleProperties(properties: readonly PropertyIR[], direction: Direction): PropertyIR[] {
  return properties.filter((p) => (direction === "input" ? !p.readOnly : !p.writeOnly));
}

/** Property names by how many object types (named, or inline inside named types) declare them. */
function countDeclarations(types: Iterable<NamedTypeIR>): Map<string, number> {
  const counts = new Map<string, number>();
  const work: TypeIR[] = [...types].map((t) => t.type);
  for (let type = work.pop(); type; type = work.pop()) {
    if (type.kind === "object") for (const p of type.properties) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    work.push(...childTypes(type));
  }
  return counts;
}

/** Whether named type `name` declares `property` as exactly the literal(s) `values`. */
export function hasLiteralProperty(
  catalog: ModelCatalog,
  name: string,
  property: string,
  values: readonly string[],
  direction: Direction,
): boolean {
  const found = catalog.properties({ kind: "ref", name }, direction)?.find((p) => p.name === property);
  const type = found && catalog.resolve(found.type);
  if (!found?.required || !type) return false;
  const declared =
    type.kind === "literal"
      ? [type.value]
      : type.kind === "enum" && !type.extensible
        ? type.values.map((v) => v.value)
        : [];
  return declared.length === values.length && declared.every((v) => values.includes(String(v)));
}
