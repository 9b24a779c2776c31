/**
 * Prints whole TypeScript files from ts-morph structures (plain data), in one call per file, with
 * our own structure printer (`structure-printer.ts`: ts-morph's layout without loading ts-morph and
 * the TypeScript compiler it brings). Nothing is parsed and no syntax tree is kept.
 */
import type {
  ExportSpecifierStructure,
  ImportDeclarationStructure,
  OptionalKind,
  SourceFileStructure,
  StatementStructures,
  WriterFunction,
} from "ts-morph";
import type { OutputFile } from "../output/write-tree.ts";
import { escapeUnsafeCharacters } from "../runtime/cli/terminal-text.ts";
import type { ImportSpec, PlannedStatement, SourceFilePlan } from "./source-file.ts";
import type { PackageInfo } from "../plan/package-info.ts";
import { StructureKind } from "./structure-kinds.ts";
import { printFileStructure } from "./structure-printer.ts";

/** A top-level statement: a structure, or a writer for the rare statement structures cannot express. */
export type TopLevelStatement = StatementStructures | WriterFunction;

const blankLineBefore: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

/** Puts exactly one blank line before every statement, whatever its kind. */
function spaced(statement: TopLevelStatement): TopLevelStatement {
  if (typeof statement === "function") {
    return (writer) => {
      writer.blankLineIfLastNot();
      statement(writer);
    };
  }
  return { ...statement, leadingTrivia: blankLineBefore };
}

function printed(pkg: PackageInfo, path: string, structure: SourceFileStructure): OutputFile {
  return { path, content: escapeUnsafeCharacters(`${pkg.header}\n${printFileStructure(structure)}`) };
}

/** The structure of a file: the imports, then the statements, blank-line separated unless `spacedOut` is false. */
export function fileStructure(imports: readonly ImportSpec[], statements: readonly TopLevelStatement[], spacedOut = true): SourceFileStructure {
  const body = spacedOut ? statements.map((s, i) => (i === 0 && imports.length === 0 ? s : spaced(s))) : statements;
  return { kind: StructureKind.SourceFile, statements: [...imports.map(importDeclaration), ...body] };
}

/** Prints a file the emitters described (see `source-file.ts`). */
export function printPlannedFile(pkg: PackageInfo, plan: SourceFilePlan): OutputFile {
  const file = printed(pkg, plan.path, plannedFileStructure(plan));
  const content = file.content + escapeUnsafeCharacters(plan.trailer ?? "");
  return { path: file.path, content: plan.firstLine === undefined ? content : `${plan.firstLine}\n${content}` };
}

/** The structure of a file the emitters described, as `printPlannedFile` prints it (without the header). */
export function plannedFileStructure(plan: SourceFilePlan): SourceFileStructure {
  return fileStructure(plan.imports, plan.statements.map(printable), plan.spaced);
}

/** What a planned statement stands for: verbatim text written as it is, export lists laid out. */
function printable(statement: PlannedStatement): TopLevelStatement {
  if (statement.kind === "verbatim") {
    const { text } = statement;
    return (writer) => {
      writer.write(text);
    };
  }
  if (statement.kind === StructureKind.ExportDeclaration && Array.isArray(statement.namedExports)) {
    const names = statement.namedExports.map((n) => (typeof n === "string" ? { name: n } : n));
    if (names.every((n): n is OptionalKind<ExportSpecifierStructure> => typeof n === "object")) {
      return { ...statement, namedExports: namedList(names) };
    }
  }
  return statement;
}

function importDeclaration(spec: ImportSpec): ImportDeclarationStructure {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: spec.moduleSpecifier,
    isTypeOnly: spec.isTypeOnly,
    namedImports: namedList(spec.namedImports),
  };
}

/**
 * The names of an import or export: on one line when short, else one per line (the printer
 * writes the writer's lines with the statement's hanging indentation).
 */
export function namedList<T extends { readonly name: string; readonly alias?: string; readonly isTypeOnly?: boolean }>(
  names: readonly T[],
): T[] | WriterFunction {
  const texts = names.map((n) => `${n.isTypeOnly ? "type " : ""}${n.name}${n.alias ? ` as ${n.alias}` : ""}`);
  if (texts.join(", ").length <= 80) return [...names];
  return (writer) => {
    writer.newLine();
    for (const text of texts) writer.writeLine(`${text},`);
  };
}
