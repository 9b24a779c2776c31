/**
 * The client's diagnostics hook: a `logger` sees every attempt of every call (request, response,
 * retry, failure) as a structured event, with credentials already removed, so no logger (however
 * careless) can leak them. An environment variable (`AZURE_LOG_LEVEL` for Azure services, else
 * `<PACKAGE>_LOG_LEVEL`) turns on a logger that writes to stderr.
 */
import { REDACTED, redactHeaderValue } from "./redact-secrets.ts";

/** Levels, most detailed first, as Azure's SDKs name them. */
export type LogLevel = "verbose" | "info" | "warning" | "error";

/** One event of a call; `attempt` counts from 1 (redirects and retries are further attempts). */
export type LogEvent =
  | {
      readonly kind: "request";
      readonly level: LogLevel;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: "response";
      readonly level: LogLevel;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly status: number;
      readonly durationMs: number;
      readonly requestId: string | undefined;
    }
  | {
      readonly kind: "retry";
      readonly level: LogLevel;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | {
      readonly kind: "error";
      readonly level: LogLevel;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly durationMs: number;
      readonly error: string;
    };

/** Receives every event; `{ log(event) }` objects are accepted too. */
export type Logger = ((event: LogEvent) => void) | { log(event: LogEvent): void };

/**
 * Headers never shown by value besides those the shared rule calls secret (`authorization`, keys,
 * tokens, cookies): the body's digest, which for a short body (a token) could be guessed back.
 */
const hiddenHeaders = new Set(["x-ms-content-sha256"]);

/** Headers as a logger sees them: by the shared rule, plus the body's digest hidden. */
export const redactHeaders = (headers: Headers): Record<string, string> =>
  Object.fromEntries(
    [...headers].map(([name, value]) => [name, hiddenHeaders.has(name) ? REDACTED : redactHeaderValue(name, value)]),
  );

/**
 * Hands the event to `logger`; built only when there is one (redacting costs). A logger that throws
 * does not break the call.
 */
export const emit = (logger: Logger | undefined, build: () => LogEvent): void => {
  if (!logger) return;
  const event = build();
  try {
    if (typeof logger === "function") logger(event);
    else logger.log(event);
  } catch {
    // Logging is a side channel: its failures are not the call's.
  }
};

const levels: readonly LogLevel[] = ["verbose", "info", "warning", "error"];

/**
 * The logger the environment variable `name` asks for (`verbose`, `info`, `warning` or `error`,
 * any case): one line per event at that level or above, to stderr (`console.error`). `undefined`
 * when the variable is unset, unknown, or there is no environment (browsers).
 */
export const loggerFromEnv = (name: string): Logger | undefined => {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const wanted = levels.indexOf((env?.[name] ?? "").toLowerCase() as LogLevel);
  if (wanted < 0) return undefined;
  return (event) => {
    if (levels.indexOf(event.level) < wanted) return;
    const { kind, level, ...fields } = event;
    console.error(`${name.replace(/_LOG_LEVEL$/, "").toLowerCase()}:${level} ${kind} ${JSON.stringify(fields)}`);
  };
};
