/** Table-driven: TypeIR -> TypeScript type text, and the naming and doc edge cases around it. */
import { describe, expect, it } from "vitest";
import { enumKey } from "../../generator/emit/models/emit-models.ts";
import { escapeDoc } from "../../generator/emit/shared/jsdoc.ts";
import type { Direction } from "../../generator/plan/model-catalog.ts";
import { typeText } from "../../generator/plan/type-text.ts";
import { propertyKey } from "../../generator/ir/naming.ts";
import type { TypeIR } from "../../generator/ir/types.ts";
import { array, date, int, map, nul, prop, ref, str, union } from "./sample-apis.ts";

const text = (type: TypeIR, direction: Direction = "output"): string =>
  typeText(type, { direction, reference: (name) => name });

describe("typeText", () => {
  const cases: [string, TypeIR, string][] = [
    ["string", str, "string"],
    ["integer", int, "number"],
    ["boolean", { kind: "boolean" }, "boolean"],
    ["date-time", date, "Date"],
    ["unknown", { kind: "unknown" }, "unknown"],
    ["null", nul, "null"],
    ["string literal", { kind: "literal", value: "dog" }, '"dog"'],
    ["number literal", { kind: "literal", value: -1 }, "-1"],
    ["ref", ref("Widget"), "Widget"],
    ["nullable date", union(date, nul), "Date | null"],
    ["array of dates", array(date), "Date[]"],
    ["array of a union needs parentheses", array(union(str, int)), "(string | number)[]"],
    // Two identical variants collapse to one, which is still a union (found by the robustness run).
    ["array of a union of duplicate unions", array(union(union(str, int), union(str, int))), "(string | number)[]"],
    ["array of arrays", array(array(str)), "string[][]"],
    ["map", map(date), "Record<string, Date>"],
    ["map of nullable arrays", map(array(union(date, nul))), "Record<string, (Date | null)[]>"],
    ["union dedupes", union(str, str, int), "string | number"],
    ["intersection", { kind: "intersection", members: [ref("A"), ref("B")] }, "A & B"],
    [
      "intersection with a union member",
      { kind: "intersection", members: [ref("A"), union(ref("B"), ref("C"))] },
      "A & (B | C)",
    ],
    [
      "closed string enum",
      { kind: "enum", valueType: "string", extensible: false, values: [{ value: "primary" }, { value: "secondary" }] },
      '"primary" | "secondary"',
    ],
    [
      "extensible string enum keeps completion and accepts any string",
      { kind: "enum", valueType: "string", extensible: true, values: [{ value: "chat" }] },
      '"chat" | (string & {})',
    ],
    [
      "extensible numeric enum",
      { kind: "enum", valueType: "number", extensible: true, values: [{ value: 1 }, { value: 2 }] },
      "1 | 2 | (number & {})",
    ],
    [
      "inline object quotes keys that are not identifiers",
      { kind: "object", properties: [prop("display-name", str, { required: true }), prop("default", int)] },
      '{ "display-name": string; default?: number }',
    ],
    ["empty inline object", { kind: "object", properties: [] }, "Record<string, unknown>"],
    [
      "inline object with extra properties",
      { kind: "object", properties: [prop("name", str, { required: true })], additionalProperties: int },
      "{ name: string; [key: string]: number | string }",
    ],
    [
      "discriminated union adds the literal where the variant does not declare it",
      {
        kind: "union",
        variants: [ref("Cat"), ref("Dog")],
        discriminator: {
          propertyName: "kind",
          mapping: [
            { value: "cat", type: "Cat" },
            { value: "dog", type: "Dog" },
          ],
        },
      },
      'Cat & { kind: "cat" } | Dog & { kind: "dog" }',
    ],
  ];
  it.each(cases)("%s", (_, type, expected) => {
    expect(text(type)).toBe(expected);
  });

  it("writes binary as bytes or a Blob in requests, bytes in responses", () => {
    expect(text({ kind: "binary" }, "input")).toBe("Uint8Array | Blob");
    expect(text({ kind: "binary" }, "output")).toBe("Uint8Array");
    expect(text(array({ kind: "binary" }), "input")).toBe("(Uint8Array | Blob)[]");
  });

  it("leaves readOnly properties out of request types and writeOnly ones out of response types", () => {
    const type: TypeIR = {
      kind: "object",
      properties: [prop("id", str, { required: true, readOnly: true }), prop("secret", str, { writeOnly: true })],
    };
    expect(text(type, "input")).toBe("{ secret?: string }");
    expect(text(type, "output")).toBe("{ id: string }");
  });

  it("trusts a variant that already types its discriminator as the literal", () => {
    const type: TypeIR = {
      kind: "union",
      variants: [ref("Cat"), ref("Dog")],
      discriminator: {
        propertyName: "kind",
        mapping: [
          { value: "cat", type: "Cat" },
          { value: "dog", type: "Dog" },
        ],
      },
    };
    const written = typeText(type, {
      direction: "output",
      reference: (n) => n,
      hasLiteralDiscriminator: (n) => n === "Dog",
    });
    expect(written).toBe('Cat & { kind: "cat" } | Dog');
  });
});

describe("naming edge cases", () => {
  it.each([
    ["chat.join.limited", "ChatJoinLimited"],
    ["primary", "Primary"],
    ["resourceAccount", "ResourceAccount"],
    [2, "Value2"],
    [-1, "Minus1"],
    ["", "Value"],
  ] as const)("enum key of %j is %s", (value, key) => {
    expect(enumKey(value)).toBe(key);
  });

  it.each([
    ["name", "name"],
    ["default", "default"],
    ["display-name", '"display-name"'],
    ["3d", '"3d"'],
    ["$select", "$select"],
    ["a b", '"a b"'],
  ])("property key of %s is %s", (name, key) => {
    expect(propertyKey(name)).toBe(key);
  });

  it("escapes comment delimiters in docs", () => {
    expect(escapeDoc("Ends */ here and /* starts")).toBe("Ends *\\/ here and /\\* starts");
    expect(escapeDoc("  line\r\nbreak  ")).toBe("line\nbreak");
  });
});
