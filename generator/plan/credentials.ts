/**
 * How a client authenticates, derived from the spec's security schemes (nothing service-specific):
 * which credential kinds it accepts, whether a connection string works, and the endpoint rules.
 */
import { camelCase, safeIdentifier } from "../ir/naming.ts";
import type { ApiIR, AuthSchemeIR, BasicAuthIR, BearerAuthIR, HmacAuthIR, ApiKeyAuthIR } from "../ir/types.ts";

/** `key`: `{ key }` (HMAC signing or an API key); `token`: a `TokenCredential`; `basic`: `{ username, password }`. */
export type CredentialKind = "key" | "token" | "basic";

export interface AuthPlan {
  /** Accepted credential kinds, in the spec's order of schemes. */
  readonly kinds: readonly CredentialKind[];
  readonly key?: HmacAuthIR | ApiKeyAuthIR;
  readonly token?: BearerAuthIR;
  readonly basic?: BasicAuthIR;
  /** Present when the HMAC scheme documents `endpoint=...;accesskey=...` connection strings. */
  readonly connectionString?: NonNullable<HmacAuthIR["connectionString"]>;
}

export function authPlan(api: ApiIR): AuthPlan {
  const kinds: CredentialKind[] = [];
  let key: HmacAuthIR | ApiKeyAuthIR | undefined;
  let token: BearerAuthIR | undefined;
  let basic: BasicAuthIR | undefined;
  for (const scheme of api.auth) {
    const kind = credentialKind(scheme);
    if (kinds.includes(kind)) continue;
    kinds.push(kind);
    if (scheme.kind === "hmac" || scheme.kind === "apiKey") key = scheme;
    else if (scheme.kind === "bearer") token = scheme;
    else basic = scheme;
  }
  const connectionString = key?.kind === "hmac" ? key.connectionString : undefined;
  return {
    kinds,
    ...(key ? { key } : {}),
    ...(token ? { token } : {}),
    ...(basic ? { basic } : {}),
    ...(connectionString ? { connectionString } : {}),
  };
}

/** A way to authenticate that gets a factory of its own: a credential kind, or a connection string. */
export type AuthRoute = CredentialKind | "connectionString";

/**
 * The routes that get their own context factory: only when there is more than one, because a
 * factory that accepts several credentials must bundle every signer it might pick.
 */
export function dedicatedRoutes(auth: AuthPlan): AuthRoute[] {
  const routes: AuthRoute[] = [...(auth.connectionString ? (["connectionString"] as const) : []), ...auth.kinds];
  return routes.length > 1 ? routes : [];
}

/** The suffix of a dedicated factory's name: `create<Client>Context<suffix>`. */
export const routeSuffix: Record<AuthRoute, string> = {
  connectionString: "FromConnectionString",
  key: "WithKey",
  token: "WithTokenCredential",
  basic: "WithBasicCredential",
};

function credentialKind(scheme: AuthSchemeIR): CredentialKind {
  return scheme.kind === "bearer" ? "token" : scheme.kind === "basic" ? "basic" : "key";
}

export interface EndpointPlan {
  /** Whether the caller must pass the endpoint (else it is `options.endpoint`, defaulting to `defaultUrl`). */
  readonly required: boolean;
  readonly defaultUrl?: string;
  /** The caller's parameter: `endpoint`, or the server variable it fills (e.g. `account`). */
  readonly parameter: string;
  /** What the caller's endpoint stands for, for docs. */
  readonly description?: string;
  /** The base URL as an expression over the caller's endpoint `expr` (e.g. a template for `{endpoint}/v1`). */
  readonly baseUrl: (expr: string) => string;
  /** Whether the caller's endpoint is the whole base URL (so it can be validated as an origin). */
  readonly isOrigin: boolean;
}

/**
 * The server URL template decides: all variables defaulted -> optional endpoint with that default;
 * one variable without default -> the caller's endpoint fills it; otherwise, or for a relative
 * URL, the caller gives the whole base URL.
 */
export function endpointPlan(api: ApiIR): EndpointPlan {
  const { url, variables } = api.server;
  const defaults = new Map(variables.flatMap((v) => (v.default === undefined ? [] : [[v.name, v.default] as const])));
  const used = [...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
  const undefaulted = used.filter((name) => !defaults.has(name));
  /** The URL as template literal text: `name` becomes `${expr}`, other variables their defaults. */
  const fill = (name: string | undefined, expr: string): string =>
    url
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const variable = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (variable !== undefined && variable === name) return `\${${expr}}`;
        return escapeTemplate(variable === undefined ? part : (defaults.get(variable) ?? part));
      })
      .join("");
  const absolute = /^https?:\/\//i.test(url) || url.startsWith("{");
  if (absolute && undefaulted.length === 0) {
    const defaultUrl = url.replace(/\{([^}]+)\}/g, (whole, name: string) => defaults.get(name) ?? whole);
    const description = variables.find((v) => v.name === used[0])?.description;
    return {
      required: false,
      parameter: "endpoint",
      defaultUrl,
      ...(description ? { description } : {}),
      baseUrl: (expr) => expr,
      isOrigin: true,
    };
  }
  const [only] = undefaulted;
  if (absolute && undefaulted.length === 1 && only !== undefined) {
    const description = variables.find((v) => v.name === only)?.description;
    const isOrigin = url === `{${only}}`;
    return {
      required: true,
      parameter: isOrigin ? "endpoint" : safeIdentifier(camelCase(only), "endpoint"),
      ...(description ? { description } : {}),
      baseUrl: (expr) => (isOrigin ? expr : `\`${fill(only, expr)}\``),
      isOrigin,
    };
  }
  if (!absolute && url !== "") {
    // Concatenated, not a template: ts-morph's writer mis-tracks a regex inside a template literal.
    const path = url.replace(/\{([^}]+)\}/g, (whole, name: string) => defaults.get(name) ?? whole);
    return {
      required: true,
      parameter: "endpoint",
      baseUrl: (expr) => `${expr}.replace(/\\/+$/, "") + ${JSON.stringify(path)}`,
      isOrigin: false,
    };
  }
  return { required: true, parameter: "endpoint", baseUrl: (expr) => expr, isOrigin: true };
}

function escapeTemplate(text: string): string {
  return text.replace(/[`\\]|\$\{/g, (m) => `\\${m}`);
}
