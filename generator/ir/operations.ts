/** Path items and Operation Objects -> OperationIR, with every parameter and media default resolved. */
import { appendPointer, isObject, type JsonObject } from "../openapi/load-openapi.ts";
import { quoteValue } from "../diagnostics/quote-value.ts";
import { deref } from "./deref.ts";
import { isHeaderName } from "./header-names.ts";
import type { IrContext, Located, Place } from "./ir-context.ts";
import { mediaEncoding, orderRequestContents, orderResponseContents, responseEncoding } from "./media-types.ts";
import { camelCase, compareStrings, kebabCase, NameScope, safeIdentifier, words } from "./naming.ts";
import { pagingOf } from "./paging.ts";
import { parameters, parametersOf } from "./parameters.ts";
import { requiredFlag } from "./required-keyword.ts";
import { doc, typeOf } from "./schema-to-type.ts";
import { mediaTypesOf, swagger2Body } from "./swagger2-leftovers.ts";
import { isObjectLike } from "./type-queries.ts";
import type {
  BodyEncoding,
  HttpMethod,
  MediaContentIR,
  OperationIR,
  RequestBodyIR,
  ResponseEncoding,
  ResponseHeaderIR,
  ResponseIR,
  TypeIR,
} from "./types.ts";

const METHODS: readonly HttpMethod[] = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

/** An operation before it gets its final unique name. */
export type DraftOperation = Omit<OperationIR, "name"> & {
  readonly baseName: string;
  /** The name used when `baseName` collides: the operation id's group part included. */
  readonly qualifiedName: string;
  readonly at: Place;
};

/** `clientName` (from the document's title, never from its operations) decides which `Group_Name` groups name the service. */
export function collectOperations(ctx: IrContext, clientName: string): DraftOperation[] {
  const service = serviceWords(clientName);
  const paths = isObject(ctx.root["paths"]) ? ctx.root["paths"] : {};
  const drafts: DraftOperation[] = [];
  // Sorted: names, diagnostics and inline declarations must not depend on the document's key order.
  for (const path of Object.keys(paths).sort(compareStrings)) {
    const rawItem = paths[path];
    const itemAt = { file: ctx.document.file, pointer: appendPointer("/paths", path) };
    const item = deref(ctx, rawItem, itemAt);
    if (!item) continue;
    for (const method of METHODS) {
      // Split specs write operations as `$ref`s to files of their own; the operation's own `$ref`s
      // are then relative to that file, which `op.at` names.
      const op = deref(ctx, item.value[method.toLowerCase()], {
        ...item.at,
        pointer: appendPointer(item.at.pointer, method.toLowerCase()),
      });
      if (op) drafts.push(operation(ctx, path, method, op.value, item, op.at, service));
    }
  }
  return drafts;
}

function operation(
  ctx: IrContext,
  path: string,
  method: HttpMethod,
  op: JsonObject,
  item: Located,
  at: Place,
  service: readonly string[],
): DraftOperation {
  const operationId = typeof op["operationId"] === "string" && op["operationId"] ? op["operationId"] : undefined;
  const tags = Array.isArray(op["tags"]) ? op["tags"].filter((t): t is string => typeof t === "string") : [];
  const firstSegment = path.split("/").find((s) => s && !s.startsWith("{")) ?? "";
  const { responses, errors } = responsesOf(ctx, op, at);
  const parameterObjects = parametersOf(ctx, op, at, item);
  const body = requestBody(ctx, op, at) ?? swagger2Body(ctx, op, [...parameterObjects.values()], at);
  const security = Array.isArray(op["security"])
    ? { security: op["security"].filter(isObject).map((r) => Object.keys(r).sort(compareStrings)) }
    : {};
  const summary = typeof op["summary"] === "string" && op["summary"].trim() ? { summary: op["summary"].trim() } : {};
  const params = parameters(ctx, path, parameterObjects, at);
  const paging = pagingOf(ctx, method, op, responses, params, at);
  return {
    ...names(operationId, method, path, service),
    at,
    ...(operationId ? { operationId } : {}),
    group: kebabCase(tags[0] ?? firstSegment) || "default",
    method,
    path,
    ...summary,
    ...doc(op),
    deprecated: op["deprecated"] === true,
    parameters: params,
    ...(body ? { body } : {}),
    responses,
    errors,
    ...(paging ? { paging } : {}),
    ...security,
  };
}

/**
 * `Group_Name` operation ids append the group to a bare verb (`Get` -> `getEntraIdAssignment`) and
 * keep their name part alone (`IssueAccessToken`) only when the group names the service itself;
 * other ids keep their whole id; no id -> method + path.
 */
function names(
  operationId: string | undefined,
  method: HttpMethod,
  path: string,
  service: readonly string[],
): { baseName: string; qualifiedName: string } {
  const safe = (text: string, fallback: string) => safeIdentifier(camelCase(text) || fallback);
  if (!operationId) {
    const segments = path
      .split("/")
      .filter(Boolean)
      .map((s) => (s.startsWith("{") ? `by ${s.slice(1, -1)}` : s));
    const name = safe(`${method.toLowerCase()} ${segments.join(" ")}`, method.toLowerCase());
    return { baseName: name, qualifiedName: name };
  }
  // `repos/get-content` (GitHub) and `Group_Name` (Azure) carry a group; `get_user` does not.
  const slash = operationId.indexOf("/");
  const azure = /^[A-Z][A-Za-z0-9]*_[A-Z]/.test(operationId) ? operationId.indexOf("_") : -1;
  const separator = slash > 0 ? slash : azure;
  const whole = safe(operationId, "operation");
  if (separator <= 0) return { baseName: whole, qualifiedName: whole };
  const group = operationId.slice(0, separator);
  const name = operationId.slice(separator + 1);
  const bareVerb = /^[a-z]+$/.test(camelCase(name));
  if (bareVerb) return { baseName: safe(`${name} ${group}`, whole), qualifiedName: whole };
  // Groups name namespaces whose short names collide across groups (GitHub's `repos/` and
  // `projects/add-collaborator`, Azure's `Users_` and `Groups_ListByService`): a short name taken
  // only while no other operation shares it would rename the survivor when its partner is
  // removed. So the choice reads the id and the client's name alone, never the other operations:
  // a group naming the service adds nothing to the name (`CommunicationIdentity_IssueAccessToken`
  // -> `issueAccessToken` in `CommunicationIdentityClient`); any other keeps its whole id.
  if (slash < 0 && namesService(group, service)) return { baseName: safe(name, whole), qualifiedName: whole };
  return { baseName: whole, qualifiedName: whole };
}

/** The client's name without `Client`, as lower-case words: `CommunicationIdentityClient` -> communication, identity. */
function serviceWords(clientName: string): string[] {
  return words(clientName.replace(/Client$/, "")).map((w) => w.toLowerCase());
}

/** Whether a group's words are the service's or its trailing ones (`CommunicationIdentity`, `Identity`), ignoring case. */
function namesService(group: string, service: readonly string[]): boolean {
  const groupWords = words(group).map((w) => w.toLowerCase());
  const tail = service.slice(service.length - groupWords.length);
  return groupWords.length > 0 && groupWords.length <= service.length && groupWords.every((w, i) => w === tail[i]);
}

/**
 * Gives drafts unique names: a base name shared by several operations (only a bare verb's or a
 * service group's short name can be: `Users_Get` and an id `getUsers`) gives way to each one's
 * qualified name (`usersGet`); numbers settle what remains (ids equal after camel-casing).
 */
export function nameOperations(unordered: DraftOperation[], reserved: Iterable<string>): OperationIR[] {
  // Names must not depend on the order of keys in the document.
  const drafts = [...unordered].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method));
  const counts = new Map<string, number>();
  for (const d of drafts) counts.set(d.baseName.toLowerCase(), (counts.get(d.baseName.toLowerCase()) ?? 0) + 1);
  const scope = new NameScope(reserved);
  return drafts.map(({ baseName, qualifiedName, at: _at, ...rest }) => {
    const preferred = (counts.get(baseName.toLowerCase()) ?? 0) > 1 ? qualifiedName : baseName;
    return { name: scope.claim(preferred), ...rest };
  });
}

function requestBody(ctx: IrContext, op: JsonObject, at: Place): RequestBodyIR | undefined {
  const found = deref(ctx, op["requestBody"], { ...at, pointer: appendPointer(at.pointer, "requestBody") });
  if (!found) return undefined;
  const content = isObject(found.value["content"]) ? found.value["content"] : {};
  const contentAt = { ...found.at, pointer: appendPointer(found.at.pointer, "content") };
  const [first, ...others] = orderRequestContents(
    Object.keys(content).map((media) => requestContent(ctx, media, content[media], contentAt)),
  );
  if (!first) return undefined;
  // Structured data in a media type sent as bytes (XML, say) has no serializer here: the caller
  // would encode it by hand, so such a media type is offered only when the operation has no other.
  const alternatives = others.flatMap(({ structured, ...c }) => {
    if (c.encoding !== "binary" || !structured) return [c];
    const place = { ...contentAt, pointer: appendPointer(contentAt.pointer, c.mediaType) };
    ctx.report("unsupported-media-type", { mediaType: c.mediaType, sent: first.mediaType }, place);
    return [];
  });
  const { structured: _structured, ...chosen } = first;
  return {
    required: requiredFlag(ctx, found.value, found.at),
    ...chosen,
    ...doc(found.value),
    ...(alternatives.length > 0 ? { alternatives } : {}),
  };
}

/** One media type of a request body: how it is encoded and the type of what the caller passes. */
function requestContent(
  ctx: IrContext,
  media: string,
  value: unknown,
  contentAt: Place,
): MediaContentIR<BodyEncoding> & { structured: boolean } {
  const mediaObject = isObject(value) ? value : {};
  const schemaAt = { ...contentAt, pointer: appendPointer(appendPointer(contentAt.pointer, media), "schema") };
  // The schema is read only where it decides (a media type that is bytes by its name alone).
  const structured = mediaEncoding(media) === "binary" && isStructured(ctx, mediaObject["schema"], schemaAt);
  const encoding = mediaEncoding(media, structured);
  if (encoding === "binary") return { mediaType: media, encoding, type: { kind: "binary" }, structured };
  let type = typeOf(ctx, mediaObject["schema"], schemaAt);
  if ((encoding === "form" || encoding === "multipart") && !isObjectLike(ctx, type)) {
    // A form or multipart body is a set of named fields: only an object schema describes one.
    ctx.report(
      "invalid-schema",
      { problem: `a ${media} body must be described by an object schema; typed as an object with any fields` },
      schemaAt,
    );
    type = { kind: "map", values: { kind: "unknown" } };
  }
  return { mediaType: media, encoding, type, structured: true };
}

/** Whether a schema describes structured data (an object or array) rather than opaque bytes or text. */
function isStructured(ctx: IrContext, schema: unknown, at: Place): boolean {
  const found = deref(ctx, schema, at);
  if (!found) return false;
  const s = found.value;
  const type = Array.isArray(s["type"]) ? s["type"] : [s["type"]];
  return (
    type.includes("object") ||
    type.includes("array") ||
    ["properties", "items", "allOf", "oneOf", "anyOf"].some((k) => s[k] !== undefined)
  );
}

function responsesOf(ctx: IrContext, op: JsonObject, at: Place): { responses: ResponseIR[]; errors: ResponseIR[] } {
  const raw = isObject(op["responses"]) ? op["responses"] : {};
  const responses: ResponseIR[] = [];
  const errors: ResponseIR[] = [];
  for (const status of Object.keys(raw).sort(statusOrder)) {
    const found = deref(ctx, raw[status], {
      ...at,
      pointer: appendPointer(appendPointer(at.pointer, "responses"), status),
    });
    if (!found) continue;
    const response = responseOf(ctx, status.toUpperCase(), found.value, found.at, op);
    (status.startsWith("2") ? responses : errors).push(response);
  }
  return { responses, errors };
}

const statusOrder = (a: string, b: string) => (a === "default" ? 1 : b === "default" ? -1 : a < b ? -1 : a > b ? 1 : 0);

function responseOf(ctx: IrContext, status: string, r: JsonObject, at: Place, op: JsonObject): ResponseIR {
  const swagger2 = !isObject(r["content"]) && r["schema"] !== undefined;
  const content = isObject(r["content"]) ? r["content"] : swagger2Content(ctx, r, at, op);
  const headers: ResponseHeaderIR[] = [];
  const rawHeaders = isObject(r["headers"]) ? r["headers"] : {};
  for (const name of Object.keys(rawHeaders).sort()) {
    const headerAt = { ...at, pointer: appendPointer(appendPointer(at.pointer, "headers"), name) };
    if (!isHeaderName(name)) {
      ctx.report(
        "invalid-header-name",
        { problem: `response header ${quoteValue(name)} is not a valid HTTP header name; ignored` },
        headerAt,
      );
      continue;
    }
    const h = deref(ctx, rawHeaders[name], headerAt);
    if (!h) continue;
    headers.push({
      name: name.toLowerCase(),
      required: requiredFlag(ctx, h.value, h.at),
      type: typeOf(ctx, h.value["schema"], { ...h.at, pointer: appendPointer(h.at.pointer, "schema") }),
      ...doc(h.value),
    });
  }
  const base = { status: status === "DEFAULT" ? "default" : status, ...doc(r), headers };
  const contentAt = (media: string) => ({
    ...at,
    pointer: swagger2
      ? appendPointer(at.pointer, "schema")
      : appendPointer(appendPointer(appendPointer(at.pointer, "content"), media), "schema"),
  });
  const contents = orderResponseContents(
    Object.keys(content).map((media) => responseContent(ctx, media, content[media], contentAt(media))),
  );
  const [first, ...alternatives] = contents;
  if (!first) return base;
  return { ...base, ...first, ...(alternatives.length > 0 ? { alternatives } : {}) };
}

/** One media type of a response: bytes for binary media types (and binary schemas), else its schema's type (a vendor type carrying JSON included). */
function responseContent(
  ctx: IrContext,
  media: string,
  value: unknown,
  schemaAt: Place,
): MediaContentIR<ResponseEncoding> {
  const schema = isObject(value) ? value["schema"] : undefined;
  const structured = mediaEncoding(media) === "binary" && isStructured(ctx, schema, schemaAt);
  if (mediaEncoding(media, structured) === "binary")
    return { mediaType: media, encoding: responseEncoding(media, true), type: { kind: "binary" } };
  const type = typeOf(ctx, schema, schemaAt);
  const encoding = responseEncoding(media, type.kind === "binary", structured);
  return { mediaType: media, encoding, type: encoding === "binary" ? { kind: "binary" } : type };
}

/**
 * Swagger 2 put a response's `schema` on the response itself, its media types in `produces`: read
 * as a `content` map of those media types (JSON when none is named), with a warning.
 */
function swagger2Content(ctx: IrContext, r: JsonObject, at: Place, op: JsonObject): JsonObject {
  if (r["schema"] === undefined) return {};
  ctx.report(
    "swagger2-leftover",
    {
      problem:
        "a response `schema` outside `content` (Swagger 2.0) is read as the body of the media types in `produces` (else JSON)",
    },
    { ...at, pointer: appendPointer(at.pointer, "schema") },
  );
  const media = mediaTypesOf(ctx, op, "produces");
  return Object.fromEntries((media.length > 0 ? media : ["application/json"]).map((m) => [m, { schema: r["schema"] }]));
}
