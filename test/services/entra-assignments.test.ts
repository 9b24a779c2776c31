import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { caller, json, v, PREVIEW, type CallOptions, type ErrorBody } from "./signed-fetch.ts";

interface Assignment {
  objectId: string;
  tenantId: string;
  principalType: string;
  clientIds: string[];
}
interface Page {
  value: Assignment[];
  nextLink?: string;
}

const COLLECTION = "/access/entra/assignments";
const MERGE_PATCH = "application/merge-patch+json";

describe("Entra ID assignments (2025-03-02-preview)", () => {
  let service: IdentityService;
  let raw: ReturnType<typeof caller>;
  const call = (method: string, path: string, options: CallOptions = {}) => raw(method, v(path, PREVIEW), options);
  const patch = (body: unknown, options: CallOptions = {}) =>
    call("PATCH", COLLECTION, { json: body, contentType: MERGE_PATCH, ...options });
  const expectError = async (response: Response, status: number, code: string, target?: string) => {
    expect(response.status).toBe(status);
    const body = await json<ErrorBody>(response);
    expect(body.error.code).toBe(code);
    if (target !== undefined) expect(body.error.target).toBe(target);
  };
  /** Follows nextLink (absolute URLs, signed like any request) and returns every page. */
  const allPages = async (): Promise<Page[]> => {
    const pages: Page[] = [];
    let response = await call("GET", COLLECTION);
    for (;;) {
      expect(response.status).toBe(200);
      const page = await json<Page>(response);
      pages.push(page);
      if (!page.nextLink) return pages;
      const next = new URL(page.nextLink);
      expect(next.origin).toBe(service.url);
      response = await raw("GET", next.pathname + next.search);
    }
  };

  beforeAll(async () => {
    service = await startIdentityService();
    raw = caller(service.url, service.accessKey);
  });
  beforeEach(async () => {
    service.state.pageSize = 2;
    const existing = Object.fromEntries(service.state.entraAssignments().map((a) => [a.objectId, null]));
    expect((await patch(existing, { headers: { prefer: "return=minimal" } })).status).toBe(204);
  });
  afterAll(() => service.close());

  const seed = (count: number) =>
    patch(
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `oid-${i}`,
          { tenantId: "t", principalType: "user", clientIds: [`c${i}`] },
        ]),
      ),
    );

  it("upsert answers 201 then 200; get and delete; 404 once gone", async () => {
    const at = `${COLLECTION}/user-1`;
    const created = await call("PUT", at, { json: { tenantId: "t1", principalType: "user", clientIds: ["a"] } });
    expect(created.status).toBe(201);
    expect(await json(created)).toEqual({
      objectId: "user-1",
      tenantId: "t1",
      principalType: "user",
      clientIds: ["a"],
    });
    const replaced = await call("PUT", at, { json: { tenantId: "t1", principalType: "group", clientIds: [] } });
    expect(replaced.status).toBe(200);
    expect(await json(await call("GET", at))).toEqual({
      objectId: "user-1",
      tenantId: "t1",
      principalType: "group",
      clientIds: [],
    });
    expect((await call("DELETE", at)).status).toBe(204);
    await expectError(await call("GET", at), 404, "AssignmentNotFound");
    await expectError(await call("DELETE", at), 404, "AssignmentNotFound");
  });

  it("upsert validates the body, naming the field", async () => {
    const at = `${COLLECTION}/user-2`;
    await expectError(
      await call("PUT", at, { json: { principalType: "user", clientIds: [] } }),
      400,
      "ValidationError",
      "tenantId",
    );
    await expectError(
      await call("PUT", at, { json: { tenantId: "t", clientIds: [] } }),
      400,
      "ValidationError",
      "principalType",
    );
    await expectError(
      await call("PUT", at, { json: { tenantId: "t", principalType: "user" } }),
      400,
      "ValidationError",
      "clientIds",
    );
    await expectError(await call("PUT", at), 400, "ValidationError", "body");
    expect(
      (await call("PUT", at, { json: { tenantId: "t", principalType: "servicePrincipal", clientIds: ["x"] } })).status,
    ).toBe(201);
  });

  it("lists 7 assignments over 4 pages of 2 through absolute nextLinks", async () => {
    expect((await seed(7)).status).toBe(200);
    const pages = await allPages();
    expect(pages.map((p) => p.value.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flatMap((p) => p.value.map((a) => a.objectId))).toEqual([
      "oid-0",
      "oid-1",
      "oid-2",
      "oid-3",
      "oid-4",
      "oid-5",
      "oid-6",
    ]);
    const link = new URL(pages[0]?.nextLink ?? "");
    expect(link.searchParams.get("api-version")).toBe(PREVIEW);
    expect(link.searchParams.get("continuationToken")).not.toMatch(/oid-/);
    service.state.pageSize = 3;
    expect((await allPages()).map((p) => p.value.length)).toEqual([3, 3, 1]);
  });

  it("paging stays consistent when the list changes between pages, and rejects forged tokens", async () => {
    await seed(7);
    const first = await json<Page>(await call("GET", COLLECTION));
    await call("DELETE", `${COLLECTION}/oid-2`);
    const next = new URL(first.nextLink ?? "");
    const second = await json<Page>(await raw("GET", next.pathname + next.search));
    expect(second.value.map((a) => a.objectId)).toEqual(["oid-3", "oid-4"]);
    const forged = `${COLLECTION}?continuationToken=${Buffer.from('{"after":"oid-0"}').toString("base64url")}.AAAA`;
    await expectError(await call("GET", forged), 400, "InvalidContinuationToken", "continuationToken");
  });

  it("bulk update is JSON merge patch: null removes, objects merge or create", async () => {
    await seed(3);
    const response = await patch({
      "oid-0": null,
      "oid-1": { clientIds: ["new-client"] },
      "oid-9": { tenantId: "t9", principalType: "group", clientIds: ["c9"] },
      "never-existed": null,
    });
    expect(response.status).toBe(200);
    const page = await json<Page>(response);
    expect(page.value).toEqual([
      { objectId: "oid-1", tenantId: "t", principalType: "user", clientIds: ["new-client"] },
      { objectId: "oid-2", tenantId: "t", principalType: "user", clientIds: ["c2"] },
    ]);
    expect(page.nextLink).toContain("continuationToken=");
    expect(service.state.entraAssignments().map((a) => a.objectId)).toEqual(["oid-1", "oid-2", "oid-9"]);
  });

  it("bulk update is atomic and validated, merge-patch media type only", async () => {
    await seed(2);
    await expectError(
      await patch({ "oid-0": null, "brand-new": { principalType: "user", clientIds: [] } }),
      400,
      "ValidationError",
      "brand-new.tenantId",
    );
    await expectError(await patch({ "oid-1": { tenantId: null } }), 400, "ValidationError", "oid-1.tenantId");
    await expectError(await patch({ "oid-1": "nope" }), 400, "ValidationError", "oid-1");
    expect(service.state.entraAssignments().map((a) => a.objectId)).toEqual(["oid-0", "oid-1"]);
    await expectError(await call("PATCH", COLLECTION, { json: { "oid-0": null } }), 415, "UnsupportedMediaType");
    await expectError(await patch(undefined, { body: "[]" }), 400, "InvalidRequestBody");
    expect((await patch({ "oid-0": null }, { contentType: `${MERGE_PATCH}; charset=utf-8` })).status).toBe(200);
    expect((await patch({ "oid-1": null }, { headers: { prefer: "return=minimal" } })).status).toBe(204);
    expect(service.state.entraAssignments()).toEqual([]);
  });
});
