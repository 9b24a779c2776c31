/**
 * The generation pipeline, end to end:
 *   TypeSpec --compile--> OpenAPI --load--> document --buildIr--> IR --emit--> files --write--> disk
 * Everything is built in memory; the CLI hands the files to the one writer, which writes only when
 * no error was diagnosed.
 */
import { basename } from "node:path";
import type { Config } from "./config.ts";
import { hasErrors, type Diagnostic } from "./diagnostics.ts";
import { emitSources } from "./emitters/emit-sources.ts";
import { emitScaffold } from "./emitters/scaffold/emit-scaffold.ts";
import { buildIr } from "./ir/build-ir.ts";
import { isObject, loadOpenApi } from "./openapi/load-openapi.ts";
import type { OutputFile } from "./output/write-tree.ts";
import { clientName, packageInfo } from "./package-naming.ts";
import { compileTypeSpec } from "./typespec/compile-typespec.ts";

export interface GenerationResult {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/** Builds every output file of the configured services in memory; nothing is written here. */
export async function buildOutputs(config: Config): Promise<GenerationResult> {
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const service of config.services) {
    const compiled = await compileTypeSpec(service.typespec, config.root);
    diagnostics.push(...compiled.diagnostics);
    if (hasErrors(compiled.diagnostics)) continue;
    for (const document of compiled.value) {
      const openapiPath = `openapi/${service.name}/${document.version}.yaml`;
      files.push({ path: openapiPath, content: document.yaml });
      const built = buildPackage({
        file: `${basename(config.output)}/${openapiPath}`,
        text: document.yaml,
        packageName: service.packageName,
        service: service.name,
        source: `spec/${service.name} (${document.version})`,
      });
      diagnostics.push(...built.diagnostics);
      files.push(...built.files.map((f) => ({ path: `packages/${built.directory}/${f.path}`, content: f.content })));
    }
  }
  return { files, diagnostics };
}

export interface PackageBuild {
  readonly directory: string;
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/** One OpenAPI document (a file, or text already in memory) -> the files of one npm package. */
export function buildPackage(options: {
  readonly file: string;
  readonly text?: string;
  readonly packageName?: string;
  readonly service?: string;
  readonly source?: string;
}): PackageBuild {
  const loaded = loadOpenApi(options.file, options.text);
  if (!loaded.value) return { directory: "", files: [], diagnostics: [...loaded.diagnostics] };
  const info = isObject(loaded.value.root["info"]) ? loaded.value.root["info"] : {};
  const title = typeof info["title"] === "string" ? info["title"] : basename(options.file);
  const ir = buildIr(loaded.value, clientName(title));
  const diagnostics = [...loaded.diagnostics, ...ir.diagnostics];
  const service = options.service ?? kebabName(title);
  const pkg = packageInfo({
    packageName: options.packageName ?? service,
    service,
    apiVersion: ir.value.apiVersion,
    title,
    source: options.source ?? basename(options.file),
  });
  if (hasErrors(diagnostics)) return { directory: pkg.directory, files: [], diagnostics };
  return { directory: pkg.directory, files: [...emitSources(ir.value, pkg), ...emitScaffold(ir.value, pkg)], diagnostics };
}

function kebabName(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "api";
}
