/**
 * Paging conventions beyond Azure's `nextLink` (issue 11, item 9): which shapes are detected (only
 * when the operation has both the request parameter and the response field), and the
 * `x-pagination` hint, whose mistakes are an `invalid-pagination-hint` warning naming what is wrong.
 */
import { describe, expect, it } from "vitest";
import type { PagingIR } from "../../generator/ir/types.ts";
import { buildInline, documentWith } from "./helpers.ts";

const widget = { $ref: "#/components/schemas/Widget" };
const widgets = { type: "array", items: widget };
const query = (name: string, type: string) => ({ name, in: "query", schema: { type } });
const object = (properties: object) => ({ type: "object", properties });

interface Probe {
  readonly method?: string;
  readonly parameters?: object[];
  readonly body: object;
  readonly headers?: object;
  readonly hint?: unknown;
}

function build({ method = "get", parameters = [], body, headers, hint }: Probe) {
  const op = {
    operationId: "probe",
    parameters,
    ...(hint === undefined ? {} : { "x-pagination": hint }),
    responses: {
      "200": {
        description: "a page",
        ...(headers ? { headers } : {}),
        content: { "application/json": { schema: body } },
      },
    },
  };
  const schemas = { Widget: { type: "object", required: ["id"], properties: { id: { type: "string" } } } };
  return buildInline(documentWith({ paths: { "/widgets": { [method]: op } }, schemas }));
}

function pagingOf(probe: Probe): PagingIR | undefined {
  const built = build(probe);
  expect(built.diagnostics).toEqual([]);
  return built.ir?.operations[0]?.paging;
}

/** `items next pageSize` in one line, e.g. `data last-item(starting_after) limit`. */
function describePaging(paging: PagingIR | undefined): string | undefined {
  if (!paging) return undefined;
  const { next } = paging;
  const how =
    next.kind === "next-link"
      ? `next-link(${next.property})`
      : next.kind === "link-header"
        ? "link-header"
        : next.kind === "cursor"
          ? `cursor(${next.property.join(".")} -> ${next.parameter})`
          : next.kind === "last-item"
            ? `last-item(${next.idProperty} -> ${next.parameter} while ${next.hasMoreProperty})`
            : `offset(${next.parameter}${next.totalProperty ? ` until ${next.totalProperty}` : ""})`;
  return [paging.itemsProperty ?? "(body)", how, paging.pageSizeParameter ?? "-"].join(" ");
}

const link = { Link: { schema: { type: "string" } } };

describe("paging conventions: detection", () => {
  it.each<[string, Probe, string | undefined]>([
    [
      "Link header over an array body (GitHub)",
      { parameters: [query("per_page", "integer"), query("page", "integer")], body: widgets, headers: link },
      "(body) link-header per_page",
    ],
    [
      "Link header over an object with one array",
      { body: object({ total_count: { type: "integer" }, runs: widgets }), headers: link },
      "runs link-header -",
    ],
    [
      "no Link header declared: not paged by page numbers alone",
      { parameters: [query("per_page", "integer"), query("page", "integer")], body: widgets },
      undefined,
    ],
    [
      "Stripe: starting_after + has_more + data with ids",
      {
        parameters: [query("starting_after", "string"), query("limit", "integer")],
        body: object({ data: widgets, has_more: { type: "boolean" }, url: { type: "string" } }),
      },
      "data last-item(id -> starting_after while has_more) limit",
    ],
    [
      "Stripe shape without starting_after",
      { parameters: [query("limit", "integer")], body: object({ data: widgets, has_more: { type: "boolean" } }) },
      undefined,
    ],
    [
      "Slack: nested next_cursor",
      {
        parameters: [query("cursor", "string"), query("limit", "integer")],
        body: object({ members: widgets, response_metadata: object({ next_cursor: { type: "string" } }) }),
      },
      "members cursor(response_metadata.next_cursor -> cursor) limit",
    ],
    [
      "next_cursor",
      {
        parameters: [query("cursor", "string")],
        body: object({ items: widgets, next_cursor: { type: "string", nullable: true } }),
      },
      "items cursor(next_cursor -> cursor) -",
    ],
    [
      "Google: nextPageToken",
      {
        parameters: [query("pageToken", "string"), query("pageSize", "integer")],
        body: object({ widgets, nextPageToken: { type: "string" } }),
      },
      "widgets cursor(nextPageToken -> pageToken) pageSize",
    ],
    [
      "a cursor field without the parameter",
      { body: object({ items: widgets, next_cursor: { type: "string" } }) },
      undefined,
    ],
    [
      "a cursor parameter without the field",
      { parameters: [query("cursor", "string")], body: object({ items: widgets }) },
      undefined,
    ],
    [
      "offset + limit + total",
      {
        parameters: [query("offset", "integer"), query("limit", "integer")],
        body: object({ results: widgets, total: { type: "integer" } }),
      },
      "results offset(offset until total) limit",
    ],
    [
      "offset + limit without a total",
      { parameters: [query("offset", "integer"), query("limit", "integer")], body: object({ results: widgets }) },
      undefined,
    ],
    [
      "two arrays: which holds the items is unclear",
      {
        parameters: [query("cursor", "string")],
        body: object({ a: widgets, b: widgets, next_cursor: { type: "string" } }),
      },
      undefined,
    ],
    [
      "a POST is not paged by shape",
      {
        method: "post",
        parameters: [query("cursor", "string")],
        body: object({ items: widgets, next_cursor: { type: "string" } }),
      },
      undefined,
    ],
    [
      "Azure value + nextLink keeps its page size",
      {
        parameters: [query("maxpagesize", "integer"), query("$top", "integer")],
        body: object({ value: widgets, nextLink: { type: "string" } }),
      },
      "value next-link(nextLink) maxpagesize",
    ],
  ])("%s", (_what, probe, expected) => {
    expect(describePaging(pagingOf(probe))).toBe(expected);
  });
});

describe("paging conventions: the x-pagination hint", () => {
  const cursorPage = object({
    hits: widgets,
    cursor: { type: "string" },
    more: { type: "boolean" },
    count: { type: "integer" },
  });
  const parameters = [query("after", "string"), query("size", "integer"), query("from", "integer")];

  it.each<[string, Probe, string | undefined]>([
    [
      "cursor on a POST",
      {
        method: "post",
        parameters,
        body: cursorPage,
        hint: { style: "cursor", items: "hits", next: "cursor", parameter: "after", pageSize: "size" },
      },
      "hits cursor(cursor -> after) size",
    ],
    [
      "offset with a total",
      { parameters, body: cursorPage, hint: { style: "offset", parameter: "from", total: "count" } },
      "hits offset(from until count) -",
    ],
    [
      "last item with named properties",
      { parameters, body: cursorPage, hint: { style: "last-item", parameter: "after", hasMore: "more" } },
      "hits last-item(id -> after while more) -",
    ],
    ["next link", { body: cursorPage, hint: { style: "next-link", next: "cursor" } }, "hits next-link(cursor) -"],
    ["link header", { body: widgets, hint: { style: "link-header" } }, "(body) link-header -"],
    [
      "false turns detection off",
      {
        parameters: [query("cursor", "string")],
        body: object({ items: widgets, next_cursor: { type: "string" } }),
        hint: false,
      },
      undefined,
    ],
  ])("%s", (_what, probe, expected) => {
    expect(describePaging(pagingOf(probe))).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ["not an object", "cursor", "must be an object or false"],
    [
      "an unknown style",
      { style: "pages" },
      "needs a `style`: one of next-link, link-header, cursor, last-item, offset",
    ],
    [
      "a missing parameter",
      { style: "cursor", next: "cursor", parameter: "before" },
      '`parameter`: the operation has no string query parameter "before"',
    ],
    [
      "a parameter of the wrong type",
      { style: "offset", parameter: "after" },
      '`parameter`: the operation has no integer query parameter "after"',
    ],
    [
      "a missing property",
      { style: "cursor", next: "next_cursor", parameter: "after" },
      "`next`: the page has no such string property",
    ],
    [
      "a missing items array",
      { style: "link-header", items: "data" },
      '`items`: the 200 body has no array property "data"',
    ],
    [
      "a missing page size",
      { style: "link-header", pageSize: "per_page" },
      '`pageSize`: the operation has no integer query parameter "per_page"',
    ],
    [
      "items without the id",
      { style: "last-item", parameter: "after", hasMore: "more", id: "key" },
      '`id`: the items have no string property "key"',
    ],
  ])("%s: a warning naming it, and no paging", (_what, hint, message) => {
    const built = build({ parameters, body: cursorPage, hint });
    expect(built.ir?.operations[0]?.paging).toBeUndefined();
    expect(built.diagnostics.map((d) => [d.code, d.severity, d.message, d.location?.pointer])).toEqual([
      [
        "invalid-pagination-hint",
        "warning",
        `\`x-pagination\` ${message}; the operation is not paged`,
        "/paths/~1widgets/get/x-pagination",
      ],
    ]);
  });
});
