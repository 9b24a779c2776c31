/**
 * The generation pipeline, end to end: compile each TypeSpec service to OpenAPI, then hand every
 * file to the one writer, which writes only when no error was diagnosed.
 */
import type { Config } from "./config.ts";
import { hasErrors, type Diagnostic } from "./diagnostics.ts";
import type { OutputFile } from "./output/write-tree.ts";
import { compileTypeSpec } from "./typespec/compile-typespec.ts";

export interface GenerationResult {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/** Builds every output file in memory; nothing is written here. */
export async function buildOutputs(config: Config): Promise<GenerationResult> {
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const service of config.services) {
    const compiled = await compileTypeSpec(service.typespec, config.root);
    diagnostics.push(...compiled.diagnostics);
    if (hasErrors(compiled.diagnostics)) continue;
    for (const document of compiled.value) {
      files.push({ path: `openapi/${service.name}/${document.version}.yaml`, content: document.yaml });
    }
  }
  return { files, diagnostics };
}
