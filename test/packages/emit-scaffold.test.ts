/** The package-files emitter on hand-built IRs: package.json, tsconfig.json and the README. */
import { describe, expect, it } from "vitest";
import { ExampleBuilder, printExample } from "../../generator/emit/package/example-values.ts";
import { exampleEndpoint } from "../../generator/emit/package/readme-auth.ts";
import { endpointPlan } from "../../generator/plan/credentials.ts";
import { CLI_BUILD_STEPS } from "../../generator/plan/cli/cli-layout.ts";
import { emitScaffold } from "../../generator/emit/package/emit-scaffold.ts";
import { planPackage } from "../../generator/plan/package-plan.ts";
import { scaffoldTemplates } from "../../generator/emit/package/scaffold-templates.ts";
import type { ApiIR, ServerIR, TypeIR } from "../../generator/ir/types.ts";
import { defaultRetryOptions } from "../../generator/runtime/retry-policy.ts";
import { identityApi, identityPackage, managementApi, managementPackage } from "./support/sample-apis.ts";
import { typescriptBlocks } from "./support/package-tools.ts";

type Json = Record<string, unknown>;

function files(api: ApiIR = identityApi, pkg = identityPackage): Map<string, string> {
  return new Map(emitScaffold(planPackage(api, pkg).value).map((f) => [f.path, f.content]));
}

const packageJson = (api?: ApiIR, pkg = identityPackage): Json =>
  JSON.parse(files(api, pkg).get("package.json") ?? "") as Json;
const readme = (api?: ApiIR, pkg = identityPackage): string => files(api, pkg).get("README.md") ?? "";

describe("emitScaffold", () => {
  it("writes package.json, README.md, tsconfig.json and tsconfig.commonjs.json, each ending in one newline", () => {
    const out = files();
    expect([...out.keys()].sort()).toEqual(["README.md", "package.json", "tsconfig.commonjs.json", "tsconfig.json"]);
    for (const content of out.values()) expect(content).toMatch(/[^\n]\n$/);
  });

  it("is deterministic: two runs give the same bytes", () => {
    const scaffold = (api: ApiIR, pkg: typeof identityPackage) => emitScaffold(planPackage(api, pkg).value);
    expect(scaffold(identityApi, identityPackage)).toEqual(scaffold(identityApi, identityPackage));
    expect(scaffold(managementApi, managementPackage)).toEqual(scaffold(managementApi, managementPackage));
  });

  it("templates are strict: a view missing a field throws instead of printing nothing", () => {
    expect(() => scaffoldTemplates().packageJson({})).toThrow();
    expect(() => scaffoldTemplates().readme({})).toThrow();
  });
});

describe("package.json", () => {
  const pkg = packageJson();

  it.each([
    ["name", "@specsmith/communication-identity"],
    ["version", "2025.3.2-preview"],
    ["type", "module"],
    ["main", "./dist/commonjs/index.js"],
    ["types", "./dist/commonjs/index.d.ts"],
    ["sideEffects", false],
    ["license", "MIT"],
    [
      "exports",
      {
        ".": {
          import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
          require: { types: "./dist/commonjs/index.d.ts", default: "./dist/commonjs/index.js" },
        },
        "./package.json": "./package.json",
      },
    ],
    ["engines", { node: ">=20" }],
    ["files", ["dist", "src", "README.md"]],
    // Every package has a command line: its build needs these (none is a runtime dependency).
    [
      "devDependencies",
      {
        "@types/jmespath": "^0.15.0",
        "@types/node": "^24.0.0",
        esbuild: "^0.28.0",
        jmespath: "^0.16.0",
        typescript: "^5.9.0",
        yaml: "^2.8.0",
      },
    ],
  ])("%s", (field, value) => {
    expect(pkg[field]).toEqual(value);
  });

  it("has a build script (the library's, then the command line's) and no dependencies of any kind", () => {
    expect((pkg["scripts"] as Json)["build"]).toBe(
      `tsc -p tsconfig.json && tsc -p tsconfig.commonjs.json && node -e "require('node:fs').writeFileSync('dist/commonjs/package.json', '{\\"type\\": \\"commonjs\\"}\\n')"` +
        ` && ${CLI_BUILD_STEPS.join(" && ")}`,
    );
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
      expect(pkg[field]).toBeUndefined();
    }
  });

  it("takes its description from the spec and names the API version", () => {
    expect(pkg["description"]).toBe(
      "Azure Communication Identity Service: creates and deletes identities, issues and revokes their access tokens. " +
        "TypeScript client for API version 2025-03-02-preview.",
    );
    expect(packageJson(managementApi, managementPackage)["description"]).toBe(
      "TypeScript client for ApiManagementClient, API version 2022-08-01.",
    );
  });

  it("has sorted keywords from the service name and operation groups", () => {
    expect(pkg["keywords"]).toEqual([
      "api-client",
      "communication-identity",
      "entra-id",
      "identity",
      "openapi",
      "sdk",
      "token",
      "typescript",
    ]);
  });

  it("escapes strings: a description with quotes and backslashes stays valid JSON", () => {
    const api = { ...identityApi, description: 'Says "hi" \\ bye' };
    expect(packageJson(api)["description"]).toContain('Says "hi" \\ bye');
  });
});

describe("tsconfig.json", () => {
  const options = (JSON.parse(files().get("tsconfig.json") ?? "") as { compilerOptions: Json }).compilerOptions;

  it.each([
    ["strict", true],
    ["noUncheckedIndexedAccess", true],
    ["module", "NodeNext"],
    ["moduleResolution", "NodeNext"],
    ["declaration", true],
    ["declarationMap", true],
    ["sourceMap", true],
    ["outDir", "dist"],
    ["rootDir", "src"],
    ["types", []],
  ])("%s", (option, value) => {
    expect(options[option]).toEqual(value);
  });

  it("targets ES2022 or later with the DOM types of fetch and Web Crypto", () => {
    expect(Number(String(options["target"]).slice(2))).toBeGreaterThanOrEqual(2022);
    expect(options["lib"]).toContain("DOM");
  });
});

describe("README", () => {
  const text = readme();
  const blocks = typescriptBlocks(text);

  it("starts with the generated-file header and the spec's title and description", () => {
    expect(text.split("\n")[0]).toBe(`<!-- ${identityPackage.header.replace(/^\/\/ /, "")} -->`);
    expect(text).toContain("# CommunicationIdentityClient\n");
    expect(text).toContain("A second paragraph | with a pipe.");
    expect(text).toContain("npm install @specsmith/communication-identity");
  });

  it("has one section per auth scheme, with the constructor each one uses", () => {
    const headings = [...text.matchAll(/^### (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 3)).toEqual(["Connection string", "Access key", "Token credential"]);
    const auth = blocks.filter((b) => b.section === "Authenticate").map((b) => b.code.split("\n").at(-1));
    expect(auth).toEqual([
      'const client = new CommunicationIdentityClient("endpoint=https://my-resource.communication.azure.com/;accesskey=<access-key>");',
      'const client = new CommunicationIdentityClient("https://my-resource.communication.azure.com", { key: "<access-key>" });',
      'const client = new CommunicationIdentityClient("https://my-resource.communication.azure.com", new DefaultAzureCredential());',
    ]);
    expect(text).toContain("`https://communication.azure.com//.default`");
    expect(text).toContain("SignedHeaders=...&Signature=...");
  });

  it("has exactly one example per operation, calling the client method", () => {
    const examples = blocks.filter((b) => b.section === "Operations");
    expect(examples).toHaveLength(identityApi.operations.length);
    identityApi.operations.forEach((op, index) => expect(examples[index]?.code).toContain(`client.${op.name}(`));
    expect(examples.map((b) => b.code)).toContain(
      'const result = await client.issueAccessToken("<id>", { scopes: ["chat"] });\nconsole.log(result.expiresOn);',
    );
  });

  it("marks deprecated operations and escapes pipes in the table", () => {
    expect(text).toMatch(/### `updateEntraIdAssignments`\n\n> \*\*Deprecated\.\*\*/);
  });

  it("shows the tree-shakable form with the context factory the source emitter names", () => {
    const { contextFactory } = planPackage(identityApi, identityPackage).value.names.client;
    const [functions] = blocks.filter((b) => b.section === "Tree-shakable functions");
    expect(functions?.code).toContain(
      `import { ${contextFactory}, issueAccessToken } from "@specsmith/communication-identity";`,
    );
    expect(functions?.code).toContain('await issueAccessToken(context, "<id>", { scopes: ["chat"] });');
  });

  it("states the runtime's retry defaults", () => {
    const { maxRetries, initialDelayMs, maxDelayMs } = defaultRetryOptions;
    expect(text).toContain(
      `Defaults: ${maxRetries} retries, ${initialDelayMs} ms initial delay, ${maxDelayMs / 1000} s maximum delay.`,
    );
    expect(text).toContain("408, 429, 500, 502, 503, 504");
    expect(text).toContain("retry: { maxRetries: 0 }");
  });

  it("documents errors, timeouts and paging (only when the API pages)", () => {
    for (const section of ["Errors", "Retries", "Paging", "Timeouts and cancellation"])
      expect(text).toContain(`\n## ${section}\n`);
    expect(text).toContain("for await (const page of client.listEntraIdAssignments().byPage())");
    expect(readme(managementApi, managementPackage)).not.toContain("## Paging");
  });

  it("hard-codes no service: another API gets only its own schemes, names and endpoint", () => {
    const other = readme(managementApi, managementPackage);
    expect(other).not.toMatch(/communication|access key|connection string/i);
    expect(other).toContain("new ApiManagementClient(new DefaultAzureCredential())");
    expect(other).not.toContain("Web Crypto");
  });

  it("has no runs of blank lines", () => {
    expect(text).not.toMatch(/\n\n\n/);
  });
});

describe("example values", () => {
  const examples = new ExampleBuilder(identityApi);
  const cases: [string, TypeIR, string, string][] = [
    ["placeholder named after the parameter", { kind: "string" }, "objectId", '"<object-id>"'],
    ["uuid", { kind: "string", format: "uuid" }, "tenantId", '"00000000-0000-0000-0000-000000000000"'],
    ["email", { kind: "string", format: "email" }, "mail", '"user@example.com"'],
    ["integer at its minimum", { kind: "number", integer: true, constraints: { minimum: 60 } }, "n", "60"],
    [
      "integer past an exclusive minimum",
      { kind: "number", integer: true, constraints: { exclusiveMinimum: 0 } },
      "n",
      "1",
    ],
    ["date-time as a Date", { kind: "date-time" }, "expiry", 'new Date("2030-01-01T00:00:00Z")'],
    ["first enum value", { kind: "ref", name: "EntraPrincipalType" }, "type", '"user"'],
    ["array items named in the singular", { kind: "array", items: { kind: "string" } }, "clientIds", '["<client-id>"]'],
    ["map with a placeholder key", { kind: "map", values: { kind: "boolean" } }, "flags", '{ "<key>": true }'],
    [
      "nullable: the non-null variant",
      { kind: "union", variants: [{ kind: "null" }, { kind: "number", integer: true }] },
      "n",
      "1",
    ],
    [
      "only required, writable properties",
      {
        kind: "object",
        properties: [
          { name: "id", required: true, readOnly: true, writeOnly: false, deprecated: false, type: { kind: "string" } },
          {
            name: "x-name",
            required: true,
            readOnly: false,
            writeOnly: false,
            deprecated: false,
            type: { kind: "string" },
          },
          {
            name: "note",
            required: false,
            readOnly: false,
            writeOnly: false,
            deprecated: false,
            type: { kind: "string" },
          },
        ],
      },
      "body",
      '{ "x-name": "<x-name>" }',
    ],
  ];

  it.each(cases)("%s", (_, type, name, expected) => {
    expect(printExample(examples.value(type, name))).toBe(expected);
  });

  it("discriminated unions show the first mapped variant with its discriminator value", () => {
    const api: ApiIR = {
      ...identityApi,
      types: [
        {
          name: "Cat",
          sourceName: "Cat",
          deprecated: false,
          usage: { input: true, output: true },
          type: {
            kind: "object",
            properties: [
              {
                name: "kind",
                required: true,
                readOnly: false,
                writeOnly: false,
                deprecated: false,
                type: { kind: "string" },
              },
              {
                name: "lives",
                required: true,
                readOnly: false,
                writeOnly: false,
                deprecated: false,
                type: { kind: "number", integer: true },
              },
            ],
          },
        },
      ],
    };
    const union: TypeIR = {
      kind: "union",
      variants: [{ kind: "ref", name: "Cat" }],
      discriminator: { propertyName: "kind", mapping: [{ value: "cat", type: "Cat" }] },
    };
    expect(printExample(new ExampleBuilder(api).value(union, "pet"))).toBe('{ kind: "cat", lives: 1 }');
  });

  it("recursive types end instead of recursing forever", () => {
    const api: ApiIR = {
      ...identityApi,
      types: [
        {
          name: "Node",
          sourceName: "Node",
          deprecated: false,
          usage: { input: true, output: true },
          type: {
            kind: "object",
            properties: [
              {
                name: "next",
                required: true,
                readOnly: false,
                writeOnly: false,
                deprecated: false,
                type: { kind: "ref", name: "Node" },
              },
            ],
          },
        },
      ],
    };
    expect(printExample(new ExampleBuilder(api).value({ kind: "ref", name: "Node" }, "node"))).toBe("{ next: {} }");
  });

  it("long objects spread over several lines", () => {
    const printed = printExample(examples.value({ kind: "ref", name: "EntraAssignment" }, "assignment"));
    expect(printed).toBe(
      '{\n  objectId: "<object-id>",\n  tenantId: "00000000-0000-0000-0000-000000000000",\n  principalType: "user",\n  clientIds: ["<client-id>"],\n}',
    );
  });
});

describe("example endpoint", () => {
  const cases: [string, ServerIR, string | undefined][] = [
    [
      "a URL from the variable's description",
      {
        url: "{endpoint}",
        variables: [{ name: "endpoint", description: "The resource, for example https://my-resource.example.com/." }],
      },
      "https://my-resource.example.com",
    ],
    ["a placeholder origin without one", { url: "{endpoint}", variables: [{ name: "endpoint" }] }, "https://<host>"],
    [
      "the variable alone when it fills a template",
      { url: "https://{region}.example.com/v1", variables: [{ name: "region" }] },
      "<region>",
    ],
    ["an origin for a relative server URL", { url: "/api/v2", variables: [] }, "https://<host>"],
    [
      "none when the URL is fixed (the endpoint is an option)",
      { url: "https://api.example.com", variables: [] },
      undefined,
    ],
    [
      "none when every variable has a default",
      { url: "{endpoint}", variables: [{ name: "endpoint", default: "https://x.example.com" }] },
      undefined,
    ],
  ];

  it.each(cases)("%s", (_, server, expected) => {
    const api = { ...identityApi, server };
    expect(exampleEndpoint(api, endpointPlan(api))?.value).toBe(expected);
  });
});
