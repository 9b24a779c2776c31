/**
 * Ties each SDK change to the wire finding it comes from, so a reviewer reads both views of one
 * change together; what ties to no finding is listed as an SDK-only change (a renamed export that
 * is a wire no-op, a change of the generator itself).
 *
 * The ties, in order (the first finding in report order that claims a change gets it):
 * 1. exact: a model finding (`CommunicationIdentity.customId`) claims changes of the model's
 *    export(s) (`X`, `XInput`, `KnownX`) at that member; an operation finding claims changes of the
 *    operation's function, options interface and client method at the parameter the finding names
 *    (wire name -> `ParameterIR.tsName`), the body, or the return type (response findings);
 *    `operation-added`/`-removed`/`-id-changed` claim the function, options and method themselves;
 * 2. loose: what is left on a model's or an operation's exports goes to its first finding;
 * 3. reach: an export added (removed) with an operation goes to the first `operation-added`
 *    (`-removed`) finding whose function reaches it through parameter, return and member types;
 *    context and client-level exports go to the first document-level finding (security, server).
 */
import type { ApiIR, OperationIR } from "../../ir/types.ts";
import type { SdkSurface } from "./sdk-surface.ts";
import { identifiers } from "./sdk-type-text.ts";
import type { Finding, SdkChange, SdkRuleId } from "../types.ts";

interface Sides {
  readonly oldApi: ApiIR;
  readonly newApi: ApiIR;
  readonly oldSurface: SdkSurface;
  readonly newSurface: SdkSurface;
}

const label = (op: OperationIR) => `${op.method} ${op.path}`;
const opKey = (op: OperationIR) => `${op.method} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const TYPE_RULES = new Set<SdkRuleId>([
  "sdk-type-widened",
  "sdk-type-narrowed",
  "sdk-type-changed",
  "sdk-known-values-changed",
]);

/** The operation of a finding on each side (either may be absent: added, removed). */
interface OperationSides {
  readonly old?: OperationIR;
  readonly new?: OperationIR;
  /** Function names, options interfaces and client classes that stand for the operation. */
  readonly functions: ReadonlySet<string>;
  readonly exports: ReadonlySet<string>;
}

/** Returns the changes with `findings` filled in, and each finding's fingerprint -> its changes. */
export function attachChanges(
  findings: readonly Finding[],
  changes: readonly SdkChange[],
  sides: Sides,
): { changes: SdkChange[]; byFinding: Map<string, SdkChange[]> } {
  const owner = new Map<SdkChange, Finding>();
  const operations = operationIndex(sides);
  const claim = (f: Finding, c: SdkChange) => {
    if (!owner.has(c)) owner.set(c, f);
  };
  const ops = new Map(findings.filter((f) => f.operation).map((f) => [f, operations.get(f.operation!)]));

  for (const f of findings) for (const c of changes) if (exact(f, c, ops.get(f), sides)) claim(f, c);
  for (const f of findings) {
    const op = ops.get(f);
    for (const c of changes) {
      if (op ? belongs(op, c, sides) !== undefined : f.model !== undefined && modelExports(f.model).has(c.export))
        claim(f, c);
    }
  }
  reach(findings, changes, ops, sides, claim);
  const documentLevel = findings.find((f) => !f.operation && !f.model);
  if (documentLevel) {
    const models = new Set([...sides.oldApi.types, ...sides.newApi.types].flatMap((t) => [...modelExports(t.name)]));
    const all = [...operations.values()];
    for (const c of changes)
      if (!models.has(c.export) && !all.some((op) => belongs(op, c, sides) !== undefined)) claim(documentLevel, c);
  }

  const byFinding = new Map<string, SdkChange[]>();
  const attached = changes.map((c) => {
    const f = owner.get(c);
    if (!f) return c;
    const tied = { ...c, findings: [f.fingerprint] };
    byFinding.set(f.fingerprint, [...(byFinding.get(f.fingerprint) ?? []), tied]);
    return tied;
  });
  return { changes: attached, byFinding };
}

const modelExports = (model: string) => new Set([model, `${model}Input`, `Known${model}`]);

/** Each operation label of either IR -> its operation on both sides and the exports standing for it. */
function operationIndex(sides: Sides): Map<string, OperationSides> {
  const index = new Map<string, OperationSides>();
  const oldByKey = new Map(sides.oldApi.operations.map((op) => [opKey(op), op]));
  const newByKey = new Map(sides.newApi.operations.map((op) => [opKey(op), op]));
  const classes = [sides.oldSurface, sides.newSurface].flatMap((s) =>
    [...s.values()].flatMap((e) =>
      e.declaration.kind === "class" ? [{ name: e.name, members: e.declaration.members }] : [],
    ),
  );
  for (const key of new Set([...oldByKey.keys(), ...newByKey.keys()])) {
    const [o, n] = [oldByKey.get(key), newByKey.get(key)];
    const functions = new Set([o?.name, n?.name].filter((x): x is string => x !== undefined));
    const exports = new Set(functions);
    for (const surface of [sides.oldSurface, sides.newSurface])
      for (const fn of functions) for (const name of optionsOf(surface, fn)) exports.add(name);
    for (const c of classes) if ([...functions].some((fn) => c.members.has(fn))) exports.add(c.name);
    const entry: OperationSides = { ...(o ? { old: o } : {}), ...(n ? { new: n } : {}), functions, exports };
    if (n) index.set(label(n), entry);
    if (o && !index.has(label(o))) index.set(label(o), entry);
  }
  return index;
}

/** The options interface of function `fn`: the exported type its last parameter is declared with. */
export function optionsOf(surface: SdkSurface, fn: string): string[] {
  const d = surface.get(fn)?.declaration;
  if (d?.kind !== "function") return [];
  const last = d.signatures[0]?.parameters.at(-1);
  return last && surface.get(last.type)?.declaration.kind === "interface" ? [last.type] : [];
}

/** The name a change's member stands for: a parameter's (`(id)`, `getThing(id)`: `id`), else the member's. */
const memberName = (c: SdkChange): string | undefined => c.facts?.parameter?.name ?? c.member;

const isClass = (name: string, sides: Sides) =>
  sides.newSurface.get(name)?.declaration.kind === "class" || sides.oldSurface.get(name)?.declaration.kind === "class";

/**
 * Whether change `c` is in the exports of operation `op`: its function or options interface, or
 * its method of the client class. Returns whether the change is of the whole function or method
 * (not of one parameter), or undefined when the change is not the operation's.
 */
function belongs(op: OperationSides, c: SdkChange, sides: Sides): { whole: boolean } | undefined {
  if (!op.exports.has(c.export)) return undefined;
  if (!isClass(c.export, sides)) return { whole: c.member === undefined };
  const parameter = c.facts?.parameter;
  const method = parameter ? parameter.of : c.member;
  return method !== undefined && op.functions.has(method) ? { whole: parameter === undefined } : undefined;
}

function exact(f: Finding, c: SdkChange, op: OperationSides | undefined, sides: Sides): boolean {
  const steps = f.facts?.steps ?? [];
  if (!op) {
    if (!f.model || !modelExports(f.model).has(c.export)) return false;
    if (c.member === undefined) return !steps[0]?.startsWith(".");
    // The member itself or what is inside it (`.key`, then `.`, `[]`, `{}`, `|V`); not its `&n` members.
    const key = c.export.startsWith("Known") && c.export !== f.model ? undefined : c.member;
    return key !== undefined && steps[0] === `.${key}` && !steps[1]?.startsWith("&");
  }
  const belonging = belongs(op, c, sides);
  if (!belonging) return false;
  const wholeExport = belonging.whole;
  const anchor = f.facts?.anchor;
  const part = anchor?.kind === "operation" ? anchor.part : undefined;
  if (!part && steps.length === 0) {
    // The operation itself: added, removed, renamed (operationId), paging (the return type).
    if (f.ruleId === "operation-paging-changed") return TYPE_RULES.has(c.ruleId) && wholeExport;
    return wholeExport;
  }
  const name = memberName(c);
  if (part?.kind === "response") return wholeExport && TYPE_RULES.has(c.ruleId);
  if (part?.kind === "request-body") return name !== undefined && !wholeExport && /^body\d*$/.test(name);
  // A parameter itself (not a part of its type): its generated name, or the wire name squashed alike.
  const parameter = part?.kind === "parameter" && steps.length === 0 ? (part.new ?? part.old) : undefined;
  if (!parameter || name === undefined || wholeExport) return false;
  const ir = [op.new, op.old]
    .flatMap((o) => o?.parameters ?? [])
    .find((p) => p.in === parameter.in && p.name === parameter.name);
  return name === ir?.tsName || squash(name) === squash(parameter.name);
}

/** Rule 3: exports added (removed) along with an operation, and what only they reach. */
function reach(
  findings: readonly Finding[],
  changes: readonly SdkChange[],
  ops: Map<Finding, OperationSides | undefined>,
  sides: Sides,
  claim: (f: Finding, c: SdkChange) => void,
): void {
  for (const [rule, surface, side, kind] of [
    ["operation-added", sides.newSurface, "new", "sdk-export-added"],
    ["operation-removed", sides.oldSurface, "old", "sdk-export-removed"],
  ] as const) {
    const open = changes.filter((c) => c.ruleId === kind);
    for (const f of findings) {
      const op = ops.get(f)?.[side];
      if (f.ruleId !== rule || !op) continue;
      const reached = reachable(surface, op.name);
      for (const c of open) {
        const model = c.export.replace(/^Known/, "");
        if (reached.has(c.export) || (c.export !== model && reached.has(model))) claim(f, c);
      }
    }
  }
}

/** Every export the declaration of `start` mentions, transitively. */
function reachable(surface: SdkSurface, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const d = surface.get(name)?.declaration;
    if (!d) continue;
    const text = JSON.stringify(d, (_k, v: unknown) => (v instanceof Map ? [...v.values()] : v));
    for (const id of identifiers(text)) {
      if (surface.has(id) && !seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}
