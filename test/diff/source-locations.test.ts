/**
 * Every finding names where it is in both documents: an RFC 6901 pointer and `file:line:col`, in
 * YAML, in JSON, and in the file of a split document the node came from.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareApis } from "../../generator/diff/compare-apis.ts";
import { loadApiDocument } from "../../generator/diff/load-api.ts";
import type { DiffReport, Finding } from "../../generator/diff/types.ts";
import { repoRoot } from "../support/paths.ts";
import { validateReport } from "./report-schema.ts";
import { jsonReport } from "../../generator/diff/reports/report-json.ts";

const FIXTURES = "test/fixtures/diff-report";

function diff(oldFile: string, newFile: string): DiffReport {
  const side = (file: string) => {
    const loaded = loadApiDocument(join(repoRoot, FIXTURES, file));
    if (!loaded.value) throw new Error(`fixture ${file} did not load: ${JSON.stringify(loaded.diagnostics)}`);
    return { ...loaded.value, label: `${FIXTURES}/${file}` };
  };
  const [a, b] = [side(oldFile), side(newFile)];
  return compareApis(a.api, b.api, { documents: { old: a, new: b } });
}

const find = (report: DiffReport, ruleId: string, location: string): Finding => {
  const found = report.findings.find((f) => f.ruleId === ruleId && f.location === location);
  if (!found)
    throw new Error(
      `no ${ruleId} at ${location}: ${report.findings.map((f) => `${f.ruleId} ${f.location}`).join("; ")}`,
    );
  return found;
};

/** 1-based line and column of `needle` in a fixture (the first after `after`), as an editor shows it. */
function positionOf(file: string, needle: string, after = ""): { line: number; column: number } {
  const text = readFileSync(join(repoRoot, FIXTURES, file), "utf8");
  const offset = text.indexOf(needle, text.indexOf(after));
  if (offset < 0 || text.indexOf(after) < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe("finding locations", () => {
  const shop = diff("shop-base.yaml", "shop-revision.yaml");

  it("gives every finding an old and a new position (YAML)", () => {
    expect(shop.findings.length).toBeGreaterThan(10);
    for (const f of shop.findings) {
      expect(f.oldAt?.file).toBe(`${FIXTURES}/shop-base.yaml`);
      expect(f.newAt?.file).toBe(`${FIXTURES}/shop-revision.yaml`);
      expect(f.oldAt?.line).toBeGreaterThan(0);
      expect(f.newAt?.line).toBeGreaterThan(0);
    }
    expect(validateReport(jsonReport(shop))).toEqual([]);
  });

  it("points at the changed property of a model on both sides", () => {
    const f = find(shop, "request-constraint-tightened", "OrderInput.note");
    expect(f.oldAt).toEqual({
      file: `${FIXTURES}/shop-base.yaml`,
      pointer: "/components/schemas/OrderInput/properties/note",
      ...positionOf("shop-base.yaml", "note:", "OrderInput:\n"),
    });
    expect(f.newAt).toEqual({
      file: `${FIXTURES}/shop-revision.yaml`,
      pointer: "/components/schemas/OrderInput/properties/note",
      ...positionOf("shop-revision.yaml", "note:", "OrderInput:\n"),
    });
  });

  it("points at the nearest existing parent on the side that lacks the thing", () => {
    const removed = find(shop, "response-optional-property-removed", "Order.customerName");
    expect(removed.oldAt?.pointer).toBe("/components/schemas/Order/properties/customerName");
    expect(removed.newAt?.pointer).toBe("/components/schemas/Order");
    const added = find(shop, "operation-added", "GET /orders/{orderId}/invoice");
    expect(added.newAt).toMatchObject({
      pointer: "/paths/~1orders~1{orderId}~1invoice/get",
      ...positionOf("shop-revision.yaml", "get:", "/orders/{orderId}/invoice:"),
    });
    expect(added.oldAt?.pointer).toBe("/paths");
    const param = find(shop, "request-parameter-added-required", "GET /orders query parameter region");
    expect(param.newAt).toMatchObject({
      pointer: "/paths/~1orders/get/parameters/1",
      ...positionOf("shop-revision.yaml", "name: region"),
    });
  });

  it("escapes pointers (RFC 6901) and finds JSON positions, through renamed path parameters", () => {
    const json = diff("json-base.json", "json-revision.json");
    const odd = find(json, "response-type-changed", 'GET /pets/{id} response 200 body ["a/b~c"]');
    const body = "/get/responses/200/content/application~1json/schema/properties/a~1b~0c";
    expect(odd.oldAt).toEqual({
      file: `${FIXTURES}/json-base.json`,
      pointer: `/paths/~1pets~1{petId}${body}`,
      ...positionOf("json-base.json", '"a/b~c"'),
    });
    expect(odd.newAt).toEqual({
      file: `${FIXTURES}/json-revision.json`,
      pointer: `/paths/~1pets~1{id}${body}`,
      ...positionOf("json-revision.json", '"a/b~c"'),
    });
    const renamed = find(json, "path-parameter-renamed", "GET /pets/{id} path parameter id");
    expect(renamed.oldAt).toMatchObject({
      pointer: "/paths/~1pets~1{petId}/get/parameters/0",
      ...positionOf("json-base.json", '{ "name": "petId"'),
    });
  });

  it("points document-level findings at their place (security, schemes, servers)", () => {
    const side = (security: boolean, label: string) => {
      const document = {
        openapi: "3.0.3",
        info: { title: "T", version: "1" },
        servers: [{ url: security ? "https://b.example" : "https://a.example" }],
        paths: { "/x": { get: { responses: { "204": { description: "none" } } } } },
        components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "k" } } },
        ...(security ? { security: [{ key: [] }] } : {}),
      };
      const loaded = loadApiDocument(`/virtual/${label}`, JSON.stringify(document, null, 2)).value!;
      return { ...loaded, label };
    };
    const [a, b] = [side(false, "a.json"), side(true, "b.json")];
    const report = compareApis(a.api, b.api, { documents: { old: a, new: b } });
    const pointers = report.findings.map((f) => `${f.ruleId} ${f.newAt?.pointer}`);
    expect(pointers).toContain("server-url-changed /servers/0/url");
    const security = pointers.filter((p) => p.startsWith("global-security"));
    expect(security.length).toBeGreaterThan(0);
    for (const p of security) expect(p).toMatch(/ \/security$/);
  });

  it("names the file of a split document the node came from", () => {
    const split = diff("split-base/openapi.yaml", "split-revision/openapi.yaml");
    const constraint = find(split, "request-constraint-added", "GET /widgets/{id} path parameter id");
    expect(constraint.newAt).toEqual({
      file: `${FIXTURES}/split-revision/parameters.yaml`,
      pointer: "/WidgetId/schema",
      ...positionOf("split-revision/parameters.yaml", "schema:"),
    });
    const removed = find(split, "response-optional-property-removed", "GET /widgets/{id} response 200 body .size");
    expect(removed.oldAt).toEqual({
      file: `${FIXTURES}/split-base/models.yaml`,
      pointer: "/Widget/properties/size",
      ...positionOf("split-base/models.yaml", "size:"),
    });
    expect(removed.newAt).toMatchObject({ file: `${FIXTURES}/split-revision/models.yaml`, pointer: "/Widget" });
  });
});
