/** Questions about IR types that the builder asks while it is still building named types. */
import type { IrContext } from "./ir-context.ts";
import type { TypeIR } from "./types.ts";

/** The named type called `name`, if it is declared yet. */
function namedTypeOf(ctx: IrContext, name: string): TypeIR | undefined {
  return [...ctx.namedTypes.values()].find((t) => t.name === name)?.type;
}

/** Whether every value of `type` is a JSON object (following named types). */
export function isObjectLike(ctx: IrContext, type: TypeIR, depth = 0): boolean {
  if (depth > 8) return false;
  switch (type.kind) {
    case "object":
    case "map":
      return true;
    case "ref": {
      const named = namedTypeOf(ctx, type.name);
      return named !== undefined && isObjectLike(ctx, named, depth + 1);
    }
    case "intersection":
      return type.members.length > 0 && type.members.every((m) => isObjectLike(ctx, m, depth + 1));
    case "union":
      return type.variants.length > 0 && type.variants.every((v) => isObjectLike(ctx, v, depth + 1));
    default:
      return false;
  }
}

/** Whether every value of `type` is a string (following named types). */
export function isStringLike(ctx: IrContext, type: TypeIR, depth = 0): boolean {
  switch (type.kind) {
    case "string":
      return true;
    case "enum":
      return type.valueType === "string";
    case "literal":
      return typeof type.value === "string";
    case "ref": {
      const named = namedTypeOf(ctx, type.name);
      return named !== undefined && depth < 8 && isStringLike(ctx, named, depth + 1);
    }
    default:
      return false;
  }
}
