/**
 * Errors thrown by the runtime. None of them ever contains credentials: messages are built only
 * from status lines, service-provided error bodies, timeouts and URLs without secrets.
 */
import { redactBodyText } from "./redact-secrets.ts";

/** The fields an {@link HttpError} is built from. */
export interface HttpErrorInit<TBody> {
  /** HTTP status code. */
  status: number;
  /** HTTP status text (may be empty). */
  statusText: string;
  /** Service error code, when the body provides one. */
  code: string | undefined;
  /** Service error message, when the body provides one. */
  serviceMessage: string | undefined;
  /** Service error details, when the body provides them. */
  details: unknown;
  /** Request id from the response headers, or the client request id that was sent. */
  requestId: string | undefined;
  /** Parsed JSON body, or the raw text when it is not JSON, or `undefined` when empty. */
  body: TBody | undefined;
  /** Response headers. */
  headers: Headers;
}

/** A non-2xx HTTP response, after retries (if any) were exhausted. */
export class HttpError<TBody = unknown> extends Error {
  override readonly name = "HttpError";
  // `declare`: set by Object.assign in the constructor, not by field initialisers.
  /** HTTP status code. */
  declare readonly status: number;
  /** Service error code (e.g. `IdentityNotFound`), when the body has one. */
  declare readonly code: string | undefined;
  /** Service error details, as returned by the service. */
  declare readonly details: unknown;
  /** The service's request id, or the client request id when the service sent none. */
  declare readonly requestId: string | undefined;
  /** The response body: parsed JSON, raw text when not JSON, `undefined` when empty. */
  declare readonly body: TBody | undefined;
  /** The response headers. */
  declare readonly headers: Headers;

  /**
   * Builds the error; the message is `"<status> <code>: <message>"` or `"<status> <statusText>"`,
   * cut at 1000 characters (`body` and `details` keep everything).
   */
  constructor(init: HttpErrorInit<TBody>) {
    const { statusText, serviceMessage, ...fields } = init;
    const label = fields.code ?? statusText;
    const head = label ? `${fields.status} ${label}` : `${fields.status}`;
    const message = serviceMessage ? `${head}: ${serviceMessage}` : head;
    // The service's text is shown, not all of it: a 20 MB message would be a 20 MB log line.
    super(message.length > 1000 ? `${message.slice(0, 1000)}... (truncated)` : message);
    Object.assign(this, fields);
  }
}

/** A fetch that failed: connection refused or reset, DNS failure, or a body that ended early. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

/** An attempt that did not complete within its per-attempt timeout (after all retries). */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  // `declare`: assigned in the constructor, so a field initialiser would only add bytes.
  /** The per-attempt timeout, in milliseconds. */
  declare readonly timeoutMs: number;
  /** Builds the error for a timeout of `timeoutMs` milliseconds. */
  constructor(timeoutMs: number) {
    super(`The request timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** What {@link ResponseParseError} reports besides the body: the parse failure, or the missing property. */
export interface ResponseParseErrorOptions {
  /** The `SyntaxError` from `JSON.parse`, when the body is not JSON. */
  cause?: unknown;
  /** The wire name of a required property the (valid JSON) body lacks. */
  missing?: string;
  /**
   * Where the (valid JSON) body's shape differs from the spec's: `has items[3].createdAt that is not a
   * date-time string`. The message and `bodySnippet` then quote nothing of the body.
   */
  mismatch?: string;
}

/** A successful response whose body is not the JSON the operation expects. */
export class ResponseParseError extends Error {
  override readonly name = "ResponseParseError";
  // `declare`, as in TimeoutError.
  /** HTTP status code of the response. */
  declare readonly status: number;
  /**
   * The first 200 characters of the body with secrets (an issued token) hidden, by the rule of
   * `redact-secrets.ts`.
   */
  declare readonly bodySnippet: string;
  /**
   * Builds the error. The message says that the body is empty, is not valid JSON (`cause` is then the
   * `SyntaxError` from `JSON.parse`) or lacks the required property `missing`, and quotes the snippet.
   */
  constructor(status: number, bodyText: string, options: ResponseParseErrorOptions = {}) {
    // A mismatch names a path in the body instead: it quotes none of it.
    const snippet = options.mismatch ? "" : redactBodyText(bodyText).slice(0, 200);
    const problem = options.mismatch ?? (options.missing === undefined ? "is not valid JSON" : `lacks the required property "${options.missing}"`);
    // V8's SyntaxError quotes the body it could not parse: only its kind of problem is kept.
    const { cause } = options;
    const kept = cause instanceof Error ? { cause: new SyntaxError(cause.message.replace(/('.', )?"[^]*"(\.\.\.)?/, "(body not quoted)")) } : options;
    super(`Expected a JSON body in the ${status} response, but it ${snippet ? `${problem}: ${snippet}` : bodyText ? problem : "was empty"}`, kept);
    this.status = status;
    this.bodySnippet = snippet;
  }
}

/** `value` when it is a plain JSON object (not `null`, not an array), else `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Builds an {@link HttpError} from a response whose body was already read as text.
 * Understands `{ error: { code, message, details } }` and `{ code, message, details }`.
 */
export function httpErrorFromText(
  response: { status: number; statusText: string; headers: Headers; bodyText: string },
  clientRequestId: string | undefined,
): HttpError {
  const { bodyText, headers } = response;
  let body: unknown = bodyText || undefined;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON (an empty body is not either): keep the text, or `undefined`.
  }
  const outer = asRecord(body);
  const inner = asRecord(outer?.["error"]) ?? outer;
  // The service's request id, in order of preference.
  const requestId = headers.get("x-ms-request-id") ?? headers.get("x-request-id") ?? headers.get("request-id");
  return new HttpError({
    status: response.status,
    statusText: response.statusText,
    code: asString(inner?.["code"]),
    serviceMessage: asString(inner?.["message"]),
    details: inner?.["details"],
    requestId: requestId ?? clientRequestId,
    body,
    headers,
  });
}

/** Reads a failed `Response` and turns it into an {@link HttpError}. */
export async function errorFromResponse(response: Response, clientRequestId: string): Promise<HttpError> {
  const bodyText = await response.text();
  return httpErrorFromText(
    { status: response.status, statusText: response.statusText, headers: response.headers, bodyText },
    clientRequestId,
  );
}

/**
 * A redirect the transport does not follow: to another origin (which would receive the credentials
 * and the body), one a browser hides from scripts, or one too many.
 */
export class RedirectError extends Error {
  override readonly name = "RedirectError";
}

/** A response body larger than the call's `maxResponseBytes`; it is not read further, nor retried. */
export class ResponseTooLargeError extends Error {
  override readonly name = "ResponseTooLargeError";
}
