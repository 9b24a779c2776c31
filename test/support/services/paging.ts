/**
 * Server-driven paging for list operations: pages of a key-ordered collection, each but the last
 * carrying `nextLink`, an absolute URL on the host the client addressed with the same `api-version`
 * and an opaque, tamper-evident `continuationToken` (the key the next page starts after). Keys make
 * paging stable while the collection changes between pages.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { HttpError, type RequestContext } from "./http-kit.ts";

export const CONTINUATION_PARAMETER = "continuationToken";

export interface Page<T> {
  readonly value: T[];
  readonly nextLink?: string;
}

export class Pager {
  readonly #secret = randomBytes(16);

  /**
   * The page of `items` (sorted by `keyOf`) that the request asks for: the first page, or the one
   * after the key in its `continuationToken` (400 naming `continuationToken` when it is not ours).
   */
  page<T>(
    ctx: RequestContext,
    items: readonly T[],
    keyOf: (item: T) => string,
    pageSize: number,
    apiVersion: string,
  ): Page<T> {
    const token = ctx.query.get(CONTINUATION_PARAMETER);
    const after = token === null ? undefined : this.#decode(token);
    const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) > after);
    const from = start === -1 ? items.length : start;
    const value = items.slice(from, from + Math.max(1, pageSize));
    const last = value[value.length - 1];
    if (last === undefined || from + value.length >= items.length) return { value };
    const next = new URLSearchParams({
      "api-version": apiVersion,
      [CONTINUATION_PARAMETER]: this.#encode(keyOf(last)),
    });
    return { value, nextLink: `${ctx.origin}${ctx.pathname}?${next.toString()}` };
  }

  #encode(after: string): string {
    const payload = Buffer.from(JSON.stringify({ after })).toString("base64url");
    return `${payload}.${this.#mac(payload)}`;
  }

  #decode(token: string): string {
    const [payload = "", mac = ""] = token.split(".");
    const expected = Buffer.from(this.#mac(payload));
    const received = Buffer.from(mac);
    if (received.length === expected.length && timingSafeEqual(received, expected)) {
      const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      if (typeof parsed === "object" && parsed !== null && "after" in parsed && typeof parsed.after === "string")
        return parsed.after;
    }
    throw new HttpError(400, "InvalidContinuationToken", `The ${CONTINUATION_PARAMETER} is not valid for this list.`, {
      target: CONTINUATION_PARAMETER,
    });
  }

  #mac(payload: string): string {
    return createHmac("sha256", this.#secret).update(payload).digest("base64url").slice(0, 22);
  }
}
