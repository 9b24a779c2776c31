/** One side of a diff: an OpenAPI file, loaded and built into the IR the generator uses. */
import type { Diagnosed, Diagnostic } from "../diagnostics/diagnostics.ts";
import { buildIr } from "../ir/build-ir.ts";
import type { ApiIR } from "../ir/types.ts";
import { loadOpenApi, type LoadedDocument, type LoadOptions } from "../openapi/load-openapi.ts";
import { clientName, documentTitle } from "../build/package-naming.ts";

/**
 * Loads `file` (or `text`, when given) into an IR named as the generator names it, so model names
 * in a diff are the generated package's type names. Undefined when any error was diagnosed.
 */
export function loadApi(file: string, text?: string, options: LoadOptions = {}): Diagnosed<ApiIR | undefined> {
  const loaded = loadApiDocument(file, text, options);
  return { value: loaded.value?.api, diagnostics: loaded.diagnostics };
}

/** `loadApi`, with the document the IR was built from (for the findings' source locations). */
export function loadApiDocument(
  file: string,
  text?: string,
  options: LoadOptions = {},
): Diagnosed<{ api: ApiIR; document: LoadedDocument } | undefined> {
  const loaded = loadOpenApi(file, text, options);
  if (!loaded.value || loaded.diagnostics.some((d) => d.severity === "error"))
    return { value: undefined, diagnostics: loaded.diagnostics };
  const ir = buildIr(loaded.value, clientName(documentTitle(loaded.value.root["info"], file)));
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...ir.diagnostics];
  return {
    value: diagnostics.some((d) => d.severity === "error") ? undefined : { api: ir.value, document: loaded.value },
    diagnostics,
  };
}
