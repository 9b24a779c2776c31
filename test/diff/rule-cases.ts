/**
 * One minimal old/new pair per rule, with one line saying why the change does or does not break.
 * Shared by the rule tests (our levels) and the peer cross-check (api-smart-diff on the same pairs).
 */
import type { Level } from "../../generator/diff/types.ts";
import { doc, getItems, usedIn, withProperty, type Json } from "./fixtures.ts";

export interface RuleCase {
  readonly rule: string;
  /** Why the change is (or is not) breaking, in one line. */
  readonly why: string;
  readonly old: Json;
  readonly new: Json;
  readonly level: Level;
  /** The azure profile's level, when it differs from `level`. */
  readonly azure?: Level;
  /** Other rules the pair fires by necessity (anything else fails the test). */
  readonly also?: readonly string[];
}

const str = { type: "string" };
const int32 = { type: "integer", format: "int32" };
const int64 = { type: "integer", format: "int64" };
const openEnum = (...values: string[]) => ({ anyOf: [{ type: "string" }, { type: "string", enum: values }] });
const q = (name: string, more: Json = {}) => ({ name, in: "query", schema: str, ...more });

/** A property pair: `p` of `Thing`, sent (request) or received (response). */
const prop = (
  d: "request" | "response",
  before: Json | undefined,
  after: Json | undefined,
  req: [boolean, boolean] = [false, false],
) => ({
  old: withProperty(d, before, req[0]),
  new: withProperty(d, after, req[1]),
});
const params = (before: Json[], after: Json[]) => ({
  old: getItems({ parameters: before }),
  new: getItems({ parameters: after }),
});
const responses = (before: Json, after: Json) => ({
  old: getItems({ responses: before }),
  new: getItems({ responses: after }),
});
const ok = (more: Json = {}) => ({ description: "ok", ...more });
const text = { "text/plain": { schema: str } };
const jsonString = { "application/json": { schema: str } };
const post = (fields: Json) =>
  doc({
    "/items": { post: { operationId: "Items_Create", responses: { "204": { description: "done" } }, ...fields } },
  });
const body = (required: boolean, content: Json = jsonString) => ({ requestBody: { required, content } });

const listOp = { operationId: "Items_List", responses: { "200": ok() } };
const deleteOp = (more: Json = {}) => ({
  operationId: "Items_Delete",
  responses: { "204": { description: "done" } },
  ...more,
});
const page = { type: "object", properties: { value: { type: "array", items: str }, nextLink: str } };
const pageOp = (paged: boolean) =>
  getItems({
    responses: { "200": ok({ content: { "application/json": { schema: page } } }) },
    ...(paged ? {} : { "x-ms-pageable": { nextLinkName: null } }),
  });
const byId = (name: string) =>
  doc({
    [`/items/{${name}}`]: {
      get: {
        operationId: "Items_Get",
        parameters: [{ name, in: "path", required: true, schema: str }],
        responses: { "200": ok() },
      },
    },
  });

const schemes = { key: { type: "apiKey", in: "header", name: "X-Key" }, bearer: { type: "http", scheme: "bearer" } };
const secured = (security: Json[] | undefined, opSecurity?: Json[], keyName = "X-Key") =>
  doc(
    { "/items": { get: { ...listOp, ...(opSecurity ? { security: opSecurity } : {}) } } },
    {},
    {
      components: { securitySchemes: { ...schemes, key: { ...schemes.key, name: keyName } } },
      ...(security ? { security } : {}),
    },
  );
const served = (servers: Json[]) => doc({ "/items": { get: listOp } }, {}, { servers });
const versioned = (version: string) => ({ ...doc({ "/items": { get: listOp } }), info: { title: "Fixture", version } });

const pet = (tag: string) => ({
  type: "object",
  required: ["kind", "type"],
  properties: { kind: str, type: str, [tag]: str },
});
const pets = (discriminator: string) =>
  usedIn(
    "response",
    {
      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
      discriminator: { propertyName: discriminator },
    },
    { Cat: pet("meow"), Dog: pet("bark") },
  );

export const RULE_CASES: readonly RuleCase[] = [
  // Operations
  {
    rule: "operation-added",
    why: "a new endpoint: existing clients never call it",
    old: doc({ "/items": { get: listOp } }),
    new: doc({ "/items": { get: listOp, delete: deleteOp() } }),
    level: "info",
    azure: "warning",
  },
  {
    rule: "operation-removed",
    why: "clients calling it get 404/405",
    old: doc({ "/items": { get: listOp, delete: deleteOp() } }),
    new: doc({ "/items": { get: listOp } }),
    level: "error",
  },
  {
    rule: "operation-removed-after-deprecation",
    why: "clients were warned by the deprecation",
    old: doc({ "/items": { get: listOp, delete: deleteOp({ deprecated: true }) } }),
    new: doc({ "/items": { get: listOp } }),
    level: "warning",
    azure: "error",
  },
  {
    rule: "operation-deprecated",
    why: "still works; clients are told to move off it",
    old: getItems({}),
    new: getItems({ deprecated: true }),
    level: "info",
  },
  {
    rule: "operation-id-changed",
    why: "the wire is unchanged (SDK names are the TypeScript layer's concern)",
    old: getItems({}),
    new: getItems({ operationId: "Items_ListAll" }),
    level: "info",
    azure: "error",
  },
  {
    rule: "path-parameter-renamed",
    why: "the URL on the wire is the same",
    old: byId("id"),
    new: byId("itemId"),
    level: "info",
  },
  {
    rule: "operation-paging-changed",
    why: "the wire is unchanged, but generated clients switch between a page iterator and one response",
    old: pageOp(false),
    new: pageOp(true),
    level: "warning",
  },
  // Parameters
  {
    rule: "request-parameter-added-required",
    why: "old clients do not send it and are rejected",
    ...params([], [q("filter", { required: true })]),
    level: "error",
  },
  {
    rule: "request-parameter-added-optional",
    why: "old clients that omit it keep working",
    ...params([], [q("filter")]),
    level: "info",
  },
  {
    rule: "request-required-parameter-removed",
    why: "clients keep sending it; servers usually ignore it",
    ...params([q("filter", { required: true })], []),
    level: "warning",
    azure: "error",
  },
  {
    rule: "request-optional-parameter-removed",
    why: "clients that send it may be ignored or rejected",
    ...params([q("filter")], []),
    level: "warning",
  },
  {
    rule: "request-parameter-became-required",
    why: "clients that omit it are now rejected",
    ...params([q("filter")], [q("filter", { required: true })]),
    level: "error",
  },
  {
    rule: "request-parameter-became-optional",
    why: "clients that send it keep working",
    ...params([q("filter", { required: true })], [q("filter")]),
    level: "info",
  },
  {
    rule: "request-parameter-location-changed",
    why: "clients send it where the server no longer looks",
    ...params([q("filter")], [{ name: "filter", in: "header", schema: str }]),
    level: "error",
  },
  {
    rule: "request-parameter-default-added",
    why: "documents the value the server already applied",
    ...params([q("top", { schema: { type: "integer" } })], [q("top", { schema: { type: "integer", default: 10 } })]),
    level: "info",
  },
  {
    rule: "request-parameter-default-changed",
    why: "clients that omit it get different behaviour",
    ...params(
      [q("top", { schema: { type: "integer", default: 10 } })],
      [q("top", { schema: { type: "integer", default: 20 } })],
    ),
    level: "error",
  },
  {
    rule: "request-parameter-serialization-changed",
    why: "the value is serialised in a format the server no longer parses",
    ...params(
      [q("ids", { schema: { type: "array", items: str } })],
      [q("ids", { schema: { type: "array", items: str }, explode: false })],
    ),
    level: "error",
  },
  {
    rule: "request-parameter-deprecated",
    why: "still accepted; clients are told to stop sending it",
    ...params([q("filter")], [q("filter", { deprecated: true })]),
    level: "info",
  },
  // Request bodies and media types
  {
    rule: "request-body-added-required",
    why: "old clients send no body and are rejected",
    old: post({}),
    new: post(body(true)),
    level: "error",
  },
  {
    rule: "request-body-added-optional",
    why: "old clients that send no body keep working",
    old: post({}),
    new: post(body(false)),
    level: "info",
  },
  {
    rule: "request-body-removed",
    why: "clients send a body the server no longer reads",
    old: post(body(true)),
    new: post({}),
    level: "error",
  },
  {
    rule: "request-optional-body-removed",
    why: "like an optional parameter removed: ignored or rejected",
    old: post(body(false, { "application/octet-stream": {} })),
    new: post({}),
    level: "warning",
  },
  {
    rule: "request-body-became-required",
    why: "clients that send no body are rejected",
    old: post(body(false)),
    new: post(body(true)),
    level: "error",
  },
  {
    rule: "request-body-became-optional",
    why: "clients that send a body keep working",
    old: post(body(true)),
    new: post(body(false)),
    level: "info",
  },
  {
    rule: "request-media-type-changed",
    why: "clients send a content type the server may reject",
    old: post(body(true)),
    new: post(body(true, text)),
    level: "error",
  },
  {
    rule: "response-media-type-changed",
    why: "clients parse a format the server no longer sends",
    ...responses({ "200": ok({ content: jsonString }) }, { "200": ok({ content: text }) }),
    level: "error",
    azure: "info",
  },
  // Status codes and response bodies
  {
    rule: "response-success-status-added",
    why: "generated clients accept any 2XX",
    ...responses({ "200": ok() }, { "200": ok(), "202": ok() }),
    level: "info",
    azure: "error",
  },
  {
    rule: "response-success-status-removed",
    why: "clients handling that status no longer get it",
    ...responses({ "200": ok(), "202": ok() }, { "200": ok() }),
    level: "error",
    azure: "info",
  },
  {
    rule: "response-error-status-added",
    why: "errors were already errors; this documents one",
    ...responses({ "200": ok() }, { "200": ok(), "404": ok() }),
    level: "info",
    azure: "error",
  },
  {
    rule: "response-error-status-removed",
    why: "clients still treat any non-2XX as an error",
    ...responses({ "200": ok(), "404": ok() }, { "200": ok() }),
    level: "info",
  },
  {
    rule: "response-body-added",
    why: "clients that ignored the empty body keep working",
    ...responses({ "200": ok() }, { "200": ok({ content: jsonString }) }),
    level: "info",
  },
  {
    rule: "response-body-removed",
    why: "clients reading the body get nothing",
    ...responses({ "200": ok({ content: jsonString }) }, { "200": ok() }),
    level: "error",
  },
  // Response headers
  {
    rule: "response-header-added",
    why: "clients that do not read it are unaffected",
    ...responses({ "200": ok() }, { "200": ok({ headers: { "x-request-id": { schema: str } } }) }),
    level: "info",
  },
  {
    rule: "response-required-header-removed",
    why: "clients relying on it no longer get it",
    ...responses({ "200": ok({ headers: { "x-request-id": { required: true, schema: str } } }) }, { "200": ok() }),
    level: "error",
    azure: "warning",
  },
  {
    rule: "response-optional-header-removed",
    why: "clients had to cope with its absence but may rely on it",
    ...responses({ "200": ok({ headers: { "x-request-id": { schema: str } } }) }, { "200": ok() }),
    level: "warning",
  },
  {
    rule: "response-header-became-optional",
    why: "clients expecting it may not get it",
    ...responses(
      { "200": ok({ headers: { etag: { required: true, schema: str } } }) },
      { "200": ok({ headers: { etag: { schema: str } } }) },
    ),
    level: "error",
  },
  {
    rule: "response-header-became-required",
    why: "clients always get what was optional",
    ...responses(
      { "200": ok({ headers: { etag: { schema: str } } }) },
      { "200": ok({ headers: { etag: { required: true, schema: str } } }) },
    ),
    level: "info",
  },
  // Properties
  {
    rule: "request-property-added-required",
    why: "old clients do not send it and are rejected",
    ...prop("request", undefined, str, [false, true]),
    level: "error",
  },
  {
    rule: "request-property-added-optional",
    why: "old clients that omit it keep working",
    ...prop("request", undefined, str),
    level: "info",
  },
  {
    rule: "response-property-added",
    why: "clients ignore properties they do not know",
    ...prop("response", undefined, str, [false, true]),
    level: "info",
  },
  {
    rule: "request-property-removed",
    why: "clients keep sending it; strict servers reject it",
    ...prop("request", str, undefined),
    level: "warning",
    azure: "error",
  },
  {
    rule: "response-required-property-removed",
    why: "clients read undefined where a value was promised",
    ...prop("response", str, undefined, [true, false]),
    level: "error",
  },
  {
    rule: "response-optional-property-removed",
    why: "clients coped with absence but lose the data",
    ...prop("response", str, undefined),
    level: "warning",
    azure: "error",
  },
  {
    rule: "request-property-became-required",
    why: "clients that omit it are rejected",
    ...prop("request", str, str, [false, true]),
    level: "error",
  },
  {
    rule: "request-property-became-optional",
    why: "clients that send it keep working",
    ...prop("request", str, str, [true, false]),
    level: "info",
    azure: "error",
  },
  {
    rule: "response-property-became-optional",
    why: "clients relying on it may read undefined",
    ...prop("response", str, str, [true, false]),
    level: "error",
  },
  {
    rule: "response-property-became-required",
    why: "clients always get what was optional",
    ...prop("response", str, str, [false, true]),
    level: "info",
    azure: "error",
  },
  {
    rule: "request-property-became-read-only",
    why: "what clients send is ignored or rejected",
    ...prop("request", str, { ...str, readOnly: true }),
    level: "warning",
    azure: "error",
  },
  {
    rule: "response-property-became-write-only",
    why: "clients stop receiving it",
    ...prop("response", str, { ...str, writeOnly: true }),
    level: "warning",
    azure: "error",
  },
  {
    rule: "property-deprecated",
    why: "still works; clients are told to move off it",
    ...prop("request", str, { ...str, deprecated: true }),
    level: "info",
  },
  {
    rule: "request-property-default-added",
    why: "documents the value the server already applied",
    ...prop("request", str, { ...str, default: "a" }),
    level: "info",
  },
  {
    rule: "request-property-default-changed",
    why: "the server applies a different value when clients omit it",
    ...prop("request", { ...str, default: "a" }, { ...str, default: "b" }),
    level: "error",
  },
  {
    rule: "response-property-default-changed",
    why: "documentation only: the server sends the value",
    ...prop("response", { ...str, default: "a" }, { ...str, default: "b" }),
    level: "info",
    azure: "error",
  },
  // Types and nullability
  {
    rule: "request-type-changed",
    why: "values clients send are no longer valid",
    ...prop("request", str, { type: "integer" }),
    level: "error",
  },
  {
    rule: "response-type-changed",
    why: "clients parse values of the old type",
    ...prop("response", str, { type: "integer" }),
    level: "error",
  },
  {
    rule: "request-type-generalized",
    why: "everything clients sent is still valid",
    ...prop("request", int32, int64),
    level: "info",
    azure: "error",
  },
  {
    rule: "response-type-generalized",
    why: "clients may receive values they cannot represent",
    ...prop("response", int32, int64),
    level: "error",
  },
  {
    rule: "request-type-specialized",
    why: "values clients sent may now be rejected",
    ...prop("request", int64, int32),
    level: "error",
  },
  {
    rule: "response-type-specialized",
    why: "everything clients receive was valid before",
    ...prop("response", int64, int32),
    level: "info",
    azure: "error",
  },
  {
    rule: "request-became-nullable",
    why: "clients that never send null keep working",
    ...prop("request", str, { ...str, nullable: true }),
    level: "info",
  },
  {
    rule: "response-became-nullable",
    why: "clients dereferencing the value fail on null",
    ...prop("response", str, { ...str, nullable: true }),
    level: "error",
  },
  {
    rule: "request-became-non-nullable",
    why: "clients sending null are rejected",
    ...prop("request", { ...str, nullable: true }, str),
    level: "error",
  },
  {
    rule: "response-became-non-nullable",
    why: "clients that handled null keep working",
    ...prop("response", { ...str, nullable: true }, str),
    level: "info",
  },
  // Enums
  {
    rule: "request-enum-value-added",
    why: "clients never send the new value",
    ...prop("request", { type: "string", enum: ["a"] }, { type: "string", enum: ["a", "b"] }),
    level: "info",
  },
  {
    rule: "response-enum-value-added",
    why: "exhaustive switches over a closed enum may miss the new value",
    ...prop("response", { type: "string", enum: ["a"] }, { type: "string", enum: ["a", "b"] }),
    level: "warning",
    azure: "info",
  },
  {
    rule: "response-extensible-enum-value-added",
    why: "clients of an open enum already accept unknown values",
    ...prop("response", openEnum("a"), openEnum("a", "b")),
    level: "info",
  },
  {
    rule: "request-enum-value-removed",
    why: "clients sending the value are rejected",
    ...prop("request", { type: "string", enum: ["a", "b"] }, { type: "string", enum: ["a"] }),
    level: "error",
  },
  {
    rule: "response-enum-value-removed",
    why: "clients stop receiving a value they already handle",
    ...prop("response", { type: "string", enum: ["a", "b"] }, { type: "string", enum: ["a"] }),
    level: "info",
    azure: "error",
  },
  {
    rule: "request-became-enum",
    why: "clients sending other strings are rejected",
    ...prop("request", str, { type: "string", enum: ["a"] }),
    level: "error",
  },
  {
    rule: "response-became-enum",
    why: "everything clients receive was valid before",
    ...prop("response", str, { type: "string", enum: ["a"] }),
    level: "info",
  },
  {
    rule: "request-enum-dropped",
    why: "everything clients sent is still valid",
    ...prop("request", { type: "string", enum: ["a"] }, str),
    level: "info",
  },
  {
    rule: "response-enum-dropped",
    why: "clients may receive values outside the enum",
    ...prop("response", { type: "string", enum: ["a"] }, str),
    level: "error",
  },
  {
    rule: "response-enum-became-extensible",
    why: "the server may now send values clients do not handle",
    ...prop("response", { type: "string", enum: ["a"] }, openEnum("a")),
    level: "warning",
    azure: "error",
  },
  {
    rule: "response-enum-became-closed",
    why: "clients receive only values they already handle",
    ...prop("response", openEnum("a"), { type: "string", enum: ["a"] }),
    level: "info",
    azure: "error",
  },
  {
    rule: "request-enum-became-closed",
    why: "clients sending other values are rejected",
    ...prop("request", openEnum("a"), { type: "string", enum: ["a"] }),
    level: "error",
  },
  {
    rule: "request-enum-became-extensible",
    why: "everything clients sent is still accepted",
    ...prop("request", { type: "string", enum: ["a"] }, openEnum("a")),
    level: "info",
    azure: "error",
  },
  // Constraints
  {
    rule: "request-constraint-tightened",
    why: "values clients sent may now be rejected",
    ...prop("request", { ...str, maxLength: 10 }, { ...str, maxLength: 5 }),
    level: "error",
  },
  {
    rule: "request-constraint-relaxed",
    why: "everything clients sent is still valid",
    ...prop("request", { ...str, maxLength: 5 }, { ...str, maxLength: 10 }),
    level: "info",
    azure: "error",
  },
  {
    rule: "request-constraint-added",
    why: "values clients sent may fall outside the new bound",
    ...prop("request", { type: "integer" }, { type: "integer", minimum: 1 }),
    level: "warning",
    azure: "error",
  },
  {
    rule: "request-constraint-removed",
    why: "everything clients sent is still valid",
    ...prop("request", { type: "array", items: str, maxItems: 3 }, { type: "array", items: str }),
    level: "info",
    azure: "error",
  },
  {
    rule: "response-constraint-relaxed",
    why: "clients may receive values outside the promised range",
    ...prop("response", { type: "integer", maximum: 5 }, { type: "integer", maximum: 10 }),
    level: "error",
  },
  {
    rule: "response-constraint-removed",
    why: "clients may receive values outside the promised range",
    ...prop("response", { ...str, maxLength: 5 }, str),
    level: "error",
  },
  {
    rule: "response-constraint-tightened",
    why: "everything clients receive was valid before",
    ...prop("response", { ...str, minLength: 1 }, { ...str, minLength: 2 }),
    level: "info",
    azure: "error",
  },
  {
    rule: "response-constraint-added",
    why: "everything clients receive was valid before",
    ...prop("response", str, { ...str, maxLength: 5 }),
    level: "info",
    azure: "error",
  },
  {
    rule: "request-pattern-added",
    why: "strings clients sent may not match",
    ...prop("request", str, { ...str, pattern: "^[a-z]+$" }),
    level: "error",
  },
  {
    rule: "request-pattern-changed",
    why: "strings clients sent may not match the new pattern",
    ...prop("request", { ...str, pattern: "^[a-z]+$" }, { ...str, pattern: "^[a-z0-9]+$" }),
    level: "warning",
    azure: "error",
  },
  {
    rule: "request-pattern-removed",
    why: "every string clients sent is still valid",
    ...prop("request", { ...str, pattern: "^[a-z]+$" }, str),
    level: "info",
    azure: "error",
  },
  {
    rule: "response-pattern-changed",
    why: "clients do not validate what they receive against patterns",
    ...prop("response", str, { ...str, pattern: "^[a-z]+$" }),
    level: "info",
    azure: "error",
  },
  // Composition
  {
    rule: "request-union-variant-added",
    why: "what clients sent is still valid",
    ...prop(
      "request",
      { oneOf: [str, { type: "integer" }] },
      { oneOf: [str, { type: "integer" }, { type: "boolean" }] },
    ),
    level: "info",
    azure: "warning",
  },
  {
    rule: "request-union-variant-removed",
    why: "clients sending that variant are rejected",
    ...prop("request", { oneOf: [str, { type: "integer" }] }, str),
    level: "error",
    azure: "warning",
  },
  {
    rule: "response-union-variant-added",
    why: "clients handling each variant may not handle the new one",
    ...prop("response", str, { oneOf: [str, { type: "integer" }] }),
    level: "warning",
  },
  {
    rule: "response-union-variant-removed",
    why: "clients stop receiving a shape they already handle",
    ...prop("response", { oneOf: [str, { type: "integer" }] }, str),
    level: "info",
    azure: "warning",
  },
  {
    rule: "discriminator-changed",
    why: "the variant is chosen by a property the other side no longer sets",
    old: pets("kind"),
    new: pets("type"),
    level: "error",
  },
  {
    rule: "additional-properties-added",
    why: "more keys are accepted",
    old: usedIn("request", { type: "object", properties: { id: str } }),
    new: usedIn("request", { type: "object", properties: { id: str }, additionalProperties: str }),
    level: "info",
  },
  {
    rule: "additional-properties-removed",
    why: "extra keys are no longer part of the contract",
    old: usedIn("response", { type: "object", properties: { id: str }, additionalProperties: str }),
    new: usedIn("response", { type: "object", properties: { id: str } }),
    level: "warning",
    azure: "error",
  },
  // Security
  {
    rule: "security-scheme-added",
    why: "clients keep using the scheme they use",
    old: secured([{ key: [] }]),
    new: secured([{ key: [] }, { bearer: [] }]),
    level: "info",
    also: ["global-security-added"],
  },
  {
    rule: "security-scheme-removed",
    why: "clients configured with that credential can no longer call",
    old: secured([{ key: [] }, { bearer: [] }]),
    new: secured([{ key: [] }]),
    level: "error",
    also: ["global-security-removed"],
  },
  {
    rule: "security-scheme-changed",
    why: "clients send the key in a header the server no longer reads",
    old: secured([{ key: [] }]),
    new: secured([{ key: [] }], undefined, "X-Api-Key"),
    level: "error",
  },
  {
    rule: "operation-security-added",
    why: "clients keep using the alternative they use",
    old: secured(undefined, [{ key: [] }]),
    new: secured(undefined, [{ key: [] }, { bearer: [] }]),
    level: "info",
    also: ["security-scheme-added"],
  },
  {
    rule: "operation-security-removed",
    why: "anonymous clients are now refused",
    old: secured(undefined, [{ key: [] }, {}]),
    new: secured(undefined, [{ key: [] }]),
    level: "error",
  },
  {
    rule: "global-security-removed",
    why: "a requirement where there was none: calls without credentials are refused",
    old: secured(undefined),
    new: secured([{ key: [] }]),
    level: "error",
    also: ["global-security-added", "security-scheme-removed"],
  },
  {
    rule: "global-security-added",
    why: "dropping the requirement: every client keeps working",
    old: secured([{ key: [] }]),
    new: secured(undefined),
    level: "info",
    also: ["global-security-removed", "security-scheme-added"],
  },
  // Servers and version
  {
    rule: "server-url-changed",
    why: "usually deployment metadata, but a new base path moves every operation",
    old: served([{ url: "https://a.example.com" }]),
    new: served([{ url: "https://a.example.com/v2" }]),
    level: "warning",
  },
  {
    rule: "server-variable-added-required",
    why: "clients must supply a value they never configured",
    old: served([{ url: "https://example.com" }]),
    new: served([{ url: "https://{host}", variables: { host: { default: "" } } }]),
    level: "error",
    also: ["server-url-changed"],
  },
  {
    rule: "server-variable-added-optional",
    why: "clients that do not set it get the default",
    old: served([{ url: "https://example.com" }]),
    new: served([{ url: "https://{host}", variables: { host: { default: "example.com" } } }]),
    level: "info",
    also: ["server-url-changed"],
  },
  {
    rule: "api-version-decreased",
    why: "the documents are probably swapped",
    old: versioned("2024-01-01"),
    new: versioned("2023-06-01"),
    level: "warning",
  },
];
