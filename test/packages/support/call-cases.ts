/**
 * One real call per generated package, made by a consumer project against a local server: the
 * consumer's source, the server's reply, and what the server must have received. Tests may know
 * the services (the generator may not).
 */
import { createHash, createHmac } from "node:crypto";
import { expect } from "vitest";
import type { RecordedRequest, Reply } from "./recording-server.ts";

export interface CallContext {
  /** npm name and version of the package under test. */
  readonly name: string;
  readonly version: string;
  /** The exported client class. */
  readonly client: string;
  /** `http://127.0.0.1:<port>` of the test's server. */
  readonly origin: string;
  /** The API version the package was generated for. */
  readonly apiVersion: string;
}

export interface CallCase {
  /** What the consumer does (a TypeScript module run by Node); it prints one JSON line. */
  consumer(ctx: CallContext): string;
  reply(request: RecordedRequest): Reply;
  /** Checks the one request the server received and what the consumer printed. */
  check(ctx: CallContext, request: RecordedRequest, printed: unknown): void;
}

/** The 64 bytes 0x00..0x3F: the key of `../shared/reference/acs-hmac.md`'s worked examples. */
const ACCESS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
const USER_ID = "8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001";
const EXPIRES_ON = "2030-01-02T03:04:05.678Z";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function header(request: RecordedRequest, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

/** Headers every request carries: a client request id and a user agent naming the package. */
function checkCommonHeaders(ctx: CallContext, request: RecordedRequest): void {
  expect(header(request, "x-ms-client-request-id")).toMatch(UUID);
  expect(header(request, "user-agent")).toContain(`${ctx.name}/${ctx.version}`);
}

/** Recomputes the HMAC-SHA256 signature as `acs-hmac.md` specifies and compares it with what was sent. */
function checkHmacSignature(request: RecordedRequest): void {
  const date = header(request, "x-ms-date");
  const contentHash = header(request, "x-ms-content-sha256");
  expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(5 * 60_000);
  expect(new Date(date).toUTCString()).toBe(date);
  expect(contentHash).toBe(createHash("sha256").update(request.body, "utf8").digest("base64"));
  const stringToSign = `${request.method}\n${request.url}\n${date};${header(request, "host")};${contentHash}`;
  const signature = createHmac("sha256", Buffer.from(ACCESS_KEY, "base64"))
    .update(stringToSign, "utf8")
    .digest("base64");
  expect(header(request, "authorization")).toBe(
    `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  );
}

/** communication-identity: `issueAccessToken` with the access key (HMAC), or with a connection string. */
function issueAccessToken(via: "key" | "connection string"): CallCase {
  return {
    consumer: (ctx) =>
      [
        `import { ${ctx.client} } from "${ctx.name}";`,
        "",
        via === "key"
          ? `const client = new ${ctx.client}("${ctx.origin}", { key: "${ACCESS_KEY}" });`
          : `const client = new ${ctx.client}("endpoint=${ctx.origin}/;accesskey=${ACCESS_KEY}");`,
        `const token = await client.issueAccessToken("${USER_ID}", { scopes: ["chat", "voip"], expiresInMinutes: 60 });`,
        "const expiresOn: Date = token.expiresOn;",
        "console.log(JSON.stringify({ token: token.token, isDate: expiresOn instanceof Date, expiresOn: expiresOn.toISOString() }));",
      ].join("\n"),
    reply: () => ({
      status: 200,
      headers: { "content-type": "application/json", "x-ms-request-id": "request-1" },
      body: JSON.stringify({ token: "issued-token", expiresOn: EXPIRES_ON }),
    }),
    check: (ctx, request, printed) => {
      expect(request.method).toBe("POST");
      expect(request.url).toBe(
        `/identities/${encodeURIComponent(USER_ID)}/:issueAccessToken?api-version=${ctx.apiVersion}`,
      );
      expect(header(request, "content-type")).toMatch(/^application\/json/);
      expect(JSON.parse(request.body)).toEqual({ scopes: ["chat", "voip"], expiresInMinutes: 60 });
      checkHmacSignature(request);
      checkCommonHeaders(ctx, request);
      expect(printed).toEqual({ token: "issued-token", isDate: true, expiresOn: EXPIRES_ON });
    },
  };
}

/** api-management: `userGetSharedAccessToken` with a token credential (bearer), path parameters needing encoding. */
const sharedAccessToken: CallCase = {
  consumer: (ctx) =>
    [
      `import { ${ctx.client} } from "${ctx.name}";`,
      "",
      "const scopesAsked: (string | string[])[] = [];",
      "const credential = {",
      "  async getToken(scopes: string | string[]) {",
      "    scopesAsked.push(scopes);",
      '    return { token: "test-token", expiresOnTimestamp: Date.now() + 3_600_000 };',
      "  },",
      "};",
      // The server URL has a default (ARM), so the endpoint is an option rather than the first argument.
      `const client = new ${ctx.client}(credential, { endpoint: "${ctx.origin}" });`,
      'const result = await client.userGetSharedAccessToken("sub-1", "rg 1", "apim", "user:1", {',
      '  properties: { keyType: "primary", expiry: new Date("2030-01-01T00:00:00Z") },',
      "});",
      "console.log(JSON.stringify({ value: result.value, scopesAsked }));",
    ].join("\n"),
  reply: () => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ value: "SharedAccessSignature uid=1&ex=2030-01-01T00:00:00Z&sn=abc" }),
  }),
  check: (ctx, request, printed) => {
    expect(request.method).toBe("POST");
    expect(request.url).toBe(
      "/subscriptions/sub-1/resourceGroups/rg%201/providers/Microsoft.ApiManagement/service/apim/users/user%3A1/token" +
        `?api-version=${ctx.apiVersion}`,
    );
    expect(header(request, "authorization")).toBe("Bearer test-token");
    const body = JSON.parse(request.body) as { properties: { keyType: string; expiry: string } };
    expect(body.properties.keyType).toBe("primary");
    expect(Date.parse(body.properties.expiry)).toBe(Date.parse("2030-01-01T00:00:00Z"));
    checkCommonHeaders(ctx, request);
    expect(printed).toEqual({
      value: "SharedAccessSignature uid=1&ex=2030-01-01T00:00:00Z&sn=abc",
      scopesAsked: [["https://management.azure.com/.default"]],
    });
  },
};

/** The call case of a package folder (`<service>-<api version>`), if the tests know the service. */
export function callCaseFor(directory: string): CallCase | undefined {
  if (directory === "communication-identity-2023-10-01") return issueAccessToken("connection string");
  if (directory.startsWith("communication-identity-")) return issueAccessToken("key");
  if (directory.startsWith("api-management-")) return sharedAccessToken;
  return undefined;
}
