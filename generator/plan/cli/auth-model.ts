/**
 * The credential and endpoint flags of a package's CLI and the ways they combine, from the spec's
 * security schemes and server URL (through `credentials.ts`, the same reading the context factory
 * is built from). Environment variables come only from the naming layer.
 */
import type { AuthPlan, EndpointPlan } from "../credentials.ts";
import type { FlagSpec } from "../../runtime/cli/program.ts";

export type AuthRouteKind = "connectionString" | "key" | "token" | "basic" | "none";

export interface AuthRouteModel {
  readonly kind: AuthRouteKind;
  readonly uses: readonly string[];
  readonly endpoint: "required" | "optional" | "none";
}

export interface AuthModel {
  readonly flags: readonly FlagSpec[];
  /** In order of preference: the connection string, then the spec's schemes in spec order. */
  readonly routes: readonly AuthRouteModel[];
}

const STRING = { kind: "string" } as const;

export function authModel(plan: AuthPlan, endpoint: EndpointPlan, environment: ReadonlyMap<string, string>): AuthModel {
  const flags: FlagSpec[] = [];
  const routes: AuthRouteModel[] = [];
  const add = (name: string, help: string, fallback?: string) => {
    const env = environment.get(name);
    flags.push({
      name,
      help,
      type: STRING,
      ...(fallback !== undefined ? { default: fallback } : {}),
      ...(env ? { env } : {}),
    });
  };
  const withEndpoint = endpoint.required ? "required" : "optional";
  if (plan.connectionString) {
    const { endpointKey, keyKey } = plan.connectionString;
    add(
      "connection-string",
      `Connection string of the resource, \`${endpointKey}=https://<host>/;${keyKey}=<base64 key>\`, as shown with its keys.`,
    );
    routes.push({ kind: "connectionString", uses: ["connection-string"], endpoint: "none" });
  }
  const described = endpoint.description
    ?.replace(/\s+/g, " ")
    .trim()
    .replace(/([^.!?])$/, "$1.");
  const about =
    described ||
    (endpoint.isOrigin
      ? "The service endpoint, e.g. https://<host>."
      : `The \`${endpoint.parameter}\` part of the service URL.`);
  const credentialNote =
    plan.kinds.length > 0
      ? ` Used with ${[plan.key ? (plan.key.kind === "hmac" ? "--access-key" : "--api-key") : "", plan.token ? "--access-token" : "", plan.basic ? "--username" : ""].filter(Boolean).join(" or ")}.`
      : "";
  add("endpoint", `${about}${credentialNote}`, endpoint.required ? undefined : endpoint.defaultUrl);
  for (const kind of plan.kinds) {
    if (kind === "key" && plan.key) {
      if (plan.key.kind === "hmac") {
        add("access-key", "Access key of the resource (base64): requests are signed with it (HMAC-SHA256).");
        routes.push({ kind: "key", uses: ["access-key"], endpoint: withEndpoint });
      } else {
        add("api-key", `API key, sent in the \`${plan.key.name}\` ${plan.key.in}.`);
        routes.push({ kind: "key", uses: ["api-key"], endpoint: withEndpoint });
      }
    } else if (kind === "token" && plan.token) {
      const scopes = plan.token.scopes.length > 0 ? ` for ${plan.token.scopes.join(" ")}` : "";
      add(
        "access-token",
        `A Microsoft Entra ID (OAuth) access token${scopes}, sent as \`Authorization: Bearer\`; e.g. from \`az account get-access-token\`.`,
      );
      routes.push({ kind: "token", uses: ["access-token"], endpoint: withEndpoint });
    } else if (kind === "basic") {
      add("username", "User name for HTTP basic authentication.");
      add("password", "Password for HTTP basic authentication.");
      routes.push({ kind: "basic", uses: ["username", "password"], endpoint: withEndpoint });
    }
  }
  if (routes.length === 0) routes.push({ kind: "none", uses: [], endpoint: withEndpoint });
  return { flags, routes };
}
