/**
 * Text from a service (error messages, headers, bodies, result values) reaches the user's terminal:
 * control characters there could move the cursor, recolour, retitle the window or hide text (ESC
 * sequences, BEL, backspace, C1 codes, bidirectional overrides). They are removed wherever the
 * program writes such text, except the tab and newline its own layout uses, and escaped in JSON
 * (and YAML's quoted strings), where `\u009b` reads back as the same data.
 */

/** What `JSON.stringify` leaves raw: DEL, C1 codes and the bidirectional marks and overrides. */
const RAW_IN_JSON = "\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${RAW_IN_JSON}]`, "g");
const JSON_RAW = new RegExp(`[${RAW_IN_JSON}]`, "g");

/** `text` without control characters (tabs and newlines kept). */
export function printable(text: string): string {
  return text.replace(CONTROL, "");
}

/** `JSON.stringify`, with the controls it leaves raw written as `\uXXXX` escapes (the same data). */
export function escapedJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
