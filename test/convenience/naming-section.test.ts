/**
 * The `convenience` section of a naming file: the repository's Identity file maps onto both API
 * versions, and each kind of mistake is one diagnostic naming the entry, its file, line and
 * JSON pointer (`invalid-cli-naming` for the format, `convenience-mismatch` against the API).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliNaming } from "../../generator/plan/cli/naming-file.ts";
import { buildConvenienceModel } from "../../generator/plan/convenience/convenience-model.ts";
import { planPackage } from "../../generator/plan/package-plan.ts";
import { buildIr } from "../../generator/ir/build-ir.ts";
import { loadOpenApi } from "../../generator/openapi/load-openapi.ts";
import { packageInfo } from "../../generator/build/package-naming.ts";
import { openApiPath, repoRoot } from "../support/paths.ts";

const FILE = "spec/communication-identity/cli.yaml";

function plan(version: string) {
  const loaded = loadOpenApi(openApiPath("communication-identity", version));
  if (!loaded.value) throw new Error(`cannot load ${version}`);
  const ir = buildIr(loaded.value, "CommunicationIdentityClient").value;
  return planPackage(
    ir,
    packageInfo({
      packageName: "@specsmith/communication-identity",
      service: "communication-identity",
      apiVersion: ir.apiVersion,
      title: ir.title,
      source: "test",
      regenerate: "specsmith generate",
    }),
  ).value;
}

/** Parses `yaml` and resolves its convenience section against 2023-10-01: every diagnostic, one line each. */
function problems(yaml: string): string[] {
  const naming = parseCliNaming(FILE, yaml);
  const diagnostics = naming.value
    ? buildConvenienceModel(plan("2023-10-01"), naming.value).diagnostics
    : naming.diagnostics;
  return diagnostics.map(
    (d) => `${d.code} ${d.location?.file}:${d.location?.line} #${d.location?.pointer}: ${d.message}`,
  );
}

/** A valid section with one method, whose parts a case replaces. */
const section = (method: string, types = "") => `convenience:
  types:
    User:
      properties:
        communicationUserId: string
    TokenOptions:
      extends: RequestOptions
      properties:
        minutes?: number
${types}  methods:
${method}`;

const GET_TOKEN = `    getToken:
      operation: issueAccessToken
      parameters:
        user: User
        scopes: CommunicationIdentityTokenScope[]
        options?: TokenOptions
      arguments:
        id: user.communicationUserId
        body.scopes: scopes
        body.expiresInMinutes: options.minutes
      returns: CommunicationIdentityAccessToken
`;

describe("the repository's Identity naming file", () => {
  it.each(["2023-10-01", "2025-03-02-preview"])("%s: every method maps onto the API, with no diagnostic", (version) => {
    const naming = parseCliNaming(FILE, readFileSync(join(repoRoot, FILE), "utf8"));
    expect(naming.diagnostics).toEqual([]);
    const built = buildConvenienceModel(plan(version), naming.value!);
    expect(built.diagnostics).toEqual([]);
    expect(built.value?.replacesClient).toBe(true);
    expect(built.value?.methods.map((m) => [m.name, m.op.name])).toEqual([
      ["createUser", "createCommunicationIdentity"],
      ["createUserAndToken", "createCommunicationIdentity"],
      ["getToken", "issueAccessToken"],
      ["revokeTokens", "revokeAccessTokens"],
      ["deleteUser", "deleteCommunicationIdentity"],
      ["getTokenForTeamsUser", "exchangeTeamsUserAccessToken"],
    ]);
    const getToken = built.value?.methods.find((m) => m.name === "getToken");
    expect(getToken?.args).toEqual([
      "user.communicationUserId",
      "{ scopes, expiresInMinutes: tokenExpiresInMinutes }",
      "requestOptions",
    ]);
    expect(getToken?.options).toEqual({ name: "options", taken: ["tokenExpiresInMinutes"] });
  });

  it("a valid section of the test's own resolves without a diagnostic", () => {
    expect(problems(section(GET_TOKEN))).toEqual([]);
  });
});

describe("mistakes in the convenience section", () => {
  it.each([
    [
      "an unknown key of a method",
      section(`${GET_TOKEN}      retries: 3\n`),
      "invalid-cli-naming",
      /#\/convenience\/methods\/getToken\/retries: unknown key "retries"/,
    ],
    [
      "a type that is not a type name",
      section(GET_TOKEN.replace("scopes: CommunicationIdentityTokenScope[]", "scopes: Array<string>")),
      "invalid-cli-naming",
      /#\/convenience\/methods\/getToken\/parameters\/scopes: type "Array<string>"/,
    ],
    [
      "a result without returns",
      section(GET_TOKEN.replace("      returns: CommunicationIdentityAccessToken\n", "      result: token\n")),
      "invalid-cli-naming",
      /getToken\/result: a `result` needs `returns`/,
    ],
    [
      "a method name that is not an identifier",
      section(GET_TOKEN.replace("    getToken:", "    get-token:")),
      "invalid-cli-naming",
      /a method name "get-token" must be a TypeScript identifier/,
    ],
    [
      "an unknown operation",
      section(GET_TOKEN.replace("operation: issueAccessToken", "operation: issueToken")),
      "convenience-mismatch",
      /getToken\/operation: .* has no operation "issueToken" \(it has: .*issueAccessToken/,
    ],
    [
      "an unknown body field",
      section(GET_TOKEN.replace("body.expiresInMinutes:", "body.expiry:")),
      "convenience-mismatch",
      /arguments\/body.expiry: issueAccessToken has no parameter or body field "body.expiry" \(it has: id, body, body.expiresInMinutes, body.scopes\)/,
    ],
    [
      "a required parameter left unmapped",
      section(GET_TOKEN.replace("        id: user.communicationUserId\n", "")),
      "convenience-mismatch",
      /getToken\/arguments: issueAccessToken needs its parameter "id"/,
    ],
    [
      "a required body field left unmapped",
      section(GET_TOKEN.replace("        body.scopes: scopes\n", "")),
      "convenience-mismatch",
      /needs its body field "scopes"/,
    ],
    [
      "a source that is not a parameter",
      section(GET_TOKEN.replace("id: user.communicationUserId", "id: caller.communicationUserId")),
      "convenience-mismatch",
      /arguments\/id: "caller" is not a parameter of getToken \(it has: user, scopes, options\)/,
    ],
    [
      "an option the options type lacks",
      section(GET_TOKEN.replace("options.minutes", "options.hours")),
      "convenience-mismatch",
      /"hours" is not a property of TokenOptions/,
    ],
    [
      "an unknown type",
      section(GET_TOKEN.replace("user: User", "user: Person")),
      "convenience-mismatch",
      /parameters\/user: unknown type "Person"/,
    ],
    [
      "an options bag before the last parameter",
      section(
        GET_TOKEN.replace("        options?: TokenOptions\n", "").replace(
          "        user: User\n",
          "        options?: TokenOptions\n        user: User\n",
        ),
      ),
      "convenience-mismatch",
      /only the last parameter may be an options bag/,
    ],
    [
      "a name the client already has",
      section(GET_TOKEN.replace("    getToken:", "    issueAccessToken:")),
      "convenience-mismatch",
      /"issueAccessToken" is already a method of the generated client/,
    ],
    [
      "a type named like a model",
      section(GET_TOKEN, "    CommunicationIdentity:\n      properties:\n        id: string\n"),
      "convenience-mismatch",
      /"CommunicationIdentity" is already a name the package exports/,
    ],
    [
      "a result path the result lacks",
      section(
        GET_TOKEN.replace(
          "returns: CommunicationIdentityAccessToken",
          "returns: User\n      result:\n        communicationUserId: identity.id",
        ),
      ),
      "convenience-mismatch",
      /result\/communicationUserId: the result has no property "identity" \(at that level it has: expiresOn, token\)/,
    ],
  ])("%s", (_, yaml, code, message) => {
    const found = problems(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${code} ${FILE}:\\d+ `));
    expect(found[0]).toMatch(message);
  });
});
