/**
 * `src/models.ts`: one declaration per named type (and per input variant), with JSDoc from the spec.
 * Objects become interfaces (allOf of objects: `extends`), enums a literal union plus a `Known...`
 * const, everything else a type alias.
 */
import type {
  InterfaceDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
  TypeAliasDeclarationStructure,
} from "../../print/structures.ts";
import { startsLikeIdentifier } from "../../ir/identifier-text.ts";
import { NameScope, pascalCase, propertyKey } from "../../ir/naming.ts";
import type { EnumTypeIR, PropertyIR, TypeIR } from "../../ir/types.ts";
import {
  constraintLines,
  defaultValueTag,
  deprecatedTag,
  docs,
  paragraphs,
  docCommentLines,
  type DocTag,
} from "../shared/jsdoc.ts";
import type { Direction } from "../../plan/model-catalog.ts";
import type { ModelDeclaration } from "../../plan/public-names.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { hasLiteralProperty } from "../../plan/model-catalog.ts";
import { sourceFile, type PlannedStatement, type SourceFilePlan } from "../../print/source-file.ts";
import { overriddenKeys, ownProperties, withoutOverridden } from "../../plan/composition-overrides.ts";
import { enumText, typeText } from "../../plan/type-text.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

export function emitModels(plan: PackagePlan): SourceFilePlan[] {
  if (plan.names.declarations.length === 0) return [];
  const statements = plan.names.declarations.flatMap((d) => declarationStatements(plan, d));
  return [sourceFile(modules.models, [], statements)];
}

function declarationStatements(plan: PackagePlan, declaration: ModelDeclaration): PlannedStatement[] {
  const { named } = declaration;
  const type = named.type;
  if (type.kind === "enum") return [enumAlias(plan, declaration, type), knownConst(plan, declaration, type)];
  if (plan.catalog.isObjectLike(type)) return [interfaceOf(plan, declaration)];
  return [alias(declaration, localTypeText(plan, type, declaration.direction), declarationDocs(plan, declaration))];
}

/** Type text inside `models.ts`: named types are referenced by their local declaration names. */
function localTypeText(plan: PackagePlan, type: TypeIR, direction: Direction): string {
  return typeText(type, {
    direction,
    reference: (name) => plan.names.typeName(name, direction),
    hasLiteralDiscriminator: (name, property, values) =>
      hasLiteralProperty(plan.catalog, name, property, values, direction),
    overridden: (members) => overriddenKeys(plan, members, direction),
  });
}

function declarationDocs(plan: PackagePlan, declaration: ModelDeclaration, extra?: string) {
  const { named } = declaration;
  const primary = plan.names.typeName(named.name, "output");
  const variantNote =
    declaration.name === primary
      ? undefined
      : `The request form of {@link ${primary}}: read-only properties are left out.`;
  const description = paragraphs(named.description ?? `The \`${named.sourceName}\` type.`, variantNote, extra);
  return docs(description, deprecatedTag(named.deprecated));
}

function alias(
  declaration: ModelDeclaration,
  type: string,
  jsDocs: TypeAliasDeclarationStructure["docs"],
): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, name: declaration.name, isExported: true, type, docs: jsDocs };
}

function enumAlias(plan: PackagePlan, declaration: ModelDeclaration, type: EnumTypeIR): TypeAliasDeclarationStructure {
  const known = plan.names.knownName(declaration.named.name);
  const note = type.extensible
    ? `Known values are listed in {@link ${known}}; the service may add others, so any ${type.valueType} is accepted.`
    : `The values are listed in {@link ${known}}.`;
  return alias(declaration, enumText(type).text, declarationDocs(plan, declaration, note));
}

/** `export const KnownX = { Primary: "primary", ... } as const;` with one doc comment per value. */
function knownConst(plan: PackagePlan, declaration: ModelDeclaration, type: EnumTypeIR): PlannedStatement {
  const name = plan.names.knownName(declaration.named.name) ?? `Known${declaration.name}`;
  const keys = new NameScope();
  const entries = type.values.map((v) => ({ key: keys.claim(enumKey(v.value)), ...v }));
  // Text, not a structure: a variable structure cannot hold a doc comment per property.
  const members = entries.flatMap((entry) => [
    ...docCommentLines(entry.description ?? `\`${String(entry.value)}\``),
    `${entry.key}: ${JSON.stringify(entry.value)},`,
  ]);
  const lines = [
    ...docCommentLines(`Known values of {@link ${declaration.name}}.`, deprecatedTag(declaration.named.deprecated)),
    `export const ${name} = {`,
    ...members.map((line) => `  ${line}`),
    "} as const;",
  ];
  return { kind: "verbatim", text: lines.join("\n") };
}

/** A PascalCase key for an enum value: `chat.join` -> `ChatJoin`, `-1` -> `Minus1`, `2` -> `Value2`. */
export function enumKey(value: string | number): string {
  const text = String(value);
  const key = pascalCase(text);
  const sign = text.startsWith("-") ? "Minus" : "";
  if (!startsLikeIdentifier(key)) return `${sign || "Value"}${key}`;
  return `${sign}${key}`;
}

function interfaceOf(plan: PackagePlan, declaration: ModelDeclaration): InterfaceDeclarationStructure {
  const { direction, named } = declaration;
  const members = named.type.kind === "intersection" ? named.type.members : [named.type];
  const refs = members.flatMap((m) => (m.kind === "ref" ? [m] : []));
  const own = members.flatMap((m) => (m.kind === "object" ? [m] : []));
  const properties = ownProperties(own.map((o) => plan.catalog.properties(o, direction) ?? []));
  // The own properties come after the bases, so they override them.
  const omitted = overriddenKeys(plan, [...refs, { kind: "object", properties }], direction);
  const bases = refs.map((ref, i) => withoutOverridden(plan.names.typeName(ref.name, direction), omitted[i]));
  const extra = own.find((o) => o.additionalProperties)?.additionalProperties;
  const open = extra === undefined && bases.length === 0 && properties.length === 0;
  return {
    kind: StructureKind.Interface,
    name: declaration.name,
    isExported: true,
    extends: bases,
    docs: declarationDocs(plan, declaration, subtypesNote(plan, named.type, direction)),
    properties: properties.map((p) => propertySignature(plan, p, direction)),
    indexSignatures:
      extra || open
        ? [{ keyName: "key", keyType: "string", returnType: indexType(plan, extra, named.type, properties, direction) }]
        : [],
  };
}

/** On the base of an inheritance-style discriminator: which subtype each value means. */
function subtypesNote(plan: PackagePlan, type: TypeIR, direction: Direction): string | undefined {
  const discriminator = type.kind === "object" ? type.discriminator : undefined;
  if (!discriminator || discriminator.mapping.length === 0) return undefined;
  const subtypes = discriminator.mapping.map(
    (m) => `{@link ${plan.names.typeName(m.type, direction)}} (${JSON.stringify(m.value)})`,
  );
  return `Subtypes, told apart by \`${discriminator.propertyName}\`: ${subtypes.join(", ")}.`;
}

/** An index signature must admit every property type too. An empty object schema admits anything. */
function indexType(
  plan: PackagePlan,
  extra: TypeIR | undefined,
  type: TypeIR,
  own: readonly PropertyIR[],
  direction: Direction,
): string {
  if (!extra) return "unknown";
  // Inherited ones too; only here, as flattening every model of a long `allOf` chain is quadratic.
  const all = plan.catalog.properties(type, direction) ?? own;
  const types = [extra, ...all.map((p) => p.type)].map((t) => localTypeText(plan, t, direction));
  if (all.some((p) => !p.required)) types.push("undefined");
  return [...new Set(types)].join(" | ");
}

function propertySignature(
  plan: PackagePlan,
  property: PropertyIR,
  direction: Direction,
): OptionalKind<PropertySignatureStructure> {
  const constraints = "constraints" in property.type ? property.type.constraints : undefined;
  const notes = [
    property.readOnly && direction === "output" ? "Read-only: set by the service." : undefined,
    property.writeOnly ? "Write-only: never returned by the service." : undefined,
    ...constraintLines(constraints),
  ];
  const tags: DocTag[] = [...defaultValueTag(property.default), ...deprecatedTag(property.deprecated)];
  return {
    name: propertyKey(property.name),
    hasQuestionToken: !property.required,
    type: localTypeText(plan, property.type, direction),
    docs: docs(
      paragraphs(property.description ?? `The \`${property.name}\` property.`, notes.filter(Boolean).join("\n")),
      tags,
    ),
  };
}
