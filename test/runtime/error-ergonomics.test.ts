/**
 * The errors as Azure SDK users expect them (issue 12, item 3): `statusCode` beside `status`, the
 * service's own message as `message`, a `is<Client>Error` guard that recognises errors from another
 * copy of the package, and the caller's `AbortSignal.timeout()` surfacing as the package's timeout.
 * Against a real server on 127.0.0.1, through the generated Identity packages.
 */
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as preview from "../../generated/packages/communication-identity-2025-03-02-preview/src/index.ts";
import * as stable from "../../generated/packages/communication-identity-2023-10-01/src/index.ts";
import { RecordingServer } from "../packages/support/recording-server.ts";

const KEY = Buffer.alloc(32, 7).toString("base64");
const notFound = { error: { code: "IdentityNotFound", message: "Identity 8:acs:x was not found." } };

let server: RecordingServer;
beforeAll(async () => (server = await RecordingServer.start()));
afterAll(() => server.stop());

const clientOf = <T>(make: (connectionString: string, options: { retry: { maxRetries: number } }) => T): T =>
  make(`endpoint=${server.origin}/;accesskey=${KEY}`, { retry: { maxRetries: 0 } });
const stableClient = () => clientOf((cs, options) => new stable.CommunicationIdentityClient(cs, options));
const previewClient = () => clientOf((cs, options) => new preview.CommunicationIdentityClient(cs, options));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("service errors", () => {
  it("message is the service's message; status, statusCode and code are fields of their own", async () => {
    server.answer(() => ({
      status: 404,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(notFound),
    }));
    const error = await rejection(stableClient().deleteCommunicationIdentity("8:acs:x"));
    if (!stable.isCommunicationIdentityClientError(error)) throw new Error(`not a service error: ${String(error)}`);
    expect(error.message).toBe("Identity 8:acs:x was not found.");
    expect(error).toMatchObject({ status: 404, statusCode: 404, code: "IdentityNotFound" });
    expect(error.body?.error.code).toBe("IdentityNotFound");
  });

  it("without a service message, the message names status and status text", async () => {
    server.answer(() => ({ status: 502, body: "" }));
    const error = await rejection(stableClient().deleteCommunicationIdentity("8:acs:x"));
    expect(error).toMatchObject({ name: "HttpError", message: "502 Bad Gateway", statusCode: 502 });
  });

  it("is<Client>Error recognises an error thrown by another copy of the runtime, and by another realm", async () => {
    server.answer(() => ({
      status: 404,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(notFound),
    }));
    const fromOtherCopy = await rejection(previewClient().deleteCommunicationIdentity("8:acs:x"));
    expect(fromOtherCopy).not.toBeInstanceOf(stable.HttpError);
    expect(stable.isCommunicationIdentityClientError(fromOtherCopy)).toBe(true);
    const fromOtherRealm: unknown = runInNewContext(
      "Object.assign(new Error('gone'), { name: 'HttpError', status: 404, body: undefined, headers: { get: () => null } })",
    );
    expect(stable.isCommunicationIdentityClientError(fromOtherRealm)).toBe(true);
    for (const other of [
      new Error("plain"),
      Object.assign(new Error("x"), { name: "HttpError" }),
      { name: "HttpError", status: 404 },
      null,
      "HttpError",
    ]) {
      expect(stable.isCommunicationIdentityClientError(other)).toBe(false);
    }
  });
});

describe("timeouts set by the caller's signal", () => {
  it("AbortSignal.timeout() rejects with the package's TimeoutError (code RequestTimeout), its DOMException as cause", async () => {
    // A fetch that never answers, until its signal aborts: the timeout is the caller's signal alone.
    const client = new stable.CommunicationIdentityClient(`endpoint=${server.origin}/;accesskey=${KEY}`, {
      retry: { maxRetries: 0 },
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    });
    const error = await rejection(
      client.deleteCommunicationIdentity("8:acs:x", { abortSignal: AbortSignal.timeout(20) }),
    );
    expect(error).toBeInstanceOf(stable.TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", code: "RequestTimeout", timeoutMs: undefined });
    expect((error as Error).cause).toMatchObject({ name: "TimeoutError" });
    expect(stable.isCommunicationIdentityClientError(error)).toBe(false);
  });

  it("a caller's plain abort stays the signal's reason, not a timeout", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      stableClient().deleteCommunicationIdentity("8:acs:x", { abortSignal: controller.signal }),
    );
    expect(error).toBe(controller.signal.reason);
    expect(error).not.toBeInstanceOf(stable.TimeoutError);
    expect((error as Error).name).toBe("AbortError");
  });
});
