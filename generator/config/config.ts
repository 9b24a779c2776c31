/**
 * `specsmith.config.json`: which services to generate (TypeSpec entry files or OpenAPI documents),
 * their package names, the API versions wanted and the output folder, so that another repository
 * can adopt specsmith without editing its code. The file is validated against
 * `config.schema.json` (editors read the same schema through `$schema`); every problem is a
 * diagnostic naming the JSON pointer, line and column, and saying what was expected.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { createDiagnostic, type Diagnosed, type Diagnostic, type SourceLocation } from "../diagnostics/diagnostics.ts";
import { duplicateKeys } from "../input/json-duplicate-keys.ts";
import { JsonPositions } from "../openapi/json-positions.ts";
import { quoteQuoted, quoteValue } from "../diagnostics/quote-value.ts";
import { isFileRefusal, MAX_SETTINGS_BYTES, readUntrustedFile } from "../input/read-untrusted-file.ts";

interface ServiceBase {
  /** Folder-safe service name, used in output paths (`openapi/<name>/<version>.yaml`). */
  readonly name: string;
  /** npm package name of the generated SDK, e.g. "@specsmith/communication-identity". */
  readonly packageName: string;
  /** The API versions to generate; absent: all of them. */
  readonly versions?: readonly string[];
  /** Its index in the config's `services`, for diagnostics about it (`/services/<index>`). */
  readonly index: number;
  /** Whether the service is Azure (sends `x-ms-client-request-id`); absent: the document decides. */
  readonly azure?: boolean;
  /** npm version of its package(s): one, or one per API version; absent: derived from the API version. */
  readonly version?: string | Readonly<Record<string, string>>;
  /** package.json keywords of its packages, besides the config's and the derived ones. */
  readonly keywords?: readonly string[];
}

/** package.json fields the maintainers set once for every package (config top level). */
export interface PackageMetadata {
  readonly license?: string;
  readonly author?: string;
  readonly repository?: string;
  readonly keywords?: readonly string[];
  /** Files kept in every package folder across regenerations (LICENSE, CHANGELOG.md), relative to it. */
  readonly extraFiles?: readonly string[];
}

/** A service described in TypeSpec: compiled in-process, one OpenAPI document per API version. */
export interface ServiceConfig extends ServiceBase {
  /** Absolute path of the service's TypeSpec entry file. */
  readonly typespec: string;
}

/** A service described by an OpenAPI document someone else wrote: one package, its `info.version`. */
export interface DocumentServiceConfig extends ServiceBase {
  /** Absolute path of the service's OpenAPI document. */
  readonly openapi: string;
}

export interface Config {
  /** Absolute path of the folder that holds the config file; relative paths resolve against it. */
  readonly root: string;
  /** Absolute path of the output folder (replaced as a whole on every generation). */
  readonly output: string;
  /** The TypeSpec services, in config order. */
  readonly services: readonly ServiceConfig[];
  /** The OpenAPI-document services (`openapi` entries of the same `services` list), in config order. */
  readonly documents: readonly DocumentServiceConfig[];
  /** Absolute paths of the folders `$ref`s of OpenAPI documents may read besides the document's own. */
  readonly refRoots: readonly string[];
  /** What every generated package.json says about its maintainers, and the files they keep. */
  readonly metadata: PackageMetadata;
  /** The config file's path and a JSON pointer in it as a diagnostic location. */
  readonly file: string;
  locate(pointer: string): SourceLocation;
}

export const CONFIG_FILE = "specsmith.config.json";
export const CONFIG_SCHEMA_PATH = new URL("./config.schema.json", import.meta.url);

interface SchemaNode {
  readonly title?: string;
  readonly properties?: Readonly<Record<string, unknown>>;
}

let validator: ReturnType<Ajv["compile"]> | undefined;
function validate(value: unknown): readonly ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, "utf8")) as object;
    // strictRequired off: the `oneOf` branches name `typespec`/`openapi` without redeclaring them.
    // allowUnionTypes: a service's `version` is a string or an object keyed by API version.
    validator = new Ajv({
      allErrors: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      verbose: true,
    }).compile(schema);
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

export async function loadConfig(path: string): Promise<Diagnosed<Config | undefined>> {
  const file = resolve(path);
  const text = readUntrustedFile(file, { maxBytes: MAX_SETTINGS_BYTES });
  if (isFileRefusal(text)) {
    if (text.reason === "missing") {
      return failed([createDiagnostic("config-not-found", { file }, { file })]);
    }
    return failed([
      createDiagnostic("invalid-config", { problem: `cannot read the config file ${file}: ${text.message}` }, { file }),
    ]);
  }
  const positions = new JsonPositions(text);
  const at = (pointer: string): SourceLocation => ({
    file,
    pointer,
    ...positions.lineColumn(positions.offsetOf(pointer)),
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const offset = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = offset === undefined ? { file } : { file, ...positions.lineColumn(Number(offset)) };
    return failed([
      createDiagnostic(
        "invalid-config",
        { problem: `the config is not valid JSON: ${jsonProblem(error as Error)}` },
        where,
      ),
    ]);
  }
  const repeated = duplicateKeys(text).map(({ key, offset }) =>
    createDiagnostic(
      "invalid-config",
      { problem: `the key ${quoteValue(key)} appears twice in one object; JSON keeps only the last, so remove one` },
      {
        file,
        ...positions.lineColumn(offset),
      },
    ),
  );
  if (repeated.length > 0) return failed(repeated);
  const problems = schemaProblems(raw).map((p) =>
    createDiagnostic("invalid-config", { problem: p.message }, at(p.pointer)),
  );
  if (problems.length > 0) return failed(problems);
  return { value: toConfig(raw as RawConfig, file, at), diagnostics: [] };
}

interface RawService {
  readonly name: string;
  readonly typespec?: string;
  readonly openapi?: string;
  readonly package?: string;
  readonly versions?: readonly string[];
  readonly azure?: boolean;
  readonly version?: string | Readonly<Record<string, string>>;
  readonly keywords?: readonly string[];
}
interface RawConfig extends PackageMetadata {
  readonly output?: string;
  readonly allowRefRoots?: readonly string[];
  readonly services: readonly RawService[];
}

function toConfig(raw: RawConfig, file: string, locate: (pointer: string) => SourceLocation): Config {
  const root = dirname(file);
  const services: ServiceConfig[] = [];
  const documents: DocumentServiceConfig[] = [];
  raw.services.forEach((service, index) => {
    const base = {
      name: service.name,
      packageName: service.package ?? service.name,
      ...(service.versions ? { versions: service.versions } : {}),
      index,
      ...(service.azure !== undefined ? { azure: service.azure } : {}),
      ...(service.version !== undefined ? { version: service.version } : {}),
      ...(service.keywords ? { keywords: service.keywords } : {}),
    };
    if (service.typespec !== undefined) services.push({ ...base, typespec: resolve(root, service.typespec) });
    else documents.push({ ...base, openapi: resolve(root, service.openapi ?? "") });
  });
  const refRoots = (raw.allowRefRoots ?? []).map((folder) => resolve(root, folder));
  const { license, author, repository, keywords, extraFiles } = raw;
  const metadata = Object.fromEntries(
    Object.entries({ license, author, repository, keywords, extraFiles }).filter(([, v]) => v !== undefined),
  );
  return {
    root,
    output: resolve(root, raw.output ?? "generated"),
    services,
    documents,
    refRoots,
    metadata,
    file,
    locate,
  };
}

/** Schema violations (and duplicate names) as `{pointer, message}`, one per problem, in document order. */
function schemaProblems(raw: unknown): { pointer: string; message: string }[] {
  const errors = validate(raw);
  // A failed `oneOf` also reports each branch's own failure; its one message says it all.
  const problems = errors.filter((e) => !e.schemaPath.includes("/oneOf/")).map(explain);
  if (problems.length === 0 && isRecord(raw) && Array.isArray(raw["services"])) {
    const seen = new Set<string>();
    raw["services"].forEach((service: unknown, index) => {
      const name = isRecord(service) ? service["name"] : undefined;
      if (typeof name !== "string") return;
      if (seen.has(name))
        problems.push({
          pointer: `/services/${index}/name`,
          message: `two services are named ${quoteValue(name)}; names must be unique`,
        });
      seen.add(name);
    });
  }
  const unique = new Map(problems.map((p) => [`${p.pointer} ${p.message}`, p]));
  return [...unique.values()];
}

function explain(error: ErrorObject): { pointer: string; message: string } {
  const pointer = error.instancePath;
  const subject = pointer === "" ? "the config" : `\`${pointer.slice(pointer.lastIndexOf("/") + 1)}\``;
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const expected = parent.title ?? error.message ?? "something else";
  const got = `; got ${shown(error.data)}`;
  switch (error.keyword) {
    case "required":
      return {
        pointer,
        message: `${subject} is missing the required property \`${String(error.params["missingProperty"])}\``,
      };
    case "additionalProperties": {
      const name = String(error.params["additionalProperty"]);
      const known = Object.keys(parent.properties ?? {});
      const hint = known.find((k) => k.toLowerCase() === name.toLowerCase() || similar(k, name));
      const list = known.map((k) => `\`${k}\``).join(", ");
      return {
        pointer: `${pointer}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`,
        message: `unknown property \`${name}\`${hint ? ` (did you mean \`${hint}\`?)` : ""}; ${subject} may have ${list}`,
      };
    }
    case "oneOf":
      return {
        pointer,
        message: "a service needs exactly one of `typespec` (a .tsp entry file) or `openapi` (an OpenAPI document)",
      };
    case "uniqueItems": {
      const [first, second] = [Number(error.params["i"]), Number(error.params["j"])].sort((a, b) => a - b);
      return { pointer, message: `${subject} lists the same value twice (items ${first} and ${second})` };
    }
    default:
      return { pointer, message: `${subject} must be ${expected}${got}` };
  }
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (isRecord(value)) return "an object";
  return quoteValue(value);
}

/**
 * `JSON.parse`'s message without the text it quotes (`Unexpected token 'S', "SECRET=abc"... is not
 * valid JSON`): a file named as the config may be anything, and the location says where.
 */
function jsonProblem(error: Error): string {
  return quoteQuoted(error.message.replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, ""));
}

/** Close enough for a "did you mean": one edit apart, or one is the other with a letter case change. */
function similar(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function failed(diagnostics: Diagnostic[]): Diagnosed<undefined> {
  return { value: undefined, diagnostics };
}

/**
 * The versions of a service to generate out of those it `has`: all, or those the config lists; a
 * listed version it lacks is an `unknown-version` error at the config's `versions` entry.
 */
export function selectVersions(config: Config, service: ServiceBase, has: readonly string[]): Diagnosed<string[]> {
  if (!service.versions) return { value: [...has], diagnostics: [] };
  const diagnostics = service.versions.flatMap((version, index) =>
    has.includes(version)
      ? []
      : [
          createDiagnostic(
            "unknown-version",
            {
              problem: `service "${service.name}" has no API version "${version}" (it has ${has.map((v) => `"${v}"`).join(", ") || "none"})`,
            },
            config.locate(`/services/${service.index}/versions/${index}`),
          ),
        ],
  );
  return { value: has.filter((v) => service.versions?.includes(v)), diagnostics };
}
