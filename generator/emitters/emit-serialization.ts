/**
 * `src/serialization.ts` (internal: `index.ts` does not re-export it): the `Json<T>` type and one
 * `serialize<Name>` / `deserialize<Name>` function per model that carries `date-time` values, only
 * for the directions operations use. Emitted only when some operation needs one.
 */
import type { FunctionDeclarationStructure, TypeAliasDeclarationStructure } from "ts-morph";
import { compareStrings } from "../ir/naming.ts";
import type { NamedTypeIR, PropertyIR, TypeIR } from "../ir/types.ts";
import { ImportBinder } from "./import-binder.ts";
import { docs } from "./jsdoc.ts";
import {
  conversion,
  converterName,
  modelDirection,
  objectConversion,
  type ConversionContext,
  type ConversionMode,
} from "./json-conversion.ts";
import { modelTypeText, modules, type SourcePlan } from "./source-plan.ts";
import { sourceFile, type SourceFilePlan } from "./source-file.ts";
import { StructureKind } from "./structure-kinds.ts";

/** The name of the JSON-form type in `serialization.ts`. */
export const jsonTypeName = "Json";

interface Converter {
  readonly mode: ConversionMode;
  readonly named: NamedTypeIR;
  readonly declaration: string;
  readonly name: string;
}

export function emitSerialization(plan: SourcePlan): SourceFilePlan[] {
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
  });
  const functions = converters.map((c) => converterFunction(plan, binder, c, context(c.mode)));
  return [sourceFile(modules.serialization, binder.imports(), [jsonType(), ...functions])];
}

/**
 * Every converter the operations call, and the converters those call, sorted by name; `converting`:
 * whether any operation converts a body at all.
 */
function collectConverters(plan: SourcePlan): { converters: Converter[]; converting: boolean } {
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
  });
  let converting = false;
  for (const op of plan.api.operations) {
    for (const content of op.body ? [op.body, ...(op.body.alternatives ?? [])] : []) {
      if (content.encoding === "json") converting = conversion(content.type, "body", context("serialize")) !== undefined || converting;
    }
    for (const response of op.responses) {
      const contents = response.type ? [{ type: response.type, encoding: response.encoding ?? "json" }, ...(response.alternatives ?? [])] : [];
      for (const content of contents) {
        if (content.encoding === "json") converting = conversion(content.type, "json", context("deserialize")) !== undefined || converting;
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
    docs: docs("The JSON form of `T`: what `JSON.parse` returns and `JSON.stringify` is given. Dates are RFC 3339 strings."),
  };
}

/** The type a conversion produces: the model type (deserialize) or its JSON form (serialize). */
function targetType(plan: SourcePlan, binder: ImportBinder, type: TypeIR, mode: ConversionMode): string {
  const text = modelTypeText(plan, binder, type, modelDirection(mode));
  return mode === "deserialize" ? text : `${jsonTypeName}<${text}>`;
}

function converterFunction(
  plan: SourcePlan,
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
    parameters: [{ name: deserialize ? "json" : "value", type: deserialize ? `${jsonTypeName}<${model}>` : model }],
    returnType: deserialize ? model : `${jsonTypeName}<${model}>`,
    statements: converterStatements(plan, converter, context),
    docs: docs(
      deserialize
        ? `Converts a {@link ${model}} from its JSON form: date-time strings become \`Date\`s.`
        : `Converts a {@link ${model}} to its JSON form: \`Date\`s become RFC 3339 strings.`,
    ),
  };
}

function converterStatements(plan: SourcePlan, converter: Converter, context: ConversionContext): string[] {
  const input = converter.mode === "deserialize" ? "json" : "value";
  const type = converter.named.type;
  const direction = modelDirection(converter.mode);
  const properties = plan.catalog.isObjectLike(type) ? plan.catalog.properties(type, direction) : undefined;
  if (!properties) return [`return ${conversion(type, input, context) ?? input};`];
  return objectStatements(properties, plan.catalog.additionalProperties(type), input, context);
}

/** Destructures the properties that need converting and spreads (or converts) the rest. */
function objectStatements(properties: readonly PropertyIR[], extra: TypeIR | undefined, input: string, context: ConversionContext): string[] {
  const { pattern, parts } = objectConversion(properties, extra, "rest", context, 0, [input]);
  return [`const ${pattern} = ${input};`, `return {\n${parts.map((p) => `  ${p}`).join("\n")}\n};`];
}
