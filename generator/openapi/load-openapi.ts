/**
 * The only module that reads OpenAPI text. It parses YAML or JSON, checks the few things every
 * later stage relies on, and gives out a resolver for `$ref`s (local and relative-file) plus a way
 * to turn a JSON pointer back into `line:column` for diagnostics, computed only when one is needed.
 */
import { createRequire } from "node:module";
import { dirname, resolve as resolvePath } from "node:path";
import type * as Yaml from "yaml";
import { createDiagnostic, type Diagnosed, type SourceLocation } from "../diagnostics/diagnostics.ts";
import type { MessageParams, RegisteredCode } from "../diagnostics/diagnostic-codes.ts";
import { quoteQuoted } from "../diagnostics/quote-value.ts";
import { isFileRefusal, readUntrustedFile, tooLarge, type FileRefusal } from "../input/read-untrusted-file.ts";
import { JsonPositions } from "./json-positions.ts";
import { RefRoots } from "./ref-roots.ts";
import { pointerThroughRefs } from "./pointer-through-refs.ts";

/**
 * The YAML parser, loaded on first use: a JSON document that needs no diagnostic position never
 * does, and loading it is a tenth of the time a large JSON document takes to read.
 */
const requireModule = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= requireModule("yaml") as typeof Yaml);

export type JsonObject = { [key: string]: unknown };

/** A parsed OpenAPI document and what it takes to read it. */
export interface LoadedDocument {
  readonly file: string;
  readonly root: JsonObject;
  /** "3.0" or "3.1". */
  readonly dialect: "3.0" | "3.1";
  /** Resolves a `$ref` found in `fromFile` (default: the main file); a failure says why. */
  resolveRef(ref: string, fromFile?: string): ResolvedRef | RefFailure;
  /** Where a JSON pointer of a file is, as a diagnostic location with line and column when known. */
  locate(pointer: string, file?: string): SourceLocation;
}

export interface RefFailure {
  readonly failure: string;
  /** The diagnostic to report it under, when not `unresolved-ref`. */
  readonly code?: "ref-outside-root";
}

export const isRefFailure = (r: ResolvedRef | RefFailure): r is RefFailure => "failure" in r;

export interface ResolvedRef {
  readonly file: string;
  /** JSON pointer inside `file`, without the leading `#`. */
  readonly pointer: string;
  readonly value: unknown;
}

/**
 * Documents (each file, when a document spans several) over this size are refused before they are
 * read. The largest public descriptions we know are a quarter of it (GitHub's full REST description
 * is ~11 MB, Stripe's ~7 MB); past it, parsing alone takes seconds and the document's object tree
 * alone hundreds of MB, so a clear refusal in milliseconds serves better than a slow crawl. A larger
 * API can be split into files joined by relative `$ref`s: the limit is per file.
 */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** How one file's text maps back to positions: JSON text gets a scanner, YAML a parse with positions. */
interface FileSource {
  readonly text: string;
  readonly json: boolean;
  jsonPositions?: JsonPositions;
  yamlPositions?: PositionIndex;
}

/** What else a document may read besides its own folder. */
export interface LoadOptions {
  /** Folders `$ref`s may name files under, besides the root document's folder. */
  readonly refRoots?: readonly string[];
}

/** Loads `file`; pass `text` when the main document is already in memory (e.g. just compiled). */
export function loadOpenApi(
  file: string,
  text?: string,
  options: LoadOptions = {},
): Diagnosed<LoadedDocument | undefined> {
  const main = resolvePath(file);
  const sources = new Map<string, FileSource>();
  const roots = new Map<string, unknown>();
  const refRoots = new RefRoots(main, options.refRoots);
  const error = <C extends RegisteredCode>(
    code: C,
    params: MessageParams<C>,
    location: SourceLocation = { file: main },
  ) => ({
    value: undefined,
    diagnostics: [createDiagnostic(code, params, location)],
  });

  /** Reads `path` (`real`: its real path, already checked to be under a root). */
  const read = (path: string, real?: string): Diagnosed<unknown> => {
    if (roots.has(path)) return { value: roots.get(path), diagnostics: [] };
    if (path === main && text !== undefined) return remember(path, text);
    const source = readUntrustedFile(real ?? path, { maxBytes: MAX_DOCUMENT_BYTES, noFollow: real !== undefined });
    return isFileRefusal(source) ? refused(path, source) : remember(path, source);
  };
  const refused = (path: string, refusal: FileRefusal) => {
    if (refusal.reason !== "too-large") {
      return error(
        refusal.reason === "missing" ? "file-not-found" : "file-not-readable",
        { file: path, reason: refusal.message },
        { file: path },
      );
    }
    return error("document-too-large", { limit: refusal.message }, { file: path, pointer: "", line: 1, column: 1 });
  };
  function remember(path: string, source: string): Diagnosed<unknown> {
    // Text handed in (not read from disk) gets the same limit; UTF-16 length <= UTF-8 bytes.
    if (source.length > MAX_DOCUMENT_BYTES)
      return refused(path, tooLarge(MAX_DOCUMENT_BYTES, Buffer.byteLength(source)));
    const parsed = parseText(path, source);
    sources.set(path, { text: source, json: parsed.json });
    if (parsed.diagnostics.length === 0) roots.set(path, parsed.value);
    return parsed;
  }

  const first = read(main);
  if (first.diagnostics.length > 0) return { value: undefined, diagnostics: first.diagnostics };
  const root = first.value;
  const locate = (pointer: string, path = main): SourceLocation => {
    const source = sources.get(path);
    if (source === undefined) return { file: path, pointer };
    if (source.json) {
      const positions = (source.jsonPositions ??= new JsonPositions(source.text));
      return { file: path, pointer, ...positions.lineColumn(positions.offsetOf(pointer)) };
    }
    return locatePointer(path, (source.yamlPositions ??= indexPositions(source.text)), pointer);
  };
  if (!isObject(root)) return error("invalid-document", {}, locate(""));
  const version = root["openapi"];
  if (typeof version !== "string") {
    const hint = root["swagger"] ? " (this is Swagger 2.0: convert it to OpenAPI 3 first)" : "";
    return error(
      "unsupported-openapi-version",
      { problem: `missing the \`openapi\` version field${hint}` },
      locate(""),
    );
  }
  const dialect = version.startsWith("3.0") ? "3.0" : version.startsWith("3.1") ? "3.1" : undefined;
  if (!dialect)
    return error(
      "unsupported-openapi-version",
      { problem: `OpenAPI ${version} is not supported (3.0.x and 3.1.x are)` },
      locate("/openapi"),
    );
  if (dialect === "3.0" && !isObject(root["paths"])) {
    const problem = root["paths"] === undefined ? "has no `paths` object" : "has a `paths` that is not an object";
    return error("missing-paths", { problem }, locate("/paths"));
  }

  // Large specs repeat the same few hundred `$ref`s thousands of times: resolve each once.
  const resolved = new Map<string, ResolvedRef | RefFailure>();
  const resolving = new Set<string>();
  const resolveRef = (ref: string, fromFile = main): ResolvedRef | RefFailure => {
    const key = `${fromFile}\0${ref}`;
    let result = resolved.get(key);
    // A pointer through `$ref`s may lead back to the reference being resolved.
    if (!result && resolving.has(key)) return { failure: "its pointer passes through `$ref`s that lead back to it" };
    resolving.add(key);
    if (!result) resolved.set(key, (result = resolveUncached(ref, fromFile)));
    resolving.delete(key);
    return result;
  };
  const resolveUncached = (ref: string, fromFile: string): ResolvedRef | RefFailure => {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    let pointer: string;
    try {
      pointer = hash === -1 ? "" : decodeURIComponent(ref.slice(hash + 1));
    } catch {
      return { failure: "its fragment is not valid percent-encoding" };
    }
    if (pointer !== "" && !pointer.startsWith("/"))
      return { failure: "its fragment is not a JSON pointer (it must start with `/`)" };
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return { failure: "remote references are not fetched" };
    const file = filePart ? resolvePath(dirname(fromFile), filePart) : fromFile;
    let real: string | undefined;
    if (file !== main) {
      const where = refRoots.check(file);
      if ("outside" in where) {
        const allow = "allow its folder with `allowRefRoots` in the config or `--allow-ref-root`";
        return {
          code: "ref-outside-root",
          failure: `it names ${file}, outside the folders \`$ref\`s may read (${String(refRoots)}); ${allow}`,
        };
      }
      if ("real" in where) real = where.real;
    }
    const loaded = read(file, real);
    const problem = loaded.diagnostics[0];
    if (problem) return { failure: problem.message };
    const value = getPointer(loaded.value, pointer);
    if (value !== undefined) return { file, pointer, value };
    return pointerThroughRefs(loaded.value, file, pointer, resolveRef) ?? { failure: "it points to nothing" };
  };
  return { value: { file: main, root, dialect, resolveRef, locate }, diagnostics: [] };
}

function parseText(file: string, text: string): Diagnosed<unknown> & { json: boolean } {
  if (/^\s*[{[]/.test(text)) {
    try {
      return { value: JSON.parse(text), diagnostics: [], json: true };
    } catch {
      // Fall through: the YAML parser reads JSON too, and reports where it breaks.
    }
  }
  const lineCounter = new (yaml().LineCounter)();
  const syntaxError = (message: string, offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return {
      value: undefined,
      diagnostics: [createDiagnostic("invalid-syntax", { problem: message }, { file, line, column: col })],
      json: false,
    };
  };
  try {
    // YAML 1.1 merge keys (`<<: *base`) are common in hand-written specs; duplicate keys are errors.
    const doc = yaml().parseDocument(text, { lineCounter, merge: true });
    const problem = doc.errors[0];
    if (problem) {
      // The parser's first line, without its own "at line L, column C:" (the location says it).
      // It quotes the token it stopped at, which may be anything the file holds: shown short and redacted.
      const message = (problem.message.split("\n")[0] ?? problem.message).replace(/ at line \d+, column \d+:?$/, "");
      // The parser reports its own stack overflow as an error of the document.
      if (message.startsWith("Maximum call stack size exceeded")) return syntaxError(TOO_DEEP, problem.pos[0]);
      return syntaxError(quoteQuoted(message), problem.pos[0]);
    }
    return { value: doc.toJS({ maxAliasCount: 1000 }), diagnostics: [], json: false };
  } catch (cause) {
    // Nesting past the parser's stack, or an alias bomb past `maxAliasCount`.
    const why = cause instanceof RangeError ? TOO_DEEP : quoteQuoted((cause as Error).message);
    return syntaxError(why, 0);
  }
}

const TOO_DEEP = "the document nests too deeply to read";

export function getPointer(root: unknown, pointer: string): unknown {
  if (pointer === "" || pointer === "/") return root;
  let node = root;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = Object.hasOwn(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

/** The last key of a JSON pointer, unescaped (`/components/schemas/a~1b` -> `a/b`). */
export function lastPointerKey(pointer: string): string {
  return pointer
    .slice(pointer.lastIndexOf("/") + 1)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
}

export function appendPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

interface PositionIndex {
  readonly contents: Yaml.Node | null;
  readonly lineCounter: Yaml.LineCounter;
}

/** Parses a file's text again, with positions: done once per file, and only when a diagnostic needs it. */
function indexPositions(text: string): PositionIndex {
  const lineCounter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter, merge: true, uniqueKeys: false });
  return { contents: doc.contents, lineCounter };
}

function locatePointer(file: string, index: PositionIndex, pointer: string): SourceLocation {
  const { lineCounter } = index;
  let node: Yaml.Node | null | undefined = index.contents;
  let found: Yaml.Node | null | undefined = node;
  for (const raw of pointer === "" ? [] : pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => yaml().isScalar(item.key) && String(item.key.value) === key);
      if (!pair) break;
      found = (pair.key as Yaml.Node) ?? found;
      node = pair.value as Yaml.Node | null;
    } else if (yaml().isSeq(node)) {
      node = node.items[Number(key)] as Yaml.Node | undefined;
      found = node ?? found;
    } else break;
  }
  const offset = found?.range?.[0];
  if (offset === undefined) return { file, pointer };
  const { line, col } = lineCounter.linePos(offset);
  return { file, pointer, line, column: col };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
