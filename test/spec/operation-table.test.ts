/**
 * The published API, per version, as reviewers read it in the seeds (shared/seeds 000, 001, 002,
 * 004). Any accidental change to the TypeSpec (a lost parameter, a constraint, a status code)
 * fails here.
 */
import { describe, expect, it } from "vitest";
import { loadDocument, operationTable, schemaProperties, type OperationRow } from "../support/operation-table.ts";
import { openApiPath } from "../support/paths.ts";

const API_VERSION = "query:api-version! string";
const ERROR = "default application/json CommunicationErrorResponse";
const JSON_TYPE = "application/json";

function op(line: string, parameters: string[], body: string | undefined, responses: string[]): OperationRow {
  const [method, path, operationId] = line.split(" ") as [string, string, string];
  return { method, path, operationId, parameters, ...(body ? { body } : {}), responses };
}

const identityOps2023 = [
  op(
    "POST /identities CommunicationIdentity_Create",
    [API_VERSION],
    `${JSON_TYPE} CommunicationIdentityCreateRequest`,
    [`201 ${JSON_TYPE} CommunicationIdentityAccessTokenResult`, ERROR],
  ),
  op("DELETE /identities/{id} CommunicationIdentity_Delete", ["path:id! string", API_VERSION], undefined, [
    "204",
    ERROR,
  ]),
  op(
    "POST /teamsUser/:exchangeAccessToken CommunicationIdentity_ExchangeTeamsUserAccessToken",
    [API_VERSION],
    `${JSON_TYPE}! TeamsUserExchangeTokenRequest`,
    [`200 ${JSON_TYPE} CommunicationIdentityAccessToken`, ERROR],
  ),
  op(
    "POST /identities/{id}/:issueAccessToken CommunicationIdentity_IssueAccessToken",
    ["path:id! string", API_VERSION],
    `${JSON_TYPE}! CommunicationIdentityAccessTokenRequest`,
    [`200 ${JSON_TYPE} CommunicationIdentityAccessToken`, ERROR],
  ),
  op(
    "POST /identities/{id}/:revokeAccessTokens CommunicationIdentity_RevokeAccessTokens",
    ["path:id! string", API_VERSION],
    undefined,
    ["204", ERROR],
  ),
];

const TEAMS_ASSIGNMENT = "/access/teamsExtension/tenants/{tenantId}/assignments/{objectId}";
const TEAMS_KEYS = ["path:tenantId! string", "path:objectId! string", API_VERSION];
const ENTRA_ASSIGNMENT = "/access/entra/assignments/{objectId}";
const ENTRA_KEYS = ["path:objectId! string", API_VERSION];

const identityOps2025 = [
  ...identityOps2023,
  op("GET /identities/{id} CommunicationIdentity_Get", ["path:id! string", API_VERSION], undefined, [
    `200 ${JSON_TYPE} CommunicationIdentity`,
    ERROR,
  ]),
  op(
    "POST /access/teamsExtension/:exchangeAccessToken TeamsExtensionToken_Exchange",
    [API_VERSION],
    `${JSON_TYPE}! TeamsExtensionExchangeTokenRequest`,
    [`200 ${JSON_TYPE} CommunicationIdentityAccessTokenResult`, ERROR],
  ),
  op(`GET ${TEAMS_ASSIGNMENT} TeamsExtensionAssignment_Get`, TEAMS_KEYS, undefined, [
    `200 ${JSON_TYPE} TeamsExtensionAssignmentResponse`,
    ERROR,
  ]),
  op(
    `PUT ${TEAMS_ASSIGNMENT} TeamsExtensionAssignment_Upsert`,
    TEAMS_KEYS,
    `${JSON_TYPE}! TeamsExtensionAssignmentCreateOrUpdateRequest`,
    [`200 ${JSON_TYPE} TeamsExtensionAssignmentResponse`, `201 ${JSON_TYPE} TeamsExtensionAssignmentResponse`, ERROR],
  ),
  op(`DELETE ${TEAMS_ASSIGNMENT} TeamsExtensionAssignment_Delete`, TEAMS_KEYS, undefined, ["204", ERROR]),
  op(
    "POST /access/entra/:exchangeAccessToken EntraIdToken_Exchange",
    [API_VERSION],
    `${JSON_TYPE}! EntraExchangeTokenRequest`,
    [`200 ${JSON_TYPE} CommunicationIdentityAccessTokenResult`, ERROR],
  ),
  op(
    "PATCH /access/entra/assignments EntraIdAssignments_Update",
    [API_VERSION],
    "application/merge-patch+json! EntraAssignmentUpdateBulkRequest",
    [`200 ${JSON_TYPE} EntraAssignmentsResponse`, "204", ERROR],
  ),
  op("GET /access/entra/assignments EntraIdAssignments_List", [API_VERSION], undefined, [
    `200 ${JSON_TYPE} EntraAssignmentsResponse`,
    ERROR,
  ]),
  op(`GET ${ENTRA_ASSIGNMENT} EntraIdAssignment_Get`, ENTRA_KEYS, undefined, [
    `200 ${JSON_TYPE} EntraAssignment`,
    ERROR,
  ]),
  op(
    `PUT ${ENTRA_ASSIGNMENT} EntraIdAssignment_Upsert`,
    ENTRA_KEYS,
    `${JSON_TYPE}! EntraAssignmentCreateOrUpdateRequest`,
    [`200 ${JSON_TYPE} EntraAssignment`, `201 ${JSON_TYPE} EntraAssignment`, ERROR],
  ),
  op(`DELETE ${ENTRA_ASSIGNMENT} EntraIdAssignment_Delete`, ENTRA_KEYS, undefined, ["204", ERROR]),
];

const byId = (rows: OperationRow[]) => [...rows].sort((a, b) => a.operationId.localeCompare(b.operationId, "en"));
const EXPIRES = "expiresInMinutes integer/int32 minimum=60 maximum=1440 default=1440";
const ERROR_MODEL = [
  "code! string",
  "message! string",
  "target string readOnly",
  "details CommunicationError[] readOnly",
  "innererror CommunicationError readOnly",
];

describe("communication-identity 2023-10-01", () => {
  const doc = loadDocument(openApiPath("communication-identity", "2023-10-01"));

  it("has exactly the five operations of the stable API", () => {
    expect(operationTable(doc)).toEqual(byId(identityOps2023));
  });

  it("has the 2023-10-01 models, without customId or lastTokenIssuedAt", () => {
    expect(schemaProperties(doc, "CommunicationIdentity")).toEqual(["id! string"]);
    expect(schemaProperties(doc, "CommunicationIdentityCreateRequest")).toEqual([
      "createTokenWithScopes CommunicationIdentityTokenScope[]",
      EXPIRES,
    ]);
    expect(schemaProperties(doc, "CommunicationIdentityAccessTokenRequest")).toEqual([
      "scopes! CommunicationIdentityTokenScope[]",
      EXPIRES,
    ]);
    expect(schemaProperties(doc, "CommunicationIdentityAccessToken")).toEqual([
      "token! string",
      "expiresOn! string/date-time",
    ]);
    expect(schemaProperties(doc, "CommunicationError")).toEqual(ERROR_MODEL);
    expect(Object.keys((doc["components"] as { schemas: object }).schemas)).not.toContain("EntraAssignment");
  });
});

describe("communication-identity 2025-03-02-preview", () => {
  const doc = loadDocument(openApiPath("communication-identity", "2025-03-02-preview"));

  it("has the sixteen operations of the preview API", () => {
    expect(operationTable(doc)).toEqual(byId(identityOps2025));
    expect(identityOps2025).toHaveLength(16);
  });

  it("adds customId and lastTokenIssuedAt with their constraints", () => {
    expect(schemaProperties(doc, "CommunicationIdentity")).toEqual([
      "customId string",
      "lastTokenIssuedAt string/date-time",
      "id! string",
    ]);
    expect(schemaProperties(doc, "CommunicationIdentityCreateRequest")).toEqual([
      "customId string minLength=1 maxLength=256",
      "createTokenWithScopes CommunicationIdentityTokenScope[]",
      EXPIRES,
    ]);
    expect(schemaProperties(doc, "CommunicationIdentityAccessTokenResult")).toEqual([
      "identity! CommunicationIdentity",
      "accessToken CommunicationIdentityAccessToken",
    ]);
  });

  it("declares the assignment models and the merge-patch map", () => {
    expect(schemaProperties(doc, "EntraAssignment")).toEqual([
      "objectId! string",
      "tenantId! string",
      "principalType! EntraPrincipalType",
      "clientIds! string[]",
    ]);
    expect(schemaProperties(doc, "TeamsExtensionAssignmentResponse")).toEqual([
      "objectId! string",
      "tenantId! string",
      "principalType! TeamsExtensionPrincipalType",
      "clientIds string[]",
    ]);
    expect(schemaProperties(doc, "EntraAssignmentsResponse")).toEqual([
      "value! EntraAssignment[]",
      "nextLink string/uri",
    ]);
    const schemas = (doc["components"] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    // A null value in the bulk map removes the assignment of that objectId.
    expect(schemas["EntraAssignmentUpdateBulkRequest"]?.["unevaluatedProperties"]).toEqual({
      anyOf: [{ $ref: "#/components/schemas/EntraAssignmentCreateOrUpdateRequest" }, { type: "null" }],
    });
    const list = (doc["paths"] as Record<string, Record<string, Record<string, unknown>>>)["/access/entra/assignments"];
    expect(list?.["get"]?.["x-ms-pageable"]).toEqual({ nextLinkName: "nextLink", itemName: "value" });
  });
});

describe.each(["2023-10-01", "2025-03-02-preview"])("communication-identity %s, shared declarations", (version) => {
  const doc = loadDocument(openApiPath("communication-identity", version));
  const components = doc["components"] as Record<string, Record<string, Record<string, unknown>>>;

  it("declares token scopes as an extensible enum (new values must not break old clients)", () => {
    expect(components["schemas"]?.["CommunicationIdentityTokenScope"]?.["anyOf"]).toEqual([
      { type: "string" },
      { type: "string", enum: ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"] },
    ]);
  });

  it("declares HMAC access-key signing and Entra ID bearer tokens as alternatives", () => {
    expect(doc["security"]).toEqual([
      { AccessKeyAuth: [] },
      { EntraIdAuth: ["https://communication.azure.com//.default"] },
    ]);
    expect(components["securitySchemes"]?.["AccessKeyAuth"]).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "Authorization",
      "x-hmac-signature": {
        algorithm: "HMAC-SHA256",
        keyEncoding: "base64",
        dateHeader: "x-ms-date",
        contentHashHeader: "x-ms-content-sha256",
        signedHeaders: ["x-ms-date", "host", "x-ms-content-sha256"],
        authorizationPrefix: "HMAC-SHA256",
      },
    });
    expect(components["securitySchemes"]?.["EntraIdAuth"]).toMatchObject({ type: "oauth2" });
  });

  it("takes the endpoint as a server variable", () => {
    expect(doc["servers"]).toMatchObject([{ url: "{endpoint}", variables: { endpoint: {} } }]);
  });
});

describe("api-management 2022-08-01", () => {
  const doc = loadDocument(openApiPath("api-management", "2022-08-01"));

  it("has the User - Get Shared Access Token operation with the ARM path constraints", () => {
    expect(operationTable(doc)).toEqual([
      op(
        "POST /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ApiManagement/service/{serviceName}/users/{userId}/token User_GetSharedAccessToken",
        [
          "path:subscriptionId! string",
          'path:resourceGroupName! string minLength=1 maxLength=90 pattern="^[-\\\\w\\\\._\\\\(\\\\)]+$"',
          'path:serviceName! string minLength=1 maxLength=50 pattern="^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$"',
          "path:userId! string minLength=1 maxLength=80",
          "query:api-version! string",
        ],
        `${JSON_TYPE}! UserTokenParameters`,
        [`200 ${JSON_TYPE} UserTokenResult`, "default application/json ErrorResponse"],
      ),
    ]);
  });

  it("has the token parameters, the closed key type and the APIM error shape", () => {
    expect(schemaProperties(doc, "UserTokenParameters")).toEqual(["properties! UserTokenParameterProperties"]);
    expect(schemaProperties(doc, "UserTokenParameterProperties")).toEqual([
      'keyType! KeyType default="primary"',
      "expiry! string/date-time",
    ]);
    expect(schemaProperties(doc, "UserTokenResult")).toEqual(["value string"]);
    expect(schemaProperties(doc, "ErrorResponse")).toEqual(["error ErrorResponseBody"]);
    expect(schemaProperties(doc, "ErrorResponseBody")).toEqual([
      "code string",
      "message string",
      "details ErrorFieldContract[]",
    ]);
    expect(schemaProperties(doc, "ErrorFieldContract")).toEqual(["code string", "message string", "target string"]);
    const schemas = (doc["components"] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    expect(schemas["KeyType"]).toMatchObject({ type: "string", enum: ["primary", "secondary"] });
  });

  it("authenticates with Entra ID OAuth2 for Azure Resource Manager", () => {
    const scheme = (doc["components"] as Record<string, Record<string, Record<string, unknown>>>)["securitySchemes"]?.[
      "AzureAuth"
    ];
    expect(scheme).toMatchObject({
      type: "oauth2",
      flows: { implicit: { authorizationUrl: "https://login.microsoftonline.com/common/oauth2/authorize" } },
      "x-credential-scopes": ["https://management.azure.com/.default"],
    });
  });
});
