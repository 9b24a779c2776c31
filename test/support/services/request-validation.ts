/**
 * Request body checks shared by the local services. Each failure is an HttpError 400 (415 for a wrong
 * media type) whose `target` and message name the offending field, e.g. `expiresInMinutes`.
 */
import { HttpError, type RequestContext } from "./http-kit.ts";

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The media type of the request without parameters, lower-cased (`""` when absent). */
export function mediaTypeOf(ctx: RequestContext): string {
  return (ctx.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Parses the JSON object body. An empty body is `undefined` unless `required`; a non-empty body must
 * carry `mediaType` (default `application/json`), parse as JSON and be an object.
 */
export function readJsonObject(
  ctx: RequestContext,
  options: { required: boolean; mediaType?: string },
): JsonObject | undefined {
  const mediaType = options.mediaType ?? "application/json";
  if (ctx.body.length === 0) {
    if (options.required) throw invalid("body", "The request body is required.");
    return undefined;
  }
  if (mediaTypeOf(ctx) !== mediaType) {
    throw new HttpError(415, "UnsupportedMediaType", `The request body must be sent as '${mediaType}'.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.bodyText);
  } catch {
    throw new HttpError(400, "InvalidRequestBody", "The request body is not valid JSON.");
  }
  if (!isJsonObject(parsed)) throw new HttpError(400, "InvalidRequestBody", "The request body must be a JSON object.");
  return parsed;
}

/** A 400 naming `field` in both `target` and the message. */
export function invalid(field: string, message: string): HttpError {
  return new HttpError(400, "ValidationError", message.includes(field) ? message : `${field}: ${message}`, {
    target: field,
  });
}

/** A non-empty string field; `label` is the name reported (defaults to `field`). */
export function requiredString(body: JsonObject | undefined, field: string, label = field): string {
  const value = body?.[field];
  if (value === undefined || value === null || value === "") throw invalid(label, `The field '${label}' is required.`);
  if (typeof value !== "string") throw invalid(label, `The field '${label}' must be a string.`);
  return value;
}

/** An optional string field with length bounds. */
export function optionalString(
  body: JsonObject | undefined,
  field: string,
  bounds: { min?: number; max?: number } = {},
): string | undefined {
  const value = body?.[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(field, `The field '${field}' must be a string.`);
  if (value.length < (bounds.min ?? 0) || value.length > (bounds.max ?? Infinity)) {
    throw invalid(
      field,
      `The field '${field}' must be ${bounds.min ?? 0} to ${bounds.max ?? "any number of"} characters long.`,
    );
  }
  return value;
}

/**
 * An array of strings. Values of an extensible enum (token scopes, principal types) are accepted
 * whatever they say, as long as they are non-empty strings. `nonEmpty` rejects `[]`.
 */
export function stringArray(
  body: JsonObject | undefined,
  field: string,
  options: { required: boolean; nonEmpty: boolean; label?: string },
): string[] | undefined {
  const label = options.label ?? field;
  const value = body?.[field];
  if (value === undefined || value === null) {
    if (options.required) throw invalid(label, `The field '${label}' is required.`);
    return undefined;
  }
  if (!Array.isArray(value)) throw invalid(label, `The field '${label}' must be an array of strings.`);
  if (options.nonEmpty && value.length === 0) throw invalid(label, `The field '${label}' must not be empty.`);
  const items: string[] = [];
  for (const item of value) {
    if (typeof item !== "string" || item === "")
      throw invalid(label, `Every item of '${label}' must be a non-empty string.`);
    items.push(item);
  }
  return items;
}

/** `expiresInMinutes`: an integer in [60, 1440], default 1440. */
export function expiresInMinutes(body: JsonObject | undefined): number {
  const value = body?.["expiresInMinutes"];
  if (value === undefined || value === null) return 1440;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 60 || value > 1440) {
    throw invalid("expiresInMinutes", "The field 'expiresInMinutes' must be an integer within [60, 1440] minutes.");
  }
  return value;
}
