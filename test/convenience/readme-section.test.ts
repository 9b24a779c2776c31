/**
 * The generated README shows the convenience layer: a section listing each method with its
 * signature and summary (from the naming file), and a quick start calling them in the file's order,
 * a returned user passed on to the methods that take one. Its examples create the convenience class.
 * Without a layer there is no section. (`test/packages/readme-examples.test.ts` type-checks the examples.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseCliNaming, type CliNaming } from "../../generator/plan/cli/naming-file.ts";
import { buildPackage } from "../../generator/build/pipeline.ts";
import { typescriptBlocks } from "../packages/support/package-tools.ts";
import { openApiPath, repoRoot } from "../support/paths.ts";

function naming(file: string): CliNaming {
  const parsed = parseCliNaming(file, readFileSync(join(repoRoot, file), "utf8"));
  if (!parsed.value) throw new Error(`${file}: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  return parsed.value;
}

function readme(file: string, packageName: string, cliNaming?: CliNaming): string {
  const built = buildPackage({ file, packageName, ...(cliNaming ? { cliNaming } : {}) });
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return built.files.find((f) => f.path === "README.md")?.content ?? "";
}

const identity = () =>
  readme(
    openApiPath("communication-identity", "2023-10-01"),
    "@specsmith/communication-identity",
    naming("spec/communication-identity/cli.yaml"),
  );
const gadgets = join(repoRoot, "test/fixtures/convenience/gadgets.yaml");

it("lists each convenience method with its signature, summary and the operation it calls", () => {
  const text = identity();
  const section = text.slice(text.indexOf("## Convenience methods"), text.indexOf("## Operations"));
  expect(section).toContain("`CommunicationIdentityClient` adds these methods to the operations below.");
  const items = section.split("\n").filter((line) => line.startsWith("- "));
  expect(items).toEqual([
    "- `createUser(options?: RequestOptions): Promise<CommunicationUserIdentifier>`: Creates a new user. Calls [`createCommunicationIdentity`](#createcommunicationidentity).",
    "- `createUserAndToken(scopes: CommunicationIdentityTokenScope[], options?: CreateUserAndTokenOptions): Promise<CommunicationUserToken>`: Creates a new user and issues it an access token, in one request. Calls [`createCommunicationIdentity`](#createcommunicationidentity).",
    "- `getToken(user: CommunicationUserIdentifier, scopes: CommunicationIdentityTokenScope[], options?: GetTokenOptions): Promise<CommunicationAccessToken>`: Issues a new access token for a user. Calls [`issueAccessToken`](#issueaccesstoken).",
    "- `revokeTokens(user: CommunicationUserIdentifier, options?: RequestOptions): Promise<void>`: Revokes every access token issued to a user. Calls [`revokeAccessTokens`](#revokeaccesstokens).",
    "- `deleteUser(user: CommunicationUserIdentifier, options?: RequestOptions): Promise<void>`: Deletes a user, revoking its tokens and deleting its data. Calls [`deleteCommunicationIdentity`](#deletecommunicationidentity).",
    "- `getTokenForTeamsUser(options: GetTokenForTeamsUserOptions): Promise<CommunicationAccessToken>`: Exchanges the Entra ID access token of a Teams user for a Communication Services access token with a matching expiration time. Calls [`exchangeTeamsUserAccessToken`](#exchangeteamsuseraccesstoken).",
  ]);
});

it("has a quick start calling the methods, passing the user one returns to the others", () => {
  const quickStart = typescriptBlocks(identity()).find((b) => b.section === "Convenience methods")?.code;
  expect(quickStart?.split("\n").slice(0, 5)).toEqual([
    "const user = await client.createUser();",
    'console.log((await client.createUserAndToken(["chat"])).expiresOn);',
    'console.log((await client.getToken(user, ["chat"])).expiresOn);',
    "await client.revokeTokens(user);",
    "await client.deleteUser(user);",
  ]);
  expect(quickStart).toContain(
    'console.log((await client.getTokenForTeamsUser({\n  teamsUserAadToken: "<teams-user-aad-token>",',
  );
});

it("creates the convenience class where it has a name of its own, and shows no section without a layer", () => {
  const withLayer = readme(gadgets, "gadgets", naming("test/fixtures/convenience/gadgets.cli.yaml"));
  expect(typescriptBlocks(withLayer).find((b) => b.section === "Create the client")?.code).toContain(
    "const client = new GadgetClient();",
  );
  expect(withLayer).toContain(
    "`GadgetClient` adds these methods to the generated `GadgetServiceClient` (the operations below).",
  );
  const without = readme(gadgets, "gadgets");
  expect(without).not.toContain("## Convenience methods");
  expect(typescriptBlocks(without).find((b) => b.section === "Create the client")?.code).toContain(
    "const client = new GadgetServiceClient();",
  );
});

it("never logs a secret-named member (a token) in its examples: they are copied into real code", () => {
  const code = typescriptBlocks(identity())
    .map((b) => b.code)
    .join("\n");
  // Each `console.log(...)` statement, from its start to the `);` that ends its line.
  const logged = [...code.matchAll(/console\.log\(([\s\S]*?)\);$/gm)].map((m) => m[1] ?? "");
  expect(logged.length).toBeGreaterThan(3);
  for (const argument of logged) {
    // A property read out of a result is not secret-named, and no whole token-bearing result is logged.
    expect(argument, argument).not.toMatch(/\.(token|accessToken|key|secret)\b/i);
    expect(argument, argument).not.toMatch(/^await client\.(getToken|createUserAndToken|getTokenForTeamsUser)\(/);
  }
});
