/**
 * The object types an object-like type is made of: itself, or the members of an `allOf`-style
 * intersection (refs followed), in order. A work list rather than recursion, because an `allOf`
 * chain of named types (each extending the next) may be thousands long.
 */
import type { ObjectTypeIR, TypeIR } from "./types.ts";

/**
 * `follow` turns a ref (or any other non-object, non-intersection type) into what it stands for,
 * `undefined` when it stands for nothing (a dangling ref). Strict (the default): `undefined` when
 * a member is not object-like or an intersection reaches itself. `lenient`: such members are left
 * out, and the walk stops at the first object for which `stop` holds.
 */
export function objectMembers(
  type: TypeIR,
  follow: (type: TypeIR) => TypeIR | undefined,
  options: { readonly lenient?: boolean; readonly stop?: (object: ObjectTypeIR) => boolean } = {},
): ObjectTypeIR[] | undefined {
  const members: ObjectTypeIR[] = [];
  const path = new Set<TypeIR>(); // intersections being expanded, for cycles
  const work: (TypeIR | { readonly leave: TypeIR })[] = [type];
  for (let item = work.pop(); item; item = work.pop()) {
    if ("leave" in item) {
      path.delete(item.leave);
      continue;
    }
    const current = item.kind === "object" || item.kind === "intersection" ? item : follow(item);
    if (current?.kind === "object") {
      members.push(current);
      if (options.stop?.(current)) return members;
    } else if (current?.kind === "intersection" && !path.has(current)) {
      path.add(current);
      work.push({ leave: current });
      for (let i = current.members.length - 1; i >= 0; i--) work.push(current.members[i]!);
    } else if (!options.lenient) {
      return undefined;
    }
  }
  return members;
}
