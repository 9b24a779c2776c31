/**
 * The generated packages as the e2e suites drive them: each package's API is the shape of its client
 * class, reached two ways, through the class itself or through the tree-shakable operation functions
 * over a context (built with the per-credential factories, which bundle only their own signer).
 * The function adapters are typed against the class, so a signature that drifts fails `tsc`.
 *
 * The packages are imported from their sources (vitest resolves their `.js` specifiers to `.ts`).
 */
import * as apim from "../../../generated/packages/api-management-2022-08-01/src/index.ts";
import * as stable from "../../../generated/packages/communication-identity-2023-10-01/src/index.ts";
import * as preview from "../../../generated/packages/communication-identity-2025-03-02-preview/src/index.ts";
// The classes with one method per operation: the exported client extends them with the convenience
// methods of the naming file (`createUser`...), which `convenience-layer.test.ts` covers.
import { CommunicationIdentityClient as PreviewOperationsClient } from "../../../generated/packages/communication-identity-2025-03-02-preview/src/client.ts";
import { CommunicationIdentityClient as StableOperationsClient } from "../../../generated/packages/communication-identity-2023-10-01/src/client.ts";

export { apim, preview, PreviewOperationsClient, stable, StableOperationsClient };

/** A token credential, structurally the same in every package. */
export type TokenCredential = preview.TokenCredential;
/** An access token, as a token credential returns it. */
export type AccessToken = preview.AccessToken;

/** How a Communication Identity client authenticates. */
export type IdentityAuth =
  | { readonly kind: "connection string"; readonly connectionString: string }
  | { readonly kind: "key"; readonly endpoint: string; readonly credential: { readonly key: string } }
  | { readonly kind: "token"; readonly endpoint: string; readonly credential: TokenCredential };

/** One way of reaching a package's operations. */
export interface ApiStyle<Auth, Options, Api> {
  readonly name: "client class" | "operation functions";
  create(auth: Auth, options: Options): Api;
}

/** The public methods of a client class. */
type MethodsOf<T> = Pick<T, keyof T>;

// ---------------------------------------------------------------- communication-identity 2025-03-02-preview

export type PreviewApi = MethodsOf<PreviewOperationsClient>;
type PreviewOptions = preview.CommunicationIdentityClientOptions;

function previewClient(auth: IdentityAuth, options: PreviewOptions): PreviewApi {
  if (auth.kind === "connection string") return new preview.CommunicationIdentityClient(auth.connectionString, options);
  return new preview.CommunicationIdentityClient(auth.endpoint, auth.credential, options);
}

function previewContext(auth: IdentityAuth, options: PreviewOptions): preview.CommunicationIdentityClientContext {
  switch (auth.kind) {
    case "connection string":
      return preview.createCommunicationIdentityClientContextFromConnectionString(auth.connectionString, options);
    case "key":
      return preview.createCommunicationIdentityClientContextWithKey(auth.endpoint, auth.credential, options);
    case "token":
      return preview.createCommunicationIdentityClientContextWithTokenCredential(
        auth.endpoint,
        auth.credential,
        options,
      );
  }
}

/** Every operation of the preview package as a function over `context`. */
export function previewFunctions(context: preview.CommunicationIdentityClientContext): PreviewApi {
  return {
    createCommunicationIdentity: (body, options) => preview.createCommunicationIdentity(context, body, options),
    deleteCommunicationIdentity: (id, options) => preview.deleteCommunicationIdentity(context, id, options),
    getCommunicationIdentity: (id, options) => preview.getCommunicationIdentity(context, id, options),
    revokeAccessTokens: (id, options) => preview.revokeAccessTokens(context, id, options),
    issueAccessToken: (id, body, options) => preview.issueAccessToken(context, id, body, options),
    exchangeTeamsUserAccessToken: (body, options) => preview.exchangeTeamsUserAccessToken(context, body, options),
    exchangeTeamsExtensionToken: (body, options) => preview.exchangeTeamsExtensionToken(context, body, options),
    getTeamsExtensionAssignment: (tenantId, objectId, options) =>
      preview.getTeamsExtensionAssignment(context, tenantId, objectId, options),
    upsertTeamsExtensionAssignment: (tenantId, objectId, body, options) =>
      preview.upsertTeamsExtensionAssignment(context, tenantId, objectId, body, options),
    deleteTeamsExtensionAssignment: (tenantId, objectId, options) =>
      preview.deleteTeamsExtensionAssignment(context, tenantId, objectId, options),
    exchangeEntraIdToken: (body, options) => preview.exchangeEntraIdToken(context, body, options),
    getEntraIdAssignment: (objectId, options) => preview.getEntraIdAssignment(context, objectId, options),
    upsertEntraIdAssignment: (objectId, body, options) =>
      preview.upsertEntraIdAssignment(context, objectId, body, options),
    deleteEntraIdAssignment: (objectId, options) => preview.deleteEntraIdAssignment(context, objectId, options),
    updateEntraIdAssignments: (body, options) => preview.updateEntraIdAssignments(context, body, options),
    listEntraIdAssignments: (options) => preview.listEntraIdAssignments(context, options),
  };
}

export const previewStyles: readonly ApiStyle<IdentityAuth, PreviewOptions, PreviewApi>[] = [
  { name: "client class", create: previewClient },
  { name: "operation functions", create: (auth, options) => previewFunctions(previewContext(auth, options)) },
];

// ---------------------------------------------------------------- communication-identity 2023-10-01

export type StableApi = MethodsOf<StableOperationsClient>;
type StableOptions = stable.CommunicationIdentityClientOptions;

function stableContext(auth: IdentityAuth, options: StableOptions): stable.CommunicationIdentityClientContext {
  switch (auth.kind) {
    case "connection string":
      return stable.createCommunicationIdentityClientContextFromConnectionString(auth.connectionString, options);
    case "key":
      return stable.createCommunicationIdentityClientContextWithKey(auth.endpoint, auth.credential, options);
    case "token":
      return stable.createCommunicationIdentityClientContextWithTokenCredential(
        auth.endpoint,
        auth.credential,
        options,
      );
  }
}

/** Every operation of the 2023-10-01 package as a function over `context`. */
export function stableFunctions(context: stable.CommunicationIdentityClientContext): StableApi {
  return {
    createCommunicationIdentity: (body, options) => stable.createCommunicationIdentity(context, body, options),
    deleteCommunicationIdentity: (id, options) => stable.deleteCommunicationIdentity(context, id, options),
    revokeAccessTokens: (id, options) => stable.revokeAccessTokens(context, id, options),
    issueAccessToken: (id, body, options) => stable.issueAccessToken(context, id, body, options),
    exchangeTeamsUserAccessToken: (body, options) => stable.exchangeTeamsUserAccessToken(context, body, options),
  };
}

export const stableStyles: readonly ApiStyle<IdentityAuth, StableOptions, StableApi>[] = [
  {
    name: "client class",
    create: (auth, options) =>
      auth.kind === "connection string"
        ? new stable.CommunicationIdentityClient(auth.connectionString, options)
        : new stable.CommunicationIdentityClient(auth.endpoint, auth.credential, options),
  },
  { name: "operation functions", create: (auth, options) => stableFunctions(stableContext(auth, options)) },
];

// ---------------------------------------------------------------- api-management 2022-08-01

export type ApimApi = MethodsOf<apim.ApiManagementClient>;

export const apimStyles: readonly ApiStyle<TokenCredential, apim.ApiManagementClientOptions, ApimApi>[] = [
  { name: "client class", create: (credential, options) => new apim.ApiManagementClient(credential, options) },
  {
    name: "operation functions",
    create(credential, options) {
      const context = apim.createApiManagementClientContext(credential, options);
      return {
        userGetSharedAccessToken: (subscriptionId, resourceGroupName, serviceName, userId, body, callOptions) =>
          apim.userGetSharedAccessToken(
            context,
            subscriptionId,
            resourceGroupName,
            serviceName,
            userId,
            body,
            callOptions,
          ),
      };
    },
  },
];

// ---------------------------------------------------------------- coverage

const calledByStyle = new WeakMap<object, Set<string>>();

/** The operations called so far through APIs that `create` of `style` made (see {@link recordingStyle}). */
export function operationsCalled(style: object): ReadonlySet<string> {
  return calledByStyle.get(style) ?? new Set();
}

/**
 * The same style, except that every API it creates records which operations are called, so a test
 * can check at the end that the suites reached every operation of the package.
 */
export function recordingStyle<Auth, Options, Api extends object>(
  style: ApiStyle<Auth, Options, Api>,
): ApiStyle<Auth, Options, Api> {
  const called = calledByStyle.get(style) ?? new Set<string>();
  calledByStyle.set(style, called);
  return {
    name: style.name,
    create(auth, options) {
      const api = style.create(auth, options);
      return new Proxy(api, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== "function" || typeof property !== "string") return value;
          return (...args: unknown[]): unknown => {
            called.add(property);
            return Reflect.apply(value, target, args);
          };
        },
      });
    },
  };
}

/** The operation names of a client class (its prototype's methods). */
export function operationsOf(clientClass: { prototype: object }): string[] {
  return Object.getOwnPropertyNames(clientClass.prototype)
    .filter((name) => name !== "constructor")
    .sort();
}
