/**
 * Levels on changes seen in real version pairs (issue 14, item 2): one base/revision pair each,
 * judged by what an existing caller experiences. Every finding of each pair is pinned, so a false
 * error or warning coming back shows here.
 */
import { describe, expect, it } from "vitest";
import { diffDocs, doc, getItems, type Json } from "./fixtures.ts";

const str = { type: "string" };
const findings = (before: Json, after: Json) =>
  diffDocs(before, after).findings.map((f) => `${f.level} ${f.ruleId} @ ${f.location}`);
const post = (fields: Json) =>
  doc({
    "/items": { post: { operationId: "Items_Create", responses: { "204": { description: "done" } }, ...fields } },
  });
const sending = (schema: Json) =>
  post({ requestBody: { required: true, content: { "application/json": { schema } } } });
const receiving = (schema: Json) =>
  doc({
    "/items": {
      get: {
        operationId: "Items_Get",
        responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
      },
    },
  });

describe("calibrated levels on real-world changes", () => {
  it("a default declared where the old description stated it is info, not an error", () => {
    const before = getItems({
      parameters: [
        { name: "per_page", in: "query", description: "Results per page (default 30).", schema: { type: "integer" } },
      ],
    });
    const after = getItems({
      parameters: [
        { name: "per_page", in: "query", description: "Results per page.", schema: { type: "integer", default: 30 } },
      ],
    });
    expect(findings(before, after)).toEqual([
      "info request-parameter-default-added @ GET /items query parameter per_page",
    ]);
  });

  it("removing an optional, schema-less request body is a warning, like removing an optional parameter", () => {
    const before = post({ requestBody: { required: false, content: { "application/octet-stream": {} } } });
    expect(findings(before, post({}))).toEqual(["warning request-optional-body-removed @ POST /items request body"]);
  });

  it("a body widening from required [a] to anyOf [required [a], required [b]] accepts more: no error", () => {
    const before = sending({ type: "object", required: ["a"], properties: { a: str, b: str } });
    const after = sending({
      type: "object",
      properties: { a: str, b: str },
      anyOf: [{ required: ["a"] }, { required: ["b"] }],
    });
    expect(findings(before, after)).toEqual(["info request-property-became-optional @ POST /items request body .a"]);
  });

  describe("`{type: object, properties: {}}` inside an anyOf gaining an optional property", () => {
    const free = { anyOf: [str, { type: "object", properties: {} }] };
    const grown = { anyOf: [str, { type: "object", properties: { note: str } }] };
    const wrap = (x: Json) => ({ type: "object", properties: { x } });

    it("sent: one optional property added, no variant removed, no additional-properties finding", () => {
      expect(findings(sending(wrap(free)), sending(wrap(grown)))).toEqual([
        "info request-property-added-optional @ POST /items request body .x|object.note",
      ]);
    });

    it("received: one property added", () => {
      expect(findings(receiving(wrap(free)), receiving(wrap(grown)))).toEqual([
        "info response-property-added @ GET /items response 200 body .x|object.note",
      ]);
    });
  });

  it("an operation removed after deprecation is a warning: callers still break", () => {
    const list = { operationId: "Items_List", responses: { "200": { description: "ok" } } };
    const before = doc({
      "/items": {
        get: list,
        delete: { operationId: "Items_Delete", deprecated: true, responses: { "204": { description: "done" } } },
      },
    });
    expect(findings(before, doc({ "/items": { get: list } }))).toEqual([
      "warning operation-removed-after-deprecation @ DELETE /items",
    ]);
  });

  it("a global security requirement added where there was none is an error", () => {
    const components = { components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } };
    expect(findings(getItems({}, components), getItems({}, { ...components, security: [{ key: [] }] }))).toEqual([
      "info global-security-added @ security",
      "error global-security-removed @ security",
    ]);
  });

  it("members moved into a wrapper object are still compared there: a break inside the moved model shows", () => {
    // Adyen Recurring v49 -> v67: `details[]` items became `{ RecurringDetail: {...} }`, and the
    // `Name` they refer to lost its required `gender`.
    const name = (gender: boolean) => ({
      type: "object",
      required: ["first", ...(gender ? ["gender"] : [])],
      properties: { first: str, ...(gender ? { gender: str } : {}) },
    });
    const detail = {
      type: "object",
      required: ["id"],
      properties: { id: str, shopperName: { $ref: "#/components/schemas/Name" } },
    };
    const list = (item: Json) => ({ type: "object", properties: { details: { type: "array", items: item } } });
    const before = doc(
      {
        "/items": {
          get: {
            operationId: "Items_List",
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: list({ $ref: "#/components/schemas/Detail" }) } },
              },
            },
          },
        },
      },
      { Detail: detail, Name: name(true) },
    );
    const after = doc(
      {
        "/items": {
          get: {
            operationId: "Items_List",
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: list({ $ref: "#/components/schemas/Wrapper" }) } },
              },
            },
          },
        },
      },
      {
        Detail: detail,
        Name: name(false),
        Wrapper: { type: "object", properties: { Detail: { $ref: "#/components/schemas/Detail" } } },
      },
    );
    expect(findings(before, after)).toEqual([
      "error response-required-property-removed @ Name.gender",
      "info response-property-added @ Wrapper.Detail",
      "error response-required-property-removed @ Wrapper.id",
      "warning response-optional-property-removed @ Wrapper.shopperName",
    ]);
  });

  it("an operation that declares a requirement where the document has none loses anonymous access: an error", () => {
    // Adyen Recurring v49 -> v67: declared schemes, no requirement, then `security` on every operation.
    const components = { components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } } };
    expect(findings(getItems({}, components), getItems({ security: [{ key: [] }] }, components))).toEqual([
      "info operation-security-added @ GET /items security",
      "error operation-security-removed @ GET /items security",
    ]);
  });
});
