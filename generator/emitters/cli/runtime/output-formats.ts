/**
 * The `--output` formats of the Azure CLI, over JSON data: `json` (indented), `jsonc` (coloured),
 * `yaml`/`yamlc`, `table` (a header row, columns from the scalar fields, nested objects flattened
 * into one column per leaf), `tsv` (the same cells, tab-separated, no header: for shell scripts)
 * and `none`.
 */
import type { OutputFormat } from "./global-options.ts";
import { escapedJson, printable } from "./terminal-text.ts";

const COLOR = { key: "\u001b[94m", string: "\u001b[32m", literal: "\u001b[93m", reset: "\u001b[0m" } as const;

/** The text to print, ending in a newline, or "" to print nothing. */
export function formatOutput(value: unknown, format: OutputFormat): string {
  if (value === undefined || format === "none") return "";
  switch (format) {
    case "json":
      return `${escapedJson(value, 2)}\n`;
    case "jsonc":
      return `${colorJson(escapedJson(value, 2))}\n`;
    case "yaml":
      return yamlText(value, false);
    case "yamlc":
      return yamlText(value, true);
    case "table":
      return tableText(value);
    case "tsv":
      return tsvText(value);
  }
}

function colorJson(text: string): string {
  return text.replace(
    /("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g,
    (match: string, quoted: string | undefined, colon: string | undefined) => {
      if (quoted !== undefined) return colon ? `${COLOR.key}${quoted}${COLOR.reset}${colon}` : `${COLOR.string}${quoted}${COLOR.reset}`;
      return `${COLOR.literal}${match}${COLOR.reset}`;
    },
  );
}

// ---- YAML ----------------------------------------------------------------------------------

const YAML_RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** A plain YAML scalar when that reads back as the same string, else a double-quoted (JSON) one. */
function yamlString(text: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_ ./@-]*$/.test(text) && !text.endsWith(" ") && !YAML_RESERVED.test(text);
  return plain ? text : escapedJson(text);
}

function yamlScalar(value: unknown, color: boolean): string {
  const text = typeof value === "string" ? yamlString(value) : value === null ? "null" : String(value);
  if (!color) return text;
  return `${typeof value === "string" ? COLOR.string : COLOR.literal}${text}${COLOR.reset}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function yamlKey(key: string, color: boolean): string {
  const text = yamlString(key);
  return color ? `${COLOR.key}${text}${COLOR.reset}` : text;
}

function yamlLines(value: unknown, indent: string, color: boolean): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item: unknown) => {
      const lines = isCollection(item) ? yamlLines(item, `${indent}  `, color) : [`${indent}  ${yamlScalar(item, color)}`];
      const [first = "", ...others] = lines;
      return [`${indent}- ${first.slice(indent.length + 2)}`, ...others];
    });
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}{}`];
    return entries.flatMap(([key, item]) => {
      const head = `${indent}${yamlKey(key, color)}:`;
      if (isCollection(item)) return [head, ...yamlLines(item, `${indent}  `, color)];
      if (Array.isArray(item) || isObject(item)) return [`${head} ${Array.isArray(item) ? "[]" : "{}"}`];
      return [`${head} ${yamlScalar(item, color)}`];
    });
  }
  return [`${indent}${yamlScalar(value, color)}`];
}

/** A non-empty array or object: printed on the lines below its key. */
function isCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);
}

function yamlText(value: unknown, color: boolean): string {
  return `${yamlLines(value, "", color).join("\n")}\n`;
}

// ---- table and tsv -------------------------------------------------------------------------

/** The rows of a value: an array's items, or the value itself. */
function rows(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** One row's cells: scalars as they are, nested objects flattened (`identity.id`), scalar arrays joined. */
function cells(row: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (!isObject(row)) {
    out.set(prefix || "Result", cellText(row));
    return out;
  }
  for (const [key, item] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(item)) cells(item, name, out);
    else if (Array.isArray(item)) {
      // Arrays of objects do not fit a cell; the Azure CLI leaves them out of tables too.
      if (item.every((x: unknown) => !isObject(x) && !Array.isArray(x))) out.set(name, item.map(cellText).join(", "));
    } else out.set(name, cellText(item));
  }
  return out;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** `identity.id` -> `IdentityId`: the Azure CLI capitalises column names. */
function columnTitle(key: string): string {
  return key
    .split(".")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function tableText(value: unknown): string {
  const table = rows(value).map((row) => cells(row));
  const columns = [...new Set(table.flatMap((row) => [...row.keys()]))];
  if (columns.length === 0) return "";
  const titles = columns.map(columnTitle);
  const widths = columns.map((column, i) => Math.max((titles[i] ?? "").length, ...table.map((row) => (row.get(column) ?? "").length)));
  const line = (texts: readonly string[]) => texts.map((t, i) => t.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(titles), line(widths.map((w) => "-".repeat(w))), ...table.map((row) => line(columns.map((c) => row.get(c) ?? "")))]
    .map((l) => `${printable(l)}\n`)
    .join("");
}

function tsvText(value: unknown): string {
  return rows(value)
    .map((row) => `${[...cells(row).values()].map((cell) => printable(cell.replace(/[\t\n]/g, " "))).join("\t")}\n`)
    .join("");
}
