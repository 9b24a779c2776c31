/**
 * Which files a `$ref` may name. A document is input from someone else: left free, its `$ref`s
 * read any file the build can (`../../.npmrc`, `~/.docker/config.json`, `/proc/self/environ`) and
 * a diagnostic about what they hold lands in the build log. So a referenced file must lie under the
 * root document's folder, or under a folder the user allowed (`allowRefRoots` in the config,
 * `--allow-ref-root` on the command line). Paths are compared after `realpath`, so a symbolic link
 * inside a root cannot lead out of it.
 */
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";

export type RootCheck = { readonly real: string } | { readonly outside: true } | { readonly missing: true };

export class RefRoots {
  readonly #roots: readonly string[];

  /** `mainFile`'s folder, plus the `allowed` folders (absolute, or relative to the working directory). */
  constructor(mainFile: string, allowed: readonly string[] = []) {
    const roots = [dirname(resolve(mainFile)), ...allowed.map((folder) => resolve(folder))].map(realOrSelf);
    this.#roots = [...new Set(roots)];
  }

  /** Where `file` really is, when that is under a root. */
  check(file: string): RootCheck {
    let real: string;
    try {
      real = realpathSync.native(file);
    } catch {
      return { missing: true };
    }
    return this.#roots.some((root) => isUnder(real, root)) ? { real } : { outside: true };
  }

  /** The roots, for a message: `/a/spec` or `/a/spec, /a/shared`. */
  toString(): string {
    return this.#roots.join(", ");
  }
}

function isUnder(file: string, root: string): boolean {
  const path = relative(root, file);
  return path !== "" && path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/** The real path of a folder; as given when it does not exist (a document compiled in memory names a folder that may not). */
function realOrSelf(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return folder;
  }
}
