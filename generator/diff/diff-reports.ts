/**
 * The diff-report step of `npm run generate`: for every pair of consecutive API versions of a
 * service (in `compareApiVersions` order), the wire diff of the IRs the run built from their
 * OpenAPI documents (reused, not rebuilt) with the TypeScript-API view of the packages just
 * generated from them, as
 * `diffs/<service>/<from>..<to>.md` and `.json`, and the JSON Schema once as
 * `diffs/report.schema.json` (a copy, so `generated/` describes itself; the staleness test keeps
 * the copy equal to `generator/diff/report.schema.json`).
 */
import { readFileSync } from "node:fs";
import type { ApiIR } from "../ir/types.ts";
import type { LoadedDocument } from "../openapi/load-openapi.ts";
import type { OutputFile } from "../output/write-tree.ts";
import { compareApis } from "./compare-apis.ts";
import { sdkPackage } from "./sdk/generated-package.ts";
import { renderJson } from "./reports/report-json.ts";
import { renderMarkdown } from "./reports/report-markdown.ts";
import { addSdkView } from "./sdk/sdk-layer.ts";
import { compareApiVersions } from "./spec-versions.ts";

/** One API version as the pipeline built it. */
export interface VersionBuild {
  readonly service: string;
  readonly packageName: string;
  readonly version: string;
  /** How diagnostics name the document, e.g. `generated/openapi/<service>/<version>.yaml`. */
  readonly file: string;
  /** The document and the IR the package was generated from; absent when it had errors (no report then). */
  readonly source: { readonly api: ApiIR; readonly document: LoadedDocument } | undefined;
  /** The package's files, package-relative; empty when the package had errors (no report then). */
  readonly packageFiles: readonly OutputFile[];
}

/** A version whose package was generated. */
type BuiltVersion = VersionBuild & { readonly source: NonNullable<VersionBuild["source"]> };
const built = (b: VersionBuild): b is BuiltVersion => b.source !== undefined && b.packageFiles.length > 0;

const SCHEMA = new URL("./report.schema.json", import.meta.url);

export function emitDiffReports(builds: readonly VersionBuild[]): OutputFile[] {
  const files: OutputFile[] = [];
  for (const service of new Set(builds.map((b) => b.service))) {
    const versions = builds
      .filter((b) => b.service === service)
      .filter(built)
      .sort((a, b) => compareApiVersions(a.version, b.version));
    for (let i = 1; i < versions.length; i++) files.push(...report(versions[i - 1]!, versions[i]!));
  }
  if (files.length > 0) files.push({ path: "diffs/report.schema.json", content: readFileSync(SCHEMA, "utf8") });
  return files;
}

function report(before: BuiltVersion, after: BuiltVersion): OutputFile[] {
  const [a, b] = [side(before), side(after)];
  // Sources name the versions as `specsmith diff` takes them, so the CLI reproduces the report.
  const documents = {
    old: { document: a.document, label: before.file },
    new: { document: b.document, label: after.file },
  };
  const wire = compareApis(a.api, b.api, {
    oldSource: `${before.service}@${before.version}`,
    newSource: `${after.service}@${after.version}`,
    documents,
  });
  const full = addSdkView(wire, a, b);
  const base = `diffs/${after.service}/${before.version}..${after.version}`;
  return [
    { path: `${base}.md`, content: renderMarkdown(full) },
    { path: `${base}.json`, content: renderJson(full, "../report.schema.json") },
  ];
}

function side(build: BuiltVersion) {
  const { api, document } = build.source;
  return { api, document, package: sdkPackage(build.packageName, api.apiVersion), files: build.packageFiles };
}
