/**
 * Determinism: building twice gives deep-equal IR, and building from a copy of a fixture whose
 * object keys are shuffled (a seeded shuffle; arrays keep their order, as their order has meaning)
 * gives the same operations and types, by the same names, in the same order.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ApiIR } from "../../generator/ir/types.ts";
import { buildFile, FIXTURES_DIR, fixtureIr, VALID_FIXTURES } from "./helpers.ts";
import { prng, shuffleKeys } from "../support/shuffle-keys.ts";

const SEED = 1;

const operationsOf = (ir: ApiIR) => ir.operations.map((o) => `${o.name} ${o.method} ${o.path}`);
const typesOf = (ir: ApiIR) => ir.types.map((t) => `${t.name} <- ${t.sourceName}`);
/** What must not change at all (keyed by source, not name): auth, member names, parameter order, statuses. */
const contentOf = (ir: ApiIR) => ({
  auth: ir.auth,
  properties: Object.fromEntries(
    ir.types.map((t) => [t.sourceName, t.type.kind === "object" ? t.type.properties.map((p) => p.name).sort() : []]),
  ),
  parameters: Object.fromEntries(
    ir.operations.map((o) => [`${o.method} ${o.path}`, o.parameters.map((p) => `${p.in}:${p.name}`)]),
  ),
  responses: Object.fromEntries(
    ir.operations.map((o) => [`${o.method} ${o.path}`, [...o.responses, ...o.errors].map((r) => r.status)]),
  ),
});

describe("determinism", () => {
  const dir = mkdtempSync(join(tmpdir(), "specsmith-shuffled-"));
  const shuffled = new Map<string, ApiIR>();

  beforeAll(() => {
    for (const name of VALID_FIXTURES) {
      const text = readFileSync(join(FIXTURES_DIR, name), "utf8");
      const document: unknown = name.endsWith(".json") ? JSON.parse(text) : parse(text);
      const copy = JSON.stringify(shuffleKeys(document, prng(SEED)));
      expect(copy).not.toBe(JSON.stringify(document));
      // Same file names, so relative `$ref`s (refs.yaml -> refs-shared.yaml) resolve to shuffled copies.
      writeFileSync(join(dir, name), copy);
      // A fixture split across files keeps them in a folder of its own name (operation-refs/).
      const parts = join(FIXTURES_DIR, name.replace(/\.(ya?ml|json)$/, ""));
      if (existsSync(parts)) cpSync(parts, join(dir, basename(parts)), { recursive: true });
    }
    for (const name of VALID_FIXTURES) {
      const built = buildFile(join(dir, name));
      expect(built.diagnostics).toEqual([]);
      shuffled.set(name, built.ir!);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(VALID_FIXTURES)("%s", (name) => {
    it("building twice gives deep-equal IR", () => {
      const again = buildFile(join(FIXTURES_DIR, name));
      expect(again.ir).toEqual(fixtureIr(name));
    });

    it("a key-shuffled copy gives the same operations, by name, in the same order", () => {
      expect(operationsOf(shuffled.get(name)!)).toEqual(operationsOf(fixtureIr(name)));
    });

    it("a key-shuffled copy gives the same types, by name, in the same order", () => {
      expect(typesOf(shuffled.get(name)!)).toEqual(typesOf(fixtureIr(name)));
    });

    it("a key-shuffled copy gives the same auth, members, parameters and statuses", () => {
      expect(contentOf(shuffled.get(name)!)).toEqual(contentOf(fixtureIr(name)));
    });
  });
});
