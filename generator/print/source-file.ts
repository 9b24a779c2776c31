/**
 * One TypeScript file as the emitters describe it: its imports and its statements, as plain data
 * (no functions). The printer (`source-printer.ts`) turns it into text.
 */
import type { StatementStructures } from "ts-morph";

/**
 * One import declaration, as plain data. `print/source-printer.ts` turns it into ts-morph's structure.
 */
export interface ImportSpec {
  readonly moduleSpecifier: string;
  /** `import type { ... }`: nothing imported is a value. */
  readonly isTypeOnly: boolean;
  readonly namedImports: readonly { readonly name: string; readonly alias?: string; readonly isTypeOnly: boolean }[];
}

/** Text printed as it is, at the top level: for the few statements structures cannot express. */
export interface VerbatimStatement {
  readonly kind: "verbatim";
  readonly text: string;
}

export type PlannedStatement = StatementStructures | VerbatimStatement;

export interface SourceFilePlan {
  /** Package-relative path, e.g. `src/models.ts`. */
  readonly path: string;
  readonly imports: readonly ImportSpec[];
  readonly statements: readonly PlannedStatement[];
  /** One blank line between statements (else none). */
  readonly spaced: boolean;
  /** A line before the header, e.g. a shebang (it must be the file's first line). */
  readonly firstLine?: string;
  /** Text after the statements, as it is: code an emitter writes as text (the CLI's command table). */
  readonly trailer?: string;
}

export function sourceFile(
  path: string,
  imports: readonly ImportSpec[],
  statements: readonly PlannedStatement[],
  spaced = true,
): SourceFilePlan {
  return { path, imports, statements, spaced };
}

/** A file written as finished text (runtime copies, package.json, README, the CLI's files). */
export interface TextFilePlan {
  /** Package-relative path. */
  readonly path: string;
  readonly content: string;
}

/** What an emitter returns for each file: TypeScript as structures (printed by `print/`), or finished text. */
export type FilePlan = SourceFilePlan | TextFilePlan;

export function isTextFile(file: FilePlan): file is TextFilePlan {
  return "content" in file;
}
