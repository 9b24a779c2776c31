/**
 * The transport: builds the URL and headers, signs each attempt, applies timeouts and retries,
 * reads the whole body, and turns failures into the runtime's error types.
 */
import {
  NetworkError,
  RedirectError,
  ResponseParseError,
  ResponseTooLargeError,
  TimeoutError,
  abortError,
  asRecord,
  httpErrorFromText,
} from "./errors.ts";
import { emit, redactHeaders, type Logger } from "./logging.ts";
import { redactUrl } from "./redact-secrets.ts";
import { maxRedirects, redirectTarget } from "./redirect-policy.ts";
import type { OutgoingRequest, RequestSigner } from "./request-signer.ts";
import { buildRequestUrl, type QueryParams } from "./request-url.ts";
import { isRetriableStatus, retryDelayMs, sleep, type RetryOptions } from "./retry-policy.ts";

/** Per-client settings shared by all operations. */
export interface ClientContext {
  /** Base URL, e.g. `https://contoso.communication.azure.com` (a trailing slash is fine). */
  endpoint: string;
  /** Authentication applied to every attempt. */
  signer?: RequestSigner;
  /** Retry settings. */
  retry: RetryOptions;
  /** Value of the `user-agent` header (ignored where the runtime forbids setting it). */
  userAgent: string;
  /** A custom fetch (defaults to the global one). */
  fetch?: typeof fetch;
  /** Header carrying a client request id (`x-ms-client-request-id` for Azure services); none when absent. */
  clientRequestIdHeader?: string;
  /** Sees every attempt (request, response, retry, failure), credentials removed; see `logging.ts`. */
  logger?: Logger;
}

/** A response whose body has been read completely. */
export interface RawResponse {
  /** HTTP status code. */
  status: number;
  /** HTTP status text (often empty over HTTP/2). */
  statusText: string;
  /** Response headers. */
  headers: Headers;
  /** The whole body, as text (UTF-8). */
  bodyText: string;
  /** The whole body, as bytes: what binary responses return. */
  bodyBytes: Uint8Array;
  /** With `RequestSpec.stream`, the unread body of a 2xx response (`bodyText` and `bodyBytes` are then empty). */
  stream?: ReadableStream<Uint8Array>;
  /** The request that produced it. */
  request: { method: string; url: string };
}

/** Per-attempt timeout when the call sets none: 60 s, body included. */
export const defaultTimeoutMs = 60_000;
/** Time a call may take in all when it sets none: 3 minutes, retries and waits included. */
export const defaultTotalTimeoutMs = 180_000;
/** Largest response body read when the call sets no limit: 32 MiB. */
export const defaultMaxResponseBytes = 2 ** 25;

/** Per-call options every operation accepts. */
export interface RequestOptions {
  /** Cancels the call (including retries and waits); the call rejects with the signal's reason. */
  abortSignal?: AbortSignal;
  /** Timeout of each attempt, reading the whole body included, in milliseconds (default 60 000). */
  timeoutMs?: number;
  /**
   * Timeout of the whole call, retries and their waits included, in milliseconds (default 180 000):
   * no retry starts that could not finish by then, and an attempt under way is cut short.
   */
  totalTimeoutMs?: number;
  /** Largest response body to read, in bytes (default 32 MiB); a larger one throws `ResponseTooLargeError`. */
  maxResponseBytes?: number;
  /** Extra headers, applied after the operation's own. */
  headers?: Record<string, string>;
  /**
   * Extra query parameters (an `api-version` the spec does not declare, say), applied after the
   * operation's own; arrays become repeated keys.
   */
  query?: QueryParams;
  /** Called with the final response, before any error is thrown. */
  onResponse?: (response: RawResponse) => void;
}

/** What an operation wants sent. */
export interface RequestSpec {
  /** HTTP method. */
  method: string;
  /** Path relative to the endpoint (path parameters already percent-encoded), or an absolute URL (next links). */
  path: string;
  /** Query parameters; arrays become repeated keys, `undefined` values are skipped. */
  query?: QueryParams;
  /** Header parameters; `undefined` values are skipped. */
  headers?: Record<string, string | undefined>;
  /** The serialised body. */
  body?: { contentType: string; text: string } | { contentType: string; bytes: Uint8Array };
  /** Value of the `accept` header. */
  accept?: string;
  /**
   * Hand a 2xx body over unread, as `RawResponse.stream` (event streams); `timeoutMs` then bounds
   * the wait for the response headers only.
   */
  stream?: boolean;
}

/**
 * A JSON request body with every object's keys in the model's order, whatever order the caller
 * wrote them in: the generated models list properties sorted by name (code units), so sorting the
 * keys is that order, and the same call always sends the same bytes. Maps are sorted alike.
 */
export const jsonInModelOrder = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) => {
    const record = asRecord(item);
    const plain = record && [Object.prototype, null].includes(Object.getPrototypeOf(record) as object | null);
    return plain
      ? Object.fromEntries(
          Object.keys(record)
            .sort()
            .map((key) => [key, record[key]]),
        )
      : item;
  });

/** Percent-encodes a path parameter (`8:acs:...` becomes `8%3Aacs%3A...`). */
export const encodePathParam = (value: string): string => encodeURIComponent(value);

/**
 * A path parameter's encoded text where it fills a whole path segment (`/repos/{owner}/{repo}`),
 * refused when it is a dot segment (`.`, `..`, or those dots percent-encoded): URL parsing, and so
 * `fetch`, removes dot segments (RFC 3986 §5.2.4), which would send the request to another resource
 * (`/repos/o/..` is `/repos/`). No encoding gets past that (the URL standard reads `%2E` as a dot
 * too), so the call fails before anything is sent. `..x` or `.a` are ordinary segments and pass.
 * @param name the parameter's wire name, for the message.
 */
export const wholePathSegment = (text: string, name: string): string => {
  if (/^(?:\.|%2e){1,2}$/i.test(text)) {
    throw new RangeError(
      `Path parameter "${name}" cannot be "${decodeURIComponent(text)}": URLs drop "." and ".." path segments, so the request would reach another resource`,
    );
  }
  return text;
};

/**
 * Parses a response body as JSON; throws {@link ResponseParseError} when it is not JSON, or when it
 * lacks one of the `required` properties.
 * @param raw the response.
 * @param required wire names of the properties the body must have (at its top level); a body that
 * is not an object (`null`, an array, a string) has none. A property that is present but `null` counts.
 */
export const parseJson = <T>(raw: RawResponse, required: readonly string[] = []): T => {
  const { bodyText } = raw;
  let json: unknown;
  let cause: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch (error) {
    cause = error;
  }
  const object = asRecord(json);
  const missing = cause ? undefined : required.find((name) => !Object.hasOwn(object ?? {}, name));
  if (cause || missing !== undefined) {
    // Names and sizes only: the values are what may be secret (an issued token).
    const shape = object
      ? `{${Object.keys(object).map((name) => `${JSON.stringify(name)}:…`)}}`
      : bodyText && `${raw.bodyBytes.length} bytes, ${raw.headers.get("content-type") ?? "no content type"}`;
    throw new ResponseParseError(raw.status, shape, { cause, missing });
  }
  return json as T;
};

/** The whole body, but no more than `limit` bytes: a larger one throws {@link ResponseTooLargeError}. */
const readBody = async (response: Response, limit: number): Promise<Uint8Array> => {
  const chunks: BlobPart[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let chunk; reader && !(chunk = await reader.read()).done; chunks.push(chunk.value)) {
    if ((size += chunk.value.byteLength) > limit)
      throw new ResponseTooLargeError(`The response body exceeds ${limit} bytes`);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
};

/**
 * One fetch plus body read, both under the attempt's timeout (so a body that trickles in times out
 * too). Resolves with the response, or with the error that stands for the missing one (worth a
 * retry); rejects only when the user aborts or the body is too large (not worth retrying).
 */
const attempt = async (
  doFetch: typeof fetch,
  request: OutgoingRequest,
  options: RequestOptions,
  timeoutMs: number,
  stream?: boolean,
): Promise<RawResponse | NetworkError | TimeoutError> => {
  const userSignal = options.abortSignal;
  userSignal?.throwIfAborted();
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(userSignal?.reason);
  userSignal?.addEventListener("abort", onAbort); // removed below, whatever happens
  // Set when the timer fires; it is then the attempt's failure, whatever fetch rejects with.
  let timeout: TimeoutError | undefined;
  const timer = setTimeout(() => controller.abort((timeout = new TimeoutError(timeoutMs))), timeoutMs);
  let unread: ReadableStream<Uint8Array> | undefined;
  try {
    const { method, headers, body } = request;
    const url = request.url.href;
    // Redirects are followed by sendRequest, which signs every hop and refuses other origins.
    // (The cast: sendRequest copied bytes into a fresh ArrayBuffer, which is what BodyInit wants.)
    const response = await doFetch(url, {
      method,
      headers,
      body: body as BodyInit | undefined,
      redirect: "manual",
      signal: controller.signal,
    });
    // A 2xx stream is handed over unread: neither the timer nor the `finally` below may cut it short.
    unread = (stream && response.ok && response.body) || undefined;
    const bodyBytes = unread
      ? new Uint8Array(0)
      : await readBody(response, options.maxResponseBytes ?? defaultMaxResponseBytes);
    const { status, statusText } = response;
    const raw: RawResponse = {
      status,
      statusText,
      headers: response.headers,
      bodyText: new TextDecoder().decode(bodyBytes),
      bodyBytes,
      request: { method, url },
    };
    return unread ? { ...raw, stream: unread } : raw;
  } catch (error) {
    if (userSignal?.aborted) throw userSignal.reason;
    if (error instanceof ResponseTooLargeError) throw error;
    return (
      timeout ??
      (error instanceof NetworkError
        ? error
        : new NetworkError("The request failed before a complete response was received", { cause: error }))
    );
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener("abort", onAbort);
    // Releases the connection of a body left unread (too large, or an error while reading).
    if (!unread) controller.abort();
  }
};

/**
 * Sends a request with signing, per-attempt timeout and retries, and returns the final 2xx response.
 * Throws `HttpError` for other statuses, {@link NetworkError} or {@link TimeoutError} when no
 * response arrived (or the caller's `AbortSignal.timeout()` fired), and the abort reason when the
 * caller aborts.
 */
export const sendRequest = async (
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions = {},
): Promise<RawResponse> => {
  try {
    return await sendWithRetries(context, spec, options);
  } catch (error) {
    const signal = options.abortSignal;
    throw signal?.aborted && error === signal.reason ? abortError(signal) : error;
  }
};

const sendWithRetries = async (
  context: ClientContext,
  spec: RequestSpec,
  options: RequestOptions,
): Promise<RawResponse> => {
  const { retry } = context;
  const { abortSignal } = options;
  let url = buildRequestUrl(context.endpoint, spec.path, { ...spec.query, ...options.query });
  let method = spec.method.toUpperCase();
  // Bytes are copied: what is signed is what is sent, even if the caller's array changes meanwhile.
  let body = spec.body && ("text" in spec.body ? spec.body.text : new Uint8Array(spec.body.bytes));
  const idHeader = context.clientRequestIdHeader;
  // Defaults, the operation's headers, then the caller's: of two names that differ only in case,
  // the later wins. A client request id only where the context names its header (Azure services:
  // elsewhere it is a stray header). A standalone Headers accepts any name; browsers' fetch then
  // drops user-agent.
  const fields = {
    ...(idHeader && { [idHeader]: crypto.randomUUID() }),
    "user-agent": context.userAgent,
    ...spec.headers,
    accept: spec.accept,
    "content-type": spec.body?.contentType,
    ...options.headers,
  };
  const template = new Headers();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) template.set(name, value);
  const deadline = Date.now() + (options.totalTimeoutMs ?? defaultTotalTimeoutMs);

  for (let retries = 0, hops = 0; ;) {
    abortSignal?.throwIfAborted();
    const request: OutgoingRequest = { method, url, headers: new Headers(template), body };
    await context.signer?.sign(request);
    const timeoutMs = Math.min(options.timeoutMs ?? defaultTimeoutMs, deadline - Date.now());
    const { logger } = context;
    const number = retries + hops + 1;
    // Logged as signed (the signature redacted): what the service receives.
    emit(logger, () => ({
      kind: "request",
      level: "info",
      attempt: number,
      method,
      url: redactUrl(url.href),
      headers: redactHeaders(request.headers),
    }));
    const started = Date.now();
    const response = await attempt(context.fetch ?? fetch, request, options, timeoutMs, spec.stream);
    const failed = response instanceof Error;
    emit(logger, () => {
      const at = { attempt: number, method, url: redactUrl(url.href), durationMs: Date.now() - started };
      if (failed) return { kind: "error", level: "warning", ...at, error: `${response.name}: ${response.message}` };
      const requestId = response.headers.get("x-ms-request-id") ?? response.headers.get("x-request-id") ?? undefined;
      return {
        kind: "response",
        level: response.status >= 400 ? "warning" : "info",
        ...at,
        status: response.status,
        requestId,
      };
    });
    const target = !failed && redirectTarget(response, url);
    if (target) {
      if (++hops > maxRedirects) throw new RedirectError(`Refusing to follow more than ${maxRedirects} redirects`);
      // As browsers do: 303 (and 301/302 after a POST) continue with a GET without the body.
      if (response.status === 303 ? method !== "HEAD" : response.status < 303 && method === "POST") {
        [method, body] = ["GET", undefined];
        template.delete("content-type");
      }
      url = target;
      continue;
    }
    // A server asking for a longer wait than maxDelayMs (Retry-After: 20 days), or one the deadline
    // would cut short, gets no retry: the call fails at once with what the last attempt got.
    const delay = retryDelayMs(retries, retry, failed ? undefined : response);
    if (
      (failed || isRetriableStatus(response.status)) &&
      retries++ < retry.maxRetries &&
      delay <= retry.maxDelayMs &&
      Date.now() + delay < deadline
    ) {
      const reason = failed ? response.name : `status ${response.status}`;
      emit(logger, () => ({ kind: "retry", level: "info", attempt: number, delayMs: Math.round(delay), reason }));
      await sleep(delay, abortSignal);
      continue;
    }
    if (failed) throw response;
    options.onResponse?.(response);
    if (response.status >= 200 && response.status < 300) return response;
    throw httpErrorFromText(response, (idHeader && template.get(idHeader)) || undefined);
  }
};
