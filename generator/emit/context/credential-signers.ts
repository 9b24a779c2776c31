/**
 * The credential half of `context.ts`: structural credential checks and one request signer per
 * credential kind, configured from the security scheme (HMAC signing settings, API key placement,
 * token scopes).
 */
import type { FunctionDeclarationStructure, StatementStructures } from "../../print/structures.ts";
import type { ApiKeyAuthIR, HmacAuthIR } from "../../ir/types.ts";
import type { ContextSignatures } from "../shared/context-signatures.ts";
import type { AuthPlan, CredentialKind } from "../../plan/credentials.ts";
import type { ImportBinder } from "../shared/import-binder.ts";
import { docs } from "../shared/jsdoc.ts";
import { modules } from "../../plan/package-plan.ts";
import { StructureKind } from "../../print/structure-kinds.ts";
import { CREDENTIAL_TYPES } from "../../ir/name-table.ts";

const guardNames: Record<CredentialKind, string> = {
  token: "isTokenCredential",
  basic: "isBasicCredential",
  key: "isKeyCredential",
};
const guardMembers: Record<CredentialKind, string> = { token: "getToken", basic: "username", key: "key" };
const checkOrder: readonly CredentialKind[] = ["token", "basic", "key"];

export function credentialStatements(binder: ImportBinder, signatures: ContextSignatures): StatementStructures[] {
  const { auth } = signatures;
  if (auth.kinds.length === 0) return [];
  const kinds = checkOrder.filter((k) => auth.kinds.includes(k));
  const exportsGuard = auth.connectionString !== undefined && signatures.endpoint.required;
  const guarded = exportsGuard ? kinds : kinds.slice(0, -1);
  const statements: StatementStructures[] = guarded.map((kind) => guard(binder, kind));
  if (exportsGuard) statements.push(isCredential(signatures.credential, kinds));
  statements.push(createSigner(binder, signatures, kinds));
  if (auth.key?.kind === "hmac") statements.push(hmacSigner(binder, auth.key));
  if (auth.key?.kind === "apiKey") statements.push(apiKeySigner(binder, auth.key));
  if (auth.basic) statements.push(basicSigner(binder));
  return statements;
}

/** The TypeScript type of a credential kind. */
export function credentialType(binder: ImportBinder, kind: CredentialKind): string {
  if (kind === "token") return binder.type(modules.runtime("bearer-token"), "TokenCredential");
  return CREDENTIAL_TYPES[kind];
}

function guard(binder: ImportBinder, kind: CredentialKind): FunctionDeclarationStructure {
  const member = guardMembers[kind];
  const test = kind === "token" ? "function" : "string";
  return {
    kind: StructureKind.Function,
    name: guardNames[kind],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${credentialType(binder, kind)}`,
    statements: [
      `return typeof value === "object" && value !== null && ${JSON.stringify(member)} in value && typeof value.${member} === "${test}";`,
    ],
  };
}

function isCredential(credential: string, kinds: readonly CredentialKind[]): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: "isCredential",
    isExported: true,
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${credential}`,
    docs: docs("Whether `value` is a credential (rather than client options)."),
    statements: [`return ${kinds.map((k) => `${guardNames[k]}(value)`).join(" || ")};`],
  };
}

/** The expression that makes the signer of one credential kind from `credential`. */
export function signerFor(
  binder: ImportBinder,
  auth: AuthPlan,
  kind: CredentialKind,
  credential = "credential",
): string {
  if (kind === "token") {
    const bearer = binder.value(modules.runtime("bearer-token"), "createBearerSigner");
    return `${bearer}(${credential}, ${JSON.stringify(auth.token?.scopes ?? [])})`;
  }
  if (kind === "basic") return `basicSigner(${credential})`;
  return auth.key?.kind === "hmac" ? `hmacSigner(${credential})` : `apiKeySigner(${credential})`;
}

function createSigner(
  binder: ImportBinder,
  signatures: ContextSignatures,
  kinds: readonly CredentialKind[],
): FunctionDeclarationStructure {
  const signerOf = (kind: CredentialKind): string => signerFor(binder, signatures.auth, kind);
  const statements = kinds.map((kind, index) =>
    index === kinds.length - 1
      ? `return ${signerOf(kind)};`
      : `if (${guardNames[kind]}(credential)) return ${signerOf(kind)};`,
  );
  return {
    kind: StructureKind.Function,
    name: "createSigner",
    parameters: [{ name: "credential", type: signatures.credential }],
    returnType: binder.type(modules.runtime("request-signer"), "RequestSigner"),
    statements,
  };
}

function hmacSigner(binder: ImportBinder, scheme: HmacAuthIR): FunctionDeclarationStructure {
  const create = binder.value(modules.runtime("hmac-signing"), "createHmacSigner");
  const settings = [
    `dateHeader: ${JSON.stringify(scheme.dateHeader)},`,
    `contentHashHeader: ${JSON.stringify(scheme.contentHashHeader)},`,
    `signedHeaders: ${JSON.stringify(scheme.signedHeaders).replace(/,/g, ", ")},`,
    `authorizationPrefix: ${JSON.stringify(scheme.authorizationPrefix)},`,
  ];
  return {
    kind: StructureKind.Function,
    name: "hmacSigner",
    parameters: [{ name: "credential", type: CREDENTIAL_TYPES.key }],
    returnType: binder.type(modules.runtime("request-signer"), "RequestSigner"),
    docs: docs(
      `Signs requests with ${scheme.algorithm} as the \`${scheme.id}\` scheme describes. The signer reads ` +
        "`credential.key` for every request, so a rotated key is picked up at once.",
    ),
    statements: [`return ${create}(credential, {\n${settings.map((f) => `  ${f}`).join("\n")}\n});`],
  };
}

/** The statement that refuses to send `what` (e.g. "an API key") over plain http to another machine. */
function secureTransport(binder: ImportBinder, what: string): string {
  return `${binder.value(modules.runtime("request-signer"), "assertSecureTransport")}(request.url, ${JSON.stringify(what)});`;
}

function apiKeySigner(binder: ImportBinder, scheme: ApiKeyAuthIR): FunctionDeclarationStructure {
  const name = JSON.stringify(scheme.name);
  const apply =
    scheme.in === "query"
      ? `request.url.searchParams.set(${name}, credential.key);`
      : scheme.in === "cookie"
        ? `request.headers.append("cookie", ${JSON.stringify(`${scheme.name}=`)} + encodeURIComponent(credential.key));`
        : `request.headers.set(${name}, credential.key);`;
  return {
    kind: StructureKind.Function,
    name: "apiKeySigner",
    parameters: [{ name: "credential", type: CREDENTIAL_TYPES.key }],
    returnType: binder.type(modules.runtime("request-signer"), "RequestSigner"),
    docs: docs(
      `Puts the key in the ${scheme.in} \`${scheme.name}\`, as the \`${scheme.id}\` scheme describes; only over https (or to a loopback host).`,
    ),
    statements: [
      `return {\n  async sign(request) {\n    ${secureTransport(binder, "an API key")}\n    ${apply}\n  },\n};`,
    ],
  };
}

function basicSigner(binder: ImportBinder): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: "basicSigner",
    parameters: [{ name: "credential", type: CREDENTIAL_TYPES.basic }],
    returnType: binder.type(modules.runtime("request-signer"), "RequestSigner"),
    docs: docs(
      "Sets `Authorization: Basic` from the user name and password (UTF-8); only over https (or to a loopback host).",
    ),
    statements: [
      `return {
  async sign(request) {
    ${secureTransport(binder, "a user name and password")}
    const bytes = new TextEncoder().encode(\`\${credential.username}:\${credential.password}\`);
    request.headers.set("authorization", \`Basic \${btoa(String.fromCharCode(...bytes))}\`);
  },
};`,
    ],
  };
}
