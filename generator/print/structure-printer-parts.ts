/**
 * The pieces every declaration of `structure-printer.ts` shares: doc comments, modifiers,
 * parameters, type parameters, `: type` / `= value` / `: returnType`, bodies and trivia. Each one
 * makes the writer calls ts-morph's structure printer makes for the same structure (ts-morph is the
 * reference: `test/emitters/structure-printer.test.ts` compares the two byte for byte), so
 * indentation, blank lines and the writer's string and comment tracking come out the same.
 */
import { lineWidthOf, setLineWidth } from "./line-width.ts";
import CodeBlockWriter from "code-block-writer";
import { wrapDocLines } from "./doc-layout.ts";
import type {
  JSDocStructure,
  JSDocTagStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  Scope,
  StatementStructures,
  TypeParameterDeclarationStructure,
  WriterFunction,
} from "ts-morph";

/** A piece of a structure given as text or as a function that writes it. */
export type TextOrWriter = string | WriterFunction;

/** Two-space indentation, `\n` line ends, double quotes: the style of every generated file. */
export const WRITER_OPTIONS = {
  indentNumberOfSpaces: 2,
  newLine: "\n",
  useSingleQuote: false,
  useTabs: false,
} as const;

/**
 * A writer for a file. With a `lineWidth`, declarations that do not fit are wrapped (see
 * `structure-printer-wrap.ts`); without one the layout is ts-morph's, byte for byte.
 */
export function newWriter(lineWidth?: number): CodeBlockWriter {
  const writer = new CodeBlockWriter(WRITER_OPTIONS);
  if (lineWidth !== undefined) setLineWidth(writer, lineWidth);
  return writer;
}

/**
 * Refuses a structure property this printer does not print: dropping it silently would generate
 * different code than the emitter described. A bug in specsmith when it happens, never a user error.
 */
export function checkKeys(structure: object, allowed: ReadonlySet<string>, what: string): void {
  for (const [key, value] of Object.entries(structure)) {
    if (value !== undefined && !allowed.has(key)) {
      throw new Error(
        `internal: the structure printer does not print \`${key}\` of ${what} (generator/print/structure-printer.ts)`,
      );
    }
  }
}

/** `kind`, `leadingTrivia` and the doc comments: allowed on every declaration. */
export const COMMON_KEYS = ["kind", "leadingTrivia", "docs"] as const;

function isBlank(text: string): boolean {
  return text.trim() === "";
}

/**
 * The text of a piece as ts-morph reads it (through a writer of its own): a function is run on a
 * fresh writer; a string comes back as it is, except for `\r\n` line ends.
 */
export function textOf(value: TextOrWriter): string {
  if (typeof value === "string" && !value.includes("\r")) return value;
  const writer = newWriter();
  writeTextOrWriter(writer, value);
  return writer.toString();
}

export function writeTextOrWriter(writer: CodeBlockWriter, value: TextOrWriter | undefined): void {
  if (typeof value === "string") writer.write(value);
  else if (value !== undefined) value(writer);
}

type Trivia = TextOrWriter | readonly TextOrWriter[];

/** What ts-morph does before every node: its leading trivia, then it closes an open comment. */
export function beginNode(writer: CodeBlockWriter, structure: { readonly leadingTrivia?: Trivia } | string): void {
  if (typeof structure !== "string") writeLeadingTrivia(writer, structure.leadingTrivia);
  writer.closeComment();
}

/** Trivia before a node (an overload gets only this, no closing of an open comment). */
export function writeLeadingTrivia(writer: CodeBlockWriter, trivia: Trivia | undefined): void {
  if (trivia !== undefined) {
    if (typeof trivia === "string" || typeof trivia === "function") writeTextOrWriter(writer, trivia);
    else {
      trivia.forEach((part, i) => {
        writeTextOrWriter(writer, part);
        if (i !== trivia.length - 1) writer.newLineIfLastNot();
      });
    }
    if (writer.isInComment()) writer.closeComment();
  }
}

type Doc = string | WriterFunction | OptionalKind<JSDocStructure>;
const DOC_KEYS = new Set(["kind", "description", "tags"]);
const TAG_KEYS = new Set(["kind", "tagName", "text"]);

/** Doc comments, each followed by a new line. */
export function writeDocs(writer: CodeBlockWriter, docs: readonly Doc[] | undefined): void {
  if (docs === undefined) return;
  for (const doc of docs) {
    writer.closeComment();
    writeDoc(writer, docText(doc));
    writer.newLine();
  }
}

function docText(doc: Doc): string {
  if (typeof doc === "string") return doc;
  const writer = newWriter();
  if (typeof doc === "function") doc(writer);
  else {
    checkKeys(doc, DOC_KEYS, "a doc comment");
    if (doc.description) writeTextOrWriter(writer, doc.description);
    if (doc.tags && doc.tags.length > 0) {
      if (writer.getLength() > 0) writer.newLine();
      doc.tags.forEach((tag, i) => {
        if (i > 0) writer.newLine();
        writer.closeComment();
        writeTagLines(writer, tagText(tag));
      });
    }
  }
  return writer.toString();
}

function tagText(tag: OptionalKind<JSDocTagStructure>): string {
  checkKeys(tag, TAG_KEYS, "a doc tag");
  const text = tag.text === undefined ? "" : textOf(tag.text);
  return `@${tag.tagName}${text.length > 0 && !/^\r?\n/.test(text) ? " " : ""}${text}`;
}

function writeTagLines(writer: CodeBlockWriter, text: string): void {
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) writer.newLine();
    if (line.length > 0) writer.write(line);
  });
}

/**
 * `/** text *\/` on one line, or ` * `-prefixed lines (a first empty line is dropped). With a line
 * width, long prose lines are wrapped (`doc-layout.ts`), a one-line comment that does not fit
 * becoming a block.
 */
function writeDoc(writer: CodeBlockWriter, text: string): void {
  const width = lineWidthOf(writer);
  const lines =
    width === undefined ? text.split(/\r?\n/) : wrappedDocLines(text, width - writer.getIndentationLevel() * 2);
  writer.write("/**");
  if (lines.length <= 1) writer.space().write(lines[0] ?? "");
  else {
    writer.newLine();
    for (const line of lines[0]?.length === 0 ? lines.slice(1) : lines) {
      writer.write(" *");
      if (line.length > 0) writer.write(` ${line}`);
      writer.newLine();
    }
  }
  writer.spaceIfLastNot();
  writer.write("*/");
}

/** The doc's lines wrapped to fit ` * line` (or `/** line *\/` when it is one line that fits) in `width`. */
function wrappedDocLines(text: string, width: number): string[] {
  const lines = text.split(/\r?\n/);
  const [only] = lines;
  if (lines.length === 1 && only !== undefined && only.length + 7 <= width) return lines;
  // A one-line comment that does not fit becomes a block (its first, empty line is dropped).
  const wrapped = wrapDocLines(lines, width - 3);
  return lines.length === 1 ? ["", ...wrapped] : wrapped;
}

/** The modifiers a structure may carry, in the order TypeScript wants them. */
export interface Modifiers {
  readonly isDefaultExport?: boolean;
  readonly isExported?: boolean;
  readonly hasDeclareKeyword?: boolean;
  readonly scope?: Scope;
  readonly isStatic?: boolean;
  readonly isAbstract?: boolean;
  readonly isAsync?: boolean;
  readonly isReadonly?: boolean;
}

export function writeModifiers(writer: CodeBlockWriter, structure: Modifiers): void {
  if (structure.isDefaultExport) writer.write("export default ");
  else if (structure.isExported) writer.write("export ");
  if (structure.hasDeclareKeyword) writer.write("declare ");
  if (structure.scope !== undefined) writer.write(`${structure.scope} `);
  if (structure.isStatic) writer.write("static ");
  if (structure.isAbstract) writer.write("abstract ");
  if (structure.isAsync) writer.write("async ");
  if (structure.isReadonly) writer.write("readonly ");
}

/** `${separator} type`, with a hanging indent; `alwaysWrite` prints `any` for a missing type. */
export function writeType(
  writer: CodeBlockWriter,
  type: TextOrWriter | undefined,
  separator: string,
  alwaysWrite = false,
): void {
  if (type === undefined && !alwaysWrite) return;
  const text = textOf(type ?? "any");
  if (!isBlank(text)) writer.hangingIndent(() => writer.write(`${separator} ${text}`));
}

export function writeReturnType(writer: CodeBlockWriter, returnType: TextOrWriter | undefined): void {
  writeType(writer, returnType, ":");
}

export function writeInitializer(writer: CodeBlockWriter, initializer: TextOrWriter | undefined): void {
  if (initializer === undefined) return;
  const text = textOf(initializer);
  if (isBlank(text)) return;
  writer.hangingIndent(() => {
    writer.spaceIfLastNot();
    writer.write(`= ${text}`);
  });
}

/**
 * Items separated by `, `. (ts-morph scans each item's text with TypeScript's scanner to put the
 * comma before a trailing comment; the items printed here never end in one.)
 */
export function writeCommaList<T>(writer: CodeBlockWriter, items: readonly T[], writeItem: (item: T) => void): void {
  items.forEach((item, i) => {
    if (i > 0) {
      writer.write(",");
      writer.spaceIfLastNot();
    }
    writeItem(item);
  });
}

const PARAMETER_KEYS = new Set([
  "kind",
  "name",
  "type",
  "hasQuestionToken",
  "initializer",
  "isRestParameter",
  "isReadonly",
  "scope",
]);

/** `(a: A, b?: B)`. */
export function writeParameters(
  writer: CodeBlockWriter,
  parameters: readonly OptionalKind<ParameterDeclarationStructure>[] | undefined,
): void {
  writer.write("(");
  if (parameters !== undefined && parameters.length > 0) {
    writer.hangingIndent(() => writeCommaList(writer, parameters, (parameter) => writeParameter(writer, parameter)));
  }
  writer.write(")");
}

function writeParameter(writer: CodeBlockWriter, parameter: OptionalKind<ParameterDeclarationStructure>): void {
  checkKeys(parameter, PARAMETER_KEYS, `parameter \`${parameter.name}\``);
  beginNode(writer, parameter);
  writeModifiers(writer, parameter);
  writer.conditionalWrite(parameter.isRestParameter, "...");
  writer.write(parameter.name);
  writer.conditionalWrite(parameter.hasQuestionToken, "?");
  writeType(writer, parameter.type, ":", parameter.hasQuestionToken);
  writeInitializer(writer, parameter.initializer);
}

type TypeParameter = string | OptionalKind<TypeParameterDeclarationStructure>;
const TYPE_PARAMETER_KEYS = new Set(["kind", "name", "constraint", "default"]);

/** `<T, U extends X>`; nothing when there are none. */
export function writeTypeParameters(
  writer: CodeBlockWriter,
  typeParameters: readonly TypeParameter[] | undefined,
): void {
  if (typeParameters === undefined || typeParameters.length === 0) return;
  writer.write("<");
  writeCommaList(writer, typeParameters, (parameter) => {
    beginNode(writer, parameter);
    if (typeof parameter === "string") {
      writer.write(parameter);
      return;
    }
    checkKeys(parameter, TYPE_PARAMETER_KEYS, `type parameter \`${parameter.name}\``);
    writer.hangingIndent(() => {
      writer.write(parameter.name);
      const constraint = parameter.constraint === undefined ? "" : textOf(parameter.constraint);
      if (!isBlank(constraint)) writer.write(` extends ${constraint}`);
      const fallback = parameter.default === undefined ? "" : textOf(parameter.default);
      if (!isBlank(fallback)) writer.write(` = ${fallback}`);
    });
  });
  writer.write(">");
}

type BodyStatement = string | WriterFunction | StatementStructures;

/**
 * The statements of a function, method or constructor: text and writers only (no declaration nests
 * inside a generated body), each on a line of its own, a blank line after a closing brace.
 */
export function writeBody(
  writer: CodeBlockWriter,
  statements: readonly BodyStatement[] | TextOrWriter | undefined,
): void {
  if (statements === undefined) return;
  if (typeof statements === "string" || typeof statements === "function") {
    writeTextOrWriter(writer, statements);
    return;
  }
  for (const statement of statements) {
    if (typeof statement === "object") {
      throw new Error(
        `internal: the structure printer does not print a declaration (kind ${statement.kind}) inside a body`,
      );
    }
    separateStatement(writer);
    writeTextOrWriter(writer, statement);
  }
}

/** Before each statement: a blank line after a `}`, else a new line unless the block just opened. */
export function separateStatement(writer: CodeBlockWriter): void {
  if (lastNonWhitespaceIsCloseBrace(writer)) writer.blankLineIfLastNot();
  else if (!writer.isAtStartOfFirstLineOfBlock()) writer.newLineIfLastNot();
}

/** A blank line before a block-like declaration, unless the block just opened. */
export function ensureBlankLine(writer: CodeBlockWriter): void {
  if (!writer.isAtStartOfFirstLineOfBlock()) writer.blankLineIfLastNot();
}

function lastNonWhitespaceIsCloseBrace(writer: CodeBlockWriter): boolean {
  return (
    writer.iterateLastCharCodes((code) => {
      if (code === 0x7d) return true;
      return /\s/.test(String.fromCharCode(code)) ? undefined : false;
    }) ?? false
  );
}
