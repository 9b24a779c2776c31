/** Paging detection: `x-ms-pageable`, else a GET whose 200 body has an array `value` and a string `nextLink`. */
import { describe, expect, it } from "vitest";
import type { PagingIR } from "../../generator/ir/types.ts";
import { buildInline, documentWith, typeText } from "./helpers.ts";

const item = { $ref: "#/components/schemas/Item" };
const page = (properties: object) => ({ type: "object", properties });

function pagingOf(method: string, pageSchema: object, extension?: object, openapi = "3.0.3"): PagingIR | undefined {
  const op = {
    operationId: "probe",
    ...(extension ? { "x-ms-pageable": extension } : {}),
    responses: {
      "200": {
        description: "a page",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } },
      },
    },
  };
  const built = buildInline(
    documentWith({
      openapi,
      paths: { "/items": { [method]: op } },
      schemas: { Item: { type: "object" }, Page: pageSchema },
    }),
  );
  expect(built.diagnostics).toEqual([]);
  return built.ir?.operations[0]?.paging;
}

describe("paging detection", () => {
  it.each([
    [
      "GET value + nextLink",
      "get",
      page({ value: { type: "array", items: item }, nextLink: { type: "string" } }),
      undefined,
      "value nextLink Item",
    ],
    [
      "nextLink as a readOnly uri",
      "get",
      page({ value: { type: "array", items: item }, nextLink: { type: "string", format: "uri", readOnly: true } }),
      undefined,
      "value nextLink Item",
    ],
    [
      "POST is not paged by shape alone",
      "post",
      page({ value: { type: "array", items: item }, nextLink: { type: "string" } }),
      undefined,
      undefined,
    ],
    ["value not an array", "get", page({ value: item, nextLink: { type: "string" } }), undefined, undefined],
    ["no nextLink", "get", page({ value: { type: "array", items: item } }), undefined, undefined],
    [
      "nextLink not a string",
      "get",
      page({ value: { type: "array", items: item }, nextLink: { type: "integer" } }),
      undefined,
      undefined,
    ],
    [
      "x-ms-pageable names the properties",
      "post",
      page({ items: { type: "array", items: item }, next: { type: "string" } }),
      { itemName: "items", nextLinkName: "next" },
      "items next Item",
    ],
    [
      "x-ms-pageable default names",
      "get",
      page({ value: { type: "array", items: item }, nextLink: { type: "string" } }),
      { nextLinkName: "nextLink" },
      "value nextLink Item",
    ],
    [
      "x-ms-pageable nextLinkName null: one page only",
      "get",
      page({ value: { type: "array", items: item }, nextLink: { type: "string" } }),
      { nextLinkName: null },
      undefined,
    ],
  ] as const)("%s", (_what, method, pageSchema, extension, expected) => {
    const paging = pagingOf(method, pageSchema, extension);
    expect(
      paging &&
        `${paging.itemsProperty} ${paging.next.kind === "next-link" ? paging.next.property : paging.next.kind} ${typeText(paging.itemType)}`,
    ).toBe(expected);
  });

  // GAP (operations.ts pagingOf): a nullable next link (3.0 `nullable: true`, 3.1 `type: [string,
  // "null"]`: "null on the last page") is a union, not a string, so the list is not detected as paged.
  it.each([
    [
      "3.0 nullable nextLink",
      page({ value: { type: "array", items: item }, nextLink: { type: "string", nullable: true } }),
      "3.0.3",
    ],
    [
      "3.1 nextLink type [string, null]",
      page({ value: { type: "array", items: item }, nextLink: { type: ["string", "null"] } }),
      "3.1.0",
    ],
  ] as const)("%s is paged", (_what, pageSchema, openapi) => {
    expect(pagingOf("get", pageSchema, undefined, openapi)).toBeDefined();
  });
});
