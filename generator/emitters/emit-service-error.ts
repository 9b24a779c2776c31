/**
 * `src/service-error.ts`: the service's error responses as one type, `<Client>Error` (an
 * `HttpError` whose `body` is the spec's error model), and a guard that narrows to it.
 */
import { StructureKind, type StatementStructures } from "ts-morph";
import type { OutputFile } from "../output/write-tree.ts";
import { ImportBinder } from "./import-binder.ts";
import { docs } from "./jsdoc.ts";
import { modules, type SourcePlan } from "./source-plan.ts";
import { printSourceFile } from "./source-printer.ts";

/** The error models the operations declare, by their output names; empty when none is declared. */
export function errorModels(plan: SourcePlan): string[] {
  const names = new Set<string>();
  for (const op of plan.api.operations) {
    for (const error of op.errors) if (error.type?.kind === "ref") names.add(plan.names.typeName(error.type.name, "output"));
  }
  return [...names].sort();
}

export function emitServiceError(plan: SourcePlan): OutputFile[] {
  const models = errorModels(plan);
  if (models.length === 0) return [];
  const { serviceError, isServiceError } = plan.names.client;
  const binder = new ImportBinder(modules.serviceError, [serviceError, isServiceError]);
  const httpError = binder.value(modules.runtime("errors"), "HttpError");
  const body = models.map((name) => binder.type(modules.models, name)).join(" | ");
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.TypeAlias,
      name: serviceError,
      isExported: true,
      type: `${httpError}<${body}>`,
      docs: docs(`An error response of the service: an {@link ${httpError}} whose \`body\` is the error model the spec declares.`),
    },
    {
      kind: StructureKind.Function,
      name: isServiceError,
      isExported: true,
      parameters: [{ name: "error", type: "unknown" }],
      returnType: `error is ${serviceError}`,
      docs: docs(
        `Whether \`error\` is an error response of the service; narrows it to {@link ${serviceError}}, so ` +
          "`error.body` is typed. Network failures and timeouts are other errors.",
      ),
      statements: [`return error instanceof ${httpError};`],
    },
  ];
  return [printSourceFile(plan.pkg, modules.serviceError, binder.imports(), statements)];
}
