/**
 * `ResponseParseError` quotes the body it could not accept: an issued token in it must not reach
 * any way the error is shown (issue 15, item 3): `message`, `String(e)`, `util.inspect(e)`,
 * `JSON.stringify(e)`, `bodySnippet`, nor the `SyntaxError` it keeps as `cause`.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ResponseParseError } from "../../generator/runtime/errors.ts";
import { parseJson, type RawResponse } from "../../generator/runtime/send-request.ts";

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.SECRET-SIGNATURE";
const SECRET = "SECRET-SIGNATURE";

const response = (bodyText: string): RawResponse => ({
  status: 200,
  statusText: "OK",
  headers: new Headers(),
  bodyText,
  bodyBytes: new TextEncoder().encode(bodyText),
  request: { method: "POST", url: "https://example.test/token" },
});

function parseError(bodyText: string, required: readonly string[]): ResponseParseError {
  try {
    parseJson(response(bodyText), required);
  } catch (error) {
    if (error instanceof ResponseParseError) return error;
    throw error;
  }
  throw new Error("expected a ResponseParseError");
}

/** Every way the error reaches a log or a terminal. */
function shown(error: ResponseParseError): string[] {
  return [error.message, String(error), inspect(error, { depth: 5 }), JSON.stringify(error), error.bodySnippet, String(error.cause), error.stack ?? ""];
}

describe("ResponseParseError hides secrets in the body it quotes", () => {
  it.each([
    ["a body lacking a required property", JSON.stringify({ token: TOKEN, expiryTime: "2030" }), 'lacks the required property "expiresOn": {"token":"REDACTED","expiryTime":"2030"}'],
    ["a nested secret", JSON.stringify({ keys: [{ keyName: "key1", value: "SECRET-SIGNATURE" }] }), 'lacks the required property "expiresOn": {"keys":[{"keyName":"REDACTED","value":"REDACTED"}]}'],
    ["a body cut off inside the token", `{"token":"${TOKEN}`, 'is not valid JSON: {"token":"REDACTED"'],
    ["a bare token, which V8's SyntaxError would quote", `{"token": ${TOKEN}}`, 'is not valid JSON: {"token": "REDACTED"}'],
    ["a form-encoded body", `access_token=${TOKEN}&expires_in=3600`, "is not valid JSON: access_token=REDACTED&expires_in=3600"],
    ["a token in plain text", `Your token is ${TOKEN}`, "is not valid JSON: Your token is REDACTED"],
  ])("%s", (_what, body, expected) => {
    const error = parseError(body, ["expiresOn"]);
    expect(error.message).toBe(`Expected a JSON body in the 200 response, but it ${expected}`);
    for (const text of shown(error)) expect(text).not.toContain(SECRET);
  });

  it("keeps the kind of JSON problem in its SyntaxError cause, not the body", () => {
    const error = parseError(`hello ${TOKEN}`, []);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(String(error.cause)).not.toContain("hello");
    expect(String(error.cause)).toMatch(/^SyntaxError: Unexpected token \(body not quoted\) is not valid JSON$/);
  });

  it("keeps a body without secrets as it was, up to 200 characters", () => {
    expect(parseError("<html>Service Unavailable</html>", []).message).toBe("Expected a JSON body in the 200 response, but it is not valid JSON: <html>Service Unavailable</html>");
    expect(parseError(JSON.stringify({ id: "1", padding: "x".repeat(300) }), ["token"]).bodySnippet).toHaveLength(200);
  });
});
