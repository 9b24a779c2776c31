/**
 * Small OpenAPI documents whose schema graphs are long or deep: what made recursive walks take
 * minutes or overflow the stack (issue 15 item 7, issue 14 item 1). Shared by the tests and
 * `bench/graph-chains.ts`. Each has one operation that sends and returns its root schema, so every
 * walk (usage, serialization, the diff) reaches the whole graph.
 */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

function document(schemas: Json, root: string): Json {
  return {
    openapi: "3.0.3",
    info: { title: "Graph", version: "1.0.0" },
    paths: {
      "/things": {
        post: {
          operationId: "putThing",
          requestBody: { required: true, content: { "application/json": { schema: ref(root) } } },
          responses: { "200": { description: "ok", content: { "application/json": { schema: ref(root) } } } },
        },
      },
    },
    components: { schemas },
  };
}

/** `A0 -> A1 -> ... -> A(n-1)`, each a bare `$ref` alias of the next; the last is an object. */
export function refAliasChain(length: number, leafType = "string"): Json {
  const schemas: Json = {};
  for (let i = 0; i < length - 1; i++) schemas[`A${i}`] = ref(`A${i + 1}`);
  schemas[`A${length - 1}`] = {
    type: "object",
    properties: { id: { type: leafType }, at: { type: "string", format: "date-time" } },
  };
  return document(schemas, "A0");
}

/** `A0 = allOf[A1] + {p0}`, ..., `A(n-1) = {p(n-1)}`: each model extends the next. */
export function allOfChain(length: number, leafType = "string"): Json {
  const schemas: Json = {};
  for (let i = 0; i < length - 1; i++) {
    schemas[`A${i}`] = {
      allOf: [ref(`A${i + 1}`)],
      type: "object",
      properties: { [`p${i}`]: { type: "string", format: "date-time" } },
    };
  }
  schemas[`A${length - 1}`] = { type: "object", properties: { leaf: { type: leafType } } };
  return document(schemas, "A0");
}

/**
 * `U0 = anyOf[U1, U1[], {u: U1}]`, ..., `U(depth)` a string: three variants per level reach the
 * next level, so pairing variants by fresh structural comparisons grows as 9^depth.
 */
export function nestedUnions(depth: number, leafType = "string"): Json {
  const schemas: Json = {};
  for (let i = 0; i < depth; i++) {
    const next = ref(`U${i + 1}`);
    schemas[`U${i}`] = { anyOf: [next, { type: "array", items: next }, { type: "object", properties: { u: next } }] };
  }
  schemas[`U${depth}`] = { type: leafType };
  return document(schemas, "U0");
}

/**
 * Unions nested inline (no `$ref`), `depth` deep: `Nested = anyOf[leaf, anyOf[leaf, ...][], {u}]`,
 * one nested union per level, so the document grows linearly; comparing each pair of variants
 * afresh, then the pairs found, doubles the work per level.
 */
export function inlineNestedUnions(depth: number, leafType = "string"): Json {
  let schema: Json = { type: leafType };
  for (let i = 0; i < depth; i++)
    schema = {
      anyOf: [
        { type: "integer" },
        { type: "array", items: schema },
        { type: "object", properties: { u: { type: "boolean" } } },
      ],
    };
  return document({ Nested: schema }, "Nested");
}

/** Stripe's "expandable" pattern: a property is an id or the object itself, which reaches itself. */
export function expandable(parentType = "string"): Json {
  return document(
    {
      Node: {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: "string" },
          parent: { anyOf: [{ type: parentType }, ref("Node")] },
          children: { type: "array", items: ref("Node") },
        },
      },
    },
    "Node",
  );
}
