/**
 * Swagger 2.0 constructs that OpenAPI 3 documents converted by hand (or by older tools) still carry.
 * Where a leftover has one clear reading (`collectionFormat`, `type`/`items` on a parameter,
 * `x-nullable`, `type: file`) it is read silently; where it changes what the operation sends (body
 * and form parameters) it is read the Swagger 2.0 way and reported as `swagger2-leftover`.
 */
import { appendPointer, type JsonObject } from "../openapi/load-openapi.ts";
import { quoteValue } from "../diagnostics/quote-value.ts";
import type { IrContext, Place } from "./ir-context.ts";
import { mediaEncoding, pickMedia } from "./media-types.ts";
import { compareStrings } from "./naming.ts";
import { requiredFlag } from "./required-keyword.ts";
import { doc, typeOf } from "./schema-to-type.ts";
import type { PropertyIR, RequestBodyIR } from "./types.ts";

/** A parameter object with its place, after `$ref`s were followed. */
export interface ParameterObject {
  readonly raw: JsonObject;
  readonly at: Place;
}

/** Swagger 2 leftovers: `type`/`items` on the parameter itself, `collectionFormat`. */
export function swagger2Schema(raw: JsonObject): JsonObject | undefined {
  if (raw["type"] === undefined) return undefined;
  const { name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, ...schema } = raw;
  return schema;
}

export function collectionStyle(raw: JsonObject): string | undefined {
  const format = raw["collectionFormat"];
  if (format === "ssv") return "spaceDelimited";
  if (format === "pipes") return "pipeDelimited";
  if (format === "csv" || format === "multi") return raw["in"] === "query" ? "form" : "simple";
  return undefined;
}

/** Swagger 2's `consumes`/`produces` media types: the operation's, else the document's. */
export function mediaTypesOf(ctx: IrContext, op: JsonObject, key: "consumes" | "produces"): string[] {
  const list = Array.isArray(op[key]) ? op[key] : Array.isArray(ctx.root[key]) ? ctx.root[key] : [];
  return list.filter((m): m is string => typeof m === "string");
}

/**
 * The request body of an operation without `requestBody` that has an `in: body` parameter (its
 * schema, sent as the first of `consumes`, else JSON) or `in: formData` parameters (an object of
 * them, sent as a form, or multipart when a part is a file or `consumes` says so).
 */
export function swagger2Body(
  ctx: IrContext,
  op: JsonObject,
  parameters: readonly ParameterObject[],
  at: Place,
): RequestBodyIR | undefined {
  const body = parameters.find((p) => p.raw["in"] === "body");
  const form = parameters.filter((p) => p.raw["in"] === "formData");
  if (!body && form.length === 0) return undefined;
  const consumes = mediaTypesOf(ctx, op, "consumes");
  if (body) {
    ctx.report(
      "swagger2-leftover",
      {
        problem: `the \`in: body\` parameter ${quoteValue(body.raw["name"])} (Swagger 2.0) is read as the request body`,
      },
      body.at,
    );
    const mediaType = pickMedia(consumes) ?? "application/json";
    const encoding = mediaEncoding(mediaType);
    const type =
      encoding === "binary"
        ? { kind: "binary" as const }
        : typeOf(ctx, body.raw["schema"], { ...body.at, pointer: appendPointer(body.at.pointer, "schema") });
    return { required: requiredFlag(ctx, body.raw, body.at), mediaType, encoding, type, ...doc(body.raw) };
  }
  const first = form[0] ?? { at };
  ctx.report(
    "swagger2-leftover",
    { problem: "`in: formData` parameters (Swagger 2.0) are read as a form request body" },
    first.at,
  );
  const multipart =
    consumes.some((m) => m.toLowerCase().startsWith("multipart/")) || form.some((p) => p.raw["type"] === "file");
  const properties: PropertyIR[] = [...form]
    .sort((a, b) => compareStrings(String(a.raw["name"]), String(b.raw["name"])))
    .map(({ raw, at: pAt }) => ({
      name: String(raw["name"]),
      ...doc(raw),
      required: requiredFlag(ctx, raw, pAt),
      readOnly: false,
      writeOnly: false,
      deprecated: raw["deprecated"] === true,
      type: typeOf(ctx, swagger2Schema(raw) ?? raw["schema"], pAt),
    }));
  return {
    required: form.some((p) => requiredFlag(ctx, p.raw, p.at)),
    mediaType: multipart ? "multipart/form-data" : "application/x-www-form-urlencoded",
    encoding: multipart ? "multipart" : "form",
    type: { kind: "object", properties },
  };
}
