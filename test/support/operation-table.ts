/**
 * Flattens an OpenAPI document into one row per operation, in the words a reviewer reads in the
 * service documentation: method, path, operationId, parameters with constraints, body, responses.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Json = Record<string, unknown>;

export interface OperationRow {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  /** `in:name` (`!` when required) followed by its schema facts, e.g. `path:id! string`. */
  readonly parameters: string[];
  /** `content-type! Schema` (`!` when the body is required), or undefined for no body. */
  readonly body?: string;
  /** `status Schema` (or just `status` when there is no body). */
  readonly responses: string[];
}

export function loadDocument(file: string): Json {
  return parse(readFileSync(file, "utf8")) as Json;
}

export function operationTable(doc: Json): OperationRow[] {
  const rows: OperationRow[] = [];
  for (const [path, item] of Object.entries(doc["paths"] as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item as Record<string, Json>)) {
      rows.push({
        method: method.toUpperCase(),
        path,
        operationId: op["operationId"] as string,
        parameters: ((op["parameters"] as Json[]) ?? []).map((p) => describeParameter(doc, p)),
        ...(op["requestBody"] ? { body: describeBody(doc, op["requestBody"] as Json) } : {}),
        responses: Object.entries(op["responses"] as Record<string, Json>).map(([status, r]) =>
          describeResponse(doc, status, r),
        ),
      });
    }
  }
  return rows.sort((a, b) => a.operationId.localeCompare(b.operationId, "en"));
}

function resolve(doc: Json, value: Json): Json {
  const ref = value["$ref"];
  if (typeof ref !== "string") return value;
  let target: unknown = doc;
  for (const part of ref.slice(2).split("/")) target = (target as Json)[part];
  return resolve(doc, target as Json);
}

function describeParameter(doc: Json, raw: Json): string {
  const p = resolve(doc, raw);
  return `${p["in"]}:${p["name"]}${p["required"] ? "!" : ""} ${describeSchema(doc, p["schema"] as Json)}`;
}

/** The schema's type plus its constraints, e.g. `string minLength=1 maxLength=90 pattern=...`. */
export function describeSchema(doc: Json, raw: Json): string {
  const ref = raw["$ref"];
  const wrapped = (raw["allOf"] as Json[] | undefined)?.[0];
  // 3.1 allows keywords (a default, say) beside a `$ref`; 3.0 needed an `allOf` wrapper for that.
  const base =
    typeof ref === "string"
      ? ref.slice(ref.lastIndexOf("/") + 1)
      : wrapped
        ? describeSchema(doc, wrapped)
        : String(raw["type"] ?? "any");
  const facts = [base + (raw["format"] ? `/${raw["format"]}` : "")];
  for (const key of ["minimum", "maximum", "minLength", "maxLength", "pattern", "default", "enum", "nullable"]) {
    if (raw[key] !== undefined) facts.push(`${key}=${JSON.stringify(raw[key])}`);
  }
  if (raw["type"] === "array") facts[0] = `${describeSchema(doc, raw["items"] as Json)}[]`;
  return facts.join(" ");
}

function describeBody(doc: Json, raw: Json): string {
  const body = resolve(doc, raw);
  const [[type, media]] = Object.entries(body["content"] as Record<string, Json>) as [[string, Json]];
  return `${type}${body["required"] ? "!" : ""} ${describeSchema(doc, media["schema"] as Json)}`;
}

function describeResponse(doc: Json, status: string, raw: Json): string {
  const response = resolve(doc, raw);
  const content = response["content"] as Record<string, Json> | undefined;
  if (!content) return status;
  return Object.entries(content)
    .map(([type, media]) => `${status} ${type} ${describeSchema(doc, media["schema"] as Json)}`)
    .join(", ");
}

/** A property of a component schema as `name! type constraints`, for model assertions. */
export function schemaProperties(doc: Json, name: string): string[] {
  const schema = ((doc["components"] as Json)["schemas"] as Json)[name] as Json;
  const required = new Set((schema["required"] as string[]) ?? []);
  return Object.entries((schema["properties"] as Record<string, Json>) ?? {}).map(([prop, raw]) => {
    const extra = raw["readOnly"] ? " readOnly" : "";
    return `${prop}${required.has(prop) ? "!" : ""} ${describeSchema(doc, raw)}${extra}`;
  });
}
