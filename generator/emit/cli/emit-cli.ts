/**
 * The CLI emitter: a package's command-line program, from the IR and the service's naming layer.
 *
 *   src/cli/commands.ts  the command table (`Program`): data plus the calls of the operation functions
 *   src/cli/main.ts      the `bin` entry (`#!/usr/bin/env node`)
 *   src/cli/runtime/*    the interpreter of the table, copied from `./runtime/` (same for every package)
 *   tsconfig.cli.json    type-checks the CLI with Node's types (the library's tsconfig keeps DOM-only types)
 *
 * `command-table.ts` builds the table as text; this file prints the files around it.
 *
 * The library entry never imports `src/cli/`: the package's build bundles `main.ts` (with `jmespath`)
 * into `dist/cli.js` with esbuild, so library users get no CLI code and no dependency.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { OutputFile } from "../../output/write-tree.ts";
import { ImportBinder } from "../shared/import-binder.ts";
import { docCommentLines } from "../shared/jsdoc.ts";
import type { PackageInfo } from "../../plan/package-info.ts";
import type { PackagePlan } from "../../plan/package-plan.ts";
import { LINE_WIDTH } from "../../print/line-width.ts";
import { sourceFile, type FilePlan, type PlannedStatement, type SourceFilePlan } from "../../print/source-file.ts";
import { cliModules } from "../../plan/cli/cli-layout.ts";
import { commandTable, type CommandTable } from "./command-table.ts";

/** The program's files around its command table (which `commandTable` builds as text). */
export function emitCli(plan: PackagePlan): FilePlan[] {
  const table = commandTable(plan, plan.cli);
  return [...copyCliRuntime(plan.pkg), commandsFile(table), mainFile(), tsconfigCli()];
}

const runtimeFolder = new URL("../../runtime/cli/", import.meta.url);
let runtimeTexts: [string, string][] | undefined;
const relativeImport = /(\bfrom\s+)(["'])\.\/([A-Za-z0-9_.-]+)\.ts\2/g;
/** `generator/runtime/cli/` -> `generator/runtime/` is `src/cli/runtime/` -> `src/runtime/` in a package. */
const libraryRuntimeImport = /(\bfrom\s+)(["'])\.\.\/([A-Za-z0-9_.-]+)\.ts\2/g;

/**
 * The interpreter, read once per process; `./x.ts` imports become `./x.js` for NodeNext, and imports
 * of the library's runtime (the shared secret rule) point at the package's own `src/runtime/`.
 */
function copyCliRuntime(pkg: PackageInfo): OutputFile[] {
  runtimeTexts ??= readdirSync(runtimeFolder)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => [name.slice(0, -3), readFileSync(new URL(name, runtimeFolder), "utf8")]);
  return runtimeTexts.map(([name, text]) => ({
    path: cliModules.runtime(name),
    content: `${pkg.header}\n${text.replace(relativeImport, "$1$2./$3.js$2").replace(libraryRuntimeImport, "$1$2../../runtime/$3.js$2")}`,
  }));
}

function mainFile(): SourceFilePlan {
  const binder = new ImportBinder(cliModules.main);
  const program = binder.value(cliModules.commands, "program");
  const run = binder.value(cliModules.runtime("run-program"), "runProgram");
  const io = binder.value(cliModules.runtime("node-io"), "nodeIo");
  const call: PlannedStatement = {
    kind: "verbatim",
    text: `process.exitCode = await ${run}(${program}, process.argv.slice(2), ${io}());\n`,
  };
  // The shebang must be the file's first line; esbuild keeps it in the bundle.
  return { ...sourceFile(cliModules.main, binder.imports(), [call]), firstLine: "#!/usr/bin/env node" };
}

/**
 * Fixed text like the library's own tsconfig, but written here rather than from a template: it
 * exists only because of the CLI. It extends the library's settings and adds Node's types.
 */
function tsconfigCli(): OutputFile {
  const config = {
    extends: "./tsconfig.json",
    compilerOptions: { noEmit: true, types: ["node"] },
    include: ["src"],
    exclude: [],
  };
  return { path: "tsconfig.cli.json", content: `${JSON.stringify(config, null, 2)}\n` };
}

/** `commands.ts`: its imports and doc comment, then the table's text. */
function commandsFile(table: CommandTable): SourceFilePlan {
  const lines = docCommentLines(table.about, [], LINE_WIDTH);
  const docs: PlannedStatement = { kind: "verbatim", text: lines.length === 0 ? "" : `${lines.join("\n")}\n` };
  return { ...sourceFile(cliModules.commands, table.imports, [docs]), trailer: table.text };
}
