/**
 * What a generated command-line program is: data (commands, flags, value types, help text) plus
 * the few functions that call the package's operations. The generator writes one `Program` per
 * package (`src/cli/commands.ts`); everything else in this folder interprets it, so the code a
 * package ships is the same for every service.
 */

/**
 * Exit codes as the Azure CLI returns them (`azure/cli/core/util.py` `handle_exception`, argparse),
 * so scripts written against `az` test the same numbers: 2 for a wrong command line, 3 when the
 * service answered 404, 1 for every other failure. The classes stay apart in the `ERROR:` line.
 */
export const ExitCode = {
  ok: 0,
  /** A bug: the message says so; `--debug` prints the stack. */
  internal: 1,
  /** The command line is wrong: unknown command or flag, missing or invalid value. */
  usage: 2,
  /** No usable credentials (missing, malformed connection string or endpoint), or the service answered 401/403. */
  auth: 1,
  /** The service answered 404. */
  notFound: 3,
  /** Any other error response, or a response that is not what the spec says. */
  service: 1,
  /** No response: connection refused or reset, DNS failure, timeout. */
  network: 1,
  /** The confirmation prompt was declined, or there was no terminal to ask in and no `--yes`. */
  cancelled: 1,
  /** `--output-file` could not be written. */
  file: 1,
} as const;

export type ExitCodeClass = keyof typeof ExitCode;

/** What each exit code means, for `--help` and the README: one entry per code, as az numbers them. */
export const exitCodeMeanings: readonly (readonly [code: number, meaning: string])[] = [
  [ExitCode.ok, "Success."],
  [
    1,
    "Any other failure (the `ERROR:` line says which): no or malformed credentials, an error response from the service (401/403, 4xx, 5xx), a response the spec does not allow, no response (refused, reset, DNS, timeout), the confirmation declined or no terminal to ask in without `--yes`, or a bug (`--debug` shows the stack).",
  ],
  [
    ExitCode.usage,
    "The command line is wrong: unknown command or flag, an ambiguous flag prefix, a missing required flag, an invalid value or `--query`.",
  ],
  [ExitCode.notFound, "The service answered 404: what the command names does not exist."],
];

/** A failure the CLI explains in one line; never shown with a stack. */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitClass: ExitCodeClass;
  constructor(exitClass: ExitCodeClass, message: string) {
    super(message);
    this.exitClass = exitClass;
  }
}

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** How a flag's text becomes a value, from the spec's type of what the flag fills. */
export type ValueType =
  | { readonly kind: "string" }
  | { readonly kind: "number"; readonly integer: boolean }
  | { readonly kind: "boolean" }
  /** An RFC 3339 date-time; the operation gets a `Date`. */
  | { readonly kind: "date-time" }
  /** Known values; an extensible enum sends others too, with a warning unless `--allow-unknown-<flag>` is given. */
  | { readonly kind: "enum"; readonly values: readonly (string | number)[]; readonly extensible: boolean }
  /** Several values after one flag (`--scope chat voip`), or the flag repeated. */
  | { readonly kind: "array"; readonly items: ScalarType }
  /** Inline JSON or `@file.json`; `revive` marks where date-time strings become `Date`s. */
  | { readonly kind: "json"; readonly revive?: Revive }
  /** Text, or `@file` for a file's contents. */
  | { readonly kind: "text" }
  /** `@file` for a file's bytes, or text (UTF-8). */
  | { readonly kind: "bytes" };

export type ScalarType = Extract<ValueType, { kind: "string" | "number" | "boolean" | "date-time" | "enum" }>;

/** Where, inside a JSON value, date-time strings are (so they become `Date`s for the operation). */
export type Revive =
  | { readonly kind: "date-time" }
  // Name/shape pairs, not an object: a property may be named `toString` or `__proto__`.
  | { readonly kind: "object"; readonly properties: readonly (readonly [name: string, revive: Revive])[] }
  | { readonly kind: "array"; readonly items: Revive }
  | { readonly kind: "map"; readonly values: Revive };

export interface FlagSpec {
  /** Long name without dashes, e.g. `aad-token`. */
  readonly name: string;
  /** Short forms with their dash, e.g. `-y`. */
  readonly aliases?: readonly string[];
  readonly help: string;
  readonly type: ValueType;
  readonly required?: boolean;
  /** The spec's default, shown in help; sent when `sendDefault` (what it fills is required). */
  readonly default?: JsonValue;
  readonly sendDefault?: boolean;
  /** Environment variable read when the flag is not given (global options only). */
  readonly env?: string;
}

/** Where a flag's value goes: a parameter (by wire name) or a place in the body (`[]`: the whole body). */
export type BindingTarget = { readonly param: string } | { readonly body: readonly string[] };

export interface Binding {
  readonly flag: string;
  readonly to: BindingTarget;
}

/** The values a call hands to the operation, assembled from the flags. */
export interface CallArguments {
  /** A parameter's value (`undefined` when its flag was not given). */
  param(name: string): unknown;
  /** The body built from `--body` and the body flags; `undefined` when none was given and the body is optional. */
  body(): unknown;
}

export interface CallSpec<C> {
  /** The operation's function name, for `--verbose`. */
  readonly operation: string;
  /** Flags that must all be given for this call to be the one made (the first call that fits is made). */
  readonly when?: readonly string[];
  readonly bind: readonly Binding[];
  /** Send `{}` when no body flag was given. */
  readonly bodyRequired?: boolean;
  /** JMESPath over `{ result, flags }` that shapes what is printed. */
  readonly output?: string;
  /** How date-times in the result are written before `output` reads them: as az prints Python's (see `toJsonData`). */
  readonly dates?: "python-isoformat" | "python-str";
  invoke(context: C, args: CallArguments): unknown;
}

export interface CommandSpec<C> {
  /** Words after the program name, e.g. `["user-identity", "token", "issue"]`. */
  readonly path: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  /** Asked before the call unless `--yes`; refused without a terminal. */
  readonly confirm?: string;
  /** A call can answer with bytes (a download): the command takes `--output-file`. */
  readonly binary?: boolean;
  readonly flags: readonly FlagSpec[];
  readonly calls: readonly CallSpec<C>[];
  readonly examples?: readonly { readonly title: string; readonly command: string }[];
}

/** Settings the CLI passes to the package's context factory. */
export interface ContextSettings {
  fetch?: typeof fetch;
  userAgentPrefix?: string;
}

/** The credential and endpoint values the user gave (flags, else environment variables). */
export interface AuthValues {
  /** A value the route declared in `uses` (present by construction). */
  value(name: string): string;
  /** `--endpoint`, when given. */
  optional(name: string): string | undefined;
}

/** One way to authenticate: the global flags it needs and how it makes the context. */
export interface AuthRoute<C> {
  /** Global flags that select this route (all must be given), e.g. `["connection-string"]`. */
  readonly uses: readonly string[];
  /** `required`: `--endpoint` must be given; `optional`: it overrides the default; `none`: it is refused. */
  readonly endpoint: "required" | "optional" | "none";
  create(values: AuthValues, settings: ContextSettings): C;
}

export interface Program<C> {
  readonly bin: string;
  readonly title: string;
  readonly packageName: string;
  readonly version: string;
  readonly apiVersion: string;
  /** Calls to a preview API version print a warning (hidden by `--only-show-errors`). */
  readonly preview: boolean;
  readonly description?: string;
  /** Credential and endpoint flags of this service, in help order. */
  readonly authFlags: readonly FlagSpec[];
  /** In order of preference; empty when the API needs no credentials. */
  readonly auth: readonly AuthRoute<C>[];
  /** JSON property, header and query names that `--debug` hides, besides the usual secret-looking ones. */
  readonly secretNames: readonly string[];
  readonly commands: readonly CommandSpec<C>[];
  /** Summaries of command groups, by their words (`user-identity token`). */
  readonly groups: readonly { readonly path: string; readonly summary: string }[];
}

/** The largest `@file` a flag reads: a request body, not a disk image. */
export const MAX_FLAG_FILE_BYTES = 16 * 1024 * 1024;

/** What the program may touch of the process: injected so tests run it in-process. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdinIsTerminal: boolean;
  /** stdout is a terminal: `jsonc`/`yamlc` are coloured only then, as in az. */
  readonly stdoutIsTerminal?: boolean;
  writeOut(text: string): void;
  /** Writes a binary response to stdout as it is. */
  writeOutBytes(bytes: Uint8Array): void;
  writeErr(text: string): void;
  /** Writes `bytes` to the file `path` (`--output-file`), replacing it; throws with the reason in `code`. */
  writeFile(path: string, bytes: Uint8Array): void;
  /** Shows `prompt` and reads one line; `undefined` at end of input. */
  readLine(prompt: string): Promise<string | undefined>;
  /**
   * The bytes of a file named with `@path`: a regular file of at most {@link MAX_FLAG_FILE_BYTES}.
   * Throws otherwise, or when it cannot be read, with the reason in `code` (`ENOENT`, `ENOTREGULAR`, `EFBIG`).
   */
  readFile(path: string): Uint8Array;
  readonly fetch?: typeof fetch;
}
