/** What `package.json.hbs` and `tsconfig.json.hbs` print, computed from the IR and the package info. */
import { compareStrings, kebabCase } from "../../ir/naming.ts";
import type { ApiIR } from "../../ir/types.ts";
import { CLI_BUILD_STEPS, CLI_BUNDLE, CLI_DEV_DEPENDENCIES } from "../../plan/cli/cli-layout.ts";
import { modules, type PackagePlan } from "../../plan/package-plan.ts";
import type { PackageInfo } from "../../plan/package-info.ts";

export interface PackageJsonView {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly license: string;
  readonly author: string | null;
  readonly repository: string | null;
  /** Sorted, without duplicates. */
  readonly keywords: readonly string[];
  readonly nodeRange: string;
  /** The command-line program, when the package has one. */
  readonly bin: { readonly name: string; readonly path: string } | null;
  /** The `browser` field: runtime files that browser bundles replace (`from`) with another (`to`). */
  readonly browser: readonly { readonly from: string; readonly to: string }[];
  readonly buildScript: string;
  /** package.json `files`: what npm publishes, the maintainers' extra files included. */
  readonly files: readonly string[];
  /** Sorted by name. */
  readonly devDependencies: readonly { readonly name: string; readonly range: string }[];
}

/**
 * The rest of `tsconfig.json` is fixed in the template: strict with `noUncheckedIndexedAccess`,
 * NodeNext modules, declarations with maps and source maps from `src/` to `dist/`, and
 * `"types": []`, so a package builds the same wherever it sits (no `@types/*` picked up from
 * folders above it) and only against the DOM/ES types that Node and browsers share.
 */
export interface TsconfigView {
  readonly target: string;
  readonly lib: readonly string[];
  /** The CLI (`src/cli/`) is type-checked by `tsconfig.cli.json` and bundled, not compiled with the library. */
  readonly excludeCli: boolean;
}

/** Generated packages are licensed like specsmith itself, unless the config says otherwise. */
const LICENSE = "MIT";
/** Node 20 is the oldest line with global `fetch`, Web Crypto and `AbortSignal.timeout`. */
const NODE_RANGE = ">=20";
/** The compiler the package's `build` script uses; the generated code is checked against 5.9. */
const TYPESCRIPT_RANGE = "^5.9.0";
/** ES2023 is what Node 20 and current browsers run natively, so nothing is down-levelled. */
const TARGET = "ES2023";
/** Where the CommonJS build goes, and its tsconfig (see `emit-scaffold.ts`). */
export const COMMONJS_DIR = "dist/commonjs";
export const COMMONJS_TSCONFIG = "tsconfig.commonjs.json";
/**
 * The CommonJS build, then the `package.json` that makes Node (and TypeScript) read `dist/commonjs`
 * as CommonJS inside a `"type": "module"` package.
 */
const COMMONJS_BUILD_STEPS = [
  `tsc -p ${COMMONJS_TSCONFIG}`,
  `node -e "require('node:fs').writeFileSync('${COMMONJS_DIR}/package.json', '{\\"type\\": \\"commonjs\\"}\\n')"`,
];
/** DOM brings the types of `fetch`, `Headers`, `AbortSignal` and Web Crypto, used in Node and browsers alike. */
const LIB = ["ES2023", "DOM", "DOM.Iterable"];

export function packageJsonView(plan: PackagePlan): PackageJsonView {
  const { api, pkg, cli } = plan;
  return {
    name: pkg.name,
    version: pkg.version,
    description: packageDescription(api),
    license: pkg.metadata?.license ?? LICENSE,
    author: pkg.metadata?.author ?? null,
    repository: pkg.metadata?.repository ?? null,
    keywords: keywords(api, pkg),
    nodeRange: NODE_RANGE,
    bin: { name: cli.bin, path: `./${CLI_BUNDLE}` },
    browser: plan.browserVariants.flatMap(([from, to]) =>
      ["./dist", `./${COMMONJS_DIR}`].map((dir) => ({
        from: builtPath(modules.runtime(from), dir),
        to: builtPath(modules.runtime(to), dir),
      })),
    ),
    buildScript: ["tsc -p tsconfig.json", ...COMMONJS_BUILD_STEPS, ...CLI_BUILD_STEPS].join(" && "),
    files: [...new Set(["dist", "src", "README.md", ...(pkg.metadata?.extraFiles ?? [])])],
    devDependencies: [["typescript", TYPESCRIPT_RANGE] as const, ...CLI_DEV_DEPENDENCIES]
      .map(([name, range]) => ({ name, range }))
      .sort((a, b) => compareStrings(a.name, b.name)),
  };
}

/** Where `tsc` puts the module compiled from `source` (`src/x.ts` -> `./dist/x.js`), as package.json names it. */
function builtPath(source: string, dir: string): string {
  return source.replace(/^src\/(.*)\.ts$/, `${dir}/$1.js`);
}

export function tsconfigView(excludeCli = false): TsconfigView {
  return { target: TARGET, lib: LIB, excludeCli };
}

/** The first paragraph of the spec's description, then what the package is. */
export function packageDescription(api: ApiIR): string {
  const lead = firstParagraph(api.description);
  if (!lead) return `TypeScript client for ${api.title}, API version ${api.apiVersion}.`;
  return `${/[.!?]$/.test(lead) ? lead : `${lead}.`} TypeScript client for API version ${api.apiVersion}.`;
}

/** The first paragraph of a Markdown text, on one line; undefined when there is none. */
export function firstParagraph(text: string | undefined): string | undefined {
  const paragraph = text
    ?.trim()
    .split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, " ")
    .trim();
  return paragraph || undefined;
}

function keywords(api: ApiIR, pkg: PackageInfo): string[] {
  const words = ["api-client", "openapi", "sdk", "typescript", pkg.service, ...api.operations.map((op) => op.group)];
  // "default" is the group of operations without tags: not a word anyone searches for.
  const derived = words.map((w) => kebabCase(w)).filter((w) => w && w !== "default");
  // The maintainers' keywords are theirs as written (npm keywords may be any string).
  return [...new Set([...derived, ...(pkg.metadata?.keywords ?? [])])].sort(compareStrings);
}
