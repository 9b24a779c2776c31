import { describe, expect, it } from "vitest";
import { createBearerSigner, type AccessToken, type TokenCredential } from "../../generator/runtime/bearer-token.ts";
import type { OutgoingRequest } from "../../generator/runtime/request-signer.ts";

const t0 = Date.parse("2025-01-01T00:00:00Z");
const minute = 60_000;

/** A credential that hands out tok-1, tok-2, ... each valid for `lifetimeMs` from `clock()`. */
function fakeCredential(clock: () => number, lifetimeMs = 60 * minute) {
  const calls: { scopes: string | string[] }[] = [];
  const gate: { release?: () => void; hold: boolean; fail: boolean; nullToken: boolean } = {
    hold: false,
    fail: false,
    nullToken: false,
  };
  const credential: TokenCredential = {
    async getToken(scopes): Promise<AccessToken | null> {
      calls.push({ scopes });
      if (gate.hold) await new Promise<void>((resolve) => (gate.release = resolve));
      if (gate.fail) throw new Error("identity service down");
      if (gate.nullToken) return null;
      return { token: `tok-${calls.length}`, expiresOnTimestamp: clock() + lifetimeMs };
    },
  };
  return { credential, calls, gate };
}

function req(url = "https://contoso.communication.azure.com/identities"): OutgoingRequest {
  return { method: "GET", url: new URL(url), headers: new Headers(), body: undefined };
}

async function authOf(
  signer: ReturnType<typeof createBearerSigner>,
  nowMs: number,
  url?: string,
): Promise<string | null> {
  const r = req(url);
  await signer.sign(r, new Date(nowMs));
  return r.headers.get("authorization");
}

describe("createBearerSigner", () => {
  it("sets Authorization: Bearer and passes the scopes", async () => {
    const { credential, calls } = fakeCredential(() => t0);
    const signer = createBearerSigner(credential, ["https://communication.azure.com//.default"]);
    expect(await authOf(signer, t0)).toBe("Bearer tok-1");
    expect(calls).toEqual([{ scopes: ["https://communication.azure.com//.default"] }]);
  });

  it("caches the token outside the refresh window", async () => {
    const { credential, calls } = fakeCredential(() => t0);
    const signer = createBearerSigner(credential, ["s"]);
    expect(await authOf(signer, t0)).toBe("Bearer tok-1");
    expect(await authOf(signer, t0 + 30 * minute)).toBe("Bearer tok-1");
    expect(await authOf(signer, t0 + 57 * minute)).toBe("Bearer tok-1");
    expect(calls).toHaveLength(1);
  });

  it("refreshes inside the default 2-minute window", async () => {
    let now = t0;
    const { credential, calls } = fakeCredential(() => now);
    const signer = createBearerSigner(credential, ["s"]);
    expect(await authOf(signer, now)).toBe("Bearer tok-1");
    now = t0 + 58 * minute + 1;
    expect(await authOf(signer, now)).toBe("Bearer tok-2");
    expect(calls).toHaveLength(2);
    expect(await authOf(signer, now + minute)).toBe("Bearer tok-2");
    expect(calls).toHaveLength(2);
  });

  it("honours a custom refresh window", async () => {
    let now = t0;
    const { credential, calls } = fakeCredential(() => now);
    const signer = createBearerSigner(credential, ["s"], { refreshWindowMs: 10 * minute });
    await authOf(signer, now);
    now = t0 + 49 * minute;
    expect(await authOf(signer, now)).toBe("Bearer tok-1");
    now = t0 + 51 * minute;
    expect(await authOf(signer, now)).toBe("Bearer tok-2");
    expect(calls).toHaveLength(2);
  });

  it("shares one in-flight getToken between concurrent requests", async () => {
    const { credential, calls, gate } = fakeCredential(() => t0);
    gate.hold = true;
    const signer = createBearerSigner(credential, ["s"]);
    const requests = [req(), req(), req(), req()];
    const pending = Promise.all(requests.map((r) => signer.sign(r, new Date(t0))));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toHaveLength(1);
    gate.release?.();
    await pending;
    expect(requests.map((r) => r.headers.get("authorization"))).toEqual(Array(4).fill("Bearer tok-1"));
    expect(calls).toHaveLength(1);
  });

  it("retries getToken on the next request after a failure", async () => {
    const { credential, calls, gate } = fakeCredential(() => t0);
    gate.fail = true;
    const signer = createBearerSigner(credential, ["s"]);
    await expect(authOf(signer, t0)).rejects.toThrow("identity service down");
    gate.fail = false;
    expect(await authOf(signer, t0)).toBe("Bearer tok-2");
  });

  it("keeps using a still-valid token when a refresh fails", async () => {
    let now = t0;
    const { credential, gate } = fakeCredential(() => now);
    const signer = createBearerSigner(credential, ["s"]);
    await authOf(signer, now);
    gate.fail = true;
    now = t0 + 59 * minute;
    expect(await authOf(signer, now)).toBe("Bearer tok-1");
    now = t0 + 61 * minute;
    await expect(authOf(signer, now)).rejects.toThrow("identity service down");
  });

  it("rejects a null token with a clear error", async () => {
    const { credential, gate } = fakeCredential(() => t0);
    gate.nullToken = true;
    const signer = createBearerSigner(credential, ["https://communication.azure.com//.default"]);
    await expect(authOf(signer, t0)).rejects.toThrow(/returned no access token.*communication\.azure\.com/);
  });

  it("refuses plain http except to loopback hosts, without fetching a token", async () => {
    const { credential, calls } = fakeCredential(() => t0);
    const signer = createBearerSigner(credential, ["s"]);
    await expect(authOf(signer, t0, "http://contoso.communication.azure.com/x")).rejects.toThrow(/requires https/);
    await expect(authOf(signer, t0, "http://10.0.0.1:8080/x")).rejects.toThrow(/requires https/);
    expect(calls).toHaveLength(0);
    for (const url of ["http://localhost:8080/x", "http://127.0.0.1:1/x", "http://[::1]:9/x"]) {
      expect(await authOf(signer, t0, url)).toBe("Bearer tok-1");
    }
  });

  it("never puts the token in an error", async () => {
    const { credential } = fakeCredential(() => t0);
    const signer = createBearerSigner(credential, ["s"]);
    await authOf(signer, t0);
    const error = await authOf(signer, t0, "http://evil.example/").catch((e: unknown) => e);
    expect(String(error)).not.toContain("tok-1");
  });
});
