/**
 * `src/convenience.ts`: the convenience layer a service's naming file declares (`convenience` in
 * `spec/<service>/cli.yaml`): a class extending the generated client with methods named as a known
 * SDK names them, each calling one generated method, plus the interfaces they take and return. Code
 * written for that SDK then compiles against the package after changing only its import. Only
 * emitted when the naming file declares the layer; the constructors are the generated client's.
 */
import type {
  ClassDeclarationStructure,
  InterfaceDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
} from "../../print/structures.ts";
import type { ConvenienceMethodModel, ConvenienceModel } from "../../plan/convenience/convenience-model.ts";
import { REQUEST_OPTIONS } from "../../plan/convenience/convenience-model.ts";
import type { ConvenienceMember, ConvenienceType } from "../../plan/convenience/convenience-naming.ts";
import { ImportBinder } from "../shared/import-binder.ts";
import { docs, type DocTag } from "../shared/jsdoc.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { sourceFile, type PlannedStatement, type SourceFilePlan } from "../../print/source-file.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

/** Why `present` exists is in its doc comment, which the generated file keeps. */
const PRESENT_HELPER = `/**
 * A property the spec leaves optional but a result of this layer needs: a missing one is an error
 * naming it, rather than \`undefined\` where the type promises a value.
 */
function present<T>(value: T | undefined, path: string): T {
  if (value === undefined) throw new Error(\`The service's response lacks "\${path}"\`);
  return value;
}`;

/** `src/convenience.ts`, when the naming file declares a convenience layer. */
export function emitConvenience(plan: PackagePlan): SourceFilePlan[] {
  const model = plan.convenience;
  if (!model) return [];
  const binder = new ImportBinder(modules.convenience, [model.className, ...model.types.map((t) => t.name), "present"]);
  const typeRef = (text: string): string => {
    const name = text.replace(/\[\]$/, "");
    const suffix = text.slice(name.length);
    if (model.models.has(name)) return binder.type(modules.models, name) + suffix;
    if (name === REQUEST_OPTIONS) return binder.type(modules.runtime("send-request"), REQUEST_OPTIONS) + suffix;
    return text;
  };
  const base = binder.value(modules.client, plan.names.client.client, `Generated${plan.names.client.client}`);
  const statements: PlannedStatement[] = model.types.map((type) => interfaceOf(type, typeRef));
  const declaration: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: model.className,
    isExported: true,
    extends: base,
    docs: docs(model.description ?? `${plan.names.client.client} with convenience methods.`),
    methods: model.methods.map((method) => methodOf(method, typeRef)),
  };
  statements.push(declaration);
  if (model.methods.some((m) => m.checked.length > 0)) statements.push({ kind: "verbatim", text: PRESENT_HELPER });
  return [sourceFile(modules.convenience, binder.imports(), statements)];
}

function interfaceOf(type: ConvenienceType, typeRef: (text: string) => string): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: type.name,
    isExported: true,
    extends: type.extends ? [typeRef(type.extends)] : [],
    docs: docs(type.description),
    properties: type.properties.map((p) => ({
      name: p.name,
      type: typeRef(p.type),
      hasQuestionToken: p.optional,
      docs: docs(p.description),
    })),
  };
}

function methodOf(method: ConvenienceMethodModel, typeRef: (text: string) => string): MethodDeclarationStructure {
  const taken = method.options?.taken ?? [];
  const parameters = method.parameters.map((p): OptionalKind<ParameterDeclarationStructure> => {
    // An options bag that properties are taken out of defaults to `{}` rather than being optional.
    const defaulted = p.optional && p.name === method.options?.name && taken.length > 0;
    return {
      name: p.name,
      type: typeRef(p.type),
      ...(defaulted ? { initializer: "{}" } : { hasQuestionToken: p.optional }),
    };
  });
  const call = `this.${method.op.name}(${method.args.join(", ")})`;
  const statements: string[] = [];
  if (method.options && taken.length > 0)
    statements.push(`const { ${taken.join(", ")}, ...requestOptions } = ${method.options.name};`);
  if (method.result !== undefined) {
    statements.push(
      `const result = await ${call};`,
      ...method.checked.map((local) => `const ${local.name} = ${local.value};`),
      `return ${method.result};`,
    );
  } else if (method.returns !== undefined) statements.push(`return await ${call};`);
  else statements.push(`await ${call};`);
  const tags: DocTag[] = method.parameters.flatMap((p: ConvenienceMember) =>
    p.description ? [{ tagName: "param", text: `${p.name} - ${p.description}` }] : [],
  );
  return {
    kind: StructureKind.Method,
    name: method.name,
    isAsync: true,
    parameters,
    returnType: `Promise<${method.returns ? typeRef(method.returns) : "void"}>`,
    docs: docs(
      `${method.summary ? `${method.summary}\n\n` : ""}Calls \`${method.op.name}\` of the generated client.`,
      tags,
    ),
    statements,
  };
}
