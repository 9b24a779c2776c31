#!/usr/bin/env node
/**
 * `specsmith generate [--config file] [--quiet]` regenerates everything under the configured output
 * folder; `specsmith generate --spec openapi.yaml [--out dir] [--package-name name]` turns any
 * OpenAPI document into one package; `specsmith check` reports stale output without writing.
 * Exit codes: 0 success, 1 diagnosed errors or stale output, 2 usage error.
 */
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONFIG_FILE, loadConfig } from "./config.ts";
import { formatDiagnostic, hasErrors, type Diagnostic } from "./diagnostics.ts";
import { buildOutputs, buildPackage, type GenerationResult } from "./pipeline.ts";
import { DIFF_USAGE, runDiff } from "./diff/diff-command.ts";
import { diffTree, isUnchanged, OutputFolderError, writeTree } from "./output/write-tree.ts";

const USAGE = [
  `usage: specsmith generate [--config ${CONFIG_FILE}] [--quiet]`,
  "       specsmith generate --spec <openapi.yaml|json> [--out <dir>] [--package-name <name>] [--quiet]",
  `       specsmith check [--config ${CONFIG_FILE}] [--spec <file> --out <dir>] [--quiet]`,
  DIFF_USAGE.replace(/^usage: /, "       "),
].join("\n");

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "diff") return runDiff(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: "string" },
        spec: { type: "string" },
        out: { type: "string" },
        "package-name": { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (rest.length > 0) return usage(`unexpected argument: ${rest[0]}`);
  if (command !== "generate" && command !== "check") return usage(command ? `unknown command: ${command}` : "");

  const { values } = parsed;
  const quiet = values.quiet ?? false;
  if (values.spec && values.config) return usage("--spec and --config cannot be combined");
  if (!values.spec && (values.out || values["package-name"])) return usage("--out and --package-name go with --spec");
  let result: GenerationResult;
  let output: string;
  if (values.spec) {
    const built = buildPackage({ file: resolve(values.spec), ...(values["package-name"] ? { packageName: values["package-name"] } : {}) });
    result = built;
    output = resolve(values.out ?? (built.directory || "generated-package"));
  } else {
    const config = await loadConfig(resolve(values.config ?? CONFIG_FILE));
    if (!config.value) return report(config.diagnostics);
    result = await buildOutputs(config.value);
    output = config.value.output;
  }
  if (hasErrors(result.diagnostics)) {
    report(result.diagnostics);
    console.error("specsmith: nothing was written because of the errors above");
    return 1;
  }
  report(result.diagnostics);
  const shown = relative(process.cwd(), output) || ".";
  if (command === "check") {
    const changes = await diffTree(output, result.files);
    if (isUnchanged(changes)) {
      if (!quiet) console.log(`specsmith: ${shown} is up to date`);
      return 0;
    }
    console.error(`specsmith: ${shown} is stale; run \`npm run generate\`:`);
    for (const path of changes.added) console.error(`  missing   ${path}`);
    for (const path of changes.changed) console.error(`  changed   ${path}`);
    for (const path of changes.removed) console.error(`  orphaned  ${path}`);
    return 1;
  }
  const changes = await writeTree(output, result.files);
  if (!quiet) {
    const count = changes.added.length + changes.changed.length + changes.removed.length;
    console.log(`specsmith: ${result.files.length} files in ${shown}, ${count} changed`);
  }
  return 0;
}

function report(diagnostics: readonly Diagnostic[]): number {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  return hasErrors(diagnostics) ? 1 : 0;
}

function usage(problem: string): number {
  if (problem) console.error(`specsmith: ${problem}`);
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof OutputFolderError) {
      console.error(`specsmith: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    // Anything else is a bug in specsmith, not a user mistake: keep the stack for the report.
    console.error("specsmith: internal error, please report it:", error);
    process.exitCode = 70;
  },
);
