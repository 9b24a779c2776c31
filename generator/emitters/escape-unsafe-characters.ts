/**
 * The last step of every generated TypeScript and JSON file: characters that must not sit raw in a
 * source file (see `UNSAFE_CHARACTERS`) become `\uXXXX` escapes. Spec text reaches string literals
 * (enum values, wire names, help texts) and comments; an escape means the same character in a
 * string, template or regular expression, and is inert text in a comment, so the meaning of the code
 * is unchanged while no ESC reaches a terminal that shows the file, no bidi override reorders it and
 * no U+2028 or `\r` ends a `//` comment early. Tabs and line feeds are the code's own and stay.
 */
import { UNSAFE_CHARACTERS } from "./cli/runtime/terminal-text.ts";

export function escapeUnsafeCharacters(source: string): string {
  return source.replace(UNSAFE_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
