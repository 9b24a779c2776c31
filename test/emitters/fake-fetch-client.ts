/**
 * A compiled package (see compile-packages.ts) loaded with a fake `fetch`: every request is
 * recorded, and each answered with what `answer` returns. No retries, so each call sends once.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;

export interface Sent {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly headers: Headers;
}

export async function fakeFetchClient(
  root: string,
  pkg: string,
  answer: () => Response,
): Promise<{ api: Api; context: unknown; sent: Sent[] }> {
  const module = (await import(pathToFileURL(join(root, "dist", pkg, "src", "index.js")).href)) as Record<
    string,
    unknown
  >;
  const sent: Sent[] = [];
  const fetch = async (url: unknown, init: RequestInit = {}) => {
    sent.push({
      method: init.method ?? "GET",
      url: String(url),
      body: typeof init.body === "string" ? init.body : "",
      headers: new Headers(init.headers),
    });
    return answer();
  };
  const create = Object.entries(module).find(([name]) => /^create\w*Context$/.test(name))?.[1] as (
    options: object,
  ) => unknown;
  return { api: module as unknown as Api, context: create({ fetch, retry: { maxRetries: 0 } }), sent };
}

/** A JSON response. */
export const jsonAnswer =
  (value: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
