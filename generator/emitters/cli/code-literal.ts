/**
 * Prints data as a TypeScript object literal (the generated command table): identifier keys bare,
 * strings double-quoted, short arrays of scalars on one line, everything else one entry per line.
 * `Code` values are printed as the source text they hold (functions of the table).
 */
import { propertyKey } from "../../ir/naming.ts";

/** Source text placed verbatim into a literal. */
export class Code {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type Literal = string | number | boolean | null | undefined | Code | readonly Literal[] | { readonly [key: string]: Literal };

const INDENT = "  ";
const MAX_INLINE = 90;

function isScalar(value: Literal): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** The value on one line, or undefined when it holds multi-line code. */
function inlineText(value: Literal): string | undefined {
  if (value instanceof Code) return value.text.includes("\n") ? undefined : value.text;
  if (value === undefined) return "undefined";
  if (isScalar(value)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    const items = (value as readonly Literal[]).map(inlineText);
    return items.every((i) => i !== undefined) ? `[${items.join(", ")}]` : undefined;
  }
  const entries = Object.entries(value as { readonly [key: string]: Literal }).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const texts = entries.map(([k, v]) => {
    const text = inlineText(v);
    return text === undefined ? undefined : `${propertyKey(k)}: ${text}`;
  });
  return texts.every((t) => t !== undefined) ? `{ ${texts.join(", ")} }` : undefined;
}

/** Prints `value` as it would sit after `indent`; one line when it fits in `MAX_INLINE` columns. */
export function printLiteral(value: Literal, indent = ""): string {
  if (value instanceof Code) return value.text.replace(/\n/g, `\n${indent}`);
  const inline = inlineText(value);
  if (inline !== undefined && (isScalar(value) || inline.length + indent.length <= MAX_INLINE)) return inline;
  const inner = `${indent}${INDENT}`;
  if (Array.isArray(value)) {
    return `[\n${(value as readonly Literal[]).map((v) => `${inner}${printLiteral(v, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: Literal }).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${printLiteral(v, inner)},`).join("\n")}\n${indent}}`;
}
