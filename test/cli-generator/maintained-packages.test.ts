/**
 * Maintainers control the packages specsmith generates for them: package.json fields from the
 * config, their own files kept beside the generated ones, a package built where it sits (`npm run
 * build`) neither stale for `check` nor deleted by `generate`, headers and hints naming the command
 * that regenerates, and a summary that counts what the folder holds.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths.ts";
import { folderBytes, specsmith, workspace } from "./spawn-cli.ts";

const ws = workspace("maintained");
afterAll(() => ws.remove());
const fixture = join(repoRoot, "test/fixtures/openapi/read-write-only.yaml");
const at = (...path: string[]) => join(ws.dir, ...path);
/** `specsmith` run in the workspace, as a user of another repository runs it. */
const run = (...args: string[]) => specsmith(args, { cwd: ws.dir });

const config = {
  output: "out",
  license: "Apache-2.0",
  author: "Acme SDK team <sdk@acme.example>",
  repository: "github:acme/sdks",
  keywords: ["acme"],
  extraFiles: ["LICENSE", "CHANGELOG.md"],
  services: [{ name: "rw", openapi: "api.yaml", package: "@acme/rw", version: "1.0.1", keywords: ["users"] }],
};
const packageDir = at("out/packages/rw-1.0.0");

describe("a config build", () => {
  it("writes the config's package.json fields, its version winning over the API version's", () => {
    copyFileSync(fixture, at("api.yaml"));
    writeFileSync(at("specsmith.config.json"), JSON.stringify(config, null, 2));
    expect(run("generate", "--quiet").status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "@acme/rw",
      version: "1.0.1",
      license: "Apache-2.0",
      author: "Acme SDK team <sdk@acme.example>",
      repository: "github:acme/sdks",
      files: ["dist", "src", "README.md", "LICENSE", "CHANGELOG.md"],
    });
    expect(manifest["keywords"]).toEqual(expect.arrayContaining(["acme", "users", "rw", "sdk"]));
    // The user agent names the version npm publishes.
    expect(readFileSync(join(packageDir, "src/context.ts"), "utf8")).toContain('"@acme/rw/1.0.1"');
  });

  it("keeps the maintainers' extra files across regenerations, and check does not report them", () => {
    writeFileSync(join(packageDir, "LICENSE"), "Apache License 2.0\n");
    writeFileSync(join(packageDir, "CHANGELOG.md"), "# 1.0.1\n- a fix\n");
    const inodes = () => ["LICENSE", "CHANGELOG.md"].map((path) => statSync(join(packageDir, path)).ino);
    const before = inodes();
    expect(run("check").status).toBe(0);
    const spec = readFileSync(at("api.yaml"), "utf8");
    writeFileSync(at("api.yaml"), spec.replace("A model used in both requests", "One model used in both requests"));
    expect(run("generate", "--quiet").status).toBe(0);
    expect(inodes()).toEqual(before);
    expect(readFileSync(join(packageDir, "CHANGELOG.md"), "utf8")).toBe("# 1.0.1\n- a fix\n");
    expect(run("check").status).toBe(0);
  });

  it("refuses a version that is not semver, naming the file, line and field", () => {
    writeFileSync(
      at("bad.config.json"),
      JSON.stringify({ ...config, services: [{ ...config.services[0], version: "1.2" }] }, null, 2),
    );
    const result = run("generate", "--config", "bad.config.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'bad.config.json:18:7 (#/services/0/version) - error invalid-config: `version` must be a semver version such as "1.2.3", or an object of them keyed by API version; got "1.2"',
    );
  });
});

describe("a package built where it sits", () => {
  it("is neither stale for check nor stripped of its build by generate", { timeout: 240_000 }, () => {
    mkdirSync(at("built"));
    copyFileSync(fixture, at("built/api.yaml"));
    writeFileSync(
      at("built/specsmith.config.json"),
      JSON.stringify({ output: "out", services: [{ name: "rw", openapi: "api.yaml" }] }),
    );
    const inBuilt = (...args: string[]) => specsmith(args, { cwd: at("built") });
    expect(inBuilt("generate", "--quiet").status).toBe(0);
    const folder = at("built/out/packages/rw-1.0.0");
    // The package's own build, offline: its devDependencies are all in this repository's node_modules.
    symlinkSync(join(repoRoot, "node_modules"), join(folder, "node_modules"));
    const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: folder, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    writeFileSync(join(folder, "tsconfig.tsbuildinfo"), "{}");
    writeFileSync(join(folder, "package-lock.json"), "{}");
    const built = ["dist/index.js", "dist/index.d.ts", "dist/cli.js", "tsconfig.tsbuildinfo", "package-lock.json"];
    const inodes = () => built.map((path) => statSync(join(folder, path)).ino);
    const before = inodes();

    const checked = inBuilt("check");
    expect([checked.status, checked.stdout.trim()]).toEqual([0, "specsmith: out is up to date"]);
    const spec = readFileSync(at("built/api.yaml"), "utf8");
    writeFileSync(
      at("built/api.yaml"),
      spec.replace("A model used in both requests", "One model used in both requests"),
    );
    expect(inBuilt("generate", "--quiet").status).toBe(0);
    expect(inodes()).toEqual(before);
    expect(existsSync(join(folder, "node_modules/typescript/package.json"))).toBe(true);
    expect(inBuilt("check").status).toBe(0);
  });
});

describe("a --spec build", () => {
  const spec = at("spec-build/api.yaml");
  const out = at("spec-build/sdk");

  it('counts the files it writes: "N files, N changed" fresh, 0 changed again, then exactly the files that differ', () => {
    mkdirSync(at("spec-build"));
    copyFileSync(fixture, spec);
    const first = run("generate", "--spec", spec, "--out", out);
    const onDisk = Object.keys(folderBytes(out)).length;
    expect(first.stdout).toBe(`specsmith: ${onDisk} files in spec-build/sdk, ${onDisk} changed\n`);
    expect(run("generate", "--spec", spec, "--out", out).stdout).toBe(
      `specsmith: ${onDisk} files in spec-build/sdk, 0 changed\n`,
    );

    const before = folderBytes(out);
    writeFileSync(spec, readFileSync(spec, "utf8").replace("operationId: createUser", "operationId: addUser"));
    const third = run("generate", "--spec", spec, "--out", out);
    const after = folderBytes(out);
    const differ = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (path) => before[path] !== after[path],
    );
    expect(differ.length).toBeGreaterThan(0);
    expect(third.stdout).toBe(
      `specsmith: ${Object.keys(after).length} files in spec-build/sdk, ${differ.length} changed\n`,
    );
  });

  it("names the command that regenerates it in every file header and in check's hint", () => {
    // In the files, paths are relative to the folder holding the output folder; in the terminal's
    // hint, to the working folder (so that it can be pasted as it is).
    const inFiles = "specsmith generate --spec api.yaml --out sdk";
    const inHint = "specsmith generate --spec spec-build/api.yaml --out spec-build/sdk";
    // Given as absolute paths, as a build script might: no machine path reaches the files.
    expect(run("generate", "--quiet", "--spec", spec, "--out", out).status).toBe(0);
    const index = readFileSync(join(out, "src/index.ts"), "utf8");
    expect(index.split("\n")[0]).toBe(
      `// Generated by specsmith from api.yaml; do not edit. Regenerate with \`${inFiles}\`.`,
    );
    for (const [path, text] of Object.entries(folderBytes(out))) expect(text, path).not.toContain(ws.dir);

    writeFileSync(join(out, "src/index.ts"), "stale");
    const checked = run("check", "--spec", "spec-build/api.yaml", "--out", "spec-build/sdk");
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain(`spec-build/sdk is stale (1 files); run \`${inHint}\`:`);
  });

  it("writes the same bytes whichever folder the build runs in, and check agrees from anywhere", () => {
    expect(run("generate", "--quiet", "--spec", spec, "--out", out).status).toBe(0);
    const fromTop = folderBytes(out);
    const inside = specsmith(["generate", "--quiet", "--spec", "api.yaml", "--out", "sdk"], { cwd: at("spec-build") });
    expect(inside.status, inside.stderr).toBe(0);
    expect(folderBytes(out)).toEqual(fromTop);
    const checked = specsmith(["check", "--quiet", "--spec", "../api.yaml", "--out", "."], { cwd: out });
    expect(checked.status, checked.stderr).toBe(0);
  });
});
