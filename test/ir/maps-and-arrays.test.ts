/** maps-and-arrays.yaml: every form of additionalProperties, maps of arrays and maps, arrays of enums and refs. */
import { describe, expect, it } from "vitest";
import { buildInline, documentWith, fixtureIr, namedType, operation, typeText } from "./helpers.ts";

describe("maps-and-arrays.yaml", () => {
  const ir = fixtureIr("maps-and-arrays.yaml");

  it("types each Inventory property", () => {
    const inventory = namedType(ir, "Inventory").type;
    const facts = Object.fromEntries(
      (inventory.kind === "object" ? inventory.properties : []).map((p) => [p.name, typeText(p.type)]),
    );
    expect(facts).toEqual({
      anyTrue: "Record<string, unknown>",
      anyEmpty: "Record<string, unknown>",
      implicit: "Record<string, unknown>",
      counts: "Record<string, integer>",
      itemsBySku: "Record<string, Item>",
      closed: "{}",
      tagsByGroup: "Record<string, string[]>",
      nested: "Record<string, Record<string, number>>",
      colors: "Color[]",
      sizes: 'enum<"S" | "M" | "L">[]',
      items: "Item[]",
      matrix: "number<float>[][]",
      untypedList: "unknown[]",
    });
  });

  it("types components that mix known properties with extra keys", () => {
    const facts = Object.fromEntries(
      ["Labeled", "OpenRecord", "Strict", "ColorMap", "ListOfMaps"].map((s) => [s, typeText(namedType(ir, s).type)]),
    );
    expect(facts).toEqual({
      Labeled: '{ "name": string; [key: string]: string }',
      OpenRecord: '{ "id"?: string; [key: string]: unknown }',
      Strict: '{ "id"?: string }',
      ColorMap: "Record<string, Color>",
      ListOfMaps: "Record<string, boolean>[]",
    });
  });

  it("keeps array constraints and types inline map responses", () => {
    const inventory = namedType(ir, "Inventory").type;
    const sizes = inventory.kind === "object" ? inventory.properties.find((p) => p.name === "sizes")?.type : undefined;
    expect(sizes).toMatchObject({ kind: "array", constraints: { minItems: 1, maxItems: 3, uniqueItems: true } });
    expect(typeText(operation(ir, "getInventory").responses[0]!.type!)).toBe("Record<string, integer<int32>>");
  });

  it("marks types reached through maps and arrays of a request body as input", () => {
    expect(namedType(ir, "Item").usage).toEqual({ input: true, output: false });
    expect(namedType(ir, "Color").usage).toEqual({ input: true, output: false });
    expect(namedType(ir, "ColorMap").usage).toEqual({ input: false, output: false });
  });
});

describe("unevaluatedProperties (3.1; TypeSpec writes records with it)", () => {
  const { ir: built, diagnostics } = buildInline(
    documentWith({
      openapi: "3.1.0",
      schemas: {
        Patch: {
          type: "object",
          unevaluatedProperties: { anyOf: [{ $ref: "#/components/schemas/Item" }, { type: "null" }] },
        },
        Labeled: {
          type: "object",
          required: ["name"],
          properties: { name: { type: "string" } },
          unevaluatedProperties: { type: "string" },
        },
        Sealed: { type: "object", unevaluatedProperties: false },
        Both: { type: "object", additionalProperties: { type: "integer" }, unevaluatedProperties: { type: "string" } },
        Item: { type: "object", properties: { id: { type: "string" } } },
      },
    }),
  );
  const ir = built ?? expect.unreachable("the document loads");

  it("types extra keys as additionalProperties does, which wins when both are present", () => {
    const facts = Object.fromEntries(
      ["Patch", "Labeled", "Sealed", "Both"].map((s) => [s, typeText(namedType(ir, s).type)]),
    );
    expect(facts).toEqual({
      Patch: "Record<string, Item | null>",
      Labeled: '{ "name": string; [key: string]: string }',
      Sealed: "{}",
      Both: "Record<string, integer>",
    });
    expect(diagnostics).toEqual([]);
  });
});
