/**
 * The checks the generated converters (`serialization.ts`) make before they touch a part of a
 * response body: an array before `.map`, an object before reading its properties, a date-time
 * string before it becomes a `Date`. A body of the wrong shape is a {@link ResponseParseError}
 * naming the property path (`items[3].createdAt`), never a `TypeError` or an `Invalid Date`.
 * Paths hold only the spec's property names and array indexes (a map's keys are the service's
 * data: `[*]`), so the message quotes no value.
 */
import { ResponseParseError } from "./errors.ts";
import { parseJson, type RawResponse } from "./send-request.ts";

/** Thrown by the checks, and turned into a {@link ResponseParseError} by {@link convertJson}. */
class ShapeMismatch {
  readonly problem: string;
  constructor(at: string, expected: string) {
    this.problem = at ? `has ${at.replace(/^\./, "")} that is not ${expected}` : `is not ${expected}`;
  }
}

/** `value`, when it is an array. `at`: its path in the body (`""` for the body itself). */
export function expectArray<T>(value: T, at: string): T {
  if (!Array.isArray(value)) throw new ShapeMismatch(at, "an array");
  return value;
}

/** `value`, when it is an object (not `null`, not an array). */
export function expectObject<T>(value: T, at: string): T {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ShapeMismatch(at, "an object");
  return value;
}

/** The `Date` of an RFC 3339 string; a number, `null` or a string that is not a date is a mismatch. */
export function toDate(value: unknown, at: string): Date {
  const date = new Date(typeof value === "string" && /^\d{4}-\d\d-\d\d/.test(value) ? value : NaN);
  if (Number.isNaN(date.getTime())) throw new ShapeMismatch(at, "a date-time string");
  return date;
}

/** Parses `raw` as JSON (see `parseJson`) and converts it; a mismatch is a {@link ResponseParseError}. */
export function convertJson<J, T>(raw: RawResponse, convert: (json: J) => T, required?: readonly string[]): T {
  const json = parseJson<J>(raw, required);
  try {
    return convert(json);
  } catch (error) {
    if (error instanceof ShapeMismatch) throw new ResponseParseError(raw.status, "", { mismatch: error.problem });
    throw error;
  }
}
