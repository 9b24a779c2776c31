import { request } from "node:http";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSha256, hmacSignature, hmacStringToSign } from "../support/services/hmac-verifier.ts";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";
import { caller, json, signHeaders, v, PREVIEW, type ErrorBody } from "./signed-fetch.ts";

const EMPTY = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
const WORKED_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
const WORKED_ID = "8%3Aacs%3A00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001";

describe("the verifier's arithmetic reproduces the vectors of acs-hmac.md", () => {
  it("SDK vectors with key pw==", () => {
    const date = "Wed, 13 Apr 2022 18:09:12 GMT";
    expect(contentSha256("")).toBe(EMPTY);
    expect(hmacSignature("pw==", hmacStringToSign("GET", "/testPath?testQuery=test", date, "example.com", EMPTY))).toBe(
      "DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=",
    );
    expect(hmacSignature("pw==", hmacStringToSign("GET", "/testPath", date, "example.com", EMPTY))).toBe(
      "+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU=",
    );
    expect(hmacSignature("pw==", hmacStringToSign("GET", "/", date, "example.com", EMPTY))).toBe(
      "X2lD3c1+T+BNWQrZHoVV5SSECO9sAokjs10ATeB5qm4=",
    );
  });

  it("worked Identity examples 2a-2d", () => {
    const host = "contoso.communication.azure.com";
    const hash = contentSha256('{"scopes":["chat","voip"],"expiresInMinutes":60}');
    expect(hash).toBe("L3rwPjqINp2rppinf7Ljl6gJFzoHpAeoNOr9KJTWYVw=");
    const issue = hmacStringToSign(
      "POST",
      `/identities/${WORKED_ID}/:issueAccessToken?api-version=${PREVIEW}`,
      "Tue, 15 Apr 2025 14:48:09 GMT",
      host,
      hash,
    );
    expect(hmacSignature(WORKED_KEY, issue)).toBe("3QEEB95vg9QCDfDhpfXl20exxXiQP9BhFBKpfal8rOg=");
    const create = (h: string) =>
      hmacStringToSign("POST", `/identities?api-version=${PREVIEW}`, "Tue, 15 Apr 2025 14:48:07 GMT", host, h);
    expect(hmacSignature(WORKED_KEY, create(EMPTY))).toBe("b3lCk3NchtfMhBjnHoFHdWKGARmslz/kyqTgYzG/a3E=");
    expect(contentSha256('{"customId":"alice@contoso.com"}')).toBe("EueBxUY9rBMq4VCX0BZStKqeymeRlgR5HTu4elrVE4o=");
    expect(hmacSignature(WORKED_KEY, create("EueBxUY9rBMq4VCX0BZStKqeymeRlgR5HTu4elrVE4o="))).toBe(
      "rGu0lgEbzQf5jguE8ilLPJKHvkoYT/2qF2faEy57dLs=",
    );
    const del = hmacStringToSign(
      "DELETE",
      `/identities/${WORKED_ID}?api-version=${PREVIEW}`,
      "Tue, 15 Apr 2025 14:48:11 GMT",
      host,
      EMPTY,
    );
    expect(hmacSignature(WORKED_KEY, del)).toBe("eiJM/fzC9Y+KC9J1VN6XomS+lE0Y3iIN+7Fii8hDW5c=");
  });
});

describe("request authentication", () => {
  let service: IdentityService;
  let call: ReturnType<typeof caller>;
  const bearerExpiry = Date.now() + 3_600_000;
  beforeAll(async () => {
    service = await startIdentityService({
      bearerTokens: [
        { token: "good-bearer", expiresOn: bearerExpiry },
        { token: "expired-bearer", expiresOn: Date.now() - 1000 },
      ],
    });
    call = caller(service.url, service.accessKey);
  });
  afterAll(() => service.close());

  const create = (options: Parameters<ReturnType<typeof caller>>[2] = {}) =>
    call("POST", v("/identities", PREVIEW), options);

  it("accepts a correct signature, with and without a body", async () => {
    expect((await create()).status).toBe(201);
    expect((await create({ json: { createTokenWithScopes: ["chat"] } })).status).toBe(201);
    expect(service.requests.at(-1)?.auth).toBe("hmac");
  });

  it("rejects a signature made with another key (401), without echoing secrets", async () => {
    const otherKey = Buffer.alloc(64, 7).toString("base64");
    const response = await create({ json: { createTokenWithScopes: ["chat"] }, auth: { key: otherKey } });
    expect(response.status).toBe(401);
    const text = await response.text();
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.code).toBe("InvalidSignature");
    expect(text).not.toContain(service.accessKey);
    expect(text).not.toContain(otherKey);
    expect(text).not.toMatch(/Signature=/);
    const logged = service.requests.at(-1);
    expect(logged?.auth).toBe("invalid");
    expect(logged?.headers["authorization"]).toBe("HMAC-SHA256 [redacted]");
    expect(logged?.stringToSign).toMatch(/^POST\n\/identities\?api-version=2025-03-02-preview\n.+;127\.0\.0\.1:\d+;/);
  });

  it("rejects x-ms-date more than 5 minutes old or ahead, accepts 4 minutes", async () => {
    const at = (offsetMs: number) =>
      create({ auth: { key: service.accessKey, date: new Date(Date.now() + offsetMs) } });
    for (const offset of [-6 * 60_000, 6 * 60_000]) {
      const response = await at(offset);
      expect(response.status).toBe(401);
      expect((await json<ErrorBody>(response)).error.code).toBe("InvalidDate");
    }
    expect((await at(-4 * 60_000)).status).toBe(201);
    expect((await at(4 * 60_000)).status).toBe(201);
  });

  it("rejects a tampered body (401), whether or not the content hash was replaced", async () => {
    const url = service.url + v("/identities", PREVIEW);
    const original = JSON.stringify({ createTokenWithScopes: ["chat"] });
    const tampered = JSON.stringify({ createTokenWithScopes: ["voip"] });
    const signed = signHeaders("POST", url, original, { key: service.accessKey });
    const send = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: tampered });
    const bodyOnly = await send(signed);
    expect(bodyOnly.status).toBe(401);
    expect((await json<ErrorBody>(bodyOnly)).error.code).toBe("InvalidContentHash");
    const withHash = await send({
      ...signed,
      "x-ms-content-sha256": createHash("sha256").update(tampered).digest("base64"),
    });
    expect(withHash.status).toBe(401);
    expect((await json<ErrorBody>(withHash)).error.code).toBe("InvalidSignature");
  });

  it("signs the path and query as sent: another api-version than signed is 401", async () => {
    const signedUrl = service.url + v("/identities", PREVIEW);
    const headers = signHeaders("POST", signedUrl, "", { key: service.accessKey });
    const response = await fetch(service.url + v("/identities", "2023-10-01"), { method: "POST", headers });
    expect(response.status).toBe(401);
  });

  it("rejects missing and unsupported Authorization", async () => {
    const none = await create({ auth: "none" });
    expect(none.status).toBe(401);
    expect((await json<ErrorBody>(none)).error.code).toBe("MissingAuthorization");
    const basic = await create({ auth: "none", headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(basic.status).toBe(401);
    expect((await json<ErrorBody>(basic)).error.code).toBe("UnsupportedAuthorization");
    const badFormat = await create({ auth: "none", headers: { authorization: "HMAC-SHA256 Signature=abc" } });
    expect((await json<ErrorBody>(badFormat)).error.code).toBe("InvalidAuthorizationHeader");
  });

  it("verifies against the Host header as received (the official SDK's host:port:port quirk)", async () => {
    const { port } = new URL(service.url);
    const quirkyHost = `127.0.0.1:${port}:${port}`;
    const path = v("/identities", PREVIEW);
    const headers = signHeaders("POST", service.url + path, "", { key: service.accessKey, host: quirkyHost });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: Number(port), method: "POST", path, headers: { ...headers, host: quirkyHost } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(201);
  });

  it("accepts registered bearer tokens only, until they expire", async () => {
    expect((await create({ auth: { bearer: "good-bearer" } })).status).toBe(201);
    expect(service.requests.at(-1)?.headers["authorization"]).toBe("Bearer [redacted]");
    for (const token of ["unknown-bearer", "expired-bearer"]) {
      const response = await create({ auth: { bearer: token } });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("invalid_token");
      expect(await response.text()).not.toContain(token);
    }
    service.state.registerBearerToken({ token: "late-bearer", expiresOn: new Date(bearerExpiry) });
    expect((await create({ auth: { bearer: "late-bearer" } })).status).toBe(201);
  });
});
