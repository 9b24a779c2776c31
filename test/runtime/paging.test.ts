import { describe, expect, it } from "vitest";
import { createPager, tokenIn } from "../../generator/runtime/paging.ts";

interface Page {
  value: number[];
  nextLink?: string;
}

function pagerOver(pages: Record<string, Page>, first: Page) {
  const fetched: string[] = [];
  const pager = createPager<number, Page>(
    async ({ token }) => {
      fetched.push(token ?? "first");
      const page = token === undefined ? first : pages[token];
      if (!page) throw new Error(`no page ${token}`);
      return {
        page,
        response: {
          status: 200,
          statusText: "",
          headers: new Headers(),
          bodyText: "",
          bodyBytes: new Uint8Array(0),
          request: { method: "GET", url: "https://x.example/items" },
        },
      };
    },
    (page) => page.value,
    tokenIn((page) => page.nextLink),
  );
  return { pager, fetched };
}

const pages: Record<string, Page> = {
  "/items?page=2": { value: [3, 4], nextLink: "https://x.example/items?page=3" },
  "https://x.example/items?page=3": { value: [], nextLink: "/items?page=4" },
  "/items?page=4": { value: [5], nextLink: "" },
};
const first: Page = { value: [1, 2], nextLink: "/items?page=2" };

describe("createPager", () => {
  it("iterates items across pages, including empty pages", async () => {
    const { pager } = pagerOver(pages, first);
    const items: number[] = [];
    for await (const item of pager) items.push(item);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });

  it("is lazy: nothing is fetched before iteration, pages only when needed", async () => {
    const { pager, fetched } = pagerOver(pages, first);
    expect(fetched).toEqual([]);
    expect(await pager.next()).toEqual({ value: 1, done: false });
    expect(fetched).toEqual(["first"]);
    await pager.next();
    expect(fetched).toEqual(["first"]);
    expect(await pager.next()).toEqual({ value: 3, done: false });
    expect(fetched).toEqual(["first", "/items?page=2"]);
  });

  it("byPage yields whole pages and stops at a missing or empty next link", async () => {
    const { pager, fetched } = pagerOver(pages, first);
    const seen: Page[] = [];
    for await (const page of pager.byPage()) seen.push(page);
    expect(seen.map((p) => p.value)).toEqual([[1, 2], [3, 4], [], [5]]);
    expect(fetched).toEqual(["first", "/items?page=2", "https://x.example/items?page=3", "/items?page=4"]);

    const single = pagerOver({}, { value: [9] });
    const onlyPages: Page[] = [];
    for await (const page of single.pager.byPage()) onlyPages.push(page);
    expect(onlyPages).toEqual([{ value: [9] }]);
  });

  it("throws on a next-link loop instead of iterating forever", async () => {
    const loop: Record<string, Page> = {
      a: { value: [2], nextLink: "b" },
      b: { value: [3], nextLink: "a" },
    };
    const { pager } = pagerOver(loop, { value: [1], nextLink: "a" });
    const items: number[] = [];
    await expect(
      (async () => {
        for await (const item of pager) items.push(item);
      })(),
    ).rejects.toThrow(/same continuation \(next link or cursor\) twice/);
    expect(items).toEqual([1, 2, 3]);
  });

  it("propagates page errors", async () => {
    const { pager } = pagerOver({}, { value: [1], nextLink: "missing" });
    await expect(pager.next()).resolves.toEqual({ value: 1, done: false });
    await expect(pager.next()).rejects.toThrow("no page missing");
  });

  it("stops fetching when the consumer breaks early", async () => {
    const { pager, fetched } = pagerOver(pages, first);
    for await (const item of pager) if (item === 2) break;
    expect(fetched).toEqual(["first"]);
  });
});
