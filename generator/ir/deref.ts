/** Following `$ref`s of the non-schema objects of a document. */
import { appendPointer, isObject, isRefFailure, type JsonObject } from "../openapi/load-openapi.ts";
import type { IrContext, Place } from "./ir-context.ts";

/** Follows `$ref`s of non-schema objects (parameters, bodies, responses, headers, path items). */
export function deref(ctx: IrContext, raw: unknown, at: Place, depth = 0): { value: JsonObject; at: Place } | undefined {
  if (!isObject(raw)) return undefined;
  const ref = raw["$ref"];
  if (typeof ref !== "string") return { value: raw, at };
  const target = ctx.document.resolveRef(ref, at.file);
  if (isRefFailure(target) || depth > 16) {
    const why = isRefFailure(target) ? target.failure : "too many references in a row";
    ctx.report("unresolved-ref", `\`$ref\` ${JSON.stringify(ref)} cannot be resolved: ${why}`, { ...at, pointer: appendPointer(at.pointer, "$ref") });
    return undefined;
  }
  return deref(ctx, target.value, { file: target.file, pointer: target.pointer }, depth + 1);
}
