/**
 * Assertions shared by the e2e suites: what a typed service error must carry, and timing.
 */
import { expect } from "vitest";
import type { RecordedRequest } from "../../support/services/http-kit.ts";

/** The fields every package's `HttpError` has (each package has its own class). */
export interface HttpErrorShape extends Error {
  readonly status: number;
  readonly statusCode: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly details: unknown;
  readonly body: unknown;
  readonly headers: Headers;
}

export interface ExpectedHttpError {
  readonly status: number;
  /** The service error code, in `body.error.code` and `error.code`. */
  readonly code: string;
  /** `body.error.target`, when the service names a field. */
  readonly target?: string;
  /** A pattern the service's message must match. */
  readonly message?: RegExp;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Resolves to what `promise` rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the call to reject, but it resolved");
}

function serviceErrorOf(body: unknown): { code?: unknown; message?: unknown; target?: unknown; details?: unknown } {
  const outer = typeof body === "object" && body !== null && "error" in body ? body.error : undefined;
  return typeof outer === "object" && outer !== null ? outer : {};
}

/**
 * Awaits the rejection of `promise` and checks it is `errorClass` (the package's own `HttpError`)
 * with the status (also as `statusCode`), the service's code and message (its own text), and the request
 * id the service sent in `x-ms-request-id`, which is the id its request log recorded for this call.
 */
export async function expectHttpError<E extends HttpErrorShape>(
  promise: Promise<unknown>,
  errorClass: abstract new (...args: never[]) => E,
  expected: ExpectedHttpError,
  requests: readonly RecordedRequest[],
): Promise<E> {
  const error = await rejectionOf(promise);
  if (!(error instanceof errorClass))
    throw new Error(`Expected ${errorClass.name}, got ${String(error)}`, { cause: error });
  expect(error.name).toBe("HttpError");
  expect(error.status).toBe(expected.status);
  expect(error.statusCode).toBe(expected.status);
  expect(error.code).toBe(expected.code);
  const serviceError = serviceErrorOf(error.body);
  expect(serviceError.code).toBe(expected.code);
  expect(typeof serviceError.message).toBe("string");
  expect(error.message).toBe(String(serviceError.message));
  if (expected.message) expect(String(serviceError.message)).toMatch(expected.message);
  if (expected.target !== undefined) expect(serviceError.target).toBe(expected.target);
  expect(error.details).toEqual(serviceError.details);
  expect(error.requestId).toMatch(UUID);
  expect(error.requestId).toBe(error.headers.get("x-ms-request-id"));
  const recorded = requests.find((request) => request.requestId === error.requestId);
  expect(recorded?.status).toBe(expected.status);
  return error;
}

/** Runs `action` and returns its result with the elapsed wall-clock milliseconds. */
export async function timed<T>(action: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await action();
  return { value, ms: performance.now() - started };
}

/** A signal that aborts with `reason` after `ms` (the timer does not keep the process alive). */
export function abortAfter(ms: number, reason: unknown): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(reason), ms).unref();
  return controller.signal;
}
