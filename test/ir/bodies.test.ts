/**
 * Media type -> body encoding (a table), which media type of a `content` map is used, and the
 * request/response facts of bodies.yaml: merge patch, forms, multipart, text, bytes, optional
 * bodies, 204, ranges, `default` errors and response headers.
 */
import { describe, expect, it } from "vitest";
import { mediaEncoding, pickMedia } from "../../generator/ir/media-types.ts";
import { fixtureIr, operation, typeText } from "./helpers.ts";

const ENCODINGS: readonly (readonly [string, string])[] = [
  ["application/json", "json"],
  ["application/json; charset=utf-8", "json"],
  ["Application/JSON", "json"],
  ["application/merge-patch+json", "json"],
  ["application/problem+json", "json"],
  ["application/vnd.github.v3+json", "json"],
  ["text/json", "json"],
  ["application/x-www-form-urlencoded", "form"],
  ["multipart/form-data", "multipart"],
  ["multipart/mixed", "multipart"],
  ["text/plain", "text"],
  ["text/plain; charset=utf-8", "text"],
  ["text/csv", "text"],
  ["text/html", "text"],
  ["application/octet-stream", "binary"],
  ["image/png", "binary"],
  ["application/pdf", "binary"],
];

describe("media type -> encoding", () => {
  it.each(ENCODINGS)("%s -> %s", (media, encoding) => {
    expect(mediaEncoding(media)).toBe(encoding);
  });

  it.each([
    [["application/xml", "application/json"], "application/json"],
    [["text/plain", "application/octet-stream"], "text/plain"],
    [["multipart/form-data", "application/x-www-form-urlencoded"], "application/x-www-form-urlencoded"],
    // Ties go by name, not by document order (a `content` map's key order means nothing).
    [["image/png", "image/jpeg"], "image/jpeg"],
    [["application/merge-patch+json", "application/json"], "application/json"],
    [["application/vnd.github+json", "application/scim+json"], "application/scim+json"],
    [[], undefined],
  ] as const)("picks from %j: %s", (types, picked) => {
    expect(pickMedia([...types])).toBe(picked);
  });
});

describe("bodies.yaml", () => {
  const ir = fixtureIr("bodies.yaml");
  const body = (id: string) => operation(ir, id).body;

  it("gives each request body its media type, encoding, required-ness and type", () => {
    const facts = Object.fromEntries(
      ir.operations
        .filter((o) => o.body)
        .map((o) => [
          o.name,
          `${o.body!.mediaType} ${o.body!.encoding}${o.body!.required ? "!" : ""} ${typeText(o.body!.type)}`,
        ]),
    );
    expect(facts).toEqual({
      createDocument: "application/json json! Document",
      echo: "application/json json Document",
      login:
        'application/x-www-form-urlencoded form! { "address"?: { "city"?: string; "zip"?: string }; "password": string<password>; "remember"?: boolean; "roles"?: string[]; "username": string }',
      patchDocument: "application/merge-patch+json json! Document",
      setText: "text/plain; charset=utf-8 text! string",
      uploadAttachment: 'multipart/form-data multipart! { "comment"?: string; "file": binary; "metadata"?: Document }',
      uploadContent: "application/octet-stream binary! binary",
      upsertDocument: "application/json json Document",
    });
    expect(body("createDocument")?.description).toBe("The new document.");
  });

  it("gives each response its status, media type, encoding and type", () => {
    const facts = Object.fromEntries(
      ir.operations.map((o) => [
        o.name,
        [...o.responses, ...o.errors].map(
          (r) => `${r.status}${r.mediaType ? ` ${r.mediaType} ${r.encoding} ${typeText(r.type!)}` : ""}`,
        ),
      ]),
    );
    expect(facts).toEqual({
      createDocument: ["201 application/json json Document", "default application/json json Problem"],
      deleteDocument: ["204", "default application/json json Problem"],
      downloadContent: ["200 application/octet-stream binary binary"],
      echo: ["200 application/json; charset=utf-8 json Document", "400 application/json json Problem", "5XX"],
      getPreview: ["200 image/jpeg binary binary"],
      getText: ["200 text/plain text string"],
      login: ['200 application/json json { "token"?: string }'],
      patchDocument: [
        "200 application/json json Document",
        "404 application/problem+json json Problem",
        "default application/json json Problem",
      ],
      setText: ["204"],
      uploadAttachment: ['200 application/json json { "id"?: string }'],
      uploadContent: ["2XX"],
      upsertDocument: ["200 application/json json Document", "201 application/json json Document", "204"],
    });
  });

  it("keeps response headers, lower-cased and sorted, with required-ness and types", () => {
    const created = operation(ir, "createDocument").responses[0]!;
    expect(created.headers.map((h) => `${h.name}${h.required ? "!" : ""} ${typeText(h.type)}`)).toEqual([
      "etag string",
      "location! string<uri>",
      "x-ms-request-id string",
    ]);
    expect(created.headers[1]?.description).toBe("Where the document lives.");
    expect(operation(ir, "downloadContent").responses[0]?.headers).toMatchObject([
      { name: "content-length", required: true, type: { kind: "number", integer: true } },
    ]);
  });

  it("resolves `$ref` responses with their headers", () => {
    const error = operation(ir, "deleteDocument").errors[0]!;
    expect(error).toMatchObject({
      status: "default",
      description: "An error.",
      headers: [{ name: "x-ms-error-code", required: false }],
    });
  });

  it("marks body types as input and response types as output", () => {
    const usage = Object.fromEntries(ir.types.map((t) => [t.name, t.usage]));
    expect(usage).toEqual({ Document: { input: true, output: true }, Problem: { input: false, output: true } });
  });
});
