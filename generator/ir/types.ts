/**
 * The intermediate representation (IR) between OpenAPI and the emitters.
 *
 * Only `build-ir.ts` builds it; the plan (`plan/`), the emitters (`emit/`) and the diff (`diff/`)
 * read it. Every OpenAPI default is resolved here, so none of them re-interprets OpenAPI: parameter style/explode, required-ness, media types,
 * `nullable` (3.0) and `type: [.., "null"]` (3.1) as a union with `null`, `allOf`/`anyOf`/`oneOf`
 * normalised, names made unique and safe. All lists are in a stable order.
 */

/** One API version of one service: what one generated package covers. */
export interface ApiIR {
  /** `info.title`, e.g. "CommunicationIdentityClient". */
  readonly title: string;
  readonly description?: string;
  /** `info.version`; also the value sent as `api-version` where the API has that parameter. */
  readonly apiVersion: string;
  readonly server: ServerIR;
  /** Schemes a client can authenticate with (document-level security alternatives), in spec order. */
  readonly auth: readonly AuthSchemeIR[];
  /** Sorted by `name`. */
  readonly operations: readonly OperationIR[];
  /** Named types (component schemas and named inline types), sorted by `name`. */
  readonly types: readonly NamedTypeIR[];
  /** An Azure service (see `ir/azure-service.ts`): clients send Azure-only headers such as `x-ms-client-request-id`. */
  readonly azure: boolean;
  /**
   * The document's own `security` requirement (alternatives of scheme ids, `[]` = anonymous), when
   * it has one; absent, operations without their own need no credentials. `auth` alone cannot say
   * this: without a requirement it lists every declared scheme.
   */
  readonly security?: readonly (readonly string[])[];
}

export interface ServerIR {
  /** URL template, e.g. "{endpoint}" or "https://api.github.com". Relative URLs stay relative. */
  readonly url: string;
  readonly description?: string;
  readonly variables: readonly ServerVariableIR[];
}

export interface ServerVariableIR {
  readonly name: string;
  /** Absent when the spec gives no usable default (e.g. `default: ""`): the user must supply it. */
  readonly default?: string;
  readonly description?: string;
  readonly enum?: readonly string[];
}

export type AuthSchemeIR = HmacAuthIR | BearerAuthIR | ApiKeyAuthIR | BasicAuthIR;

/** An `apiKey` scheme with an `x-hmac-signature` extension: requests are signed with the key. */
export interface HmacAuthIR {
  readonly kind: "hmac";
  readonly id: string;
  readonly description?: string;
  readonly algorithm: "HMAC-SHA256";
  readonly keyEncoding: "base64";
  readonly dateHeader: string;
  readonly contentHashHeader: string;
  /** Header names in signing order; `host` means the request URL's host. */
  readonly signedHeaders: readonly string[];
  readonly authorizationPrefix: string;
  /** Present when the service documents an `endpoint=...;accesskey=...` connection string. */
  readonly connectionString?: { readonly endpointKey: string; readonly keyKey: string };
}

/** OAuth2, OpenID Connect or HTTP bearer: a token credential's token in `Authorization: Bearer`. */
export interface BearerAuthIR {
  readonly kind: "bearer";
  readonly id: string;
  readonly description?: string;
  /** Scopes a token credential asks for (`x-credential-scopes`, else the flows' scopes). */
  readonly scopes: readonly string[];
}

export interface ApiKeyAuthIR {
  readonly kind: "apiKey";
  readonly id: string;
  readonly description?: string;
  readonly in: "header" | "query" | "cookie";
  readonly name: string;
}

export interface BasicAuthIR {
  readonly kind: "basic";
  readonly id: string;
  readonly description?: string;
}

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export interface OperationIR {
  /** Unique camelCase function name, e.g. "issueAccessToken". */
  readonly name: string;
  readonly operationId?: string;
  /** kebab-case group (first tag, else first path segment) used to split files, e.g. "identity". */
  readonly group: string;
  readonly method: HttpMethod;
  /** Path template relative to the server URL, e.g. "/identities/{id}/:issueAccessToken". */
  readonly path: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Path parameters first in path order, then required, then optional; ties by name. */
  readonly parameters: readonly ParameterIR[];
  readonly body?: RequestBodyIR;
  /** 2XX responses, by status. */
  readonly responses: readonly ResponseIR[];
  /** Non-2XX responses including `default`, by status with `default` last. */
  readonly errors: readonly ResponseIR[];
  /** Present for list operations that page (`x-ms-pageable`, `x-pagination`, or a detected convention: ir/paging.ts). */
  readonly paging?: PagingIR;
  /** Security alternatives (scheme ids) when the operation overrides the document; `[]` = anonymous. */
  readonly security?: readonly (readonly string[])[];
}

export type ParameterLocation = "path" | "query" | "header" | "cookie";
export type ParameterStyle = "simple" | "form" | "matrix" | "label" | "spaceDelimited" | "pipeDelimited" | "deepObject";

export interface ParameterIR {
  /** The wire name, e.g. "api-version". */
  readonly name: string;
  /** A safe, unique (within the operation) camelCase identifier, e.g. "apiVersion". */
  readonly tsName: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  /** Resolved from OpenAPI's defaults: path/header "simple", query/cookie "form". */
  readonly style: ParameterStyle;
  /** Resolved from OpenAPI's default: true for "form", else false. */
  readonly explode: boolean;
  readonly allowReserved: boolean;
  readonly type: TypeIR;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly default?: JsonValue;
  /** "api-version": filled in by the client with `ApiIR.apiVersion`, not asked of the caller. */
  readonly clientValue?: "api-version";
  /**
   * Set when the parameter is described by `content` instead of `schema`: the value is sent as one
   * string in this media type (e.g. `application/json` -> `JSON.stringify(value)`), not exploded.
   */
  readonly mediaType?: string;
}

export type BodyEncoding = "json" | "form" | "multipart" | "text" | "binary";

/** How a response body is read: `text/event-stream` as a stream of events, form and multipart as bytes. */
export type ResponseEncoding = "json" | "text" | "binary" | "event-stream";

/** One entry of a `content` map: a media type, how its bodies are encoded, and their type. */
export interface MediaContentIR<Encoding extends string> {
  readonly mediaType: string;
  readonly encoding: Encoding;
  readonly type: TypeIR;
}

export interface RequestBodyIR {
  readonly required: boolean;
  /** The media type sent by default, e.g. "application/json" or "application/merge-patch+json". */
  readonly mediaType: string;
  readonly encoding: BodyEncoding;
  readonly type: TypeIR;
  readonly description?: string;
  /**
   * The other media types the operation accepts, in order of preference (JSON, form, multipart,
   * text, bytes); absent when it accepts one. The caller picks one per call.
   */
  readonly alternatives?: readonly MediaContentIR<BodyEncoding>[];
}

export interface ResponseIR {
  /** "200", "2XX" or "default". */
  readonly status: string;
  readonly description?: string;
  /** Absent when the response has no body; else the preferred media type (JSON, text, events, bytes). */
  readonly mediaType?: string;
  readonly encoding?: ResponseEncoding;
  readonly type?: TypeIR;
  /** The other media types the response comes in, in order of preference; absent when it has one. */
  readonly alternatives?: readonly MediaContentIR<ResponseEncoding>[];
  readonly headers: readonly ResponseHeaderIR[];
}

export interface ResponseHeaderIR {
  /** Lower-case header name. */
  readonly name: string;
  readonly required: boolean;
  readonly type: TypeIR;
  readonly description?: string;
}

export interface PagingIR {
  /** Property of the page holding the items, e.g. "value"; absent when the page is the array of items. */
  readonly itemsProperty?: string;
  readonly itemType: TypeIR;
  /** How the page after a page is found. */
  readonly next: PagingNextIR;
  /** Query parameter (wire name) the page size is sent in, e.g. "per_page". */
  readonly pageSizeParameter?: string;
}

/**
 * A paging convention. `parameter` is the wire name of a query parameter of the operation, a
 * `property` one of the page's (a cursor's may be nested: `["response_metadata", "next_cursor"]`).
 */
export type PagingNextIR =
  /** A link to the next page in the page, e.g. `nextLink` (Azure). */
  | { readonly kind: "next-link"; readonly property: string }
  /** An RFC 8288 `Link` header with `rel="next"` (GitHub). */
  | { readonly kind: "link-header" }
  /** A cursor or page token in the page, sent back in a query parameter (`next_cursor` -> `cursor`). */
  | { readonly kind: "cursor"; readonly parameter: string; readonly property: readonly string[] }
  /** While `hasMoreProperty` is true, the last item's `idProperty` in `parameter` (Stripe's `starting_after`). */
  | {
      readonly kind: "last-item";
      readonly parameter: string;
      readonly hasMoreProperty: string;
      readonly idProperty: string;
    }
  /** An item offset in `parameter`, until a page is empty or `totalProperty` (when given) is reached. */
  | { readonly kind: "offset"; readonly parameter: string; readonly totalProperty?: string };

export interface NamedTypeIR {
  /** Unique PascalCase TypeScript name, e.g. "CommunicationIdentity". */
  readonly name: string;
  /** The component key it came from, or the place it was named after. */
  readonly sourceName: string;
  readonly description?: string;
  readonly deprecated: boolean;
  readonly type: TypeIR;
  /** Whether the type is reachable from request (input) and/or response (output) positions. */
  readonly usage: { readonly input: boolean; readonly output: boolean };
}

export interface Constraints {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
}

export type TypeIR =
  | RefTypeIR
  | { readonly kind: "string"; readonly format?: string; readonly constraints?: Constraints }
  | { readonly kind: "number"; readonly integer: boolean; readonly format?: string; readonly constraints?: Constraints }
  | { readonly kind: "boolean" }
  /** `string` + `format: date-time`: a `Date` in TypeScript, serialised as RFC 3339. */
  | { readonly kind: "date-time" }
  /** `string` + `format: binary` (or a binary media type): bytes. */
  | { readonly kind: "binary" }
  | { readonly kind: "null" }
  | { readonly kind: "unknown" }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  | EnumTypeIR
  | { readonly kind: "array"; readonly items: TypeIR; readonly constraints?: Constraints }
  | { readonly kind: "map"; readonly values: TypeIR }
  | ObjectTypeIR
  | UnionTypeIR
  | { readonly kind: "intersection"; readonly members: readonly TypeIR[] };

export interface RefTypeIR {
  readonly kind: "ref";
  /** `NamedTypeIR.name`. */
  readonly name: string;
}

export interface EnumTypeIR {
  readonly kind: "enum";
  readonly valueType: "string" | "number";
  readonly values: readonly EnumValueIR[];
  /** Open enum: unknown values are valid and must not break clients (`anyOf [string, enum]`, `x-ms-enum.modelAsString`). */
  readonly extensible: boolean;
}

export interface EnumValueIR {
  readonly value: string | number;
  readonly description?: string;
}

export interface ObjectTypeIR {
  readonly kind: "object";
  /** Sorted by name: a JSON object's key order carries no meaning, so output must not follow it. */
  readonly properties: readonly PropertyIR[];
  /** Type of additional properties, when the object allows typed extra keys. */
  readonly additionalProperties?: TypeIR;
  /**
   * On the base of an inheritance-style discriminator (the subtypes `allOf` this schema, no `oneOf`):
   * the subtypes by discriminator value. Each subtype's type narrows the property to its value.
   */
  readonly discriminator?: DiscriminatorIR;
}

export interface PropertyIR {
  /** The wire name; TypeScript keeps it (quoted when it is not an identifier). */
  readonly name: string;
  readonly description?: string;
  readonly required: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly deprecated: boolean;
  readonly type: TypeIR;
  readonly default?: JsonValue;
  /** `x-ms-secret: true` or `format: password`: the value is a credential, which logs must hide. */
  readonly secret?: true;
}

export interface UnionTypeIR {
  readonly kind: "union";
  readonly variants: readonly TypeIR[];
  readonly discriminator?: DiscriminatorIR;
}

export interface DiscriminatorIR {
  readonly propertyName: string;
  /** Discriminator value -> named type: explicit `mapping` entries by value, then implicit ones in member order. */
  readonly mapping: readonly { readonly value: string; readonly type: string }[];
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
