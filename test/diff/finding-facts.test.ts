/**
 * Findings and SDK changes carry the facts their messages were rendered from (what changed, the
 * engine's anchor and steps, the subject and parameter of an SDK change); the SDK layer and the
 * reports read those, never the message or location text, and the JSON report leaves them out.
 */
import { describe, expect, it } from "vitest";
import { compareApis } from "../../generator/diff/compare-apis.ts";
import { whatChanged } from "../../generator/diff/reports/report-facts.ts";
import { renderJson } from "../../generator/diff/reports/report-json.ts";
import { generatedPackage } from "../../generator/diff/sdk/generated-package.ts";
import { addSdkView, sdkNotes } from "../../generator/diff/sdk/sdk-layer.ts";
import type { DiffReport, Finding, SdkChange } from "../../generator/diff/types.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import { doc, irOf, type Json } from "./fixtures.ts";

const str = { type: "string" };
const thing = { Thing: { type: "object", properties: { id: str, name: str }, required: ["id", "name"] } };
const getThings = (fields: Json = {}) => ({
  "/things": {
    get: {
      operationId: "listThings",
      responses: {
        "200": {
          description: "ok",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
        },
      },
      ...fields,
    },
  },
});
const before = irOf(doc(getThings(), thing));
const after = irOf(
  doc(getThings({ parameters: [{ name: "filter", in: "query", required: true, schema: str }] }), {
    Thing: { ...thing.Thing, required: ["id"] },
  }),
);
const withSdk = (report: DiffReport, a: ApiIR, b: ApiIR) =>
  addSdkView(report, { api: a, ...generatedPackage(a) }, { api: b, ...generatedPackage(b) });

describe("finding facts", () => {
  it("carry what changed and where, as data", () => {
    const f = compareApis(before, after).findings.find((x) => x.ruleId === "request-parameter-added-required")!;
    expect(f.facts).toEqual({
      what: "required parameter added",
      anchor: {
        kind: "operation",
        old: { method: "GET", path: "/things" },
        new: { method: "GET", path: "/things" },
        part: { kind: "parameter", new: { in: "query", name: "filter" } },
      },
      steps: [],
    });
  });

  it("tie SDK changes by the anchor, not by the location text", () => {
    const wire = compareApis(before, after);
    // Locations reworded: a tie read from the text would lose the parameter and give every change to the first finding.
    const reworded = { ...wire, findings: wire.findings.map((f) => ({ ...f, location: `somewhere (${f.ruleId})` })) };
    const full = withSdk(reworded, before, after);
    const parameter = full.findings.find((f) => f.ruleId === "request-parameter-added-required")!;
    expect(parameter.sdk).toEqual([
      "error: parameter `filter: string` added to `FixtureClient.listThings`: existing calls pass too few arguments",
      "error: parameter `filter: string` added to `listThings`: existing calls pass too few arguments",
    ]);
    expect(parameter.facts?.notes?.map((n) => n.level)).toEqual(["error", "error"]);
  });

  it("give the report what changed without parsing the message", () => {
    const finding: Finding = {
      ruleId: "operation-added",
      level: "info",
      direction: "none",
      location: "GET /a",
      message: "added, reworded: why",
      fingerprint: "0",
      facts: { what: "added, reworded", steps: [] },
    };
    expect(whatChanged(finding)).toBe("added, reworded");
  });

  it("stay out of the JSON report", () => {
    const json = renderJson(withSdk(compareApis(before, after), before, after));
    expect(json).not.toContain('"facts"');
    expect(json).toContain('"ruleId": "request-parameter-added-required"');
  });
});

describe("SDK change facts", () => {
  const change = (ruleId: SdkChange["ruleId"], kind: "function" | "method", name: string): SdkChange => ({
    ruleId,
    level: "info",
    export: name,
    message: `${ruleId} of ${name}, in words a note must not depend on`,
    facts: { what: "", subject: { kind, name } },
  });

  it("name the subjects of added exports and methods in notes, function first", () => {
    const notes = sdkNotes([
      change("sdk-method-added", "method", "Client.createUser"),
      change("sdk-export-added", "function", "createUser"),
    ]);
    expect(notes).toEqual([{ level: "info", text: "added: function `createUser`, method `Client.createUser`" }]);
  });

  it("carry the parameter a change is in", () => {
    const full = withSdk(compareApis(before, after), before, after);
    const added = full.sdk!.changes.filter((c) => c.ruleId === "sdk-parameter-added-required");
    expect(added.map((c) => [c.export, c.member, c.facts?.parameter])).toEqual([
      ["FixtureClient", "listThings(filter)", { name: "filter", of: "listThings" }],
      ["listThings", "(filter)", { name: "filter" }],
    ]);
  });
});
