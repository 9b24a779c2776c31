/**
 * `src/serialization.ts` (internal: `index.ts` does not re-export it): the `Json<T>` type and one
 * `serialize<Name>` / `deserialize<Name>` function per model that carries `date-time` values, only
 * for the directions operations use. Emitted only when some operation needs one.
 */
import type { FunctionDeclarationStructure, TypeAliasDeclarationStructure } from "../../print/structures.ts";
import { compareStrings } from "../../ir/naming.ts";
import type { NamedTypeIR, PropertyIR, TypeIR } from "../../ir/types.ts";
import { ImportBinder } from "../shared/import-binder.ts";
import { docs } from "../shared/jsdoc.ts";
import {
  conversion,
  converterName,
  jsonTypeName,
  modelDirection,
  objectConversion,
  pathText,
  type ConversionContext,
  type ConversionMode,
  type ShapePath,
} from "../shared/json-conversion.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { modelTypeText } from "../shared/model-type-text.ts";
import { sourceFile, type SourceFilePlan } from "../../print/source-file.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

interface Converter {
  readonly mode: ConversionMode;
  readonly named: NamedTypeIR;
  readonly declaration: string;
  readonly name: string;
}

export function emitSerialization(plan: PackagePlan): SourceFilePlan[] {
  const { converters, converting } = collectConverters(plan);
  // Operations that convert an inline type (an object with a date inside) need `Json` even when no
  // named type needs a converter.
  if (converters.length === 0 && !converting) return [];
  const binder = new ImportBinder(modules.serialization, [jsonTypeName, ...converters.map((c) => c.name)]);
  const context = (mode: ConversionMode): ConversionContext => ({
    plan,
    mode,
    converter: (name) => converterName(mode, plan.names.typeName(name, modelDirection(mode))),
    assertedType: (type) => targetType(plan, binder, type, mode),
    sourceType: (type) => targetType(plan, binder, type, mode === "serialize" ? "deserialize" : "serialize"),
    check: mode === "deserialize" ? (name) => binder.value(modules.runtime("response-shape"), name) : undefined,
  });
  const functions = converters.map((c) => converterFunction(plan, binder, c, context(c.mode)));
  return [sourceFile(modules.serialization, binder.imports(), [jsonType(), ...functions])];
}

/**
 * Every converter the operations call, and the converters those call, sorted by name; `converting`:
 * whether any operation converts a body at all.
 */
function collectConverters(plan: PackagePlan): { converters: Converter[]; converting: boolean } {
  const found = new Map<string, Converter>();
  const queue: Converter[] = [];
  const context = (mode: ConversionMode): ConversionContext => ({
    plan,
    mode,
    converter: (name) => {
      const declaration = plan.names.typeName(name, modelDirection(mode));
      const converter = { mode, declaration, name: converterName(mode, declaration) };
      const named = plan.catalog.get(name);
      if (named && !found.has(converter.name)) {
        found.set(converter.name, { ...converter, named });
        queue.push({ ...converter, named });
      }
      return converter.name;
    },
    assertedType: () => "unknown",
    sourceType: () => "unknown",
    check: mode === "deserialize" ? (name) => name : undefined,
  });
  let converting = false;
  for (const op of plan.api.operations) {
    for (const content of op.body ? [op.body, ...(op.body.alternatives ?? [])] : []) {
      if (content.encoding === "json")
        converting = conversion(content.type, "body", context("serialize")) !== undefined || converting;
    }
    for (const response of op.responses) {
      const contents = response.type
        ? [{ type: response.type, encoding: response.encoding ?? "json" }, ...(response.alternatives ?? [])]
        : [];
      for (const content of contents) {
        if (content.encoding === "json")
          converting = conversion(content.type, "json", context("deserialize")) !== undefined || converting;
      }
    }
  }
  for (let next = queue.shift(); next; next = queue.shift()) converterStatements(plan, next, context(next.mode));
  return { converters: [...found.values()].sort((a, b) => compareStrings(a.name, b.name)), converting };
}

function jsonType(): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: jsonTypeName,
    isExported: true,
    typeParameters: ["T"],
    type:
      "T extends Date ? string : T extends string | number | boolean | bigint | symbol | null | undefined | Uint8Array | Blob ? T : " +
      "T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T",
    docs: docs(
      "The JSON form of `T`: what `JSON.parse` returns and `JSON.stringify` is given. Dates are RFC 3339 strings.",
    ),
  };
}

/** The type a conversion produces: the model type (deserialize) or its JSON form (serialize). */
function targetType(plan: PackagePlan, binder: ImportBinder, type: TypeIR, mode: ConversionMode): string {
  const text = modelTypeText(plan, binder, type, modelDirection(mode));
  return mode === "deserialize" ? text : `${jsonTypeName}<${text}>`;
}

function converterFunction(
  plan: PackagePlan,
  binder: ImportBinder,
  converter: Converter,
  context: ConversionContext,
): FunctionDeclarationStructure {
  const model = binder.type(modules.models, converter.declaration);
  const deserialize = converter.mode === "deserialize";
  return {
    kind: StructureKind.Function,
    name: converter.name,
    isExported: true,
    parameters: deserialize
      ? [
          { name: "json", type: `${jsonTypeName}<${model}>` },
          { name: shapeAt, initializer: `""` },
        ]
      : [{ name: "value", type: model }],
    returnType: deserialize ? model : `${jsonTypeName}<${model}>`,
    statements: converterStatements(plan, converter, context),
    docs: docs(
      deserialize
        ? `Converts a {@link ${model}} from its JSON form: date-time strings become \`Date\`s. \`${shapeAt}\`: its path in the ` +
            "response body, which a `ResponseParseError` names when the JSON does not have the spec's shape."
        : `Converts a {@link ${model}} to its JSON form: \`Date\`s become RFC 3339 strings.`,
    ),
  };
}

/** The parameter of a deserializing converter holding its value's path in the response body. */
const shapeAt = "at";

function converterStatements(plan: PackagePlan, converter: Converter, context: ConversionContext): string[] {
  const input = converter.mode === "deserialize" ? "json" : "value";
  const path: ShapePath = converter.mode === "deserialize" ? [{ expr: shapeAt }] : [];
  const type = converter.named.type;
  const direction = modelDirection(converter.mode);
  const properties = plan.catalog.isObjectLike(type) ? plan.catalog.properties(type, direction) : undefined;
  if (!properties) return [`return ${conversion(type, input, context, 0, path) ?? input};`];
  return objectStatements(properties, plan.catalog.additionalProperties(type), input, context, path);
}

/** Destructures the properties that need converting (from a checked object) and spreads (or converts) the rest. */
function objectStatements(
  properties: readonly PropertyIR[],
  extra: TypeIR | undefined,
  input: string,
  context: ConversionContext,
  path: ShapePath,
): string[] {
  const { pattern, parts } = objectConversion(properties, extra, "rest", context, 0, [input, shapeAt], path);
  const source = context.check ? `${context.check("expectObject")}(${input}, ${pathText(path)})` : input;
  return [`const ${pattern} = ${source};`, `return {\n${parts.map((p) => `  ${p}`).join("\n")}\n};`];
}
