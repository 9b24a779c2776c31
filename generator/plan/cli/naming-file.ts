/**
 * The naming layer of a service's command line: a small YAML file beside the TypeSpec
 * (`spec/<service>/cli.yaml`) that names commands the way a known CLI does and maps them onto the
 * spec's operations. This module only reads and shape-checks it; whether the operations, parameters
 * and flags it names exist is checked against the IR by `command-model.ts`. The format is described
 * in `README.md` beside this file.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import {
  createDiagnostic,
  type Diagnosed,
  type Diagnostic,
  type SourceLocation,
} from "../../diagnostics/diagnostics.ts";
import { quoteQuoted } from "../../diagnostics/quote-value.ts";
import { isFileRefusal, MAX_SETTINGS_BYTES, readUntrustedFile } from "../../input/read-untrusted-file.ts";
import { parseConvenience, type ConvenienceNaming } from "../convenience/convenience-naming.ts";

export interface CliNaming {
  /** Locates a JSON pointer of the file, for diagnostics. */
  readonly locate: (pointer: string) => SourceLocation;
  readonly bin?: string;
  /** Global flag name (`connection-string`) -> environment variable read when it is not given. */
  readonly environment: ReadonlyMap<string, string>;
  /** Extra property/header/query names `--debug` must redact. */
  readonly secretNames: readonly string[];
  readonly groups: readonly { readonly path: string; readonly summary: string }[];
  readonly commands: readonly NamedCommand[];
  /** The SDK convenience methods (`convenience`), when the file declares them. */
  readonly convenience?: ConvenienceNaming;
}

export interface NamedCommand {
  readonly pointer: string;
  readonly path: readonly string[];
  readonly summary?: string;
  readonly description?: string;
  /** The confirmation question; present when the command must confirm. */
  readonly confirm?: string;
  readonly flags: readonly NamedFlag[];
  readonly calls: readonly NamedCall[];
  readonly examples: readonly { readonly title: string; readonly command: string; readonly pointer: string }[];
}

export interface NamedFlag {
  readonly pointer: string;
  readonly name: string;
  readonly help?: string;
  readonly required?: boolean;
  readonly aliases: readonly string[];
}

export interface NamedCall {
  readonly pointer: string;
  /** The operation's function name (`issueAccessToken`) or its operationId. */
  readonly operation: string;
  readonly when: readonly string[];
  /** Target (`id`, `body.scopes`, `body`) -> flag name, in file order. */
  readonly arguments: readonly { readonly target: string; readonly flag: string; readonly pointer: string }[];
  readonly output?: string;
  /** How the result's date-times are written before `output` reads them (default: ISO 8601 with `Z`). */
  readonly dates?: DateStyle;
}

/** Python's `datetime.isoformat()` (`2025-01-02T03:04:05.678000+00:00`, how az prints a date) or `str()` (a space for the `T`). */
export const DATE_STYLES = ["python-isoformat", "python-str"] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

const FLAG_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEFAULT_CONFIRM = "Are you sure you want to perform this operation?";

/** The naming layer sits beside the service's TypeSpec entry under this name. */
export const CLI_NAMING_FILE = "cli.yaml";

/** The naming layer of the service whose TypeSpec entry is `typespecEntry`; undefined when it has none. */
export function serviceNaming(typespecEntry: string): Diagnosed<CliNaming | undefined> | undefined {
  const file = join(dirname(typespecEntry), CLI_NAMING_FILE);
  return existsSync(file) ? loadCliNaming(file) : undefined;
}

export function loadCliNaming(file: string): Diagnosed<CliNaming | undefined> {
  const text = readUntrustedFile(file, { maxBytes: MAX_SETTINGS_BYTES });
  if (isFileRefusal(text))
    return { value: undefined, diagnostics: [problem({ file }, `cannot read the CLI naming file: ${text.message}`)] };
  return parseCliNaming(file, text);
}

function problem(location: SourceLocation, message: string): Diagnostic {
  return createDiagnostic("invalid-cli-naming", { problem: message }, location);
}

type Json = unknown;
const isRecord = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const escapePointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

export function parseCliNaming(file: string, text: string): Diagnosed<CliNaming | undefined> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const locate = (pointer: string): SourceLocation => locatePointer(file, doc.contents, lineCounter, pointer);
  if (doc.errors.length > 0) {
    const [first] = doc.errors;
    const pos = first?.linePos?.[0];
    return {
      value: undefined,
      diagnostics: [
        problem(
          { file, ...(pos ? { line: pos.line, column: pos.col } : {}) },
          `not valid YAML: ${quoteQuoted(first?.message.split("\n")[0] ?? "")}`,
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const fail = (pointer: string, message: string): undefined => {
    diagnostics.push(problem(locate(pointer), message));
    return undefined;
  };
  const root: Json = doc.toJS();
  if (!isRecord(root))
    return { value: undefined, diagnostics: [problem({ file }, "the CLI naming file must be a YAML mapping")] };

  const known = new Set(["bin", "environment", "secret-names", "groups", "commands", "convenience"]);
  for (const key of Object.keys(root))
    if (!known.has(key)) fail(`/${escapePointer(key)}`, `unknown key "${key}" (known: ${[...known].join(", ")})`);

  const string = (value: Json, pointer: string, what: string): string | undefined =>
    typeof value === "string" && value.trim() !== "" ? value : fail(pointer, `${what} must be a non-empty string`);
  const strings = (value: Json, pointer: string, what: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) return fail(pointer, `${what} must be a list of strings`) ?? [];
    return value.flatMap((v: Json, i) => string(v, `${pointer}/${i}`, what) ?? []);
  };
  const mapping = (value: Json, pointer: string, what: string): [string, Json][] => {
    if (value === undefined) return [];
    if (!isRecord(value)) return fail(pointer, `${what} must be a mapping`) ?? [];
    return Object.entries(value);
  };

  const bin = root["bin"] === undefined ? undefined : string(root["bin"], "/bin", "`bin`");
  if (bin !== undefined && !FLAG_NAME.test(bin)) fail("/bin", "`bin` must be lower-case words joined by dashes");
  const environment = new Map<string, string>();
  for (const [flag, variable] of mapping(root["environment"], "/environment", "`environment`")) {
    const at = `/environment/${escapePointer(flag)}`;
    if (typeof variable !== "string" || !ENV_NAME.test(variable))
      fail(at, "an environment variable name must be letters, digits and underscores");
    else environment.set(flag, variable);
  }
  const secretNames = strings(root["secret-names"], "/secret-names", "`secret-names`");
  const groups = mapping(root["groups"], "/groups", "`groups`").flatMap(([path, summary]) => {
    const text = string(summary, `/groups/${escapePointer(path)}`, "a group summary");
    return text === undefined ? [] : [{ path: path.trim().split(/\s+/).join(" "), summary: text }];
  });

  const commands: NamedCommand[] = [];
  for (const [key, value] of mapping(root["commands"], "/commands", "`commands`")) {
    const at = `/commands/${escapePointer(key)}`;
    const path = key.trim().split(/\s+/);
    if (!path.every((w) => FLAG_NAME.test(w))) {
      fail(
        at,
        "a command is lower-case words joined by dashes, separated by spaces (e.g. `user-identity token issue`)",
      );
      continue;
    }
    if (!isRecord(value)) {
      fail(at, "a command must be a mapping");
      continue;
    }
    const keys = new Set(["summary", "description", "confirm", "flags", "calls", "examples"]);
    for (const k of Object.keys(value))
      if (!keys.has(k)) fail(`${at}/${escapePointer(k)}`, `unknown key "${k}" (known: ${[...keys].join(", ")})`);
    const flags = mapping(value["flags"], `${at}/flags`, "`flags`").flatMap(([name, spec]): NamedFlag[] => {
      const fat = `${at}/flags/${escapePointer(name)}`;
      if (!FLAG_NAME.test(name))
        return fail(fat, `flag "${name}" must be lower-case words joined by dashes, without leading dashes`) ?? [];
      const body = spec ?? {};
      if (!isRecord(body)) return fail(fat, "a flag must be a mapping (help, required, aliases)") ?? [];
      for (const k of Object.keys(body))
        if (!["help", "required", "aliases"].includes(k)) fail(`${fat}/${escapePointer(k)}`, `unknown key "${k}"`);
      const required = body["required"];
      if (required !== undefined && typeof required !== "boolean")
        fail(`${fat}/required`, "`required` must be true or false");
      const aliases = strings(body["aliases"], `${fat}/aliases`, "`aliases`");
      for (const [i, alias] of aliases.entries())
        if (!/^-[a-zA-Z]$/.test(alias)) fail(`${fat}/aliases/${i}`, `alias "${alias}" must be a dash and one letter`);
      const help = body["help"] === undefined ? undefined : string(body["help"], `${fat}/help`, "`help`");
      return [
        {
          pointer: fat,
          name,
          aliases,
          ...(help ? { help } : {}),
          ...(typeof required === "boolean" ? { required } : {}),
        },
      ];
    });
    const rawCalls = value["calls"];
    if (!Array.isArray(rawCalls) || rawCalls.length === 0) {
      fail(`${at}/calls`, "`calls` must be a non-empty list");
      continue;
    }
    const calls = rawCalls.flatMap((call: Json, i): NamedCall[] => {
      const cat = `${at}/calls/${i}`;
      if (!isRecord(call))
        return fail(cat, "a call must be a mapping (operation, when, arguments, output, dates)") ?? [];
      for (const k of Object.keys(call))
        if (!["operation", "when", "arguments", "output", "dates"].includes(k))
          fail(`${cat}/${escapePointer(k)}`, `unknown key "${k}"`);
      const operation = string(call["operation"], `${cat}/operation`, "`operation`");
      const when = strings(call["when"], `${cat}/when`, "`when`");
      const args = mapping(call["arguments"], `${cat}/arguments`, "`arguments`").flatMap(([target, flag]) => {
        const aat = `${cat}/arguments/${escapePointer(target)}`;
        const name = string(flag, aat, "an argument's flag");
        if (name !== undefined && !FLAG_NAME.test(name))
          return fail(aat, `flag "${name}" must be lower-case words joined by dashes`) ?? [];
        return name === undefined ? [] : [{ target, flag: name, pointer: aat }];
      });
      const output = call["output"] === undefined ? undefined : string(call["output"], `${cat}/output`, "`output`");
      const datesRaw = call["dates"];
      const dates = DATE_STYLES.find((style) => style === datesRaw);
      if (datesRaw !== undefined && dates === undefined)
        fail(`${cat}/dates`, `\`dates\` must be one of ${DATE_STYLES.join(", ")}`);
      return operation === undefined
        ? []
        : [
            {
              pointer: cat,
              operation,
              when,
              arguments: args,
              ...(output ? { output } : {}),
              ...(dates ? { dates } : {}),
            },
          ];
    });
    const examples = (
      Array.isArray(value["examples"])
        ? value["examples"]
        : value["examples"] === undefined
          ? []
          : (fail(`${at}/examples`, "`examples` must be a list") ?? [])
    ).flatMap((example: Json, i: number) => {
      const eat = `${at}/examples/${i}`;
      if (!isRecord(example)) return fail(eat, "an example must be a mapping (title, command)") ?? [];
      const title = string(example["title"], `${eat}/title`, "an example's `title`");
      const command = string(example["command"], `${eat}/command`, "an example's `command`");
      return title && command ? [{ title, command: command.trim(), pointer: eat }] : [];
    });
    const confirmRaw = value["confirm"];
    let confirm: string | undefined;
    if (confirmRaw === true) confirm = DEFAULT_CONFIRM;
    else if (typeof confirmRaw === "string" && confirmRaw.trim() !== "") confirm = confirmRaw.trim();
    else if (confirmRaw !== undefined && confirmRaw !== false)
      fail(`${at}/confirm`, "`confirm` must be true, false or the question to ask");
    const summary = value["summary"] === undefined ? undefined : string(value["summary"], `${at}/summary`, "`summary`");
    const description =
      value["description"] === undefined
        ? undefined
        : string(value["description"], `${at}/description`, "`description`");
    commands.push({
      pointer: at,
      path,
      flags,
      calls,
      examples,
      ...(summary ? { summary: summary.trim() } : {}),
      ...(description ? { description: description.trim() } : {}),
      ...(confirm ? { confirm } : {}),
    });
  }
  const convenience =
    root["convenience"] === undefined
      ? undefined
      : parseConvenience(root["convenience"], (pointer, message) => problem(locate(pointer), message));
  diagnostics.push(...(convenience?.diagnostics ?? []));
  const value: CliNaming = {
    locate,
    environment,
    secretNames,
    groups,
    commands,
    ...(bin ? { bin } : {}),
    ...(convenience?.value ? { convenience: convenience.value } : {}),
  };
  return { value: diagnostics.length > 0 ? undefined : value, diagnostics };
}

/** `file:line:col` of the node a JSON pointer names (or of its nearest existing ancestor). */
function locatePointer(file: string, root: Node | null, lines: LineCounter, pointer: string): SourceLocation {
  let node: unknown = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    let next: unknown;
    if (isMap(node)) next = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key)?.value;
    else if (isSeq(node)) next = node.items[Number(key)];
    if (next === undefined || next === null) break;
    node = next;
  }
  const range =
    typeof node === "object" && node !== null && "range" in node
      ? (node as { range?: [number, number, number] }).range
      : undefined;
  if (!range) return { file, pointer };
  const pos = lines.linePos(range[0]);
  return { file, pointer, line: pos.line, column: pos.col };
}
