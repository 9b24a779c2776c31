/** Parameter Objects -> ParameterIR: path-item parameters merged, OpenAPI's style/explode defaults resolved. */
import { appendPointer, isObject, type JsonObject } from "../openapi/load-openapi.ts";
import { quoteValue } from "../diagnostics/quote-value.ts";
import { deref } from "./deref.ts";
import { isHeaderName } from "./header-names.ts";
import type { IrContext, Located, Place } from "./ir-context.ts";
import { pickMedia } from "./media-types.ts";
import { camelCase, compareStrings, NameScope, safeIdentifier, spellOperators } from "./naming.ts";
import { requiredFlag } from "./required-keyword.ts";
import { doc, typeOf } from "./schema-to-type.ts";
import { collectionStyle, swagger2Schema } from "./swagger2-leftovers.ts";
import { isStringLike } from "./type-queries.ts";
import type { JsonValue, ParameterIR, ParameterLocation, ParameterStyle, TypeIR } from "./types.ts";

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

export type ParameterObjects = Map<string, { readonly raw: JsonObject; readonly at: Place }>;

/**
 * The path item's parameters overridden by the operation's, by `in` and `name`, `$ref`s followed.
 * Each comes with its own place: the operation may live in another file than its path item.
 */
export function parametersOf(ctx: IrContext, op: JsonObject, at: Place, item: Located): ParameterObjects {
  const byKey: ParameterObjects = new Map();
  const add = (list: unknown, listAt: Place) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const found = deref(ctx, raw, { ...listAt, pointer: appendPointer(listAt.pointer, i) });
      if (found && typeof found.value["name"] === "string")
        byKey.set(`${found.value["in"]}:${found.value["name"]}`, { raw: found.value, at: found.at });
    });
  };
  add(item.value["parameters"], { ...item.at, pointer: appendPointer(item.at.pointer, "parameters") });
  add(op["parameters"], { ...at, pointer: appendPointer(at.pointer, "parameters") });
  return byKey;
}

export function parameters(ctx: IrContext, path: string, byKey: ParameterObjects, at: Place): ParameterIR[] {
  const names = new NameScope(["context", "options", "body"]);
  const result: ParameterIR[] = [];
  for (const { raw, at: pAt } of byKey.values()) {
    const location = raw["in"];
    if (location === "body" || location === "formData") continue; // Swagger 2: read as the request body
    if (typeof location !== "string" || !LOCATIONS.has(location)) {
      ctx.report("unsupported-parameter", { name: quoteValue(raw["name"]), location: quoteValue(location) }, pAt);
      continue;
    }
    // OpenAPI: header parameters named Accept, Content-Type or Authorization SHALL be ignored.
    if (location === "header" && IGNORED_HEADERS.has(String(raw["name"]).toLowerCase())) continue;
    if (location === "header" && !isHeaderName(String(raw["name"]))) {
      ctx.report(
        "invalid-header-name",
        { problem: `header parameter ${quoteValue(raw["name"])} is not a valid HTTP header name; ignored` },
        pAt,
      );
      continue;
    }
    result.push(parameter(ctx, raw, location as ParameterLocation, pAt, names));
  }
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    if (!byKey.has(`path:${match[1]}`)) {
      ctx.report("missing-path-parameter", { variable: `{${match[1]}}` }, at);
    }
  }
  // Path parameters in path order, then required, then optional, by name within each.
  const rank = (p: ParameterIR) => (p.in === "path" ? 0 : p.required ? 1 : 2);
  const position = (p: ParameterIR) => (p.in === "path" ? path.indexOf(`{${p.name}}`) : 0);
  return result.sort((a, b) => rank(a) - rank(b) || position(a) - position(b) || compareStrings(a.name, b.name));
}

function parameter(
  ctx: IrContext,
  raw: JsonObject,
  location: ParameterLocation,
  at: Place,
  names: NameScope,
): ParameterIR {
  const name = raw["name"] as string;
  const content = contentOf(raw);
  const schema = raw["schema"] ?? content?.schema ?? swagger2Schema(raw);
  const type: TypeIR = typeOf(ctx, schema, {
    ...at,
    pointer: content ? content.pointer(at.pointer) : appendPointer(at.pointer, "schema"),
  });
  const defaultStyle = location === "query" || location === "cookie" ? "form" : "simple";
  // A `content` parameter is one value serialised in that media type (e.g. JSON text), never exploded.
  const style = (
    content ? defaultStyle : typeof raw["style"] === "string" ? raw["style"] : (collectionStyle(raw) ?? defaultStyle)
  ) as ParameterStyle;
  const explode = content
    ? false
    : typeof raw["explode"] === "boolean"
      ? raw["explode"]
      : raw["collectionFormat"] === "multi" || (raw["collectionFormat"] === undefined && style === "form");
  const schemaObject = isObject(schema) ? schema : {};
  // The client fills in `api-version` with the document's version, a string: only where one fits.
  const isApiVersion = location === "query" && name === "api-version" && isStringLike(ctx, type);
  return {
    name,
    tsName: names.claim(safeIdentifier(camelCase(spellOperators(name, isDate(schemaObject, type))) || "param")),
    in: location,
    required: requiredFlag(ctx, raw, at) || location === "path",
    style,
    explode,
    allowReserved: raw["allowReserved"] === true,
    type,
    // Many specs describe a parameter on its schema only.
    ...(doc(raw).description ? doc(raw) : doc(schemaObject)),
    deprecated: raw["deprecated"] === true,
    ...(schemaObject["default"] !== undefined ? { default: schemaObject["default"] as JsonValue } : {}),
    ...(isApiVersion ? { clientValue: "api-version" as const } : {}),
    ...(content ? { mediaType: content.mediaType } : {}),
  };
}

/** Whether a parameter's values are dates (`format: date` is a string in the IR): its operators read as before/after. */
function isDate(schema: JsonObject, type: TypeIR): boolean {
  return type.kind === "date-time" || schema["format"] === "date" || schema["format"] === "date-time";
}

/** The single entry of a parameter's `content` map, if it has one. */
function contentOf(raw: JsonObject) {
  if (raw["schema"] !== undefined || !isObject(raw["content"])) return undefined;
  const content = raw["content"];
  const mediaType = pickMedia(Object.keys(content).filter((key) => isObject(content[key])));
  if (mediaType === undefined) return undefined;
  const media = content[mediaType] as JsonObject;
  const pointer = (base: string) => appendPointer(appendPointer(appendPointer(base, "content"), mediaType), "schema");
  return { mediaType, schema: media["schema"], pointer };
}
