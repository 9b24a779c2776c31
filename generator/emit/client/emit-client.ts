/**
 * `src/client.ts`: the client class, a thin layer over the operation functions. One method per
 * operation, with the function's parameters minus the context; constructor overloads as
 * `createXContext` has them.
 */
import type { ClassDeclarationStructure, MethodDeclarationStructure } from "../../print/structures.ts";
import type { OperationIR } from "../../ir/types.ts";
import { contextSignatures, type ContextSignatures } from "../shared/context-signatures.ts";
import { ImportBinder } from "../shared/import-binder.ts";
import { docs, paragraphs } from "../shared/jsdoc.ts";
import { parameterNames } from "../../plan/operation-shape.ts";
import { operationSignature } from "../shared/operation-signature.ts";
import { modules, shapeOf, type PackagePlan } from "../../plan/package-plan.ts";
import { sourceFile, type SourceFilePlan } from "../../print/source-file.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

export function emitClient(plan: PackagePlan): SourceFilePlan[] {
  const { client } = plan.names;
  // A method's parameters would shadow an imported operation function of the same name (an
  // operation `options` called from a method with an `options` parameter): such imports get aliases.
  const shapes = plan.api.operations.map((op) => shapeOf(plan, op));
  const binder = new ImportBinder(modules.client, [client.client, ...new Set(shapes.flatMap(parameterNames))]);
  const signatures = contextSignatures(plan, binder);
  const factory = binder.value(modules.context, client.contextFactory);
  const overloaded = signatures.signatures.length > 1;
  const [only] = signatures.signatures;
  const declaration: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: client.client,
    isExported: true,
    docs: docs(classDescription(plan, signatures)),
    properties: [{ name: "#context", type: binder.type(modules.context, client.context), isReadonly: true }],
    ctors: [
      {
        overloads: overloaded
          ? signatures.signatures.map((s) => ({ parameters: s.parameters, docs: docs(s.description, s.tags) }))
          : [],
        parameters: overloaded ? signatures.implementation : (only?.parameters ?? []),
        docs: overloaded ? [] : docs(only?.description, only?.tags ?? []),
        statements: [`this.#context = ${signatures.forward(factory)};`],
      },
    ],
    methods: plan.api.operations.map((op) => method(plan, binder, op)),
  };
  return [sourceFile(modules.client, binder.imports(), [declaration])];
}

function method(plan: PackagePlan, binder: ImportBinder, op: OperationIR): MethodDeclarationStructure {
  const shape = shapeOf(plan, op);
  const path = modules.api(op.group);
  const signature = operationSignature(plan, binder, shape, path, false);
  const fn = binder.value(path, op.name);
  const args = ["this.#context", ...signature.parameters.map((p) => p.name)];
  const overloaded = signature.overloads.length > 0;
  return {
    kind: StructureKind.Method,
    name: op.name,
    overloads: signature.overloads.map((o) => ({
      parameters: o.parameters,
      returnType: o.returnType,
      docs: signature.docs,
    })),
    parameters: signature.parameters,
    returnType: signature.returnType,
    docs: overloaded ? [] : signature.docs,
    statements: [`return ${fn}(${args.join(", ")});`],
  };
}

function classDescription(plan: PackagePlan, signatures: ContextSignatures): string {
  const { client } = plan.names;
  const intro = plan.api.description ?? `A client for ${plan.api.title}.`;
  const note = `Each method is also available as a function over a context from {@link ${client.contextFactory}}, for smaller bundles.`;
  return paragraphs(intro, note, `@example\n\`\`\`ts\n${example(plan, signatures).join("\n")}\n\`\`\``) ?? intro;
}

function example(plan: PackagePlan, signatures: ContextSignatures): string[] {
  const { auth, endpoint } = signatures;
  const name = plan.names.client.client;
  const lines = [`import { ${name} } from ${JSON.stringify(plan.pkg.name)};`, ""];
  const endpointArg = !endpoint.required
    ? []
    : endpoint.isOrigin
      ? [`"https://<host>"`]
      : [`"<${endpoint.parameter}>"`];
  if (auth.connectionString) {
    const { endpointKey, keyKey } = auth.connectionString;
    lines.push(`const client = new ${name}("${endpointKey}=https://<host>/;${keyKey}=<base64 key>");`);
  } else if (auth.kinds[0] === "token") {
    lines.push("// any credential with getToken(scopes), e.g. new DefaultAzureCredential() from @azure/identity");
    lines.push(`const client = new ${name}(${[...endpointArg, "credential"].join(", ")});`);
  } else if (auth.kinds[0] === "key") {
    lines.push(`const client = new ${name}(${[...endpointArg, `{ key: "<key>" }`].join(", ")});`);
  } else if (auth.kinds[0] === "basic") {
    lines.push(
      `const client = new ${name}(${[...endpointArg, `{ username: "<user>", password: "<password>" }`].join(", ")});`,
    );
  } else {
    lines.push(`const client = new ${name}(${endpointArg.join(", ")});`);
  }
  const op = plan.api.operations[0];
  if (op) {
    const shape = shapeOf(plan, op);
    const args = [...shape.positional.map((s) => s.name), ...(shape.body?.body.required ? [shape.body.name] : [])].join(
      ", ",
    );
    lines.push(
      shape.result.kind === "paged"
        ? `for await (const item of client.${op.name}(${args})) console.log(item);`
        : `const result = await client.${op.name}(${args});`,
    );
  }
  return lines;
}
