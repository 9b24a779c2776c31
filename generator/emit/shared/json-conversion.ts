/**
 * Conversions between the TypeScript values of the models and their JSON form, driven by the
 * schema (never by looking at values): `date-time` is a `Date` in TypeScript and an RFC 3339 string
 * in JSON. Types without dates need no conversion and get none.
 *
 * A conversion is an expression over an identifier (or property path) that may be repeated.
 * Named types convert through `serialize<Name>` / `deserialize<Name>` functions (serialization.ts).
 *
 * Deserializing checks each part of the body before touching it (`runtime/response-shape.ts`): an
 * array before `.map`, an object before its properties, a date-time string before `new Date`. Each
 * check is given the part's path in the body (a `ShapePath`), which its error names.
 */
import { camelCase, NameScope, objectLiteralKey, propertyKey, safeIdentifier } from "../../ir/naming.ts";
import type { DiscriminatorIR, PropertyIR, TypeIR, UnionTypeIR } from "../../ir/types.ts";
import type { Direction } from "../../plan/model-catalog.ts";
import { USED_GLOBALS } from "../../ir/name-table.ts";
import { type PackagePlan } from "../../plan/package-plan.ts";
import { hasLiteralProperty } from "../../plan/model-catalog.ts";
import { converterName } from "../../plan/public-names.ts";

/** `serialize`: TypeScript value -> JSON form (requests); `deserialize`: JSON form -> TypeScript value (responses). */
export type ConversionMode = "serialize" | "deserialize";

export function modelDirection(mode: ConversionMode): Direction {
  return mode === "serialize" ? "input" : "output";
}

export interface ConversionContext {
  readonly plan: PackagePlan;
  readonly mode: ConversionMode;
  /** The function to call for named type `name` (the caller binds its import and makes sure it is emitted). */
  readonly converter: (name: string) => string;
  /** The type an unresolvable union is asserted to (its target form). */
  readonly assertedType: (type: TypeIR) => string;
  /** The type a value of `type` has before converting (its JSON form when deserializing). */
  readonly sourceType: (type: TypeIR) => string;
  /** The function `name` of `runtime/response-shape.ts` (deserializing only: the caller binds its import). */
  readonly check?: (name: "expectArray" | "expectObject" | "toDate") => string;
}

/**
 * A path in a response body, as text (`.items`, `[*]`) and expressions (an array index, the `at`
 * parameter of a converter): what a shape check names when it fails.
 */
export type ShapePath = readonly (string | { readonly expr: string })[];

/** The expression of `path`: a string literal, or a template literal when it has expressions. */
export function pathText(path: ShapePath): string {
  if (path.every((part) => typeof part === "string")) return JSON.stringify(path.join(""));
  const [only] = path;
  if (path.length === 1 && typeof only === "object") return only.expr;
  const text = path.map((part) =>
    typeof part === "string" ? part.replace(/[`\\]|\$\{/g, (m) => `\\${m}`) : `\${${part.expr}}`,
  );
  return `\`${text.join("")}\``;
}

/** `path` followed by property `name`: `.name`, or `["na-me"]` when it is no identifier. */
function propertyPath(path: ShapePath, name: string): ShapePath {
  return [...path, /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`];
}

/** `expr` after the shape check `name` when deserializing; unchanged when serializing. */
function checked(
  context: ConversionContext,
  name: "expectArray" | "expectObject",
  expr: string,
  path: ShapePath,
): string {
  return context.check ? `${context.check(name)}(${expr}, ${pathText(path)})` : expr;
}

/** The name of the JSON-form type `serialization.ts` declares (`Json<T>`). */
export const jsonTypeName = "Json";

export { converterName };

/** Whether values of `type` need converting in this mode. */
export function needsConversion(plan: PackagePlan, type: TypeIR, mode: ConversionMode): boolean {
  return plan.catalog.hasDates(type, modelDirection(mode));
}

/** An expression converting `expr`, or `undefined` when `type` needs no conversion. */
export function conversion(
  type: TypeIR,
  expr: string,
  context: ConversionContext,
  depth = 0,
  path: ShapePath = [],
): string | undefined {
  if (!needsConversion(context.plan, type, context.mode)) return undefined;
  const suffix = depth === 0 ? "" : String(depth + 1);
  switch (type.kind) {
    case "date-time":
      if (context.mode === "serialize") return `${expr}.toISOString()`;
      return context.check ? `${context.check("toDate")}(${expr}, ${pathText(path)})` : `new Date(${expr})`;
    case "ref":
      return refConversion(type.name, expr, context, path);
    case "array": {
      const [item, index] = [`item${suffix}`, `index${suffix}`];
      const converted = conversion(type.items, item, context, depth + 1, [...path, "[", { expr: index }, "]"]) ?? item;
      // An object literal as an arrow function's body needs parentheses.
      const body = converted.startsWith("{") ? `(${converted})` : converted;
      return context.check
        ? `${checked(context, "expectArray", expr, path)}.map((${item}, ${index}) => ${body})`
        : `${expr}.map((${item}) => ${body})`;
    }
    case "map": {
      const [key, value] = [`key${suffix}`, `item${suffix}`];
      // A key is the service's data, not the spec's: the path does not quote it.
      const converted = conversion(type.values, value, context, depth + 1, [...path, "[*]"]) ?? value;
      return `Object.fromEntries(Object.entries(${checked(context, "expectObject", expr, path)}).map(([${key}, ${value}]) => [${key}, ${converted}]))`;
    }
    case "object":
      return inlineObjectConversion(type, expr, context, depth, path);
    case "intersection":
      // An intersection with a union inside has no single property list to convert by.
      return context.plan.catalog.isObjectLike(type)
        ? inlineObjectConversion(type, expr, context, depth, path)
        : `(${expr} as unknown as ${context.assertedType(type)})`;
    case "union":
      return unionConversion(type, expr, context, depth, path);
    default:
      return undefined;
  }
}

/**
 * A named type's converter call. A value typed as the base of an inheritance-style discriminator
 * may be one of its subtypes: each subtype that converts differently is recognised by its value
 * (`expr.kind === "bird" ? deserializeBird(...) : ...`), and the base's own conversion (or none)
 * takes the rest.
 */
function refConversion(name: string, expr: string, context: ConversionContext, path: ShapePath): string {
  const { plan } = context;
  // A converter's path argument is left out at the top of the body (it defaults to `""`).
  const at = context.check && path.length > 0 ? `, ${pathText(path)}` : "";
  const own = plan.catalog.hasOwnDates(name, modelDirection(context.mode))
    ? `${context.converter(name)}(${expr}${at})`
    : expr;
  const subtypes = convertingSubtypes(plan, name, context.mode);
  if (!subtypes) return own;
  const access = discriminatorAccess(expr, subtypes.propertyName, context);
  return subtypes.mapping.reduceRight((rest, { value, type }) => {
    const converted = `${context.converter(type)}(${expr} as ${context.sourceType({ kind: "ref", name: type })}${at})`;
    return `${access} === ${JSON.stringify(value)} ? ${converted} : ${rest}`;
  }, own);
}

/** The subtypes of base `name` that convert differently from it; undefined when there are none. */
function convertingSubtypes(plan: PackagePlan, name: string, mode: ConversionMode): DiscriminatorIR | undefined {
  const subtypes = plan.catalog.subtypes(name);
  const mapping =
    subtypes?.mapping.filter((m) => m.type !== name && plan.catalog.hasOwnDates(m.type, modelDirection(mode))) ?? [];
  return subtypes && mapping.length > 0 ? { propertyName: subtypes.propertyName, mapping } : undefined;
}

/** Whether `refConversion` of named type `name` mentions its value more than once. */
export function isPolymorphicConversion(plan: PackagePlan, name: string, mode: ConversionMode): boolean {
  return convertingSubtypes(plan, name, mode) !== undefined;
}

/**
 * An object without a name: `{ ...expr, when: <converted> }`. Unlike named types (whose converters
 * destructure, so an absent property stays absent), an absent optional date becomes `undefined` here.
 */
function inlineObjectConversion(
  type: TypeIR,
  expr: string,
  context: ConversionContext,
  depth: number,
  path: ShapePath,
): string {
  const properties = context.plan.catalog.properties(type, modelDirection(context.mode)) ?? [];
  const extra = context.plan.catalog.additionalProperties(type);
  if (extra !== undefined && needsConversion(context.plan, extra, context.mode)) {
    // Extra keys convert one way, declared ones another: take the declared ones out first, in a
    // function called on the spot (a conversion is an expression).
    const rest = `rest${depth === 0 ? "" : String(depth + 1)}`;
    const { pattern, parts } = objectConversion(properties, extra, rest, context, depth + 1, [], path);
    return `((${pattern}) => ({ ${parts.join(" ")} }))(${checked(context, "expectObject", expr, path)})`;
  }
  const parts = properties.flatMap((p) => {
    if (p.name === PROTO) return [];
    const access = propertyAccess(expr, p.name);
    const converted = conversion(p.type, access, context, depth + 1, propertyPath(path, p.name));
    if (converted === undefined) return [];
    const value = p.required ? converted : `${access} === undefined ? undefined : ${converted}`;
    return [`${JSON.stringify(p.name)}: ${value}`];
  });
  const proto = properties.find((p) => p.name === PROTO && needsConversion(context.plan, p.type, context.mode));
  // The spread comes first, so its check runs before any property is read.
  const spread = checked(context, "expectObject", expr, path);
  if (!proto) return `{ ...${spread}, ${parts.join(", ")} }`;
  // `__proto__` is converted last; its unconverted type leaves the spread (TypeScript would type it as either).
  const entries = [...parts, protoEntry(proto, expr, context, depth + 1, path)];
  return `{ ...(${spread} as Omit<${context.sourceType(type)}, "${PROTO}">), ${entries.join(", ")} }`;
}

const PROTO = "__proto__";

/**
 * The entry of a property named `__proto__`, read from `source` where it is an own property. Reading
 * `source.__proto__` (or destructuring it) gives the prototype when the property is absent, and
 * `{ __proto__: x }` would set the prototype: see `objectLiteralKey`. Present or absent, required or
 * not, it is copied only when `source` has it.
 */
function protoEntry(
  property: PropertyIR,
  source: string,
  context: ConversionContext,
  depth: number,
  path: ShapePath,
): string {
  const access = `${source}["${PROTO}"]`;
  const converted = conversion(property.type, access, context, depth, propertyPath(path, PROTO)) ?? access;
  return `...(Object.hasOwn(${source}, "${PROTO}") && ${access} !== undefined ? { ${objectLiteralKey(PROTO)}: ${converted} } : {})`;
}

/**
 * The parts of an object conversion that destructures `properties` out of its input: the pattern
 * (`{ a, "b-c": bC, ...rest }`) and the entries of the converted object. Absent optional properties
 * stay absent. When extra (map) values convert, every declared property is taken out so that only
 * the extra entries go through the value conversion.
 */
export function objectConversion(
  properties: readonly PropertyIR[],
  extra: TypeIR | undefined,
  rest: string,
  context: ConversionContext,
  depth = 0,
  parameters: readonly string[] = [],
  path: ShapePath = [],
): { pattern: string; parts: string[] } {
  const { plan } = context;
  const extraConverts = extra !== undefined && needsConversion(plan, extra, context.mode);
  const suffix = depth === 0 ? "" : String(depth + 1);
  // The locals share a scope with the function's parameters and the outer names its code calls.
  const locals = new NameScope(
    [rest, `key${suffix}`, `item${suffix}`, `index${suffix}`, ...parameters, ...outerHelpers],
    plan.names.converterScope,
  );
  const taken = properties
    .filter((p) => extraConverts || needsConversion(plan, p.type, context.mode))
    .map((p) => ({ property: p, local: locals.claim(safeIdentifier(camelCase(p.name), "property")) }));
  // `__proto__` is not destructured (that would read the prototype when it is absent): it stays in
  // `rest` as an own property and is read from there.
  const names = taken
    .filter(({ property }) => property.name !== PROTO)
    .map(({ property, local }) => (property.name === local ? local : `${propertyKey(property.name)}: ${local}`));
  const declaresProto = taken.some(({ property }) => property.name === PROTO);
  const parts = [
    extra !== undefined && extraConverts
      ? `${restEntries(extra, rest, context, depth, path, declaresProto)},`
      : // The converted `__proto__` follows: its unconverted type leaves the spread.
        declaresProto
        ? `...(${rest} as Omit<typeof ${rest}, "${PROTO}">),`
        : `...${rest},`,
    ...taken.map(({ property, local }) => {
      if (property.name === PROTO) return `${protoEntry(property, rest, context, depth, path)},`;
      const converted = conversion(property.type, local, context, depth, propertyPath(path, property.name));
      const entry = `${propertyKey(property.name)}: ${converted ?? local}`;
      return property.required ? `${entry},` : `...(${local} === undefined ? {} : { ${entry} }),`;
    }),
  ];
  return { pattern: names.length === 0 ? rest : `{ ${[...names, `...${rest}`].join(", ")} }`, parts };
}

/**
 * Names a conversion's code refers to outside the function it is written in besides the converter
 * functions (`PublicNames.converterFunctions`): the globals and helpers. Locals are camelCase and a
 * name scope ignores case, so only the names a camelCase local could equal (lower-case first) count.
 */
const outerHelpers = [...USED_GLOBALS, "encodeURIComponent", "expectArray", "expectObject", "toDate"].filter((name) =>
  /^[a-z]/.test(name),
);

/**
 * `...Object.fromEntries(...)` converting each entry of `rest`. Its values are typed by the index
 * signature, which also admits the declared properties' types; only extra keys are left in `rest`,
 * so each value is asserted to the extra type's source form before converting.
 */
function restEntries(
  extra: TypeIR,
  rest: string,
  context: ConversionContext,
  depth: number,
  path: ShapePath,
  declaresProto = false,
): string {
  const suffix = depth === 0 ? "" : String(depth + 1);
  const [key, item] = [`key${suffix}`, `item${suffix}`];
  const converted =
    conversion(extra, `(${item} as ${context.sourceType(extra)})`, context, depth + 1, [...path, "[*]"]) ?? item;
  // A declared `__proto__` is left in `rest` (see `objectConversion`) and converted on its own.
  const entries = declaresProto
    ? `Object.entries(${rest}).filter(([${key}]) => ${key} !== "${PROTO}")`
    : `Object.entries(${rest})`;
  return `...Object.fromEntries(${entries}.map(([${key}, ${item}]) => [${key}, ${converted}]))`;
}

export function propertyAccess(expr: string, name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `${expr}.${name}` : `${expr}[${JSON.stringify(name)}]`;
}

/** A discriminator's value; a response value may be `null` or no object, which the converters then report. */
function discriminatorAccess(expr: string, name: string, context: ConversionContext): string {
  const access = propertyAccess(expr, name);
  return context.check ? `${expr}?.${access.slice(expr.length).replace(/^\./, "")}` : access;
}

/** What a runtime check can tell apart in a union. */
type Category = "null" | "string" | "number" | "boolean" | "date" | "array" | "object" | "unknown";

function category(type: TypeIR, context: ConversionContext): Category {
  const resolved = context.plan.catalog.resolve(type);
  switch (resolved?.kind) {
    case "null":
      return "null";
    case "date-time":
      return context.mode === "serialize" ? "date" : "string";
    case "string":
      return "string";
    case "number":
    case "boolean":
      return resolved.kind;
    case "literal":
      return typeof resolved.value === "string" ? "string" : typeof resolved.value === "number" ? "number" : "boolean";
    case "enum":
      return resolved.valueType;
    case "array":
      return "array";
    case "map":
    case "object":
      return "object";
    case "intersection":
      return context.plan.catalog.isObjectLike(resolved) ? "object" : "unknown";
    default:
      return "unknown";
  }
}

const guards: Record<Exclude<Category, "unknown">, (expr: string) => string> = {
  null: (e) => `${e} === null`,
  string: (e) => `typeof ${e} === "string"`,
  number: (e) => `typeof ${e} === "number"`,
  boolean: (e) => `typeof ${e} === "boolean"`,
  date: (e) => `${e} instanceof Date`,
  array: (e) => `Array.isArray(${e})`,
  object: (e) => `typeof ${e} === "object" && !Array.isArray(${e})`,
};
const checkOrder: readonly Category[] = ["date", "string", "number", "boolean", "array", "object"];

interface Branch {
  readonly guard: string;
  readonly value: string;
}

/** A chain of checks: `null` first, then each variant that needs converting, by a check only it passes. */
function unionConversion(
  type: UnionTypeIR,
  expr: string,
  context: ConversionContext,
  depth: number,
  path: ShapePath,
): string {
  const variants = type.variants.filter((v) => category(v, context) !== "null");
  const nullable = variants.length < type.variants.length;
  const branches =
    discriminatedBranches(type, expr, context, depth, path) ?? checkedBranches(variants, expr, context, depth, path);
  if (!branches) return `(${expr} as unknown as ${context.assertedType(type)})`;
  const untouched = variants.length > branches.length;
  const chain = branches.reduceRight<string>((rest, branch, index) => {
    const last = index === branches.length - 1 && !untouched;
    return last ? branch.value : `${branch.guard} ? ${branch.value} : ${rest}`;
  }, expr);
  return nullable ? `${expr} === null ? null : ${chain}` : chain;
}

function checkedBranches(
  variants: readonly TypeIR[],
  expr: string,
  context: ConversionContext,
  depth: number,
  path: ShapePath,
): Branch[] | undefined {
  const converted = variants.map((variant) => conversion(variant, expr, context, depth + 1, path));
  if (variants.length === 1) return converted[0] === undefined ? [] : [{ guard: "true", value: converted[0] }];
  const categories = variants.map((v) => category(v, context));
  const branches: (Branch & { readonly order: number })[] = [];
  for (const [index, value] of converted.entries()) {
    const own = categories[index];
    if (value === undefined || own === undefined) continue;
    const ambiguous = own === "unknown" || own === "null" || categories.filter((c) => c === own).length > 1;
    if (ambiguous || categories.includes("unknown")) return undefined;
    branches.push({ guard: guards[own](expr), value, order: checkOrder.indexOf(own) });
  }
  return branches.sort((a, b) => a.order - b.order);
}

/** With a discriminator, convertible variants are recognised by their discriminator value. */
function discriminatedBranches(
  type: UnionTypeIR,
  expr: string,
  context: ConversionContext,
  depth: number,
  path: ShapePath,
): Branch[] | undefined {
  const discriminator = type.discriminator;
  if (!discriminator) return undefined;
  const direction = modelDirection(context.mode);
  const branches: Branch[] = [];
  for (const variant of type.variants) {
    const value = conversion(variant, expr, context, depth + 1, path);
    if (value === undefined) continue;
    if (variant.kind !== "ref") return undefined;
    const values = discriminator.mapping.filter((m) => m.type === variant.name).map((m) => m.value);
    if (values.length === 0) return undefined;
    const access = discriminatorAccess(expr, discriminator.propertyName, context);
    const literal = hasLiteralProperty(
      context.plan.catalog,
      variant.name,
      discriminator.propertyName,
      values,
      direction,
    );
    branches.push({
      guard: values.map((v) => `${access} === ${JSON.stringify(v)}`).join(" || "),
      value: literal ? value : `{ ...${value}, ${JSON.stringify(discriminator.propertyName)}: ${access} }`,
    });
  }
  return branches;
}
