/**
 * Discriminator mappings whose targets resolve only through `$ref`s on the way
 * (discriminator-refs.yaml, split across files), bare schema names as mapping values, and mappings
 * that truly dangle (approximated/dangling-mapping.yaml): a warning each and sound types.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRefFailure, loadOpenApi } from "../../generator/openapi/load-openapi.ts";
import {
  buildFile,
  buildInline,
  documentWith,
  FIXTURES_DIR,
  fixtureIr,
  namedType,
  property,
  typeText,
  writeTemp,
} from "./helpers.ts";

describe("discriminator-refs.yaml", () => {
  const ir = fixtureIr("discriminator-refs.yaml");

  it("maps values to the members their targets reach, through `$ref`s, bare names and other files", () => {
    expect(typeText(namedType(ir, "Pet").type)).toBe("Dog | Cat (by kind: cat=Cat, dog=Dog)");
    const shape = typeText(namedType(ir, "Shape").type);
    expect(shape).toMatch(/^Circle \| (\w+) \(by shape: circle=Circle, square=\1\)$/);
  });

  it("narrows an inheritance-style subtype to the value a bare-name mapping gives it", () => {
    expect(property(namedType(ir, "Car").type, "type").type).toEqual({ kind: "literal", value: "car" });
    const vehicle = namedType(ir, "Vehicle").type;
    expect(vehicle.kind === "object" ? vehicle.discriminator : undefined).toEqual({
      propertyName: "type",
      mapping: [{ value: "car", type: "Car" }],
    });
  });
});

describe("a mapping that dangles", () => {
  const built = buildFile(join(FIXTURES_DIR, "approximated", "dangling-mapping.yaml"));

  it("is a warning per value, at the mapping entry, and never an error", () => {
    expect(built.diagnostics.map((d) => [d.code, d.severity, d.location?.pointer, d.location?.line])).toEqual([
      ["unresolved-mapping", "warning", "/components/schemas/Pet/discriminator/mapping/cat", 32],
      ["unresolved-mapping", "warning", "/components/schemas/Pet/discriminator/mapping/bird", 33],
      ["unresolved-mapping", "warning", "/components/schemas/Vehicle/discriminator/mapping/boat", 58],
    ]);
  });

  it("keeps the union whole and narrows no member to a value that may be wrong", () => {
    const ir = built.ir!;
    expect(typeText(namedType(ir, "Pet").type)).toBe("Dog | Cat (by kind: dog=Dog)");
    expect(typeText(namedType(ir, "Car").type)).toBe('Vehicle & { "doors"?: integer }');
  });

  it("is a warning even on a union no operation uses", () => {
    const unused = buildInline(
      documentWith({
        schemas: {
          Pet: {
            oneOf: [{ $ref: "#/components/schemas/Dog" }],
            discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Nope" } },
          },
          Dog: { type: "object", properties: { kind: { type: "string" } } },
        },
      }),
    );
    expect(unused.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning unresolved-mapping"]);
  });
});

describe("the loader's `$ref` pointers through other `$ref`s", () => {
  it("resolves a pointer whose way passes through a `$ref` to another file", () => {
    const loaded = loadOpenApi(join(FIXTURES_DIR, "discriminator-refs.yaml")).value!;
    const target = loaded.resolveRef("#/components/schemas/Catalog/properties/cat");
    expect(isRefFailure(target) ? target.failure : { file: target.file, pointer: target.pointer }).toEqual({
      file: join(FIXTURES_DIR, "discriminator-refs", "catalog.yaml"),
      pointer: "/properties/cat",
    });
  });

  it("refuses a pointer whose `$ref`s lead back to it, without running away", () => {
    const file = writeTemp(
      JSON.stringify({ openapi: "3.0.3", info: { title: "Loop", version: "1" }, paths: {}, a: { $ref: "#/a/b" } }),
    );
    const loaded = loadOpenApi(file).value!;
    const target = loaded.resolveRef("#/a/b");
    expect(isRefFailure(target)).toBe(true);
  });
});
