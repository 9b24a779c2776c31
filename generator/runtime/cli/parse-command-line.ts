/**
 * The command line, az style: command words first (`user-identity token issue`), then flags.
 * `--name value`, `--name=value`, short aliases (`-o json`), boolean flags without a value, and
 * array flags that take every value up to the next flag (`--scope chat voip`). As in az (Python's
 * argparse): a unique prefix names a long flag (`--out tsv`), an ambiguous one is an error, and a
 * flag given twice keeps its last value (`--scope chat --scope voip` sends `voip`).
 */
import { commandExtraFlags, globalFlags } from "./global-options.ts";
import { CliError, type CommandSpec, type FlagSpec, type Program } from "./program.ts";

export type CommandLine<C> =
  | { readonly kind: "help"; readonly path: readonly string[]; readonly command?: CommandSpec<C> }
  | {
      readonly kind: "command";
      readonly command: CommandSpec<C>;
      readonly raw: ReadonlyMap<string, readonly string[]>;
      /** Flags given more than once (their last value counts). */
      readonly repeated: readonly string[];
    };

/** Every flag a command accepts, by long name: its own, `--yes`/`--allow-unknown-*`, auth, global. */
export function commandFlags<C>(program: Program<C>, command: CommandSpec<C> | undefined): FlagSpec[] {
  const own = command ? [...command.flags, ...commandExtraFlags(command as CommandSpec<unknown>)] : [];
  return [...own, ...program.authFlags, ...globalFlags];
}

export function parseCommandLine<C>(program: Program<C>, argv: readonly string[]): CommandLine<C> {
  const firstFlag = argv.findIndex((token) => token.startsWith("-"));
  const words = firstFlag === -1 ? [...argv] : argv.slice(0, firstFlag);
  const rest = firstFlag === -1 ? [] : argv.slice(firstFlag);
  const wantsHelp = rest.includes("--help") || rest.includes("-h");
  const command = program.commands.find(
    (c) => c.path.length === words.length && c.path.every((w, i) => w === words[i]),
  );
  if (!command) {
    const isGroup =
      words.length === 0 ||
      program.commands.some((c) => c.path.length > words.length && words.every((w, i) => c.path[i] === w));
    if (isGroup) return { kind: "help", path: words };
    throw unknownCommand(program, words);
  }
  if (wantsHelp) return { kind: "help", path: words, command };
  return { kind: "command", command, ...readFlags(commandFlags(program, command), rest) };
}

function unknownCommand<C>(program: Program<C>, words: readonly string[]): CliError {
  // The longest known prefix names the group the unknown word was looked up in.
  let known = 0;
  while (
    known < words.length &&
    program.commands.some((c) => words.slice(0, known + 1).every((w, i) => c.path[i] === w))
  )
    known++;
  const group = [program.bin, ...words.slice(0, known)].join(" ");
  const word = words[known] ?? "";
  const choices = [
    ...new Set(
      program.commands
        .filter((c) => words.slice(0, known).every((w, i) => c.path[i] === w))
        .map((c) => c.path[known] ?? ""),
    ),
  ];
  const hint = closest(word, choices);
  return new CliError(
    "usage",
    `'${word}' is not in the '${group}' command group.${hint ? ` Did you mean '${hint}'?` : ""} See '${group} --help'.`,
  );
}

const isFlagToken = (token: string): boolean => token.startsWith("--") || /^-[A-Za-z]$/.test(token);

/** The flag `name` stands for: an exact name or alias, else the one long flag it is a prefix of. */
function lookUpFlag(byName: ReadonlyMap<string, FlagSpec>, name: string): FlagSpec | undefined {
  const exact = byName.get(name);
  if (exact || !name.startsWith("--") || name.length < 3) return exact;
  const matches = [...byName.keys()].filter((k) => k.startsWith(name));
  const flags = new Set(matches.map((k) => byName.get(k)));
  if (flags.size > 1) throw new CliError("usage", `ambiguous option: ${name} could match ${matches.join(", ")}`);
  return [...flags][0];
}

/** Raw texts per flag (long name); conversion and checks happen in `flag-values.ts`. */
function readFlags(
  flags: readonly FlagSpec[],
  tokens: readonly string[],
): { raw: Map<string, string[]>; repeated: string[] } {
  const byName = new Map<string, FlagSpec>();
  for (const flag of flags) {
    byName.set(`--${flag.name}`, flag);
    for (const alias of flag.aliases ?? []) byName.set(alias, flag);
  }
  const raw = new Map<string, string[]>();
  const repeated: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (!isFlagToken(token)) throw new CliError("usage", `unrecognized argument: ${token}`);
    const eq = token.startsWith("--") ? token.indexOf("=") : -1;
    const name = eq === -1 ? token : token.slice(0, eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    const flag = lookUpFlag(byName, name);
    if (!flag) {
      const hint = closest(
        name,
        [...byName.keys()].filter((k) => k.startsWith("--")),
      );
      throw new CliError("usage", `unrecognized argument: ${name}${hint ? `. Did you mean ${hint}?` : ""}`);
    }
    const values: string[] = [];
    if (inline !== undefined) values.push(inline);
    else if (flag.type.kind === "boolean") values.push("true");
    else if (flag.type.kind === "array") {
      while (i + 1 < tokens.length && !isFlagToken(tokens[i + 1] ?? "")) values.push(tokens[++i] ?? "");
    } else if (i + 1 < tokens.length && !isFlagToken(tokens[i + 1] ?? "")) values.push(tokens[++i] ?? "");
    if (values.length === 0)
      throw new CliError(
        "usage",
        `argument --${flag.name}: expected ${flag.type.kind === "array" ? "at least one value" : "one value"}`,
      );
    if (raw.has(flag.name) && !repeated.includes(flag.name)) repeated.push(flag.name);
    raw.set(flag.name, values);
  }
  return { raw, repeated };
}

/** The choice nearest to `word` by edit distance, when it is near enough to be a typo. */
export function closest(word: string, choices: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const choice of choices) {
    const d = editDistance(word, choice);
    if (d < bestDistance) [best, bestDistance] = [choice, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
