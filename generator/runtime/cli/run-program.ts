/**
 * One run of a generated CLI: parse the command line, check the flags, pick the call, build the
 * context from the credentials, confirm when the command asks to, call the operation, shape the
 * result (`output` projection, `--query`) and print it in the `--output` format. Every failure
 * becomes one `ERROR:` line on stderr and the exit code of its class (`ExitCode`).
 */
import { search } from "jmespath";
import { createContext } from "./auth-routes.ts";
import { convertFlag, toJsonData } from "./flag-values.ts";
import { allowUnknownFlagName, globalFlags, OUTPUT_FILE, type OutputFormat } from "./global-options.ts";
import { commandHelp, groupHelp } from "./help-text.ts";
import { createRedactor, loggingFetch } from "./http-log.ts";
import { formatOutput } from "./output-formats.ts";
import { commandFlags, parseCommandLine } from "./parse-command-line.ts";
import { printable } from "./terminal-text.ts";
import {
  CliError,
  ExitCode,
  type CallArguments,
  type CallSpec,
  type CliIo,
  type CommandSpec,
  type ContextSettings,
  type FlagSpec,
  type Program,
} from "./program.ts";

interface Logger {
  readonly onlyErrors: boolean;
  readonly verbose: boolean;
  readonly debug: boolean;
  warn(message: string): void;
  info(message: string): void;
}

export async function runProgram<C>(program: Program<C>, argv: readonly string[], io: CliIo): Promise<number> {
  // Known before parsing, so that a parse error is reported at the asked verbosity too.
  let log: Logger = logger(
    io,
    argv.includes("--only-show-errors"),
    argv.includes("--verbose"),
    argv.includes("--debug"),
  );
  try {
    const line = parseCommandLine(program, argv);
    if (line.kind === "help") {
      io.writeOut(line.command ? commandHelp(program, line.command) : groupHelp(program, line.path));
      return ExitCode.ok;
    }
    const { command } = line;
    const values = convertFlags(commandFlags(program, command), line.raw, io, log);
    const flag = <T>(name: string): T | undefined => values.get(name) as T | undefined;
    log = logger(
      io,
      flag<boolean>("only-show-errors") ?? false,
      flag<boolean>("verbose") ?? false,
      flag<boolean>("debug") ?? false,
    );
    for (const name of line.repeated)
      log.warn(`--${name} was given more than once: only its last value counts (as in az).`);
    checkRequired(command, values);
    const call = command.calls.find((c) => (c.when ?? []).every((name) => values.has(name)));
    if (!call) throw new Error(`internal: no call of '${command.path.join(" ")}' fits the flags given`);

    const auth = new Map<string, string>();
    for (const f of program.authFlags) if (values.has(f.name)) auth.set(f.name, String(values.get(f.name)));
    const context = createContext(program, auth, io, contextSettings(program, io, log));
    if (command.confirm !== undefined && flag<boolean>("yes") !== true) await confirm(command, io, log);
    if (program.preview)
      log.warn(`This command calls API version ${program.apiVersion}, which is in preview and may change.`);
    if (command.deprecated) log.warn(`'${[program.bin, ...command.path].join(" ")}' is deprecated.`);
    log.info(`Calling ${call.operation}`);

    const result = await collect(await call.invoke(context, callArguments(command, call, values)));
    if (result instanceof Uint8Array) {
      writeBytes(result, flag<string>(OUTPUT_FILE), io);
      return ExitCode.ok;
    }
    const query = flag<string>("query");
    const printed = shape(call, result, values, query);
    io.writeOut(
      await formatOutput(printed, flag<OutputFormat>("output") ?? "json", {
        color: io.stdoutIsTerminal === true,
        queried: query !== undefined,
      }),
    );
    return ExitCode.ok;
  } catch (error) {
    return report(error, io, log);
  }
}

function logger(io: CliIo, onlyErrors: boolean, verbose: boolean, debug: boolean): Logger {
  return {
    onlyErrors,
    verbose: verbose || debug,
    debug,
    warn: (message) => {
      if (!onlyErrors) io.writeErr(`WARNING: ${printable(message)}\n`);
    },
    info: (message) => {
      if (verbose || debug) io.writeErr(`INFO: ${printable(message)}\n`);
    },
  };
}

/** Converts every flag given; global flags not given get their defaults. */
function convertFlags(
  flags: readonly FlagSpec[],
  raw: ReadonlyMap<string, readonly string[]>,
  io: CliIo,
  log: Logger,
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const flag of flags) {
    const texts = raw.get(flag.name);
    if (texts !== undefined) {
      const allowUnknown = raw.has(allowUnknownFlagName(flag.name));
      values.set(flag.name, convertFlag(flag, texts, { io, allowUnknown, warn: (message) => log.warn(message) }));
    }
  }
  for (const flag of globalFlags)
    if (!values.has(flag.name) && flag.default !== undefined) values.set(flag.name, flag.default);
  return values;
}

function checkRequired<C>(command: CommandSpec<C>, values: ReadonlyMap<string, unknown>): void {
  // With --body, the body's own fields may supply what a body flag would: the service checks those.
  const bodyGiven = values.has("body");
  const bodyFlags = new Set(
    command.calls.flatMap((c) => c.bind.filter((b) => "body" in b.to && b.to.body.length > 0).map((b) => b.flag)),
  );
  const missing = command.flags.filter(
    (f) =>
      f.required &&
      !values.has(f.name) &&
      !(f.default !== undefined && f.sendDefault) &&
      !(bodyGiven && bodyFlags.has(f.name)),
  );
  if (missing.length > 0) {
    throw new CliError(
      "usage",
      `the following arguments are required: ${missing.map((f) => `--${f.name}`).join(", ")}`,
    );
  }
}

function contextSettings<C>(program: Program<C>, io: CliIo, log: Logger): ContextSettings {
  const base = io.fetch ?? globalThis.fetch;
  const settings: ContextSettings = { userAgentPrefix: `${program.bin}-cli` };
  if (log.verbose) {
    const redactor = createRedactor(program.secretNames);
    const level = log.debug ? "debug" : "verbose";
    settings.fetch = loggingFetch(base, level, redactor, (line) =>
      io.writeErr(`${level === "debug" ? "DEBUG" : "INFO"}: ${printable(line)}\n`),
    );
  } else if (io.fetch) settings.fetch = io.fetch;
  return settings;
}

/**
 * Asks as az does (knack's `prompt_y_n`): `<question> (y/n): `, again until the answer is `y` or
 * `n` (any case). Without a terminal az warns and cancels; so does this (exit 1). At the end of
 * input az prints a traceback; this cancels.
 */
async function confirm<C>(command: CommandSpec<C>, io: CliIo, log: Logger): Promise<void> {
  if (!io.stdinIsTerminal) {
    log.warn("Unable to prompt for confirmation as no tty available. Use --yes.");
    throw new CliError("cancelled", "Operation cancelled.");
  }
  for (;;) {
    const answer = await io.readLine(
      `${command.confirm ?? "Are you sure you want to perform this operation?"} (y/n): `,
    );
    const word = answer?.toLowerCase();
    if (word === "y") return;
    if (word === "n" || word === undefined) throw new CliError("cancelled", "Operation cancelled.");
  }
}

/** Parameters and body from the flags, as the call's bindings say; defaults where the spec requires a value. */
function callArguments<C>(
  command: CommandSpec<C>,
  call: CallSpec<C>,
  values: ReadonlyMap<string, unknown>,
): CallArguments {
  const flags = new Map(command.flags.map((f) => [f.name, f]));
  const valueOf = (name: string): unknown => {
    if (values.has(name)) return values.get(name);
    const flag = flags.get(name);
    return flag?.sendDefault ? flag.default : undefined;
  };
  const params = new Map<string, unknown>();
  let body: unknown;
  // The whole-body flag first, so the flags for single fields override what it says.
  const ordered = [...call.bind].sort(
    (a, b) => Number("body" in b.to && b.to.body.length === 0) - Number("body" in a.to && a.to.body.length === 0),
  );
  for (const { flag, to } of ordered) {
    const value = valueOf(flag);
    if (value === undefined) continue;
    if ("param" in to) params.set(to.param, value);
    else if (to.body.length === 0) body = value;
    else body = setPath(body, to.body, value);
  }
  if (body === undefined && call.bodyRequired) body = {};
  return { param: (name) => params.get(name), body: () => body };
}

function setPath(target: unknown, path: readonly string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> =
    typeof target === "object" && target !== null && !Array.isArray(target) ? { ...target } : {};
  const [head = "", ...rest] = path;
  // Defined, not assigned: a wire name like `__proto__` must become an own property, not a prototype.
  const inner = rest.length === 0 ? value : setPath(Object.hasOwn(root, head) ? root[head] : undefined, rest, value);
  Object.defineProperty(root, head, { value: inner, enumerable: true, writable: true, configurable: true });
  return root;
}

/** A paged result becomes the array of all its items. */
async function collect(result: unknown): Promise<unknown> {
  if (typeof result !== "object" || result === null || !(Symbol.asyncIterator in result)) return result;
  const items: unknown[] = [];
  for await (const item of result as AsyncIterable<unknown>) items.push(item);
  return items;
}

/**
 * A binary response, as az writes downloads: to `--output-file`, else to stdout as it is when
 * stdout is a pipe or a file. A terminal gets no bytes (they print as garbage and can drive the
 * terminal): that is refused as a command-line mistake, naming the two ways to get them.
 */
function writeBytes(bytes: Uint8Array, path: string | undefined, io: CliIo): void {
  if (path === undefined) {
    if (io.stdoutIsTerminal) {
      throw new CliError(
        "usage",
        `the response is ${bytes.length} bytes of binary data, not shown on a terminal: save it with --${OUTPUT_FILE} <path>, or redirect stdout to a file or pipe`,
      );
    }
    io.writeOutBytes(bytes);
    return;
  }
  try {
    io.writeFile(path, bytes);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliError(
      "file",
      `argument --${OUTPUT_FILE}: cannot write '${path}'${typeof code === "string" ? ` (${code})` : ""}`,
    );
  }
}

function shape<C>(
  call: CallSpec<C>,
  result: unknown,
  values: ReadonlyMap<string, unknown>,
  query: string | undefined,
): unknown {
  let data = toJsonData(result, call.dates);
  if (call.output !== undefined) {
    const flags = Object.fromEntries([...values.entries()].map(([k, v]) => [k, toJsonData(v)]));
    data = search({ result: data ?? null, flags }, call.output);
  }
  if (query === undefined || data === undefined) return data;
  try {
    return search(data, query);
  } catch (error) {
    throw new CliError("usage", `argument --query: invalid JMESPath query: ${(error as Error).message}`);
  }
}

/** Prints the one-line `ERROR:` of a failure and returns its exit code. */
function report(error: unknown, io: CliIo, log: Logger): number {
  const { exitClass, message } = classify(error);
  // The message may be the service's own text: one line, without control characters.
  io.writeErr(`ERROR: ${printable(message.replace(/\s+/g, " ").trim())}\n`);
  if (log.debug && exitClass === "internal" && error instanceof Error && error.stack)
    io.writeErr(`DEBUG: ${printable(error.stack)}\n`);
  else if (exitClass === "internal") io.writeErr("Run the command again with --debug for details, and report it.\n");
  return ExitCode[exitClass];
}

function field(error: object, name: string): unknown {
  return name in error ? (error as Record<string, unknown>)[name] : undefined;
}

/** The runtime's errors are told apart by name, so this file does not depend on where the package keeps them. */
export function classify(error: unknown): { exitClass: keyof typeof ExitCode; message: string } {
  if (error instanceof CliError) return { exitClass: error.exitClass, message: error.message };
  if (!(error instanceof Error)) return { exitClass: "internal", message: `internal error: ${String(error)}` };
  switch (error.name) {
    case "HttpError": {
      const status = Number(field(error, "status"));
      const exitClass = status === 401 || status === 403 ? "auth" : status === 404 ? "notFound" : "service";
      // The library's message is the service's alone (as Azure's RestError): the line adds status and code.
      const head = `${status} ${String(field(error, "code") ?? "")}`.trimEnd();
      return {
        exitClass,
        message: error.message.startsWith(`${status} `) ? error.message : `${head}: ${error.message}`,
      };
    }
    case "NetworkError":
    case "TimeoutError":
      return { exitClass: "network", message: withCause(error) };
    case "ResponseParseError":
    case "RedirectError":
    case "ResponseTooLargeError":
      return { exitClass: "service", message: error.message };
    default:
      return { exitClass: "internal", message: `internal error: ${error.message}` };
  }
}

/** `The request failed ...: connect ECONNREFUSED 127.0.0.1:1`: the innermost cause says why. */
function withCause(error: Error): string {
  let cause: unknown = error.cause;
  let reason: string | undefined;
  for (let depth = 0; cause instanceof Error && depth < 5; depth++, cause = cause.cause) reason = cause.message;
  return reason && reason !== error.message ? `${error.message}: ${reason}` : error.message;
}
