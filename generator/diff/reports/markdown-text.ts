/** Text helpers of the Markdown report: spec text kept from turning into Markdown or HTML structure. */
import type { Level } from "../types.ts";

export const LABEL: Record<Level, string> = { error: "**error**", warning: "**warning**", info: "info" };

/** A code span that survives a table cell (GFM needs `\|` even inside code). */
export const code = (text: string): string => `\`${text.replace(/\|/g, "\\|")}\``;

/** Keeps spec text from turning into Markdown structure (table cells, emphasis, HTML tags). */
export function escape(text: string): string {
  return text.replace(/[<|*_]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}

/** Like `escape`, but text inside backticks stays literal (only `|` is escaped there, as GFM tables need). */
export function escapeOutsideCode(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 === 1 ? part.replace(/\|/g, "\\|") : escape(part)))
    .join("`");
}

/** Text inside HTML (`<summary>`), where Markdown is not read. */
export const html = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `a`, `b`, `c` and 4 more: long lists (operations reaching a model) cut to their first few. */
export function firstFew(items: readonly string[], show = 3): string {
  const shown = items.slice(0, show).map(code).join(", ");
  return items.length > show ? `${shown} and ${items.length - show} more` : shown;
}
