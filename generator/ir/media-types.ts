/** Which media type of a `content` map a client uses, and how its bodies are encoded. */
import type { BodyEncoding } from "./types.ts";

const isJson = (media: string) => /^application\/(.+\+)?json(;|$)/i.test(media) || /\/json(;|$)/i.test(media) || media === "*/*";

/**
 * JSON first (`application/json` itself, then any `+json`), then form, multipart, text, and finally
 * bytes; ties by name. Not by document order: a `content` map is a JSON object, whose key order has
 * no meaning, and the choice must not change when the keys are reordered.
 */
export function pickMedia(types: readonly string[]): string | undefined {
  const rank = (media: string) => {
    const encoding = mediaEncoding(media);
    if (encoding === "json" && /^application\/json\s*(;|$)/i.test(media)) return -1;
    return ["json", "form", "multipart", "text", "binary"].indexOf(encoding);
  };
  return [...types].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}

export function mediaEncoding(media: string): BodyEncoding {
  const m = media.toLowerCase();
  if (isJson(m)) return "json";
  if (m.startsWith("application/x-www-form-urlencoded")) return "form";
  if (m.startsWith("multipart/")) return "multipart";
  if (m.startsWith("text/")) return "text";
  return "binary";
}
