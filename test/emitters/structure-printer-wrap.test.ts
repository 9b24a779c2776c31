/**
 * The wrapped layout of generated code (`structure-printer-wrap.ts`, `type-layout.ts`): what does
 * not fit in 120 columns is laid out as prettier would, what fits is printed as ts-morph prints it,
 * and member-less interfaces are printed with `{}` on one line.
 */
import type { StatementStructures } from "ts-morph";
import { describe, expect, it } from "vitest";
import { StructureKind } from "../../generator/print/structure-kinds.ts";
import { LINE_WIDTH } from "../../generator/print/line-width.ts";
import { printFileStructure } from "../../generator/print/structure-printer.ts";
import { layoutType } from "../../generator/print/type-layout.ts";

const print = (...statements: StatementStructures[]): string =>
  printFileStructure({ kind: StructureKind.SourceFile, statements });
const longName = (stem: string): string => `${stem}${"X".repeat(40)}`;

describe("printFileStructure wraps at the line width", () => {
  it("is 120 columns", () => {
    expect(LINE_WIDTH).toBe(120);
  });

  it("puts the parameters of a long function one per line with a trailing comma, the return type after `): `", () => {
    const text = print({
      kind: StructureKind.Function,
      name: "upsertTeamsExtensionAssignment",
      isExported: true,
      isAsync: true,
      parameters: [
        { name: "tenantId", type: "string" },
        { name: "body", type: longName("Body") },
        { name: "options", type: longName("Options"), initializer: "{}" },
      ],
      returnType: "Promise<void>",
      statements: ["return;"],
    });
    expect(text).toBe(
      [
        "export async function upsertTeamsExtensionAssignment(",
        "  tenantId: string,",
        `  body: ${longName("Body")},`,
        `  options: ${longName("Options")} = {},`,
        "): Promise<void> {",
        "  return;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keeps a signature that fits on one line, byte for byte as before", () => {
    const text = print({
      kind: StructureKind.Function,
      name: "f",
      parameters: [{ name: "a", type: "string" }],
      returnType: "void",
      statements: [],
    });
    expect(text).toBe("function f(a: string): void {\n}\n");
  });

  it("wraps method overloads, constructors and interface method signatures the same way", () => {
    const parameters = [
      { name: "endpoint", type: "string" },
      { name: "credential", type: longName("Credential") },
      { name: "options", type: longName("Options"), hasQuestionToken: true },
    ];
    const text = print(
      {
        kind: StructureKind.Class,
        name: "Client",
        ctors: [{ parameters, overloads: [{ parameters }], statements: [] }],
        methods: [{ name: "get", parameters, returnType: "Promise<void>", statements: [] }],
      },
      {
        kind: StructureKind.Interface,
        name: "Api",
        methods: [{ name: "get", parameters, returnType: "Promise<void>" }],
      },
    );
    const broken = [
      "    endpoint: string,",
      `    credential: ${longName("Credential")},`,
      `    options?: ${longName("Options")},`,
    ];
    expect(text).toContain(["  constructor(", ...broken, "  );", "  constructor(", ...broken, "  ) {"].join("\n"));
    expect(text).toContain(["  get(", ...broken, "  ): Promise<void> {"].join("\n"));
    expect(text).toContain(["  get(", ...broken, "  ): Promise<void>;"].join("\n"));
  });

  it("puts a long union type alias one member per line with a leading `|`", () => {
    const members = Array.from({ length: 12 }, (_, i) => `"value-number-${i}"`);
    const text = print({ kind: StructureKind.TypeAlias, name: "Kind", isExported: true, type: members.join(" | ") });
    expect(text).toBe(
      ["export type Kind =", ...members.map((m, i) => `  | ${m}${i === members.length - 1 ? ";" : ""}`), ""].join("\n"),
    );
  });

  it("opens a long object type, hugging it in `Promise<{ ... }>`, and breaks a property's long union after its colon", () => {
    const fields = Array.from({ length: 6 }, (_, i) => `field_number_${i}: string`);
    const union = Array.from({ length: 8 }, (_, i) => `"state-number-${i}"`);
    const text = print(
      { kind: StructureKind.Function, name: "f", returnType: `Promise<{ ${fields.join("; ")} }>`, statements: [] },
      { kind: StructureKind.Interface, name: "Widget", properties: [{ name: "state", type: union.join(" | ") }] },
    );
    expect(text).toContain(["function f(): Promise<{", ...fields.map((f) => `  ${f};`), "}> {"].join("\n"));
    expect(text).toContain(
      ["  state:", ...union.map((m, i) => `    | ${m}${i === union.length - 1 ? ";" : ""}`)].join("\n"),
    );
  });

  it("breaks an index signature's long union after its colon, never inside its brackets", () => {
    const union = Array.from({ length: 8 }, (_, i) => `"value-number-${i}"`);
    const text = print({
      kind: StructureKind.Interface,
      name: "Bag",
      indexSignatures: [{ keyName: "key", keyType: "string", returnType: union.join(" | ") }],
    });
    expect(text).toBe(
      [
        "interface Bag {",
        "  [key: string]:",
        ...union.map((m, i) => `    | ${m}${i === union.length - 1 ? ";" : ""}`),
        "}",
        "",
      ].join("\n"),
    );
  });

  it("puts long import and export lists one name per line", () => {
    const names = Array.from({ length: 8 }, (_, i) => ({ name: `deserializeModelNumber${i}` }));
    const text = print(
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./serialization.js", namedImports: names },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./serialization.js", namedExports: names.slice(0, 2) },
    );
    expect(text).toBe(
      [
        "import {",
        ...names.map((n) => `  ${n.name},`),
        '} from "./serialization.js";',
        'export { deserializeModelNumber0, deserializeModelNumber1 } from "./serialization.js";',
        "",
      ].join("\n"),
    );
  });

  it("never adds a trailing comma to type arguments (TypeScript refuses one)", () => {
    const text = layoutType(`Map<${longName("Key")}, ${longName("Value")}>`, {
      column: 60,
      indent: 0,
      tail: 1,
      width: 120,
    });
    expect(text).toBe(`Map<\n  ${longName("Key")},\n  ${longName("Value")}\n>`);
  });

  it("leaves what it cannot break safely as it is: a conditional type, a template literal type, a comment, a long name", () => {
    const place = { column: 110, indent: 0, tail: 1, width: 120 };
    const types = [
      "T extends Date ? string : T extends object ? { [K in keyof T]: T[K] } : T",
      "`prefix-${string}` | `other-${number}`",
      "A /* a | b */ | C",
      "X".repeat(90),
    ];
    for (const type of types) {
      expect(layoutType(type, place)).toBe(type);
    }
  });

  it("breaks a function type's parameters, never its result union", () => {
    const type = `(first: ${longName("First")}, second: ${longName("Second")}) => A | B`;
    expect(layoutType(type, { column: 10, indent: 0, tail: 1, width: 120 })).toBe(
      `(\n  first: ${longName("First")},\n  second: ${longName("Second")},\n) => A | B`,
    );
  });
});

describe("member-less interfaces", () => {
  it("print as `{}` on one line, interfaces still (an alias would change the export's kind in SDK diffs)", () => {
    const text = print(
      {
        kind: StructureKind.Interface,
        name: "GetFooOptions",
        isExported: true,
        docs: ["The options."],
        extends: ["RequestOptions"],
      },
      { kind: StructureKind.Interface, name: "Both", isExported: true, extends: ["A", "B"] },
      { kind: StructureKind.Interface, name: "Nothing" },
    );
    expect(text).toBe(
      [
        "/** The options. */",
        "export interface GetFooOptions extends RequestOptions {}",
        "",
        "export interface Both extends A, B {}",
        "",
        "interface Nothing {}",
        "",
      ].join("\n"),
    );
  });

  it("keep ts-morph's layout without a line width (the reference layout)", () => {
    const text = printFileStructure(
      {
        kind: StructureKind.SourceFile,
        statements: [{ kind: StructureKind.Interface, name: "O", extends: ["RequestOptions"] }],
      },
      {},
    );
    expect(text).toBe("interface O extends RequestOptions {\n}\n");
  });
});
