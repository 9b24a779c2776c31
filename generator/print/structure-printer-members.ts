/**
 * Classes and interfaces with their members, for `structure-printer.ts` (same layout as ts-morph's
 * printer: members one per line, methods and constructors blank-line separated, overloads first).
 */
import { lineWidthOf } from "./line-width.ts";
import type CodeBlockWriter from "code-block-writer";
import type {
  ClassDeclarationStructure,
  ConstructorDeclarationOverloadStructure,
  ConstructorDeclarationStructure,
  IndexSignatureDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationOverloadStructure,
  MethodDeclarationStructure,
  MethodSignatureStructure,
  OptionalKind,
  PropertyDeclarationStructure,
  PropertySignatureStructure,
} from "ts-morph";
import {
  beginNode,
  checkKeys,
  COMMON_KEYS,
  textOf,
  writeBody,
  writeDocs,
  writeInitializer,
  writeLeadingTrivia,
  writeModifiers,
  writeType,
  writeTypeParameters,
} from "./structure-printer-parts.ts";
import { writeSignature, writeWrappedType } from "./structure-printer-wrap.ts";

const keys = (...names: string[]): ReadonlySet<string> => new Set([...COMMON_KEYS, ...names]);

const CLASS_KEYS = keys(
  "name",
  "isExported",
  "isDefaultExport",
  "typeParameters",
  "extends",
  "implements",
  "properties",
  "ctors",
  "methods",
);
const PROPERTY_KEYS = keys("name", "type", "initializer", "hasQuestionToken", "scope", "isStatic", "isReadonly");
const CTOR_KEYS = keys("scope", "parameters", "statements", "overloads");
const CTOR_OVERLOAD_KEYS = keys("scope", "parameters");
const METHOD_KEYS = keys(
  "name",
  "scope",
  "isStatic",
  "isAsync",
  "typeParameters",
  "parameters",
  "returnType",
  "statements",
  "overloads",
);
const METHOD_OVERLOAD_KEYS = keys("scope", "isStatic", "isAsync", "typeParameters", "parameters", "returnType");

export function writeClass(writer: CodeBlockWriter, structure: ClassDeclarationStructure): void {
  checkKeys(structure, CLASS_KEYS, `class \`${structure.name ?? ""}\``);
  writeDocs(writer, structure.docs);
  writeModifiers(writer, structure);
  writer.write("class");
  if (structure.name && structure.name.trim() !== "") writer.space().write(structure.name);
  writeTypeParameters(writer, structure.typeParameters);
  writer.space();
  writer.hangingIndent(() => {
    const extendsText = structure.extends === undefined ? "" : textOf(structure.extends);
    if (extendsText.trim() !== "") writer.write(`extends ${extendsText} `);
    const { implements: implemented } = structure;
    const implementsText =
      implemented === undefined
        ? ""
        : typeof implemented === "object"
          ? implemented.map(textOf).join(", ")
          : textOf(implemented);
    if (implementsText.trim() !== "") writer.write(`implements ${implementsText} `);
  });
  writer.inlineBlock(() => {
    (structure.properties ?? []).forEach((property, i) => {
      writer.conditionalNewLine(i > 0);
      writeProperty(writer, property, PROPERTY_KEYS);
    });
    for (const ctor of structure.ctors ?? []) {
      separateMember(writer);
      writeConstructor(writer, ctor);
    }
    const methods = structure.methods ?? [];
    if (methods.length > 0) separateMember(writer);
    methods.forEach((method, i) => {
      if (i > 0) writer.blankLine();
      writeMethod(writer, method);
    });
  });
}

function separateMember(writer: CodeBlockWriter): void {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLine();
}

/** A class property or an interface's property signature (which allows fewer keys). */
function writeProperty(
  writer: CodeBlockWriter,
  property: OptionalKind<PropertyDeclarationStructure> | OptionalKind<PropertySignatureStructure>,
  allowed: ReadonlySet<string>,
): void {
  checkKeys(property, allowed, `property \`${property.name}\``);
  beginNode(writer, property);
  writeDocs(writer, property.docs);
  writeModifiers(writer, property);
  writer.write(property.name);
  writer.conditionalWrite(property.hasQuestionToken, "?");
  if (property.initializer === undefined) writeWrappedType(writer, property.type, ":", ";");
  else writeType(writer, property.type, ":");
  writeInitializer(writer, property.initializer);
  writer.write(";");
}

function writeConstructor(writer: CodeBlockWriter, ctor: OptionalKind<ConstructorDeclarationStructure>): void {
  checkKeys(ctor, CTOR_KEYS, "a constructor");
  beginNode(writer, ctor);
  for (const overload of ctor.overloads ?? []) {
    checkKeys(overload, CTOR_OVERLOAD_KEYS, "a constructor overload");
    writeLeadingTrivia(writer, overload.leadingTrivia);
    writeConstructorHeader(writer, { scope: ctor.scope, ...withoutUndefined(overload) }, ";");
    writer.write(";");
    writer.newLine();
  }
  writeConstructorHeader(writer, ctor, " {");
  writer.space().inlineBlock(() => writeBody(writer, ctor.statements));
}

/** `tail`: what the caller writes after the header (for the line width). */
function writeConstructorHeader(
  writer: CodeBlockWriter,
  ctor: Omit<ConstructorDeclarationOverloadStructure, "kind">,
  tail: string,
): void {
  writeDocs(writer, ctor.docs);
  writeModifiers(writer, ctor);
  writer.write("constructor");
  writeSignature(writer, ctor.parameters, undefined, tail);
}

function writeMethod(writer: CodeBlockWriter, method: OptionalKind<MethodDeclarationStructure>): void {
  checkKeys(method, METHOD_KEYS, `method \`${method.name}\``);
  beginNode(writer, method);
  for (const overload of method.overloads ?? []) {
    checkKeys(overload, METHOD_OVERLOAD_KEYS, `an overload of method \`${method.name}\``);
    writeLeadingTrivia(writer, overload.leadingTrivia);
    writeMethodHeader(
      writer,
      method.name,
      { scope: method.scope, isStatic: method.isStatic, ...withoutUndefined(overload) },
      ";",
    );
    writer.write(";");
    writer.newLine();
  }
  writeMethodHeader(writer, method.name, method, " {");
  writer.spaceIfLastNot().inlineBlock(() => writeBody(writer, method.statements));
}

/** `tail`: what the caller writes after the header (for the line width). */
function writeMethodHeader(
  writer: CodeBlockWriter,
  name: string,
  method: Omit<MethodDeclarationOverloadStructure, "kind">,
  tail: string,
): void {
  writeDocs(writer, method.docs);
  writeModifiers(writer, method);
  writer.write(name);
  writeTypeParameters(writer, method.typeParameters);
  writeSignature(writer, method.parameters, method.returnType, tail);
}

/** An overload's own settings, so that they override the ones it inherits from its implementation. */
export function withoutUndefined<T extends object>(structure: T): Partial<T> {
  return Object.fromEntries(Object.entries(structure).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const INTERFACE_KEYS = keys(
  "name",
  "isExported",
  "isDefaultExport",
  "typeParameters",
  "extends",
  "indexSignatures",
  "properties",
  "methods",
);
const INDEX_SIGNATURE_KEYS = keys("keyName", "keyType", "returnType", "isReadonly");
const PROPERTY_SIGNATURE_KEYS = keys("name", "type", "hasQuestionToken", "isReadonly");
const METHOD_SIGNATURE_KEYS = keys("name", "hasQuestionToken", "typeParameters", "parameters", "returnType");

export function writeInterface(writer: CodeBlockWriter, structure: InterfaceDeclarationStructure): void {
  checkKeys(structure, INTERFACE_KEYS, `interface \`${structure.name}\``);
  writeDocs(writer, structure.docs);
  writeModifiers(writer, structure);
  const { extends: extended } = structure;
  const extendedTexts =
    extended === undefined ? [] : typeof extended === "object" ? extended.map(textOf) : [textOf(extended)];
  const extendsText = extendedTexts.join(", ");
  const empty = [structure.indexSignatures, structure.properties, structure.methods].every(
    (members) => members === undefined || members.length === 0,
  );
  if (empty && lineWidthOf(writer) !== undefined) {
    writeEmptyInterface(writer, structure, extendedTexts);
    return;
  }
  writer.write(`interface ${structure.name}`);
  writeTypeParameters(writer, structure.typeParameters);
  writer.space();
  if (extendsText.trim() !== "") writer.hangingIndent(() => writer.write(`extends ${extendsText} `));
  writer.inlineBlock(() => {
    writeSignatures(writer, structure.indexSignatures, writeIndexSignature);
    writeSignatures(writer, structure.properties, (w, property) => writeProperty(w, property, PROPERTY_SIGNATURE_KEYS));
    writeSignatures(writer, structure.methods, writeMethodSignature);
  });
}

/**
 * An interface without members, in generated code: `interface X extends A {}` on one line. It stays
 * an interface rather than becoming an alias of `A`: users may augment it, and the diff's SDK layer
 * sees the same kind of export when a later version adds the first member (an operation's first
 * optional parameter), instead of an interface that used to be a type alias.
 */
function writeEmptyInterface(
  writer: CodeBlockWriter,
  structure: InterfaceDeclarationStructure,
  extended: readonly string[],
): void {
  writer.write(`interface ${structure.name}`);
  writeTypeParameters(writer, structure.typeParameters);
  const named = extended.filter((text) => text.trim() !== "");
  writer.write(named.length > 0 ? ` extends ${named.join(", ")} {}` : " {}");
}

/** One group of interface members, one per line, on a new line after the previous group. */
function writeSignatures<T>(
  writer: CodeBlockWriter,
  members: readonly T[] | undefined,
  write: (writer: CodeBlockWriter, member: T) => void,
): void {
  if (members === undefined || members.length === 0) return;
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLine();
  members.forEach((member, i) => {
    writer.conditionalNewLine(i > 0);
    write(writer, member);
  });
}

function writeIndexSignature(
  writer: CodeBlockWriter,
  signature: OptionalKind<IndexSignatureDeclarationStructure>,
): void {
  checkKeys(signature, INDEX_SIGNATURE_KEYS, "an index signature");
  beginNode(writer, signature);
  writeDocs(writer, signature.docs);
  writeModifiers(writer, signature);
  writer.write(`[${signature.keyName || "key"}: ${signature.keyType || "string"}]`);
  writeWrappedType(writer, signature.returnType, ":", ";");
  writer.write(";");
}

function writeMethodSignature(writer: CodeBlockWriter, method: OptionalKind<MethodSignatureStructure>): void {
  checkKeys(method, METHOD_SIGNATURE_KEYS, `method \`${method.name}\``);
  beginNode(writer, method);
  writeDocs(writer, method.docs);
  writer.write(method.name);
  writer.conditionalWrite(method.hasQuestionToken, "?");
  writeTypeParameters(writer, method.typeParameters);
  writeSignature(writer, method.parameters, method.returnType, ";");
  writer.write(";");
}
