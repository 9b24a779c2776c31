/**
 * Text from a service (error messages, headers, bodies, result values) reaches the user's terminal:
 * control characters there could move the cursor, recolour, retitle the window or hide text (ESC
 * sequences, BEL, backspace, C1 codes, bidirectional overrides). They are removed wherever the
 * program writes such text, except the tab and newline its own layout uses.
 */

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without control characters (tabs and newlines kept). */
export function printable(text: string): string {
  return text.replace(CONTROL, "");
}
