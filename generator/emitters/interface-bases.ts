/**
 * The `extends` clause of a model interface built from `allOf`. Later members override earlier
 * ones (the catalog's rule for properties, which conversions follow too): a property a subtype
 * redeclares with a type its base's does not admit (`id: string` over `id?: number`, optional
 * over required), or that two bases declare differently, would make `extends` fail to compile
 * (TS2430, TS2320). Such a base is extended without those properties: `Omit<Base, "id">`.
 */
import { propertyKey } from "../ir/naming.ts";
import type { PropertyIR, TypeIR } from "../ir/types.ts";
import type { Direction } from "./model-catalog.ts";
import type { SourcePlan } from "./source-plan.ts";

/** How a property is written, for telling whether a redeclaration fits the one it overrides. */
export interface WrittenProperty {
  readonly property: PropertyIR;
  readonly text: string;
}

/**
 * Each base (by declaration name) as `extends` writes it, given the interface's own properties
 * (after the bases) and how to write a type.
 */
export function extendedBases(
  plan: SourcePlan,
  bases: readonly { readonly name: string; readonly local: string }[],
  own: readonly PropertyIR[],
  direction: Direction,
  write: (type: TypeIR) => string,
): string[] {
  const written = (p: PropertyIR): WrittenProperty => ({ property: p, text: write(p.type) });
  const declared = bases.map((base) => plan.catalog.properties({ kind: "ref", name: base.name }, direction) ?? []);
  return bases.map((base, index) => {
    const later = [...declared.slice(index + 1).flat(), ...own];
    const overridden = (declared[index] ?? []).filter((p) => {
      const redeclared = later.filter((l) => l.name === p.name);
      return redeclared.some((l) => !fits(plan, written(l), written(p)));
    });
    if (overridden.length === 0) return base.local;
    const keys = [...new Set(overridden.map((p) => JSON.stringify(p.name)))].join(" | ");
    return `Omit<${base.local}, ${keys}>`;
  });
}

/** Whether a redeclared property is a subtype of the declaration it overrides (so `extends` holds). */
function fits(plan: SourcePlan, later: WrittenProperty, earlier: WrittenProperty): boolean {
  if (earlier.property.required && !later.property.required) return false;
  if (later.text === earlier.text) return true;
  // A discriminator narrowed to its value(s): string literals under a string-like declaration.
  const narrow = plan.catalog.resolve(later.property.type);
  const wide = plan.catalog.resolve(earlier.property.type);
  const values =
    narrow?.kind === "literal" ? [narrow.value] : narrow?.kind === "enum" && !narrow.extensible ? narrow.values.map((v) => v.value) : [];
  if (values.length === 0 || values.some((v) => typeof v !== "string")) return false;
  if (wide?.kind === "string") return true;
  return wide?.kind === "enum" && wide.valueType === "string" && (wide.extensible || values.every((v) => wide.values.some((w) => w.value === v)));
}

/** Own properties of the object members, a later declaration of a name replacing an earlier one. */
export function ownProperties(objects: readonly (readonly PropertyIR[])[]): PropertyIR[] {
  const merged = new Map<string, PropertyIR>();
  for (const properties of objects) for (const p of properties) merged.set(propertyKey(p.name), p);
  return [...merged.values()];
}
