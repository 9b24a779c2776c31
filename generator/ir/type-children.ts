/** The types directly inside a type, for the work-list walks over the type graph. */
import type { PropertyIR, TypeIR } from "./types.ts";

/**
 * The types directly inside `type`, not through refs: array items, map values, the types of the
 * properties `keep` keeps and of additional properties, union variants, intersection members.
 */
export function childTypes(type: TypeIR, keep: (property: PropertyIR) => boolean = () => true): readonly TypeIR[] {
  switch (type.kind) {
    case "array":
      return [type.items];
    case "map":
      return [type.values];
    case "object": {
      const children = type.properties.filter(keep).map((p) => p.type);
      return type.additionalProperties === undefined ? children : [...children, type.additionalProperties];
    }
    case "union":
      return type.variants;
    case "intersection":
      return type.members;
    default:
      return [];
  }
}
