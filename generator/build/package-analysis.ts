/**
 * The first half of a package build (`buildPackage` in `pipeline.ts`): the document loaded, its IR
 * built, the package named. It needs no emitter.
 */
import { basename } from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostics.ts";
import type { PackageMetadata, ServiceConfig } from "../config/config.ts";
import type { CliNaming } from "../plan/cli/naming-file.ts";
import type { PackageInfo } from "../plan/package-info.ts";
import { buildIr } from "../ir/build-ir.ts";
import type { ApiIR } from "../ir/types.ts";
import { loadOpenApi, type LoadedDocument } from "../openapi/load-openapi.ts";
import type { OutputFile } from "../output/write-tree.ts";
import { clientName, documentTitle, packageInfo } from "./package-naming.ts";
import { configuredVersion } from "./package-version.ts";

/** Receives one line per step of a long run (the CLI prints them on stderr unless `--quiet`). */
export type Progress = (message: string) => void;

/** What one package is built from. */
export interface PackageOptions {
  readonly file: string;
  /** The document's text, when it is already in memory (`file` then only names it). */
  readonly text?: string;
  readonly packageName?: string;
  readonly service?: string;
  /** How generated files name their source, e.g. `spec/communication-identity (2023-10-01)`. */
  readonly source?: string;
  readonly cliNaming?: CliNaming;
  readonly progress?: Progress;
  /** Folders `$ref`s may read files under, besides the document's own (`--allow-ref-root`, `allowRefRoots`). */
  readonly refRoots?: readonly string[];
  /** Whether the service is Azure (config `azure`, `--azure`/`--no-azure`); absent: the document decides. */
  readonly azure?: boolean;
  /** The config's `version` of the service (one, or one per API version); absent: derived. */
  readonly version?: ServiceConfig["version"];
  /** The config's package.json fields, the service's keywords merged in. */
  readonly metadata?: PackageMetadata;
  /** The command generated files name to regenerate them; default `specsmith generate --spec <source>`. */
  readonly regenerate?: string;
}

export interface PackageAnalysis {
  readonly directory: string;
  /** `info.version` of the document; absent when it could not be loaded. */
  readonly apiVersion?: string;
  readonly diagnostics: Diagnostic[];
  /** Present when there is something to emit: the document loaded and no error was diagnosed. */
  readonly ready?: { readonly ir: ApiIR; readonly pkg: PackageInfo; readonly document: LoadedDocument };
}

export interface PackageBuild {
  readonly directory: string;
  /** `info.version` of the document; absent when it could not be loaded. */
  readonly apiVersion?: string;
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
  /** The document and IR the files were emitted from (for the diff reports); absent when none were. */
  readonly source?: { readonly api: ApiIR; readonly document: LoadedDocument };
}

export function analyzePackage(options: PackageOptions): PackageAnalysis {
  const loaded = loadOpenApi(options.file, options.text, {
    ...(options.refRoots ? { refRoots: options.refRoots } : {}),
  });
  if (!loaded.value) return { directory: "", diagnostics: [...loaded.diagnostics] };
  const title = documentTitle(loaded.value.root["info"], options.file);
  const ir = buildIr(loaded.value, clientName(title), options.azure);
  const diagnostics = [...loaded.diagnostics, ...ir.diagnostics];
  const service = options.service ?? kebabName(title);
  const source = options.source ?? basename(options.file);
  const pkg = packageInfo({
    packageName: options.packageName ?? service,
    service,
    apiVersion: ir.value.apiVersion,
    title,
    source,
    version: configuredVersion(options.version, ir.value.apiVersion),
    metadata: options.metadata,
    regenerate: options.regenerate ?? `specsmith generate --spec ${source}`,
  });
  const base = { directory: pkg.directory, apiVersion: ir.value.apiVersion, diagnostics };
  return hasErrors(diagnostics) ? base : { ...base, ready: { ir: ir.value, pkg, document: loaded.value } };
}

function kebabName(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "api"
  );
}

/** The progress line of a finished package. */
export function reportBuilt(
  progress: Progress | undefined,
  ir: ApiIR,
  pkg: PackageInfo,
  files: readonly OutputFile[],
  started: number,
): void {
  const took = Math.round(performance.now() - started);
  progress?.(
    `${pkg.directory}: ${ir.operations.length} operations, ${ir.types.length} types -> ${files.length} files (${took} ms)`,
  );
}
