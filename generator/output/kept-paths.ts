/**
 * Files in the output folder that specsmith did not generate and must leave alone: what building a
 * generated package where it sits produces (`npm install && npm run build`), and the files its
 * maintainer keeps beside the generated ones (config `extraFiles`: LICENSE, CHANGELOG.md). `check`
 * does not report them and `generate` carries them over into the new tree. They are kept only in
 * the folder of a package still generated: a package dropped from the config goes, whole.
 */

/** Says whether a `/`-separated path relative to the output root is one to keep. */
export type KeptPaths = (path: string) => boolean;

export const keepNothing: KeptPaths = () => false;

/** Folders that `npm install` and the package's `build` script (tsc, esbuild) fill. */
const BUILD_FOLDERS = new Set(["node_modules", "dist"]);

/** Files those write at the package's top level: the lockfile, and tsc's incremental state. */
function isBuildFile(name: string): boolean {
  return name === "package-lock.json" || name.endsWith(".tsbuildinfo");
}

/**
 * The paths to keep around the packages among `generated` (a package is a folder with a generated
 * `package.json`; `--spec` builds have theirs at the root). `extraFiles` are relative to a package
 * folder. A generated file is never kept: it is written whatever else says so.
 */
export function keptPaths(generated: readonly string[], extraFiles: readonly string[] = []): KeptPaths {
  const packages = generated
    .filter((path) => path === "package.json" || path.endsWith("/package.json"))
    .map((path) => path.slice(0, -"package.json".length));
  const extras = new Set(extraFiles);
  return (path) =>
    packages.some((folder) => {
      if (!path.startsWith(folder)) return false;
      const inside = path.slice(folder.length);
      const [top = "", ...rest] = inside.split("/");
      // `node_modules` itself may be a symbolic link (a shared install, `npm link`).
      return BUILD_FOLDERS.has(top) || (rest.length === 0 && isBuildFile(top)) || extras.has(inside);
    });
}
