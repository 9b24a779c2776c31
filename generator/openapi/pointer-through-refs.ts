/**
 * JSON pointers that pass through a `$ref` on the way: `#/components/schemas/Catalog/properties/cat`
 * where `Catalog` is itself `{$ref: catalog.yaml}`. A plain walk stops at the `$ref` object; split
 * specs point through them (discriminator mappings especially), so the walk follows each one it meets
 * and carries on inside its target, relative to the file that target lives in.
 */
import { isObject } from "./load-openapi.ts";

export interface PointerTarget {
  readonly file: string;
  /** Where the value is, as a pointer inside `file` (the last `$ref` followed's target, plus the rest). */
  readonly pointer: string;
  readonly value: unknown;
}

/** Resolves a `$ref` found in `fromFile`: its target, or why it fails. */
type Resolve = (ref: string, fromFile: string) => PointerTarget | { readonly failure: string };

/**
 * The value at `pointer` in `root` (of `file`), following the `$ref`s met before the last key;
 * `undefined` when something on the way is missing (or a `$ref` on it fails).
 */
export function pointerThroughRefs(
  root: unknown,
  file: string,
  pointer: string,
  resolve: Resolve,
): PointerTarget | undefined {
  const keys = pointer === "" ? [] : pointer.slice(1).split("/");
  let at: PointerTarget = { file, pointer: "", value: root };
  for (const raw of keys) {
    const ref = isObject(at.value) ? at.value["$ref"] : undefined;
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof ref === "string" && key !== "$ref") {
      const target = resolve(ref, at.file);
      if ("failure" in target) return undefined;
      at = target;
    }
    const node = at.value;
    const value = Array.isArray(node)
      ? node[Number(key)]
      : isObject(node) && Object.hasOwn(node, key)
        ? node[key]
        : undefined;
    if (value === undefined) return undefined;
    at = { file: at.file, pointer: `${at.pointer}/${raw}`, value };
  }
  return at;
}
