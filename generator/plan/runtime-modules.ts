/**
 * Which modules of the runtime (`generator/runtime/`, the one source of truth) a package embeds:
 * only the parts its API uses plus what those import, each with its browser variant.
 */
import { existsSync, readFileSync } from "node:fs";
import { compareStrings } from "../ir/naming.ts";
import type { ApiIR, OperationIR, ResponseIR } from "../ir/types.ts";
import type { ModelCatalog } from "./model-catalog.ts";
import type { OperationShape } from "./operation-shape.ts";

const runtimeFolder = new URL("../runtime/", import.meta.url);
const sources = new Map<string, string>();

/** The text of `generator/runtime/<name>.ts`, read once per process. */
export function runtimeSource(name: string): string {
  let text = sources.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.ts`, runtimeFolder), "utf8");
    sources.set(name, text);
  }
  return text;
}

/** A relative import of another runtime module (`./x.ts`), in a static or a dynamic import. */
export const runtimeImport = /(\bfrom\s+|\bimport\s*\(\s*)(["'])\.\/([A-Za-z0-9_.-]+)\.ts\2/g;

type Shapes = ReadonlyMap<OperationIR, OperationShape>;

/**
 * The runtime modules the API needs, closed over their imports, sorted; a module with a browser
 * variant (`<name>.browser.ts`, see {@link browserVariants}) brings it along.
 */
export function runtimeModules(api: ApiIR, catalog: ModelCatalog, shapes: Shapes): string[] {
  const wanted = modulesOfApi(api, shapes);
  if (api.operations.some((op) => op.responses.some((r) => convertsResponse(catalog, r))))
    wanted.push("response-shape");
  return withImports(wanted);
}

/** What the API's auth, paging and media types need (all but the response checks, which need the catalog). */
function modulesOfApi(api: ApiIR, shapes: Shapes): string[] {
  // redact-secrets: the command line's `--debug` log (every package has one) and the library's logger hide secrets by its rule.
  const wanted = ["errors", "redact-secrets", "request-signer", "retry-policy", "send-request"];
  if (api.auth.some((a) => a.kind === "hmac")) wanted.push("hmac-signing", "connection-string");
  if (api.auth.some((a) => a.kind === "bearer")) wanted.push("bearer-token");
  if (api.operations.some((op) => shapes.get(op)?.result.kind === "paged")) wanted.push("paging");
  if (
    api.operations.some((op) =>
      op.responses.some((r) => [r, ...(r.alternatives ?? [])].some((c) => c.encoding === "event-stream")),
    )
  ) {
    wanted.push("event-stream");
  }
  return wanted;
}

function withImports(wanted: string[]): string[] {
  const found = new Set<string>();
  for (let name = wanted.shift(); name !== undefined; name = wanted.shift()) {
    if (found.has(name)) continue;
    found.add(name);
    for (const match of runtimeSource(name).matchAll(runtimeImport)) wanted.push(match[3] ?? "");
    if (hasBrowserVariant(name)) wanted.push(`${name}.browser`);
  }
  return [...found].sort(compareStrings);
}

/**
 * Whether reading `response` converts JSON, and so checks its shape: when its JSON reaches a
 * `date-time` (the rule of `emit/shared/json-conversion.ts`'s `needsConversion`).
 */
function convertsResponse(catalog: ModelCatalog, response: ResponseIR): boolean {
  const contents = response.type
    ? [{ type: response.type, encoding: response.encoding ?? "json" }, ...(response.alternatives ?? [])]
    : [];
  return contents.some((c) => c.encoding === "json" && catalog.hasDates(c.type, "output"));
}

const browserSuffix = ".browser";

function hasBrowserVariant(name: string): boolean {
  return !name.endsWith(browserSuffix) && existsSync(new URL(`${name}${browserSuffix}.ts`, runtimeFolder));
}

/**
 * The package's runtime modules that browsers get in another form, as `[module, browser variant]`
 * pairs: package.json's `browser` field maps the first to the second, so browser bundles leave out
 * code only Node runs (`node-crypto.ts`).
 */
export function browserVariants(api: ApiIR, shapes: Shapes): [string, string][] {
  // The response checks have no browser variant and import none: the API alone decides.
  return withImports(modulesOfApi(api, shapes))
    .filter(hasBrowserVariant)
    .map((name) => [name, `${name}${browserSuffix}`]);
}
