/**
 * Text from a spec (or a server) on its way to a terminal. ESC and the C1 controls start escape
 * sequences that recolour, retitle or clear the screen, BEL rings, `\r` and backspace overwrite
 * what was printed, bidi overrides make text read differently from what it is (Trojan Source),
 * and U+2028/U+2029 end a line for JavaScript but not for every viewer. None of them belongs in a
 * help screen, a README or a diagnostic.
 *
 * Copied into every generated command line, and used by specsmith itself for its own output, so
 * both apply one rule.
 */

/**
 * The characters that must not reach a terminal or a source file raw: C0 controls but tab and line
 * feed, DEL, C1 controls, bidi marks/embeddings/overrides/isolates and the Unicode line and
 * paragraph separators.
 */
export const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** CSI (`ESC [ ... m`) and OSC (`ESC ] ... BEL`) sequences, dropped whole so no parameters are left behind. */
const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/** Multi-line text made safe: line breaks become `\n`, escape sequences and unsafe characters go. */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCES, "").replace(/\r\n?|[\u2028\u2029]/g, "\n").replace(UNSAFE_CHARACTERS, "");
}

/** One line made safe: as {@link terminalText}, with line breaks and tabs as spaces. */
export function terminalLine(text: string): string {
  return terminalText(text).replace(/[\n\t]/g, " ");
}
