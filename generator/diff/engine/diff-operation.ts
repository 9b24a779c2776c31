/**
 * One matched operation: parameters (request), request body, responses by status with their
 * headers and bodies (response), paging, and per-operation security.
 */
import type { ApiIR, OperationIR, ParameterIR, RequestBodyIR, ResponseIR } from "../../ir/types.ts";
import type { Cursor, DiffContext } from "./diff-context.ts";
import type { Anchor, AnchorPart } from "../types.ts";
import { defaults, sameJson } from "./diff-object.ts";
import { compareTypes } from "./diff-type.ts";

export function operationLabel(op: OperationIR): string {
  return `${op.method} ${op.path}`;
}

const pathNames = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/** The operation on both sides, and the part of it a change is in. */
const anchorOf = (a: OperationIR, b: OperationIR, part?: AnchorPart): Anchor => ({
  kind: "operation",
  old: { method: a.method, path: a.path },
  new: { method: b.method, path: b.path },
  ...(part ? { part } : {}),
});

export function compareOperation(ctx: DiffContext, a: OperationIR, b: OperationIR): void {
  const label = operationLabel(b);
  const at = (root: string, direction: Cursor["direction"] = "none", part?: AnchorPart): Cursor => ({
    direction,
    operation: label,
    root,
    path: [],
    anchor: anchorOf(a, b, part),
  });
  if (!a.deprecated && b.deprecated) ctx.emit({ kind: "operation-deprecated" }, at(label));
  if (a.operationId !== b.operationId)
    ctx.emit({ kind: "operation-id-changed" }, at(label), {
      before: a.operationId ?? null,
      after: b.operationId ?? null,
    });
  if (Boolean(a.paging) !== Boolean(b.paging))
    ctx.emit({ kind: "paging-changed", paged: Boolean(b.paging) }, at(label), {
      before: Boolean(a.paging),
      after: Boolean(b.paging),
    });

  // Path parameters are matched by position: `/users/{id}` and `/users/{userId}` are one operation.
  const oldNames = pathNames(a.path);
  const newNames = pathNames(b.path);
  const renamed = new Map<string, string>();
  oldNames.forEach((name, i) => {
    const now = newNames[i];
    if (now === undefined || now === name) return;
    renamed.set(name, now);
    const part: AnchorPart = { kind: "parameter", old: { in: "path", name }, new: { in: "path", name: now } };
    ctx.emit({ kind: "path-parameter-renamed" }, at(`${label} path parameter ${now}`, "request", part), {
      before: name,
      after: now,
    });
  });
  const anchor = (part: AnchorPart) => anchorOf(a, b, part);
  compareParameters(ctx, a.parameters, b.parameters, renamed, label, anchor);
  compareBodies(ctx, a.body, b.body, label, anchor({ kind: "request-body" }));
  compareResponses(ctx, [...a.responses, ...a.errors], [...b.responses, ...b.errors], label, anchor);
  compareOperationSecurity(ctx, a, b, label, anchor({ kind: "security" }));
}

const parameterKey = (p: ParameterIR, name = p.name) => `${p.in}:${p.in === "header" ? name.toLowerCase() : name}`;

type AnchorAt = (part: AnchorPart) => Anchor;

function compareParameters(
  ctx: DiffContext,
  before: readonly ParameterIR[],
  after: readonly ParameterIR[],
  renamed: Map<string, string>,
  label: string,
  anchor: AnchorAt,
): void {
  const oldByKey = new Map(
    before.map((p) => [parameterKey(p, p.in === "path" ? (renamed.get(p.name) ?? p.name) : p.name), p]),
  );
  const newByKey = new Map(after.map((p) => [parameterKey(p), p]));
  const side = (p: ParameterIR) => ({ in: p.in, name: p.name });
  // `p` is an old parameter (removed) or a new one, with the old one it is matched to, if any.
  const at = (p: ParameterIR, old = oldByKey.get(parameterKey(p))): Cursor => {
    const names = before.includes(p) ? { old: side(p) } : { new: side(p), ...(old ? { old: side(old) } : {}) };
    return {
      direction: "request",
      operation: label,
      root: `${label} ${p.in} parameter ${p.name}`,
      path: [],
      anchor: anchor({ kind: "parameter", ...names }),
    };
  };
  const added = after.filter((p) => !oldByKey.has(parameterKey(p)));
  const removed = before.filter(
    (p) => !newByKey.has(parameterKey(p, p.in === "path" ? (renamed.get(p.name) ?? p.name) : p.name)),
  );
  for (const p of removed) {
    const moved = added.find((n) => n.name.toLowerCase() === p.name.toLowerCase());
    if (moved) {
      added.splice(added.indexOf(moved), 1);
      ctx.emit({ kind: "parameter-location-changed" }, at(moved, p), { before: p.in, after: moved.in });
      continue;
    }
    ctx.emit({ kind: "parameter-removed", required: p.required }, at(p));
  }
  for (const p of added)
    ctx.emit({ kind: "parameter-added", required: p.required, hasDefault: p.default !== undefined }, at(p));
  for (const [key, n] of newByKey) {
    const o = oldByKey.get(key);
    if (!o) continue;
    const here = at(n);
    if (o.required !== n.required)
      ctx.emit({ kind: "parameter-required-changed", required: n.required }, here, {
        before: o.required,
        after: n.required,
      });
    if (!o.deprecated && n.deprecated) ctx.emit({ kind: "parameter-deprecated" }, here);
    if (!sameJson(o.default, n.default))
      ctx.emit({ kind: "parameter-default-changed" }, here, defaults(o.default, n.default));
    const style = (p: ParameterIR) =>
      `${p.style}${p.explode ? " explode" : ""}${p.allowReserved ? " allowReserved" : ""}${p.mediaType ? ` as ${p.mediaType}` : ""}`;
    if (style(o) !== style(n))
      ctx.emit({ kind: "parameter-serialization-changed" }, here, { before: style(o), after: style(n) });
    // The client fills `api-version` in with the document's own version: its allowed values change
    // with every version by design (Azure specs often enum it), which is no change for a caller.
    if (o.clientValue === "api-version" && n.clientValue === "api-version") continue;
    compareTypes(ctx, o.type, n.type, here);
  }
}

function compareBodies(
  ctx: DiffContext,
  a: RequestBodyIR | undefined,
  b: RequestBodyIR | undefined,
  label: string,
  anchor: Anchor,
): void {
  const at: Cursor = { direction: "request", operation: label, root: `${label} request body`, path: [], anchor };
  if (!a && !b) return;
  if (!a) return ctx.emit({ kind: "request-body-added", required: b!.required }, at, { after: b!.mediaType });
  if (!b) return ctx.emit({ kind: "request-body-removed", required: a.required }, at, { before: a.mediaType });
  if (a.required !== b.required)
    ctx.emit({ kind: "request-body-required-changed", required: b.required }, at, {
      before: a.required,
      after: b.required,
    });
  if (a.mediaType !== b.mediaType)
    ctx.emit({ kind: "media-type-changed" }, at, { before: a.mediaType, after: b.mediaType });
  compareTypes(ctx, a.type, b.type, at);
}

function compareResponses(
  ctx: DiffContext,
  before: readonly ResponseIR[],
  after: readonly ResponseIR[],
  label: string,
  anchor: AnchorAt,
): void {
  const oldByStatus = new Map(before.map((r) => [r.status, r]));
  const newByStatus = new Map(after.map((r) => [r.status, r]));
  const at = (status: string, part = ""): Cursor => {
    const header = part.startsWith(" header ") ? { header: part.slice(" header ".length) } : {};
    const where: AnchorPart = { kind: "response", status, ...header, ...(part === " body" ? { body: true } : {}) };
    return {
      direction: "response",
      operation: label,
      root: `${label} response ${status}${part}`,
      path: [],
      anchor: anchor(where),
    };
  };
  const success = (status: string) => status.startsWith("2");
  for (const r of before)
    if (!newByStatus.has(r.status))
      ctx.emit({ kind: "status-removed", success: success(r.status) }, at(r.status), { before: r.status });
  for (const r of after)
    if (!oldByStatus.has(r.status))
      ctx.emit({ kind: "status-added", success: success(r.status) }, at(r.status), { after: r.status });
  for (const b of after) {
    const a = oldByStatus.get(b.status);
    if (!a) continue;
    const body = at(b.status, " body");
    if (a.type && !b.type) ctx.emit({ kind: "response-body-removed" }, body, { before: a.mediaType ?? null });
    else if (!a.type && b.type) ctx.emit({ kind: "response-body-added" }, body, { after: b.mediaType ?? null });
    else if (a.type && b.type) {
      if (a.mediaType !== b.mediaType)
        ctx.emit({ kind: "media-type-changed" }, body, { before: a.mediaType ?? null, after: b.mediaType ?? null });
      compareTypes(ctx, a.type, b.type, body);
    }
    const oldHeaders = new Map(a.headers.map((h) => [h.name, h]));
    const newHeaders = new Map(b.headers.map((h) => [h.name, h]));
    for (const h of a.headers)
      if (!newHeaders.has(h.name))
        ctx.emit({ kind: "header-removed", required: h.required }, at(b.status, ` header ${h.name}`));
    for (const h of b.headers) {
      const here = at(b.status, ` header ${h.name}`);
      const o = oldHeaders.get(h.name);
      if (!o) ctx.emit({ kind: "header-added" }, here);
      else {
        if (o.required !== h.required)
          ctx.emit({ kind: "header-required-changed", required: h.required }, here, {
            before: o.required,
            after: h.required,
          });
        compareTypes(ctx, o.type, h.type, here);
      }
    }
  }
}

/**
 * The security alternatives an operation accepts on the wire: its own, else the document's
 * requirement, else none (anonymous: OpenAPI requires no credentials where nothing says so, even
 * when schemes are declared), so an operation that starts to declare a requirement loses anonymous access.
 */
export function effectiveSecurity(api: ApiIR, op: OperationIR): string[] {
  const alternatives = op.security ?? api.security ?? [[]];
  return alternatives.map((ids) => (ids.length === 0 ? "anonymous" : [...ids].sort().join(" + ")));
}

/** Only when an operation overrides security on either side; document-level changes are reported once. */
function compareOperationSecurity(
  ctx: DiffContext,
  a: OperationIR,
  b: OperationIR,
  label: string,
  anchor: Anchor,
): void {
  if (!a.security && !b.security) return;
  const before = new Set(effectiveSecurity(ctx.old, a));
  const after = new Set(effectiveSecurity(ctx.new, b));
  const at: Cursor = { direction: "request", operation: label, root: `${label} security`, path: [], anchor };
  for (const alt of [...before].sort())
    if (!after.has(alt)) ctx.emit({ kind: "operation-security-removed" }, at, { before: alt });
  for (const alt of [...after].sort())
    if (!before.has(alt)) ctx.emit({ kind: "operation-security-added" }, at, { after: alt });
}
