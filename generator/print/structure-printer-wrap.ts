/**
 * Line wrapping for `structure-printer.ts`, used only by a writer made with a line width: what
 * fits is written exactly as ts-morph writes it (the calls of `structure-printer-parts.ts`); what
 * does not is laid out the way prettier would, at 120 columns like the rest of the repository:
 * parameter lists one per line with a trailing comma, long types broken by `type-layout.ts`,
 * import and export names one per line.
 */
import { lineWidthOf } from "./line-width.ts";
import type CodeBlockWriter from "code-block-writer";
import type { OptionalKind, ParameterDeclarationStructure } from "ts-morph";
import {
  newWriter,
  textOf,
  type TextOrWriter,
  writeModifiers,
  writeParameters,
  writeReturnType,
  writeType,
} from "./structure-printer-parts.ts";
import { layoutMember, layoutType } from "./type-layout.ts";

type Parameter = OptionalKind<ParameterDeclarationStructure>;

/**
 * `(a: A, b?: B): R`, followed by `tail` (`" {"` or `";"`, written by the caller). When the line
 * would be too long the parameters go one per line and the return type is laid out after `): `.
 */
export function writeSignature(
  writer: CodeBlockWriter,
  parameters: readonly Parameter[] | undefined,
  returnType: TextOrWriter | undefined,
  tail: string,
): void {
  const width = lineWidthOf(writer);
  const texts = (parameters ?? []).map(parameterText);
  const returnText = returnType === undefined ? "" : textOf(returnType);
  const flat = `(${texts.map((t) => t.flat).join(", ")})${returnText.trim() === "" ? "" : `: ${returnText}`}`;
  const line = currentLine(writer);
  if (width === undefined || line.length + flat.length + tail.length <= width || flat.includes("\n")) {
    writeParameters(writer, parameters);
    writeReturnType(writer, returnType);
    return;
  }
  const { indent } = line;
  const itemIndent = indent + 2;
  let text = "(";
  if (texts.length > 0) {
    const lines = texts.map(({ head, init }) => {
      const tailLength = (init === "" ? 0 : init.length + 3) + 1;
      const laid = layoutMember(head, { column: itemIndent, indent: itemIndent, tail: tailLength, width });
      return `${" ".repeat(itemIndent)}${laid}${init === "" ? "" : ` = ${init}`},`;
    });
    text += `\n${lines.join("\n")}\n${" ".repeat(indent)}`;
  }
  text += ")";
  if (returnText.trim() !== "") {
    const column = texts.length > 0 ? indent + 3 : line.length + 4;
    const laid = layoutType(returnText, { column, indent, tail: tail.length, width });
    text += laid.startsWith("\n") ? `:${laid}` : `: ${laid}`;
  }
  writeLaidOut(writer, text);
}

/** A parameter as `writeParameters` writes it: `head` (up to its type) and its initializer apart. */
function parameterText(parameter: Parameter): { readonly flat: string; readonly head: string; readonly init: string } {
  let modifiers = "";
  if (parameter.scope !== undefined || parameter.isReadonly) {
    const writer = newWriter();
    writeModifiers(writer, parameter);
    modifiers = writer.toString();
  }
  const type = parameter.type === undefined ? (parameter.hasQuestionToken ? "any" : "") : textOf(parameter.type);
  const name = `${modifiers}${parameter.isRestParameter ? "..." : ""}${parameter.name}${parameter.hasQuestionToken ? "?" : ""}`;
  const head = type.trim() === "" ? name : `${name}: ${type}`;
  const init = parameter.initializer === undefined ? "" : textOf(parameter.initializer);
  const initText = init.trim() === "" ? "" : init;
  return { flat: initText === "" ? head : `${head} = ${initText}`, head, init: initText };
}

/**
 * `${separator} type` of a property or a type alias (followed by `tail`): laid out when the line
 * would be too long, else as `writeType` writes it.
 */
export function writeWrappedType(
  writer: CodeBlockWriter,
  type: TextOrWriter | undefined,
  separator: string,
  tail: string,
): void {
  const width = lineWidthOf(writer);
  const text = type === undefined ? "" : textOf(type);
  if (width === undefined || text.trim() === "") {
    writeType(writer, type, separator);
    return;
  }
  const line = currentLine(writer);
  const column = line.length + separator.length + 1;
  const laid = layoutType(text, { column, indent: line.indent, tail: tail.length, width });
  if (laid === text) writeType(writer, type, separator);
  else writeLaidOut(writer, laid.startsWith("\n") ? `${separator}${laid}` : `${separator} ${laid}`);
}

/**
 * Whether `{ names }` followed by `tail` fits on the current line; a writer without a width never
 * wraps them.
 */
export function namesFit(writer: CodeBlockWriter, names: readonly string[], tail: number): boolean {
  const width = lineWidthOf(writer);
  if (width === undefined) return true;
  return currentLine(writer).length + names.join(", ").length + 4 + tail <= width;
}

/** Writes `{`, the names one per line with a trailing comma, and `}`. */
export function writeNamesOnLines(writer: CodeBlockWriter, names: readonly string[]): void {
  const indent = " ".repeat(currentLine(writer).indent + 2);
  writeLaidOut(writer, `{\n${names.map((name) => `${indent}${name},`).join("\n")}\n${indent.slice(2)}}`);
}

/** Text with its own absolute indentation on every line after the first (the writer adds none). */
function writeLaidOut(writer: CodeBlockWriter, text: string): void {
  text.split("\n").forEach((line, i) => {
    if (i > 0) writer.newLine();
    writer.withIndentationLevel(0, () => writer.write(line));
  });
}

/** The length and indentation of the text written since the last new line (read back, not copied). */
function currentLine(writer: CodeBlockWriter): { readonly length: number; readonly indent: number } {
  let length = 0;
  let indent = 0;
  writer.iterateLastCharCodes((code) => {
    if (code === 0x0a) return true;
    length++;
    // The leading spaces are the last ones read back before a character that is not a space.
    indent = code === 0x20 ? indent + 1 : 0;
    return undefined;
  });
  return { length, indent };
}
