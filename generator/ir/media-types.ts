/** Which media type of a `content` map a client uses, and how its bodies are encoded. */
import type { BodyEncoding, ResponseEncoding } from "./types.ts";

/** The media type without parameters, lower case: `type/subtype`. */
const essence = (media: string) => media.split(";")[0]!.trim().toLowerCase();
/** JSON by name: `application/json`, `text/json`, any `+json` suffix (RFC 6839), and the any-type wildcard. */
const isJson = (media: string) => {
  const m = essence(media);
  return m === "*/*" || /^[^/]+\/(json|.+\+json)$/.test(m);
};
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

/** Media types in {@link pickMedia}'s order of preference, by name only. */
function orderMedia(types: readonly string[]): string[] {
  return orderRequestContents(types.map((mediaType) => ({ mediaType, encoding: mediaEncoding(mediaType) }))).map(
    (c) => c.mediaType,
  );
}

/** Request contents whose encoding is known (from the schema too), in {@link pickMedia}'s order. */
export function orderRequestContents<T extends { readonly mediaType: string; readonly encoding: BodyEncoding }>(
  contents: readonly T[],
): T[] {
  const rank = (c: T) =>
    c.encoding === "json" && isPlainJson(c.mediaType)
      ? -1
      : ["json", "form", "multipart", "text", "binary"].indexOf(c.encoding);
  return [...contents].sort((a, b) => rank(a) - rank(b) || byName(a.mediaType, b.mediaType));
}

/**
 * Response contents in the order a client prefers them when the caller does not choose: JSON
 * (`application/json` itself first), then text, then event streams, then bytes; ties by name.
 */
export function orderResponseContents<T extends { readonly mediaType: string; readonly encoding: ResponseEncoding }>(
  contents: readonly T[],
): T[] {
  const rank = (c: T) =>
    c.encoding === "json" && isPlainJson(c.mediaType)
      ? -1
      : ["json", "text", "event-stream", "binary"].indexOf(c.encoding);
  return [...contents].sort((a, b) => rank(a) - rank(b) || byName(a.mediaType, b.mediaType));
}

/**
 * Syntaxes other than one JSON document that vendor types name in their subtype: a structured schema
 * under such a type describes YAML, XML, CSV, a binary encoding or a stream of JSON texts.
 */
const OTHER_SYNTAX =
  /(^|[.+-])(xml|yaml|yml|csv|tsv|html|cbor|bson|msgpack|messagepack|protobuf|proto|avro|thrift|zip|gzip|ndjson|jsonl|jsonlines|json-seq)($|[.+-])/;

/**
 * Whether a media type not JSON by name still carries one JSON document when its schema is structured
 * (see {@link mediaEncoding}): a vendor (`vnd.`), personal (`prs.`) or unregistered (`x.`, `x-`)
 * `application/` type without another structured-syntax suffix (GitHub's
 * `application/vnd.github.v3.object`), or a type naming JSON as a part of its subtype
 * (GitHub's `application/json+sarif`), unless its subtype names another syntax.
 */
const isVendorJson = (media: string) => {
  const [type = "", subtype = ""] = essence(media).split("/");
  if (OTHER_SYNTAX.test(subtype)) return false;
  const vendor = type === "application" && /^(vnd|prs|x)[.-]/.test(subtype) && !/\+(?!json$)/.test(subtype);
  return vendor || /(^|[.+-])json($|[.+-])/.test(subtype);
};

/**
 * How a body in `media` is encoded. JSON when the media type says so by name ({@link isJson}), or
 * when `structuredSchema` (an object, array or composition schema) and the type is a vendor type
 * carrying JSON ({@link isVendorJson}); real binaries (images, archives, `format: binary` or string
 * schemas) stay bytes.
 */
export function mediaEncoding(media: string, structuredSchema = false): BodyEncoding {
  const m = media.toLowerCase();
  if (isJson(m)) return "json";
  if (m.startsWith("application/x-www-form-urlencoded")) return "form";
  if (m.startsWith("multipart/")) return "multipart";
  if (structuredSchema && isVendorJson(m)) return "json";
  if (m.startsWith("text/")) return "text";
  return "binary";
}

/**
 * How a response body in `media` is read: `text/event-stream` as events, and bytes whenever the
 * schema says bytes (`format: binary`, e.g. under the any-type wildcard), whatever the media type claims;
 * form and multipart responses are handed over as bytes too.
 */
export function responseEncoding(media: string, bytesSchema: boolean, structuredSchema = false): ResponseEncoding {
  if (/^text\/event-stream\s*(;|$)/i.test(media)) return "event-stream";
  const encoding = mediaEncoding(media, structuredSchema);
  return bytesSchema || encoding === "form" || encoding === "multipart" ? "binary" : encoding;
}
