/**
 * The diff-report step of `npm run generate` (`emitDiffReports`) diffs the IRs the run built and
 * the packages it emitted from them: it is handed those, and reads and parses no document again.
 */
import { describe, expect, it } from "vitest";
import { emitDiffReports, type VersionBuild } from "../../generator/diff/diff-reports.ts";
import { loadApiDocument } from "../../generator/diff/load-api.ts";
import { generatedPackage } from "../../generator/diff/sdk/generated-package.ts";
import { doc, type Json } from "./fixtures.ts";

const str = { type: "string" };
const getThing = () => ({
  "/things": {
    get: {
      operationId: "getThing",
      responses: {
        "200": {
          description: "ok",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
        },
      },
    },
  },
});
const thing = (properties: Json, required: string[]) => ({ Thing: { type: "object", properties, required } });

/** One version as the pipeline hands it over; `file` names a document that exists nowhere on disk. */
function version(v: string, document: Json): VersionBuild {
  const file = `generated/openapi/things/${v}.yaml`;
  const loaded = loadApiDocument(file, JSON.stringify(document));
  if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
  const pkg = generatedPackage(loaded.value.api, { packageName: "@acme/things", service: "things" });
  return {
    service: "things",
    packageName: "@acme/things",
    version: v,
    file,
    source: loaded.value,
    packageFiles: pkg.files,
  };
}

describe("emitDiffReports", () => {
  it("reports from the IRs and packages it is given, without reading the documents they name", () => {
    const before = version("2024-01-01", doc(getThing(), thing({ id: str, name: str }, ["id", "name"])));
    const after = version("2024-06-01", doc(getThing(), thing({ id: str }, ["id"])));
    const files = emitDiffReports([after, before]);
    expect(files.map((f) => f.path)).toEqual([
      "diffs/things/2024-01-01..2024-06-01.md",
      "diffs/things/2024-01-01..2024-06-01.json",
      "diffs/report.schema.json",
    ]);
    const report = JSON.parse(files[1]!.content) as {
      findings: { ruleId: string; location: string; newAt?: { file: string } }[];
      sdk: { changes: { ruleId: string; export: string }[] };
    };
    expect(report.findings.map((f) => [f.ruleId, f.location, f.newAt?.file])).toEqual([
      ["response-required-property-removed", "Thing.name", "generated/openapi/things/2024-06-01.yaml"],
    ]);
    expect(report.sdk.changes.map((c) => [c.ruleId, c.export])).toEqual([["sdk-property-removed", "Thing"]]);
  });

  it("skips a version whose package was not generated", () => {
    const ok = version("1.0.0", doc(getThing(), thing({ id: str }, ["id"])));
    expect(emitDiffReports([ok, { ...ok, version: "2.0.0", source: undefined, packageFiles: [] }])).toEqual([]);
  });
});
