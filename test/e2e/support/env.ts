/**
 * Where the e2e suites' requests go: straight to the local service, or through a proxy in front of
 * it (the Prism contract check). A suite asks its environment for a front for the service it started,
 * gives every client the environment's `fetch`, and announces the requests it sends invalid on
 * purpose, so that a contract checker can tell expected violations from real ones.
 */

export interface Front {
  /** What clients use as their endpoint (no trailing slash). */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** The service a suite started, as a front sees it. */
export interface Upstream {
  readonly url: string;
  /** Tells the service which host clients sign and address (when the front rewrites `Host`). */
  setPublicHost?(host: string): void;
}

export interface E2eEnv {
  readonly name: string;
  /** True when a proxy sits between clients and the service (fault-timing tests then stay direct). */
  readonly proxied: boolean;
  front(upstream: Upstream): Promise<Front>;
  /** The fetch every client of the suite uses; undefined for the global one. */
  readonly fetch: typeof fetch | undefined;
  /**
   * The next request is invalid on purpose: its `location` (e.g. `body.expiresInMinutes`,
   * `query.api-version`) breaks the document's constraints.
   */
  expectViolation(location: string): void;
}

/** Clients talk to the service directly. */
export const direct: E2eEnv = {
  name: "direct",
  proxied: false,
  front: (upstream) => Promise.resolve({ endpoint: upstream.url, close: () => Promise.resolve() }),
  fetch: undefined,
  expectViolation: () => undefined,
};
