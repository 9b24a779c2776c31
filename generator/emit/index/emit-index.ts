/**
 * `src/index.ts`: the public surface, listed name by name so it stays intentional: the client,
 * the context factory, the operation functions and their options, the models, and the runtime's
 * errors and option types. `serialization.ts`, `request-encoding.ts` and the signers stay internal.
 */
import type { ExportDeclarationStructure } from "../../print/structures.ts";
import { CREDENTIAL_TYPES, RUNTIME_EXPORTS } from "../../ir/name-table.ts";
import { moduleSpecifier } from "../shared/import-binder.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { sourceFile, type SourceFilePlan } from "../../print/source-file.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

interface Exported {
  readonly name: string;
  readonly typeOnly: boolean;
}

const types = (...names: string[]): Exported[] => names.map((name) => ({ name, typeOnly: true }));
const values = (...names: string[]): Exported[] => names.map((name) => ({ name, typeOnly: false }));

/** A runtime module's exports (the name table's), values first; a module the package does not include is skipped. */
function runtimeExports(name: string): Exported[] | undefined {
  const exports = RUNTIME_EXPORTS[name];
  return (
    exports && [...values(...(exports.classes ?? []), ...(exports.values ?? [])), ...types(...(exports.types ?? []))]
  );
}

/** The naming file's convenience layer, when there is one, replaces the client of the same name. */
export function emitIndex(plan: PackagePlan): SourceFilePlan[] {
  const { client } = plan.names;
  const { auth, convenience } = plan;
  const groups: [string, Exported[]][] = [
    ...(convenience
      ? [
          [
            modules.convenience,
            [...values(convenience.className), ...types(...convenience.types.map((t) => t.name))],
          ] as [string, Exported[]],
        ]
      : []),
    ...(convenience?.replacesClient ? [] : [[modules.client, values(client.client)] as [string, Exported[]]]),
    [
      modules.context,
      [
        ...values(client.contextFactory, ...client.dedicatedFactories.map((f) => f.name)),
        ...types(client.clientOptions, client.context),
        ...(auth.kinds.includes("basic") ? types(CREDENTIAL_TYPES.basic) : []),
        ...(auth.kinds.includes("key") ? types(CREDENTIAL_TYPES.key) : []),
      ],
    ],
    ...plan.groups.map(([group, ops]): [string, Exported[]] => [
      modules.api(group),
      ops.flatMap((op) => [...values(op.name), ...types(plan.names.optionsName(op))]),
    ]),
  ];
  if (plan.errorModels.length > 0) {
    groups.push([modules.serviceError, [...types(client.serviceError), ...values(client.isServiceError)]]);
  }
  if (plan.names.declarations.length > 0) groups.push([modules.models, modelExports(plan)]);
  for (const name of plan.runtimeModules) {
    const exported = runtimeExports(name);
    if (exported) groups.push([modules.runtime(name), exported]);
  }
  const statements = groups.map(([module, names]) => exportDeclaration(module, names));
  return [sourceFile(modules.index, [], statements, false)];
}

function modelExports(plan: PackagePlan): Exported[] {
  return plan.names.declarations.flatMap((d) => {
    const known = plan.names.knownName(d.named.name);
    return [
      ...types(d.name),
      ...(known && d.name === plan.names.typeName(d.named.name, "output") ? values(known) : []),
    ];
  });
}

function exportDeclaration(module: string, names: readonly Exported[]): ExportDeclarationStructure {
  const allTypes = names.every((n) => n.typeOnly);
  return {
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: moduleSpecifier(modules.index, module),
    isTypeOnly: allTypes,
    // Laid out (one line, or one name per line) by the printer.
    namedExports: names.map((n) => ({ name: n.name, isTypeOnly: !allTypes && n.typeOnly })),
  };
}
