/**
 * Prints a whole file from ts-morph structures, the subset the emitters build, with ts-morph's own
 * writer (`code-block-writer`, which does not load TypeScript) and ts-morph's layout rules. ts-morph's
 * `printStructure` would give the same text, but importing ts-morph loads the whole TypeScript
 * compiler (~80 MB, ~170 ms), most of a small document's run. ts-morph stays the reference:
 * `test/emitters/structure-printer.test.ts` prints every file of the fixtures, the corpus and our
 * services with both (ours without a line width) and compares bytes. Generated code is printed
 * with a line width: what does not fit is wrapped as prettier would (`structure-printer-wrap.ts`).
 * A structure property not printed here is refused with an internal error rather than dropped
 * (see `checkKeys`).
 */
import type CodeBlockWriter from "code-block-writer";
import type {
  ExportDeclarationStructure,
  ExportSpecifierStructure,
  FunctionDeclarationOverloadStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  ImportSpecifierStructure,
  OptionalKind,
  SourceFileStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
  WriterFunction,
} from "ts-morph";
import { wrapCodeLines } from "./code-layout.ts";
import { StructureKind } from "./structure-kinds.ts";
import { withoutUndefined, writeClass, writeInterface } from "./structure-printer-members.ts";
import { LINE_WIDTH } from "./line-width.ts";
import { namesFit, writeNamesOnLines, writeSignature, writeWrappedType } from "./structure-printer-wrap.ts";
import {
  beginNode,
  checkKeys,
  COMMON_KEYS,
  ensureBlankLine,
  newWriter,
  separateStatement,
  writeBody,
  writeDocs,
  writeInitializer,
  writeLeadingTrivia,
  writeModifiers,
  writeType,
  writeTypeParameters,
} from "./structure-printer-parts.ts";

export { WRITER_OPTIONS } from "./structure-printer-parts.ts";

/**
 * How a file is laid out: wrapped at `lineWidth` (generated code), or, without one, exactly as
 * ts-morph's `printStructure` lays it out (the reference the tests compare with).
 */
export interface PrintLayout {
  readonly lineWidth?: number;
}

/** The text of a file: its statements, then one final new line. */
export function printFileStructure(
  structure: SourceFileStructure,
  layout: PrintLayout = { lineWidth: LINE_WIDTH },
): string {
  checkKeys(structure, new Set(["kind", "statements"]), "a source file");
  const writer = newWriter(layout.lineWidth);
  writer.closeComment();
  const { statements } = structure;
  if (typeof statements === "string" || typeof statements === "function") writeStatement(writer, statements);
  else {
    for (const statement of statements ?? []) {
      separateStatement(writer);
      writeStatement(writer, statement);
    }
  }
  writer.conditionalNewLine(!writer.isAtStartOfFirstLineOfBlock() && !writer.isLastNewLine());
  // The code the emitters wrote as text (bodies, initializers) is wrapped once the file is whole.
  return layout.lineWidth === undefined ? writer.toString() : wrapCodeLines(writer.toString(), layout.lineWidth);
}

function writeStatement(writer: CodeBlockWriter, statement: string | WriterFunction | StatementStructures): void {
  if (typeof statement === "string") {
    writer.write(statement);
    return;
  }
  if (typeof statement === "function") {
    statement(writer);
    return;
  }
  // Blocks get a blank line before them (unless first in the file); then the node's trivia.
  const { kind } = statement;
  if (kind === StructureKind.Function || kind === StructureKind.Class || kind === StructureKind.Interface)
    ensureBlankLine(writer);
  beginNode(writer, statement);
  switch (statement.kind) {
    case StructureKind.Function:
      return writeFunction(writer, statement);
    case StructureKind.Class:
      return writeClass(writer, statement);
    case StructureKind.Interface:
      return writeInterface(writer, statement);
    case StructureKind.TypeAlias:
      return writeTypeAlias(writer, statement);
    case StructureKind.VariableStatement:
      return writeVariableStatement(writer, statement);
    case StructureKind.ImportDeclaration:
      return writeImport(writer, statement);
    case StructureKind.ExportDeclaration:
      return writeExport(writer, statement);
    default:
      throw new Error(
        `internal: the structure printer does not print a statement of kind ${statement.kind} (generator/print/structure-printer.ts)`,
      );
  }
}

const keys = (...names: string[]): ReadonlySet<string> => new Set([...COMMON_KEYS, ...names]);

const FUNCTION_KEYS = keys(
  "name",
  "isExported",
  "isDefaultExport",
  "isAsync",
  "typeParameters",
  "parameters",
  "returnType",
  "statements",
  "overloads",
);
const FUNCTION_OVERLOAD_KEYS = keys(
  "isExported",
  "isDefaultExport",
  "isAsync",
  "typeParameters",
  "parameters",
  "returnType",
);

/** Overloads first (each inherits `export` from the implementation), then the implementation. */
function writeFunction(writer: CodeBlockWriter, structure: FunctionDeclarationStructure): void {
  checkKeys(structure, FUNCTION_KEYS, `function \`${structure.name ?? ""}\``);
  for (const overload of structure.overloads ?? []) {
    checkKeys(overload, FUNCTION_OVERLOAD_KEYS, `an overload of function \`${structure.name ?? ""}\``);
    writeLeadingTrivia(writer, overload.leadingTrivia);
    const inherited = { isExported: structure.isExported, isDefaultExport: structure.isDefaultExport };
    writeFunctionHeader(writer, structure.name, { ...inherited, ...withoutUndefined(overload) }, ";");
    writer.write(";");
    writer.newLine();
  }
  writeFunctionHeader(writer, structure.name, structure, " {");
  writer.space().inlineBlock(() => writeBody(writer, structure.statements));
}

/** The header up to its return type; `tail` is what the caller writes after it (for the line width). */
function writeFunctionHeader(
  writer: CodeBlockWriter,
  name: string | undefined,
  structure: Omit<FunctionDeclarationOverloadStructure, "kind">,
  tail: string,
): void {
  writeDocs(writer, structure.docs);
  writeModifiers(writer, structure);
  writer.write("function");
  if (name !== undefined && name.trim() !== "") writer.write(` ${name}`);
  writeTypeParameters(writer, structure.typeParameters);
  writeSignature(writer, structure.parameters, structure.returnType, tail);
}

const TYPE_ALIAS_KEYS = keys("name", "isExported", "isDefaultExport", "typeParameters", "type");

function writeTypeAlias(writer: CodeBlockWriter, structure: TypeAliasDeclarationStructure): void {
  checkKeys(structure, TYPE_ALIAS_KEYS, `type \`${structure.name}\``);
  writeDocs(writer, structure.docs);
  writeModifiers(writer, structure);
  writer.write(`type ${structure.name}`);
  writeTypeParameters(writer, structure.typeParameters);
  writeWrappedType(writer, structure.type, " =", ";");
  writer.write(";");
}

const VARIABLE_STATEMENT_KEYS = keys("isExported", "declarationKind", "declarations");
const VARIABLE_KEYS = new Set(["kind", "name", "type", "initializer"]);

function writeVariableStatement(writer: CodeBlockWriter, structure: VariableStatementStructure): void {
  checkKeys(structure, VARIABLE_STATEMENT_KEYS, "a variable statement");
  if (structure.declarations.length === 0) throw new Error("internal: a variable statement without declarations");
  writeDocs(writer, structure.docs);
  writer.hangingIndent(() => {
    writeModifiers(writer, structure);
    writer.write(`${structure.declarationKind ?? "let"} `);
    structure.declarations.forEach((declaration, i) => {
      checkKeys(declaration, VARIABLE_KEYS, `variable \`${declaration.name}\``);
      if (i > 0) writer.write(",").spaceIfLastNot();
      beginNode(writer, declaration);
      writer.write(declaration.name);
      writeType(writer, declaration.type, ":");
      writeInitializer(writer, declaration.initializer);
    });
    writer.write(";");
  });
}

const IMPORT_KEYS = new Set(["kind", "leadingTrivia", "isTypeOnly", "namedImports", "moduleSpecifier"]);
const EXPORT_KEYS = new Set(["kind", "leadingTrivia", "isTypeOnly", "namedExports", "moduleSpecifier"]);

function writeImport(writer: CodeBlockWriter, structure: ImportDeclarationStructure): void {
  checkKeys(structure, IMPORT_KEYS, `the import of "${structure.moduleSpecifier}"`);
  const { namedImports } = structure;
  // `length` of a writer is its parameter count, as in ts-morph's check.
  const named = namedImports !== undefined && namedImports.length > 0;
  writer.write(structure.isTypeOnly ? "import type" : "import");
  if (named) writer.space();
  if (named) writeNames(writer, namedImports, ` from "${structure.moduleSpecifier}";`.length);
  writer.conditionalWrite(named, " from");
  writer.write(" ");
  writer.quote(structure.moduleSpecifier);
  writer.write(";");
}

function writeExport(writer: CodeBlockWriter, structure: ExportDeclarationStructure): void {
  checkKeys(structure, EXPORT_KEYS, `the export from "${structure.moduleSpecifier ?? ""}"`);
  const { namedExports, moduleSpecifier } = structure;
  writer.write(structure.isTypeOnly ? "export type" : "export");
  if (namedExports !== undefined && namedExports.length > 0) {
    writer.space();
    writeNames(writer, namedExports, moduleSpecifier ? ` from "${moduleSpecifier}";`.length : 1);
  } else writer.write(moduleSpecifier ? " *" : " { }");
  if (moduleSpecifier) {
    writer.write(" from ");
    writer.quote(moduleSpecifier);
  }
  writer.write(";");
}

type Specifier = string | OptionalKind<ImportSpecifierStructure> | OptionalKind<ExportSpecifierStructure>;
const SPECIFIER_KEYS = new Set(["kind", "name", "alias", "isTypeOnly"]);

/**
 * `{ a, type B, c as d }` (one name per line when that and `tail` characters do not fit), or what a
 * writer lays out between the braces (on lines of their own).
 */
function writeNames(writer: CodeBlockWriter, names: readonly Specifier[] | WriterFunction, tail: number): void {
  let text: string;
  if (typeof names === "function") {
    const inner = newWriter();
    inner.queueIndentationLevel(1);
    names(inner);
    text = inner.toString();
  } else {
    const texts = names.map((name) => {
      if (typeof name === "string") return name;
      checkKeys(name, SPECIFIER_KEYS, `the name \`${name.name}\``);
      return `${name.isTypeOnly ? "type " : ""}${name.name}${name.alias && name.alias.trim() !== "" ? ` as ${name.alias}` : ""}`;
    });
    if (!namesFit(writer, texts, tail)) {
      writeNamesOnLines(writer, texts);
      return;
    }
    text = texts.join(", ");
  }
  writer.write("{");
  if (!/^\r?\n/.test(text)) writer.space();
  writer.write(text);
  if (!text.endsWith("\n")) writer.space();
  writer.write("}");
}
