/**
 * `--verbose` and `--debug`: a `fetch` wrapper, handed to the package's context, that logs each
 * attempt to stderr. `--verbose` logs one line per exchange; `--debug` adds headers and bodies.
 * Credentials never reach the log: secret headers, query parameters and JSON properties, and the
 * values under them, are replaced by `REDACTED` by the package's one rule (`runtime/redact-secrets.ts`,
 * which the library's errors use too), plus the names the spec and its naming layer declare secret.
 */
import { isSecretName, redactBodyText, redactHeaderValue, redactUrl as redactSharedUrl } from "../redact-secrets.ts";

export type LogLevel = "verbose" | "debug";

export interface Redactor {
  isSecret(name: string): boolean;
}

/** The rule, plus `extraNames` (compared ignoring case). */
export function createRedactor(extraNames: readonly string[]): Redactor {
  const extra = new Set(extraNames.map((n) => n.toLowerCase()));
  return { isSecret: (name) => extra.has(name.toLowerCase()) || isSecretName(name) };
}

/** A URL with user info and secret query parameters redacted (the shared rule, plus the spec's names). */
export const redactUrl = (url: string, redactor: Redactor): string => redactSharedUrl(url, redactor.isSecret);

/** JSON (or what looks like JSON) with secrets hidden, by the shared rule; other text is summarised. */
export function redactBody(text: string, contentType: string | null, redactor: Redactor): string {
  if (text === "") return "(empty)";
  if (!/json/i.test(contentType ?? "") && !/^\s*[{[]/.test(text))
    return `(${new TextEncoder().encode(text).length} bytes of ${contentType ?? "unknown type"}, not shown)`;
  return redactBodyText(text, redactor.isSecret);
}

function headerLines(headers: Headers, redactor: Redactor): string[] {
  return [...headers.entries()].map(
    ([name, value]) => `    ${name}: ${redactHeaderValue(name, value, redactor.isSecret)}`,
  );
}

/** Wraps `inner` so every request and response is written to `log`, line by line. */
export function loggingFetch(
  inner: typeof fetch,
  level: LogLevel,
  redactor: Redactor,
  log: (line: string) => void,
): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = redactUrl(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, redactor);
    const method = init?.method ?? "GET";
    const requestHeaders = new Headers(init?.headers);
    if (level === "debug") {
      log(`Request: ${method} ${url}`);
      for (const line of headerLines(requestHeaders, redactor)) log(line);
      const body = init?.body;
      if (typeof body === "string")
        log(`Request body: ${redactBody(body, requestHeaders.get("content-type"), redactor)}`);
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
    const requestId =
      response.headers.get("x-ms-request-id") ??
      response.headers.get("x-request-id") ??
      response.headers.get("request-id");
    log(
      `${method} ${url} -> ${response.status} ${response.statusText} (${elapsed} ms${requestId ? `, request id ${requestId}` : ""})`,
    );
    if (level === "debug") {
      for (const line of headerLines(response.headers, redactor)) log(line);
      const text = await response.clone().text();
      log(`Response body: ${redactBody(text, response.headers.get("content-type"), redactor)}`);
    }
    return response;
  };
}
