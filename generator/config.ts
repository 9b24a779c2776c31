/**
 * `specsmith.config.json`: which TypeSpec services to compile and where the output goes, so that
 * another repository can adopt specsmith without editing its code.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Diagnosed, Diagnostic } from "./diagnostics.ts";

export interface ServiceConfig {
  /** Folder-safe service name, used in output paths (`openapi/<name>/<version>.yaml`). */
  readonly name: string;
  /** Absolute path of the service's TypeSpec entry file. */
  readonly typespec: string;
  /** npm package name of the generated SDK, e.g. "@specsmith/communication-identity". */
  readonly packageName: string;
}

export interface Config {
  /** Absolute path of the folder that holds the config file; relative paths resolve against it. */
  readonly root: string;
  /** Absolute path of the output folder (replaced as a whole on every generation). */
  readonly output: string;
  readonly services: readonly ServiceConfig[];
}

export const CONFIG_FILE = "specsmith.config.json";
const NAME = /^[a-z0-9][a-z0-9-]*$/;
const NPM_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

export async function loadConfig(path: string): Promise<Diagnosed<Config | undefined>> {
  const problems: Diagnostic[] = [];
  const fail = (message: string, pointer = ""): Diagnosed<undefined> => ({
    value: undefined,
    diagnostics: [...problems, { code: "invalid-config", severity: "error", message, location: { file: path, pointer } }],
  });
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    return fail(`cannot read the config: ${(error as Error).message}`);
  }
  if (!isObject(raw)) return fail("the config must be a JSON object");
  const root = dirname(resolve(path));
  const output = raw["output"] ?? "generated";
  if (typeof output !== "string" || output === "") return fail("`output` must be a non-empty folder path", "/output");
  const services = raw["services"];
  if (!Array.isArray(services) || services.length === 0) {
    return fail("`services` must be a non-empty array", "/services");
  }
  const parsed: ServiceConfig[] = [];
  for (const [index, service] of services.entries()) {
    const at = `/services/${index}`;
    if (!isObject(service)) return fail("each service must be an object", at);
    const { name, typespec, package: packageName = name } = service;
    if (typeof name !== "string" || !NAME.test(name)) {
      return fail("`name` must be lower-case letters, digits and dashes", `${at}/name`);
    }
    if (parsed.some((s) => s.name === name)) return fail(`two services are named "${name}"`, `${at}/name`);
    if (typeof typespec !== "string" || !typespec.endsWith(".tsp")) {
      return fail("`typespec` must be the path of a .tsp file", `${at}/typespec`);
    }
    if (typeof packageName !== "string" || !NPM_NAME.test(packageName)) {
      return fail("`package` must be a valid npm package name", `${at}/package`);
    }
    parsed.push({ name, typespec: resolve(root, typespec), packageName });
  }
  return { value: { root, output: resolve(root, output), services: parsed }, diagnostics: problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
