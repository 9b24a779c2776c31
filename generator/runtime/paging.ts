/**
 * Lazy iteration over paged list operations (`value` + `nextLink` style).
 */

/** Iterates items across pages; `byPage()` iterates the pages themselves. */
export interface PagedAsyncIterableIterator<TItem, TPage> extends AsyncIterableIterator<TItem> {
  /** Iterates whole pages instead of items; each call starts again from the first page. */
  byPage(): AsyncIterableIterator<TPage>;
}

/** Pages one iteration fetches at most (a million items at 100 per page). */
export const maxPages = 10_000;

/**
 * Creates a pager. No request is made until iteration starts; each page is fetched only when needed.
 * Iteration stops when a page has no (or an empty) next link. A next link seen before means the
 * service is looping, and more than {@link maxPages} pages that it never ends (a fresh link every
 * time): both throw instead of iterating forever.
 * @param firstPage fetches the first page.
 * @param nextPage fetches the page at a next link (absolute, or relative to the endpoint).
 * @param itemsOf the items of a page.
 * @param nextLinkOf the next link of a page, if any.
 */
export function createPager<TItem, TPage>(
  firstPage: () => Promise<TPage>,
  nextPage: (nextLink: string) => Promise<TPage>,
  itemsOf: (page: TPage) => TItem[],
  nextLinkOf: (page: TPage) => string | undefined,
): PagedAsyncIterableIterator<TItem, TPage> {
  async function* pages(): AsyncGenerator<TPage, void, undefined> {
    const seen = new Set<string>();
    let page = await firstPage();
    for (let count = 1; ; count++) {
      yield page;
      const link = nextLinkOf(page);
      if (link === undefined || link === "") return;
      if (seen.has(link)) {
        // The link itself is not included: it may carry continuation tokens.
        throw new Error("Paging stopped: the service returned the same next link twice");
      }
      if (count >= maxPages) throw new Error(`Paging stopped after ${maxPages} pages: the service keeps returning next links`);
      seen.add(link);
      page = await nextPage(link);
    }
  }
  async function* items(): AsyncGenerator<TItem, void, undefined> {
    for await (const page of pages()) yield* itemsOf(page);
  }
  return Object.assign(items(), { byPage: (): AsyncIterableIterator<TPage> => pages() });
}
