/**
 * The rules of the TypeScript-API layer: each kind of change to the generated package's exports,
 * with a level per usage, like the wire rules' direction. `input` is what user code *passes* to
 * the package (parameters, request models, options), `output` what it *gets back* (return types,
 * response models); a type used both ways takes the worse level.
 *
 * Levels speak of code written against the old package: **error** it no longer compiles (where
 * it uses the changed thing in the ordinary way), **warning** it may not, or compiles and behaves
 * differently, **info** it is unaffected. SDK levels never count toward the CI gate (`--fail-on`):
 * the gate judges the wire contract that deployed clients depend on; a compile break surfaces when
 * a user upgrades the package, and the report shows it beside the wire change it comes from.
 */
import type { Level } from "../types.ts";

export type Usage = "input" | "output" | "both";

export interface SdkRule {
  readonly id: string;
  readonly input: Level;
  readonly output: Level;
  readonly description: string;
  /** Why, per usage (one line each); `both` when the same. */
  readonly why: { readonly input: string; readonly output: string } | { readonly both: string };
}

const rule = (id: string, input: Level, output: Level, description: string, why: SdkRule["why"]): SdkRule => ({ id, input, output, description, why });
const both = (text: string) => ({ both: text });

export const SDK_RULES: readonly SdkRule[] = [
  rule("sdk-export-added", "info", "info", "A name was added to the package's exports.", both("existing code does not use it")),
  rule("sdk-export-removed", "error", "error", "An exported name was removed.", both("code importing it no longer compiles")),
  rule("sdk-export-renamed", "error", "error", "An export was renamed: same declaration, new name.", both("code importing the old name no longer compiles")),
  rule("sdk-export-kind-changed", "warning", "warning", "An export changed kind (e.g. interface to type alias, const to function).", both("code relying on the old kind (extending it, calling it) may not compile")),
  rule("sdk-export-became-type-only", "error", "error", "A value export (function, class, const) is now exported as a type only.", both("value uses (calls, `new`, `instanceof`) no longer compile")),
  rule("sdk-export-became-value", "info", "info", "A type-only export now also exports a value.", both("type uses keep compiling")),
  rule("sdk-overload-added", "info", "info", "A function or method gained a call signature (overload).", both("existing calls match an old signature")),
  rule("sdk-overload-removed", "error", "error", "A call signature (overload) of a function or method was removed.", both("calls that matched it no longer compile")),
  rule("sdk-parameter-added-required", "error", "error", "A required parameter was added.", both("existing calls pass too few arguments")),
  rule("sdk-parameter-added-optional", "info", "info", "An optional parameter was added after all others.", both("existing calls still compile")),
  rule("sdk-parameter-inserted", "error", "error", "An optional parameter was added before existing ones.", both("arguments after it land in the wrong position")),
  rule("sdk-parameter-removed", "error", "error", "A parameter was removed.", both("calls passing it no longer compile, and later arguments shift")),
  rule("sdk-parameters-reordered", "error", "error", "Parameters kept their names but changed order.", both("existing calls pass arguments in the old order")),
  rule("sdk-parameter-renamed", "info", "info", "A parameter was renamed in place with the same type.", both("arguments are positional: the name is not part of a call")),
  rule("sdk-parameter-became-required", "error", "error", "An optional parameter became required.", both("calls that leave it out no longer compile")),
  rule("sdk-parameter-became-optional", "info", "info", "A required parameter became optional.", both("existing calls still compile")),
  rule("sdk-type-widened", "info", "error", "A type now admits more values (a union member added, a literal widened).", {
    input: "every value accepted before is still accepted",
    output: "code that uses the value as the old type no longer compiles",
  }),
  rule("sdk-type-narrowed", "error", "info", "A type now admits fewer values.", {
    input: "code passing the values that were dropped no longer compiles",
    output: "every value is still of the old type",
  }),
  rule("sdk-type-changed", "error", "error", "A type changed to one that neither contains nor is contained in the old one.", both("code written against the old type no longer compiles")),
  rule("sdk-known-values-changed", "info", "info", "The listed values of an extensible union (`(string & {})`) changed.", both("the type still admits any string; only the suggestions changed")),
  rule("sdk-type-parameters-changed", "error", "error", "The generic type parameters of an export changed.", both("code supplying the old type arguments no longer compiles")),
  rule("sdk-extends-changed", "warning", "warning", "What an interface or class extends or implements changed.", both("inherited members may have appeared or gone")),
  rule("sdk-property-added-optional", "info", "info", "An optional property (or method) was added to an interface or class.", both("existing code neither sets nor reads it")),
  rule("sdk-property-added-required", "error", "info", "A required property was added to an interface or class.", {
    input: "object literals (and implementations) of the type no longer compile without it",
    output: "code reading the type is unaffected",
  }),
  rule("sdk-property-removed", "error", "error", "A property was removed from an interface or class.", {
    input: "object literals that set it no longer compile (excess property check)",
    output: "code reading it no longer compiles",
  }),
  rule("sdk-method-added", "error", "info", "A required method was added to an interface or class.", {
    input: "user implementations of the interface no longer compile without it",
    output: "existing code does not call it",
  }),
  rule("sdk-method-renamed", "error", "error", "A method was renamed with the export it is named after (a client method of an operation whose function was renamed).", both("code calling the old name no longer compiles")),
  rule("sdk-method-removed", "error", "error", "A method was removed from an interface or class.", {
    input: "object literals implementing it no longer compile (excess property check)",
    output: "code calling it no longer compiles",
  }),
  rule("sdk-property-became-required", "error", "info", "An optional property became required.", {
    input: "object literals that leave it out no longer compile",
    output: "code reading it still compiles (it is now always present)",
  }),
  rule("sdk-property-became-optional", "info", "error", "A required property became optional.", {
    input: "object literals that set it still compile",
    output: "code reading it now gets `T | undefined`, which strict code must handle",
  }),
  rule("sdk-property-became-read-only", "warning", "warning", "A property became `readonly`.", both("code assigning to it no longer compiles")),
  rule("sdk-property-became-mutable", "info", "info", "A `readonly` property became writable.", both("existing code still compiles")),
  rule("sdk-const-member-added", "info", "info", "A member was added to an exported const object or enum (e.g. a `Known*` value).", both("existing code does not use it")),
  rule("sdk-const-member-removed", "error", "error", "A member of an exported const object or enum was removed.", both("code referring to it no longer compiles")),
  rule("sdk-const-member-changed", "warning", "warning", "A member of an exported const object or enum has a new value.", both("code referring to it compiles but sends or compares a different value")),
  rule("sdk-const-changed", "warning", "warning", "The type or value of an exported const changed.", both("code using it may not compile or may behave differently")),
];

const BY_ID = new Map(SDK_RULES.map((r) => [r.id, r]));
const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

export function sdkRule(id: string): SdkRule {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`internal: unknown SDK rule ${id}`);
  return found;
}

/** The level of rule `id` for a change in something used as `usage`. */
export function sdkLevel(id: string, usage: Usage): Level {
  const r = sdkRule(id);
  if (usage !== "both") return r[usage];
  return RANK[r.input] <= RANK[r.output] ? r.input : r.output;
}

/** The one-line why of rule `id` for `usage` (for `both`, the why of the worse side). */
export function sdkWhy(id: string, usage: Usage): string {
  const r = sdkRule(id);
  if ("both" in r.why) return r.why.both;
  if (usage !== "both") return r.why[usage];
  return RANK[r.input] <= RANK[r.output] ? r.why.input : r.why.output;
}
