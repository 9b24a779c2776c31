/**
 * The typed signature and JSDoc of an operation, written the same way for its function and for
 * the client method (which drops the context parameter).
 */
import type { OptionalKind, ParameterDeclarationStructure } from "../../print/structures.ts";
import { kebabCase } from "../../ir/naming.ts";
import type { RequestBodyIR, ResponseIR, TypeIR } from "../../ir/types.ts";
import type { ImportBinder } from "./import-binder.ts";
import { constraintLines, defaultValueTag, deprecatedTag, docs, paragraphs, type DocTag } from "./jsdoc.ts";
import type { OperationShape, ParameterSlot, ResultShape } from "../../plan/operation-shape.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { modelTypeText } from "./model-type-text.ts";

export interface OperationSignature {
  /** Parameters after the context: positional ones, the body, then `options`. */
  readonly parameters: OptionalKind<ParameterDeclarationStructure>[];
  readonly returnType: string;
  readonly docs: ReturnType<typeof docs>;
  /**
   * When the caller chooses between kinds of result with `accept`: one signature per kind (the
   * default first, `accept` optional), then the general one. Empty otherwise.
   */
  readonly overloads: readonly {
    readonly parameters: OptionalKind<ParameterDeclarationStructure>[];
    readonly returnType: string;
  }[];
}

export function operationSignature(
  plan: PackagePlan,
  binder: ImportBinder,
  shape: OperationShape,
  optionsModule: string,
  withContext: boolean,
): OperationSignature {
  const type = (t: Parameters<typeof modelTypeText>[2]): string => modelTypeText(plan, binder, t, "input");
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = shape.positional.map((slot) => ({
    name: slot.name,
    type: type(slot.param.type),
  }));
  if (shape.body) {
    parameters.push({
      name: shape.body.name,
      type: bodyType(plan, binder, shape.body.body),
      hasQuestionToken: !shape.body.body.required,
    });
  }
  const options = binder.type(optionsModule, plan.names.optionsName(shape.op));
  const overloads =
    shape.results.length < 2
      ? []
      : [
          ...shape.results.map((choice, index) => ({
            parameters: [
              // A required `options` cannot follow an optional body: the body then takes `undefined` instead.
              ...(index === 0
                ? parameters
                : parameters.map((p) =>
                    p.hasQuestionToken ? { ...p, hasQuestionToken: false, type: `${String(p.type)} | undefined` } : p,
                  )),
              {
                name: "options",
                type: `${options} & { accept${index === 0 ? "?" : ""}: ${choice.mediaTypes.map((m) => JSON.stringify(m)).join(" | ")} }`,
                hasQuestionToken: index === 0,
              },
            ],
            returnType: resultType(plan, binder, choice.result),
          })),
          {
            parameters: [...parameters, { name: "options", type: options, hasQuestionToken: true }],
            returnType: returnType(plan, binder, shape),
          },
        ];
  parameters.push({ name: "options", type: options, hasQuestionToken: true });
  return {
    parameters,
    returnType: returnType(plan, binder, shape),
    docs: operationDocs(plan, shape, withContext),
    overloads,
  };
}

/**
 * The body parameter's type: the body's, or with several media types a union discriminated by
 * `contentType`, e.g. `{ contentType: "multipart/form-data"; value: UploadForm } | ...`.
 */
function bodyType(plan: PackagePlan, binder: ImportBinder, body: RequestBodyIR): string {
  const type = (t: TypeIR): string => modelTypeText(plan, binder, t, "input");
  if (!body.alternatives) return type(body.type);
  return [body, ...body.alternatives]
    .map((c) => `{ contentType: ${JSON.stringify(c.mediaType)}; value: ${type(c.type)} }`)
    .join(" | ");
}

/** The promised result of the operation's function: any choice's result when the caller may choose. */
export function returnType(plan: PackagePlan, binder: ImportBinder, shape: OperationShape): string {
  if (shape.results.length < 2) return resultType(plan, binder, shape.result);
  const members = shape.results.flatMap((choice) => resultMembers(plan, binder, choice.result));
  return `Promise<${[...new Set(members)].join(" | ")}>`;
}

function resultType(plan: PackagePlan, binder: ImportBinder, result: ResultShape): string {
  if (result.kind === "paged") {
    const output = (t: TypeIR): string => modelTypeText(plan, binder, t, "output");
    const pager = binder.type(modules.runtime("paging"), "PagedAsyncIterableIterator");
    return `${pager}<${output(result.paging.itemType)}, ${output(result.page.type)}>`;
  }
  return `Promise<${[...new Set(resultMembers(plan, binder, result))].join(" | ")}>`;
}

/** The types a (non-paged) result resolves to: per body variant, and `undefined` for bodiless statuses. */
function resultMembers(plan: PackagePlan, binder: ImportBinder, result: ResultShape): string[] {
  if (result.kind !== "body") return ["void"];
  const types = result.variants.map((v) => {
    if (v.encoding === "json") return modelTypeText(plan, binder, v.type, "output");
    if (v.encoding === "event-stream") return binder.type(modules.runtime("event-stream"), "EventStream");
    return v.encoding === "text" ? "string" : "Uint8Array";
  });
  return result.emptyStatuses ? [...types, "undefined"] : types;
}

function operationDocs(plan: PackagePlan, shape: OperationShape, withContext: boolean): ReturnType<typeof docs> {
  const { op } = shape;
  const tags: DocTag[] = [];
  if (withContext) {
    tags.push({
      tagName: "param",
      text: `context - The client context, from {@link ${plan.names.client.contextFactory}}.`,
    });
  }
  for (const slot of shape.positional)
    tags.push({ tagName: "param", text: `${slot.name} - ${parameterDescription(slot)}` });
  if (shape.body) {
    const text = shape.body.body.description ?? "The request body.";
    tags.push({ tagName: "param", text: `${shape.body.name} - ${text}` });
  }
  tags.push({
    tagName: "param",
    text: "options - Optional parameters, and per-call settings (abort signal, timeout, extra headers and query parameters).",
  });
  tags.push({ tagName: "returns", text: returnsText(shape) });
  tags.push(...throwsTags(plan, op.errors), ...deprecatedTag(op.deprecated));
  return docs(paragraphs(op.summary, op.description) ?? `\`${op.method} ${op.path}\``, tags);
}

/** A parameter's description with its constraints and default, for `@param` and option properties. */
export function parameterDescription(slot: ParameterSlot): string {
  const { param } = slot;
  const base =
    param.description === undefined
      ? `The \`${param.name}\` ${param.in} parameter.`
      : withWireName(param.description, param);
  const constraints = "constraints" in param.type ? constraintLines(param.type.constraints) : [];
  const fallback = defaultValueTag(param.default)[0]?.text;
  const extra = [...constraints, ...(typeof fallback === "string" ? [`Default: ${fallback}`] : [])];
  return extra.length === 0 ? base : `${base} (${extra.join("; ")})`;
}

/**
 * `description`, then `Sent as \`DateSent<\`.` when the identifier does not tell the wire name: it
 * had punctuation beyond `-` and `_` (operators, `$`, `.`, brackets), or was numbered apart from a namesake.
 */
function withWireName(description: string, param: ParameterSlot["param"]): string {
  const plain = /^[\p{L}\p{N}_-]*$/u.test(param.name) && kebabCase(param.name) === kebabCase(param.tsName);
  return plain ? description : `${description}${/[.!?]$/.test(description) ? "" : "."} Sent as \`${param.name}\`.`;
}

function returnsText(shape: OperationShape): string {
  const result = shape.result;
  if (result.kind === "void") return "Resolves when the service has accepted the request.";
  if (result.kind === "paged") {
    return "The items of every page, fetched lazily as iteration proceeds; `byPage()` iterates whole pages.";
  }
  const described = shape.op.responses.map((r) => r.description?.trim()).filter((d): d is string => Boolean(d));
  const text = [...new Set(described)].join(" / ") || "The response body.";
  return result.emptyStatuses ? `${text} (\`undefined\` when the response has no body)` : text;
}

/** `@throws {HttpError<Model>} description`, one per distinct error model. */
function throwsTags(plan: PackagePlan, errors: readonly ResponseIR[]): DocTag[] {
  const byType = new Map<string, string[]>();
  for (const error of errors) {
    const name = error.type ? modelTypeTextForDocs(plan, error) : "unknown";
    const label = error.status === "default" ? "" : `${error.status}: `;
    byType.set(name, [...(byType.get(name) ?? []), `${label}${error.description ?? "An error response."}`]);
  }
  if (byType.size === 0)
    return [{ tagName: "throws", text: "{HttpError} When the service responds with a non-2xx status." }];
  return [...byType.entries()].map(([name, texts]) => ({
    tagName: "throws",
    text: `{${name === "unknown" ? "HttpError" : `HttpError<${name}>`}} ${[...new Set(texts)].join(" / ")}`,
  }));
}

function modelTypeTextForDocs(plan: PackagePlan, error: ResponseIR): string {
  return error.type?.kind === "ref" ? plan.names.typeName(error.type.name, "output") : "unknown";
}
