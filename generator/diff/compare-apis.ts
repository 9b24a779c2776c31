/**
 * The diff pipeline in a few lines: two IRs -> changes (engine) -> findings (rules, profile) ->
 * suppressions applied -> a report that the Markdown and JSON renderers print.
 */
import type { ApiIR } from "../ir/types.ts";
import { diffApis } from "./engine/diff-api.ts";
import { judge } from "./engine/findings.ts";
import { renameHints } from "./reports/rename-hints.ts";
import { locateChange, type LocatedSide } from "./source-locations.ts";
import { applySuppressions } from "./suppressions.ts";
import type { Change, DiffReport, ProfileName, Suppression } from "./types.ts";

export interface DiffOptions {
  readonly profile?: ProfileName;
  readonly suppressions?: readonly Suppression[];
  /** How the report names each side (a relative path or a label); no absolute paths. */
  readonly oldSource?: string;
  readonly newSource?: string;
  /** The documents the IRs were built from: findings then carry their pointers and `file:line:col`. */
  readonly documents?: { readonly old: Omit<LocatedSide, "api">; readonly new: Omit<LocatedSide, "api"> };
}

export function compareApis(oldApi: ApiIR, newApi: ApiIR, options: DiffOptions = {}): DiffReport {
  const profile = options.profile ?? "default";
  const docs = options.documents;
  const locate =
    docs && ((change: Change) => locateChange(change, { ...docs.old, api: oldApi }, { ...docs.new, api: newApi }));
  const findings = judge(diffApis(oldApi, newApi), profile, undefined, locate);
  const applied = applySuppressions(findings, options.suppressions ?? []);
  const renames = renameHints(applied.findings, oldApi, newApi);
  return {
    old: {
      title: oldApi.title,
      version: oldApi.apiVersion,
      ...(options.oldSource ? { source: options.oldSource } : {}),
    },
    new: {
      title: newApi.title,
      version: newApi.apiVersion,
      ...(options.newSource ? { source: options.newSource } : {}),
    },
    profile,
    ...applied,
    ...(renames.length > 0 ? { renames } : {}),
  };
}
