/**
 * Which redirects the transport follows (it fetches with `redirect: "manual"`): 301, 302, 303, 307
 * and 308 to the origin the request went to, at most ten in a call, each one signed afresh. A
 * redirect elsewhere would hand the credentials (an API key header, a bearer token, a signature)
 * and the body to whoever the `Location` names, and return that host's answer as the service's, so
 * it is refused; so is a redirect a browser hides (`redirect: "manual"` there gives an opaque
 * response with status 0, whatever the target).
 */
import { RedirectError } from "./errors.ts";

/** Redirects followed in one call at most. */
export const maxRedirects = 10;

/**
 * Where `response` redirects to, when it is a redirect the transport follows; `undefined` when it is
 * not a redirect. Throws {@link RedirectError} for one it refuses; the message names the target's
 * origin only (its path and query may carry tokens).
 */
export const redirectTarget = (response: { status: number; headers: Headers }, from: URL): URL | undefined => {
  const { status } = response;
  const location = response.headers.get("location");
  if (status === 0)
    throw new RedirectError(`Refusing to follow a redirect the browser hides: it may leave ${from.origin}`);
  if (![301, 302, 303, 307, 308].includes(status) || location === null) return undefined;
  let target: URL | undefined;
  try {
    target = new URL(location, from);
  } catch {
    // Unparseable: refused like another origin.
  }
  return sameOrigin(target, from, "a redirect");
};

/**
 * `target` when it has the origin of `from`; else throws {@link RedirectError} naming both origins
 * (never the path or query, which may carry tokens). `what` says what pointed there ("a redirect").
 */
export const sameOrigin = (target: URL | undefined, from: URL, what: string): URL => {
  if (target?.origin !== from.origin)
    throw new RedirectError(
      `Refusing to follow ${what} to ${target?.origin ?? "an invalid URL"}: it leaves ${from.origin}`,
    );
  return target;
};
