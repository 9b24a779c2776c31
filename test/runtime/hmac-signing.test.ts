import { describe, expect, it } from "vitest";
import {
  computeContentHash,
  createHmacSigner,
  stringToSign,
  type HmacSigningScheme,
} from "../../generator/runtime/hmac-signing.ts";
import type { OutgoingRequest } from "../../generator/runtime/request-signer.ts";

const scheme: HmacSigningScheme = {
  dateHeader: "x-ms-date",
  contentHashHeader: "x-ms-content-sha256",
  signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256"],
  authorizationPrefix: "HMAC-SHA256",
};
const emptyHash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
const prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";

function request(method: string, url: string, body?: string): OutgoingRequest {
  return { method, url: new URL(url), headers: new Headers(), body };
}

async function sign(key: string, req: OutgoingRequest, now: Date): Promise<OutgoingRequest> {
  await createHmacSigner(key, scheme).sign(req, now);
  return req;
}

describe("test vectors 1 (the SDK's own, key pw==)", () => {
  const now = new Date("2022-04-13T18:09:12.451Z");
  const date = "Wed, 13 Apr 2022 18:09:12 GMT";
  const rows = [
    {
      url: "https://example.com/testPath?testQuery=test",
      toSign: `GET\n/testPath?testQuery=test\n${date};example.com;${emptyHash}`,
      signature: "DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=",
    },
    {
      url: "https://example.com/testPath",
      toSign: `GET\n/testPath\n${date};example.com;${emptyHash}`,
      signature: "+6tWkg3lNKVjQHHmxkdGQcJjUgzclsWTMebnuCz1ngU=",
    },
    {
      url: "https://example.com",
      toSign: `GET\n/\n${date};example.com;${emptyHash}`,
      signature: "X2lD3c1+T+BNWQrZHoVV5SSECO9sAokjs10ATeB5qm4=",
    },
  ];

  it.each(rows)("$url", async ({ url, toSign, signature }) => {
    expect(stringToSign("GET", new URL(url), [date, "example.com", emptyHash])).toBe(toSign);
    const req = await sign("pw==", request("GET", url), now);
    expect(req.headers.get("x-ms-date")).toBe(date);
    expect(req.headers.get("x-ms-content-sha256")).toBe(emptyHash);
    expect(req.headers.get("authorization")).toBe(prefix + signature);
  });

  it("produces the full Authorization header of row 1", async () => {
    const req = await sign("pw==", request("GET", "https://example.com/testPath?testQuery=test"), now);
    expect(req.headers.get("authorization")).toBe(
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=DGdgwggJWnQyc6EHjR/Vbqg1ES64KpD6U2XwTDDj3tU=",
    );
  });
});

describe("test vectors 2 (Identity examples)", () => {
  const key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
  const host = "contoso.communication.azure.com";
  const base = `https://${host}`;
  const userPath = "/identities/8%3Aacs%3A00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001";
  const apiVersion = "api-version=2025-03-02-preview";

  const cases = [
    {
      name: "2a getToken with custom expiry",
      method: "POST",
      url: `${base}${userPath}/:issueAccessToken?${apiVersion}`,
      body: '{"scopes":["chat","voip"],"expiresInMinutes":60}',
      now: "2025-04-15T14:48:09Z",
      date: "Tue, 15 Apr 2025 14:48:09 GMT",
      hash: "L3rwPjqINp2rppinf7Ljl6gJFzoHpAeoNOr9KJTWYVw=",
      toSign: `POST\n${userPath}/:issueAccessToken?${apiVersion}\nTue, 15 Apr 2025 14:48:09 GMT;${host};L3rwPjqINp2rppinf7Ljl6gJFzoHpAeoNOr9KJTWYVw=`,
      signature: "3QEEB95vg9QCDfDhpfXl20exxXiQP9BhFBKpfal8rOg=",
    },
    {
      name: "2b createUser() with no body",
      method: "POST",
      url: `${base}/identities?${apiVersion}`,
      body: undefined,
      now: "2025-04-15T14:48:07Z",
      date: "Tue, 15 Apr 2025 14:48:07 GMT",
      hash: emptyHash,
      toSign: `POST\n/identities?${apiVersion}\nTue, 15 Apr 2025 14:48:07 GMT;${host};${emptyHash}`,
      signature: "b3lCk3NchtfMhBjnHoFHdWKGARmslz/kyqTgYzG/a3E=",
    },
    {
      name: "2c createUser({customId})",
      method: "POST",
      url: `${base}/identities?${apiVersion}`,
      body: '{"customId":"alice@contoso.com"}',
      now: "2025-04-15T14:48:07Z",
      date: "Tue, 15 Apr 2025 14:48:07 GMT",
      hash: "EueBxUY9rBMq4VCX0BZStKqeymeRlgR5HTu4elrVE4o=",
      toSign: `POST\n/identities?${apiVersion}\nTue, 15 Apr 2025 14:48:07 GMT;${host};EueBxUY9rBMq4VCX0BZStKqeymeRlgR5HTu4elrVE4o=`,
      signature: "rGu0lgEbzQf5jguE8ilLPJKHvkoYT/2qF2faEy57dLs=",
    },
    {
      name: "2d deleteUser",
      method: "DELETE",
      url: `${base}${userPath}?${apiVersion}`,
      body: undefined,
      now: "2025-04-15T14:48:11Z",
      date: "Tue, 15 Apr 2025 14:48:11 GMT",
      hash: emptyHash,
      toSign: `DELETE\n${userPath}?${apiVersion}\nTue, 15 Apr 2025 14:48:11 GMT;${host};${emptyHash}`,
      signature: "eiJM/fzC9Y+KC9J1VN6XomS+lE0Y3iIN+7Fii8hDW5c=",
    },
  ];

  it.each(cases)("$name", async (c) => {
    expect(await computeContentHash(c.body)).toBe(c.hash);
    expect(stringToSign(c.method, new URL(c.url), [c.date, host, c.hash])).toBe(c.toSign);
    const req = await sign(key, request(c.method, c.url, c.body), new Date(c.now));
    expect(req.headers.get("x-ms-date")).toBe(c.date);
    expect(req.headers.get("x-ms-content-sha256")).toBe(c.hash);
    expect(req.headers.get("authorization")).toBe(prefix + c.signature);
  });

  it("hashes a Uint8Array body by its bytes, like the same text", async () => {
    const text = '{"customId":"alice@contoso.com"}';
    expect(await computeContentHash(new TextEncoder().encode(text))).toBe(await computeContentHash(text));
    expect(await computeContentHash("")).toBe(emptyHash);
  });
});

describe("signer behaviour", () => {
  it("gives different signatures for different dates, and reuses one signer", async () => {
    const signer = createHmacSigner("pw==", scheme);
    const a = request("GET", "https://example.com/x");
    const b = request("GET", "https://example.com/x");
    await signer.sign(a, new Date("2022-04-13T18:09:12Z"));
    await signer.sign(b, new Date("2022-04-13T18:09:13Z"));
    expect(a.headers.get("x-ms-date")).not.toBe(b.headers.get("x-ms-date"));
    expect(a.headers.get("authorization")).not.toBe(b.headers.get("authorization"));
    expect(a.headers.get("authorization")).toMatch(
      /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=[A-Za-z0-9+/]{43}=$/,
    );
  });

  it("signs url.host including a non-default port once (documented behaviour, not the SDK quirk)", async () => {
    const key = "pw==";
    const now = new Date("2022-04-13T18:09:12.451Z");
    const withPort = await sign(key, request("GET", "https://localhost:8443/p"), now);
    const expected = await crypto.subtle.sign(
      "HMAC",
      await crypto.subtle.importKey("raw", new Uint8Array([0xa7]), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
      new TextEncoder().encode(`GET\n/p\n${now.toUTCString()};localhost:8443;${emptyHash}`),
    );
    const b64 = btoa(String.fromCharCode(...new Uint8Array(expected)));
    expect(withPort.headers.get("authorization")).toBe(prefix + b64);
  });

  it("rejects an invalid key without echoing it", () => {
    const secret = "not*base64!secretvalue";
    for (const bad of [secret, "", "abcde", "%%%%"]) {
      let message = "";
      try {
        createHmacSigner(bad, scheme);
      } catch (error) {
        message = String(error) + (error instanceof Error ? (error.stack ?? "") : "");
      }
      expect(message).toMatch(/Invalid access key/);
      if (bad !== "") expect(message).not.toContain(bad);
    }
  });

  it("accepts base64 without padding and with whitespace", async () => {
    const now = new Date("2022-04-13T18:09:12.451Z");
    const padded = await sign("pw==", request("GET", "https://example.com"), now);
    const unpadded = await sign(" pw ", request("GET", "https://example.com"), now);
    expect(unpadded.headers.get("authorization")).toBe(padded.headers.get("authorization"));
  });

  it("signs extra headers named in the scheme and fails clearly when one is missing", async () => {
    const custom: HmacSigningScheme = {
      ...scheme,
      signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256", "x-extra"],
    };
    const req = request("GET", "https://example.com");
    req.headers.set("x-extra", "v");
    await createHmacSigner("pw==", custom).sign(req);
    expect(req.headers.get("authorization")).toContain(
      "SignedHeaders=x-ms-date;host;x-ms-content-sha256;x-extra&Signature=",
    );
    await expect(createHmacSigner("pw==", custom).sign(request("GET", "https://example.com"))).rejects.toThrow(
      /x-extra/,
    );
  });
});
