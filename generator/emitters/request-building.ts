/**
 * The "build the request" step of an operation: the `RequestSpec` object literal handed to the
 * runtime's `sendRequest`. Parameters are serialised per their resolved style/explode
 * (OpenAPI 3 "Style Values"); the body per its encoding and media type.
 */
import { objectLiteralKey } from "../ir/naming.ts";
import type { BodyEncoding, MediaContentIR, OperationIR, ParameterIR, RequestBodyIR, TypeIR } from "../ir/types.ts";
import type { ImportBinder } from "./import-binder.ts";
import { conversion, converterName, modelDirection, type ConversionContext } from "./json-conversion.ts";
import type { OperationShape, ResultShape } from "./operation-shape.ts";
import { modelTypeText, modules, type SourcePlan } from "./source-plan.ts";
import { jsonTypeName } from "./emit-serialization.ts";

/** The members of the literal, by `RequestSpec` key, e.g. `{ key: "method", text: "\"GET\"" }`. */
export interface RequestMember {
  readonly key: "method" | "path" | "query" | "headers" | "body" | "accept" | "stream";
  readonly text: string;
}

/** Writes members as an object literal. */
export function objectLiteral(members: readonly RequestMember[]): string {
  return `{\n${members.map((m) => indent(`${m.key}: ${m.text},`)).join("\n")}\n}`;
}

export function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}

/** What a parameter's value is written as: its identifier, `options.<key>`, or the client's value. */
export function valueOf(shape: OperationShape, param: ParameterIR): { expr: string; optional: boolean } {
  if (param.clientValue === "api-version") return { expr: "context.apiVersion", optional: false };
  const positional = shape.positional.find((slot) => slot.param === param);
  if (positional) return { expr: positional.name, optional: !param.required && param.in !== "path" };
  const option = shape.optional.find((slot) => slot.param === param);
  return { expr: `options.${option?.name ?? param.tsName}`, optional: true };
}

/** The request of an operation, member by member (a body may contain `await`). */
export function requestMembers(plan: SourcePlan, binder: ImportBinder, shape: OperationShape): RequestMember[] {
  const { op } = shape;
  const members: RequestMember[] = [
    { key: "method", text: JSON.stringify(op.method) },
    { key: "path", text: pathTemplate(plan, shape) },
  ];
  const query = op.parameters.filter((p) => p.in === "query").flatMap((p) => queryEntries(plan, binder, p, valueOf(shape, p)));
  if (query.length > 0) members.push({ key: "query", text: entriesLiteral(query) });
  const headers = headerEntries(plan, shape);
  if (headers.length > 0) members.push({ key: "headers", text: entriesLiteral(headers) });
  if (shape.body) members.push({ key: "body", text: bodyExpression(plan, binder, shape.body.name, shape.body.body) });
  const accept = acceptHeader(shape);
  if (accept) members.push({ key: "accept", text: shape.accepts.length > 1 ? `options.accept ?? ${JSON.stringify(accept)}` : JSON.stringify(accept) });
  const stream = streamExpression(shape);
  if (stream) members.push({ key: "stream", text: stream });
  return members;
}

/** `true` when the default result is an event stream, else the test of the `accept` values that ask for one. */
function streamExpression(shape: OperationShape): string | undefined {
  const streams = (result: ResultShape) => result.kind === "body" && result.variants.some((v) => v.encoding === "event-stream");
  if (streams(shape.result)) return "true";
  const asked = shape.results.filter((choice) => streams(choice.result)).flatMap((choice) => choice.mediaTypes);
  return asked.length === 0 ? undefined : asked.map((m) => `options.accept === ${JSON.stringify(m)}`).join(" || ");
}

function entriesLiteral(entries: readonly string[]): string {
  return `{\n${entries.map((e) => indent(`${e},`)).join("\n")}\n}`;
}

/** The `accept` header sent when the caller does not choose: the default result's media types. */
export function acceptHeader(shape: OperationShape): string | undefined {
  return shape.results[0]?.defaultAccept || undefined;
}

/**
 * `/identities/${encodeURIComponent(id)}/:issueAccessToken`: literal text stays, values are
 * percent-encoded (ids like `8:acs:...` become `8%3Aacs%3A...`).
 */
function pathTemplate(plan: SourcePlan, shape: OperationShape): string {
  const encode = (expr: string): string => `encodeURIComponent(${expr})`;
  const text = shape.op.path.replace(/[`\\]|\$\{/g, (m) => `\\${m}`);
  const template = text.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const param = shape.op.parameters.find((p) => p.in === "path" && p.name === name);
    if (!param) return whole;
    const { expr } = valueOf(shape, param);
    const type = plan.catalog.resolve(param.type);
    if (type?.kind === "array") {
      const items = `${expr}.map((item) => ${encode(scalarString(plan, type.items, "item"))}).join(",")`;
      if (param.style === "label") return `.\${${items}}`;
      return param.style === "matrix" ? `;${param.name}=\${${items}}` : `\${${items}}`;
    }
    const encoded = encode(scalarString(plan, param.type, expr));
    if (param.style === "label") return `.\${${encoded}}`;
    if (param.style === "matrix") return `;${param.name}=\${${encoded}}`;
    return `\${${encoded}}`;
  });
  return template === text && !/[`\\$]/.test(shape.op.path) ? JSON.stringify(shape.op.path) : `\`${template}\``;
}

/** A scalar as a string: strings as-is, dates as RFC 3339, numbers and booleans via `String`. */
export function scalarString(plan: SourcePlan, type: TypeIR, expr: string): string {
  const resolved = plan.catalog.resolve(type);
  if (resolved?.kind === "date-time") return `${expr}.toISOString()`;
  const isString =
    resolved?.kind === "string" ||
    (resolved?.kind === "enum" && resolved.valueType === "string") ||
    (resolved?.kind === "literal" && typeof resolved.value === "string");
  return isString ? expr : `String(${expr})`;
}

/** `written` for an optional value: `undefined` (or `absent`) when the value is; `?.` where that reads better. */
function whenDefined(value: { expr: string; optional: boolean }, written: string, absent = "undefined"): string {
  if (!value.optional || written === value.expr) return written;
  if (absent === "undefined" && written.startsWith(`${value.expr}.`)) return `${value.expr}?.${written.slice(value.expr.length + 1)}`;
  return `${value.expr} === undefined ? ${absent} : ${written}`;
}

const delimiters: Partial<Record<ParameterIR["style"], string>> = { spaceDelimited: " ", pipeDelimited: "|" };

/** Entries of the `query` literal: `"name": value`, or `...entries` for exploded objects. */
function queryEntries(
  plan: SourcePlan,
  binder: ImportBinder,
  param: ParameterIR,
  value: { expr: string; optional: boolean },
): string[] {
  const key = objectLiteralKey(param.name);
  const type = plan.catalog.resolve(param.type);
  if (type?.kind === "array") {
    const item = scalarString(plan, type.items, "item");
    const items = item === "item" ? value.expr : `${value.expr}.map((item) => ${item})`;
    const written = param.explode ? items : `${items}.join(${JSON.stringify(delimiters[param.style] ?? ",")})`;
    return [`${key}: ${whenDefined(value, written)}`];
  }
  if (type?.kind === "object" || type?.kind === "map") {
    const entries = `Object.entries(${value.expr})`;
    if (param.style === "deepObject") {
      const spread = `${binder.value(modules.requestEncoding, "deepObjectQuery")}(${JSON.stringify(param.name)}, ${value.expr})`;
      return [`...(${whenDefined(value, spread, "{}")})`];
    }
    if (param.explode) {
      const spread = `Object.fromEntries(${entries}.map(([key, item]) => [key, String(item)]))`;
      return [`...(${whenDefined(value, spread, "{}")})`];
    }
    const joined = `${entries}.flatMap(([key, item]) => [key, String(item)]).join(",")`;
    return [`${key}: ${whenDefined(value, joined)}`];
  }
  return [`${key}: ${whenDefined(value, scalarString(plan, param.type, value.expr))}`];
}

/** Header parameters (`simple` style), and cookie parameters folded into one `cookie` header. */
function headerEntries(plan: SourcePlan, shape: OperationShape): string[] {
  const params = shape.op.parameters;
  const entries = params
    .filter((p) => p.in === "header")
    .map((p) => `${objectLiteralKey(p.name)}: ${whenDefined(valueOf(shape, p), simpleString(plan, p, valueOf(shape, p).expr))}`);
  const cookies = params.filter((p) => p.in === "cookie");
  if (cookies.length > 0) {
    const parts = cookies.map((p) => {
      const value = valueOf(shape, p);
      const pair = `\`${p.name}=\${encodeURIComponent(${simpleString(plan, p, value.expr)})}\``;
      return whenDefined(value, pair);
    });
    entries.push(`cookie: [${parts.join(", ")}].filter((part) => part !== undefined).join("; ") || undefined`);
  }
  return entries;
}

function simpleString(plan: SourcePlan, param: ParameterIR, expr: string): string {
  const type = plan.catalog.resolve(param.type);
  if (type?.kind === "array") {
    const item = scalarString(plan, type.items, "item");
    return item === "item" ? `${expr}.join(",")` : `${expr}.map((item) => ${item}).join(",")`;
  }
  if (type?.kind === "object" || type?.kind === "map") {
    const pair = param.explode ? "[`${key}=${String(item)}`]" : "[key, String(item)]";
    return `Object.entries(${expr}).flatMap(([key, item]) => ${pair}).join(",")`;
  }
  return scalarString(plan, param.type, expr);
}

/**
 * The `body` of the request spec, per the body's encoding; with several media types, per the
 * `contentType` the caller chose (`body.value` is then the content).
 */
function bodyExpression(plan: SourcePlan, binder: ImportBinder, name: string, body: RequestBodyIR): string {
  let written: string;
  if (!body.alternatives) written = contentExpression(plan, binder, name, body);
  else {
    const [last, ...others] = [body, ...body.alternatives].reverse();
    written = contentExpression(plan, binder, `${name}.value`, last!);
    for (const content of others) {
      const test = `${name}.contentType === ${JSON.stringify(content.mediaType)}`;
      written = `${test}\n  ? ${contentExpression(plan, binder, `${name}.value`, content)}\n  : ${written.replace(/\n/g, "\n  ")}`;
    }
  }
  return body.required ? written : `${name} === undefined ? undefined : ${written}`;
}

/** One media type's content as the request spec's `body`, from the expression `name`. */
function contentExpression(plan: SourcePlan, binder: ImportBinder, name: string, body: MediaContentIR<BodyEncoding>): string {
  const contentType = JSON.stringify(body.mediaType.includes("*") ? "application/octet-stream" : body.mediaType);
  const encoding = modules.requestEncoding;
  switch (body.encoding) {
    case "json": {
      const context: ConversionContext = {
        plan,
        mode: "serialize",
        converter: (type) => binder.value(modules.serialization, converterName("serialize", plan.names.typeName(type, modelDirection("serialize")))),
        assertedType: (type) => `${binder.type(modules.serialization, jsonTypeName)}<${modelTypeText(plan, binder, type, "input")}>`,
        sourceType: (type) => modelTypeText(plan, binder, type, "input"),
      };
      return `{ contentType: ${contentType}, text: JSON.stringify(${conversion(body.type, name, context) ?? name}) }`;
    }
    case "text":
      return `{ contentType: ${contentType}, text: ${scalarString(plan, body.type, name)} }`;
    case "form":
      return `{ contentType: ${contentType}, text: ${binder.value(encoding, "formUrlEncoded")}(${name}) }`;
    case "multipart":
      return `await ${binder.value(encoding, "multipartBody")}(${name})`;
    case "binary":
      return plan.catalog.resolve(body.type)?.kind === "binary"
        ? `{ contentType: ${contentType}, bytes: ${name} instanceof Uint8Array ? ${name} : new Uint8Array(await ${name}.arrayBuffer()) }`
        : `{ contentType: ${contentType}, text: ${scalarString(plan, body.type, name)} }`;
  }
}

/** Whether a query parameter is an object sent deepObject-style (`name[key]=value`). */
export function usesDeepObject(plan: SourcePlan, op: OperationIR): boolean {
  return op.parameters.some((p) => {
    const type = plan.catalog.resolve(p.type);
    return p.in === "query" && p.style === "deepObject" && (type?.kind === "object" || type?.kind === "map");
  });
}
