/** composition.yaml: allOf, oneOf (with and without discriminator), anyOf, and nesting. */
import { describe, expect, it } from "vitest";
import { fixtureIr, namedType, operation, property, typeText } from "./helpers.ts";

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

  // GAP (schema-to-type.ts): a `discriminator` on a base schema that children `allOf` (the
  // inheritance style of OpenAPI 3's own examples and of Autorest specs) is dropped: `Animal` is a
  // plain object and nothing in the IR says `kind: "bird"` means `Bird`. The IR has no place for it
  // yet (DiscriminatorIR lives only on unions), so this asserts only that the mapping survives somewhere.
  // Known gap, kept visible: it fails until the IR models inheritance-style discriminators.
  it.fails("a discriminator on an allOf base schema survives into the IR", () => {
    expect(JSON.stringify(namedType(ir, "Animal"))).toContain('"propertyName":"kind"');
  });
});
