/**
 * The naming layer (`spec/<service>/cli.yaml`) and the command model built from it and the IR:
 * the real files map cleanly onto every API version, every operation gets a derived command, and
 * each kind of mistake in a naming file is one diagnostic pointing into the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCliModel } from "../../generator/plan/cli/command-model.ts";
import { planPackage } from "../../generator/plan/package-plan.ts";
import { parseCliNaming } from "../../generator/plan/cli/naming-file.ts";
import { buildIr } from "../../generator/ir/build-ir.ts";
import type { ApiIR } from "../../generator/ir/types.ts";
import { loadOpenApi } from "../../generator/openapi/load-openapi.ts";
import { clientName, packageInfo } from "../../generator/build/package-naming.ts";
import { buildInline } from "../ir/helpers.ts";
import { openApiPath, repoRoot } from "../support/paths.ts";

function api(service: string, version: string): ApiIR {
  const loaded = loadOpenApi(openApiPath(service, version));
  if (!loaded.value) throw new Error(`cannot load ${service} ${version}`);
  // The client's name, as the generator gives it, decides which operation ids keep their group.
  const title = loaded.value.root["info"] as { title: string };
  return buildIr(loaded.value, clientName(title.title)).value;
}

const pkgOf = (service: string, ir: ApiIR) =>
  packageInfo({
    packageName: `@specsmith/${service}`,
    service,
    apiVersion: ir.apiVersion,
    title: ir.title,
    source: "test",
    regenerate: "specsmith generate",
  });

function model(service: string, version: string, yaml: string) {
  const naming = parseCliNaming(`spec/${service}/cli.yaml`, yaml);
  const ir = api(service, version);
  if (!naming.value) return { naming: naming.diagnostics, model: undefined, diagnostics: [] };
  const built = buildCliModel(planPackage(ir, pkgOf(service, ir)).value, naming.value);
  return { naming: naming.diagnostics, model: built.value, diagnostics: built.diagnostics };
}

describe("the naming files of the repository", () => {
  it.each([
    ["communication-identity", "2023-10-01"],
    ["communication-identity", "2025-03-02-preview"],
    ["api-management", "2022-08-01"],
  ])("%s %s: no diagnostic, seed commands on top of one derived command per operation", (service, version) => {
    const text = readFileSync(join(repoRoot, "spec", service, "cli.yaml"), "utf8");
    const built = model(service, version, text);
    expect(built.naming).toEqual([]);
    expect(built.diagnostics).toEqual([]);
    const ir = api(service, version);
    const derived = built.model?.commands.filter((c) => c.origin === "spec") ?? [];
    expect(derived.map((c) => c.calls[0]?.op.name).sort()).toEqual(ir.operations.map((o) => o.name).sort());
  });

  it("maps seed 003's commands onto the operations and body fields", () => {
    const text = readFileSync(join(repoRoot, "spec/communication-identity/cli.yaml"), "utf8");
    const commands = model("communication-identity", "2025-03-02-preview", text).model?.commands ?? [];
    const byPath = (path: string) => commands.find((c) => c.path.join(" ") === path);
    const issue = byPath("user-identity token issue");
    expect(issue?.calls.map((c) => [c.op.name, c.when, c.bind])).toEqual([
      [
        "issueAccessToken",
        ["user"],
        [
          { flag: "user", to: { param: "id" } },
          { flag: "scope", to: { body: ["scopes"] } },
        ],
      ],
      ["createCommunicationIdentity", [], [{ flag: "scope", to: { body: ["createTokenWithScopes"] } }]],
    ]);
    expect(issue?.flags.find((f) => f.name === "scope")).toMatchObject({
      required: true,
      type: { kind: "array", items: { kind: "enum", extensible: true } },
    });
    expect(byPath("user-identity token revoke")?.confirm).toBeDefined();
    expect(byPath("user-identity token get-for-teams-user")?.flags.map((f) => [f.name, f.required])).toEqual([
      ["aad-token", true],
      ["client", true],
      ["aad-user", true],
    ]);
  });

  it("derives kebab-case commands and flags, with the spec's types, enums and defaults", () => {
    const ir = api("api-management", "2022-08-01");
    const built = buildCliModel(planPackage(ir, pkgOf("api-management", ir)).value, undefined);
    const [command] = built.value.commands;
    expect(command?.path).toEqual(["user", "get-shared-access-token"]);
    expect(command?.flags.map((f) => [f.name, f.type.kind, f.required ?? false])).toEqual([
      ["subscription-id", "string", true],
      ["resource-group-name", "string", true],
      ["service-name", "string", true],
      ["user-id", "string", true],
      ["properties", "json", true],
      ["body", "json", false],
    ]);
    // The expiry inside `--properties` / `--body` is revived into a Date for the operation.
    expect(command?.flags.find((f) => f.name === "properties")?.type).toEqual({
      kind: "json",
      revive: { kind: "object", properties: [["expiry", { kind: "date-time" }]] },
    });
    expect(built.value.authFlags.map((f) => [f.name, f.default])).toEqual([
      ["endpoint", "https://management.azure.com"],
      ["access-token", undefined],
    ]);
  });
});

/** A small valid naming file for communication-identity, then one mistake at a time. */
const VALID = `
bin: ci
environment:
  connection-string: CI_CONNECTION
commands:
  user token revoke:
    confirm: true
    flags:
      user: { help: The user. }
    calls:
      - operation: revokeAccessTokens
        arguments: { id: user }
    examples:
      - title: Revoke
        command: user token revoke --user x --yes
`;

describe("mistakes in a naming file", () => {
  it("the valid file builds", () => {
    const built = model("communication-identity", "2023-10-01", VALID);
    expect([...built.naming, ...built.diagnostics]).toEqual([]);
    expect(built.model?.bin).toBe("ci");
    expect(built.model?.authFlags.find((f) => f.name === "connection-string")?.env).toBe("CI_CONNECTION");
  });

  it.each([
    ["invalid YAML", VALID.replace("bin: ci", "bin: [ci"), "invalid-cli-naming", /not valid YAML/],
    ["an unknown top-level key", `${VALID}\nflagz: 1\n`, "invalid-cli-naming", /unknown key "flagz"/],
    [
      "a flag name with dashes",
      VALID.replace("      user: { help", "      --user: { help"),
      "invalid-cli-naming",
      /must be lower-case words/,
    ],
    [
      "an alias of two letters",
      VALID.replace("{ help: The user. }", "{ help: The user., aliases: [-uu] }"),
      "invalid-cli-naming",
      /alias "-uu"/,
    ],
    [
      "a call without operation",
      VALID.replace("operation: revokeAccessTokens", "op: revokeAccessTokens"),
      "invalid-cli-naming",
      /unknown key "op"/,
    ],
    [
      "an unknown operation",
      VALID.replace("revokeAccessTokens", "revokeTokens"),
      "cli-naming-mismatch",
      /has no operation "revokeTokens"/,
    ],
    [
      "an unknown parameter",
      VALID.replace("{ id: user }", "{ identity: user }"),
      "cli-naming-mismatch",
      /revokeAccessTokens has no parameter "identity"/,
    ],
    [
      "a required parameter without flag",
      VALID.replace("{ id: user }", "{}"),
      "cli-naming-mismatch",
      /gives no flag for its required parameter "id"/,
    ],
    [
      "a body on an operation without one",
      VALID.replace("{ id: user }", "{ id: user, body.scopes: scope }"),
      "cli-naming-mismatch",
      /revokeAccessTokens has no request body/,
    ],
    [
      "a flag named like a global one",
      VALID.replace("{ id: user }", "{ id: output }")
        .replace("user: { help", "output: { help")
        .replace("--user x", "--output x"),
      "cli-naming-mismatch",
      /--output is a global flag/,
    ],
    [
      "an example with an unknown flag",
      VALID.replace("--user x --yes", "--usr x"),
      "cli-naming-mismatch",
      /uses --usr/,
    ],
    [
      "an example of another command",
      VALID.replace("command: user token revoke", "command: user token issue"),
      "cli-naming-mismatch",
      /does not start with "user token revoke"/,
    ],
    [
      "an environment variable for a flag the API lacks",
      VALID.replace("connection-string: CI_CONNECTION", "api-key: CI_KEY"),
      "cli-naming-mismatch",
      /"api-key" is not a credential or endpoint flag/,
    ],
    [
      "a clash with a derived command",
      VALID.replace("user token revoke:", "identity revoke-access-tokens:").replace(
        "command: user token revoke",
        "command: identity revoke-access-tokens",
      ),
      "cli-naming-mismatch",
      /clashes with the command "identity revoke-access-tokens"/,
    ],
    [
      "a when on the last call",
      VALID.replace("arguments: { id: user }", "when: [user]\n        arguments: { id: user }"),
      "cli-naming-mismatch",
      /last call must have no `when`/,
    ],
    [
      "an invalid output expression",
      VALID.replace("arguments: { id: user }", "arguments: { id: user }\n        output: '{a: '"),
      "cli-naming-mismatch",
      /not a valid JMESPath expression/,
    ],
    [
      "an unknown date style",
      VALID.replace("arguments: { id: user }", "arguments: { id: user }\n        dates: python-repr"),
      "invalid-cli-naming",
      /`dates` must be one of python-isoformat, python-str/,
    ],
  ])("%s", (_what, yaml, code, message) => {
    const built = model("communication-identity", "2023-10-01", yaml);
    const all = [...built.naming, ...built.diagnostics];
    expect(all.length, JSON.stringify(all)).toBeGreaterThan(0);
    expect(all[0]?.code).toBe(code);
    expect(all.map((d) => d.message).join("\n")).toMatch(message);
    expect(all[0]?.location?.file).toBe("spec/communication-identity/cli.yaml");
    if (code === "cli-naming-mismatch") expect(all[0]?.location?.line).toBeGreaterThan(0);
  });

  it("a call's `dates` reaches the program: how az prints the result's date-times", () => {
    const yaml = VALID.replace("arguments: { id: user }", "arguments: { id: user }\n        dates: python-isoformat");
    const built = model("communication-identity", "2023-10-01", yaml);
    expect([...built.naming, ...built.diagnostics]).toEqual([]);
    expect(built.model?.commands.find((c) => c.path.join(" ") === "user token revoke")?.calls[0]?.dates).toBe(
      "python-isoformat",
    );
  });

  it("a flag that fills a required value must be required or in the call's `when`", () => {
    const yaml = VALID.replace("{ help: The user. }", "{ help: The user., required: false }");
    const { diagnostics } = model("communication-identity", "2023-10-01", yaml);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/--user fills a required value of revokeAccessTokens but is optional/),
    ]);
  });
});

describe("commands derived from a spec without a naming file", () => {
  const op = (operationId: string) => ({ operationId, tags: ["repos"], responses: { "204": { description: "done" } } });
  const paths = {
    "/repos/{r}/collaborators": { put: op("repos/add-collaborator"), get: op("repos/list-collaborators") },
    "/collaborators": { put: op("add-collaborator") },
    "/repos/{r}/hooks": { get: op("list-hooks") },
  };
  const parameters = [{ name: "r", in: "path", required: true, schema: { type: "string" } }];
  const document = {
    openapi: "3.0.3",
    info: { title: "Hub", version: "1" },
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, item]) => [path, path.includes("{r}") ? { parameters, ...item } : item]),
    ),
  };

  it("leave out the group's words (az's `repos list-collaborators`), and never drop an operation when that meets another's name", () => {
    const ir = buildInline(document).ir;
    if (!ir) throw new Error("the inline document did not build");
    const built = buildCliModel(planPackage(ir, pkgOf("hub", ir)).value, undefined);
    const byOperation = Object.fromEntries(built.value.commands.map((c) => [c.calls[0]?.op.name, c.path.join(" ")]));
    expect(byOperation).toEqual({
      reposListCollaborators: "repos list-collaborators",
      listHooks: "repos list-hooks",
      addCollaborator: "repos add-collaborator",
      reposAddCollaborator: "repos repos-add-collaborator",
    });
  });
});
