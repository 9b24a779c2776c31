/** composition.yaml: allOf, oneOf (with and without discriminator), anyOf, and nesting. */
import { describe, expect, it } from "vitest";
import { buildInline, documentWith, fixtureIr, namedType, operation, property, typeText } from "./helpers.ts";

describe("composition.yaml", () => {
  const ir = fixtureIr("composition.yaml");
  const text = (source: string) => typeText(namedType(ir, source).type);

  it("normalises each composition form", () => {
    expect(Object.fromEntries(ir.types.map((t) => [t.sourceName, typeText(t.type)]))).toMatchObject({
      Owner: 'Resource & Named & { "home"?: Address; "pets"?: Pet[] }',
      Pet: "Cat | Dog | Lizard (by petType: cat=Cat, dog=Dog, Lizard=Lizard)",
      Cat: 'PetBase & { "huntingSkill"?: enum<"clueless" | "lazy" | "adventurous" | "aggressive"> }',
      Shape: "Circle | Square",
      IdOrName: "string | integer",
      Filter: "FieldFilter | GroupFilter (by kind: field=FieldFilter, group=GroupFilter)",
      SearchResult: 'Resource & (Owner | Pet) & { "score"?: number<double> }',
    });
  });

  it("a one-$ref allOf wrapper is the ref, and the property keeps the wrapper's description", () => {
    const home = property(namedType(ir, "Owner").type, "home");
    expect(home.type).toEqual({ kind: "ref", name: "Address" });
    expect(home.description).toBe("Where the owner lives; a one-`$ref` allOf wrapper carrying a description.");
  });

  it("keeps the discriminator mapping in spec order, then unmapped members by schema name", () => {
    const pet = namedType(ir, "Pet").type;
    expect(pet.kind === "union" && pet.discriminator).toEqual({
      propertyName: "petType",
      mapping: [
        { value: "cat", type: "Cat" },
        { value: "dog", type: "Dog" },
        { value: "Lizard", type: "Lizard" },
      ],
    });
  });

  it("a oneOf without discriminator has no discriminator", () => {
    const shape = namedType(ir, "Shape").type;
    expect(shape.kind).toBe("union");
    expect(shape.kind === "union" && shape.discriminator).toBeUndefined();
  });

  it("recursive composition refers to itself by name (Filter -> GroupFilter -> Filter[])", () => {
    expect(typeText(property(namedType(ir, "GroupFilter").type, "filters").type)).toBe("Filter[]");
  });

  it("keeps schema descriptions and marks usage through unions and intersections", () => {
    expect(namedType(ir, "Pet").description).toBe("A cat or a dog, told apart by `petType`.");
    const usage = Object.fromEntries(ir.types.map((t) => [t.sourceName, t.usage]));
    expect(usage["Cat"]).toEqual({ input: true, output: true }); // through Pet, in createPet both ways
    expect(usage["Circle"]).toEqual({ input: true, output: false }); // only in SearchQuery
    expect(usage["Named"]).toEqual({ input: false, output: true }); // only in Owner
    expect(usage["Animal"]).toEqual({ input: false, output: false }); // declared, never used
  });

  it("keeps the operations' bodies and responses as refs to the composed types", () => {
    expect(typeText(operation(ir, "listPets").responses[0]!.type!)).toBe("Pet[]");
    expect(operation(ir, "createPet").body?.type).toEqual({ kind: "ref", name: "Pet" });
  });

  // Inheritance style (OpenAPI's own example, Autorest's specs): the base carries the discriminator
  // and its subtypes allOf it; there is no oneOf anywhere.
  it("a discriminator on an allOf base schema lists its subtypes, and each subtype narrows the property", () => {
    const animal = namedType(ir, "Animal").type;
    expect(animal.kind === "object" && animal.discriminator).toEqual({
      propertyName: "kind",
      mapping: [
        { value: "Fish", type: "Fish" },
        { value: "bird", type: "Bird" },
      ],
    });
    expect(text("Bird")).toBe('Animal & { "kind": "bird"; "wingspan"?: number }');
    expect(text("Fish")).toBe('Animal & { "fins"?: integer; "kind": "Fish" }');
    expect(property(namedType(ir, "Animal").type, "kind").type).toEqual({ kind: "string" });
  });
});

describe("inheritance-style discriminators, edge cases", () => {
  const animal = (kind: object) => ({
    type: "object",
    required: ["kind"],
    properties: { kind },
    discriminator: { propertyName: "kind", mapping: { bird: "#/components/schemas/Bird" } },
  });
  const bird = {
    allOf: [{ $ref: "#/components/schemas/Animal" }, { type: "object", properties: { wingspan: { type: "number" } } }],
  };
  const build = (kind: object) => {
    const { ir } = buildInline(
      documentWith({
        schemas: { Animal: animal(kind), Bird: bird, Fish: { allOf: [{ $ref: "#/components/schemas/Animal" }] } },
      }),
    );
    return ir ?? expect.unreachable("the document loads");
  };

  it("narrows when the base's enum lists the value, and leaves the subtype alone when it does not", () => {
    const ir = build({ type: "string", enum: ["bird", "cat"] });
    expect(typeText(namedType(ir, "Bird").type)).toBe('Animal & { "kind": "bird"; "wingspan"?: number }');
    // "Fish" is not in the enum: narrowing would make Fish fail to extend Animal.
    expect(typeText(namedType(ir, "Fish").type)).toBe("Animal");
  });

  it("does not narrow a property the base types as something other than a string", () => {
    const ir = build({ type: "integer" });
    expect(typeText(namedType(ir, "Bird").type)).toBe('Animal & { "wingspan"?: number }');
  });
});

describe("anyOf/oneOf of `required` lists only (which sibling properties must be present)", () => {
  it("is the sibling object, its properties optional, not a union of shapeless members", () => {
    const str = { type: "string" };
    const schema = {
      type: "object",
      properties: { a: str, b: str },
      anyOf: [{ required: ["a"] }, { required: ["b"] }],
    };
    const { ir } = buildInline(
      documentWith({ schemas: { Either: schema, OneOf: { ...schema, anyOf: undefined, oneOf: schema.anyOf } } }),
    );
    expect(typeText(namedType(ir!, "Either").type)).toBe('{ "a"?: string; "b"?: string }');
    expect(typeText(namedType(ir!, "OneOf").type)).toBe('{ "a"?: string; "b"?: string }');
  });
});
