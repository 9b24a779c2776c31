/**
 * The `--output` formats, printed as the Azure CLI prints them (knack's `knack/output.py`), so that
 * scripts written against `az` read the same bytes:
 *
 * - `json`: two-space indent, keys sorted at every level (`json.dumps(sort_keys=True)`);
 * - `yaml`: PyYAML's `safe_dump` style (YAML 1.1 quoting, keys sorted, sequences not indented
 *   under their key), written by the `yaml` package;
 * - `jsonc`/`yamlc`: the same, coloured only when stdout is a terminal (az prints plain
 *   `json`/`yaml` otherwise);
 * - `table`: one row per item, the item's scalar fields as columns (nested objects, arrays and
 *   nulls left out, `id`/`type`/`etag` skipped), headers with their first letter capitalised,
 *   columns at least two wider than their header, left-aligned (`tabulate`'s "simple" format);
 * - `tsv`: one line per item, its values tab-separated in key order; a nested array prints its
 *   length and a nested object nothing, so columns stay aligned;
 * - `none`: nothing.
 *
 * With `--query` the query decides the order of table and tsv columns (az keeps the query's order).
 */
import type { OutputFormat } from "./global-options.ts";
import { escapeUnsafeCharacters, printable, UNSAFE_CHARACTERS } from "./terminal-text.ts";

const COLOR = { key: "\u001b[94m", string: "\u001b[32m", literal: "\u001b[93m", reset: "\u001b[0m" } as const;

export interface OutputOptions {
  /** stdout is a terminal: `jsonc`/`yamlc` are coloured. */
  readonly color?: boolean;
  /** A `--query` shaped the value: table and tsv keep its key order instead of sorting. */
  readonly queried?: boolean;
}

/** The text to print, ending in a newline, or "" to print nothing. */
export async function formatOutput(value: unknown, format: OutputFormat, options: OutputOptions = {}): Promise<string> {
  if (value === undefined || format === "none") return "";
  const color = options.color === true;
  switch (format) {
    case "json":
      return jsonText(value);
    case "jsonc":
      return color ? colorJson(jsonText(value)) : jsonText(value);
    case "yaml":
      return yamlText(value);
    case "yamlc":
      return color ? colorYaml(await yamlText(value)) : yamlText(value);
    case "table":
      return tableText(value, options.queried !== true);
    case "tsv":
      return tsvText(value, options.queried !== true);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Python's `sorted()` over keys: by code point. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedEntries(value: Record<string, unknown>, sort: boolean): [string, unknown][] {
  const entries = Object.entries(value);
  return sort ? entries.sort(([a], [b]) => byCodePoint(a, b)) : entries;
}

/** A copy with the keys of every object sorted. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isObject(value)) return value;
  const sorted: Record<string, unknown> = {};
  // Defined, not assigned: a key named `__proto__` stays an own property.
  for (const [key, item] of sortedEntries(value, true))
    Object.defineProperty(sorted, key, {
      value: sortedDeep(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return sorted;
}

// ---- json ----------------------------------------------------------------------------------

/** `JSON.stringify` with sorted keys; the characters it leaves raw (C1, bidi overrides) as `\u` escapes. */
function jsonText(value: unknown): string {
  return `${escapeUnsafeCharacters(JSON.stringify(sortedDeep(value), null, 2))}\n`;
}

function colorJson(text: string): string {
  return text.replace(
    /("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g,
    (match: string, quoted: string | undefined, colon: string | undefined) => {
      if (quoted !== undefined)
        return colon ? `${COLOR.key}${quoted}${COLOR.reset}${colon}` : `${COLOR.string}${quoted}${COLOR.reset}`;
      return `${COLOR.literal}${match}${COLOR.reset}`;
    },
  );
}

// ---- yaml ----------------------------------------------------------------------------------

const HAS_UNSAFE = new RegExp(UNSAFE_CHARACTERS.source);

/**
 * PyYAML's `safe_dump(default_flow_style=False, allow_unicode=True)`: YAML 1.1 (so `yes`, `on`,
 * `0123` and date-like strings are quoted), single quotes where quoting is needed, sorted keys,
 * block sequences at their key's indent, lines folded at 80 columns.
 */
async function yamlText(value: unknown): Promise<string> {
  // Loaded when asked for: the `yaml` package is most of the bundle, and most runs print json.
  const { Document, visit } = await import("yaml");
  const document = new Document(sortedDeep(value), { version: "1.1" });
  // A string with characters a terminal must not get is double-quoted, where `\uXXXX` means it.
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && HAS_UNSAFE.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  const text = document.toString({ indentSeq: false, singleQuote: true, lineWidth: 80, blockQuote: false });
  return escapeUnsafeCharacters(text);
}

/** Keys blue: the data reads back the same once the colour codes are removed. */
function colorYaml(text: string): string {
  return text.replace(
    /^(\s*(?:- )*)([^\s'"-][^:\n]*|'[^'\n]*'|"[^"\n]*"):(?= |$)/gm,
    (_m, indent: string, key: string) => `${indent}${COLOR.key}${key}${COLOR.reset}:`,
  );
}

// ---- table and tsv -------------------------------------------------------------------------

/** The rows of a value: an array's items, or the value itself. */
function rows(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Python's `str()` of a JSON value, as knack writes cells. */
function pythonText(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The keys az leaves out of tables. */
const TABLE_SKIPPED = new Set(["id", "type", "etag"]);

/** One row's cells by column title: scalar fields only, as knack's `_auto_table_item`. */
function tableRow(item: unknown, sort: boolean): Map<string, string> {
  const row = new Map<string, string>();
  if (Array.isArray(item)) item.forEach((cell, i) => row.set(`Column${i + 1}`, pythonText(cell)));
  else if (!isObject(item)) row.set("Result", pythonText(item));
  else {
    for (const [key, cell] of sortedEntries(item, sort)) {
      if (TABLE_SKIPPED.has(key) || cell === null || typeof cell === "object") continue;
      row.set(key.charAt(0).toUpperCase() + key.slice(1), pythonText(cell));
    }
  }
  return row;
}

function tableText(value: unknown, sort: boolean): string {
  const table = rows(value).map((item) => tableRow(item, sort));
  const columns = [...new Set(table.flatMap((row) => [...row.keys()]))];
  if (columns.length === 0) return "\n";
  // Cells are single-line on a terminal: line breaks and tabs would break the columns.
  const cell = (text: string) => printable(text.replace(/[\t\n]/g, " "));
  const widths = columns.map((column) =>
    Math.max(cell(column).length + 2, ...table.map((row) => cell(row.get(column) ?? "").length)),
  );
  const line = (texts: readonly string[]) =>
    texts
      .map((t, i) => cell(t).padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...table.map((row) => line(columns.map((c) => row.get(c) ?? ""))),
  ]
    .map((l) => `${l}\n`)
    .join("");
}

/** A value inside a tsv row: an array's length, an object nothing, a scalar as Python prints it. */
function tsvCell(value: unknown): string {
  if (Array.isArray(value)) return String(value.length);
  if (isObject(value)) return "";
  return printable(pythonText(value).replace(/[\t\n]/g, " "));
}

function tsvText(value: unknown, sort: boolean): string {
  return rows(value)
    .map((item) => {
      if (isObject(item))
        return sortedEntries(item, sort)
          .map(([, cell]) => tsvCell(cell))
          .join("\t");
      if (Array.isArray(item)) return item.map(tsvCell).join("\t");
      // A lone boolean is lower case (knack's `_dump_row`); inside a row it is Python's `True`.
      return typeof item === "boolean" ? String(item) : tsvCell(item);
    })
    .map((line) => `${line}\n`)
    .join("");
}
