/**
 * `src/api/<group>.ts`: one exported, tree-shakable function per operation, in three steps:
 * build the request, send it, read the response. Each operation has an options interface that
 * extends the runtime's `RequestOptions` with its optional query/header parameters.
 */
import type {
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  OptionalKind,
  PropertySignatureStructure,
} from "../../print/structures.ts";
import { compareStrings } from "../../ir/naming.ts";
import type { OperationIR, TypeIR } from "../../ir/types.ts";
import { ImportBinder } from "../shared/import-binder.ts";
import { deprecatedTag, docs } from "../shared/jsdoc.ts";
import {
  conversion,
  converterName,
  isPolymorphicConversion,
  jsonTypeName,
  type ConversionContext,
} from "../shared/json-conversion.ts";
import { parameterNames, type BodyVariant, type OperationShape, type ResultShape } from "../../plan/operation-shape.ts";
import { operationSignature, parameterDescription } from "../shared/operation-signature.ts";
import { itemsReader, nextTokenReader, pageRequest } from "./paging-conventions.ts";
import { indent, objectLiteral, requestMembers } from "../shared/request-building.ts";
import { modules, shapeOf, type PackagePlan } from "../../plan/package-plan.ts";
import { modelTypeText } from "../shared/model-type-text.ts";
import { sourceFile, type PlannedStatement, type SourceFilePlan } from "../../print/source-file.ts";
import { StructureKind } from "../../print/structure-kinds.ts";

export function emitOperations(plan: PackagePlan): SourceFilePlan[] {
  return plan.groups.map(([group, ops]) => {
    const path = modules.api(group);
    const declared = ops.flatMap((op) => [op.name, plan.names.optionsName(op)]);
    // Imports a function's parameters would shadow (a query parameter `serializeWidget`) get aliases.
    const parameters = new Set(["context", ...ops.flatMap((op) => parameterNames(shapeOf(plan, op)))]);
    const binder = new ImportBinder(path, [...declared, ...parameters]);
    const statements: PlannedStatement[] = ops.flatMap((op) => {
      const shape = shapeOf(plan, op);
      return [optionsInterface(plan, binder, shape), operationFunction(plan, binder, shape, path)];
    });
    return sourceFile(path, binder.imports(), statements);
  });
}

function optionsInterface(
  plan: PackagePlan,
  binder: ImportBinder,
  shape: OperationShape,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: plan.names.optionsName(shape.op),
    isExported: true,
    extends: [binder.type(modules.runtime("send-request"), "RequestOptions")],
    docs: docs(`Optional parameters of {@link ${shape.op.name}}, and per-call settings.`),
    properties: [
      ...shape.optional.map((slot) => ({
        name: slot.name,
        hasQuestionToken: true,
        type: modelTypeText(plan, binder, slot.param.type, "input"),
        docs: docs(parameterDescription(slot), deprecatedTag(slot.param.deprecated)),
      })),
      ...(shape.accepts.length > 1 ? [acceptProperty(shape)] : []),
    ],
  };
}

/** The `accept` option: the media types the responses come in, and what each kind returns. */
function acceptProperty(shape: OperationShape): OptionalKind<PropertySignatureStructure> {
  const [first] = shape.results;
  const kinds =
    shape.results.length > 1
      ? " (the result's type follows: JSON is parsed, text is a string, events an `EventStream`, anything else bytes)"
      : "";
  return {
    name: "accept",
    hasQuestionToken: true,
    type: shape.accepts.map((m) => JSON.stringify(m)).join(" | "),
    docs: docs(`The media type to ask for; default ${"`"}${first?.defaultAccept ?? ""}${"`"}${kinds}.`),
  };
}

function operationFunction(
  plan: PackagePlan,
  binder: ImportBinder,
  shape: OperationShape,
  path: string,
): FunctionDeclarationStructure {
  const signature = operationSignature(plan, binder, shape, path, true);
  const context = binder.type(modules.context, plan.names.client.context);
  const [last] = signature.parameters.slice(-1);
  const parameters = [
    { name: "context", type: context },
    ...signature.parameters.slice(0, -1),
    { name: "options", type: last?.type ?? "never", initializer: "{}" },
  ];
  const paged = shape.result.kind === "paged";
  const overloaded = signature.overloads.length > 0;
  return {
    kind: StructureKind.Function,
    name: shape.op.name,
    isExported: true,
    isAsync: !paged,
    overloads: signature.overloads.map((o) => ({
      parameters: [{ name: "context", type: context }, ...o.parameters],
      returnType: o.returnType,
      docs: signature.docs,
      isExported: true,
    })),
    parameters,
    returnType: signature.returnType,
    docs: overloaded ? [] : signature.docs,
    statements: paged ? pagedStatements(plan, binder, shape) : sendStatements(plan, binder, shape),
  };
}

/** `context`, or a copy without the signer for operations the spec marks anonymous (`security: []`). */
function contextArgument(shape: OperationShape): string {
  const anonymous = shape.op.security !== undefined && shape.op.security.length === 0;
  return anonymous ? "{ ...context, signer: undefined }" : "context";
}

function sendCall(binder: ImportBinder, shape: OperationShape, request: string): string {
  const send = binder.value(modules.runtime("send-request"), "sendRequest");
  const args = [contextArgument(shape), request, "options"];
  if (!request.includes("\n")) return `await ${send}(${args.join(", ")})`;
  return `await ${send}(\n${indent(args.map((a) => `${a},`).join("\n"))}\n)`;
}

function sendStatements(plan: PackagePlan, binder: ImportBinder, shape: OperationShape): string[] {
  const request = objectLiteral(requestMembers(plan, binder, shape));
  if (shape.result.kind !== "body") return [`${sendCall(binder, shape, request)};`];
  const statements = [`const response = ${sendCall(binder, shape, request)};`];
  // The kinds the caller may choose, each read in its own branch; the default one last.
  for (const choice of shape.results.slice(1)) {
    const test = choice.mediaTypes.map((m) => `options.accept === ${JSON.stringify(m)}`).join(" || ");
    statements.push(`if (${test}) {\n${indent(readResult(plan, binder, choice.result).join("\n"))}\n}`);
  }
  return [...statements, ...readResult(plan, binder, shape.result)];
}

/** Statements that read `response` as a result's body, returning it. */
function readResult(plan: PackagePlan, binder: ImportBinder, result: ResultShape): string[] {
  if (result.kind !== "body") return ["return;"];
  const statements: string[] = [];
  if (result.emptyStatuses) {
    // A streamed body is unread, so only a bodiless status tells an event stream from nothing.
    const streamed = result.variants.some((v) => v.encoding === "event-stream");
    const empty =
      result.emptyStatuses.length === 0
        ? `response.bodyText === ""${streamed ? " && response.stream === undefined" : ""}`
        : result.emptyStatuses.map((s) => `response.status === ${s}`).join(" || ");
    statements.push(`if (${empty}) return undefined;`);
  }
  const variants = [...result.variants].sort(
    (a, b) => Number(a.statuses.length === 0) - Number(b.statuses.length === 0),
  );
  variants.forEach((variant, index) => {
    const read = readBody(plan, binder, variant);
    if (index === variants.length - 1) {
      statements.push(...read);
      return;
    }
    const test = variant.statuses.map((s) => `response.status === ${s}`).join(" || ");
    statements.push(read.length === 1 ? `if (${test}) ${read[0]}` : `if (${test}) {\n${indent(read.join("\n"))}\n}`);
  });
  return statements;
}

/** Statements ending in `return <value>;` that read `response` as a variant's body. */
function readBody(plan: PackagePlan, binder: ImportBinder, variant: BodyVariant): string[] {
  if (variant.encoding === "text") return ["return response.bodyText;"];
  if (variant.encoding === "event-stream") {
    return [`return ${binder.value(modules.runtime("event-stream"), "readEventStream")}(response, options);`];
  }
  if (variant.encoding === "binary") return ["return response.bodyBytes;"];
  const output = modelTypeText(plan, binder, variant.type, "output");
  const context = deserializeContext(plan, binder);
  const jsonOf = (t: string): string => `${binder.type(modules.serialization, jsonTypeName)}<${t}>`;
  const probe = conversion(variant.type, "json", context);
  const required = requiredArgument(plan, variant.type);
  if (probe === undefined)
    return [
      `return ${binder.value(modules.runtime("send-request"), "parseJson")}<${output}>(${["response", ...required].join(", ")});`,
    ];
  // Converting checks the body's shape as it goes: `convertJson` turns a mismatch into a `ResponseParseError`.
  const convertJson = binder.value(modules.runtime("response-shape"), "convertJson");
  const convert =
    directConverter(plan, variant.type, context) ??
    `(json: ${jsonOf(output)}) => ${probe.startsWith("{") ? `(${probe})` : probe}`;
  return [`return ${convertJson}(${["response", convert, ...required].join(", ")});`];
}

/** The converter function itself, when converting a body of `type` is one call of it. */
function directConverter(plan: PackagePlan, type: TypeIR, context: ConversionContext): string | undefined {
  if (type.kind !== "ref" || isPolymorphicConversion(plan, type.name, "deserialize")) return undefined;
  return plan.catalog.hasOwnDates(type.name, "output") ? context.converter(type.name) : undefined;
}

/**
 * `parseJson`'s second argument: the wire names of the top-level required properties of an
 * object-like type (named objects, `allOf` intersections), sorted; none for other types, or when
 * nothing is required.
 */
function requiredArgument(plan: PackagePlan, type: TypeIR): string[] {
  const properties = plan.catalog.properties(type, "output") ?? [];
  const names = properties
    .filter((p) => p.required)
    .map((p) => p.name)
    .sort(compareStrings);
  return names.length === 0 ? [] : [`[${names.map((name) => JSON.stringify(name)).join(", ")}]`];
}

function deserializeContext(plan: PackagePlan, binder: ImportBinder): ConversionContext {
  return {
    plan,
    mode: "deserialize",
    converter: (name) =>
      binder.value(modules.serialization, converterName("deserialize", plan.names.typeName(name, "output"))),
    assertedType: (type) => modelTypeText(plan, binder, type, "output"),
    sourceType: (type) =>
      `${binder.type(modules.serialization, jsonTypeName)}<${modelTypeText(plan, binder, type, "output")}>`,
    check: (name) => binder.value(modules.runtime("response-shape"), name),
  };
}

/**
 * A pager over `fetchPage`, which fetches the first page or the one a continuation token names (per
 * the paging convention: paging-conventions.ts) and returns it with the response headers.
 */
function pagedStatements(plan: PackagePlan, binder: ImportBinder, shape: OperationShape): string[] {
  if (shape.result.kind !== "paged") return [];
  const { page, paging } = shape.result;
  const runtime = (name: string): string => binder.type(modules.runtime("paging"), name);
  const spec = binder.type(modules.runtime("send-request"), "RequestSpec");
  const pageType = modelTypeText(plan, binder, page.type, "output");
  const request = pageRequest(binder, shape, paging, requestMembers(plan, binder, shape), spec);
  const read = readBody(plan, binder, page);
  // readBody ends in `return <page>;`: the response goes with it (a `Link` header may name the next page).
  const last = (read.pop() ?? "return undefined;").replace(/^return ([\s\S]*);$/, "return { page: $1, response };");
  const fetchPage = [
    `const fetchPage = async (pageRequest: ${runtime("PageRequest")}): Promise<${runtime("FetchedPage")}<${pageType}>> => {`,
    indent(
      [...request.statements, `const response = ${sendCall(binder, shape, request.sent)};`, ...read, last].join("\n"),
    ),
    "};",
  ].join("\n");
  const properties = plan.catalog.properties(page.type, "output") ?? [];
  const pager = binder.value(modules.runtime("paging"), "createPager");
  const args = ["fetchPage", itemsReader(paging, properties), nextTokenReader(binder, shape, paging)];
  return [fetchPage, `return ${pager}(\n${indent(args.map((a) => `${a},`).join("\n"))}\n);`];
}
