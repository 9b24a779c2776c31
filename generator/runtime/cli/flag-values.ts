/**
 * Flag texts -> the values the operations take, checked against the spec's types: numbers,
 * booleans, RFC 3339 date-times (as `Date`), enums (a closed enum takes its known values only; an
 * extensible one sends others too, with a warning that `--allow-unknown-<flag>` silences), arrays,
 * and JSON (inline or `@file`) with its date-times revived.
 * Error messages name the flag and never echo a file's contents.
 */
import {
  CliError,
  MAX_FLAG_FILE_BYTES,
  type CliIo,
  type FlagSpec,
  type Revive,
  type ScalarType,
  type ValueType,
} from "./program.ts";

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export interface ConvertOptions {
  readonly io: CliIo;
  /** `--allow-unknown-<flag>` was given. */
  readonly allowUnknown: boolean;
  /** Prints a `WARNING:` line (unless `--only-show-errors`). */
  readonly warn?: (message: string) => void;
}

export function convertFlag(flag: FlagSpec, texts: readonly string[], options: ConvertOptions): unknown {
  const type = flag.type;
  if (type.kind === "array") return texts.map((text) => convertScalar(flag, type.items, text, options));
  const [text = ""] = texts;
  return convertOne(flag, type, text, options);
}

function convertOne(flag: FlagSpec, type: ValueType, text: string, options: ConvertOptions): unknown {
  switch (type.kind) {
    case "json":
      return revive(parseJson(flag, readText(flag, text, options.io)), type.revive);
    case "text":
      return readText(flag, text, options.io);
    case "bytes":
      return text.startsWith("@") ? readBytes(flag, text.slice(1), options.io) : new TextEncoder().encode(text);
    case "array":
      return [convertScalar(flag, type.items, text, options)];
    default:
      return convertScalar(flag, type, text, options);
  }
}

function invalid(flag: FlagSpec, message: string): CliError {
  return new CliError("usage", `argument --${flag.name}: ${message}`);
}

function convertScalar(flag: FlagSpec, type: ScalarType, text: string, options: ConvertOptions): unknown {
  switch (type.kind) {
    case "string":
      return text;
    case "number": {
      const value = text.trim() === "" ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) throw invalid(flag, `'${text}' is not a number`);
      if (type.integer && !Number.isInteger(value)) throw invalid(flag, `'${text}' is not an integer`);
      return value;
    }
    case "boolean": {
      const lower = text.toLowerCase();
      if (["true", "yes", "1"].includes(lower)) return true;
      if (["false", "no", "0"].includes(lower)) return false;
      throw invalid(flag, `'${text}' is not true or false`);
    }
    case "date-time": {
      const time = DATE_TIME.test(text) ? Date.parse(text) : Number.NaN;
      if (!Number.isFinite(time))
        throw invalid(flag, `'${text}' is not an RFC 3339 date-time such as 2025-01-31T12:00:00Z`);
      return new Date(time);
    }
    case "enum":
      return enumValue(flag, type, text, options);
  }
}

function enumValue(
  flag: FlagSpec,
  type: Extract<ValueType, { kind: "enum" }>,
  text: string,
  options: ConvertOptions,
): unknown {
  // Like az: choices match case-insensitively and are sent as the spec writes them.
  const known = type.values.find((v) => String(v).toLowerCase() === text.toLowerCase());
  if (known !== undefined) return known;
  const choices = type.values.map((v) => `'${String(v)}'`).join(", ");
  if (type.extensible) {
    // az sends any --scope and lets the service answer; a newer service may know the value.
    if (!options.allowUnknown)
      options.warn?.(
        `argument --${flag.name}: '${text}' is not one of ${choices}; sending it as given (the service decides).`,
      );
    if (type.values.every((v) => typeof v === "number"))
      return convertScalar(flag, { kind: "number", integer: false }, text, options);
    return text;
  }
  throw invalid(flag, `invalid choice: '${text}' (choose from ${choices})`);
}

function readText(flag: FlagSpec, text: string, io: CliIo): string {
  return text.startsWith("@") ? new TextDecoder().decode(readBytes(flag, text.slice(1), io)) : text;
}

/** Why an `@file` could not be read, by the `code` of the error (Node's, or `CliIo.readFile`'s own). */
const FILE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "a directory, not a regular file",
  ENOTREGULAR: "not a regular file (a device, pipe or directory)",
  EFBIG: `larger than the ${MAX_FLAG_FILE_BYTES / 1024 / 1024} MiB a flag's file may hold`,
};

function readBytes(flag: FlagSpec, path: string, io: CliIo): Uint8Array {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "unreadable";
    throw invalid(flag, `cannot read file '${path}': ${FILE_PROBLEMS[code] ?? code}`);
  }
}

function parseJson(flag: FlagSpec, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The message of JSON.parse may quote the input, which can hold secrets: only its position is kept.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw invalid(
      flag,
      `not valid JSON${at === undefined ? "" : ` (at position ${at})`}; give inline JSON or @file.json`,
    );
  }
}

/** Turns the date-time strings `shape` points at into `Date`s; anything else is left as given. */
export function revive(value: unknown, shape: Revive | undefined): unknown {
  if (shape === undefined || value === null || value === undefined) return value;
  switch (shape.kind) {
    case "date-time": {
      if (typeof value !== "string") return value;
      const time = Date.parse(value);
      return Number.isFinite(time) ? new Date(time) : value;
    }
    case "array":
      return Array.isArray(value) ? value.map((item: unknown) => revive(item, shape.items)) : value;
    case "map":
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const inner = shape.kind === "map" ? shape.values : shape.properties.find(([name]) => name === key)?.[1];
        Object.defineProperty(out, key, {
          value: revive(item, inner),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

/** A value as JSON data: `Date`s become RFC 3339 strings, bytes become base64. */
export function toJsonData(value: unknown, dates?: "python-isoformat" | "python-str"): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, item: unknown) {
      // `item` is already `toJSON()`'s string here; the holder still has the `Date`.
      const original = this[key];
      if (dates && original instanceof Date && !Number.isNaN(original.getTime()))
        return pythonDate(original, dates === "python-str" ? " " : "T");
      return item instanceof Uint8Array ? base64(item) : item;
    }) ?? "null",
  );
}

/** A UTC date as Python's `datetime` prints it: `2025-01-02 03:04:05.678000+00:00`, microseconds only when not 0. */
function pythonDate(date: Date, separator: string): string {
  const [day = "", time = ""] = date.toISOString().slice(0, -1).split("T");
  const [seconds = "", millis = "000"] = time.split(".");
  return `${day}${separator}${seconds}${millis === "000" ? "" : `.${millis}000`}+00:00`;
}

function base64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}
