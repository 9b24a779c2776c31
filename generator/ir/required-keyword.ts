/**
 * The `required` keyword as documents write it in the wild: a string where OpenAPI says a boolean
 * (`required: "true"` on a parameter, request body or header) or a list of property names
 * (`required: "id"` on a schema). Ignoring such a string would make a required value optional
 * without a word, so each is read the one way it can mean and reported as `string-required`.
 */
import { appendPointer, type JsonObject } from "../openapi/load-openapi.ts";
import { quoteValue } from "../diagnostics/quote-value.ts";
import type { IrContext, Place } from "./ir-context.ts";

/** Whether a parameter, request body or header object (at `at`) is required: `true`, or the string `"true"`. */
export function requiredFlag(ctx: IrContext, raw: JsonObject, at: Place): boolean {
  const value = raw["required"];
  if (typeof value !== "string") return value === true;
  const flag = value.trim().toLowerCase();
  const reading = flag === "true" || flag === "false" ? `read as ${flag}` : "ignored (not required)";
  ctx.report(
    "string-required",
    { value: quoteValue(value), expected: "a boolean", reading },
    { ...at, pointer: appendPointer(at.pointer, "required") },
  );
  return flag === "true";
}

/** The property names a schema (at `at`) requires: its `required` list, or a string as a one-name list. */
export function requiredNames(ctx: IrContext, s: JsonObject, at: Place): string[] {
  const value = s["required"];
  if (Array.isArray(value)) return value.filter((name): name is string => typeof name === "string");
  if (typeof value !== "string") return [];
  ctx.report(
    "string-required",
    { value: quoteValue(value), expected: "a list of property names", reading: `read as [${quoteValue(value)}]` },
    { ...at, pointer: appendPointer(at.pointer, "required") },
  );
  return [value];
}
