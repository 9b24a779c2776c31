/** The one rule for text that meets a terminal or a source file (`terminal-text.ts`), as a table. */
import { describe, expect, it } from "vitest";
import { escapeUnsafeCharacters, terminalLine, terminalText } from "../../generator/runtime/cli/terminal-text.ts";

describe("terminalText / terminalLine", () => {
  it.each([
    ["plain text, tabs\tand\nlines", "plain text, tabs\tand\nlines", "plain text, tabs and lines"],
    ["\u001b[31mred\u001b[0m", "red", "red"],
    ["\u001b]0;title\u0007after", "after", "after"],
    ["bell\u0007 back\b del\u007f c1\u009b2J", "bell back del c12J", "bell back del c12J"],
    ["a\r\nb\rc\u2028d\u2029e", "a\nb\nc\nd\ne", "a b c d e"],
    ["\u202eevil\u202c \u2066iso\u2069 \u200emark\u200f \u061c", "evil iso mark ", "evil iso mark "],
    ["日本語 café 😀", "日本語 café 😀", "日本語 café 😀"],
  ])("%j", (input, text, line) => {
    expect(terminalText(input)).toBe(text);
    expect(terminalLine(input)).toBe(line);
  });
});

describe("escapeUnsafeCharacters", () => {
  it("escapes what a source file must not hold raw, and keeps the value of a literal", () => {
    const value = "a\u001b[31m\u2028\r\u202e\u009bz\t\n";
    const escaped = escapeUnsafeCharacters(JSON.stringify(value));
    expect(escaped).toBe('"a\\u001b[31m\\u2028\\r\\u202e\\u009bz\\t\\n"');
    expect(JSON.parse(escaped)).toBe(value);
    expect(escapeUnsafeCharacters("// line\u2028more")).toBe("// line\\u2028more");
  });
});
