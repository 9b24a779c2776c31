/**
 * Lazy iteration over paged list operations, whatever the service's convention: a next link in the
 * page (`nextLink`) or in the `Link` header, a cursor or page token, the last item's id
 * (`starting_after` + `has_more`), or an offset. Each is a continuation token to the pager.
 */
import type { QueryParams } from "./request-url.ts";
import type { RawResponse, RequestSpec } from "./send-request.ts";

/** Where `byPage()` starts and how many items each page asks for. */
export interface PageSettings {
  /** Resume after a page: the value {@link continuationTokenOf} gave for it. */
  continuationToken?: string;
  /** Items per page to ask the service for; ignored by operations without a page-size parameter. */
  maxPageSize?: number;
}

/** Iterates items across pages; `byPage()` iterates the pages themselves. */
export interface PagedAsyncIterableIterator<TItem, TPage> extends AsyncIterableIterator<TItem> {
  /** Iterates whole pages instead of items; each call starts again (from the first page, or the token's). */
  byPage(settings?: PageSettings): AsyncIterableIterator<TPage>;
}

/** A fetched page: its body, and the response (whose `Link` header may name the next page). */
export interface FetchedPage<TPage> {
  page: TPage;
  response: RawResponse;
}

/** The page to fetch: the first (no token) or the one a continuation token names, and its size. */
export interface PageRequest {
  token: string | undefined;
  pageSize: number | undefined;
}

/** The continuation token of the page after a fetched one; undefined (or "") on the last page. */
export type NextToken<TItem, TPage> = (
  fetched: FetchedPage<TPage>,
  items: readonly TItem[],
  request: PageRequest,
) => string | undefined;

/** Pages one iteration fetches at most (a million items at 100 per page). */
export const maxPages = 10_000;

// Tokens are kept beside the pages, not in them: a page is the service's own model.
const tokens = new WeakMap<object, string>();

/** The token that resumes iteration after `page` (`byPage({ continuationToken })`); undefined after the last page. */
export function continuationTokenOf(page: unknown): string | undefined {
  return typeof page === "object" && page !== null ? tokens.get(page) : undefined;
}

/**
 * Creates a pager. No request is made until iteration starts; each page is fetched only when needed.
 * Iteration stops at a page without a continuation token. A token seen before means the service is
 * looping, and more than {@link maxPages} pages that it never ends: both throw instead of iterating
 * forever.
 * @param fetchPage fetches the first page, or the page a continuation token names.
 * @param itemsOf the items of a page.
 * @param nextToken the continuation token of the page after a fetched one (the paging convention).
 */
export function createPager<TItem, TPage>(
  fetchPage: (request: PageRequest) => Promise<FetchedPage<TPage>>,
  itemsOf: (page: TPage) => readonly TItem[],
  nextToken: NextToken<TItem, TPage>,
): PagedAsyncIterableIterator<TItem, TPage> {
  async function* pages(settings: PageSettings = {}): AsyncGenerator<TPage, void, undefined> {
    const pageSize = settings.maxPageSize;
    if (pageSize !== undefined && !(Number.isSafeInteger(pageSize) && pageSize > 0)) {
      throw new RangeError(`maxPageSize must be a positive integer, not ${String(pageSize)}`);
    }
    let token = settings.continuationToken || undefined;
    const seen = new Set(token === undefined ? [] : [token]);
    for (let count = 1; ; count++) {
      const fetched = await fetchPage({ token, pageSize });
      const next = nextToken(fetched, itemsOf(fetched.page), { token, pageSize }) || undefined;
      if (next !== undefined && typeof fetched.page === "object" && fetched.page !== null)
        tokens.set(fetched.page, next);
      yield fetched.page;
      if (next === undefined) return;
      // The token itself is not included: it may be a secret-bearing link.
      if (seen.has(next))
        throw new Error("Paging stopped: the service returned the same continuation (next link or cursor) twice");
      if (count >= maxPages)
        throw new Error(`Paging stopped after ${maxPages} pages: the service keeps returning continuations`);
      seen.add(next);
      token = next;
    }
  }
  async function* items(): AsyncGenerator<TItem, void, undefined> {
    for await (const page of pages()) yield* itemsOf(page);
  }
  return Object.assign(items(), { byPage: (settings?: PageSettings): AsyncIterableIterator<TPage> => pages(settings) });
}

/** `request` with the given query parameters set (the continuation token, the page size); undefined ones keep the request's. */
export function withPageQuery(
  request: RequestSpec,
  values: Readonly<Record<string, string | number | undefined>>,
): RequestSpec {
  const query: Record<string, QueryParams[string]> = { ...request.query };
  for (const [name, value] of Object.entries(values)) if (value !== undefined) query[name] = String(value);
  return { ...request, query };
}

/** A next link or cursor the page holds (`nextLink`, `next_cursor`, `nextPageToken`). */
export function tokenIn<TItem, TPage>(read: (page: TPage) => string | null | undefined): NextToken<TItem, TPage> {
  return ({ page }) => read(page) ?? undefined;
}

/** RFC 8288: the target of the `Link` header's link whose `rel` includes `next`, resolved against the request URL. */
export function linkHeaderNext({ response }: FetchedPage<unknown>): string | undefined {
  const header = response.headers.get("link") ?? "";
  for (const [, target = "", params = ""] of header.matchAll(
    /<([^>]*)>((?:\s*;\s*[^;,=\s]+\s*(?:=\s*(?:"[^"]*"|[^;,]*))?)*)/g,
  )) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/);
    if (!relations.includes("next")) continue;
    try {
      return new URL(target, response.request.url).href;
    } catch {
      // The target is not shown: it may carry a token.
      throw new Error("Paging stopped: the `Link` header's next link is not a URL");
    }
  }
  return undefined;
}

/** Stripe style: while the page says there is more (`has_more`), the next page starts after its last item's id. */
export function afterLastItem<TItem, TPage>(
  hasMore: (page: TPage) => boolean | null | undefined,
  idOf: (item: TItem) => string | null | undefined,
): NextToken<TItem, TPage> {
  return ({ page }, items) => {
    const last = items[items.length - 1];
    return hasMore(page) === true && last !== undefined ? (idOf(last) ?? undefined) : undefined;
  };
}

/** Offset/limit: the next page starts after this one's items, until a page is empty or the total is reached. */
export function offsetAfter<TItem, TPage>(
  start: number | null | undefined,
  totalOf: (page: TPage) => number | null | undefined,
): NextToken<TItem, TPage> {
  return ({ page }, items, { token }) => {
    const offset = token === undefined ? (start ?? 0) : Number(token);
    if (!Number.isSafeInteger(offset) || offset < 0)
      throw new RangeError("The continuation token is not an offset this operation gave");
    const next = offset + items.length;
    const total = totalOf(page);
    return items.length === 0 || (typeof total === "number" && next >= total) ? undefined : String(next);
  };
}
