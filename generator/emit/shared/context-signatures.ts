/**
 * The ways to create a context (and a client, which mirrors them), from the auth schemes and the
 * server URL, in the shapes users of `@azure/communication-identity` know:
 * `(connectionString, options?)` when an HMAC scheme documents connection strings, and
 * `(endpoint, credential, options?)`; when the endpoint has a default it moves into the options.
 */
import type { OptionalKind, ParameterDeclarationStructure } from "../../print/structures.ts";
import type { AuthPlan, EndpointPlan } from "../../plan/credentials.ts";
import type { ImportBinder } from "./import-binder.ts";
import type { DocTag } from "./jsdoc.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { CREDENTIAL_TYPES } from "../../ir/name-table.ts";

type Parameter = OptionalKind<ParameterDeclarationStructure>;

export interface Signature {
  readonly parameters: Parameter[];
  readonly description: string;
  readonly tags: DocTag[];
}

export interface ContextSignatures {
  readonly auth: AuthPlan;
  readonly endpoint: EndpointPlan;
  /** The credential type text, e.g. `KeyCredential | TokenCredential` (empty without auth). */
  readonly credential: string;
  /** Overloads; a single entry means no overloads are needed. */
  readonly signatures: readonly Signature[];
  /** The implementation's parameters (all of them optional-capable). */
  readonly implementation: Parameter[];
  /** The call that forwards the implementation's parameters to a function with these overloads. */
  readonly forward: (fn: string) => string;
}

export function contextSignatures(plan: PackagePlan, binder: ImportBinder): ContextSignatures {
  const { auth, endpoint } = plan;
  const credentialTypes = auth.kinds.map((kind) =>
    kind === "token"
      ? binder.type(modules.runtime("bearer-token"), "TokenCredential")
      : binder.type(modules.context, CREDENTIAL_TYPES[kind]),
  );
  const credential = credentialTypes.join(" | ");
  const optionsType = binder.type(modules.context, plan.names.client.clientOptions);
  const options: Parameter = { name: "options", type: optionsType, hasQuestionToken: true };
  const optionsTag: DocTag = {
    tagName: "param",
    text: "options - Retries, `fetch`, user agent and other client settings.",
  };
  const endpointParam: Parameter[] = endpoint.required ? [{ name: endpoint.parameter, type: "string" }] : [];
  const fallback = endpoint.isOrigin
    ? "The service endpoint, e.g. `https://<host>`."
    : `The \`${endpoint.parameter}\` part of the service URL.`;
  const endpointTags: DocTag[] = endpoint.required
    ? [{ tagName: "param", text: `${endpoint.parameter} - ${endpoint.description ?? fallback}` }]
    : [];
  const main: Signature = {
    parameters: [...endpointParam, ...(credential ? [{ name: "credential", type: credential }] : []), options],
    description: credential ? "Authenticates with a credential." : "Creates an unauthenticated client.",
    tags: [...endpointTags, ...(credential ? [{ tagName: "param", text: credentialDoc(auth) }] : []), optionsTag],
  };
  if (!auth.connectionString) {
    const names = main.parameters.map((p) => p.name);
    return {
      auth,
      endpoint,
      credential,
      signatures: [main],
      implementation: main.parameters,
      forward: (fn) => `${fn}(${names.join(", ")})`,
    };
  }
  const { endpointKey, keyKey } = auth.connectionString;
  const fromConnectionString: Signature = {
    parameters: [{ name: "connectionString", type: "string" }, options],
    description: "Authenticates with a connection string, as shown in the resource's keys.",
    tags: [
      { tagName: "param", text: `connectionString - \`${endpointKey}=https://<host>/;${keyKey}=<base64 key>\`.` },
      optionsTag,
    ],
  };
  const signatures = [fromConnectionString, main];
  if (endpoint.required) {
    return {
      auth,
      endpoint,
      credential,
      signatures,
      implementation: [
        { name: "endpointOrConnectionString", type: "string" },
        { name: "credentialOrOptions", type: `${credential} | ${optionsType}`, hasQuestionToken: true },
        options,
      ],
      forward: (fn) =>
        `${binder.value(modules.context, "isCredential")}(credentialOrOptions)\n` +
        `  ? ${fn}(endpointOrConnectionString, credentialOrOptions, options)\n` +
        `  : ${fn}(endpointOrConnectionString, credentialOrOptions)`,
    };
  }
  return {
    auth,
    endpoint,
    credential,
    signatures,
    implementation: [{ name: "connectionStringOrCredential", type: `string | ${credential}` }, options],
    forward: (fn) =>
      `typeof connectionStringOrCredential === "string"\n` +
      `  ? ${fn}(connectionStringOrCredential, options)\n` +
      `  : ${fn}(connectionStringOrCredential, options)`,
  };
}

function credentialDoc(auth: AuthPlan): string {
  const parts = auth.kinds.map((kind) =>
    kind === "token"
      ? "a token credential (anything with `getToken(scopes)`, e.g. from `@azure/identity`)"
      : kind === "key"
        ? "a key credential `{ key }` (e.g. `AzureKeyCredential` from `@azure/core-auth`)"
        : "a user name and password `{ username, password }`",
  );
  return `credential - ${parts.join(", or ")}.`;
}
