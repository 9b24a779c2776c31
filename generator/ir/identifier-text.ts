/**
 * Which text TypeScript accepts as an identifier, without loading TypeScript (the main thread never
 * does, see the README). ECMAScript's rule is Unicode's ID_Start / ID_Continue plus `$`, `_`, ZWNJ
 * and ZWJ; the regular expressions below use the runtime's Unicode tables for those, which run ahead
 * of TypeScript's: Node 24 knows Unicode 17, TypeScript 5.9 an older version, and rejects the newer
 * letters and marks. So the check leaves out:
 * - the Basic Multilingual Plane characters newer than TypeScript's tables (listed), and
 * - every character beyond the BMP (historic scripts, rare CJK; TypeScript's astral tables lag as well).
 * What remains is exactly what `ts.isIdentifierText` accepts in the BMP: `test/ir/identifier-text.test.ts`
 * compares the two over every BMP code point (and fails, naming the code points, when a newer Node
 * or TypeScript moves either side), and checks that nothing beyond it is accepted. Leaving the newer
 * characters out also keeps names the same on every Node version the generator runs on.
 */

/** Letters and marks of Unicode 16 and 17 in the BMP, which TypeScript 5.9 does not accept. */
const NEWER_THAN_TYPESCRIPT = String.raw`\u088f\u0897\u0c5c\u0cdc\u1acf-\u1add\u1ae0-\u1aeb\u1c89-\u1c8a\ua7cb-\ua7cf\ua7d2\ua7d4\ua7da-\ua7dc\ua7f1`;
const LEFT_OUT = String.raw`[${NEWER_THAN_TYPESCRIPT}\u{10000}-\u{10ffff}]`;

/** A character that may start an identifier. */
export const IDENTIFIER_START = String.raw`[[$_\p{ID_Start}]--${LEFT_OUT}]`;
/** A character that may continue an identifier. */
export const IDENTIFIER_PART = String.raw`[[$\u200c\u200d\p{ID_Continue}]--${LEFT_OUT}]`;

const IDENTIFIER = new RegExp(`^${IDENTIFIER_START}${IDENTIFIER_PART}*$`, "v");
const START = new RegExp(`^${IDENTIFIER_START}`, "v");

/** Whether `text` is an identifier TypeScript accepts (reserved words included: see `isIdentifier`). */
export function isIdentifierText(text: string): boolean {
  return IDENTIFIER.test(text);
}

/** Whether `text` begins with a character an identifier may start with. */
export function startsLikeIdentifier(text: string): boolean {
  return START.test(text);
}
