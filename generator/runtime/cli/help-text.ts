/** `--help` screens laid out like the Azure CLI's: command, arguments, global arguments, examples. */
import { commandExtraFlags, globalFlags } from "./global-options.ts";
import { exitCodeMeanings, type CommandSpec, type FlagSpec, type Program } from "./program.ts";
import { terminalText } from "./terminal-text.ts";

const WIDTH = 100;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** `    name : text`, the text wrapped and aligned under itself. */
function entries(items: readonly (readonly [string, string])[]): string[] {
  const column = Math.min(36, Math.max(...items.map(([name]) => name.length)));
  return items.flatMap(([name, text]) => {
    const [first = "", ...rest] = wrap(text, Math.max(30, WIDTH - column - 7));
    const pad = " ".repeat(column + 7);
    return [`    ${name.padEnd(column)} : ${first}`, ...rest.map((l) => `${pad}${l}`)];
  });
}

function flagLabel(flag: FlagSpec): string {
  return [`--${flag.name}`, ...(flag.aliases ?? [])].join(" ") + (flag.required ? " [Required]" : "");
}

function flagText(flag: FlagSpec): string {
  const parts = [flag.help.trim()];
  const type = flag.type.kind === "array" ? flag.type.items : flag.type;
  if (type.kind === "enum") parts.push(`Allowed values: ${type.values.join(", ")}.`);
  if (flag.type.kind === "array") parts.push("Takes one or more values.");
  if (flag.type.kind === "json") parts.push("JSON, inline or @file.json.");
  if (type.kind === "date-time") parts.push("An RFC 3339 date-time, e.g. 2025-01-31T12:00:00Z.");
  if (flag.default !== undefined)
    parts.push(`Default: ${typeof flag.default === "string" ? flag.default : JSON.stringify(flag.default)}.`);
  if (flag.env) parts.push(`Environment variable: ${flag.env}.`);
  return parts.filter(Boolean).join(" ");
}

function flagSection(title: string, flags: readonly FlagSpec[]): string[] {
  if (flags.length === 0) return [];
  const sorted = [...flags].sort(
    (a, b) => Number(b.required ?? false) - Number(a.required ?? false) || (a.name < b.name ? -1 : 1),
  );
  return ["", title, ...entries(sorted.map((f) => [flagLabel(f), flagText(f)]))];
}

export function commandHelp<C>(program: Program<C>, command: CommandSpec<C>): string {
  const name = [program.bin, ...command.path].join(" ");
  const lines = ["", "Command", ...entries([[name, command.summary]])];
  if (command.description && command.description !== command.summary)
    lines.push("", ...wrap(command.description, WIDTH - 4).map((l) => `    ${l}`));
  if (command.deprecated) lines.push("", "    This command is deprecated.");
  lines.push(...flagSection("Arguments", [...command.flags, ...commandExtraFlags(command as CommandSpec<unknown>)]));
  lines.push(...flagSection("Authentication Arguments", program.authFlags));
  lines.push(...flagSection("Global Arguments", globalFlags));
  if (command.examples && command.examples.length > 0) {
    lines.push("", "Examples");
    for (const example of command.examples)
      lines.push(`    ${example.title}`, `        ${program.bin} ${example.command}`, "");
  }
  // Summaries, descriptions, enum values and defaults come from the spec: no escape sequences on the terminal.
  return terminalText(`${lines.join("\n").trimEnd()}\n\n`);
}

/** Help of the program (`path` empty) or of a command group. */
export function groupHelp<C>(program: Program<C>, path: readonly string[]): string {
  const summaries = new Map(program.groups.map((g) => [g.path, g.summary]));
  const inGroup = program.commands.filter((c) => c.path.length > path.length && path.every((w, i) => c.path[i] === w));
  const subgroups = new Map<string, number>();
  const commands: CommandSpec<C>[] = [];
  for (const command of inGroup) {
    const next = command.path[path.length] ?? "";
    if (command.path.length === path.length + 1) commands.push(command);
    else subgroups.set(next, (subgroups.get(next) ?? 0) + 1);
  }
  const name = [program.bin, ...path].join(" ");
  const about =
    path.length === 0
      ? `${program.title}: the command line of ${program.packageName} ${program.version}, API version ${program.apiVersion}.`
      : (summaries.get(path.join(" ")) ?? "");
  const lines = ["", "Group", ...entries([[name, about]])];
  if (path.length === 0 && program.description)
    lines.push("", ...wrap(program.description, WIDTH - 4).map((l) => `    ${l}`));
  if (subgroups.size > 0) {
    lines.push("", "Subgroups:");
    lines.push(
      ...entries(
        [...subgroups.entries()]
          .sort()
          .map(([g, n]) => [g, summaries.get([...path, g].join(" ")) ?? `${n} command${n === 1 ? "" : "s"}`]),
      ),
    );
  }
  if (commands.length > 0) {
    lines.push("", "Commands:");
    lines.push(
      ...entries(commands.map((c) => [c.path.at(-1) ?? "", c.summary] as const).sort(([a], [b]) => (a < b ? -1 : 1))),
    );
  }
  if (path.length === 0) {
    lines.push("", "Exit codes:");
    lines.push(...entries(exitCodeMeanings.map(([code, meaning]) => [String(code), meaning] as const)));
  }
  lines.push("", `Run '${name} <command> --help' for the arguments of a command.`);
  return terminalText(`${lines.join("\n")}\n\n`);
}
