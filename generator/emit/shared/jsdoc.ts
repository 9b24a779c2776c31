/**
 * JSDoc from spec text. Descriptions are copied verbatim except that comment delimiters are
 * escaped Markdown-style (`*\/` would end the comment; ts-morph mis-prints tags after a `/\*`),
 * line endings (`\r`, U+2028, U+2029) are normalised and escape sequences and other controls dropped
 * (editors and `cat` show comments raw).
 */
import type { CodeBlockWriter, JSDocStructure, JSDocTagStructure, OptionalKind } from "../../print/structures.ts";
import type { Constraints, JsonValue } from "../../ir/types.ts";
import { terminalText } from "../../runtime/cli/terminal-text.ts";
import { wrapDocLines } from "../../print/doc-layout.ts";
import { lineWidthOf } from "../../print/line-width.ts";

export type DocTag = OptionalKind<JSDocTagStructure>;

/** Makes text safe inside a block comment. */
export function escapeDoc(text: string): string {
  return terminalText(text).replace(/\*\//g, "*\\/").replace(/\/\*/g, "/\\*").trim();
}

/**
 * A JSDoc list: empty when there is neither a description nor a tag. The comment is given as one
 * string, laid out exactly as ts-morph lays out a description with tags: a string is printed as it
 * is, while a structure with tags goes through a temporary writer per tag and per comment, which
 * was the largest single cost of printing (docs are most of the text of a large spec's client).
 */
export function docs(
  description: string | undefined,
  tags: readonly DocTag[] = [],
): (string | OptionalKind<JSDocStructure>)[] {
  const text = description === undefined ? "" : escapeDoc(description);
  if (text === "" && tags.length === 0) return [];
  const escaped = tags.map((tag) => ({ ...tag, text: typeof tag.text === "string" ? escapeDoc(tag.text) : tag.text }));
  if (escaped.some((tag) => typeof tag.text === "function")) return [{ description: text, tags: escaped }];
  const tagTexts = escaped.map(({ tagName, text: tagText }) => {
    const body = typeof tagText === "string" ? tagText : "";
    return `@${tagName}${body.length > 0 && !body.startsWith("\n") ? " " : ""}${body}`;
  });
  return [[...(text === "" ? [] : [text]), ...tagTexts].join("\n")];
}

/** Joins the non-empty paragraphs of a doc comment. */
export function paragraphs(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.map((part) => part?.trim()).filter((part): part is string => part !== undefined && part !== "");
  return kept.length === 0 ? undefined : kept.join("\n\n");
}

/**
 * The lines of a doc comment where a structure cannot hold one (inside object literals): `/** x *\/`
 * on one line, or ` * `-prefixed lines; none when there is neither a description nor a tag.
 */
export function docCommentLines(
  description: string | undefined,
  tags: readonly DocTag[] = [],
  width?: number,
): string[] {
  let lines = description === undefined ? [] : escapeDoc(description).split("\n");
  for (const tag of tags)
    lines.push(`@${tag.tagName} ${typeof tag.text === "string" ? escapeDoc(tag.text) : ""}`.trimEnd());
  // With a width (a comment at the start of a line): long prose wrapped, as the structure printer does.
  const oneLine = lines.length <= 1 && (width === undefined || (lines[0]?.length ?? 0) + 7 <= width);
  if (width !== undefined && !oneLine) lines = wrapDocLines(lines, width - 3);
  if (oneLine) return lines.map((line) => `/** ${line} */`);
  return ["/**", ...lines.map((line) => (line === "" ? " *" : ` * ${line}`)), " */"];
}

/** Writes a doc comment where a structure cannot hold one (see {@link docCommentLines}). */
export function writeDocComment(
  writer: CodeBlockWriter,
  description: string | undefined,
  tags: readonly DocTag[] = [],
): void {
  for (const line of docCommentLines(description, tags, lineWidthOf(writer))) writer.writeLine(line);
}

const constraintLabels: readonly [keyof Constraints, string][] = [
  ["minimum", "Minimum"],
  ["exclusiveMinimum", "Exclusive minimum"],
  ["maximum", "Maximum"],
  ["exclusiveMaximum", "Exclusive maximum"],
  ["multipleOf", "Multiple of"],
  ["minLength", "Minimum length"],
  ["maxLength", "Maximum length"],
  ["pattern", "Pattern"],
  ["minItems", "Minimum items"],
  ["maxItems", "Maximum items"],
  ["uniqueItems", "Unique items"],
];

/** One line per constraint, e.g. `Minimum: 60`; patterns are shown in backticks. */
export function constraintLines(constraints: Constraints | undefined): string[] {
  if (!constraints) return [];
  return constraintLabels.flatMap(([key, label]) => {
    const value = constraints[key];
    if (value === undefined || value === false) return [];
    return [key === "pattern" ? `${label}: \`${String(value)}\`` : `${label}: ${String(value)}`];
  });
}

/** `@defaultValue` tag text for a spec default. */
export function defaultValueTag(value: JsonValue | undefined): DocTag[] {
  return value === undefined ? [] : [{ tagName: "defaultValue", text: JSON.stringify(value) }];
}

export function deprecatedTag(deprecated: boolean): DocTag[] {
  return deprecated ? [{ tagName: "deprecated" }] : [];
}
