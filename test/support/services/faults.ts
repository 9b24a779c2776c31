/**
 * Fault injection for the local services: per route, a script of behaviours for consecutive
 * attempts, with attempt counting so client tests can assert how often they retried.
 *
 *   const faults = createFaultInjector();
 *   const service = await startIdentityService({ faults });
 *   faults.script("POST /identities/{id}/:issueAccessToken", [
 *     { status: 503, headers: { "retry-after": "0" } }, "reset", "ok",
 *   ]);
 *   ... // client call
 *   expect(faults.attempts("POST /identities/{id}/:issueAccessToken")).toBe(3);
 *
 * A route is `"<METHOD> <path template>"` (templates as in router.ts; method `*` matches every
 * method except OPTIONS, so CORS preflights are never faulted unless scripted as `OPTIONS ...`).
 * Attempt N of a route runs step N; once the script is used up every attempt is `"ok"`.
 * Each attempt is recorded in the service's request log (with its auth verdict) before the fault runs,
 * so tests can check that every retry was freshly signed. Use one injector per server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type RunningServer,
  type ServiceResponse,
  type RequestContext,
  startServiceServer,
  writeResponse,
} from "./http-kit.ts";
import { matchTemplate } from "./router.ts";

/** One scripted behaviour. */
export type FaultStep =
  /** Pass the request to the real handler. */
  | "ok"
  /** Destroy the connection with a TCP reset before any response byte. */
  | "reset"
  /** Send the status line, headers (full Content-Length) and half the body, then destroy the socket. */
  | "close-mid-body"
  /** Answer with this status (default body: `{ error: { code, message } }`). */
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body?: unknown }
  /** Hold the request this long, then pass it to the real handler; cancelled by `close()`. */
  | { readonly stallMs: number }
  /** Answer with a complete but unparseable JSON body (status default 200). */
  | { readonly malformedJson: true; readonly status?: number }
  /** Answer with a valid JSON body of exactly this many bytes (status default 200). */
  | { readonly oversizedBody: number; readonly status?: number };

export interface FaultContext {
  readonly method: string;
  readonly segments: readonly string[];
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly baseHeaders: Record<string, string>;
}

export type FaultOutcome =
  /** Passed to the real handler; `fault` names a stall that delayed it. */
  | { readonly handled: false; readonly fault?: string }
  | { readonly handled: true; readonly fault: string; readonly status?: number };

export interface FaultInjector {
  /** Sets (or replaces) the script of a route and resets its attempt count. */
  script(route: string, steps: readonly FaultStep[]): void;
  /** Requests that matched a scripted route so far (throws for a route never scripted). */
  attempts(route: string): number;
  /** Wall-clock arrival times (epoch ms) of those attempts. */
  attemptTimes(route: string): readonly number[];
  /** Forgets every script and count. */
  reset(): void;
  /** Stalled requests currently held. */
  readonly pendingStalls: number;
  /** Used by the servers: runs the step for this attempt. */
  apply(context: FaultContext): Promise<FaultOutcome>;
  /** Used by `close()`: releases every stalled request without answering it. */
  cancelPending(): void;
}

interface Script {
  readonly method: string;
  readonly path: string;
  readonly steps: readonly FaultStep[];
  readonly times: number[];
}

const DEFAULT_CODES: Record<number, string> = {
  408: "RequestTimeout",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

export function createFaultInjector(): FaultInjector {
  const scripts = new Map<string, Script>();
  const pending = new Set<() => void>();

  function lookup(route: string): Script {
    const script = scripts.get(routeKey(route));
    if (!script) throw new Error(`No fault script for route '${route}'.`);
    return script;
  }

  function stall(ms: number, req: IncomingMessage): Promise<boolean> {
    return new Promise((resolve) => {
      const finish = (completed: boolean) => {
        clearTimeout(timer);
        pending.delete(cancel);
        req.socket.off("close", cancel);
        resolve(completed);
      };
      const cancel = () => finish(false);
      const timer = setTimeout(() => finish(true), ms);
      pending.add(cancel);
      req.socket.once("close", cancel);
    });
  }

  return {
    script(route, steps) {
      const key = routeKey(route);
      const [method = "", path = ""] = key.split(" ");
      scripts.set(key, { method, path, steps: [...steps], times: [] });
    },
    attempts: (route) => lookup(route).times.length,
    attemptTimes: (route) => [...lookup(route).times],
    reset: () => scripts.clear(),
    get pendingStalls() {
      return pending.size;
    },
    cancelPending() {
      for (const cancel of [...pending]) cancel();
    },
    async apply(context) {
      const script = [...scripts.values()].find(
        (s) =>
          (s.method === context.method || (s.method === "*" && context.method !== "OPTIONS")) &&
          matchTemplate(s.path, context.segments) !== undefined,
      );
      if (!script) return { handled: false };
      script.times.push(Date.now());
      const step = script.steps[script.times.length - 1] ?? "ok";
      if (typeof step === "object" && "stallMs" in step) {
        const completed = await stall(step.stallMs, context.req);
        return completed
          ? { handled: false, fault: `stall ${step.stallMs}ms` }
          : { handled: true, fault: "stall (cancelled)" };
      }
      return runStep(step, context);
    },
  };
}

function runStep(step: Exclude<FaultStep, { stallMs: number }>, context: FaultContext): FaultOutcome {
  const { res, baseHeaders } = context;
  if (step === "ok") return { handled: false };
  if (step === "reset") {
    context.req.socket.resetAndDestroy();
    return { handled: true, fault: "reset" };
  }
  if (step === "close-mid-body") {
    const body = Buffer.from(JSON.stringify({ value: "x".repeat(4096) }));
    res.writeHead(200, {
      ...baseHeaders,
      "content-type": "application/json; charset=utf-8",
      "content-length": String(body.length),
    });
    res.write(body.subarray(0, body.length >> 1), () => setImmediate(() => res.socket?.destroy()));
    return { handled: true, fault: "close-mid-body", status: 200 };
  }
  if ("malformedJson" in step) {
    const status = step.status ?? 200;
    sendRaw(res, baseHeaders, status, Buffer.from('{"value": [{"id": "1"}, {"id": '));
    return { handled: true, fault: "malformed-json", status };
  }
  if ("oversizedBody" in step) {
    const status = step.status ?? 200;
    const prefix = '{"padding":"';
    const padding = Math.max(0, step.oversizedBody - prefix.length - 2);
    sendRaw(res, baseHeaders, status, Buffer.from(`${prefix}${"x".repeat(padding)}"}`));
    return { handled: true, fault: `oversized-body ${step.oversizedBody}`, status };
  }
  const body = step.body ?? {
    error: { code: DEFAULT_CODES[step.status] ?? "InjectedFault", message: `Injected fault: HTTP ${step.status}.` },
  };
  writeResponse(res, baseHeaders, { status: step.status, body, ...(step.headers ? { headers: step.headers } : {}) });
  return { handled: true, fault: `status ${step.status}`, status: step.status };
}

function sendRaw(res: ServerResponse, baseHeaders: Record<string, string>, status: number, body: Buffer): void {
  res.writeHead(status, {
    ...baseHeaders,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(body.length),
  });
  res.end(body);
}

function routeKey(route: string): string {
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(route);
  if (!match) throw new Error(`A fault route is '<METHOD> <path template>', got '${route}'.`);
  return `${(match[1] ?? "").toUpperCase()} ${match[2] ?? ""}`;
}

export interface FaultServerOptions {
  readonly faults?: FaultInjector;
  /** Answers requests that pass the faults (default: 200 `{ ok: true, method, path, body }`). */
  readonly handler?: (ctx: RequestContext) => ServiceResponse | Promise<ServiceResponse>;
}

/** A small unauthenticated server whose every route can be faulted; for client tests without a service. */
export async function startFaultServer(
  options: FaultServerOptions = {},
): Promise<RunningServer & { readonly faults: FaultInjector }> {
  const faults = options.faults ?? createFaultInjector();
  const handler =
    options.handler ??
    ((ctx: RequestContext) => ({
      status: 200,
      body: { ok: true, method: ctx.method, path: ctx.pathname, body: ctx.bodyText },
    }));
  const server = await startServiceServer({
    authenticate: () => ({ kind: "anonymous" }),
    handle: (ctx) => handler(ctx),
    renderError: (error) => ({ error: { code: error.code, message: error.message } }),
    faults,
  });
  return { url: server.url, requests: server.requests, close: () => server.close(), faults };
}
