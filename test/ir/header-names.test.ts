/**
 * Header names a client cannot send (issue 15, item 11): a CR/LF, a space, a colon or nothing at
 * all in a header parameter, a response header, an `apiKey` header or an HMAC signed header. `fetch`
 * throws on such a name (every call would fail) and a hand-written request would be split by it:
 * each is diagnosed (`invalid-header-name`, or `invalid-hmac-signature`) and left out.
 */
import { describe, expect, it } from "vitest";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { buildInline, documentWith, operation, writeTemp } from "./helpers.ts";

const CRLF_NAME = "x-trace\r\nInjected: yes";
const paths = {
  ...documentWith({
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          parameters: [
            { name: "x-ok", in: "header", schema: { type: "string" } },
            { name: CRLF_NAME, in: "header", schema: { type: "string" } },
            { name: "x with space", in: "header", schema: { type: "string" } },
            { name: "x-colon:", in: "header", schema: { type: "string" } },
            { name: "", in: "header", schema: { type: "string" } },
            // Query names may hold anything: URLSearchParams encodes them.
            { name: "q\r\nq", in: "query", schema: { type: "string" } },
          ],
          responses: {
            "200": {
              description: "OK",
              headers: { "x-ok": { schema: { type: "string" } }, "x-bad\nheader": { schema: { type: "string" } } },
              content: { "application/json": { schema: { type: "string" } } },
            },
          },
        },
      },
    },
  }),
};
const schemes = {
  Key: { type: "apiKey", in: "header", name: "x-key\r\nx-evil: 1" },
  Hmac: {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    "x-hmac-signature": {
      algorithm: "HMAC-SHA256",
      keyEncoding: "base64",
      dateHeader: "x-ms-date",
      contentHashHeader: "x-ms-content-sha256",
      signedHeaders: ["x-ms-date", "host\r\n"],
    },
  },
};
/** The document with these security schemes, all required as alternatives. */
const documentWithSchemes = (securitySchemes: Partial<typeof schemes>) => ({
  ...paths,
  components: { securitySchemes },
  security: Object.keys(securitySchemes).map((id) => ({ [id]: [] })),
});

describe("header names that are not HTTP field names", () => {
  const built = buildInline(documentWithSchemes(schemes));

  it("are diagnosed, each with its location, and quoted on one line", () => {
    const found = built.diagnostics.map((d) => `${d.severity} ${d.code} ${d.location?.pointer ?? ""}`).sort();
    expect(found).toEqual(
      [
        "warning invalid-header-name /paths/~1things/get/parameters/1",
        "warning invalid-header-name /paths/~1things/get/parameters/2",
        "warning invalid-header-name /paths/~1things/get/parameters/3",
        "warning invalid-header-name /paths/~1things/get/parameters/4",
        "warning invalid-header-name /paths/~1things/get/responses/200/headers/x-bad\nheader",
        "error invalid-hmac-signature /components/securitySchemes/Hmac/x-hmac-signature",
        "warning invalid-header-name /components/securitySchemes/Key",
      ].sort(),
    );
    const messages = built.diagnostics.map((d) => d.message);
    expect(messages.join("\n")).toContain('header parameter "x-trace Injected: yes" is not a valid HTTP header name');
    for (const message of messages) expect(message).not.toMatch(/[\r\n]/);
  });

  it("are left out of the client: parameters, response headers and schemes", () => {
    const withoutHmac = buildInline(documentWithSchemes({ Key: schemes.Key }));
    const op = operation(withoutHmac.ir!, "listThings");
    expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["query:q\r\nq", "header:x-ok"]);
    expect(op.responses[0]?.headers.map((h) => h.name)).toEqual(["x-ok"]);
    expect(withoutHmac.ir!.auth).toEqual([]);
    const pkg = buildPackage({ file: writeTemp(JSON.stringify(documentWithSchemes({}))) });
    expect(pkg.files.length).toBeGreaterThan(0);
    for (const file of pkg.files)
      expect(file.content, file.path).not.toMatch(/x-trace|Injected|x-bad|x with space|x-colon/);
  });
});
