/**
 * Hand-built IRs for the emitter tests, covering what the emitters must handle: enums (closed,
 * extensible, numeric), readOnly/writeOnly, date-time inside arrays/maps/nullable, a discriminated
 * union, allOf, maps with and without properties, paging, 204, mixed 200/204, optional bodies,
 * every body encoding, query arrays with explode true/false, deepObject, header params, api-version,
 * reserved words and names that need quoting.
 */
import type { PackageInfo } from "../../generator/plan/package-info.ts";
import type {
  ApiIR,
  NamedTypeIR,
  OperationIR,
  ParameterIR,
  PropertyIR,
  ResponseIR,
  TypeIR,
} from "../../generator/ir/types.ts";

export const str: TypeIR = { kind: "string" };
export const int: TypeIR = { kind: "number", integer: true };
export const date: TypeIR = { kind: "date-time" };
export const nul: TypeIR = { kind: "null" };
export const ref = (name: string): TypeIR => ({ kind: "ref", name });
export const array = (items: TypeIR): TypeIR => ({ kind: "array", items });
export const map = (values: TypeIR): TypeIR => ({ kind: "map", values });
export const union = (...variants: TypeIR[]): TypeIR => ({ kind: "union", variants });

export const prop = (name: string, type: TypeIR, extra: Partial<PropertyIR> = {}): PropertyIR => ({
  name,
  type,
  required: false,
  readOnly: false,
  writeOnly: false,
  deprecated: false,
  ...extra,
});

const named = (name: string, type: TypeIR, extra: Partial<NamedTypeIR> = {}): NamedTypeIR => ({
  name,
  sourceName: name,
  deprecated: false,
  type,
  usage: { input: false, output: true },
  ...extra,
});

const both = { input: true, output: true };
const inputOnly = { input: true, output: false };

export const types: NamedTypeIR[] = [
  named("Animal", { kind: "object", properties: [prop("kind", str, { required: true })] }),
  named("Bird", {
    kind: "intersection",
    members: [ref("Animal"), { kind: "object", properties: [prop("wingspan", int), prop("seenAt", date)] }],
  }),
  named("Cat", {
    kind: "object",
    properties: [prop("kind", str, { required: true }), prop("lives", int, { required: true })],
  }),
  named("Dog", {
    kind: "object",
    properties: [
      prop("kind", { kind: "literal", value: "dog" }, { required: true }),
      prop("born", date, { required: true }),
    ],
  }),
  named(
    "ErrorResponse",
    {
      kind: "object",
      properties: [prop("code", str, { required: true }), prop("message", str, { required: true })],
    },
    { description: "An error." },
  ),
  named(
    "Filter",
    {
      kind: "object",
      properties: [prop("brand", str), prop("price", { kind: "object", properties: [prop("min", int)] })],
    },
    { usage: inputOnly },
  ),
  named(
    "KeyType",
    {
      kind: "enum",
      valueType: "string",
      extensible: false,
      values: [{ value: "primary", description: "The primary key." }, { value: "secondary" }],
    },
    { usage: both },
  ),
  named("Labels", map(str), { usage: both }),
  named("Mixed", { kind: "object", properties: [prop("name", str, { required: true })], additionalProperties: int }),
  named(
    "Pet",
    {
      kind: "union",
      variants: [ref("Cat"), ref("Dog")],
      discriminator: {
        propertyName: "kind",
        mapping: [
          { value: "cat", type: "Cat" },
          { value: "dog", type: "Dog" },
        ],
      },
    },
    { description: "A cat or a dog." },
  ),
  named("Priority", {
    kind: "enum",
    valueType: "number",
    extensible: false,
    values: [{ value: 1 }, { value: 2 }, { value: -1 }],
  }),
  named(
    "Schedule",
    {
      kind: "object",
      properties: [prop("slots", map(array(union(date, nul))), { required: true }), prop("pets", array(ref("Pet")))],
    },
    { usage: both },
  ),
  named(
    "Scope",
    {
      kind: "enum",
      valueType: "string",
      extensible: true,
      values: [{ value: "chat", description: "Chat */ access." }, { value: "voip" }, { value: "chat.join" }],
    },
    { usage: both },
  ),
  named(
    "Upload",
    {
      kind: "object",
      properties: [prop("file", { kind: "binary" }, { required: true }), prop("note", str)],
    },
    { usage: inputOnly },
  ),
  named(
    "Widget",
    {
      kind: "object",
      properties: [
        prop("id", str, { required: true, readOnly: true, description: "Set by the service." }),
        prop("name", str, { required: true, description: "Ends a comment */ early." }),
        prop("display-name", str),
        prop("default", { kind: "boolean" }, { default: false }),
        prop("createdAt", date, { readOnly: true }),
        prop("expiresAt", union(date, nul), { required: true }),
        prop("timestamps", array(date)),
        prop("history", map(date)),
        prop("secret", str, { writeOnly: true }),
        prop("scopes", array(ref("Scope"))),
        prop("keyType", ref("KeyType"), { default: "primary" }),
        prop("labels", ref("Labels")),
        prop("schedule", ref("Schedule")),
        prop(
          "size",
          { kind: "number", integer: true, constraints: { minimum: 60, maximum: 1440 } },
          { deprecated: true },
        ),
      ],
    },
    { usage: both, description: "A widget." },
  ),
  named("WidgetPage", {
    kind: "object",
    properties: [prop("value", array(ref("Widget")), { required: true }), prop("nextLink", union(str, nul))],
  }),
];

const param = (p: Partial<ParameterIR> & Pick<ParameterIR, "name" | "in" | "type">): ParameterIR => ({
  tsName: p.name,
  required: p.in === "path",
  style: p.in === "query" || p.in === "cookie" ? "form" : "simple",
  explode: p.in === "query" || p.in === "cookie",
  allowReserved: false,
  deprecated: false,
  ...p,
});

const apiVersion = param({
  name: "api-version",
  tsName: "apiVersion",
  in: "query",
  type: str,
  required: true,
  explode: false,
  clientValue: "api-version",
});
const widgetId = param({ name: "widgetId", in: "path", type: str, description: "The widget id, e.g. `8:acs:...`." });
const json = (type: TypeIR, status = "200", description = "OK"): ResponseIR => ({
  status,
  description,
  mediaType: "application/json",
  encoding: "json",
  type,
  headers: [],
});
const empty = (status = "204"): ResponseIR => ({ status, description: "No content.", headers: [] });
const errors = [json(ref("ErrorResponse"), "default", "An error response.")];

const op = (o: Partial<OperationIR> & Pick<OperationIR, "name" | "method" | "path">): OperationIR => ({
  group: "widgets",
  deprecated: false,
  parameters: [apiVersion],
  responses: [],
  errors,
  ...o,
});

export const operations: OperationIR[] = [
  op({
    name: "createWidget",
    method: "PUT",
    path: "/widgets/{widgetId}",
    summary: "Creates or replaces a widget.",
    parameters: [widgetId, apiVersion],
    body: {
      required: true,
      mediaType: "application/json",
      encoding: "json",
      type: ref("Widget"),
      description: "The widget.",
    },
    responses: [json(ref("Widget")), json(ref("Widget"), "201", "Created")],
  }),
  op({
    name: "deleteWidget",
    method: "DELETE",
    path: "/widgets/{widgetId}",
    parameters: [widgetId, apiVersion],
    responses: [empty()],
  }),
  op({
    name: "getPet",
    group: "pets",
    method: "GET",
    path: "/pets/{petId}",
    parameters: [param({ name: "petId", in: "path", type: int }), apiVersion],
    responses: [json(ref("Pet"))],
  }),
  op({ name: "getSchedule", group: "pets", method: "GET", path: "/schedule", responses: [json(ref("Schedule"))] }),
  op({
    name: "getText",
    group: "bodies",
    method: "GET",
    path: "/text",
    parameters: [],
    responses: [{ status: "200", mediaType: "text/plain", encoding: "text", type: str, headers: [] }],
    security: [],
  }),
  op({
    name: "getWidget",
    method: "GET",
    path: "/widgets/{widgetId}",
    description: "Gets a widget.",
    parameters: [
      widgetId,
      apiVersion,
      param({ name: "options", in: "query", type: str, description: "Named like the options bag." }),
    ],
    responses: [json(ref("Widget"))],
    deprecated: true,
  }),
  op({
    name: "issueToken",
    method: "POST",
    path: "/widgets/{widgetId}/:issueToken",
    parameters: [
      widgetId,
      apiVersion,
      param({ name: "x-request-id", tsName: "xRequestId", in: "header", type: str, required: true }),
    ],
    body: { required: true, mediaType: "application/json", encoding: "json", type: array(ref("Scope")) },
    responses: [
      json({
        kind: "object",
        properties: [prop("token", str, { required: true }), prop("expiresOn", date, { required: true })],
      }),
    ],
  }),
  op({
    name: "listWidgets",
    method: "GET",
    path: "/widgets",
    parameters: [
      apiVersion,
      param({ name: "tags", in: "query", type: array(str) }),
      param({ name: "ids", in: "query", type: array(int), explode: false }),
      param({ name: "since", in: "query", type: date }),
      param({ name: "top", in: "query", type: int, default: 10 }),
      param({ name: "filter", in: "query", type: ref("Filter"), style: "deepObject" }),
      param({ name: "x-ms-trace", tsName: "xMsTrace", in: "header", type: { kind: "boolean" } }),
    ],
    responses: [json(ref("WidgetPage"))],
    paging: { itemsProperty: "value", itemType: ref("Widget"), next: { kind: "next-link", property: "nextLink" } },
  }),
  op({
    name: "submitForm",
    group: "bodies",
    method: "POST",
    path: "/form",
    parameters: [],
    body: { required: true, mediaType: "application/x-www-form-urlencoded", encoding: "form", type: ref("Filter") },
    responses: [empty()],
  }),
  op({
    name: "updateWidget",
    method: "PATCH",
    path: "/widgets/{widgetId}",
    parameters: [widgetId, apiVersion],
    body: { required: false, mediaType: "application/merge-patch+json", encoding: "json", type: ref("Widget") },
    responses: [json(ref("Widget")), empty()],
  }),
  op({
    name: "uploadBytes",
    group: "bodies",
    method: "PUT",
    path: "/bytes",
    parameters: [],
    body: { required: true, mediaType: "application/octet-stream", encoding: "binary", type: { kind: "binary" } },
    responses: [empty("202")],
  }),
  op({
    name: "uploadParts",
    group: "bodies",
    method: "POST",
    path: "/parts",
    parameters: [],
    body: { required: true, mediaType: "multipart/form-data", encoding: "multipart", type: ref("Upload") },
    responses: [empty()],
  }),
];

/** Like Communication Identity: HMAC with a connection string, bearer, endpoint without default. */
export const widgetApi: ApiIR = {
  title: "WidgetClient",
  description: "Manages widgets.",
  apiVersion: "2024-01-01",
  server: { url: "{endpoint}", variables: [{ name: "endpoint", description: "The widget service endpoint." }] },
  auth: [
    {
      kind: "hmac",
      id: "AccessKey",
      algorithm: "HMAC-SHA256",
      keyEncoding: "base64",
      dateHeader: "x-ms-date",
      contentHashHeader: "x-ms-content-sha256",
      signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256"],
      authorizationPrefix: "HMAC-SHA256",
      connectionString: { endpointKey: "endpoint", keyKey: "accesskey" },
    },
    { kind: "bearer", id: "Entra", scopes: ["https://widgets.example/.default"] },
  ],
  operations: [...operations].sort((a, b) => (a.name < b.name ? -1 : 1)),
  types,
  azure: true,
};

/** An API key in a header and basic auth; the endpoint has a default (so it moves into options). */
export const keyApi: ApiIR = {
  title: "KeyClient",
  apiVersion: "1.0",
  server: { url: "https://{region}.example.com/v1", variables: [{ name: "region", default: "eu" }] },
  auth: [
    { kind: "apiKey", id: "ApiKey", in: "header", name: "x-api-key" },
    { kind: "basic", id: "Basic" },
  ],
  operations: [
    op({
      name: "ping",
      group: "health",
      method: "GET",
      path: "/ping",
      parameters: [],
      errors: [],
      responses: [empty("200")],
    }),
  ],
  types: [],
  azure: false,
};

/** No authentication and a relative server URL: the caller names the host. */
export const openApi: ApiIR = {
  title: "Open API",
  apiVersion: "0.1.0",
  server: { url: "/api", variables: [] },
  auth: [],
  operations: [
    op({
      name: "getLabels",
      group: "labels",
      method: "GET",
      path: "/labels",
      parameters: [],
      errors: [],
      responses: [json(ref("Labels"))],
    }),
  ],
  types: [named("Labels", map(str))],
  azure: false,
};

const hmac = widgetApi.auth[0];
const bearer = widgetApi.auth[1];

/** Server URL and auth combinations, each one package: every way `context.ts` can come out. */
export const shapeApis: ApiIR[] = (
  [
    [{ url: "{endpoint}", variables: [{ name: "endpoint", default: "https://default.example" }] }, [hmac, bearer]],
    [{ url: "{endpoint}", variables: [{ name: "endpoint" }] }, [hmac && { ...hmac, connectionString: undefined }]],
    [
      {
        url: "https://{account}.example.com/{version}",
        variables: [{ name: "account" }, { name: "version", default: "v2" }],
      },
      [bearer],
    ],
    [
      { url: "https://{a}.{b}.example", variables: [{ name: "a" }, { name: "b" }] },
      [{ kind: "apiKey", id: "Q", in: "query", name: "code" }],
    ],
    [{ url: "", variables: [] }, [{ kind: "apiKey", id: "C", in: "cookie", name: "session" }]],
    [{ url: "https://api.example.com", variables: [] }, []],
    [{ url: "https://api.example.com", variables: [] }, [bearer, { kind: "basic", id: "B" }, hmac]],
  ] as const
).map(([server, auth], index) => ({
  title: `Shape${index}`,
  apiVersion: "1.0",
  server,
  auth: auth.filter((a) => a !== undefined),
  operations: keyApi.operations,
  types: [],
  azure: auth.some((a) => a?.kind === "hmac"),
}));

export const packageOf = (api: ApiIR, name: string): PackageInfo => ({
  name: `@test/${name}`,
  version: "1.0.0",
  directory: name,
  service: name,
  clientName: api.title.replace(/\s+/g, "") + (api.title.endsWith("Client") ? "" : "Client"),
  header: "// Generated by specsmith for the emitter tests; do not edit.",
});
