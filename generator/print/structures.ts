/**
 * The structure types emitters build files from: ts-morph's, as types only (nothing here loads
 * ts-morph at run time). Emitters import them from here, so ts-morph is named only in `print/`.
 */
export type {
  ClassDeclarationStructure,
  CodeBlockWriter,
  ExportDeclarationStructure,
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  JSDocStructure,
  JSDocTagStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  WriterFunction,
} from "ts-morph";
