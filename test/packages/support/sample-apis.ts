/**
 * Hand-built IRs for the scaffold tests: a Communication-Identity-like API (HMAC with connection
 * string, bearer, paging, an optional body) and an ARM-like one (bearer only, a server default).
 */
import type { PackageInfo } from "../../../generator/plan/package-info.ts";
import type { ApiIR, OperationIR, ParameterIR, TypeIR } from "../../../generator/ir/types.ts";

const str: TypeIR = { kind: "string" };
const ref = (name: string): TypeIR => ({ kind: "ref", name });

const apiVersion: ParameterIR = {
  name: "api-version",
  tsName: "apiVersion",
  in: "query",
  required: true,
  style: "form",
  explode: false,
  allowReserved: false,
  type: str,
  deprecated: false,
  clientValue: "api-version",
};

const pathParam = (name: string, description?: string): ParameterIR => ({
  name,
  tsName: name,
  in: "path",
  required: true,
  style: "simple",
  explode: false,
  allowReserved: false,
  type: str,
  deprecated: false,
  ...(description ? { description } : {}),
});

const errorResponse = {
  status: "default",
  mediaType: "application/json",
  encoding: "json" as const,
  type: ref("CommunicationErrorResponse"),
  headers: [],
};
const ok = (type: TypeIR, status = "200") => ({
  status,
  mediaType: "application/json",
  encoding: "json" as const,
  type,
  headers: [],
});

const op = (o: Partial<OperationIR> & Pick<OperationIR, "name" | "method" | "path">): OperationIR => ({
  group: "identity",
  deprecated: false,
  parameters: [apiVersion],
  responses: [],
  errors: [errorResponse],
  ...o,
});

export const identityApi: ApiIR = {
  title: "CommunicationIdentityClient",
  description:
    "Azure Communication Identity Service: creates and deletes identities,\nissues and revokes their access tokens.\n\nA second paragraph | with a pipe.",
  apiVersion: "2025-03-02-preview",
  server: {
    url: "{endpoint}",
    variables: [
      {
        name: "endpoint",
        description: "The communication resource, for example https://my-resource.communication.azure.com",
      },
    ],
  },
  auth: [
    {
      kind: "hmac",
      id: "AccessKeyAuth",
      description: "Access key of the resource. The key is never sent.\n\nSecond paragraph about OpenAPI.",
      algorithm: "HMAC-SHA256",
      keyEncoding: "base64",
      dateHeader: "x-ms-date",
      contentHashHeader: "x-ms-content-sha256",
      signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256"],
      authorizationPrefix: "HMAC-SHA256",
      connectionString: { endpointKey: "endpoint", keyKey: "accesskey" },
    },
    {
      kind: "bearer",
      id: "EntraIdAuth",
      description: "Microsoft Entra ID bearer token.",
      scopes: ["https://communication.azure.com//.default"],
    },
  ],
  operations: [
    op({
      name: "create",
      operationId: "CommunicationIdentity_Create",
      method: "POST",
      path: "/identities",
      description: "Create a new identity, and optionally, an access token.",
      body: {
        required: false,
        mediaType: "application/json",
        encoding: "json",
        type: ref("CommunicationIdentityCreateRequest"),
      },
      responses: [ok(ref("CommunicationIdentityAccessTokenResult"), "201")],
    }),
    op({
      name: "delete",
      operationId: "CommunicationIdentity_Delete",
      method: "DELETE",
      path: "/identities/{id}",
      description: "Delete the identity.",
      parameters: [pathParam("id", "Identifier of the identity to be deleted."), apiVersion],
      responses: [{ status: "204", headers: [] }],
    }),
    op({
      name: "issueAccessToken",
      operationId: "CommunicationIdentity_IssueAccessToken",
      group: "token",
      method: "POST",
      path: "/identities/{id}/:issueAccessToken",
      description: "Issue a new token for an identity.",
      parameters: [pathParam("id"), apiVersion],
      body: {
        required: true,
        mediaType: "application/json",
        encoding: "json",
        type: ref("CommunicationIdentityAccessTokenRequest"),
      },
      responses: [ok(ref("CommunicationIdentityAccessToken"))],
    }),
    op({
      name: "listEntraIdAssignments",
      operationId: "EntraIdAssignments_List",
      group: "entra-id",
      method: "GET",
      path: "/access/entra/assignments",
      summary: "Lists Entra access assignments.",
      responses: [ok(ref("EntraAssignmentsResponse"))],
      paging: {
        itemsProperty: "value",
        itemType: ref("EntraAssignment"),
        next: { kind: "next-link", property: "nextLink" },
      },
    }),
    op({
      name: "updateEntraIdAssignments",
      operationId: "EntraIdAssignments_Update",
      group: "entra-id",
      method: "PATCH",
      path: "/access/entra/assignments",
      deprecated: true,
      body: {
        required: true,
        mediaType: "application/merge-patch+json",
        encoding: "json",
        type: ref("EntraAssignmentUpdateBulkRequest"),
      },
      responses: [ok(ref("EntraAssignmentsResponse")), { status: "204", headers: [] }],
    }),
  ],
  types: [
    named("CommunicationError", {
      kind: "object",
      properties: [prop("code", str, true), prop("message", str, true), { ...prop("target", str), readOnly: true }],
    }),
    named("CommunicationErrorResponse", {
      kind: "object",
      properties: [prop("error", ref("CommunicationError"), true)],
    }),
    named("CommunicationIdentity", {
      kind: "object",
      properties: [prop("id", str, true), prop("lastTokenIssuedAt", { kind: "date-time" })],
    }),
    named("CommunicationIdentityAccessToken", {
      kind: "object",
      properties: [prop("token", str, true), prop("expiresOn", { kind: "date-time" }, true)],
    }),
    named("CommunicationIdentityAccessTokenRequest", {
      kind: "object",
      properties: [
        prop("scopes", { kind: "array", items: ref("CommunicationIdentityTokenScope") }, true),
        {
          ...prop("expiresInMinutes", { kind: "number", integer: true, constraints: { minimum: 60, maximum: 1440 } }),
          default: 1440,
        },
      ],
    }),
    named("CommunicationIdentityAccessTokenResult", {
      kind: "object",
      properties: [
        prop("identity", ref("CommunicationIdentity"), true),
        prop("accessToken", ref("CommunicationIdentityAccessToken")),
      ],
    }),
    named("CommunicationIdentityCreateRequest", {
      kind: "object",
      properties: [
        prop("customId", str),
        prop("createTokenWithScopes", { kind: "array", items: ref("CommunicationIdentityTokenScope") }),
      ],
    }),
    named("CommunicationIdentityTokenScope", {
      kind: "enum",
      valueType: "string",
      extensible: true,
      values: [{ value: "chat" }, { value: "voip" }, { value: "chat.join" }],
    }),
    named("EntraAssignment", {
      kind: "object",
      properties: [
        prop("objectId", str, true),
        prop("tenantId", { kind: "string", format: "uuid" }, true),
        prop("principalType", ref("EntraPrincipalType"), true),
        prop("clientIds", { kind: "array", items: str }, true),
      ],
    }),
    named("EntraAssignmentCreateOrUpdateRequest", {
      kind: "object",
      properties: [
        prop("tenantId", str, true),
        prop("principalType", ref("EntraPrincipalType"), true),
        prop("clientIds", { kind: "array", items: str }, true),
      ],
    }),
    named("EntraAssignmentUpdateBulkRequest", {
      kind: "map",
      values: { kind: "union", variants: [ref("EntraAssignmentCreateOrUpdateRequest"), { kind: "null" }] },
    }),
    named("EntraAssignmentsResponse", {
      kind: "object",
      properties: [prop("value", { kind: "array", items: ref("EntraAssignment") }, true), prop("nextLink", str)],
    }),
    named("EntraPrincipalType", {
      kind: "enum",
      valueType: "string",
      extensible: true,
      values: [{ value: "user" }, { value: "group" }],
    }),
  ],
  azure: true,
};

export const identityPackage: PackageInfo = {
  name: "@specsmith/communication-identity",
  version: "2025.3.2-preview",
  directory: "communication-identity-2025-03-02-preview",
  service: "communication-identity",
  clientName: "CommunicationIdentityClient",
  header:
    "// Generated by specsmith from generated/openapi/communication-identity/2025-03-02-preview.yaml: `npm run generate`.",
};

export const managementApi: ApiIR = {
  title: "ApiManagementClient",
  apiVersion: "2022-08-01",
  server: {
    url: "{endpoint}",
    variables: [
      { name: "endpoint", default: "https://management.azure.com", description: "The Azure Resource Manager endpoint" },
    ],
  },
  auth: [{ kind: "bearer", id: "AzureAuth", scopes: ["https://management.azure.com/.default"] }],
  operations: [
    op({
      name: "userGetSharedAccessToken",
      operationId: "User_GetSharedAccessToken",
      group: "user",
      method: "POST",
      path: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ApiManagement/service/{serviceName}/users/{userId}/token",
      summary: "Gets the Shared Access Authorization Token for the User.",
      parameters: [
        pathParam("subscriptionId"),
        pathParam("resourceGroupName"),
        pathParam("serviceName"),
        pathParam("userId"),
        apiVersion,
      ],
      body: { required: true, mediaType: "application/json", encoding: "json", type: ref("UserTokenParameters") },
      responses: [ok(ref("UserTokenResult"))],
    }),
  ],
  types: [
    named("UserTokenParameters", {
      kind: "object",
      properties: [
        prop(
          "properties",
          {
            kind: "object",
            properties: [
              prop(
                "keyType",
                {
                  kind: "enum",
                  valueType: "string",
                  extensible: false,
                  values: [{ value: "primary" }, { value: "secondary" }],
                },
                true,
              ),
              prop("expiry", { kind: "date-time" }, true),
            ],
          },
          true,
        ),
      ],
    }),
    named("UserTokenResult", { kind: "object", properties: [prop("value", str)] }),
  ],
  azure: true,
};

export const managementPackage: PackageInfo = {
  name: "@specsmith/api-management",
  version: "2022.8.1",
  directory: "api-management-2022-08-01",
  service: "api-management",
  clientName: "ApiManagementClient",
  header: "// Generated by specsmith: `npm run generate`.",
};

function named(name: string, type: TypeIR) {
  return { name, sourceName: name, deprecated: false, type, usage: { input: true, output: true } };
}

function prop(name: string, type: TypeIR, required = false) {
  return { name, required, readOnly: false, writeOnly: false, deprecated: false, type };
}
