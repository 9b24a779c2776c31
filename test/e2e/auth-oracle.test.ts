/**
 * An independent oracle for HMAC signing: the official SDK's access-key policy
 * (`createCommunicationAccessKeyCredentialPolicy` from `@azure/communication-common`, fed a
 * `@azure/core-rest-pipeline` request) signs exactly what a generated client sends (method, URL,
 * body), with the same key at the same frozen instant; `Authorization`, `x-ms-date` and
 * `x-ms-content-sha256` must be identical. The requests are captured from the generated clients
 * (both Identity packages), so URL building, path encoding and body serialisation are covered too;
 * `generator/runtime/hmac-signing.ts` itself signs each request once more, so a change to the
 * source that was not regenerated yet is caught as well, and so does a second instance of it that
 * cannot reach `node:crypto`, which signs through Web Crypto as browsers do.
 *
 * URLs use the default https port: the SDK doubles a non-default port in the signed host
 * (acs-hmac.md, section c), a quirk the generated runtime deliberately does not copy.
 */
import { createCommunicationAccessKeyCredentialPolicy } from "@azure/communication-common";
import { AzureKeyCredential } from "@azure/core-auth";
import {
  createHttpHeaders,
  createPipelineRequest,
  type HttpMethods,
  type PipelineRequest,
} from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHmacSigner } from "../../generator/runtime/hmac-signing.ts";
import { preview, stable } from "./support/apis.ts";

const ENDPOINT = "https://contoso.communication.azure.com";
/** The key of acs-hmac.md's worked examples: the 64 bytes 0x00..0x3F. */
const KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
const USER = "8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001";
const FROZEN = new Date("2025-04-15T14:48:09.000Z");
const SIGNED = ["authorization", "x-ms-date", "x-ms-content-sha256"] as const;
const NEXT_LINK = `${ENDPOINT}/access/entra/assignments?api-version=2025-03-02-preview&continuationToken=a%2Bb%2Fc%3D&note=two%20words`;

interface Captured {
  readonly method: string;
  readonly url: string;
  readonly body: string | undefined;
  readonly headers: Headers;
}

/** A fetch that records each request and answers what the operation needs to complete. */
function capturingFetch(sink: Captured[]): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const body = typeof init?.body === "string" ? init.body : undefined;
    sink.push({ method: init?.method ?? "GET", url, body, headers: new Headers(init?.headers) });
    const path = new URL(url).pathname;
    const json = (value: unknown) =>
      new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });
    if (init?.method === "DELETE" || path.endsWith(":revokeAccessTokens")) return new Response(null, { status: 204 });
    if (path.endsWith(":issueAccessToken") || path.startsWith("/teamsUser"))
      return json({ token: "t", expiresOn: "2030-01-01T00:00:00Z" });
    if (path === "/identities" || path.endsWith(":exchangeAccessToken")) return json({ identity: { id: USER } });
    if (path === "/access/entra/assignments")
      return json(
        new URL(url).searchParams.has("continuationToken") ? { value: [] } : { value: [], nextLink: NEXT_LINK },
      );
    if (path.startsWith("/identities/")) return json({ id: USER });
    return json({ objectId: "o", tenantId: "t", principalType: "user", clientIds: [] });
  };
}

/** What the official SDK's access-key policy sets on the same request. */
async function officialSignature(captured: Captured): Promise<PipelineRequest> {
  const policy = createCommunicationAccessKeyCredentialPolicy(new AzureKeyCredential(KEY));
  const request = createPipelineRequest({
    url: captured.url,
    method: captured.method as HttpMethods,
    body: captured.body,
  });
  let signed: PipelineRequest | undefined;
  await policy.sendRequest(request, (sent) => {
    signed = sent;
    return Promise.resolve({ request: sent, status: 200, headers: createHttpHeaders() });
  });
  if (!signed) throw new Error("the policy did not pass the request on");
  return signed;
}

type HmacSigning = typeof import("../../generator/runtime/hmac-signing.ts");

/**
 * A second instance of the runtime's signing module that cannot reach `node:crypto` (as in a
 * browser), so its Web Crypto path is checked against the oracle too.
 */
async function loadWebCryptoSigning(): Promise<HmacSigning> {
  const original = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
  Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true, writable: true });
  try {
    const specifier = "../../generator/runtime/hmac-signing.ts?web-crypto";
    return (await import(specifier)) as HmacSigning;
  } finally {
    if (original) Object.defineProperty(process, "getBuiltinModule", original);
  }
}

/** What `generator/runtime/hmac-signing.ts` (the source of every package's copy) sets on it. */
async function sourceSignature(
  captured: Captured,
  create: HmacSigning["createHmacSigner"] = createHmacSigner,
): Promise<Headers> {
  const signer = create(
    { key: KEY },
    {
      dateHeader: "x-ms-date",
      contentHashHeader: "x-ms-content-sha256",
      signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256"],
      authorizationPrefix: "HMAC-SHA256",
    },
  );
  const request = { method: captured.method, url: new URL(captured.url), headers: new Headers(), body: captured.body };
  await signer.sign(request);
  return request.headers;
}

interface OracleCase {
  readonly name: string;
  /** Runs one operation; the last request it sends is compared (paging: the next-link request). */
  readonly call: (fetch: Fetch) => Promise<unknown>;
  readonly method: string;
  /** Something the captured URL must contain, to show the case covers what it says. */
  readonly urlContains: string;
}

type Fetch = typeof globalThis.fetch;

const previewClient = (fetch: Fetch) =>
  new preview.CommunicationIdentityClient(ENDPOINT, { key: KEY }, { fetch, retry: { maxRetries: 0 } });
const stableContext = (fetch: Fetch) =>
  stable.createCommunicationIdentityClientContextFromConnectionString(`endpoint=${ENDPOINT}/;accesskey=${KEY}`, {
    fetch,
    retry: { maxRetries: 0 },
  });

const cases: OracleCase[] = [
  {
    name: "create without a body (POST, empty content hash)",
    method: "POST",
    urlContains: "/identities?api-version=2025-03-02-preview",
    call: (f) => previewClient(f).createCommunicationIdentity(),
  },
  {
    name: "create with a non-ASCII customId (POST, UTF-8 body)",
    method: "POST",
    urlContains: "/identities?",
    call: (f) =>
      previewClient(f).createCommunicationIdentity({
        customId: "ålice+bøb@contoso.com",
        createTokenWithScopes: ["chat"],
        expiresInMinutes: 60,
      }),
  },
  {
    name: "issue a token (percent-encoded id, literal ':' in the path)",
    method: "POST",
    urlContains: "/identities/8%3Aacs%3A00000000",
    call: (f) => previewClient(f).issueAccessToken(USER, { scopes: ["chat", "voip"], expiresInMinutes: 60 }),
  },
  {
    name: "get an identity (GET)",
    method: "GET",
    urlContains: "/identities/8%3Aacs%3A",
    call: (f) => previewClient(f).getCommunicationIdentity(USER),
  },
  {
    name: "delete an identity (DELETE)",
    method: "DELETE",
    urlContains: "/identities/8%3Aacs%3A",
    call: (f) => previewClient(f).deleteCommunicationIdentity(USER),
  },
  {
    name: "revoke tokens (POST without a body)",
    method: "POST",
    urlContains: ":revokeAccessTokens",
    call: (f) => previewClient(f).revokeAccessTokens(USER),
  },
  {
    name: "upsert a Teams Phone assignment (PUT, ids needing escapes)",
    method: "PUT",
    urlContains: "/tenants/tenant%20one/assignments/a%2Fb%3Fc",
    call: (f) =>
      previewClient(f).upsertTeamsExtensionAssignment("tenant one", "a/b?c", {
        principalType: "user",
        clientIds: ["x"],
      }),
  },
  {
    name: "bulk update (PATCH, merge patch body)",
    method: "PATCH",
    urlContains: "/access/entra/assignments?",
    call: (f) =>
      previewClient(f).updateEntraIdAssignments({
        "obj-1": null,
        "obj-2": { tenantId: "t", principalType: "group", clientIds: ["c"] },
      }),
  },
  // The next link is followed as the server wrote it (not re-encoded), and signed as sent.
  {
    name: "next page (a query with escaped values)",
    method: "GET",
    urlContains: "continuationToken=a%2Bb%2Fc%3D&note=two%20words",
    call: async (f) => {
      for await (const page of previewClient(f).listEntraIdAssignments().byPage()) void page;
    },
  },
  {
    name: "Teams user exchange through the 2023-10-01 functions",
    method: "POST",
    urlContains: "/teamsUser/:exchangeAccessToken?api-version=2023-10-01",
    call: (f) =>
      stable.exchangeTeamsUserAccessToken(stableContext(f), { token: "teams-token", appId: "app", userId: "user" }),
  },
  {
    name: "issue a token through the 2023-10-01 functions",
    method: "POST",
    urlContains: "api-version=2023-10-01",
    call: (f) => stable.issueAccessToken(stableContext(f), USER, { scopes: ["voip"] }),
  },
];

describe("HMAC signatures: the generated clients against the official SDK's access-key policy", () => {
  let webCrypto: HmacSigning;
  beforeAll(async () => {
    webCrypto = await loadWebCryptoSigning();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(FROZEN);
  });
  afterAll(() => vi.useRealTimers());

  it.each(cases)("$name", async ({ call, method, urlContains }) => {
    const sent: Captured[] = [];
    await call(capturingFetch(sent));
    const captured = sent.at(-1);
    if (!captured) throw new Error("nothing was sent");
    expect(captured.method).toBe(method);
    expect(captured.url).toContain(urlContains);
    expect(new URL(captured.url).port).toBe("");

    const official = await officialSignature(captured);
    const source = await sourceSignature(captured);
    const viaWebCrypto = await sourceSignature(captured, webCrypto.createHmacSigner);
    expect(captured.headers.get("x-ms-date")).toBe("Tue, 15 Apr 2025 14:48:09 GMT");
    for (const name of SIGNED) {
      expect(captured.headers.get(name), name).toBe(official.headers.get(name));
      expect(source.get(name), name).toBe(official.headers.get(name));
      expect(viaWebCrypto.get(name), `${name} (Web Crypto)`).toBe(official.headers.get(name));
    }
    // The SDK also sets Host to the host it signed; fetch sends the URL's host, which the client signed.
    expect(official.headers.get("host")).toBe(new URL(captured.url).host);
  });

  it("all three agree with acs-hmac.md's worked example 2a", async () => {
    const sent: Captured[] = [];
    await previewClient(capturingFetch(sent)).issueAccessToken(USER, {
      scopes: ["chat", "voip"],
      expiresInMinutes: 60,
    });
    const [sentByClient] = sent;
    if (!sentByClient) throw new Error("nothing was sent");
    // The client sends the model's key order (sorted by name); the example's body is the swagger's
    // order, so the example is signed as written, at the same URL, date and key.
    expect(sentByClient.body).toBe('{"expiresInMinutes":60,"scopes":["chat","voip"]}');
    expect((await officialSignature(sentByClient)).headers.get("authorization")).toBe(
      sentByClient.headers.get("authorization"),
    );
    const example = { ...sentByClient, body: '{"scopes":["chat","voip"],"expiresInMinutes":60}' };
    const captured = await sourceSignature(example);
    expect(captured.get("x-ms-content-sha256")).toBe("L3rwPjqINp2rppinf7Ljl6gJFzoHpAeoNOr9KJTWYVw=");
    expect(captured.get("authorization")).toBe(
      "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=3QEEB95vg9QCDfDhpfXl20exxXiQP9BhFBKpfal8rOg=",
    );
    expect((await officialSignature(example)).headers.get("authorization")).toBe(captured.get("authorization"));
    expect((await sourceSignature(example, webCrypto.createHmacSigner)).get("authorization")).toBe(
      captured.get("authorization"),
    );
  });
});
