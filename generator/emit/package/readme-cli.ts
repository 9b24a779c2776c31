/**
 * The README's "Command line" section, as a view for `README.md.hbs`: how to run and authenticate
 * the package's `bin`, the naming layer's commands with their examples (the seed's, for
 * communication-identity), every command, the global arguments, output formats and exit codes.
 */
import type { ApiIR } from "../../ir/types.ts";
import type { CliModel, CommandModel } from "../../plan/cli/command-model.ts";
import { CLI_BUNDLE } from "../../plan/cli/cli-layout.ts";
import { TypeLookup } from "../../plan/cli/flag-types.ts";
import { globalFlags, OUTPUT_FORMATS } from "../../runtime/cli/global-options.ts";
import { exitCodeMeanings, type FlagSpec } from "../../runtime/cli/program.ts";

export interface CliReadmeView {
  readonly bin: string;
  readonly bundle: string;
  readonly auth: readonly string[];
  readonly featured: readonly FeaturedCommand[];
  readonly commands: readonly { readonly path: string; readonly operation: string; readonly summary: string }[];
  readonly globals: readonly { readonly name: string; readonly help: string }[];
  readonly formats: string;
  readonly queryExample: string;
  readonly exitCodes: readonly { readonly code: number; readonly meaning: string }[];
}

export interface FeaturedCommand {
  readonly command: string;
  readonly summary: string;
  readonly flags: readonly { readonly name: string; readonly required: boolean; readonly help: string }[];
  /** What it prints on success. */
  readonly prints: string;
  readonly examples: string;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

function flagHelp(flag: FlagSpec): string {
  const type = flag.type.kind === "array" ? flag.type.items : flag.type;
  const parts = [flag.help];
  if (type.kind === "enum")
    parts.push(
      `One of ${type.values.map((v) => `\`${String(v)}\``).join(", ")}${type.extensible ? ` (others with \`--allow-unknown-${flag.name}\`)` : ""}.`,
    );
  if (flag.type.kind === "array") parts.push("Takes several values.");
  if (type.kind === "date-time") parts.push("RFC 3339 date-time.");
  if (flag.type.kind === "json") parts.push("JSON, inline or `@file.json`.");
  if (flag.default !== undefined)
    parts.push(`Default: \`${typeof flag.default === "string" ? flag.default : JSON.stringify(flag.default)}\`.`);
  return cell(parts.join(" "));
}

function featured(bin: string, command: CommandModel): FeaturedCommand {
  const flags = command.flags.map((f) => ({
    name: [`--${f.name}`, ...(f.aliases ?? [])].join(" "),
    required: f.required ?? false,
    help: flagHelp(f),
  }));
  if (command.confirm)
    flags.push({
      name: "--yes -y",
      required: false,
      help: "Do not prompt for confirmation (needed when there is no terminal).",
    });
  const examples = command.examples.map((e) => `# ${e.title}\n${bin} ${e.command}`).join("\n\n");
  return {
    command: `${bin} ${command.path.join(" ")}`,
    summary: command.summary,
    flags,
    prints: prints(command),
    examples,
  };
}

/** "Prints `userId`, `token` and `expiresOn`.", from the calls' `output` projections or their responses. */
function prints(command: CommandModel): string {
  if (command.calls.every((c) => c.op.responses.every((r) => r.type === undefined)))
    return "Prints nothing when it succeeds.";
  const fields = [
    ...new Set(
      command.calls.flatMap((c) =>
        c.output ? [...c.output.matchAll(/([A-Za-z_]\w*)\s*:/g)].map((m) => `\`${m[1] ?? ""}\``) : [],
      ),
    ),
  ];
  if (fields.length === 0) return `Prints the response of \`${command.calls.map((c) => c.op.name).join("`/`")}\`.`;
  const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(", ")} and ${fields.at(-1) ?? ""}`;
  return `Prints ${list}${command.calls.length > 1 ? ", whichever call it makes" : ""}.`;
}

/** A field of the printed result a `--query` example can pick: a token if there is one. */
function queryField(api: ApiIR, command: CommandModel | undefined): string | undefined {
  const call = command?.calls.at(-1);
  if (!call) return undefined;
  let fields: string[] = [];
  if (call.output) fields = [...call.output.matchAll(/([A-Za-z_]\w*)\s*:/g)].map((m) => m[1] ?? "");
  else {
    const response = call.op.responses.find((r) => r.type)?.type;
    const object = response ? new TypeLookup(api.types).object(response) : undefined;
    fields = object?.properties.filter((p) => !p.writeOnly).map((p) => p.name) ?? [];
  }
  return fields.find((f) => /token|value/i.test(f)) ?? fields[0];
}

export function cliReadmeView(api: ApiIR, cli: CliModel): CliReadmeView {
  const envNote = (f: FlagSpec) => (f.env ? ` (or the environment variable \`${f.env}\`)` : "");
  const flag = (name: string) => cli.authFlags.find((f) => f.name === name);
  const auth = cli.auth.map((route) => {
    const uses = route.uses.map((name) => {
      const f = flag(name);
      return f ? `\`--${name}\`${envNote(f)}` : `\`--${name}\``;
    });
    const endpoint = flag("endpoint");
    const withEndpoint =
      route.endpoint === "required"
        ? ` with \`--endpoint\`${endpoint ? envNote(endpoint) : ""}`
        : route.endpoint === "optional"
          ? `; \`--endpoint\` overrides the default \`${String(endpoint?.default ?? "")}\``
          : "";
    return route.uses.length === 0
      ? `No credentials are needed${withEndpoint}.`
      : `${uses.join(" and ")}${withEndpoint}: ${cell(flag(route.uses[0] ?? "")?.help ?? "")}`;
  });
  const named = cli.commands.filter((c) => c.origin === "naming");
  const sample = named.find((c) => c.examples.length > 0);
  const field = queryField(api, sample);
  const example = sample?.examples[0];
  const queryExample = example && field ? `${cli.bin} ${example.command} --query ${field} -o tsv` : `${cli.bin} --help`;
  return {
    bin: cli.bin,
    bundle: CLI_BUNDLE,
    auth,
    featured: named.map((c) => featured(cli.bin, c)),
    commands: cli.commands.map((c) => ({
      path: c.path.join(" "),
      operation: [...new Set(c.calls.map((call) => call.op.name))].join("`, `"),
      summary: cell(c.summary),
    })),
    globals: globalFlags.map((f) => ({ name: [`--${f.name}`, ...(f.aliases ?? [])].join(" "), help: flagHelp(f) })),
    formats: OUTPUT_FORMATS.map((f) => `\`${f}\``).join(", "),
    queryExample,
    exitCodes: exitCodeMeanings.map(([code, meaning]) => ({ code, meaning })),
  };
}
