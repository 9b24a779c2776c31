/**
 * Which operations page, and how (`PagingIR`). Declared: Azure's `x-ms-pageable`, or the
 * `x-pagination` hint (README, "Paging"). Otherwise only a GET is detected, and only when its 200
 * body and its query parameters both have what a convention needs (conservative: a list that merely
 * looks paged stays a plain call). The first that fits, in this order:
 * - next link: an array `value` and a string `nextLink` (Azure's shape);
 * - `Link` header: the 200 response declares `Link`, and the body is an array or has one array property;
 * - last item: a `starting_after` parameter, a boolean `has_more`, one array of items with a string `id` (Stripe);
 * - cursor: a parameter and a string property of a known pair (`cursor`/`next_cursor`, `pageToken`/`nextPageToken`, ...);
 * - offset: integer `offset` and page-size parameters, and an integer total (`total`, `total_count`, ...).
 */
import { appendPointer, isObject, type JsonObject } from "../openapi/load-openapi.ts";
import type { IrContext, Place } from "./ir-context.ts";
import type { HttpMethod, ObjectTypeIR, PagingIR, PagingNextIR, ParameterIR, ResponseIR, TypeIR } from "./types.ts";

/** Query parameters that set the page size, in order of preference (not OData's `$top`: it caps the whole list). */
const PAGE_SIZE_PARAMETERS = [
  "per_page",
  "limit",
  "page_size",
  "pageSize",
  "maxpagesize",
  "maxPageSize",
  "max_results",
  "maxResults",
];
/** Cursor conventions: the query parameter and the page property (a path) that feeds it. */
const CURSOR_PAIRS: readonly (readonly [string, readonly string[]])[] = [
  ["cursor", ["next_cursor"]],
  ["cursor", ["response_metadata", "next_cursor"]],
  ["cursor", ["nextCursor"]],
  ["pageToken", ["nextPageToken"]],
  ["page_token", ["next_page_token"]],
  ["page", ["next_page"]],
];
const TOTAL_PROPERTIES = ["total", "total_count", "totalCount", "total_results", "totalResults"];
const STYLES = ["next-link", "link-header", "cursor", "last-item", "offset"] as const;

/** The 200 body as paging sees it, and the operation's query parameters by wire name. */
interface Page {
  readonly object: ObjectTypeIR | undefined;
  /** The item type when the body itself is an array. */
  readonly arrayItems: TypeIR | undefined;
  readonly linkHeader: boolean;
  readonly query: ReadonlyMap<string, ParameterIR>;
}

export function pagingOf(
  ctx: IrContext,
  method: HttpMethod,
  op: JsonObject,
  responses: readonly ResponseIR[],
  parameters: readonly ParameterIR[],
  at: Place,
): PagingIR | undefined {
  const ok = responses.find((r) => r.status === "200");
  const body = ok?.type && resolve(ctx, ok.type);
  const page: Page = {
    object: body?.kind === "object" ? body : undefined,
    arrayItems: body?.kind === "array" ? body.items : undefined,
    linkHeader: ok?.headers.some((h) => h.name === "link") ?? false,
    query: new Map(parameters.filter((p) => p.in === "query").map((p) => [p.name, p])),
  };
  if (op["x-pagination"] !== undefined)
    return hinted(ctx, op["x-pagination"], page, { ...at, pointer: appendPointer(at.pointer, "x-pagination") });
  const azure = op["x-ms-pageable"];
  if (isObject(azure)) return azurePageable(ctx, azure, page);
  return method === "GET" ? detected(ctx, page) : undefined;
}

/** `x-ms-pageable`: `itemName` (default `value`) and `nextLinkName` (default `nextLink`; null: one page). */
function azurePageable(ctx: IrContext, ext: JsonObject, page: Page): PagingIR | undefined {
  if (ext["nextLinkName"] === null) return undefined;
  const items = itemsOf(ctx, page, typeof ext["itemName"] === "string" ? ext["itemName"] : "value");
  const property = typeof ext["nextLinkName"] === "string" ? ext["nextLinkName"] : "nextLink";
  if (!items || !page.object?.properties.some((p) => p.name === property)) return undefined;
  return { ...items, next: { kind: "next-link", property }, ...pageSizeOf(ctx, page) };
}

function detected(ctx: IrContext, page: Page): PagingIR | undefined {
  const pageSize = pageSizeOf(ctx, page);
  const azure = itemsOf(ctx, page, "value");
  if (azure && has(ctx, page.object, ["nextLink"], isString))
    return { ...azure, next: { kind: "next-link", property: "nextLink" }, ...pageSize };
  const items = itemsOf(ctx, page, undefined);
  if (!items) return undefined;
  const paged = (next: PagingNextIR): PagingIR => ({ ...items, next, ...pageSize });
  if (page.linkHeader) return paged({ kind: "link-header" });
  const stringParameter = (name: string) => queryParameter(ctx, page, name, isString);
  if (
    stringParameter("starting_after") &&
    has(ctx, page.object, ["has_more"], isBoolean) &&
    has(ctx, resolveObject(ctx, items.itemType), ["id"], isString)
  ) {
    return paged({ kind: "last-item", parameter: "starting_after", hasMoreProperty: "has_more", idProperty: "id" });
  }
  const cursor = CURSOR_PAIRS.find(
    ([parameter, property]) => stringParameter(parameter) && has(ctx, page.object, property, isString),
  );
  if (cursor) return paged({ kind: "cursor", parameter: cursor[0], property: cursor[1] });
  const total = TOTAL_PROPERTIES.find((name) => has(ctx, page.object, [name], isInteger));
  if (pageSize && total && queryParameter(ctx, page, "offset", isInteger))
    return paged({ kind: "offset", parameter: "offset", totalProperty: total });
  return undefined;
}

/**
 * `x-pagination: { style, items, next, parameter, hasMore, id, total, pageSize }` (`false`: not
 * paged). Anything it names must exist with the right type, else a warning and no paging.
 */
function hinted(ctx: IrContext, hint: unknown, page: Page, at: Place): PagingIR | undefined {
  if (hint === false) return undefined;
  const fail = (what: string): undefined => {
    ctx.report("invalid-pagination-hint", { problem: what }, at);
    return undefined;
  };
  if (!isObject(hint)) return fail("must be an object or false");
  const text = (key: string): string | undefined => (typeof hint[key] === "string" ? hint[key] : undefined);
  const style = STYLES.find((s) => s === hint["style"]);
  if (!style) return fail(`needs a \`style\`: one of ${STYLES.join(", ")}`);
  const items = itemsOf(ctx, page, text("items"));
  if (!items)
    return fail(
      text("items")
        ? `\`items\`: the 200 body has no array property "${text("items")}"`
        : "needs `items`: the 200 body is not an array and has no single array property",
    );
  const sizeName = text("pageSize");
  if (sizeName !== undefined && !queryParameter(ctx, page, sizeName, isInteger))
    return fail(`\`pageSize\`: the operation has no integer query parameter "${sizeName}"`);
  const paged = (next: PagingNextIR): PagingIR => ({
    ...items,
    next,
    ...(sizeName ? { pageSizeParameter: sizeName } : {}),
  });
  if (style === "link-header") return paged({ kind: "link-header" });
  const parameter = text("parameter") ?? "";
  const property = (text("next") ?? "").split(".");
  if (style === "next-link") {
    return property.length === 1 && has(ctx, page.object, property, isString)
      ? paged({ kind: "next-link", property: property[0] ?? "" })
      : fail("`next`: the page has no such string property");
  }
  const check = style === "offset" ? isInteger : isString;
  if (!queryParameter(ctx, page, parameter, check))
    return fail(
      `\`parameter\`: the operation has no ${style === "offset" ? "integer" : "string"} query parameter "${parameter}"`,
    );
  if (style === "cursor")
    return has(ctx, page.object, property, isString)
      ? paged({ kind: "cursor", parameter, property })
      : fail("`next`: the page has no such string property");
  if (style === "offset") {
    const totalProperty = text("total");
    if (totalProperty !== undefined && !has(ctx, page.object, [totalProperty], isInteger))
      return fail(`\`total\`: the page has no integer property "${totalProperty}"`);
    return paged({ kind: "offset", parameter, ...(totalProperty ? { totalProperty } : {}) });
  }
  const hasMoreProperty = text("hasMore") ?? "has_more";
  const idProperty = text("id") ?? "id";
  if (!has(ctx, page.object, [hasMoreProperty], isBoolean))
    return fail(`\`hasMore\`: the page has no boolean property "${hasMoreProperty}"`);
  if (!has(ctx, resolveObject(ctx, items.itemType), [idProperty], isString))
    return fail(`\`id\`: the items have no string property "${idProperty}"`);
  return paged({ kind: "last-item", parameter, hasMoreProperty, idProperty });
}

/** The items: the array property `name`, else the body when it is an array, else the page's only array property. */
function itemsOf(
  ctx: IrContext,
  page: Page,
  name: string | undefined,
): { itemsProperty?: string; itemType: TypeIR } | undefined {
  const arrays = (page.object?.properties ?? []).flatMap((p) => {
    const type = resolve(ctx, p.type);
    return type?.kind === "array" && (name === undefined || p.name === name)
      ? [{ itemsProperty: p.name, itemType: type.items }]
      : [];
  });
  if (name === undefined && page.arrayItems) return { itemType: page.arrayItems };
  return arrays.length === 1 ? arrays[0] : undefined;
}

function pageSizeOf(ctx: IrContext, page: Page): { pageSizeParameter: string } | undefined {
  const name = PAGE_SIZE_PARAMETERS.find((n) => queryParameter(ctx, page, n, isInteger));
  return name === undefined ? undefined : { pageSizeParameter: name };
}

function queryParameter(ctx: IrContext, page: Page, name: string, check: (type: TypeIR) => boolean): boolean {
  const param = page.query.get(name);
  const type = param && resolve(ctx, param.type);
  return type !== undefined && check(type);
}

/** Whether the object has the property at `path` (nested objects followed), of a type `check` accepts (or null). */
function has(
  ctx: IrContext,
  object: ObjectTypeIR | undefined,
  path: readonly string[],
  check: (type: TypeIR) => boolean,
): boolean {
  const [name, ...rest] = path;
  const found = object?.properties.find((p) => p.name === name);
  const type = found && resolve(ctx, found.type);
  if (!type) return false;
  return rest.length === 0 ? check(type) : has(ctx, type.kind === "object" ? type : undefined, rest, check);
}

const isString = (type: TypeIR): boolean => type.kind === "string";
const isBoolean = (type: TypeIR): boolean => type.kind === "boolean";
const isInteger = (type: TypeIR): boolean => type.kind === "number" && type.integer;

/** `type` with named types followed and a `null` variant dropped (`nullable` cursors end with null). */
function resolve(ctx: IrContext, type: TypeIR): TypeIR | undefined {
  let current: TypeIR | undefined = type;
  for (let depth = 0; depth < 8; depth++) {
    if (current?.kind === "union") {
      const others: TypeIR[] = current.variants.filter((v) => v.kind !== "null");
      current = others.length === 1 ? others[0] : current;
      if (others.length !== 1) return current;
    } else if (current?.kind === "ref") {
      const name: string = current.name;
      current = [...ctx.namedTypes.values()].find((t) => t.name === name)?.type;
    } else return current;
  }
  return current;
}

function resolveObject(ctx: IrContext, type: TypeIR): ObjectTypeIR | undefined {
  const resolved = resolve(ctx, type);
  return resolved?.kind === "object" ? resolved : undefined;
}
