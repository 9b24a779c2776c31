/**
 * The HTTP plumbing shared by the local test services: listens on 127.0.0.1 on a free port, reads
 * each body in full, records every request (Authorization redacted), answers CORS preflights, runs
 * the fault injector, enforces the service's authentication verdict, and writes JSON responses with
 * `x-ms-request-id` (a fresh uuid) and the echoed `x-ms-client-request-id`.
 *
 * `close()` resolves promptly even with requests in flight: it cancels stalled faults and destroys
 * every tracked socket.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { randomUUID } from "node:crypto";
import type { BearerTokenRegistration } from "./bearer-tokens.ts";
import type { FaultInjector } from "./faults.ts";
import { baseResponseHeaders, preflightHeaders } from "./cors.ts";
import { pathSegments } from "./router.ts";

/** What a route handler answers; `body` is serialised as compact JSON when defined. */
export interface ServiceResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface ErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
}

/** Thrown by handlers; the service renders it in its own error shape. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target: string | undefined;
  readonly details: readonly ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    extra: { target?: string; details?: readonly ErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.target = extra.target;
    this.details = extra.details;
    this.headers = extra.headers;
  }
}

/** A service's verdict on a request's credentials; `invalid` becomes a 401. */
export type AuthResult =
  | { readonly kind: "hmac" }
  | { readonly kind: "bearer"; readonly registration: BearerTokenRegistration }
  | { readonly kind: "anonymous" }
  | {
      readonly kind: "invalid";
      readonly code: string;
      readonly message: string;
      readonly stringToSign?: string;
      readonly challenge?: string;
    };

/** One request as the service received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The request target as sent: path and query, still percent-encoded. */
  readonly target: string;
  /** The raw (percent-encoded) path. */
  readonly path: string;
  readonly query: Record<string, string>;
  /** Lower-case names; `authorization` keeps only its scheme (`HMAC-SHA256 [redacted]`). */
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly requestId: string;
  /** Wall-clock arrival time (epoch ms), for elapsed-time assertions. */
  readonly receivedAt: number;
  auth?: AuthResult["kind"] | "preflight";
  /** Why authentication failed (never contains the key or the expected signature). */
  authFailure?: string;
  /** The string the service signed when a signature did not match. */
  stringToSign?: string;
  /** Status written, absent when a fault dropped the connection before a status line. */
  status?: number;
  /** The fault step that answered this request, if any. */
  fault?: string;
}

/** A parsed request as handlers see it. */
export interface RequestContext {
  readonly method: string;
  readonly target: string;
  readonly pathname: string;
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly bodyText: string;
  readonly requestId: string;
  readonly record: RecordedRequest;
  /** `http://<host>` as the client addressed this server (falls back to the listening address). */
  readonly origin: string;
  /** The host the client addressed: `publicHost()` when set (a proxy in between), else the Host header. */
  readonly host: string | undefined;
}

export interface ServiceServerOptions {
  /** Judges the credentials of every non-preflight request (the verdict is logged before faults run). */
  authenticate(ctx: RequestContext): AuthResult;
  handle(
    ctx: RequestContext,
    auth: Exclude<AuthResult, { kind: "invalid" }>,
  ): ServiceResponse | Promise<ServiceResponse>;
  /** Renders an error in the service's JSON error shape. */
  renderError(error: HttpError): unknown;
  faults?: FaultInjector;
  /** Request bodies above this size get 413 (default 1 MiB). */
  maxBodyBytes?: number;
  /**
   * The host clients address when a proxy that rewrites `Host` sits in front of the server (Prism's
   * proxy does): it then stands in for the Host header in `ctx.host` and `ctx.origin`.
   */
  publicHost?: () => string | undefined;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

const VALID_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Starts a service on 127.0.0.1 with a free port. */
export async function startServiceServer(options: ServiceServerOptions): Promise<RunningServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    dispatch(req, res).catch(() => {
      if (!res.headersSent)
        writeResponse(
          res,
          {},
          { status: 500, body: { error: { code: "InternalError", message: "Unexpected service error." } } },
        );
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const base = baseResponseHeaders(req, requestId);
    let body: Buffer | HttpError;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch {
      res.destroy(); // the client went away mid-body
      return;
    }
    const target = originForm(req.url ?? "/");
    const queryAt = target.indexOf("?");
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? "" : target.slice(queryAt + 1));
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      target,
      path: pathname,
      query: Object.fromEntries(query),
      headers: recordHeaders(req.headers),
      body: body instanceof HttpError ? "" : body.toString("utf8"),
      requestId,
      receivedAt: Date.now(),
    };
    requests.push(record);
    const respond = (response: ServiceResponse) => {
      record.status = response.status;
      writeResponse(res, base, response);
    };
    if (body instanceof HttpError) {
      respond(errorResponse(options, body));
      return;
    }
    if (record.method === "OPTIONS") {
      record.auth = "preflight";
      respond({ status: 204, headers: preflightHeaders(req) });
      return;
    }
    const segments = pathSegments(pathname);
    if (!segments) {
      respond(
        errorResponse(options, new HttpError(400, "InvalidUri", "The request path has a malformed percent escape.")),
      );
      return;
    }
    const host = options.publicHost?.() ?? req.headers.host;
    const ctx: RequestContext = {
      method: record.method,
      target,
      pathname,
      segments,
      query,
      headers: req.headers,
      body,
      bodyText: record.body,
      requestId,
      record,
      origin: host && VALID_HOST.test(host) ? `http://${host}` : url,
      host,
    };
    const auth = options.authenticate(ctx);
    record.auth = auth.kind;
    if (auth.kind === "invalid") {
      record.authFailure = auth.message;
      if (auth.stringToSign !== undefined) record.stringToSign = auth.stringToSign;
    }
    if (options.faults) {
      const outcome = await options.faults.apply({ method: record.method, segments, req, res, baseHeaders: base });
      if (outcome.fault !== undefined) record.fault = outcome.fault;
      if (outcome.handled) {
        if (outcome.status !== undefined) record.status = outcome.status;
        return;
      }
    }
    try {
      if (auth.kind === "invalid") {
        const headers = auth.challenge ? { "www-authenticate": auth.challenge } : undefined;
        throw new HttpError(401, auth.code, auth.message, headers ? { headers } : {});
      }
      respond(await options.handle(ctx, auth));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      respond(errorResponse(options, error));
    }
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        options.faults?.cancelPending();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Writes a response once; a no-op when the socket is already gone. */
export function writeResponse(res: ServerResponse, base: Record<string, string>, response: ServiceResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = { ...base, ...response.headers };
  if (response.body === undefined || response.status === 204 || response.status === 304) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const text = JSON.stringify(response.body);
  headers["content-type"] ??= "application/json; charset=utf-8";
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers).end(text);
}

function errorResponse(options: ServiceServerOptions, error: HttpError): ServiceResponse {
  return {
    status: error.status,
    body: options.renderError(error),
    ...(error.headers ? { headers: error.headers } : {}),
  };
}

/** The whole body, or a 413 HttpError when it exceeds `limit` (rejects when the client goes away). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | HttpError> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > limit)
        resolve(new HttpError(413, "RequestEntityTooLarge", `The request body exceeds ${limit} bytes.`));
      else resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("The client went away before sending the whole body."));
    });
  });
}

/** Turns an absolute-form request target (proxies) into origin form; origin form is kept as sent. */
function originForm(target: string): string {
  if (target.startsWith("/")) return target;
  try {
    const parsed = new URL(target);
    return target.slice(target.indexOf(parsed.host) + parsed.host.length) || "/";
  } catch {
    return target;
  }
}

function recordHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  if (out["authorization"] !== undefined)
    out["authorization"] = `${out["authorization"].split(" ")[0] ?? ""} [redacted]`;
  return out;
}

/** A header's single value (first of a repeated header). */
export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
