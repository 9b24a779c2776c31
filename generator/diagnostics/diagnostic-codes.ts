/**
 * Every diagnostic specsmith reports, declared once: a stable kebab-case code, its severity, a
 * one-line summary and the message template (TypeSpec's `createDiagnosticCreator` table, in
 * miniature). A template names its parameters in braces (`{ref}`); the type of a code's
 * parameters is read from its template, so a call that leaves one out does not compile.
 * `DIAGNOSTICS.md` documents each code under a heading of the same name;
 * `test/diagnostics/registry.test.ts` fails when a code is used without being declared here, or
 * declared without a doc entry.
 *
 * Where one code covers situations that read differently (each naming-file mistake, each
 * `x-pagination` flaw), its template has a `{problem}` parameter: the sentence for that situation.
 *
 * Codes are never renamed or reused: CI scripts and suppressions match on them. This module imports
 * nothing, so every other part of the diagnostics can import it.
 */

export type Severity = "error" | "warning";

export interface DiagnosticCodeInfo {
  readonly severity: Severity;
  /** What went wrong, in one line; the message says where and with which values. */
  readonly summary: string;
  /** The message, one line, with `{name}` for each parameter (values from documents quoted by the caller with `quoteValue`). */
  readonly message: string;
}

export const DIAGNOSTIC_CODES = {
  // Reading a document (generator/openapi/)
  "file-not-found": {
    severity: "error",
    summary: "A document (or a file a `$ref` names) does not exist.",
    message: "cannot read {file}: {reason}",
  },
  "file-not-readable": {
    severity: "error",
    summary: "A document exists but cannot be read as a file (a folder, or no permission).",
    message: "cannot read {file}: {reason}",
  },
  "document-too-large": {
    severity: "error",
    summary: "A document is larger than the loader's limit and was not read.",
    message: "the document is not read: {limit} per file; split it into files joined by `$ref`",
  },
  "ref-outside-root": {
    severity: "error",
    summary: "A `$ref` names a file outside the root document's folder and the allowed folders; it was not read.",
    message: "{ref} cannot be resolved: {reason}",
  },
  "invalid-syntax": {
    severity: "error",
    summary: "A document is neither valid JSON nor valid YAML.",
    message: "{problem}",
  },
  "invalid-document": {
    severity: "error",
    summary: "A document parsed, but its root is not an object.",
    message: "an OpenAPI document must be an object",
  },
  "unsupported-openapi-version": {
    severity: "error",
    summary: "The `openapi` field is missing (Swagger 2.0) or names a version other than 3.0.x / 3.1.x.",
    message: "{problem}",
  },
  "missing-paths": {
    severity: "error",
    summary: "An OpenAPI 3.0 document has no `paths` object.",
    message: "an OpenAPI 3.0 document needs a `paths` object; this one {problem}",
  },

  // Building the IR (generator/ir/): errors, the document cannot be turned into a correct client
  "unresolved-ref": {
    severity: "error",
    summary: "A `$ref` points to nothing.",
    message: "{ref} cannot be resolved: {reason}",
  },
  "unknown-schema-type": {
    severity: "error",
    summary: "A schema's `type` is not a JSON Schema type.",
    message: "unknown schema type {type}{hint}",
  },
  "missing-path-parameter": {
    severity: "error",
    summary: "A `{variable}` of a path template has no path parameter.",
    message: "path template variable {variable} has no path parameter",
  },
  "unknown-security-scheme": {
    severity: "error",
    summary: "A security requirement names a scheme `components/securitySchemes` does not declare.",
    message: "security names the scheme {scheme}, which is not declared",
  },
  "invalid-hmac-signature": {
    severity: "error",
    summary: "An `x-hmac-signature` extension is incomplete.",
    message: "scheme {scheme}: x-hmac-signature {problem}",
  },

  // Building the IR: warnings, the nearest sound type or behaviour was generated instead
  "invalid-schema": {
    severity: "warning",
    summary: "A schema is not an object; it is typed `unknown`.",
    message: "{problem}",
  },
  "circular-alias": {
    severity: "warning",
    summary:
      "A schema is defined only through itself (a `$ref`/`allOf`/`oneOf`/`anyOf` cycle); typed `unknown` where the cycle closes.",
    message:
      "`{name}` is defined through {others} with no object or array in between (a $ref, allOf, oneOf or anyOf cycle); typed as unknown where the cycle closes",
  },
  "circular-inline-ref": {
    severity: "warning",
    summary: "A circular `$ref` outside `components/schemas` is typed `unknown` where it closes the cycle.",
    message: "{ref} closes a cycle outside components/schemas; typed as unknown here",
  },
  "schema-too-deep": {
    severity: "warning",
    summary: "Schemas nest deeper than the generator follows; the innermost ones are typed `unknown`.",
    message: "schemas nest more than {depth} levels deep here; the inner ones are typed as unknown",
  },
  "unsupported-keyword": {
    severity: "warning",
    summary: "A schema keyword TypeScript cannot express was left out; the type is wider than the schema.",
    message: "{problem}",
  },
  "unsupported-value": {
    severity: "warning",
    summary: "An `enum` or `const` value that is an object or array is typed by its JSON shape only.",
    message: "an {kind} as an `enum`/`const` value is typed as unknown",
  },
  "unsupported-parameter": {
    severity: "warning",
    summary: "A parameter's `in` is not path, query, header or cookie; the parameter is left out.",
    message: "parameter {name} in {location} is not supported (OpenAPI 3 has path, query, header, cookie); ignored",
  },
  "invalid-security-scheme": {
    severity: "warning",
    summary: "An `apiKey` scheme lacks `in` or `name`; it is left out.",
    message: "apiKey scheme {scheme} needs `in` and `name`; ignored",
  },
  "unsupported-security-scheme": {
    severity: "warning",
    summary: "A security scheme type clients cannot use (e.g. mutualTLS); it is left out.",
    message: "security scheme {scheme} ({type}) is not supported; clients cannot use it",
  },
  "swagger2-leftover": {
    severity: "warning",
    summary: "A Swagger 2.0 construct in an OpenAPI 3 document was read the Swagger 2.0 way.",
    message: "{problem}",
  },
  "invalid-header-name": {
    severity: "warning",
    summary:
      "A header parameter, response header or `apiKey` scheme names a header that is not a valid HTTP header name; it is left out.",
    message: "{problem}",
  },
  "unsupported-media-type": {
    severity: "warning",
    summary:
      "A request media type the client cannot encode from its schema (e.g. XML) is left out; the operation's other media types are offered.",
    message:
      "a {mediaType} request body cannot be encoded from its schema; it is left out (the operation sends {sent})",
  },
  "unresolved-mapping": {
    severity: "warning",
    summary: "A discriminator `mapping` value names no schema; that value is left out of the mapping.",
    message:
      "discriminator value {value} maps to {target}, which cannot be resolved ({reason}); the value is left out of the mapping",
  },
  "invalid-pagination-hint": {
    severity: "warning",
    summary:
      "An operation's `x-pagination` hint is malformed or names a parameter or property the operation lacks; the operation is not paged.",
    message: "`x-pagination` {problem}; the operation is not paged",
  },
  "string-required": {
    severity: "warning",
    summary:
      'A `required` keyword is a string: `"true"`/`"false"` on a parameter, body or header read as the boolean, a string on a schema as a one-name list.',
    message: "`required` is the string {value}, not {expected}; {reading}",
  },

  // The config file (generator/config/)
  "config-not-found": {
    severity: "error",
    summary: "The config file does not exist.",
    message: "there is no config file at {file}; create one (see generator/config/config.schema.json) or pass --spec",
  },
  "invalid-config": {
    severity: "error",
    summary: "The config file is not valid JSON or does not match `generator/config/config.schema.json`.",
    message: "{problem}",
  },
  "unknown-version": {
    severity: "error",
    summary: "The config lists an API version the service does not have.",
    message: "{problem}",
  },

  // Writing and checking output (generator/output/)
  "output-not-owned": {
    severity: "error",
    summary: "The output folder holds files specsmith did not generate; it is not replaced.",
    message: "{problem}",
  },
  "output-write-failed": {
    severity: "error",
    summary: "The output could not be written (permissions, disk full, a file where a folder should be).",
    message: "cannot write {path}: {reason} ({errno}); the previous output was left as it was",
  },
  "stale-output": {
    severity: "error",
    summary: "`specsmith check`: a generated file is missing, different or orphaned.",
    message: "{state}; regenerate with `{command}`",
  },
  "output-locked": {
    severity: "error",
    summary: "Another specsmith run is writing the same output folder (its lock file is beside the folder).",
    message: "{problem}",
  },
  "output-symlink": {
    severity: "error",
    summary: "The output folder is a symbolic link; specsmith does not replace or write through it.",
    message: "{problem}",
  },
  "output-interrupted": {
    severity: "warning",
    summary:
      "An earlier `generate` was killed while writing; `generate` repairs it, `check` says what it would repair.",
    message: "{problem}",
  },

  // `specsmith diff` (generator/diff/)
  "invalid-suppressions": {
    severity: "error",
    summary: "A `specsmith diff` suppression file is invalid.",
    message: "{problem}",
  },
  "unreadable-git-ref": {
    severity: "error",
    summary: "A `specsmith diff` side `<ref>:<path>` names a ref or path git cannot read.",
    message: "{problem}",
  },

  // The command line of generated packages (generator/emit/cli/)
  "invalid-cli-naming": {
    severity: "error",
    summary: "A CLI naming file (`spec/<service>/cli.yaml`) is not valid YAML or does not follow its format.",
    message: "{problem}",
  },
  "cli-naming-mismatch": {
    severity: "error",
    summary:
      "A CLI naming file names an operation, parameter, body field or flag the API lacks, or leaves a required one without a flag.",
    message: "{problem}",
  },
  "convenience-mismatch": {
    severity: "error",
    summary:
      "The `convenience` section of a naming file names an operation, field, result property or type the API lacks, or leaves a required argument unmapped.",
    message: "{problem}",
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type RegisteredCode = keyof typeof DIAGNOSTIC_CODES;

/** The `{name}`s of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The parameters `code`'s template needs, each a value already shown as the message should show it. */
export type MessageParams<C extends RegisteredCode> = {
  readonly [Name in Placeholders<(typeof DIAGNOSTIC_CODES)[C]["message"]>]: string | number;
};

/**
 * TypeSpec's own diagnostics are relayed under `typespec/<its code>` (documented by TypeSpec); they
 * are errors, as the specs must compile with zero warnings.
 */
export const TYPESPEC_PREFIX = "typespec/";

export type TypeSpecCode = `typespec/${string}`;

export type DiagnosticCode = RegisteredCode | TypeSpecCode;

/** The registry entry of `code`, or undefined when nothing declares it. */
export function codeInfo(code: string): DiagnosticCodeInfo | undefined {
  if (code.startsWith(TYPESPEC_PREFIX) && code.length > TYPESPEC_PREFIX.length) {
    return {
      severity: "error",
      summary: "A TypeSpec compiler diagnostic (warnings are errors).",
      message: "{message}",
    };
  }
  return Object.hasOwn(DIAGNOSTIC_CODES, code) ? DIAGNOSTIC_CODES[code as RegisteredCode] : undefined;
}
