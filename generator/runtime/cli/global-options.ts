/** The options every generated CLI takes, named and described as in the Azure CLI (seed 003). */
import type { CommandSpec, FlagSpec, ValueType } from "./program.ts";

export const OUTPUT_FORMATS = ["json", "jsonc", "none", "table", "tsv", "yaml", "yamlc"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const BOOLEAN: ValueType = { kind: "boolean" };

/** The flag of commands that can answer with bytes: where to save them. */
export const OUTPUT_FILE = "output-file";

export const globalFlags: readonly FlagSpec[] = [
  {
    name: "debug",
    help: "Increase logging verbosity to show all debug logs: the HTTP exchange, with credentials and tokens redacted.",
    type: BOOLEAN,
  },
  { name: "help", aliases: ["-h"], help: "Show this help message and exit.", type: BOOLEAN },
  { name: "only-show-errors", help: "Only show errors, suppressing warnings.", type: BOOLEAN },
  {
    name: "output",
    aliases: ["-o"],
    help: "Output format.",
    type: { kind: "enum", values: OUTPUT_FORMATS, extensible: false },
    default: "json",
  },
  {
    name: "query",
    help: "JMESPath query string. See http://jmespath.org/ for more information and examples.",
    type: { kind: "string" },
  },
  { name: "verbose", help: "Increase logging verbosity. Use --debug for full debug logs.", type: BOOLEAN },
];

/** The name of the flag that lets an extensible enum flag take a value outside its known ones. */
export function allowUnknownFlagName(flag: string): string {
  return `allow-unknown-${flag}`;
}

/** `--yes` for commands that confirm, and `--allow-unknown-<flag>` for extensible enum flags. */
export function commandExtraFlags(command: CommandSpec<unknown>): FlagSpec[] {
  const extras: FlagSpec[] = [];
  for (const flag of command.flags) {
    const type = flag.type.kind === "array" ? flag.type.items : flag.type;
    if (type.kind === "enum" && type.extensible) {
      extras.push({
        name: allowUnknownFlagName(flag.name),
        help: `Send --${flag.name} values this version does not list without a warning (the service may know newer ones).`,
        type: BOOLEAN,
      });
    }
  }
  if (command.confirm !== undefined)
    extras.push({
      name: "yes",
      aliases: ["-y"],
      help: "Do not prompt for confirmation.",
      type: BOOLEAN,
      default: false,
    });
  // az rest's name for it.
  if (command.binary)
    extras.push({
      name: OUTPUT_FILE,
      help: "Save a binary response to this file (else it goes to stdout when that is not a terminal).",
      type: { kind: "string" },
    });
  return extras;
}

/** Names the generator must not give a command flag, because the runtime claims them. */
export const RESERVED_FLAG_NAMES: readonly string[] = [...globalFlags.map((f) => f.name), "yes", OUTPUT_FILE];
export const RESERVED_FLAG_PREFIX = "allow-unknown-";
