/** `quoteValue`: how diagnostics show a document's values (short, one line, credentials redacted). */
import { describe, expect, it } from "vitest";
import { QUOTE_LIMIT, quoteQuoted, quoteValue } from "../../generator/diagnostics/quote-value.ts";

describe("quoteValue", () => {
  it("shows short values as JSON, unchanged", () => {
    expect(quoteValue("strin")).toBe('"strin"');
    expect(quoteValue(3)).toBe("3");
    expect(quoteValue(true)).toBe("true");
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
  });

  it("cuts a long value to a prefix of QUOTE_LIMIT characters", () => {
    const long = "lorem ipsum ".repeat(20);
    expect(quoteValue(long)).toBe(`${JSON.stringify(long.slice(0, QUOTE_LIMIT))}...`);
    expect(quoteValue("ü".repeat(QUOTE_LIMIT))).toBe(JSON.stringify("ü".repeat(QUOTE_LIMIT)));
  });

  it("turns control, bidi and line-separator characters into spaces", () => {
    expect(quoteValue("a\u001b[31mb\u0000c\u202ed\u2028e")).toBe('"a [31mb c d e"');
  });

  it.each([
    ["an assignment", "API_KEY=abcdef123", '"API_KEY=<redacted>"'],
    ["a YAML-style pair", "password: hunter2", '"password: <redacted>"'],
    ["a JSON pair", '"client_secret":"xyz"', '"\\"client_secret\\":\\"<redacted>\\""'],
    ["a bearer token", "Authorization Bearer abc.def", '"Authorization Bearer <redacted>"'],
    ["URL credentials", "https://me:pw@host/x", '"https://<redacted>@host/x"'],
    ["a GitHub token", "x ghp_0123456789abcdefghij", '"x <redacted>"'],
    ["a long random key", "k 9f8e7d6c5b4a39281706f5e4d3c2b1a0", '"k <redacted>"'],
  ])("redacts %s", (_, value, shown) => {
    expect(quoteValue(value)).toBe(shown);
  });

  it("keeps long names that are not keys", () => {
    expect(quoteValue("#/components/schemas/ManagedDeviceConfiguration", 100)).toBe(
      '"#/components/schemas/ManagedDeviceConfiguration"',
    );
  });
});

describe("quoteQuoted", () => {
  it("shows each quoted part of a parser message by quoteValue", () => {
    const token = `SECRET_TOKEN=${"z9".repeat(40)}`;
    expect(quoteQuoted(`Unexpected scalar token in YAML stream: "${token}"`)).toBe(
      'Unexpected scalar token in YAML stream: "SECRET_TOKEN=<redacted>"',
    );
  });
});
