/**
 * Issue 15, item 4: an endpoint that is really a connection string, or that carries a signature in
 * its query or a password before its host, is rejected without its value appearing in the error
 * (message, stack, or any property that `util.inspect` or `JSON.stringify` would print).
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { parseConnectionString, validateEndpoint } from "../../generator/runtime/connection-string.ts";
import { buildRequestUrl } from "../../generator/runtime/request-url.ts";

const SECRET = "c2VjcmV0LWtleS12YWx1ZQ==";
const HOSTILE = {
  "a connection string": `endpoint=https://contoso.communication.azure.com/;accesskey=${SECRET}`,
  "a connection string with spaces": ` Endpoint = https://x.example/ ; AccessKey = ${SECRET}`,
  "a SAS query": `https://contoso.blob.core.windows.net/?sv=2022&sig=${encodeURIComponent(SECRET)}`,
  "user info": `https://admin:${SECRET}@contoso.example/`,
  "user info and a path": `https://admin:${SECRET}@contoso.example/api`,
  "a key as the whole value": SECRET,
  "another scheme with the key": `ftp://user:${SECRET}@contoso.example/`,
};

/** Everything an error shows when printed, logged or serialised. */
function printed(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return [
      String(error),
      (error as Error).stack ?? "",
      inspect(error, { depth: 5, showHidden: true }),
      JSON.stringify(error),
    ].join("\n");
  }
  throw new Error("expected a throw");
}

describe("endpoints are never echoed", () => {
  it.each(Object.entries(HOSTILE))("validateEndpoint: %s", (_what, endpoint) => {
    const text = printed(() => validateEndpoint(endpoint));
    expect(text).toContain("Invalid endpoint URL: expected http(s)://<host>");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(encodeURIComponent(SECRET));
  });

  it.each(Object.entries(HOSTILE).filter(([, e]) => !/^https:\/\/[^@]*$/.test(e) && !e.startsWith("https://admin")))(
    "buildRequestUrl (every request of a package whose factory does not check the endpoint): %s",
    (_what, endpoint) => {
      const text = printed(() => buildRequestUrl(endpoint, "/x"));
      expect(text).toContain("Invalid endpoint URL: expected http(s)://<host>");
      expect(text).not.toContain(SECRET);
    },
  );

  it("an https endpoint's query and user info are never sent, nor kept in the URL", () => {
    const url = buildRequestUrl(HOSTILE["a SAS query"], "/items", { "api-version": "1" });
    expect(url.href).toBe("https://contoso.blob.core.windows.net/items?api-version=1");
    expect(buildRequestUrl(HOSTILE["user info"], "/items").href).toBe("https://contoso.example/items");
  });

  it("a connection string as the connection string's endpoint part is not echoed either", () => {
    const text = printed(() => parseConnectionString(`endpoint=${HOSTILE["a SAS query"]};accesskey=${SECRET}`));
    expect(text).toContain("Invalid connection string");
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(encodeURIComponent(SECRET));
  });
});
