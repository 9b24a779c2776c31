/**
 * Text from a spec or a service (descriptions, names, error messages, headers, bodies, result
 * values) on its way to a terminal. ESC and the C1 codes start escape sequences that move the
 * cursor, recolour, retitle or clear the screen, BEL rings, `\r` and backspace overwrite what was
 * printed, bidirectional overrides make text read differently from what it is (Trojan Source),
 * and U+2028/U+2029 end a line for JavaScript but not for every viewer. They are removed wherever
 * text is shown, except the tab and newline the layout uses, and escaped where the text is data
 * (JSON, YAML's quoted strings, generated source), where `\u009b` reads back as the same value.
 *
 * Copied into every generated command line, and used by specsmith itself for its own output, its
 * help screens, READMEs, doc comments and generated files, so all apply one rule.
 */

/**
 * The characters that must not reach a terminal or a source file raw: C0 controls but tab and line
 * feed, DEL, C1 codes, bidirectional marks, embeddings, overrides and isolates, and the Unicode line
 * and paragraph separators.
 */
export const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** CSI (`ESC [ ... m`) and OSC (`ESC ] ... BEL`) sequences, dropped whole so no parameters are left behind. */
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/** `text` without unsafe characters (tabs and newlines kept). */
export function printable(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, "");
}

/** Multi-line text made safe: line breaks become `\n`, escape sequences and unsafe characters go. */
export function terminalText(text: string): string {
  return printable(text.replace(ESCAPE_SEQUENCES, "").replace(/\r\n?|[\u2028\u2029]/g, "\n"));
}

/** One line made safe: as {@link terminalText}, with line breaks and tabs as spaces. */
export function terminalLine(text: string): string {
  return terminalText(text).replace(/[\n\t]/g, " ");
}

/**
 * Source text (JSON, TypeScript) with each unsafe character written as a `\uXXXX` escape: the same
 * character inside a string, template or regular expression, inert text in a comment.
 */
export function escapeUnsafeCharacters(source: string): string {
  return source.replace(UNSAFE_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `JSON.stringify`, with the characters it leaves raw written as `\uXXXX` escapes (the same data). */
export function escapedJson(value: unknown, indent?: number): string {
  return escapeUnsafeCharacters(JSON.stringify(value, null, indent));
}
