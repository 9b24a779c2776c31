/**
 * Errors thrown by the runtime. None of them ever contains credentials: messages are built only
 * from status lines, service-provided error messages, timeouts, origins and the shape (never the
 * values) of a body that could not be parsed.
 */
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
   * Builds the error. The message is the service's own message when the body has one (as Azure's
   * `RestError` does: status and code are fields of their own), else `"<status> <code|statusText>"`;
   * cut at 1000 characters (`body` and `details` keep everything).
   */
  constructor(init: HttpErrorInit<TBody>) {
    const { statusText, serviceMessage, ...fields } = init;
    const message = serviceMessage ?? `${fields.status} ${fields.code ?? statusText}`.trimEnd();
    // The service's text is shown, not all of it: a 20 MB message would be a 20 MB log line.
    super(message.length > 1000 ? `${message.slice(0, 1000)}... (truncated)` : message);
    Object.assign(this, fields);
  }

  /** HTTP status code: the same as `status`, under the name Azure's `RestError` uses. */
  get statusCode(): number {
    return this.status;
  }
}

/**
 * Whether `value` is an {@link HttpError} by its shape (name, numeric status, headers), not by
 * `instanceof` alone: an error from another copy of this package (two versions in one bundle) or
 * from another realm (an iframe, a `vm` context) is recognised too.
 */
export const isHttpError = (value: unknown): value is HttpError => {
  if (value instanceof HttpError) return true;
  const error = asRecord(value);
  return (
    error?.["name"] === "HttpError" &&
    typeof error["status"] === "number" &&
    typeof error["message"] === "string" &&
    "body" in error &&
    typeof asRecord(error["headers"])?.["get"] === "function"
  );
};

/** A fetch that failed: connection refused or reset, DNS failure, or a body that ended early. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

/**
 * A call that timed out: an attempt that did not complete within its per-attempt timeout (after
 * all retries), or the caller's `AbortSignal.timeout()` firing (`timeoutMs` is then `undefined` and
 * `cause` is the signal's `TimeoutError` DOMException). A caller's plain abort is not one: the call
 * then rejects with the signal's reason.
 */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  /** Tells this error apart from the DOMException of the same name: `"RequestTimeout"`. */
  readonly code = "RequestTimeout";
  // `declare`: assigned in the constructor, so a field initialiser would only add bytes.
  /** The per-attempt timeout, in milliseconds; `undefined` when the caller's signal timed out. */
  declare readonly timeoutMs: number | undefined;
  /** Builds the error for a timeout of `timeoutMs` milliseconds, or for the caller's signal (`cause`). */
  constructor(timeoutMs: number | undefined, options?: { cause?: unknown }) {
    super(
      timeoutMs === undefined
        ? "The request timed out: the caller's abort signal timed out"
        : `The request timed out after ${timeoutMs} ms`,
      options,
    );
    this.timeoutMs = timeoutMs;
  }
}

/**
 * What a call rejects with when `signal` aborted: the package's {@link TimeoutError} when the
 * reason is the `TimeoutError` DOMException of `AbortSignal.timeout()`, else the reason itself.
 */
export const abortError = (signal: AbortSignal): unknown => {
  const reason: unknown = signal.reason;
  // By name, not `instanceof DOMException`: the signal may come from another realm.
  const timedOut = asRecord(reason)?.["name"] === "TimeoutError" && !(reason instanceof TimeoutError);
  return timedOut ? new TimeoutError(undefined, { cause: reason }) : reason;
};

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
   * What the body was, without any of its values, so an issued token never reaches a log through
   * this error: the top-level property names of a JSON object (`{"token":…,"expiryTime":…}`), else
   * its size and content type (`1024 bytes, text/html`); at most 200 characters, empty for an
   * empty body.
   */
  declare readonly bodySnippet: string;
  /**
   * Builds the error. The message says that the body is empty (`bodySnippet` is then empty), is not
   * valid JSON (`cause` is then the `SyntaxError` from `JSON.parse`) or lacks the required property
   * `missing`, and quotes the snippet, which `parseJson` builds so that it holds no value of the body.
   */
  constructor(status: number, bodySnippet: string, options: ResponseParseErrorOptions = {}) {
    const { cause, missing, mismatch } = options;
    // A mismatch names a path in the body instead: it quotes none of it.
    const snippet = mismatch ? "" : bodySnippet.slice(0, 200);
    const problem =
      mismatch ?? (missing === undefined ? "is not valid JSON" : `lacks the required property "${missing}"`);
    // V8's SyntaxError quotes the body it could not parse: only its kind of problem is kept.
    const kept =
      cause instanceof Error
        ? { cause: new SyntaxError(cause.message.replace(/('.', )?"[^]*"(\.\.\.)?/, "(body not quoted)")) }
        : undefined;
    super(
      `Expected a JSON body in the ${status} response, but it ${snippet ? `${problem}: ${snippet}` : (mismatch ?? "was empty")}`,
      kept,
    );
    this.status = status;
    this.bodySnippet = snippet;
  }
}

/** `value` when it is a plain JSON object (not `null`, not an array), else `undefined`. */
export const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * Builds an {@link HttpError} from a response whose body was already read as text.
 * Understands `{ error: { code, message, details } }` and `{ code, message, details }`.
 */
export const httpErrorFromText = (
  response: { status: number; statusText: string; headers: Headers; bodyText: string },
  clientRequestId: string | undefined,
): HttpError => {
  const { status, statusText, headers, bodyText } = response;
  let body: unknown = bodyText || undefined;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON (an empty body is not either): keep the text, or `undefined`.
  }
  const outer = asRecord(body);
  const inner = asRecord(outer?.["error"]) ?? outer;
  /** The body's non-empty text `name`. */
  const text = (name: string): string | undefined => {
    const value = inner?.[name];
    return (typeof value === "string" && value) || undefined;
  };
  return new HttpError({
    status,
    statusText,
    code: text("code"),
    serviceMessage: text("message"),
    details: inner?.["details"],
    // The service's request id, in order of preference.
    requestId:
      headers.get("x-ms-request-id") ?? headers.get("x-request-id") ?? headers.get("request-id") ?? clientRequestId,
    body,
    headers,
  });
};

/** Reads a failed `Response` and turns it into an {@link HttpError}. */
export const errorFromResponse = async (response: Response, clientRequestId: string): Promise<HttpError> => {
  const bodyText = await response.text();
  return httpErrorFromText(
    { status: response.status, statusText: response.statusText, headers: response.headers, bodyText },
    clientRequestId,
  );
};

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
