/**
 * Issue 11, item 9, on the wire: the package generated from `paging-conventions.yaml` pages a
 * server on 127.0.0.1 by each convention (Link header, Stripe's `starting_after`, Slack's nested
 * cursor, Google's page token, offset/limit, Azure's `nextLink`, an `x-pagination` hint): items,
 * `byPage()`, resuming from a continuation token, the page size sent, and a cursor that repeats.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { compilePackages, type CompiledPackages } from "../emitters/compile-packages.ts";
import { repoRoot } from "../support/paths.ts";

interface Widget {
  id: string;
  name: string;
}
type Pager = AsyncIterableIterator<Widget> & { byPage(settings?: object): AsyncIterableIterator<unknown> };
type List = (context: unknown, ...args: unknown[]) => Pager;

const WIDGETS: Widget[] = ["one", "two", "three", "four", "five", "six", "seven"].map((name, i) => ({
  id: `w${i + 1}`,
  name,
}));
/** A cursor that looks like a credential: a repeat error must not show it. */
const SECRET_CURSOR = "sk_live_5ecretCursor0123456789";
const DEFAULT_SIZE = 2;

let compiled: CompiledPackages;
let api: Record<string, unknown>;
let server: Server;
let origin = "";
let repeating = false;
/** Where `/links` points its next link instead, when set: another origin. */
let foreignOrigin: string | undefined;
const requests: string[] = [];

/** The page of WIDGETS starting at `start`, and where the next one starts (undefined: none). */
function slice(start: number, size: number): { items: Widget[]; next: number | undefined } {
  const items = WIDGETS.slice(start, start + size);
  return { items, next: start + size < WIDGETS.length ? start + size : undefined };
}

const cursorOf = (index: number): string => `c${index}`;
const indexOf = (cursor: string | null): number => (cursor ? Number(cursor.slice(1)) : 0);

function page(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", origin);
  const q = (name: string) => url.searchParams.get(name);
  const size = (name: string) => Number(q(name) ?? DEFAULT_SIZE);
  const json = (body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(200, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };
  switch (url.pathname) {
    case "/links": {
      const perPage = size("per_page");
      const number = Number(q("page") ?? 1);
      const { items, next } = slice((number - 1) * perPage, perPage);
      const last = `<${origin}/links?page=${Math.ceil(WIDGETS.length / perPage)}&per_page=${perPage}>; rel="last"`;
      const link =
        next === undefined
          ? last
          : `${last}, <${foreignOrigin ?? ""}/links?page=${number + 1}&per_page=${perPage}>; title="a, b"; rel="next"`;
      return json(items, { link });
    }
    case "/stripe": {
      const after = q("starting_after");
      const { items, next } = slice(after ? WIDGETS.findIndex((w) => w.id === after) + 1 : 0, size("limit"));
      return json({ object: "list", data: items, has_more: next !== undefined });
    }
    case "/slack": {
      const { items, next } = slice(indexOf(q("cursor")), size("limit"));
      const cursor = repeating ? SECRET_CURSOR : next === undefined ? "" : cursorOf(next);
      return json({ members: items, response_metadata: { next_cursor: cursor } });
    }
    case "/google": {
      const { items, next } = slice(indexOf(q("pageToken")), size("pageSize"));
      return json({ widgets: items, ...(next === undefined ? {} : { nextPageToken: cursorOf(next) }) });
    }
    case "/offset": {
      const { items } = slice(Number(q("offset") ?? 0), size("limit"));
      return json({ results: items, total: WIDGETS.length });
    }
    case "/azure": {
      const { items, next } = slice(Number(q("skip") ?? 0), size("maxpagesize"));
      return json({
        value: items,
        nextLink: next === undefined ? null : `/azure?skip=${next}&maxpagesize=${size("maxpagesize")}`,
      });
    }
    case "/search": {
      const { items, next } = slice(indexOf(q("after")), size("size"));
      return json({ hits: items, cursor: next === undefined ? null : cursorOf(next) });
    }
    case "/opted-out":
    case "/plain":
      return json({ data: WIDGETS.slice(0, DEFAULT_SIZE), next_cursor: cursorOf(DEFAULT_SIZE) });
    default:
      res.writeHead(404).end();
  }
}

beforeAll(async () => {
  const file = join(repoRoot, "test/fixtures/openapi/paging-conventions.yaml");
  const built = buildPackage({ file, text: readFileSync(file, "utf8"), packageName: "paging-conventions" });
  expect(built.diagnostics).toEqual([]);
  const library = built.files.filter((f) => f.path.startsWith("src/") && !f.path.startsWith("src/cli/"));
  compiled = await compilePackages({ paging: library }, "paging");
  expect(compiled.diagnostics).toBe("");
  api = (await import(pathToFileURL(join(compiled.root, "dist", "paging", "src", "index.js")).href)) as Record<
    string,
    unknown
  >;
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume().on("end", () => page(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (compiled && !compiled.diagnostics) await compiled.cleanUp();
});

function context(): unknown {
  const create = Object.entries(api).find(([name]) => /^create\w*Context$/.test(name))?.[1] as (
    endpoint: string,
  ) => unknown;
  return create(origin);
}

/** Each convention: the list operation, its arguments, and how a page's items are read. */
const conventions: [string, string, unknown[], (page: unknown) => Widget[]][] = [
  ["Link header", "listByLinkHeader", [], (p) => p as Widget[]],
  ["last item (Stripe)", "listByLastItem", [], (p) => (p as { data: Widget[] }).data],
  ["nested cursor (Slack)", "listByNestedCursor", [], (p) => (p as { members: Widget[] }).members],
  ["page token (Google)", "listByPageToken", [], (p) => (p as { widgets: Widget[] }).widgets],
  ["offset", "listByOffset", [], (p) => (p as { results: Widget[] }).results],
  ["next link (Azure)", "listByNextLink", [], (p) => (p as { value: Widget[] }).value],
  ["x-pagination hint (POST)", "searchWidgets", [{ query: "w" }], (p) => (p as { hits: Widget[] }).hits],
];

const list = (name: string, args: unknown[]): Pager => (api[name] as List)(context(), ...args);

const itemsOfPage = (result: IteratorResult<unknown>): string[] => (result.value as Widget[]).map((w) => w.id);

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

describe.each(conventions)("paging by %s", (_what, name, args, itemsOf) => {
  it("iterates every item across pages, fetching each page once", async () => {
    requests.length = 0;
    expect((await all(list(name, args))).map((w) => w.id)).toEqual(WIDGETS.map((w) => w.id));
    expect(requests).toHaveLength(Math.ceil(WIDGETS.length / DEFAULT_SIZE));
  });

  it("byPage({ maxPageSize }) sends the page size on every request and yields whole pages", async () => {
    requests.length = 0;
    const pages = await all(list(name, args).byPage({ maxPageSize: 3 }));
    expect(pages.map((p) => itemsOf(p).map((w) => w.id))).toEqual([["w1", "w2", "w3"], ["w4", "w5", "w6"], ["w7"]]);
    expect(requests).toHaveLength(3);
    for (const request of requests) expect(request).toMatch(/[?&](per_page|limit|pageSize|maxpagesize|size)=3(&|$)/);
  });

  it("resumes from a page's continuation token", async () => {
    const continuationTokenOf = api["continuationTokenOf"] as (page: unknown) => string | undefined;
    const first = await list(name, args).byPage().next();
    const token = continuationTokenOf(first.value);
    expect(token).toEqual(expect.any(String));
    requests.length = 0;
    const rest = await all(list(name, args).byPage({ continuationToken: token }));
    expect(rest.flatMap((p) => itemsOf(p).map((w) => w.id))).toEqual(["w3", "w4", "w5", "w6", "w7"]);
    expect(requests).toHaveLength(3);
    // The last page has no token: nothing to resume.
    expect(continuationTokenOf(rest.at(-1))).toBeUndefined();
  });
});

describe("paging guards", () => {
  it("stops with a clear error when the service returns the same cursor again, without showing it", async () => {
    repeating = true;
    requests.length = 0;
    const seen: string[] = [];
    const error = await (async () => {
      for await (const widget of list("listByNestedCursor", [])) seen.push(widget.id);
    })().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    repeating = false;
    expect(error?.message).toBe(
      "Paging stopped: the service returned the same continuation (next link or cursor) twice",
    );
    expect(`${String(error)}${error?.stack ?? ""}${JSON.stringify(error)}`).not.toContain(SECRET_CURSOR);
    // The first page, then the (empty) page at the cursor, which names the same cursor again.
    expect(requests).toHaveLength(2);
    expect(seen).toEqual(["w1", "w2"]);
  });

  it("does not follow a Link header to another origin: nothing reaches it", async () => {
    const elsewhere: string[] = [];
    const other = createServer((req, res) => {
      elsewhere.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" }).end("[]");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    foreignOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const pages = list("listByLinkHeader", []).byPage();
      expect(itemsOfPage(await pages.next())).toEqual(["w1", "w2"]);
      await expect(pages.next()).rejects.toThrow(`Refusing to follow a link to ${foreignOrigin}: it leaves ${origin}`);
      expect(elsewhere).toEqual([]);
    } finally {
      foreignOrigin = undefined;
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it("refuses a page size that is not a positive integer, before sending anything", async () => {
    requests.length = 0;
    for (const maxPageSize of [0, -1, 2.5, Number.NaN]) {
      await expect(list("listByPageToken", []).byPage({ maxPageSize }).next()).rejects.toThrow(
        /^maxPageSize must be a positive integer/,
      );
    }
    expect(requests).toEqual([]);
  });

  it("leaves opted-out and unpageable lists as one call returning one page", async () => {
    for (const name of ["listOptedOut", "listPlain"]) {
      requests.length = 0;
      const result = (await (api[name] as (context: unknown) => Promise<object>)(context())) as { data: Widget[] };
      expect(Symbol.asyncIterator in result).toBe(false);
      expect(result.data.map((w) => w.id)).toEqual(["w1", "w2"]);
      expect(requests).toHaveLength(1);
    }
  });
});
