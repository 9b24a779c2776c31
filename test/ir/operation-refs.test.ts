/**
 * operation-refs.yaml: a spec split across files, with path items and operation objects written as
 * `$ref`s (each operation's own `$ref`s relative to its file, folders deep), plus what goes wrong
 * with them, and a split spec of thousands of files built in a temp folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildFile, buildInline, documentWith, fixtureIr, operation, typeText } from "./helpers.ts";

describe("operation-refs.yaml", () => {
  const ir = fixtureIr("operation-refs.yaml");
  const summary = (id: string) => {
    const op = operation(ir, id);
    return {
      call: `${op.name} ${op.method} ${op.path}`,
      parameters: op.parameters.map((p) => `${p.in}:${p.name} ${typeText(p.type)}`),
      responses: [...op.responses, ...op.errors].map((r) => `${r.status} ${r.type ? typeText(r.type) : "-"}`),
    };
  };

  it("follows operations written as `$ref`s, in a path item of the root file and of a referenced one", () => {
    expect(summary("listKeys")).toEqual({
      call: "listKeys GET /v2/keys",
      parameters: ["query:per_page integer"],
      responses: ['200 { "keys": Key[] }'],
    });
    expect(summary("createKey")).toMatchObject({ call: "createKey POST /v2/keys", responses: ["201 Key"] });
    expect(operation(ir, "createKey").body).toMatchObject({ required: true, mediaType: "application/json" });
    expect(summary("getKey")).toEqual({
      call: "getKey GET /v2/keys/{key_id}",
      parameters: ["path:key_id string"],
      responses: ["200 Key", 'default { "message": string }'],
    });
    expect(summary("deleteKey")).toEqual({
      call: "deleteKey DELETE /v2/keys/{key_id}",
      parameters: ["path:key_id string"],
      responses: ["204 -"],
    });
  });

  it("merges the referenced path item's parameters (relative to its file) with the operation's", () => {
    expect(summary("rotateKey")).toEqual({
      call: "rotateKey PUT /v2/keys/{key_id}/rotations/{rotation}",
      parameters: ["path:key_id string", "path:rotation integer"],
      responses: ["200 Key"],
    });
    expect(ir.types.map((t) => t.name)).toEqual(["Key"]);
  });
});

describe("an operation `$ref` that cannot be followed", () => {
  it("is an `unresolved-ref` error at the operation, never an empty operation", () => {
    const built = buildInline(documentWith({ paths: { "/v2/keys/{id}": { get: { $ref: "missing/get-key.yaml" } } } }));
    expect(built.diagnostics.map((d) => [d.code, d.severity, d.location?.pointer])).toEqual([
      ["unresolved-ref", "error", "/paths/~1v2~1keys~1{id}/get/$ref"],
    ]);
    expect(built.ir?.operations).toEqual([]);
  });
});

describe("a split spec of thousands of files", () => {
  const root = mkdtempSync(join(tmpdir(), "specsmith-split-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const resources = 1000;

  it("loads: every path item, operation and schema its own file, three folders deep", () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < resources; i++) {
      const folder = join(root, "resources", `r${i}`);
      mkdirSync(join(folder, "models"), { recursive: true });
      writeFileSync(
        join(folder, "item.yaml"),
        `parameters:\n  - $ref: "../../shared/id.yaml"\nget:\n  $ref: "get.yaml"\n`,
      );
      writeFileSync(
        join(folder, "get.yaml"),
        `operationId: getR${i}\nresponses:\n  "200":\n    description: ok\n    content:\n      application/json:\n        schema:\n          $ref: "models/r${i}.yaml"\n`,
      );
      writeFileSync(
        join(folder, "models", `r${i}.yaml`),
        `type: object\nproperties:\n  id:\n    type: string\n  at:\n    type: string\n    format: date-time\n`,
      );
      paths[`/r${i}/{id}`] = { $ref: `resources/r${i}/item.yaml` };
    }
    mkdirSync(join(root, "shared"));
    writeFileSync(join(root, "shared", "id.yaml"), "name: id\nin: path\nrequired: true\nschema:\n  type: string\n");
    const main = join(root, "openapi.json");
    writeFileSync(main, JSON.stringify({ openapi: "3.0.3", info: { title: "Split", version: "1" }, paths }));

    const built = buildFile(main);
    expect(built.diagnostics).toEqual([]);
    expect(built.ir?.operations).toHaveLength(resources);
    expect(built.ir?.types).toHaveLength(resources);
    expect(operation(built.ir!, "getR999")).toMatchObject({
      path: "/r999/{id}",
      parameters: [{ name: "id", in: "path" }],
      responses: [{ type: { kind: "ref", name: "R999" } }],
    });
  }, 120_000);
});
