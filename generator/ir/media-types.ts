/** Which media type of a `content` map a client uses, and how its bodies are encoded. */
import type { BodyEncoding } from "./types.ts";

const isJson = (media: string) => /^application\/(.+\+)?json(;|$)/i.test(media) || /\/json(;|$)/i.test(media) || media === "*/*";

/** JSON first (any `+json`), then form, multipart, text, and finally bytes; ties keep spec order. */
export function pickMedia(types: string[]): string | undefined {
  const rank = (media: string) => {
    const encoding = mediaEncoding(media);
    return ["json", "form", "multipart", "text", "binary"].indexOf(encoding);
  };
  return [...types].sort((a, b) => rank(a) - rank(b))[0];
}

export function mediaEncoding(media: string): BodyEncoding {
  const m = media.toLowerCase();
  if (isJson(m)) return "json";
  if (m.startsWith("application/x-www-form-urlencoded")) return "form";
  if (m.startsWith("multipart/")) return "multipart";
  if (m.startsWith("text/")) return "text";
  return "binary";
}
