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
import type { WriterFunction } from "ts-morph";
import type { Diagnostic } from "../../diagnostics.ts";
import type { ApiIR } from "../../ir/types.ts";
import type { OutputFile } from "../../output/write-tree.ts";
import { ImportBinder } from "../import-binder.ts";
import { writeDocComment } from "../jsdoc.ts";
import type { PackageInfo } from "../package-info.ts";
import { planSources } from "../source-plan.ts";
import { wrapCodeLines } from "../code-layout.ts";
import { printSourceFile } from "../source-printer.ts";
import { LINE_WIDTH } from "../structure-printer-wrap.ts";
import { cliModules } from "./cli-layout.ts";
import { buildCliModel, type CliModel } from "./command-model.ts";
import { commandTable, type CommandTable } from "./command-table.ts";
import type { CliNaming } from "./naming-file.ts";
import { escapeUnsafeCharacters } from "./runtime/terminal-text.ts";

export interface CliBuild {
  readonly files: OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly model: CliModel;
}

export function emitCli(api: ApiIR, pkg: PackageInfo, naming: CliNaming | undefined): CliBuild {
  const model = buildCliModel(api, pkg, naming);
  const files = cliFiles(pkg, commandTable(planSources(api, pkg), model.value));
  return { files, diagnostics: model.diagnostics, model: model.value };
}

/** The program's files around its command table (which `commandTable` builds as text). */
export function cliFiles(pkg: PackageInfo, table: CommandTable): OutputFile[] {
  return [...copyCliRuntime(pkg), commandsFile(pkg, table), mainFile(pkg), tsconfigCli()];
}

const runtimeFolder = new URL("./runtime/", import.meta.url);
let runtimeTexts: [string, string][] | undefined;
const relativeImport = /(\bfrom\s+)(["'])\.\/([A-Za-z0-9_.-]+)\.ts\2/g;
/** `generator/emitters/cli/runtime/` -> `generator/runtime/` is `src/cli/runtime/` -> `src/runtime/` in a package. */
const libraryRuntimeImport = /(\bfrom\s+)(["'])\.\.\/\.\.\/\.\.\/runtime\/([A-Za-z0-9_.-]+)\.ts\2/g;

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

function mainFile(pkg: PackageInfo): OutputFile {
  const binder = new ImportBinder(cliModules.main);
  const program = binder.value(cliModules.commands, "program");
  const run = binder.value(cliModules.runtime("run-program"), "runProgram");
  const io = binder.value(cliModules.runtime("node-io"), "nodeIo");
  const file = printSourceFile(pkg, cliModules.main, binder.imports(), [
    (writer) => {
      writer.writeLine(`process.exitCode = await ${run}(${program}, process.argv.slice(2), ${io}());`);
    },
  ]);
  // The shebang must be the file's first line; esbuild keeps it in the bundle.
  return { ...file, content: `#!/usr/bin/env node\n${file.content}` };
}

/**
 * Fixed text like the library's own tsconfig, but written here rather than from a template: it
 * exists only because of the CLI. It extends the library's settings and adds Node's types.
 */
function tsconfigCli(): OutputFile {
  const config = { extends: "./tsconfig.json", compilerOptions: { noEmit: true, types: ["node"] }, include: ["src"], exclude: [] };
  return { path: "tsconfig.cli.json", content: `${JSON.stringify(config, null, 2)}\n` };
}

/** `commands.ts`: its imports and doc comment printed from structures, then the table's text. */
function commandsFile(pkg: PackageInfo, table: CommandTable): OutputFile {
  const docs: WriterFunction = (writer) => writeDocComment(writer, table.about);
  const head = printSourceFile(pkg, cliModules.commands, table.imports, [docs]);
  return { path: head.path, content: head.content + escapeUnsafeCharacters(wrapCodeLines(table.text, LINE_WIDTH)) };
}
