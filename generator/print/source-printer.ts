/**
 * Prints whole TypeScript files from ts-morph structures (plain data), in one call per file, with
 * our own structure printer (`structure-printer.ts`: ts-morph's layout without loading ts-morph and
 * the TypeScript compiler it brings). Nothing is parsed and no syntax tree is kept.
 */
import { wrapCodeLines } from "./code-layout.ts";
import { LINE_WIDTH } from "./line-width.ts";
import type { ImportDeclarationStructure, SourceFileStructure, StatementStructures, WriterFunction } from "ts-morph";
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
export function fileStructure(
  imports: readonly ImportSpec[],
  statements: readonly TopLevelStatement[],
  spacedOut = true,
): SourceFileStructure {
  const body = spacedOut ? statements.map((s, i) => (i === 0 && imports.length === 0 ? s : spaced(s))) : statements;
  return { kind: StructureKind.SourceFile, statements: [...imports.map(importDeclaration), ...body] };
}

/** Prints a file the emitters described (see `source-file.ts`). */
export function printPlannedFile(pkg: PackageInfo, plan: SourceFilePlan): OutputFile {
  const file = printed(pkg, plan.path, plannedFileStructure(plan));
  // Text the emitters wrote whole (the CLI's command table) is laid out at the same width as the structures.
  const content =
    file.content + escapeUnsafeCharacters(plan.trailer === undefined ? "" : wrapCodeLines(plan.trailer, LINE_WIDTH));
  return { path: file.path, content: plan.firstLine === undefined ? content : `${plan.firstLine}\n${content}` };
}

/** The structure of a file the emitters described, as `printPlannedFile` prints it (without the header). */
export function plannedFileStructure(plan: SourceFilePlan): SourceFileStructure {
  return fileStructure(plan.imports, plan.statements.map(printable), plan.spaced);
}

/** What a planned statement stands for: verbatim text written as it is. */
function printable(statement: PlannedStatement): TopLevelStatement {
  if (statement.kind === "verbatim") {
    const { text } = statement;
    return (writer) => {
      writer.write(text);
    };
  }
  return statement;
}

function importDeclaration(spec: ImportSpec): ImportDeclarationStructure {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: spec.moduleSpecifier,
    isTypeOnly: spec.isTypeOnly,
    namedImports: [...spec.namedImports],
  };
}
