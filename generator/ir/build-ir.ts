/**
 * Builds the IR of one OpenAPI document. The only module (with its parts in this folder) that
 * interprets OpenAPI; emitters read what it returns.
 */
import { isAzureDocument } from "./azure-service.ts";
import type { Diagnosed } from "../diagnostics/diagnostics.ts";
import { appendPointer, isObject, type LoadedDocument } from "../openapi/load-openapi.ts";
import { breakAliasCycles } from "./alias-cycles.ts";
import { authSchemes } from "./auth-schemes.ts";
import { IrContext, type Place } from "./ir-context.ts";
import { clientTypeNames, PACKAGE_TYPE_NAMES, PACKAGE_VALUE_NAMES } from "./name-table.ts";
import { compareStrings } from "./naming.ts";
import { collectOperations, nameOperations } from "./operations.ts";
import { declareNamedType, declarePending, typeNameFor } from "./schema-to-type.ts";
import type { ApiIR, ServerIR } from "./types.ts";
import { withUsage } from "./usage.ts";

/** Names every generated package exports besides the models (the name table's); a schema may not take them. */
export function reservedTypeNames(clientName: string): string[] {
  return [...clientTypeNames(clientName), ...PACKAGE_TYPE_NAMES];
}

/** `azure` overrides the document's own answer (`isAzureDocument`) when set. */
export function buildIr(document: LoadedDocument, clientName: string, azure?: boolean): Diagnosed<ApiIR> {
  const ctx = new IrContext(document, reservedTypeNames(clientName));
  const root = ctx.root;
  const info = isObject(root["info"]) ? root["info"] : {};
  // Every component schema becomes a named type, used or not, so models are complete; so does each
  // schema under Swagger 2's `definitions`, which OpenAPI 3 documents converted by hand keep using.
  const components = isObject(root["components"]) ? root["components"] : {};
  const places = [
    ...namedSchemaPlaces(document, "/components/schemas", components["schemas"]),
    ...namedSchemaPlaces(document, "/definitions", root["definitions"]),
  ];
  // Names are claimed in key order first, so they do not depend on the order types refer to each other.
  for (const { place } of places) typeNameFor(ctx, place);
  for (const { place, schema } of places) declareNamedType(ctx, place, schema);
  declarePending(ctx);
  const drafts = collectOperations(ctx, clientName);
  declarePending(ctx);
  breakAliasCycles(ctx);
  // An operation function may not take a value the package exports beside it (`continuationTokenOf`).
  const operations = nameOperations(drafts, ["constructor", ...PACKAGE_VALUE_NAMES]).sort((a, b) =>
    compareStrings(a.name, b.name),
  );
  const types = withUsage([...ctx.namedTypes.values()], operations).sort((a, b) => compareStrings(a.name, b.name));
  const api: ApiIR = {
    title: typeof info["title"] === "string" ? info["title"] : clientName,
    ...(typeof info["description"] === "string" && info["description"].trim()
      ? { description: info["description"].trim() }
      : {}),
    apiVersion: typeof info["version"] === "string" ? info["version"] : String(info["version"] ?? ""),
    server: serverOf(root["servers"]),
    auth: authSchemes(
      ctx,
      operations.flatMap((op) => op.security ?? []),
    ),
    operations,
    types,
    azure: azure ?? isAzureDocument(root),
    ...(Array.isArray(root["security"])
      ? { security: root["security"].filter(isObject).map((r) => Object.keys(r).sort(compareStrings)) }
      : {}),
  };
  PLACES.set(api, ctx.places);
  return { value: api, diagnostics: ctx.sortedDiagnostics() };
}

/** Where each named type of an IR was declared, kept beside the IR (not in it: emitters need none of it). */
const PLACES = new WeakMap<ApiIR, ReadonlyMap<string, Place>>();

/** The file and pointer a named type of `api` was declared at (the diff's source locations use it). */
export function placeOfType(api: ApiIR, name: string): Place | undefined {
  return PLACES.get(api)?.get(name);
}

function namedSchemaPlaces(document: LoadedDocument, base: string, schemas: unknown) {
  if (!isObject(schemas)) return [];
  return Object.keys(schemas)
    .sort(compareStrings)
    .map((key) => ({ place: { file: document.file, pointer: appendPointer(base, key) }, schema: schemas[key] }));
}

function serverOf(servers: unknown): ServerIR {
  const first = Array.isArray(servers) ? servers.find(isObject) : undefined;
  if (!first || typeof first["url"] !== "string") return { url: "", variables: [] };
  const url = first["url"];
  const raw = isObject(first["variables"]) ? first["variables"] : {};
  // In URL-template order (then by name), not key order: the `variables` object's order means nothing.
  const position = (name: string) => url.indexOf(`{${name}}`) >>> 0;
  const names = Object.keys(raw).sort((a, b) => position(a) - position(b) || compareStrings(a, b));
  const variables = names.map((name) => {
    const variable = isObject(raw[name]) ? raw[name] : {};
    const fallback =
      typeof variable["default"] === "string" && variable["default"] !== "" ? { default: variable["default"] } : {};
    const description = typeof variable["description"] === "string" ? { description: variable["description"] } : {};
    const choices = Array.isArray(variable["enum"]) ? { enum: variable["enum"].map(String) } : {};
    return { name, ...fallback, ...description, ...choices };
  });
  const description = typeof first["description"] === "string" ? { description: first["description"] } : {};
  return { url, ...description, variables };
}
