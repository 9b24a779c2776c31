/**
 * The one command-line convention of `specsmith generate`, `check` and `diff`: each parses its
 * arguments here, so a flag means the same thing in every command and every command fails the same
 * way on a flag it does not know.
 *
 * - `--format` chooses what stdout carries. `text` (the default) is the human form: the outcome line
 *   of generate/check, diff's Markdown report (`md` is kept as another name for it); `json` is one
 *   JSON object and nothing else on stdout, whatever the outcome (see `cli-output.ts`).
 * - `--quiet`/`-q` prints only what needs attention: no progress lines, no success note.
 * - `--help`/`-h` prints the command's help on stdout, exit 0.
 * - `--config` names the config file, `--allow-ref-root` a folder `$ref`s may read (repeatable).
 * - A usage error (an unknown flag, a bad value) is `specsmith <command>: <problem>` and the
 *   command's usage on stderr, in every format, exit 2.
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { helpText, type CommandName } from "./cli-help.ts";

/** What a command may print on stdout; `md` is read as `text`. */
export type FormatName = "text" | "json" | "github" | "changelog";

const FORMATS: Readonly<Record<CommandName, readonly FormatName[]>> = {
  generate: ["text", "json"],
  check: ["text", "json"],
  diff: ["text", "json", "github", "changelog"],
};

/** Other names of a format that existing scripts use: diff's report was `--format md` before it was `text`. */
const FORMAT_ALIASES: Readonly<Record<CommandName, Readonly<Record<string, FormatName>>>> = {
  generate: {},
  check: {},
  diff: { md: "text" },
};

/** The flags every command takes, with one meaning. */
const SHARED_OPTIONS = {
  format: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  config: { type: "string" },
  "allow-ref-root": { type: "string", multiple: true },
} as const satisfies ParseArgsOptionsConfig;

type Parsed<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: typeof SHARED_OPTIONS & T; allowPositionals: true; strict: true }>
>;

/** A parsed command line: the values of the shared and the command's own flags, and the arguments. */
export interface CommandLine<T extends ParseArgsOptionsConfig> {
  readonly values: Parsed<T>["values"];
  readonly positionals: readonly string[];
  readonly quiet: boolean;
  readonly help: boolean;
}

/** Parses `argv` with the shared flags and the command's `own`; an unknown flag or a missing value is a problem. */
export function parseCommandLine<T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  own: T,
  settings: { readonly allowNegative?: boolean } = {},
): CommandLine<T> | { readonly problem: string } {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { ...SHARED_OPTIONS, ...own },
      allowPositionals: true,
      strict: true,
      allowNegative: settings.allowNegative ?? false,
    }) as Parsed<T>;
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const shared = parsed.values as { quiet?: boolean; help?: boolean };
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    quiet: shared.quiet ?? false,
    help: shared.help ?? false,
  };
}

/** The `--format` value as the command reads it, or the problem with it. */
export function outputFormat(
  command: CommandName,
  value: string | undefined,
): FormatName | { readonly problem: string } {
  const aliases = FORMAT_ALIASES[command];
  const format = value === undefined ? "text" : Object.hasOwn(aliases, value) ? aliases[value] : value;
  const known = FORMATS[command].find((name) => name === format);
  if (known) return known;
  const names = [...FORMATS[command], ...Object.keys(aliases)];
  return { problem: `--format must be ${names.slice(0, -1).join(", ")} or ${names.at(-1)}, not "${value}"` };
}

/** The `usage:` lines of a command's help; without a command, those of every command. */
export function usageText(command: CommandName | undefined): string {
  if (command === undefined) {
    const all = (["generate", "check", "diff"] as const).map((name) => usageText(name)).join("\n");
    return all.replace(/\nusage: /g, "\n       ");
  }
  const help = helpText(command);
  return help.slice(0, help.indexOf("\n\n"));
}

/** Prints a usage error the one way every command does; returns exit status 2. */
export function usageError(command: CommandName | undefined, problem: string, stderr: (text: string) => void): number {
  const name = command ? `specsmith ${command}` : "specsmith";
  const more = `run \`${name} --help\` for every option`;
  stderr(`${problem ? `${name}: ${problem}\n` : ""}${usageText(command)}\n${more}\n`);
  return 2;
}
