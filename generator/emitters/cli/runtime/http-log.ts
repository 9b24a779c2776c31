/**
 * `--verbose` and `--debug`: a `fetch` wrapper, handed to the package's context, that logs each
 * attempt to stderr. `--verbose` logs one line per exchange; `--debug` adds headers and bodies.
 * Credentials never reach the log: the `Authorization` header and other secret-looking headers,
 * query parameters and JSON properties (tokens, keys, passwords, signatures, plus the names the
 * spec's naming layer lists) are replaced by `REDACTED`.
 */

const REDACTED = "REDACTED";
/** Checked against the last word of a name (`accessToken`, `x-api-key`), so `keyType` or `createTokenWithScopes` stay visible. */
const SECRET_WORD = /(?:token|secret|password|passwd|signature|credential|key|sig)$/i;
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "ocp-apim-subscription-key"]);

export type LogLevel = "verbose" | "debug";

export interface Redactor {
  isSecret(name: string): boolean;
}

export function createRedactor(extraNames: readonly string[]): Redactor {
  const extra = new Set(extraNames.map((n) => n.toLowerCase()));
  return {
    isSecret: (name) =>
      extra.has(name.toLowerCase()) ||
      SECRET_HEADERS.has(name.toLowerCase()) ||
      SECRET_WORD.test(lastWord(name)) ||
      /connectionstring$/i.test(name.replace(/[^A-Za-z]/g, "")),
  };
}

function lastWord(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter(Boolean).at(-1) ?? "";
}

/** A URL with secret query parameters redacted. */
export function redactUrl(url: string, redactor: Redactor): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  for (const name of [...new Set(parsed.searchParams.keys())]) {
    if (redactor.isSecret(name)) parsed.searchParams.set(name, REDACTED);
  }
  parsed.username = parsed.username ? REDACTED : "";
  parsed.password = parsed.password ? REDACTED : "";
  return parsed.href;
}

/** JSON with every string or number under a secret-looking property replaced; other text is summarised. */
export function redactBody(text: string, contentType: string | null, redactor: Redactor): string {
  if (text === "") return "(empty)";
  if (!/json/i.test(contentType ?? "") && !/^\s*[{[]/.test(text)) return `(${new TextEncoder().encode(text).length} bytes of ${contentType ?? "unknown type"}, not shown)`;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return `(${text.length} characters that are not JSON, not shown)`;
  }
  const walk = (value: unknown, secret: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item: unknown) => walk(item, secret));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, redactor.isSecret(key))]));
    }
    return secret && (typeof value === "string" || typeof value === "number") ? REDACTED : value;
  };
  return JSON.stringify(walk(data, false));
}

function headerLines(headers: Headers, redactor: Redactor): string[] {
  return [...headers.entries()].map(([name, value]) => `    ${name}: ${redactor.isSecret(name) ? REDACTED : value}`);
}

/** Wraps `inner` so every request and response is written to `log`, line by line. */
export function loggingFetch(inner: typeof fetch, level: LogLevel, redactor: Redactor, log: (line: string) => void): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = redactUrl(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, redactor);
    const method = init?.method ?? "GET";
    const requestHeaders = new Headers(init?.headers);
    if (level === "debug") {
      log(`Request: ${method} ${url}`);
      for (const line of headerLines(requestHeaders, redactor)) log(line);
      const body = init?.body;
      if (typeof body === "string") log(`Request body: ${redactBody(body, requestHeaders.get("content-type"), redactor)}`);
      else if (body instanceof Uint8Array) log(`Request body: (${body.byteLength} bytes, not shown)`);
    }
    const started = Date.now();
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      log(`${method} ${url} failed after ${Date.now() - started} ms: ${(error as Error).message}`);
      throw error;
    }
    const elapsed = Date.now() - started;
    const requestId = response.headers.get("x-ms-request-id") ?? response.headers.get("x-request-id") ?? response.headers.get("request-id");
    log(`${method} ${url} -> ${response.status} ${response.statusText} (${elapsed} ms${requestId ? `, request id ${requestId}` : ""})`);
    if (level === "debug") {
      for (const line of headerLines(response.headers, redactor)) log(line);
      const text = await response.clone().text();
      log(`Response body: ${redactBody(text, response.headers.get("content-type"), redactor)}`);
    }
    return response;
  };
}
