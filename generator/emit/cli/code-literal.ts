/**
 * Prints data as a TypeScript object literal (the generated command table): identifier keys bare,
 * strings double-quoted, short arrays of scalars on one line, everything else one entry per line.
 * `Code` values are printed as the source text they hold (functions of the table).
 */
import { objectLiteralKey } from "../../ir/naming.ts";

/** Source text placed verbatim into a literal. */
export class Code {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

export type Literal =
  string | number | boolean | null | undefined | Code | readonly Literal[] | { readonly [key: string]: Literal };

const INDENT = "  ";
const MAX_INLINE = 90;

function isScalar(value: Literal): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/**
 * The value on one line when that takes at most `budget` characters and holds no multi-line code;
 * else undefined. It gives up as soon as the line is too long, so printing a deep table stays
 * linear instead of rebuilding every subtree's one-line form at every level.
 */
function inlineText(value: Literal, budget: number): string | undefined {
  const fits = (text: string | undefined) => (text !== undefined && text.length <= budget ? text : undefined);
  if (value instanceof Code) return value.text.includes("\n") ? undefined : fits(value.text);
  if (value === undefined) return fits("undefined");
  if (isScalar(value)) return fits(JSON.stringify(value));
  const isArray = Array.isArray(value);
  const items: [string | undefined, Literal][] = isArray
    ? (value as readonly Literal[]).map((v) => [undefined, v])
    : Object.entries(value as { readonly [key: string]: Literal }).filter(([, v]) => v !== undefined);
  if (items.length === 0) return isArray ? "[]" : "{}";
  const [open, close] = isArray ? ["[", "]"] : ["{ ", " }"];
  const parts: string[] = [];
  let length = open.length + close.length - 2;
  for (const [key, item] of items) {
    const prefix = key === undefined ? "" : `${objectLiteralKey(key)}: `;
    length += 2 + prefix.length;
    const text = inlineText(item, budget - length);
    if (text === undefined) return undefined;
    length += text.length;
    parts.push(prefix + text);
  }
  return fits(`${open}${parts.join(", ")}${close}`);
}

/** Prints `value` as it would sit after `indent`; one line when it fits in `MAX_INLINE` columns. */
export function printLiteral(value: Literal, indent = ""): string {
  if (value instanceof Code) return value.text.replace(/\n/g, `\n${indent}`);
  if (value === undefined) return "undefined";
  if (isScalar(value)) return JSON.stringify(value);
  const inline = inlineText(value, MAX_INLINE - indent.length);
  if (inline !== undefined) return inline;
  const inner = `${indent}${INDENT}`;
  if (Array.isArray(value)) {
    return `[\n${(value as readonly Literal[]).map((v) => `${inner}${printLiteral(v, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: Literal }).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${objectLiteralKey(k)}: ${printLiteral(v, inner)},`).join("\n")}\n${indent}}`;
}
