/** OpenAPI security schemes -> the auth kinds a generated client supports. */
import { appendPointer, isObject, isRefFailure, type JsonObject } from "../openapi/load-openapi.ts";
import { quoteValue } from "../diagnostics/quote-value.ts";
import { reportRefFailure } from "./deref.ts";
import { isHeaderName } from "./header-names.ts";
import type { IrContext } from "./ir-context.ts";
import { compareStrings } from "./naming.ts";
import type { AuthSchemeIR, HmacAuthIR } from "./types.ts";

/**
 * The schemes a client can use: those the document's `security` names, in order, then those only
 * operations name, by name; when nothing names any, every declared scheme, by name.
 */
export function authSchemes(ctx: IrContext, operationSecurity: readonly (readonly string[])[]): AuthSchemeIR[] {
  const components = isObject(ctx.root["components"]) ? ctx.root["components"] : {};
  const declared = isObject(components["securitySchemes"]) ? components["securitySchemes"] : {};
  const security = Array.isArray(ctx.root["security"]) ? ctx.root["security"] : [];
  // Requirements are alternatives in order; the schemes inside one are a JSON object (no order): sorted.
  const named = security.flatMap((requirement) =>
    isObject(requirement) ? Object.keys(requirement).sort(compareStrings) : [],
  );
  const byOperations = [...new Set(operationSecurity.flat())].filter((id) => !named.includes(id)).sort(compareStrings);
  const all = [...new Set([...named, ...byOperations])];
  const ids = all.length > 0 ? all : Object.keys(declared).sort(compareStrings);
  const schemes: AuthSchemeIR[] = [];
  for (const id of ids) {
    const at = { file: ctx.document.file, pointer: appendPointer("/components/securitySchemes", id) };
    let raw = declared[id];
    if (isObject(raw) && typeof raw["$ref"] === "string") {
      const target = ctx.document.resolveRef(raw["$ref"]);
      if (isRefFailure(target)) {
        reportRefFailure(ctx, raw["$ref"], target, at);
        continue;
      }
      raw = target.value;
    }
    if (!isObject(raw)) {
      ctx.report("unknown-security-scheme", { scheme: quoteValue(id) }, { ...at, pointer: "/security" });
      continue;
    }
    const scheme = toScheme(ctx, id, raw, requirementScopes(security, id), at);
    if (scheme) schemes.push(scheme);
  }
  return schemes;
}

function toScheme(
  ctx: IrContext,
  id: string,
  s: JsonObject,
  requiredScopes: string[],
  at: { file: string; pointer: string },
): AuthSchemeIR | undefined {
  const description = typeof s["description"] === "string" ? { description: s["description"] } : {};
  const type = s["type"];
  if (type === "apiKey") {
    if (isObject(s["x-hmac-signature"])) return hmacScheme(ctx, id, s["x-hmac-signature"], description, at);
    const where = s["in"];
    if (where === "header" && typeof s["name"] === "string" && !isHeaderName(s["name"])) {
      ctx.report(
        "invalid-header-name",
        {
          problem: `apiKey scheme ${quoteValue(id)} names header ${quoteValue(s["name"])}, not a valid HTTP header name; ignored`,
        },
        at,
      );
      return undefined;
    }
    if ((where === "header" || where === "query" || where === "cookie") && typeof s["name"] === "string") {
      return { kind: "apiKey", id, ...description, in: where, name: s["name"] };
    }
    ctx.report("invalid-security-scheme", { scheme: quoteValue(id) }, at);
    return undefined;
  }
  if (type === "oauth2" || type === "openIdConnect" || (type === "http" && /^bearer$/i.test(String(s["scheme"])))) {
    return { kind: "bearer", id, ...description, scopes: credentialScopes(s, requiredScopes) };
  }
  if (type === "http" && /^basic$/i.test(String(s["scheme"]))) return { kind: "basic", id, ...description };
  ctx.report("unsupported-security-scheme", { scheme: quoteValue(id), type: quoteValue(type) }, at);
  return undefined;
}

/** `x-credential-scopes` wins; else the scopes the document's requirement asks for; else every flow scope. */
function credentialScopes(s: JsonObject, requiredScopes: string[]): string[] {
  const explicit = s["x-credential-scopes"];
  if (Array.isArray(explicit)) return explicit.filter((v): v is string => typeof v === "string");
  if (requiredScopes.length > 0) return requiredScopes;
  const flows = isObject(s["flows"]) ? Object.values(s["flows"]) : [];
  const scopes = flows.flatMap((flow) =>
    isObject(flow) && isObject(flow["scopes"]) ? Object.keys(flow["scopes"]) : [],
  );
  return [...new Set(scopes)].sort(compareStrings);
}

function requirementScopes(security: unknown[], id: string): string[] {
  const scopes = security.flatMap((r) => (isObject(r) && Array.isArray(r[id]) ? r[id] : []));
  return [...new Set(scopes.filter((v): v is string => typeof v === "string"))];
}

function hmacScheme(
  ctx: IrContext,
  id: string,
  x: JsonObject,
  description: { description?: string },
  at: { file: string; pointer: string },
): HmacAuthIR | undefined {
  const text = (key: string) => (typeof x[key] === "string" ? (x[key] as string) : undefined);
  const signedHeaders = Array.isArray(x["signedHeaders"])
    ? x["signedHeaders"].filter((h): h is string => typeof h === "string")
    : [];
  const dateHeader = text("dateHeader");
  const contentHashHeader = text("contentHashHeader");
  const pointer = appendPointer(at.pointer, "x-hmac-signature");
  if (
    text("algorithm") !== "HMAC-SHA256" ||
    text("keyEncoding") !== "base64" ||
    !dateHeader ||
    !contentHashHeader ||
    signedHeaders.length === 0
  ) {
    ctx.report(
      "invalid-hmac-signature",
      {
        scheme: quoteValue(id),
        problem: "needs algorithm HMAC-SHA256, keyEncoding base64, dateHeader, contentHashHeader and signedHeaders",
      },
      { ...at, pointer },
    );
    return undefined;
  }
  const invalidHeader = [dateHeader, contentHashHeader, ...signedHeaders].find((h) => !isHeaderName(h));
  if (invalidHeader !== undefined) {
    ctx.report(
      "invalid-hmac-signature",
      { scheme: quoteValue(id), problem: `names header ${quoteValue(invalidHeader)}, not a valid HTTP header name` },
      { ...at, pointer },
    );
    return undefined;
  }
  const cs = isObject(x["connectionString"]) ? x["connectionString"] : undefined;
  const connectionString =
    cs && typeof cs["endpointKey"] === "string" && typeof cs["keyKey"] === "string"
      ? { connectionString: { endpointKey: cs["endpointKey"], keyKey: cs["keyKey"] } }
      : {};
  return {
    kind: "hmac",
    id,
    ...description,
    algorithm: "HMAC-SHA256",
    keyEncoding: "base64",
    dateHeader: dateHeader.toLowerCase(),
    contentHashHeader: contentHashHeader.toLowerCase(),
    signedHeaders: signedHeaders.map((h) => h.toLowerCase()),
    authorizationPrefix: text("authorizationPrefix") ?? "HMAC-SHA256",
    ...connectionString,
  };
}
