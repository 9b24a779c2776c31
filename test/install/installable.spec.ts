/**
 * specsmith as another team adopts it: `npm pack`, then the README's "Use it in your repo" followed
 * to the letter in a fresh project (the tarball in place of the registry), on Node 24 with
 * @typespec/compiler 1.16 and on Node 22 with 1.17; and the one line Node 20 gets. npm runs with
 * `--prefer-offline`: packages already in the npm cache are not fetched again.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folderBytes } from "../cli-generator/spawn-cli.ts";
import { repoRoot } from "../support/paths.ts";
import { readmeRecipe, type RecipeStep } from "./readme-recipe.ts";

const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
const work = mkdtempSync(join(tmpdir(), "specsmith-install-"));
const node24 = dirname(process.execPath);
const recipe = readmeRecipe();
let tarball = "";

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A user's shell: none of the `npm_*` variables of the npm run that started the tests, `nodeDir` first on PATH. */
function shell(line: string, cwd: string, nodeDir = node24): Run {
  const inherited = Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_"));
  const env = {
    ...Object.fromEntries(inherited),
    PATH: `${nodeDir}${delimiter}${process.env["PATH"] ?? ""}`,
    NO_COLOR: "1",
    npm_config_prefer_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  const run = spawnSync("bash", ["-c", line], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function succeed(line: string, cwd: string, nodeDir = node24): Run {
  const run = shell(line, cwd, nodeDir);
  expect(run.status, `\`${line}\` in ${cwd}:\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

/** The README's install line with the tarball in place of the registry's specsmith. */
function installLine(line: string): string {
  const swapped = line.replace(/^npm i -D specsmith /, `npm i -D ${tarball} `);
  expect(swapped, "the README's install line starts with `npm i -D specsmith `").not.toBe(line);
  return swapped;
}

const files = (steps: readonly RecipeStep[]) => steps.flatMap((step) => (step.kind === "file" ? [step] : []));
const commands = (steps: readonly RecipeStep[]) =>
  steps.flatMap((step) => (step.kind === "command" ? [step.line] : []));

beforeAll(() => {
  const pack = succeed(`npm pack --pack-destination ${JSON.stringify(work)}`, repoRoot);
  tarball = join(work, pack.stdout.trim().split("\n").at(-1) ?? "");
  expect(existsSync(tarball), tarball).toBe(true);
});

describe("the packed tarball", () => {
  it("holds the compiled generator and what it reads at run time, nothing else", () => {
    const entries = succeed(`tar -tzf ${JSON.stringify(tarball)}`, work)
      .stdout.split("\n")
      .filter(Boolean);
    for (const needed of [
      "package/package.json",
      "package/dist/specsmith.js",
      "package/dist/cli/cli.js",
      "package/dist/runtime/errors.ts",
      "package/dist/runtime/cli/program.ts",
      "package/dist/config/config.schema.json",
      "package/dist/diff/report.schema.json",
      "package/templates/package/package.json.hbs",
      "package/generator/config/config.schema.json",
    ]) {
      expect(entries, needed).toContain(needed);
    }
    const unwanted = entries.filter(
      (entry) =>
        /^package\/(test|bench|generated|spec|build|node_modules|dist\/publish)\//.test(entry) ||
        /^package\/generator\/.*\.[jt]s$/.test(entry),
    );
    expect(unwanted).toEqual([]);
    const packed = JSON.parse(
      succeed(`tar -xzOf ${JSON.stringify(tarball)} package/package.json`, work).stdout,
    ) as Record<string, Record<string, string> | string | undefined>;
    expect(packed["private"]).toBeUndefined();
    expect(Object.keys(packed["dependencies"] ?? {})).toEqual(
      expect.arrayContaining(["code-block-writer", "ts-morph", "yaml", "handlebars", "ajv", "jmespath"]),
    );
    expect(packed["dependencies"]).not.toHaveProperty("@typespec/compiler");
    expect(packed["peerDependencies"]).toMatchObject({
      "@typespec/compiler": "^1.16.0",
      "@typespec/openapi3": "^1.16.0",
    });
  });
});

describe("the README's 'Use it in your repo', from the tarball", () => {
  const app = join(work, "app");
  const built = join(app, "generated/packages/widgets-2024-06-01");

  it("installs, generates, checks and builds on Node 24 with @typespec/compiler 1.16", () => {
    mkdirSync(app);
    writeFileSync(
      join(app, "package.json"),
      `${JSON.stringify({ name: "widgets-app", private: true, type: "module" }, null, 2)}\n`,
    );
    const [install, generate, check, build, ...rest] = commands(recipe);
    expect([generate, check, rest]).toEqual(["npx specsmith generate", "npx specsmith check", []]);
    succeed(installLine(install ?? ""), app);
    for (const file of files(recipe)) {
      mkdirSync(dirname(join(app, file.path)), { recursive: true });
      writeFileSync(join(app, file.path), file.text);
    }
    expect(succeed("node --version", app).stdout).toMatch(/^v24\./);
    expect(JSON.parse(readFileSync(join(app, "node_modules/@typespec/compiler/package.json"), "utf8")).version).toMatch(
      /^1\.16\./,
    );

    expect(succeed(generate ?? "", app).stdout).toMatch(/^specsmith: \d+ files in generated, \d+ changed$/m);
    const models = (version: string) =>
      readFileSync(join(app, `generated/packages/widgets-${version}/src/models.ts`), "utf8");
    expect(models("2024-01-01")).not.toMatch(/colour/);
    expect(models("2024-06-01")).toMatch(/colour\?: string/);
    expect(existsSync(join(app, "generated/openapi/widgets/2024-01-01.yaml"))).toBe(true);
    expect(existsSync(join(app, "generated/diffs/widgets/2024-01-01..2024-06-01.md"))).toBe(true);

    expect(succeed(check ?? "", app).stdout).toMatch(/^specsmith: generated is up to date$/m);
    expect(succeed("npx specsmith --version", app).stdout).toBe(`${manifest.version}\n`);
    expect(succeed("npx specsmith generate --help", app).stdout).toMatch(/^ {2}--watch\b/m);
    const diff = succeed(
      "npx specsmith diff generated/openapi/widgets/2024-01-01.yaml generated/openapi/widgets/2024-06-01.yaml",
      app,
    );
    expect(diff.stdout).toMatch(/colour/);

    succeed(build ?? "", app);
    expect(existsSync(join(built, "dist/index.js"))).toBe(true);
    expect(existsSync(join(built, "dist/cli.js"))).toBe(true);
  });

  it("check is still up to date after the package was built where it sits", () => {
    const run = shell("npx specsmith check --format json", app);
    const result = JSON.parse(run.stdout) as { changes?: { added: string[]; changed: string[]; removed: string[] } };
    const stale = [
      ...(result.changes?.added ?? []),
      ...(result.changes?.changed ?? []),
      ...(result.changes?.removed ?? []),
    ];
    // What `npm install && npm run build` leaves in the package: nothing else may be stale.
    const artefact = /^packages\/widgets-2024-06-01\/(node_modules\/|dist\/|package-lock\.json$)/;
    expect(stale.filter((path) => !artefact.test(path))).toEqual([]);
    // NEEDS issue 12 item 2 (another branch): `check` ignores build artefacts inside generated packages.
    // Until that is merged, this fails naming node_modules/, dist/ and package-lock.json (one entry each).
    expect([...new Set(stale.map((path) => path.split("/").slice(0, 3).join("/")))]).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("generates the same bytes on Node 22 with @typespec/compiler 1.17", () => {
    const node22 = join(work, "node22");
    mkdirSync(node22);
    // `node@22` from the registry: the npm package that ships Node's binary (the repo's way to get Node 24 too).
    writeFileSync(
      join(node22, "package.json"),
      `${JSON.stringify({ name: "node22", private: true, allowScripts: { node: true } })}\n`,
    );
    succeed("npm install node@22", node22);
    const node22Bin = join(node22, "node_modules/node/bin");
    const app17 = join(work, "app17");
    mkdirSync(app17);
    writeFileSync(
      join(app17, "package.json"),
      `${JSON.stringify({ name: "widgets-app", private: true, type: "module" }, null, 2)}\n`,
    );
    for (const file of files(recipe)) {
      mkdirSync(dirname(join(app17, file.path)), { recursive: true });
      writeFileSync(join(app17, file.path), file.text);
    }
    // @typespec/openapi3 1.17 is not published yet; its 1.16 takes any @typespec/compiler ^1.16.
    succeed(
      `npm i -D ${tarball} @typespec/compiler@1.17 @typespec/http@1.16 @typespec/openapi@1.16 @typespec/openapi3@1.16 @typespec/versioning@0.86`,
      app17,
      node22Bin,
    );
    expect(
      JSON.parse(readFileSync(join(app17, "node_modules/@typespec/compiler/package.json"), "utf8")).version,
    ).toMatch(/^1\.17\./);
    expect(succeed("node --version", app17, node22Bin).stdout).toMatch(/^v22\./);
    succeed("npx specsmith generate", app17, node22Bin);
    expect(succeed("npx specsmith check", app17, node22Bin).stdout).toMatch(/up to date/);
    const bytes = (folder: string) =>
      Object.fromEntries(
        Object.entries(folderBytes(join(folder, "generated"))).filter(
          ([path]) => !/^packages\/widgets-2024-06-01\/(node_modules|dist|package-lock\.json)/.test(path),
        ),
      );
    expect(bytes(app17)).toEqual(bytes(app));
  });

  it("tells Node 20 in one line which Node it needs", () => {
    const run = spawnSync("/usr/bin/node", [join(app, "node_modules/specsmith/dist/specsmith.js"), "--version"], {
      encoding: "utf8",
    });
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^specsmith: needs Node 22\.18 or newer; this is Node 20\.\d+\.\d+\n$/);
    expect(run.status).toBe(1);
  });
});
