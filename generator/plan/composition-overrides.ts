/**
 * `allOf` members that override each other. Later members override earlier ones (the catalog's
 * rule for properties, which conversions follow too): a property a later member redeclares with a
 * type the earlier declaration does not admit (`id: string` over `id?: number`, optional over
 * required, two bases declaring it differently) would make `interface X extends Base` fail to
 * compile (TS2430, TS2320) and an intersection type that property `never`. Such a member is
 * written without those properties: `Omit<Base, "id">`.
 */
import { propertyKey } from "../ir/naming.ts";
import type { PropertyIR, TypeIR } from "../ir/types.ts";
import type { Direction } from "./model-catalog.ts";
import type { ApiPlan } from "./package-plan.ts";
import { typeText } from "./type-text.ts";

/** For each member, the keys later members override (`"id" | "when"`), or undefined when none. */
export function overriddenKeys(
  plan: ApiPlan,
  members: readonly TypeIR[],
  direction: Direction,
): (string | undefined)[] {
  // Compared as text with the IR's own (unique) names: nothing gets imported just to compare.
  if (!plan.catalog.mayOverride(members)) return members.map(() => undefined);
  const write = (type: TypeIR) => typeText(type, { direction, reference: (name) => name });
  const declared = members.map((m) => plan.catalog.properties(m, direction) ?? []);
  return declared.map((own, index) => {
    const later = declared.slice(index + 1).flat();
    const overridden = own.filter((p) => later.some((l) => l.name === p.name && !fits(plan, l, p, write)));
    return overridden.length === 0
      ? undefined
      : [...new Set(overridden.map((p) => JSON.stringify(p.name)))].join(" | ");
  });
}

/** `Base`, or `Omit<Base, keys>` when later members override some of its properties. */
export function withoutOverridden(text: string, keys: string | undefined): string {
  return keys === undefined ? text : `Omit<${text}, ${keys}>`;
}

/** Whether a redeclared property is a subtype of the declaration it overrides (so `extends` holds). */
function fits(plan: ApiPlan, later: PropertyIR, earlier: PropertyIR, write: (type: TypeIR) => string): boolean {
  if (earlier.required && !later.required) return false;
  if (write(later.type) === write(earlier.type)) return true;
  // A discriminator narrowed to its value(s): string literals under a string-like declaration.
  const narrow = plan.catalog.resolve(later.type);
  const wide = plan.catalog.resolve(earlier.type);
  const values =
    narrow?.kind === "literal"
      ? [narrow.value]
      : narrow?.kind === "enum" && !narrow.extensible
        ? narrow.values.map((v) => v.value)
        : [];
  if (values.length === 0 || values.some((v) => typeof v !== "string")) return false;
  if (wide?.kind === "string") return true;
  return (
    wide?.kind === "enum" &&
    wide.valueType === "string" &&
    (wide.extensible || values.every((v) => wide.values.some((w) => w.value === v)))
  );
}

/** Own properties of the object members, a later declaration of a name replacing an earlier one. */
export function ownProperties(objects: readonly (readonly PropertyIR[])[]): PropertyIR[] {
  const merged = new Map<string, PropertyIR>();
  for (const properties of objects) for (const p of properties) merged.set(propertyKey(p.name), p);
  return [...merged.values()];
}
