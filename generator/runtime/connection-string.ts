/**
 * Connection strings of the form `endpoint=<url>;accesskey=<base64 key>`, and endpoint validation.
 * Error messages never echo the connection string, the key or the endpoint.
 */
import { endpointUrl, invalidEndpoint } from "./request-url.ts";

/** The parts of a connection string. */
export interface ConnectionStringParts {
  /** The service endpoint, validated, without a trailing slash. */
  endpoint: string;
  /** The access key, exactly as written (still base64). */
  accessKey: string;
}

/** The key names of a connection string, as the service documents them. */
export interface ConnectionStringKeys {
  readonly endpointKey: string;
  readonly keyKey: string;
}

const defaultKeys: ConnectionStringKeys = { endpointKey: "endpoint", keyKey: "accesskey" };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Checks that `endpoint` is an `http(s)` URL with a host and no path (other than `/`), query, fragment
 * or user info,
 * and returns it without the trailing slash (in URL-normalised form, e.g. a lower-case host).
 * Throws `Invalid endpoint URL: ...` otherwise, without the value: what was passed may be a
 * connection string, or carry a signature in its query or a password before its host.
 */
export const validateEndpoint = (endpoint: string): string => {
  const url = endpointUrl(endpoint);
  // `http(s)` URLs always have a host and a path of at least `/` (the parser rejects them otherwise),
  // so this rules out a path, a query, a fragment and user info (which would be silently dropped).
  if (url.href !== `${url.origin}/`) throw invalidEndpoint();
  return url.origin;
};

/** The endpoint's origin, or `undefined` when {@link validateEndpoint} refuses it. */
const checkEndpoint = (endpoint: string): string | undefined => {
  try {
    return validateEndpoint(endpoint);
  } catch {
    return undefined;
  }
};

/**
 * Parses `endpoint=<url>;accesskey=<key>` (or the key names given); throws an error that does not
 * contain the input. Same semantics as the official SDK's `endpoint=(.*);accesskey=(.*)`
 * (case-insensitive, greedy): the endpoint runs up to the LAST `;accesskey=`, the key is everything
 * after it (a trailing `;` is kept). Unlike the SDK, the match is anchored at the start and
 * surrounding whitespace is trimmed.
 */
export const parseConnectionString = (
  value: string,
  keys: ConnectionStringKeys = defaultKeys,
): ConnectionStringParts => {
  const pattern = new RegExp(`^${escapeRegExp(keys.endpointKey)}=(.*);${escapeRegExp(keys.keyKey)}=(.*)$`, "i");
  const expectedShape = `Invalid connection string: expected "${keys.endpointKey}=<url>;${keys.keyKey}=<key>"`;
  const match = pattern.exec(value.trim());
  const endpoint = match?.[1];
  const accessKey = match?.[2];
  if (!endpoint || !accessKey) throw new Error(expectedShape);
  // The endpoint capture may contain key material when the string is malformed, so it is not echoed either.
  const normalised = checkEndpoint(endpoint);
  if (normalised === undefined) {
    throw new Error(`${expectedShape}; the endpoint must be an http(s) URL with a host and no path`);
  }
  return { endpoint: normalised, accessKey };
};
