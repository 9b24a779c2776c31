/**
 * The config file is validated against `generator/config/config.schema.json`: each mistake is one
 * `invalid-config` diagnostic naming the JSON pointer, line and column, and saying what was
 * expected. A config can also list OpenAPI documents and pin API versions, so another repository
 * adopts specsmith without editing its code.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_PATH, loadConfig } from "../../generator/config/config.ts";
import { repoRoot } from "../support/paths.ts";
import { folderState, lines, specsmith, workspace } from "./spawn-cli.ts";

const ws = workspace("config");
afterAll(() => ws.remove());
let count = 0;

/** Writes `text` as a config file in the workspace and loads it. */
async function load(text: string) {
  const file = join(ws.dir, `config-${count++}.json`);
  writeFileSync(file, text);
  return loadConfig(file);
}

const service = (extra: object) =>
  JSON.stringify({ services: [{ name: "svc", typespec: "main.tsp", ...extra }] }, null, 2);

describe("invalid configs: one diagnostic each, with pointer, line, column and what was expected", () => {
  it.each([
    {
      label: "a name with capitals",
      text: service({ name: "Svc" }),
      pointer: "/services/0/name",
      line: 4,
      message: '`name` must be lower-case letters, digits and dashes, starting with a letter or digit; got "Svc"',
    },
    {
      label: "a misspelt property",
      text: service({ pakage: "@acme/svc" }),
      pointer: "/services/0/pakage",
      line: 6,
      message:
        "unknown property `pakage` (did you mean `package`?); `0` may have `name`, `typespec`, `openapi`, `package`, `versions`, `azure`, `version`, `keywords`",
    },
    {
      label: "neither typespec nor openapi",
      text: JSON.stringify({ services: [{ name: "svc" }] }, null, 2),
      pointer: "/services/0",
      line: 3,
      message: "a service needs exactly one of `typespec` (a .tsp entry file) or `openapi` (an OpenAPI document)",
    },
    {
      label: "both typespec and openapi",
      text: service({ openapi: "api.yaml" }),
      pointer: "/services/0",
      line: 3,
      message: "a service needs exactly one of `typespec` (a .tsp entry file) or `openapi` (an OpenAPI document)",
    },
    {
      label: "a typespec path that is not a .tsp file",
      text: service({ typespec: "main.yaml" }),
      pointer: "/services/0/typespec",
      line: 5,
      message: '`typespec` must be the path of a .tsp file; got "main.yaml"',
    },
    {
      label: "an invalid package name",
      text: service({ package: "Acme SDK" }),
      pointer: "/services/0/package",
      line: 6,
      message: '`package` must be a valid npm package name, e.g. "@acme/widgets"; got "Acme SDK"',
    },
    {
      label: "no services",
      text: JSON.stringify({ services: [] }),
      pointer: "/services",
      line: 1,
      message: "`services` must be a non-empty list of services; got an empty list",
    },
    {
      label: "a missing services list",
      text: JSON.stringify({ output: "generated" }),
      pointer: "",
      line: 1,
      message: "the config is missing the required property `services`",
    },
    {
      label: "an output that is not a string",
      text: JSON.stringify({ output: 3, services: [{ name: "svc", typespec: "main.tsp" }] }),
      pointer: "/output",
      line: 1,
      message: "`output` must be a non-empty folder path; got 3",
    },
    {
      label: "a version listed twice",
      text: service({ versions: ["2024-01-01", "2024-01-01"] }),
      pointer: "/services/0/versions",
      line: 6,
      message: "`versions` lists the same value twice (items 0 and 1)",
    },
    {
      label: "two services with one name",
      text: JSON.stringify(
        {
          services: [
            { name: "svc", typespec: "a.tsp" },
            { name: "svc", typespec: "b.tsp" },
          ],
        },
        null,
        2,
      ),
      pointer: "/services/1/name",
      line: 8,
      message: 'two services are named "svc"; names must be unique',
    },
  ])("$label", async ({ text, pointer, line, message }) => {
    const { value, diagnostics } = await load(text);
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.location?.pointer, d.location?.line, d.message])).toEqual([
      ["invalid-config", pointer, line, message],
    ]);
    expect(diagnostics[0]?.location?.column).toBeGreaterThan(0);
  });

  it("JSON syntax errors have a line and column", async () => {
    const { diagnostics } = await load('{\n  "services": [\n    { "name": "svc" "typespec": "a.tsp" }\n  ]\n}');
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([["invalid-config", 3, 21]]);
  });

  it("a key given twice in one object is an error at the second, with line and column", async () => {
    // JSON.parse keeps the last `output` and the first service's `typespec` would be replaced.
    const text =
      '{\n  "output": "a",\n  "services": [\n    { "name": "svc", "typespec": "a.tsp", "typespec": "b.tsp" }\n  ],\n  "output": "b"\n}';
    const { value, diagnostics } = await load(text);
    expect(value).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.column, d.message])).toEqual([
      [
        "invalid-config",
        4,
        43,
        'the key "typespec" appears twice in one object; JSON keeps only the last, so remove one',
      ],
      ["invalid-config", 6, 3, 'the key "output" appears twice in one object; JSON keeps only the last, so remove one'],
    ]);
  });

  it("a JSON syntax error does not quote the file's text", async () => {
    const { diagnostics } = await load("SECRET_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyz\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["invalid-config"]);
    expect(diagnostics[0]?.message).toBe("the config is not valid JSON: Unexpected token 'S'");
  });

  it("a missing file is config-not-found", async () => {
    const { diagnostics } = await loadConfig(join(ws.dir, "nope.json"));
    expect(diagnostics.map((d) => d.code)).toEqual(["config-not-found"]);
  });

  it("the repository's own config is valid, and the schema itself passes ajv's strict mode", async () => {
    const own = await loadConfig(join(repoRoot, "specsmith.config.json"));
    expect(own.diagnostics).toEqual([]);
    expect(own.value?.services.map((s) => s.name)).toEqual(["communication-identity", "api-management"]);
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, "utf8")) as object;
    expect(() => new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema)).not.toThrow();
    expect(
      (JSON.parse(readFileSync(join(repoRoot, "specsmith.config.json"), "utf8")) as { $schema?: string }).$schema,
    ).toBe("./generator/config/config.schema.json");
  });
});

describe("a config listing an OpenAPI document", () => {
  const spec = join(ws.dir, "enums.yaml");
  copyFileSync(join(repoRoot, "test/fixtures/openapi/enums.yaml"), spec);
  const write = (versions?: string[]) =>
    writeFileSync(
      join(ws.dir, "specsmith.config.json"),
      JSON.stringify({
        $schema: "../../generator/config/config.schema.json",
        output: "out",
        services: [{ name: "enums", openapi: "enums.yaml", package: "@acme/enums", ...(versions ? { versions } : {}) }],
      }),
    );

  it("generates its package into the configured output, and check agrees", () => {
    write(["1.0.0"]);
    const run = specsmith(["generate", "--quiet", "--config", join(ws.dir, "specsmith.config.json")]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    const files = Object.keys(folderState(join(ws.dir, "out")));
    expect(files).toContain("packages/enums-1.0.0/src/models.ts");
    expect(JSON.parse(readFileSync(join(ws.dir, "out/packages/enums-1.0.0/package.json"), "utf8")).name).toBe(
      "@acme/enums",
    );
    expect(specsmith(["check", "--config", join(ws.dir, "specsmith.config.json")]).status).toBe(0);
  });

  it("a pinned version the document does not have is unknown-version, at the config entry", () => {
    write(["2.0.0"]);
    const run = specsmith(["generate", "--quiet", "--config", join(ws.dir, "specsmith.config.json")]);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /specsmith\.config\.json:1:\d+ \(#\/services\/0\/versions\/0\) - error unknown-version: service "enums" has no API version "2\.0\.0" \(it has "1\.0\.0"\)$/,
      ),
    ]);
  });
});
