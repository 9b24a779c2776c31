/**
 * TypeIR -> TypeScript type text. Pure: named types are written through `reference`, which the
 * caller uses to pick the declaration for the direction and to bind the import.
 */
import { propertyKey } from "../ir/naming.ts";
import type { EnumTypeIR, ObjectTypeIR, TypeIR, UnionTypeIR } from "../ir/types.ts";
import { visibleProperties, type Direction } from "./model-catalog.ts";

export interface TypeTextOptions {
  readonly direction: Direction;
  /** The name to write for named type `name`. */
  readonly reference: (name: string) => string;
  /**
   * Whether named type `name` already types its discriminator `property` as exactly `values`;
   * when not, the union member is intersected with the literal so TypeScript narrows on it.
   */
  readonly hasLiteralDiscriminator?: (name: string, property: string, values: readonly string[]) => boolean;
  /** For each member of an intersection, the keys later members override (see composition-overrides.ts). */
  readonly overridden?: (members: readonly TypeIR[]) => readonly (string | undefined)[];
}

/** Binding strength, for parentheses: a union member may be anything, an array item must be primary. */
const Precedence = { Union: 0, Intersection: 1, Primary: 2 } as const;
type Precedence = (typeof Precedence)[keyof typeof Precedence];

interface Text {
  readonly text: string;
  readonly precedence: Precedence;
}

const primary = (text: string): Text => ({ text, precedence: Precedence.Primary });

export function typeText(type: TypeIR, options: TypeTextOptions): string {
  return write(type, options).text;
}

function write(type: TypeIR, options: TypeTextOptions): Text {
  switch (type.kind) {
    case "ref":
      return primary(options.reference(type.name));
    case "string":
      return primary("string");
    case "number":
      return primary("number");
    case "boolean":
      return primary("boolean");
    case "date-time":
      return primary("Date");
    case "binary":
      return options.direction === "input"
        ? { text: "Uint8Array | Blob", precedence: Precedence.Union }
        : primary("Uint8Array");
    case "null":
      return primary("null");
    case "unknown":
      return primary("unknown");
    case "literal":
      return primary(literalText(type.value));
    case "enum":
      return enumText(type);
    case "array":
      return primary(`${wrap(write(type.items, options), Precedence.Primary)}[]`);
    case "map":
      return primary(`Record<string, ${typeText(type.values, options)}>`);
    case "object":
      return primary(objectText(type, options));
    case "union":
      return unionText(type, options);
    case "intersection": {
      const omitted = options.overridden?.(type.members) ?? [];
      return joined(
        type.members.map((m, i) => {
          const keys = omitted[i];
          return keys === undefined
            ? wrapped(write(m, options), Precedence.Intersection)
            : primary(`Omit<${write(m, options).text}, ${keys}>`);
        }),
        " & ",
        Precedence.Intersection,
      );
    }
  }
}

function wrap(text: Text, needed: Precedence): string {
  return wrapped(text, needed).text;
}

function wrapped(text: Text, needed: Precedence): Text {
  return text.precedence >= needed ? text : primary(`(${text.text})`);
}

/** Parts joined by `separator`, duplicates dropped; a single part keeps its own precedence. */
function joined(parts: readonly Text[], separator: string, precedence: Precedence): Text {
  const unique = [...new Map(parts.map((p) => [p.text, p])).values()];
  if (unique.length === 0) return primary("never");
  return unique.length === 1 ? unique[0]! : { text: unique.map((p) => p.text).join(separator), precedence };
}

export function literalText(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** `"a" | "b"`; extensible enums add `(string & {})`, which accepts any string but keeps completion. */
export function enumText(type: EnumTypeIR): Text {
  const parts = type.values.map((v) => primary(literalText(v.value)));
  if (type.extensible) parts.push(primary(type.valueType === "string" ? "(string & {})" : "(number & {})"));
  return joined(parts, " | ", Precedence.Union);
}

function objectText(type: ObjectTypeIR, options: TypeTextOptions): string {
  const properties = visibleProperties(type.properties, options.direction);
  const extra = type.additionalProperties;
  // An index signature, not `Record<...>`: when every property is hidden in this direction (all
  // read-only in a request), a `Record` of the type itself would be a circular alias; this is not.
  if (properties.length === 0)
    return extra ? `{ [key: string]: ${typeText(extra, options)} }` : "Record<string, unknown>";
  const members = properties.map((p) => `${propertyKey(p.name)}${p.required ? "" : "?"}: ${typeText(p.type, options)}`);
  if (extra) {
    const valueTypes = [extra, ...properties.map((p) => p.type)].map((t) => typeText(t, options));
    if (properties.some((p) => !p.required)) valueTypes.push("undefined");
    members.push(`[key: string]: ${[...new Set(valueTypes)].join(" | ")}`);
  }
  return `{ ${members.join("; ")} }`;
}

function unionText(type: UnionTypeIR, options: TypeTextOptions): Text {
  const discriminator = type.discriminator;
  const parts = type.variants.map((variant): Text => {
    if (!discriminator || variant.kind !== "ref") return write(variant, options);
    const values = discriminator.mapping.filter((m) => m.type === variant.name).map((m) => m.value);
    const name = options.reference(variant.name);
    if (values.length === 0 || options.hasLiteralDiscriminator?.(variant.name, discriminator.propertyName, values)) {
      return primary(name);
    }
    const literal = values.map((v) => literalText(v)).join(" | ");
    return {
      text: `${name} & { ${propertyKey(discriminator.propertyName)}: ${literal} }`,
      precedence: Precedence.Intersection,
    };
  });
  return joined(parts, " | ", Precedence.Union);
}
