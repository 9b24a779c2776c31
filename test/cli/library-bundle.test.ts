/**
 * The CLI adds nothing to what library users load: bundling everything a package exports (its
 * `src/index.ts`, all of it, not just one function) gives a bundle without one byte of CLI code or
 * of `jmespath`, while the CLI's own bundle has them (the markers are real). Sizes are printed as
 * the measure.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { generatedDir } from "../support/paths.ts";

const packagesDir = join(generatedDir, "packages");
const directories = readdirSync(packagesDir)
  .filter((name) => statSync(join(packagesDir, name)).isDirectory())
  .sort();

/** Strings only CLI code has: its global flag names, its error texts, and jmespath's lexer. */
const CLI_MARKERS = [
  "only-show-errors",
  "allow-unknown-",
  "Unable to prompt for confirmation",
  "YAMLParseError",
  "TOK_UNQUOTEDIDENTIFIER",
  "process.argv",
];

async function bundle(entry: string, contents?: string): Promise<string> {
  const result = await build({
    ...(contents === undefined
      ? { entryPoints: [entry] }
      : { stdin: { contents, resolveDir: entry, sourcefile: "consumer.ts", loader: "ts" } }),
    bundle: true,
    write: false,
    format: "esm",
    platform: contents === undefined ? "node" : "neutral",
    target: "es2023",
    logLevel: "silent",
  });
  return result.outputFiles.map((f) => f.text).join("");
}

describe.each(directories)("%s", (directory) => {
  const dir = join(packagesDir, directory);

  it("a bundle of the whole library holds no CLI code; the CLI's own bundle does", async () => {
    // Re-exporting everything keeps every export alive: the largest bundle a library user can make.
    const library = await bundle(dir, 'export * from "./src/index.ts";');
    const cli = await bundle(join(dir, "src/cli/main.ts"));
    for (const marker of CLI_MARKERS) {
      expect(library, marker).not.toContain(marker);
      expect(cli, marker).toContain(marker);
    }
    console.log(`${directory}: library bundle ${library.length} bytes, CLI bundle ${cli.length} bytes`);
  });

  it("the library entry imports nothing under src/cli, and the package has no runtime dependency", () => {
    const index = readFileSync(join(dir, "src/index.ts"), "utf8");
    expect(index).not.toMatch(/from "\.\/cli\//);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest["dependencies"]).toBeUndefined();
    expect(manifest["peerDependencies"]).toBeUndefined();
    expect(Object.keys(manifest["devDependencies"] as object)).toEqual(
      expect.arrayContaining(["esbuild", "jmespath", "yaml"]),
    );
  });
});
