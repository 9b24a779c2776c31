/**
 * Plausible example values for the README, as TypeScript source text, derived from a parameter's
 * or property's name and its TypeIR: placeholders named after the thing (`"<object-id>"`), formats
 * honoured (uuid, email, uri, date), numbers inside their constraints, enums by their first value,
 * objects with their required, writable properties only.
 */
import { kebabCase, objectLiteralKey } from "../../ir/naming.ts";
import type { ApiIR, NamedTypeIR, PropertyIR, TypeIR } from "../../ir/types.ts";
import { objectMembers } from "../../ir/object-members.ts";

/** A value as a small tree, so it can be printed on one line or spread over several. */
export type ExampleNode =
  | { readonly kind: "raw"; readonly text: string }
  | { readonly kind: "array"; readonly items: readonly ExampleNode[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, ExampleNode])[] };

/** Beyond this depth nested objects are shown empty: examples stay readable, recursion ends. */
const MAX_DEPTH = 4;
/** Objects and arrays longer than this (on one line) are spread over several lines. */
const MAX_INLINE = 60;

export class ExampleBuilder {
  readonly #types: ReadonlyMap<string, NamedTypeIR>;

  constructor(api: ApiIR) {
    this.#types = new Map(api.types.map((t) => [t.name, t]));
  }

  /** An example for a value called `name` (a parameter or property name) of type `type`. */
  value(type: TypeIR, name: string, depth = 0, seen: ReadonlySet<string> = new Set()): ExampleNode {
    switch (type.kind) {
      case "ref":
        return this.#ref(type.name, name, depth, seen);
      case "string":
        return raw(JSON.stringify(stringExample(name, type.format)));
      case "number":
        return raw(String(numberExample(type.integer, type.constraints)));
      case "boolean":
        return raw("true");
      case "date-time":
        return raw('new Date("2030-01-01T00:00:00Z")');
      case "binary":
        return raw("new Uint8Array([1, 2, 3])");
      case "null":
        return raw("null");
      case "unknown":
        return { kind: "object", entries: [] };
      case "literal":
        return raw(JSON.stringify(type.value));
      case "enum": {
        const first = type.values[0];
        return first === undefined ? raw(JSON.stringify(stringExample(name))) : raw(JSON.stringify(first.value));
      }
      case "array":
        return { kind: "array", items: [this.value(type.items, singular(name), depth + 1, seen)] };
      case "map":
        // A free-form object (values of unknown type) is shown empty rather than with a made-up key.
        if (type.values.kind === "unknown") return { kind: "object", entries: [] };
        return {
          kind: "object",
          entries: [[JSON.stringify("<key>"), this.value(type.values, "value", depth + 1, seen)]],
        };
      case "object":
        return this.#object(type.properties, depth, seen);
      case "union": {
        const mapped = type.discriminator?.mapping[0];
        if (type.discriminator && mapped) {
          const override = { property: type.discriminator.propertyName, value: mapped.value };
          return this.#ref(mapped.type, name, depth, seen, override);
        }
        const variant = type.variants.find((v) => v.kind !== "null") ?? type.variants[0];
        return variant ? this.value(variant, name, depth, seen) : raw("null");
      }
      case "intersection":
        return this.#object(this.#mergedProperties(type.members, seen), depth, seen);
    }
  }

  #ref(
    typeName: string,
    name: string,
    depth: number,
    seen: ReadonlySet<string>,
    override?: { readonly property: string; readonly value: string },
  ): ExampleNode {
    const inner = new Set(seen);
    let named: NamedTypeIR | undefined;
    // A chain of aliases (`A = B`, `B = C`, ...) is followed in a loop: it may be thousands long.
    for (let next: string | undefined = typeName; next !== undefined && !inner.has(next);) {
      inner.add(next);
      named = this.#types.get(next);
      next = named?.type.kind === "ref" && !override ? named.type.name : undefined;
    }
    if (!named) return { kind: "object", entries: [] };
    if (override) {
      const properties = this.#mergedProperties([named.type], inner);
      const example = this.#object(properties, depth, inner);
      if (example.kind !== "object") return example;
      const entries = example.entries.filter(([key]) => key !== objectLiteralKey(override.property));
      return {
        kind: "object",
        entries: [[objectLiteralKey(override.property), raw(JSON.stringify(override.value))], ...entries],
      };
    }
    return this.value(named.type, name, depth, inner);
  }

  /** Required, writable properties of the object, in spec order. */
  #object(properties: readonly PropertyIR[], depth: number, seen: ReadonlySet<string>): ExampleNode {
    if (depth >= MAX_DEPTH) return { kind: "object", entries: [] };
    const entries = properties
      .filter((p) => p.required && !p.readOnly)
      .map((p): readonly [string, ExampleNode] => [objectLiteralKey(p.name), this.#property(p, depth, seen)]);
    return { kind: "object", entries };
  }

  #property(property: PropertyIR, depth: number, seen: ReadonlySet<string>): ExampleNode {
    if (property.default !== undefined && property.default !== null && typeof property.default !== "object") {
      return raw(JSON.stringify(property.default));
    }
    return this.value(property.type, property.name, depth + 1, seen);
  }

  /** The properties of `allOf`-style members (refs resolved), later members overriding earlier ones. */
  #mergedProperties(members: readonly TypeIR[], seen: ReadonlySet<string>): PropertyIR[] {
    const follow = (type: TypeIR): TypeIR | undefined => {
      const visited = new Set(seen);
      let current: TypeIR | undefined = type;
      while (current?.kind === "ref" && !visited.has(current.name)) {
        visited.add(current.name);
        current = this.#types.get(current.name)?.type;
      }
      return current;
    };
    const byName = new Map<string, PropertyIR>();
    for (const object of objectMembers({ kind: "intersection", members: [...members] }, follow, { lenient: true }) ??
      []) {
      for (const p of object.properties) byName.set(p.name, p);
    }
    return [...byName.values()];
  }

  /** Whether the type, once refs are followed, is an object with properties (worth printing fields of). */
  objectProperties(type: TypeIR): readonly PropertyIR[] {
    return this.#mergedProperties([type], new Set());
  }
}

const raw = (text: string): ExampleNode => ({ kind: "raw", text });

function stringExample(name: string, format?: string): string {
  switch (format) {
    case "uuid":
      return "00000000-0000-0000-0000-000000000000";
    case "email":
      return "user@example.com";
    case "uri":
    case "url":
      return "https://example.com";
    case "date":
      return "2030-01-01";
    default:
      return `<${kebabCase(name) || "value"}>`;
  }
}

function numberExample(
  integer: boolean,
  constraints?: { readonly minimum?: number; readonly exclusiveMinimum?: number; readonly maximum?: number },
): number {
  const { minimum, exclusiveMinimum, maximum } = constraints ?? {};
  if (minimum !== undefined) return minimum;
  if (exclusiveMinimum !== undefined) return integer ? Math.floor(exclusiveMinimum) + 1 : exclusiveMinimum + 1;
  if (maximum !== undefined && maximum < 1) return maximum;
  return 1;
}

/** "scopes" -> "scope", "clientIds" -> "clientId": a name for one item of a list. */
function singular(name: string): string {
  if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return name;
}

/**
 * Prints a node as TypeScript source. `indent` is the indentation of the line it starts on (later
 * lines are indented from it), `column` where on that line it starts.
 */
export function printExample(node: ExampleNode, indent = 0, column = indent): string {
  const inline = printInline(node);
  if (inline.length + column <= MAX_INLINE || node.kind === "raw") return inline;
  const pad = " ".repeat(indent + 2);
  const close = " ".repeat(indent);
  if (node.kind === "array") {
    return `[\n${node.items.map((item) => `${pad}${printExample(item, indent + 2)},\n`).join("")}${close}]`;
  }
  const lines = node.entries.map(
    ([key, value]) => `${pad}${key}: ${printExample(value, indent + 2, indent + key.length + 4)},\n`,
  );
  return `{\n${lines.join("")}${close}}`;
}

function printInline(node: ExampleNode): string {
  switch (node.kind) {
    case "raw":
      return node.text;
    case "array":
      return `[${node.items.map(printInline).join(", ")}]`;
    case "object":
      return node.entries.length === 0
        ? "{}"
        : `{ ${node.entries.map(([k, v]) => `${k}: ${printInline(v)}`).join(", ")} }`;
  }
}
