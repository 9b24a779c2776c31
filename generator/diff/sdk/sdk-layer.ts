/**
 * The TypeScript-API layer of a diff: what a user of the generated package sees. Both packages'
 * files (in memory, as the generator emitted them) go into one in-memory ts-morph project; their
 * `src/index.ts` export surfaces are compared (`sdk-compare.ts`), and each change is tied to the
 * wire finding it comes from (`sdk-attach.ts`): its message joins the finding's `sdk` notes, and
 * the report's `sdk` section lists every change with the findings it belongs to (none: SDK-only).
 */
import { Project } from "ts-morph";
import type { ApiIR } from "../../ir/types.ts";
import type { OutputFile } from "../../output/write-tree.ts";
import { attachChanges, optionsOf } from "./sdk-attach.ts";
import { compareSurfaces, subjectText } from "./sdk-compare.ts";
import { readSurface, type SdkSurface } from "./sdk-surface.ts";
import { LEVEL_RANK } from "../profiles.ts";
import type { DiffReport, Finding, Level, SdkChange, SdkNote, SdkPackage, SdkRuleId } from "../types.ts";

/** One side: the IR the wire diff used and the files of the package generated from it. */
export interface SdkSide {
  readonly api: ApiIR;
  readonly package: SdkPackage;
  /** Package-relative paths (`src/index.ts`, ...), as `buildPackage` / `emitSources` return them. */
  readonly files: readonly OutputFile[];
}

export function addSdkView(report: DiffReport, before: SdkSide, after: SdkSide): DiffReport {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
  });
  const oldSurface = readSurface(project, "/old", before.files);
  const newSurface = readSurface(project, "/new", after.files);
  const changes = compareSurfaces(
    oldSurface,
    newSurface,
    operationRenames(before.api, after.api, oldSurface, newSurface),
  );
  const sides = { oldApi: before.api, newApi: after.api, oldSurface, newSurface };
  const attached = attachChanges([...report.findings, ...report.suppressed], changes, sides);
  const withNotes = <F extends Finding>(f: F): F => {
    const tied = attached.byFinding.get(f.fingerprint);
    if (!tied) return f;
    const notes = sdkNotes(tied);
    const facts = f.facts && { ...f.facts, notes: [...(f.facts.notes ?? []), ...notes] };
    return { ...f, sdk: [...(f.sdk ?? []), ...notes.map(noteLine)], ...(facts ? { facts } : {}) };
  };
  return {
    ...report,
    findings: report.findings.map(withNotes),
    suppressed: report.suppressed.map(withNotes),
    sdk: { old: before.package, new: after.package, changes: attached.changes },
  };
}

/**
 * Function names the generator derived differently for the same operation (an operationId
 * changed): old -> new, with their options interfaces, so the SDK view says "renamed".
 */
function operationRenames(
  oldApi: ApiIR,
  newApi: ApiIR,
  oldSurface: SdkSurface,
  newSurface: SdkSurface,
): Map<string, string> {
  const key = (op: ApiIR["operations"][number]) => `${op.method} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;
  const newByKey = new Map(newApi.operations.map((op) => [key(op), op]));
  const renames = new Map<string, string>();
  for (const op of oldApi.operations) {
    const now = newByKey.get(key(op));
    if (!now || now.name === op.name) continue;
    renames.set(op.name, now.name);
    const [a, b] = [optionsOf(oldSurface, op.name)[0], optionsOf(newSurface, now.name)[0]];
    if (a && b && a !== b) renames.set(a, b);
  }
  return renames;
}

/** A note as the finding's `sdk` lines print it: `error:`/`warning:` lead the lines that break code using the package. */
export const noteLine = (note: SdkNote): string => (note.level === "info" ? note.text : `${note.level}: ${note.text}`);

/**
 * The notes a finding shows: exports (and client methods) added or removed with it on one line
 * each, function first; every other change on its own line; breaking ones first.
 */
export function sdkNotes(changes: readonly SdkChange[]): SdkNote[] {
  const lines: { level: Level; rank: number; text: string }[] = [];
  const listed = new Set<SdkChange>();
  for (const [verb, rules] of [
    ["added", ["sdk-export-added", "sdk-method-added"]],
    ["removed", ["sdk-export-removed", "sdk-method-removed"]],
  ] as const) {
    const first = changes.find((c) => c.ruleId === rules[0]);
    const list = changes.filter((c) => (rules as readonly SdkRuleId[]).includes(c.ruleId) && c.level === first?.level);
    if (!first || list.length === 0) continue;
    const names = [...list]
      .sort((a, b) => subjectRank(a) - subjectRank(b))
      .map((c) => (c.facts?.subject ? subjectText(c.facts.subject) : c.export));
    lines.push({ level: first.level, rank: 0, text: `${verb}: ${names.join(", ")}` });
    for (const c of list) listed.add(c);
  }
  for (const c of changes) if (!listed.has(c)) lines.push({ level: c.level, rank: subjectRank(c), text: c.message });
  // Breaking first, as everywhere in the report; then the function, its client method, the rest.
  return lines
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.rank - b.rank)
    .map(({ level, text }) => ({ level, text }));
}

const subjectRank = (c: SdkChange) =>
  c.facts?.subject?.kind === "function" ? 0 : c.facts?.subject?.kind === "method" ? 1 : 2;
