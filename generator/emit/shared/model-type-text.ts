/** Type text for use in a generated file other than `models.ts`: named types are imported from there. */
import type { TypeIR } from "../../ir/types.ts";
import { overriddenKeys } from "../../plan/composition-overrides.ts";
import { hasLiteralProperty, type Direction } from "../../plan/model-catalog.ts";
import { modules, type ApiPlan } from "../../plan/package-plan.ts";
import { typeText } from "../../plan/type-text.ts";
import type { ImportBinder } from "./import-binder.ts";

export function modelTypeText(plan: ApiPlan, binder: ImportBinder, type: TypeIR, direction: Direction): string {
  return typeText(type, {
    direction,
    reference: (name) => binder.type(modules.models, plan.names.typeName(name, direction)),
    hasLiteralDiscriminator: (name, property, values) =>
      hasLiteralProperty(plan.catalog, name, property, values, direction),
    overridden: (members) => overriddenKeys(plan, members, direction),
  });
}
