/**
 * Compiles a TypeSpec service in-process with @typespec/openapi3 and returns the OpenAPI documents
 * it emits, one per API version, without touching the disk: the output writer owns all writes.
 */
import { relative } from "node:path";
import {
  compile,
  getSourceLocation,
  NodeHost,
  type CompilerHost,
  type Diagnostic as TspDiagnostic,
} from "@typespec/compiler";
import { relayDiagnostic, type Diagnosed, type Diagnostic } from "../diagnostics/diagnostics.ts";

/** One emitted OpenAPI document. */
export interface OpenApiDocumentText {
  readonly version: string;
  readonly yaml: string;
}

/** The options we compile with; kept here so every caller emits the same bytes. */
const OPENAPI3_OPTIONS = {
  // 3.1 (with its JSON Schema dialect named in the document): the merge-patch bodies' `null`s are
  // valid there (3.0 has no `null` type), so validators and Prism find no violations.
  "openapi-versions": ["3.1.0"],
  "file-type": "yaml",
  "output-file": "{version}.yaml",
  "omit-unreachable-types": true,
  "new-line": "lf",
};

const VIRTUAL_OUT = "/__specsmith_out__";

/**
 * Names the schema dialect (JSON Schema 2020-12, which OpenAPI 3.1's default dialect extends only
 * with annotations). Tools that do not know OpenAPI's own dialect URI otherwise fall back to draft-07
 * and silently skip 2020-12 keywords: Prism, for one, then ignores the `unevaluatedProperties` TypeSpec
 * emits for records, so a wrong merge-patch value would pass its contract check.
 */
const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

function withSchemaDialect(yaml: string): string {
  const header = /^openapi: 3\.1\.\d+\n/;
  if (!header.test(yaml))
    throw new Error(`@typespec/openapi3 output does not start with "openapi: 3.1.x": ${yaml.slice(0, 40)}`);
  return yaml.replace(header, (line) => `${line}jsonSchemaDialect: ${SCHEMA_DIALECT}\n`);
}

export async function compileTypeSpec(mainFile: string, cwd: string): Promise<Diagnosed<OpenApiDocumentText[]>> {
  const emitted = new Map<string, string>();
  const host: CompilerHost = {
    ...NodeHost,
    writeFile: async (path, content) => {
      emitted.set(path, content);
    },
    mkdirp: async (path) => path,
    rm: async () => {},
  };
  const program = await compile(host, mainFile, {
    emit: ["@typespec/openapi3"],
    outputDir: VIRTUAL_OUT,
    options: { "@typespec/openapi3": { ...OPENAPI3_OPTIONS, "emitter-output-dir": VIRTUAL_OUT } },
  });
  const diagnostics = program.diagnostics.map((d) => toDiagnostic(d, cwd));
  const documents = [...emitted]
    .map(([path, yaml]) => ({ version: versionOf(path), yaml: withSchemaDialect(yaml) }))
    .sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  return { value: documents, diagnostics };
}

function versionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name.replace(/\.yaml$/, "");
}

/** TypeSpec warnings are errors for us: the specs must compile clean (see README). */
function toDiagnostic(d: TspDiagnostic, cwd: string): Diagnostic {
  const source = getSourceLocation(d.target);
  const code = `typespec/${d.code}` as const;
  const message = d.severity === "warning" ? `${d.message} (a warning, treated as an error)` : d.message;
  if (!source || source.isSynthetic) return relayDiagnostic(code, message);
  const { line, character } = source.file.getLineAndCharacterOfPosition(source.pos);
  return relayDiagnostic(code, message, {
    file: relative(cwd, source.file.path),
    line: line + 1,
    column: character + 1,
  });
}
