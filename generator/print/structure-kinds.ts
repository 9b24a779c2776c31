/**
 * The ts-morph enum values the emitters put into structures, without loading ts-morph at run time
 * (it loads the whole TypeScript compiler): nothing on the generate path loads it, the printer
 * (`structure-printer.ts`) included. `test/emitters/structure-kinds.test.ts` checks every value
 * against ts-morph's own.
 */
import type { StructureKind as Kind, VariableDeclarationKind } from "ts-morph";

export const StructureKind = {
  Class: 2 as Kind.Class,
  ExportDeclaration: 11 as Kind.ExportDeclaration,
  Function: 13 as Kind.Function,
  ImportDeclaration: 16 as Kind.ImportDeclaration,
  Interface: 19 as Kind.Interface,
  Method: 26 as Kind.Method,
  SourceFile: 36 as Kind.SourceFile,
  TypeAlias: 38 as Kind.TypeAlias,
  VariableStatement: 41 as Kind.VariableStatement,
} as const;

/** `VariableDeclarationKind.Const`. */
export const CONST_DECLARATION = "const" as VariableDeclarationKind.Const;
