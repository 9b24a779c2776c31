/**
 * The wrapping of code the emitters write as text (`code-layout.ts`) and of doc comments
 * (`doc-layout.ts`): what is broken, and what is left alone because breaking it would change the
 * code or the Markdown.
 */
import { describe, expect, it } from "vitest";
import { wrapCodeLines } from "../../generator/print/code-layout.ts";
import { wrapDocLines } from "../../generator/print/doc-layout.ts";

const name = (stem: string): string => `${stem}${"Q".repeat(30)}`;

describe("wrapCodeLines", () => {
  it("puts a long call's arguments one per line with a trailing comma", () => {
    const line = `  return contextFor(${name("endpoint")}, ${name("signer")}, ${name("options")});`;
    expect(wrapCodeLines(line, 80)).toBe(
      `  return contextFor(\n    ${name("endpoint")},\n    ${name("signer")},\n    ${name("options")},\n  );`,
    );
  });

  it("hugs a lone object argument and opens it; no trailing comma after a rest element", () => {
    const line = `  const { ${name("first")}, ...${name("rest")} } = f({ ${name("a")}: 1, ${name("b")}: 2 });`;
    expect(wrapCodeLines(line, 80).split("\n")).toEqual([
      "  const {",
      `    ${name("first")},`,
      `    ...${name("rest")}`,
      "  } = f({",
      `    ${name("a")}: 1,`,
      `    ${name("b")}: 2,`,
      "  });",
    ]);
  });

  it("leaves alone what it cannot read safely: a `/`, a comment, a template literal spanning lines, a block, a grouping, an index signature, a mapped type's key", () => {
    const lines = [
      `  const ratio = f(${name("a")}, ${name("b")}) / g(${name("c")}, ${name("d")});`,
      `  /* f(${name("a")}, ${name("b")}, ${name("c")}) */`,
      "  const text = `first line",
      `  f(${name("a")}, ${name("b")}, ${name("c")})\`;`,
      `  if (${name("a")} && ${name("b")} && ${name("c")}) { return; }`,
      `  const f = (x: number) =>(${name("a")} + ${name("b")} + ${name("c")});`,
      `  [${name("key")}: ${name("Key")}]: ${name("V")};`,
      `  [${name("K")} in keyof ${name("T")}]: ${name("V")};`,
    ];
    expect(wrapCodeLines(lines.join("\n"), 80)).toBe(lines.join("\n"));
  });

  it("is idempotent", () => {
    const once = wrapCodeLines(
      `  return convertJson(response, deserialize, [${Array.from({ length: 12 }, (_, i) => `"field_${i}"`).join(", ")}]);`,
      80,
    );
    expect(once).not.toContain('field_0", ');
    expect(wrapCodeLines(once, 80)).toBe(once);
  });
});

describe("wrapDocLines", () => {
  it("breaks prose at spaces within the width", () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(" ");
    const lines = wrapDocLines([words], 40);
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.join(" ")).toBe(words);
  });

  it("keeps tables, headings, code fences and indented code; never breaks inside a code span or before a tag or list marker", () => {
    const long = "x".repeat(50);
    const kept = [
      `| ${long} | ${long} |`,
      `## ${long} ${long}`,
      "```",
      `${long} ${long}`,
      "```",
      `    ${long} ${long}`,
    ];
    expect(wrapDocLines(kept, 40)).toEqual(kept);
    expect(wrapDocLines([`see \`${"a b ".repeat(15)}\` then`], 40)[0]).toBe(`see`);
    const risky = `${"y".repeat(30)} @param ${"z".repeat(10)} - item 1. done`;
    expect(wrapDocLines([risky], 40).some((line) => /^\s*(@|-\s|1\.)/.test(line))).toBe(false);
  });

  it("keeps a word longer than the width whole, and indents a list item's continuation", () => {
    const url = `https://example.com/${"p".repeat(60)}`;
    expect(wrapDocLines([`see ${url} now`], 40)).toEqual(["see", url, "now"]);
    expect(wrapDocLines([`- ${"item ".repeat(12).trim()}`], 40)).toEqual([
      "- item item item item item item item",
      "  item item item item item",
    ]);
  });
});
