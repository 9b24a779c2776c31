/** Which media type of a `content` map a client uses, and how its bodies are encoded. */
import type { BodyEncoding, ResponseEncoding } from "./types.ts";

const isJson = (media: string) => /^application\/(.+\+)?json(;|$)/i.test(media) || /\/json(;|$)/i.test(media) || media === "*/*";
const isPlainJson = (media: string) => /^application\/json\s*(;|$)/i.test(media);
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * JSON first (`application/json` itself, then any `+json`), then form, multipart, text, and finally
 * bytes; ties by name. Not by document order: a `content` map is a JSON object, whose key order has
 * no meaning, and the choice must not change when the keys are reordered.
 */
export function pickMedia(types: readonly string[]): string | undefined {
  return orderMedia(types)[0];
}

/** Every media type of a request `content` map, in {@link pickMedia}'s order of preference. */
export function orderMedia(types: readonly string[]): string[] {
  const rank = (media: string) => {
    const encoding = mediaEncoding(media);
    if (encoding === "json" && isPlainJson(media)) return -1;
    return ["json", "form", "multipart", "text", "binary"].indexOf(encoding);
  };
  return [...types].sort((a, b) => rank(a) - rank(b) || byName(a, b));
}

/**
 * Response contents in the order a client prefers them when the caller does not choose: JSON
 * (`application/json` itself first), then text, then event streams, then bytes; ties by name.
 */
export function orderResponseContents<T extends { readonly mediaType: string; readonly encoding: ResponseEncoding }>(contents: readonly T[]): T[] {
  const rank = (c: T) => (c.encoding === "json" && isPlainJson(c.mediaType) ? -1 : ["json", "text", "event-stream", "binary"].indexOf(c.encoding));
  return [...contents].sort((a, b) => rank(a) - rank(b) || byName(a.mediaType, b.mediaType));
}

export function mediaEncoding(media: string): BodyEncoding {
  const m = media.toLowerCase();
  if (isJson(m)) return "json";
  if (m.startsWith("application/x-www-form-urlencoded")) return "form";
  if (m.startsWith("multipart/")) return "multipart";
  if (m.startsWith("text/")) return "text";
  return "binary";
}

/**
 * How a response body in `media` is read: `text/event-stream` as events, and bytes whenever the
 * schema says bytes (`format: binary`, e.g. under the any-type wildcard), whatever the media type claims;
 * form and multipart responses are handed over as bytes too.
 */
export function responseEncoding(media: string, bytesSchema: boolean): ResponseEncoding {
  if (/^text\/event-stream\s*(;|$)/i.test(media)) return "event-stream";
  const encoding = mediaEncoding(media);
  return bytesSchema || encoding === "form" || encoding === "multipart" ? "binary" : encoding;
}
