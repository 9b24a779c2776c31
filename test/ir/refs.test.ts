/**
 * refs.yaml + refs-shared.yaml: `$ref`s into the middle of components, relative-file references
 * (schemas, responses, a whole path item), and circular schemas.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildFile,
  buildInline,
  documentWith,
  fixtureIr,
  namedType,
  operation,
  property,
  typeText,
} from "./helpers.ts";

describe("refs.yaml", () => {
  const ir = fixtureIr("refs.yaml");
  const byName = (name: string) => {
    const found = ir.types.find((t) => t.name === name);
    if (!found) throw new Error(`no type ${name}`);
    return found;
  };

  it("inlines references into a parameter's schema and a schema's property", () => {
    const getNode = operation(ir, "getNode");
    expect(getNode.parameters.map((p) => `${p.in}:${p.name} ${typeText(p.type)}`)).toEqual([
      "path:nodeId string<uuid>",
      "query:parentId string<uuid>",
    ]);
    expect(operation(ir, "getPerson").parameters[0]?.type).toEqual({
      kind: "string",
      constraints: { pattern: "^p-[0-9]+$" },
    });
    expect(property(namedType(ir, "Person").type, "nickname").type).toEqual({
      kind: "string",
      constraints: { maxLength: 100 },
    });
  });

  it("declares a relative-file component as its own named type, distinct from a same-named local one", () => {
    const addresses = ir.types.filter((t) => t.sourceName === "Address");
    expect(addresses).toHaveLength(2);
    const home = property(namedType(ir, "Person").type, "home").type;
    expect(home.kind).toBe("ref");
    const shared = byName(home.kind === "ref" ? home.name : "");
    expect(typeText(shared.type)).toBe(`{ "country": CountryCode; "previous"?: ${shared.name}; "street"?: string }`);
    expect(typeText(namedType(ir, "Company").type)).toContain(`"headquarters"?: ${shared.name}`);
  });

  it("follows a path item and a response that live in the other file", () => {
    const address = operation(ir, "getPersonAddress");
    expect(address).toMatchObject({
      method: "GET",
      path: "/people/{personId}/address",
      parameters: [{ name: "personId", in: "path" }],
    });
    const home = property(namedType(ir, "Person").type, "home").type;
    expect(address.responses[0]?.type).toEqual(home);
    expect(operation(ir, "getPerson").errors).toMatchObject([
      { status: "default", description: "An error.", type: { kind: "ref", name: "ErrorModel" } },
    ]);
  });

  it("types circular schemas by name: self, mutual, through arrays and maps", () => {
    const facts = Object.fromEntries(
      ["TreeNode", "Person", "Company", "Graph"].map((s) => [s, typeText(namedType(ir, s).type)]),
    );
    expect(facts["TreeNode"]).toBe('{ "children"?: TreeNode[]; "id": string; "parent"?: TreeNode }');
    expect(facts["Person"]).toMatch(/"employer"\?: Company;/);
    expect(facts["Company"]).toMatch(/"employees"\?: Person\[\];/);
    expect(facts["Graph"]).toBe('{ "nodes"?: Record<string, Graph>; "paths"?: Graph[][] }');
  });

  it("marks usage across files and cycles", () => {
    const usage = Object.fromEntries(
      ir.types.map((t) => [`${t.name}`, `${t.usage.input ? "in" : ""}${t.usage.output ? "out" : ""}`]),
    );
    expect(usage).toMatchObject({
      Graph: "inout",
      TreeNode: "out",
      Person: "out",
      Company: "out",
      CountryCode: "out",
      ErrorModel: "out",
    });
  });
});

describe("refs-shared.yaml on its own", () => {
  it("is a document in its own right, with its Address named Address", () => {
    const ir = fixtureIr("refs-shared.yaml");
    expect(ir.operations.map((o) => o.name)).toEqual(["getPersonAddress"]);
    expect(typeText(namedType(ir, "Address").type)).toBe(
      '{ "country": CountryCode; "previous"?: Address; "street"?: string }',
    );
  });
});

describe("references outside components/schemas", () => {
  it("a circular reference outside components/schemas is unknown with a circular-inline-ref warning", () => {
    const node = { type: "object", properties: { next: { $ref: "#/components/parameters/P/schema" } } };
    const built = buildInline({
      ...documentWith({ parameters: { P: { name: "p", in: "query", schema: node } } }),
      paths: {
        "/x": {
          get: {
            operationId: "x",
            parameters: [{ $ref: "#/components/parameters/P" }],
            responses: { "204": { description: "ok" } },
          },
        },
      },
    });
    expect(built.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning circular-inline-ref"]);
    expect(typeText(built.ir!.operations[0]!.parameters[0]!.type)).toBe('{ "next"?: { "next"?: unknown } }');
  });

  const dir = mkdtempSync(join(tmpdir(), "specsmith-refs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // GAP (schema-to-type.ts refType): only `.../components/schemas/X` pointers become named types.
  // A schema in a file of its own (`$ref: ./pet.yaml`, the usual multi-file layout) is inlined at
  // every use: it gets no name, and when it is recursive its self-reference becomes `unknown`
  // (with a circular-inline-ref warning).
  it("a schema file referenced whole (`$ref: pet.yaml`) becomes a named type", () => {
    writeFileSync(
      join(dir, "pet.yaml"),
      "type: object\nproperties:\n  name:\n    type: string\n  parent:\n    $ref: pet.yaml\n",
    );
    const main = join(dir, "main.json");
    const schema = { $ref: "pet.yaml" };
    writeFileSync(
      main,
      JSON.stringify(
        documentWith({
          paths: {
            "/pets": {
              get: {
                operationId: "getPet",
                responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
              },
            },
          },
        }),
      ),
    );
    const built = buildFile(main);
    expect(built.diagnostics).toEqual([]);
    expect(built.ir?.operations[0]?.responses[0]?.type?.kind).toBe("ref");
  });
});
