/**
 * When to retry and how long to wait: retriable statuses, server hints (`retry-after-ms`,
 * `x-ms-retry-after-ms`, `Retry-After`) and exponential backoff with jitter.
 */

/** Retry settings for one client. */
export interface RetryOptions {
  /** Retries after the first attempt; `0` disables retries. */
  maxRetries: number;
  /** Base delay of the exponential backoff, in milliseconds. */
  initialDelayMs: number;
  /** Upper bound of the computed backoff, in milliseconds; a server hint to wait longer is not waited for (the call fails). */
  maxDelayMs: number;
}

/** The defaults: 3 retries, 800 ms initial delay, 60 s maximum delay. */
export const defaultRetryOptions: RetryOptions = { maxRetries: 3, initialDelayMs: 800, maxDelayMs: 60_000 };

/** True for 408, 429, 500, 502, 503 and 504. */
export const isRetriableStatus = (status: number): boolean => [408, 429, 500, 502, 503, 504].includes(status);

/** The delay `value` asks for, in milliseconds: `unit` ms per number, or (`dates`, for `Retry-After`) until an HTTP date. */
const parseDelay = (value: string | null | undefined, unit: number, dates?: boolean): number | undefined => {
  if (!value?.trim()) return undefined;
  const amount = Number(value);
  const delay = Number.isFinite(amount) ? amount * unit : dates ? Date.parse(value) - Date.now() : NaN;
  return Number.isNaN(delay) ? undefined : Math.max(0, delay);
};

/**
 * Milliseconds to wait before the next attempt.
 * @param attempt zero-based index of the attempt that just failed (0 after the first attempt).
 * @param options retry settings.
 * @param response the failed response, if any; its retry hints win, as given (`sendRequest` does not
 * retry when one exceeds `maxDelayMs`).
 * @param random source of jitter in [0, 1), for tests.
 * Without hints: equal jitter over `min(maxDelayMs, initialDelayMs * 2^attempt)`, i.e. between half and all of it.
 */
export const retryDelayMs = (
  attempt: number,
  options: RetryOptions,
  response?: { readonly headers: Headers },
  random: () => number = Math.random,
): number => {
  const header = (name: string) => response?.headers.get(name);
  const capped = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, attempt));
  return (
    parseDelay(header("retry-after-ms"), 1) ??
    parseDelay(header("x-ms-retry-after-ms"), 1) ??
    parseDelay(header("retry-after"), 1000, true) ??
    capped / 2 + random() * (capped / 2)
  );
};

/** Resolves after `ms` milliseconds; rejects with `signal.reason` as soon as `signal` aborts. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    signal?.throwIfAborted(); // a throw in the executor rejects the promise, here with `signal.reason`
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
