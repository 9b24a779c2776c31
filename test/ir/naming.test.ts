/**
 * Names: operationId (or method + path) -> function name as a table, collisions, groups from tags,
 * and naming.yaml's reserved words, look-alike component names and non-ASCII text.
 */
import { describe, expect, it } from "vitest";
import { buildInline, documentWith, fixtureIr, IDENTIFIER, namedType, operation, typeText } from "./helpers.ts";

const NO_CONTENT = { "204": { description: "none" } };

/** The function names of operations given as [method, path, operationId?] (path params declared), in a client named `clientName`. */
function namesOf(ops: readonly (readonly [string, string, string?])[], clientName?: string): string[] {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, operationId] of ops) {
    const parameters = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    (paths[path] ??= {})[method] = {
      ...(operationId !== undefined ? { operationId } : {}),
      parameters,
      responses: NO_CONTENT,
    };
  }
  const built = buildInline(documentWith({ paths }), clientName);
  if (!built.ir || built.diagnostics.length > 0) throw new Error(JSON.stringify(built.diagnostics));
  // Operations come back sorted by name: map them back to the input order.
  return ops.map(([method, path]) => operation(built.ir!, `${method.toUpperCase()} ${path}`).name);
}

/** [operationId, function name]. */
const OPERATION_IDS: readonly (readonly [string, string])[] = [
  ["getUser", "getUser"],
  ["GetUser", "getUser"],
  ["get-user", "getUser"],
  ["get user", "getUser"],
  ["HTTPGetRequest", "httpGetRequest"],
  ["getV2Users", "getV2Users"],
  ["users.get", "usersGet"],
  ["CommunicationIdentity_Create", "createCommunicationIdentity"],
  ["CommunicationIdentity_IssueAccessToken", "communicationIdentityIssueAccessToken"],
  ["Users_List", "listUsers"],
  ["Users_Get", "getUsers"],
  ["orgs/update-webhook", "orgsUpdateWebhook"],
  ["repos/get", "getRepos"],
  ["delete", "delete_"],
  ["constructor", "constructor_"],
  ["123go", "_123go"],
  ["", "getThings"],
];

describe("operationId -> function name", () => {
  it.each(OPERATION_IDS)("%j -> %s", (operationId, name) => {
    expect(namesOf([["get", "/things", operationId]])).toEqual([name]);
  });

  // The group is left out only where it names the service: the client's name (without `Client`) or its trailing words.
  it.each([
    ["CommunicationIdentityClient", "CommunicationIdentity_IssueAccessToken", "issueAccessToken"],
    ["CommunicationIdentityClient", "Identity_IssueAccessToken", "issueAccessToken"],
    ["CommunicationIdentityClient", "CommunicationIDENTITY_IssueAccessToken", "issueAccessToken"],
    ["CommunicationIdentityClient", "Communication_IssueAccessToken", "communicationIssueAccessToken"],
    ["CommunicationIdentityClient", "Tity_IssueAccessToken", "tityIssueAccessToken"],
    ["CommunicationIdentityClient", "EntraIdAssignment_Get", "getEntraIdAssignment"],
    ["ApiManagementClient", "User_GetSharedAccessToken", "userGetSharedAccessToken"],
    ["ApiManagementClient", "ApiManagementService_GetSsoToken", "apiManagementServiceGetSsoToken"],
    ["ApiManagementClient", "ApiManagement_GetSsoToken", "getSsoToken"],
  ])("in %s: %j -> %s", (clientName, operationId, name) => {
    expect(namesOf([["get", "/things", operationId]], clientName)).toEqual([name]);
  });

  it.each([
    ["get", "/users", "getUsers"],
    ["get", "/users/{id}", "getUsersById"],
    ["post", "/users/{user-id}/photos", "postUsersByUserIdPhotos"],
    ["delete", "/", "delete_"],
    ["put", "/a.b/c_d", "putABCD"],
  ])("no operationId: %s %s -> %s", (method, path, name) => {
    expect(namesOf([[method, path]])).toEqual([name]);
  });

  it("Group_Verb ids that collide on the verb fall back to the whole id", () => {
    expect(
      namesOf([
        ["put", "/users/{id}", "Users_CreateOrReplace"],
        ["put", "/groups/{id}", "Groups_CreateOrReplace"],
        ["get", "/users", "Users_List"],
      ]),
    ).toEqual(["usersCreateOrReplace", "groupsCreateOrReplace", "listUsers"]);
  });

  it("ids that collide after camel-casing get unique names", () => {
    const names = namesOf([
      ["get", "/a", "get-user"],
      ["get", "/b", "getUser"],
      ["get", "/c", "GetUser"],
    ]);
    expect(new Set(names).size).toBe(3);
    expect(names).toEqual(["getUser", "getUser2", "getUser3"]);
  });

  // BUG (operations.ts names): any `_` is read as Azure's `Group_Name` separator, so snake_case ids
  // (FastAPI, Django, hand-written specs) are reordered: get_user -> userGet, list_users -> usersList,
  // get_users_by_id -> usersById (the verb is lost). Expected: getUser, listUsers, getUsersById.
  it.each([
    ["get_user", "getUser"],
    ["list_users", "listUsers"],
    ["get_users_by_id", "getUsersById"],
  ])("snake_case %s -> %s", (operationId, name) => {
    expect(namesOf([["get", "/things", operationId]])).toEqual([name]);
  });
});

describe("naming.yaml", () => {
  const ir = fixtureIr("naming.yaml");

  it("names operations without an operationId from method and path", () => {
    expect(operation(ir, "GET /reports").name).toBe("getReports");
    expect(operation(ir, "POST /reports").name).toBe("postReports");
    expect(operation(ir, "GET /reports/{reportId}/pages/{page-number}").name).toBe(
      "getReportsByReportIdPagesByPageNumber",
    );
  });

  it("gives the three spellings of get-user three different names", () => {
    const names = ["get-user", "get_user", "getUser"].map((id) => operation(ir, id).name);
    expect(new Set(names).size).toBe(3);
    expect(operation(ir, "get-user").name).toBe("getUser");
  });

  it("keeps keyword operationIds callable", () => {
    expect(operation(ir, "delete").name).toBe("delete_");
    expect(operation(ir, "constructor").name).toBe("constructor_");
  });

  it("makes keyword and odd parameter names safe identifiers", () => {
    const params = operation(ir, "GET /reports/{reportId}/pages/{page-number}").parameters;
    expect(params.map((p) => [p.name, p.tsName])).toEqual([
      ["reportId", "reportId"],
      ["page-number", "pageNumber"],
      ["123start", "_123start"],
      ["class", "class_"],
    ]);
  });

  it("groups by first tag in kebab-case, else by the first path segment", () => {
    expect(operation(ir, "get-user").group).toBe("user-accounts");
    expect(operation(ir, "delete").group).toBe("things");
    expect(operation(ir, "GET /user_list").group).toBe("user-list");
  });

  it("PascalCases keyword component names and avoids the runtime's exported names", () => {
    expect(namedType(ir, "default").name).toBe("Default");
    expect(namedType(ir, "delete").name).toBe("Delete");
    expect(namedType(ir, "HttpError").name).toBe("HttpError2");
  });

  it("gives look-alike component names (dots, dashes, underscores, spaces) distinct names", () => {
    const names = ["pet.tag", "pet-tag", "pet_tag", "Pet Tag"].map((source) => namedType(ir, source).name);
    expect(new Set(names).size).toBe(4);
    expect(names.every((n) => /^PetTag\d*$/.test(n))).toBe(true);
  });

  it("keeps property wire names as written (keywords, dashes, digits, __proto__, empty, non-ASCII), by code point", () => {
    const keywords = namedType(ir, "Keywords");
    expect(keywords.type.kind === "object" && keywords.type.properties.map((p) => p.name)).toEqual([
      "",
      "123start",
      "__proto__",
      "class",
      "constructor",
      "function",
      "with-dash",
      "名前",
    ]);
    expect(typeText(keywords.type)).toContain('"class": string');
  });

  it("keeps non-ASCII and comment-closing text in descriptions verbatim (escaping is the emitter's job)", () => {
    expect(operation(ir, "get-user").summary).toBe("Kebab-case id. Ends a comment */ and starts one /* too.");
    expect(operation(ir, "get-user").description).toBe("用户信息 — ユーザー情報 — 사용자 정보 👤");
    expect(ir.description).toContain("🚀");
    expect(ir.description).toContain("*/");
    expect(namedType(ir, "Keywords").description).toBe(
      "Property names that are keywords or need quotes. 😀 */ /** @deprecated */",
    );
  });

  // BUG (schema-to-type.ts declareNamedType): component names are PascalCased but not made safe:
  // `3dModel` becomes the type name "3dModel", which is not an identifier (expected e.g. "_3dModel"
  // or "Model3d"). Operation and parameter names do go through safeIdentifier.
  it("every type name is a valid identifier (3dModel)", () => {
    for (const type of ir.types) expect(type.name).toMatch(/^[\p{L}_$][\p{L}\p{N}_$]*$/u);
  });

  // BUG (build-ir.ts reservedTypeNames): a model named like a global that generated code uses
  // (`Promise` for every operation's return type, `Date` for date-time, `Error` for HttpError's base,
  // `Object`) keeps that name, so importing it shadows the global in operation files.
  it("type names do not shadow globals generated code relies on (Promise, Date, Error, Object)", () => {
    const names = ir.types.map((t) => t.name);
    for (const global of ["Promise", "Date", "Error", "Object", "Uint8Array", "Record", "Array"])
      expect(names).not.toContain(global);
  });

  // GAP (naming.ts words): letters outside ASCII are treated as separators, so the tag "Données"
  // groups as "donn-es", `Größe` is named "GrE" and `用户` becomes the generic "Model".
  it("non-ASCII names keep their letters readable (tag Données, component Größe)", () => {
    expect(operation(ir, "GET /reports").group).not.toBe("donn-es");
    expect(namedType(ir, "Größe").name).not.toBe("GrE");
  });
});

describe("names do not depend on which other operations exist", () => {
  /** The names of all `ops`, after checking that dropping any one or two of them renames no survivor. */
  function stableNames(ops: readonly (readonly [string, string, string])[], clientName?: string): string[] {
    const names = namesOf(ops, clientName);
    const all = new Map(ops.map((op, i) => [op[2], names[i]!]));
    for (let i = 0; i < ops.length; i++) {
      for (let j = i; j < ops.length; j++) {
        const kept = ops.filter((_, k) => k !== i && k !== j);
        expect(namesOf(kept, clientName), `without ${ops[i]![2]}, ${ops[j]![2]}`).toEqual(
          kept.map((op) => all.get(op[2])),
        );
      }
    }
    return names;
  }

  it("removing operations renames no survivor (GitHub-style group/name ids)", () => {
    // `add-collaborator` exists in two groups, `get-content` in one.
    const ops = [
      ["put", "/repos/{owner}/{repo}/collaborators/{username}", "repos/add-collaborator"],
      ["put", "/projects/{id}/collaborators/{username}", "projects/add-collaborator"],
      ["get", "/repos/{owner}/{repo}/contents/{path}", "repos/get-content"],
      ["get", "/repos/{owner}/{repo}", "repos/get"],
      ["get", "/orgs/{org}/hooks/{id}", "orgs/get-webhook"],
      ["get", "/repos/{owner}/{repo}/hooks/{id}", "repos/get-webhook"],
    ] as const;
    expect(stableNames(ops)).toEqual([
      "reposAddCollaborator",
      "projectsAddCollaborator",
      "reposGetContent",
      "getRepos",
      "orgsGetWebhook",
      "reposGetWebhook",
    ]);
  });

  it("removing operations renames no survivor (Azure-style Group_Name ids)", () => {
    // In `ApiManagementClient`: `ListByService` exists in two groups, `GetSharedAccessToken` in
    // `User` and in `ApiManagement`, which names the service (so does `Management`, its last word).
    const ops = [
      ["get", "/users", "Users_ListByService"],
      ["get", "/groups", "Groups_ListByService"],
      ["post", "/users/{userId}/token", "User_GetSharedAccessToken"],
      ["post", "/token", "ApiManagement_GetSharedAccessToken"],
      ["post", "/checkNameAvailability", "Management_CheckNameAvailability"],
      ["get", "/users/{userId}", "User_Get"],
    ] as const;
    expect(stableNames(ops, "ApiManagementClient")).toEqual([
      "usersListByService",
      "groupsListByService",
      "userGetSharedAccessToken",
      "getSharedAccessToken",
      "checkNameAvailability",
      "getUser",
    ]);
  });
});
