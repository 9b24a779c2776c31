/**
 * The plan of one package: everything its outputs share, computed once, eagerly, as plain data
 * (`planPackage`). Emitters read it and never plan themselves: the auth and endpoint rules, the
 * public names, every operation's calling convention, the runtime modules the package embeds, the
 * command line and the convenience layer are decided here, so every output agrees on them.
 */
import type { Diagnosed } from "../diagnostics/diagnostics.ts";
import { compareStrings } from "../ir/naming.ts";
import type { ApiIR, OperationIR } from "../ir/types.ts";
import { buildCliModel, type CliModel } from "./cli/command-model.ts";
import type { CliNaming } from "./cli/naming-file.ts";
import { buildConvenienceModel, type ConvenienceModel } from "./convenience/convenience-model.ts";
import { authPlan, endpointPlan, type AuthPlan, type EndpointPlan } from "./credentials.ts";
import { ModelCatalog } from "./model-catalog.ts";
import { operationShape, type OperationShape } from "./operation-shape.ts";
import type { PackageInfo } from "./package-info.ts";
import { PublicNames } from "./public-names.ts";
import { browserVariants, runtimeModules } from "./runtime-modules.ts";

/** What the command line and the convenience layer are planned from: the plan without them. */
export interface ApiPlan {
  readonly api: ApiIR;
  readonly pkg: PackageInfo;
  readonly catalog: ModelCatalog;
  /** How a client authenticates: the credential kinds, in the spec's order of schemes. */
  readonly auth: AuthPlan;
  /** Whether the caller passes the endpoint, and how it makes the base URL. */
  readonly endpoint: EndpointPlan;
  readonly names: PublicNames;
  /** Every operation's calling convention, by operation (one entry per operation of `api`). */
  readonly shapes: ReadonlyMap<OperationIR, OperationShape>;
  /** Operations by group (one `api/<group>.ts` each), groups sorted by name, operations in the IR's order. */
  readonly groups: readonly (readonly [string, readonly OperationIR[]])[];
  /** The error models the operations declare, by their output names, sorted; empty when none is declared. */
  readonly errorModels: readonly string[];
  /** The runtime modules (`generator/runtime/<name>.ts`) the package embeds, sorted. */
  readonly runtimeModules: readonly string[];
  /** `[module, browser variant]` pairs of the runtime, for package.json's `browser` field. */
  readonly browserVariants: readonly (readonly [string, string])[];
}

export interface PackagePlan extends ApiPlan {
  /** The package's command line (every package has one). */
  readonly cli: CliModel;
  /** The naming file's convenience layer, when it declares one. */
  readonly convenience: ConvenienceModel | undefined;
}

export interface PlanOptions {
  /** The command-line naming layer beside the spec (`cli.yaml`), when there is one. */
  readonly cliNaming?: CliNaming | undefined;
}

/** Plans one package; the diagnostics are the naming layer's mismatches with the API. */
export function planPackage(api: ApiIR, pkg: PackageInfo, options: PlanOptions = {}): Diagnosed<PackagePlan> {
  const catalog = new ModelCatalog(api.types);
  const auth = authPlan(api);
  const names = new PublicNames(api, pkg, catalog, auth);
  const shapes = new Map(api.operations.map((op) => [op, operationShape(op)] as const));
  const basis: ApiPlan = {
    api,
    pkg,
    catalog,
    auth,
    endpoint: endpointPlan(api),
    names,
    shapes,
    groups: operationGroups(api),
    errorModels: errorModels(api, names),
    runtimeModules: runtimeModules(api, catalog, shapes),
    browserVariants: browserVariants(api, shapes),
  };
  const cli = buildCliModel(basis, options.cliNaming);
  const convenience = options.cliNaming ? buildConvenienceModel(basis, options.cliNaming) : undefined;
  return {
    value: { ...basis, cli: cli.value, convenience: convenience?.value },
    diagnostics: [...cli.diagnostics, ...(convenience?.diagnostics ?? [])],
  };
}

/** The calling convention of `op`, one of the plan's operations. */
export function shapeOf(plan: ApiPlan, op: OperationIR): OperationShape {
  const shape = plan.shapes.get(op);
  if (!shape) throw new Error(`internal: operation ${op.name} is not one of the planned API's`);
  return shape;
}

function operationGroups(api: ApiIR): [string, OperationIR[]][] {
  const groups = new Map<string, OperationIR[]>();
  for (const op of api.operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  return [...groups.entries()].sort(([a], [b]) => compareStrings(a, b));
}

function errorModels(api: ApiIR, names: PublicNames): string[] {
  const found = new Set<string>();
  for (const op of api.operations) {
    for (const error of op.errors) if (error.type?.kind === "ref") found.add(names.typeName(error.type.name, "output"));
  }
  return [...found].sort();
}

/** Package-relative paths of the generated modules. */
export const modules = {
  models: "src/models.ts",
  serialization: "src/serialization.ts",
  requestEncoding: "src/request-encoding.ts",
  context: "src/context.ts",
  serviceError: "src/service-error.ts",
  client: "src/client.ts",
  convenience: "src/convenience.ts",
  index: "src/index.ts",
  api: (group: string): string => `src/api/${group}.ts`,
  runtime: (name: string): string => `src/runtime/${name}.ts`,
} as const;
