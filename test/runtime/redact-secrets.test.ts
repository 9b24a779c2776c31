/**
 * The one secret rule (`generator/runtime/redact-secrets.ts`), against a table of the shapes secrets
 * come in (issue 15, item 5) and of names that must stay visible.
 */
import { describe, expect, it } from "vitest";
import { isSecretName, redactBodyText, redactJson, redactText } from "../../generator/runtime/redact-secrets.ts";

const SECRET = "s3cr3t-VALUE";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";

describe("secret names", () => {
  it.each([
    "token",
    "accessToken",
    "access_token",
    "ACCESS_TOKEN",
    "refreshTokens",
    "tokens",
    "aad-token",
    "x-ms-token",
    "key",
    "keys",
    "key1",
    "key2",
    "primaryKey",
    "accesskey",
    "x-api-key",
    "api-key",
    "Ocp-Apim-Subscription-Key",
    "secret",
    "clientSecret",
    "client_secrets",
    "password",
    "passwords",
    "adminPassword2",
    "passwd",
    "pwd",
    "pass",
    "user_pass",
    "passphrase",
    "signature",
    "sig",
    "credential",
    "credentials",
    "jwt",
    "idJwt",
    "cookie",
    "Set-Cookie",
    "x-session",
    "session",
    "authorization",
    "Proxy-Authorization",
    "www-authenticate",
    "connectionString",
    "primary-connection-string",
  ])("%s is secret", (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    "keyType",
    "keyword",
    "keyName",
    "tokenExpiresInMinutes",
    "createTokenWithScopes",
    "expiresOn",
    "sessionId",
    "passenger",
    "bypass",
    "compass",
    "code",
    "id",
    "value",
    "x-ms-content-sha256",
    "x-ms-date",
    "signedIdentifiers",
    "location",
    "scopes",
  ])("%s is not secret", (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe("values", () => {
  it("hides every value under a secret name, however deep, and keeps booleans and null", () => {
    const body = {
      keys: [{ keyName: "key1", permissions: "Full", value: SECRET }],
      key1: SECRET,
      key2: SECRET,
      jwt: SECRET,
      refreshTokens: [SECRET, SECRET],
      pwd: SECRET,
      passphrase: 12345,
      credentials: { user: "me", pass: SECRET, enabled: true, note: null },
      token: { value: SECRET, expiresOn: "2030-01-01T00:00:00Z" },
      id: "8:acs:1",
      keyType: "primary",
      tokenExpiresInMinutes: 60,
    };
    const redacted = redactJson(body);
    expect(JSON.stringify(redacted)).not.toContain(SECRET);
    expect(JSON.stringify(redacted)).not.toContain("12345");
    expect(redacted).toMatchObject({
      keys: [{ keyName: "REDACTED", permissions: "REDACTED", value: "REDACTED" }],
      credentials: { user: "REDACTED", pass: "REDACTED", enabled: true, note: null },
      token: { value: "REDACTED", expiresOn: "REDACTED" },
      id: "8:acs:1",
      keyType: "primary",
      tokenExpiresInMinutes: 60,
    });
  });

  it("hides a SAS signature and a JWT inside any other string, keeping the rest", () => {
    const body = {
      blobUrl: `https://a.blob.core.windows.net/c/b?sv=2024-01-01&sr=b&sig=${SECRET}%3D&se=2030`,
      note: `issued ${JWT} today`,
    };
    expect(redactJson(body)).toEqual({
      blobUrl: "https://a.blob.core.windows.net/c/b?sv=2024-01-01&sr=b&sig=REDACTED&se=2030",
      note: "issued REDACTED today",
    });
  });

  it.each([
    [`https://h/x?sig=${SECRET}&api-version=1`, "https://h/x?sig=REDACTED&api-version=1"],
    [`endpoint=https://h/;accesskey=${SECRET}==`, "endpoint=https://h/;accesskey=REDACTED"],
    [`access_token=${SECRET}&expires_in=3600`, "access_token=REDACTED&expires_in=3600"],
    [`Bearer ${JWT}`, "Bearer REDACTED"],
    ["<html>Service Unavailable</html>", "<html>Service Unavailable</html>"],
    ["a=1; b=2", "a=1; b=2"],
  ])("free text %s", (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it("adds the names a caller declares", () => {
    const isSecret = (name: string) => name === "adminLogin" || isSecretName(name);
    expect(redactBodyText(JSON.stringify({ adminLogin: SECRET, user: "me" }), isSecret)).toBe(
      '{"adminLogin":"REDACTED","user":"me"}',
    );
  });
});

describe("bodies", () => {
  it("quotes JSON compactly with secrets hidden", () => {
    expect(redactBodyText(`{ "token": "${SECRET}", "expiresOn": "2030" }`)).toBe(
      '{"token":"REDACTED","expiresOn":"2030"}',
    );
  });

  it("keeps only the property names of cut-off JSON, whose secrets cannot be told apart", () => {
    const cut = `{"value": [{"id": "1"}, {"keys": [{"value": "${SECRET}"`;
    expect(redactBodyText(cut)).toBe('{"value": [{"id": "REDACTED"}, {"keys": [{"value": "REDACTED"');
    expect(redactBodyText(`{"token": ${SECRET}x, "ok": true, "n": null`)).toBe(
      '{"token": "REDACTED", "ok": "REDACTED", "n": "REDACTED"',
    );
    expect(redactBodyText(`[{"a": "${SECRET}`)).not.toContain(SECRET);
  });

  it("passes other text through the free-text rule", () => {
    expect(redactBodyText(`token=${SECRET}`)).toBe("token=REDACTED");
    expect(redactBodyText("")).toBe("");
  });

  it("stays linear on long input without separators", () => {
    // A quadratic scan of 2 MB would not finish within the test's default timeout.
    const long = "a".repeat(2_000_000);
    expect(redactText(long)).toBe(long);
    expect(redactBodyText(`{"${long}`)).toBe(`{"REDACTED"`);
  });
});
