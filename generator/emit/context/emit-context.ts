/**
 * `src/context.ts`: the client context every operation function takes, its factory, the client
 * options and the credential types. Credentials are told apart structurally: a `getToken`
 * function means a token credential, a `username` a basic credential, a `key` string a key.
 */
import type {
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  StatementStructures,
} from "../../print/structures.ts";
import { contextSignatures, type ContextSignatures } from "../shared/context-signatures.ts";
import { credentialStatements, credentialType, signerFor } from "./credential-signers.ts";
import { ImportBinder } from "../shared/import-binder.ts";
import { docs } from "../shared/jsdoc.ts";
import { logLevelVariable } from "../../plan/package-info.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import { sourceFile, type SourceFilePlan } from "../../print/source-file.ts";
import { CONST_DECLARATION, StructureKind } from "../../print/structure-kinds.ts";
import { CREDENTIAL_TYPES } from "../../ir/name-table.ts";

export function emitContext(plan: PackagePlan): SourceFilePlan[] {
  const { client } = plan.names;
  const binder = new ImportBinder(modules.context, [
    client.context,
    client.contextFactory,
    ...client.dedicatedFactories.map((f) => f.name),
    client.clientOptions,
    CREDENTIAL_TYPES.key,
    CREDENTIAL_TYPES.basic,
    "isCredential",
    "userAgent",
    "contextFor",
  ]);
  const signatures = contextSignatures(plan, binder);
  const statements: StatementStructures[] = [
    userAgentConst(plan),
    ...credentialTypes(signatures),
    optionsInterface(plan, binder, signatures),
    contextInterface(plan, binder),
    factory(plan, binder, signatures),
    ...dedicatedFactories(plan, binder, signatures),
    ...credentialStatements(binder, signatures),
    contextFor(plan, binder),
  ];
  return [sourceFile(modules.context, binder.imports(), statements)];
}

function userAgentConst(plan: PackagePlan): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: CONST_DECLARATION,
    docs: docs("The `user-agent` of every request: this package and its version."),
    declarations: [{ name: "userAgent", initializer: JSON.stringify(`${plan.pkg.name}/${plan.pkg.version}`) }],
  };
}

function credentialTypes(signatures: ContextSignatures): InterfaceDeclarationStructure[] {
  const types: InterfaceDeclarationStructure[] = [];
  if (signatures.auth.kinds.includes("key")) {
    types.push({
      kind: StructureKind.Interface,
      name: CREDENTIAL_TYPES.key,
      isExported: true,
      docs: docs(
        "An access key; `AzureKeyCredential` from `@azure/core-auth` is one. The key is read for every " +
          "request, so a rotated key is used at once.",
      ),
      properties: [{ name: "key", type: "string", isReadonly: true, docs: docs("The key.") }],
    });
  }
  if (signatures.auth.kinds.includes("basic")) {
    types.push({
      kind: StructureKind.Interface,
      name: CREDENTIAL_TYPES.basic,
      isExported: true,
      docs: docs("A user name and password for HTTP Basic authentication."),
      properties: [
        { name: "username", type: "string", isReadonly: true, docs: docs("The user name.") },
        { name: "password", type: "string", isReadonly: true, docs: docs("The password.") },
      ],
    });
  }
  return types;
}

function optionsInterface(
  plan: PackagePlan,
  binder: ImportBinder,
  signatures: ContextSignatures,
): InterfaceDeclarationStructure {
  const { endpoint } = signatures;
  const usesApiVersion = plan.api.operations.some((op) => op.parameters.some((p) => p.clientValue === "api-version"));
  const retry = binder.type(modules.runtime("retry-policy"), "RetryOptions");
  return {
    kind: StructureKind.Interface,
    name: plan.names.client.clientOptions,
    isExported: true,
    docs: docs(`Settings of {@link ${plan.names.client.client}} and {@link ${plan.names.client.contextFactory}}.`),
    properties: [
      ...(endpoint.required
        ? []
        : [
            {
              name: "endpoint",
              type: "string",
              hasQuestionToken: true,
              docs: docs(
                `${endpoint.description ?? "The service endpoint."}\n\nDefault: \`${endpoint.defaultUrl ?? ""}\`.`,
              ),
            },
          ]),
      ...(usesApiVersion
        ? [
            {
              name: "apiVersion",
              type: "string",
              hasQuestionToken: true,
              docs: docs(
                `The \`api-version\` to call. Default: \`${plan.api.apiVersion}\`, the version this package was generated for.`,
              ),
            },
          ]
        : []),
      {
        name: "retry",
        type: `Partial<${retry}>`,
        hasQuestionToken: true,
        docs: docs("Retries of failed requests (408, 429, 5xx, network errors); `{ maxRetries: 0 }` disables them."),
      },
      {
        name: "fetch",
        type: "typeof fetch",
        hasQuestionToken: true,
        docs: docs("A custom `fetch`; the global one by default."),
      },
      {
        name: "userAgentPrefix",
        type: "string",
        hasQuestionToken: true,
        docs: docs("Prepended to the `user-agent` header, e.g. your application's name and version."),
      },
      {
        name: "logger",
        type: binder.type(modules.runtime("logging"), "Logger"),
        hasQuestionToken: true,
        docs: docs(
          "Sees every attempt of every call: the request (method, URL and headers, credentials replaced by `REDACTED`), " +
            `the response (status, duration), retries and failures. Default: a log to stderr when \`${logLevelVariable(plan.pkg, plan.api.azure)}\` ` +
            "is `verbose`, `info`, `warning` or `error`, else none.",
        ),
      },
    ],
  };
}

function contextInterface(plan: PackagePlan, binder: ImportBinder): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: plan.names.client.context,
    isExported: true,
    extends: [binder.type(modules.runtime("send-request"), "ClientContext")],
    docs: docs(
      `What every operation function of this package takes first: endpoint, authentication, retries, ` +
        `user agent and API version. Create it with {@link ${plan.names.client.contextFactory}}.`,
    ),
    properties: [{ name: "apiVersion", type: "string", isReadonly: true, docs: docs(apiVersionDoc(plan)) }],
  };
}

/** What `apiVersion` is for: only operations that declare an `api-version` query parameter send it. */
function apiVersionDoc(plan: PackagePlan): string {
  const sending = plan.api.operations.filter((op) => op.parameters.some((p) => p.clientValue === "api-version")).length;
  if (sending === plan.api.operations.length) return "The `api-version` sent to the service.";
  const version = "The API version of this package (the document's `info.version`)";
  if (sending > 0) return `${version}, sent as \`api-version\` by the operations that declare that query parameter.`;
  return `${version}. The spec declares no \`api-version\` parameter, so it is not sent; a service that wants one gets it through an operation's \`query\` option.`;
}

function factory(plan: PackagePlan, binder: ImportBinder, signatures: ContextSignatures): FunctionDeclarationStructure {
  const { client } = plan.names;
  const overloaded = signatures.signatures.length > 1;
  const description = (text: string): string =>
    `Creates the context the operation functions take. ${text}\n\nThe functions and the context are the tree-shakable alternative to {@link ${client.client}}.`;
  const [only] = signatures.signatures;
  const implementation = overloaded ? signatures.implementation : (only?.parameters ?? []);
  return {
    kind: StructureKind.Function,
    name: client.contextFactory,
    isExported: true,
    overloads: overloaded
      ? signatures.signatures.map((s) => ({
          parameters: s.parameters,
          returnType: client.context,
          docs: docs(description(s.description), s.tags),
        }))
      : [],
    parameters: implementation.map((p) =>
      p.name === "options" ? { ...p, hasQuestionToken: false, initializer: "{}" } : p,
    ),
    returnType: client.context,
    docs: overloaded ? [] : docs(description(only?.description ?? ""), only?.tags ?? []),
    statements: factoryBody(binder, signatures),
  };
}

/** How the factories turn what the caller passed into the context's base URL. */
function endpointExpressions(binder: ImportBinder, signatures: ContextSignatures) {
  const { auth, endpoint } = signatures;
  const validate = (expr: string): string =>
    auth.key?.kind === "hmac" && endpoint.isOrigin
      ? `${binder.value(modules.runtime("connection-string"), "validateEndpoint")}(${expr})`
      : expr;
  const base = (expr: string): string => endpoint.baseUrl(validate(expr));
  const fromCaller = endpoint.required
    ? base(endpoint.parameter)
    : `options.endpoint ?? ${JSON.stringify(endpoint.defaultUrl ?? "")}`;
  const fromConnectionString = (input: string, signer: (key: string) => string, options: string): string[] => {
    const parse = binder.value(modules.runtime("connection-string"), "parseConnectionString");
    const { endpointKey, keyKey } = auth.connectionString ?? { endpointKey: "endpoint", keyKey: "accesskey" };
    // The runtime's default key names are `endpoint` and `accesskey`; other names are passed along.
    const keys =
      endpointKey === "endpoint" && keyKey === "accesskey" ? "" : `, ${JSON.stringify({ endpointKey, keyKey })}`;
    return [
      `const { endpoint, accessKey } = ${parse}(${input}${keys});`,
      // A connection string holds the whole origin, whatever the server URL template looks like.
      `return contextFor(${endpoint.isOrigin ? endpoint.baseUrl("endpoint") : "endpoint"}, ${signer("{ key: accessKey }")}, ${options});`,
    ];
  };
  return { base, fromCaller, fromConnectionString };
}

function factoryBody(binder: ImportBinder, signatures: ContextSignatures): string[] {
  const { auth, endpoint } = signatures;
  const { base, fromCaller, fromConnectionString: connectionStringBody } = endpointExpressions(binder, signatures);
  const defaulted = `options.endpoint ?? ${JSON.stringify(endpoint.defaultUrl ?? "")}`;
  const signer = auth.kinds.length > 0 ? "createSigner(credential)" : "undefined";
  if (!auth.connectionString) return [`return contextFor(${fromCaller}, ${signer}, options);`];
  const fromConnectionString = (input: string, options: string): string[] =>
    connectionStringBody(input, (key) => `createSigner(${key})`, options);
  if (endpoint.required) {
    return [
      `if (isCredential(credentialOrOptions)) {\n  return contextFor(${base("endpointOrConnectionString")}, createSigner(credentialOrOptions), options);\n}`,
      ...fromConnectionString("endpointOrConnectionString", "credentialOrOptions ?? {}"),
    ];
  }
  return [
    `if (typeof connectionStringOrCredential !== "string") {\n  return contextFor(${defaulted}, createSigner(connectionStringOrCredential), options);\n}`,
    ...fromConnectionString("connectionStringOrCredential", "options"),
  ];
}

/**
 * `create<Client>ContextWithKey(endpoint, credential)` and the like: one per way of authenticating,
 * when there are several, so that a bundle holds only the signer it uses.
 */
function dedicatedFactories(
  plan: PackagePlan,
  binder: ImportBinder,
  signatures: ContextSignatures,
): FunctionDeclarationStructure[] {
  const { client } = plan.names;
  const { auth, endpoint } = signatures;
  const { fromCaller, fromConnectionString } = endpointExpressions(binder, signatures);
  const options = { name: "options", type: client.clientOptions, initializer: "{}" };
  const optionsTag = { tagName: "param", text: "options - Retries, `fetch`, user agent and other client settings." };
  const endpointParameters = endpoint.required ? [{ name: endpoint.parameter, type: "string" }] : [];
  const endpointTags = endpoint.required
    ? [{ tagName: "param", text: `${endpoint.parameter} - ${endpoint.description ?? "The service endpoint."}` }]
    : [];
  const note = `Only this way of authenticating is bundled; {@link ${client.contextFactory}} accepts them all.`;
  return client.dedicatedFactories.map(({ route, name }) => {
    if (route === "connectionString") {
      const { endpointKey, keyKey } = auth.connectionString ?? { endpointKey: "endpoint", keyKey: "accesskey" };
      return {
        kind: StructureKind.Function,
        name,
        isExported: true,
        parameters: [{ name: "connectionString", type: "string" }, options],
        returnType: client.context,
        docs: docs(`Creates the context the operation functions take, from a connection string. ${note}`, [
          { tagName: "param", text: `connectionString - \`${endpointKey}=https://<host>/;${keyKey}=<base64 key>\`.` },
          optionsTag,
        ]),
        statements: fromConnectionString("connectionString", (key) => signerFor(binder, auth, "key", key), "options"),
      };
    }
    const what =
      route === "token" ? "a token credential" : route === "key" ? "a key credential" : "a user name and password";
    return {
      kind: StructureKind.Function,
      name,
      isExported: true,
      parameters: [...endpointParameters, { name: "credential", type: credentialType(binder, route) }, options],
      returnType: client.context,
      docs: docs(`Creates the context the operation functions take, authenticated with ${what}. ${note}`, [
        ...endpointTags,
        { tagName: "param", text: `credential - ${what}.` },
        optionsTag,
      ]),
      statements: [`return contextFor(${fromCaller}, ${signerFor(binder, auth, route)}, options);`],
    };
  });
}

function contextFor(plan: PackagePlan, binder: ImportBinder): FunctionDeclarationStructure {
  const { client } = plan.names;
  const retry = binder.value(modules.runtime("retry-policy"), "defaultRetryOptions");
  const apiVersion = JSON.stringify(plan.api.apiVersion);
  const usesApiVersion = plan.api.operations.some((op) => op.parameters.some((p) => p.clientValue === "api-version"));
  return {
    kind: StructureKind.Function,
    name: "contextFor",
    parameters: [
      { name: "endpoint", type: "string" },
      { name: "signer", type: `${binder.type(modules.runtime("request-signer"), "RequestSigner")} | undefined` },
      { name: "options", type: client.clientOptions },
    ],
    returnType: client.context,
    statements: [
      `return {
  endpoint,
  signer,
  retry: { ...${retry}, ...options.retry },
  userAgent: options.userAgentPrefix ? \`\${options.userAgentPrefix} \${userAgent}\` : userAgent,
  fetch: options.fetch,${plan.api.azure ? '\n  clientRequestIdHeader: "x-ms-client-request-id",' : ""}
  logger: options.logger ?? ${binder.value(modules.runtime("logging"), "loggerFromEnv")}(${JSON.stringify(logLevelVariable(plan.pkg, plan.api.azure))}),
  apiVersion: ${usesApiVersion ? `options.apiVersion ?? ${apiVersion}` : apiVersion},
};`,
    ],
  };
}
