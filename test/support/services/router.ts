/**
 * Path templates shared by the local test services and the fault injector.
 *
 * A template such as `/identities/{id}/:issueAccessToken` is matched segment by segment against the
 * request path: `{name}` captures one segment (percent-decoded), every other segment compares
 * literally. Literal `:` in operation segments needs no escaping, and a percent-encoded id
 * (`8%3Aacs%3A...`) decodes before it is captured.
 */

/** A route: an HTTP method plus a path template; services add their own fields. */
export interface RouteShape {
  readonly method: string;
  readonly path: string;
}

export type RouteMatch<R extends RouteShape> =
  | { readonly kind: "found"; readonly route: R; readonly params: Record<string, string> }
  | { readonly kind: "method-not-allowed"; readonly allow: string[] }
  | { readonly kind: "not-found" };

/** Splits a raw pathname into decoded segments; `undefined` when a percent escape is malformed. */
export function pathSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split("/")
      .slice(1)
      .map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}

/**
 * Matches decoded segments against a template; returns the captured parameters or `undefined`.
 * `caseInsensitive` compares literal segments case-insensitively (ARM paths are case-insensitive).
 */
export function matchTemplate(
  template: string,
  segments: readonly string[],
  caseInsensitive = false,
): Record<string, string> | undefined {
  const parts = template.split("/").slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const segment = segments[i] ?? "";
    if (part.startsWith("{") && part.endsWith("}")) {
      if (segment === "") return undefined;
      params[part.slice(1, -1)] = segment;
    } else if (caseInsensitive ? part.toLowerCase() !== segment.toLowerCase() : part !== segment) {
      return undefined;
    }
  }
  return params;
}

/** Finds the route for a method and path, telling "no such path" (404) from "wrong method" (405). */
export function findRoute<R extends RouteShape>(
  routes: readonly R[],
  method: string,
  segments: readonly string[],
  caseInsensitive = false,
): RouteMatch<R> {
  const allow: string[] = [];
  for (const route of routes) {
    const params = matchTemplate(route.path, segments, caseInsensitive);
    if (!params) continue;
    if (route.method === method) return { kind: "found", route, params };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: "method-not-allowed", allow } : { kind: "not-found" };
}
