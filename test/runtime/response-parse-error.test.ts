/**
 * `ResponseParseError` describes the body it could not accept without quoting any of its values, so
 * an issued token in it reaches no way the error is shown (issue 15, item 3): `message`,
 * `String(e)`, `util.inspect(e)`, `JSON.stringify(e)`, `bodySnippet`, nor the `SyntaxError` it keeps
 * as `cause`. A JSON object shows its top-level property names; any other body its size and
 * content type.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ResponseParseError } from "../../generator/runtime/errors.ts";
import { parseJson, type RawResponse } from "../../generator/runtime/send-request.ts";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.SECRET-SIGNATURE";
const SECRET = "SECRET-SIGNATURE";

const bytes = (text: string): number => new TextEncoder().encode(text).byteLength;

const response = (bodyText: string, contentType = "application/json"): RawResponse => ({
  status: 200,
  statusText: "OK",
  headers: new Headers({ "content-type": contentType }),
  bodyText,
  bodyBytes: new TextEncoder().encode(bodyText),
  request: { method: "POST", url: "https://example.test/token" },
});

function parseError(raw: RawResponse, required: readonly string[]): ResponseParseError {
  try {
    parseJson(raw, required);
  } catch (error) {
    if (error instanceof ResponseParseError) return error;
    throw error;
  }
  throw new Error("expected a ResponseParseError");
}

/** Every way the error reaches a log or a terminal. */
function shown(error: ResponseParseError): string[] {
  return [
    error.message,
    String(error),
    inspect(error, { depth: 5 }),
    JSON.stringify(error),
    error.bodySnippet,
    String(error.cause),
    error.stack ?? "",
  ];
}

describe("ResponseParseError quotes no value of the body", () => {
  const cutOff = `{"token":"${TOKEN}`;
  const bare = `{"token": ${TOKEN}}`;
  const form = `access_token=${TOKEN}&expires_in=3600`;
  const text = `Your token is ${TOKEN}`;
  it.each([
    [
      "a body lacking a required property",
      response(JSON.stringify({ token: TOKEN, expiryTime: "2030" })),
      'lacks the required property "expiresOn": {"token":…,"expiryTime":…}',
    ],
    [
      "a nested secret",
      response(JSON.stringify({ keys: [{ keyName: "key1", value: SECRET }] })),
      'lacks the required property "expiresOn": {"keys":…}',
    ],
    [
      "a body cut off inside the token",
      response(cutOff),
      `is not valid JSON: ${bytes(cutOff)} bytes, application/json`,
    ],
    [
      "a bare token, which V8's SyntaxError would quote",
      response(bare),
      `is not valid JSON: ${bytes(bare)} bytes, application/json`,
    ],
    [
      "a form-encoded body",
      response(form, "application/x-www-form-urlencoded"),
      `is not valid JSON: ${bytes(form)} bytes, application/x-www-form-urlencoded`,
    ],
    ["a token in plain text", response(text, "text/plain"), `is not valid JSON: ${bytes(text)} bytes, text/plain`],
    [
      "a JSON array of tokens",
      response(JSON.stringify([TOKEN])),
      `lacks the required property "expiresOn": ${bytes(JSON.stringify([TOKEN]))} bytes, application/json`,
    ],
    [
      "a JSON string that is the token",
      response(JSON.stringify(TOKEN)),
      `lacks the required property "expiresOn": ${bytes(JSON.stringify(TOKEN))} bytes, application/json`,
    ],
  ])("%s", (_what, raw, expected) => {
    const error = parseError(raw, ["expiresOn"]);
    expect(error.message).toBe(`Expected a JSON body in the 200 response, but it ${expected}`);
    expect(error.bodySnippet).toBe(expected.replace(/^[^:]*: /, ""));
    for (const text of shown(error)) expect(text).not.toContain(SECRET);
  });

  it("keeps the kind of JSON problem in its SyntaxError cause, not the body", () => {
    const error = parseError(response(`hello ${TOKEN}`), []);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(String(error.cause)).not.toContain("hello");
    expect(String(error.cause)).toMatch(/^SyntaxError: Unexpected token \(body not quoted\) is not valid JSON$/);
  });

  it("hides values that look harmless too, and stays within 200 characters", () => {
    const error = parseError(response(JSON.stringify({ id: "1", padding: "x".repeat(300) })), ["token"]);
    expect(error.bodySnippet).toBe('{"id":…,"padding":…}');
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`property${i}`, i]));
    expect(parseError(response(JSON.stringify(many)), ["token"]).bodySnippet).toHaveLength(200);
    expect(parseError(response("<html>Service Unavailable</html>", "text/html"), []).message).toBe(
      "Expected a JSON body in the 200 response, but it is not valid JSON: 32 bytes, text/html",
    );
  });
});
