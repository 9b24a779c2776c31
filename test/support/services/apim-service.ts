/**
 * A local API Management service for tests: the User - Get Shared Access Token operation of
 * 2022-08-01,
 *
 *   POST /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ApiManagement/service/{svc}
 *        /users/{userId}/token?api-version=2022-08-01
 *   { "properties": { "keyType": "primary" | "secondary" (default primary), "expiry": <date-time> } }
 *   -> 200 { "value": "<userId>&<yyyyMMddHHmm>&<base64 HMAC-SHA512 signature>" }
 *
 * Bearer auth only (tokens from `options.bearerTokens`; else 401 with `WWW-Authenticate`). Path
 * constraints of the spec (resourceGroupName 1..90 `^[-\w\._\(\)]+$`, serviceName 1..50
 * `^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$`, userId 1..80), `expiry` required, in the future and at
 * most 30 days ahead: each failure is 400 in the ARM/APIM error shape
 * `{ error: { code, message, details: [{ code, target, message }] } }`. Users not in
 * `options.users` are 404. Literal path segments match case-insensitively, as in ARM.
 */
import { createHmac, randomBytes } from "node:crypto";
import { BearerTokenRegistry, bearerTokenOf, type BearerTokenRegistration } from "./bearer-tokens.ts";
import type { FaultInjector } from "./faults.ts";
import {
  HttpError,
  single,
  startServiceServer,
  type AuthResult,
  type RecordedRequest,
  type RequestContext,
} from "./http-kit.ts";
import { isJsonObject, readJsonObject } from "./request-validation.ts";
import { findRoute } from "./router.ts";

export const APIM_API_VERSION = "2022-08-01";
export const USER_TOKEN_PATH =
  "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ApiManagement/service/{serviceName}/users/{userId}/token";
const MAX_EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export interface ApimServiceOptions {
  readonly bearerTokens?: readonly BearerTokenRegistration[];
  /** User ids that exist in every service (default `["1", "userId1718"]`). */
  readonly users?: readonly string[];
  /** The service clock, epoch ms (default `Date.now`). */
  readonly now?: () => number;
  readonly faults?: FaultInjector;
}

export interface UserTokenParts {
  readonly userId: string;
  /** Expiry in the token, truncated to the minute. */
  readonly expiry: Date;
  readonly keyType: "primary" | "secondary";
}

export interface ApimServiceState {
  addUser(userId: string): void;
  registerBearerToken(registration: BearerTokenRegistration): void;
  /** Verifies a token value this service issued (signature by either key); undefined otherwise. */
  verifyUserToken(value: string): UserTokenParts | undefined;
}

export interface ApimService {
  readonly url: string;
  readonly state: ApimServiceState;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startApimService(options: ApimServiceOptions = {}): Promise<ApimService> {
  const now = options.now ?? Date.now;
  const bearer = new BearerTokenRegistry(options.bearerTokens);
  const users = new Set(options.users ?? ["1", "userId1718"]);
  const keys = { primary: randomBytes(64), secondary: randomBytes(64) };
  const sign = (keyType: "primary" | "secondary", userId: string, stamp: string) =>
    createHmac("sha512", keys[keyType]).update(`${userId}\n${stamp}`).digest("base64");
  const routes = [{ method: "POST", path: USER_TOKEN_PATH }];

  function authenticate(ctx: RequestContext): AuthResult {
    const authorization = single(ctx.headers.authorization);
    if (!authorization) {
      return {
        kind: "invalid",
        code: "AuthenticationFailed",
        message: "Authentication failed. The 'Authorization' header is missing.",
        challenge: "Bearer",
      };
    }
    const token = bearerTokenOf(authorization);
    const verdict = token === undefined ? undefined : bearer.verify(token, now());
    if (verdict?.ok) return { kind: "bearer", registration: verdict.registration };
    return {
      kind: "invalid",
      code: "InvalidAuthenticationToken",
      message: verdict
        ? verdict.message
        : "The access token is missing or invalid; Azure Resource Manager needs 'Authorization: Bearer <token>'.",
      challenge: 'Bearer error="invalid_token"',
    };
  }

  const server = await startServiceServer({
    authenticate,
    handle(ctx) {
      const match = findRoute(routes, ctx.method, ctx.segments, true);
      if (match.kind === "not-found")
        throw new HttpError(404, "NotFound", `There is no operation at '${ctx.pathname}'.`);
      if (match.kind === "method-not-allowed")
        throw new HttpError(405, "MethodNotAllowed", `Use POST.`, { headers: { allow: "POST" } });
      const version = ctx.query.get("api-version");
      if (!version)
        throw new HttpError(
          400,
          "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.",
        );
      if (version !== APIM_API_VERSION) {
        throw new HttpError(
          400,
          "InvalidApiVersionParameter",
          `The api-version '${version}' is invalid. The supported version is '${APIM_API_VERSION}'.`,
        );
      }
      const { resourceGroupName = "", serviceName = "", userId = "" } = match.params;
      checkPath("resourceGroupName", resourceGroupName, 90, /^[-\w._()]+$/);
      checkPath("serviceName", serviceName, 50, /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/);
      checkPath("userId", userId, 80);
      if (!users.has(userId)) throw new HttpError(404, "ResourceNotFound", `User not found: '${userId}'.`);
      const { keyType, expiry } = readParameters(ctx, now());
      const stamp = minuteStamp(expiry);
      return { status: 200, body: { value: `${userId}&${stamp}&${sign(keyType, userId, stamp)}` } };
    },
    renderError: (error) => ({
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    }),
    ...(options.faults ? { faults: options.faults } : {}),
  });

  return {
    url: server.url,
    requests: server.requests,
    close: () => server.close(),
    state: {
      addUser: (userId) => void users.add(userId),
      registerBearerToken: (registration) => bearer.register(registration),
      verifyUserToken(value) {
        const [userId = "", stamp = "", signature = "", extra] = value.split("&");
        if (extra !== undefined || !/^\d{12}$/.test(stamp)) return undefined;
        const keyType = (["primary", "secondary"] as const).find((k) => sign(k, userId, stamp) === signature);
        if (!keyType) return undefined;
        const expiry = new Date(
          Date.UTC(
            +stamp.slice(0, 4),
            +stamp.slice(4, 6) - 1,
            +stamp.slice(6, 8),
            +stamp.slice(8, 10),
            +stamp.slice(10, 12),
          ),
        );
        return { userId, expiry, keyType };
      },
    },
  };
}

/** A 400 ValidationError whose single detail names `target`. */
function validation(target: string, message: string): HttpError {
  return new HttpError(400, "ValidationError", "One or more fields contain incorrect values:", {
    details: [{ code: "ValidationError", target, message }],
  });
}

function checkPath(name: string, value: string, maxLength: number, pattern?: RegExp): void {
  if (value.length < 1 || value.length > maxLength)
    throw validation(name, `'${name}' must be 1 to ${maxLength} characters long.`);
  if (pattern && !pattern.test(value))
    throw validation(name, `'${name}' does not match the pattern ${pattern.source}.`);
}

function readParameters(ctx: RequestContext, now: number): { keyType: "primary" | "secondary"; expiry: Date } {
  const body = readJsonObject(ctx, { required: true });
  const properties = body?.["properties"];
  if (!isJsonObject(properties)) throw validation("properties", "'properties' is required and must be an object.");
  const keyType = properties["keyType"] ?? "primary";
  if (keyType !== "primary" && keyType !== "secondary")
    throw validation("keyType", "'keyType' must be 'primary' or 'secondary'.");
  const raw = properties["expiry"];
  if (raw === undefined || raw === null) throw validation("expiry", "'expiry' is required.");
  const expiry = typeof raw === "string" && DATE_TIME.test(raw) ? Date.parse(raw) : NaN;
  if (!Number.isFinite(expiry))
    throw validation("expiry", "'expiry' must be an ISO 8601 date-time such as 2019-04-21T00:44:24Z.");
  if (expiry <= now) throw validation("expiry", "'expiry' must be in the future.");
  if (expiry - now > MAX_EXPIRY_MS) throw validation("expiry", "'expiry' must be at most 30 days from now.");
  return { keyType, expiry: new Date(expiry) };
}

/** `yyyyMMddHHmm` in UTC. */
function minuteStamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-T:]/g, "");
}
