/**
 * The text of `specsmith --help`, `specsmith <command> --help` and `specsmith --version`: what each
 * command does, every option with what it means, and where the defaults come from. The flags every
 * command shares (`command-line.ts`) are described once, in the same words for each.
 */
import { readFileSync } from "node:fs";

const CONFIG_FILE = "specsmith.config.json";

export type CommandName = "generate" | "check" | "diff";

const SHARED_OPTIONS = [
  "  --quiet, -q                print only what needs attention (diagnostics, stale files)",
  "  --format text|json         json: one JSON object on stdout (result, changes, every diagnostic), for CI",
  "  --help, -h                 this help",
];

/** What every command does alike (the overview ends with it). */
const CONVENTION = [
  "every command: --format chooses what stdout carries (text for people, the default; json: one JSON",
  "object, also when the command fails), --quiet drops progress and success lines, diagnostics go to",
  "stderr in text; a usage error prints the usage on stderr and exits 2; 70 is a bug in specsmith",
];

const SPEC_OPTIONS = [
  "  --spec <openapi.yaml|json> one OpenAPI 3.0/3.1 document instead of the config's services",
  "  --out <dir>                with --spec: the package folder (default: named after the package)",
  "  --package-name <name>      with --spec: the npm name of the package",
  "  --allow-ref-root <dir>     with --spec: a folder `$ref`s may read files under (repeatable)",
  "  --azure, --no-azure        with --spec: whether the document describes an Azure service",
];

const GENERATE_HELP = [
  `usage: specsmith generate [--config ${CONFIG_FILE}] [--watch] [--quiet] [--format text|json]`,
  "       specsmith generate --spec <openapi.yaml|json> [--out <dir>] [--package-name <name>] [--allow-ref-root <dir>]... [--azure|--no-azure] [--watch]",
  "",
  "Generates a typed TypeScript SDK package per service and API version (TypeSpec services also their",
  "OpenAPI documents and version diff reports) and writes the output folder. Nothing is written when an",
  "error is diagnosed; files whose bytes do not change keep their timestamps.",
  "",
  "options:",
  `  --config <file>            the config listing the services (default: ./${CONFIG_FILE})`,
  ...SPEC_OPTIONS,
  "  --watch                    keep running: regenerate when a spec, naming file or the config changes",
  "                             (a bad save prints its diagnostics and keeps watching; Ctrl-C stops)",
  ...SHARED_OPTIONS,
  "",
  "exit status: 0 written, 1 errors diagnosed, 2 usage error, 70 a bug in specsmith",
].join("\n");

const CHECK_HELP = [
  `usage: specsmith check [--config ${CONFIG_FILE}] [--quiet] [--format text|json]`,
  "       specsmith check --spec <openapi.yaml|json> [--out <dir>] [--package-name <name>] [--allow-ref-root <dir>]... [--azure|--no-azure]",
  "",
  "Generates in memory and compares with the output folder, without writing: for CI, to fail when the",
  "committed output is stale. Lists each missing, changed and orphaned file.",
  "",
  "options:",
  `  --config <file>            the config listing the services (default: ./${CONFIG_FILE})`,
  ...SPEC_OPTIONS,
  ...SHARED_OPTIONS,
  "",
  "exit status: 0 up to date, 1 stale or errors diagnosed, 2 usage error, 70 a bug in specsmith",
].join("\n");

const DIFF_HELP = [
  "usage: specsmith diff <old> <new> [--format text|json|github|changelog] [--fail-on error|warning] [--profile default|azure] [--suppressions <file>] [--no-sdk] [--config <file>] [--allow-ref-root <dir>]... [--quiet]",
  "",
  "Compares two API versions: what changes on the wire (operations, parameters, schemas, each with",
  "its severity and where) and what users of the generated package see (renamed or removed exports).",
  "",
  "  <old>, <new>               an OpenAPI file (.yaml or .json), a file at a git ref <ref>:<path>",
  "                             (origin/main:spec/openapi.yaml), or a spec version <service>@<version>",
  `                             of the services in ${CONFIG_FILE} (compiled from the TypeSpec)`,
  "",
  "options:",
  "  --format <format>          text: the Markdown report (the default; md is another name for it);",
  "                             json: the report as JSON (a document that cannot be loaded: the",
  "                             result and its diagnostics, as generate and check print them);",
  "                             github: GitHub workflow annotations at the spec's lines;",
  "                             changelog: a Keep a Changelog section for the new version",
  "  --fail-on error|warning    the lowest severity that makes the exit status 1 (default: error)",
  "  --profile default|azure    azure: the severities of Azure's spec-repo breaking-change gate",
  "  --suppressions <file>      JSON or YAML list of {ruleId, location, reason}: accepted changes",
  "  --no-sdk                   the wire only, without the generated packages' export surfaces",
  `  --config <file>            where <service>@<version> is looked up (default: ./${CONFIG_FILE})`,
  "  --allow-ref-root <dir>     a folder `$ref`s may read files under (repeatable)",
  "  --quiet, -q                print only what needs attention (diagnostics, the findings that fail)",
  "  --help, -h                 this help",
  "",
  "exit status: 0 nothing reaches --fail-on, 1 something does, 2 usage error, 3 a document cannot be loaded,",
  "70 a bug in specsmith",
].join("\n");

const OVERVIEW = [
  "usage: specsmith <command> [options]",
  "",
  "commands:",
  "  generate   TypeSpec or OpenAPI -> typed TypeScript SDK packages (and OpenAPI, diff reports)",
  "  check      exit 1 and list the files when the generated output is stale, without writing",
  "  diff       an API version diff report between two OpenAPI documents or spec versions",
  "",
  "  specsmith <command> --help   what a command does and its options",
  "  specsmith --version          the installed version",
  "",
  ...CONVENTION,
].join("\n");

/** `specsmith --help`, or a command's own help. */
export function helpText(command?: CommandName): string {
  if (command === "generate") return GENERATE_HELP;
  if (command === "diff") return DIFF_HELP;
  if (command === "check") return CHECK_HELP;
  return OVERVIEW;
}

/** The version in specsmith's package.json (one level above `generator/`, and above the built `dist/`). */
export function specsmithVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const version =
    typeof manifest === "object" && manifest !== null && "version" in manifest ? manifest.version : undefined;
  return typeof version === "string" ? version : "unknown";
}
