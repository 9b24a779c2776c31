/**
 * The real pair: communication-identity 2023-10-01 -> 2025-03-02-preview adds 11 operations and
 * the optional `customId` / `lastTokenIssuedAt` properties, and breaks nothing. The committed
 * report, with the SDK view, is generated/diffs/communication-identity/ (committed-reports.test.ts).
 */
import { describe, expect, it } from "vitest";
import { compareApis } from "../../generator/diff/compare-apis.ts";
import { loadApi } from "../../generator/diff/load-api.ts";
import { renderJson } from "../../generator/diff/reports/report-json.ts";
import { renderMarkdown } from "../../generator/diff/reports/report-markdown.ts";
import type { ProfileName } from "../../generator/diff/types.ts";
import { openApiPath } from "../support/paths.ts";
import { validateReport } from "./report-schema.ts";
import { ADDED_OPERATIONS } from "./identity-preview-additions.ts";

const OLD = "2023-10-01";
const NEW = "2025-03-02-preview";
const load = (version: string) => {
  const loaded = loadApi(openApiPath("communication-identity", version));
  if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
};
const oldApi = load(OLD);
const newApi = load(NEW);
const report = (profile: ProfileName = "default", swap = false) =>
  swap
    ? compareApis(newApi, oldApi, {
        profile,
        oldSource: `communication-identity/${NEW}.yaml`,
        newSource: `communication-identity/${OLD}.yaml`,
      })
    : compareApis(oldApi, newApi, {
        profile,
        oldSource: `communication-identity/${OLD}.yaml`,
        newSource: `communication-identity/${NEW}.yaml`,
      });

describe(`communication-identity ${OLD}..${NEW}`, () => {
  it("lists all 11 added operations", () => {
    const added = report()
      .findings.filter((f) => f.ruleId === "operation-added")
      .map((f) => f.operation);
    expect(added).toEqual(ADDED_OPERATIONS);
  });

  it("lists the added customId and lastTokenIssuedAt, in the direction each travels", () => {
    const rows = report()
      .findings.filter((f) => f.ruleId !== "operation-added")
      .map((f) => [f.ruleId, f.location, f.level, f.operations]);
    expect(rows).toEqual([
      ["response-property-added", "CommunicationIdentity.customId", "info", ["POST /identities"]],
      ["response-property-added", "CommunicationIdentity.lastTokenIssuedAt", "info", ["POST /identities"]],
      ["request-property-added-optional", "CommunicationIdentityCreateRequest.customId", "info", ["POST /identities"]],
    ]);
  });

  it("reports no error in either profile", () => {
    expect(report().findings.filter((f) => f.level === "error")).toEqual([]);
    expect(report("azure").findings.filter((f) => f.level === "error")).toEqual([]);
  });

  it("writes a JSON report that the published schema accepts", () => {
    const json: unknown = JSON.parse(renderJson(report()));
    expect(validateReport(json)).toEqual([]);
  });

  it("turns additions into removals when old and new are swapped", () => {
    const swapped = report("default", true).findings;
    expect(swapped.filter((f) => f.ruleId === "operation-removed").map((f) => f.operation)).toEqual(ADDED_OPERATIONS);
    expect(swapped.filter((f) => f.ruleId.includes("property-removed")).map((f) => [f.ruleId, f.location])).toEqual([
      ["response-optional-property-removed", "CommunicationIdentity.customId"],
      ["response-optional-property-removed", "CommunicationIdentity.lastTokenIssuedAt"],
      ["request-property-removed", "CommunicationIdentityCreateRequest.customId"],
    ]);
    expect(swapped.filter((f) => f.ruleId.includes("added"))).toEqual([]);
  });

  it("reports nothing for each version diffed with itself", () => {
    expect(compareApis(oldApi, oldApi).findings).toEqual([]);
    expect(compareApis(newApi, newApi).findings).toEqual([]);
  });

  it("renders the same bytes twice", () => {
    expect(renderMarkdown(report())).toBe(renderMarkdown(report()));
    expect(renderJson(report())).toBe(renderJson(report()));
  });
});
