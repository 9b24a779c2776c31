/**
 * The TypeScript-API layer: the SDK rule table on tiny packages, then end to end from OpenAPI
 * pairs through the generator (changes tied to the wire finding they come from, SDK-only
 * changes), and documents diffed with themselves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { compareApis } from "../../generator/diff/compare-apis.ts";
import { generatedPackage } from "../../generator/diff/sdk/generated-package.ts";
import { loadApi } from "../../generator/diff/load-api.ts";
import { compareSurfaces } from "../../generator/diff/sdk/sdk-compare.ts";
import { addSdkView } from "../../generator/diff/sdk/sdk-layer.ts";
import { SDK_RULES } from "../../generator/diff/rules/index.ts";
import { readSurface } from "../../generator/diff/sdk/sdk-surface.ts";
import { relate } from "../../generator/diff/sdk/sdk-type-text.ts";
import type { DiffReport } from "../../generator/diff/types.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import type { OutputFile } from "../../generator/output/write-tree.ts";
import { openApiPath, repoRoot } from "../support/paths.ts";
import { doc, irOf, usedIn, withProperty, type Json } from "./fixtures.ts";
import { SDK_CASES } from "./sdk-cases.ts";

function sdkChanges(before: readonly OutputFile[], after: readonly OutputFile[]) {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipLoadingLibFiles: true,
  });
  return compareSurfaces(readSurface(project, "/old", before), readSurface(project, "/new", after));
}

describe("SDK rules", () => {
  it("have unique kebab-case ids starting with sdk-", () => {
    const ids = SDK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^sdk(-[a-z0-9]+)+$/);
  });

  it("are each exercised by a case (sdk-export-became-value by the swapped type-only case below)", () => {
    const fired = new Set([...SDK_CASES.flatMap((c) => c.expected.map((e) => e[0])), "sdk-export-became-value"]);
    expect(SDK_RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});

describe.each(SDK_CASES)("$name", (c) => {
  it(`reports ${c.expected.map((e) => e[0]).join(", ") || "nothing"}: ${c.why}`, () => {
    const changes = sdkChanges(c.old, c.new);
    expect(changes.map((x) => [x.ruleId, x.level, x.export, ...(x.member !== undefined ? [x.member] : [])])).toEqual(
      c.expected,
    );
  });
});

describe("swapping the packages", () => {
  it.each([
    ["export added", "sdk-export-removed"],
    ["input property added, optional", "sdk-property-removed"],
    ["optional parameter appended", "sdk-parameter-removed"],
    ["value export became type-only", "sdk-export-became-value"],
  ])("turns %s into %s", (name, reverse) => {
    const c = SDK_CASES.find((x) => x.name === name)!;
    expect(sdkChanges(c.new, c.old).map((x) => x.ruleId)).toEqual([reverse]);
  });
});

describe("type texts", () => {
  it.each([
    ["string", "string", "same"],
    ["string", "string | null", "widened"],
    ["A | B", "B", "narrowed"],
    ['"a" | (string & {})', '"a" | "b" | (string & {})', "equivalent"],
    ['"a" | "b"', "string", "widened"],
    ["Promise<A>", "Promise<A | undefined>", "widened"],
    ["PagedAsyncIterableIterator<A, P>", "PagedAsyncIterableIterator<A | B, P>", "widened"],
    ["A[]", "(A | B)[]", "widened"],
    ["A", "B", "changed"],
    ["{ a: string }", "{ a: number }", "changed"],
  ])("%s -> %s is %s", (before, after, relation) => {
    expect(relate(before, after)).toBe(relation);
  });
});

/** Wire and SDK view of two OpenAPI documents, through the generator as `specsmith diff` runs it. */
function fullDiff(before: Json | ApiIR, after: Json | ApiIR): DiffReport {
  const [a, b] = [before, after].map((d) => ("operations" in d ? (d as ApiIR) : irOf(d as Json))) as [ApiIR, ApiIR];
  return addSdkView(compareApis(a, b), { api: a, ...generatedPackage(a) }, { api: b, ...generatedPackage(b) });
}

const str = { type: "string" };
const get = (operationId: string, fields: Json = {}) => ({
  get: {
    operationId,
    responses: {
      "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
    },
    ...fields,
  },
});
const thing = { type: "object", properties: { id: str }, required: ["id"] };

describe("the SDK view of wire changes", () => {
  it("ties the changes of a required parameter to its finding: the function and the client method", () => {
    const report = fullDiff(
      doc({ "/things": get("Things_List") }, { Thing: thing }),
      doc(
        {
          "/things": get("Things_List", {
            parameters: [{ name: "filter-by", in: "query", required: true, schema: str }],
          }),
        },
        { Thing: thing },
      ),
    );
    const finding = report.findings.find((f) => f.ruleId === "request-parameter-added-required")!;
    expect(finding.sdk).toEqual([
      "error: parameter `filterBy: string` added to `FixtureClient.listThings`: existing calls pass too few arguments",
      "error: parameter `filterBy: string` added to `listThings`: existing calls pass too few arguments",
    ]);
    expect(report.sdk!.changes.every((c) => c.findings?.[0] === finding.fingerprint)).toBe(true);
  });

  it("ties an optional parameter to its finding as an options property", () => {
    const report = fullDiff(
      doc({ "/things": get("Things_List") }, { Thing: thing }),
      doc(
        { "/things": get("Things_List", { parameters: [{ name: "top", in: "query", schema: { type: "integer" } }] }) },
        { Thing: thing },
      ),
    );
    const finding = report.findings.find((f) => f.ruleId === "request-parameter-added-optional")!;
    expect(finding.sdk).toEqual([
      "property `ListThingsOptions.top?: number` added: existing code neither sets nor reads it",
    ]);
  });

  it("says a renamed operationId renames the function and its options: breaking in the SDK, a no-op on the wire", () => {
    const report = fullDiff(
      doc({ "/things": get("Things_List") }, { Thing: thing }),
      doc({ "/things": get("Things_ListAll") }, { Thing: thing }),
    );
    const finding = report.findings.find((f) => f.ruleId === "operation-id-changed")!;
    expect(finding.level).toBe("info");
    expect(
      report.sdk!.changes.map((c) => [c.ruleId, c.level, c.export, c.member, c.findings?.[0] === finding.fingerprint]),
    ).toEqual([
      ["sdk-method-renamed", "error", "FixtureClient", "thingsListAll", true],
      ["sdk-export-renamed", "error", "ThingsListAllOptions", undefined, true],
      ["sdk-export-renamed", "error", "thingsListAll", undefined, true],
    ]);
  });

  it("removing an operation renames no surviving export (GitHub-style ids sharing a short name)", () => {
    const both = {
      "/repos/collaborators": get("repos/add-collaborator"),
      "/projects/collaborators": get("projects/add-collaborator"),
    };
    const report = fullDiff(
      doc(both, { Thing: thing }),
      doc({ "/repos/collaborators": both["/repos/collaborators"] }, { Thing: thing }),
    );
    expect(
      report
        .sdk!.changes.filter((c) => c.ruleId !== "sdk-export-removed" && c.ruleId !== "sdk-method-removed")
        .map((c) => [c.ruleId, c.export, c.member]),
    ).toEqual([]);
    expect(report.sdk!.changes.map((c) => c.member ?? c.export)).not.toContain("reposAddCollaborator");
  });

  it("removing an operation renames no surviving export (Azure-style Group_Name ids sharing a short name)", () => {
    // `ListByService` in two groups; `GetSharedAccessToken` in `User` and in `ApiManagement`, the service's own group.
    const info = { info: { title: "ApiManagementClient", version: "1.0.0" } };
    const base = {
      "/users": get("Users_ListByService"),
      "/groups": get("Groups_ListByService"),
      "/users/token": get("User_GetSharedAccessToken"),
      "/token": get("ApiManagement_GetSharedAccessToken"),
    };
    const { "/groups": _groups, "/token": _token, ...revision } = base;
    const report = fullDiff(doc(base, { Thing: thing }, info), doc(revision, { Thing: thing }, info));
    // Only the removed operations' exports change; `usersListByService` and `userGetSharedAccessToken` stay.
    expect(report.sdk!.changes.map((c) => [c.ruleId, c.member ?? c.export])).toEqual([
      ["sdk-method-removed", "getSharedAccessToken"],
      ["sdk-method-removed", "groupsListByService"],
      ["sdk-export-removed", "GetSharedAccessTokenOptions"],
      ["sdk-export-removed", "GroupsListByServiceOptions"],
      ["sdk-export-removed", "getSharedAccessToken"],
      ["sdk-export-removed", "groupsListByService"],
    ]);
  });

  it("lists a renamed model as an SDK-only change: no wire finding, a broken import", () => {
    const [before, after] = [{ Thing: thing }, { Item: thing }].map((schemas) => {
      const [name] = Object.keys(schemas);
      return doc(
        {
          "/things": {
            get: {
              operationId: "Things_Get",
              responses: {
                "200": {
                  description: "ok",
                  content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } },
                },
              },
            },
          },
        },
        schemas,
      );
    });
    const report = fullDiff(before!, after!);
    expect(report.findings).toEqual([]);
    expect(report.sdk!.changes.map((c) => [c.ruleId, c.level, c.export, c.before, c.findings])).toEqual([
      ["sdk-export-renamed", "error", "Item", "Thing", undefined],
    ]);
  });

  it("judges model properties by the way the model travels", () => {
    const required = fullDiff(withProperty("response", undefined), withProperty("response", str, true));
    expect(required.findings.map((f) => [f.ruleId, f.level, f.sdk])).toEqual([
      ["response-property-added", "info", ["property `Thing.p: string` added: code reading the type is unaffected"]],
    ]);
    const request = fullDiff(withProperty("request", str), withProperty("request", str, true));
    expect(request.findings.map((f) => [f.ruleId, f.level, f.sdk])).toEqual([
      [
        "request-property-became-required",
        "error",
        ["error: property `Thing.p` is now required: object literals that leave it out no longer compile"],
      ],
    ]);
  });

  it("shows a value added to a closed response enum as a widened type: a compile break for exhaustive code", () => {
    const report = fullDiff(
      usedIn("response", { type: "string", enum: ["a"] }),
      usedIn("response", { type: "string", enum: ["a", "b"] }),
    );
    expect(report.findings.map((f) => [f.ruleId, f.level, f.sdk])).toEqual([
      [
        "response-enum-value-added",
        "warning",
        [
          'error: type `Thing` widened: `"a"` → `"a" | "b"`: code that uses the value as the old type no longer compiles',
          '`KnownThing.B` ("b") added: existing code does not use it',
        ],
      ],
    ]);
  });

  it("renders SDK notes and SDK-only changes in Markdown, and a valid JSON report", async () => {
    const { renderMarkdown } = await import("../../generator/diff/reports/report-markdown.ts");
    const { renderJson } = await import("../../generator/diff/reports/report-json.ts");
    const { validateReport } = await import("./report-schema.ts");
    const report = fullDiff(
      doc({ "/things": get("Things_List") }, { Thing: thing }),
      doc({ "/things": get("Things_List") }, { Item: thing, Thing: { $ref: "#/components/schemas/Item" } }),
    );
    const md = renderMarkdown(report);
    expect(validateReport(JSON.parse(renderJson(report)))).toEqual([]);
    expect(md).toContain("TypeScript API of the generated package");
    for (const c of report.sdk!.changes.filter((x) => !x.findings)) expect(md).toContain(`| \`${c.export}\` |`);
  });
});

describe("a document diffed with itself", () => {
  const load = (file: string) => {
    const loaded = loadApi(file, readFileSync(file, "utf8"));
    if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
    return loaded.value;
  };
  it.each([
    openApiPath("communication-identity", "2023-10-01"),
    openApiPath("communication-identity", "2025-03-02-preview"),
    openApiPath("api-management", "2022-08-01"),
    join(repoRoot, "test/fixtures/openapi/large.json"),
  ])("reports nothing at the SDK layer either: %s", (file) => {
    const api = load(file);
    const report = fullDiff(api, api);
    expect(report.findings).toEqual([]);
    expect(report.sdk!.changes).toEqual([]);
  });
});

describe("communication-identity 2025-03-02-preview -> 2023-10-01 (swapped)", () => {
  it("turns the SDK additions into removals that break code using the package", () => {
    const load = (v: string) => loadApi(openApiPath("communication-identity", v)).value!;
    const report = fullDiff(load("2025-03-02-preview"), load("2023-10-01"));
    const removed = report.sdk!.changes.filter((c) => c.ruleId === "sdk-export-removed").map((c) => c.export);
    expect(removed).toContain("getCommunicationIdentity");
    expect(removed).toContain("EntraAssignment");
    expect(report.sdk!.changes.filter((c) => c.ruleId === "sdk-export-added")).toEqual([]);
    const customId = report
      .sdk!.changes.filter((c) => c.member === "customId")
      .map((c) => [c.export, c.ruleId, c.level]);
    expect(customId).toEqual([
      ["CommunicationIdentity", "sdk-property-removed", "error"],
      ["CommunicationIdentityCreateRequest", "sdk-property-removed", "error"],
    ]);
    expect(report.sdk!.changes.filter((c) => !c.findings)).toEqual([]);
  });
});
