/**
 * fast-check arbitraries for OpenAPI documents: random-but-valid documents built from the shapes
 * real specs use (with the names that break naive generators: keywords, `__proto__`, dashes,
 * digits first, non-ASCII, case twins), and mutations of the fixture documents (keys deleted,
 * values replaced by random JSON or of the wrong kind, `$ref`s pointed elsewhere, `type` misspelt).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { repoRoot } from "../support/paths.ts";

type Json = unknown;
type JsonRecord = Record<string, Json>;

const COMPONENT_NAMES = [
  "Pet",
  "pet",
  "Error",
  "Object",
  "Promise",
  "delete",
  "a.b",
  "Ünïcode",
  "HttpError",
  "X-Y",
  "Model",
  "2fa",
];
const PROPERTY_NAMES = [
  "id",
  "name",
  "class",
  "constructor",
  "__proto__",
  "with-dash",
  "123start",
  "",
  "名前",
  "toString",
  "default",
  "$ref",
  "kind",
  "value",
  "nextLink",
];
const STRING_VALUES = ["a", "A", "chat.join", "", "with space", "ı", "İ", "2xx", "delete", "Δ"];
const PATHS = ["/items", "/items/{id}", "/a/{x}/b/{y}", "/", "/users/{user-id}/photos", "/things:search", "/Items"];
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const OPERATION_IDS = [
  "getThing",
  "get-thing",
  "get_thing",
  "delete",
  "constructor",
  "Things_List",
  "things/list",
  "class",
  "do",
];
const PARAMETER_NAMES = [
  "q",
  "filter",
  "$select",
  "select",
  "api-version",
  "limit",
  "tags",
  "X-Request-Id",
  "body",
  "options",
  "context",
];
const STATUSES = ["200", "201", "204", "2XX", "400", "404", "default"];

/** `a/b` -> `a~1b`: a component name inside a JSON pointer. */
const pointerSegment = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** Arbitrary schemas that may refer to the components named `names`. */
function schemaArbitrary(names: readonly string[]): fc.Arbitrary<Json> {
  const ref =
    names.length > 0
      ? [fc.constantFrom(...names).map((n): Json => ({ $ref: `#/components/schemas/${pointerSegment(n)}` }))]
      : [];
  const { schema } = fc.letrec<{
    schema: Json;
    leaf: Json;
    object: Json;
    array: Json;
    map: Json;
    composed: Json;
    property: Json;
  }>((tie) => ({
    schema: fc.oneof(
      { depthSize: "small", maxDepth: 4 },
      tie("leaf"),
      tie("leaf"),
      tie("object"),
      tie("array"),
      tie("map"),
      tie("composed"),
    ),
    leaf: fc.oneof(
      fc.record(
        {
          type: fc.constant("string"),
          format: fc.constantFrom("date-time", "binary", "uuid", "byte", "date", "password"),
        },
        { requiredKeys: ["type"] },
      ),
      fc.record(
        {
          type: fc.constantFrom("integer", "number"),
          format: fc.constantFrom("int32", "int64", "double"),
          minimum: fc.integer({ min: -5, max: 5 }),
        },
        { requiredKeys: ["type"] },
      ),
      fc.constant({ type: "boolean" }),
      fc
        .uniqueArray(fc.constantFrom(...STRING_VALUES), { minLength: 1, maxLength: 4 })
        .map((values): Json => ({ type: "string", enum: values })),
      fc
        .uniqueArray(fc.integer({ min: -3, max: 300 }), { minLength: 1, maxLength: 4 })
        .map((values): Json => ({ type: "integer", enum: values })),
      fc.constant({ enum: [true, "x", 1] }),
      fc
        .uniqueArray(fc.constantFrom(...STRING_VALUES), { minLength: 1, maxLength: 3 })
        .map((values): Json => ({ anyOf: [{ type: "string" }, { type: "string", enum: values }] })),
      fc.constant({}),
      ...ref,
      ...ref,
    ),
    property: fc
      .tuple(
        tie("schema"),
        fc.record(
          {
            readOnly: fc.boolean(),
            writeOnly: fc.boolean(),
            nullable: fc.boolean(),
            description: fc.string(),
            deprecated: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
      )
      .map(([s, flags]): Json => ({ ...(s as JsonRecord), ...flags })),
    object: fc
      .tuple(
        fc.dictionary(fc.constantFrom(...PROPERTY_NAMES), tie("property"), { maxKeys: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.option(fc.oneof(fc.boolean(), tie("schema")), { nil: undefined }),
      )
      .map(([properties, required, additional]): Json => {
        const names = Object.keys(properties);
        return {
          type: "object",
          properties,
          ...(names.some((_, i) => required[i]) ? { required: names.filter((_, i) => required[i]) } : {}),
          ...(additional === undefined ? {} : { additionalProperties: additional }),
        };
      }),
    array: fc.record(
      { type: fc.constant("array"), items: tie("schema"), minItems: fc.nat(3) },
      { requiredKeys: ["type", "items"] },
    ),
    map: tie("schema").map((values): Json => ({ type: "object", additionalProperties: values })),
    composed: fc.oneof(
      fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((members): Json => ({ oneOf: members })),
      fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((members): Json => ({ anyOf: members })),
      fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((members): Json => ({ allOf: members })),
      tie("schema").map((s): Json => ({ allOf: [s], nullable: true, description: "wrapped" })),
    ),
  }));
  return schema;
}

function parameterArbitrary(schema: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.record(
    {
      name: fc.constantFrom(...PARAMETER_NAMES),
      in: fc.constantFrom("query", "query", "header", "cookie"),
      required: fc.boolean(),
      schema,
      style: fc.constantFrom("form", "spaceDelimited", "pipeDelimited", "deepObject", "simple"),
      explode: fc.boolean(),
      description: fc.string({ maxLength: 20 }),
    },
    { requiredKeys: ["name", "in", "schema"] },
  );
}

function bodyArbitrary(schema: fc.Arbitrary<Json>, object: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc
    .oneof(
      fc.record({ media: fc.constantFrom("application/json", "application/merge-patch+json"), schema }),
      fc.record({ media: fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data"), schema: object }),
      fc.constant({ media: "text/plain", schema: { type: "string" } }),
      fc.constant({ media: "application/octet-stream", schema: { type: "string", format: "binary" } }),
    )
    .chain((body) =>
      fc.boolean().map((required): Json => ({
        required,
        content: { [(body as { media: string }).media]: { schema: (body as { schema: Json }).schema } },
      })),
    );
}

function responseArbitrary(schema: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.record(
    {
      description: fc.constant("a response"),
      content: fc.oneof(
        schema.map((s): Json => ({ "application/json": { schema: s } })),
        fc.constant({ "image/png": {} }),
        fc.constant({ "text/plain": { schema: { type: "string" } } }),
      ),
      headers: fc.constant({
        "X-Rate-Limit": { required: true, schema: { type: "integer" } },
        ETag: { schema: { type: "string" } },
      }),
    },
    { requiredKeys: ["description"] },
  );
}

function operationArbitrary(schema: fc.Arbitrary<Json>, object: fc.Arbitrary<Json>): fc.Arbitrary<JsonRecord> {
  return fc.record(
    {
      operationId: fc.constantFrom(...OPERATION_IDS),
      summary: fc.string({ maxLength: 30 }),
      tags: fc.subarray(["Pets", "pets", "Über uns", "with space"], { maxLength: 2 }),
      deprecated: fc.boolean(),
      parameters: fc.array(parameterArbitrary(schema), { maxLength: 3 }),
      requestBody: bodyArbitrary(schema, object),
      responses: fc.dictionary(fc.constantFrom(...STATUSES), responseArbitrary(schema), { minKeys: 1, maxKeys: 3 }),
      security: fc.constantFrom([], [{ key: [] }], [{ oauth: ["read"] }, {}]),
    },
    { requiredKeys: ["responses"] },
  );
}

/** Path parameters for every `{name}` of a path template (required, as OpenAPI demands). */
function withPathParameters(path: string, operation: JsonRecord, style: string): JsonRecord {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
  const pathParameters = names.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: name === "id" ? "integer" : "string" },
    style,
  }));
  return { ...operation, parameters: [...((operation["parameters"] as Json[] | undefined) ?? []), ...pathParameters] };
}

const SECURITY_SCHEMES = {
  key: { type: "apiKey", in: "header", name: "X-Api-Key" },
  oauth: {
    type: "oauth2",
    flows: {
      clientCredentials: { tokenUrl: "https://login.example.com/token", scopes: { read: "read", write: "write" } },
    },
  },
  basic: { type: "http", scheme: "basic" },
};

/** Random documents that are valid OpenAPI (3.0 or 3.1) in structure, with realistic awkward content. */
export function validDocument(): fc.Arbitrary<JsonRecord> {
  return fc.subarray(COMPONENT_NAMES, { minLength: 0, maxLength: 5 }).chain((names) => {
    const schema = schemaArbitrary(names);
    const object = fc
      .dictionary(fc.constantFrom(...PROPERTY_NAMES), schema, { minKeys: 1, maxKeys: 3 })
      .map((properties): Json => ({ type: "object", properties }));
    const pathItem = (path: string) =>
      fc
        .tuple(
          fc.dictionary(fc.constantFrom(...METHODS), operationArbitrary(schema, object), { minKeys: 1, maxKeys: 3 }),
          fc.constantFrom("simple", "label", "matrix"),
        )
        .map(([operations, style]) =>
          Object.fromEntries(
            Object.entries(operations).map(([method, op]) => [method, withPathParameters(path, op, style)]),
          ),
        );
    return fc.record(
      {
        openapi: fc.constantFrom("3.0.3", "3.1.0"),
        info: fc.record({
          title: fc.constantFrom("Pet Store", "ünïcode API", "2fa service", "Client", "a"),
          version: fc.constantFrom("1.0.0", "2024-01-01", "v2", ""),
        }),
        servers: fc.constantFrom(
          [{ url: "https://api.example.com/v1" }],
          [{ url: "/relative" }],
          [
            {
              url: "https://{region}.example.com/{version}",
              variables: { version: { default: "v1" }, region: { default: "eu", enum: ["eu", "us"] } },
            },
          ],
        ),
        paths: fc
          .subarray(PATHS, { minLength: 1, maxLength: 3 })
          .chain((paths) =>
            fc.tuple(...paths.map(pathItem)).map((items) => Object.fromEntries(paths.map((p, i) => [p, items[i]]))),
          ),
        components: fc.tuple(...names.map(() => schema)).map((schemas): Json => ({
          schemas: Object.fromEntries(names.map((n, i) => [n, schemas[i]])),
          securitySchemes: SECURITY_SCHEMES,
        })),
        security: fc.constantFrom([], [{ key: [] }], [{ oauth: ["read"] }, { basic: [] }]),
      },
      { requiredKeys: ["openapi", "info", "paths", "components"] },
    );
  });
}

/**
 * The small valid fixtures (the large generated one is left out: each case would take too long),
 * but those whose relative `$ref`s would not resolve from a case's made-up path (refs.yaml, and
 * documents split across a folder of their own name).
 */
export const FIXTURE_DOCUMENTS: readonly { readonly name: string; readonly document: JsonRecord }[] = readdirSync(
  join(repoRoot, "test/fixtures/openapi"),
)
  .filter((name) => /\.(ya?ml)$/.test(name) && name !== "refs.yaml" && name !== "refs-shared.yaml")
  .filter((name) => !existsSync(join(repoRoot, "test/fixtures/openapi", name.replace(/\.ya?ml$/, ""))))
  .sort()
  .map((name) => ({
    name,
    document: parse(readFileSync(join(repoRoot, "test/fixtures/openapi", name), "utf8")) as JsonRecord,
  }));

export interface Mutation {
  /** Which node to change, as an index into the document's nodes (modulo their number). */
  readonly at: number;
  readonly kind: "delete" | "replace" | "wrong-kind" | "ref" | "type" | "copy";
  readonly value: Json;
  /** A second node, for `ref` and `copy`. */
  readonly other: number;
}

export function mutations(): fc.Arbitrary<Mutation[]> {
  return fc.array(
    fc.record({
      at: fc.nat(),
      kind: fc.constantFrom("delete", "replace", "wrong-kind", "ref", "type", "copy"),
      value: fc.jsonValue({ maxDepth: 2 }),
      other: fc.nat(),
    }),
    { minLength: 1, maxLength: 4 },
  );
}

/** Every node of a document with its JSON pointer (object members and array items). */
function nodes(root: Json): { pointer: string; parent: JsonRecord | Json[]; key: string | number }[] {
  const found: { pointer: string; parent: JsonRecord | Json[]; key: string | number }[] = [];
  const visit = (value: Json, pointer: string) => {
    if (Array.isArray(value))
      value.forEach(
        (item, i) => (
          found.push({ pointer: `${pointer}/${i}`, parent: value, key: i }),
          visit(item, `${pointer}/${i}`)
        ),
      );
    else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const child = `${pointer}/${pointerSegment(key)}`;
        found.push({ pointer: child, parent: value as JsonRecord, key });
        visit(item, child);
      }
    }
  };
  visit(root, "");
  return found;
}

/** Applies mutations to a deep copy of `document`. */
export function mutate(document: JsonRecord, list: readonly Mutation[]): JsonRecord {
  const copy = structuredClone(document);
  for (const m of list) {
    const all = nodes(copy);
    if (all.length === 0) break;
    const target = all[m.at % all.length]!;
    const other = all[m.other % all.length]!;
    const current = (target.parent as Record<string | number, Json>)[target.key];
    const set = (value: Json) => ((target.parent as Record<string | number, Json>)[target.key] = value);
    switch (m.kind) {
      case "delete":
        if (Array.isArray(target.parent)) target.parent.splice(target.key as number, 1);
        else delete target.parent[target.key as string];
        break;
      case "replace":
        set(m.value);
        break;
      case "wrong-kind":
        set(
          Array.isArray(current)
            ? { ...current }
            : typeof current === "object" && current !== null
              ? Object.values(current)
              : typeof current === "string"
                ? 42
                : String(current),
        );
        break;
      case "ref":
        set({ $ref: `#${other.pointer}` });
        break;
      case "type":
        set(
          typeof current === "object" && current !== null && !Array.isArray(current)
            ? { ...current, type: m.value === null ? "strin" : m.value }
            : { type: "objekt" },
        );
        break;
      case "copy":
        set(structuredClone((other.parent as Record<string | number, Json>)[other.key]));
        break;
    }
  }
  return copy;
}
