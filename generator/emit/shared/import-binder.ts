/**
 * The binder: emitters reference declarations of other generated files by (module, name) and get
 * back the local name to write; the file's import declarations are written in one pass at the end.
 * No emitter writes an import statement by hand (the Azure modular emitter's habit).
 */
import { USED_GLOBALS } from "../../ir/name-table.ts";
import { compareStrings } from "../../ir/naming.ts";
import type { ImportSpec } from "../../print/source-file.ts";

/** A generated module, by its package-relative path, e.g. `src/models.ts` or `src/runtime/errors.ts`. */
export type ModulePath = string;

export type { ImportSpec };

interface Imported {
  readonly local: string;
  typeOnly: boolean;
}

/** Collects the imports of one file. */
export class ImportBinder {
  readonly #from: ModulePath;
  readonly #taken: Set<string>;
  readonly #modules = new Map<ModulePath, Map<string, Imported>>();

  /**
   * @param from the file being written.
   * @param localNames names the file itself declares; an import that would clash is aliased.
   */
  constructor(from: ModulePath, localNames: Iterable<string> = []) {
    this.#from = from;
    // An import named like a global generated code uses (a model called `Promise`) is aliased.
    this.#taken = new Set([...USED_GLOBALS, ...localNames]);
  }

  /** References a type-only declaration; returns the name to write. */
  type(module: ModulePath, name: string): string {
    return this.#bind(module, name, true);
  }

  /**
   * References a value (function, class, const); returns the name to write.
   * @param alias the local name to use when `name` is taken (else `name` with a number).
   */
  value(module: ModulePath, name: string, alias?: string): string {
    return this.#bind(module, name, false, alias);
  }

  #bind(module: ModulePath, name: string, typeOnly: boolean, alias?: string): string {
    if (module === this.#from) return name;
    let names = this.#modules.get(module);
    if (!names) this.#modules.set(module, (names = new Map()));
    const existing = names.get(name);
    if (existing) {
      existing.typeOnly &&= typeOnly;
      return existing.local;
    }
    let local = name;
    if (alias !== undefined && this.#taken.has(local)) local = alias;
    for (let n = 2; this.#taken.has(local); n++) local = `${alias ?? name}${n}`;
    this.#taken.add(local);
    names.set(name, { local, typeOnly });
    return local;
  }

  /** The import declarations, sorted by specifier then name; `import type` when nothing is a value. */
  imports(): ImportSpec[] {
    return [...this.#modules.entries()]
      .map(([module, names]) => ({ specifier: moduleSpecifier(this.#from, module), names }))
      .sort((a, b) => compareStrings(a.specifier, b.specifier))
      .map(({ specifier, names }) => {
        const entries = [...names.entries()].sort(([a], [b]) => compareStrings(a, b));
        const allTypes = entries.every(([, imported]) => imported.typeOnly);
        return {
          moduleSpecifier: specifier,
          isTypeOnly: allTypes,
          namedImports: entries.map(([name, imported]) => ({
            name,
            ...(imported.local === name ? {} : { alias: imported.local }),
            isTypeOnly: !allTypes && imported.typeOnly,
          })),
        };
      });
  }
}

/** `./x.js`-style specifier from one package-relative `.ts` path to another (NodeNext resolution). */
export function moduleSpecifier(from: ModulePath, to: ModulePath): string {
  const fromDir = from.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < target.length - 1 && fromDir[common] === target[common]) common++;
  const up = fromDir.length - common;
  const rest = target.slice(common).join("/").replace(/\.ts$/, ".js");
  return up === 0 ? `./${rest}` : `${"../".repeat(up)}${rest}`;
}
