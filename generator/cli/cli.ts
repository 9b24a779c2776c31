/**
 * `specsmith generate [--config file]` regenerates everything under the configured output folder;
 * `specsmith generate --spec openapi.yaml [--out dir] [--package-name name]` turns any OpenAPI
 * document into one package; `specsmith check` (either form) reports stale output without writing.
 * `--quiet` prints only what needs attention; `--format json` prints the result and every
 * diagnostic as one JSON object on stdout, for CI (the flags `diff` shares mean the same there:
 * `command-line.ts`).
 *
 * Exit codes: 0 success, 1 diagnosed errors or stale output, 2 usage error, 70 internal error (a
 * bug in specsmith: the only case that prints a stack trace).
 *
 * Users run it through `specsmith.js` (the bin), which turns on Node's compile cache and memory
 * flags first; running this file directly works the same, only slower to start.
 */
import { dirname, relative, resolve } from "node:path";
import { CliOutput, type OutputFormat } from "./cli-output.ts";
import { helpText, specsmithVersion } from "./cli-help.ts";
import { outputFormat, parseCommandLine, usageError } from "./command-line.ts";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostics.ts";
import { configRegenerateCommand, specCommandAnchor, specRegenerateCommand } from "../build/regenerate-command.ts";
import type { WatchPlan } from "./watch.ts";

const CONFIG_FILE = "specsmith.config.json";

/** generate's and check's own flags (besides the shared `--format`, `--quiet`, `--help`, `--config`, `--allow-ref-root`). */
const BUILD_OPTIONS = {
  spec: { type: "string" },
  out: { type: "string" },
  "package-name": { type: "string" },
  azure: { type: "boolean" },
  "no-azure": { type: "boolean" },
  watch: { type: "boolean" },
  version: { type: "boolean" },
} as const;

interface Options {
  readonly command: "generate" | "check";
  readonly config?: string;
  readonly spec?: string;
  readonly out?: string;
  readonly packageName?: string;
  /** `--allow-ref-root`: folders `$ref`s may read files under, besides the spec's own. */
  readonly refRoots: readonly string[];
  /** `--azure`/`--no-azure`: overrides whether the document describes an Azure service. */
  readonly azure?: boolean;
  readonly quiet: boolean;
  readonly format: OutputFormat;
  /** `--watch` (generate only): regenerate on every change of the inputs until interrupted. */
  readonly watch: boolean;
}

/** Called with each output folder a run compares or writes (so that `--watch` ignores its own writes). */
type OnOutput = (folder: string) => void;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "diff") return (await import("../diff/diff-command.ts")).runDiff(argv.slice(1));
  const options = parseOptions(argv);
  if ("problem" in options) return usageError(options.command, options.problem, (text) => process.stderr.write(text));
  if ("version" in options) {
    console.log(specsmithVersion());
    return 0;
  }
  if ("help" in options) {
    console.log(helpText(options.help));
    return 0;
  }
  if (!options.watch) return runOnce(options, () => {});
  const outputs = new Set<string>();
  const { watchAndRun } = await import("./watch.ts");
  return watchAndRun(
    async () => watchPlan(options, outputs),
    () => runOnce(options, (folder) => outputs.add(folder)),
    (line) => console.error(line),
  );
}

function runOnce(options: Options, onOutput: OnOutput): Promise<number> {
  const output = new CliOutput(options);
  return options.spec ? runSpec(options, options.spec, output, onOutput) : runConfig(options, output, onOutput);
}

/** What `--watch` watches: the document's folder, or the config and each service's folder; never the output. */
async function watchPlan(options: Options, outputs: ReadonlySet<string>): Promise<WatchPlan> {
  const ignored = [...outputs];
  if (options.spec)
    return {
      folders: [dirname(resolve(options.spec)), ...options.refRoots.map((folder) => resolve(folder))],
      files: [],
      ignored,
    };
  const configFile = resolve(options.config ?? CONFIG_FILE);
  const { loadConfig } = await import("../config/config.ts");
  const config = (await loadConfig(configFile)).value;
  const inputs = [
    ...(config?.services.map((s) => s.typespec) ?? []),
    ...(config?.documents.map((d) => d.openapi) ?? []),
  ];
  return {
    folders: [...new Set([...inputs.map((file) => dirname(file)), ...(config?.refRoots ?? [])])],
    files: [configFile],
    ignored,
  };
}

type Problem = { readonly command?: "generate" | "check"; readonly problem: string };

function parseOptions(
  argv: string[],
): Options | { readonly help: "generate" | "check" | undefined } | { readonly version: true } | Problem {
  // A flag parseArgs refuses still belongs to the command it was given to.
  const named = argv.find((arg): arg is "generate" | "check" => arg === "generate" || arg === "check");
  const line = parseCommandLine(argv, BUILD_OPTIONS);
  if ("problem" in line) return { ...(named ? { command: named } : {}), problem: line.problem };
  const { values, positionals } = line;
  const [command, ...rest] = positionals;
  if (values.version) return { version: true };
  if (line.help) return { help: command === "generate" || command === "check" ? command : undefined };
  if (command !== "generate" && command !== "check") return { problem: command ? `unknown command: ${command}` : "" };
  const problem = (text: string): Problem => ({ command, problem: text });
  if (rest.length > 0) return problem(`unexpected argument: ${rest[0]}`);
  if (values.spec && values.config) return problem("--spec and --config cannot be combined");
  if (
    !values.spec &&
    (values.out || values["package-name"] || values["allow-ref-root"] || values.azure || values["no-azure"])
  ) {
    return problem(
      "--out, --package-name, --allow-ref-root and --[no-]azure go with --spec (the config has `allowRefRoots`, `azure`)",
    );
  }
  if (values.azure && values["no-azure"]) return problem("--azure and --no-azure cannot be combined");
  if (values.watch && command !== "generate") return problem("--watch goes with generate");
  const format = outputFormat(command, values.format);
  if (typeof format !== "string") return problem(format.problem);
  return {
    command,
    ...(values.config ? { config: values.config } : {}),
    ...(values.spec ? { spec: values.spec } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(values["package-name"] ? { packageName: values["package-name"] } : {}),
    refRoots: values["allow-ref-root"] ?? [],
    ...(values.azure || values["no-azure"] ? { azure: values.azure === true } : {}),
    quiet: line.quiet,
    format: format === "json" ? "json" : "text",
    watch: values.watch ?? false,
  };
}

/** `--spec file`: one OpenAPI document -> one package in `--out` (default: the package's folder name). */
async function runSpec(options: Options, spec: string, output: CliOutput, onOutput: OnOutput): Promise<number> {
  const file = resolve(spec);
  output.progress(`reading ${relative(process.cwd(), file) || file}`);
  const regenerate = specRegenerateCommand({ ...options, spec });
  // In the files: relative to the folder holding the output, whichever folder this runs in.
  const inFiles = specRegenerateCommand({ ...options, spec }, specCommandAnchor(options.out));
  const request = {
    file,
    regenerate: inFiles,
    ...(options.packageName ? { packageName: options.packageName } : {}),
    refRoots: options.refRoots,
    ...(options.azure !== undefined ? { azure: options.azure } : {}),
    progress: output.progress,
  };
  const built = (await import("../build/pipeline.ts")).buildPackage(request);
  const folder = resolve(options.out ?? (built.directory || "generated-package"));
  onOutput(folder);
  return finishBuild(options, output, { files: built.files, diagnostics: built.diagnostics }, folder, regenerate);
}

/** The config's services -> the configured output folder. */
async function runConfig(options: Options, output: CliOutput, onOutput: OnOutput): Promise<number> {
  const { loadConfig } = await import("../config/config.ts");
  const config = await loadConfig(resolve(options.config ?? CONFIG_FILE));
  output.diagnostics(config.diagnostics);
  if (!config.value) return output.finish({ command: options.command, ok: false });
  onOutput(config.value.output);
  const { buildOutputs } = await import("../build/pipeline.ts");
  const result = await buildOutputs(config.value, output.progress);
  return finishBuild(
    options,
    output,
    result,
    config.value.output,
    configRegenerateCommand(config.value.file),
    config.value.metadata.extraFiles,
  );
}

/** Reports diagnostics, then writes (generate) or compares (check) when there is no error. */
async function finishBuild(
  options: Options,
  output: CliOutput,
  result: { readonly files: readonly { path: string; content: string }[]; readonly diagnostics: readonly Diagnostic[] },
  folder: string,
  regenerate: string,
  extraFiles: readonly string[] = [],
): Promise<number> {
  const { diffTree, isUnchanged, treeFileCount, writeTree } = await import("../output/write-tree.ts");
  const { keptPaths } = await import("../output/kept-paths.ts");
  const { writeProblem } = await import("../output/write-problem.ts");
  const { describeInterruptedWrite } = await import("../output/interrupted-write.ts");
  const interrupted = (note: string) =>
    output.diagnostics([createDiagnostic("output-interrupted", { problem: note }, { file: folder })]);
  output.diagnostics(result.diagnostics);
  const shown = relative(process.cwd(), folder) || ".";
  const files = treeFileCount(result.files);
  const base = { command: options.command, output: shown, files } as const;
  const keep = keptPaths(
    result.files.map((file) => file.path),
    extraFiles,
  );
  if (output.hasErrors) return output.finish({ ...base, ok: false, wrote: false });
  try {
    if (options.command === "check") {
      for (const note of await describeInterruptedWrite(folder)) interrupted(note);
      const changes = await diffTree(folder, result.files, keep);
      if (isUnchanged(changes)) {
        output.note(`${shown} is up to date`);
        return output.finish({ ...base, ok: true, changes });
      }
      const stale = [
        ...changes.added.map((path) => ["missing", path] as const),
        ...changes.changed.map((path) => ["changed", path] as const),
        ...changes.removed.map((path) => ["orphaned", path] as const),
      ];
      output.alert(`specsmith: ${shown} is stale (${stale.length} files); run \`${regenerate}\`:`);
      for (const [state, path] of stale) output.alert(`  ${state.padEnd(9)} ${path}`);
      const diagnostics = stale.map(([state, path]) =>
        createDiagnostic("stale-output", { state, command: regenerate }, { file: `${shown}/${path}` }),
      );
      output.diagnostics(diagnostics, true);
      return output.finish({ ...base, ok: false, changes });
    }
    output.progress(`writing ${shown}`);
    const changes = await writeTree(folder, result.files, interrupted, keep);
    const count = changes.added.length + changes.changed.length + changes.removed.length;
    // Both counts include the writer's marker file, which the changes list like any other.
    output.note(`${files} files in ${shown}, ${count} changed`);
    return output.finish({ ...base, ok: true, wrote: count > 0, changes });
  } catch (error) {
    const problem = writeProblem(error, folder);
    if (!problem) throw error;
    output.diagnostics([problem]);
    return output.finish({ ...base, ok: false, wrote: false });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Anything that reaches here is a bug in specsmith, not a user mistake: keep the stack for the report.
    console.error("specsmith: internal error, please report it:", error);
    process.exitCode = 70;
  },
);
