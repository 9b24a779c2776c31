/**
 * Schema keywords whose exact meaning TypeScript cannot express. Each is typed by the nearest sound
 * type, one that admits every value the schema admits (and possibly more), and reported as an
 * `unsupported-keyword` warning, so a generated client never rejects a valid payload at compile time.
 */
import { appendPointer, isObject, type JsonObject } from "../openapi/load-openapi.ts";
import type { IrContext, Place } from "./ir-context.ts";
import { compareStrings } from "./naming.ts";
import { typeOf } from "./schema-to-type.ts";
import type { TypeIR } from "./types.ts";

const UNKNOWN: TypeIR = { kind: "unknown" };

/** Keywords that only narrow a type: leaving them out widens it, which is sound. */
const NARROWING: Readonly<Record<string, string>> = {
  not: "`not` (values a schema excludes) cannot be expressed in TypeScript; the type also admits them",
  if: "`if`/`then`/`else` (conditional schemas) cannot be expressed in TypeScript; the conditions are left out",
  dependentSchemas: "`dependentSchemas` cannot be expressed in TypeScript; the dependent schemas are left out",
};

export function approximatedKeywords(ctx: IrContext, s: JsonObject, at: Place): void {
  for (const [keyword, message] of Object.entries(NARROWING)) {
    if (s[keyword] !== undefined)
      ctx.report("unsupported-keyword", { problem: message }, { ...at, pointer: appendPointer(at.pointer, keyword) });
  }
}

/**
 * The keyword that types keys other than the declared properties: `additionalProperties`, or 3.1's
 * `unevaluatedProperties` (what TypeSpec emits for records). For a TypeScript index signature the two
 * say the same thing; `additionalProperties` wins when a schema has both.
 */
export function extraKeysKeyword(s: JsonObject): "additionalProperties" | "unevaluatedProperties" {
  return s["additionalProperties"] === undefined && s["unevaluatedProperties"] !== undefined
    ? "unevaluatedProperties"
    : "additionalProperties";
}

/**
 * The type of keys other than the declared properties, or undefined when there is no index
 * signature: `additionalProperties` or `unevaluatedProperties` (`true` -> unknown) joined with every
 * `patternProperties` schema (TypeScript cannot check a key against a pattern, so any key may hold
 * any of them).
 */
export function extraKeysType(ctx: IrContext, s: JsonObject, at: Place): TypeIR | undefined {
  const keyword = extraKeysKeyword(s);
  const additional = s[keyword];
  const additionalType =
    additional === undefined || additional === false
      ? undefined
      : additional === true
        ? UNKNOWN
        : typeOf(ctx, additional, { ...at, pointer: appendPointer(at.pointer, keyword) });
  const patterns = isObject(s["patternProperties"]) ? s["patternProperties"] : {};
  const patternBase = appendPointer(at.pointer, "patternProperties");
  const patternTypes = Object.keys(patterns)
    .sort(compareStrings)
    .map((key) => typeOf(ctx, patterns[key], { ...at, pointer: appendPointer(patternBase, key) }));
  if (patternTypes.length === 0) return additionalType;
  ctx.report(
    "unsupported-keyword",
    {
      problem:
        "`patternProperties`: TypeScript cannot check keys against a pattern; other keys are typed as any of the pattern schemas",
    },
    { ...at, pointer: patternBase },
  );
  return unionOf(additionalType ? [additionalType, ...patternTypes] : patternTypes);
}

/**
 * A tuple, `items: [A, B]` (JSON Schema draft 4, common in Swagger-era documents) or 3.1
 * `prefixItems`: typed as an array of any of its item types (and of what may follow them).
 */
export function tupleItemsType(ctx: IrContext, s: JsonObject, at: Place): TypeIR {
  const keyword = Array.isArray(s["prefixItems"]) ? "prefixItems" : "items";
  const restKeyword = keyword === "prefixItems" ? "items" : "additionalItems";
  const base = appendPointer(at.pointer, keyword);
  const members = (s[keyword] as unknown[]).map((m, i) => typeOf(ctx, m, { ...at, pointer: appendPointer(base, i) }));
  const rest = s[restKeyword];
  const restType =
    rest === false
      ? undefined
      : rest === undefined || rest === true
        ? UNKNOWN
        : typeOf(ctx, rest, { ...at, pointer: appendPointer(at.pointer, restKeyword) });
  ctx.report(
    "unsupported-keyword",
    { problem: `a tuple (\`${keyword}\` as a list) is typed as an array whose items may be any of the listed types` },
    { ...at, pointer: base },
  );
  return unionOf(restType ? [...members, restType] : members);
}

/** A union that collapses: any `unknown` member makes it `unknown`, one member is itself. */
function unionOf(types: readonly TypeIR[]): TypeIR {
  if (types.length === 0 || types.some((t) => t.kind === "unknown")) return UNKNOWN;
  return types.length === 1 ? types[0]! : { kind: "union", variants: [...types] };
}
