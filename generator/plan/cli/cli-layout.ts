/**
 * Where a package's command-line program lives and how the package builds it: shared by the CLI
 * emitter and the scaffolding (package.json, README), which must not load the emitter itself.
 */

export const cliModules = {
  main: "src/cli/main.ts",
  commands: "src/cli/commands.ts",
  runtime: (name: string): string => `src/cli/runtime/${name}.ts`,
} as const;

/** Where the bundled program lands, and the command that builds it. */
export const CLI_BUNDLE = "dist/cli.js";
/**
 * The `yaml` package's Node build is CommonJS and requires `process`, which an ESM bundle cannot
 * do without a `require`: the banner gives the bundle Node's own.
 */
export const CLI_BUNDLE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";
/** The same bundle through esbuild's API, for tests and benches that build a package's CLI themselves. */
export const CLI_BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: CLI_BUNDLE_BANNER },
} as const;
export const CLI_BUILD_STEPS = [
  "tsc -p tsconfig.cli.json",
  `esbuild ${cliModules.main} --bundle --platform=node --format=esm --target=node20 --log-level=warning "--banner:js=${CLI_BUNDLE_BANNER}" --outfile=${CLI_BUNDLE}`,
];
/** What the package's build needs besides TypeScript; none of it is a runtime dependency. */
export const CLI_DEV_DEPENDENCIES: readonly (readonly [string, string])[] = [
  ["@types/jmespath", "^0.15.0"],
  ["@types/node", "^24.0.0"],
  ["esbuild", "^0.28.0"],
  ["jmespath", "^0.16.0"],
  ["yaml", "^2.8.0"],
];
