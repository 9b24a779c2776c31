/** large.json: hundreds of operations build quickly and keep every invariant at scale. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFile, FIXTURES_DIR, fixtureIr, typeText } from "./helpers.ts";

describe("large.json", () => {
  const ir = fixtureIr("large.json");

  it("has hundreds of operations and about a hundred types", () => {
    expect(ir.operations.length).toBeGreaterThanOrEqual(300);
    expect(ir.types.length).toBeGreaterThanOrEqual(100);
    expect(new Set(ir.operations.map((o) => o.group)).size).toBe(31);
  });

  it("builds in well under a second", () => {
    const started = performance.now();
    buildFile(join(FIXTURES_DIR, "large.json"));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("detects paging on every list operation and no other", () => {
    const lists = ir.operations.filter((o) => o.operationId?.endsWith("_List"));
    expect(lists.length).toBe(58);
    for (const op of lists) {
      expect(op.paging, op.name).toMatchObject({
        itemsProperty: "value",
        next: { kind: "next-link", property: "nextLink" },
      });
      const page = op.responses[0]?.type;
      expect(page?.kind === "ref" && `${typeText(op.paging!.itemType)}List`).toBe(
        page?.kind === "ref" ? page.name : "",
      );
    }
    expect(ir.operations.filter((o) => o.paging).length).toBe(lists.length);
  });

  it("lets the client fill in api-version everywhere", () => {
    for (const op of ir.operations) {
      const version = op.parameters.filter((p) => p.name === "api-version");
      expect(version, op.name).toMatchObject([{ clientValue: "api-version", required: true, tsName: "apiVersion" }]);
    }
  });

  it("names Group_Verb operations as verb + group, and keeps nested path parameters in order", () => {
    const names = new Set(ir.operations.map((o) => o.name));
    for (const name of [
      "listAccounts",
      "createAccounts",
      "getAccounts",
      "updateAccounts",
      "deleteAccounts",
      "archiveAccounts",
      "accountsCreateOrReplace",
    ]) {
      expect(names).toContain(name);
    }
    const versions = ir.operations.find((o) => o.path === "/accounts/{accountId}/notes/{noteId}/versions/{versionId}");
    expect(versions?.parameters.slice(0, 3).map((p) => p.name)).toEqual(["accountId", "noteId", "versionId"]);
  });

  it("reads shared enums, dates and merge-patch bodies", () => {
    const kinds = Object.fromEntries(
      ["LifecycleState", "RunState", "PublishState", "Severity"].map((n) => [
        n,
        typeText(ir.types.find((t) => t.name === n)!.type),
      ]),
    );
    expect(kinds).toEqual({
      LifecycleState: 'enum<"active" | "inactive" | "deleted">',
      RunState: 'open enum<"pending" | "running" | "succeeded" | "failed" | "canceled">',
      PublishState: 'open enum<"draft" | "published" | "retired">',
      Severity: "enum<0 | 1 | 2 | 3>",
    });
    expect(typeText(ir.types.find((t) => t.name === "ResourceBase")!.type)).toContain(
      'readonly "createdAt"?: date-time',
    );
    expect(
      ir.operations
        .filter((o) => o.method === "PATCH")
        .every((o) => o.body?.mediaType === "application/merge-patch+json"),
    ).toBe(true);
  });
});
