/**
 * Builders for minimal OpenAPI documents, so each rule's old/new pair states only what changes.
 * Documents are plain JSON objects: the loader reads them as JSON text, and the peer tool
 * (api-smart-diff) reads the very same objects.
 */
import { compareApis } from "../../generator/diff/compare-apis.ts";
import { loadApi } from "../../generator/diff/load-api.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import type { DiffReport, ProfileName, Suppression } from "../../generator/diff/types.ts";

export type Json = { [key: string]: unknown };

export function doc(paths: Json, schemas: Json = {}, extra: Json = {}): Json {
  const { components, ...rest } = extra as { components?: Json };
  return {
    openapi: "3.0.3",
    info: { title: "Fixture", version: "1.0.0" },
    paths,
    components: { schemas, ...(components ?? {}) },
    ...rest,
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });

/** `POST /items` sending `Thing` (request) and answering 204; or `GET /items` answering `Thing` (response). */
export function usedIn(direction: "request" | "response", thing: Json, extraSchemas: Json = {}): Json {
  const schemas = { Thing: thing, ...extraSchemas };
  if (direction === "request") {
    return doc(
      {
        "/items": {
          post: {
            operationId: "Items_Create",
            requestBody: { required: true, content: json(ref("Thing")) },
            responses: { "204": { description: "done" } },
          },
        },
      },
      schemas,
    );
  }
  return doc(
    {
      "/items": {
        get: { operationId: "Items_Get", responses: { "200": { description: "ok", content: json(ref("Thing")) } } },
      },
    },
    schemas,
  );
}

/** An object `Thing` with one property `p` (required when asked). */
export function withProperty(
  direction: "request" | "response",
  property: Json | undefined,
  required = false,
  more: Json = {},
): Json {
  const properties: Json = { id: { type: "string" }, ...(property ? { p: property } : {}) };
  return usedIn(direction, {
    type: "object",
    properties,
    required: ["id", ...(required && property ? ["p"] : [])],
    ...more,
  });
}

/** `GET /items` with the given operation fields merged in (parameters, responses, ...). */
export function getItems(fields: Json, extra: Json = {}): Json {
  return doc(
    { "/items": { get: { operationId: "Items_List", responses: { "200": { description: "ok" } }, ...fields } } },
    {},
    extra,
  );
}

export function irOf(document: Json, name = "fixture.json"): ApiIR {
  const loaded = loadApi(`/virtual/${name}`, JSON.stringify(document));
  if (!loaded.value) throw new Error(`fixture did not load: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.value;
}

export function diffDocs(
  before: Json,
  after: Json,
  profile: ProfileName = "default",
  suppressions: Suppression[] = [],
): DiffReport {
  return compareApis(irOf(before, "old.json"), irOf(after, "new.json"), { profile, suppressions });
}
