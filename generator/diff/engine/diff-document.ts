/** Document-level parts: security schemes, the server, and the API version. */
import type { ApiIR, AuthSchemeIR } from "../../ir/types.ts";
import type { Cursor, DiffContext } from "./diff-context.ts";

export function compareDocument(ctx: DiffContext): void {
  compareSchemes(ctx);
  compareGlobalSecurity(ctx);
  compareServer(ctx);
  const date = /^\d{4}-\d{2}-\d{2}/;
  const a = ctx.old.apiVersion;
  const b = ctx.new.apiVersion;
  // Date versions only: other schemes (semver, "v2", free text) have no order we can trust.
  if (date.test(a) && date.test(b) && b.slice(0, 10) < a.slice(0, 10)) {
    ctx.emit({ kind: "api-version-decreased" }, at("info.version"), { before: a, after: b });
  }
}

const at = (root: string, direction: Cursor["direction"] = "none"): Cursor => ({
  direction,
  root,
  path: [],
  anchor: { kind: "document", pointer: pointerOf(root) },
});

/** The document's place of a root named here (`security scheme X`, `server url`, ...). */
function pointerOf(root: string): string {
  const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
  if (root.startsWith("security scheme "))
    return `/components/securitySchemes/${escape(root.slice("security scheme ".length))}`;
  if (root.startsWith("server variable "))
    return `/servers/0/variables/${escape(root.slice("server variable ".length))}`;
  const fixed: Record<string, string> = {
    "server url": "/servers/0/url",
    "info.version": "/info/version",
    security: "/security",
  };
  // Anything else is the document itself, until it is named here.
  return fixed[root] ?? "";
}

function compareSchemes(ctx: DiffContext): void {
  const before = new Map(ctx.old.auth.map((s) => [s.id, s]));
  const after = new Map(ctx.new.auth.map((s) => [s.id, s]));
  for (const [id, s] of before) {
    const n = after.get(id);
    if (!n) ctx.emit({ kind: "security-scheme-removed" }, at(`security scheme ${id}`, "request"), { before: s.kind });
    else {
      const detail = schemeDifference(s, n);
      if (detail) ctx.emit({ kind: "security-scheme-changed", detail }, at(`security scheme ${id}`, "request"));
    }
  }
  for (const [id, s] of after)
    if (!before.has(id))
      ctx.emit({ kind: "security-scheme-added" }, at(`security scheme ${id}`, "request"), { after: s.kind });
}

/** What differs between two schemes of the same id, in words; descriptions do not count. */
function schemeDifference(a: AuthSchemeIR, b: AuthSchemeIR): string | undefined {
  if (a.kind !== b.kind) return `kind ${a.kind} -> ${b.kind}`;
  const facts = (s: AuthSchemeIR): Record<string, string> => {
    switch (s.kind) {
      case "apiKey":
        return { in: s.in, name: s.name };
      case "bearer":
        return { scopes: [...s.scopes].sort().join(" ") };
      case "hmac":
        return {
          dateHeader: s.dateHeader,
          contentHashHeader: s.contentHashHeader,
          signedHeaders: s.signedHeaders.join(";"),
          authorizationPrefix: s.authorizationPrefix,
        };
      default:
        return {};
    }
  };
  const x = facts(a);
  const y = facts(b);
  const changed = Object.keys(y).filter((k) => x[k] !== y[k]);
  return changed.length === 0 ? undefined : changed.map((k) => `${k} "${x[k] ?? ""}" -> "${y[k] ?? ""}"`).join(", ");
}

/**
 * The document's `security` requirement, as alternatives ("anonymous" when absent or `{}`): it
 * applies to every operation without its own, so requiring credentials where none were needed
 * removes the alternative "anonymous".
 */
function compareGlobalSecurity(ctx: DiffContext): void {
  const alternatives = (security: ApiIR["security"]) =>
    new Set((security ?? [[]]).map((ids) => (ids.length === 0 ? "anonymous" : ids.join(" + "))));
  const before = alternatives(ctx.old.security);
  const after = alternatives(ctx.new.security);
  const cursor = at("security", "request");
  for (const alt of [...before].sort())
    if (!after.has(alt)) ctx.emit({ kind: "global-security-removed" }, cursor, { before: alt });
  for (const alt of [...after].sort())
    if (!before.has(alt)) ctx.emit({ kind: "global-security-added" }, cursor, { after: alt });
}

function compareServer(ctx: DiffContext): void {
  const a = ctx.old.server;
  const b = ctx.new.server;
  if (a.url !== b.url) ctx.emit({ kind: "server-url-changed" }, at("server url"), { before: a.url, after: b.url });
  const known = new Set(a.variables.map((v) => v.name));
  for (const v of b.variables) {
    if (!known.has(v.name))
      ctx.emit(
        { kind: "server-variable-added", hasDefault: v.default !== undefined },
        at(`server variable ${v.name}`),
        v.default !== undefined ? { after: v.default } : {},
      );
  }
}
