/**
 * The "build the request" step of an operation: the `RequestSpec` object literal handed to the
 * runtime's `sendRequest`. Parameters are serialised per their resolved style/explode
 * (OpenAPI 3 "Style Values"); the body per its encoding and media type.
 */
import { objectLiteralKey } from "../../ir/naming.ts";
import type { BodyEncoding, MediaContentIR, OperationIR, ParameterIR, RequestBodyIR, TypeIR } from "../../ir/types.ts";
import type { ImportBinder } from "./import-binder.ts";
import { conversion, converterName, jsonTypeName, modelDirection, type ConversionContext } from "./json-conversion.ts";
import type { OperationShape, ResultShape } from "../../plan/operation-shape.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { modelTypeText } from "./model-type-text.ts";

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
export function requestMembers(plan: PackagePlan, binder: ImportBinder, shape: OperationShape): RequestMember[] {
  const { op } = shape;
  const members: RequestMember[] = [
    { key: "method", text: JSON.stringify(op.method) },
    { key: "path", text: pathTemplate(plan, binder, shape) },
  ];
  const query = op.parameters
    .filter((p) => p.in === "query")
    .flatMap((p) => queryEntries(plan, binder, p, valueOf(shape, p)));
  if (query.length > 0) members.push({ key: "query", text: entriesLiteral(query) });
  const headers = headerEntries(plan, shape);
  if (headers.length > 0) members.push({ key: "headers", text: entriesLiteral(headers) });
  if (shape.body) members.push({ key: "body", text: bodyExpression(plan, binder, shape.body.name, shape.body.body) });
  const accept = acceptHeader(shape);
  if (accept)
    members.push({
      key: "accept",
      text: shape.accepts.length > 1 ? `options.accept ?? ${JSON.stringify(accept)}` : JSON.stringify(accept),
    });
  const stream = streamExpression(shape);
  if (stream) members.push({ key: "stream", text: stream });
  return members;
}

/** `true` when the default result is an event stream, else the test of the `accept` values that ask for one. */
function streamExpression(shape: OperationShape): string | undefined {
  const streams = (result: ResultShape) =>
    result.kind === "body" && result.variants.some((v) => v.encoding === "event-stream");
  if (streams(shape.result)) return "true";
  const asked = shape.results.filter((choice) => streams(choice.result)).flatMap((choice) => choice.mediaTypes);
  return asked.length === 0 ? undefined : asked.map((m) => `options.accept === ${JSON.stringify(m)}`).join(" || ");
}

function entriesLiteral(entries: readonly string[]): string {
  return `{\n${entries.map((e) => indent(`${e},`)).join("\n")}\n}`;
}

/**
 * The `accept` header sent when the caller does not choose: the default result's media types; for
 * an operation whose only bodies are its errors, their JSON media type (as Azure's SDKs send).
 */
export function acceptHeader(shape: OperationShape): string | undefined {
  const errorsInJson = shape.op.errors.some((e) => e.encoding === "json");
  return shape.results[0]?.defaultAccept || (errorsInJson ? "application/json" : undefined);
}

/**
 * `/identities/${encodeURIComponent(id)}/:issueAccessToken`: literal text stays, values are
 * percent-encoded (ids like `8:acs:...` become `8%3Aacs%3A...`).
 */
function pathTemplate(plan: PackagePlan, binder: ImportBinder, shape: OperationShape): string {
  const text = shape.op.path.replace(/[`\\]|\$\{/g, (m) => `\\${m}`);
  // `name` matched the escaped text, so it holds nothing a template literal would interpret.
  const template = text.replace(/\{([^}]+)\}/g, (whole, name: string, at: number) => {
    const param = shape.op.parameters.find((p) => p.in === "path" && p.name === name);
    if (!param) return whole;
    const value = pathValue(plan, param, valueOf(shape, param).expr);
    // Only a value that fills a whole segment can be a dot segment; a matrix value starts with `;`.
    const wholeSegment =
      text[at - 1] === "/" && [undefined, "/"].includes(text[at + whole.length]) && param.style !== "matrix";
    if (!wholeSegment) return value;
    const single = /^\$\{(.*)\}$/s.exec(value);
    const expr = single && !single[1]!.includes("${") ? single[1]! : `\`${value}\``;
    return `\${${binder.value(modules.runtime("send-request"), "wholePathSegment")}(${expr}, ${JSON.stringify(name)})}`;
  });
  return template === text && !/[`\\$]/.test(shape.op.path) ? JSON.stringify(shape.op.path) : `\`${template}\``;
}

/**
 * A path parameter in the template literal, per its style and explode (OpenAPI "Style Examples"):
 * `simple` (`a,b`), `label` (`.a,b`; exploded `.a.b`) or `matrix` (`;name=a,b`; exploded
 * `;name=a;name=b`); objects as `key,value` pairs, exploded as `key=value`. Items are
 * percent-encoded one by one, so the delimiters stay literal.
 */
function pathValue(plan: PackagePlan, param: ParameterIR, expr: string): string {
  const encode = (text: string): string => `encodeURIComponent(${text})`;
  const { style, explode, name } = param;
  const prefix = style === "label" ? "." : style === "matrix" ? `;${name}=` : "";
  const type = plan.catalog.resolve(param.type);
  if (type?.kind === "object" || type?.kind === "map") {
    const entries = `Object.entries(${expr})`;
    if (!explode)
      return `${prefix}\${${entries}.flatMap(([key, item]) => [${encode("key")}, ${encode("String(item)")}]).join(",")}`;
    const separator = style === "label" ? "." : style === "matrix" ? ";" : ",";
    return `${prefix.slice(0, 1)}\${${entries}.map(([key, item]) => \`\${${encode("key")}}=\${${encode("String(item)")}}\`).join(${JSON.stringify(separator)})}`;
  }
  const array = arrayVariant(plan, param.type);
  const scalar = encode(unionScalarString(plan, param.type, expr));
  if (!array) return `${prefix}\${${scalar}}`;
  const separator = !explode ? "," : style === "label" ? "." : style === "matrix" ? `;${name}=` : ",";
  const items = `${itemStrings(plan, array.items, expr, encode)}.join(${JSON.stringify(separator)})`;
  return `${prefix}\${${type?.kind === "array" ? items : `Array.isArray(${expr}) ? ${items} : ${scalar}`}}`;
}

type ArrayTypeIR = Extract<TypeIR, { kind: "array" }>;

/**
 * The array type of a parameter: its own, or the array variants of a union such as
 * `string | string[]` (several, as one array of their items' union).
 */
function arrayVariant(plan: PackagePlan, type: TypeIR): ArrayTypeIR | undefined {
  const resolved = plan.catalog.resolve(type);
  if (resolved?.kind === "array") return resolved;
  if (resolved?.kind !== "union") return undefined;
  const arrays = resolved.variants
    .map((variant) => plan.catalog.resolve(variant))
    .filter((v): v is ArrayTypeIR => v?.kind === "array");
  if (arrays.length < 2) return arrays[0];
  return { kind: "array", items: { kind: "union", variants: arrays.map((array) => array.items) } };
}

/** The scalar side of a scalar-or-array union as a string (`a`, not `String(a)`, when it is a string). */
function unionScalarString(plan: PackagePlan, type: TypeIR, expr: string): string {
  const resolved = plan.catalog.resolve(type);
  const scalars =
    resolved?.kind === "union" ? resolved.variants.filter((v) => plan.catalog.resolve(v)?.kind !== "array") : [];
  return scalarString(plan, scalars.length === 1 ? scalars[0]! : type, expr);
}

/** The items of the array `expr` as strings (each through `wrap`), `null` items left out: they have no text. */
function itemStrings(plan: PackagePlan, items: TypeIR, expr: string, wrap = (text: string) => text): string {
  const resolved = plan.catalog.resolve(items);
  const variants =
    resolved?.kind === "union" ? resolved.variants.filter((v) => plan.catalog.resolve(v)?.kind !== "null") : [items];
  const nullable =
    resolved?.kind === "null" || (resolved?.kind === "union" && variants.length < resolved.variants.length);
  const present = nullable ? `${expr}.filter((item) => item !== null)` : expr;
  const item = wrap(scalarString(plan, variants.length === 1 ? variants[0]! : items, "item"));
  return item === "item" ? present : `${present}.map((item) => ${item})`;
}

/** A scalar as a string: strings as-is, dates as RFC 3339, numbers and booleans via `String`. */
export function scalarString(plan: PackagePlan, type: TypeIR, expr: string): string {
  const resolved = plan.catalog.resolve(type);
  if (resolved?.kind === "date-time") return `${expr}.toISOString()`;
  const isString =
    resolved?.kind === "string" ||
    (resolved?.kind === "enum" && resolved.valueType === "string") ||
    (resolved?.kind === "literal" && typeof resolved.value === "string");
  return isString ? expr : `String(${expr})`;
}

interface ParamValue {
  readonly expr: string;
  readonly optional: boolean;
  /** The schema allows `null`: a `null` value is sent as no value, like an absent one (never as the text `null`). */
  readonly nullable?: boolean;
}

/**
 * A query, header or cookie parameter whose schema allows `null`, as one whose does not (its type
 * without the `null` variant) plus `nullable` on its value: the whole value `null` leaves the
 * parameter out, as `null` items of an array are (the text `null` would read as a string).
 */
function withoutNull(plan: PackagePlan, param: ParameterIR, value: ParamValue): [ParameterIR, ParamValue] {
  const type = nonNullType(plan, param.type);
  return type
    ? [
        { ...param, type },
        { ...value, nullable: true },
      ]
    : [param, value];
}

/** A nullable type without its `null` (`T | null` -> `T`); undefined when `type` is not nullable (or only null). */
function nonNullType(plan: PackagePlan, type: TypeIR): TypeIR | undefined {
  const resolved = plan.catalog.resolve(type);
  if (resolved?.kind !== "union") return undefined;
  const variants = resolved.variants.filter((v) => plan.catalog.resolve(v)?.kind !== "null");
  if (variants.length === resolved.variants.length || variants.length === 0) return undefined;
  return variants.length === 1 ? variants[0]! : { kind: "union", variants };
}

/** `written` for an optional value: `undefined` (or `absent`) when the value is; `?.` where that reads better. */
function whenDefined(value: ParamValue, written: string, absent = "undefined"): string {
  if (value.nullable) {
    if (written === value.expr) return `${value.expr} ?? ${absent}`;
    const test = value.optional ? `${value.expr} === undefined || ${value.expr} === null` : `${value.expr} === null`;
    return `${test} ? ${absent} : ${written}`;
  }
  if (!value.optional || written === value.expr) return written;
  if (absent === "undefined" && written.startsWith(`${value.expr}.`))
    return `${value.expr}?.${written.slice(value.expr.length + 1)}`;
  return `${value.expr} === undefined ? ${absent} : ${written}`;
}

const delimiters: Partial<Record<ParameterIR["style"], string>> = { spaceDelimited: " ", pipeDelimited: "|" };

/** Entries of the `query` literal: `"name": value`, or `...entries` for exploded objects. */
function queryEntries(plan: PackagePlan, binder: ImportBinder, declared: ParameterIR, given: ParamValue): string[] {
  const key = objectLiteralKey(declared.name);
  // A `content` parameter is one value in that media type (JSON text, where `null` is a value), whatever its schema.
  if (declared.mediaType && /json/i.test(declared.mediaType))
    return [`${key}: ${whenDefined(given, `JSON.stringify(${given.expr})`)}`];
  const [param, value] = withoutNull(plan, declared, given);
  const type = plan.catalog.resolve(param.type);
  const delimiter = JSON.stringify(delimiters[param.style] ?? ",");
  const array = arrayVariant(plan, param.type);
  if (array) {
    const items = itemStrings(plan, array.items, value.expr);
    const written = param.explode ? items : `${items}.join(${delimiter})`;
    // A union of a scalar and an array is sent per the value's shape at run time.
    const shaped =
      type?.kind === "array"
        ? written
        : `Array.isArray(${value.expr}) ? ${written} : ${unionScalarString(plan, param.type, value.expr)}`;
    return [`${key}: ${whenDefined(value, shaped)}`];
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
    const joined = `${entries}.flatMap(([key, item]) => [key, String(item)]).join(${delimiter})`;
    return [`${key}: ${whenDefined(value, joined)}`];
  }
  return [`${key}: ${whenDefined(value, scalarString(plan, param.type, value.expr))}`];
}

/** Header parameters (`simple` style), and cookie parameters folded into one `cookie` header. */
function headerEntries(plan: PackagePlan, shape: OperationShape): string[] {
  const params = shape.op.parameters;
  const entries = params
    .filter((p) => p.in === "header")
    .map((declared) => {
      const [p, value] = withoutNull(plan, declared, valueOf(shape, declared));
      return `${objectLiteralKey(p.name)}: ${whenDefined(value, simpleString(plan, p, value.expr))}`;
    });
  const cookies = params.filter((p) => p.in === "cookie");
  if (cookies.length > 0) {
    const parts = cookies.map((declared) => {
      const [p, value] = withoutNull(plan, declared, valueOf(shape, declared));
      const pair = `\`${p.name}=\${encodeURIComponent(${simpleString(plan, p, value.expr)})}\``;
      return whenDefined(value, pair);
    });
    entries.push(`cookie: [${parts.join(", ")}].filter((part) => part !== undefined).join("; ") || undefined`);
  }
  return entries;
}

function simpleString(plan: PackagePlan, param: ParameterIR, expr: string): string {
  const type = plan.catalog.resolve(param.type);
  const array = arrayVariant(plan, param.type);
  if (array) {
    const joined = `${itemStrings(plan, array.items, expr)}.join(",")`;
    return type?.kind === "array"
      ? joined
      : `Array.isArray(${expr}) ? ${joined} : ${unionScalarString(plan, param.type, expr)}`;
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
function bodyExpression(plan: PackagePlan, binder: ImportBinder, name: string, body: RequestBodyIR): string {
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
  return body.required ? written : `${name} === undefined ? ${absentBody(plan, body)} : ${written}`;
}

/**
 * The request body when an optional one is left out. Azure's SDKs still send a JSON body's content
 * type, with an empty body, and Azure services expect that; elsewhere nothing is sent, as some
 * servers refuse an empty body labelled JSON (Fastify answers 400).
 */
function absentBody(plan: PackagePlan, body: RequestBodyIR): string {
  const json = plan.api.azure && !body.alternatives && body.encoding === "json";
  return json ? `{ contentType: ${JSON.stringify(body.mediaType)}, text: "" }` : "undefined";
}

/** One media type's content as the request spec's `body`, from the expression `name`. */
function contentExpression(
  plan: PackagePlan,
  binder: ImportBinder,
  name: string,
  body: MediaContentIR<BodyEncoding>,
): string {
  const contentType = JSON.stringify(body.mediaType.includes("*") ? "application/octet-stream" : body.mediaType);
  const encoding = modules.requestEncoding;
  switch (body.encoding) {
    case "json": {
      const context: ConversionContext = {
        plan,
        mode: "serialize",
        converter: (type) =>
          binder.value(
            modules.serialization,
            converterName("serialize", plan.names.typeName(type, modelDirection("serialize"))),
          ),
        assertedType: (type) =>
          `${binder.type(modules.serialization, jsonTypeName)}<${modelTypeText(plan, binder, type, "input")}>`,
        sourceType: (type) => modelTypeText(plan, binder, type, "input"),
      };
      const json = binder.value(modules.runtime("send-request"), "jsonInModelOrder");
      return `{ contentType: ${contentType}, text: ${json}(${conversion(body.type, name, context) ?? name}) }`;
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
export function usesDeepObject(plan: PackagePlan, op: OperationIR): boolean {
  return op.parameters.some((p) => {
    // As the query is built: a nullable object is an object whose null leaves the parameter out.
    const type = plan.catalog.resolve(nonNullType(plan, p.type) ?? p.type);
    return p.in === "query" && p.style === "deepObject" && (type?.kind === "object" || type?.kind === "map");
  });
}
