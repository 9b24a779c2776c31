/** The enum values the emitters use without loading ts-morph must be ts-morph's own. */
import { StructureKind as TsMorphKind, VariableDeclarationKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { CONST_DECLARATION, StructureKind } from "../../generator/print/structure-kinds.ts";

describe("structure-kinds.ts", () => {
  it.each(Object.entries(StructureKind))("StructureKind.%s is ts-morph's value", (name, value) => {
    expect(value).toBe(TsMorphKind[name as keyof typeof TsMorphKind]);
  });

  it("CONST_DECLARATION is VariableDeclarationKind.Const", () => {
    expect(CONST_DECLARATION).toBe(VariableDeclarationKind.Const);
  });
});
