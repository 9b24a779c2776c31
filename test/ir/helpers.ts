/**
 * Shared by the IR tests: load and build the fixture corpus (cached per test file), build small
 * inline documents, find things in an IR, and print a TypeIR as one line of TypeScript-like text so
 * table rows read like the types they describe.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../generator/diagnostics/diagnostics.ts";
import { buildIr } from "../../generator/ir/build-ir.ts";
import type { ApiIR, NamedTypeIR, OperationIR, PropertyIR, TypeIR } from "../../generator/ir/types.ts";
import { loadOpenApi } from "../../generator/openapi/load-openapi.ts";

export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/openapi/", import.meta.url));
export const INVALID_DIR = join(FIXTURES_DIR, "invalid");
export const CLIENT_NAME = "FixtureClient";

/** Every valid fixture document (file name), sorted. */
export const VALID_FIXTURES: readonly string[] = readdirSync(FIXTURES_DIR)
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .sort();

export interface Built {
  /** Absent when the loader refused the document. */
  readonly ir?: ApiIR;
  /** The loader's diagnostics followed by the IR builder's, read after both ran. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads and builds one file, fresh (no cache). */
export function buildFile(file: string, clientName = CLIENT_NAME): Built {
  const loaded = loadOpenApi(file);
  if (!loaded.value) return { diagnostics: loaded.diagnostics };
  const built = buildIr(loaded.value, clientName);
  return { ir: built.value, diagnostics: [...loaded.diagnostics, ...built.diagnostics] };
}

const cache = new Map<string, Built>();

/** The IR of a valid fixture; fails loudly when it does not build. Cached per test file. */
export function fixtureIr(name: string): ApiIR {
  let built = cache.get(name);
  if (!built) cache.set(name, (built = buildFile(join(FIXTURES_DIR, name))));
  if (!built.ir) throw new Error(`${name} did not load: ${JSON.stringify(built.diagnostics)}`);
  return built.ir;
}

let inlineDir: string | undefined;
let inlineCount = 0;

/** Writes `text` to a fresh file in this test file's temp folder (removed at exit); returns its path. */
export function writeTemp(text: string, extension = "json"): string {
  if (!inlineDir) {
    const dir = (inlineDir = mkdtempSync(join(tmpdir(), "specsmith-ir-")));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  const file = join(inlineDir, `inline-${inlineCount++}.${extension}`);
  writeFileSync(file, text);
  return file;
}

/** Builds a document given as an object (written to a temp file, so the real loader reads it). */
export function buildInline(document: object, clientName = CLIENT_NAME): Built {
  return buildFile(writeTemp(JSON.stringify(document)), clientName);
}

/** A minimal document around some components (and optionally paths). */
export function documentWith(parts: {
  paths?: object;
  schemas?: object;
  parameters?: object;
  openapi?: string;
}): object {
  return {
    openapi: parts.openapi ?? "3.0.3",
    info: { title: "Inline", version: "1.0.0" },
    paths: parts.paths ?? {},
    components: { schemas: parts.schemas ?? {}, ...(parts.parameters ? { parameters: parts.parameters } : {}) },
  };
}

export function namedType(ir: ApiIR, sourceName: string): NamedTypeIR {
  const found = ir.types.filter((t) => t.sourceName === sourceName);
  if (found.length !== 1)
    throw new Error(`expected one type from "${sourceName}", found ${found.map((t) => t.name).join(", ") || "none"}`);
  return found[0]!;
}

export function typeNamed(ir: ApiIR, name: string): NamedTypeIR {
  const found = ir.types.find((t) => t.name === name);
  if (!found) throw new Error(`no type named "${name}" (have ${ir.types.map((t) => t.name).join(", ")})`);
  return found;
}

/** The operation with this operationId, or (for operations without one) this method and path. */
export function operation(ir: ApiIR, idOrMethodPath: string): OperationIR {
  const found = ir.operations.find(
    (o) => o.operationId === idOrMethodPath || `${o.method} ${o.path}` === idOrMethodPath,
  );
  if (!found) throw new Error(`no operation "${idOrMethodPath}"`);
  return found;
}

/** The properties of an object type, or of the object member of an intersection (own properties). */
export function properties(type: TypeIR): readonly PropertyIR[] {
  if (type.kind === "object") return type.properties;
  if (type.kind === "intersection") return type.members.flatMap((m) => (m.kind === "object" ? m.properties : []));
  throw new Error(`not an object: ${typeText(type)}`);
}

export function property(type: TypeIR, name: string): PropertyIR {
  const found = properties(type).find((p) => p.name === name);
  if (!found) throw new Error(`no property "${name}" in ${typeText(type)}`);
  return found;
}

/**
 * One line of TypeScript-like text for a TypeIR: `Pet`, `string<uuid>`, `integer<int32>`,
 * `date-time`, `"event"`, `enum<"a" | "b">` / `open enum<...>`, `T[]`, `Record<string, T>`,
 * `{ a: T; b?: T; readonly c: T; writeonly d: T; [key: string]: T }`, `A | B`,
 * `A | B (by kind: a=A, b=B)`, `A & B`. Nested unions and intersections are parenthesised.
 */
export function typeText(type: TypeIR, nested = false): string {
  const wrap = (text: string) => (nested ? `(${text})` : text);
  switch (type.kind) {
    case "ref":
      return type.name;
    case "string":
      return type.format ? `string<${type.format}>` : "string";
    case "number":
      return `${type.integer ? "integer" : "number"}${type.format ? `<${type.format}>` : ""}`;
    case "literal":
      return JSON.stringify(type.value);
    case "enum": {
      const values = type.values.map((v) => JSON.stringify(v.value)).join(" | ");
      return `${type.extensible ? "open " : ""}enum<${values}>`;
    }
    case "array":
      return `${typeText(type.items, true)}[]`;
    case "map":
      return `Record<string, ${typeText(type.values)}>`;
    case "object": {
      const members = type.properties.map(
        (p) =>
          `${p.readOnly ? "readonly " : ""}${p.writeOnly ? "writeonly " : ""}${JSON.stringify(p.name)}${p.required ? "" : "?"}: ${typeText(p.type)}`,
      );
      if (type.additionalProperties) members.push(`[key: string]: ${typeText(type.additionalProperties)}`);
      return members.length === 0 ? "{}" : `{ ${members.join("; ")} }`;
    }
    case "union": {
      const text = type.variants.map((v) => typeText(v, true)).join(" | ");
      const d = type.discriminator;
      return wrap(
        d ? `${text} (by ${d.propertyName}: ${d.mapping.map((m) => `${m.value}=${m.type}`).join(", ")})` : text,
      );
    }
    case "intersection":
      return wrap(type.members.map((m) => typeText(m, true)).join(" & "));
    default:
      return type.kind;
  }
}

/** A valid TypeScript identifier (ASCII subset, which is what the IR promises to produce). */
export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
