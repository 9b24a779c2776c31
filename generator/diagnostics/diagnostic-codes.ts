/**
 * Every diagnostic specsmith reports, declared once: a stable kebab-case code, its severity and a
 * one-line summary (TypeSpec's `createDiagnosticCreator` table, in miniature). `DIAGNOSTICS.md`
 * documents each code under a heading of the same name; `test/diagnostics/registry.test.ts` fails
 * when a code is used without being declared here, or declared without a doc entry.
 *
 * Codes are never renamed or reused: CI scripts and suppressions match on them.
 */
import type { Severity } from "./diagnostics.ts";

export interface DiagnosticCodeInfo {
  readonly severity: Severity;
  /** What went wrong, in one line; the message says where and with which values. */
  readonly summary: string;
}

export const DIAGNOSTIC_CODES = {
  // Reading a document (generator/openapi/)
  "file-not-found": { severity: "error", summary: "A document (or a file a `$ref` names) does not exist." },
  "file-not-readable": { severity: "error", summary: "A document exists but cannot be read as a file (a folder, or no permission)." },
  "document-too-large": { severity: "error", summary: "A document is larger than the loader's limit and was not read." },
  "ref-outside-root": { severity: "error", summary: "A `$ref` names a file outside the root document's folder and the allowed folders; it was not read." },
  "invalid-syntax": { severity: "error", summary: "A document is neither valid JSON nor valid YAML." },
  "invalid-document": { severity: "error", summary: "A document parsed, but its root is not an object." },
  "unsupported-openapi-version": { severity: "error", summary: "The `openapi` field is missing (Swagger 2.0) or names a version other than 3.0.x / 3.1.x." },
  "missing-paths": { severity: "error", summary: "An OpenAPI 3.0 document has no `paths` object." },

  // Building the IR (generator/ir/): errors, the document cannot be turned into a correct client
  "unresolved-ref": { severity: "error", summary: "A `$ref` points to nothing." },
  "unknown-schema-type": { severity: "error", summary: "A schema's `type` is not a JSON Schema type." },
  "missing-path-parameter": { severity: "error", summary: "A `{variable}` of a path template has no path parameter." },
  "unknown-security-scheme": { severity: "error", summary: "A security requirement names a scheme `components/securitySchemes` does not declare." },
  "invalid-hmac-signature": { severity: "error", summary: "An `x-hmac-signature` extension is incomplete." },

  // Building the IR: warnings, the nearest sound type or behaviour was generated instead
  "invalid-schema": { severity: "warning", summary: "A schema is not an object; it is typed `unknown`." },
  "circular-alias": { severity: "warning", summary: "A schema is defined only through itself (a `$ref`/`allOf`/`oneOf`/`anyOf` cycle); typed `unknown` where the cycle closes." },
  "circular-inline-ref": { severity: "warning", summary: "A circular `$ref` outside `components/schemas` is typed `unknown` where it closes the cycle." },
  "schema-too-deep": { severity: "warning", summary: "Schemas nest deeper than the generator follows; the innermost ones are typed `unknown`." },
  "unsupported-keyword": { severity: "warning", summary: "A schema keyword TypeScript cannot express was left out; the type is wider than the schema." },
  "unsupported-value": { severity: "warning", summary: "An `enum` or `const` value that is an object or array is typed by its JSON shape only." },
  "unsupported-parameter": { severity: "warning", summary: "A parameter's `in` is not path, query, header or cookie; the parameter is left out." },
  "invalid-security-scheme": { severity: "warning", summary: "An `apiKey` scheme lacks `in` or `name`; it is left out." },
  "unsupported-security-scheme": { severity: "warning", summary: "A security scheme type clients cannot use (e.g. mutualTLS); it is left out." },
  "swagger2-leftover": { severity: "warning", summary: "A Swagger 2.0 construct in an OpenAPI 3 document was read the Swagger 2.0 way." },
  "invalid-header-name": { severity: "warning", summary: "A header parameter, response header or `apiKey` scheme names a header that is not a valid HTTP header name; it is left out." },
  "unsupported-media-type": { severity: "warning", summary: "A request media type the client cannot encode from its schema (e.g. XML) is left out; the operation's other media types are offered." },
  "unresolved-mapping": { severity: "warning", summary: "A discriminator `mapping` value names no schema; that value is left out of the mapping." },
  "invalid-pagination-hint": { severity: "warning", summary: "An operation's `x-pagination` hint is malformed or names a parameter or property the operation lacks; the operation is not paged." },
  "string-required": { severity: "warning", summary: "A `required` keyword is a string: `\"true\"`/`\"false\"` on a parameter, body or header read as the boolean, a string on a schema as a one-name list." },

  // The config file (generator/config/)
  "config-not-found": { severity: "error", summary: "The config file does not exist." },
  "invalid-config": { severity: "error", summary: "The config file is not valid JSON or does not match `generator/config/config.schema.json`." },
  "unknown-version": { severity: "error", summary: "The config lists an API version the service does not have." },

  // Writing and checking output (generator/output/)
  "output-not-owned": { severity: "error", summary: "The output folder holds files specsmith did not generate; it is not replaced." },
  "output-write-failed": { severity: "error", summary: "The output could not be written (permissions, disk full, a file where a folder should be)." },
  "stale-output": { severity: "error", summary: "`specsmith check`: a generated file is missing, different or orphaned." },
  "output-locked": { severity: "error", summary: "Another specsmith run is writing the same output folder (its lock file is beside the folder)." },
  "output-symlink": { severity: "error", summary: "The output folder is a symbolic link; specsmith does not replace or write through it." },
  "output-interrupted": { severity: "warning", summary: "An earlier `generate` was killed while writing; `generate` repairs it, `check` says what it would repair." },

  // `specsmith diff` (generator/diff/)
  "invalid-suppressions": { severity: "error", summary: "A `specsmith diff` suppression file is invalid." },
  "unreadable-git-ref": { severity: "error", summary: "A `specsmith diff` side `<ref>:<path>` names a ref or path git cannot read." },

  // The command line of generated packages (generator/emitters/cli/)
  "invalid-cli-naming": { severity: "error", summary: "A CLI naming file (`spec/<service>/cli.yaml`) is not valid YAML or does not follow its format." },
  "cli-naming-mismatch": { severity: "error", summary: "A CLI naming file names an operation, parameter, body field or flag the API lacks, or leaves a required one without a flag." },
  "convenience-mismatch": { severity: "error", summary: "The `convenience` section of a naming file names an operation, field, result property or type the API lacks, or leaves a required argument unmapped." },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type RegisteredCode = keyof typeof DIAGNOSTIC_CODES;

/**
 * TypeSpec's own diagnostics are relayed under `typespec/<its code>` (documented by TypeSpec); they
 * are errors, as the specs must compile with zero warnings.
 */
export const TYPESPEC_PREFIX = "typespec/";

export type DiagnosticCode = RegisteredCode | `typespec/${string}`;

/** The registry entry of `code`, or undefined when nothing declares it. */
export function codeInfo(code: string): DiagnosticCodeInfo | undefined {
  if (code.startsWith(TYPESPEC_PREFIX) && code.length > TYPESPEC_PREFIX.length) {
    return { severity: "error", summary: "A TypeSpec compiler diagnostic (warnings are errors)." };
  }
  return Object.hasOwn(DIAGNOSTIC_CODES, code) ? DIAGNOSTIC_CODES[code as RegisteredCode] : undefined;
}
