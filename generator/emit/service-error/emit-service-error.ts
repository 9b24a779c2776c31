/**
 * `src/service-error.ts`: the service's error responses as one type, `<Client>Error` (an
 * `HttpError` whose `body` is the spec's error model), and a guard that narrows to it.
 */
import type { StatementStructures } from "../../print/structures.ts";
import { ImportBinder } from "../shared/import-binder.ts";
import { docs } from "../shared/jsdoc.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { sourceFile, type SourceFilePlan } from "../../print/source-file.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

export function emitServiceError(plan: PackagePlan): SourceFilePlan[] {
  const models = plan.errorModels;
  if (models.length === 0) return [];
  const { serviceError, isServiceError } = plan.names.client;
  const binder = new ImportBinder(modules.serviceError, [serviceError, isServiceError]);
  const httpError = binder.type(modules.runtime("errors"), "HttpError");
  const isHttpError = binder.value(modules.runtime("errors"), "isHttpError");
  const body = models.map((name) => binder.type(modules.models, name)).join(" | ");
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.TypeAlias,
      name: serviceError,
      isExported: true,
      type: `${httpError}<${body}>`,
      docs: docs(
        `An error response of the service: an {@link ${httpError}} whose \`body\` is the error model the spec declares.`,
      ),
    },
    {
      kind: StructureKind.Function,
      name: isServiceError,
      isExported: true,
      parameters: [{ name: "error", type: "unknown" }],
      returnType: `error is ${serviceError}`,
      docs: docs(
        `Whether \`error\` is an error response of the service; narrows it to {@link ${serviceError}}, so ` +
          "`error.body` is typed. Network failures and timeouts are other errors. Checks the error's shape, " +
          "not `instanceof` alone, so errors thrown by another copy of this package (or in another realm) are recognised.",
      ),
      statements: [`return ${isHttpError}(error);`],
    },
  ];
  return [sourceFile(modules.serviceError, binder.imports(), statements)];
}
