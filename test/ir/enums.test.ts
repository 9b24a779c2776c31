/** enums.yaml: closed and open enums, integer and nullable enums, values that are not identifiers. */
import { describe, expect, it } from "vitest";
import type { EnumTypeIR } from "../../generator/ir/types.ts";
import { fixtureIr, namedType, operation, property, typeText } from "./helpers.ts";

describe("enums.yaml", () => {
  const ir = fixtureIr("enums.yaml");
  const enumOf = (source: string): EnumTypeIR => {
    const type = namedType(ir, source).type;
    const found =
      type.kind === "enum" ? type : type.kind === "union" ? type.variants.find((v) => v.kind === "enum") : undefined;
    if (found?.kind !== "enum") throw new Error(`${source} is not an enum: ${typeText(type)}`);
    return found;
  };

  it("marks which enums are open (extensible)", () => {
    const open = Object.fromEntries(
      ["Status", "Region", "Tier", "EventKind", "Priority", "Answer", "Weird"].map((s) => [s, enumOf(s).extensible]),
    );
    expect(open).toEqual({
      Status: false,
      Region: true,
      Tier: false,
      EventKind: true,
      Priority: false,
      Answer: false,
      Weird: false,
    });
  });

  it("keeps value types and values exactly, including values that are not identifiers", () => {
    expect(enumOf("Priority")).toMatchObject({
      valueType: "number",
      values: [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 10 }],
    });
    expect(enumOf("EventKind").values.map((v) => v.value)).toEqual([
      "chat.join",
      "chat.leave",
      "2xx",
      "with space",
      "café",
      "日本語",
      "-dash",
      "",
    ]);
    expect(enumOf("Weird").values.map((v) => v.value)).toEqual([
      "chat.join",
      "2xx",
      "with space",
      "ñandú",
      "default",
      "class",
      "Value",
      "value",
      "1",
      "a/b",
    ]);
    expect(enumOf("Weird").valueType).toBe("string");
  });

  it("a nullable enum is the enum or null, without null among its values", () => {
    expect(typeText(namedType(ir, "Answer").type)).toBe('enum<"yes" | "no"> | null');
  });

  it("keeps x-ms-enum value descriptions", () => {
    expect(enumOf("Region").values).toEqual([
      { value: "westus", description: "West US." },
      { value: "eastus", description: "East US." },
      { value: "northeurope", description: "North Europe." },
    ]);
  });

  it("keeps inline enums and their defaults on properties, and enums in parameters", () => {
    const inline = property(namedType(ir, "Message").type, "inlineMode");
    expect(typeText(inline.type)).toBe('enum<"fast" | "slow">');
    expect(inline.default).toBe("fast");
    const params = operation(ir, "listMessages").parameters.map(
      (p) => `${p.name} ${typeText(p.type)} ${p.style}/${p.explode}`,
    );
    expect(params).toEqual(["kinds EventKind[] form/true", "status Status form/true"]);
  });
});
