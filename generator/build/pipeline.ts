/**
 * The generation pipeline, end to end:
 *   TypeSpec --compile--> OpenAPI --load--> document --buildIr--> IR --plan--> package plan
 *   --emit (each output of emit/outputs.ts)--> file plans --print--> files --write--> disk
 * Everything is built in memory; the CLI hands the files to the one writer, which writes only when
 * no error was diagnosed.
 */
import { basename, dirname, relative } from "node:path";
import type { Config, DocumentServiceConfig, PackageMetadata, ServiceConfig } from "../config/config.ts";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostics.ts";
import type { VersionBuild } from "../diff/diff-reports.ts";
import { outputs } from "../emit/outputs.ts";
import { planPackage } from "../plan/package-plan.ts";
import { printInThread, printOutputs, type PrintFiles } from "./print-files.ts";
import type { OutputFile } from "../output/write-tree.ts";
import { versionProblems } from "./package-version.ts";
import { configRegenerateCommand } from "./regenerate-command.ts";
import {
  analyzePackage,
  reportBuilt,
  type PackageBuild,
  type PackageOptions,
  type Progress,
} from "./package-analysis.ts";

export interface GenerationResult {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

const silent: Progress = () => {};

/** Builds every output file of the configured services in memory; nothing is written here. */
export async function buildOutputs(config: Config, progress: Progress = silent): Promise<GenerationResult> {
  // Loaded here, not at the top: `generate --spec` (`buildPackage`) needs neither the TypeSpec
  // compiler (~35 MB), nor the diff reports (their SDK layer parses with ts-morph), nor ajv, nor
  // the naming files' YAML parser (a JSON document then never loads it).
  const { compileTypeSpec } = await import("../typespec/compile-typespec.ts");
  const { emitDiffReports } = await import("../diff/diff-reports.ts");
  const { selectVersions } = await import("../config/config.ts");
  const { serviceNaming } = await import("../plan/cli/naming-file.ts");
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const versions: VersionBuild[] = [];
  // Relative to the config's folder, so that the files do not depend on where the build ran.
  const regenerate = configRegenerateCommand(config.file, dirname(config.file));
  for (const service of config.services) {
    progress(`${service.name}: compiling ${relative(config.root, service.typespec)}`);
    const compiled = await compileTypeSpec(service.typespec, config.root);
    diagnostics.push(...compiled.diagnostics);
    const wanted = selectVersions(
      config,
      service,
      compiled.value.map((d) => d.version),
    );
    diagnostics.push(...wanted.diagnostics, ...versionProblems(config, service, wanted.value));
    // The command-line naming layer: `cli.yaml` beside the TypeSpec entry, when there is one.
    const naming = serviceNaming(service.typespec);
    diagnostics.push(...(naming?.diagnostics ?? []));
    if (hasErrors(compiled.diagnostics) || (naming && !naming.value)) continue;
    for (const document of compiled.value.filter((d) => wanted.value.includes(d.version))) {
      const openapiPath = `openapi/${service.name}/${document.version}.yaml`;
      files.push({ path: openapiPath, content: document.yaml });
      const built = buildPackage({
        file: `${basename(config.output)}/${openapiPath}`,
        text: document.yaml,
        packageName: service.packageName,
        service: service.name,
        source: `spec/${service.name} (${document.version})`,
        ...(naming?.value ? { cliNaming: naming.value } : {}),
        ...(service.azure !== undefined ? { azure: service.azure } : {}),
        ...maintained(config, service),
        regenerate,
        progress,
      });
      diagnostics.push(...built.diagnostics);
      files.push(...built.files.map((f) => ({ path: `packages/${built.directory}/${f.path}`, content: f.content })));
      versions.push({
        service: service.name,
        packageName: service.packageName,
        version: document.version,
        file: `${basename(config.output)}/${openapiPath}`,
        source: built.source,
        packageFiles: built.files,
      });
    }
  }
  for (const service of config.documents) {
    const built = buildPackage({
      file: service.openapi,
      packageName: service.packageName,
      service: service.name,
      source: relative(config.root, service.openapi),
      refRoots: config.refRoots,
      ...(service.azure !== undefined ? { azure: service.azure } : {}),
      ...maintained(config, service),
      regenerate,
      progress,
    });
    const wanted = selectVersions(config, service, built.apiVersion === undefined ? [] : [built.apiVersion]);
    const known =
      built.apiVersion === undefined
        ? []
        : [...wanted.diagnostics, ...versionProblems(config, service, [built.apiVersion])];
    diagnostics.push(...built.diagnostics, ...known);
    files.push(...built.files.map((f) => ({ path: `packages/${built.directory}/${f.path}`, content: f.content })));
  }
  // Version diff reports (generated/diffs/), from the documents and the packages just built.
  files.push(...emitDiffReports(versions));
  return { files, diagnostics };
}

/** What the maintainers configured for a service's packages: its version, the package.json fields. */
function maintained(
  config: Config,
  service: ServiceConfig | DocumentServiceConfig,
): { version?: ServiceConfig["version"]; metadata: PackageMetadata } {
  const keywords = [...(config.metadata.keywords ?? []), ...(service.keywords ?? [])];
  const metadata = { ...config.metadata, ...(keywords.length > 0 ? { keywords } : {}) };
  return { ...(service.version !== undefined ? { version: service.version } : {}), metadata };
}

/**
 * One OpenAPI document (a file, or text already in memory) -> the files of one npm package: the
 * IR, its plan (once), every output's file plans, printed by `print` (in this thread by default).
 */
export function buildPackage(options: PackageOptions, print: PrintFiles = printInThread): PackageBuild {
  const started = performance.now();
  const { ready, ...analysis } = analyzePackage(options);
  if (!ready) return { ...analysis, files: [] };
  const { ir, pkg } = ready;
  const planned = planPackage(ir, pkg, { cliNaming: options.cliNaming });
  const diagnostics = [...analysis.diagnostics, ...planned.diagnostics];
  if (hasErrors(diagnostics)) return { ...analysis, diagnostics, files: [] };
  const files = printOutputs(planned.value, outputs, print);
  reportBuilt(options.progress, ir, pkg, files, started);
  return { ...analysis, diagnostics, files, source: { api: ir, document: ready.document } };
}
