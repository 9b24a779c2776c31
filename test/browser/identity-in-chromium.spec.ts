/**
 * The generated communication-identity client in a real browser: `page-entry.ts` is bundled with
 * esbuild into a page served from 127.0.0.1 (one origin), and headless Chromium (Debian's, driven by
 * playwright-core) runs it against the local Identity service (another origin, so every call is a
 * CORS request with a preflight). Signing uses Web Crypto there, as `node:crypto` is not reachable.
 * The results are checked here, in Node, against the service's state and request log.
 *
 *   npm exec -- vitest run --config test/browser/vitest.config.ts
 *
 * Without /usr/bin/chromium (`apt-get install -y chromium`) the suite is skipped with a message,
 * unless CI is set, where a missing browser is a failure.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startIdentityService, type IdentityService } from "../support/services/identity-service.ts";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const runs = existsSync(CHROMIUM) || Boolean(process.env["CI"]);

/** Serves the page and its bundle on 127.0.0.1. */
async function startStaticServer(
  files: Record<string, { type: string; body: string }>,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://page").pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

if (!runs) {
  const reason = `SKIPPED: ${CHROMIUM} is absent (install it: apt-get install -y chromium); with CI set this is a failure`;
  console.warn(`browser suite ${reason}`);
  describe("the generated client in headless Chromium", () => {
    it.skip(reason, () => undefined);
  });
} else {
  describe("the generated client in headless Chromium", () => {
    let service: IdentityService;
    let page: { url: string; server: Server } | undefined;
    let browser: Browser | undefined;
    let tab: Page;
    const consoleLines: string[] = [];

    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`CI is set but ${CHROMIUM} is missing: apt-get install -y chromium`);
      service = await startIdentityService();
      const bundle = await build({
        entryPoints: [new URL("./page-entry.ts", import.meta.url).pathname],
        bundle: true,
        format: "esm",
        platform: "browser",
        target: "es2022",
        write: false,
        logLevel: "silent",
      });
      const script = bundle.outputFiles[0]?.text ?? "";
      page = await startStaticServer({
        "/": {
          type: "text/html; charset=utf-8",
          body: '<!doctype html><meta charset="utf-8"><title>specsmith</title><script type="module" src="/bundle.js"></script>',
        },
        "/bundle.js": { type: "text/javascript; charset=utf-8", body: script },
      });
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
      tab = await browser.newPage();
      tab.on("console", (message) => void consoleLines.push(`${message.type()}: ${message.text()}`));
      tab.on("pageerror", (error) => void consoleLines.push(`pageerror: ${error.message}`));
      await tab.goto(`${page.url}/`);
      await tab.waitForFunction(() => typeof window.identityScenario === "function");
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => (page ? page.server.close(resolve) : resolve(undefined)));
      await service?.close();
    });

    it("creates an identity, issues a token and surfaces a typed error, across origins with HMAC via Web Crypto", async () => {
      const result = await tab.evaluate(([endpoint, key]) => window.identityScenario(endpoint, key), [
        service.url,
        service.accessKey,
      ] as const);
      expect(result.userAgent, consoleLines.join("\n")).toContain("HeadlessChrome");
      expect(result.webCrypto).toBe(true);

      expect(result.created.id).toMatch(new RegExp(`^8:acs:${service.state.resourceId}_[0-9a-f-]{36}$`));
      expect(result.created.customId).toBe("browser@contoso.com");
      expect(service.state.inspectToken(result.created.token ?? "")).toMatchObject({
        status: "valid",
        claims: { sub: result.created.id },
      });
      expect(Math.abs(Date.parse(result.created.expiresOn ?? "") - (Date.now() + 60 * 60_000))).toBeLessThan(10_000);
      expect(result.issued.isDate).toBe(true);
      expect(service.state.isTokenValid(result.issued.token)).toBe(true);
      expect(result.fetched.id).toBe(result.created.id);
      expect(result.fetched.lastTokenIssuedAt).toBe(
        service.state.getIdentity(result.created.id)?.lastTokenIssuedAt?.toISOString(),
      );

      expect(result.error).toMatchObject({ name: "HttpError", status: 400, code: "ValidationError" });
      // The service's own message, status and code in their own fields (as Azure's RestError).
      expect(result.error.message).toMatch(/^The field 'expiresInMinutes' /);
      expect(result.error.requestId).toBe(service.requests.filter((r) => r.method !== "OPTIONS").at(-1)?.requestId);
    });

    it("every call was a CORS request from the page's origin, preflighted, and signed with HMAC", () => {
      const origin = page?.url;
      const calls = service.requests.filter((r) => r.method !== "OPTIONS");
      const preflights = service.requests.filter((r) => r.method === "OPTIONS");
      expect(calls.map((r) => [r.method, r.auth, r.status])).toEqual([
        ["POST", "hmac", 201],
        ["POST", "hmac", 200],
        ["GET", "hmac", 200],
        ["POST", "hmac", 400],
      ]);
      expect(calls.every((r) => r.headers["origin"] === origin && r.headers["x-ms-date"] !== undefined)).toBe(true);
      expect(preflights.length).toBeGreaterThan(0);
      expect(
        preflights.every((r) => r.auth === "preflight" && r.status === 204 && r.headers["origin"] === origin),
      ).toBe(true);
    });
  });
}
