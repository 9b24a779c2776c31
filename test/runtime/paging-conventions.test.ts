/** The runtime's readers of continuation tokens, one per paging convention, and `withPageQuery`. */
import { describe, expect, it } from "vitest";
import {
  afterLastItem,
  linkHeaderNext,
  offsetAfter,
  withPageQuery,
  type FetchedPage,
} from "../../generator/runtime/paging.ts";
import type { RawResponse } from "../../generator/runtime/send-request.ts";

const REQUEST_URL = "https://api.example.com/v3/repos?per_page=2";

function fetched<T>(page: T, headers: Record<string, string> = {}): FetchedPage<T> {
  const response: RawResponse = {
    status: 200,
    statusText: "",
    headers: new Headers(headers),
    bodyText: "",
    bodyBytes: new Uint8Array(0),
    request: { method: "GET", url: REQUEST_URL },
  };
  return { page, response };
}

const first = { token: undefined, pageSize: undefined };

describe("linkHeaderNext (RFC 8288)", () => {
  it.each([
    [
      "the next of several links",
      '<https://api.example.com/v3/repos?page=4>; rel="last", <https://api.example.com/v3/repos?page=2>; rel="next"',
      "https://api.example.com/v3/repos?page=2",
    ],
    [
      "a rel with several relation types, any case, unquoted",
      "<https://api.example.com/a?page=2>; rel=NEXT",
      "https://api.example.com/a?page=2",
    ],
    [
      "a rel listing next among others",
      '<https://api.example.com/a?page=2>; rel="prefetch next"',
      "https://api.example.com/a?page=2",
    ],
    [
      "commas and semicolons inside a quoted parameter",
      '<https://api.example.com/a?x=1,2>; title="a, b; c"; rel="next"',
      "https://api.example.com/a?x=1,2",
    ],
    [
      "a relative target, resolved against the request URL",
      '</v3/repos?page=2>; rel="next"',
      "https://api.example.com/v3/repos?page=2",
    ],
    ["no next link", '<https://api.example.com/v3/repos?page=1>; rel="prev"', undefined],
    ["`nextish` is not `next`", '<https://api.example.com/v3/repos?page=2>; rel="nextish"', undefined],
    ["no Link header", undefined, undefined],
  ])("%s", (_what, header, expected) => {
    expect(linkHeaderNext(fetched([], header === undefined ? {} : { link: header }))).toBe(expected);
  });

  it("refuses a next target that is not a URL, without showing it", () => {
    const secret = "ghp_s3cr3tT0kenInTheLink";
    const read = () => linkHeaderNext(fetched([], { link: `<http://[${secret}/>; rel="next"` }));
    expect(read).toThrow("Paging stopped: the `Link` header's next link is not a URL");
    try {
      read();
    } catch (error) {
      expect(`${String(error)}${(error as Error).stack ?? ""}`).not.toContain(secret);
    }
  });
});

describe("afterLastItem (Stripe)", () => {
  const next = afterLastItem<{ id: string }, { has_more: boolean }>(
    (page) => page.has_more,
    (item) => item.id,
  );
  it("is the last item's id while the page has more, else nothing", () => {
    expect(next(fetched({ has_more: true }), [{ id: "a" }, { id: "b" }], first)).toBe("b");
    expect(next(fetched({ has_more: false }), [{ id: "a" }], first)).toBeUndefined();
    // `has_more` with no items cannot go on: there is no id to start after.
    expect(next(fetched({ has_more: true }), [], first)).toBeUndefined();
  });
});

describe("offsetAfter", () => {
  const next = offsetAfter<number, { total?: number }>(undefined, (page) => page.total);
  it("advances past the items until a page is empty or the total is reached", () => {
    expect(next(fetched({ total: 5 }), [1, 2], first)).toBe("2");
    expect(next(fetched({ total: 5 }), [3, 4], { token: "2", pageSize: undefined })).toBe("4");
    expect(next(fetched({ total: 5 }), [5], { token: "4", pageSize: undefined })).toBeUndefined();
    expect(next(fetched({}), [], { token: "9", pageSize: undefined })).toBeUndefined();
    expect(offsetAfter<number, object>(10, () => undefined)(fetched({}), [1], first)).toBe("11");
  });

  it("refuses a continuation token that is not an offset", () => {
    expect(() => next(fetched({}), [1], { token: "abc", pageSize: undefined })).toThrow(RangeError);
  });
});

describe("withPageQuery", () => {
  it("sets the token and page size, keeping the request's other parameters and its own where unset", () => {
    const request = { method: "GET", path: "/items", query: { filter: "x", limit: "10", cursor: undefined } };
    expect(withPageQuery(request, { cursor: "c2", limit: 3 })).toEqual({
      method: "GET",
      path: "/items",
      query: { filter: "x", limit: "3", cursor: "c2" },
    });
    expect(withPageQuery(request, { cursor: undefined, limit: undefined })).toEqual(request);
  });
});
