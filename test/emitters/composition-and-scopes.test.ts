/**
 * Generated code that must compile whatever the document names: `allOf` compositions `extends`
 * cannot express (composition-conflicts.yaml) and names that collide with the generator's own in
 * generated scopes (scope-collisions.yaml). Both packages type-check with their own tsconfig
 * (library and command line), and run against a fake `fetch`; so does a long generated `allOf`
 * chain whose every level overrides the one before.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { repoRoot } from "../support/paths.ts";
import { errorCount, typeCheckPackages } from "../support/type-check.ts";
import { compilePackages, type CompiledPackages } from "./compile-packages.ts";
import { fakeFetchClient, jsonAnswer } from "./fake-fetch-client.ts";

const fixture = (name: string) =>
  buildPackage({ file: join(repoRoot, `test/fixtures/openapi/${name}.yaml`), packageName: name });

/**
 * What large specs have: a long `allOf` chain in which each level overrides something of the one
 * before (`id` switching type, `when` switching between a date and a string, `kind` required or not).
 */
function chainDocument(levels: number): object {
  const schemas: Record<string, object> = {
    Level0: {
      type: "object",
      required: ["id", "kind"],
      properties: { id: { type: "integer" }, kind: { type: "string" }, when: { type: "string", format: "date-time" } },
    },
  };
  for (let i = 1; i < levels; i++) {
    const own = {
      type: "object",
      ...(i % 4 === 0 ? { required: ["kind"] } : {}),
      properties: {
        id: { type: i % 2 === 0 ? "integer" : "string" },
        kind: { type: "string" },
        when: i % 3 === 0 ? { type: "string" } : { type: "string", format: "date-time" },
        [`field${i}`]: { type: "string", format: "date-time" },
      },
    };
    schemas[`Level${i}`] = { allOf: [{ $ref: `#/components/schemas/Level${i - 1}` }, own] };
  }
  const last = { $ref: `#/components/schemas/Level${levels - 1}` };
  const json = (schema: object) => ({ "application/json": { schema } });
  return {
    openapi: "3.0.3",
    info: { title: "Chain", version: "1.0.0" },
    servers: [{ url: "https://chain.example.com" }],
    paths: {
      "/levels": {
        put: {
          operationId: "putLevel",
          requestBody: { required: true, content: json(last) },
          responses: { "200": { description: "ok", content: json(last) } },
        },
      },
    },
    components: { schemas },
  };
}

const packages = {
  composition: fixture("composition-conflicts"),
  scopes: fixture("scope-collisions"),
  chain: buildPackage({ file: "chain.json", text: JSON.stringify(chainDocument(60)), packageName: "chain" }),
};
const source = (pkg: keyof typeof packages, path: string) =>
  packages[pkg].files.find((f) => f.path === path)?.content ?? "";
let compiled: CompiledPackages;

beforeAll(async () => {
  const library = (pkg: keyof typeof packages) =>
    packages[pkg].files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages(
    { composition: library("composition"), scopes: library("scopes"), chain: library("chain") },
    "composition-scopes",
  );
}, 60_000);
afterAll(async () => {
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

describe("the packages", () => {
  it("build without diagnostics", () => {
    expect(packages.composition.diagnostics).toEqual([]);
    expect(packages.scopes.diagnostics).toEqual([]);
    expect(packages.chain.diagnostics).toEqual([]);
  });

  it.each([false, true])(
    "type-check with their own tsconfig (command line included: %s)",
    async (withCli) => {
      const checked = await typeCheckPackages(
        Object.entries(packages).map(([name, built]) => ({ name, files: built.files })),
        withCli ? "composition-scopes-cli" : "composition-scopes",
        withCli,
      );
      expect(errorCount(checked.output), checked.output).toBe(0);
      await checked.cleanUp();
    },
    120_000,
  );
});

describe("allOf that `extends` cannot express", () => {
  const models = source("composition", "src/models.ts");

  it("extends a base without the properties a subtype redeclares incompatibly", () => {
    expect(models).toContain('export interface Document extends Omit<Resource, "id" | "kind"> {');
    // `kind` narrowed to an enum value still fits its base: only the overridden date is left out.
    expect(models).toContain('export interface Revision extends Omit<Document, "updatedAt"> {');
  });

  it("leaves out of the earlier base what two bases declare differently", () => {
    expect(models).toContain('export interface Archived extends Omit<Revision, "id">, Stamp {');
  });

  it("writes an inline allOf without what its own part overrides", () => {
    expect(models).toContain('about?: Omit<Resource, "updatedAt"> & { updatedAt?: string };');
  });

  it("extends each level of a long chain without what the next level overrides", () => {
    const chain = source("chain", "src/models.ts");
    expect(chain).toContain('export interface Level1 extends Omit<Level0, "id" | "kind"> {');
    expect(chain).toContain('export interface Level3 extends Omit<Level2, "id" | "when"> {');
    expect(chain).toContain('export interface Level4 extends Omit<Level3, "id" | "when"> {');
  });

  it("converts nothing where the overriding declarations hold no date (the overridden base's do)", () => {
    expect(source("composition", "src/api/documents.ts")).toContain("text: jsonInModelOrder(body) }");
    const serialization = source("composition", "src/serialization.ts");
    expect(serialization).not.toContain("serializeRevision");
    expect(serialization).not.toContain("about");
  });

  it("declares a property that arrives twice once, the later declaration winning", () => {
    const draft = models.slice(
      models.indexOf("export interface Draft"),
      models.indexOf("}", models.indexOf("export interface Draft")),
    );
    expect(draft.match(/^\s+name/gm)).toHaveLength(1);
    expect(draft).toContain("name: string;");
  });
});

const client = (pkg: string, answer: unknown) => fakeFetchClient(compiled.root, pkg, jsonAnswer(answer));

describe("names in the package's scope", () => {
  it("gives an enum's `Known...` const a name no model has", () => {
    expect(source("scopes", "src/index.ts")).toContain(
      'export { type Color, KnownColor2, type Entry, type KnownColor, type Stamp } from "./models.js";',
    );
  });
});

describe("on the wire", () => {
  it("converts by the overriding declarations (a string over a base's date stays a string)", async () => {
    const { api, context, sent } = await client("composition", {
      id: 7,
      kind: "revision",
      number: 2,
      updatedAt: "yesterday",
      archivedAt: "2024-01-02T03:04:05Z",
    });
    const got = (await api["putDocument"]!(context, {
      id: "d1",
      kind: "revision",
      number: 2,
      updatedAt: "yesterday",
    })) as Record<string, unknown>;
    expect(JSON.parse(sent[0]?.body ?? "")).toEqual({ id: "d1", kind: "revision", number: 2, updatedAt: "yesterday" });
    expect(got).toEqual({
      id: 7,
      kind: "revision",
      number: 2,
      updatedAt: "yesterday",
      archivedAt: new Date("2024-01-02T03:04:05Z"),
    });
  });

  it("converts an inline allOf by its overriding part, and the dates beside it", async () => {
    const { api, context } = await client("composition", {
      about: { id: 1, kind: "k", updatedAt: "today" },
      at: "2024-01-02T03:04:05Z",
    });
    expect(await api["getNote"]!(context)).toEqual({
      about: { id: 1, kind: "k", updatedAt: "today" },
      at: new Date("2024-01-02T03:04:05Z"),
    });
  });

  it("converts properties named like the converter's own locals and functions, and sends parameters named like imports", async () => {
    const wire = {
      value: "2024-05-06T07:08:09.000Z",
      json: "2024-05-06T07:08:10.000Z",
      rest: "2024-05-06T07:08:11.000Z",
      item: ["2024-05-06T07:08:12.000Z"],
      key: { a: "2024-05-06T07:08:13.000Z" },
      serializeStamp: { at: "2024-05-06T07:08:14.000Z" },
      deserializeStamp: { at: "2024-05-06T07:08:15.000Z" },
      deserializeEntry: { at: "2024-05-06T07:08:16.000Z" },
    };
    const entry = {
      value: new Date(wire.value),
      json: new Date(wire.json),
      rest: new Date(wire.rest),
      item: [new Date(wire.item[0]!)],
      key: { a: new Date(wire.key.a) },
      serializeStamp: { at: new Date(wire.serializeStamp.at) },
      deserializeStamp: { at: new Date(wire.deserializeStamp.at) },
      deserializeEntry: { at: new Date(wire.deserializeEntry.at) },
    };
    const { api, context, sent } = await client("scopes", wire);
    // Path parameters first, then the required ones by name: rest, saveEntry, serializeEntry.
    const got = await api["saveEntry"]!(context, "r/1", [new Date("2020-01-01T00:00:00Z")], "h", "e", "s", entry);
    expect(got).toEqual(entry);
    expect(JSON.parse(sent[0]?.body ?? "")).toEqual(wire);
    expect(sent[0]?.url).toBe(
      "https://scopes.example.com/entries/r%2F1/2020-01-01T00%3A00%3A00.000Z?saveEntry=e&serializeEntry=s",
    );
    expect(sent[0]?.headers.get("rest")).toBe("h");
  });
});
