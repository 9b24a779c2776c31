/**
 * `npm run build` (run by `prepack`): the published package's `dist/`. Node refuses to strip types
 * under `node_modules` (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), so the package ships the
 * generator compiled to JavaScript, with `dist/` laid out like `generator/` so that every
 * `new URL("../x", import.meta.url)` still finds its file (`templates/` beside `dist/`, as beside
 * `generator/`). The repo's own commands keep running the TypeScript sources: no build in the dev loop.
 * This script is the repository's, not the package's: `tsconfig.build.json` leaves its folder out.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const source = join(root, "generator");
const dist = join(root, "dist");

/** Read as text by the emitters and copied into every generated package, so they ship as they are. */
const COPIED_SOURCE_FOLDERS = ["runtime", "runtime/cli"];
/** Plain JavaScript entries (they turn on the compile cache before any module loads). */
const JS_ENTRIES = ["specsmith.js"];

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")],
  { stdio: "inherit" },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

for (const folder of COPIED_SOURCE_FOLDERS) {
  for (const name of readdirSync(join(source, folder)).filter((file) => file.endsWith(".ts"))) {
    copyFileSync(join(source, folder, name), join(dist, folder, name));
  }
}
for (const file of walk(source).filter((path) => path.endsWith(".json"))) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  copyFileSync(join(source, file), join(dist, file));
}
for (const entry of JS_ENTRIES) {
  const text = readFileSync(join(source, entry), "utf8");
  // The entries import TypeScript modules by their `.ts` names; tsc rewrote the modules to `.js`.
  writeFileSync(join(dist, entry), text.replace(/(import\(\s*["']\.\/[\w./-]+)\.ts(["'])/g, "$1.js$2"), {
    mode: 0o755,
  });
}

/** Paths of every file under `folder`, relative to it. */
function walk(folder: string, prefix = ""): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(folder, path) : [path];
  });
}
