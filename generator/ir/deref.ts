/** Following `$ref`s of the non-schema objects of a document. */
import { appendPointer, isObject, isRefFailure, type JsonObject, type RefFailure } from "../openapi/load-openapi.ts";
import { quoteValue } from "../diagnostics/quote-value.ts";
import type { IrContext, Place } from "./ir-context.ts";

/**
 * Refs name places, and a place is found by its whole name: shown longer than other values (they
 * are the document's own text, not what a file it reads holds).
 */
const REF_QUOTE_LIMIT = 100;

/** A `$ref` as diagnostics quote it. */
export const quoteRef = (ref: string): string => `\`$ref\` ${quoteValue(ref, REF_QUOTE_LIMIT)}`;

/** Reports why the `$ref` of the object at `at` was not followed (at the `$ref` itself). */
export function reportRefFailure(ctx: IrContext, ref: string, failure: RefFailure, at: Place): void {
  ctx.report(
    failure.code ?? "unresolved-ref",
    { ref: quoteRef(ref), reason: failure.failure },
    { ...at, pointer: appendPointer(at.pointer, "$ref") },
  );
}

/** Follows `$ref`s of non-schema objects (parameters, bodies, responses, headers, path items). */
export function deref(
  ctx: IrContext,
  raw: unknown,
  at: Place,
  depth = 0,
): { value: JsonObject; at: Place } | undefined {
  if (!isObject(raw)) return undefined;
  const ref = raw["$ref"];
  if (typeof ref !== "string") return { value: raw, at };
  const target = ctx.document.resolveRef(ref, at.file);
  if (isRefFailure(target) || depth > 16) {
    reportRefFailure(ctx, ref, isRefFailure(target) ? target : { failure: "too many references in a row" }, at);
    return undefined;
  }
  return deref(ctx, target.value, { file: target.file, pointer: target.pointer }, depth + 1);
}
