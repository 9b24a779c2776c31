/**
 * The layout of `generator/emit/`: one folder per output, each listed once in `outputs.ts`, and
 * no folder importing another (helpers they share live in `emit/shared/`, planning in `plan/`),
 * so an output can be read, changed or added on its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { outputs } from "../../generator/emit/outputs.ts";
import { repoRoot } from "../support/paths.ts";

const emitRoot = join(repoRoot, "generator/emit");
const SHARED = "shared";
const folders = readdirSync(emitRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function sourceFiles(folder: string): string[] {
  return readdirSync(join(emitRoot, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(emitRoot, folder, name));
}

/** The `emit/` folder each relative import of `file` lands in (undefined outside `emit/<folder>/`). */
function importedFolders(file: string): { specifier: string; folder: string | undefined }[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => {
    const specifier = m[1] ?? "";
    const path = relative(emitRoot, resolve(dirname(file), specifier));
    const [folder, ...rest] = path.split("/");
    return { specifier, folder: path.startsWith("..") || rest.length === 0 ? undefined : folder };
  });
}

describe("generator/emit/", () => {
  it("lists every output folder once in outputs.ts, and nothing else", () => {
    const listed = outputs.map((output) => output.folder);
    expect(listed.filter((folder, i) => listed.indexOf(folder) !== i)).toEqual([]);
    expect([...listed].sort()).toEqual(folders.filter((folder) => folder !== SHARED));
  });

  it.each(folders)("%s/ imports no other output folder", (folder) => {
    const crossings = sourceFiles(folder).flatMap((file) =>
      importedFolders(file)
        .filter((i) => i.folder !== undefined && i.folder !== folder && i.folder !== SHARED)
        .map((i) => `${relative(emitRoot, file)} -> ${i.specifier}`),
    );
    expect(crossings).toEqual([]);
  });

  it("names ts-morph nowhere: structure types come from print/structures.ts, printing is print/'s", () => {
    const planRoot = join(repoRoot, "generator/plan");
    const files = [
      ...folders.flatMap(sourceFiles),
      ...readdirSync(planRoot, { recursive: true, encoding: "utf8" })
        .filter((n) => n.endsWith(".ts"))
        .map((n) => join(planRoot, n)),
    ];
    expect(
      files
        .filter((file) => /from\s+["']ts-morph["']/.test(readFileSync(file, "utf8")))
        .map((file) => relative(repoRoot, file)),
    ).toEqual([]);
  });

  it("describes files and leaves printing to the build: no emitter imports the printer", () => {
    const printing = folders.flatMap((folder) =>
      sourceFiles(folder).flatMap((file) =>
        [
          ...readFileSync(file, "utf8").matchAll(
            /from\s+["']([^"']*print\/(?:source-printer|structure-printer[\w-]*)\.ts)["']/g,
          ),
        ].map((m) => `${relative(emitRoot, file)} -> ${m[1]}`),
      ),
    );
    expect(printing).toEqual([]);
  });
});
