/**
 * The writer keeps what building a generated package in place leaves (node_modules, dist, the
 * lockfile, tsc's build info) and the maintainers' extra files: never reported as orphans, carried
 * over (same inode) when the tree is swapped, and only in folders of packages still generated.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keptPaths } from "../../generator/output/kept-paths.ts";
import { diffTree, writeTree, type OutputFile } from "../../generator/output/write-tree.ts";

let parent = "";
let root = "";
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), "specsmith-kept-"));
  root = join(parent, "out");
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const put = (path: string, content = path) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
const inode = (path: string) => statSync(join(root, path)).ino;

const tree = (version: string): OutputFile[] => [
  { path: "packages/a/package.json", content: `{"version":"${version}"}` },
  { path: "packages/a/src/index.ts", content: "export {};" },
  { path: "packages/b/package.json", content: "{}" },
];
const artefacts = [
  "packages/a/node_modules/typescript/package.json",
  "packages/a/dist/index.js",
  "packages/a/dist/index.d.ts",
  "packages/a/tsconfig.tsbuildinfo",
  "packages/a/package-lock.json",
  "packages/a/LICENSE",
  "packages/a/docs/CHANGELOG.md",
];

describe("kept paths", () => {
  it("are not orphans for check, and survive a swap with their inodes; other strays go", async () => {
    await writeTree(root, tree("1.0.0"));
    for (const path of [...artefacts, "packages/a/stray.txt", "packages/a/src/stray.ts"]) put(path);
    mkdirSync(join(root, "packages/a/node_modules/.bin"));
    symlinkSync("../typescript/bin/tsc", join(root, "packages/a/node_modules/.bin/tsc"));
    const keep = keptPaths(
      tree("1.0.0").map((f) => f.path),
      ["LICENSE", "docs/CHANGELOG.md"],
    );

    expect(await diffTree(root, tree("1.0.0"), keep)).toEqual({
      added: [],
      changed: [],
      removed: ["packages/a/src/stray.ts", "packages/a/stray.txt"],
    });
    const before = Object.fromEntries(artefacts.map((path) => [path, inode(path)]));
    const changes = await writeTree(root, tree("1.0.1"), () => {}, keep);

    expect(changes).toEqual({
      added: [],
      changed: ["packages/a/package.json"],
      removed: ["packages/a/src/stray.ts", "packages/a/stray.txt"],
    });
    expect(Object.fromEntries(artefacts.map((path) => [path, inode(path)]))).toEqual(before);
    expect(readlinkSync(join(root, "packages/a/node_modules/.bin/tsc"))).toBe("../typescript/bin/tsc");
    expect(existsSync(join(root, "packages/a/stray.txt"))).toBe(false);
    expect(await diffTree(root, tree("1.0.1"), keep)).toEqual({ added: [], changed: [], removed: [] });
  });

  it("keeps a symlinked node_modules, and a --spec package's artefacts at the output root", async () => {
    const files = [{ path: "package.json", content: "{}" }];
    await writeTree(root, files);
    symlinkSync(parent, join(root, "node_modules"));
    put("dist/cli.js");
    const keep = keptPaths(files.map((f) => f.path));
    await writeTree(root, [...files, { path: "README.md", content: "new" }], () => {}, keep);
    expect(lstatSync(join(root, "node_modules")).isSymbolicLink()).toBe(true);
    expect(existsSync(join(root, "dist/cli.js"))).toBe(true);
  });

  it("are kept only in folders of packages still generated, and a generated file of the same path wins", async () => {
    await writeTree(root, tree("1.0.0"));
    put("packages/b/dist/index.js");
    put("packages/a/dist/index.js");
    put("packages/a/LICENSE", "the maintainers'");
    const files = [
      ...tree("1.0.0").filter((f) => !f.path.startsWith("packages/b/")),
      { path: "packages/a/LICENSE", content: "generated" },
    ];
    const keep = keptPaths(
      files.map((f) => f.path),
      ["LICENSE"],
    );
    const changes = await writeTree(root, files, () => {}, keep);
    expect(changes).toEqual({
      added: [],
      changed: ["packages/a/LICENSE"],
      removed: ["packages/b/dist/index.js", "packages/b/package.json"],
    });
    expect(existsSync(join(root, "packages/b"))).toBe(false);
    expect(existsSync(join(root, "packages/a/dist/index.js"))).toBe(true);
  });
});
