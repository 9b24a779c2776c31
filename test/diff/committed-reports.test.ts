/**
 * The reports `npm run generate` commits under generated/diffs/ (their bytes are guarded by the
 * staleness test, test/generator/generate-fresh.test.ts): what the communication-identity report
 * must say, read from the committed files themselves.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonReport } from "../../generator/diff/reports/report-json.ts";
import { generatedDir, repoRoot } from "../support/paths.ts";
import { validateReport } from "./report-schema.ts";
import { ADDED_OPERATIONS } from "./identity-preview-additions.ts";

const DIFFS = join(generatedDir, "diffs");
const BASE = join(DIFFS, "communication-identity", "2023-10-01..2025-03-02-preview");
const md = readFileSync(`${BASE}.md`, "utf8");
const json = JSON.parse(readFileSync(`${BASE}.json`, "utf8")) as JsonReport;

describe("generated/diffs/", () => {
  it("has one report pair per consecutive version pair: communication-identity's only (api-management has one version)", () => {
    expect(readdirSync(DIFFS).sort()).toEqual(["communication-identity", "report.schema.json"]);
    expect(readdirSync(join(DIFFS, "communication-identity")).sort()).toEqual([
      "2023-10-01..2025-03-02-preview.json",
      "2023-10-01..2025-03-02-preview.md",
    ]);
    expect(existsSync(join(DIFFS, "api-management"))).toBe(false);
  });

  it("publishes the report schema, equal to generator/diff/report.schema.json", () => {
    expect(readFileSync(join(DIFFS, "report.schema.json"), "utf8")).toBe(
      readFileSync(join(repoRoot, "generator/diff/report.schema.json"), "utf8"),
    );
    expect(json.$schema).toBe("../report.schema.json");
    expect(validateReport(json)).toEqual([]);
  });
});

describe("communication-identity 2023-10-01..2025-03-02-preview, as committed", () => {
  it("lists all 11 added operations, each with the function, client method and options it adds to the SDK", () => {
    const added = json.findings.filter((f) => f.ruleId === "operation-added");
    expect(added.map((f) => f.operation)).toEqual(ADDED_OPERATIONS);
    for (const f of added) {
      expect(f.sdk?.[0], f.operation).toMatch(
        /^added: function `\w+`, method `CommunicationIdentityClient\.\w+`, .*interface `\w+Options`/,
      );
      expect(md).toContain(
        `| \`${f.operation!}\` | \`generated/openapi/communication-identity/2025-03-02-preview.yaml:`,
      );
    }
  });

  it("lists the added customId and lastTokenIssuedAt, on the wire and in the SDK", () => {
    const rest = json.findings
      .filter((f) => f.ruleId !== "operation-added")
      .map((f) => [f.ruleId, f.location, f.level, f.sdk]);
    expect(rest).toEqual([
      [
        "response-property-added",
        "CommunicationIdentity.customId",
        "info",
        ["property `CommunicationIdentity.customId?: string` added: existing code neither sets nor reads it"],
      ],
      [
        "response-property-added",
        "CommunicationIdentity.lastTokenIssuedAt",
        "info",
        ["property `CommunicationIdentity.lastTokenIssuedAt?: Date` added: existing code neither sets nor reads it"],
      ],
      [
        "request-property-added-optional",
        "CommunicationIdentityCreateRequest.customId",
        "info",
        [
          "property `CommunicationIdentityCreateRequest.customId?: string` added: existing code neither sets nor reads it",
        ],
      ],
    ]);
    // The two response properties are one collapsed row that keeps both SDK notes.
    expect(md).toMatch(
      /\| info ×2 \| `response-property-added` \| `\.customId`, `\.lastTokenIssuedAt` \| optional property added.*`CommunicationIdentity\.lastTokenIssuedAt\?: Date` added/,
    );
  });

  it("reports no breaking change, wire or SDK, because there is none: the preview only adds", () => {
    expect(json.summary).toEqual({ error: 0, warning: 0, info: 14, suppressed: 0 });
    expect(json.sdk?.summary).toMatchObject({ error: 0, warning: 0 });
    expect(md).not.toMatch(/\*\*(error|warning)\*\*[^:]/);
    expect(md).toContain("| 0 | 0 | 14 | 0 |");
  });

  it("ties every SDK change to a wire finding, except the paging helper the first paged operation brings", () => {
    // `continuationTokenOf` is a runtime helper: no operation's types reach it, so it is rightly
    // listed as a change of the TypeScript API alone.
    expect(json.sdk!.changes.filter((c) => !c.findings).map((c) => c.export)).toEqual(["continuationTokenOf"]);
    expect(md).toContain("## TypeScript API only");
    const fingerprints = new Set(json.findings.map((f) => f.fingerprint));
    for (const c of json.sdk!.changes.filter((c) => c.findings))
      expect(fingerprints.has(c.findings![0]!), c.message).toBe(true);
  });
});
