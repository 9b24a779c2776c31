/**
 * What every emitter of one package shares: the IR, the package, the model analysis, the public
 * names, and where each generated module lives.
 */
import type { ApiIR, TypeIR } from "../ir/types.ts";
import { overriddenKeys } from "./composition-overrides.ts";
import type { ImportBinder } from "../emit/shared/import-binder.ts";
import { ModelCatalog, type Direction } from "./model-catalog.ts";
import type { PackageInfo } from "./package-info.ts";
import { PublicNames } from "./public-names.ts";
import { typeText } from "./type-text.ts";

export interface SourcePlan {
  readonly api: ApiIR;
  readonly pkg: PackageInfo;
  readonly catalog: ModelCatalog;
  readonly names: PublicNames;
}

/** Plans by IR: the sources, the CLI and the README of one package share one plan. */
const plans = new WeakMap<ApiIR, SourcePlan>();

export function planSources(api: ApiIR, pkg: PackageInfo): SourcePlan {
  const cached = plans.get(api);
  if (cached?.pkg === pkg) return cached;
  const catalog = new ModelCatalog(api.types);
  const plan = { api, pkg, catalog, names: new PublicNames(api, pkg, catalog) };
  plans.set(api, plan);
  return plan;
}

/** The error models the operations declare, by their output names; empty when none is declared. */
export function errorModels(plan: SourcePlan): string[] {
  const names = new Set<string>();
  for (const op of plan.api.operations) {
    for (const error of op.errors) if (error.type?.kind === "ref") names.add(plan.names.typeName(error.type.name, "output"));
  }
  return [...names].sort();
}

/** Package-relative paths of the generated modules. */
export const modules = {
  models: "src/models.ts",
  serialization: "src/serialization.ts",
  requestEncoding: "src/request-encoding.ts",
  context: "src/context.ts",
  serviceError: "src/service-error.ts",
  client: "src/client.ts",
  index: "src/index.ts",
  api: (group: string): string => `src/api/${group}.ts`,
  runtime: (name: string): string => `src/runtime/${name}.ts`,
} as const;

/** Type text for use in a file other than `models.ts`: named types are imported from there. */
export function modelTypeText(plan: SourcePlan, binder: ImportBinder, type: TypeIR, direction: Direction): string {
  return typeText(type, {
    direction,
    reference: (name) => binder.type(modules.models, plan.names.typeName(name, direction)),
    hasLiteralDiscriminator: (name, property, values) => hasLiteralProperty(plan.catalog, name, property, values, direction),
    overridden: (members) => overriddenKeys(plan, members, direction),
  });
}

/** Whether named type `name` declares `property` as exactly the literal(s) `values`. */
export function hasLiteralProperty(
  catalog: ModelCatalog,
  name: string,
  property: string,
  values: readonly string[],
  direction: Direction,
): boolean {
  const found = catalog.properties({ kind: "ref", name }, direction)?.find((p) => p.name === property);
  const type = found && catalog.resolve(found.type);
  if (!found?.required || !type) return false;
  const declared =
    type.kind === "literal" ? [type.value] : type.kind === "enum" && !type.extensible ? type.values.map((v) => v.value) : [];
  return declared.length === values.length && declared.every((v) => values.includes(String(v)));
}
